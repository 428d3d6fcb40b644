"""Building blocks the renderer draws with: text boxes whose text is fitted to them, and plain shapes."""

from __future__ import annotations

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from copilot.export import fit as fitting
from copilot.export.theme import Box, Style

INSET_X = 0.02  # inches of text-frame margin left and right
INSET_Y = 0.05  # top and bottom


def rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour)


def fitted(text: str, size: float, box: Box, bold: bool = False, min_size: float | None = None, title=False):
    """(text, size) that fits `box`: shrunk down to `min_size` (never below 9 pt), then shortened at a word.
    Width keeps 3% spare for differences between PowerPoint's and LibreOffice's line breaking."""
    min_size = max(9, min_size or size - 3)
    function = fitting.fit_title if title else fitting.fit
    return function(text, size, (box.w - 2 * INSET_X) * 0.97, box.h - 2 * INSET_Y, bold, min_size)


def format_frame(frame, anchor=None) -> None:
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    if anchor is not None:
        frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = Inches(INSET_X)
    frame.margin_top = frame.margin_bottom = Inches(INSET_Y)


def write(frame, text: str, size: float, style: Style | None, bold=None, colour=None, align=None) -> None:
    """`text` into `frame`, one paragraph per line; font and colour left to the master when `style` is None."""
    frame.clear()
    for i, line in enumerate(text.split("\n")):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        if align is not None:
            paragraph.alignment = align
        run = paragraph.add_run()
        run.text = line
        run.font.size = Pt(size)
        if bold is not None:
            run.font.bold = bold
        if style is not None:
            run.font.name = style.font
            run.font.color.rgb = rgb(colour or style.ink)


def text_box(
    slide,
    box: Box,
    text: str,
    size: float,
    style: Style,
    bold: bool = False,
    colour: str | None = None,
    align=PP_ALIGN.LEFT,
    anchor=MSO_ANCHOR.TOP,
    min_size: float | None = None,
):
    text, size = fitted(text, size, box, bold, min_size)
    shape = slide.shapes.add_textbox(Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h))
    format_frame(shape.text_frame, anchor)
    write(shape.text_frame, text, size, style, bold=bold, colour=colour, align=align)
    return shape


def rect(slide, box: Box, fill: str, shape=MSO_SHAPE.RECTANGLE):
    drawn = slide.shapes.add_shape(shape, Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h))
    drawn.fill.solid()
    drawn.fill.fore_color.rgb = rgb(fill)
    drawn.line.fill.background()
    # no theme shape style: it brings the master's shadows (and LibreOffice ignores an empty effect list)
    style_element = drawn._element.find(qn("p:style"))
    if style_element is not None:
        drawn._element.remove(style_element)
    return drawn
