"""Quote ids (`q` and ten hex digits) in what an answer says: the ones an item cites, wherever it wrote
them, and its text without them ("Bron: [q…] [q…]", "(q…, q…)" and ids ending a phrase leave nothing behind).
"""

from __future__ import annotations

import re
from typing import Any

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


def evidence_ids(raw: dict, out: dict) -> list[str]:
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


def only_ids(value: Any) -> bool:
    """A value that cites quotes and says nothing else."""
    text = _flat_text(value)
    return bool(EVIDENCE_ID.search(text)) and not strip_ids(text).strip(" ,;.-[]()")


def strip_ids(text: str) -> str:
    """The text without its quote ids (an id a sentence talks about stays)."""
    return re.sub(r"\s{2,}", " ", EVIDENCE_REF.sub("", text)).strip()
