"""The one place that writes PowerPoint: DeckSpec in, editable .pptx out, on a theme's master.

Every shape is native and editable (placeholders, text boxes, shapes, tables, charts); notes carry the
evidence. Titles go into the layout's own placeholders, so a team's master decides their font, colour and
place; what the renderer draws itself takes its colours and font from the theme.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches, Pt

from copilot.export import brief, charts, chrome, heatmap, picture
from copilot.export.deckspec import (
    AgendaSlide,
    BriefSlide,
    CanvasSlide,
    CardsSlide,
    ChartSlide,
    Deck,
    HeatmapSlide,
    ImageSlide,
    SectionSlide,
    Slide,
    TableSlide,
    TitleSlide,
)
from copilot.export.drawing import fitted, rect, rgb, text_box
from copilot.export.fit import fit, height, measuring
from copilot.export.proofing import mark_language, mark_properties
from copilot.export.tables import (
    at_least,
    breaks_words,
    draw_table,
    fit_row,
    header_minimums,
    mark_width,
    row_height,
    scaled,
    split,
)
from copilot.export.text import balanced, numbered
from copilot.export.theme import Box, DeckMaster, Style, blend

CARDS_PER_SLIDE = 6
TABLE_SIZE = 11
TABLE_SIZES = (14, 12, TABLE_SIZE)
AGENDA_SIZE = 16
AGENDA_ROW = 0.62  # generous rows: an agenda is read from across the room
CAPTION_HEIGHT = 0.45
FOOTNOTE_HEIGHT = 0.32


class Renderer:
    def __init__(self, theme: Path | None = None, style: Style | None = None, master: str | None = None) -> None:
        self.theme_path = Path(theme) if theme else None
        self._style = style
        self.master = master

    def render(self, deck: Deck, path: Path) -> Path:
        self.theme = DeckMaster(self.theme_path, self.master)
        self.prs = self.theme.presentation
        self.style = self._style or self.theme.style
        self.deck = deck
        self.box = self.theme.content_box(self.theme.layouts["content"])
        with measuring(self.style.font):
            for spec in deck.slides:
                for page in self.pages(spec):
                    self._slide(page)
        mark_language(self.prs, deck.language)
        mark_properties(self.prs, deck.title)
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.prs.save(str(path))
        return path

    def _slide(self, spec: Slide) -> None:
        role = "title" if isinstance(spec, TitleSlide) else "section" if isinstance(spec, SectionSlide) else "content"
        slide = self.prs.slides.add_slide(self.theme.layouts[role])
        if role == "content":
            used = {chrome.heading(slide, self.theme, spec.title)}
        else:
            used = chrome.cover(slide, self.theme, self.style, role, spec.title, spec.subtitle)
        for placeholder in list(slide.placeholders):  # an empty placeholder shows "Click to add text"
            if placeholder.placeholder_format.idx not in used:
                placeholder._element.getparent().remove(placeholder._element)
        if role == "content":
            draw = {
                AgendaSlide: self._agenda,
                CardsSlide: self._cards,
                TableSlide: self._table,
                ChartSlide: self._chart,
                HeatmapSlide: self._heatmap,
                CanvasSlide: self._canvas,
                ImageSlide: self._image,
                BriefSlide: self._brief,
            }[type(spec)]
            draw(slide, spec)
            chrome.footer(slide, self.theme, self.style, self.deck.title, len(self.prs.slides))
        if spec.notes:
            slide.notes_slide.notes_text_frame.text = spec.notes

    # --- pagination --------------------------------------------------------------------------

    def pages(self, spec: Slide) -> list[Slide]:
        """`spec` as the slides it needs: long tables, heatmaps, agendas and card lists continue on more."""
        if isinstance(spec, CanvasSlide):
            return [spec]
        if isinstance(spec, BriefSlide):
            if spec.table is None or self._brief_layout(spec)[3] is not None:
                return [spec]
            table = replace(spec.table, title=spec.table.title or spec.title)
            return [replace(spec, table=None), *self.pages(table)]
        if isinstance(spec, TableSlide):
            with self._within(self._below(spec.caption)):
                widths, marks = self._table_columns(spec)
                room = self._table_room(spec, widths)
                rows = [
                    fit_row(row + ([marks[i]] if marks else []), widths, TABLE_SIZE, room)
                    for i, row in enumerate(spec.rows)
                ]
                groups = split([row_height(r, widths, TABLE_SIZE) for r in rows], room)
            return [
                replace(
                    spec,
                    title=numbered(spec.title, n, len(groups)),
                    rows=[spec.rows[i] for i in group],
                    assumptions=[i < len(spec.assumptions) and spec.assumptions[i] for i in group],
                    fills=[spec.fills[i] if i < len(spec.fills) else [] for i in group] if spec.fills else [],
                    row_notes=[],
                    notes="\n\n".join(
                        filter(None, [spec.notes, *(spec.row_notes[i] for i in group if i < len(spec.row_notes))])
                    ),
                )
                for n, group in enumerate(groups, start=1)
            ]
        if isinstance(spec, AgendaSlide):
            widths = scaled([1.2, 8, 1.5], self.box.w)
            heights = [row_height(self._agenda_row(r), widths, AGENDA_SIZE, min_row=AGENDA_ROW) for r in spec.rows]
            groups = split(heights, self.box.h)
            return [
                replace(spec, title=numbered(spec.title, n, len(groups)), rows=[spec.rows[i] for i in group])
                for n, group in enumerate(groups, start=1)
            ]
        if isinstance(spec, HeatmapSlide):
            groups = heatmap.pages(spec, self.box)
            return [
                replace(
                    spec,
                    title=numbered(spec.title, n, len(groups)),
                    rows=[spec.rows[i] for i in group],
                    values=[spec.values[i] if i < len(spec.values) else [] for i in group],
                    assumptions=[i < len(spec.assumptions) and spec.assumptions[i] for i in group],
                )
                for n, group in enumerate(groups, start=1)
            ]
        if isinstance(spec, CardsSlide) and len(spec.cards) > CARDS_PER_SLIDE:
            groups = balanced(spec.cards, CARDS_PER_SLIDE)
            return [
                replace(spec, title=numbered(spec.title, n, len(groups)), cards=group)
                for n, group in enumerate(groups, start=1)
            ]
        return [spec]

    # --- content -----------------------------------------------------------------------------

    def _agenda_row(self, row) -> list[str]:
        return [row.start, row.label, f"{row.minutes} min"]

    def _agenda(self, slide, spec: AgendaSlide) -> None:
        widths = scaled([1.2, 8, 1.5], self.box.w)
        rows = [fit_row(self._agenda_row(r), widths, AGENDA_SIZE, self.box.h) for r in spec.rows]
        draw_table(
            slide,
            self.box,
            None,
            rows,
            widths,
            self.style,
            AGENDA_SIZE,
            align=[PP_ALIGN.LEFT, PP_ALIGN.LEFT, PP_ALIGN.RIGHT],
            min_row=AGENDA_ROW,
            column_colours=[self.style.accent, None, self.style.muted],
            anchor=MSO_ANCHOR.MIDDLE,
        )

    def _cards(self, slide, spec: CardsSlide) -> None:
        cards = spec.cards[:CARDS_PER_SLIDE]
        if not cards:
            return
        gap = 0.3
        columns = {1: 1, 2: 2, 4: 2}.get(len(cards), 3)
        rows = -(-len(cards) // columns)
        width = (self.box.w - (columns - 1) * gap) / columns
        height_each = (self.box.h - (rows - 1) * gap) / rows
        if rows == 1:  # one row of cards: as tall as the tallest needs, not a tall empty box
            needed = max(self._card_height(card, width) for card in cards)
            height_each = min(self.box.h, max(2.4, needed))
        for index, card in enumerate(cards):
            x = self.box.x + (index % columns) * (width + gap)
            y = self.box.y + (index // columns) * (height_each + gap)
            self._card(slide, Box(x, y, width, height_each), card, spec.assumption_label)

    def _card_height(self, card, width: float) -> float:
        inner = (width - 0.4 - 0.04) * 0.97
        heading = height(card.heading, 15, inner, bold=True) if card.heading else 0
        return 0.3 + max(0.75, heading + 0.15) + height(card.body, 11, inner) + 0.1 + 0.55

    def _card(self, slide, box: Box, card, assumption_label: str) -> None:
        style = self.style
        shape = rect(slide, box, style.card, shape=MSO_SHAPE.ROUNDED_RECTANGLE)
        shape.adjustments[0] = min(0.06, 0.15 / min(box.w, box.h))
        shape.line.color.rgb = rgb(style.warning if card.assumption else style.accent_soft)
        shape.line.width = Pt(1.5 if card.assumption else 1)
        if card.assumption:
            from pptx.enum.dml import MSO_LINE_DASH_STYLE

            shape.line.dash_style = MSO_LINE_DASH_STYLE.DASH
            label = Box(box.right - 1.75, box.y + 0.08, 1.6, 0.3)
            text_box(slide, label, assumption_label, 9, style, bold=True, colour=style.warning, align=PP_ALIGN.RIGHT)
        inner = box.w - 0.4
        top = box.y + 0.3
        if card.heading:  # the body follows the heading closely, however many lines the heading takes
            heading = Box(box.x + 0.2, top, inner, min(0.75, box.h / 3))
            text, size = fitted(card.heading, 15, heading, bold=True, min_size=12)
            needed = height(text, size, (inner - 0.04) * 0.97, bold=True) + 0.12
            heading = Box(heading.x, heading.y, heading.w, min(heading.h, needed))
            text_box(slide, heading, card.heading, 15, style, bold=True, min_size=12)
            top = heading.bottom + 0.1
        text_box(slide, Box(box.x + 0.2, top, inner, box.bottom - 0.5 - top), card.body, 11, style)
        footer = Box(box.x + 0.2, box.bottom - 0.42, inner, 0.3)
        text_box(slide, footer, card.footer, 9, style, colour=style.muted, min_size=9)

    def _table_columns(self, spec: TableSlide, size: float = TABLE_SIZE) -> tuple[list[float], list[str]]:
        """Column widths in inches, and the assumption marker per row (empty when no row is an assumption)."""
        marked = any(spec.assumptions)
        extra = mark_width(spec.assumption_label, size) if marked else 0
        n = max(len(spec.columns), max((len(r) for r in spec.rows), default=0), 1)
        widths = scaled(spec.widths if len(spec.widths) == n else [1] * n, self.box.w - extra)
        widths = at_least(widths, header_minimums((spec.columns + [""] * n)[:n], size))
        if not marked:
            return widths, []
        flags = spec.assumptions + [False] * len(spec.rows)
        return [*widths, extra], [spec.assumption_label if flags[i] else "" for i in range(len(spec.rows))]

    def _table_room(self, spec: TableSlide, widths: list[float], size: float = TABLE_SIZE) -> float:
        header = row_height(spec.columns + [""] * (len(widths) - len(spec.columns)), widths, size, True)
        return self.box.h - (header if spec.columns else 0)

    def _table_rows(self, spec: TableSlide, size: float) -> tuple[list[float], list[list[str]], float]:
        """(widths, rows with their marker cell, room under the header) at `size`."""
        widths, marks = self._table_columns(spec, size)
        n = len(widths) - (1 if marks else 0)
        room = self._table_room(spec, widths, size)
        rows = [
            fit_row([*(list(r) + [""] * n)[:n], *([marks[i]] if marks else [])], widths, size, room)
            for i, r in enumerate(spec.rows)
        ]
        return widths, rows, room

    @contextmanager
    def _within(self, box: Box) -> Iterator[None]:
        """Lay out and measure inside `box` instead of the whole body (a table under a caption or a brief)."""
        previous, self.box = self.box, box
        try:
            yield
        finally:
            self.box = previous

    def _below(self, caption: str) -> Box:
        """The body below a caption, if there is one."""
        if not caption:
            return self.box
        return Box(self.box.x, self.box.y + CAPTION_HEIGHT + 0.05, self.box.w, self.box.h - CAPTION_HEIGHT - 0.05)

    def _caption(self, slide, text: str) -> None:
        box = Box(self.box.x, self.box.y, self.box.w, CAPTION_HEIGHT)
        text_box(slide, box, text, 14, self.style, colour=self.style.muted, min_size=11)

    def _table(self, slide, spec: TableSlide) -> None:
        if spec.caption:
            self._caption(slide, spec.caption)
        with self._within(self._below(spec.caption)):
            self._table_body(slide, spec)

    def _table_body(self, slide, spec: TableSlide) -> None:
        if not any(str(cell).strip() for row in spec.rows for cell in row):
            self._empty(slide, self.box)
            return
        for size in TABLE_SIZES:  # a short table reads better larger; a full one stays at the base size
            widths, rows, room = self._table_rows(spec, size)
            if sum(row_height(r, widths, size) for r in rows) <= room and not breaks_words(rows, widths, size):
                break
        marks = [r[-1] for r in rows] if any(spec.assumptions) else None
        n = len(widths) - (1 if marks else 0)
        header = [*(spec.columns + [""] * n)[:n], *([""] if marks else [])] if spec.columns else None
        align = [PP_ALIGN.CENTER if _numeric([r[c] for r in rows]) else PP_ALIGN.LEFT for c in range(len(widths))]
        fills = None
        if any(any(row) for row in spec.fills):
            fills = [
                [*((list(spec.fills[i]) if i < len(spec.fills) else []) + [None] * n)[:n], *([None] if marks else [])]
                for i in range(len(rows))
            ]
        draw_table(slide, self.box, header, rows, widths, self.style, size, align=align, marks=marks, fills=fills)

    def _canvas(self, slide, spec: CanvasSlide) -> None:
        """The question, then an empty table with room to write in: header, and rows filling the body."""
        if spec.caption:
            self._caption(slide, spec.caption)
        box = self._below(spec.caption)
        n = max(len(spec.columns), 1)
        widths = at_least(
            scaled(spec.widths if len(spec.widths) == n else [1] * n, box.w),
            header_minimums((spec.columns + [""] * n)[:n], TABLE_SIZE),
        )
        rows = [(list(r) + [""] * n)[:n] for r in spec.rows] or [[""] * n for _ in range(max(1, spec.blank_rows))]
        header = (spec.columns + [""] * n)[:n]
        room = box.h - row_height(header, widths, TABLE_SIZE, bold=True)
        rows = [fit_row(r, widths, TABLE_SIZE, room / len(rows)) for r in rows]
        tall = max(row_height(r, widths, TABLE_SIZE) for r in rows)
        cell, label = blend(self.style.card, self.style.muted, 0.05), blend(self.style.card, self.style.muted, 0.15)
        draw_table(
            slide,
            box,
            header,
            rows,
            widths,
            self.style,
            TABLE_SIZE,
            min_row=max(tall, min(1.1, room / len(rows))),
            column_colours=[self.style.muted, *([None] * (n - 1))] if spec.rows else None,
            # every cell tinted, so the table's white rules show a grid to write in
            fills=[[label if spec.rows and c == 0 else cell for c in range(n)] for _ in rows],
        )

    def _image(self, slide, spec: ImageSlide) -> None:
        box = self.box
        if spec.caption:
            self._caption(slide, spec.caption)
            box = self._below(spec.caption)
        if not picture.draw(slide, spec, box):
            self._empty(slide, box)

    def _brief_layout(self, spec: BriefSlide):
        def table_height(width: float) -> float:
            with self._within(Box(self.box.x, self.box.y, width, self.box.h)):
                widths, rows, _ = self._table_rows(spec.table, TABLE_SIZE)
                header = row_height(spec.table.columns, widths, TABLE_SIZE, True) if spec.table.columns else 0
                return header + sum(row_height(r, widths, TABLE_SIZE) for r in rows)

        return brief.layout(spec, self.box, table_height)

    def _brief(self, slide, spec: BriefSlide) -> None:
        boxes = self._brief_layout(spec)
        brief.draw(slide, spec, boxes, self.style)
        if spec.table is not None and boxes[3] is not None:
            with self._within(boxes[3]):
                self._table_body(slide, spec.table)

    def _chart(self, slide, spec: ChartSlide) -> None:
        box = self.box
        if spec.caption:
            text_box(
                slide, Box(box.x, box.y, box.w, CAPTION_HEIGHT), spec.caption, 14, self.style, colour=self.style.muted
            )
            box = Box(box.x, box.y + CAPTION_HEIGHT + 0.05, box.w, box.h - CAPTION_HEIGHT - 0.05)
        if charts.has_assumptions(spec):
            note = f"{charts.MARK.strip()} = {spec.assumption_label}"
            footnote = Box(box.x, box.bottom - FOOTNOTE_HEIGHT, box.w, FOOTNOTE_HEIGHT)
            text_box(slide, footnote, note, 10, self.style, bold=True, colour=self.style.warning)
            box = Box(box.x, box.y, box.w, box.h - FOOTNOTE_HEIGHT)
        if charts.add_chart(slide, spec, box, self.style) is None:
            self._empty(slide, box)

    def _heatmap(self, slide, spec: HeatmapSlide) -> None:
        if not heatmap.draw(slide, spec, self.box, self.style):
            self._empty(slide, self.box)

    def _empty(self, slide, box: Box) -> None:
        """A quiet placeholder where a chart or heatmap has no data yet, rather than a blank slide."""
        shape = rect(slide, Box(box.x, box.y, box.w, min(box.h, 2.0)), self.style.card)
        shape.line.color.rgb = rgb(self.style.accent_soft)
        text_box(
            slide,
            Box(box.x, box.y, box.w, min(box.h, 2.0)),
            "–",
            28,
            self.style,
            colour=self.style.muted,
            align=PP_ALIGN.CENTER,
            anchor=MSO_ANCHOR.MIDDLE,
        )


def _numeric(values: list[str]) -> bool:
    """A column of short numbers (scores, counts, money), which reads best centred."""
    filled = [v.strip() for v in values if v.strip()]
    return bool(filled) and all(
        len(v) <= 8 and any(c.isdigit() for c in v) and not any(c.isalpha() for c in v.replace("€", "")) for v in filled
    )


def _in(emu) -> float:
    return (emu or 0) / 914400


def _emu(box: Box):
    return Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h)


def render(deck: Deck, path: Path, theme: Path | None = None, master: str | None = None) -> Path:
    """Write `deck` as an editable PowerPoint file at `path`, on `theme` (a .pptx or .potx master; default:
    ours); `master` names one of the file's masters (its number or name) instead of the best fitting one."""
    return Renderer(theme, master=master).render(deck, Path(path))


__all__ = ["render", "Renderer", "Style", "Slide", "fit"]
