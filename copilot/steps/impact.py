"""SD-07 prioritisation, computed offline: an impact suggested per idea from the evidence behind it — how
many sources speak to it (through its how-might-we question and journey stage) and how sore that stage
feels. Effort is left to people: only the team knows what something costs to build and run here.
"""

from __future__ import annotations

from copilot.errors import StepError
from copilot.i18n import t
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.steps.registry import Agenda
from copilot.steps.schemas import CurrentJourney, HowMightWe, IdeaScore, Ideation, Prioritisation

STEP = "SD-07"
UNKNOWN_EFFORT = 3  # the middle of the scale until the team scores it; said so in every rationale


def draft_priorities(store: ResearchStore, session: Session, workshop: Agenda | None = None):
    language = session.language
    ideas = session.content("SD-06", Ideation)
    if ideas is None or not ideas.ideas:
        raise StepError(t("starters.impact_no_ideas", language))
    hmw = {q.id: q for q in (session.content("SD-05", HowMightWe) or HowMightWe()).questions}
    journey = session.content("SD-04", CurrentJourney)
    stages = {s.id: s for s in journey.stages} if journey else {}
    scores = []
    for idea in ideas.ideas:
        question = hmw.get(idea.hmw)
        stage = stages.get(question.stage) if question else None
        evidence = list(dict.fromkeys([*idea.evidence, *(question.evidence if question else [])]))
        sources = {quote.source for quote in session.evidence(evidence)}
        impact = suggested_impact(len(sources), stage.emotion if stage else 0)
        why = t("starters.impact_why", language, sources=len(sources), effort=UNKNOWN_EFFORT)
        if stage is not None and stage.emotion < 0:
            why = t(
                "starters.impact_why_sore",
                language,
                sources=len(sources),
                stage=stage.name,
                emotion=stage.emotion,
                effort=UNKNOWN_EFFORT,
            )
        scores.append(
            IdeaScore(
                id=f"P{len(scores) + 1}",
                idea=idea.id,
                title=idea.title,
                impact=impact,
                effort=UNKNOWN_EFFORT,
                rationale=why,
                evidence=evidence,
            )
        )
    return Prioritisation(scores=scores, open_questions=[t("starters.impact_effort", language)]), []


def suggested_impact(sources: int, emotion: int) -> int:
    """1–5: one point for an idea nobody's research speaks to, more for each step of breadth (2, 4 sources)
    and for a stage that hurts (emotion −1 or −2)."""
    score = 1 + (sources >= 1) + (sources >= 2) + (sources >= 4) + (emotion <= -1)
    return max(1, min(5, score))
