"""Draft a step into a session without a model: run its computed drafter, keep the evidence it cites, log
who drafted it. Steps a model drafts go through the step engine instead.

Which steps have a drafter, and which are computed even when a model is at hand, is declared in
`copilot.steps.registry`: research themes, proto-personas, how each journey stage feels, how-might-we starters
from the pains, impact from the evidence behind each idea, the stakeholders the research names, an AI
pattern per journey stage and a business case calculated from the contact export."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from copilot.errors import StepError
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.steps.journey import draft_journey
from copilot.steps.registry import STEPS, Agenda, resolve, step
from copilot.steps.synthesis import draft_synthesis


def synthesis(store: ResearchStore, session: Session, workshop: Agenda | None = None):
    return draft_synthesis(store, session.language)


def journey(store: ResearchStore, session: Session, workshop: Agenda | None = None):
    return draft_journey(store, session, workshop.stages(session.language) if workshop else None)


class _Computed(Mapping):
    """step id -> computed (offline) drafter, as the registry declares them."""

    def __getitem__(self, step_id: str) -> Callable:
        info = STEPS.get(step_id)
        if info is None or info.drafter is None:
            raise KeyError(step_id)
        return resolve(info.drafter)

    def __iter__(self):
        return iter([step_id for step_id, info in STEPS.items() if info.drafter is not None])

    def __len__(self) -> int:
        return len(list(iter(self)))


COMPUTED: Mapping[str, Callable] = _Computed()


def can_draft(step_id: str) -> bool:
    info = STEPS.get(step_id)
    return info is not None and info.drafter is not None


def computed_first(step_id: str) -> bool:
    """Computed even when a model is at hand: themes from all the research beat a model's reading of a few
    quotes. The journey is computed only without a model, which also drafts actions, touchpoints and pains."""
    info = STEPS.get(step_id)
    return info is not None and info.computed_first


def draft_step(step_id: str, store: ResearchStore, session: Session, workshop: Agenda | None = None) -> None:
    info = step(step_id)
    if info.drafter is None:
        raise StepError(key="not_offline", step=info.id, name=info.name("en"))
    output, cited = resolve(info.drafter)(store, session, workshop)
    session.keep_evidence(cited)
    session.save_draft(info.id, output, actor="computed")
