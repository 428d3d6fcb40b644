"""The words assistants use for a step's fields and choices, in Dutch and English.

A pasted answer names its fields in plain words ("Rol van AI", "Power (1-5)", "Bewijs") and fills them with
plain values ("agent assist", "hoog", "4/5", "ja"). `field_for` maps a label to a field of an item model,
through the field labels the product already shows (locales `fields.*`), a few synonyms, and close matches;
`choice_for` maps a value to one of a field's choices (`answer_coerce` reads the other kinds of value).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from copilot.i18n import keys, t
from copilot.steps.answer_words import CHOICE_SYNONYMS, SYNONYMS

FUZZY_CUTOFF = 86


def norm(text: Any) -> str:
    """A label or value, compared loosely: no accents, Markdown, brackets' contents or punctuation."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"\((?![^)]*\bq[0-9a-f]{10})[^)]*\)", " ", text)  # "(1-5)", "(none/self-service)"
    text = re.sub(r"[*_`~]+", " ", text)
    text = re.sub(r"[^\w#/+\-→ ]+", " ", text).replace("-", " ").replace("/", " ")
    return re.sub(r"\s+", " ", text).strip()


@cache
def _labels(field: str) -> tuple[str, ...]:
    return tuple({norm(t(f"fields.{field}", lang)) for lang in ("en", "nl") if f"fields.{field}" in keys(lang)})


def model_fields(model: type[BaseModel]) -> dict[str, Any]:
    return {name: info.annotation for name, info in model.model_fields.items()}


@cache
def label_index(model: type[BaseModel]) -> dict[str, tuple[str, ...]]:
    """Normalised label -> path of field names (one, or two for a field inside a nested part)."""
    index: dict[str, tuple[str, ...]] = {}
    weak: dict[str, tuple[str, ...]] = {}
    fields = model_fields(model)
    for name, annotation in fields.items():
        for label in (norm(name), norm(name.replace("_", " ")), *_labels(name)):
            index.setdefault(label, (name,))
        part = part_model(annotation)
        if part is not None:  # "awareness" or "functional jobs" lands inside adkar / jobs
            for sub in model_fields(part):
                for label in (norm(sub), *_labels(sub)):
                    weak.setdefault(label, (name, sub))
                    for parent in (norm(name), *_labels(name)):
                        weak.setdefault(f"{label} {parent}", (name, sub))
                        weak.setdefault(f"{parent} {label}", (name, sub))
    for label, candidates in SYNONYMS.items():
        chosen = next((c for c in candidates if c in fields), None)
        if chosen is not None:
            weak.setdefault(norm(label), (chosen,))
    for label, path in weak.items():
        index.setdefault(label, path)
    return index


def field_for(label: str, model: type[BaseModel]) -> tuple[str, ...] | None:
    """The field (path) a plain-word label stands for in `model`, or None."""
    key = norm(label)
    index = label_index(model)
    whole = norm(re.sub(r"[()]", " ", str(label)))  # "Frontstage (AI)" before "Frontstage"
    inside = [norm(part) for part in re.findall(r"\(([^)]{2,40})\)", str(label))]  # "Wat helpt (gains)"
    for candidate in (whole, key, *inside):
        if candidate in index:
            return index[candidate]
    if not key:
        return None
    halves = [part for part in re.split(r"\s+/\s+", str(label)) if part.strip()]
    if len(halves) == 2:  # "Wat het is / wat de inwoner merkt": two labels of one field
        paths = {field_for(half, model) for half in halves}
        if len(paths) == 1 and None not in paths:
            return paths.pop()
    from rapidfuzz import fuzz, process

    found = process.extractOne(key, list(index), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    if found:
        return index[found[0]]
    # "Kleinste volgende stap", "Effect on customer": every word of one field's label is in it
    found = _unique(index, process.extract(key, list(index), scorer=fuzz.token_set_ratio, score_cutoff=95, limit=None))
    if found:
        return found
    # "Functionele jobs", "Sociale taken": the first word is an inflection of one field's one-word label
    first = key.split()[0]
    stems = [(label, 0, 0) for label in index if " " not in label and _same_stem(first, label)]
    return _unique(index, stems)


def _same_stem(a: str, b: str) -> bool:
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= 5 and common >= 0.7 * min(len(a), len(b))


def _unique(index: dict[str, tuple[str, ...]], matches: list) -> tuple[str, ...] | None:
    """The one field the matches point at; None when they point at several (then nothing is guessed)."""
    paths = {index[label] for label, _score, _ in matches if len(label) >= 3}
    return paths.pop() if len(paths) == 1 else None


def part_model(annotation: Any) -> type[BaseModel] | None:
    """The nested model of a field that holds one (jobs, adkar, a range), not a list of items."""
    for candidate in (annotation, *get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def item_model(annotation: Any) -> type[BaseModel] | None:
    args = get_args(annotation)
    if get_origin(annotation) is list and args and isinstance(args[0], type) and issubclass(args[0], BaseModel):
        return args[0]
    return None


def choices_of(annotation: Any) -> tuple | None:
    for candidate in (annotation, *get_args(annotation)):
        if get_origin(candidate) is Literal:
            return get_args(candidate)
    return None


def choice_for(value: Any, options: tuple, field: str) -> Any:
    """The option a written value stands for ("agent assist", "medewerker ondersteunen", "4/5"…), or None."""
    key = norm(value)
    table: dict[str, Any] = {}
    for option in options:
        table[norm(option)] = option
        for lang in ("en", "nl"):
            if f"choices.{option}" in keys(lang):
                label = t(f"choices.{option}", lang)
                table.setdefault(norm(label), option)
                table.setdefault(norm(label.split("(")[0]), option)
    for word, option in CHOICE_SYNONYMS.get(field, {}).items():
        if option in options:
            table.setdefault(norm(word), option)
    if key in table:
        return table[key]
    for inside in re.findall(r"\(([^)]{2,40})\)", str(value)):  # "trekt het (leading)": the value in brackets
        if norm(inside) in table:
            return table[norm(inside)]
    numbers = re.findall(r"\d+", key)
    for number in numbers[:1]:
        if int(number) in options:
            return int(number)
    head = norm(re.split(r"\s[-–—:]\s|:|,", str(value))[0])  # "agent-assist: the bot drafts …" → its head
    if head in table:
        return table[head]
    from rapidfuzz import fuzz, process

    found = process.extractOne(key, list(table), scorer=fuzz.WRatio, score_cutoff=FUZZY_CUTOFF)
    return table[found[0]] if found else None
