"""Office files read into plain data for the loaders: Excel sheets as rows, Word documents as text and tables,
PDFs as paragraphs per page. Cutting that data into chunks is the loaders' job.

Each reader imports its library only when called (so `import copilot` stays fast) and translates the library's
errors into a ResearchFileError here, at one boundary: a broken file raises, it never returns half its content.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from copilot.errors import ResearchFileError
from copilot.research.report_blocks import heading_level, letter_spaced

# Old .doc/.xls files and password-protected .docx/.xlsx files are both stored in this (OLE) container
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_LINE_END = (".", "!", "?", ":", ";", '"', "”", "’", ")", "…")
_ITEM = re.compile(r"^([•▪◦·\-–*]|\d{1,2}[.)])\s")
MAX_UNPACKED_BYTES = 1_500_000_000  # a 500,000-row workbook unpacks to a few hundred MB
BOMB_MIN_BYTES = 50_000_000
MAX_PACKING_RATIO = 120  # XML packs 10–30×; a zip bomb packs a thousandfold
_SHORT_LINE = 0.85  # of the page's longest line: a shorter line may end a paragraph
_HEADING_LINE = 0.6  # of the page's longest line: a heading-like line this short stands alone
SLIDE_WORDS = 150  # words per page, on average, below which landscape pages are slides


@dataclass(frozen=True)
class Sheet:
    """One worksheet: each row under the header row as {column name: cell text}, by its Excel row number."""

    name: str
    rows: list[tuple[int, dict[str, str]]]


@dataclass(frozen=True)
class WordTable:
    number: int  # 1 for the document's first table
    section: str  # the heading above the table, if any
    rows: list[list[str]]


@dataclass(frozen=True)
class WordDocument:
    text: str  # paragraphs separated by blank lines, headings marked "# " as in markdown
    tables: list[WordTable]


def read_xlsx(path: Path) -> list[Sheet]:
    """Every worksheet's table: the header is the first row with at least two filled cells."""
    check_package(path, "Excel", ".xlsx")
    from openpyxl import load_workbook

    raw: list[tuple[str, list[list[str]]]] = []
    with translated(path, "broken_xlsx"):
        workbook = load_workbook(path, read_only=True, data_only=True)  # data_only: a formula's computed value
        try:
            for worksheet in workbook.worksheets:
                worksheet.reset_dimensions()  # some exporters record a wrong sheet size; read every row instead
                rows = [[cell_text(value) for value in row] for row in worksheet.iter_rows(values_only=True)]
                raw.append((worksheet.title, rows))
        finally:
            workbook.close()
    return [_sheet(name, rows) for name, rows in raw]


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):  # Excel stores dates as datetimes at midnight
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").strip()


def _sheet(name: str, values: list[list[str]]) -> Sheet:
    filled = [sum(1 for cell in row if cell) for row in values]
    needed = min(2, max(filled, default=0))  # a one-column sheet of answers has a one-cell header
    if not needed:
        return Sheet(name, [])
    top = next(index for index, count in enumerate(filled) if count >= needed)
    width = max(len(row) for row in values[top:])
    grid = [row + [""] * (width - len(row)) for row in values[top:]]
    names = _column_names(grid[0], grid[1:])
    rows = []
    for number, row in enumerate(grid[1:], start=top + 2):  # Excel rows count from 1, and the header is one
        if any(row):
            rows.append((number, {names[i]: row[i] for i in names}))
    return Sheet(name, rows)


def _column_names(header: list[str], body: list[list[str]]) -> dict[int, str]:
    """Names by column index; an unnamed column with data is called by its letter, an empty one is dropped."""
    from openpyxl.utils import get_column_letter

    names: dict[int, str] = {}
    seen: Counter[str] = Counter()
    for index, cell in enumerate(header):
        name = " ".join(cell.split())
        if not name:
            if not any(row[index] for row in body):
                continue
            name = f"column {get_column_letter(index + 1)}"
        seen[name] += 1
        names[index] = name if seen[name] == 1 else f"{name} ({seen[name]})"
    return names


def read_docx(path: Path) -> WordDocument:
    """The document's paragraphs (headings marked) and its tables, in reading order."""
    check_package(path, "Word", ".docx")
    import docx
    from docx.table import Table

    blocks: list[tuple[str, str | list[list[str]]]] = []
    with translated(path, "broken_docx"):
        for block in docx.Document(str(path)).iter_inner_content():
            if isinstance(block, Table):
                blocks.append(("table", _table_rows(block)))
            else:
                blocks.append((_word_kind(block), block.text))

    parts: list[str] = []
    tables: list[WordTable] = []
    section = ""
    for kind, content in blocks:
        if isinstance(content, list):
            tables.append(WordTable(len(tables) + 1, section, content))
            continue
        # a soft line break (Shift+Enter) often separates transcript turns, so lines are kept
        lines = [" ".join(line.split()) for line in content.split("\n") if line.strip()]
        if not lines:
            continue
        if kind == "contents":
            continue
        if kind.startswith("heading"):
            section = " ".join(lines)
            level = int(kind[7:])
            parts.append(f"{'#' * level} {section}" if level else f"**{section}**")
        elif kind == "item":
            parts.append("\n".join(f"- {line}" for line in lines))
        else:
            parts.append("\n".join(lines))
    return WordDocument("\n\n".join(parts), tables)


def _word_kind(paragraph) -> str:
    """ "heading<level>", "item", "contents" (a table-of-contents line) or "paragraph", by the paragraph's style
    (Word keeps English style names inside the file, whatever the language it shows), or a short all-bold line."""
    style = (paragraph.style.name if paragraph.style is not None else "").lower()
    if style == "title":
        return "heading1"
    if style.startswith("heading"):
        level = style[7:].strip()
        return f"heading{min(int(level), 6) if level.isdigit() else 1}"
    if style.startswith("toc") or style == "table of figures":
        return "contents"
    if style.startswith("list") or paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None:
        return "item"
    text = paragraph.text.strip()
    runs = [run for run in paragraph.runs if run.text.strip()]
    if runs and all(run.bold for run in runs) and len(text) <= 90 and not text.endswith((".", "?", "!")):
        return "heading0"
    return "paragraph"


def _table_rows(table) -> list[list[str]]:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if cell._tc in seen:  # a merged cell comes back once per grid column it spans
                continue
            seen.add(cell._tc)
            cells.append(" ".join(cell.text.split()))
        rows.append(cells)
    return rows


@dataclass(frozen=True)
class PdfPages:
    pages: list[list[str]]  # paragraphs per page
    slides: bool  # a deck saved as PDF: landscape pages with a few lines each


def read_pdf(path: Path) -> list[list[str]]:
    """Paragraphs per page; running headers, footers and page numbers are left out."""
    return read_pdf_pages(path).pages


def read_pdf_pages(path: Path) -> PdfPages:
    """Paragraphs per page, and whether the PDF is a slide deck."""
    if b"%PDF" not in _head(path, 1024):
        raise ResearchFileError(path, key="not_pdf")
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    with translated(path, "broken_pdf"):
        try:
            reader = PdfReader(path)
            if reader.is_encrypted and not reader.decrypt(""):  # many PDFs lock editing only and open without one
                raise ResearchFileError(path, key="pdf_password")
            pages = [_page_text(page) for page in reader.pages]
            wide = sum(1 for page in reader.pages if _landscape(page))
        except DependencyError as error:
            raise ResearchFileError(
                path,
                "the PDF is encrypted with AES, which needs the cryptography package",
                "Print it to a new, unprotected PDF, or install cryptography.",
            ) from error
    if not pages:
        raise ResearchFileError(path, key="pdf_no_pages")
    pages = _with_ocr(path, pages, reader)
    lines = [[_tidy(line) for line in text.split("\n")] for text in pages]
    running = _running_lines(lines)
    words = sum(len(text.split()) for text in pages) / len(pages)
    slides = wide > len(pages) / 2 and words < SLIDE_WORDS
    kept = [[line for line in page if not line or _key(line) not in running] for page in lines]
    return PdfPages([page if slides else _paragraphs(page) for page in kept], slides)


def _page_text(page) -> str:
    """The page's text, with a blank line where the lines open up (paragraph spacing), which pypdf leaves out:
    the height of each line is taken from the same pass and used only when the lines match up one to one."""
    tops: list[float] = []

    def visit(text, cm, tm, font, size) -> None:  # noqa: ARG001 - pypdf's visitor signature
        if text.strip():
            y = tm[5] * cm[3] + cm[5]
            if not tops or abs(tops[-1] - y) > 0.5:
                tops.append(y)

    text = page.extract_text(visitor_text=visit) or ""
    lines = text.split("\n")
    filled = [line for line in lines if line.strip()]
    if len(filled) != len(tops) or len(tops) < 3:
        return text
    steps = sorted(above - below for above, below in zip(tops, tops[1:], strict=False) if above > below)
    if not steps:
        return text
    usual = steps[len(steps) // 4]  # the line spacing: most steps, and the smaller ones
    out, index = [], 0
    for line in lines:
        if line.strip():
            if index and 1.5 * usual < tops[index - 1] - tops[index]:  # a wider gap going down the page
                out.append("")
            index += 1
        out.append(line)
    return "\n".join(out)


def _tidy(line: str) -> str:
    """One space between words; a letter-spaced heading ("A A N  D E") keeps its wider gaps between words."""
    return re.sub(r"\s{2,}", "  ", line.strip()) if letter_spaced(line) else " ".join(line.split())


def _landscape(page) -> bool:
    try:
        box = page.mediabox
        turned = int(page.get("/Rotate", 0) or 0) % 180 != 0
        return (float(box.width) > float(box.height)) != turned
    except Exception:  # noqa: BLE001 - a damaged page box: read the page as a document page
        return False


def _with_ocr(path: Path, pages: list[str], reader) -> list[str]:
    """Pages without a text layer read by OCR: all of them in a scan, the scanned pages (those with an image)
    in a mixed file. Pages with text keep it. Without OCR installed a scan is refused, saying so."""
    from copilot.research import ocr

    if not any(text.strip() for text in pages):
        missing = list(range(1, len(pages) + 1))
    else:
        missing = [n for n, text in enumerate(pages, start=1) if not text.strip() and _has_image(reader.pages[n - 1])]
        if not ocr.available():
            return pages  # a figure-only page in a text report: nothing to quote without OCR
    if not missing:
        return pages
    read = ocr.read_pages(path, missing)
    pages = [read.get(n, text) for n, text in enumerate(pages, start=1)]
    if not any(text.strip() for text in pages):
        raise ResearchFileError(path, key="pdf_scanned")
    return pages


def _has_image(page) -> bool:
    try:
        resources = page.get("/Resources") or {}
        return "/XObject" in resources.get_object()
    except Exception:  # noqa: BLE001 - a damaged resource dictionary: treat the page as text-less, not scanned
        return False


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", line.casefold())


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines on most pages ("Confidential", "Page 3 of 12") and bare page numbers, by their digit-free key."""
    counts = Counter(key for page in pages for key in {_key(line) for line in page if line})
    repeated = {key for key, count in counts.items() if len(pages) >= 3 and count >= max(3, len(pages) / 2)}
    return repeated | {"#"}


def _paragraphs(lines: list[str]) -> list[str]:
    """pypdf rarely marks paragraphs with blank lines: a line clearly shorter than the page's longest ends a
    paragraph when it ends a sentence, or reads as a heading and the next line starts with a capital; a much
    shorter heading-like line stands alone; bullets start new paragraphs."""
    width = max((len(line) for line in lines), default=0)
    paragraphs: list[str] = []
    current: list[str] = []
    for index, line in enumerate(lines):
        if current and (not line or _ITEM.match(line)):
            paragraphs.append(_joined(current))
            current = []
        if not line:
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        capital = following[:1].isupper() or following[:1] in "\"“‘'"  # the next line starts a sentence
        heading = len(line) < _HEADING_LINE * width and heading_level(line) is not None and capital
        if current and (heading or letter_spaced(line)) and current[-1].endswith(_LINE_END):
            paragraphs.append(_joined(current))  # "…Achtergrond": a heading after a finished sentence stands alone
            current = []
        current.append(line)
        ends = line.endswith(_LINE_END) or (capital and heading_level(line) is not None)
        if heading or letter_spaced(line) or (len(line) < _SHORT_LINE * width and ends):
            paragraphs.append(_joined(current))
            current = []
    if current:
        paragraphs.append(_joined(current))
    return paragraphs


def _joined(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        # "verhuis-" + "zing" was one word split at the line end
        text = text[:-1] + line if text.endswith("-") and line[:1].islower() else f"{text} {line}"
    return text


def _head(path: Path, size: int = 8) -> bytes:
    try:
        with path.open("rb") as file:
            return file.read(size)
    except OSError as error:
        raise ResearchFileError(path, key="unreadable", reason=error.strerror) from error


def check_package(path: Path, app: str, suffix: str) -> None:
    """Clear errors for what .docx/.xlsx files commonly turn out to be instead: empty, locked, old-format, broken."""
    head = _head(path)
    if not head:
        raise ResearchFileError(path, key="empty", app=app)
    if head.startswith(_OLE):
        if _ENCRYPTED_PACKAGE in path.read_bytes():
            raise ResearchFileError(path, key="password", app=app)
        raise ResearchFileError(path, key="old_format", app=app, suffix=suffix)
    if not zipfile.is_zipfile(path):
        raise ResearchFileError(path, key="damaged", app=app, suffix=suffix)
    _check_unpacked_size(path)


def _check_unpacked_size(path: Path) -> None:
    """Refuse a zip bomb before a library unpacks it: a .docx/.xlsx of a few KB that unpacks to gigabytes
    would otherwise keep the machine busy for a quarter of an hour."""
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ResearchFileError(path, key="broken_package", detail=str(error) or type(error).__name__) from error
    unpacked = sum(member.file_size for member in members)
    packed = max(1, sum(member.compress_size for member in members))
    if unpacked > MAX_UNPACKED_BYTES or (unpacked > BOMB_MIN_BYTES and unpacked / packed > MAX_PACKING_RATIO):
        raise ResearchFileError(
            path, key="zip_bomb", megabytes=round(unpacked / 1e6), limit=round(MAX_UNPACKED_BYTES / 1e6)
        )


@contextmanager
def translated(path: Path, key: str) -> Iterator[None]:
    try:
        yield
    except ResearchFileError:
        raise
    except Exception as error:  # these libraries raise many types on a broken file; translate them here, once
        detail = str(error).rstrip(".") or type(error).__name__
        raise ResearchFileError(path, key=key, detail=detail) from error
