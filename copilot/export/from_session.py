"""Session → DeckSpec: title, agenda, each step's slides (or its canvas), and an evidence appendix.

The step builders live in `copilot.export.slides`, one module per track. A step with no content yet, and every
step on the workshop's agenda that was never drafted, gets a canvas — so a deck made before the workshop
doubles as its handout. Shared decks (`share=True`) leave out confidential steps and their evidence entirely,
and every text on them is redacted (`copilot.export.share`): no names, phone numbers or addresses anywhere.
"""

from __future__ import annotations

from datetime import date

from copilot.export.deckspec import AgendaRow, AgendaSlide, Deck, SectionSlide, Slide, TableSlide, TitleSlide
from copilot.export.provenance import StepProvenance, step_provenance
from copilot.export.provenance_slides import provenance_appendix, provenance_line, weak_line
from copilot.export.share import redact_deck
from copilot.export.slides import SLIDES, canvas, has_content
from copilot.export.slides import notes_for as _notes_for
from copilot.export.slides.common import join_notes
from copilot.export.text import shorten
from copilot.i18n import t
from copilot.participation_deck import vote_slides
from copilot.session import Session
from copilot.steps.catalogue import STEPS
from copilot.steps.evidence_fit import weak_evidence
from copilot.workshop import WorkshopFormat

__all__ = ["SLIDES", "build_deck", "deck_steps", "_notes_for"]


def build_deck(
    session: Session,
    workshop: WorkshopFormat | None = None,
    language: str | None = None,
    share: bool = False,
    store=None,
) -> Deck:
    """The deck of `session`. With the research `store`, items whose cited quotes are about something else are
    marked "weak evidence" in the notes and the provenance appendix (`copilot.steps.evidence_fit`)."""
    language = language or session.language
    workshop_name = workshop.name(language) if workshop else ""
    title = _title(session, workshop, language)
    subtitle = " · ".join(filter(None, [workshop_name if workshop_name != title else "", date.today().isoformat()]))
    deck = Deck(title=title, language=language, slides=[TitleSlide(title, subtitle=subtitle)])
    if workshop:
        deck.slides.append(_agenda(workshop, language, share))
    cited: list[str] = []
    origins: dict[str, StepProvenance] = {}
    weak: dict[str, dict[str, float]] = {}
    track = None
    for step_id in deck_steps(session, workshop):
        info = STEPS[step_id]
        if share and info.confidential:
            continue
        drafted = step_id in session.step_ids() and has_content(session.content(step_id, info.schema))
        if drafted:
            slides, evidence_ids = SLIDES[step_id](session, language)
            slides += vote_slides(session, step_id, language)  # the room's revealed dot vote (issue 23)
            origins[step_id] = step_provenance(session, step_id)
            if store is not None:
                weak[step_id] = weak_evidence(session.content(step_id, info.schema), store)
            line = provenance_line(origins[step_id], language)
            for slide in slides:
                slide.notes = join_notes(slide.notes, line, weak_line(weak.get(step_id, {}), language))
        else:
            slides, evidence_ids = [canvas(step_id, language)], []
        if not slides:
            continue
        if info.track != track:
            track = info.track
            deck.slides.append(
                SectionSlide(t(f"track.{track}", language), subtitle=t(f"track.{track}.subtitle", language))
            )
        deck.slides.extend(slides)
        cited.extend(i for i in evidence_ids if i not in cited)
    deck.slides.extend(_appendix(session, cited, language))
    deck.slides.extend(provenance_appendix(session, origins, language, weak))
    if share:
        redact_deck(deck, known_names=_speakers(session, cited), keep=_persona_names(session))
    return deck


def _speakers(session: Session, ids: list[str]) -> list[str]:
    return [q.speaker for q in session.evidence(ids) if q.speaker]


def _persona_names(session: Session) -> list[str]:
    """The made-up first names of the personas ("Ria" of "Ria, recently widowed"): nobody's personal data."""
    if "SD-03" not in session.step_ids():
        return []
    content = session.content("SD-03", STEPS["SD-03"].schema)
    return [p.name.split(",")[0].strip() for p in getattr(content, "personas", None) or [] if p.name.strip()]


def _title(session: Session, workshop: WorkshopFormat | None, language: str) -> str:
    """The session's title; a title that is the format's name (a new session's default) in another language is
    that name in the deck's language."""
    if workshop and session.title in workshop.title.values():
        return workshop.name(language)
    return session.title


def deck_steps(session: Session, workshop: WorkshopFormat | None = None) -> list[str]:
    """The steps the deck shows, in order: the workshop's agenda steps in agenda order, with the session's other
    steps before or after them by their place in the catalogue."""
    catalogue = list(STEPS)
    agenda = list(dict.fromkeys(workshop.steps)) if workshop else []
    others = [s for s in catalogue if s in session.step_ids() and s not in agenda]
    if not agenda:
        return others
    first = catalogue.index(agenda[0])
    return (
        [s for s in others if catalogue.index(s) < first] + agenda + [s for s in others if catalogue.index(s) > first]
    )


def _agenda(workshop: WorkshopFormat, language: str, share: bool = False) -> AgendaSlide:
    """The timetable; in a shared deck a confidential step keeps its time but not its name."""
    rows = []
    for (start, label, minutes), item in zip(workshop.timetable(language), workshop.agenda, strict=True):
        if share and item.step and STEPS[item.step].confidential:
            label = t("deck.confidential_item", language)
        rows.append(AgendaRow(start, label, minutes))
    return AgendaSlide(t("deck.agenda", language, minutes=workshop.minutes), rows=rows)


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
            rows=[[q.id, shorten(q.text, 210), q.cite(language)] for q in quotes],
            widths=[1.2, 7.2, 3.6],
            row_notes=[f"[{q.id}] {q.text} — {q.cite(language)}" for q in quotes],
        )
    ]
