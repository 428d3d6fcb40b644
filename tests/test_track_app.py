"""Track notebooks: the agenda of a workshop format, its steps in order, and locked steps feeding the next."""

from pathlib import Path

import ipywidgets as w
import pytest

from copilot.ui.research_panel import ResearchPanel
from copilot.ui.step_editor import item_lists
from copilot.ui.track_app import TrackApp
from copilot.ui.tree import html_widgets, walk
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


def test_the_header_follows_the_chosen_format_and_says_what_a_later_format_builds_on(workspace):
    app = TrackApp("service-design", language="nl")
    assert app.format.description == "Workshopformat"  # a labelled control
    app.format.value = "ideation_prioritisation_halfday"
    values = [html.value for html in html_widgets(app)]
    assert any("Ideeën &amp; prioriteren" in v and "cx-title" in v for v in values)
    assert not any("Pijnpunten in de klantreis" in v and "cx-title" in v for v in values)
    note = next(v for v in values if "cx-builds-on" in v or "bouwt voort op eerdere stappen" in v)
    assert "SD-04" in note and "nog niet begonnen" in note  # SD-05 reads the journey, not locked yet
    # one intro, in the chosen language; no CLI terms, no token counts
    text = " ".join(values)
    assert "Werk de stappen van boven naar beneden af" in text and "Work through the steps" not in text
    assert "--share" not in text and "token" not in text


def test_no_box_carries_a_tooltip_which_breaks_its_view_in_the_browser(workspace):
    """ipywidgets' box view fails to render a box with a tooltip ('Failed to create view for VBoxView …
    updateTooltip'): the SD-03 jobs group did, showing a javascript error instead of the fields."""
    app = TrackApp("service-design", language="nl")
    personas = next(e for e in app.steps if e.step_id == "SD-03")
    personas.add("personas", item_lists(personas.schema)["personas"])
    boxes = [widget for widget in walk(app) if isinstance(widget, w.Box)]
    assert boxes and not [box for box in boxes if box.tooltip]
    assert any("cx-field-group" in box._dom_classes for box in boxes)  # the group is there


def test_sliders_name_their_ends_and_empty_lists_look_empty(workspace):
    editor = next(e for e in TrackApp("service-design", language="nl").steps if e.step_id == "SD-03")
    editor.add("personas", item_lists(editor.schema)["personas"])
    card = editor._lists["personas"].children[0]
    slider = next(f for f in card.fields if f.kind == "int")
    assert "1 = laag · 5 = hoog" in [c.value for c in slider.view.children if isinstance(c, w.Label)]
    lines = next(f for f in card.fields if f.kind == "lines")
    assert lines.widget.value == "" and lines.widget.placeholder == "Eén per regel (nog leeg)"


def test_the_research_panel_says_what_is_already_in_without_a_server_path(workspace, small_research: Path):
    bench = Workbench(workspace, language="nl")
    panel = ResearchPanel(bench)
    assert panel.folder.value == "examples/research"  # inside the project: as people read it
    panel.show_store()
    assert "Nog geen onderzoek ingelezen" in panel.status.value
    panel.folder.value = str(small_research)
    panel.button.click()
    again = ResearchPanel(bench)
    again.show_store_soon().join()
    assert "Al ingelezen: 14 fragmenten uit 4 bestanden" in again.status.value
    assert "survey.csv" in again.status.value
