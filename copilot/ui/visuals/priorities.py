"""SD-07 prioritisation: the impact/effort 2×2, each idea a labelled point where its sliders put it.

A score of 3 or more counts as high, as in `IdeaScore.quadrant`, so the lines between the quadrants sit at 2.5
and a point never lands on a line.
"""

from __future__ import annotations

from pydantic import BaseModel

from copilot.ui.visuals.style import (
    ACCENT,
    GRID,
    INDIGO,
    LIGHT,
    ROSE,
    WARNING,
    WIDTH,
    blend,
    empty_state,
    place_labels,
    render,
    spread,
    text,
    wrap,
)

MIDDLE = 2.5
LOW, HIGH = 0.15, 5.85  # a margin round the 1–5 scores keeps the quadrant names clear of the points
QUADRANTS = {  # quadrant → colour, and the corner its name sits in (x, y, horizontal, vertical alignment)
    "quick-win": (ACCENT, (LOW + 0.07, HIGH - 0.07, "left", "top")),
    "big-bet": (INDIGO, (HIGH - 0.07, HIGH - 0.07, "right", "top")),
    "fill-in": ("#6B7280", (LOW + 0.07, LOW + 0.07, "left", "bottom")),
    "money-pit": (ROSE, (HIGH - 0.07, LOW + 0.07, "right", "bottom")),
}
MARKER = 150
HEIGHT = 4.9


def priorities_picture(output: BaseModel | None, language: str) -> bytes:
    scores = list(getattr(output, "scores", None) or [])
    if not scores:
        return empty_state(text("priorities.empty", language), text("priorities.title", language))

    def draw(figure) -> None:
        from matplotlib.lines import Line2D

        left, right, top, bottom = 0.85, 0.3, 0.45, 0.62
        ax = figure.add_axes(
            (left / WIDTH, bottom / HEIGHT, (WIDTH - left - right) / WIDTH, (HEIGHT - top - bottom) / HEIGHT)
        )
        ax.set_xlim(LOW, HIGH)
        ax.set_ylim(LOW, HIGH)
        ax.set_xticks(range(1, 6))
        ax.set_yticks(range(1, 6))
        ax.tick_params(length=0)
        ax.set_xlabel(text("priorities.effort", language))
        ax.set_ylabel(text("priorities.impact", language))
        ax.set_title(text("priorities.title", language), pad=8)
        for name, (colour, _) in QUADRANTS.items():
            x0 = LOW if name in ("quick-win", "fill-in") else MIDDLE
            y0 = MIDDLE if name in ("quick-win", "big-bet") else LOW
            x1, y1 = (MIDDLE if x0 == LOW else HIGH), (HIGH if y0 == MIDDLE else MIDDLE)
            ax.fill_between([x0, x1], y0, y1, color=blend(colour, "#FFFFFF", 0.93), linewidth=0, zorder=0)
        ax.axvline(MIDDLE, color=LIGHT, linewidth=1, zorder=1)
        ax.axhline(MIDDLE, color=LIGHT, linewidth=1, zorder=1)
        for side in ax.spines.values():
            side.set_color(GRID)
        corners = [
            ax.text(
                x,
                y,
                text(f"priorities.{name}", language),
                ha=ha,
                va=va,
                fontsize=10.5,
                weight="bold",
                color=blend(colour, "#1F2A44", 0.25),
                alpha=0.9,
                zorder=2,
            )
            for name, (colour, (x, y, ha, va)) in QUADRANTS.items()
        ]

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
        if guesses:  # no evidence behind the score: a dashed ring in the deck's assumption colour
            ax.scatter(
                [p[0] for p in guesses],
                [p[1] for p in guesses],
                s=MARKER * 2.1,
                facecolors="none",
                edgecolors=WARNING,
                linewidths=1.2,
                linestyle=(0, (2, 1.5)),
                zorder=3,
            )
            ring = Line2D(
                [], [], marker="o", linestyle="", markersize=11, markerfacecolor="none", markeredgecolor=WARNING
            )
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
