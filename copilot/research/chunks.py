"""A chunk is one quotable piece of research: a transcript turn, a survey answer, a paragraph."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Chunk:
    """One quotable piece of research, with where it came from."""

    id: str
    text: str
    source: str  # path relative to the research folder, with forward slashes
    location: str  # human-readable place in the file: "turn 7", "row 45", "paragraph 3"
    kind: str  # transcript | table | document
    speaker: str = ""
    role: str = ""  # "interviewer" for the person asking; empty for participants and non-transcripts
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def is_evidence(self) -> bool:
        """Interviewer questions are kept for context but are not evidence of what customers said."""
        return self.role.lower() not in {"interviewer", "interviewster", "moderator", "onderzoeker"}

    def citation(self) -> str:
        return f"{self.source}, {self.location}"


def chunk_id(source: str, text: str, occurrence: int = 0) -> str:
    """A stable id from content: the same text in the same file always gets the same id."""
    digest = hashlib.sha1(f"{source}\x00{text}\x00{occurrence}".encode()).hexdigest()
    return f"q{digest[:10]}"


def with_ids(source: str, pieces: list[dict]) -> list[Chunk]:
    """Turn loader output (dicts without ids) into chunks; repeated texts in one file stay distinct."""
    seen: dict[str, int] = {}
    chunks = []
    for piece in pieces:
        text = piece["text"]
        occurrence = seen.get(text, 0)
        seen[text] = occurrence + 1
        chunks.append(Chunk(id=chunk_id(source, text, occurrence), source=source, **piece))
    return chunks
