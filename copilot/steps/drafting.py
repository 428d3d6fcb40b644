"""Draft a step into a session without a model: run its computed drafter, keep the evidence it cites, log
who drafted it. Steps a model drafts go through the step engine instead."""

from __future__ import annotations

from collections.abc import Callable

from copilot.errors import StepError
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.steps.ai_scan import draft_ai_scan
from copilot.steps.catalogue import step
from copilot.steps.hmw_starters import draft_hmw
from copilot.steps.impact import draft_priorities
from copilot.steps.journey import draft_journey
from copilot.steps.proto_personas import draft_personas
from copilot.steps.stakeholder_candidates import draft_stakeholder_candidates
from copilot.steps.synthesis import draft_synthesis
from copilot.workshop import WorkshopFormat


def _synthesis(store: ResearchStore, session: Session, workshop: WorkshopFormat | None):
    return draft_synthesis(store, session.language)


def _journey(store: ResearchStore, session: Session, workshop: WorkshopFormat | None):
    return draft_journey(store, session, workshop.stages(session.language) if workshop else None)


# step id -> computed (offline) drafter: research themes, proto-personas per interviewee and segment, how
# each journey stage feels, how-might-we starters from the pains, impact from the evidence behind each idea,
# the stakeholders the research names, and an AI pattern per journey stage from what customers say of it
COMPUTED: dict[str, Callable] = {
    "SD-02": _synthesis,
    "SD-03": draft_personas,
    "SD-04": _journey,
    "SD-05": draft_hmw,
    "SD-07": draft_priorities,
    "SC-01": draft_stakeholder_candidates,
    "AI-01": draft_ai_scan,
}
# computed even when a model is at hand: themes from all the research beat a model's reading of a few quotes.
# The journey is computed only without a model, which also drafts actions, touchpoints and pains.
COMPUTED_FIRST = frozenset({"SD-02"})


def can_draft(step_id: str) -> bool:
    return step_id in COMPUTED


def computed_first(step_id: str) -> bool:
    return step_id in COMPUTED_FIRST


def draft_step(step_id: str, store: ResearchStore, session: Session, workshop: WorkshopFormat | None = None) -> None:
    info = step(step_id)
    drafter = COMPUTED.get(info.id)
    if drafter is None:
        raise StepError(key="not_offline", step=info.id, name=info.name("en"))
    output, cited = drafter(store, session, workshop)
    session.keep_evidence(cited)
    session.save_draft(info.id, output, actor="computed")
