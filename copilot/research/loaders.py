"""Loaders: one research file in, chunks out. Each chunk cites its file and where in it.

Transcripts (speaker-labelled text) give one chunk per turn; other text gives one chunk per
paragraph; CSV exports give one chunk per row, with the other columns kept as metadata.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

from copilot.errors import ResearchFileError
from copilot.research.chunks import Chunk, with_ids
from copilot.research.reading import read_text

# "Sanne de Vries (interviewer): Hoe ging dat?" or "Mohamed El Amrani: Nou..."
TURN = re.compile(r"^(?P<speaker>[A-Z\u00C0-\u017F][^:\n]{0,60}?)(?: \((?P<role>[^)]{1,40})\))?: (?P<text>\S.*)$")
MAX_PARAGRAPH_CHARS = 1200
MIN_CELL_CHARS = 3


def load_file(path: Path, root: Path) -> list[Chunk]:
    """Chunks of one research file; raises ResearchFileError with advice when it cannot."""
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        raise ResearchFileError(
            path, f"files of type {path.suffix or '(none)'} are not supported yet", f"Use one of {supported()}."
        )
    source = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
    pieces = loader(path)
    if not pieces:
        raise ResearchFileError(path, "no text found", "Check that the file is not empty.")
    return with_ids(source, pieces)


def supported() -> str:
    return ", ".join(sorted(LOADERS))


def _text_pieces(path: Path) -> list[dict]:
    text = read_text(path)
    lines = [line.strip() for line in text.split("\n")]
    title = lines[0].lstrip("# ").strip() if lines and lines[0].startswith("#") else ""
    body = [line for line in (lines[1:] if title else lines) if line]
    turns = [TURN.match(line) for line in body]
    if body and sum(1 for turn in turns if turn) >= 0.8 * len(body):
        return _turn_pieces(body, title)
    return _paragraph_pieces(text, title)


def _turn_pieces(lines: list[str], title: str) -> list[dict]:
    """One piece per turn; an unlabelled line continues the turn before it."""
    pieces: list[dict] = []
    for line in lines:
        match = TURN.match(line)
        if match is None and pieces:
            pieces[-1]["text"] += " " + line
            continue
        speaker, role, text = (match["speaker"], match["role"] or "", match["text"]) if match else ("", "", line)
        pieces.append(
            {
                "text": text,
                "location": f"turn {len(pieces) + 1}",
                "kind": "transcript",
                "speaker": speaker.strip(),
                "role": role.strip().lower(),
                "metadata": {"title": title} if title else {},
            }
        )
    return pieces


def _paragraph_pieces(text: str, title: str) -> list[dict]:
    pieces = []
    heading = title
    for number, paragraph in enumerate(re.split(r"\n\s*\n", text), start=1):
        paragraph = " ".join(line.strip() for line in paragraph.split("\n") if line.strip())
        if not paragraph:
            continue
        if paragraph.startswith("#"):
            heading = paragraph.lstrip("# ").strip()
            continue
        for part in _split_long(paragraph):
            metadata = {"title": title or heading, "section": heading} if heading else {}
            pieces.append({"text": part, "location": f"paragraph {number}", "kind": "document", "metadata": metadata})
    return pieces


def _split_long(paragraph: str) -> list[str]:
    """Long paragraphs are split at sentence ends so a quote stays readable on a slide."""
    if len(paragraph) <= MAX_PARAGRAPH_CHARS:
        return [paragraph]
    parts, current = [], ""
    for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
        if current and len(current) + len(sentence) > MAX_PARAGRAPH_CHARS:
            parts.append(current)
            current = ""
        current = f"{current} {sentence}".strip()
    return [*parts, current] if current else parts


def _csv_pieces(path: Path) -> list[dict]:
    text = read_text(path)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.DictReader(text.splitlines(), dialect=dialect))
    if not rows or not rows[0]:
        raise ResearchFileError(path, "the table has no rows", "Check that the first line holds the column names.")
    column = text_column(rows)
    if column is None:
        raise ResearchFileError(path, "no column with free text was found", "Add a column with the open answers.")
    pieces = []
    for number, row in enumerate(rows, start=2):  # line 1 is the header
        value = (row.get(column) or "").strip()
        if len(value) < MIN_CELL_CHARS:
            continue
        metadata = {key: (cell or "").strip() for key, cell in row.items() if key and key != column}
        pieces.append({"text": value, "location": f"row {number}", "kind": "table", "metadata": metadata})
    return pieces


def text_column(rows: list[dict[str, str]]) -> str | None:
    """The column holding free text: the one with the longest answers on average."""
    columns = [key for key in rows[0] if key]
    sample = rows[:500]

    def mean_length(column: str) -> float:
        return sum(len((row.get(column) or "").strip()) for row in sample) / len(sample)

    best = max(columns, key=mean_length, default=None)
    return best if best is not None and mean_length(best) >= 10 else None


LOADERS: dict[str, Callable[[Path], list[dict]]] = {".txt": _text_pieces, ".md": _text_pieces, ".csv": _csv_pieces}
