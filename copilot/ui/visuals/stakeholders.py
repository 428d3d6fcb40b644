"""SC-01 stakeholder map: the power/interest grid, each stakeholder a point coloured by stance.

As on the prioritisation 2×2, a score of 3 or more counts as high: the lines between the quadrants sit at 2.5.
"""

from __future__ import annotations

from pydantic import BaseModel

from copilot.ui.visuals.style import (
    INK,
    LIGHT,
    STANCE_COLOURS,
    blend,
    corner_names,
    empty_state,
    place_labels,
    quadrant_axes,
    render,
    ring_assumptions,
    spread,
    text,
    wrap,
)

QUADRANTS = {  # quadrant → its place in the grid (left?, top?), and its tint
    "satisfy": ((True, True), "#F3F4F6"),
    "manage": ((False, True), "#E6F2F1"),
    "monitor": ((True, False), "#FFFFFF"),
    "inform": ((False, False), "#F3F4F6"),
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

        tints = dict(QUADRANTS.values())
        ax = quadrant_axes(
            figure,
            (LEFT, RIGHT, TOP, BOTTOM),
            text("stakeholders.interest", language),
            text("stakeholders.power", language),
            text("stakeholders.title", language),
            tints,
        )
        corners = corner_names(
            ax,
            {
                place: (text(f"stakeholders.{name}", language), blend(INK, "#FFFFFF", 0.35))
                for name, (place, _) in QUADRANTS.items()
            },
        )

        if output.unplaced():  # candidates nobody placed yet: the empty grid, their names beside it
            names = [
                text("stakeholders.to_place", language),
                *("– " + wrap(p.role.strip(), 22).replace("\n", "\n   ") for p in people),
            ]
            ax.text(1.03, 1.0, "\n".join(names), transform=ax.transAxes, va="top", ha="left", color=INK, fontsize=9)
            return
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
