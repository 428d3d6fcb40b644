"""Table files (.csv, .xlsx) read as raw rows, streamed, so a contact-centre export of half a million rows never
sits in memory whole. Which columns are answers is the surveys module's job; cutting quotes is the loaders'.

Each table can be read again from the start (`RawTable.rows()`): once to check the whole file and count what it
holds, once to embed it, so a file that breaks at row 150,000 is reported before anything of it is stored.
"""

from __future__ import annotations

import codecs
import csv
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from copilot.errors import ResearchFileError

HEAD_BYTES = 1 << 16
MAX_CELL_CHARS = 1 << 24  # Python's csv refuses cells over 128 KB by default; a pasted e-mail thread can be more
MAX_PARSE_SECONDS = 900.0  # reading one file (embedding not counted): longer is stopped with a message
_DELIMITERS = (",", ";", "\t", "|")
csv.field_size_limit(min(sys.maxsize, MAX_CELL_CHARS))

Rows = Iterator[tuple[int, list[str]]]  # (row number as a person counts them, cells)


@dataclass(frozen=True)
class RawTable:
    prefix: str  # "" for a .csv, "sheet Antwoorden, " for a worksheet
    rows: Callable[[], Rows]
    estimate: int | None = None  # rows, when the file says so cheaply


def stream_encoding(path: Path) -> str:
    """The file's encoding, decided without reading it into memory: a BOM, else UTF-8 if every byte is valid
    UTF-8, else Windows-1252 (what Excel on Dutch and English Windows saves), else charset detection."""
    from copilot.research.reading import BOMS, looks_like_utf16

    try:
        with path.open("rb") as file:
            head = file.read(HEAD_BYTES)
            for bom, encoding in BOMS:
                if head.startswith(bom):
                    return encoding
            if b"\x00" in head[:4096]:
                if not looks_like_utf16(head):
                    raise ResearchFileError(path, key="binary")
                from charset_normalizer import from_bytes

                best = from_bytes(head).best()
                if best is None:
                    raise ResearchFileError(path, key="encoding")
                return best.encoding
            decoder = codecs.getincrementaldecoder("utf-8")()
            block = head
            try:
                while block:
                    decoder.decode(block)
                    block = file.read(1 << 20)
                decoder.decode(b"", final=True)
                return "utf-8"
            except UnicodeDecodeError:
                return "cp1252"
    except OSError as error:
        raise ResearchFileError(path, key="unreadable", reason=error.strerror) from error


def csv_table(path: Path) -> RawTable:
    encoding = stream_encoding(path)
    with path.open(encoding=encoding, errors="replace", newline="") as file:
        head = file.read(HEAD_BYTES)
    delimiter = _delimiter(head)

    def rows() -> Rows:
        clock = _Clock(path)
        # cp1252 leaves five bytes undefined; they become U+FFFD rather than a failure
        with path.open(encoding=encoding, errors="replace", newline="") as file:
            reader = csv.reader(file, delimiter=delimiter)
            number = 0
            try:
                for number, row in enumerate(reader, start=1):  # noqa: B007 - number is used after the loop
                    cells = [cell.replace("\x00", "") for cell in row]
                    clock.pause()
                    yield number, cells
                    clock.resume()
            except csv.Error as error:
                raise ResearchFileError(path, key="broken_csv", row=number + 1, detail=str(error)) from error

    return RawTable("", rows)


def _delimiter(head: str) -> str:
    """The delimiter that splits the first lines into the most columns, consistently. (csv.Sniffer reads only
    a few KB, and a survey tool's header row alone can be 80 KB.)"""
    lines = head.split("\n")
    sample = "\n".join(lines[:-1] if len(lines) > 1 else lines)  # the last line of the head may be cut off
    best, best_score = ",", 0
    for delimiter in _DELIMITERS:
        try:
            rows = [row for row in csv.reader(sample.splitlines()[:50], delimiter=delimiter) if row]
        except csv.Error:
            continue
        if not rows:
            continue
        width = len(rows[0])
        consistent = sum(1 for row in rows if len(row) == width) / len(rows)
        score = width * consistent if width > 1 else 0
        if score > best_score:
            best, best_score = delimiter, score
    return best


def xlsx_tables(path: Path) -> list[RawTable]:
    """One table per worksheet, each read again from the workbook when its rows are asked for."""
    from copilot.research.office_loaders import cell_text, check_package, translated

    check_package(path, "Excel", ".xlsx")
    from openpyxl import load_workbook

    with translated(path, "broken_xlsx"):
        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            sheets = [(sheet.title, sheet.max_row) for sheet in workbook.worksheets if hasattr(sheet, "iter_rows")]
        finally:
            workbook.close()

    def reader(index: int) -> Callable[[], Rows]:
        def rows() -> Rows:
            clock = _Clock(path)
            with translated(path, "broken_xlsx"):
                book = load_workbook(path, read_only=True, data_only=True)
                try:
                    sheet = book.worksheets[index]
                    sheet.reset_dimensions()  # some exporters record a wrong sheet size; read every row instead
                    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                        cells = [cell_text(value) for value in row]
                        clock.pause()
                        yield number, cells
                        clock.resume()
                finally:
                    book.close()

        return rows

    return [RawTable(f"sheet {name}, ", reader(index), rows) for index, (name, rows) in enumerate(sheets)]


class _Clock:
    """Time spent reading the file itself, not embedding what it gave: a zip bomb or a pathological file is
    stopped, a big export on a busy machine is not."""

    def __init__(self, path: Path) -> None:
        self.path, self.spent, self.since = path, 0.0, time.monotonic()

    def pause(self) -> None:
        self.spent += time.monotonic() - self.since
        if self.spent > MAX_PARSE_SECONDS:
            raise ResearchFileError(self.path, key="too_slow", minutes=round(MAX_PARSE_SECONDS / 60))

    def resume(self) -> None:
        self.since = time.monotonic()
