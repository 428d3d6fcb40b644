"""SC-03 impact & readiness: an ADKAR heatmap, a row per group, its first barrier outlined.

The first barrier is the schema's own `first_barrier` when the step has one (people may have set it by hand),
else ADKAR's rule: the first element, in order, that scores 3 or lower.
"""

from __future__ import annotations

from pydantic import BaseModel

from copilot.steps.schemas.stakeholders import ADKAR
from copilot.ui.visuals.style import (
    INK,
    MUTED,
    WIDTH,
    empty_state,
    render,
    scale_colour,
    shorten,
    text,
)

LEFT, RIGHT = 2.1, 1.85  # inches: group names on the left, the first barrier spelled out on the right
ROW, HEAD, FOOT, TITLE = 0.56, 0.34, 0.62, 0.4
BARRIER = INK  # the outline that says: start here


def readiness_picture(output: BaseModel | None, language: str) -> bytes:
    groups = list(getattr(output, "groups", None) or [])
    if not groups:
        return empty_state(text("readiness.empty", language), text("readiness.title", language))
    height = TITLE + HEAD + ROW * len(groups) + FOOT

    def draw(figure) -> None:
        from matplotlib.patches import FancyBboxPatch, Rectangle

        n = len(groups)
        grid = ROW * n
        ax = figure.add_axes((LEFT / WIDTH, FOOT / height, (WIDTH - LEFT - RIGHT) / WIDTH, grid / height))
        ax.set_axis_off()
        ax.set_xlim(0, len(ADKAR))
        ax.set_ylim(n, 0)
        figure.text(0.02, 1 - TITLE / 2 / height, text("readiness.title", language), fontsize=11, weight="bold")

        for col, element in enumerate(ADKAR):
            ax.text(col + 0.5, -0.12, text(f"readiness.{element}", language), ha="center", va="bottom", fontsize=9)
        ax.text(
            len(ADKAR) + 0.12,
            -0.12,
            text("readiness.first_barrier", language),
            ha="left",
            va="bottom",
            fontsize=9,
            weight="bold",
        )

        for row, group in enumerate(groups):
            name = shorten(group.group.strip() or text("readiness.group", language, n=row + 1), 30)
            ax.text(-0.12, row + 0.4, name, ha="right", va="center", fontsize=9.5, weight="bold")
            ax.text(
                -0.12,
                row + 0.72,
                text("readiness.impact", language, n=group.impact),
                ha="right",
                va="center",
                fontsize=8,
                color=MUTED,
            )
            barrier = group.first_barrier or group.adkar.first_barrier()
            for col, element in enumerate(ADKAR):
                score = getattr(group.adkar, element)
                ax.add_patch(
                    FancyBboxPatch(
                        (col + 0.05, row + 0.07),
                        0.9,
                        0.86,
                        boxstyle="round,pad=0,rounding_size=0.08",
                        facecolor=scale_colour(score),
                        edgecolor="none",
                        mutation_aspect=ROW / ((WIDTH - LEFT - RIGHT) / len(ADKAR)),
                    )
                )
                first = element == barrier
                ax.text(
                    col + 0.5,
                    row + (0.42 if first else 0.5),
                    str(score),
                    ha="center",
                    va="center",
                    fontsize=12,
                    weight="bold",
                    color=INK,
                )
                if first:
                    ax.add_patch(
                        Rectangle(
                            (col + 0.03, row + 0.05), 0.94, 0.9, fill=False, edgecolor=BARRIER, linewidth=2.2, zorder=4
                        )
                    )
                    ax.text(
                        col + 0.5,
                        row + 0.78,
                        "▲ " + text("readiness.first_barrier", language).lower(),
                        ha="center",
                        va="center",
                        fontsize=6.8,
                        color=BARRIER,
                        weight="bold",
                    )
            spelled = text(f"readiness.{barrier}", language) if barrier else text("readiness.no_barrier", language)
            ax.text(
                len(ADKAR) + 0.12,
                row + 0.5,
                ("→ " if barrier else "✓ ") + spelled,
                ha="left",
                va="center",
                fontsize=9.5,
                color=BARRIER if barrier else "#0F766E",
                weight="bold" if barrier else "normal",
            )

        _scale(figure, height, language)

    return render(draw, height)


def _scale(figure, height: float, language: str) -> None:
    """Five swatches 1 … 5 under the grid, with what the colours mean."""
    from matplotlib.patches import Rectangle

    size = 0.22  # inches
    x = LEFT
    y = 0.16
    label = figure.text(
        x / WIDTH,
        (y + size / 2) / height,
        text("readiness.scale", language),
        ha="left",
        va="center",
        fontsize=8.5,
        color=MUTED,
    )
    x += label.get_window_extent(figure.canvas.get_renderer()).width / figure.dpi + 0.12
    for score in range(1, 6):
        figure.patches.append(
            Rectangle(
                (x / WIDTH, y / height),
                size / WIDTH,
                size / height,
                transform=figure.transFigure,
                facecolor=scale_colour(score),
                edgecolor="none",
                figure=figure,
            )
        )
        figure.text(
            (x + size / 2) / WIDTH,
            (y + size / 2) / height,
            str(score),
            ha="center",
            va="center",
            fontsize=7.5,
            color=INK,
        )
        x += size + 0.04
