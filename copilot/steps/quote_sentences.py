"""Quotes at the size of a claim: the sentence(s) of a research passage that support an item or answer a step.

A passage (an interview answer, a paragraph of a memo) often runs to a thousand characters while one or two
of its sentences carry the point. `supporting` picks those sentences: by shared content words with the item
(stemmed, Dutch and English, as the word index does) and, when an embedder is given, by meaning too. The
sentences stay a contiguous run of the passage, so a quotation taken from them is still in the research, and
the passage itself is never changed: notes and appendix keep it whole, one click away.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from copilot.text import shorten

QUOTE_CHARS = 320  # about two spoken sentences: the size of one claim
ELLIPSIS = "…"
# a sentence ends at . ! ? (or a closing quote after one) followed by space and what starts a sentence
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(\[]?[A-ZÀ-Ý0-9'])|\n\s*\n|\n(?=\s*[-•*]\s)")


def sentences(text: str) -> list[str]:
    """The passage's sentences, in order, each stripped; a passage without sentence ends is one sentence."""
    parts = [" ".join(part.split()) for part in _SENTENCE_END.split(text or "")]
    return [part for part in parts if part]


def _words(text: str) -> set[str]:
    from copilot.research.lexical import tokens

    return set(tokens(text))


def supporting(
    passage: str,
    about: str,
    limit: int = QUOTE_CHARS,
    embed=None,
) -> str:
    """The contiguous sentence(s) of `passage` that best support `about` (an item's text or a step's
    question), at most about `limit` characters; the whole passage when it is already that short.
    `embed(texts) -> vectors` (the store's embedder) adds meaning to the word overlap."""
    if len(" ".join((passage or "").split())) <= limit:
        return passage or ""  # as written: a short answer's line breaks are part of how it reads
    passage = " ".join(passage.split())
    parts = sentences(passage)
    if len(parts) <= 1:
        return shorten(passage, limit)
    scores = _scores(parts, about, embed)
    best = int(np.argmax(scores))
    start = end = best
    # widen to a neighbour that also speaks to the item, or to give a very short sentence its context
    while True:
        size = sum(len(p) + 1 for p in parts[start : end + 1])
        options = [i for i in (start - 1, end + 1) if 0 <= i < len(parts) and size + len(parts[i]) + 1 <= limit]
        if not options:
            break
        pick = max(options, key=lambda i: scores[i])
        if scores[pick] <= 0 and size >= 80:
            break
        start, end = min(start, pick), max(end, pick)
    chosen = " ".join(parts[start : end + 1])
    return shorten(chosen, limit) if len(chosen) > limit else chosen


def _scores(parts: Sequence[str], about: str, embed) -> np.ndarray:
    wanted = _words(about)
    overlap = np.array([len(_words(p) & wanted) / (1 + len(_words(p))) ** 0.5 for p in parts], dtype=float)
    if embed is None or not about.strip():
        return overlap
    vectors = np.asarray(embed([about, *parts]), dtype=float)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    meaning = vectors[1:] @ vectors[0]
    return meaning + 0.5 * overlap


def excerpt(passage: str, chosen: str) -> str:
    """`chosen` marked as part of `passage`: an ellipsis where passage text is left out before or after."""
    flat = " ".join((passage or "").split())
    if not chosen or chosen == passage:
        return passage or ""
    if chosen == flat:
        return flat
    at = flat.find(chosen.rstrip(ELLIPSIS).strip())
    before = ELLIPSIS + " " if at > 0 else ""
    after = " " + ELLIPSIS if at >= 0 and at + len(chosen) < len(flat) and not chosen.endswith(ELLIPSIS) else ""
    return f"{before}{chosen}{after}"
