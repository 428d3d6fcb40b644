"""What every step output shares: items that carry evidence ids (or are assumptions), open questions, scales.

The JSON schema of a step is shown to the model, so every field has a short description and property
titles are left out: they repeat the field name and cost prompt tokens.
"""

from __future__ import annotations

import typing
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


def item_lists(schema: type[BaseModel]) -> dict[str, type[Item]]:
    """The fields of `schema` that hold a list of items, with the item class: the one place that knows it."""
    found = {}
    for name, info in schema.model_fields.items():
        args = typing.get_args(info.annotation)
        is_list = typing.get_origin(info.annotation) is list and args and isinstance(args[0], type)
        if is_list and issubclass(args[0], Item):
            found[name] = args[0]
    return found


class StepOutput(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra=_compact)

    open_questions: list[str] = Field(default_factory=list, description="what the research cannot answer yet")

    @classmethod
    def item_lists(cls) -> dict[str, type[Item]]:
        """The step's lists of items by field name, with the item class (open_questions, texts, is not one)."""
        return item_lists(cls)

    def items(self) -> dict[str, list[Item]]:
        """This output's lists of items by field name."""
        return {name: getattr(self, name) for name in item_lists(type(self))}
