"""Fit what an answer said to a step's schema, field by field, and note every thing that did not fit.

Keys are mapped through `answer_labels` ("Rol van AI" → ai_role); values are read the way people write them:
lists in one cell ("a; b"), scales ("4/5", "hoog"), choices ("agent assist", "mens"), yes/no, ranges
("€ 10k – 25k"), ids in any brackets. Nothing is dropped silently: a label that maps to no field, or a value
that fits no choice, becomes a `Problem` the person is shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, get_args

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from copilot.steps.answer_labels import (
    choice_for,
    choices_of,
    field_for,
    item_model,
    norm,
    part_model,
)
from copilot.steps.answer_words import EMOTION_WORDS, FALSE_WORDS, SCALE_WORDS, TRUE_WORDS

EVIDENCE_ID = re.compile(r"\bq[0-9a-f]{10}\b")
_REFS = (
    r"(?:(?i:bron|bronnen|source|sources|bewijs|evidence|quotes?|citaten?)\s*:?\s*)?"
    r"q[0-9a-f]{10}(?:\s*[,;/&]\s*(?:en\s+|and\s+)?q[0-9a-f]{10})*"
)
# ids in brackets ("Bron: [q…] [q…]"), or ending a phrase; an id a sentence talks about ("(q1 laat zien dat…)")
# stays as written
_LABEL_BEFORE = (
    r"(?i:bron|bronnen|source|sources|bewijs|evidence|quotes?|citaten?)\s*:\s*(?=[\[(【{<«]+\s*q[0-9a-f]{10})"
)
EVIDENCE_REF = re.compile(
    rf"{_LABEL_BEFORE}|[\[(【{{<«]+\s*{_REFS}\s*[\])】}}>»]+|{_REFS}(?=\s*(?:[,.;:)\]】}}>»|]|$))"
)
ASSUMPTION_NOTE = re.compile(r"\s*[(\[][^()\[\]]{0,40}\b(aanname|assumption)\b[^()\[\]]{0,30}[)\]]\s*$", re.IGNORECASE)
SOURCE_COUNT = re.compile(r"\s*[—–\-:(|·]\s*(\d{1,3})\s+(?:sources?|bronnen|bron)\b\)?\s*$", re.IGNORECASE)
ORDINAL = re.compile(r"^\s*[\w'’-]+\s+(\d+|[A-Z])\s*$")  # "Idee 1", "Stakeholder 3", "Optie B"
LEADING_ID = re.compile(r"^\s*[\[(【{]?\s*([A-Z]{1,4}-?\d{1,3}[a-z]?)\s*[\])】}]?\s*(?:[:.)\-–—|·]\s*|\s+(?=\S)|$)")
REFERS_TO = ("stage", "idea", "stakeholder")  # fields that hold another step's item id
NAME_LIKE = (
    *("title", "name", "touchpoint", "label", "role", "group", "idea"),
    *("point", "question", "text", "risk", "need", "action"),
)
SECONDARY = (
    *("insight", "pitch", "description", "rationale", "why", "pain", "benefit", "how_it_helps", "what_changes"),
    "how",
)
ITEM_ID = r"[A-Z]{1,4}-?\d{1,3}[a-z]?"
# "K2 → K4, sterk (5): text", "K1 → K7 (strong, 4) — text": who influences whom, how strongly, and how
LINK = re.compile(
    rf"^\s*(?P<source>{ITEM_ID})\s*(?:→|->|⇒|➔|=>)\s*(?P<target>{ITEM_ID})\b[\s,;]*(?P<rest>.*)$", re.DOTALL
)
EMPTY_WORDS = {"", "nvt", "na", "nb", "null"}


def _empty(text: str) -> bool:
    """ "n.v.t.", "N/A", "—", "— (the person leads)": a field left empty on purpose."""
    text = re.sub(r"^\s*[—–-]\s*\([^)]*\)\s*$", "", text)  # a dash with only a note on why
    return re.sub(r"[\s.\-—–/*_]", "", text.lower()) in EMPTY_WORDS


NUMBER = re.compile(r"[-+−–]?\s?\d[\d.,]*\s*(?:k|mln|miljoen|million|m|mld|bn)?\b", re.IGNORECASE)


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
        raw = {"_title": _text(raw)}
    out: dict[str, Any] = {}
    fields = model.model_fields
    loose: list[tuple[str, Any]] = []
    for key, value in raw.items():
        if key in ("_title", "_lines"):
            continue
        target = (key,) if key in fields else field_for(key, model)
        if target is None:
            if value not in ("", None, [], {}) and not _only_ids(value):
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
        _title(raw["_title"], model, out, path, problems)
    _inline_labels(out, model)
    _id_in_name(out, model)
    _second_choice(out, model)
    loose = [(key, value) for key, value in loose if not _move(_text(value), model, out)]
    missing = [n for n, i in fields.items() if n != "id" and i.is_required() and out.get(n) in (None, "", [], {})]
    if len(loose) == 1 and len(missing) == 1:  # by elimination: "Laan" can only be the lane it left empty
        out[missing[0]] = loose.pop()[1]
    problems.extend(Problem("unmapped", path, key, _short(value)) for key, value in loose)
    lines = [line for line in raw.get("_lines", []) if not _only_ids(line)]
    lines = _quote_line(lines, fields, out)
    lines = [line for line in lines if not _move(line, model, out)]
    secondary = next((s for s in SECONDARY if s in fields and not out.get(s)), None)
    if len(lines) == 1 and secondary and fields[secondary].annotation is str:
        # "**T1. Wachten**" then a plain sentence: the sentence says what the title names
        out[secondary] = " ".join(lines)
        lines = []
    problems.extend(Problem("unmapped", path, "", _short(line)) for line in lines)
    if "evidence" in fields:
        out["evidence"] = _evidence(raw, out)
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


def _title(title: str, model: type[BaseModel], out: dict, path: str, problems: list[Problem]) -> None:
    """A heading or bullet that names the item: "I2 — Terugbelafspraak: bel de klant terug" → id, title, pitch."""
    text = re.sub(r"^\s*\d{1,2}[.)]\s+", "", strip_ids(title)).strip(" -–—:")
    counted = SOURCE_COUNT.search(text)
    if counted and "n_sources" in model.model_fields:  # "The gaps between channels — 3 sources"
        out.setdefault("n_sources", counted.group(1))
        text = text[: counted.start()].rstrip()
    marked = ASSUMPTION_NOTE.search(text)
    if marked and "assumption" in model.model_fields:  # "T7. Kennisbank (aanname)"
        out["assumption"] = True
        text = text[: marked.start()].rstrip(" -–—:")
    text = _link(text, model, out)
    match = LEADING_ID.match(text)
    reference = _first_reference(model, out)
    if match and reference and not LEADING_ID.match(text[match.end() :]) and not _own_id(match.group(1), path):
        out[reference] = match.group(1)  # "K1 – Wethouder: …" in a coalition: about stakeholder K1
        text = _without_name(text[match.end() :].strip(), model)
    elif match and "id" in model.model_fields and not out.get("id"):
        out["id"] = match.group(1)
        text = text[match.end() :].strip()
        if text.startswith("("):  # "M1 (30 dagen): …": the horizon, the score
            text = _qualifier(text, model, out)
        second = LEADING_ID.match(text)
        refers = next((n for n in REFERS_TO if n in model.model_fields and not out.get(n)), None)
        # "A1 · S1 · Welke vergunning": the item, then its stage; "C1 – K1": the candidate, then who it is
        if second and refers and (len(text) > second.end() or refers == reference):
            out[refers] = second.group(1)
            text = text[second.end() :].strip()
            text = _without_name(text, model) if refers == reference else text
    elif ORDINAL.match(text):
        return
    else:
        text = re.sub(r"^\s*[\w'’-]+\s+\d+\s*[:.)\-–—]\s*", "", text)  # "Idee 1: Terugbel" → "Terugbel"
    text = _link(text, model, out)  # "L1 – K2 → K4": the link's own id came first
    if not text:
        return
    arrow = re.split(r"\s+(?:→|->|⇒)\s+", text, maxsplit=1)
    if len(arrow) == 2 and {"from_state", "to_state"} <= set(model.model_fields):  # "was → becomes"
        out.setdefault("from_state", arrow[0])
        out.setdefault("to_state", arrow[1])
        return
    text = _amount_line(text, model, out, path, problems)
    text = _bracketed_reference(text, model, out, path)
    if not text:
        return
    primary = _primary(model)
    secondary = next((s for s in SECONDARY if s in model.model_fields), None)
    head, rest = _split_head(text)
    if rest and field_for(rest.partition(":")[0], model) and ":" in rest[:30]:
        rest = ""  # "Open hour — owner: team lead": a labelled field follows, `_inline_labels` takes it
    if primary and not out.get(primary):
        if rest and secondary and secondary != primary and not out.get(secondary):
            out[primary], out[secondary] = head, rest
        else:
            out[primary] = text
        return
    if any(norm(text) in norm(_text(v)) for v in out.values() if v):
        return  # the heading repeats a field given below it
    if secondary and not out.get(secondary) and primary and out.get(primary):
        out[secondary] = text  # "K2 → K4: through the budget": the link is named, the text says how
        return
    free = next((n for n in NAME_LIKE if n in model.model_fields and not out.get(n)), None)
    if free is not None:  # "R1 – Warm handover" over "Idea: I1": the heading is the title
        out[free] = text
    else:
        problems.append(Problem("unmapped", path, "", _short(text)))


def _without_name(text: str, model: type[BaseModel]) -> str:
    """After the id of the item it is about, "Wethouder Dienstverlening: wil resultaten": a short name before
    the text repeats what that id stands for, when the item has no field for a name of its own."""
    head, rest = _split_head(text)
    if len(head.split()) > 5 or any(n in model.model_fields for n in NAME_LIKE if n not in REFERS_TO):
        return text
    if not rest and "stakeholder" not in model.model_fields:
        return text  # "S2 – Form times out" in a fail point may be the failure itself: placed, or asked about
    return rest  # "E1 – K6 Ondernemingsraad" over its fields: nothing but the stakeholder's name


_MONEY = r"[€$£]?\s?\d[\d.,]*\s*(?:k|mln|miljoen|million|m)?\b\s*(?:euro|eur)?"
# "€ 16.000 – € 94.000", "tussen €40.000 en €60.000 per jaar", "between 5k and 10k": a range of money
MONEY_RANGE = re.compile(
    rf"^\s*(?:(?:tussen|between|van|from|circa|ca\.|about|around)\s+)?(?P<range>{_MONEY}\s*(?:[-–—]|tot|to|en|and)\s*"
    rf"{_MONEY})(?:\s*(?P<kind>per jaar|per year|a year|jaarlijks|yearly|eenmalig|one-off|once))?"
    r"\s*[.;,]?(?P<after>.*)$",
    re.IGNORECASE | re.DOTALL,
)


def _amount_line(text: str, model: type[BaseModel], out: dict, path: str, problems: list[Problem]) -> str:
    """ "Licentie (jaarlijks): € 18.000 – € 45.000. Berekening: …": the name, its kind in brackets, the amount
    as a range of money, and labelled sentences after it, in an item with one range to fill. Returns the name
    (all of `text` when it is not such a line)."""
    ranges = [n for n, i in model.model_fields.items() if _is_range(i) and not out.get(n)]
    head, colon, rest = text.partition(":")
    money = MONEY_RANGE.match(rest) if colon and len(ranges) == 1 else None
    if money is None:
        return text
    out[ranges[0]] = money.group("range")
    bracket = re.search(r"\(([^()]{2,30})\)\s*$", head)
    if bracket and _qualifier(bracket.group(1) + ":", model, out) == "":
        head = head[: bracket.start()]
    if money.group("kind"):
        _qualifier(money.group("kind") + ":", model, out)
    left = _place_labelled(money.group("after").strip(), model, out)
    if strip_ids(left).strip(" .;,"):
        problems.append(Problem("unmapped", path, "", _short(left)))
    return head.strip()


BRACKETED_ID = re.compile(rf"\s*[(\[]\s*(?P<ref>{ITEM_ID})\s*[)\]](?=\s*(?:[—–:-]|$))")


def _bracketed_reference(text: str, model: type[BaseModel], out: dict, path: str) -> str:
    """ "Pre-filled form (H2) — …": another item's id in brackets after the title, for the one field that
    holds such an id (the how-might-we question an idea answers) when the item left it empty."""
    match = BRACKETED_ID.search(text)
    fields = [
        n
        for n, i in model.model_fields.items()
        if n != "id" and i.annotation is str and "id" in (i.description or "").split() and not out.get(n)
    ]
    if not match or len(fields) != 1 or _own_id(match.group("ref"), path):
        return text
    out[fields[0]] = match.group("ref")
    return (text[: match.start()] + text[match.end() :]).strip()


def _is_range(info: FieldInfo) -> bool:
    part = part_model(info.annotation)
    return part is not None and {"low", "high"} <= set(part.model_fields)


def _link(text: str, model: type[BaseModel], out: dict) -> str:
    """ "K2 → K4, sterk (5): text" in an item that links two others: source, target and a score; the rest."""
    link = LINK.match(text) if {"source", "target"} <= set(model.model_fields) and not out.get("target") else None
    if link is None:
        return text
    out.setdefault("source", link.group("source"))
    out.setdefault("target", link.group("target"))
    return _qualifier(link.group("rest"), model, out)


def _qualifier(text: str, model: type[BaseModel], out: dict) -> str:
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
    return _number_in(text, info) is not None


def _scale(info: FieldInfo) -> bool:
    high = next((m.le for m in info.metadata if hasattr(m, "le")), None)
    return high == 5 and int in (info.annotation, *get_args(info.annotation))


def _first_reference(model: type[BaseModel], out: dict) -> str | None:
    """The field an item is about when it is its first own field and holds another item's id (a coalition
    candidate's stakeholder, a fail point's stage), if the answer left it empty."""
    own = next((n for n in model.model_fields if n not in ("id", "evidence", "assumption")), None)
    if own not in REFERS_TO or out.get(own):
        return None
    return own if "id" in (model.model_fields[own].description or "").split() else None


def _own_id(item_id: str, path: str) -> bool:
    """Whether an id is numbered like the list it is in: C1 in `coalition`, not K1 (a stakeholder's id)."""
    return bool(path) and item_id[0].upper() == path.lstrip(".")[0].upper()


# a labelled sentence, "… achter zich. Brengt: mandaat.", or a label after a middle dot or a dash,
# "programmamanager · Wanneer: week 3", "Langs bij het werkoverleg — eigenaar: projectleider"
INLINE_LABEL = re.compile(r"((?<=[.!?])\s+(?=[A-Z][\w'’ -]{1,25}:\s)|\s+[·|—–]\s+(?=[\w'’ -]{1,25}:\s)|^\s+)")
# "projectleider, week 2": who, then when
OWNER_WHEN = re.compile(
    r",\s*(?P<when>(?:week|wk|maand|month|dag|day|kwartaal|quarter|sprint)\s*\d+\b.*|Q[1-4]\b.*|\d{4}-\d{2}-\d{2}"
    r"|(?:voor|before|by|uiterlijk|eind|end of|begin|start of)\s.+)$",
    re.IGNORECASE,
)


def _inline_labels(out: dict, model: type[BaseModel]) -> None:
    """A labelled sentence inside a text, "… achter zich. Brengt: mandaat.": the value of the field its label
    names, when that field is another one and was not given on its own."""
    for name, value in list(out.items()):
        info = model.model_fields.get(name)
        if isinstance(value, str) and info is not None and (info.annotation is str or choices_of(info.annotation)):
            out[name] = _place_labelled(value, model, out, name)  # "none · Human contact: keeps"
    when = OWNER_WHEN.search(out.get("owner") or "") if isinstance(out.get("owner"), str) else None
    if when and "date" in model.model_fields and not out.get("date"):
        out["owner"], out["date"] = out["owner"][: when.start()].strip(), when.group("when").strip().rstrip(".")


def _place_labelled(text: str, model: type[BaseModel], out: dict, own: str | None = None) -> str:
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


def _move(text: str, model: type[BaseModel], out: dict) -> bool:
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


def _second_choice(out: dict, model: type[BaseModel]) -> None:
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


def _id_in_name(out: dict, model: type[BaseModel]) -> None:
    """A name cell that opens with the item's id, 'S1 – "Even online opzoeken"': the id, then the name."""
    if "id" not in model.model_fields:
        return
    for name in NAME_LIKE:
        value = out.get(name)
        match = LEADING_ID.match(value) if isinstance(value, str) else None
        if match and match.end() < len(value) and out.get("id") in (None, "", match.group(1)):
            out["id"] = match.group(1)
            out[name] = value[match.end() :].strip(" -–—:").strip("\"“”„'‘’")
            return


def _split_head(text: str) -> tuple[str, str]:
    for separator in (" — ", " – ", ": ", " - ", " — ", ". "):
        head, found, rest = text.partition(separator)
        if found and head.strip() and rest.strip() and len(head.split()) <= 12:
            return head.strip().strip("*"), re.sub(r"^(?:→|->|⇒)\s*", "", rest.strip())  # "Wachten: → de bot …"
    return text, ""


def _primary(model: type[BaseModel]) -> str | None:
    for name, info in model.model_fields.items():
        if name != "id" and name not in REFERS_TO and info.annotation is str and info.is_required():
            return name
    return next((n for n, i in model.model_fields.items() if n != "id" and i.annotation is str), None)


def _merge(old: Any, new: Any) -> Any:
    if isinstance(old, list):
        return old + (new if isinstance(new, list) else [new])
    if isinstance(old, dict) and isinstance(new, dict):
        return {**old, **new}
    return [old, *(new if isinstance(new, list) else [new])]


def _evidence(raw: dict, out: dict) -> list[str]:
    """Every quote id the item mentions, in any bracket style, in any of its fields."""
    found: list[str] = []
    for value in [out.get("evidence", []), *(v for k, v in raw.items())]:
        for quote_id in EVIDENCE_ID.findall(_flat_text(value)):
            if quote_id not in found:
                found.append(quote_id)
    return found


def _flat_text(value: Any) -> str:
    if isinstance(value, dict):
        return " ".join(_flat_text(v) for v in value.values() if not isinstance(v, list) or not _is_items(v))
    if isinstance(value, list):
        return " ".join(_flat_text(v) for v in value if not isinstance(v, dict))
    return str(value or "")


def _is_items(value: list) -> bool:
    return any(isinstance(v, dict) for v in value)


def _only_ids(value: Any) -> bool:
    text = _flat_text(value)
    return bool(EVIDENCE_ID.search(text)) and not strip_ids(text).strip(" ,;.-[]()")


def strip_ids(text: str) -> str:
    return re.sub(r"\s{2,}", " ", EVIDENCE_REF.sub("", text)).strip()


def _short(value: Any, limit: int = 80) -> str:
    text = _text(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value if v not in ("", None))
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_text(v)}" for k, v in value.items() if not str(k).startswith("_"))
    return "" if value is None else str(value).strip()


def _value(value: Any, info: FieldInfo, name: str, path: str, problems: list[Problem]) -> Any:
    annotation = info.annotation
    optional = type(None) in get_args(annotation)
    if optional and (value is None or _empty(_text(value)) or norm(value) in {"none", "geen", "onbekend"}):
        return None
    items = item_model(annotation)
    if items is not None:
        return _items(value, items, path, problems)
    range_ = part_model(annotation)
    if optional and range_ is not None and {"low", "high"} <= set(range_.model_fields) and _no_number(value):
        # "Terugverdientijd: niet betrouwbaar te geven: …": the answer says there is none; the person is told
        problems.append(Problem("not_given", path, name, _short(value)))
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
        chosen = choice_for(_text(value), options, name)
        if chosen is None:
            problems.append(Problem("invalid", path, name, _short(value)))
            return _DROP
        return chosen
    if getattr(annotation, "__origin__", None) is list:
        base = list
    else:
        base = next((a for a in (annotation, *get_args(annotation)) if a in (str, int, float, bool)), None)
    if base is bool:
        return _bool(value, path, name, problems)
    if base is int or base is float:
        number = _number_in(value, info)
        left = norm(strip_ids(_text(value)))
        if number is None and not info.is_required() and (_empty(left) or left in {"geen", "none"}):
            return _DROP  # "Bronnen: geen", or only ids under a count's label: the default stands
        if number is None:
            problems.append(Problem("invalid", path, name, _short(value)))
            return _DROP
        return int(round(number)) if base is int else number
    if base is list:
        if name == "open_questions":  # no evidence list beside them: a quote they cite stays in the text
            return [s for s in split_list(value) if strip_ids(s)]
        return [strip_ids(s) for s in split_list(value) if strip_ids(s)]
    if base is str:
        text = strip_ids(_text(value))
        if _empty(text):
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
        numbers = [n for n in (_number(m.group()) for m in NUMBER.finditer(_text(value))) if n is not None]
        if numbers:
            numbers = [abs(n) for n in numbers[:2]]
            return {"low": min(numbers), "high": max(numbers)}
    if "functional" in fields:  # jobs written as one list: functional jobs
        return {"functional": split_list(value)}
    if value not in ("", None, [], {}):
        problems.append(Problem("invalid", path, path.rsplit(".", 1)[-1], _short(value)))
    return _DROP


def _no_number(value: Any) -> bool:
    return not re.search(r"\d", strip_ids(_text(value)))


def _bool(value: Any, path: str, name: str, problems: list[Problem]) -> Any:
    if isinstance(value, bool):
        return value
    key = norm(value) if norm(value) else str(value).strip()
    if key in TRUE_WORDS or str(value).strip() in TRUE_WORDS or key.startswith(("ja ", "yes ")):
        return True
    if key in FALSE_WORDS or str(value).strip() in FALSE_WORDS or key.startswith(("nee ", "no ")):
        return False
    problems.append(Problem("invalid", path, name, _short(value)))
    return _DROP


def _number_in(value: Any, info: FieldInfo) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value
    text = strip_ids(_text(value))  # "[qf07da6a4ed] — 1 bron": the digits inside an id are no count
    low = next((m.ge for m in info.metadata if hasattr(m, "ge")), None)
    high = next((m.le for m in info.metadata if hasattr(m, "le")), None)
    if "★" in text:
        return float(text.count("★"))
    match = re.search(r"[-+−–]?\s?\d+(?:[.,]\d+)?(?=\s*(?:/|van|of|uit|op)\s*\d)", text)  # "4/5", "4 van 5"
    if match:
        return _number(match.group())
    match = NUMBER.search(text)
    if match:
        return _number(match.group())
    words = EMOTION_WORDS if low is not None and low < 0 else SCALE_WORDS if high == 5 else {}
    key = norm(text)
    for word in sorted(words, key=len, reverse=True):
        if re.search(rf"\b{re.escape(word)}\b", key):
            return float(words[word])
    return None


def _number(text: str) -> float | None:
    """A number as people write it: 12.500 or 12,500 (thousands), 12,5 (decimal), 10k, 2 mln, −1."""
    text = text.strip().replace("−", "-").replace("–", "-").replace(" ", "")
    multiplier = 1.0
    suffix = re.search(r"(k|mln|miljoen|million|m|mld|bn)$", text, re.IGNORECASE)
    if suffix:
        multiplier = {"k": 1e3, "mld": 1e9, "bn": 1e9}.get(suffix.group(1).lower(), 1e6)
        text = text[: suffix.start()]
    text = text.rstrip(".,")
    if re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})+", text):
        text = text.replace(".", "")
    elif re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+", text):
        text = text.replace(",", "")
    elif re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})+,\d+", text):
        text = text.replace(".", "").replace(",", ".")
    else:
        text = text.replace(",", ".")
    try:
        return float(text) * multiplier
    except ValueError:
        return None


def split_list(value: Any) -> list[str]:
    """A list written in one cell or line: "a; b", "a, b", one per line, or already a list."""
    if isinstance(value, list):  # one entry per bullet: an entry's own commas are its text
        entries = [t for t in (_text(v).strip(" -*•") for v in value) if t and not _empty(t)]
        return [question for entry in entries for question in _questions(entry)]
    if isinstance(value, dict):
        return [f"{k}: {_text(v)}" for k, v in value.items()]
    text = str(value or "").strip()
    if _empty(text) or norm(text) in {"geen", "none"}:
        return []
    for separator in ("\n", ";", " • ", "•", " · ", "·", " | "):
        if separator in text:
            return [part.strip(" -*•") for part in text.split(separator) if part.strip(" -*•")]
    questions = _questions(text)
    if len(questions) > 1:
        return questions
    parts = [part.strip() for part in re.split(r",\s+(?![^()]*\))", text)]
    # ", not the foreigner who got fined", ", maar niet …": one entry going on, not the next one
    goes_on = any(re.match(r"(not|but|niet|maar|zonder|without)\b", part, re.IGNORECASE) for part in parts[1:])
    if len(parts) > 1 and not goes_on and all(len(part.split()) <= 6 for part in parts):
        return [part for part in parts if part]
    return [text]


def _questions(text: str) -> list[str]:
    """Several questions on one line, "Do they…? How many…?", one entry each; other text stays whole."""
    questions = re.split(r"(?<=\?)\s+(?=[A-Z\"'“‘])", text)
    return questions if len(questions) > 1 and all(q.rstrip().endswith("?") for q in questions) else [text]
