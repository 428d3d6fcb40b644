"""SC-01 stakeholder map: the power/interest grid, each stakeholder a point coloured by stance.

As on the prioritisation 2×2, a score of 3 or more counts as high: the lines between the quadrants sit at 2.5.
"""

from __future__ import annotations

from pydantic import BaseModel

from copilot.ui.visuals.style import (
    GRID_HIGH,
    GRID_LOW,
    GRID_MIDDLE,
    INK,
    LIGHT,
    STANCE_COLOURS,
    blend,
    empty_state,
    place_labels,
    quadrant_axes,
    render,
    ring_assumptions,
    spread,
    text,
    wrap,
)

MIDDLE, LOW, HIGH = GRID_MIDDLE, GRID_LOW, GRID_HIGH
QUADRANTS = {  # the corner each name sits in: (x, y, horizontal, vertical alignment); tint
    "satisfy": ((LOW + 0.07, HIGH - 0.07, "left", "top"), "#F3F4F6"),
    "manage": ((HIGH - 0.07, HIGH - 0.07, "right", "top"), "#E6F2F1"),
    "monitor": ((LOW + 0.07, LOW + 0.07, "left", "bottom"), "#FFFFFF"),
    "inform": ((HIGH - 0.07, LOW + 0.07, "right", "bottom"), "#F3F4F6"),
}
MARKER = 170
HEIGHT = 4.9
LEFT, RIGHT, TOP, BOTTOM = 0.85, 1.75, 0.45, 0.62  # the stance legend sits on the right


def stakeholders_picture(output: BaseModel | None, language: str) -> bytes:
    people = list(getattr(output, "stakeholders", None) or [])
    if not people:
        return empty_state(text("stakeholders.empty", language), text("stakeholders.title", language))

    def draw(figure) -> None:
        from matplotlib.lines import Line2D

        tints = {
            (name in ("satisfy", "monitor"), name in ("satisfy", "manage")): tint
            for name, (_, tint) in QUADRANTS.items()
        }
        ax = quadrant_axes(
            figure,
            (LEFT, RIGHT, TOP, BOTTOM),
            text("stakeholders.interest", language),
            text("stakeholders.power", language),
            text("stakeholders.title", language),
            tints,
        )
        corners = [
            ax.text(
                x,
                y,
                text(f"stakeholders.{name}", language),
                ha=ha,
                va=va,
                fontsize=10.5,
                weight="bold",
                color=blend(INK, "#FFFFFF", 0.35),
                zorder=2,
            )
            for name, ((x, y, ha, va), _) in QUADRANTS.items()
        ]

        points = spread([(float(p.interest), float(p.power)) for p in people])
        ax.scatter(
            [p[0] for p in points],
            [p[1] for p in points],
            s=MARKER,
            c=[STANCE_COLOURS.get(p.stance, LIGHT) for p in people],
            edgecolors="white",
            linewidths=1.5,
            zorder=4,
        )
        guesses = [point for point, person in zip(points, people, strict=True) if person.assumption]
        ring = ring_assumptions(ax, guesses, MARKER * 2)
        handles = [
            Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor=colour, markeredgecolor="white")
            for colour in STANCE_COLOURS.values()
        ]
        names = [text(f"stakeholders.{stance}", language) for stance in STANCE_COLOURS]
        if ring:
            handles.append(ring)
            names.append(wrap(text("assumption", language), 16))
        legend = ax.legend(
            handles,
            names,
            title=text("stakeholders.stance", language),
            loc="upper left",
            bbox_to_anchor=(1.03, 1.0),
            borderaxespad=0,
            handletextpad=0.4,
            labelspacing=0.7,
            alignment="left",
        )
        legend.get_title().set_fontweight("bold")
        labels = [
            wrap(p.role.strip() or text("stakeholders.stakeholder", language, n=i + 1), 24, 2)
            for i, p in enumerate(people)
        ]
        place_labels(ax, points, labels, MARKER * 2, obstacles=corners)

    return render(draw, HEIGHT)
