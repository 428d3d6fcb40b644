"""Where the copilot keeps its data, and which language it speaks.

A *workspace* is the folder that holds a team's research store and workshop sessions
(`.cx-copilot/` under the project folder). `CX_COPILOT_HOME` overrides it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"


def project_root(start: Path | None = None) -> Path:
    """The nearest folder at or above `start` that holds `workshop_templates/`, else `start`."""
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / "workshop_templates").is_dir():
            return folder
    return start


@dataclass(frozen=True)
class Workspace:
    """The folders one team's workshop data lives in."""

    home: Path

    @classmethod
    def default(cls) -> Workspace:
        env = os.environ.get("CX_COPILOT_HOME")
        return cls(Path(env).resolve() if env else project_root() / ".cx-copilot")

    @property
    def store_dir(self) -> Path:
        return self.home / "store"

    @property
    def sessions_dir(self) -> Path:
        return self.home / "sessions"

    @property
    def decks_dir(self) -> Path:
        return self.home / "decks"

    def ensure(self) -> Workspace:
        for folder in (self.store_dir, self.sessions_dir, self.decks_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def check_language(language: str) -> str:
    """Return `language` when it is one the copilot speaks, else raise a clear error (also a ValueError)."""
    if language not in LANGUAGES:
        from copilot.errors import UnknownLanguage

        raise UnknownLanguage(f"Unknown language {language!r}: choose one of {', '.join(LANGUAGES)}.")
    return language
