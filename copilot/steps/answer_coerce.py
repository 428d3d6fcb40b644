"""Fit what an answer said to a step's schema, field by field, and note every thing that did not fit.

Keys are mapped through `answer_labels` ("Rol van AI" → ai_role); values are read the way people write them:
lists in one cell ("a; b"), scales ("4/5", "hoog"), choices ("agent assist", "mens"), yes/no, ranges
("€ 10k – 25k"), ids in any brackets. Nothing is dropped silently: a label that maps to no field, or a value
that fits no choice, becomes a `Problem` the person is shown.

This module walks an item and its fields; the reading is done by `answer_title` (an item's heading),
`answer_inline` (fields written inside another field's text), `answer_values` (one value as written) and
`answer_evidence` (quote ids).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, get_args

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from copilot.steps.answer_evidence import evidence_ids, only_ids, strip_ids
from copilot.steps.answer_inline import place_inline_labels, place_move, place_second_choice
from copilot.steps.answer_labels import choice_for, choices_of, field_for, item_model, norm, part_model
from copilot.steps.answer_title import SECONDARY, place_id_in_name, place_title
from copilot.steps.answer_values import (
    NUMBER,
    as_text,
    left_empty,
    no_number,
    number_in,
    short,
    split_list,
    written_number,
)
from copilot.steps.answer_words import FALSE_WORDS, TRUE_WORDS


@dataclass
class Problem:
    """Something an answer said that did not fit: `unmapped` (a label no field takes), `invalid` (a value the
    field cannot take) or `missing` (a required field the answer left out); or, told but no obstacle,
    `not_given` (an optional figure the answer says it cannot give, left empty)."""

    kind: str
    path: str
    label: str = ""
    value: str = ""


def coerce(raw: Any, model: type[BaseModel], path: str = "") -> tuple[dict, list[Problem]]:
    problems: list[Problem] = []
    return _item(raw, model, path, problems), problems


def _item(raw: Any, model: type[BaseModel], path: str, problems: list[Problem]) -> dict:
    if not isinstance(raw, dict):
        raw = {"_title": as_text(raw)}
    out: dict[str, Any] = {}
    fields = model.model_fields
    loose: list[tuple[str, Any]] = []
    for key, value in raw.items():
        if key in ("_title", "_lines"):
            continue
        target = (key,) if key in fields else field_for(key, model)
        if target is None:
            if value not in ("", None, [], {}) and not only_ids(value):
                loose.append((str(key), value))
            continue
        if len(target) == 2:
            out.setdefault(target[0], {})
            if isinstance(out[target[0]], dict):
                out[target[0]][target[1]] = value
        elif target[0] in out and out[target[0]] not in ("", None):
            out[target[0]] = _merge(out[target[0]], value)
        else:
            out[target[0]] = value
    if "_title" in raw:
        unplaced: list[str] = []
        place_title(raw["_title"], model, out, path, unplaced)
        problems.extend(Problem("unmapped", path, "", short(text)) for text in unplaced)
    place_inline_labels(out, model)
    place_id_in_name(out, model)
    place_second_choice(out, model)
    loose = [(key, value) for key, value in loose if not place_move(as_text(value), model, out)]
    missing = [n for n, i in fields.items() if n != "id" and i.is_required() and out.get(n) in (None, "", [], {})]
    if len(loose) == 1 and len(missing) == 1:  # by elimination: "Laan" can only be the lane it left empty
        out[missing[0]] = loose.pop()[1]
    problems.extend(Problem("unmapped", path, key, short(value)) for key, value in loose)
    lines = [line for line in raw.get("_lines", []) if not only_ids(line)]
    lines = _quote_line(lines, fields, out)
    lines = [line for line in lines if not place_move(line, model, out)]
    secondary = next((s for s in SECONDARY if s in fields and not out.get(s)), None)
    if len(lines) == 1 and secondary and fields[secondary].annotation is str:
        # "**T1. Wachten**" then a plain sentence: the sentence says what the title names
        out[secondary] = " ".join(lines)
        lines = []
    problems.extend(Problem("unmapped", path, "", short(line)) for line in lines)
    if "evidence" in fields:
        out["evidence"] = evidence_ids(raw, out)
    for name, value in list(out.items()):
        if name in fields and name != "evidence":
            out[name] = _value(value, fields[name], name, f"{path}.{name}" if path else name, problems)
    return {k: v for k, v in out.items() if v is not _DROP}


_DROP = object()
# a quotation on a line of its own: '> "Ik had niks misdaan."', '"It's the gaps…" — Evidence: q…'
QUOTE_LINE = re.compile(r"^\s*(?:>\s*)?[\"“„‘'](?P<quote>.{3,}?)[\"”’']\s*(?:[—–-]\s*\S.*)?$")


def _quote_line(lines: list[str], fields: dict, out: dict) -> list[str]:
    """The item's first quotation line fills its `quote` field, when it has one and nothing filled it yet."""
    if "quote" not in fields or out.get("quote"):
        return lines
    for n, line in enumerate(lines):
        match = QUOTE_LINE.match(line)
        if match:
            out["quote"] = match.group("quote").strip()
            return lines[:n] + lines[n + 1 :]
    return lines


def _merge(old: Any, new: Any) -> Any:
    if isinstance(old, list):
        return old + (new if isinstance(new, list) else [new])
    if isinstance(old, dict) and isinstance(new, dict):
        return {**old, **new}
    return [old, *(new if isinstance(new, list) else [new])]


def _value(value: Any, info: FieldInfo, name: str, path: str, problems: list[Problem]) -> Any:
    annotation = info.annotation
    optional = type(None) in get_args(annotation)
    if optional and (value is None or left_empty(as_text(value)) or norm(value) in {"none", "geen", "onbekend"}):
        return None
    items = item_model(annotation)
    if items is not None:
        return _items(value, items, path, problems)
    range_ = part_model(annotation)
    if optional and range_ is not None and {"low", "high"} <= set(range_.model_fields) and no_number(value):
        # "Terugverdientijd: niet betrouwbaar te geven: …": the answer says there is none; the person is told
        problems.append(Problem("not_given", path, name, short(value)))
        return None
    part = part_model(annotation)
    if part is not None:
        return _part(value, part, path, problems)
    options = choices_of(annotation)
    if options is not None:
        if isinstance(value, list):
            value = value[0] if value else ""
        if value in options:
            return value
        chosen = choice_for(as_text(value), options, name)
        if chosen is None:
            problems.append(Problem("invalid", path, name, short(value)))
            return _DROP
        return chosen
    if getattr(annotation, "__origin__", None) is list:
        base = list
    else:
        base = next((a for a in (annotation, *get_args(annotation)) if a in (str, int, float, bool)), None)
    if base is bool:
        return _bool(value, path, name, problems)
    if base is int or base is float:
        number = number_in(value, info)
        left = norm(strip_ids(as_text(value)))
        if number is None and not info.is_required() and (left_empty(left) or left in {"geen", "none"}):
            return _DROP  # "Bronnen: geen", or only ids under a count's label: the default stands
        if number is None:
            problems.append(Problem("invalid", path, name, short(value)))
            return _DROP
        return int(round(number)) if base is int else number
    if base is list:
        if name == "open_questions":  # no evidence list beside them: a quote they cite stays in the text
            return [s for s in split_list(value) if strip_ids(s)]
        return [strip_ids(s) for s in split_list(value) if strip_ids(s)]
    if base is str:
        text = strip_ids(as_text(value))
        if left_empty(text):
            return ""
        id_only = re.fullmatch(r"[\[(【{'\"]?\s*([A-Za-z]{1,4}-?\d{1,3}[a-z]?)\s*[\])】}'\"]?", text)
        return id_only.group(1) if id_only else text
    return value


def _items(value: Any, model: type[BaseModel], path: str, problems: list[Problem]) -> list:
    if isinstance(value, dict):
        if all(isinstance(v, dict) for v in value.values()) and value:  # {"I1": {...}, "I2": {...}}
            value = [{"id": k, **v} if field_for(k, model) is None else v for k, v in value.items()]
        else:
            value = [value]
    if isinstance(value, str):
        value = split_list(value)
    return [_item(v, model, f"{path}[{n}]", problems) for n, v in enumerate(value or [], start=1)]


def _part(value: Any, model: type[BaseModel], path: str, problems: list[Problem]) -> Any:
    if isinstance(value, dict):
        return _item(value, model, path, problems)
    fields = set(model.model_fields)
    if {"low", "high"} <= fields:  # a range written as "€ 10k – 25k" or "8-14 maanden"
        numbers = [n for n in (written_number(m.group()) for m in NUMBER.finditer(as_text(value))) if n is not None]
        if numbers:
            numbers = [abs(n) for n in numbers[:2]]
            return {"low": min(numbers), "high": max(numbers)}
    if "functional" in fields:  # jobs written as one list: functional jobs
        return {"functional": split_list(value)}
    if value not in ("", None, [], {}):
        problems.append(Problem("invalid", path, path.rsplit(".", 1)[-1], short(value)))
    return _DROP


def _bool(value: Any, path: str, name: str, problems: list[Problem]) -> Any:
    if isinstance(value, bool):
        return value
    key = norm(value) if norm(value) else str(value).strip()
    if key in TRUE_WORDS or str(value).strip() in TRUE_WORDS or key.startswith(("ja ", "yes ")):
        return True
    if key in FALSE_WORDS or str(value).strip() in FALSE_WORDS or key.startswith(("nee ", "no ")):
        return False
    problems.append(Problem("invalid", path, name, short(value)))
    return _DROP
