"""Track C, AI opportunity & business case: AI-01 … AI-03."""

from __future__ import annotations

from typing import Literal

from pydantic import AliasChoices, Field, model_validator
from pydantic.json_schema import SkipJsonSchema

from copilot.steps.schemas.base import Item, Part, Scale, StepOutput
from copilot.steps.schemas.service_design import TimeWell

Pattern = Literal["automate", "agent-assist", "human-led", "no-AI"]

# --- AI-01 -----------------------------------------------------------------------------------------


class TouchpointScan(Item):
    stage: str = Field(description="id of the journey stage")
    touchpoint: str = Field(description="the touchpoint")
    pattern: Pattern = Field(description="automate, agent-assist, human-led or no-AI")
    why: str = Field("", description="why this pattern fits here")
    time_well: TimeWell = Field("", description="'saved', 'spent' or ''")
    handover_trigger: str = Field("", description="when the customer reaches a person, with context")
    fallback: str = Field("", description="what happens when the AI fails or is unsure")


class AiOpportunityScan(StepOutput):
    """AI-01: per touchpoint where AI helps, and how a person stays within reach."""

    touchpoints: list[TouchpointScan] = Field(default_factory=list, description="one per touchpoint")


# --- AI-02 -----------------------------------------------------------------------------------------


class ShelvedIdea(Item):
    idea: str = Field(description="the idea, as it was proposed")
    year: str = Field("", description="when it was shelved, if known")
    why_shelved: str = Field(description="why it stopped then")
    blocker_gone: str = Field("", description="what has changed since (AI, data, cost, systems)")
    still_blocking: str = Field("", description="what still stands in the way")
    viability_then: Scale = Field(description="viability when it was shelved: 1 … 5")
    viability_now: Scale = Field(description="viability today: 1 … 5")
    next_step: str = Field("", description="the smallest next step to test it")


class ShelvedIdeas(StepOutput):
    """AI-02: old ideas whose business case may work now."""

    ideas: list[ShelvedIdea] = Field(default_factory=list, description="shelved ideas found in the research")


# --- AI-03 -----------------------------------------------------------------------------------------


class Range(Part):
    low: float = Field(ge=0, description="cautious estimate")
    high: float = Field(ge=0, description="optimistic estimate")

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.low > self.high:
            raise ValueError(f"low ({self.low}) is above high ({self.high})")
        return self


class FitPoint(Item):
    need: str = Field(description="a customer job, pain or gain from the research")
    how_it_helps: str = Field(description="how the idea answers it")


class Amount(Item):
    name: str = Field(description="what the benefit or cost is")
    kind: Literal["one-off", "yearly"] = Field("yearly", description="one-off or every year")
    # `euros` was its name before currencies came from the workspace settings: old sessions still read
    amount: Range = Field(validation_alias=AliasChoices("amount", "euros"), description="the amount, as a range")
    basis: str = Field("", description="how it is estimated, with the figures used")


class Risk(Item):
    risk: str = Field(description="what could go wrong")
    likelihood: Scale = Field(description="1 unlikely … 5 almost certain")
    impact: Scale = Field(description="1 small … 5 severe")
    mitigation: str = Field("", description="how to reduce it")


class CaseInputs(Part):
    """The calculator's inputs (AI-03 offline), each a cautious and an optimistic end, kept in the step so people
    can change them and compute again. Plain numbers, checked by the calculator (steps.business_case)."""

    contacts_per_year_low: float = Field(0, description="contacts per year, cautious")
    contacts_per_year_high: float = Field(0, description="contacts per year, optimistic")
    minutes_per_contact_low: float = Field(0, description="minutes per contact, cautious")
    minutes_per_contact_high: float = Field(0, description="minutes per contact, optimistic")
    cost_per_minute_low: float = Field(0, description="cost of one contact minute, cautious")
    cost_per_minute_high: float = Field(0, description="cost of one contact minute, optimistic")
    share_affected_low: float = Field(0, description="% of contacts the idea affects, cautious")
    share_affected_high: float = Field(0, description="% of contacts the idea affects, optimistic")
    time_saved_low: float = Field(0, description="% of those contacts' time the idea saves, cautious")
    time_saved_high: float = Field(0, description="% of those contacts' time the idea saves, optimistic")
    one_off_costs_low: float = Field(0, description="one-off costs, low end")
    one_off_costs_high: float = Field(0, description="one-off costs, high end")
    yearly_costs_low: float = Field(0, description="yearly running costs, low end")
    yearly_costs_high: float = Field(0, description="yearly running costs, high end")


class BusinessCase(StepOutput):
    """AI-03: value-proposition fit, benefits and costs as ranges, payback and risks."""

    idea: str = Field(description="the idea this case is for")
    fit: list[FitPoint] = Field(default_factory=list, description="value-proposition fit")
    benefits: list[Amount] = Field(default_factory=list, description="benefits, in the organisation's currency")
    costs: list[Amount] = Field(default_factory=list, description="costs, in the organisation's currency")
    payback_months: Range | None = Field(None, description="months until benefits cover costs, as a range")
    risks: list[Risk] = Field(default_factory=list, description="what could go wrong")
    # the offline calculator's, kept for people to change: optional, so cases written before it (or by a model)
    # still read, and left out of the schema a model is shown (its prompt budget is for quotes)
    inputs: SkipJsonSchema[CaseInputs | None] = Field(None, description="the calculator's inputs")
