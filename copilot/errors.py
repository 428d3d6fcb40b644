"""Errors a person can act on. Every message says what happened, to which file or step, and what to do.

CopilotError
├── ResearchFileError      a research file could not be read or parsed
├── StoreError             the research store cannot be opened or used
├── WorkshopFormatError    a workshop format file is invalid
├── ThemeError             a deck theme (.pptx master) cannot be used
├── SessionError           the workshop session file cannot be used
│   ├── StepLockedError    a locked step was edited
│   └── SaveConflict       someone else changed the same item since this save's base version
├── ExportError            a deck or session cannot be written where asked
├── UnknownLanguage        a language the copilot does not speak (also a ValueError)
└── StepError              a step cannot run (missing input, unknown step)
    └── UnverifiedQuotationsError  a step with unverified quotations was locked without confirmation
"""

from __future__ import annotations

from pathlib import Path

from copilot.secrets import scrub


class CopilotError(Exception):
    """Base class: any error the copilot explains to a person.

    Raised with `key=` (and its parameters), the message comes from the locales (`errors.<key>`) and the app
    shows it in the person's language; `str(error)` is the English one, for logs and the command line."""

    def __init__(self, message: str = "", *, key: str | None = None, **params) -> None:
        self.key, self.params = key, params
        super().__init__(scrub(message or self.say("en")))

    def say(self, language: str) -> str:
        """The message in `language` where it was raised with a key; else as raised."""
        if self.key is None:
            return str(self)
        from copilot.i18n import t

        # an error quoted inside another ("the pasted answer could not be used: …") speaks the same language
        params = {k: v.say(language) if isinstance(v, CopilotError) else v for k, v in self.params.items()}
        return scrub(t(f"errors.{self.key}", language, **params))


class ResearchFileError(CopilotError):
    """A research file could not be read or parsed: `key` names the problem and its advice in the locales
    (`errors.file.<key>.problem` and `.advice`); plain `problem`/`advice` text is kept as given."""

    def __init__(
        self, path: Path | str, problem: str = "", advice: str = "", *, key: str | None = None, **params
    ) -> None:
        self.path = Path(path)
        self.problem, self.advice = problem, advice
        self.file_key, self.file_params = key, params
        super().__init__(self.say("en"))

    def say(self, language: str) -> str:
        problem, advice = self.problem, self.advice
        if self.file_key:
            from copilot.i18n import t

            problem = t(f"errors.file.{self.file_key}.problem", language, **self.file_params)
            advice = t(f"errors.file.{self.file_key}.advice", language, **self.file_params)
        message = f"{readable_name(self.path.name)}: {problem}"
        return f"{message}. {advice}".strip() if advice else message


def readable_name(name: str) -> str:
    """A file name fit to print: bytes that were not UTF-8 (a Latin-1 name from an old share) come back from
    the file system as surrogates, which no terminal or store accepts; they are read as Windows-1252."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("cp1252", "replace")


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


class UnverifiedQuotationsError(StepError):
    """A step holds quotations that are not in the research; lock it only when the person confirms."""


class SaveConflict(SessionError):
    """Another writer changed the same item (or field) of a step since the version this save started from.

    Nothing was saved. `mine` is the content this save wanted, `theirs` what the session holds now (at
    `their_version`), `conflicts` the items both changed. Save a resolved version with `base=their_version`."""

    def __init__(self, step_id: str, mine, theirs, their_version: int, conflicts: list) -> None:
        self.step_id, self.mine, self.theirs = step_id, mine, theirs
        self.their_version, self.conflicts = their_version, conflicts
        names = ", ".join(conflict.label() for conflict in conflicts[:5]) + (" …" if len(conflicts) > 5 else "")
        super().__init__(key="save_conflict", step=step_id, items=names)


class ExportError(CopilotError):
    """A deck or a session file cannot be written where it was asked to go."""


class UnknownLanguage(CopilotError, ValueError):
    """A language the copilot does not speak was asked for."""
