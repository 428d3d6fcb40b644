"""Output schemas shared by every step: items carry evidence ids, or are marked as assumptions."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Item(BaseModel):
    """One thing a step produces. Without evidence it is an assumption, and the deck says so."""

    model_config = ConfigDict(extra="forbid")

    id: str
    evidence: list[str] = Field(default_factory=list, description="ids of the research quotes it rests on")
    assumption: bool = False

    @model_validator(mode="after")
    def _unsupported_is_assumption(self) -> Item:
        if not self.evidence:
            self.assumption = True
        return self


class StepOutput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    open_questions: list[str] = Field(default_factory=list)


class Theme(Item):
    label: str
    insight: str = ""
    n_sources: int = 0


class ResearchSynthesis(StepOutput):
    """SD-02: themes found in the research."""

    themes: list[Theme] = Field(default_factory=list)


# output schemas by the name templates use in `output:`
SCHEMAS: dict[str, type[StepOutput]] = {"ResearchSynthesis": ResearchSynthesis}
