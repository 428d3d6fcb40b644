"""Every step of DESIGN.md's catalogue, with stable ids and Dutch and English names.

A step is `available` once it has a schema and a way to draft it; the others are listed so agendas and
notebooks can show the whole trajectory.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from copilot.errors import StepError
from copilot.steps.schemas import ResearchSynthesis


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
        _step("SD-01", "service-design", "Challenge brief", "Ontwerpvraag"),
        _step("SD-02", "service-design", "Research synthesis", "Onderzoekssynthese", schema=ResearchSynthesis),
        _step("SD-03", "service-design", "Personas & jobs", "Persona's & klanttaken"),
        _step("SD-04", "service-design", "Current journey", "Huidige klantreis"),
        _step("SD-05", "service-design", "How might we", "Hoe-kunnen-we-vragen"),
        _step("SD-06", "service-design", "Ideation", "Ideeën"),
        _step("SD-07", "service-design", "Prioritisation", "Prioriteren"),
        _step("SD-08", "service-design", "Service blueprint", "Service blueprint"),
        _step("SC-01", "stakeholders", "Stakeholder map", "Stakeholderkaart", confidential=True),
        _step("SC-02", "stakeholders", "Influence map", "Invloedskaart", confidential=True),
        _step("SC-03", "stakeholders", "Impact & readiness", "Impact & veranderbereidheid", confidential=True),
        _step("SC-04", "stakeholders", "Case for change", "Urgentie & visie"),
        _step("SC-05", "stakeholders", "Engagement plan", "Betrokkenheidsplan", confidential=True),
        _step("AI-01", "ai-opportunity", "AI-opportunity scan", "AI-kansenscan"),
        _step("AI-02", "ai-opportunity", "Shelved ideas", "Ideeën van de plank"),
        _step("AI-03", "ai-opportunity", "Business case", "Businesscase"),
    )
}


def step(step_id: str) -> StepInfo:
    try:
        return STEPS[step_id]
    except KeyError:
        raise StepError(f"Unknown step {step_id!r}. Known steps: {', '.join(STEPS)}.") from None
