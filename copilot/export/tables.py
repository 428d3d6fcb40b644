"""Native tables that never run off a slide: rows are measured with real font metrics, split over continuation
slides where they stop fitting, and drawn with the heights measured. Heatmaps are tables with coloured cells.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.util import Inches

from copilot import palette
from copilot.export.fit import fit, height, text_width
from copilot.export.theme import Box, Style, blend

CELL_MARGIN_X = 0.08  # inches, left and right inside a cell
CELL_MARGIN_Y = 0.05  # top and bottom
MIN_ROW = 0.36
HEAT_SCALE = palette.HEAT_SCALE  # coral, sand, green-teal


def scaled(widths: list[float], total: float) -> list[float]:
    """Relative widths stretched to `total` inches."""
    widths = widths or [1.0]
    return [w * total / sum(widths) for w in widths]


def at_least(widths: list[float], minimums: list[float]) -> list[float]:
    """`widths` (inches) with every column at least its minimum — the longest word of its header — taking the
    room from the columns that have more than they need. The total stays the same when it can."""
    widths = list(widths)
    for _ in range(len(widths)):
        short = [i for i, (w, m) in enumerate(zip(widths, minimums, strict=False)) if w < m - 1e-9]
        if not short:
            break
        deficit = sum(minimums[i] - widths[i] for i in short)
        spare = {i: widths[i] - minimums[i] for i in range(len(widths)) if i not in short and widths[i] > minimums[i]}
        if not spare:
            break
        share = min(1.0, deficit / sum(spare.values()))
        for i in short:
            widths[i] = minimums[i]
        for i, room in spare.items():
            widths[i] -= room * share
    return widths


def header_minimums(header: list[str], size: float) -> list[float]:
    """Per column, the width its header's longest word needs, so no header word breaks mid-word."""
    return [
        max((text_width(word, size, bold=True) for word in (text or "").split()), default=0) * 1.04
        + 2 * CELL_MARGIN_X
        + 0.04
        for text in header
    ]


def cell_height(text: str, size: float, width: float, bold: bool = False) -> float:
    """Height a cell needs for `text` in a column `width` inches wide, margins included."""
    return height(text or " ", size, width - 2 * CELL_MARGIN_X, bold) + 2 * CELL_MARGIN_Y


def row_height(
    values: list[str], widths: list[float], size: float, bold: bool = False, min_row: float = MIN_ROW
) -> float:
    return max([min_row, *(cell_height(v, size, w, bold) for v, w in zip(values, widths, strict=False))])


def breaks_words(rows: list[list[str]], widths: list[float], size: float) -> bool:
    """Whether some word is wider than its column at `size`, so it would be broken mid-word."""
    return any(
        text_width(word, size) > width - 2 * CELL_MARGIN_X
        for row in rows
        for value, width in zip(row, widths, strict=False)
        for word in str(value).split()
    )


def fit_row(values: list[str], widths: list[float], size: float, limit: float) -> list[str]:
    """A row no taller than `limit`: cells too long for it are shortened at a word boundary."""
    frame = limit - 2 * CELL_MARGIN_Y
    return [fit(v, size, w - 2 * CELL_MARGIN_X, frame, min_size=size)[0] for v, w in zip(values, widths, strict=False)]


def split(heights: list[float], available: float) -> list[list[int]]:
    """Row indexes per page. As few pages as packing allows, with the rows spread evenly over them, so the
    last page is not a lonely row or two."""
    if not heights:
        return [[]]

    def pack(capacity: float) -> list[list[int]]:
        pages, page, used = [], [], 0.0
        for index, h in enumerate(heights):
            if page and used + h > capacity + 1e-9:
                pages.append(page)
                page, used = [], 0.0
            page.append(index)
            used += h
        return [*pages, page]

    fewest = len(pack(available))
    low, high = max(heights), available
    for _ in range(30):  # the smallest page capacity that still needs no more pages
        middle = (low + high) / 2
        if len(pack(middle)) <= fewest:
            high = middle
        else:
            low = middle
    return pack(high)


def draw_table(
    slide,
    box: Box,
    header: list[str] | None,
    rows: list[list[str]],
    widths: list[float],
    style: Style,
    size: float = 11,
    fills: list[list[str | None]] | None = None,
    align: list[PP_ALIGN] | None = None,
    marks: list[str] | None = None,
    min_row: float = MIN_ROW,
    column_colours: list[str | None] | None = None,
    anchor=MSO_ANCHOR.TOP,
):
    """A native table at the top of `box`, rows as tall as their measured text. `widths` in inches.

    `fills` colours single cells (heatmaps); `marks` is a per-row text for a last, narrow marker column."""
    all_rows = ([header] if header else []) + rows
    if not all_rows:
        return None
    heights = [
        row_height(r, widths, size, bold=bool(header) and i == 0, min_row=MIN_ROW if header and i == 0 else min_row)
        for i, r in enumerate(all_rows)
    ]
    shape = slide.shapes.add_table(
        1, len(widths), Inches(box.x), Inches(box.y), Inches(sum(widths)), Inches(sum(heights))
    )
    table = shape.table
    table.first_row = bool(header)
    table.horz_banding = False
    cells = []
    for r, values in enumerate(all_rows):
        is_header = bool(header) and r == 0
        body_row = r - (1 if header else 0)
        row = []
        for c, value in enumerate(values):
            fill = style.accent if is_header else (style.card if body_row % 2 else "FFFFFF")
            if fills and not is_header and fills[body_row][c]:
                fill = fills[body_row][c]
            is_mark = marks is not None and c == len(values) - 1 and not is_header
            colour = style.warning if is_mark else style.on(fill)
            if column_colours and column_colours[c] and not is_header:
                colour = column_colours[c]
            bold = (
                is_header or is_mark or bool(fills and fills[body_row][c]) or bool(column_colours and column_colours[c])
            )
            row.append(
                _cell_xml(
                    str(value),
                    fill,
                    colour,
                    size,
                    bold,
                    align=(align[c] if align else PP_ALIGN.LEFT).xml_value,
                    font=style.font,
                    anchor=(MSO_ANCHOR.MIDDLE if is_header else anchor).xml_value,
                )
            )
        cells.append(row)
    _replace_grid(table._tbl, widths, heights, cells)
    return shape


# Cells are written as XML in one go: styling 1,000+ cells through python-pptx's object model took most of a
# deck's build time (bench/deck_build.py). The XML is what python-pptx itself writes for the same settings.
_MARGINS = (
    f'marL="{int(Inches(CELL_MARGIN_X))}" marR="{int(Inches(CELL_MARGIN_X))}" '
    f'marT="{int(Inches(CELL_MARGIN_Y))}" marB="{int(Inches(CELL_MARGIN_Y))}"'
)
_CONTROL = re.compile(r"[\x00-\x08\x0B-\x1F]")


def _text_xml(text: str) -> str:
    """`text` escaped for an `a:t` element; control characters as the plain-text escapes python-pptx uses."""
    return escape(_CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", text))


def _cell_xml(text: str, fill: str, colour: str, size: float, bold: bool, align: str, font: str, anchor: str) -> str:
    run_properties = (
        f'<a:rPr sz="{int(round(size * 100))}" b="{int(bold)}"><a:solidFill><a:srgbClr val="{colour}"/>'
        f'</a:solidFill><a:latin typeface="{escape(font, {chr(34): "&quot;"})}"/></a:rPr>'
    )
    paragraphs = "".join(
        f'<a:p><a:pPr algn="{align}"/><a:r>{run_properties}<a:t>{_text_xml(line)}</a:t></a:r></a:p>'
        for line in text.split("\n")
    )
    return (
        f'<a:tc><a:txBody><a:bodyPr wrap="square"/><a:lstStyle/>{paragraphs}</a:txBody>'
        f'<a:tcPr {_MARGINS} anchor="{anchor}"><a:solidFill><a:srgbClr val="{fill}"/></a:solidFill></a:tcPr></a:tc>'
    )


def _replace_grid(tbl, widths: list[float], heights: list[float], cells: list[list[str]]) -> None:
    """Put the column grid and all rows (`cells` as XML) into the table element `tbl`."""
    grid = "".join(f'<a:gridCol w="{int(Inches(w))}"/>' for w in widths)
    rows = "".join(f'<a:tr h="{int(Inches(h))}">{"".join(row)}</a:tr>' for h, row in zip(heights, cells, strict=True))
    parsed = parse_xml(f"<a:tbl {nsdecls('a')}><a:tblGrid>{grid}</a:tblGrid>{rows}</a:tbl>")
    for old in [*tbl.findall(qn("a:tblGrid")), *tbl.findall(qn("a:tr"))]:
        tbl.remove(old)
    for child in list(parsed):
        tbl.append(child)


def mark_width(label: str, size: float) -> float:
    """Width of the marker column that flags assumptions."""
    return text_width(label, size, bold=True) + 2 * CELL_MARGIN_X + 0.12


def scale_colour(value: float | None, low: float, high: float) -> str | None:
    """A cell fill from coral (low) through sand to green-teal (high); None for no score."""
    if value is None:
        return None
    stops = HEAT_SCALE  # fixed, not the theme's accent: low reads as a problem and high as ready in every deck
    t = 0.5 if high == low else min(1.0, max(0.0, (value - low) / (high - low)))
    if t <= 0.5:
        return blend(stops[0], stops[1], t * 2)
    return blend(stops[1], stops[2], (t - 0.5) * 2)
