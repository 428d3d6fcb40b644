"""SD-04 current journey: the emotion curve over the stages, moments of truth marked, and under it a row saying
where time is well saved (give the customer their time back) and where it is well spent (worth a person)."""

from __future__ import annotations

from pydantic import BaseModel

from copilot.ui.visuals.style import (
    ACCENT,
    EMOTION_COLOURS,
    GRID,
    INK,
    TIME_WELL_COLOURS,
    WIDTH,
    blend,
    empty_state,
    render,
    ring_assumptions,
    shorten,
    text,
    wrap,
)

LEFT, RIGHT = 1.05, 0.25  # inches beside the plot, for the axis and row labels
CURVE, ROW = 2.3, 0.34  # inches: the curve, and the time-well row under the stage names
TOP, BOTTOM, LINE = 0.5, 0.1, 0.17  # LINE: inches per line of a stage name
BAND = "#EEF1F5"  # behind a moment of truth


def journey_picture(output: BaseModel | None, language: str) -> bytes:
    stages = list(getattr(output, "stages", None) or [])
    if not stages:
        return empty_state(text("journey.empty", language), text("journey.title", language))
    n = len(stages)
    column = (WIDTH - LEFT - RIGHT) / n  # inches per stage
    chars = max(8, int(column * 72 / (8.5 * 0.56)))
    names = [wrap(_name(stage, i, language), chars, 3) for i, stage in enumerate(stages)]
    lines = max(name.count("\n") + 1 for name in names)
    names_height = 0.2 + LINE * lines
    moment = wrap(text("journey.moment_of_truth", language), max(10, chars), 2)
    marks = any(stage.moment_of_truth for stage in stages)
    above = (4 + 8.5 * 1.25 * (moment.count("\n") + 1)) / 72 if marks else 0.0  # inches for the words over the curve
    height = TOP + above + CURVE + names_height + ROW + BOTTOM

    def draw(figure) -> None:
        plot_width = WIDTH - LEFT - RIGHT
        x0, w0 = LEFT / WIDTH, plot_width / WIDTH
        curve = figure.add_axes((x0, (BOTTOM + ROW + names_height) / height, w0, CURVE / height))
        row = figure.add_axes((x0, BOTTOM / height, w0, ROW / height), sharex=curve)
        xs = list(range(n))
        ys = [stage.emotion for stage in stages]

        curve.set_xlim(-0.5, n - 0.5)
        curve.set_ylim(-2.6, 2.6)
        curve.set_yticks([-2, -1, 0, 1, 2], ["−2", "−1", "0", "+1", "+2"])
        curve.set_ylabel(text("journey.emotion", language))
        curve.grid(axis="y", color=GRID, linewidth=0.8)
        curve.axhline(0, color=blend(INK, "#FFFFFF", 0.55), linewidth=1)
        for side in ("top", "right", "bottom"):
            curve.spines[side].set_visible(False)
        curve.tick_params(axis="x", length=0, pad=6)
        curve.set_xticks(xs, names)
        for label in curve.get_xticklabels():
            label.set_fontsize(8.5 if n > 5 else 9.5)
            label.set_verticalalignment("top")

        band = min(0.45, 0.55 / column)  # half the band's width, in stages
        for i, stage in enumerate(stages):  # moments of truth: a band, a ring, and the words above the curve
            if stage.moment_of_truth:
                curve.axvspan(i - band, i + band, color=BAND, zorder=0, linewidth=0)
                curve.scatter([i], [stage.emotion], s=330, facecolors="none", edgecolors=INK, linewidths=1.6, zorder=4)
                curve.annotate(
                    "★ " + moment,
                    (i, 1.0),
                    xycoords=curve.get_xaxis_transform(),
                    xytext=(0, 3),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    annotation_clip=False,
                    fontsize=8.5,
                    weight="bold",
                    color=ACCENT,
                    linespacing=1.1,
                )
        if n > 1:
            curve.fill_between(xs, ys, 0, where=[y >= 0 for y in ys], interpolate=True, color=ACCENT, alpha=0.08)
            curve.fill_between(xs, ys, 0, where=[y <= 0 for y in ys], interpolate=True, color="#C2410C", alpha=0.06)
            curve.plot(xs, ys, color=INK, linewidth=2, zorder=3, solid_capstyle="round")
        curve.scatter(xs, ys, s=130, c=[EMOTION_COLOURS[y] for y in ys], edgecolors="white", linewidths=1.5, zorder=5)
        # no research behind the emotion: a dashed ring
        guesses = [(i, ys[i]) for i, stage in enumerate(stages) if stage.assumption]
        ring = ring_assumptions(curve, guesses, 300, zorder=4)
        if ring:
            curve.legend(
                [ring], [text("assumption", language)], loc="lower right", bbox_to_anchor=(1.0, 1.0), frameon=False
            )
        curve.set_title(_title(output, language), pad=6 + above * 72)

        row.set_ylim(0, 1)
        row.set_yticks([0.5], [text("journey.time_well", language)])
        row.tick_params(axis="both", length=0)
        row.tick_params(axis="x", labelbottom=False)
        for side in ("top", "right", "bottom", "left"):
            row.spines[side].set_visible(False)
        row.axhline(0.5, color=GRID, linewidth=1, zorder=0)
        for i, stage in enumerate(stages):
            if stage.time_well in TIME_WELL_COLOURS:
                colour = TIME_WELL_COLOURS[stage.time_well]
                _chip(row, i, text(f"journey.{stage.time_well}", language), colour, min(0.8, 1.2 / column), chars)

    return render(draw, height)


def _chip(ax, x: float, label: str, colour: str, width: float, chars: int) -> None:
    from matplotlib.patches import FancyBboxPatch

    ax.add_patch(
        FancyBboxPatch(
            (x - width / 2, 0.1),
            width,
            0.8,
            boxstyle="round,pad=0,rounding_size=0.12",
            facecolor=blend(colour, "#FFFFFF", 0.82),
            edgecolor=colour,
            linewidth=1,
            mutation_aspect=2.5,
            zorder=2,
        )
    )
    ax.text(x, 0.5, shorten(label, chars), ha="center", va="center", fontsize=8.5, color=blend(colour, INK, 0.45))


def _name(stage, index: int, language: str) -> str:
    return stage.name.strip() or text("journey.stage", language, n=index + 1)


def _title(output, language: str) -> str:
    about = " · ".join(part for part in (output.journey.strip(), output.persona.strip()) if part)
    title = text("journey.title", language)
    return f"{title} — {shorten(about, 80)}" if about else title
