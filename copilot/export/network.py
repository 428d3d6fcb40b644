"""The influence network as a picture: who influences whom, drawn with networkx and matplotlib to PNG bytes.

Nodes are coloured by stance on the engagement scale (the same colours as the stakeholder map), arrows run
from who influences to who is influenced and thicken with strength, and a ring marks coalition candidates.
matplotlib's object API is used without pyplot, so drawing never changes a notebook's backend.
"""

from __future__ import annotations

import io
import logging
import textwrap
from dataclasses import dataclass, field

from copilot import palette
from copilot.export.network_layout import network_layout
from copilot.palette import web

log = logging.getLogger(__name__)

INK, MUTED, EDGE = web(palette.INK), web(palette.MUTED), web(palette.LIGHT)
RING = web(palette.ACCENT)
NO_STANCE = web(palette.NO_STANCE)
ARC = 0.1  # how much arrows bend, so that A→B and B→A stay apart
EDGE_LABELS = 8  # more links than this: their "how" stays in the table, the picture stays readable
X_LIMITS, Y_LIMITS = (-1.15, 1.15), (-1.3, 1.22)
SPAN = 0.92  # the nodes stand within ±SPAN of the axes' data range, their names below; see `frame_inches`
AXES = (0.01, 0.12, 0.98, 0.87)  # where the drawing sits in the figure, the legend below it
SIZE = (12, 4.8)  # inches: the picture on the slide


@dataclass
class Node:
    id: str
    label: str
    colour: str = NO_STANCE  # hex, with or without '#'
    ringed: bool = False


@dataclass
class Link:
    source: str
    target: str
    strength: int = 3  # 1 … 5
    label: str = ""


@dataclass
class Legend:
    entries: list[tuple[str, str]] = field(default_factory=list)  # (label, hex colour)
    ring: str = ""  # what a ring means


def _hex(colour: str) -> str:
    return colour if colour.startswith("#") else f"#{colour}"


def network_png(
    nodes: list[Node], links: list[Link], legend: Legend, size: tuple[float, float] = SIZE, font: str = "Arial"
) -> bytes:
    """A PNG of the network, `size` inches at 200 dpi; b'' when networkx or matplotlib is not installed."""
    try:
        import matplotlib  # noqa: F401
        import networkx  # noqa: F401
    except ImportError as error:  # the deck keeps the table of links; only the picture is left out
        log.warning("No influence-network picture: %s is not installed.", error.name)
        return b""
    figure, _ = network_figure(nodes, links, legend, size, font)
    return _opaque_png(figure.canvas.buffer_rgba())


def network_figure(
    nodes: list[Node], links: list[Link], legend: Legend, size: tuple[float, float] = SIZE, font: str = "Arial"
):
    """(the drawn matplotlib figure, its name and link texts): names never overlap each other, and a link's
    label that would cover a name or another label is left off (the table of links keeps it)."""
    import networkx as nx
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    graph = nx.DiGraph()
    for node in nodes:
        graph.add_node(node.id)
    for link in links:
        graph.add_edge(link.source, link.target, strength=link.strength, label=link.label)
    positions = slide_positions(nodes, links)
    figure = Figure(figsize=size, dpi=200)
    FigureCanvasAgg(figure)
    axes = figure.add_axes(AXES)
    axes.set_axis_off()
    axes.set_xlim(*X_LIMITS)
    axes.set_ylim(*Y_LIMITS)  # room under the lowest nodes for their names
    families = _family(font)
    by_id = {n.id: n for n in nodes}
    node_size = 1400 if len(nodes) <= 12 else 800  # points², so a radius of about 21 (or 16) points
    radius = (node_size / 3.1416) ** 0.5
    name_texts, link_texts = [], []
    for source, target, data in graph.edges(data=True):
        ringed = by_id.get(target) is not None and by_id[target].ringed
        axes.annotate(
            "",
            xy=positions[target],
            xytext=positions[source],
            arrowprops={
                "arrowstyle": "-|>,head_length=0.8,head_width=0.45",
                "color": EDGE,
                "lw": 1 + 1.1 * max(1, min(5, data["strength"])),
                "shrinkA": radius + 3,
                "shrinkB": radius * (1.45 if ringed else 1) + 4,
                "connectionstyle": f"arc3,rad={ARC}",
            },
            zorder=1,
        )
        if data["label"] and graph.number_of_edges() <= EDGE_LABELS:
            spot, (ha, va) = beside_arc(axes, positions[source], positions[target], ARC)
            link_texts.append(
                axes.annotate(
                    textwrap.fill(data["label"], 24, break_long_words=False),
                    spot,
                    fontsize=9,
                    family=families,
                    color=MUTED,
                    ha=ha,
                    va=va,
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85},
                    zorder=2,
                )
            )
    for node_id, (x, y) in positions.items():
        node = by_id.get(node_id) or Node(node_id, node_id)
        if node.ringed:
            axes.scatter([x], [y], s=node_size * 2.1, facecolors="none", edgecolors=RING, linewidths=2.5, zorder=3)
        axes.scatter([x], [y], s=node_size, c=_hex(node.colour), edgecolors="white", linewidths=2, zorder=4)
        name = axes.annotate(
            textwrap.fill(node.label, 18, break_long_words=False),
            (x, y),
            xytext=(0, -(radius * (1.45 if node.ringed else 1) + 5)),
            textcoords="offset points",
            fontsize=10,
            family=families,
            weight="bold",
            color=INK,
            ha="center",
            va="top",
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},  # over arrows
            zorder=5,
        )
        name_texts.append(name)
    handles = [
        Line2D([], [], marker="o", linestyle="", markersize=11, markerfacecolor=_hex(colour), markeredgecolor="white")
        for _, colour in legend.entries
    ]
    labels = [label for label, _ in legend.entries]
    if legend.ring:
        handles.append(
            Line2D(
                [], [], marker="o", linestyle="", markersize=14, markerfacecolor="none", markeredgecolor=RING, mew=2.5
            )
        )
        labels.append(legend.ring)
    if handles:
        figure.legend(
            handles,
            labels,
            loc="lower center",
            ncol=len(handles),
            bbox_to_anchor=(0.5, 0.0),
            frameon=False,
            prop={"family": families, "size": 11},
            labelcolor=INK,
            columnspacing=2.2,
        )
    figure.set_facecolor("white")
    figure.canvas.draw()
    _unclutter(figure, name_texts, link_texts, _marker_boxes(figure, axes, positions, radius))
    figure.canvas.draw()
    return figure, name_texts + [text for text in link_texts if text.figure is not None]


def slide_positions(nodes: list[Node], links: list[Link]) -> dict[str, tuple[float, float]]:
    """The shared layout (`network_layout`, the same as the notebook's picture) in the axes' data units."""
    placed = network_layout([n.id for n in nodes], [(k.source, k.target) for k in links])
    return {n: (SPAN * (2 * x - 1), SPAN * (2 * y - 1)) for n, (x, y) in placed.items()}


def frame_inches(size: tuple[float, float] = SIZE) -> tuple[float, float]:
    """The inches the nodes stand in on a `size` picture: the layout's frame, at the slide's size."""
    return (
        size[0] * AXES[2] * 2 * SPAN / (X_LIMITS[1] - X_LIMITS[0]),
        size[1] * AXES[3] * 2 * SPAN / (Y_LIMITS[1] - Y_LIMITS[0]),
    )


def beside_arc(axes, start, end, rad: float, gap: float = 5) -> tuple[tuple[float, float], tuple[str, str]]:
    """A spot just outside the middle of an arc3 arrow from `start` to `end` bending by `rad` (arc3 bends in
    display space), and the alignment that keeps a label there off the arrow: each link's label beside its own
    arrow, also when A→B and B→A both have one. The notebook's picture places its labels the same way."""
    import math

    (x1, y1), (x2, y2) = axes.transData.transform([start, end])
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy) or 1.0
    out = (dy / length, -dx / length)  # the side the arrow bows to
    bow = rad * length / 2 + gap * axes.figure.dpi / 72
    spot = ((x1 + x2) / 2 + out[0] * bow, (y1 + y2) / 2 + out[1] * bow)
    ha = "center" if abs(out[0]) < 0.3 else ("left" if out[0] > 0 else "right")
    va = "center" if abs(out[1]) < 0.3 else ("bottom" if out[1] > 0 else "top")
    return tuple(axes.transData.inverted().transform(spot)), (ha, va)


def _marker_boxes(figure, axes, positions: dict, radius: float) -> list:
    """The nodes' circles as boxes in display units, for link labels to stay off."""
    from matplotlib.transforms import Bbox

    pixels = radius * figure.dpi / 72
    centres = [axes.transData.transform(xy) for xy in positions.values()]
    return [Bbox([[x - pixels, y - pixels], [x + pixels, y + pixels]]) for x, y in centres]


def _unclutter(figure, names: list, links: list, markers: list) -> None:
    """Measured on the drawn figure: names that still overlap after the layout are set smaller (down to 7 pt);
    a link label that covers a name, a node or another label is removed."""
    renderer = figure.canvas.get_renderer()
    for size in (9, 8, 7):
        boxes = [name.get_window_extent(renderer) for name in names]
        if not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :]):
            break
        for name in names:
            name.set_fontsize(size)
    drop_covering(renderer, links, [name.get_window_extent(renderer) for name in names] + markers)


def drop_covering(renderer, labels: list, taken: list) -> None:
    """Removes each of `labels` (drawn texts, in order) that would cover one of the `taken` boxes (display units)
    or a label kept before it, or comes within 3 points of one (it would read as part of a name). The notebook's
    picture follows the same rule for its link labels."""
    taken = list(taken)
    gap = renderer.points_to_pixels(3)
    for label in labels:
        box = label.get_window_extent(renderer)
        if any(box.padded(gap).overlaps(other) for other in taken):
            label.remove()
        else:
            taken.append(box)


def _family(font: str) -> str:
    """The deck's font if matplotlib has it, else a metric twin of Arial, else matplotlib's own."""
    from matplotlib import font_manager

    available = {entry.name for entry in font_manager.fontManager.ttflist}
    return next((f for f in (font, "Liberation Sans", "Arial", "Helvetica") if f in available), "DejaVu Sans")


def _opaque_png(rgba) -> bytes:
    """A PNG without an alpha channel (some PDF exports draw a transparent picture on a grey tint), encoded
    straight from the drawn pixels: saving and re-encoding took a quarter of a deck's build time."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.frombuffer("RGBA", (rgba.shape[1], rgba.shape[0]), rgba, "raw", "RGBA", 0, 1).convert("RGB").save(
        buffer, format="PNG", compress_level=6
    )
    return buffer.getvalue()
