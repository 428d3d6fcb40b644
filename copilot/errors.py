"""Errors a person can act on. Every message says what happened, to which file or step, and what to do.

CopilotError
├── ResearchFileError      a research file could not be read or parsed
├── StoreError             the research store cannot be opened or used
├── WorkshopFormatError    a workshop format file is invalid
├── ThemeError             a deck theme (.pptx master) cannot be used
├── SessionError           the workshop session file cannot be used
│   └── StepLockedError    a locked step was edited
└── StepError              a step cannot run (missing input, unknown step)
"""

from __future__ import annotations

from pathlib import Path


class CopilotError(Exception):
    """Base class: any error the copilot explains to a person."""


class ResearchFileError(CopilotError):
    """A research file could not be read or parsed."""

    def __init__(self, path: Path | str, problem: str, advice: str = "") -> None:
        self.path = Path(path)
        self.problem = problem
        self.advice = advice
        message = f"{self.path.name}: {problem}"
        super().__init__(f"{message}. {advice}".strip() if advice else message)


class StoreError(CopilotError):
    """The research store cannot be opened or used."""


class WorkshopFormatError(CopilotError):
    """A workshop format file is invalid."""


class ThemeError(CopilotError):
    """A deck theme cannot be used."""


class SessionError(CopilotError):
    """The workshop session file cannot be used."""


class StepLockedError(SessionError):
    """A locked step was edited; unlock it first."""


class StepError(CopilotError):
    """A step cannot run."""
