"""Loaders: one research file in, chunks out. Each chunk cites its file and where in it.

Transcripts (speaker-labelled text or Word documents, .vtt/.srt subtitles) give one chunk per turn; other text
(.txt, .md, .docx, .pdf) gives one chunk per paragraph; tables (.csv, .xlsx, Word tables) give one chunk per
row, with the other columns kept as metadata. office_loaders and subtitle_loaders read those formats into plain
data; this module cuts the data into quotable pieces.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable
from itertools import zip_longest
from pathlib import Path

from copilot.errors import ResearchFileError
from copilot.research.chunks import Chunk, with_ids
from copilot.research.office_loaders import WordTable, read_docx, read_pdf, read_xlsx
from copilot.research.reading import read_text
from copilot.research.subtitle_loaders import Cue, read_srt, read_vtt

# "Sanne de Vries (interviewer): Hoe ging dat?" or "Mohamed El Amrani: Nou..."
TURN = re.compile(r"^(?P<speaker>[A-Z\u00C0-\u017F][^:\n]{0,60}?)(?: \((?P<role>[^)]{1,40})\))?: (?P<text>\S.*)$")
VOICE = re.compile(r"^(?P<speaker>.+?)(?: \((?P<role>[^)]{1,40})\))?$")  # a VTT voice: "Sanne (interviewer)"
SENTENCE_END = re.compile(r"[.!?…][\"”’)]*(?=\s|$)")
CLAUSE_END = re.compile(r"[.!?…:;,][\"”’)]*$")
MAX_PARAGRAPH_CHARS = 1200
MAX_PASSAGE_CHARS = 600  # unlabelled subtitles: auto-captions often have no full stops to cut at
MAX_HEADING_CHARS = 80  # a PDF paragraph this short without a full stop is taken as a heading
MIN_CELL_CHARS = 3
TRANSCRIPT_SHARE = 0.8  # the share of lines starting "Name:" that makes a text a transcript

Rows = list[tuple[int, dict[str, str]]]  # a table's rows as {column: text}, by their line or row number


def load_file(path: Path, root: Path, text_column: str | None = None) -> list[Chunk]:
    """Chunks of one research file; raises ResearchFileError with advice when it cannot.

    `text_column` names the column with the answers in a .csv or .xlsx file (its case does not matter);
    without it, the column with the longest answers is used.
    """
    suffix = path.suffix.lower()
    loader = LOADERS.get(suffix)
    if loader is None:
        raise ResearchFileError(path, key="unsupported", suffix=path.suffix or "(none)", supported=supported())
    if path.name.startswith("~$"):
        raise ResearchFileError(path, key="office_lock")
    table_loader = TABLE_LOADERS.get(suffix)
    if text_column is not None and table_loader is None:
        tables = ", ".join(sorted(TABLE_LOADERS))
        raise ResearchFileError(path, key="column_not_table", tables=tables)
    source = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
    pieces = table_loader(path, text_column) if table_loader else loader(path)
    if not pieces:
        raise ResearchFileError(path, key="no_text")
    return with_ids(source, pieces)


def supported() -> str:
    return ", ".join(sorted(LOADERS))


# --- text: .txt, .md, and the paragraphs of a .docx ----------------------------------------------------------


def _text_pieces(path: Path) -> list[dict]:
    return _pieces_from_text(read_text(path))


def _pieces_from_text(text: str) -> list[dict]:
    lines = [line.strip() for line in text.split("\n")]
    title = lines[0].lstrip("# ").strip() if lines and lines[0].startswith("#") else ""
    body = [line for line in (lines[1:] if title else lines) if line and not line.startswith("#")]
    turns = [TURN.match(line) for line in body]
    if body and sum(1 for turn in turns if turn) >= TRANSCRIPT_SHARE * len(body):
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


def _docx_pieces(path: Path) -> list[dict]:
    document = read_docx(path)
    pieces = _pieces_from_text(document.text) if document.text else []
    return pieces + [piece for table in document.tables for piece in _word_table_pieces(table)]


def _word_table_pieces(table: WordTable) -> list[dict]:
    """One piece per row, "column: value; ..."; a one-row table (often a layout box) is just its text."""
    header, rows, first = (table.rows[0], table.rows[1:], 2) if len(table.rows) > 1 else ([], table.rows, 1)
    pieces = []
    for number, row in enumerate(rows, start=first):
        cells = zip_longest(header, row, fillvalue="")
        text = "; ".join(f"{name}: {value}" if name else value for name, value in cells if value)
        if len(text) < MIN_CELL_CHARS:
            continue
        for part in _split_long(text):
            location = f"table {table.number}, row {number}"
            metadata = {"section": table.section} if table.section else {}
            pieces.append({"text": part, "location": location, "kind": "table", "metadata": metadata})
    return pieces


def _pdf_pieces(path: Path) -> list[dict]:
    """One piece per paragraph, cited by page; a short paragraph without closing punctuation is a heading."""
    pieces = []
    section = ""
    for number, paragraphs in enumerate(read_pdf(path), start=1):
        for paragraph in paragraphs:
            if len(paragraph) <= MAX_HEADING_CHARS and not CLAUSE_END.search(paragraph):
                section = paragraph
                continue
            for part in _split_long(paragraph):
                metadata = {"section": section} if section else {}
                pieces.append({"text": part, "location": f"page {number}", "kind": "document", "metadata": metadata})
    return pieces


# --- tables: .csv and .xlsx -------------------------------------------------------------------------------------


def _csv_pieces(path: Path, column: str | None = None) -> list[dict]:
    text = read_text(path)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.DictReader(io.StringIO(text, newline=""), dialect=dialect))
    if not rows or not rows[0]:
        raise ResearchFileError(path, key="no_rows")
    clean = [_clean_row(row) for row in rows]
    return _table_pieces(path, {"": list(enumerate(clean, start=2))}, column)  # line 1 is the header


def _clean_row(row: dict) -> dict[str, str]:
    """Cells stripped; cells beyond the header (a broken export, or a forged row) are kept as metadata —
    never lost, and never read as someone's answer."""
    clean = {key: (cell or "").strip() for key, cell in row.items() if key}
    overflow = [cell.strip() for cell in row.get(None) or [] if cell and cell.strip()]
    if overflow:
        clean["overflow"] = " | ".join(overflow)
    return clean


def _xlsx_pieces(path: Path, column: str | None = None) -> list[dict]:
    tables = {f"sheet {sheet.name}, ": sheet.rows for sheet in read_xlsx(path) if sheet.rows}
    if not tables:
        raise ResearchFileError(path, key="no_sheet_table")
    return _table_pieces(path, tables, column)


def _table_pieces(path: Path, tables: dict[str, Rows], wanted: str | None) -> list[dict]:
    """One piece per row's text; tables without the named (or any free-text) column are skipped."""
    pieces = []
    found = False
    for prefix, rows in tables.items():
        cells = [row for _, row in rows]
        column = _find_column(list(cells[0]), wanted) if wanted else text_column(cells)
        if column is None:
            continue
        found = True
        for number, row in rows:
            value = row.get(column, "")
            if len(value) < MIN_CELL_CHARS:
                continue
            metadata = {key: cell for key, cell in row.items() if key != column}
            pieces.append({"text": value, "location": f"{prefix}row {number}", "kind": "table", "metadata": metadata})
    if found:
        return pieces
    if wanted:
        columns = ", ".join(dict.fromkeys(key for rows in tables.values() for key in rows[0][1]))
        raise ResearchFileError(path, key="no_such_column", column=repr(wanted), columns=columns)
    raise ResearchFileError(path, key="no_text_column")


def _find_column(columns: list[str], wanted: str) -> str | None:
    if wanted in columns:
        return wanted
    folded = wanted.strip().casefold()
    return next((column for column in columns if column.strip().casefold() == folded), None)


def text_column(rows: list[dict[str, str]]) -> str | None:
    """The column holding free text: the one with the longest answers on average."""
    columns = [key for key in rows[0] if key]
    sample = rows[:500]

    def mean_length(column: str) -> float:
        return sum(len((row.get(column) or "").strip()) for row in sample) / len(sample)

    best = max(columns, key=mean_length, default=None)
    return best if best is not None and mean_length(best) >= 10 else None


# --- subtitles: .vtt and .srt -------------------------------------------------------------------------------


def _vtt_pieces(path: Path) -> list[dict]:
    return _cue_pieces(read_vtt(path))


def _srt_pieces(path: Path) -> list[dict]:
    return _cue_pieces(read_srt(path))


def _cue_pieces(cues: list[Cue]) -> list[dict]:
    """Consecutive cues of one speaker become a turn; without speakers, cues become passages of a few sentences."""
    labelled = _cue_speakers(cues)
    if not any(speaker for speaker, _, _ in labelled):
        return _cue_passages(cues)
    pieces: list[dict] = []
    who = ("", "")  # cues before the first label have no known speaker
    for cue, (speaker, role, text) in zip(cues, labelled, strict=True):
        if speaker:
            who = (speaker, role)
        last = pieces[-1] if pieces else None
        if last and (last["speaker"], last["role"]) == who and len(last["text"]) + len(text) < MAX_PARAGRAPH_CHARS:
            last["text"] += " " + text
            last["metadata"]["end"] = _clock(cue.end)
        else:
            pieces.append(_cue_piece(cue, text, *who))
    return pieces


def _cue_speakers(cues: list[Cue]) -> list[tuple[str, str, str]]:
    """Each cue's (speaker, role, text). A "Name:" prefix counts when the name recurs or most cues have one,
    so that a single "Let op: ..." is not taken for a speaker; an unlabelled cue gets speaker ""."""
    matches = [None if cue.voice else TURN.match(cue.text) for cue in cues]
    counts = Counter(match["speaker"] for match in matches if match)
    most = sum(counts.values()) >= TRANSCRIPT_SHARE * len(cues)
    labelled = []
    for cue, match in zip(cues, matches, strict=True):
        if cue.voice:
            voice = VOICE.match(cue.voice)
            labelled.append((voice["speaker"], (voice["role"] or "").lower(), cue.text))
        elif match and (most or counts[match["speaker"]] > 1):
            labelled.append((match["speaker"].strip(), (match["role"] or "").strip().lower(), match["text"]))
        else:
            labelled.append(("", "", cue.text))
    return labelled


def _cue_passages(cues: list[Cue]) -> list[dict]:
    pieces: list[dict] = []
    for cue in cues:
        last = pieces[-1] if pieces else None
        if last is None or _passage_done(last["text"]):
            pieces.append(_cue_piece(cue, cue.text))
        else:
            last["text"] += " " + cue.text
            last["metadata"]["end"] = _clock(cue.end)
    return pieces


def _passage_done(text: str) -> bool:
    """After three sentences, at the end of one; or at a length, for captions without full stops."""
    sentences = list(SENTENCE_END.finditer(text))
    return (len(sentences) >= 3 and sentences[-1].end() == len(text)) or len(text) >= MAX_PASSAGE_CHARS


def _cue_piece(cue: Cue, text: str, speaker: str = "", role: str = "") -> dict:
    return {
        "text": text,
        "location": _clock(cue.start),
        "kind": "transcript",
        "speaker": speaker,
        "role": role,
        "metadata": {"start": _clock(cue.start), "end": _clock(cue.end)},
    }


def _clock(seconds: float) -> str:
    minutes, second = divmod(int(seconds), 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}:{second:02d}"


TABLE_LOADERS: dict[str, Callable[[Path, str | None], list[dict]]] = {".csv": _csv_pieces, ".xlsx": _xlsx_pieces}
LOADERS: dict[str, Callable[..., list[dict]]] = {
    ".txt": _text_pieces,
    ".md": _text_pieces,
    ".docx": _docx_pieces,
    ".pdf": _pdf_pieces,
    ".vtt": _vtt_pieces,
    ".srt": _srt_pieces,
    **TABLE_LOADERS,
}
