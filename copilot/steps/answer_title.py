"""An item's heading or bullet, "I2 — Terugbelafspraak: bel de klant terug": its id, the item it is about,
its name and the text after it, each to its field; what no field takes is handed back to be shown."""

from __future__ import annotations

import re

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from copilot.steps.answer_evidence import strip_ids
from copilot.steps.answer_inline import ITEM_ID, place_labelled, place_link, place_qualifier
from copilot.steps.answer_labels import field_for, norm, part_model
from copilot.steps.answer_values import as_text

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


def place_title(title: str, model: type[BaseModel], out: dict, path: str, unplaced: list[str]) -> None:
    """A heading or bullet that names the item: "I2 — Terugbelafspraak: bel de klant terug" → id, title, pitch.
    Text no field takes goes to `unplaced`."""
    text = re.sub(r"^\s*\d{1,2}[.)]\s+", "", strip_ids(title)).strip(" -–—:")
    counted = SOURCE_COUNT.search(text)
    if counted and "n_sources" in model.model_fields:  # "The gaps between channels — 3 sources"
        out.setdefault("n_sources", counted.group(1))
        text = text[: counted.start()].rstrip()
    marked = ASSUMPTION_NOTE.search(text)
    if marked and "assumption" in model.model_fields:  # "T7. Kennisbank (aanname)"
        out["assumption"] = True
        text = text[: marked.start()].rstrip(" -–—:")
    text = place_link(text, model, out)
    match = LEADING_ID.match(text)
    reference = _first_reference(model, out)
    if match and reference and not LEADING_ID.match(text[match.end() :]) and not _own_id(match.group(1), path):
        out[reference] = match.group(1)  # "K1 – Wethouder: …" in a coalition: about stakeholder K1
        text = _without_name(text[match.end() :].strip(), model)
    elif match and "id" in model.model_fields and not out.get("id"):
        out["id"] = match.group(1)
        text = text[match.end() :].strip()
        if text.startswith("("):  # "M1 (30 dagen): …": the horizon, the score
            text = place_qualifier(text, model, out)
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
    text = place_link(text, model, out)  # "L1 – K2 → K4": the link's own id came first
    if not text:
        return
    arrow = re.split(r"\s+(?:→|->|⇒)\s+", text, maxsplit=1)
    if len(arrow) == 2 and {"from_state", "to_state"} <= set(model.model_fields):  # "was → becomes"
        out.setdefault("from_state", arrow[0])
        out.setdefault("to_state", arrow[1])
        return
    text = _amount_line(text, model, out, unplaced)
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
    if any(norm(text) in norm(as_text(v)) for v in out.values() if v):
        return  # the heading repeats a field given below it
    if secondary and not out.get(secondary) and primary and out.get(primary):
        out[secondary] = text  # "K2 → K4: through the budget": the link is named, the text says how
        return
    free = next((n for n in NAME_LIKE if n in model.model_fields and not out.get(n)), None)
    if free is not None:  # "R1 – Warm handover" over "Idea: I1": the heading is the title
        out[free] = text
    else:
        unplaced.append(text)


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


def _amount_line(text: str, model: type[BaseModel], out: dict, unplaced: list[str]) -> str:
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
    if bracket and place_qualifier(bracket.group(1) + ":", model, out) == "":
        head = head[: bracket.start()]
    if money.group("kind"):
        place_qualifier(money.group("kind") + ":", model, out)
    left = place_labelled(money.group("after").strip(), model, out)
    if strip_ids(left).strip(" .;,"):
        unplaced.append(left)
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


def place_id_in_name(out: dict, model: type[BaseModel]) -> None:
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
