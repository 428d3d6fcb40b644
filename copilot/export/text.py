"""Text that fits: shorten at word boundaries and split long lists over continuation slides."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from copilot.text import shorten  # the steps shorten texts too: it lives below them

T = TypeVar("T")


__all__ = ["abbreviate", "balanced", "clip", "numbered", "pages", "shorten"]


def pages(items: Sequence[T], per_page: int) -> list[list[T]]:
    """Items split into pages of at most `per_page`; always at least one (possibly empty) page."""
    return [list(items[i : i + per_page]) for i in range(0, len(items), per_page)] or [[]]


_MARKED = re.compile(r" \((\d+)/(\d+)\)$")


def numbered(title: str, page: int, total: int) -> str:
    """'Title (2/3)' on continuation slides, the plain title when everything fits on one. A title that is
    already a continuation ('Blueprint (1/2)') split again reads 'Blueprint (1a/2)', 'Blueprint (1b/2)': one
    marker, never 'Blueprint (1/2) (1/2)'."""
    if total <= 1:
        return title
    marked = _MARKED.search(title)
    if marked is None:
        return f"{title} ({page}/{total})"
    part = chr(ord("a") + page - 1) if total <= 26 else f".{page}"
    return f"{title[: marked.start()]} ({marked.group(1)}{part}/{marked.group(2)})"


def abbreviate(text: str, longest_word: int) -> str:
    """`text` with every word longer than `longest_word` characters cut short with an ellipsis, so a label keeps
    what tells it apart: 'Klantcontactcen… 3', not 'Klantcontactcentrummedewerkersond…'."""
    return " ".join(w if len(w) <= longest_word else w[: longest_word - 1] + "…" for w in text.split())


def clip(text: str, limit: int) -> str:
    """Like `shorten`, but when the last word boundary lies far back (one long compound), cut inside the word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    at_word = shorten(text, limit)
    return at_word if len(at_word) >= limit * 0.6 else text[: limit - 1].rstrip() + "…"


def balanced(items: Sequence[T], per_page: int) -> list[list[T]]:
    """Like `pages`, with as few pages but the items spread evenly: 8 cards at 6 a page become 4 + 4, not 6 + 2."""
    count = -(-len(items) // per_page) or 1
    return pages(items, -(-len(items) // count) or per_page)
