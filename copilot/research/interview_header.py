"""The header researchers put above an interview: when, where, how long, who was there.

    # Interview 01 — mevrouw Kooistra (81)
    Datum: 3 september 2026, bij haar thuis. Duur: 55 minuten.
    Interviewer: Anouk (CX-team)

    I: Hoe lang woont u hier al?

"Datum: …" looks like a turn by someone called Datum, and "Interviewer: Anouk" like a question. Read as turns,
the setting became a customer's quote (and a transcript with a speaker "Datum" lost its Q&A reading). The
header is context for every turn of the file, never evidence.
"""

from __future__ import annotations

import re

from copilot.research.qa_notes import is_marker

# labels a header line starts with, Dutch and English; a person called "Datum" or "Location" is not expected
HEADER_LABELS = frozenset(
    """datum date tijd time tijdstip locatie location plaats place setting omgeving duur duration lengte length
    onderwerp subject topic thema project kanaal channel opname recording notulist notetaker note-taker verslag
    transcript transcriptie bron source segment leeftijd age woonplaats beroep occupation functie aanwezig
    aanwezigen present attendees deelnemers participants methode method versie version status gespreksleider
    doelgroep persona profiel profile klantgroep organisatie organisation organization afdeling department""".split()
)
# "Datum: 3 september", "**Date:** 3 September", "__Duur__: 55 min"
_BOLD = r"(?:\*\*|__)?"
_LINE = re.compile(
    rf"^{_BOLD}(?P<label>[A-Za-z\u00C0-\u017F][\w\u00C0-\u017F -]{{0,30}}?)\s*{_BOLD}:{_BOLD}\s+(?P<text>\S.*)$"
)
MAX_PERSON_LINE = 80  # "Respondent: Ruud (52) en Linda (48), huurders" — a name line, not an answer


def split_header(lines: list[str]) -> tuple[list[str], list[str]]:
    """(the header lines, the other lines) of a file's lines after its title.

    The header is the run of lines at the top (up to a blank line or the first other line) that start with a
    header label or name a person ("Interviewer: Anouk"), when at least one starts with a header label."""
    start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    end = start
    while end < len(lines) and (match := _LINE.match(lines[end].strip())) and _in_header(match):
        end += 1
    block = [line.strip() for line in lines[start:end]]
    if not any(_header_label(_LINE.match(line)["label"]) for line in block):
        return [], lines
    return block, lines[:start] + lines[end:]


def _in_header(match: re.Match) -> bool:
    return _header_label(match["label"]) or _names_a_person(match)


def _header_label(label: str) -> bool:
    return label.strip().casefold() in HEADER_LABELS


def _names_a_person(match: re.Match) -> bool:
    """ "Interviewer: Anouk (CX-team)" in a header names who asked; "I: Hoe ging dat?" is the first question."""
    label, text = match["label"].strip(), match["text"].strip()
    # written out ("Interviewer", "Respondent"): a lone "I:" or "R:" at the top is already a turn
    return len(label) > 2 and is_marker(label) and len(text) <= MAX_PERSON_LINE and not text.endswith("?")
