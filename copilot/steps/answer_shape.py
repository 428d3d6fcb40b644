"""Fit a Markdown outline (`answer_tables.outline`) to a step's schema: sections to fields, list entries and
table rows to items, `Label: value` lines to fields of the item they sit under. Labels stay as written:
`answer_coerce` maps them, so Markdown and JSON answers are checked the same way.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from copilot.i18n import t
from copilot.steps.answer_labels import choice_for, choices_of, field_for, item_model, norm, part_model
from copilot.steps.answer_tables import Node, split_label
from copilot.steps.schema_text import dutch_description


def shape(nodes: list[Node], schema: type[BaseModel]) -> dict:
    """Raw data for `schema`: {field or label: value}; items as dicts with `_title` and `_lines`."""
    data: dict[str, Any] = {}
    loose: list[Node] = []
    queue = _hoist(nodes, schema)
    while queue:
        node = queue.pop(0)
        target = _section(node, schema)
        if target is None:
            loose.append(node)
            continue
        model = item_model(schema.model_fields[target].annotation)
        if model is not None:  # a "Payback: 8-14 months" line under the last section belongs to the step
            lifted = [c for c in node.children if c.kind != "bullet" and _section(c, schema) and not _maps(c, model)]
            node.children = [c for c in node.children if c not in lifted]
            if not queue:  # "## Who we're not hearing from" closing the last section of items
                node.children = _trailing_questions(node.children, schema, [target], data)
            queue[:0] = lifted
        _put(data, target, _section_value(node, schema, target))
    loose = [node for node in loose if not _titled(node, schema, data)]
    lists = [n for n, i in schema.model_fields.items() if item_model(i.annotation) and n != "open_questions"]
    loose = _trailing_questions(loose, schema, lists, data)
    if loose and lists:
        groups: dict[str, list[Node]] = {}
        for node in loose:
            groups.setdefault(_best_list(node, schema, lists), []).append(node)
        for name, group in groups.items():
            items = _items(group, item_model(schema.model_fields[name].annotation))
            if items:
                _put(data, name, items)
    return data


def _titled(node: Node, schema: type[BaseModel], data: dict) -> bool:
    """A title line that names the step and then its subject, "**Business case: Chatbot X**": the subject is
    the step's one required text field (the idea the case is for), when the answer gave it nowhere else."""
    from copilot.steps.registry import STEPS

    label, value = split_label(node.text)
    names = {norm(name) for info in STEPS.values() if info.schema is schema for name in info.names.values()}
    texts = [n for n, i in schema.model_fields.items() if i.annotation is str and i.is_required()]
    if not label or not value or norm(label) not in names or len(texts) != 1 or data.get(texts[0]):
        return False
    data[texts[0]] = value
    return True


def _trailing_questions(nodes: list[Node], schema: type[BaseModel], lists: list[str], data: dict) -> list[Node]:
    """A last section under a heading no field has ("Nog open", "Who we're not hearing from") whose entries
    are plain lines, after items, is what the step leaves open: items have labelled fields, open questions and
    gaps do not. Returns `nodes` without it (its lines are then in data["open_questions"])."""
    if "open_questions" not in schema.model_fields or data.get("open_questions") or not nodes:
        return nodes
    last = nodes[-1]
    kids = last.children
    label, value = split_label(last.text)
    if last.kind == "line" and label and ";" in value and not kids and not _maps(last, schema):
        # "**Finance should confirm:** the volumes; the licence quotes": the same, on one line
        models = [item_model(schema.model_fields[name].annotation) for name in lists]
        if any(data.get(name) for name in lists) or any(_items([n], m) for n in nodes[:-1] for m in models):
            data["open_questions"] = [entry.strip() for entry in value.rstrip(".").split(";") if entry.strip()]
            return nodes[:-1]
    if last.kind not in ("heading", "bold") or not kids or any(k.children or k.kind == "table" for k in kids):
        return nodes
    models = [item_model(schema.model_fields[name].annotation) for name in lists]
    if any(_maps(k, model) for k in kids for model in models) or _maps(last, schema):
        return nodes
    held_items = any(data.get(name) for name in lists)
    if not held_items and not any(_items([node], model) for node in nodes[:-1] for model in models):
        return nodes
    entries = [k for k in kids if k.kind == "bullet"] or kids  # a closing "Hope this helps!" is no question
    data["open_questions"] = [k.text for k in entries if k.text.strip()]
    return nodes[:-1]


def _hoist(nodes: list[Node], schema: type[BaseModel]) -> list[Node]:
    """A section heading nested under another heading ("### Open questions" under "## What it brings") is
    the step's own section: lift it to the top, after the node it sat in."""
    flat: list[Node] = []
    for node in nodes:
        flat.append(node)
        inner = [c for c in node.children if c.kind in ("heading", "bold") and _section(c, schema)]
        if inner:
            node.children = [c for c in node.children if c not in inner]
            flat.extend(_hoist(inner, schema))
    return flat


def _put(data: dict, key: str, value: Any) -> None:
    if key in data and isinstance(data[key], list) and isinstance(value, list):
        data[key] = data[key] + value
    else:
        data[key] = value


def _section(node: Node, schema: type[BaseModel]) -> str | None:
    """The schema field a heading or `Label:` line opens, if any."""
    if node.kind == "table":
        return None
    label, value = split_label(node.text)
    for candidate in (node.text, label) if node.kind in ("heading", "bold") else (label,):
        if candidate:
            path = field_for(_strip_number(candidate), schema)
            if path and len(path) == 1:
                return path[0]
    if node.kind in ("heading", "bold"):
        return _described(_strip_number(node.text), schema)
    return None


def _described(heading: str, schema: type[BaseModel]) -> str | None:
    """The field whose description, as the prompt showed it in either language, the heading repeats in any
    word order: "Wie beïnvloedt wie" over the links ("wie wie beïnvloedt"), "Who influences whom"."""
    words = sorted(norm(heading).split())
    for name, info in schema.model_fields.items():
        for description in (info.description, dutch_description(schema, name)):
            if words and words == sorted(norm(description or "").split()):
                return name
    return None


def _strip_number(text: str) -> str:
    return re.sub(r"^\s*(?:\d+[.)]|[A-Z][.)])\s*", "", text)


def _section_value(node: Node, schema: type[BaseModel], name: str) -> Any:
    annotation = schema.model_fields[name].annotation
    _, inline = split_label(node.text)
    inline = inline if node.kind not in ("heading", "bold") or ":" in node.text else ""
    items = item_model(annotation)
    if items is not None:
        found = _items(_paragraph_items(node.children), items)
        if inline and not found:
            found = [{"_title": part} for part in [inline]]
        return found
    if part_model(annotation) is not None and node.children:
        return _pairs(node.children)
    bullets = [child for child in node.children if child.kind == "bullet"]
    texts = [child.text for child in bullets or [c for c in node.children if c.kind != "table"]]
    texts += [" ".join(row.values()) for child in node.children for row in child.rows]
    if annotation is str or str(annotation).startswith("str"):
        return "\n".join([inline, *texts]).strip()
    return ([inline] if inline else []) + texts


def _best_list(node: Node, schema: type[BaseModel], lists: list[str]) -> str:
    if len(lists) == 1:
        return lists[0]
    labels = node.header if node.kind == "table" else [split_label(c.text)[0] or "" for c in _descendants(node)]
    labels += [h for c in _descendants(node) if c.kind == "table" for h in c.header]
    # a table lying on its side names its fields down the first column: "| Lane | S1 | S2 |", then "| Customer |"
    tables = [t for t in (node, *_descendants(node)) if t.kind == "table" and t.header]
    down = [row.get(table.header[0], "") for table in tables for row in table.rows]

    def fit(name: str) -> int:
        model = item_model(schema.model_fields[name].annotation)
        return max(sum(1 for label in found if label and field_for(label, model)) for found in (labels, down))

    return max(lists, key=fit)


def _descendants(node: Node) -> list[Node]:
    return [d for c in node.children for d in (c, *_descendants(c))]


def _items(nodes: list[Node], model: type[BaseModel]) -> list[dict]:
    found: list[dict] = []
    for node in nodes:
        if node.kind == "table":
            found.extend(_rows(node, model))
        elif _is_item(node, model):
            found.append(_item(node, model))
        elif node.children:
            inner = _items(node.children, model)
            chosen = _group_choice(node, model)
            for item in inner if chosen else []:
                item.setdefault(*chosen)
            found.extend(inner)
    return found


def _group_choice(node: Node, model: type[BaseModel]) -> tuple[str, str] | None:
    """A group line over items that names one choice of theirs: "*Inside (how we work together)*" above the
    shifts it holds gives each of them side = inside."""
    if node.kind not in ("line", "bold", "heading") or len(node.text.split()) > 8:
        return None
    found = []
    for name, info in model.model_fields.items():
        options = choices_of(info.annotation)
        if options and all(isinstance(o, str) for o in options) and choice_for(node.text, options, name):
            found.append((name, node.text))
    return found[0] if len(found) == 1 else None


ITEM_START = re.compile(r"^[A-Z]{1,3}-?\d{1,2}[a-z]?\s*[–—\-.:)]\s")


def _paragraph_items(nodes: list[Node]) -> list[Node]:
    """Items written as paragraphs: "**U1 – Title.** Text", then a quote and "(bron: …)" lines, all plain
    lines at one level. Each line that opens with an item id starts an item; the lines after it are its own."""
    if not nodes or nodes[0].kind != "line" or not ITEM_START.match(nodes[0].text):
        return nodes
    if sum(1 for n in nodes if n.kind == "line" and ITEM_START.match(n.text)) < 2:
        return nodes
    grouped: list[Node] = []
    for node in nodes:
        if node.kind == "line" and ITEM_START.match(node.text):
            grouped.append(Node("bullet", node.text, node.level, [*node.children]))
        elif node.kind == "line" and not node.children:
            grouped[-1].children.append(node)
        else:
            grouped.append(node)
    return grouped


def _maps(node: Node, model: type[BaseModel]) -> bool:
    label, _ = split_label(node.text)
    return bool(label and field_for(label, model))


def _is_item(node: Node, model: type[BaseModel]) -> bool:
    kids = [k for k in node.children if k.kind != "table"]
    pairs = sum(1 for k in kids if _maps(k, model))
    if pairs and pairs * 2 >= len(kids):
        return True
    if node.kind in ("bullet", "bold") and not any(k.children for k in kids) and not _maps(node, model):
        return node.kind == "bullet" or bool(kids)
    return node.kind == "bullet" and not kids


def _item(node: Node, model: type[BaseModel]) -> dict:
    item: dict[str, Any] = {}
    label, value = split_label(node.text)
    if label and field_for(label, model):
        item[label] = value
    else:
        item["_title"] = node.text
    for child in node.children:
        if child.kind == "table":
            item.update(_table_pairs(child) or {})
            continue
        label, value = split_label(child.text)
        path = field_for(label, model) if label else None
        if path is None:
            if label and not child.children:
                item[label] = value  # kept under its own label: the person is told it fits no field
            else:
                item.setdefault("_lines", []).append(child.all_text())
            continue
        if child.children:
            sub = part_model(model.model_fields[path[0]].annotation) if len(path) == 1 else None
            nested = _pairs(child.children) if sub else [c.all_text() for c in child.children]
            value = nested if not value else ([value, *nested] if isinstance(nested, list) else nested)
        item[label] = value if label not in item else _join(item[label], value)
    return item


def _join(old: Any, new: Any) -> list:
    return (old if isinstance(old, list) else [old]) + (new if isinstance(new, list) else [new])


def _pairs(nodes: list[Node]) -> dict:
    pairs: dict[str, Any] = {}
    for node in nodes:
        label, value = split_label(node.text)
        if label:
            pairs[label] = value or [c.all_text() for c in node.children]
    return pairs


def _table_pairs(node: Node) -> dict | None:
    """A two-column `field | value` table inside an item."""
    if len(node.header) != 2:
        return None
    return {row[node.header[0]]: row[node.header[1]] for row in node.rows}


def _initials(header: list[str], model: type[BaseModel]) -> dict[str, str]:
    """Columns headed by the initials of a nested part's fields, in order ("A | D | K | A | R" for ADKAR's
    awareness … reinforcement, or Dutch "B | B | K | V | B"): each header → the field it abbreviates."""
    letters = [norm(h) for h in header]
    renamed: dict[str, str] = {}
    for name, info in model.model_fields.items():
        part = part_model(info.annotation)
        subs = list(part.model_fields) if part is not None else []
        if len(subs) < 3:
            continue
        spellings = [[sub[0] for sub in subs]]
        spellings += [[norm(t(f"fields.{sub}", lang))[:1] for sub in subs] for lang in ("en", "nl")]
        for start in range(len(letters) - len(subs) + 1):
            if letters[start : start + len(subs)] in spellings:
                renamed.update({header[start + n]: f"{name} {sub}" for n, sub in enumerate(subs)})
                break
    return renamed


def _rows(node: Node, model: type[BaseModel]) -> list[dict]:
    renamed = _initials(node.header, model)
    if renamed:
        node = Node(
            "table",
            rows=[{renamed.get(h, h): v for h, v in row.items()} for row in node.rows],
            header=[renamed.get(h, h) for h in node.header],
        )
    header = node.header
    mapped = sum(1 for h in header if field_for(h, model))
    first = [row.get(header[0], "") for row in node.rows] if header else []
    mapped_first = sum(1 for cell in first if field_for(cell, model))
    if len(header) == 2 and mapped_first > mapped and mapped_first * 2 >= len(first):
        return [{row[header[0]]: row[header[1]] for row in node.rows}]  # one item as a field | value table
    if mapped_first > mapped and mapped_first * 2 >= len(first):  # lanes down, stages across: transpose
        stages = header[1:]
        return [{"_title": stage, **{row[header[0]]: row.get(stage, "") for row in node.rows}} for stage in stages]
    listed = {h for h in header if any(";" in row.get(h, "") for row in node.rows)}
    # a column that lists with ";" keeps a cell without one whole: "EU-hosting, DPIA vooraf" is one entry
    return [
        {h: [v] if h in listed and ";" not in v and v.strip() else v for h, v in row.items()}
        for row in node.rows
        if any(norm(v) for v in row.values())
    ]
