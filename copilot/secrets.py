"""API keys and tokens never reach a screen, a log or the session's call log, even when a server echoes them.

Two nets: the values of the environment variables that hold secrets (`*_KEY`, `*_TOKEN`, `*_SECRET`,
`*_PASSWORD`) are removed wherever they appear, and text that looks like a credential (`Bearer …`, `sk-…`,
`api_key=…`, `user:password@` in a URL) is removed even when its value is not known here. Applied at the
boundaries: every `CopilotError`, every call-log row, every log record, and every exception (with its causes)
that leaves the workbench or a headless run.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress

MASK = "[secret removed]"
SECRET_NAME = re.compile(r"(API_?KEY|_KEY$|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL)", re.IGNORECASE)
PATTERNS = [
    re.compile(r"(?i)\b(bearer|basic)(\s+)[A-Za-z0-9._~+/=-]{6,}"),
    re.compile(
        r"(?i)([\"']?(?:api[-_]?key|x-api-key|access[-_]?token|auth[-_]?token|token|secret|password|authorization)"
        r"[\"']?\s*[:=]\s*[\"']?)(?!\[secret|bearer\b|basic\b)([^\s\"',;}&]{6,})"
    ),
    re.compile(r"\b(?:sk|pk|rk)-[A-Za-z0-9_-]{12,}"),  # OpenAI and Anthropic style keys
    re.compile(r"(?i)(\w+://[^/\s:@]+:)([^@\s/]+)(@)"),  # https://user:password@host
]


def known_secrets() -> list[str]:
    """The values of environment variables named like secrets, longest first (so no part is left over)."""
    values = {value for name, value in os.environ.items() if SECRET_NAME.search(name) and len(value) >= 8}
    return sorted(values, key=len, reverse=True)


def scrub(text: str) -> str:
    """`text` with every secret replaced by a marker."""
    if not text:
        return text
    for value in known_secrets():
        text = text.replace(value, MASK)
    text = PATTERNS[0].sub(lambda m: f"{m[1]}{m[2]}{MASK}", text)
    text = PATTERNS[1].sub(lambda m: f"{m[1]}{MASK}", text)
    text = PATTERNS[2].sub(MASK, text)
    return PATTERNS[3].sub(lambda m: f"{m[1]}{MASK}{m[3]}", text)


def _scrub_value(value):
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, dict | list):
        try:
            return json.loads(scrub(json.dumps(value)))
        except (TypeError, ValueError):
            return value
    return value


def scrub_exception(error: BaseException | None) -> BaseException | None:
    """Remove secrets from an exception and everything chained to it (its cause and context), in place: the
    message, the text attributes provider errors keep (`message`, `body`), and added notes."""
    stack, seen = [error], set()
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        with suppress(AttributeError, TypeError):
            current.args = tuple(_scrub_value(arg) for arg in current.args)
        for name in ("message", "body", "detail", "text", "__notes__"):
            value = getattr(current, name, None)
            if isinstance(value, str | dict | list):
                with suppress(AttributeError, TypeError):  # read-only properties stay as they are
                    setattr(current, name, _scrub_value(value))
        stack += [current.__cause__, current.__context__]
    return error


@contextmanager
def errors_scrubbed() -> Iterator[None]:
    """Whatever is raised inside leaves without secrets (the screen shows it, the details fold it away)."""
    try:
        yield
    except BaseException as error:
        scrub_exception(error)
        raise


_installed = False


def scrub_logs() -> None:
    """Every log record, from any library (openai, httpx, LangChain), is scrubbed as it is made."""
    global _installed
    if _installed:
        return
    _installed = True
    make_record = logging.getLogRecordFactory()

    def scrubbed_record(*args, **kwargs) -> logging.LogRecord:
        record = make_record(*args, **kwargs)
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return record
        clean = scrub(message)
        if clean != message:
            record.msg, record.args = clean, None
        return record

    logging.setLogRecordFactory(scrubbed_record)
