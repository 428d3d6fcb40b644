"""Plain text helpers every layer may use (the steps shorten labels, the deck fits text on slides)."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*(?=\s)")


def shorten(text: str, limit: int) -> str:
    """`text` in at most `limit` characters, ending at a sentence end when one lies in the second half of the
    room, else at the last word boundary; an ellipsis says something was left out. Never mid-word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    room = text[: max(1, limit - 2)]
    ends = [m.end() for m in _SENTENCE_END.finditer(room)]
    if ends and ends[-1] >= limit * 0.5:
        return room[: ends[-1]] + " …"
    room = text[: limit - 1]
    cut = room.rsplit(" ", 1)[0] if " " in room else room
    return cut.rstrip(" ,;:.-–•·") + "…"
