"""Figures for the AI-03 calculator from a contact-centre export in the research: how many contacts a year (the
rows, scaled by the dates they span), how long a contact takes (the duration column), and which share of the
contacts an idea is about (a contact reason sharing a word with the idea).

A contact export is a table whose rows carry a reason column (contactreden, reason, onderwerp …) and a channel,
date or duration column; the loaders keep such columns as each row's metadata. Every figure says which rows it
counted, so the case can cite them.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from copilot.research.chunks import Chunk
from copilot.research.compounds import parts
from copilot.research.stopwords import words as stopwords

_REASON = re.compile(r"contactreden|reden|reason|onderwerp|topic|categor|intent|subject|motief", re.IGNORECASE)
_NOT_REASON = re.compile(r"code|(^|_)id$|nummer|number", re.IGNORECASE)
_DATE = re.compile(r"datum|date|timestamp|tijdstip|created|aangemaakt|start", re.IGNORECASE)
_DURATION = re.compile(
    r"duur|duration|handle|afhandel|aht|gesprekstijd|talk|seconds|seconden|minuten|minutes"
)  # lowercase
_CHANNEL = re.compile(r"kanaal|channel", re.IGNORECASE)
_MINUTES_UNIT = re.compile(r"min", re.IGNORECASE)
_SECONDS_UNIT = re.compile(r"sec|(^|_)s$|\(s\)", re.IGNORECASE)
_CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,3}):(\d{2})$")
_WORD = re.compile(r"[^\W\d_]{4,}")
STEM = 6  # "termijnadvies" and "termijnbedrag" meet in "termij"
# words in nearly every idea and every contact reason: they would match everything
GENERIC = frozenset(
    "klant klanten customer customers contact contacten contacts vraag vragen question questions idee idea "
    "nieuw nieuwe new beter better service proces process".split()
)
MIN_SPAN_DAYS = 7  # fewer days say nothing about a year
MONTH_DAYS = 14  # a month needs this many days in the export to count as one of the months compared
MIN_DURATIONS = 10  # the matched contacts' own durations once there are this many, else all contacts'
Z90 = 1.645  # the share's range is a 90 % interval: the export is one period of many


@dataclass
class ContactRow:
    chunk: Chunk
    reason: str
    when: date | None = None
    minutes: float | None = None


@dataclass
class ContactExport:
    rows: list[ContactRow]
    sources: list[str] = field(default_factory=list)
    duration_column: str = ""

    @property
    def first(self) -> date | None:
        return min((r.when for r in self.rows if r.when), default=None)

    @property
    def last(self) -> date | None:
        return max((r.when for r in self.rows if r.when), default=None)


def contact_export(chunks: Iterable[Chunk]) -> ContactExport | None:
    """The rows of the research's contact exports (one row once, however its text was cut), or None."""
    rows: dict[tuple[str, str], ContactRow] = {}
    duration_columns = Counter()
    for chunk in chunks:
        if chunk.kind != "table" or (chunk.source, chunk.location) in rows:
            continue
        row = _row(chunk)
        if row is not None:
            rows[(chunk.source, chunk.location)] = row
            duration_columns.update([key for key in chunk.metadata if _DURATION.search(key.lower())][:1])
    if not rows:
        return None
    found = list(rows.values())
    sources = list(dict.fromkeys(r.chunk.source for r in found))
    column = duration_columns.most_common(1)[0][0] if duration_columns else ""
    return ContactExport(found, sources, column)


def _row(chunk: Chunk) -> ContactRow | None:
    meta = chunk.metadata
    reasons = [key for key in meta if _REASON.search(key) and not _NOT_REASON.search(key) and meta[key].strip()]
    text_is_reason = bool(_REASON.search(meta.get("question", "")))  # the reason column was read as the text
    if not reasons and not text_is_reason:
        return None
    other = [key for key in meta if _CHANNEL.search(key) or _DATE.search(key) or _DURATION.search(key.lower())]
    if not other:
        return None  # a survey with a "reason" question is no contact export
    reason = meta[reasons[0]].strip() if reasons else chunk.text
    when = next((d for key in meta if _DATE.search(key) and (d := parse_date(meta[key]))), None)
    minutes = next(
        (m for key in meta if _DURATION.search(key.lower()) and (m := parse_minutes(meta[key], key)) is not None),
        None,
    )
    return ContactRow(chunk, reason, when, minutes)


def parse_date(text: str) -> date | None:
    text = text.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for pattern in ("%d-%m-%Y", "%d/%m/%Y", "%d-%m-%Y %H:%M", "%d/%m/%Y %H:%M", "%d-%m-%Y %H:%M:%S"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def parse_minutes(text: str, column: str = "") -> float | None:
    """A duration in minutes: "4:05" (m:ss), "1:02:30" (h:mm:ss), or a number in the column's unit (minutes
    when it says "min", else seconds when it says "sec"/"s", else seconds when above 30 — nobody's average call
    takes more than half an hour, many take more than 30 seconds)."""
    text = text.strip().replace(",", ".")
    if clock := _CLOCK.match(text):
        hours, minutes, seconds = (int(g) if g else 0 for g in clock.groups())
        return hours * 60 + minutes + seconds / 60
    try:
        value = float(text)
    except ValueError:
        return None
    if value < 0 or not math.isfinite(value):
        return None
    if _MINUTES_UNIT.search(column):
        return value
    if _SECONDS_UNIT.search(column) or value > 30:
        return value / 60
    return value


# --- the figures ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A range computed from rows, with what a person needs to check it."""

    low: float
    high: float
    detail: dict[str, object]  # the numbers behind it, for the wording in the locales


def contacts_per_year(export: ContactExport) -> Figure | None:
    """The rows scaled from the days they span to a year; the range is the quietest and the busiest month
    (months with at least `MONTH_DAYS` days in the export), or the one rate when fewer than two."""
    first, last = export.first, export.last
    dated = [r for r in export.rows if r.when]
    if first is None or last is None:
        return None
    days = (last - first).days + 1
    if days < MIN_SPAN_DAYS:
        return None
    rate = len(dated) * 365 / days
    months = Counter((r.when.year, r.when.month) for r in dated)
    rates = []
    for (year, month), count in months.items():
        covered = _days_in_export(year, month, first, last)
        if covered >= MONTH_DAYS:
            rates.append(count * 365 / covered)
    low, high = (min(rates), max(rates)) if len(rates) >= 2 else (rate, rate)
    low, high = min(low, rate), max(high, rate)
    return Figure(round(low), round(high), {"rows": len(dated), "days": days, "first": first, "last": last})


def _days_in_export(year: int, month: int, first: date, last: date) -> int:
    start = max(first, date(year, month, 1))
    end = min(last, date.fromordinal(_month_end(year, month)))
    return max(0, (end - start).days + 1)


def _month_end(year: int, month: int) -> int:
    following = date(year + (month == 12), month % 12 + 1, 1)
    return following.toordinal() - 1


def minutes_per_contact(rows: list[ContactRow], everyone: list[ContactRow]) -> Figure | None:
    """From the median to the mean duration (an average is what adds up; the median says what is typical) of
    the matched rows when there are enough, else of all rows."""
    timed = [r.minutes for r in rows if r.minutes is not None]
    whose = "matched"
    if len(timed) < MIN_DURATIONS:
        timed, whose = [r.minutes for r in everyone if r.minutes is not None], "all"
    if len(timed) < MIN_DURATIONS:
        return None
    median, mean = statistics.median(timed), statistics.fmean(timed)
    q1, _, q3 = statistics.quantiles(timed, n=4)
    return Figure(
        round(min(median, mean), 1),
        round(max(median, mean), 1),
        {"n": len(timed), "median": median, "mean": mean, "q1": q1, "q3": q3, "whose": whose},
    )


def share_affected(matched: int, total: int) -> Figure | None:
    """The matched share as a 90 % Wilson interval, in percent: 23 of 168 is 14 %, somewhere in 10–19 %."""
    if total == 0 or matched == 0:
        return None
    p, n = matched / total, total
    centre = (p + Z90**2 / (2 * n)) / (1 + Z90**2 / n)
    half = Z90 * math.sqrt(p * (1 - p) / n + Z90**2 / (4 * n * n)) / (1 + Z90**2 / n)
    low, high = max(0.0, centre - half), min(1.0, centre + half)
    return Figure(round(100 * low, 1), round(100 * high, 1), {"matched": matched, "total": total, "share": 100 * p})


# --- which contacts an idea is about -------------------------------------------------------------------------


def stems(text: str) -> set[str]:
    """The word stems an idea or a contact reason is about: content words cut to `STEM` letters, and the
    parts of Dutch compounds ("termijnbedrag" is about "termijn" and "bedrag")."""
    found = set()
    skip = stopwords() | GENERIC
    for word in _WORD.findall(text.lower()):
        if word in skip:
            continue
        found.add(word[:STEM])
        found.update(part[:STEM] for part in parts(word) if len(part) >= 4 and part not in skip)
    return found


def matching(export: ContactExport, about: str) -> tuple[list[ContactRow], list[str]]:
    """The rows whose reason shares a word stem with `about`, and the reasons that matched (most rows first)."""
    wanted = stems(about)
    if not wanted:
        return [], []
    verdict: dict[str, bool] = {}
    rows = []
    for row in export.rows:
        if row.reason not in verdict:
            verdict[row.reason] = bool(stems(row.reason) & wanted)
        if verdict[row.reason]:
            rows.append(row)
    reasons = [reason for reason, _ in Counter(r.reason for r in rows).most_common()]
    return rows, reasons


def spread(rows: list[ContactRow], n: int) -> list[Chunk]:
    """`n` rows spread over the list: the ones a case cites."""
    return [row.chunk for row in evenly(rows, n)]


def evenly(items: list, n: int) -> list:
    """`n` items spread over the list: the first, the last and evenly between (all of them when fewer)."""
    if len(items) <= n:
        return list(items)
    step = (len(items) - 1) / (n - 1)
    return [items[round(i * step)] for i in range(n)]
