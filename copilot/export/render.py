"""The one place that writes PowerPoint: DeckSpec in, editable 16:9 .pptx out.

Every shape is native and editable (text boxes, shapes, tables); notes carry the evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from copilot.export.deckspec import AgendaSlide, CardsSlide, Deck, SectionSlide, Slide, TableSlide, TitleSlide
from copilot.export.fit import fit

WIDTH, HEIGHT = 12192000 / 914400, 7.5  # inches, exactly 16:9 (PowerPoint's widescreen size)
MARGIN = 0.6
BODY_TOP = 1.55


@dataclass(frozen=True)
class Style:
    font: str = "Arial"
    ink: str = "1F2A44"  # titles and body text
    muted: str = "6B7280"
    accent: str = "0F766E"  # teal
    accent_soft: str = "E6F2F1"
    warning: str = "B45309"  # assumptions
    card: str = "F7F8FA"


def rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour)


class Renderer:
    def __init__(self, style: Style | None = None) -> None:
        self.style = style or Style()

    def render(self, deck: Deck, path: Path) -> Path:
        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = Inches(WIDTH), Inches(HEIGHT)
        self.deck = deck
        for number, spec in enumerate(deck.slides, start=1):
            slide = self.prs.slides.add_slide(self.prs.slide_layouts[6])  # blank
            draw = {
                TitleSlide: self._title_slide,
                SectionSlide: self._section_slide,
                AgendaSlide: self._agenda_slide,
                CardsSlide: self._cards_slide,
                TableSlide: self._table_slide,
            }[type(spec)]
            draw(slide, spec)
            if not isinstance(spec, TitleSlide | SectionSlide):
                self._footer(slide, number)
            if spec.notes:
                slide.notes_slide.notes_text_frame.text = spec.notes
        path.parent.mkdir(parents=True, exist_ok=True)
        self.prs.save(str(path))
        return path

    # --- slide types ---------------------------------------------------------------------------

    def _title_slide(self, slide, spec: TitleSlide) -> None:
        self._rect(slide, 0, 0, 0.35, HEIGHT, self.style.accent)
        self._text(slide, 1.0, 2.3, WIDTH - 2.0, 1.6, spec.title, 40, bold=True, anchor=MSO_ANCHOR.BOTTOM)
        self._text(slide, 1.0, 4.05, WIDTH - 2.0, 1.2, spec.subtitle, 20, colour=self.style.muted)

    def _section_slide(self, slide, spec: SectionSlide) -> None:
        self._rect(slide, 0, 0, WIDTH, HEIGHT, self.style.accent)
        self._text(
            slide, 1.0, 2.6, WIDTH - 2.0, 1.4, spec.title, 36, bold=True, colour="FFFFFF", anchor=MSO_ANCHOR.BOTTOM
        )
        self._text(slide, 1.0, 4.1, WIDTH - 2.0, 1.0, spec.subtitle, 18, colour="FFFFFF")

    def _agenda_slide(self, slide, spec: AgendaSlide) -> None:
        self._heading(slide, spec.title)
        rows = [[row.start, row.label, f"{row.minutes} min"] for row in spec.rows]
        self._table(slide, ["", "", ""], rows, [1.2, 8, 1.5], header=False, size=16)

    def _cards_slide(self, slide, spec: CardsSlide) -> None:
        self._heading(slide, spec.title)
        columns, gap = 3, 0.3
        width = (WIDTH - 2 * MARGIN - (columns - 1) * gap) / columns
        height = (HEIGHT - BODY_TOP - 0.75 - gap) / 2
        for index, card in enumerate(spec.cards[:6]):
            x = MARGIN + (index % columns) * (width + gap)
            y = BODY_TOP + (index // columns) * (height + gap)
            box = self._rect(slide, x, y, width, height, self.style.card, shape=MSO_SHAPE.ROUNDED_RECTANGLE)
            box.adjustments[0] = 0.06
            box.line.color.rgb = rgb(self.style.warning if card.assumption else self.style.accent_soft)
            if card.assumption:
                box.line.dash_style = MSO_LINE_DASH_STYLE.DASH
                box.line.width = Pt(1.5)
                self._text(
                    slide,
                    x + width - 1.55,
                    y + 0.08,
                    1.4,
                    0.3,
                    spec.assumption_label,
                    9,
                    bold=True,
                    colour=self.style.warning,
                    align=PP_ALIGN.RIGHT,
                )
            self._text(slide, x + 0.2, y + 0.3, width - 0.4, 0.75, card.heading, 15, bold=True)
            self._text(slide, x + 0.2, y + 1.05, width - 0.4, height - 1.5, card.body, 11)
            self._text(slide, x + 0.2, y + height - 0.42, width - 0.4, 0.3, card.footer, 9, colour=self.style.muted)

    def _table_slide(self, slide, spec: TableSlide) -> None:
        self._heading(slide, spec.title)
        self._table(slide, spec.columns, spec.rows, spec.widths or [1] * len(spec.columns))

    # --- building blocks -----------------------------------------------------------------------

    def _heading(self, slide, title: str) -> None:
        self._rect(slide, MARGIN, 0.55, 0.09, 0.62, self.style.accent)
        self._text(
            slide, MARGIN + 0.25, 0.4, WIDTH - 2 * MARGIN - 0.25, 0.9, title, 28, bold=True, anchor=MSO_ANCHOR.MIDDLE
        )

    def _footer(self, slide, number: int) -> None:
        self._text(slide, MARGIN, HEIGHT - 0.5, 8, 0.3, self.deck.title, 9, colour=self.style.muted)
        self._text(
            slide,
            WIDTH - MARGIN - 1,
            HEIGHT - 0.5,
            1,
            0.3,
            str(number),
            9,
            colour=self.style.muted,
            align=PP_ALIGN.RIGHT,
        )

    def _table(self, slide, columns, rows, widths, header: bool = True, size: int = 11) -> None:
        total_width = WIDTH - 2 * MARGIN
        n_rows = len(rows) + (1 if header else 0)
        if n_rows == 0:
            return
        shape = slide.shapes.add_table(
            n_rows,
            len(columns),
            Inches(MARGIN),
            Inches(BODY_TOP),
            Inches(total_width),
            Inches(min(0.4 * n_rows, HEIGHT - BODY_TOP - 0.8)),
        )
        table = shape.table
        scale = total_width / sum(widths)
        for i, width in enumerate(widths):
            table.columns[i].width = Emu(int(Inches(width * scale)))
        all_rows = ([columns] if header else []) + rows
        for r, values in enumerate(all_rows):
            is_header = header and r == 0
            for c, value in enumerate(values):
                cell = table.cell(r, c)
                cell.fill.solid()
                cell.fill.fore_color.rgb = rgb(
                    self.style.accent if is_header else ("FFFFFF" if r % 2 else self.style.card)
                )
                frame = cell.text_frame
                frame.word_wrap = True
                frame.text = str(value)
                for paragraph in frame.paragraphs:
                    for run in paragraph.runs:
                        run.font.name = self.style.font
                        run.font.size = Pt(size)
                        run.font.bold = is_header
                        run.font.color.rgb = rgb("FFFFFF" if is_header else self.style.ink)

    def _rect(self, slide, x, y, w, h, fill: str, shape=MSO_SHAPE.RECTANGLE):
        box = slide.shapes.add_shape(shape, Inches(x), Inches(y), Inches(w), Inches(h))
        box.fill.solid()
        box.fill.fore_color.rgb = rgb(fill)
        box.line.fill.background()
        box.shadow.inherit = False
        return box

    def _text(
        self,
        slide,
        x,
        y,
        w,
        h,
        text: str,
        size: int,
        bold: bool = False,
        colour: str | None = None,
        align=PP_ALIGN.LEFT,
        anchor=MSO_ANCHOR.TOP,
        min_size: int | None = None,
    ):
        # PowerPoint insets text 0.05" top and bottom; keep 3% of the width spare for renderer differences
        text, size = fit(text, size, (w - 0.04) * 0.97, h - 0.1, bold, min_size or max(size - 3, 9))
        box = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h))
        frame = box.text_frame
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.vertical_anchor = anchor
        frame.margin_left = frame.margin_right = Inches(0.02)
        for i, line in enumerate(text.split("\n")):
            paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            paragraph.alignment = align
            run = paragraph.add_run()
            run.text = line
            run.font.name = self.style.font
            run.font.size = Pt(size)
            run.font.bold = bold
            run.font.color.rgb = rgb(colour or self.style.ink)
        return box


def render(deck: Deck, path: Path) -> Path:
    """Write `deck` as an editable 16:9 PowerPoint file at `path`."""
    return Renderer().render(deck, Path(path))


__all__ = ["render", "Renderer", "Style", "Slide"]
