"""Loaders: one research file in, chunks out. Each chunk cites its file and where in it.

Transcripts (speaker-labelled text or Word documents, .vtt/.srt subtitles) give one chunk per turn; reports
(.txt, .md, .docx, .pdf) give one chunk per finding, headings kept as context (findings.py); tables (.csv,
.xlsx, Word tables) give one chunk per row, with the other columns kept as metadata. office_loaders and
subtitle_loaders read those formats into plain data; this module cuts the data into quotable pieces.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice, zip_longest
from pathlib import Path

from copilot.errors import ResearchFileError, readable_name
from copilot.research.chunks import Chunk, iter_with_ids, with_ids
from copilot.research.findings import findings, split_long
from copilot.research.interview_header import split_header
from copilot.research.office_loaders import WordTable, read_docx, read_pdf_pages
from copilot.research.qa_notes import asks, is_marker, qa_pieces
from copilot.research.reading import read_text
from copilot.research.report_blocks import markdown_blocks, pdf_blocks, slide_blocks
from copilot.research.subtitle_loaders import Cue, read_srt, read_vtt
from copilot.research.surveys import (
    SAMPLE_ROWS,
    Layout,
    first_header_row,
    layout,
    read_overrides,
    shorten,
    sidecar,
    table_pieces,
)
from copilot.research.tables import RawTable, csv_table, xlsx_tables

# "Sanne de Vries (interviewer): Hoe ging dat?" or "Mohamed El Amrani: Nou..."
TURN = re.compile(r"^(?P<speaker>[A-Z\u00C0-\u017F][^:\n]{0,60}?)(?: \((?P<role>[^)]{1,40})\))?: (?P<text>\S.*)$")
VOICE = re.compile(r"^(?P<speaker>.+?)(?: \((?P<role>[^)]{1,40})\))?$")  # a VTT voice: "Sanne (interviewer)"
SENTENCE_END = re.compile(r"[.!?…][\"”’)]*(?=\s|$)")
MAX_PARAGRAPH_CHARS = 1200
MAX_PASSAGE_CHARS = 600  # unlabelled subtitles: auto-captions often have no full stops to cut at
MIN_CELL_CHARS = 3
TRANSCRIPT_SHARE = 0.8  # the share of lines starting "Name:" that makes a text a transcript


@dataclass
class Note:
    """Something a person should know about a file that did go in (which columns were read as answers)."""

    key: str
    params: dict

    def say(self, language: str) -> str:
        from copilot.i18n import t

        return t(f"ingest.note.{self.key}", language, **self.params)


@dataclass
class Loaded:
    """A file checked from start to end: how many chunks it gives, and a way to read them (again)."""

    source: str
    count: int
    chunks: Callable[[], Iterator[Chunk]]
    notes: list[Note] = field(default_factory=list)


def load_file(path: Path, root: Path, text_column: str | None = None) -> list[Chunk]:
    """Chunks of one research file; raises ResearchFileError with advice when it cannot.

    `text_column` names the one column with the answers in a .csv or .xlsx file (its case does not matter);
    without it, every column of open answers is used (or those named in `<file>.columns.yaml`).
    """
    return list(open_file(path, root, text_column).chunks())


def open_file(path: Path, root: Path, text_column: str | None = None) -> Loaded:
    """Read and check a whole file; tables are streamed (read twice) so they never sit in memory whole."""
    suffix = path.suffix.lower()
    loader = LOADERS.get(suffix)
    if loader is None:
        raise ResearchFileError(path, key="unsupported", suffix=path.suffix or "(none)", supported=supported())
    if path.name.startswith("~$"):
        raise ResearchFileError(path, key="office_lock")
    table_reader = TABLE_READERS.get(suffix)
    if text_column is not None and table_reader is None:
        tables = ", ".join(sorted(TABLE_READERS))
        raise ResearchFileError(path, key="column_not_table", tables=tables)
    source = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
    source = safe_name(source)
    if table_reader is not None:
        return _open_table(path, source, table_reader(path), text_column)
    pieces = loader(path)
    if not pieces:
        raise ResearchFileError(path, key="no_text")
    chunks = with_ids(source, pieces)
    return Loaded(source, len(chunks), lambda: iter(chunks))


def safe_name(name: str) -> str:
    """A file name as text the store can keep (see `readable_name`)."""
    return readable_name(name)


def supported() -> str:
    return ", ".join(sorted(LOADERS))


# --- text: .txt, .md, and the paragraphs of a .docx ----------------------------------------------------------


def _text_pieces(path: Path) -> list[dict]:
    return _pieces_from_text(read_text(path))


def _pieces_from_text(text: str) -> list[dict]:
    lines = [line.strip() for line in text.split("\n")]
    title = lines[0].lstrip("# ").strip() if lines and lines[0].startswith("#") else ""
    header, rest = split_header(lines[1:] if title else lines)
    if header:  # an interview's header is context for every turn; a memo's "Datum:"/"Status:" stays in the memo
        kept = [lines[0], *rest] if title else rest
        pieces = _pieces_without_header("\n".join(kept), kept, title)
        if any(piece["kind"] == "transcript" for piece in pieces):
            said = shorten(" ".join(header))
            return [{**piece, "metadata": {**piece["metadata"], "header": said}} for piece in pieces]
    return _pieces_without_header(text, lines, title)


def _pieces_without_header(text: str, lines: list[str], title: str) -> list[dict]:
    body = [line for line in (lines[1:] if title else lines) if line and not line.startswith("#")]
    turns = [turn for line in body if (turn := TURN.match(line))]
    # hard-wrapped turns ("Bewoner: Drie weken gewacht. …" on two lines) are a transcript too: count the lines
    # that start a paragraph
    starts = [line for before, line in zip(["", *lines], lines, strict=False) if line and not before]
    starts = [line for line in starts if not line.startswith("#")]
    opening = [line for line in starts if TURN.match(line)]
    transcript = bool(body) and (
        len(turns) >= TRANSCRIPT_SHARE * len(body) or len(opening) >= max(2, TRANSCRIPT_SHARE * len(starts))
    )
    # "Sanne (interviewer): Hoe ging dat?" is a transcript with names and roles, even when most questions end
    # in "?"; read as Q&A notes it would lose who spoke. Notes marked "Q:"/"A:" are Q&A notes.
    if transcript and any(not is_marker(turn["speaker"]) for turn in turns):
        return _turn_pieces(body, title)
    answers = qa_pieces(text)
    if answers:
        return answers
    if transcript:
        return _turn_pieces(body, title)
    report_title, blocks = markdown_blocks(text)
    return findings(blocks, report_title)


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
                "role": _role(speaker, role),
                "metadata": {"title": title} if title else {},
            }
        )
    return pieces


def _role(speaker: str, written: str | None) -> str:
    """A turn's role as written ("Sanne (interviewer)"), else the interviewer's when the label marks the one
    asking ("I: Hoe ging dat?", "Q: …"): their questions are context, never a customer's words."""
    role = (written or "").strip().lower()
    return role or ("interviewer" if asks(speaker.strip()) else "")


def _split_long(paragraph: str) -> list[str]:
    return split_long(paragraph, MAX_PARAGRAPH_CHARS)


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
    """Findings cited by page (or by slide, for a deck saved as PDF); headings are their context."""
    pdf = read_pdf_pages(path)
    if pdf.slides:
        return findings(slide_blocks(pdf.pages), "")
    title, blocks = pdf_blocks(pdf.pages)
    return findings(blocks, title)


# --- tables: .csv and .xlsx (see tables.py and surveys.py) --------------------------------------------------


def _open_table(path: Path, source: str, tables: list[RawTable], named: str | None) -> Loaded:
    """Decide per table (sheet) which columns are open answers, then check the whole file by reading it once."""
    overrides = read_overrides(path)
    plans: list[tuple[RawTable, int, Layout]] = []
    missing: ResearchFileError | None = None
    has_rows = False
    for table in tables:
        head = list(islice(table.rows(), SAMPLE_ROWS + 10))
        grid = [cells for _, cells in head]
        if not any(any(cell.strip() for cell in row) for row in grid):
            continue
        top = first_header_row(grid)
        try:
            plan = layout(grid[top:], overrides, named, path)
        except ResearchFileError as error:
            if named is None:  # a sidecar naming a column that is not there
                raise
            missing = missing or error  # a named column may be on another sheet only
            continue
        answered = len(grid) > top + plan.header_rows
        if plan.open and answered:
            plans.append((table, top + plan.header_rows, plan))
        has_rows = has_rows or answered
    if not plans:
        if missing is not None:
            raise missing
        if not has_rows:
            raise ResearchFileError(path, key="no_rows" if len(tables) == 1 else "no_sheet_table")
        raise ResearchFileError(path, key="no_text_column", sidecar=sidecar(path).name)

    def chunks() -> Iterator[Chunk]:
        pieces = (
            split
            for table, skip, plan in plans
            for piece in table_pieces(plan, islice(table.rows(), skip, None), table.prefix)
            for split in _split_piece(piece)
        )
        return iter_with_ids(source, pieces)

    count = sum(1 for _ in chunks())  # reads every row: a broken row is found before anything is stored
    if not count:
        raise ResearchFileError(path, key="no_text")
    notes = []
    for _, _, plan in plans:
        if plan.chosen_by == "guess":
            columns = "; ".join(f"“{shorten(column.name, 60)}”" for column in plan.open)
            notes.append(Note("open_columns", {"file": path.name, "columns": columns, "sidecar": sidecar(path).name}))
            break
    return Loaded(source, count, chunks, notes)


def _split_piece(piece: dict) -> Iterator[dict]:
    """A long answer (a pasted e-mail, a call note) is cut at sentence ends like a long paragraph."""
    if len(piece["text"]) <= MAX_PARAGRAPH_CHARS:
        yield piece
        return
    for part in _split_long(piece["text"]):
        yield {**piece, "text": part}


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
            labelled.append((voice["speaker"], _role(voice["speaker"], voice["role"]), cue.text))
        elif match and (most or counts[match["speaker"]] > 1):
            labelled.append((match["speaker"].strip(), _role(match["speaker"], match["role"]), match["text"]))
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


TABLE_READERS: dict[str, Callable[[Path], list[RawTable]]] = {
    ".csv": lambda path: [csv_table(path)],
    ".xlsx": xlsx_tables,
}
LOADERS: dict[str, Callable[..., list[dict]]] = {
    ".txt": _text_pieces,
    ".md": _text_pieces,
    ".docx": _docx_pieces,
    ".pdf": _pdf_pieces,
    ".vtt": _vtt_pieces,
    ".srt": _srt_pieces,
    **dict.fromkeys(TABLE_READERS, _open_table),  # read through TABLE_READERS
}
