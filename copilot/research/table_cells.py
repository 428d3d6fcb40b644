"""Personal data in the cells of a pasted table (issue 19): agent notes and exports come as `;`, `,`, tab or
`|` separated rows.

- a header that names a column ("klantnr;naam;tel", "Customer | Account no | Notes") makes every value under
  it that kind: a name column's values are names, a customer-number column's values customer numbers
- without such a header, a cell holding nothing but two to four capitalised name words, one of them a listed
  first name or surname, is a name ("12-03 | Mei Ling Tan | opzegging")
"""

from __future__ import annotations

import re

from copilot.research.name_words import LOCALES, PAIRED_LOCALES, PLACES, _common, _everyday, _lists, _places

SEPARATORS = (";", "|", "\t", ",")
PARTICLE_WORDS = frozenset("van der den de het ter ten el al da du le la".split())
NAME_HEADER = re.compile(
    r"(?i:naam|name|klantnaam|klant|customer|customer name|full name|volledige naam|contact|contactpersoon|beller|"
    r"caller|client|cliënt|huurder|tenant|deelnemer|respondent|aanvrager|applicant|medewerker|agent)"
)
ID_HEADER = re.compile(
    r"(?i:klantnr\.?|klantnummer|knr\.?|klant ?id|customer ?(?:no\.?|nr\.?|number|id)|cust ?(?:no\.?|id)|"
    r"acct\.?(?: no\.?)?|"
    r"account(?: ?(?:no\.?|nr\.?|number|id))?|polis(?:nummer|nr\.?)?|policy(?: no\.?| number)?|lidnummer|lidnr\.?|"
    r"member(?:ship)? (?:no\.?|number|id)|contractnummer|relatienummer|debiteurnummer)"
)
NAME_CELL = re.compile(
    r"[A-ZÀ-ÖØ-Þ\u0100-\u017f](?:\.|[\w'’-]+)(?: (?:van der|van den|van de|van|de|den|der|ter|ten|el|al|da|du|le|la) ?"
    r"| )[A-ZÀ-ÖØ-Þ\u0100-\u017f][\w'’-]+(?: [A-ZÀ-ÖØ-Þ\u0100-\u017f][\w'’-]+){0,2}"
)


def table_cells(text: str, language: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the names and customer numbers in a table's cells."""
    found: list[tuple[int, int, str]] = []
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    columns: dict[int, str] = {}
    separator = ""
    for offset, line in lines:
        sep = next((s for s in SEPARATORS if line.count(s) >= 2 or s in ";|\t" and line.count(s) >= 1), "")
        if not sep:
            columns, separator = {}, ""
            continue
        cells = list(_cells(line, sep, offset))
        kinds = {i: _header_kind(cell) for i, (_, _, cell) in enumerate(cells)}
        if any(kinds.values()) and all(
            kind or not re.search(r"\d", cell) for kind, (_, _, cell) in zip(kinds.values(), cells, strict=True)
        ):
            columns, separator = {i: k for i, k in kinds.items() if k}, sep  # a header row
            continue
        for index, (start, end, cell) in enumerate(cells):
            kind = columns.get(index) if sep == separator else None
            if kind == "name" and _in_name_column(cell, language):
                found.append((start, end, "name"))
            elif kind == "customer_id" and sum(char.isdigit() for char in cell) >= 4:
                found.append((start, end, "customer_id"))
            elif kind in {None, "name"} and sep in "|;\t" and _name_cell(cell, language):
                found.append((start, end, "name"))
    return found


def _cells(line: str, sep: str, offset: int):
    position = 0
    for raw in line.split(sep):
        stripped = raw.strip()
        start = offset + position + (len(raw) - len(raw.lstrip()))
        position += len(raw) + len(sep)
        yield start, start + len(stripped), stripped


def _header_kind(cell: str) -> str | None:
    if ID_HEADER.fullmatch(cell):
        return "customer_id"
    if NAME_HEADER.fullmatch(cell):
        return "name"
    return None


def _in_name_column(cell: str, language: str | None) -> bool:
    """ "Y. Çelik", "ruud meijer", but not "Storing Noord" or "onbekend": no everyday word that no list knows."""
    if not re.search(r"[^\W\d_]", cell) or re.search(r"\d|@", cell) or len(cell.split()) > 5:
        return False
    first_names, surnames = _lists(LOCALES + PAIRED_LOCALES)
    words = [word.strip(".,") for word in cell.split() if len(word.strip(".,")) > 1]
    return all(
        word.capitalize() in first_names or word.capitalize() in surnames or word.lower() in PARTICLE_WORDS
        or not (_common(word, language) or _everyday(word, language, 4.0))
        for word in words
    )  # fmt: skip


def _name_cell(cell: str, language: str | None) -> bool:
    if not NAME_CELL.fullmatch(cell):
        return False
    first_names, surnames = _lists(LOCALES + PAIRED_LOCALES)
    words = [word for word in cell.split() if word[0].isupper()]
    if any(_common(word, language) or word in PLACES or word in _places() for word in words):
        return False
    return any(word in first_names or word in surnames for word in words)
