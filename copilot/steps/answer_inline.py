"""Values for other fields written inside a text: labelled sentences ("… achter zich. Brengt: mandaat."),
a qualifier before the text ("(strong, 4): …"), a link ("K2 → K4"), a move between two choices
("van tegenstander naar neutraal"), a second choice after a dash ("automatiseren — tijd bespaard").
Each is placed only in a field the item left empty."""

from __future__ import annotations

import re
from typing import get_args

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from copilot.steps.answer_labels import choice_for, choices_of, field_for
from copilot.steps.answer_values import number_in

ITEM_ID = r"[A-Z]{1,4}-?\d{1,3}[a-z]?"
# "K2 → K4, sterk (5): text", "K1 → K7 (strong, 4) — text": who influences whom, how strongly, and how
LINK = re.compile(
    rf"^\s*(?P<source>{ITEM_ID})\s*(?:→|->|⇒|➔|=>)\s*(?P<target>{ITEM_ID})\b[\s,;]*(?P<rest>.*)$", re.DOTALL
)


def place_link(text: str, model: type[BaseModel], out: dict) -> str:
    """ "K2 → K4, sterk (5): text" in an item that links two others: source, target and a score; the rest."""
    link = LINK.match(text) if {"source", "target"} <= set(model.model_fields) and not out.get("target") else None
    if link is None:
        return text
    out.setdefault("source", link.group("source"))
    out.setdefault("target", link.group("target"))
    return place_qualifier(link.group("rest"), model, out)


def place_qualifier(text: str, model: type[BaseModel], out: dict) -> str:
    """A short qualifier before the item's text, "(strong, 4): …", "sterk (5) — …", "(30 dagen): …": the value
    of the one scale or choice it fits that the item leaves empty. Returns the text after it (all of `text`
    when it holds no such value)."""
    head, found, rest = re.sub(r"^[\s,;]+", "", text).partition(":")
    if not found or len(head) > 30:
        head, found, rest = text.partition(" — ")
    if not found or len(head) > 30:
        return text
    head = head.strip(" ()")
    fits = [n for n in _open_choices(model, out) if _fits(head, model.model_fields[n], n)]
    if len(fits) != 1:
        return text
    out[fits[0]] = head
    return rest.strip()


def _open_choices(model: type[BaseModel], out: dict) -> list[str]:
    """The item's scales and choices it has no value for yet."""
    fields = model.model_fields.items()
    return [n for n, i in fields if (_scale(i) or choices_of(i.annotation)) and out.get(n) in (None, "")]


def _fits(text: str, info: FieldInfo, name: str) -> bool:
    options = choices_of(info.annotation)
    if options is not None:
        return choice_for(text, options, name) is not None
    return number_in(text, info) is not None


def _scale(info: FieldInfo) -> bool:
    high = next((m.le for m in info.metadata if hasattr(m, "le")), None)
    return high == 5 and int in (info.annotation, *get_args(info.annotation))


# a labelled sentence, "… achter zich. Brengt: mandaat.", or a label after a middle dot or a dash,
# "programmamanager · Wanneer: week 3", "Langs bij het werkoverleg — eigenaar: projectleider"
INLINE_LABEL = re.compile(r"((?<=[.!?])\s+(?=[A-Z][\w'’ -]{1,25}:\s)|\s+[·|—–]\s+(?=[\w'’ -]{1,25}:\s)|^\s+)")
# "projectleider, week 2": who, then when
OWNER_WHEN = re.compile(
    r",\s*(?P<when>(?:week|wk|maand|month|dag|day|kwartaal|quarter|sprint)\s*\d+\b.*|Q[1-4]\b.*|\d{4}-\d{2}-\d{2}"
    r"|(?:voor|before|by|uiterlijk|eind|end of|begin|start of)\s.+)$",
    re.IGNORECASE,
)


def place_inline_labels(out: dict, model: type[BaseModel]) -> None:
    """A labelled sentence inside a text, "… achter zich. Brengt: mandaat.": the value of the field its label
    names, when that field is another one and was not given on its own."""
    for name, value in list(out.items()):
        info = model.model_fields.get(name)
        if isinstance(value, str) and info is not None and (info.annotation is str or choices_of(info.annotation)):
            out[name] = place_labelled(value, model, out, name)  # "none · Human contact: keeps"
    when = OWNER_WHEN.search(out.get("owner") or "") if isinstance(out.get("owner"), str) else None
    if when and "date" in model.model_fields and not out.get("date"):
        out["owner"], out["date"] = out["owner"][: when.start()].strip(), when.group("when").strip().rstrip(".")


def place_labelled(text: str, model: type[BaseModel], out: dict, own: str | None = None) -> str:
    """Each "Label: value" sentence of `text` whose label names another field the item left empty goes there;
    returns the rest of the text. A text that opens with such a label ("Berekening: …") gives it too."""
    parts = INLINE_LABEL.split(" " + text if own is None else text)  # text, separator, text, …
    kept = parts[:1]
    for separator, sentence in zip(parts[1::2], parts[2::2], strict=True):
        label, _, said = sentence.partition(":")
        target = field_for(label, model)
        if target and len(target) == 1 and target[0] != own and out.get(target[0]) in (None, "", []):
            said = said.strip()
            out[target[0]] = said[:-1] if said.endswith(".") and ". " not in said else said
        else:
            kept += [separator, sentence]
    return "".join(kept).strip()


MOVE = re.compile(
    r"^\s*(?:(?:van|from)\s+(?P<a>.+?)\s+(?:naar|to)\s+(?P<b>.+?)|(?P<c>[^→>]+?)\s*(?:→|->|⇒|=>)\s*(?P<d>.+?))\s*\.?$",
    re.IGNORECASE,
)


def place_move(text: str, model: type[BaseModel], out: dict) -> bool:
    """ "Van tegenstander naar neutraal", "resistant → neutral": a move between two choices of one kind (a
    stance today and the one needed), when the item has both fields and neither was given."""
    match = MOVE.match(text or "")
    pairs = [
        (a, b)
        for a, b in zip(model.model_fields, list(model.model_fields)[1:], strict=False)
        if (options := choices_of(model.model_fields[a].annotation))
        and options == choices_of(model.model_fields[b].annotation)
        and out.get(a) in (None, "")
        and out.get(b) in (None, "")
    ]
    if not match or len(pairs) != 1:
        return False
    words = [w for w in match.groups() if w]
    (first, second), options = pairs[0], choices_of(model.model_fields[pairs[0][0]].annotation)
    if any(choice_for(w.strip(" *_"), options, first) is None for w in words):
        return False
    out[first], out[second] = (w.strip(" *_") for w in words)
    return True


def place_second_choice(out: dict, model: type[BaseModel]) -> None:
    """A choice with a second one after a dash, "automatiseren — tijd bespaard": the tail names another field
    by its label ("tijd") and gives its value, when that field was not given on its own."""
    for name, value in list(out.items()):
        if not isinstance(value, str) or choices_of(model.model_fields[name].annotation) is None:
            continue
        head, dash, tail = re.sub(r"[*_]", "", value).partition(" — ")
        words = tail.split()
        if not dash or not 2 <= len(words) <= 4:
            continue
        for cut in (1, 2):
            target = field_for(" ".join(words[:cut]), model)
            if target and len(target) == 1 and target[0] != name and not out.get(target[0]):
                out[name], out[target[0]] = head.strip(), " ".join(words[cut:])
                break
