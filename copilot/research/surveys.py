"""Survey and contact-centre exports: which columns hold open answers, and one quote per open answer.

Real exports (LimeSurvey, Qualtrics, Microsoft Forms, Google Forms, SurveyMonkey, Typeform, a contact
centre's case log) mix open questions with closed ones, scores (NPS, CSAT, CES), ids, timestamps and links,
and some have two or three header rows. Every open-question column gives quotes of its own, each carrying its
question; everything else about the respondent travels along as metadata a search can filter on, never as a
quote. A sidecar file `<export>.columns.yaml` overrides the guess (see README, "Your research").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from copilot.errors import ResearchFileError

SAMPLE_ROWS = 2000  # data rows read to decide what each column holds
QUESTION_CHARS = 80  # a question shortened for display and as a metadata key
MIN_ANSWER_CHARS = 3
# answers that say nothing: not quotes
EMPTY_ANSWERS = {
    "-", "--", ".", "..", "...", "/", "x", "n.v.t.", "n.v.t", "nvt", "n/a", "na", "none", "geen", "nee", "no", "nope",
    "niets", "nothing", "geen opmerkingen", "no comment", "no comments", "geen idee", "weet niet", "weet ik niet",
}  # fmt: skip
_SCORE_HINT = re.compile(
    r"\b(nps|csat|ces|aanbevel\w*|recommend\w*|likely|waarschijnlijk|tevreden\w*|satisf\w*|effort|moeite|"
    r"cijfer|rating|rate|score|beoordeel\w*|easy|easily|makkelijk\w*|gemakkelijk\w*|eenvoudig\w*)\b",
    re.IGNORECASE,
)
_NPS_HINT = re.compile(r"\b(nps|aanbevel\w*|recommend\w*|likely|waarschijnlijk)\b", re.IGNORECASE)
_ID_HINT = re.compile(
    r"^(id|response ?id|respondent( ?id)?|responseid|token|seed|ip ?address|ipaddr|e-?mail|session ?id|"
    r"case ?(id|nummer|number)|ticket ?(id|nummer|number)|klantnummer|customer ?id|contact ?id|call ?id|"
    r"lastpage|startlanguage|distribution ?channel|user ?language|externalreference|recipient\w*|"
    r"location(latitude|longitude))$",
    re.IGNORECASE,
)
_URL = re.compile(r"^(https?://|www\.)\S*$", re.IGNORECASE)
_DATE = re.compile(
    r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\S*)?$|^\d{1,2}:\d{2}(:\d{2})?$"
)
_NUMBER = re.compile(r"^[-+]?\d+([.,]\d+)?$")
_IMPORT_ID = re.compile(r'^\{\s*"ImportId"', re.IGNORECASE)
_PLAIN_RESPONSE = {"response", "open-ended response", "antwoord", "open antwoord", "reactie"}
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


@dataclass
class Column:
    index: int
    name: str  # short and unique within the file: the metadata key
    question: str  # the full header text
    kind: str = "closed"  # open | closed | score | number | id | date | url | empty
    scale: tuple[int, int] | None = None  # a score's range, e.g. (0, 10)
    nps: bool = False


@dataclass
class Overrides:
    """What a person wrote in `<export>.columns.yaml`: columns by (the start of) their header or code."""

    open: list[str] = field(default_factory=list)
    not_open: list[str] = field(default_factory=list)
    header_rows: int | None = None
    source: str = ""  # the sidecar's file name, for the report


@dataclass
class Layout:
    header_rows: int
    columns: list[Column]
    chosen_by: str  # "guess" | "sidecar" | "named"

    def __post_init__(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Recompute the column groups after kinds changed (a sidecar, a named column)."""
        self.open = [column for column in self.columns if column.kind == "open"]
        self.filters = [(c.index, c.name) for c in self.columns if c.kind not in ("open", "empty")]
        self.scores = sorted((c for c in self.columns if c.kind == "score" and c.scale), key=lambda c: not c.nps)


def sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".columns.yaml")


def read_overrides(path: Path) -> Overrides | None:
    """The sidecar beside a table file, if there is one."""
    side = sidecar(path)
    if not side.is_file():
        return None
    import yaml

    try:
        data = yaml.safe_load(side.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ValueError("expected keys open, not_open, header_rows")
        unknown = set(data) - {"open", "not_open", "header_rows"}
        if unknown:
            raise ValueError(f"unknown keys {', '.join(sorted(unknown))}")
        rows = data.get("header_rows")
        return Overrides(
            open=[str(item) for item in data.get("open") or []],
            not_open=[str(item) for item in data.get("not_open") or []],
            header_rows=int(rows) if rows is not None else None,
            source=side.name,
        )
    except (ValueError, TypeError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ResearchFileError(side, key="bad_sidecar", detail=str(error).splitlines()[0]) from error


# --- the layout: header rows and what each column holds ------------------------------------------------------


def first_header_row(rows: list[list[str]]) -> int:
    """Index of the header row: the first with at least two filled cells (a title line often sits above)."""
    filled = [sum(1 for cell in row if cell.strip()) for row in rows]
    needed = min(2, max(filled, default=0))
    return next((i for i, count in enumerate(filled) if count >= needed), 0) if needed else 0


def header_rows(rows: list[list[str]]) -> int:
    """How many of the first rows are header: 3 for Qualtrics (codes, questions, ImportIds), 2 for SurveyMonkey
    (questions, then "Response" / the options under them), else 1."""
    if len(rows) >= 3 and sum(bool(_IMPORT_ID.match(cell.strip())) for cell in rows[2]) >= max(1, len(rows[2]) // 3):
        return 3
    if len(rows) >= 2:
        first, second = rows[0], rows[1] + [""] * (len(rows[0]) - len(rows[1]))
        plain = sum(cell.strip().casefold() in _PLAIN_RESPONSE for cell in second)
        gaps_filled = sum(1 for a, b in zip(first, second, strict=False) if not a.strip() and b.strip())
        if plain >= 1 or (gaps_filled >= 1 and sum(1 for a in first if a.strip()) >= 1):
            return 2
    return 1


def column_names(header: list[list[str]]) -> list[tuple[str, str]]:
    """(code, question) per column from one, two or three header rows."""
    width = max(len(row) for row in header)
    header = [row + [""] * (width - len(row)) for row in header]
    if len(header) >= 3:  # Qualtrics: Q1 / the question / {"ImportId": …}
        return [
            (code.strip(), " ".join((text or code).split())) for code, text in zip(header[0], header[1], strict=True)
        ]
    if len(header) == 2:  # SurveyMonkey: the question spans its options' columns
        names, question = [], ""
        for top, below in zip(header[0], header[1], strict=True):
            question = " ".join(top.split()) or question
            below = " ".join(below.split())
            if below and below.casefold() not in _PLAIN_RESPONSE and below != question:
                names.append((below, f"{question} — {below}" if question else below))
            else:
                names.append((question, question))
        return names
    return [(" ".join(cell.split()), " ".join(cell.split())) for cell in header[0]]


def shorten(text: str, limit: int = QUESTION_CHARS) -> str:
    """A long question cut at a word, with an ellipsis: for display and as a metadata key."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-—")
    return f"{cut}…"


def layout(
    rows: list[list[str]], overrides: Overrides | None = None, named: str | None = None, path: Path | None = None
) -> Layout:
    """Header rows and column kinds from the first rows of a table (header included)."""
    count = overrides.header_rows if overrides and overrides.header_rows else header_rows(rows)
    header, body = rows[:count], rows[count : count + SAMPLE_ROWS]
    columns: list[Column] = []
    used: dict[str, int] = {}
    for index, (code, question) in enumerate(column_names(header)):
        values = [row[index].strip() for row in body if index < len(row) and row[index].strip()]
        if not question and not values:
            continue
        question = question or f"column {index + 1}"
        name = shorten(question)
        used[name] = used.get(name, 0) + 1
        if used[name] > 1:
            name = f"{name} ({used[name]})"
        column = Column(index, name, question)
        column.kind, column.scale = classify(values, question, code)
        column.nps = column.kind == "score" and column.scale == (0, 10) and bool(_NPS_HINT.search(question))
        columns.append(column)
    chosen_by = "guess"
    if named is not None:
        match = _match(columns, named)
        if match is None:
            raise ResearchFileError(
                path or Path("table"), key="no_such_column", column=repr(named), columns=_list(columns)
            )
        for column in columns:
            column.kind = "open" if column is match else ("closed" if column.kind == "open" else column.kind)
        chosen_by = "named"
    elif overrides:
        for wanted, kind in [(w, "closed") for w in overrides.not_open] + [(w, "open") for w in overrides.open]:
            match = _match(columns, wanted)
            if match is None:
                raise ResearchFileError(
                    path or Path("table"), key="no_such_column", column=repr(wanted), columns=_list(columns)
                )
            match.kind = kind
        chosen_by = "sidecar"
    return Layout(count, columns, chosen_by)  # groups computed from the final kinds


def _list(columns: list[Column]) -> str:
    return ", ".join(column.name for column in columns)


def _match(columns: list[Column], wanted: str) -> Column | None:
    """A column by its code, its header, the start of a long header, or its letter ("C")."""
    folded = " ".join(wanted.split()).casefold()
    for test in (
        lambda c: c.question.casefold() == folded or c.name.casefold() == folded,
        lambda c: c.question.casefold().startswith(folded),
    ):
        found = [column for column in columns if test(column)]
        if found:
            return found[0]
    if re.fullmatch(r"[a-z]{1,2}", folded):
        from openpyxl.utils import column_index_from_string

        index = column_index_from_string(folded.upper()) - 1
        return next((column for column in columns if column.index == index), None)
    return None


def classify(values: list[str], question: str = "", code: str = "") -> tuple[str, tuple[int, int] | None]:
    """What a column holds, from its values and header: open answers, or something to filter on."""
    if not values:
        return "empty", None
    n = len(values)

    def share(pattern: re.Pattern) -> float:
        return sum(1 for value in values if pattern.match(value)) / n

    if share(_URL) >= 0.8:
        return "url", None
    if share(_DATE) >= 0.8:
        return "date", None
    if share(_NUMBER) >= 0.9:
        numbers = [float(value.replace(",", ".")) for value in values if _NUMBER.match(value)]
        whole = all(number.is_integer() for number in numbers)
        low, high = min(numbers), max(numbers)
        if whole and low >= 0 and high <= 10 and _SCORE_HINT.search(f"{question} {code}"):
            if low >= 1 and high <= 5:
                return "score", (1, 5)
            if low >= 1 and high <= 7:
                return "score", (1, 7)
            return "score", (0, 10)
        return ("id" if _ID_HINT.match(question) or _ID_HINT.match(code) else "number"), None
    if _ID_HINT.match(question) or _ID_HINT.match(code):
        return "id", None
    distinct = len(set(values))
    if distinct == n and n >= 5 and all(" " not in value for value in values) and min(map(len, values)) >= 6:
        return "id", None  # tokens, e-mail addresses, case numbers
    lengths = [len(value) for value in values]
    words = sum(len(value.split()) for value in values) / n
    lettered = sum(1 for value in values if _LETTERS.search(value)) / n
    varied = distinct / n >= 0.5 or distinct > 50
    if lettered >= 0.8 and varied and sum(lengths) / n >= 15 and words >= 3:
        return "open", None
    return "closed", None


# --- pieces -----------------------------------------------------------------------------------------------------


def row_pieces(table: Layout, row: list[str], number: int, prefix: str = "") -> list[dict]:
    """One piece per open answer in a row, with the question and the respondent's other answers as metadata."""
    width = len(row)
    pieces = []
    about: dict[str, str] | None = None
    for column in table.open:
        answer = row[column.index].strip() if column.index < width else ""
        if len(answer) < MIN_ANSWER_CHARS or answer.casefold().strip(" .!") in EMPTY_ANSWERS:
            continue
        if about is None:  # built once per row, and only for rows with an answer
            about = {name: row[index].strip() if index < width else "" for index, name in table.filters}
            about.update(score_metadata(table.scores, row))
        metadata = {**about, "question": column.name}
        if column.question != column.name:
            metadata["question_full"] = column.question
        location = f"{prefix}row {number}" if len(table.open) == 1 else f"{prefix}row {number}, {column.name}"
        pieces.append({"text": answer, "location": location, "kind": "table", "metadata": metadata})
    return pieces


def score_metadata(scores: Iterable[Column], row: list[str]) -> dict[str, str]:
    """The first score (NPS first) as `score_group` (detractor/passive/promoter for NPS; negative/neutral/
    positive otherwise) and `score_feeling` (-1 … +1), so a search can ask for detractors and the journey
    emotions can read it."""
    for column in scores:
        value = row[column.index].strip() if column.index < len(row) else ""
        if not _NUMBER.match(value):
            continue
        number = float(value.replace(",", "."))
        low, high = column.scale  # type: ignore[misc]
        feeling = max(-1.0, min(1.0, 2 * (number - low) / (high - low) - 1))
        if column.nps:
            group = "detractor" if number <= 6 else "passive" if number <= 8 else "promoter"
        else:
            group = "negative" if feeling < -0.2 else "positive" if feeling > 0.2 else "neutral"
        return {"score_group": group, "score_feeling": f"{feeling:.2f}", "score_question": column.name}
    return {}


def felt(metadata: dict[str, str]) -> float | None:
    """The respondent's own score as a feeling (-1 … +1), when the quote came with one."""
    try:
        return float(metadata["score_feeling"])
    except (KeyError, ValueError):
        return None


def table_pieces(table: Layout, rows: Iterator[tuple[int, list[str]]], prefix: str = "") -> Iterator[dict]:
    for number, row in rows:
        yield from row_pieces(table, row, number, prefix)


def text_column(rows: list[dict[str, str]]) -> str | None:
    """The first column of open answers in rows of {column: text} (None when there is none)."""
    columns = [key for key in rows[0] if key] if rows else []
    for column in columns:
        values = [(row.get(column) or "").strip() for row in rows[:SAMPLE_ROWS]]
        if classify([value for value in values if value], column)[0] == "open":
            return column
    return None
