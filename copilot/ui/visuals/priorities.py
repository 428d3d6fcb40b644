"""SD-07 prioritisation: the impact/effort 2×2, each idea a labelled point where its sliders put it.

A score of 3 or more counts as high, as in `IdeaScore.quadrant`, so the lines between the quadrants sit at 2.5
and a point never lands on a line.
"""

from __future__ import annotations

from pydantic import BaseModel

from copilot.ui.visuals.style import (
    ACCENT,
    INDIGO,
    ROSE,
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

QUADRANTS = {  # quadrant → colour, and its place in the grid (left?, top?)
    "quick-win": (ACCENT, (True, True)),
    "big-bet": (INDIGO, (False, True)),
    "fill-in": ("#6B7280", (True, False)),
    "money-pit": (ROSE, (False, False)),
}
MARKER = 150
HEIGHT = 4.9


def priorities_picture(output: BaseModel | None, language: str) -> bytes:
    scores = list(getattr(output, "scores", None) or [])
    if not scores:
        return empty_state(text("priorities.empty", language), text("priorities.title", language))

    def draw(figure) -> None:

        tints = {place: blend(colour, "#FFFFFF", 0.93) for colour, place in QUADRANTS.values()}
        ax = quadrant_axes(
            figure,
            (0.85, 0.3, 0.45, 0.62),
            text("priorities.effort", language),
            text("priorities.impact", language),
            text("priorities.title", language),
            tints,
        )
        corners = corner_names(
            ax,
            {
                place: (text(f"priorities.{name}", language), blend(colour, "#1F2A44", 0.25))
                for name, (colour, place) in QUADRANTS.items()
            },
            alpha=0.9,
        )

        points = spread([(float(s.effort), float(s.impact)) for s in scores])
        colours = [QUADRANTS[s.quadrant][0] for s in scores]
        ax.scatter(
            [p[0] for p in points],
            [p[1] for p in points],
            s=MARKER,
            c=colours,
            edgecolors="white",
            linewidths=1.5,
            zorder=4,
        )
        guesses = [p for p, s in zip(points, scores, strict=True) if s.assumption]
        ring = ring_assumptions(ax, guesses, MARKER * 2.1)  # no evidence behind the score
        if ring:
            ax.legend(
                [ring],
                [text("assumption", language)],
                loc="upper right",
                bbox_to_anchor=(1.0, -0.06),
                handletextpad=0.4,
                borderaxespad=0,
            )
        labels = [_label(s, i, language) for i, s in enumerate(scores)]
        place_labels(ax, points, labels, MARKER * 2.1, obstacles=corners)

    return render(draw, HEIGHT)


def _label(score, index: int, language: str) -> str:
    name = score.title.strip() or score.idea.strip() or text("priorities.idea", language, n=index + 1)
    return wrap(name, 24, 2)
