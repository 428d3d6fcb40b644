"""A quote kept as evidence, and the one way its place is written: "interviews/07.txt, beurt 12".

A `Chunk` is a quote in the research store; a `Quote` is what a session keeps of one when a step cites it (so
the session and its deck stand on their own). Everyone who shows where a quote comes from — the deck's notes
and evidence appendix, the provenance slide, the Markdown export, the editor's cards, the command line — asks
`Quote.cite` (or `citation`), so a quote is cited the same way everywhere, in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from copilot.i18n import place_label

if TYPE_CHECKING:  # chunks.py cites with `citation` below
    from copilot.research.chunks import Chunk


@dataclass(frozen=True)
class Quote:
    """One quote a session keeps: its words, and where they were said."""

    id: str
    text: str
    source: str  # path relative to the research folder, with forward slashes
    location: str  # the place in the file as the store keeps it, in English ("turn 12"); `cite` translates it
    speaker: str = ""

    @classmethod
    def of(cls, chunk: Chunk) -> Quote:
        return cls(chunk.id, chunk.text, chunk.source, chunk.location, chunk.speaker)

    def cite(self, language: str) -> str:
        """Where the quote stands, as people read it: "interviews/07.txt, beurt 12"."""
        return citation(self.source, self.location, language)


def citation(source: str, location: str, language: str) -> str:
    """The file, then the place in it in `language`; an empty part is left out rather than shown as ", "."""
    return ", ".join(part for part in (source, place_label(location, language)) if part)
