"""The command line's error boundary: every error a person can cause becomes one line in their language (with
what to do next), never a traceback; secrets are scrubbed from whatever is printed. `CX_COPILOT_DEBUG=1`
shows the traceback of an unexpected error."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from rich.console import Console
from rich.markup import escape

from copilot.errors import CopilotError
from copilot.i18n import t
from copilot.secrets import scrub, scrub_exception
from copilot.settings import LANGUAGES


def message_language(argv: list[str]) -> str:
    """The language for messages: `--lang`, else CX_COPILOT_LANG, else Dutch when the system speaks it."""
    for arg, following in zip(argv, [*argv[1:], ""], strict=True):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else following if arg == "--lang" else None
        if value in LANGUAGES:
            return value
    for variable in ("CX_COPILOT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    return "en"


def run_reporting_errors(app: Callable[[], None], console: Console) -> None:
    """Run the CLI app; an error a person can cause is one line in their language, never a traceback."""
    for stream in (sys.stdout, sys.stderr):  # file names in another encoding print, instead of crashing
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    language = message_language(sys.argv[1:])
    try:
        app()
    except CopilotError as error:
        console.print(f"[red]{escape(error.say(language))}[/red]")
        sys.exit(1)
    except OSError as error:  # a missing, locked or read-only file or folder
        scrub_exception(error)
        name = error.filename or ""
        detail = error.strerror or str(error)
        console.print(f"[red]{escape(t('errors.cli_os_error', language, name=name, detail=detail))}[/red]")
        sys.exit(1)
    except Exception as error:
        scrub_exception(error)
        if os.environ.get("CX_COPILOT_DEBUG"):
            raise
        detail = scrub(f"{type(error).__name__}: {error}")
        console.print(f"[red]{escape(t('errors.cli_unexpected', language, detail=detail))}[/red]")
        sys.exit(1)
