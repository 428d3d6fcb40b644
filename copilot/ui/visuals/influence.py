"""SC-02 influence map: who influences whom as a network, arrows as thick as the influence is strong, and the
candidates for the guiding coalition highlighted. A node grows with the influence it has on others.

The layout is networkx's spring layout with a fixed seed, computed without the strengths: moving a strength
slider changes an arrow, not the whole picture.
"""

from __future__ import annotations

import math

from pydantic import BaseModel

from copilot.ui.visuals.style import (
    ACCENT,
    ACCENT_SOFT,
    INK,
    LIGHT,
    MUTED,
    WIDTH,
    blend,
    empty_state,
    readable_on,
    render,
    shorten,
    text,
    wrap,
)

HEIGHT = 4.6
LEGEND = 2.0  # inches on the right for the legend
SEED = 7
ARC = 0.14  # how much arrows bend, so that A→B and B→A stay apart
LABELLED = 8  # up to this many arrows say how the influence works; more would bury the picture


def influence_picture(output: BaseModel | None, language: str, names: dict[str, str] | None = None) -> bytes:
    """`names`: stakeholder ids to the roles people know them by (from SC-01); an id without one shows as is."""
    roles = names or {}
    links = [link for link in getattr(output, "links", None) or [] if link.source.strip() and link.target.strip()]
    coalition = {c.stakeholder.strip() for c in getattr(output, "coalition", None) or [] if c.stakeholder.strip()}
    nodes = list(dict.fromkeys([n for link in links for n in (link.source.strip(), link.target.strip())]))
    nodes += [n for n in sorted(coalition) if n not in nodes]
    if not nodes:
        return empty_state(text("influence.empty", language), text("influence.title", language))

    def draw(figure) -> None:
        from matplotlib.lines import Line2D
        from matplotlib.patches import FancyArrowPatch

        ax = figure.add_axes((0.02, 0.03, (WIDTH - LEGEND) / WIDTH - 0.02, 0.86))
        ax.set_axis_off()
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        figure.text(0.02, 0.95, text("influence.title", language), fontsize=11, weight="bold", va="center")

        pos = _layout(nodes, links)
        reach = {n: 0 for n in nodes}
        for link in links:
            reach[link.source.strip()] += link.strength
        base = 620 if len(nodes) <= 6 else 460
        size = {n: base + 55 * min(reach[n], 15) for n in nodes}
        radius = {n: math.sqrt(size[n]) / 2 for n in nodes}  # points

        for link in links:
            source, target = link.source.strip(), link.target.strip()
            if source == target:
                continue
            strength = max(1, min(5, link.strength))
            colour = blend(LIGHT, INK, (strength - 1) / 4)
            ax.add_patch(
                FancyArrowPatch(
                    pos[source],
                    pos[target],
                    arrowstyle="-|>",
                    connectionstyle=f"arc3,rad={ARC}",
                    mutation_scale=9 + 2.2 * strength,
                    linewidth=0.6 + 0.75 * strength,
                    color=colour,
                    shrinkA=radius[source] + 2,
                    shrinkB=radius[target] + 3,
                    zorder=2,
                )
            )
            if link.how.strip() and len(links) <= LABELLED:
                (x, y), (ha, va) = _beside_arc(ax, pos[source], pos[target])
                ax.text(
                    x,
                    y,
                    shorten(link.how, 24),
                    ha=ha,
                    va=va,
                    fontsize=7.5,
                    style="italic",
                    color=MUTED,
                    zorder=3,
                )

        for node in nodes:
            x, y = pos[node]
            leads = node in coalition
            fill = ACCENT if leads else "#FFFFFF"
            if leads:
                ax.scatter([x], [y], s=size[node] * 2.1, color=ACCENT_SOFT, linewidths=0, zorder=3)
            ax.scatter(
                [x], [y], s=size[node], color=fill, edgecolors=ACCENT if leads else INK, linewidths=1.6, zorder=4
            )
            label = roles.get(node, node)
            inside = len(label) <= 4
            ax.annotate(
                label if inside else wrap(label, 16, 2),
                (x, y),
                xytext=(0, 0 if inside else -(radius[node] + 4)),
                textcoords="offset points",
                ha="center",
                va="center" if inside else "top",
                fontsize=9 if inside else 8.5,
                weight="bold",
                color=readable_on(fill) if inside else INK,
                zorder=5,
            )

        handles = [
            Line2D([], [], marker="o", linestyle="", markersize=13, markerfacecolor=ACCENT, markeredgecolor=ACCENT),
            Line2D([], [], marker="o", linestyle="", markersize=13, markerfacecolor="white", markeredgecolor=INK),
            Line2D([], [], color=blend(LIGHT, INK, 0.0), linewidth=0.6 + 0.75),
            Line2D([], [], color=blend(LIGHT, INK, 1.0), linewidth=0.6 + 0.75 * 5),
        ]
        names = [
            text("influence.coalition", language),
            text("influence.stakeholder", language),
            f"{text('influence.strength', language)}: 1 {text('influence.weak', language)}",
            f"{text('influence.strength', language)}: 5 {text('influence.strong', language)}",
        ]
        figure.legend(
            handles,
            names,
            loc="upper left",
            bbox_to_anchor=((WIDTH - LEGEND + 0.05) / WIDTH, 0.86),
            handlelength=2.2,
            handletextpad=0.6,
            labelspacing=1.1,
            borderaxespad=0,
        )

    return render(draw, HEIGHT)


def _layout(nodes: list[str], links) -> dict[str, tuple[float, float]]:
    """Node positions inside the unit square, leaving room at the edges for labels. Each group of connected
    stakeholders gets a slot of its own, side by side, so one loose stakeholder does not squeeze the rest."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from((link.source.strip(), link.target.strip()) for link in links)
    order = {node: i for i, node in enumerate(nodes)}
    parts = sorted(
        (sorted(c, key=order.get) for c in nx.connected_components(graph)), key=lambda c: (-len(c), order[c[0]])
    )
    shares = [max(1.0, math.sqrt(len(part))) for part in parts]
    positions: dict[str, tuple[float, float]] = {}
    left = 0.06
    for part, share in zip(parts, shares, strict=True):
        width = 0.9 * share / sum(shares)
        box = (left + 0.03, left + width - 0.03, 0.14, 0.9)
        positions.update(_place(graph.subgraph(part), part, box))
        left += width
    return positions


def _place(graph, part: list[str], box: tuple[float, float, float, float]) -> dict[str, tuple[float, float]]:
    import networkx as nx

    x0, x1, y0, y1 = box
    if len(part) == 1:
        return {part[0]: ((x0 + x1) / 2, (y0 + y1) / 2)}
    if len(part) == 2:
        return {part[0]: (x0 + (x1 - x0) * 0.2, (y0 + y1) / 2), part[1]: (x0 + (x1 - x0) * 0.8, (y0 + y1) / 2)}
    start = nx.circular_layout(graph)  # a calm, even start; the seed fixes the rest
    raw = nx.spring_layout(graph, pos=start, seed=SEED, k=1.8 / math.sqrt(len(part)), iterations=200, weight=None)
    xs, ys = [raw[n][0] for n in part], [raw[n][1] for n in part]

    def fit(value: float, low: float, high: float, lo: float, hi: float) -> float:
        return (lo + hi) / 2 if high - low < 1e-9 else lo + (value - low) / (high - low) * (hi - lo)

    return {n: (fit(raw[n][0], min(xs), max(xs), x0, x1), fit(raw[n][1], min(ys), max(ys), y0, y1)) for n in part}


def _beside_arc(ax, start, end, gap: float = 5) -> tuple[tuple[float, float], tuple[str, str]]:
    """A spot just outside the middle of an arc3 arrow from `start` to `end` (arc3 bends in display space), and
    the alignment that keeps a label there off the arrow."""
    (x1, y1), (x2, y2) = ax.transData.transform([start, end])
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy) or 1.0
    out = (dy / length, -dx / length)  # the side the arrow bows to
    bow = ARC * length / 2 + gap * ax.figure.dpi / 72
    spot = ((x1 + x2) / 2 + out[0] * bow, (y1 + y2) / 2 + out[1] * bow)
    ha = "center" if abs(out[0]) < 0.3 else ("left" if out[0] > 0 else "right")
    va = "center" if abs(out[1]) < 0.3 else ("bottom" if out[1] > 0 else "top")
    return tuple(ax.transData.inverted().transform(spot)), (ha, va)
