"""Turn an answer — from a model, or pasted by a person from another assistant — into a step's schema.

    read_answer   what the answer says, fitted to the schema, with every problem named (a `Reading`)
    parse_answer  the output, or an AnswerError when anything did not fit
    salvage       an output from an incomplete reading, for the person to complete in the step editor
    follow_up     the message to send back to the assistant: the exact problems, asking for the JSON only

Read: JSON (bare, fenced, split over several code blocks, with chatter around it, or broken — trailing
commas, comments, smart or single quotes, a cut-off end — repaired by `json-repair`), and Markdown tables,
headings and bullet lists with plain-word labels in Dutch or English (`answer_tables`, `answer_shape`,
`answer_coerce`, `answer_labels`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from copilot.errors import CopilotError, StepError
from copilot.i18n import field_label, t
from copilot.steps.answer_coerce import Problem, coerce
from copilot.steps.answer_labels import item_model, part_model
from copilot.steps.answer_shape import shape
from copilot.steps.answer_tables import outline
from copilot.steps.schemas.base import item_lists

FENCE = re.compile(r"```[ \t]*([\w-]*)[^\n]*\n(.*?)(?:\n[ \t]*```|\Z)", re.DOTALL)
JSON_START = re.compile(r"(?m)^\s*(\{|\[\s*[{\"\n])|(\{\s*[\"'“‘])")


class AnswerError(CopilotError):
    """An answer could not be read as the step's output."""


class AnswerIncomplete(StepError):
    """A pasted answer was read, but not all of it fits the step: nothing is saved until the person chooses."""

    def __init__(self, step: str, reading: Reading) -> None:
        self.step, self.reading = step, reading
        super().__init__(key="pasted_incomplete", step=step, n=len(reading.problems))


@dataclass
class Reading:
    text: str
    form: str  # json | markdown | none
    data: dict = field(default_factory=dict)
    output: BaseModel | None = None
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)  # told to the person, but the answer is usable

    @property
    def complete(self) -> bool:
        return self.output is not None and not self.problems

    @property
    def understood(self) -> dict[str, int]:
        """What was read: items per list field, and 1 per filled text field."""
        return {k: len(v) if isinstance(v, list) else 1 for k, v in self.data.items() if v not in ("", None, [], {})}


def read_answer(text: str, schema: type[BaseModel], markdown: bool = True) -> Reading:
    text = (text or "").strip()
    raw, form, nodes = _json(text), "json", []
    if raw is None and markdown:
        nodes = outline(text)
        raw, form = shape(nodes, schema), "markdown"
    if raw is None or raw == {} or raw == []:
        return Reading(text, "none")
    raw = _unwrap(raw, schema)
    data, problems = coerce(raw, schema)
    _sort_by_id(data, schema)
    _fill_item_ids(data, schema)
    told = [p for p in problems if p.kind == "not_given"]
    problems = [p for p in problems if p.kind != "not_given"]
    reading = Reading(text, form, data, problems=problems + _items_not_read(nodes, data, schema), notes=told)
    try:
        reading.output = schema.model_validate(data)
    except ValidationError as error:
        reading.problems += _problems(error)
    if form == "json" and _cut_off(text):
        if reading.output is None:
            _drop_unfinished(reading, schema)
        else:
            _drop_cut_item(reading, schema, text)
    return reading


def _drop_cut_item(reading: Reading, schema: type[BaseModel], text: str) -> None:
    """A cut-off answer that still fits the schema: its last item was being written when the text ended (a
    sentence cut short, a score missing), so it is left out and the person told, like an unfinished one."""
    if re.search(r"[}\]]\s*,?$", re.sub(r"[`\s]+$", "", text)):
        return  # only the closing brackets are missing: the last item is whole
    where = {}
    for name, items in reading.data.items():
        if isinstance(items, list) and items and isinstance(items[-1], dict):
            first = next((str(v) for v in items[-1].values() if isinstance(v, str) and v), "")
            where[name] = text.rfind(first[:40]) if first else -1
    if not where or max(where.values()) < 0:
        return
    name = max(where, key=where.get)
    if len(reading.data[name]) < 2:  # the one item there is: kept, and the person asked
        reading.problems.append(Problem("cut", f"{name}[1]", value=_short_item(reading.data[name][0])))
        reading.output = None
        return
    _leave_out_last(reading, schema, {name})


def _items_not_read(nodes: list, data: dict, schema: type[BaseModel]) -> list[Problem]:
    """A table or a list the answer gave while no item reached the step: never accepted as an empty draft
    (a sideways table, an unusual layout). The person sees it and decides."""
    lists = list(item_lists(schema))
    if not lists:
        return []
    if any(data.get(name) for name in lists):
        return _sections_not_read(nodes, data)
    found = [n for n in _walk(nodes) if (n.kind == "table" and len(n.rows) >= 2)]
    bullets = [n for n in _walk(nodes) if n.kind == "bullet"]
    if not found and len(bullets) < 3:
        return []
    excerpt = (found[0].all_text() if found else " · ".join(b.text for b in bullets[:3])).strip()
    return [Problem("unmapped", lists[0], value=excerpt if len(excerpt) <= 80 else excerpt[:79] + "…")]


def _sections_not_read(nodes: list, data: dict) -> list[Problem]:
    """A section of the answer (a heading with a few lines under it) of which next to nothing reached the step,
    e.g. items under a heading in the assistant's own words: said, so that nothing is dropped in silence."""
    kept = set(_WORD.findall(json.dumps(data, ensure_ascii=False).lower()))
    problems = []
    for node in _walk(nodes):
        if node.kind != "heading" or not node.children:
            continue
        words = _WORD.findall(" ".join(child.all_text() for child in node.children).lower())
        reached = [child for child in node.children if _reached(child.all_text(), kept)]
        if len(words) >= SECTION_WORDS and not reached:  # one line kept, and the rest is chatter
            problems.append(Problem("unmapped", "", label=node.text, value=" ".join(words[:12]) + "…"))
    return problems


def _reached(text: str, kept: set[str]) -> bool:
    words = _WORD.findall(text.lower())
    return bool(words) and sum(word in kept for word in words) >= len(words) / 2


_WORD = re.compile(r"\b(?!q[0-9a-f]{10}\b)\w{4,}")  # quote ids are cited everywhere: they say nothing
SECTION_WORDS = 12  # a section this long that left (almost) nothing in the draft is worth a word


def _walk(nodes: list) -> list:
    return [n for node in nodes for n in (node, *_walk(node.children))]


def _cut_off(text: str) -> bool:
    """Whether the JSON in `text` ends before its braces close (a length limit, a paste cut short)."""
    depth, in_string, escaped = 0, False, False
    for char in text[min((i for i in (text.find("{"), text.find("[")) if i != -1), default=len(text)) :]:
        if in_string:
            escaped, in_string = (not escaped and char == "\\"), in_string and (escaped or char != '"')
        elif char == '"':
            in_string = True
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
    return depth > 0


def _drop_unfinished(reading: Reading, schema: type[BaseModel]) -> None:
    """A cut-off answer's last item is unfinished: when every problem lies in it, it is left out (and the
    person is told, in `notes`), and what came before it is the answer."""
    last = {n: len(v) for n, v in reading.data.items() if isinstance(v, list) and v and isinstance(v[-1], dict)}
    places = {re.match(r"(\w+)\[(\d+)\]", p.path) for p in reading.problems}
    if None in places or any(last.get(m.group(1), 0) < 2 or last[m.group(1)] != int(m.group(2)) for m in places):
        return  # not only in a last item, or that item is all there is: nothing usable to keep
    _leave_out_last(reading, schema, {m.group(1) for m in places})


def _leave_out_last(reading: Reading, schema: type[BaseModel], lists: set[str]) -> None:
    """Each named list's last item is left out, the person told in `notes`, and the rest is the answer."""
    for name in lists:
        dropped = reading.data[name].pop()
        reading.notes.append(Problem("cut", f"{name}[{len(reading.data[name]) + 1}]", value=_short_item(dropped)))
    try:
        reading.output, reading.problems = schema.model_validate(reading.data), []
    except ValidationError:
        reading.output = None  # what is left still does not fit: the person is asked, with the problems named


def _short_item(item: dict) -> str:
    text = "; ".join(str(v) for k, v in item.items() if k not in ("id", "evidence", "assumption") and v)
    return text if len(text) <= 60 else text[:59] + "…"


def parse_answer(text: str, schema: type[BaseModel], markdown: bool = True, language: str = "en") -> BaseModel:
    """The answer as `schema`, or an AnswerError saying what is wrong with it. `markdown=False` accepts JSON
    only (for models, which are asked for JSON; tables and lists are for people pasting answers). `language`:
    of the problems it names, so a Dutch run's repair request reads Dutch all through."""
    if not (text or "").strip():
        raise AnswerError(key="answer_empty")
    reading = read_answer(text, schema, markdown)
    if reading.form == "none":
        raise AnswerError(key="answer_unreadable" if markdown else "answer_unreadable_json")
    if not reading.complete:
        raise AnswerError(key="answer_unfit", schema=schema.__name__, summary=summary(reading.problems, language))
    return reading.output


def _json(text: str) -> Any | None:
    """The JSON in the answer: fenced blocks first (merged when the answer is split over several), else the
    text from its first brace; repaired when broken. None when there is none."""
    blocks = [body for lang, body in FENCE.findall(text) if lang.lower() in ("", "json", "jsonc", "json5", "js")]
    found = [value for value in (_load(b) for b in blocks) if value is not None]
    if not found:
        match = JSON_START.search(text)
        if match:
            found = [v for v in [_load(text[match.start() :])] if v is not None]
    if not found:
        return None
    if len(found) == 1:
        return found[0]
    if all(isinstance(v, list) for v in found):
        return [x for v in found for x in v]
    merged: dict = {}
    for value in found:
        if isinstance(value, list):
            value = {"_items": value}
        for key, item in value.items():
            merged[key] = merged[key] + item if isinstance(merged.get(key), list) and isinstance(item, list) else item
    return merged


def _load(text: str) -> Any | None:
    import json_repair

    start = min((i for i in (text.find("{"), text.find("[")) if i != -1), default=-1)
    if start == -1:
        return None
    try:
        value = json.loads(text[start:])
    except json.JSONDecodeError:
        value = json_repair.loads(_straight_quotes(text[start:]))
    if isinstance(value, dict) and value:
        return value
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return value
    return None


def _straight_quotes(text: str) -> str:
    """Smart quotes used as JSON quotes become straight ones (inside strings they stay as written)."""
    text = re.sub(r"([{\[,:]\s*)[“”„]", r'\1"', text)
    return re.sub(r"[“”](\s*[:,}\]])", r'"\1', text)


def _unwrap(raw: Any, schema: type[BaseModel]) -> Any:
    """{"Ideation": {...}} or {"answer": {...}} → the inner object; a bare list → the step's list field."""
    fields = schema.model_fields
    if isinstance(raw, dict) and "_items" in raw:
        raw = {**raw, **_as_list_field(raw.pop("_items"), schema)}
    if isinstance(raw, dict) and len(raw) == 1:
        ((key, value),) = raw.items()
        if key not in fields and isinstance(value, dict):
            return _unwrap(value, schema)
    if isinstance(raw, list):
        return _as_list_field(raw, schema)
    return raw


def _as_list_field(items: list, schema: type[BaseModel]) -> dict:
    lists = list(item_lists(schema))
    return {lists[0]: items} if lists else {"_items": items}


def _sort_by_id(data: dict, schema: type[BaseModel]) -> None:
    """One table for two lists of the same kind ("Benefits and costs": B1, C1, C2): each item goes to the list
    its id is numbered for (C → costs, or Dutch K → kosten), when that is not the list it landed in."""
    lists = item_lists(schema)
    for name, model in lists.items():
        siblings = [other for other, m in lists.items() if m is model and other != name]
        for item in list(data.get(name) or []):
            prefix = re.match(r"[A-Za-z]+", str(item.get("id", "")) if isinstance(item, dict) else "")
            letter = prefix.group()[0].upper() if prefix else ""
            if not letter or letter in _initials(name):
                continue
            home = [other for other in siblings if letter in _initials(other)]
            if len(home) == 1:
                data[name].remove(item)
                data.setdefault(home[0], []).append(item)


def _initials(name: str) -> set[str]:
    return {label[:1].upper() for label in (name, field_label(name, "en"), field_label(name, "nl")) if label}


def _fill_item_ids(data: dict, schema: type[BaseModel]) -> None:
    """Models and people often leave out item ids: number them T1, T2… by the field's initial."""
    for name in item_lists(schema):
        if not isinstance(data.get(name), list):
            continue
        prefix = name[0].upper()
        taken = {e.get("id") for e in data[name] if isinstance(e, dict)}
        for number, entry in enumerate(data[name], start=1):
            if isinstance(entry, dict) and not entry.get("id"):
                candidate = f"{prefix}{number}"
                entry["id"] = candidate if candidate not in taken else f"{prefix}{number}x"


def _problems(error: ValidationError) -> list[Problem]:
    problems = []
    for e in error.errors(include_url=False):
        path = "".join(f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in e["loc"]).lstrip(".")
        kind = "missing" if e["type"] == "missing" else "unmapped" if e["type"] == "extra_forbidden" else "invalid"
        value = "" if kind == "missing" else str(e.get("input", ""))[:80]
        problems.append(Problem(kind, path, str(e["loc"][-1]) if e["loc"] else "", value))
    return problems


def describe(problem: Problem, language: str) -> str:
    """One problem as a person reads it, e.g. `ideas[2]: “Prioriteit” (“hoog”) is not a field of this step`."""
    where = problem.path or t("answers.whole", language)
    name = problem.label.split(".")[-1]
    label = field_label(name, language) if problem.kind != "unmapped" else problem.label
    kind = "unplaced" if problem.kind == "unmapped" and not problem.label else problem.kind
    return t(f"answers.{kind}", language, where=where, label=label, value=problem.value)


def summary(problems: list[Problem], language: str, limit: int = 4) -> str:
    lines = [describe(p, language) for p in problems]
    more = t("answers.more", language, n=len(lines) - limit) if len(lines) > limit else ""
    return "; ".join(lines[:limit]) + more


def follow_up(reading: Reading, schema: type[BaseModel], language: str) -> str:
    """The message to paste back into the assistant: what did not fit, and a request for the JSON only."""
    lines = [t("answers.follow_up_intro", language)]
    lines += [f"- {describe(p, language)}" for p in reading.problems]
    fields = ", ".join(f"`{n}`" for n in schema.model_fields)
    lines += ["", t("answers.follow_up_ask", language, fields=fields)]
    return "\n".join(lines)


def salvage(reading: Reading, schema: type[BaseModel]) -> BaseModel:
    """What the reading understood, as a valid output: a field it could not fill gets an empty or middle value
    (and its item is marked an assumption), so the person completes it in the step editor."""
    if reading.output is not None:
        return reading.output
    data = json.loads(json.dumps(reading.data, default=str))
    for _ in range(50):
        try:
            return schema.model_validate(data)
        except ValidationError as error:
            for e in error.errors(include_url=False):
                try:
                    _patch(data, list(e["loc"]), schema)
                except (KeyError, IndexError, TypeError):  # a shape it cannot walk: drop that top-level field
                    if isinstance(e["loc"][0], str):
                        data.pop(e["loc"][0], None)
    return schema.model_validate(_minimal(schema))


def _patch(data: Any, loc: list, model: type[BaseModel]) -> None:
    """Replace the value at `loc` by a placeholder the field accepts (or drop it when it has a default)."""
    current = model
    for step in loc[:-1]:
        if isinstance(step, str) and step not in current.model_fields:
            continue  # a union member's name (e.g. `Range` in `Range | None`), not a key in the data
        data = data[step]
        if isinstance(step, str):
            annotation = current.model_fields[step].annotation
            current = item_model(annotation) or part_model(annotation) or current
    last = loc[-1]
    if isinstance(data, dict) and isinstance(last, str):
        if last not in current.model_fields:
            data.pop(last, None)
            return
        info = current.model_fields[last]
        if not info.is_required():
            data.pop(last, None)
        else:
            data[last] = _placeholder(info)
        if "assumption" in current.model_fields:
            data["assumption"] = True
    elif isinstance(data, list) and isinstance(last, int):
        data[last] = {}


def _placeholder(info) -> Any:
    from copilot.steps.answer_labels import choices_of

    options = choices_of(info.annotation)
    if options:
        return options[0]
    part = part_model(info.annotation)
    if part is not None:
        return _minimal(part)
    low = next((m.ge for m in info.metadata if hasattr(m, "ge")), None)
    high = next((m.le for m in info.metadata if hasattr(m, "le")), None)
    if info.annotation in (int, float):
        return (low + high) // 2 if low is not None and high is not None else (low or 0)
    return [] if "list" in str(info.annotation) else ""


def _minimal(model: type[BaseModel]) -> dict:
    return {n: _placeholder(i) for n, i in model.model_fields.items() if i.is_required()}
