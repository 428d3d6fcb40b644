"""Turn an answer — from a model, or pasted by a person from another assistant — into a step's schema.

Accepted: JSON (bare, or inside a ```json fence, with chatter around it), or a Markdown table or bullet
list for steps whose output is one list of items. Evidence ids written like [q1a2b3c4d5] are picked up.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel, ValidationError

from copilot.errors import CopilotError

FENCE = re.compile(r"```(?:json|JSON)?\s*\n(.*?)\n\s*```", re.DOTALL)
EVIDENCE_ID = re.compile(r"\bq[0-9a-f]{10}\b")


class AnswerError(CopilotError):
    """An answer could not be read as the step's output."""


def parse_answer(text: str, schema: type[BaseModel], markdown: bool = True) -> BaseModel:
    """The answer as `schema`, or an AnswerError saying what is wrong with it. `markdown=False` accepts JSON
    only (for models, which are asked for JSON; tables and lists are for people pasting answers)."""
    text = (text or "").strip()
    if not text:
        raise AnswerError(key="answer_empty")
    data = _json(text)
    if data is None and markdown:
        data = _markdown(text, schema)
    if data is None:
        raise AnswerError(key="answer_unreadable" if markdown else "answer_unreadable_json")
    if isinstance(data, list):
        field = _list_field(schema)
        if field is None:
            raise AnswerError(key="answer_list", schema=schema.__name__)
        data = {field: data}
    _fill_item_ids(data, schema)
    try:
        return schema.model_validate(data)
    except ValidationError as error:
        raise AnswerError(key="answer_unfit", schema=schema.__name__, summary=_summary(error)) from None


def _json(text: str) -> Any | None:
    candidates = [m.group(1) for m in FENCE.finditer(text)] + [text]
    for candidate in candidates:
        for opener, closer in (("{", "}"), ("[", "]")):
            start, end = candidate.find(opener), candidate.rfind(closer)
            if start == -1 or end <= start:
                continue
            try:
                return json.loads(candidate[start : end + 1])
            except json.JSONDecodeError:
                continue
    return None


def _list_field(schema: type[BaseModel]) -> str | None:
    """The one list-of-items field of a step output (open_questions aside)."""
    fields = [
        name
        for name, info in schema.model_fields.items()
        if name != "open_questions" and _item_model(info.annotation) is not None
    ]
    return fields[0] if len(fields) == 1 else None


def _item_model(annotation) -> type[BaseModel] | None:
    args = getattr(annotation, "__args__", ())
    if getattr(annotation, "__origin__", None) is list and args and isinstance(args[0], type):
        return args[0] if issubclass(args[0], BaseModel) else None
    return None


def _markdown(text: str, schema: type[BaseModel]) -> list[dict] | None:
    field = _list_field(schema)
    if field is None:
        return None
    item = _item_model(schema.model_fields[field].annotation)
    rows = _table(text) or _bullets(text, item)
    return rows or None


def _table(text: str) -> list[dict]:
    lines = [line.strip() for line in text.splitlines() if line.strip().startswith("|")]
    if len(lines) < 3:
        return []
    header = [_key(cell) for cell in lines[0].strip("|").split("|")]
    rows = []
    for line in lines[2:]:  # line 2 is the |---| separator
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        row = {key: value for key, value in zip(header, cells, strict=False) if key}
        row["evidence"] = EVIDENCE_ID.findall(line) or _split(row.get("evidence", ""))
        rows.append(row)
    return rows


def _bullets(text: str, item: type[BaseModel]) -> list[dict]:
    first_text_field = next(
        (name for name, info in item.model_fields.items() if info.annotation is str and name != "id"), None
    )
    if first_text_field is None:
        return []
    rows = []
    for line in text.splitlines():
        match = re.match(r"^\s*(?:[-*•]|\d+[.)])\s+(.*)$", line)
        if not match:
            continue
        body = match.group(1)
        label, _, rest = body.partition(":")
        row = {first_text_field: EVIDENCE_ID.sub("", label if rest else body).strip(" *[]()")}
        if rest and "insight" in item.model_fields:
            row["insight"] = EVIDENCE_ID.sub("", rest).strip(" []()")
        row["evidence"] = EVIDENCE_ID.findall(body)
        rows.append(row)
    return rows


def _key(cell: str) -> str:
    return re.sub(r"\W+", "_", cell.strip().lower()).strip("_")


def _split(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;\s]+", value) if part.strip()]


def _fill_item_ids(data: dict, schema: type[BaseModel]) -> None:
    """Models and people often leave out item ids: number them T1, T2… by the field's initial."""
    for name, info in schema.model_fields.items():
        if _item_model(info.annotation) is None or not isinstance(data.get(name), list):
            continue
        prefix = name[0].upper()
        for number, entry in enumerate(data[name], start=1):
            if isinstance(entry, dict) and not entry.get("id"):
                entry["id"] = f"{prefix}{number}"


def _summary(error: ValidationError, limit: int = 4) -> str:
    problems = [
        f"{'.'.join(str(p) for p in e['loc']) or 'answer'}: {e['msg']}" for e in error.errors(include_url=False)
    ]
    more = f" (and {len(problems) - limit} more)" if len(problems) > limit else ""
    return "; ".join(problems[:limit]) + more
