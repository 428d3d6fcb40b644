"""A slide's title and footer, on whatever master a team brings.

Titles go into the layout's title placeholder. A layout without one still gets a real title placeholder (so
PowerPoint's outline, accessibility checker and slide sorter see the title), placed in the master's title
area, or on a cover in the largest free part of the slide. Footers go into the master's footer and
slide-number placeholders when they are clear of its logos; else they are drawn in the free part of the
bottom strip.
"""

from __future__ import annotations

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Inches

from copilot.export.drawing import fitted, format_frame, text_box, write
from copilot.export.layouts import BODY_TYPES, TITLE_TYPES
from copilot.export.style import Box, Style
from copilot.export.theme import DeckMaster

SIZES = {"title": (40, 20), "section": (36, 18), "content": (28, 14)}  # when the master does not say
FOOTER_SIZE = 9


def fill(placeholder, text: str, size: float, min_size: float, bold=False, title=False) -> None:
    """`text` into a placeholder, shrunk or shortened to fit it; font and colour left to the master."""
    box = Box(_in(placeholder.left), _in(placeholder.top), _in(placeholder.width), _in(placeholder.height))
    text, size = fitted(text, size, box, bold, min_size, title=title)
    format_frame(placeholder.text_frame)
    write(placeholder.text_frame, text, size, None)


def add_placeholder(slide, kind: PP_PLACEHOLDER, box: Box, idx: int = 0):
    """A placeholder of `kind` placed at `box` on `slide` — for a layout that lacks one."""
    shapes = slide.shapes
    id_ = shapes._next_shape_id
    element = shapes._spTree.add_placeholder(id_, f"{kind.name.title()} {id_}", kind, "horz", "full", idx)
    placeholder = shapes._shape_factory(element)
    placeholder.left, placeholder.top = Inches(box.x), Inches(box.y)
    placeholder.width, placeholder.height = Inches(box.w), Inches(box.h)
    return placeholder


def heading(slide, theme: DeckMaster, title: str) -> int:
    """A content slide's title: in its layout's title placeholder, or in one placed in the master's title area."""
    placeholder = theme.placeholder(slide, *TITLE_TYPES)
    if placeholder is None:
        placeholder = add_placeholder(slide, PP_PLACEHOLDER.TITLE, theme.title_area(slide.slide_layout))
        size = theme.title_size() or SIZES["content"][0]
        size = min(size, 32)
    else:
        size = theme.font_size(placeholder) or SIZES["content"][0]
    fill(placeholder, title, size, max(9, round(size * 0.75)), bold=True, title=True)
    return placeholder.placeholder_format.idx


def cover(slide, theme: DeckMaster, style: Style, role: str, title: str, subtitle: str) -> set[int]:
    """Title and subtitle of a title or section slide, in the layout's placeholders where it has them."""
    title_size, subtitle_size = SIZES[role]
    used = set()
    heading = theme.placeholder(slide, *TITLE_TYPES)
    below = theme.placeholder(slide, PP_PLACEHOLDER.SUBTITLE, *BODY_TYPES)
    if heading is None:
        area = theme.cover_area(slide.slide_layout)
        height = min(1.6, area.h * 0.6) if subtitle else min(1.6, area.h)
        heading = add_placeholder(slide, PP_PLACEHOLDER.TITLE, Box(area.x, area.y, area.w, height))
        heading.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM
        rest = Box(area.x, area.y + height + 0.15, area.w, max(0.0, area.bottom - area.y - height - 0.15))
        size = min(theme.title_size() or title_size, title_size)
        below = None  # a subtitle placeholder of this layout sits where the missing title was meant to go
    else:
        size = theme.font_size(heading) or title_size
        rest = Box(_in(heading.left), _in(heading.top) + _in(heading.height) + 0.1, _in(heading.width), 1.0)
    fill(heading, title, size, max(9, round(size * 0.7)), bold=True)
    if below is None and theme.placeholder(slide.slide_layout, *TITLE_TYPES) is None:
        for paragraph in heading.text_frame.paragraphs:  # in line with the subtitle drawn under it
            paragraph.alignment = PP_ALIGN.LEFT
    used.add(heading.placeholder_format.idx)
    if not subtitle:
        return used
    if below is not None:
        size = theme.font_size(below) or subtitle_size
        fill(below, subtitle, size, max(9, size - 4))
        used.add(below.placeholder_format.idx)
    elif rest.h >= 0.4:
        text_box(
            slide, Box(rest.x, rest.y, rest.w, min(rest.h, 1.0)), subtitle, subtitle_size, style, colour=style.muted
        )
    return used


def footer(slide, theme: DeckMaster, style: Style, deck_title: str, number: int) -> set[int]:
    """The deck title and slide number at the bottom of a content slide; the placeholders it filled."""
    layout = slide.slide_layout
    placeholders = theme.footer_placeholders(layout)
    used = set()
    texts = {PP_PLACEHOLDER.FOOTER: deck_title, PP_PLACEHOLDER.SLIDE_NUMBER: str(number)}
    for kind, box, idx, inherited in _footer_plan(theme, layout):
        placeholder = add_placeholder(slide, kind, box, idx)
        if inherited:  # the layout says where: inherit its position, so moving it in the master moves it here
            spPr = placeholder._element.spPr
            spPr.remove(spPr.find(qn("a:xfrm")))
        text, size = fitted(texts[kind], FOOTER_SIZE, box, min_size=FOOTER_SIZE)
        format_frame(placeholder.text_frame)
        write(placeholder.text_frame, text, size, None)
        for run in (r for p in placeholder.text_frame.paragraphs for r in p.runs):
            run.font.name = style.font  # LibreOffice-made masters leave the footer font out: it shows as Times
        used.add(idx)
    title_box, number_box = theme.footer_boxes(layout)
    if PP_PLACEHOLDER.FOOTER not in placeholders and title_box is not None:
        text_box(slide, title_box, deck_title, FOOTER_SIZE, style, colour=style.muted)
    if PP_PLACEHOLDER.SLIDE_NUMBER not in placeholders and number_box is not None:
        text_box(slide, number_box, str(number), FOOTER_SIZE, style, colour=style.muted, align=PP_ALIGN.RIGHT)
    return used


def _footer_plan(theme: DeckMaster, layout) -> list[tuple]:
    """(kind, box, idx, whether the layout has it) per footer placeholder to fill; worked out once per layout."""
    key = ("footer_plan", id(layout._element))
    if key not in theme._measured:
        theme._measured[key] = [
            (kind, _box(source), source.placeholder_format.idx, theme.placeholder(layout, kind) is not None)
            for kind, source in theme.footer_placeholders(layout).items()
        ]
    return theme._measured[key]


def _box(shape) -> Box:
    return Box(_in(shape.left), _in(shape.top), _in(shape.width), _in(shape.height))


def _in(emu) -> float:
    return (emu or 0) / 914400
