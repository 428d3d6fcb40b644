"""Every step, declared once: its id, names, track, schema, whether it is confidential, and the code that
drafts it offline, builds its slides and draws its notebook picture.

Everything else looks steps up here: the catalogue (`STEPS`, `step`), the schema names templates use
(`steps.schemas.SCHEMAS`), the offline drafter (`steps.drafting`), the slide builders (`export.slides.SLIDES`),
the notebook pictures (`ui.visuals.VISUALS`) and the prompt check. Code that lives in a higher layer (slides,
pictures) is named as "module:function" and imported only when it is used, so this module imports nothing above
the steps layer. Adding a step: a schema, a prompt template per language, and one `StepInfo` here (or
`register(...)` from a plug-in or a test).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol

from copilot.errors import StepError
from copilot.steps.schemas import (
    AiOpportunityScan,
    BusinessCase,
    CaseForChange,
    ChallengeBrief,
    CurrentJourney,
    EngagementPlan,
    HowMightWe,
    Ideation,
    ImpactReadiness,
    InfluenceMap,
    Personas,
    Prioritisation,
    ResearchSynthesis,
    ServiceBlueprint,
    ShelvedIdeas,
    StakeholderMap,
    StepOutput,
)

Ref = str | Callable  # "package.module:function", imported on first use, or the function itself


class Agenda(Protocol):
    """What an offline drafter may read of the workshop format (kept abstract: formats sit above steps)."""

    def stages(self, language: str) -> list[str]: ...


@dataclass(frozen=True)
class StepInfo:
    id: str
    track: str  # service-design | stakeholders | ai-opportunity, or a track a workshop file declares
    names: dict[str, str]  # by locale: {"en": ..., "nl": ...}
    schema: type[StepOutput] | None = None
    confidential: bool = False  # left out of shared decks
    drafter: Ref | None = None  # (store, session, agenda | None) -> (output, cited ids): drafted without a model
    computed_first: bool = False  # computed even when a model is at hand
    slides: Ref | None = None  # (session, language) -> (slides, cited ids)
    picture: Ref | None = None  # (output, language) -> PNG bytes, redrawn as people edit
    picture_names: bool = False  # the picture names stakeholders by their SC-01 id: it takes `names=`

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names["en"]

    @property
    def available(self) -> bool:
        return self.schema is not None

    def item_lists(self) -> dict[str, type]:
        """The output fields that hold item lists (empty for a step without a schema)."""
        return self.schema.item_lists() if self.schema else {}


def resolve(ref: Ref) -> Callable:
    """The function a declaration names."""
    if callable(ref):
        return ref
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


_SLIDES, _PICTURES = "copilot.export.slides", "copilot.ui.visuals"
_SD, _SC, _AI = f"{_SLIDES}.service_design", f"{_SLIDES}.stakeholders", f"{_SLIDES}.ai_opportunity"


def _declare(id_: str, track: str, en: str, nl: str, schema: type[StepOutput], **kwargs) -> StepInfo:
    return StepInfo(id_, track, {"en": en, "nl": nl}, schema, **kwargs)


_DECLARED = (
    # service design
    _declare("SD-01", "service-design", "Challenge brief", "Ontwerpvraag", ChallengeBrief,
             drafter="copilot.steps.brief_draft:draft_brief", slides=f"{_SD}:challenge_brief"),
    _declare("SD-02", "service-design", "Research synthesis", "Onderzoekssynthese", ResearchSynthesis,
             drafter="copilot.steps.drafting:synthesis", computed_first=True, slides=f"{_SD}:research_synthesis"),
    _declare("SD-03", "service-design", "Personas & jobs", "Persona's & klanttaken", Personas,
             drafter="copilot.steps.proto_personas:draft_personas", slides=f"{_SD}:personas"),
    _declare("SD-04", "service-design", "Current journey", "Huidige klantreis", CurrentJourney,
             drafter="copilot.steps.drafting:journey", slides=f"{_SD}:current_journey",
             picture=f"{_PICTURES}.journey:journey_picture"),
    _declare("SD-05", "service-design", "How might we", "Hoe-kunnen-we-vragen", HowMightWe,
             drafter="copilot.steps.hmw_starters:draft_hmw", slides=f"{_SD}:how_might_we"),
    _declare("SD-06", "service-design", "Ideation", "Ideeën", Ideation,
             drafter="copilot.steps.heard_ideas:draft_heard_ideas", slides=f"{_SD}:ideation"),
    _declare("SD-07", "service-design", "Prioritisation", "Prioriteren", Prioritisation,
             drafter="copilot.steps.impact:draft_priorities", slides=f"{_SD}:prioritisation",
             picture=f"{_PICTURES}.priorities:priorities_picture"),
    _declare("SD-08", "service-design", "Service blueprint", "Service blueprint", ServiceBlueprint,
             drafter="copilot.steps.blueprint_draft:draft_blueprint", slides=f"{_SD}:service_blueprint"),
    # stakeholders and change
    _declare("SC-01", "stakeholders", "Stakeholder map", "Stakeholderkaart", StakeholderMap, confidential=True,
             drafter="copilot.steps.stakeholder_candidates:draft_stakeholder_candidates",
             slides=f"{_SC}:stakeholder_map", picture=f"{_PICTURES}.stakeholders:stakeholders_picture"),
    _declare("SC-02", "stakeholders", "Influence map", "Invloedskaart", InfluenceMap, confidential=True,
             slides=f"{_SC}:influence_map", picture=f"{_PICTURES}.influence:influence_picture", picture_names=True),
    _declare("SC-03", "stakeholders", "Impact & readiness", "Impact & veranderbereidheid", ImpactReadiness,
             confidential=True, slides=f"{_SC}:impact_readiness", picture=f"{_PICTURES}.readiness:readiness_picture"),
    _declare("SC-04", "stakeholders", "Case for change", "Urgentie & visie", CaseForChange,
             drafter="copilot.steps.urgency:draft_case_for_change", slides=f"{_SC}:case_for_change"),
    _declare("SC-05", "stakeholders", "Engagement plan", "Betrokkenheidsplan", EngagementPlan, confidential=True,
             slides=f"{_SC}:engagement_plan"),
    # AI opportunity
    _declare("AI-01", "ai-opportunity", "AI-opportunity scan", "AI-kansenscan", AiOpportunityScan,
             drafter="copilot.steps.ai_scan:draft_ai_scan", slides=f"{_AI}:opportunity_scan",
             picture=f"{_PICTURES}.ai_strip:ai_strip_picture"),
    _declare("AI-02", "ai-opportunity", "Shelved ideas", "Ideeën van de plank", ShelvedIdeas,
             drafter="copilot.steps.shelved_ideas:draft_shelved_ideas", slides=f"{_AI}:shelved_ideas"),
    _declare("AI-03", "ai-opportunity", "Business case", "Businesscase", BusinessCase,
             drafter="copilot.steps.business_case_draft:draft_business_case", slides=f"{_AI}:business_case"),
)  # fmt: skip

# the catalogue, in order: tracks, decks and agendas list steps in this order
STEPS: dict[str, StepInfo] = {info.id: info for info in _DECLARED}


def step(step_id: str) -> StepInfo:
    try:
        return STEPS[step_id]
    except KeyError:
        raise StepError(f"Unknown step {step_id!r}. Known steps: {', '.join(STEPS)}.") from None


def register(info: StepInfo) -> StepInfo:
    """Add a step (a plug-in's, or a test's). Its schema becomes a name templates can use."""
    if info.id in STEPS:
        raise StepError(f"Step {info.id} is already declared; choose another id.")
    STEPS[info.id] = info
    return info


def unregister(step_id: str) -> None:
    STEPS.pop(step_id, None)


@contextmanager
def registered(info: StepInfo) -> Iterator[StepInfo]:
    """`info` declared for the duration of a `with` block."""
    register(info)
    try:
        yield info
    finally:
        unregister(info.id)


def schemas() -> dict[str, type[StepOutput]]:
    """Output schemas by the class name templates use in `output:`."""
    return {info.schema.__name__: info.schema for info in STEPS.values() if info.schema is not None}


def with_drafter() -> list[str]:
    return [step_id for step_id, info in STEPS.items() if info.drafter is not None]


def with_picture() -> list[str]:
    return [step_id for step_id, info in STEPS.items() if info.picture is not None]


def in_track(track: str) -> list[str]:
    return [step_id for step_id, info in STEPS.items() if info.track == track]


def tracks() -> list[str]:
    return list(dict.fromkeys(info.track for info in STEPS.values()))


def _prompts_know_our_schemas() -> None:
    # prompts sit below steps and never import them: they are told which schema names exist
    from copilot import prompts

    prompts.use_output_schemas(lambda: schemas())


_prompts_know_our_schemas()
