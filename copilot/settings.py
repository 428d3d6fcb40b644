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


def default_language() -> str:
    """The language of a new session or app: CX_COPILOT_LANG (the quick start's switch), else Dutch."""
    return check_language((os.environ.get("CX_COPILOT_LANG") or DEFAULT_LANGUAGE).lower())


# --- what a workspace says about its organisation ---------------------------------------------------------
# Prompts carry no sector, country or currency of their own: these come from here, else neutral wording.
SETTINGS_FILE = "settings.yaml"
ORGANISATION_KEYS = ("sector", "currency")


@dataclass(frozen=True)
class Organisation:
    """What prompts may say about the organisation: its sector ("a municipality") and currency ("EUR", "£").
    Empty means unknown: templates then use neutral words ("the organisation's currency")."""

    sector: str = ""
    currency: str = ""


SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "INR": "₹", "CHF": "CHF ", "SEK": "kr ", "NOK": "kr "}


def currency_symbol(code: str) -> str:
    """A currency as the prefix of an amount ("€", "£", "ZAR "); empty for none."""
    return SYMBOLS.get(code.upper(), code if len(code) <= 1 or not code.isalpha() else f"{code} ")


def organisation(workspace: Workspace | None = None) -> Organisation:
    """The workspace's `settings.yaml` (`sector:`, `currency:`), overridden by `CX_COPILOT_SECTOR` and
    `CX_COPILOT_CURRENCY`; neither set means neutral wording."""
    workspace = workspace or Workspace.default()
    path = workspace.home / SETTINGS_FILE
    values: dict[str, str] = {}
    if path.is_file():
        values = _read_settings(path)
    for key in ORGANISATION_KEYS:
        env = os.environ.get(f"CX_COPILOT_{key.upper()}")
        if env is not None:
            values[key] = env
    return Organisation(**{key: " ".join(str(values.get(key) or "").split())[:80] for key in ORGANISATION_KEYS})


def _read_settings(path: Path) -> dict[str, str]:
    import yaml

    from copilot.errors import StepError

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise StepError(key="settings_unreadable", path=str(path), detail=str(error).splitlines()[0]) from None
    if not isinstance(data, dict) or not all(isinstance(data.get(k, ""), str | int) for k in ORGANISATION_KEYS):
        raise StepError(key="settings_unreadable", path=str(path), detail="sector/currency must be plain text")
    unknown = sorted(set(data) - set(ORGANISATION_KEYS))
    if unknown:
        raise StepError(key="settings_unknown", path=str(path), keys=", ".join(map(str, unknown)))
    return {key: str(value) for key, value in data.items()}
