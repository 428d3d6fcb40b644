"""Plain text helpers every layer may use (the steps shorten labels, the deck fits text on slides)."""

from __future__ import annotations


def shorten(text: str, limit: int) -> str:
    """`text` cut at the last word boundary before `limit` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,;:.-–") + "…"
