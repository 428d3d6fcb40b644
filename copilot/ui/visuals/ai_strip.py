"""AI-01 AI-opportunity scan: the touchpoints as a journey strip, each coloured by its pattern (automate,
agent-assist, human-led, no AI), with the stage above it and where time is well saved or well spent below."""

from __future__ import annotations

from pydantic import BaseModel

from copilot.ui.visuals.style import (
    ACCENT,
    AMBER,
    INDIGO,
    INK,
    LIGHT,
    MUTED,
    TIME_WELL_COLOURS,
    WIDTH,
    blend,
    empty_state,
    readable_on,
    render,
    shorten,
    text,
    wrap,
)

PATTERNS = {"automate": ACCENT, "agent-assist": INDIGO, "human-led": AMBER, "no-AI": "#D1D5DB"}
PER_ROW = 6
MARGIN, TIP = 0.25, 0.16  # inches
STAGE, BOX, UNDER, GAP = 0.3, 0.78, 0.44, 0.14  # inches per row: stage label, chevron, two lines under it, space
TITLE, LEGEND, MOST = 0.45, 0.36, 1.9  # MOST: the widest a chevron gets


def ai_strip_picture(output: BaseModel | None, language: str) -> bytes:
    touchpoints = list(getattr(output, "touchpoints", None) or [])
    if not touchpoints:
        return empty_state(text("ai.empty", language), text("ai.title", language))
    rows = [touchpoints[i : i + PER_ROW] for i in range(0, len(touchpoints), PER_ROW)]
    per_row = min(PER_ROW, len(touchpoints))
    height = TITLE + len(rows) * (STAGE + BOX + UNDER + GAP) + LEGEND

    def draw(figure) -> None:
        from matplotlib.patches import Patch, Polygon

        ax = figure.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        ax.set_xlim(0, WIDTH)
        ax.set_ylim(0, height)
        ax.text(MARGIN, height - TITLE / 2, text("ai.title", language), fontsize=11, weight="bold", va="center")
        width = min(MOST, (WIDTH - 2 * MARGIN) / per_row)
        chars = max(10, int((width - 2 * TIP) * 72 / (8.5 * 0.55)))
        number = 0
        for r, row in enumerate(rows):
            top = height - TITLE - r * (STAGE + BOX + UNDER + GAP)
            y = top - STAGE - BOX  # the chevrons' bottom
            for c, point in enumerate(row):
                number += 1
                x = MARGIN + c * width
                fill = PATTERNS.get(point.pattern, LIGHT)
                start = 0 if (r == 0 and c == 0) else TIP  # the journey's first touchpoint has a flat start
                ax.add_patch(
                    Polygon(
                        [
                            (x, y),
                            (x + width - TIP - 0.03, y),
                            (x + width - 0.03, y + BOX / 2),
                            (x + width - TIP - 0.03, y + BOX),
                            (x, y + BOX),
                            (x + start, y + BOX / 2),
                        ],
                        closed=True,
                        facecolor=fill,
                        edgecolor="white",
                        linewidth=1.5,
                    )
                )
                name = point.touchpoint.strip() or text("ai.touchpoint", language, n=number)
                ax.text(
                    x + (width + TIP) / 2 - 0.03,
                    y + BOX / 2,
                    wrap(name, chars, 3),
                    ha="center",
                    va="center",
                    fontsize=8.5,
                    weight="bold",
                    color=readable_on(fill),
                    linespacing=1.15,
                )
                middle = x + (width + TIP) / 2 - 0.03
                if point.time_well in TIME_WELL_COLOURS:
                    colour = TIME_WELL_COLOURS[point.time_well]
                    ax.text(
                        middle,
                        y - 0.12,
                        "● " + shorten(text(f"ai.time_{point.time_well}", language), chars + 4),
                        ha="center",
                        va="center",
                        fontsize=8,
                        color=blend(colour, INK, 0.3),
                    )
                if point.handover_trigger.strip():
                    ax.text(
                        middle,
                        y - 0.3,
                        "⇄ " + shorten(point.handover_trigger, chars + 4),
                        ha="center",
                        va="center",
                        fontsize=7.5,
                        color=MUTED,
                    )
            for stage, first, last in _runs([p.stage.strip() for p in row]):
                if not stage:
                    continue
                x0, x1 = MARGIN + first * width + 0.06, MARGIN + (last + 1) * width - 0.12
                ax.plot([x0, x0, x1, x1], [top - 0.24, top - 0.2, top - 0.2, top - 0.24], color=LIGHT, linewidth=1)
                ax.text(
                    (x0 + x1) / 2,
                    top - 0.16,
                    shorten(stage, int((x1 - x0) * 72 / (8 * 0.55))),
                    ha="center",
                    va="bottom",
                    fontsize=8,
                    color=MUTED,
                    bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"},
                )
        handles = [Patch(facecolor=colour, edgecolor="none") for colour in PATTERNS.values()]
        names = [text(f"ai.{pattern}", language) for pattern in PATTERNS]
        if any(p.handover_trigger.strip() for p in touchpoints):
            handles.append(Patch(facecolor="none", edgecolor="none"))
            names.append(text("ai.handover", language))
        figure.legend(
            handles,
            names,
            loc="lower left",
            bbox_to_anchor=(MARGIN / WIDTH, 0.08 / height),
            ncol=len(handles),
            handlelength=1.4,
            handleheight=1.0,
            columnspacing=1.6,
            borderaxespad=0,
        )

    return render(draw, height)


def _runs(stages: list[str]) -> list[tuple[str, int, int]]:
    """Consecutive touchpoints of the same stage: (stage, first index, last index)."""
    runs: list[tuple[str, int, int]] = []
    for i, stage in enumerate(stages):
        if runs and runs[-1][0] == stage:
            runs[-1] = (stage, runs[-1][1], i)
        else:
            runs.append((stage, i, i))
    return runs
