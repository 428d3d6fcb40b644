"""Native, editable PowerPoint charts for ChartSlides: line (emotion curve), scatter (impact/effort 2×2),
bubble (power/interest by stance) and bar.

LibreOffice draws what PowerPoint does only when formatting is explicit, so marker size and fill are set per
series, and category labels of line charts sit LOW (below the plot, not on the zero line). Scatter and bubble
charts live in `matrix`.
"""

from __future__ import annotations

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_MARKER_STYLE, XL_TICK_LABEL_POSITION, XL_TICK_MARK
from pptx.util import Pt

from copilot.export.chart_parts import AXIS, LABEL_SIZE, MARK, axis_title, data_labels, legend, new_chart, value_axis
from copilot.export.deckspec import ChartSlide
from copilot.export.fit import wrap
from copilot.export.matrix import matrix_chart
from copilot.export.text import abbreviate, shorten
from copilot.export.theme import Box, Style

__all__ = ["MARK", "TYPES", "add_chart", "has_assumptions"]

TYPES = {
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "scatter": XL_CHART_TYPE.XY_SCATTER,
    "bubble": XL_CHART_TYPE.BUBBLE,
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
}


def add_chart(slide, spec: ChartSlide, box: Box, style: Style):
    """Draw `spec` into `box` on `slide`; returns the chart (or None when there is nothing to draw)."""
    if spec.kind not in TYPES:
        raise ValueError(f"Unknown chart kind {spec.kind!r}; use one of {', '.join(TYPES)}.")
    has_data = spec.points or spec.waiting if spec.kind in ("scatter", "bubble") else (spec.categories and spec.series)
    if not has_data:
        return None
    build = {"line": _line, "bar": _bar, "scatter": matrix_chart, "bubble": matrix_chart}[spec.kind]
    return build(slide, spec, box, style)


def has_assumptions(spec: ChartSlide) -> bool:
    return any(p.assumption for p in spec.points) or any(spec.category_assumptions)


# --- category charts ---------------------------------------------------------------------------


def _categories(spec: ChartSlide, width_each: float) -> list[str]:
    """Category labels short enough for two lines in their slot, assumptions marked."""
    marks = spec.category_assumptions + [False] * len(spec.categories)
    labels = []
    longest_word = max(6, int(width_each * 72 / ((LABEL_SIZE + 1) * 0.6)))
    for label, marked in zip(spec.categories, marks, strict=False):
        label = " ".join(label.split()) or "–"
        if len(wrap(label, LABEL_SIZE + 1, width_each)) > 2:
            label = abbreviate(label, longest_word)
        limit = len(label)
        while limit > 8 and len(wrap(label, LABEL_SIZE + 1, width_each)) > 2:
            limit = int(limit * 0.85)
            label = shorten(label, limit)
        labels.append(label + (MARK if marked else ""))
    return labels


def _line(slide, spec: ChartSlide, box: Box, style: Style):
    data = CategoryChartData(number_format=spec.number_format)
    data.categories = _categories(spec, box.w / max(1, len(spec.categories)) * 0.9)
    for series in spec.series:
        data.add_series(series.name, series.values)
    chart = new_chart(slide, XL_CHART_TYPE.LINE_MARKERS, box, data, style)
    value_axis(chart.value_axis, spec, style, gridlines=True)
    axis = chart.category_axis
    axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW  # below the plot, not on the zero line
    axis.major_tick_mark = XL_TICK_MARK.NONE
    axis.format.line.color.rgb = RGBColor.from_string(AXIS)
    axis.tick_labels.font.size = Pt(LABEL_SIZE + 1)
    axis_title(axis, spec.x_title, style)
    for index, series in enumerate(chart.plots[0].series):
        colour = style.palette[index % len(style.palette)]
        series.smooth = False
        series.format.line.color.rgb = RGBColor.from_string(colour)
        series.format.line.width = Pt(2.75)
        series.marker.style = XL_MARKER_STYLE.CIRCLE
        series.marker.size = 10
        series.marker.format.fill.solid()
        series.marker.format.fill.fore_color.rgb = RGBColor.from_string(colour)
        series.marker.format.line.color.rgb = RGBColor.from_string("FFFFFF")
    if len(spec.series) == 1:
        data_labels(chart.plots[0], spec.number_format, XL_LABEL_POSITION.ABOVE, style)
    legend(chart, len(spec.series) > 1)
    return chart


def _bar(slide, spec: ChartSlide, box: Box, style: Style):
    data = CategoryChartData(number_format=spec.number_format)
    data.categories = _categories(spec, box.w * 0.28)
    for series in spec.series:
        data.add_series(series.name, series.values)
    chart = new_chart(slide, XL_CHART_TYPE.BAR_CLUSTERED, box, data, style)
    plot = chart.plots[0]
    plot.gap_width = 60
    plot.overlap = -10 if len(spec.series) > 1 else 0
    for index, series in enumerate(plot.series):
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = RGBColor.from_string(style.palette[index % len(style.palette)])
        series.invert_if_negative = False
    axis = chart.category_axis
    axis.reverse_order = True  # first category on top, as people read
    axis.major_tick_mark = XL_TICK_MARK.NONE
    axis.format.line.color.rgb = RGBColor.from_string(AXIS)
    axis.tick_labels.font.size = Pt(LABEL_SIZE + 1)
    value_axis(chart.value_axis, spec, style, gridlines=False)
    chart.value_axis.tick_label_position = XL_TICK_LABEL_POSITION.NONE  # the bars carry their values
    chart.value_axis.format.line.fill.background()
    axis_title(chart.value_axis, spec.y_title, style)
    data_labels(plot, spec.number_format, XL_LABEL_POSITION.OUTSIDE_END, style)
    legend(chart, len(spec.series) > 1)
    return chart
