"""Provenance in the deck: one line in every step slide's speaker notes, and an appendix with a row per step
(origin, prompt-template version, human edits, last change) and a row per quoted sentence (verbatim or not,
its source and location)."""

from __future__ import annotations

from copilot.export.deckspec import Slide, TableSlide
from copilot.export.provenance import StepProvenance, quoted_sentences
from copilot.export.text import shorten
from copilot.i18n import t
from copilot.session import Session
from copilot.steps.catalogue import STEPS


def origin_text(prov: StepProvenance, language: str) -> str:
    if not prov.origin:
        return ""
    return t(f"provenance.{prov.origin}", language, model=prov.model or "?")


def template_text(prov: StepProvenance, language: str) -> str:
    if prov.template_version == "changed":
        return t("provenance.changed", language)
    if not prov.template_version:
        return ""
    return t("provenance.template", language, name=prov.template, version=prov.template_version)


def _when(at: str) -> str:
    """'2026-12-02 13:40 UTC' from an ISO time in UTC."""
    return f"{at[:16].replace('T', ' ')} UTC" if at else "–"


def provenance_line(prov: StepProvenance, language: str) -> str:
    if not prov.origin:
        return ""
    template = template_text(prov, language)
    return t(
        "provenance.line",
        language,
        origin=origin_text(prov, language),
        template=f" ({template})" if template else "",
        edits=prov.human_edits,
        at=_when(prov.changed_at),
    )


def weak_line(weak: dict[str, float], language: str) -> str:
    """'Weak evidence …: T1 (0.12), T3 (0.15)' for a step's items whose quotes are about something else."""
    if not weak:
        return ""
    items = ", ".join(f"{item_id} ({score:.2f})" for item_id, score in weak.items())
    return t("provenance.weak_items", language, items=items)


def provenance_appendix(
    session: Session, origins: dict[str, StepProvenance], language: str, weak: dict | None = None
) -> list[Slide]:
    if not origins:
        return []
    weak = weak or {}
    label = lambda key: t(f"provenance.{key}", language)  # noqa: E731
    steps = TableSlide(
        label("appendix"),
        columns=[
            label("step"),
            label("origin"),
            label("template_column"),
            label("edits"),
            label("changed_at"),
            label("weak_short"),
        ],  # fmt: skip
        rows=[
            [
                f"{step_id} {STEPS[step_id].name(language)}",
                origin_text(prov, language),
                template_text(prov, language) or "–",
                str(prov.human_edits),
                _when(prov.changed_at),
                ", ".join(weak.get(step_id, {})) or "–",
            ]
            for step_id, prov in origins.items()
        ],
        widths=[2.4, 2.6, 2.8, 1.2, 1.8, 1.6],
    )
    sentences = [row for step_id in origins for row in quoted_sentences(session, step_id, STEPS[step_id].schema)]
    if not sentences:
        return [steps]
    quotes = TableSlide(
        label("quotes"),
        columns=[label("item"), t("deck.quote", language), label("verbatim"), t("deck.source", language)],
        rows=[
            [
                f"{row['step']} · {row['item']}",
                # an unverified quotation is never shown in the deck, not even here: the row says it was not found
                f"“{shorten(row['quote'], 160)}”" if row["verbatim"] else "–",
                label("verbatim_yes") if row["verbatim"] else label("verbatim_no"),
                f"[{row['evidence'].id}] {row['evidence'].cite(language)}" if row["verbatim"] else "–",
            ]
            for row in sentences
        ],
        widths=[1.8, 5.4, 1.8, 3.0],
    )
    return [steps, quotes]
