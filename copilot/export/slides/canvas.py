"""Canvas slides: a step with no content yet, as a handout to fill in during the workshop — the question the
step answers over an empty table with its main columns."""

from __future__ import annotations

from copilot.export.deckspec import CanvasSlide
from copilot.i18n import field_label, t
from copilot.steps.catalogue import STEPS
from copilot.steps.schemas.stakeholders import ADKAR

SCALE = " 1–5"  # after the label of a column scored on the 1–5 scale
FIVE = range(1, 6)

# step id -> (column label keys, row label keys or None, relative widths); a key ending in SCALE is a scored column
CANVASES: dict[str, tuple[list[str], list[str] | None, list[float]]] = {
    "SD-01": (
        ["", "answer"],
        ["challenge", "brief.why_now", "brief.scope_in", "brief.scope_out", "brief.segments", "brief.kpis"],
        [1, 4],
    ),
    "SD-02": (["theme", "insight", "evidence"], None, [1.3, 3, 1.2]),
    "SD-03": (
        [
            "persona.persona",
            "persona.functional",
            "persona.emotional",
            "persona.social",
            "persona.pains",
            "persona.gains",
            "persona.contact" + SCALE,
        ],
        None,
        [1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.3],
    ),
    "SD-04": (
        ["journey.stage", *(f"journey.stage {n}" for n in FIVE)],
        [
            "journey.actions",
            "journey.touchpoints",
            "journey.emotion −2…+2",
            "journey.pains",
            "journey.moment_of_truth",
            "journey.time_well",
        ],
        [1.5, 2, 2, 2, 2, 2],
    ),
    "SD-05": (["hmw.stage", "hmw.question", "hmw.pain"], None, [2, 6, 3]),
    "SD-06": (["idea.idea", "idea.pitch", "idea.hmw", "idea.ai_role", "idea.human_touch"], None, [2, 4, 2, 1.6, 1.6]),
    "SD-07": (
        ["priority.idea", "priority.impact" + SCALE, "priority.effort" + SCALE, "priority.quadrant"],
        None,
        [4, 1.3, 1.3, 2],
    ),
    "SD-08": (
        ["blueprint.lane", *(f"blueprint.stage {n}" for n in range(1, 5))],
        [
            "blueprint.customer",
            "blueprint.frontstage_human",
            "blueprint.frontstage_ai",
            "blueprint.visibility",
            "blueprint.backstage",
            "blueprint.support",
            "blueprint.handovers",
            "blueprint.fail_points",
        ],
        [1.7, 2, 2, 2, 2],
    ),
    "SC-01": (
        [
            "stakeholders.role",
            "stakeholders.power" + SCALE,
            "stakeholders.interest" + SCALE,
            "stakeholders.stance",
            "stakeholders.cares_about",
        ],
        None,
        [2.5, 1.2, 1.2, 1.5, 3.5],
    ),
    "SC-02": (
        ["influence.source", "influence.target", "influence.how", "influence.strength" + SCALE],
        None,
        [2.5, 2.5, 3.5, 1.4],
    ),
    "SC-03": (
        [
            "readiness.group",
            "readiness.what_changes",
            *(f"readiness.adkar.{e}" for e in ADKAR),
            "readiness.first_barrier",
        ],
        None,
        [1.8, 3, 1.3, 1.3, 1.3, 1.3, 1.6, 1.6],
    ),
    "SC-04": (
        ["", "case.from", "case.to", "case.voice"],
        ["case.inside", "case.inside", "case.outside", "case.outside"],
        [1.2, 3.5, 3.5, 3],
    ),
    "SC-05": (
        [f"engagement.{k}" for k in ("stakeholder", "move", "tactic", "messenger", "owner", "date")],
        None,
        [2.2, 2, 3.5, 2, 2, 1.4],
    ),
    "AI-01": (["scan.touchpoint", "scan.pattern", "scan.trigger", "scan.fallback"], None, [2.5, 2, 3.5, 3.5]),
    "AI-02": (
        [f"shelved.{k}" for k in ("idea", "why_shelved", "blocker_gone", "viability", "next_step")],
        None,
        [2.5, 2.5, 2.5, 1.6, 2.5],
    ),
    "AI-03": (
        [f"business.{k}" for k in ("item", "type", "kind", "low", "high", "basis")],
        None,
        [3, 1.3, 1.3, 1.4, 1.4, 3.5],
    ),
}


def _label(key: str, language: str) -> str:
    """A label key, with whatever follows its first space (a scale, a number) kept as written."""
    if not key:
        return ""
    name, _, rest = key.partition(" ")
    return f"{t(f'slides.{name}', language)} {rest}".strip()


def canvas(step_id: str, language: str) -> CanvasSlide:
    """The canvas of `step_id` in `language`; a step without a drawn canvas gets its first list's columns."""
    if step_id not in CANVASES:
        return _from_schema(step_id, language)
    columns, rows, widths = CANVASES[step_id]
    return CanvasSlide(
        STEPS[step_id].name(language),
        notes=t("slides.canvas", language),
        columns=[_label(k, language) for k in columns],
        rows=[[_label(k, language)] + [""] * (len(columns) - 1) for k in rows or []],
        widths=widths,
        caption=t(f"slides.question.{step_id}", language),
    )


def _from_schema(step_id: str, language: str) -> CanvasSlide:
    """A registered step nobody drew a canvas for: the fields of its first item list as columns."""
    info = STEPS[step_id]
    item = next(iter(info.item_lists().values()), None)
    names = [n for n in (item.model_fields if item else ()) if n not in ("id", "evidence", "assumption")]
    columns = [field_label(n, language) for n in names[:6]] or [t("slides.answer", language)]
    key = f"slides.question.{step_id}"
    question = t(key, language)
    return CanvasSlide(
        info.name(language),
        notes=t("slides.canvas", language),
        columns=columns,
        rows=[],
        widths=[1.0] * len(columns),
        caption="" if question == key else question,
    )
