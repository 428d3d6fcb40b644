"""AI-01 AI-opportunity scan, computed offline: per stage of the journey (SD-04), the AI pattern what
customers say about it points to (copilot.steps.ai_patterns), the reasons in numbers, and the handover
trigger in a customer's own words. Fallbacks — what happens when the AI fails — are the team's design.
"""

from __future__ import annotations

from copilot.errors import StepError
from copilot.i18n import t
from copilot.research.chunks import Chunk
from copilot.research.redaction import Redactor
from copilot.research.retrieval import Retriever
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.steps.ai_patterns import suggest
from copilot.steps.registry import Agenda
from copilot.steps.schemas import AiOpportunityScan, CurrentJourney, TouchpointScan
from copilot.text import shorten

STEP = "AI-01"
QUOTES = 12  # what customers say about one stage: enough that one quote does not decide
CITED = 3
MIN_QUOTES = 3
TRIGGER_LENGTH = 160
# reasons shown in the "why", in the order they decide (see ai_patterns._pattern)
REASONS = ("refuses", "legal", "vulnerable", "asks", "complex", "simple")


def draft_ai_scan(store: ResearchStore, session: Session, workshop: Agenda | None = None):
    language = session.language
    journey = session.content("SD-04", CurrentJourney)
    if journey is None or not journey.stages:
        raise StepError(t("starters.scan_no_journey", language))
    retriever = Retriever(store)
    touchpoints, cited, unclear = [], {}, []
    for stage in journey.stages:
        query = " ".join([stage.name, *stage.actions, *stage.touchpoints, *stage.pains])
        quotes = stage_quotes(retriever, query)
        if len(quotes) < MIN_QUOTES:
            unclear.append(stage.name)
            continue
        suggestion = suggest([chunk.text for chunk in quotes])
        redactor = Redactor(language, known_names=sorted({c.speaker for c in quotes if c.speaker}))
        picked = quotes[:CITED]
        cited.update({chunk.id: chunk for chunk in picked})
        touchpoints.append(
            TouchpointScan(
                id=f"T{len(touchpoints) + 1}",
                stage=stage.id,
                touchpoint=", ".join(stage.touchpoints) or stage.name,
                pattern=suggestion.pattern,
                why=_why(suggestion.pattern, suggestion.reasons, len(quotes), language),
                handover_trigger=shorten(redactor.redact(suggestion.trigger), TRIGGER_LENGTH),
                evidence=[chunk.id for chunk in picked],
            )
        )
    if not touchpoints:
        raise StepError(t("starters.scan_no_quotes", language))
    questions = [t("starters.scan_fallback", language), t("starters.scan_check", language)]
    if unclear:
        questions.append(t("journey.unclear_stages", language, stages=", ".join(unclear)))
    return AiOpportunityScan(touchpoints=touchpoints, open_questions=questions), list(cited.values())


def _why(pattern: str, reasons: dict[str, float], n: int, language: str) -> str:
    counts = {name: min(n, round(reasons[name] * n)) for name in REASONS}
    parts = [t(f"starters.scan_reason.{name}", language, count=counts[name], n=n) for name in REASONS if counts[name]]
    parts = parts[:3]
    lead = t(f"starters.scan_pattern.{pattern}", language)
    return f"{lead} {'; '.join(parts)}." if parts else f"{lead}."


def stage_quotes(retriever: Retriever, query: str) -> list[Chunk]:
    """What customers said about a stage (interviews, surveys, contact notes; not reports' prose)."""
    return [q.chunk for q in retriever.search(query, k=QUOTES) if q.chunk.kind != "document"]
