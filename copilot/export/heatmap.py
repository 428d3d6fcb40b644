"""Heatmap slides: rows × columns of scores as a native table, each cell filled on a colour scale with its value
written in it, and a small legend of the scale underneath."""

from __future__ import annotations

from pptx.enum.text import MSO_ANCHOR, PP_ALIGN

from copilot.export.deckspec import HeatmapSlide
from copilot.export.drawing import rect, text_box
from copilot.export.tables import (
    MIN_ROW,
    at_least,
    draw_table,
    fit_row,
    header_minimums,
    mark_width,
    row_height,
    scale_colour,
    split,
)
from copilot.export.theme import Box, Style

SIZE = 12
LEGEND_HEIGHT = 0.45  # under the table


def columns(spec: HeatmapSlide, box: Box) -> list[float]:
    """Widths in inches: the row labels, a column per score, and the assumption marker column if needed."""
    n = max(len(spec.columns), 1)
    extra = mark_width(spec.assumption_label, SIZE) if any(spec.assumptions) else 0
    label = min(box.w * 0.32, max(2.2, box.w - extra - n * 1.6))
    score = (box.w - extra - label) / n
    widths = [label, *([score] * n), *([extra] if extra else [])]
    minimums = header_minimums(header(spec), SIZE)
    if extra:
        minimums[-1] = extra  # the marker column keeps the width its label needs
    return at_least(widths, minimums)


def header(spec: HeatmapSlide) -> list[str]:
    return [spec.corner, *spec.columns, *([""] if any(spec.assumptions) else [])]


def labels(spec: HeatmapSlide, box: Box) -> list[str]:
    """Row labels, shortened where one would take more than a few lines."""
    width = columns(spec, box)[0]
    return [fit_row([label], [width], SIZE, 1.2)[0] for label in spec.rows]


def pages(spec: HeatmapSlide, box: Box) -> list[list[int]]:
    """Row indexes per slide, by measured row heights."""
    widths = columns(spec, box)
    heights = [row_height([label], widths[:1], SIZE) for label in labels(spec, box)]
    top = row_height(header(spec), widths, SIZE, bold=True)
    return split(heights, box.h - top - LEGEND_HEIGHT)


def draw(slide, spec: HeatmapSlide, box: Box, style: Style) -> bool:
    """Draw the heatmap into `box`; False when it has no rows."""
    if not spec.rows:
        return False
    widths = columns(spec, box)
    marked = any(spec.assumptions)
    n = len(spec.columns)
    rows, fills = [], []
    for i, label in enumerate(labels(spec, box)):
        values = (list(spec.values[i] if i < len(spec.values) else []) + [None] * n)[:n]
        mark = [spec.assumption_label if i < len(spec.assumptions) and spec.assumptions[i] else ""] if marked else []
        rows.append([label, *("–" if v is None else str(v) for v in values), *mark])
        fills.append([None, *(scale_colour(v, spec.scale_min, spec.scale_max) for v in values), None])
    top = row_height(header(spec), widths, SIZE, bold=True)
    room = (box.h - top - LEGEND_HEIGHT) / len(rows)
    tallest = max(row_height(r, widths, SIZE) for r in rows)
    # few rows: taller cells rather than an empty lower half, never more than the slide holds
    stretch = min(0.7, room) if tallest <= room else 0
    shape = draw_table(
        slide,
        box,
        header(spec),
        rows,
        widths,
        style,
        SIZE,
        fills=fills,
        align=[PP_ALIGN.LEFT, *([PP_ALIGN.CENTER] * n), PP_ALIGN.LEFT],
        marks=[r[-1] for r in rows] if marked else None,
        min_row=max(MIN_ROW, stretch),
        anchor=MSO_ANCHOR.MIDDLE,
    )
    _legend(slide, spec, box, box.y + shape.height / 914400 + 0.15, style)
    return True


def _legend(slide, spec: HeatmapSlide, box: Box, y: float, style: Style) -> None:
    """'low [1][2][3][4][5] high', right-aligned under the table."""
    steps = list(range(spec.scale_min, spec.scale_max + 1))
    swatch, gap, label_width = 0.42, 0.04, 1.4
    low, high = spec.scale_labels
    x = box.right - len(steps) * (swatch + gap) - 2 * (label_width + 0.1)
    text_box(slide, Box(x, y, label_width, 0.3), low, 10, style, colour=style.muted, align=PP_ALIGN.RIGHT)
    x += label_width + 0.1
    for step in steps:
        rect(slide, Box(x, y, swatch, 0.3), scale_colour(step, spec.scale_min, spec.scale_max))
        text_box(slide, Box(x, y, swatch, 0.3), str(step), 10, style, bold=True, align=PP_ALIGN.CENTER)
        x += swatch + gap
    text_box(slide, Box(x + 0.06, y, label_width, 0.3), high, 10, style, colour=style.muted)
