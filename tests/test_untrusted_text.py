"""Untrusted text is never HTML: every widget of every app, filled with hostile text in every field, shows it
as text (issue 13). The same pages in a real browser: tests/test_browser_tracks.py."""

from html import escape
from pathlib import Path

import ipywidgets as w
import pytest
from hostile import PAYLOAD, hostile_answer, payload_elements, write_hostile_research, write_hostile_session

from copilot.steps.catalogue import STEPS
from copilot.ui.error_box import ErrorBox
from copilot.ui.prompt_bridge import PromptBridge
from copilot.ui.research_panel import ResearchPanel
from copilot.ui.start_here import StartHere
from copilot.ui.step_editor import StepEditor
from copilot.ui.track_app import TRACK_FORMATS, TrackApp
from copilot.ui.tree import html_widgets, walk
from copilot.workbench import Workbench


def assert_no_payload_as_html(root: w.Widget) -> list[str]:
    """Fails when any widget would make an element of the payload; returns every HTML value it checked."""
    values = []
    for widget in walk(root):
        assert not getattr(widget, "description_allow_html", False), f"{widget!r} reads its label as HTML"
    for html in html_widgets(root):
        found = payload_elements(html.value)
        assert not found, f"{type(html).__name__} would create {found} from: {html.value[:300]}"
        values.append(html.value)
    return values


@pytest.mark.parametrize("track", list(TRACK_FORMATS))
def test_every_widget_of_a_track_app_shows_an_imported_hostile_session_as_text(workspace, track: str):
    session_path = workspace.sessions_dir / f"{track}.cxsession"
    write_hostile_session(session_path, TRACK_FORMATS[track][0]).close()
    bench = Workbench(workspace, language="nl", session_path=session_path, workshop=TRACK_FORMATS[track][0])
    shown = []
    for workshop in TRACK_FORMATS[track]:
        app = TrackApp(track, bench=bench, workshop=workshop)
        shown += assert_no_payload_as_html(app)
    # the payload did reach the HTML widgets, escaped: the session title, quotes, sources, ids, the diff
    text = "\n".join(shown)
    assert escape(PAYLOAD) in text
    assert any("pwn" in value and "cx-quote" in value for value in shown)  # the quotes behind an item
    assert any(f"{escape(PAYLOAD)}d" in value for value in shown)  # a drafted item's id in the diff view


def test_every_step_editor_shows_hostile_text_as_text(workspace):
    session_path = workspace.sessions_dir / "all.cxsession"
    write_hostile_session(session_path, "journey_pain_points_90").close()
    bench = Workbench(workspace, language="en", session_path=session_path)
    for step_id, info in STEPS.items():
        if info.schema is not None:
            assert_no_payload_as_html(StepEditor(bench, step_id))


def test_hostile_file_names_answers_and_errors_are_shown_as_text(workspace, small_research: Path):
    write_hostile_research(small_research / "imported")
    bench = Workbench(workspace, language="nl")
    panel = ResearchPanel(bench)
    panel.folder.value = str(small_research)
    panel.button.click()
    assert "pwn" in panel.status.value  # the unreadable file is named in the report
    assert_no_payload_as_html(panel)

    bridge = PromptBridge(bench, "SD-03", on_draft=lambda _: None)
    bridge.prepare_button.click()
    bridge.answer.value = hostile_answer(STEPS["SD-03"].schema)
    bridge.use_button.click()
    # the hostile answer is read (warnings, if any, quote it); whatever is shown, none of it is HTML
    assert bridge.status.value
    assert_no_payload_as_html(bridge)

    bridge.prepare_button.click()
    bridge.answer.value = f"{PAYLOAD} is geen antwoord"
    bridge.use_button.click()
    assert bridge.errors.layout.display != "none"
    assert_no_payload_as_html(bridge)

    box = ErrorBox("en")
    box.show(ValueError(PAYLOAD))
    assert "pwn" in box.message.value
    assert_no_payload_as_html(box)

    start = StartHere(bench)
    start.research.folder.value = str(small_research)
    start.research.button.click()
    assert_no_payload_as_html(start)
