"""Session → DeckSpec: title, agenda, each step's slides, and an evidence appendix."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from copilot.export.deckspec import (
    AgendaRow,
    AgendaSlide,
    Card,
    CardsSlide,
    Deck,
    SectionSlide,
    Slide,
    TableSlide,
    TitleSlide,
)
from copilot.export.text import balanced, numbered, shorten
from copilot.i18n import t
from copilot.session import Session
from copilot.steps.catalogue import STEPS
from copilot.steps.schemas import ResearchSynthesis
from copilot.workshop import WorkshopFormat

CARDS_PER_SLIDE = 6


def build_deck(
    session: Session, workshop: WorkshopFormat | None = None, language: str | None = None, share: bool = False
) -> Deck:
    language = language or session.language
    workshop_name = workshop.name(language) if workshop else ""
    subtitle = " · ".join(
        filter(None, [workshop_name if workshop_name != session.title else "", date.today().isoformat()])
    )
    deck = Deck(title=session.title, language=language, slides=[TitleSlide(session.title, subtitle=subtitle)])
    if workshop:
        deck.slides.append(_agenda(workshop, language))
    cited: list[str] = []
    track = None
    for step_id in (s for s in STEPS if s in session.step_ids()):
        info = STEPS[step_id]
        builder = SLIDES.get(step_id)
        if builder is None or (share and info.confidential):
            continue
        if info.track != track:
            track = info.track
            deck.slides.append(
                SectionSlide(t(f"track.{track}", language), subtitle=t(f"track.{track}.subtitle", language))
            )
        slides, evidence_ids = builder(session, language)
        deck.slides.extend(slides)
        cited.extend(i for i in evidence_ids if i not in cited)
    deck.slides.extend(_appendix(session, cited, language))
    return deck


def _agenda(workshop: WorkshopFormat, language: str) -> AgendaSlide:
    rows = [AgendaRow(start, label, minutes) for start, label, minutes in workshop.timetable(language)]
    return AgendaSlide(t("deck.agenda", language, minutes=workshop.minutes), rows=rows)


def _synthesis_slides(session: Session, language: str) -> tuple[list[Slide], list[str]]:
    content = session.content("SD-02", ResearchSynthesis)
    title = STEPS["SD-02"].name(language)
    themes = content.themes if content else []
    evidence_ids = [i for theme in themes for i in theme.evidence]
    quotes = {q["id"]: q for q in session.evidence(evidence_ids)}
    groups = balanced(themes, CARDS_PER_SLIDE)
    slides: list[Slide] = []
    for number, group in enumerate(groups, start=1):
        cards, notes = [], []
        for theme in group:
            first = quotes.get(theme.evidence[0]) if theme.evidence else None
            body = theme.insight + (f"\n\n“{shorten(first['text'], 150)}”" if first else "")
            footer = t("deck.sources", language, n=theme.n_sources) + (
                f" · {', '.join(theme.evidence[:3])}" if theme.evidence else ""
            )
            cards.append(Card(theme.label, body, footer, theme.assumption))
            notes.append(_notes_for(theme.label, theme.evidence, quotes, language))
        slides.append(
            CardsSlide(
                numbered(title, number, len(groups)),
                notes="\n\n".join(notes),
                cards=cards,
                assumption_label=t("deck.assumption", language),
            )
        )
    return slides, evidence_ids


def _notes_for(heading: str, evidence: list[str], quotes: dict[str, dict], language: str) -> str:
    if not evidence:
        return f"{heading}\n{t('deck.no_evidence', language)}"
    lines = [heading]
    for quote_id in evidence:
        quote = quotes.get(quote_id)
        if quote:
            lines.append(f"[{quote_id}] “{quote['text']}” — {quote['source']}, {quote['location']}")
    return "\n".join(lines)


def _appendix(session: Session, ids: list[str], language: str) -> list[Slide]:
    """One table of every cited quote; the renderer continues it over as many slides as the rows need."""
    quotes = session.evidence(ids)
    if not quotes:
        return []
    columns = [t("deck.quote_id", language), t("deck.quote", language), t("deck.source", language)]
    return [
        TableSlide(
            t("deck.appendix", language),
            columns=columns,
            rows=[[q["id"], shorten(q["text"], 210), f"{Path(q['source']).name}, {q['location']}"] for q in quotes],
            widths=[1.2, 7.2, 3.6],
            row_notes=[f"[{q['id']}] {q['text']} — {q['source']}, {q['location']}" for q in quotes],
        )
    ]


# step id -> slides builder; each returns its slides and the evidence ids they cite
SLIDES: dict[str, Callable[[Session, str], tuple[list[Slide], list[str]]]] = {"SD-02": _synthesis_slides}
