"""One-page brief slides: a statement, a lead line, up to three panels of short lists and a small table.

The renderer draws the table (with its own measuring); this module lays out the page and draws the rest.
"""

from __future__ import annotations

from collections.abc import Callable

from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Pt

from copilot.export.deckspec import BriefSlide, Card
from copilot.export.drawing import INSET_X, rect, rgb, text_box
from copilot.export.fit import height
from copilot.export.theme import Box, Style

STATEMENT_SIZE = 24
LEAD_SIZE = 15
HEADING_SIZE = 14
BODY_SIZE = 13
GAP = 0.3
PAD = 0.18  # inside a panel
MIN_PANELS = 1.3  # inches the panels keep, however long the table


def _text_height(text: str, size: float, width: float, bold: bool = False) -> float:
    return height(text, size, (width - 2 * INSET_X) * 0.97, bold) + 0.12 if text.strip() else 0.0


def _panel_height(card: Card, width: float) -> float:
    inner = width - 2 * PAD
    return (
        2 * PAD
        - 0.05
        + _text_height(card.heading, HEADING_SIZE, inner, True)
        + _text_height(card.body, BODY_SIZE, inner)
    )


def layout(
    spec: BriefSlide, box: Box, table_height: Callable[[float], float] | None
) -> tuple[Box, Box, Box, Box | None]:
    """Boxes for the statement, the lead, the panels and the table (None when the table does not fit below
    the panels: it then goes on a slide of its own). `table_height(width)` measures the table."""
    statement = min(1.5, _text_height(spec.statement, STATEMENT_SIZE, box.w, True))
    lead = min(0.75, _text_height(spec.lead, LEAD_SIZE, box.w))
    y = box.y + statement + (0.05 if lead else 0)
    lead_box = Box(box.x, y, box.w, lead)
    y += lead + (GAP if statement or lead else 0)
    n = len(spec.panels[:3])
    width = (box.w - (n - 1) * GAP) / n if n else box.w
    needed = max((_panel_height(c, width) for c in spec.panels[:3]), default=0)
    rest = box.bottom - y
    table = table_height(box.w) if spec.table is not None and table_height else None
    if table is not None and table > rest - (min(needed, MIN_PANELS) + GAP if n else 0):
        table = None  # the table continues on its own slide; the panels take the room
    panels = min(needed, rest - (table + GAP if table is not None else 0)) if n else 0
    panels_box = Box(box.x, y, box.w, panels)
    table_box = None
    if table is not None:
        top = y + (panels + GAP if n else 0)
        table_box = Box(box.x, top, box.w, box.bottom - top)
    return Box(box.x, box.y, box.w, statement), lead_box, panels_box, table_box


def draw(slide, spec: BriefSlide, boxes: tuple[Box, Box, Box, Box | None], style: Style) -> None:
    statement, lead, panels, _ = boxes
    if spec.statement.strip():
        text_box(
            slide, statement, spec.statement, STATEMENT_SIZE, style, bold=True, min_size=16, anchor=MSO_ANCHOR.BOTTOM
        )
    if spec.lead.strip():
        text_box(slide, lead, spec.lead, LEAD_SIZE, style, colour=style.muted, min_size=10)
    cards = spec.panels[:3]
    if not cards or panels.h <= 0:
        return
    width = (panels.w - (len(cards) - 1) * GAP) / len(cards)
    for index, card in enumerate(cards):
        _panel(slide, Box(panels.x + index * (width + GAP), panels.y, width, panels.h), card, spec, style)


def _panel(slide, box: Box, card: Card, spec: BriefSlide, style: Style) -> None:
    shape = rect(slide, box, style.card, shape=MSO_SHAPE.ROUNDED_RECTANGLE)
    shape.adjustments[0] = min(0.06, 0.12 / min(box.w, box.h))
    if card.assumption:
        shape.line.color.rgb = rgb(style.warning)
        shape.line.width = Pt(1.5)
        shape.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        label = Box(box.right - 1.75, box.y + 0.06, 1.6, 0.28)
        text_box(slide, label, spec.assumption_label, 9, style, bold=True, colour=style.warning, align=PP_ALIGN.RIGHT)
    inner = box.w - 2 * PAD
    top = box.y + PAD - 0.05
    if card.heading.strip():
        heading = min(_text_height(card.heading, HEADING_SIZE, inner, True), box.h / 2)
        text_box(
            slide,
            Box(box.x + PAD, top, inner, heading),
            card.heading,
            HEADING_SIZE,
            style,
            bold=True,
            colour=style.accent,
        )
        top += heading
    if card.body.strip() and box.bottom - PAD - top > 0.2:
        text_box(
            slide, Box(box.x + PAD, top, inner, box.bottom - PAD + 0.05 - top), card.body, BODY_SIZE, style, min_size=9
        )
