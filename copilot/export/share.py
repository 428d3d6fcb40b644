"""A deck to share carries no personal data: every text on it — speaker notes, the evidence appendix, cards,
table cells, chart labels — is redacted with one redactor for the whole deck, so "[Persoon 1]" is the same
person on every slide and in the Markdown export.

Redacting the finished DeckSpec rather than each slide builder means a new slide type cannot forget it:
whatever text a builder puts on a slide passes through here before the renderer sees it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from copilot.export.deckspec import Deck
from copilot.research.redaction import Redactor, speaker_names

# fields that hold no text a person wrote: pictures, colours, sizes
NOT_TEXT = frozenset({"image", "fills", "widths", "number_format"})


def redact_deck(deck: Deck, known_names: Iterable[str] = (), keep: Iterable[str] = ()) -> Redactor:
    """Redact every text in `deck` in place; returns the redactor (its `mapping` says what was hidden).

    `known_names` are people to find besides those the redactor recognises (the speakers of the quotes);
    `keep` are names that are nobody's personal data (the made-up first names of personas)."""
    texts: list[str] = []
    _walk(deck, lambda text: texts.append(text) or text)
    # every speaker label anywhere in the deck is a name to find everywhere, also on slides before it
    speakers = [name for text in texts for name in speaker_names(text)]
    redactor = Redactor(deck.language, known_names=[*known_names, *speakers], keep=keep)
    _walk(deck, redactor.redact)
    return redactor


def _walk(obj: object, change) -> object:
    if isinstance(obj, str):
        return change(obj) if obj.strip() else obj
    if isinstance(obj, list):
        obj[:] = [_walk(value, change) for value in obj]
        return obj
    if isinstance(obj, tuple):
        return tuple(_walk(value, change) for value in obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for field in dataclasses.fields(obj):
            if field.name not in NOT_TEXT:
                setattr(obj, field.name, _walk(getattr(obj, field.name), change))
    return obj
