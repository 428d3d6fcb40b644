"""Three-way merge of one step's content, so several kernels can edit one session without losing an edit.

A save names the version it started from (its *base*). When someone else saved since, the copilot compares
base → mine and base → theirs: lists of items are merged item by item (matched by id), every other field as a
whole. A change on one side only is taken; the same change on both sides is taken once; different changes to
the same item (or field) are a conflict, which the caller shows to the person — never silently dropped.

Works on plain JSON data (`model_dump(mode="json")`), so it knows nothing of the schemas.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_ABSENT = object()  # an item or field one side does not have (deleted, or never there)


@dataclass(frozen=True)
class Conflict:
    """One item (or field, when `item_id` is None) changed differently by two writers."""

    field: str
    item_id: str | None
    mine: Any  # the item or value as this writer has it; None when this writer deleted it
    theirs: Any  # as the session holds it now; None when the other writer deleted it

    def label(self) -> str:
        return f"{self.field} {self.item_id}" if self.item_id is not None else self.field


def merge(base: dict | None, mine: dict, theirs: dict | None) -> tuple[dict, list[Conflict]]:
    """`mine` with everything `theirs` changed since `base` folded in; conflicting items keep theirs."""
    if theirs is None:
        return dict(mine), []
    base = base or {}
    merged: dict = {}
    conflicts: list[Conflict] = []
    for name in dict.fromkeys([*theirs, *mine]):
        b, m, t = base.get(name, _ABSENT), mine.get(name, _ABSENT), theirs.get(name, _ABSENT)
        if _item_list(b, allow_absent=True) and _item_list(m) and _item_list(t):
            value, found = _merge_items(name, [] if b is _ABSENT else b, m, t)
        else:
            value, found = _merge_value(name, b, m, t)
        if value is not _ABSENT:
            merged[name] = value
        conflicts += found
    return merged, conflicts


def _item_list(value: Any, allow_absent: bool = False) -> bool:
    """A list of items with unique ids (anything else merges as one value)."""
    if value is _ABSENT:
        return allow_absent
    if not isinstance(value, list) or not all(isinstance(v, dict) and isinstance(v.get("id"), str) for v in value):
        return False
    return len({v["id"] for v in value}) == len(value)


def _three_way(b: Any, m: Any, t: Any) -> tuple[Any, bool]:
    """(the merged value, whether it is a conflict)."""
    if m in (t, b):
        return t, False
    if t == b:
        return m, False
    return t, True


def _merge_value(name: str, b: Any, m: Any, t: Any) -> tuple[Any, list[Conflict]]:
    value, clash = _three_way(b, m, t)
    if not clash:
        return value, []
    return value, [Conflict(name, None, None if m is _ABSENT else m, None if t is _ABSENT else t)]


def _merge_items(name: str, base: list[dict], mine: list[dict], theirs: list[dict]) -> tuple[list, list[Conflict]]:
    b, m, t = ({item["id"]: item for item in items} for items in (base, mine, theirs))
    chosen: dict[str, dict] = {}
    conflicts: list[Conflict] = []
    for item_id in dict.fromkeys([*t, *m]):
        value, clash = _three_way(b.get(item_id, _ABSENT), m.get(item_id, _ABSENT), t.get(item_id, _ABSENT))
        if clash:
            conflicts.append(Conflict(name, item_id, m.get(item_id), t.get(item_id)))
        if value is not _ABSENT:
            chosen[item_id] = value
    return [chosen[i] for i in _order(list(b), list(m), list(t), chosen)], conflicts


def _order(base: list[str], mine: list[str], theirs: list[str], chosen: dict) -> list[str]:
    """Theirs' order, unless only I reordered; items new on the other side go after their neighbour there."""
    mine_moved = [i for i in mine if i in base] != [i for i in base if i in mine]
    primary, secondary = (mine, theirs) if mine_moved else (theirs, mine)
    order = [i for i in primary if i in chosen]
    placed = set(order)
    for index, item_id in enumerate(secondary):
        if item_id in chosen and item_id not in placed:
            before = next((p for p in reversed(secondary[:index]) if p in placed), None)
            order.insert(order.index(before) + 1 if before is not None else 0, item_id)
            placed.add(item_id)
    return order
