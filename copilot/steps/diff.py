"""Compare a new draft with what people made of a step, item by item, so they can accept or reject changes.

Items are matched by id. Human edits win by default: nothing from a draft reaches the step unless a person
accepts it.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from copilot.steps.schemas import Item
from copilot.steps.schemas.base import item_lists


@dataclass(frozen=True)
class Change:
    field: str  # the schema's list field, e.g. "themes"
    kind: str  # added | changed | dropped
    current: Item | None
    proposed: Item | None

    @property
    def item_id(self) -> str:
        return (self.proposed or self.current).id


def _lists(output: BaseModel) -> dict[str, list[Item]]:
    return {name: getattr(output, name) for name in item_lists(type(output))}


def _same(a: Item, b: Item) -> bool:
    return a.model_dump(exclude={"assumption"}) == b.model_dump(exclude={"assumption"})


def changes(current: BaseModel, proposed: BaseModel) -> list[Change]:
    """What the proposed draft would add, change or drop, per list of items."""
    found: list[Change] = []
    mine, theirs = _lists(current), _lists(proposed)
    for name, items in theirs.items():
        have = {item.id: item for item in mine.get(name, [])}
        for item in items:
            if item.id not in have:
                found.append(Change(name, "added", None, item))
            elif not _same(have[item.id], item):
                found.append(Change(name, "changed", have[item.id], item))
        proposed_ids = {item.id for item in items}
        found += [Change(name, "dropped", item, None) for item in mine.get(name, []) if item.id not in proposed_ids]
    return found


def accept_change(current: BaseModel, change: Change) -> BaseModel:
    """`current` with one change applied (an added item goes to the end; a dropped one is removed)."""
    items = list(getattr(current, change.field))
    if change.kind == "added":
        items.append(change.proposed)
    elif change.kind == "changed":
        items = [change.proposed if item.id == change.item_id else item for item in items]
    else:
        items = [item for item in items if item.id != change.item_id]
    return current.model_copy(update={change.field: items})
