"""The JSON schema of a step's answer as the prompt shows it, in the prompt's language.

A Dutch prompt shows a Dutch schema: every description from `locales/schema_nl.yaml` (by model and field), and
every choice as its Dutch label from the locales (`choices.*`: "voorstander", not "supportive"). The keys stay
as they are: the reader expects them. A Dutch value in the answer is read back to its canonical value by
`answer_labels.choice_for`, from the same labels, so the one table of Dutch terms is the locales' `choices`.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from copilot.i18n import LOCALES, choice_label
from copilot.steps.answer_labels import item_model, part_model

DUTCH = LOCALES / "schema_nl.yaml"


@cache
def dutch_descriptions(path: Path = DUTCH) -> dict[str, dict[str, str]]:
    """Model name -> field name -> its Dutch description (`_doc`: the model's own)."""
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def models_of(schema: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """The schema and every model nested in it (items, parts), by class name as the JSON schema names them."""
    found: dict[str, type[BaseModel]] = {}

    def walk(model: type[BaseModel]) -> None:
        if model.__name__ in found:
            return
        found[model.__name__] = model
        for info in model.model_fields.values():
            for nested in (item_model(info.annotation), part_model(info.annotation)):
                if nested is not None:
                    walk(nested)

    walk(schema)
    return found


def owner(model: type[BaseModel], field: str) -> str:
    """The class that declares `field` (`Item` for an item's id and evidence): its Dutch text is kept there."""
    for cls in model.__mro__:
        if field in getattr(cls, "__annotations__", {}):
            return cls.__name__
    return model.__name__


def dutch_description(model: type[BaseModel], field: str) -> str | None:
    return dutch_descriptions().get(owner(model, field), {}).get(field)


def schema_text(schema: type[BaseModel], language: str) -> str:
    """The compact JSON schema the prompt shows; in Dutch for a Dutch prompt."""
    return json.dumps(answer_schema(schema, language), ensure_ascii=False, separators=(",", ":"))


def answer_schema(schema: type[BaseModel], language: str) -> dict:
    """The JSON schema of the answer, as the prompt shows it and as a provider's structured output enforces it:
    the same one, so a Dutch run is never offered "voorstander" in the prompt and held to "supportive" by the
    provider. Its Dutch choices are read back to the canonical values by `answer_labels.choice_for`."""
    data = schema.model_json_schema()
    return _dutch(data, models_of(schema)) if language == "nl" else data


def _dutch(data: dict, models: dict[str, type[BaseModel]]) -> dict:
    for name, node in [(data.get("title"), data), *data.get("$defs", {}).items()]:
        model = models.get(name)
        if model is None:
            continue
        doc = dutch_descriptions().get(name, {}).get("_doc")
        if "description" in node:
            node["description"] = doc or node["description"]
        node.pop("title", None)  # a class name in English, and the reader does not need it
        for field, prop in node.get("properties", {}).items():
            text = dutch_description(model, field) if field in model.model_fields else None
            if text:
                prop["description"] = text
            _dutch_choices(prop)
    return data


def _dutch_choices(node: Any) -> None:
    """Choice values (and a default that is one) as their Dutch labels, wherever they sit in the property."""
    if isinstance(node, list):
        for child in node:
            _dutch_choices(child)
        return
    if not isinstance(node, dict):
        return
    if "enum" in node:
        canonical = set(node["enum"])
        node["enum"] = [_label(value) for value in node["enum"]]
        if node.get("default") in canonical:
            node["default"] = _label(node["default"])
    if "const" in node:
        node["const"] = _label(node["const"])
    for key, child in node.items():
        if key not in ("enum", "const", "default", "description"):
            _dutch_choices(child)


def _label(value: Any) -> Any:
    """A string choice's Dutch label without its explanation ("bespaard (geef de klant tijd terug)" → "bespaard");
    numbers and the empty choice stay as they are."""
    if not isinstance(value, str) or not value:
        return value
    return choice_label(value, "nl").split("(")[0].strip()
