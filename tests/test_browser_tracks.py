"""Every step of every track notebook in a real browser, as a first-time user works it (issue 25): open the
track notebook, run it, ingest the research, then per step prepare the question, copy it, paste an answer,
edit a field of each kind (text, list, nested group, slider, dropdown) and lock, with no widget error on the
page and every edit in the session file. Also the hostile-text check in the browser (issue 13).

One notebook run covers a track; JupyterLab and Chromium are started once per test session. Screenshots of
every step land in test-artifacts/.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from pathlib import Path

import pytest
from browser_servers import MAIN_SHELL, SUBSHELL, JupyterServer
from conftest import write_small_research
from hostile import PAYLOAD, hostile_answer, write_hostile_research, write_hostile_session
from playwright.sync_api import expect
from test_browser import SLOW, dismiss_news, fresh_notebook_url, run_all_cells, wait_for

from copilot.settings import project_root
from copilot.steps.catalogue import STEPS
from copilot.steps.schemas.examples import example
from copilot.ui.track_app import TRACK_FORMATS
from copilot.workshop import formats, load_format

pytestmark = pytest.mark.slow

NOTEBOOKS = {
    "service-design": "notebooks/10_service_design.ipynb",
    "stakeholders": "notebooks/20_stakeholders_and_change.ipynb",
    "ai-opportunity": "notebooks/30_ai_opportunity.ipynb",
}
ERROR_WIDGET = re.compile("javascript error", re.IGNORECASE)


@pytest.fixture(scope="session")
def voila_track_server(tmp_path_factory: pytest.TempPathFactory):
    """Voila serving the service-design notebook as an app."""
    server = JupyterServer("voila", tmp_path_factory.mktemp("voila-track"), notebook=Path(NOTEBOOKS["service-design"]))
    yield server
    server.stop()


class Watch:
    """Console errors and uncaught exceptions of a page, and numbered screenshots."""

    def __init__(self, page, folder: Path) -> None:
        self.page, self.folder, self.number, self.errors = page, folder, 0, []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _console(self, message) -> None:
        # Voila's page asks for a resource on the internet; the test machine has none (no DNS): not the app's
        if message.type == "error" and "ERR_NAME_NOT_RESOLVED" not in message.text:
            self.errors.append(message.text)

    def shot(self, name: str, element=None) -> None:
        """The page, or one element: JupyterLab scrolls the notebook inside the page, so the window is made as
        tall as the element for a picture of all of it, then put back."""
        self.number += 1
        path = self.folder / f"{self.number:02d}-{name}.png"
        if element is None:
            self.page.screenshot(path=path)
            return
        viewport = self.page.viewport_size
        height = int(element.evaluate("e => e.getBoundingClientRect().height"))
        self.page.set_viewport_size({"width": viewport["width"], "height": max(viewport["height"], height + 300)})
        element.scroll_into_view_if_needed()
        self.page.wait_for_timeout(200)
        element.screenshot(path=path)
        self.page.set_viewport_size(viewport)

    def assert_clean(self, where: str) -> None:
        assert self.page.get_by_text(ERROR_WIDGET).count() == 0, f"{where}: a widget failed to render"
        assert self.page.locator(".cx-error:visible").count() == 0, (
            f"{where}: {self.page.locator('.cx-error:visible').first.inner_text()}"
        )
        assert not self.errors, f"{where}: console errors {self.errors}"


def step_content(session_path: Path, step_id: str) -> tuple[str, str]:
    """(status, content JSON) of a step, read straight from the session's SQLite file."""
    with sqlite3.connect(f"file:{session_path}?mode=ro", uri=True) as db:
        row = db.execute("SELECT status, content FROM steps WHERE step_id = ?", (step_id,)).fetchone()
    return (row[0], row[1] or "") if row else ("empty", "")


def wait_until(check, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"waited {timeout:.0f} s for {what}")


def run_notebook(page, server: JupyterServer, notebook: str) -> None:
    page.goto(fresh_notebook_url(server.url, server.token, notebook))
    page.locator(".jp-Notebook .jp-Cell").first.wait_for()
    page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"ipykernel\) \| Idle")).wait_for(timeout=SLOW)
    dismiss_news(page)
    run_all_cells(page)
    wait_for(page, page.locator(".cx-app"), "the track app", timeout=SLOW)
    dismiss_news(page)


def ingest(page, research: Path) -> None:
    page.get_by_role("textbox", name="Onderzoeksmap").fill(str(research))
    page.get_by_role("button", name="Onderzoek inlezen").click()
    wait_for(page, page.get_by_text(re.compile(r"Onderzoeksbank: \d+ fragmenten")), "the ingest report", timeout=SLOW)


def edit_each_kind(step, session_path: Path, step_id: str) -> list[str]:
    """Edit the first field of each kind the step has; each edit must reach the session file."""
    edited = []

    def changed_by(action, kind: str, marker: str | None = None) -> None:
        before = step_content(session_path, step_id)[1]
        action()
        wait_until(
            lambda: (
                (marker in step_content(session_path, step_id)[1])
                if marker
                else step_content(session_path, step_id)[1] != before
            ),
            f"the {kind} edit of {step_id} in the session",
        )
        edited.append(kind)

    text = step.locator(".cx-field-text input, .cx-field-text textarea")
    if text.count():
        marker = f"Bewerkt in de browser {step_id}"
        changed_by(lambda: (text.first.fill(marker), text.first.press("Tab")), "text", marker)
    lines = step.locator(".cx-field-lines textarea")
    if lines.count():
        marker = f"tweede regel {step_id}"
        changed_by(lambda: (lines.first.fill(f"eerste regel\n{marker}"), lines.first.press("Tab")), "list", marker)

    def nudge(handle) -> None:
        handle.focus()
        value = int(float(handle.get_attribute("aria-valuenow") or 0))
        top = int(float(handle.get_attribute("aria-valuemax") or 5))
        handle.press("ArrowLeft" if value >= top else "ArrowRight")

    group = step.locator(".cx-field-group")
    if group.count():
        inner = group.first.locator(".noUi-handle")
        if inner.count():
            changed_by(lambda: nudge(inner.first), "group")
        else:
            # the last value of the group: a range's high end may grow, its low end must stay below it
            field = group.first.locator("input, textarea").last
            number = field.get_attribute("type") == "number"
            marker = "9999999" if number else f"groep {step_id}"
            changed_by(lambda: (field.fill(marker), field.press("Tab")), "group", marker)
    slider = step.locator(".cx-field-int:not(.cx-group .cx-field-int) .noUi-handle")  # one outside a group
    if slider.count():
        changed_by(lambda: nudge(slider.first), "slider")
    choice = step.locator(".cx-field-choice select")
    if choice.count():
        options = choice.first.locator("option")
        current = choice.first.input_value()
        other = next(  # "—" (no choice) may be filled in from other fields: choose a real one
            options.nth(i).get_attribute("value")
            for i in range(options.count())
            if options.nth(i).get_attribute("value") not in (current, "—")
        )
        changed_by(lambda: choice.first.select_option(value=other), "dropdown")
    return edited


def work_through_step(page, watch: Watch, session_path: Path, step_id: str, clicks: list[str]) -> list[str]:
    """Prepare → copy → paste → use → edit each kind → lock, as a person does it."""
    step = page.locator(f".cx-step-{step_id}")
    step.scroll_into_view_if_needed()
    step.get_by_role("button", name="AI-vraag voorbereiden").click()
    clicks.append("prepare")
    prompt = step.get_by_role("textbox", name="1. Kopieer deze vraag naar je assistent")
    wait_for(page, prompt, f"the question of {step_id}", timeout=SLOW)
    step.get_by_role("button", name="Vraag kopiëren").click()
    clicks.append("copy")
    expect(step.get_by_text("Gekopieerd")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == prompt.input_value(), "the copy button did not put the question on the clipboard"
    watch.shot(f"{step_id}-prepared", step)

    answer_box = step.get_by_role("textbox", name="2. Plak hier het antwoord")
    expect(answer_box).to_be_focused()  # back from the assistant, Ctrl+V is all it takes
    answer = example(STEPS[step_id].schema).model_dump_json(indent=1)  # what the assistant answers
    answer_box.fill(answer)
    step.get_by_role("button", name="Dit antwoord gebruiken").click()
    clicks.append("use answer")
    wait_for(page, step.get_by_text("Het AI-concept staat klaar"), f"the draft of {step_id}", timeout=SLOW)
    expect(step.locator(".cx-step-state")).to_have_text("concept")  # the cards are there, not only the message
    expect(prompt).to_be_hidden()  # the question and the paste fold away: the draft shows right below
    assert step_content(session_path, step_id)[0] == "drafted"
    watch.shot(f"{step_id}-drafted", step)

    edited = edit_each_kind(step, session_path, step_id)
    lock = step.get_by_role("button", name="Stap vastzetten")
    expect(lock).to_have_class(re.compile("mod-success"))  # once drafted, locking is the next thing to do
    lock.click()
    clicks.append("lock")
    wait_for(page, step.get_by_role("button", name="Ontgrendelen"), f"{step_id} locked")
    wait_until(lambda: step_content(session_path, step_id)[0] == "locked", f"{step_id} locked in the session")
    watch.shot(f"{step_id}-locked", step)
    watch.assert_clean(step_id)
    return edited


def work_through_track(page, watch: Watch, session_path: Path, track: str, artifacts: Path) -> dict:
    known = formats(project_root() / "workshop_templates")
    done: dict[str, list[str]] = {}
    for number, workshop in enumerate(TRACK_FORMATS[track]):
        if number:  # the next format of the track, from the labelled dropdown
            page.get_by_role("combobox", name="Workshopformat").select_option(
                label=load_format(known[workshop]).name("nl")
            )
        steps = [s for s in dict.fromkeys(load_format(known[workshop]).steps) if s in STEPS]
        # the whole app is rebuilt for the new format: the header names it once that is done
        expect(page.locator(".cx-title")).to_have_text(load_format(known[workshop]).name("nl"), timeout=SLOW)
        for step_id in steps:
            wait_for(page, page.locator(f".cx-step-{step_id}"), f"the steps of {workshop}")
        page.locator(".cx-header").scroll_into_view_if_needed()
        watch.shot(f"{track}-{workshop}")
        watch.assert_clean(workshop)
        for step_id in steps:
            if step_id in done:  # a step two formats share was locked in the first
                continue
            started = time.monotonic()
            clicks: list[str] = []
            done[step_id] = work_through_step(page, watch, session_path, step_id, clicks)
            seconds = time.monotonic() - started
            with (artifacts / "steps.txt").open("a", encoding="utf-8") as log:
                log.write(
                    f"{track} {step_id}: {len(clicks)} clicks ({', '.join(clicks)}), {seconds:.1f} s, "
                    f"edited {', '.join(done[step_id]) or 'nothing'}\n"
                )
    return done


@pytest.mark.parametrize("track", list(NOTEBOOKS))
def test_every_step_of_a_track_works_in_jupyterlab(track: str, lab_servers, chromium, tmp_path: Path, artifacts: Path):
    server = lab_servers(SUBSHELL)
    research = write_small_research(tmp_path / "research")
    session_path = server.home / "sessions" / f"{track}.cxsession"
    chromium.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    page = chromium.new_page()
    watch = Watch(page, artifacts)
    try:
        opened = time.monotonic()
        run_notebook(page, server, NOTEBOOKS[track])
        code = page.locator(".jp-CodeCell .jp-InputArea-editor:visible")
        assert code.count() == 0, "the code cell shows above the app"
        watch.shot("app-shown")
        ingest(page, research)
        watch.shot("ingested")
        done = work_through_track(page, watch, session_path, track, artifacts)
        (artifacts / "first-step.txt").write_text(
            f"{track}: notebook opened to the last step locked in {time.monotonic() - opened:.0f} s\n",
            encoding="utf-8",
        )
    except Exception:
        watch.shot("failed")
        raise
    finally:
        page.close()
    every = {
        s for w in TRACK_FORMATS[track] for s in load_format(formats(project_root() / "workshop_templates")[w]).steps
    }
    assert set(done) == every & set(STEPS)
    kinds = {kind for edited in done.values() for kind in edited}
    assert {"text", "list", "slider", "dropdown"} <= kinds, kinds
    if track == "stakeholders":
        assert "group" in kinds  # the ADKAR scores of SC-03


def test_a_drafted_and_locked_step_in_the_voila_app(voila_track_server, chromium, tmp_path: Path, artifacts: Path):
    """The app view: no code, and the first step from opening to locked in four clicks plus the paste."""
    research = write_small_research(tmp_path / "research")
    session_path = voila_track_server.home / "sessions" / "service-design.cxsession"
    chromium.grant_permissions(["clipboard-read", "clipboard-write"], origin=voila_track_server.url)
    page = chromium.new_page()
    watch = Watch(page, artifacts)
    try:
        opened = time.monotonic()
        page.goto(voila_track_server.url + "/", timeout=SLOW)  # Voila runs the notebook before it answers
        wait_for(page, page.locator(".cx-app"), "the track app", timeout=SLOW)
        assert page.locator(".jp-CodeCell .jp-InputArea, .cm-editor").count() == 0
        shown = time.monotonic()
        watch.shot("app-shown")
        ingest(page, research)
        ingested = time.monotonic()
        clicks: list[str] = []
        step = page.locator(".cx-step-SD-02")
        step.get_by_role("button", name="AI-vraag voorbereiden").click()
        clicks.append("prepare")
        wait_for(page, step.get_by_role("button", name="Vraag kopiëren"), "the question", timeout=SLOW)
        step.get_by_role("button", name="Vraag kopiëren").click()
        clicks.append("copy")
        expect(step.get_by_role("textbox", name="2. Plak hier het antwoord")).to_be_focused()
        # the trip to the assistant; back in the app, the paste goes where the cursor already is (Ctrl+V)
        page.keyboard.insert_text(json.dumps(json.loads(example(STEPS["SD-02"].schema).model_dump_json())))
        step.get_by_role("button", name="Dit antwoord gebruiken").click()
        clicks.append("use answer")
        wait_for(page, step.get_by_text("Het AI-concept staat klaar"), "the draft", timeout=SLOW)
        step.get_by_role("button", name="Stap vastzetten").click()
        clicks.append("lock")
        wait_for(page, step.get_by_role("button", name="Ontgrendelen"), "the lock")
        locked = time.monotonic()
        assert step_content(session_path, "SD-02")[0] == "locked"
        watch.shot("SD-02-locked", step)
        watch.assert_clean("voila")
        (artifacts / "clicks.txt").write_text(
            f"Voila, SD-02: {len(clicks)} clicks ({', '.join(clicks)}) + 1 paste; app shown after "
            f"{shown - opened:.1f} s; from research in to locked {locked - ingested:.1f} s\n",
            encoding="utf-8",
        )
    except Exception:
        watch.shot("failed")
        raise
    finally:
        page.close()
    assert len(clicks) == 4


def test_hostile_text_never_runs_or_makes_elements_in_the_browser(
    lab_servers, chromium, tmp_path: Path, artifacts: Path
):
    """An imported session, research and an answer full of HTML: shown as text, nothing runs (issue 13)."""
    server = lab_servers(MAIN_SHELL)
    session_path = server.home / "sessions" / "service-design.cxsession"
    session_path.parent.mkdir(parents=True, exist_ok=True)
    write_hostile_session(session_path, "journey_pain_points_90").close()
    research = write_small_research(tmp_path / "research")
    write_hostile_research(research / "imported")
    page = chromium.new_page()
    watch = Watch(page, artifacts)
    try:
        run_notebook(page, server, NOTEBOOKS["service-design"])
        ingest(page, research)  # one hostile file name is reported as unreadable
        for fold in page.locator(".cx-evidence .jupyter-widget-Collapse-header").all()[:6]:
            fold.click()  # open the quotes behind items: quote, source and id are all hostile
        step = page.locator(".cx-step-SD-03")
        step.get_by_role("button", name="AI-vraag voorbereiden").click()
        wait_for(page, step.get_by_role("button", name="Vraag kopiëren"), "the question", timeout=SLOW)
        step.get_by_role("textbox", name="2. Plak hier het antwoord").fill(hostile_answer(STEPS["SD-03"].schema))
        step.get_by_role("button", name="Dit antwoord gebruiken").click()
        wait_for(page, step.get_by_text("Het AI-concept staat klaar"), "the draft with warnings", timeout=SLOW)
        step = page.locator(".cx-step-SD-04")
        step.get_by_role("button", name="AI-vraag voorbereiden").click()
        wait_for(page, step.get_by_role("button", name="Vraag kopiëren"), "the question", timeout=SLOW)
        step.get_by_role("textbox", name="2. Plak hier het antwoord").fill(f"{PAYLOAD} geen antwoord")
        step.get_by_role("button", name="Dit antwoord gebruiken").click()
        page.locator(".cx-error").first.wait_for()
        page.wait_for_timeout(1000)  # let any image that would load fail and run its handler
        watch.shot("hostile")
        assert page.evaluate("window.__pwned") is None, "hostile text ran as script"
        assert page.locator("#pwn").count() == 0, "hostile text made an element"
        assert page.locator(".cx-app img[onerror]").count() == 0
        assert page.get_by_text("<b id=pwn>").count() > 0  # and it is shown, as text
    finally:
        page.close()
