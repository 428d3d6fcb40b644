"""Shared pieces of the native charts: the chart frame, axes, titles, data labels, legend and plot area.

python-pptx has no API for a chart's plot-area layout, so `fixed_plot_area` writes that XML; it is the only
XML in the chart code.
"""

from __future__ import annotations

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_LEGEND_POSITION, XL_TICK_MARK
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from copilot.export.deckspec import ChartSlide
from copilot.export.theme import Box, Style

GRID = "E5E7EB"
AXIS = "9CA3AF"
LABEL_SIZE = 10
MARK = " *"  # after a category or point that is an assumption


def new_chart(slide, kind, box: Box, data, style: Style):
    """A native chart in `box`, in the style's font and ink, without a chart title (the slide has one)."""
    shape = slide.shapes.add_chart(kind, Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h), data)
    chart = shape.chart
    chart.has_title = False  # the slide title says it; LibreOffice would otherwise show the series name
    chart.font.name = style.font
    chart.font.size = Pt(LABEL_SIZE + 1)
    chart.font.color.rgb = RGBColor.from_string(style.ink)
    return chart


def value_axis(axis, spec: ChartSlide, style: Style, gridlines: bool) -> None:
    if spec.y_min is not None:
        axis.minimum_scale = spec.y_min
    if spec.y_max is not None:
        axis.maximum_scale = spec.y_max
    if spec.y_min is not None and spec.y_max is not None and spec.y_max - spec.y_min <= 10:
        axis.major_unit = 1
    axis.has_major_gridlines = gridlines
    if gridlines:
        axis.major_gridlines.format.line.color.rgb = RGBColor.from_string(GRID)
    axis.major_tick_mark = XL_TICK_MARK.NONE
    axis.format.line.fill.background()
    axis.tick_labels.font.size = Pt(LABEL_SIZE)
    axis.tick_labels.font.color.rgb = RGBColor.from_string(style.muted)
    axis.tick_labels.number_format = spec.number_format
    axis.tick_labels.number_format_is_linked = False
    axis_title(axis, spec.y_title, style)


def axis_title(axis, title: str, style: Style) -> None:
    if not title:
        return
    axis.has_title = True
    frame = axis.axis_title.text_frame
    frame.text = title
    font = frame.paragraphs[0].runs[0].font
    font.size = Pt(LABEL_SIZE + 1)
    font.bold = True
    font.color.rgb = RGBColor.from_string(style.muted)


def data_labels(plot, number_format: str, position, style: Style) -> None:
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = number_format
    labels.number_format_is_linked = False
    labels.position = position
    labels.show_value = True
    labels.font.size = Pt(LABEL_SIZE + 1)
    labels.font.bold = True
    labels.font.color.rgb = RGBColor.from_string(style.ink)


def legend(chart, show: bool) -> None:
    chart.has_legend = show
    if show:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(LABEL_SIZE + 1)


def fixed_plot_area(chart, plot: tuple[float, float, float, float]) -> None:
    """Fix the inner plot area at `plot` (fractions of the frame: x, y, w, h) and give it a light frame."""
    plot_area = chart._chartSpace.chart.plotArea
    layout = plot_area.find(qn("c:layout"))
    if layout is None:
        layout = etree.SubElement(plot_area, qn("c:layout"))
        plot_area.insert(0, layout)
    for child in list(layout):
        layout.remove(child)
    manual = etree.SubElement(layout, qn("c:manualLayout"))
    etree.SubElement(manual, qn("c:layoutTarget"), val="inner")
    etree.SubElement(manual, qn("c:xMode"), val="edge")
    etree.SubElement(manual, qn("c:yMode"), val="edge")
    for name, value in zip(("x", "y", "w", "h"), plot, strict=True):
        etree.SubElement(manual, qn(f"c:{name}"), val=str(value))
    sp_pr = plot_area.find(qn("c:spPr"))
    if sp_pr is None:
        sp_pr = etree.SubElement(plot_area, qn("c:spPr"))
    for child in list(sp_pr):
        sp_pr.remove(child)
    line = etree.SubElement(sp_pr, qn("a:ln"), w=str(Pt(1)))
    etree.SubElement(etree.SubElement(line, qn("a:solidFill")), qn("a:srgbClr"), val=GRID)
