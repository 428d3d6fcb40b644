"""Scatter and bubble charts as a 2×2 matrix: impact/effort, power/interest.

The axes cross in the middle of the scale, dividing the plot into quadrants whose names sit in its corners.
Points carry their names; beyond a dozen they carry numbers, with the names in a key beside the chart.
Points on the same score are spread on a small circle so none hides another. A bubble chart has one series
per group (a stakeholder's stance), coloured along the engagement scale, with a legend.
"""

from __future__ import annotations

import math
from collections import defaultdict

from pptx.chart.data import BubbleChartData, XyChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_MARKER_STYLE, XL_TICK_LABEL_POSITION, XL_TICK_MARK
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.text import PP_ALIGN
from pptx.util import Pt

from copilot import palette
from copilot.export.chart_parts import AXIS, LABEL_SIZE, MARK, axis_title, fixed_plot_area, legend, new_chart
from copilot.export.deckspec import ChartPoint, ChartSlide
from copilot.export.drawing import text_box
from copilot.export.fit import LINE_SPACING, text_width
from copilot.export.text import clip, shorten
from copilot.export.theme import Box, Style, blend

# the plot area of scatter and bubble charts, as fractions of the chart frame: x, y, w, h
PLOT = (0.05, 0.03, 0.93, 0.84)
# stakeholder stances, in the order of the engagement scale, with colours that read as that scale
STANCES = [
    (("unaware", "onbewust", "onbekend", "niet op de hoogte"), palette.STANCES["unaware"]),
    (("resistant", "weerstand", "tegen", "resistent", "tegenstander"), palette.STANCES["resistant"]),
    (("neutral", "neutraal"), palette.STANCES["neutral"]),
    (("supportive", "steunend", "ondersteunend", "positief", "voorstander"), palette.STANCES["supportive"]),
    (("leading", "leidend", "trekker", "voortrekker"), palette.STANCES["leading"]),
]
NAMED_POINTS = 12  # up to this many points carry their names; more are numbered, with a key beside the chart
KEY_WIDTH = 3.0


def matrix_chart(slide, spec: ChartSlide, box: Box, style: Style):
    """A scatter or bubble chart of `spec.points` in `box`."""
    bubble = spec.kind == "bubble"
    crowd = max(1, len(spec.points) // 10)
    points = spread(spec.points, (spec.x_max - spec.x_min) * 0.06 * min(crowd, 2))
    # many points, or names that would run into each other: numbers on the chart, names in a key beside it
    numbered = len(spec.points) > NAMED_POINTS or overlapping(label_boxes(spec, box, points))
    if numbered or spec.waiting:
        key = Box(box.right - KEY_WIDTH, box.y, KEY_WIDTH, box.h)
        box = Box(box.x, box.y, box.w - KEY_WIDTH - 0.25, box.h)
        _key(slide, spec, key, style)
    # a chart needs a series: an empty grid gets one without points
    groups = (_groups(spec) if bubble else _scatter_groups(spec)) or [("–", lambda p: False)]
    data = BubbleChartData() if bubble else XyChartData()
    numbers = range(1, len(spec.points) + 1)
    members = [
        [(n, p, xy) for n, p, xy in zip(numbers, spec.points, points, strict=True) if in_group(p)]
        for _, in_group in groups
    ]
    longest = max(1, *(len(m) for m in members))
    for (name, _), chosen in zip(groups, members, strict=True):
        series = data.add_series(name)
        for _, point, (x, y) in chosen:
            if bubble:
                series.add_data_point(x, y, max(point.size, 0.01))
            else:
                series.add_data_point(x, y)
        # LibreOffice drops every series that comes before a longer one; empty points even them out
        for _ in range(longest - len(chosen)):
            if bubble:
                series.add_data_point(None, None, None)
            else:
                series.add_data_point(None, None)
    kind = XL_CHART_TYPE.BUBBLE if bubble else XL_CHART_TYPE.XY_SCATTER
    chart = new_chart(slide, kind, box, data, style)
    plot = chart.plots[0]
    if bubble:
        # numbers sit inside the bubbles, so smaller bubbles leave the quadrant names and each other free
        plot.bubble_scale = 20 if len(spec.points) > NAMED_POINTS else 28 if numbered else 40
    half = (spec.x_max - spec.x_min) * (0.16 if bubble else 0.12)  # room for markers at the scale's ends
    for axis, title in ((chart.category_axis, spec.x_title), (chart.value_axis, spec.y_title)):
        axis.minimum_scale, axis.maximum_scale = spec.x_min - half, spec.x_max + half
        axis.crosses_at = (spec.x_min + spec.x_max) / 2  # the axes divide the plot into four quadrants
        axis.major_unit = 1
        axis.has_major_gridlines = False
        axis.tick_label_position = XL_TICK_LABEL_POSITION.NONE
        axis.major_tick_mark = XL_TICK_MARK.NONE
        axis.format.line.color.rgb = RGBColor.from_string(AXIS)
        axis.format.line.width = Pt(1)
        axis_title(axis, title, style)
    for index, (series, chosen) in enumerate(zip(plot.series, members, strict=True)):
        colour = _group_colour(groups[index][0], index, style, bubble, spec.assumption_label)
        _point_series(series, chosen, colour, bubble, style, spec.x_max, numbered)
    legend(chart, bubble and bool(spec.points))  # scatter: the footnote explains the light assumption markers
    fixed_plot_area(chart, PLOT)
    _quadrant_labels(slide, spec, box, style)
    return chart


def _key(slide, spec: ChartSlide, box: Box, style: Style) -> None:
    """Numbered names of the points, in as many columns as it takes to stay at a readable size; then the names
    still to place, under their heading."""
    entries = [
        f"{n}{MARK.strip() if p.assumption else ''}  {' '.join(p.label.split()) or '–'}"
        for n, p in enumerate(spec.points, start=1)
    ]
    if spec.waiting:
        entries += [
            *([""] if entries else []),
            spec.waiting_label,
            *(f"–  {' '.join(w.split())}" for w in spec.waiting),
        ]
    size = 10
    columns = 1
    while len(entries) / columns * size * LINE_SPACING / 72 > box.h - 0.1 and columns < 3:
        columns += 1
    rows = -(-len(entries) // columns)
    gap = 0.15
    width = (box.w - gap * (columns - 1)) / columns
    inner = (width - 0.04) * 0.97
    for column in range(columns):
        lines = [_one_line(entry, size, inner) for entry in entries[column * rows : (column + 1) * rows]]
        text_box(
            slide,
            Box(box.x + column * (width + gap), box.y, width, box.h),
            "\n".join(lines),
            size,
            style,
            colour=style.ink,
            min_size=9,
        )


def _one_line(text: str, size: float, width: float) -> str:
    limit = len(text)
    clipped = text
    while limit > 4 and text_width(clipped, size) > width:
        limit -= 1
        clipped = clip(text, limit)
    return clipped


def _scatter_groups(spec: ChartSlide):
    groups = []
    if any(not p.assumption for p in spec.points):
        groups.append((spec.title.split(" (")[0], lambda p: not p.assumption))
    if any(p.assumption for p in spec.points):
        groups.append((spec.assumption_label, lambda p: p.assumption))
    return groups


def _groups(spec: ChartSlide):
    """One series per group, in the order given, then the stance scale, then first appearance."""
    present = list(dict.fromkeys(p.group or "–" for p in spec.points))

    def rank(name: str) -> tuple[int, int]:
        if name in spec.groups:
            return (0, spec.groups.index(name))
        stance = _stance(name)
        return (1, stance) if stance is not None else (2, present.index(name))

    return [(name, (lambda p, name=name: (p.group or "–") == name)) for name in sorted(present, key=rank)]


def _stance(name: str) -> int | None:
    key = name.strip().casefold()
    return next((i for i, (names, _) in enumerate(STANCES) if key in names), None)


def _group_colour(name: str, index: int, style: Style, bubble: bool, assumption_label: str) -> str:
    if not bubble:
        return style.warning if name == assumption_label else style.accent
    stance = _stance(name)
    return STANCES[stance][1] if stance is not None else style.palette[index % len(style.palette)]


def _point_series(series, chosen, colour: str, bubble: bool, style: Style, x_max: float, numbered: bool) -> None:
    rgb = RGBColor.from_string(colour)
    light = colour == style.warning and not bubble
    if bubble:
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = RGBColor.from_string(blend(colour, "FFFFFF", 0.15))
        series.format.line.color.rgb = RGBColor.from_string("FFFFFF")
    else:
        series.format.line.fill.background()  # no line between the points
        series.marker.style = XL_MARKER_STYLE.CIRCLE
        series.marker.size = 13
        series.marker.format.fill.solid()
        series.marker.format.fill.fore_color.rgb = RGBColor.from_string(
            blend(colour, "FFFFFF", 0.6) if light else colour
        )
        series.marker.format.line.color.rgb = rgb
        series.marker.format.line.width = Pt(2)
    for index, (number, point, (x, _)) in enumerate(chosen):
        target = series.points[index]
        fill = blend(colour, "FFFFFF", 0.15)
        if bubble and point.assumption:
            fill = blend(colour, "FFFFFF", 0.6)
            target.format.fill.solid()
            target.format.fill.fore_color.rgb = RGBColor.from_string(fill)
            target.format.line.color.rgb = RGBColor.from_string(style.warning)
            target.format.line.width = Pt(2)
            target.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        label = target.data_label
        label.has_text_frame = True
        mark = MARK.strip() if numbered else MARK
        label.text_frame.text = (str(number) if numbered else shorten(point.label, 32)) + (
            mark if point.assumption else ""
        )
        left = _on_left(x, point, x_max)
        label.position = XL_LABEL_POSITION.LEFT if left else XL_LABEL_POSITION.RIGHT
        if numbered and bubble:
            label.position = XL_LABEL_POSITION.CENTER
        run = label.text_frame.paragraphs[0].runs[0]
        run.font.size = Pt(LABEL_SIZE)
        run.font.bold = numbered
        run.font.color.rgb = RGBColor.from_string(style.on(fill) if numbered and bubble else style.ink)


def _on_left(x: float, point: ChartPoint, x_max: float) -> bool:
    """A name goes left of its point near the right edge, and left of the lower-left one of a spread-out pair."""
    return x > x_max - 0.75 or (x < point.x and x_max - point.x > 0.75)


def label_boxes(
    spec: ChartSlide, box: Box, positions: list[tuple[float, float]]
) -> list[tuple[float, float, float, float]]:
    """Where each point's name lands on the slide (left, top, right, bottom, in inches) when points carry
    their names: beside the point's marker or bubble, one line at the label size, as `_point_series` sets it."""
    bubble = spec.kind == "bubble"
    half = (spec.x_max - spec.x_min) * (0.16 if bubble else 0.12)
    low, high = spec.x_min - half, spec.x_max + half
    px, py, pw, ph = box.x + PLOT[0] * box.w, box.y + PLOT[1] * box.h, PLOT[2] * box.w, PLOT[3] * box.h
    largest = max((p.size for p in spec.points), default=1.0) or 1.0
    line = LABEL_SIZE * LINE_SPACING / 72
    boxes = []
    for point, (x, y) in zip(spec.points, positions, strict=True):
        cx = px + (x - low) / (high - low) * pw
        cy = py + (1 - (y - low) / (high - low)) * ph
        # a bubble's radius at bubble scale 40: largest bubble a quarter of the plot's smaller side across
        radius = 0.4 * 0.25 * min(pw, ph) / 2 * math.sqrt(max(point.size, 0.01) / largest) if bubble else 6.5 / 72
        width = text_width(shorten(point.label, 32) + (MARK if point.assumption else ""), LABEL_SIZE) + 0.1
        gap = radius + 0.04
        left = cx - gap - width if _on_left(x, point, spec.x_max) else cx + gap
        boxes.append((left, cy - line / 2, left + width, cy + line / 2))
    return boxes


def overlapping(boxes: list[tuple[float, float, float, float]]) -> bool:
    """Whether any two boxes overlap."""
    return any(
        a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3] for i, a in enumerate(boxes) for b in boxes[i + 1 :]
    )


def spread(points: list[ChartPoint], radius: float) -> list[tuple[float, float]]:
    """Point positions with exact duplicates (1–5 scores collide often) spread on a small circle."""
    at: dict[tuple[float, float], list[int]] = defaultdict(list)
    for index, point in enumerate(points):
        at[(point.x, point.y)].append(index)
    positions = [(p.x, p.y) for p in points]
    for (x, y), indexes in at.items():
        if len(indexes) < 2:
            continue
        for n, index in enumerate(indexes):
            angle = 2 * math.pi * n / len(indexes) + math.pi / 4
            positions[index] = (x + radius * math.cos(angle), y + radius * math.sin(angle))
    return positions


def _quadrant_labels(slide, spec: ChartSlide, box: Box, style: Style) -> None:
    if len(spec.quadrants) != 4:
        return
    px, py, pw, ph = box.x + PLOT[0] * box.w, box.y + PLOT[1] * box.h, PLOT[2] * box.w, PLOT[3] * box.h
    width, height = pw / 2 - 0.3, 0.34
    corners = [
        (px + 0.12, py + 0.08, PP_ALIGN.LEFT),
        (px + pw - 0.12 - width, py + 0.08, PP_ALIGN.RIGHT),
        (px + 0.12, py + ph - 0.08 - height, PP_ALIGN.LEFT),
        (px + pw - 0.12 - width, py + ph - 0.08 - height, PP_ALIGN.RIGHT),
    ]
    for label, (x, y, align) in zip(spec.quadrants, corners, strict=True):
        if label:
            text_box(slide, Box(x, y, width, height), label, 12, style, bold=True, colour=style.muted, align=align)
