"""Track notebooks: the agenda of a workshop format, its steps in order, and locked steps feeding the next."""

from pathlib import Path

import pytest

from copilot.ui.step_editor import item_lists
from copilot.ui.track_app import TrackApp
from copilot.ui.tree import html_widgets
from copilot.workbench import Workbench


@pytest.mark.parametrize("track", ["service-design", "stakeholders", "ai-opportunity"])
def test_every_track_opens_with_its_agenda_and_steps(workspace, track: str):
    app = TrackApp(track, bench=None, language="nl")
    assert app.steps and all(editor.info.track for editor in app.steps)
    assert any("min</td>" in html.value for html in html_widgets(app))  # the agenda table
    # the session is named after this track's workshop, not after the start-here one
    assert app.bench.session.title == app.bench.workshop.name("nl")
    assert app.bench.workshop.id == app.formats[0]


def test_choosing_another_format_shows_its_steps(workspace):
    app = TrackApp("service-design", language="en")
    app.format.value = "ideation_prioritisation_halfday"
    assert [editor.step_id for editor in app.steps] == ["SD-05", "SD-06", "SD-07"]
    assert app.bench.session.meta("workshop") == "ideation_prioritisation_halfday"


def test_a_locked_step_feeds_the_next_steps_question(workspace, small_research: Path):
    bench = Workbench(workspace, language="nl", workshop="ideation_prioritisation_halfday")
    bench.ingest(small_research)
    app = TrackApp("service-design", bench=bench, workshop="blueprint_handover_2h")
    journey = next(e for e in app.steps if e.step_id == "SD-04")
    name, item_class = next(iter(item_lists(journey.schema).items()))
    journey.add(name, item_class)
    stage = journey._lists[name].children[0]
    next(f for f in stage.fields if f.kind == "text").widget.value = "Verhuizing doorgeven"

    blueprint = next(e for e in app.steps if e.step_id == "SD-08")
    blueprint.bridge.prepare_button.click()
    assert "zet eerst SD-04 vast" in blueprint.bridge.errors.message.value  # in the language of the app

    journey.lock_button.click()
    blueprint.bridge.prepare_button.click()
    assert blueprint.bridge.errors.layout.display == "none"
    assert "Verhuizing doorgeven" in blueprint.bridge.prompt.value
