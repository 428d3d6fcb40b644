"""Every step of DESIGN.md's catalogue, with stable ids and Dutch and English names.

Every step has an output schema (copilot/steps/schemas/) and a prompt template per language (prompts/);
a step is `available` once it has a schema.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

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
)


@dataclass(frozen=True)
class StepInfo:
    id: str
    track: str  # service-design | stakeholders | ai-opportunity
    names: dict[str, str]
    schema: type[BaseModel] | None = None
    confidential: bool = False

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names["en"]

    @property
    def available(self) -> bool:
        return self.schema is not None


def _step(id_: str, track: str, en: str, nl: str, **kwargs) -> StepInfo:
    return StepInfo(id_, track, {"en": en, "nl": nl}, **kwargs)


STEPS: dict[str, StepInfo] = {
    step.id: step
    for step in (
        _step("SD-01", "service-design", "Challenge brief", "Ontwerpvraag", schema=ChallengeBrief),
        _step("SD-02", "service-design", "Research synthesis", "Onderzoekssynthese", schema=ResearchSynthesis),
        _step("SD-03", "service-design", "Personas & jobs", "Persona's & klanttaken", schema=Personas),
        _step("SD-04", "service-design", "Current journey", "Huidige klantreis", schema=CurrentJourney),
        _step("SD-05", "service-design", "How might we", "Hoe-kunnen-we-vragen", schema=HowMightWe),
        _step("SD-06", "service-design", "Ideation", "Ideeën", schema=Ideation),
        _step("SD-07", "service-design", "Prioritisation", "Prioriteren", schema=Prioritisation),
        _step("SD-08", "service-design", "Service blueprint", "Service blueprint", schema=ServiceBlueprint),
        _step("SC-01", "stakeholders", "Stakeholder map", "Stakeholderkaart", schema=StakeholderMap, confidential=True),
        _step("SC-02", "stakeholders", "Influence map", "Invloedskaart", schema=InfluenceMap, confidential=True),
        _step(
            "SC-03",
            "stakeholders",
            "Impact & readiness",
            "Impact & veranderbereidheid",
            schema=ImpactReadiness,
            confidential=True,
        ),
        _step("SC-04", "stakeholders", "Case for change", "Urgentie & visie", schema=CaseForChange),
        _step(
            "SC-05", "stakeholders", "Engagement plan", "Betrokkenheidsplan", schema=EngagementPlan, confidential=True
        ),
        _step("AI-01", "ai-opportunity", "AI-opportunity scan", "AI-kansenscan", schema=AiOpportunityScan),
        _step("AI-02", "ai-opportunity", "Shelved ideas", "Ideeën van de plank", schema=ShelvedIdeas),
        _step("AI-03", "ai-opportunity", "Business case", "Businesscase", schema=BusinessCase),
    )
}


def step(step_id: str) -> StepInfo:
    try:
        return STEPS[step_id]
    except KeyError:
        raise StepError(f"Unknown step {step_id!r}. Known steps: {', '.join(STEPS)}.") from None
