"""Plain text helpers every layer may use (the steps shorten labels, the deck fits text on slides)."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*(?=\s)")
_LETTERS = re.compile(r"[A-Za-zÀ-ÿ]+")
# shorthand of agent notes and chat logs: true to the notes, unreadable on a wall
SHORTHAND = frozenset(
    """mdw klt kl tel tvw ivm obv mbt nav cb fac tb wv vlgs evt ca nvt svp mvg bvd ipv mn zsm
    cust cx csr agt pls asap fyi info re fw""".split()
)
# a redaction placeholder: a word or two and its number ("[klantnummer 1]", "[Persoon 2]"), not "[lacht]"
PLACEHOLDER = re.compile(r"\[[^\]\n]{1,40}\s\d+\]")


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


def has_shorthand(text: str) -> bool:
    """Whether `text` uses agent-note shorthand ("CB – mdw: TB-verhoging", "klt belt"), in any casing."""
    return any(word.lower() in SHORTHAND for word in _LETTERS.findall(PLACEHOLDER.sub(" ", text)))


def reads_as_said(text: str) -> bool:
    """Whether `text` reads as what a customer said, fit to stand on a card as their voice: no redaction
    placeholder ("Klantnummer [klantnummer 1], achterstand …") and no agent-note shorthand ("mdw fac contact")."""
    return not PLACEHOLDER.search(text) and not has_shorthand(text)


def sentence_case(text: str) -> str:
    """The first letter a capital, as a sentence starts; Dutch writes "één" there as "Eén" (not "Één")."""
    if text[:3].lower() == "één":
        return "Eén" + text[3:]
    return text[:1].upper() + text[1:]
