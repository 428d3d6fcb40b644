"""Draft a step into a session: run its drafter, keep the evidence it cites, log who drafted it."""

from __future__ import annotations

from collections.abc import Callable

from copilot.errors import StepError
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.steps.catalogue import step
from copilot.steps.synthesis import draft_synthesis

# step id -> computed (offline) drafter; LLM drafting joins here once the step engine lands
COMPUTED: dict[str, Callable] = {"SD-02": draft_synthesis}


def can_draft(step_id: str) -> bool:
    return step_id in COMPUTED


def draft_step(step_id: str, store: ResearchStore, session: Session) -> None:
    info = step(step_id)
    drafter = COMPUTED.get(info.id)
    if drafter is None:
        raise StepError(f"Step {info.id} ({info.name('en')}) cannot be drafted offline yet.")
    output, cited = drafter(store, session.language)
    session.keep_evidence(cited)
    session.save_draft(info.id, output, actor="computed")
