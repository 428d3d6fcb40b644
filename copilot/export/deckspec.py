"""DeckSpec: what a deck says, as plain data. Only the renderer knows about python-pptx.

Slides that show items (cards, table rows, heatmap rows, chart points and categories) carry an `assumption`
flag per item and the label to mark them with, so every slide shows which items rest on no evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal


@dataclass
class Slide:
    title: str
    notes: str = ""


@dataclass
class TitleSlide(Slide):
    subtitle: str = ""


@dataclass
class SectionSlide(Slide):
    subtitle: str = ""


@dataclass
class AgendaRow:
    start: str  # "0:00"
    label: str
    minutes: int
    detail: str = ""


@dataclass
class AgendaSlide(Slide):
    rows: list[AgendaRow] = field(default_factory=list)


@dataclass
class Card:
    heading: str
    body: str = ""
    footer: str = ""
    assumption: bool = False


@dataclass
class CardsSlide(Slide):
    cards: list[Card] = field(default_factory=list)
    assumption_label: str = "Assumption"


@dataclass
class TableSlide(Slide):
    """Rows that do not fit one slide continue on the next ones, 'Title (2/3)', with the header repeated."""

    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)  # relative column widths; equal when empty
    assumptions: list[bool] = field(default_factory=list)  # per row; any True adds a marker column
    assumption_label: str = "Assumption"
    row_notes: list[str] = field(default_factory=list)  # per row, added to the notes of the slide it lands on
    fills: list[list[str | None]] = field(default_factory=list)  # per row, per column: a hex cell fill or None
    caption: str = ""  # one line above the table: what it is about


@dataclass
class CanvasSlide(TableSlide):
    """A step not drafted yet, as a handout: the question it answers (`caption`) over an empty table to fill in.

    `rows` may carry labels in their first cells (a blueprint's lanes); without rows, `blank_rows` empty ones."""

    blank_rows: int = 5


@dataclass
class ChartSeries:
    name: str
    values: list[float | None] = field(default_factory=list)  # one per category; None leaves a gap


@dataclass
class ChartPoint:
    """One item on a scatter or bubble chart, labelled on the chart."""

    label: str
    x: float
    y: float
    size: float = 1.0  # bubble size
    group: str = ""  # bubble charts: one series (one colour) per group, e.g. a stakeholder's stance
    assumption: bool = False


ChartKind = Literal["line", "scatter", "bubble", "bar"]


@dataclass
class ChartSlide(Slide):
    """A native, editable chart.

    line   — categories × series, e.g. the emotion curve over journey stages (y from y_min to y_max)
    bar    — categories × series, horizontal bars
    scatter— points on two 1–5 scales with four quadrant labels, e.g. impact/effort
    bubble — like scatter, one series per group in `groups` order, with a legend, e.g. power/interest by stance
    """

    kind: ChartKind = "line"
    categories: list[str] = field(default_factory=list)  # line, bar
    series: list[ChartSeries] = field(default_factory=list)  # line, bar
    category_assumptions: list[bool] = field(default_factory=list)  # line, bar: per category
    points: list[ChartPoint] = field(default_factory=list)  # scatter, bubble
    groups: list[str] = field(default_factory=list)  # bubble: legend order; groups not listed follow
    quadrants: list[str] = field(default_factory=list)  # scatter, bubble: top-left, top-right, bottom-left, -right
    x_title: str = ""
    y_title: str = ""
    y_min: float | None = None
    y_max: float | None = None
    x_min: float = 1
    x_max: float = 5  # scatter, bubble: the scale both axes run over (x_min..x_max)
    number_format: str = "General"
    caption: str = ""  # one line under the title: what to take away
    assumption_label: str = "Assumption"
    # scatter, bubble: names not placed on the scales yet, listed beside an empty grid under `waiting_label`
    waiting: list[str] = field(default_factory=list)
    waiting_label: str = ""


@dataclass
class HeatmapSlide(Slide):
    """Rows × columns of scores drawn as a table with cells coloured on a scale, e.g. ADKAR readiness."""

    columns: list[str] = field(default_factory=list)
    rows: list[str] = field(default_factory=list)
    values: list[list[int | None]] = field(default_factory=list)  # one list per row, one score per column
    scale_min: int = 1
    scale_max: int = 5
    scale_labels: tuple[str, str] = ("low", "high")
    corner: str = ""  # header of the row-label column
    assumptions: list[bool] = field(default_factory=list)  # per row
    assumption_label: str = "Assumption"


@dataclass
class ImageSlide(Slide):
    """A picture (PNG or JPEG, as a path or bytes) fitted inside the body, keeping its aspect ratio."""

    image: bytes | str | Path = b""
    caption: str = ""  # one line under the title


@dataclass
class BriefSlide(Slide):
    """A one-page brief: a statement, a lead line under it, up to three panels of short lists side by side and
    a small table below them. A table that does not fit continues on a slide of its own."""

    statement: str = ""
    lead: str = ""
    panels: list[Card] = field(default_factory=list)
    table: TableSlide | None = None
    assumption_label: str = "Assumption"


@dataclass
class Deck:
    title: str
    language: str
    slides: list[Slide] = field(default_factory=list)
