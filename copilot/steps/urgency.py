"""SC-04 case for change, computed offline: why change cannot wait, from the customer's side. Where the
journey (SD-04) hurts, the themes (SD-02) most sources raise, and how often customers make contact (the
research's contact exports), each with the sorest sentence a customer said about it as the card's quote.

The vision, the from → to shifts and what is in it for each group are the coalition's to write: research does
not state them, and a change story people did not write themselves does not travel. The open questions say so.
"""

from __future__ import annotations

import re
from collections import Counter

from copilot.errors import StepError
from copilot.i18n import t
from copilot.research.chunks import Chunk
from copilot.research.language import detect
from copilot.research.redaction import Redactor
from copilot.research.sentiment import sentiment
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.steps import contact_exports as exports
from copilot.steps.business_case import between, number
from copilot.steps.journey import sorest
from copilot.steps.registry import Agenda
from copilot.steps.schemas import CaseForChange, CurrentJourney, ResearchSynthesis, UrgencyPoint
from copilot.text import reads_as_said, shorten

# a report's advice ("Implementeer autosave, daarmee is de knop overbodig") reads negative but says what to do,
# not what goes wrong for customers
ADVICE = re.compile(
    r"^(?:advies|aanbeveling|tip|recommendation|implementeer|zorg|voeg|maak|gebruik|overweeg|pas|verwijder|plaats|"
    r"toon|geef|bied|vermijd|houd|recommend|consider|add|use|make|ensure|remove|avoid|provide|show)\b",
    re.IGNORECASE,
)
POINTS = 4  # from the journey and the themes; with the contacts figure at most five, as the step asks
QUOTE_LENGTH = 200
CONTACT_ROWS_CITED = 3


def draft_case_for_change(store: ResearchStore, session: Session, workshop: Agenda | None = None):
    """Urgency points, sorest first, and no vision, shifts or benefits: those are left to the coalition."""
    language = session.language
    journey = session.content("SD-04", CurrentJourney)
    synthesis = session.content("SD-02", ResearchSynthesis)
    export = exports.contact_export(store.chunks(where={"kind": "table"}))
    computed: list[Chunk] = []
    if (synthesis is None or not synthesis.themes) and (journey is None or not journey.stages):
        from copilot.steps.synthesis import draft_synthesis

        # customers' words, not the agents' notes of a contact export: its figure is a point of its own
        notes = {row.chunk.id for row in export.rows} if export else set()
        synthesis, computed = draft_synthesis(store, language, leave_out=notes)
    quotes = {c.id: c for c in computed} | {q.id: q for q in session.evidence(_cited(journey, synthesis))}
    redactor = Redactor(language, known_names={q.speaker for q in quotes.values() if getattr(q, "speaker", "")})
    points = [*_from_journey(journey, quotes, language), *_from_themes(synthesis, quotes, redactor, language)]
    points = points[:POINTS]
    contacts, rows = _from_contacts(export, language)
    points += contacts
    if not points:
        raise StepError(t("starters.urgency_none", language))
    for n, point in enumerate(points, start=1):
        point.id = f"U{n}"
    questions = [t("starters.urgency_vision", language), t("starters.urgency_check", language)]
    cited = {c.id: c for c in [*computed, *rows]}
    return CaseForChange(urgency=points, open_questions=questions), list(cited.values())


def _cited(journey: CurrentJourney | None, synthesis: ResearchSynthesis | None) -> list[str]:
    items = [*(journey.stages if journey else []), *(synthesis.themes if synthesis else [])]
    return [i for item in items for i in item.evidence]


def _from_journey(journey: CurrentJourney | None, quotes: dict, language: str) -> list[UrgencyPoint]:
    """The stages that feel negative, sorest first, each with its first pain (a customer's sentence) as quote."""
    if journey is None:
        return []
    sore = sorted((s for s in journey.stages if s.emotion < 0 and s.pains), key=lambda s: s.emotion)
    points = []
    for stage in sore:
        sources = len({quotes[i].source for i in stage.evidence if i in quotes})
        point = t("starters.urgency_stage", language, stage=stage.name, sources=sources)
        points.append(UrgencyPoint(id="U", point=point, quote=stage.pains[0], evidence=list(stage.evidence)))
    return points


def _from_themes(
    synthesis: ResearchSynthesis | None, quotes: dict, redactor: Redactor, language: str
) -> list[UrgencyPoint]:
    """The themes most sources raise, where a customer says something hurts: a theme nobody complains about is
    no reason to hurry."""
    if synthesis is None:
        return []
    points = []
    for theme in sorted(synthesis.main_themes(), key=lambda theme: -theme.n_sources):
        said = [quotes[i].text for i in theme.evidence if i in quotes and reads_as_said(quotes[i].text)]
        # a sentence that hurts, in the deck's language when the theme has one (an English deck quotes the English
        # customer), the sorest first
        lines = (sorest(text) for text in said)
        hurts = [line for line in lines if sentiment(line).score < 0 and not ADVICE.match(line)]
        if not hurts:
            continue
        hurts.sort(key=lambda line: (detect(line) != language, sentiment(line).score))
        sources = theme.n_sources or len({quotes[i].source for i in theme.evidence if i in quotes})
        point = t("starters.urgency_theme", language, theme=theme.label, sources=sources)
        quote = shorten(redactor.redact(hurts[0]), QUOTE_LENGTH)
        points.append(UrgencyPoint(id="U", point=point, quote=quote, evidence=list(theme.evidence)))
    return points


def _from_contacts(export: exports.ContactExport | None, language: str) -> tuple[list[UrgencyPoint], list[Chunk]]:
    """How often customers make contact a year, and the reason they give most, from the contact exports."""
    per_year = exports.contacts_per_year(export) if export else None
    if export is None or per_year is None:
        return [], []
    reason, count = Counter(row.reason for row in export.rows).most_common(1)[0]
    rows = [row for row in export.rows if row.reason == reason]
    cited = exports.spread(rows, CONTACT_ROWS_CITED)
    point = t(
        "starters.urgency_contacts",
        language,
        contacts=between(per_year.low, per_year.high, language),
        reason=_in_sentence(reason),
        share=number(100 * count / len(export.rows), language),
    )
    return [UrgencyPoint(id="U", point=point, evidence=[c.id for c in cited])], cited


def _in_sentence(reason: str) -> str:
    """ "Betalingsregeling aanvragen" mid-sentence is "betalingsregeling aanvragen"; "WOZ-bezwaar" stays."""
    return reason[:1].lower() + reason[1:] if reason[1:2].islower() else reason
