"""The deck's proofing language on every text we write: without it PowerPoint takes the master's (en-US), and
spell-checks a Dutch deck as English, underlining every word. And the file's properties: what File › Info shows
is this deck, not the template's author and its 2013 dates."""

from __future__ import annotations

import datetime as dt

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

TAGS = {"nl": "nl-NL", "en": "en-GB"}


def mark_language(prs, language: str) -> None:
    """Every run and paragraph end on the slides, their notes and charts says the deck's language; so do the
    file's properties."""
    tag = TAGS.get(language, language)
    parts = [slide.part for slide in prs.slides]
    parts += [slide.notes_slide.part for slide in prs.slides if slide.has_notes_slide]
    parts += [rel.target_part for part in list(parts) for rel in part.rels.values() if rel.reltype == RT.CHART]
    for part in parts:
        root = part._element
        for run in [*root.iter(qn("a:r")), *root.iter(qn("a:fld"))]:
            if run.find(qn("a:rPr")) is None:
                run.insert(0, run.makeelement(qn("a:rPr"), {}))
        for name in ("a:rPr", "a:endParaRPr", "a:defRPr"):
            for properties in root.iter(qn(name)):
                properties.set("lang", tag)
    prs.core_properties.language = tag


def mark_properties(prs, title: str) -> None:
    """The deck's title, the copilot as author and today as when it was made."""
    properties = prs.core_properties
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)  # the file format keeps UTC, unzoned
    properties.title, properties.subject, properties.keywords, properties.comments = title, "", "", ""
    properties.author = properties.last_modified_by = "CX Copilot"
    properties.created = properties.modified = now
    properties.revision = 1
