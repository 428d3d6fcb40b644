"""SC-02 influence map: who influences whom as a network, arrows as thick as the influence is strong, and the
candidates for the guiding coalition highlighted. A node grows with the influence it has on others.

The positions are the deck's (`copilot.export.network_layout`): the network on the slide is arranged as it
is here, in a drawing area of the same proportions. They are computed without the strengths: moving a strength
slider changes an arrow, not the whole picture.
"""

from __future__ import annotations

import math

from pydantic import BaseModel

from copilot.export.network import beside_arc, drop_covering
from copilot.export.network_layout import FRAME_INCHES, influence_network, network_layout
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

HEIGHT = 4.1
TITLE, LEGEND = 0.45, 0.45  # inches above the drawing for the title, below it for the legend
SIDE, TOP = 0.8, 0.3  # inches beside and above the nodes for names and halos; about 0.7 below, for names
ARC = 0.14  # how much arrows bend, so that A→B and B→A stay apart
LABELLED = 8  # up to this many arrows say how the influence works; more would bury the picture


def influence_picture(output: BaseModel | None, language: str, names: dict[str, str] | None = None) -> bytes:
    """`names`: stakeholder ids to the roles people know them by (from SC-01); an id without one shows as is."""
    roles = names or {}
    links = [link for link in getattr(output, "links", None) or [] if link.source.strip() and link.target.strip()]
    coalition = {c.stakeholder.strip() for c in getattr(output, "coalition", None) or [] if c.stakeholder.strip()}
    nodes, _ = influence_network(output)
    if not nodes:
        return empty_state(text("influence.empty", language), text("influence.title", language))

    def draw(figure) -> None:
        from matplotlib.lines import Line2D
        from matplotlib.patches import FancyArrowPatch
        from matplotlib.transforms import Bbox

        across, up = WIDTH - 0.2, HEIGHT - TITLE - LEGEND  # the axes, in inches (data units are inches too)
        ax = figure.add_axes((0.1 / WIDTH, LEGEND / HEIGHT, across / WIDTH, up / HEIGHT))
        ax.set_axis_off()
        ax.set_xlim(0, across)
        ax.set_ylim(0, up)
        title = text("influence.title", language)
        figure.text(0.1 / WIDTH, 1 - 0.22 / HEIGHT, title, fontsize=11, weight="bold", va="center")

        pos = notebook_positions(nodes, links)
        reach = {n: 0 for n in nodes}
        for link in links:
            reach[link.source.strip()] += link.strength
        base = 620 if len(nodes) <= 6 else 460
        size = {n: base + 55 * min(reach[n], 15) for n in nodes}
        radius = {n: math.sqrt(size[n]) / 2 for n in nodes}  # points

        how: list[tuple[int, object]] = []  # (strength, the label saying how), to keep the strongest first
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
                (x, y), (ha, va) = beside_arc(ax, pos[source], pos[target], ARC)
                said = ax.text(
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
                how.append((strength, said))

        name_texts = []
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
            name_texts.append(
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
                    bbox=None if inside else {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
                    zorder=5,
                )
            )
        renderer = figure.canvas.get_renderer()
        pixels = figure.dpi / 72
        markers = []  # the circles (a candidate's with its halo) as boxes on the picture
        for node in nodes:
            x, y = ax.transData.transform(pos[node])
            extent = radius[node] * pixels * (1.45 if node in coalition else 1)
            markers.append(Bbox([[x - extent, y - extent], [x + extent, y + extent]]))
        taken = [name.get_window_extent(renderer) for name in name_texts] + markers
        drop_covering(renderer, [said for _, said in sorted(how, key=lambda pair: -pair[0])], taken)

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
            loc="lower center",
            ncol=len(handles),
            bbox_to_anchor=(0.5, 0.02),
            handlelength=2.2,
            handletextpad=0.6,
            columnspacing=2.0,
            borderaxespad=0,
        )

    return render(draw, HEIGHT)


def frame_inches() -> tuple[float, float]:
    """The inches the nodes stand in: the shared layout's frame, as wide as the picture allows."""
    across = WIDTH - 0.2 - 2 * SIDE
    return across, across * FRAME_INCHES[1] / FRAME_INCHES[0]


def notebook_positions(nodes: list[str], links) -> dict[str, tuple[float, float]]:
    """The shared layout (`network_layout`, the same as the slide's) in the axes' data units (inches)."""
    width, height = frame_inches()
    bottom = HEIGHT - TITLE - LEGEND - TOP - height  # the frame hangs from the top, names have room below
    placed = network_layout(nodes, [(link.source.strip(), link.target.strip()) for link in links])
    return {n: (SIDE + x * width, bottom + y * height) for n, (x, y) in placed.items()}
