"""Hostile text in every field a widget shows: for the tests that untrusted text is never HTML (issue 13).

An assistant's answer, an imported session, research quotes and file names all come from outside. Each
payload below runs script or makes an element if a widget ever reads it as HTML; the tests check that
neither happens (in the widget tree, and in a real browser).
"""

from __future__ import annotations

import typing
from html.parser import HTMLParser
from pathlib import Path

from pydantic import BaseModel

from copilot.research.chunks import Chunk
from copilot.session import Session
from copilot.steps.catalogue import STEPS
from copilot.steps.schemas.examples import example

SCRIPT = '<img src=x onerror="window.__pwned=1">'
ELEMENT = "<b id=pwn>pwn</b>"
PAYLOAD = f"{SCRIPT}{ELEMENT}"
# a file name cannot hold "/": the same two payloads without closing tags
FILE_NAME = "<img src=x onerror=window.__pwned=1><b id=pwn>"
QUOTE_ID = f"q{PAYLOAD}"


def hostile(model: BaseModel, tag: str) -> BaseModel:
    """`model` with the payload in every free-text field, id and evidence id, at every depth."""
    data = {}
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        annotation = info.annotation
        args = typing.get_args(annotation)
        if isinstance(value, BaseModel):
            data[name] = hostile(value, tag)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            data[name] = [hostile(item, f"{tag}{i}") for i, item in enumerate(value)]
        elif name == "evidence":
            data[name] = [QUOTE_ID]
        elif name == "id":
            data[name] = f"{PAYLOAD}{tag}"
        elif typing.get_origin(annotation) is list and args == (str,):
            data[name] = [f"{PAYLOAD} {v}" for v in value] or [PAYLOAD]
        elif annotation is str or str in args:  # str, or str | None (a Literal stays as it is)
            data[name] = f"{PAYLOAD} {value or ''}".strip()
        else:
            data[name] = value
    return type(model).model_validate(data)


def write_hostile_session(path: Path, workshop: str) -> Session:
    """A session as if imported from someone else: hostile title, quotes, sources, ids and texts in every
    step, and a hostile draft waiting beside each step's edits (so the draft-diff view shows it too)."""
    session = Session.create(path, f"{PAYLOAD} sessie", "nl", workshop=workshop)
    session.keep_evidence(
        [Chunk(id=QUOTE_ID, text=PAYLOAD, source=f"{FILE_NAME}.txt", location=PAYLOAD, kind="document")]
    )
    for step_id, info in STEPS.items():
        if info.schema is None:
            continue
        session.save_edit(step_id, hostile(example(info.schema), "e"))
        session.save_draft(step_id, hostile(example(info.schema), "d"), actor="import")
    return session


def write_hostile_research(folder: Path) -> Path:
    """Research whose file names and text carry the payloads; one of the files cannot be read."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{FILE_NAME}.txt").write_text(
        f"Klant: {PAYLOAD} de chatbot stuurde me steeds terug naar het begin van het menu.\n", encoding="utf-8"
    )
    (folder / f"{FILE_NAME}.pdf").write_bytes(b"not a pdf at all")
    return folder


def hostile_answer(schema: type[BaseModel]) -> str:
    """An assistant's answer citing quotes that are not in the research, under hostile ids and quotations:
    the paste bridge's warnings quote both back."""
    return hostile(example(schema), "a").model_dump_json()


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        if tag == "img" or "onerror" in names or ("id", "pwn") in attrs:
            self.found.append(self.get_starttag_text() or tag)


def payload_elements(html: str) -> list[str]:
    """Elements or attributes of the payload that `html`, read as HTML, would create."""
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.found
