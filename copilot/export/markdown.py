"""The same DeckSpec as Markdown: a heading per slide, bullets for items, Markdown tables for tables, charts
and heatmaps, and the speaker notes (with the evidence) as blockquotes. For wikis, e-mail and review."""

from __future__ import annotations

from pathlib import Path

from copilot.export.deckspec import (
    AgendaSlide,
    BriefSlide,
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


def to_markdown(deck: Deck) -> str:
    """`deck` as one Markdown document."""
    parts: list[str] = []
    for spec in deck.slides:
        parts.append("\n".join(_slide(spec)).strip())
        if spec.notes:
            parts.append(_quote(spec.notes))
    return "\n\n".join(p for p in parts if p) + "\n"


def write_markdown(deck: Deck, path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_markdown(deck), encoding="utf-8")
    return path


def _slide(spec: Slide) -> list[str]:
    if isinstance(spec, TitleSlide):
        return [f"# {_inline(spec.title)}", "", _inline(spec.subtitle)]
    if isinstance(spec, SectionSlide):
        return ["---", "", f"## {_inline(spec.title)}", "", f"*{_inline(spec.subtitle)}*" if spec.subtitle else ""]
    lines = [f"### {_inline(spec.title)}", ""]
    if isinstance(spec, AgendaSlide):
        lines += [f"- **{r.start}** {_inline(r.label)} ({r.minutes} min)" for r in spec.rows]
    elif isinstance(spec, CardsSlide):
        lines += _cards(spec.cards, spec.assumption_label)
    elif isinstance(spec, BriefSlide):  # the one-page brief: statement, panels, then its table
        lines += [f"**{_inline(spec.statement)}**", ""] + ([_inline(spec.lead), ""] if spec.lead.strip() else [])
        lines += _cards(spec.panels, spec.assumption_label)
        if spec.table is not None:
            lines += ["", *_slide(spec.table)[2:]]
    elif isinstance(spec, ImageSlide):
        lines.append(f"*{_inline(spec.caption)}*" if spec.caption.strip() else "*(picture in the deck)*")
    elif isinstance(spec, TableSlide):
        if getattr(spec, "caption", ""):
            lines += [f"*{_inline(spec.caption)}*", ""]
        marked = any(spec.assumptions)
        flags = spec.assumptions + [False] * len(spec.rows)
        columns = spec.columns + ([spec.assumption_label] if marked else [])
        rows = [r + ([spec.assumption_label if flags[i] else ""] if marked else []) for i, r in enumerate(spec.rows)]
        lines += _table(columns, rows)
        if spec.row_notes:
            lines += ["", _quote("\n".join(spec.row_notes))]
    elif isinstance(spec, HeatmapSlide):
        marked = any(spec.assumptions)
        flags = spec.assumptions + [False] * len(spec.rows)
        columns = [spec.corner, *spec.columns] + ([spec.assumption_label] if marked else [])
        rows = []
        for i, label in enumerate(spec.rows):
            values = spec.values[i] if i < len(spec.values) else []
            cells = [("–" if v is None else str(v)) for v in values]
            rows.append([label, *cells] + ([spec.assumption_label if flags[i] else ""] if marked else []))
        lines += _table(columns, rows)
        low, high = spec.scale_labels
        lines += ["", f"*{spec.scale_min} = {low}, {spec.scale_max} = {high}*"]
    elif isinstance(spec, ChartSlide):
        lines += _chart(spec)
    return lines


def _cards(cards, assumption_label: str) -> list[str]:
    lines = []
    for card in cards:
        mark = f" *({assumption_label})*" if card.assumption else ""
        body = f" — {_inline(card.body)}" if card.body.strip() else ""
        footer = f" ({_inline(card.footer)})" if card.footer.strip() else ""
        lines.append(f"- **{_inline(card.heading) or '–'}**{mark}{body}{footer}")
    return lines


def _chart(spec: ChartSlide) -> list[str]:
    lines = [f"*{_inline(spec.caption)}*", ""] if spec.caption else []
    if spec.kind in ("line", "bar"):
        flags = spec.category_assumptions + [False] * len(spec.categories)
        columns = [spec.x_title or "", *(s.name for s in spec.series)]
        rows = [
            [c + (f" ({spec.assumption_label})" if flags[i] else ""), *(_number(s.values, i) for s in spec.series)]
            for i, c in enumerate(spec.categories)
        ]
        return lines + _table(columns, rows)
    columns = ["", spec.x_title or "x", spec.y_title or "y"] + (["⌀", ""] if spec.kind == "bubble" else [])
    rows = []
    for point in spec.points:
        row = [point.label + (f" ({spec.assumption_label})" if point.assumption else ""), _n(point.x), _n(point.y)]
        if spec.kind == "bubble":
            row += [_n(point.size), point.group]
        rows.append(row)
    lines += _table(columns, rows) if rows else []
    if spec.waiting:
        lines += ["", f"**{_inline(spec.waiting_label)}** " + ", ".join(_inline(w) for w in spec.waiting)]
    if len(spec.quadrants) == 4:  # the 2×2 as a 2×2 table
        top_left, top_right, bottom_left, bottom_right = spec.quadrants
        lines += ["", *_table([spec.y_title, ""], [[top_left, top_right], [bottom_left, bottom_right]])]
        lines.append(f"*{_inline(spec.x_title)}*" if spec.x_title else "")
    return lines


def _table(columns: list[str], rows: list[list[str]]) -> list[str]:
    width = max([len(columns), *(len(r) for r in rows)]) if (columns or rows) else 0
    if not width:
        return []
    header = (columns + [""] * width)[:width]
    lines = ["| " + " | ".join(_cell(c) for c in header) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(_cell(c) for c in (r + [""] * width)[:width]) + " |" for r in rows]
    return lines


def _cell(text: str) -> str:
    return _inline(str(text)).replace("|", "\\|")


def _inline(text: str) -> str:
    """One line of text: line breaks become `<br>` so tables and bullets stay intact."""
    return "<br>".join(line.strip() for line in str(text).strip().splitlines() if line.strip())


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.strip().splitlines())


def _number(values: list[float | None], index: int) -> str:
    return _n(values[index]) if index < len(values) and values[index] is not None else ""


def _n(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
