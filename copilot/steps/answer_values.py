"""One value as people write it: a text, a field left empty on purpose ("n.v.t.", "—"), a number ("12.500",
"10k", "4/5", "hoog", "★★★"), a list in one cell ("a; b", "a, b", several questions on a line)."""

from __future__ import annotations

import re
from typing import Any

from pydantic.fields import FieldInfo

from copilot.steps.answer_evidence import strip_ids
from copilot.steps.answer_labels import norm
from copilot.steps.answer_words import EMOTION_WORDS, SCALE_WORDS

EMPTY_WORDS = {"", "nvt", "na", "nb", "null"}


def left_empty(text: str) -> bool:
    """ "n.v.t.", "N/A", "—", "— (the person leads)": a field left empty on purpose."""
    text = re.sub(r"^\s*[—–-]\s*\([^)]*\)\s*$", "", text)  # a dash with only a note on why
    return re.sub(r"[\s.\-—–/*_]", "", text.lower()) in EMPTY_WORDS


NUMBER = re.compile(r"[-+−–]?\s?\d[\d.,]*\s*(?:k|mln|miljoen|million|m|mld|bn)?\b", re.IGNORECASE)


def as_text(value: Any) -> str:
    """A value as one text: a list's entries and a dict's fields joined by "; "."""
    if isinstance(value, list):
        return "; ".join(as_text(v) for v in value if v not in ("", None))
    if isinstance(value, dict):
        return "; ".join(f"{k}: {as_text(v)}" for k, v in value.items() if not str(k).startswith("_"))
    return "" if value is None else str(value).strip()


def short(value: Any, limit: int = 80) -> str:
    """A value cut to fit in the message that shows the person a problem."""
    text = as_text(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def no_number(value: Any) -> bool:
    """No digit in it, quote ids aside: the answer gives no figure."""
    return not re.search(r"\d", strip_ids(as_text(value)))


def number_in(value: Any, info: FieldInfo) -> float | None:
    """The number a value gives for a field: stars, "4 van 5", a written number, or a word ("hoog") on the
    field's 1–5 scale or emotion scale."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value
    text = strip_ids(as_text(value))  # "[qf07da6a4ed] — 1 bron": the digits inside an id are no count
    low = next((m.ge for m in info.metadata if hasattr(m, "ge")), None)
    high = next((m.le for m in info.metadata if hasattr(m, "le")), None)
    if "★" in text:
        return float(text.count("★"))
    match = re.search(r"[-+−–]?\s?\d+(?:[.,]\d+)?(?=\s*(?:/|van|of|uit|op)\s*\d)", text)  # "4/5", "4 van 5"
    if match:
        return written_number(match.group())
    match = NUMBER.search(text)
    if match:
        return written_number(match.group())
    words = EMOTION_WORDS if low is not None and low < 0 else SCALE_WORDS if high == 5 else {}
    key = norm(text)
    for word in sorted(words, key=len, reverse=True):
        if re.search(rf"\b{re.escape(word)}\b", key):
            return float(words[word])
    return None


def written_number(text: str) -> float | None:
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
        entries = [t for t in (as_text(v).strip(" -*•") for v in value) if t and not left_empty(t)]
        return [question for entry in entries for question in _questions(entry)]
    if isinstance(value, dict):
        return [f"{k}: {as_text(v)}" for k, v in value.items()]
    text = str(value or "").strip()
    if left_empty(text) or norm(text) in {"geen", "none"}:
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
