"""What every step output shares: items that carry evidence ids (or are assumptions), open questions, scales.

The JSON schema of a step is shown to the model, so every field has a short description and property
titles are left out: they repeat the field name and cost prompt tokens.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

Scale = Annotated[int, Field(ge=1, le=5)]
Emotion = Annotated[int, Field(ge=-2, le=2)]


def _compact(schema: dict[str, Any], _cls: type) -> None:
    for prop in schema.get("properties", {}).values():
        prop.pop("title", None)


class Part(BaseModel):
    """A nested part of an item (a set of scores, a range): strict like everything the model fills in."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_compact)


class Item(BaseModel):
    """One thing a step produces. Without evidence it is an assumption, and the deck says so."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_compact)

    id: str = Field(description="short id, unique in the answer")
    evidence: list[str] = Field(default_factory=list, description="ids of the research quotes it rests on")
    assumption: bool = Field(False, description="true when no quote supports it")

    @model_validator(mode="after")
    def _unsupported_is_assumption(self) -> Item:
        if not self.evidence:
            self.assumption = True
        return self


class StepOutput(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra=_compact)

    open_questions: list[str] = Field(default_factory=list, description="what the research cannot answer yet")
