"""What every step picture shares: the deck's colours, one way to turn a drawing into PNG bytes, a friendly
empty state, and labels placed beside their points without running into each other.

matplotlib is imported inside the functions: a notebook that never draws a picture never pays for it.
Figures are drawn on matplotlib's Agg canvas directly (no pyplot), so drawing changes no global state and works
the same in JupyterLab, Voila and headless tests.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from copilot import palette
from copilot.export.text import shorten  # noqa: F401  (re-exported for the visuals)
from copilot.i18n import t
from copilot.palette import web

# the deck's colours (copilot/palette.py), as matplotlib takes them
INK = web(palette.INK)  # text and lines
MUTED = web(palette.MUTED)
LIGHT = web(palette.LIGHT)
GRID = web(palette.GRID)
CARD = web(palette.CARD)
ACCENT = web(palette.ACCENT)
ACCENT_SOFT = web(palette.ACCENT_SOFT)
WARNING = web(palette.WARNING)  # assumptions: an item without research evidence
AMBER = web(palette.AMBER)
INDIGO = web(palette.INDIGO)
ROSE = web(palette.ROSE)
SKY = web(palette.SKY)

# stakeholder stances along the engagement scale, as on the deck's bubble chart
STANCE_COLOURS = {stance: web(colour) for stance, colour in palette.STANCES.items()}
# scores 1–5: coral (a problem) through sand to green-teal (ready), as the deck's heatmap
HEAT_SCALE = tuple(web(colour) for colour in palette.HEAT_SCALE)
# emotion −2..+2, from very negative to very positive
EMOTION_COLOURS = {-2: "#C2410C", -1: "#E8795F", 0: "#D4A017", 1: "#2BA399", 2: "#0F766E"}
# time well saved (give the customer their time back) and time well spent (worth a person's attention)
TIME_WELL_COLOURS = {"saved": SKY, "spent": AMBER}

WIDTH = 8.6  # inches: the editor is about 1000 px wide
DPI = 120
FONT_FAMILIES = ("Arial", "Liberation Sans", "Helvetica", "DejaVu Sans")  # the deck's Arial when present
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def text(key: str, language: str, **values: object) -> str:
    """A picture's label from the `visuals:` part of the locale files."""
    return t(f"visuals.{key}", language, **values)


def blend(colour: str, other: str, amount: float) -> str:
    """`colour` moved `amount` (0…1) towards `other`, as #RRGGBB."""
    a, b = _rgb(colour), _rgb(other)
    return "#" + "".join(f"{round(x + (y - x) * amount):02X}" for x, y in zip(a, b, strict=True))


def readable_on(fill: str) -> str:
    """White or ink text, whichever reads better on `fill`."""
    r, g, b = (c / 255 for c in _rgb(fill))
    return "#FFFFFF" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.55 else INK


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def scale_colour(value: float, low: float = 1, high: float = 5) -> str:
    """A fill from coral (low) through sand to green-teal (high)."""
    share = 0.5 if high == low else min(1.0, max(0.0, (value - low) / (high - low)))
    if share <= 0.5:
        return blend(HEAT_SCALE[0], HEAT_SCALE[1], share * 2)
    return blend(HEAT_SCALE[1], HEAT_SCALE[2], (share - 0.5) * 2)


def wrap(value: str, width: int, lines: int = 2) -> str:
    """`value` wrapped at `width` characters, at most `lines` lines, the last one cut with an ellipsis. A word
    too long for a line is hyphenated, where it can be at a Dutch linking s ("Betalings-achterstand")."""
    words = [part for word in value.split() for part in _hyphenated(word, width)]
    parts = textwrap.wrap(" ".join(words), width, break_long_words=True) or [""]
    if len(parts) > lines:
        parts = [*parts[: lines - 1], shorten(" ".join(parts[lines - 1 :]), width)]
    return "\n".join(parts)


def ring_assumptions(ax, points: list[tuple[float, float]], size: float, zorder: int = 3):
    """Dashed rings in the deck's assumption colour around points with no research evidence behind them;
    returns the legend handle for them (None when there are none)."""
    if not points:
        return None
    from matplotlib.lines import Line2D

    ax.scatter(
        [x for x, _ in points],
        [y for _, y in points],
        s=size,
        facecolors="none",
        edgecolors=WARNING,
        linewidths=1.2,
        linestyle=(0, (2, 1.5)),
        zorder=zorder,
    )
    return Line2D([], [], marker="o", linestyle="", markersize=11, markerfacecolor="none", markeredgecolor=WARNING)


_LINKING = ("ings", "heids", "teits", "schaps", "tijds")  # Dutch compounds join here: betalings|achterstand


def _hyphenated(word: str, width: int, shortest: int = 4) -> list[str]:
    """`word` in pieces of at most `width` characters, each but the last ending in a hyphen."""
    if len(word) <= width or width <= shortest + 1:
        return [word]
    cuts = range(shortest, min(width - 1, len(word) - shortest) + 1)
    joints = [cut for cut in cuts if word[:cut].lower().endswith(_LINKING)]
    cut = max(joints or cuts, default=width - 1)
    return [word[:cut] + "-", *_hyphenated(word[cut:], width, shortest)]


@cache
def _fonts() -> list[str]:
    from matplotlib import font_manager

    found = []
    for family in FONT_FAMILIES:
        try:
            font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
            found.append(family)
        except ValueError:
            continue
    return found or ["DejaVu Sans"]


def _rc() -> dict[str, Any]:
    return {
        "font.family": _fonts() + (["DejaVu Sans"] if "DejaVu Sans" not in _fonts() else []),  # glyph fallback
        "font.size": 9.5,
        "text.color": INK,
        "axes.edgecolor": GRID,
        "axes.labelcolor": MUTED,
        "axes.labelsize": 9.5,
        "axes.titlesize": 11,
        "axes.titleweight": "bold",
        "axes.titlecolor": INK,
        "axes.titlelocation": "left",
        "xtick.color": MUTED,
        "ytick.color": MUTED,
        "xtick.labelcolor": INK,
        "ytick.labelcolor": INK,
        "legend.frameon": False,
        "legend.fontsize": 8.5,
        "svg.fonttype": "none",
    }


def render(draw: Callable[[Any], None], height: float, width: float = WIDTH) -> bytes:
    """PNG bytes of a `width` × `height` inch figure that `draw(figure)` fills in."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with rc_context(_rc()):
        figure = Figure(figsize=(width, height), dpi=DPI, facecolor="white")
        FigureCanvasAgg(figure)  # a renderer to measure labels with while drawing
        draw(figure)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, facecolor="white", metadata={"Software": None})
    return buffer.getvalue()


def empty_state(message: str, title: str = "", height: float = 1.7) -> bytes:
    """A calm dashed card saying what to fill in for the picture to appear."""

    def draw(figure) -> None:
        from matplotlib.patches import FancyBboxPatch

        ax = figure.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.add_patch(
            FancyBboxPatch(
                (0.02, 0.08),
                0.96,
                0.84,
                boxstyle="round,pad=0,rounding_size=0.04",
                facecolor=CARD,
                edgecolor=LIGHT,
                linestyle=(0, (4, 3)),
                linewidth=1.2,
                mutation_aspect=1 / (height / WIDTH),
            )
        )
        if title:
            ax.text(0.5, 0.64, title, ha="center", va="center", fontsize=11, weight="bold", color=INK)
        ax.text(0.5, 0.38 if title else 0.5, wrap(message, 110, 3), ha="center", va="center", color=MUTED)

    return render(draw, height)


def spread(points: Sequence[tuple[float, float]], radius: float = 0.17) -> list[tuple[float, float]]:
    """Points that share a spot (scores on a 1–5 grid often do) moved apart on a small circle around it."""
    import math

    groups: dict[tuple[float, float], list[int]] = {}
    for index, point in enumerate(points):
        groups.setdefault(point, []).append(index)
    moved = list(points)
    for (x, y), members in groups.items():
        if len(members) == 1:
            continue
        ring = radius * (1 + max(0, len(members) - 6) / 6)
        for n, index in enumerate(members):
            angle = math.pi / 2 + 2 * math.pi * n / len(members)
            moved[index] = (x + ring * math.cos(angle), y + ring * math.sin(angle))
    return moved


def place_labels(
    ax,
    points: Sequence[tuple[float, float]],
    labels: Sequence[str],
    marker_size: float,
    obstacles: Sequence[Any] = (),
    fontsize: float = 8.5,
) -> list[Any]:
    """Put each label beside its point where it overlaps no other label, point or obstacle (another text);
    a label that has to move away from its point gets a thin leader line."""
    from matplotlib.transforms import Bbox

    figure = ax.figure
    renderer = figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    pixels = figure.dpi / 72
    radius = (marker_size**0.5) / 2 * pixels + 1
    centres = [ax.transData.transform(p) for p in points]
    taken = [Bbox.from_extents(x - radius, y - radius, x + radius, y + radius) for x, y in centres]
    taken += [o.get_window_extent(renderer).expanded(1.02, 1.1) for o in obstacles]
    gap = (marker_size**0.5) / 2 + 3  # points from the marker's centre to the label
    placed = []
    order = sorted(range(len(points)), key=lambda i: (-centres[i][1], centres[i][0]))
    for i in order:
        right = centres[i][0] < frame.x0 + frame.width * 0.72
        sides = [(gap, 0, "left"), (-gap, 0, "right")] if right else [(-gap, 0, "right"), (gap, 0, "left")]
        tries = [
            *sides,
            (0, gap, "center"),
            (0, -gap, "center"),
            *[(dx, dy * step, ha) for step in (1, 2, 3, 4) for dy in (-11, 11) for dx, _, ha in sides],
        ]
        best = None
        for dx, dy, ha in tries:
            label = _annotate(ax, labels[i], points[i], (dx, dy), ha, fontsize)
            box = label.get_window_extent(renderer).expanded(1.0, 1.08)
            cost = sum(_overlap(box, other) for n, other in enumerate(taken) if n != i) + _outside(box, frame) * 4
            if best is None or cost < best[0]:
                if best is not None:
                    best[1].remove()
                best = (cost, label, box, (dx, dy, ha))
            else:
                label.remove()
            if cost == 0:
                break
        _, label, box, (dx, dy, ha) = best
        if abs(dy) > 12:  # far from its point: redraw it with a leader line
            label.remove()
            label = _annotate(ax, labels[i], points[i], (dx, dy), ha, fontsize, leader=True)
        taken.append(box)
        placed.append(label)
    return placed


def _annotate(ax, label: str, point, offset: tuple[float, float], ha: str, fontsize: float, leader: bool = False):
    dy = offset[1]
    va = "center" if dy == 0 or ha != "center" else ("bottom" if dy > 0 else "top")
    arrow = None
    if leader:
        arrow = {
            "arrowstyle": "-",
            "color": LIGHT,
            "linewidth": 0.6,
            "shrinkA": 0,
            "shrinkB": 4,
            "relpos": (0.0, 0.5) if ha == "left" else (1.0, 0.5),
        }
    return ax.annotate(
        label,
        point,
        xytext=offset,
        textcoords="offset points",
        ha=ha,
        va=va,
        fontsize=fontsize,
        color=INK,
        zorder=6,
        annotation_clip=False,
        arrowprops=arrow,
    )


def _overlap(a, b) -> float:
    width = min(a.x1, b.x1) - max(a.x0, b.x0)
    height = min(a.y1, b.y1) - max(a.y0, b.y0)
    return width * height if width > 0 and height > 0 else 0.0


def _outside(box, frame) -> float:
    inside = _overlap(box, frame)
    return box.width * box.height - inside


def is_png(data: bytes) -> bool:
    return data[:8] == PNG_SIGNATURE


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) in pixels, read from the PNG header."""
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


GRID_MIDDLE = 2.5  # scores of 3 and up count as high
GRID_LOW, GRID_HIGH = 0.15, 5.85  # a margin round the 1–5 scores keeps the quadrant names clear of the points


def corner_names(ax, names: dict[tuple[bool, bool], tuple[str, str]], alpha: float = 1.0) -> list:
    """Each quadrant's name, bold, in its outer corner of a `quadrant_axes` grid: (left?, top?) → (name, colour).
    Returns the texts, so point labels can keep clear of them."""
    inset = 0.07
    return [
        ax.text(
            GRID_LOW + inset if is_left else GRID_HIGH - inset,
            GRID_HIGH - inset if is_top else GRID_LOW + inset,
            name,
            ha="left" if is_left else "right",
            va="top" if is_top else "bottom",
            fontsize=10.5,
            weight="bold",
            color=colour,
            alpha=alpha,
            zorder=2,
        )
        for (is_left, is_top), (name, colour) in names.items()
    ]


def quadrant_axes(
    figure,
    margins: tuple[float, float, float, float],
    x_label: str,
    y_label: str,
    title: str,
    tints: dict[tuple[bool, bool], str],
):
    """Axes for a 1–5 × 1–5 grid cut into four quadrants (a 2×2 matrix); `tints` maps (left?, top?) to a fill.
    `margins` are left, right, top, bottom in inches."""
    left, right, top, bottom = margins
    ax = figure.add_axes(
        (
            left / WIDTH,
            bottom / figure.get_figheight(),
            (WIDTH - left - right) / WIDTH,
            (figure.get_figheight() - top - bottom) / figure.get_figheight(),
        )
    )
    ax.set_xlim(GRID_LOW, GRID_HIGH)
    ax.set_ylim(GRID_LOW, GRID_HIGH)
    ax.set_xticks(range(1, 6))
    ax.set_yticks(range(1, 6))
    ax.tick_params(length=0)
    ax.set_xlabel(x_label)
    ax.set_ylabel(y_label)
    ax.set_title(title, pad=8)
    for (is_left, is_top), tint in tints.items():
        x0, x1 = (GRID_LOW, GRID_MIDDLE) if is_left else (GRID_MIDDLE, GRID_HIGH)
        y0, y1 = (GRID_MIDDLE, GRID_HIGH) if is_top else (GRID_LOW, GRID_MIDDLE)
        ax.fill_between([x0, x1], y0, y1, color=tint, linewidth=0, zorder=0)
    ax.axvline(GRID_MIDDLE, color=LIGHT, linewidth=1, zorder=1)
    ax.axhline(GRID_MIDDLE, color=LIGHT, linewidth=1, zorder=1)
    for side in ax.spines.values():
        side.set_color(GRID)
    return ax
