"""Live step pictures: drawn for real content, for empty and half-filled steps, in Dutch and English, and redrawn
when a person moves a slider in the step editor."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ARTIFACTS, ROOT

from copilot.i18n import keys
from copilot.steps.catalogue import STEPS, step
from copilot.steps.schemas.examples import example
from copilot.ui.fields import blank
from copilot.ui.step_editor import StepEditor, item_lists
from copilot.ui.visuals import VISUALS, StepVisual
from copilot.ui.visuals.style import is_png, png_size
from copilot.workbench import Workbench

PICTURES = ROOT / "copilot" / "ui" / "visuals"
OUT = ARTIFACTS / "visuals"


def looks_like_a_picture(data: bytes) -> None:
    assert is_png(data)
    width, height = png_size(data)
    assert 800 <= width <= 1200 and 150 <= height <= 1200, (width, height)
    assert len(data) > 5_000


@pytest.mark.parametrize("step_id", list(VISUALS))
@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_picture_draws_the_example_content_of_its_step(step_id: str, language: str):
    data = VISUALS[step_id](example(step(step_id).schema), language)
    looks_like_a_picture(data)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{step_id}-{language}.png").write_bytes(data)


@pytest.mark.parametrize("step_id", list(VISUALS))
def test_an_empty_step_draws_a_friendly_empty_state_rather_than_failing(step_id: str):
    schema = step(step_id).schema
    empty = VISUALS[step_id](schema(), "nl")
    looks_like_a_picture(empty)
    looks_like_a_picture(VISUALS[step_id](None, "en"))
    assert empty != VISUALS[step_id](example(schema), "nl")


@pytest.mark.parametrize("step_id", list(VISUALS))
def test_a_half_filled_step_with_new_blank_items_still_draws(step_id: str):
    schema = step(step_id).schema
    data = {name: [blank(cls, id=f"X{i}") for i in range(3)] for name, cls in item_lists(schema).items()}
    looks_like_a_picture(VISUALS[step_id](schema.model_validate(data), "en"))


@pytest.mark.parametrize("step_id", list(VISUALS))
def test_switching_language_translates_the_picture(step_id: str):
    content = example(step(step_id).schema)
    assert VISUALS[step_id](content, "en") != VISUALS[step_id](content, "nl")


def test_the_same_content_draws_the_same_picture():
    content = example(step("SC-02").schema)
    assert VISUALS["SC-02"](content, "nl") == VISUALS["SC-02"](content, "nl")  # a fixed layout seed


def test_a_crowded_priority_grid_still_draws_every_idea():
    from copilot.steps.schemas import IdeaScore, Prioritisation

    scores = [
        IdeaScore(id=f"R{i}", idea=f"I{i}", title=f"Idea number {i} with a long name", impact=5, effort=2)
        for i in range(9)
    ]
    looks_like_a_picture(VISUALS["SD-07"](Prioritisation(scores=scores), "en"))


def test_an_influence_link_to_itself_or_to_a_typed_role_is_drawn_without_error():
    from copilot.steps.schemas import CoalitionCandidate, InfluenceLink, InfluenceMap

    content = InfluenceMap(
        links=[
            InfluenceLink(id="L1", source="K1", target="K1", strength=3),
            InfluenceLink(id="L2", source="Head of Billing", target="K1", strength=5, how="Budget"),
        ],
        coalition=[CoalitionCandidate(id="C1", stakeholder="Works council", why="Formal say")],
    )
    looks_like_a_picture(VISUALS["SC-02"](content, "nl"))


def test_moving_an_impact_slider_in_the_editor_moves_the_idea_in_the_picture(workspace):
    editor = StepEditor(Workbench(workspace, language="nl"), "SD-07")
    assert isinstance(editor.visual, StepVisual)
    assert editor.children.index(editor.visual) == editor.children.index(editor.body) - 1  # just above the cards
    empty = editor.visual.image.value
    assert is_png(empty)

    editor.add("scores", item_lists(editor.schema)["scores"])
    card = editor._lists["scores"].children[0]
    next(f for f in card.fields if f.name == "title").widget.value = "Warme overdracht"
    before = editor.visual.image.value
    assert before != empty

    next(f for f in card.fields if f.name == "impact").widget.value = 5
    after = editor.visual.image.value
    assert is_png(after) and after != before
    assert editor.bench.content("SD-07").scores[0].impact == 5


def test_the_editor_shows_the_saved_content_as_a_picture_when_it_opens(workspace):
    bench = Workbench(workspace, language="en")
    bench.save("SC-03", example(step("SC-03").schema))
    editor = StepEditor(bench, "SC-03")
    assert editor.visual.image.value == VISUALS["SC-03"](bench.content("SC-03"), "en")


def test_steps_without_a_picture_get_no_picture_widget(workspace):
    bench = Workbench(workspace)
    for step_id in STEPS:
        editor = StepEditor(bench, step_id)
        pictures = [child for child in editor.children if isinstance(child, StepVisual)]
        assert pictures == ([editor.visual] if step_id in VISUALS else []) and len(pictures) <= 1


def test_a_picture_widget_skips_redrawing_when_nothing_changed():
    visual = StepVisual("SD-04", "en")
    content = example(step("SD-04").schema)
    visual.update(content)
    first = visual.image.value
    visual.image.value = b""  # would be redrawn if update drew again
    visual.update(content.model_copy())
    assert visual.image.value == b""
    visual.update(content.model_copy(update={"journey": "Moving house"}))
    assert visual.image.value not in (b"", first)


def test_every_label_a_picture_uses_is_translated_in_both_languages():
    from typing import get_args

    from copilot.steps.schemas.ai_opportunity import Pattern
    from copilot.steps.schemas.service_design import TimeWell
    from copilot.steps.schemas.stakeholders import ADKAR, Stance
    from copilot.ui.visuals.priorities import QUADRANTS as PRIORITY_QUADRANTS
    from copilot.ui.visuals.stakeholders import QUADRANTS as STAKEHOLDER_QUADRANTS

    used = set()
    for module in PICTURES.glob("*.py"):
        source = module.read_text(encoding="utf-8")
        used |= {key for key in re.findall(r"\btext\(\s*f?[\"']([a-z_.{}-]+)[\"']", source) if "{" not in key}
    assert len(used) > 30
    filled_in = [  # the keys written as f-strings, for every value the schema allows
        *(f"ai.{pattern}" for pattern in get_args(Pattern)),
        *(f"{part}.{when}" for when in get_args(TimeWell) if when for part in ("journey", "ai.time")),
        *(f"stakeholders.{stance}" for stance in get_args(Stance)),
        *(f"stakeholders.{name}" for name in STAKEHOLDER_QUADRANTS),
        *(f"priorities.{name}" for name in PRIORITY_QUADRANTS),
        *(f"readiness.{element}" for element in ADKAR),
    ]
    needed = {f"visuals.{key}".replace("ai.time.", "ai.time_") for key in (*used, *filled_in)}
    assert needed <= keys("en") and needed <= keys("nl"), needed - (keys("en") & keys("nl"))
    assert {k for k in keys("en") if k.startswith("visuals.")} == {k for k in keys("nl") if k.startswith("visuals.")}


def test_opening_the_step_editor_does_not_import_matplotlib():
    code = "import sys, copilot.ui.step_editor, copilot.ui.visuals; print('matplotlib' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(ROOT), check=True)
    assert result.stdout.strip() == "False"


def test_the_influence_picture_names_stakeholders_by_their_role_from_the_stakeholder_map(workspace):
    from copilot.steps.schemas import InfluenceLink, InfluenceMap, Stakeholder, StakeholderMap

    bench = Workbench(workspace, language="nl")
    links = InfluenceMap(links=[InfluenceLink(id="L1", source="K1", target="K2", strength=4, how="Budget")])
    bench.save("SC-02", links)
    editor = StepEditor(bench, "SC-02")
    with_ids = editor.visual.image.value
    assert with_ids == VISUALS["SC-02"](links, "nl")  # no stakeholder map yet: the ids are all there is

    people = [
        Stakeholder(id="K1", role="CFO", power=5, interest=3),
        Stakeholder(id="K2", role="Hoofd Klantenservice", power=3, interest=5),
    ]
    bench.save("SC-01", StakeholderMap(stakeholders=people))
    editor.visual.update(editor.value())
    named = editor.visual.image.value
    assert named != with_ids
    assert named == VISUALS["SC-02"](links, "nl", names={"K1": "CFO", "K2": "Hoofd Klantenservice"})


def test_long_dutch_words_are_hyphenated_where_they_join_and_never_overflow():
    from copilot.ui.visuals.style import wrap

    assert wrap("Betalingsachterstand", 16) == "Betalings-\nachterstand"
    for word in ("Klanttevredenheidsonderzoeksresultaten", "Contact met de klantenservice", "Aanmelden"):
        assert all(len(line) <= 16 for line in wrap(word, 16, 3).split("\n"))
    assert wrap("Aanmelden", 16) == "Aanmelden"
