"""Unverified quotations of a step in a session: recomputed from the session's own evidence whenever they are
shown (editor, lock, deck), so a mark is never stale after an edit and survives saving and reopening.

The engine remembers which research a step was given (`remember_given`): an item that cites nothing, and the
step's own fields, are checked against that; an item that cites quotes against those quotes.
"""

from __future__ import annotations

import json

from pydantic import BaseModel

from copilot.i18n import t
from copilot.research.chunks import Chunk
from copilot.session import Session
from copilot.steps.quotations import QUOTE_FIELDS, Finding, check, quotations, unmark

GIVEN = "quotes.given.{step}"  # session meta: the research ids a step was given, as a JSON list


def remember_given(session: Session, step_id: str, chunks: list[Chunk]) -> None:
    """Keep the research `step_id` was given (the quotes and their ids), so its quotations can be checked
    again later, without the research store."""
    session.keep_evidence(chunks)
    session.set_meta(GIVEN.format(step=step_id), json.dumps([c.id for c in chunks]))


def given(session: Session, step_id: str) -> list[str]:
    try:
        return list(json.loads(session.meta(GIVEN.format(step=step_id), "[]")))
    except (ValueError, TypeError):
        return []


def unverified(session: Session, step_id: str, output: BaseModel | None) -> list[Finding]:
    """Every quotation in `output` (a version of `step_id`) that does not stand in its research."""
    if output is None:
        return []
    ids = given(session, step_id)
    cited = [i for _, item in _items(output) for i in item.evidence]
    research = {q.id: q.text for q in session.evidence(list(dict.fromkeys([*ids, *cited])))}
    return check(output, research, given=ids)


def deck_safe(session: Session, step_id: str, output: BaseModel | None, language: str) -> BaseModel | None:
    """`output` as a deck may show it: see `shown_safely`."""
    if output is None:
        return None
    return shown_safely(output, unverified(session, step_id, output), language)


def for_item(findings: list[Finding], item_id: str) -> list[Finding]:
    return [f for f in findings if f.item == item_id]


def shown_safely(output: BaseModel, findings: list[Finding], language: str) -> BaseModel:
    """A copy of `output` in which no unverified quotation reads as a customer's words: in free text it loses
    its quotation marks and gets '(unverified)' after it; an unverified `quote` field is left empty, so the
    deck shows a quote the item really cites instead."""
    if not findings:
        return output
    label = t("quotes.unverified", language)
    data = output.model_dump()
    for finding in findings:
        holder = data if not finding.item else _item_data(data, output, finding.item)
        if holder is None:
            continue
        _rewrite(holder, finding, label)
    return type(output).model_validate(data)


def _rewrite(holder: dict, finding: Finding, label: str) -> None:
    path = finding.field.replace("]", "").replace("[", ".").split(".")
    parent, key = holder, path[-1]
    for step in path[:-1]:
        parent = parent[int(step)] if isinstance(parent, list) else parent[step]
    current = parent[int(key)] if isinstance(parent, list) else parent[key]
    if not isinstance(current, str):
        return
    if path[0] in QUOTE_FIELDS:
        new = ""
    else:  # findings of one field are rewritten one at a time: find this quotation again in what is left
        same = [q for q in quotations(current) if q.text == finding.text]
        new = unmark(current, same[:1], label) if same else current
    if isinstance(parent, list):
        parent[int(key)] = new
    else:
        parent[key] = new


def _item_data(data: dict, output: BaseModel, item_id: str) -> dict | None:
    for name, item in _items(output):
        if item.id == item_id:
            return next((d for d in data[name] if d.get("id") == item_id), None)
    return None


def _items(output: BaseModel):
    from copilot.steps.schemas.base import item_lists

    for name in item_lists(type(output)):
        for item in getattr(output, name):
            yield name, item
