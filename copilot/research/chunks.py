"""A chunk is one quotable piece of research: a transcript turn, a survey answer, a paragraph."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from copilot.research.quotes import citation

ASKING_ROLES = {"interviewer", "interviewster", "moderator", "onderzoeker"}


@dataclass(frozen=True)
class Chunk:
    """One quotable piece of research, with where it came from."""

    id: str
    text: str
    source: str  # path relative to the research folder, with forward slashes
    location: str  # human-readable place in the file: "turn 7", "row 45", "paragraph 3"
    kind: str  # transcript | table | document | plan (a research plan or question list: not evidence)
    speaker: str = ""
    role: str = ""  # "interviewer" for the person asking; empty for participants and non-transcripts
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def is_evidence(self) -> bool:
        """Interviewer questions and research plans (a test script, an interview guide) are kept for context but
        are not evidence of what customers said."""
        return self.kind != "plan" and self.role.lower() not in ASKING_ROLES

    @property
    def embedding_text(self) -> str:
        """What is embedded: an answer from interview notes with its question before it ("Ja, elke week" means
        nothing alone); the quote itself stays the answer. Survey answers are embedded alone, so that answers
        to one question still spread over their themes."""
        question = self.metadata.get("question_full") or self.metadata.get("question")
        return f"{question}\n{self.text}" if question and self.kind == "transcript" else self.text

    def citation(self, language: str = "en") -> str:
        """Where the chunk stands, written as every quote is cited (`research.quotes.citation`)."""
        return citation(self.source, self.location, language)


def chunk_id(source: str, text: str, occurrence: int = 0) -> str:
    """A stable id from content: the same text in the same file always gets the same id."""
    digest = hashlib.sha1(f"{source}\x00{text}\x00{occurrence}".encode()).hexdigest()
    return f"q{digest[:10]}"


def with_ids(source: str, pieces: Iterable[dict]) -> list[Chunk]:
    """Turn loader output (dicts without ids) into chunks; repeated texts in one file stay distinct."""
    return list(iter_with_ids(source, pieces))


def iter_with_ids(source: str, pieces: Iterable[dict], seen: dict[bytes, int] | None = None) -> Iterator[Chunk]:
    """`with_ids`, one chunk at a time (a 500,000-row export is never a list); repeats are counted by digest
    (in `seen`, when a file's chunks come in several calls)."""
    seen = {} if seen is None else seen
    for piece in pieces:
        text = piece["text"]
        key = hashlib.blake2b(text.encode("utf-8", "replace"), digest_size=12).digest()
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        yield Chunk(id=chunk_id(source, text, occurrence), source=source, **piece)
