"""The whole start-here workshop in a real browser: JupyterLab (run all cells, then only widgets) and Voila
(the same notebook as an app, no code visible). Screenshots of every stage are kept in test-artifacts/."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from browser_servers import MAIN_SHELL, NOTEBOOK, ROOT, SUBSHELL, JupyterServer
from conftest import write_small_research
from playwright.sync_api import expect
from pptx import Presentation

from copilot.lab import notebook_url

pytestmark = pytest.mark.slow

NEW_LABEL = "Klanten willen een mens spreken"
SLOW = 180_000  # ms: the first ingest loads the embedding model
APP = ".cx-app"


@pytest.fixture(scope="session")
def voila_server(tmp_path_factory: pytest.TempPathFactory):
    """Voila serving the start-here notebook as an app, once per test worker."""
    server = JupyterServer("voila", tmp_path_factory.mktemp("voila-server"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory):
    """`cx-copilot app --no-browser --port N`, as a person starts it."""
    server = JupyterServer("app", tmp_path_factory.mktemp("app-server"))
    yield server
    server.stop()


class Stages:
    """Numbered screenshots of the page and of the app itself, for people to look at."""

    def __init__(self, page, folder: Path) -> None:
        self.page, self.folder, self.number = page, folder, 0

    def __call__(self, name: str) -> None:
        self.number += 1
        stem = f"{self.number:02d}-{name}"
        self.page.screenshot(path=self.folder / f"{stem}.png")
        app = self.page.locator(APP)
        if app.count() and app.first.is_visible():
            # JupyterLab scrolls the notebook inside the page: make the window as tall as the app for a
            # picture of all of it, then put it back
            viewport = self.page.viewport_size
            height = int(app.first.evaluate("e => e.getBoundingClientRect().height"))
            self.page.set_viewport_size({"width": viewport["width"], "height": max(viewport["height"], height + 400)})
            app.first.scroll_into_view_if_needed()
            self.page.wait_for_timeout(300)
            app.first.screenshot(path=self.folder / f"{stem}-app.png")
            self.page.set_viewport_size(viewport)


class AppShowedError(AssertionError):
    """The app showed its error box (or the notebook a traceback) instead of what the test waited for."""


def wait_for(page, locator, what: str, timeout: float = 30_000) -> None:
    """Wait until `locator` is visible; fail at once with the app's own message when it shows an error (or
    the notebook a traceback; a mere warning on stderr is no failure)."""
    traceback = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").filter(
        has_text=re.compile(r"Error|Traceback")
    )
    failure = page.locator(".cx-error").or_(traceback).filter(visible=True)
    locator.or_(failure).filter(visible=True).first.wait_for(state="visible", timeout=timeout)
    if failure.count() and not locator.first.is_visible():
        details = page.locator(".cx-error-box:visible textarea")
        trace = details.first.input_value() if details.count() else ""
        raise AppShowedError(f"waiting for {what}, the page showed an error:\n{failure.first.inner_text()}\n{trace}")


def fresh_notebook_url(url: str, token: str, notebook: str) -> str:
    """The notebook in a workspace of its own, reset: JupyterLab would otherwise reopen the tabs of notebooks
    earlier tests opened on the same server, and its Run menu can act on one of those instead."""
    workspace = re.sub(r"\W+", "-", Path(notebook).stem)
    address = notebook_url(url, token, notebook).replace("/lab/tree/", f"/lab/workspaces/{workspace}/tree/")
    return address.replace("?token=", "?reset&token=")


def run_all_cells(page, started: str = APP) -> None:
    """Run All from the Run menu, as a person would, on the notebook in view.

    JupyterLab restores the tabs of earlier notebooks opened on the same server, and the Run menu acts on the
    notebook that last had focus — possibly one in a hidden tab. So the notebook in view is clicked first.
    If it still shows no sign of running (no prompt turns [*] or [n]; on a busy machine the click can land
    before the kernel connection is ready), the click is repeated."""
    notebook = page.locator(".jp-NotebookPanel:visible").first
    prompts = notebook.locator(".jp-CodeCell .jp-InputPrompt")
    for _attempt in range(3):
        notebook.locator(".jp-Cell").first.click()  # this notebook is the current one
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
        deadline = time.monotonic() + 45
        while time.monotonic() < deadline:
            ran = any(re.search(r"\[(\*|\d+)\]", text or "") for text in prompts.all_text_contents())
            if ran or notebook.locator(started).count():
                return
            page.wait_for_timeout(500)
        dismiss_news(page)
    raise AssertionError("Run All Cells was clicked three times and no cell of the notebook in view started")


def dismiss_news(page) -> None:
    no = page.locator(".jp-toast-button", has_text=re.compile(r"^No$"))
    if no.count() and no.first.is_visible():
        no.first.click()


def work_through_the_app(page, research: Path, stages: Stages) -> Path:
    """What a CX professional does: ingest, draft themes, rename one, lock the step, export the deck."""
    folder = page.get_by_role("textbox", name="Onderzoeksmap")
    folder.fill(str(research))
    earlier_error = page.locator(".cx-error:visible")
    had_error = earlier_error.count() > 0
    page.get_by_role("button", name="Onderzoek inlezen").click()
    if had_error:  # a new ingest clears the last one's error first
        earlier_error.first.wait_for(state="hidden")
    wait_for(page, page.get_by_text(re.compile(r"\d+ fragmenten")), "the ingest report", timeout=SLOW)
    stages("ingested")

    page.get_by_role("button", name="Thema's opstellen").click()
    label = page.get_by_role("textbox", name="Thema", exact=True).first
    wait_for(page, label, "the theme cards", timeout=SLOW)
    stages("themes-drafted")

    label.fill(NEW_LABEL)
    label.press("Tab")  # continuous_update=False: the value reaches the kernel when the field loses focus
    wait_for(page, page.get_by_text("Opgeslagen"), "the saved mark")
    page.get_by_text(re.compile(r"^Bewijs lezen \(\d+\)$")).first.click()  # read the quotes behind it
    wait_for(page, page.locator(".cx-quote").first, "the quotes of the first theme")
    stages("theme-edited-evidence-open")

    page.get_by_role("button", name="Stap vastzetten").click()
    wait_for(page, page.get_by_role("button", name="Ontgrendelen"), "the unlock button")
    expect(label).to_be_disabled(timeout=15_000)  # a locked step lets no theme be edited
    stages("locked")

    page.get_by_role("button", name="Deck exporteren").click()
    wait_for(page, page.get_by_text("Deck geschreven"), "the export message", timeout=SLOW)
    stages("exported")

    with page.expect_download() as download:  # what a person on JupyterHub or Voila takes home
        page.get_by_role("link", name=re.compile("Deck downloaden")).click()
    deck = stages.folder / download.value.suggested_filename
    download.value.save_as(deck)
    return deck


def written_deck(home: Path) -> Path:
    decks = sorted((home / "decks").glob("*.pptx"), key=lambda p: p.stat().st_mtime)
    assert decks, f"no deck written under {home / 'decks'}"
    return decks[-1]


def deck_texts(deck: Path) -> str:
    slides = Presentation(str(deck)).slides
    return "\n".join(shape.text_frame.text for slide in slides for shape in slide.shapes if shape.has_text_frame)


def report_time(artifacts: Path, where: str, seconds: float, detail: str = "") -> None:
    line = f"{where}: first widget visible {seconds:.1f} s after the page started loading{detail}"
    print(line)
    (artifacts / "time-to-first-widget.txt").write_text(line + "\n", encoding="utf-8")


@pytest.mark.parametrize("variant", [SUBSHELL, MAIN_SHELL])
def test_a_cx_professional_runs_the_workshop_in_jupyterlab(
    variant: str, lab_servers, chromium, tmp_path: Path, artifacts: Path
):
    lab_server = lab_servers(variant)
    notebook_before = (ROOT / NOTEBOOK).read_bytes()
    checkpoints = (ROOT / NOTEBOOK).parent / ".ipynb_checkpoints"
    had_checkpoints = checkpoints.exists()
    research = write_small_research(tmp_path / "research")
    page = chromium.new_page()
    stages = Stages(page, artifacts)
    try:
        start = time.monotonic()
        page.goto(fresh_notebook_url(lab_server.url, lab_server.token, NOTEBOOK.as_posix()))
        page.locator(".jp-Notebook .jp-Cell").first.wait_for()
        # Run All before the kernel is up does nothing visible: wait until it reports idle, as a person would
        page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"ipykernel\) \| Idle")).wait_for(timeout=SLOW)
        kernel_ready = time.monotonic()
        dismiss_news(page)
        stages("notebook-open")

        run_all_cells(page)
        wait_for(page, page.get_by_role("button", name="Onderzoek inlezen"), "the app's widgets", timeout=SLOW)
        shown = time.monotonic()
        code = page.locator(".jp-CodeCell .jp-InputArea-editor:visible")
        assert code.count() == 0, "the code cell shows above the app"
        detail = f" ({kernel_ready - start:.1f} s until the kernel was idle, {shown - kernel_ready:.1f} s from there)"
        report_time(artifacts, "JupyterLab", shown - start, detail)
        # the kernel was warmed silently before the page opened: the first cell a person runs is still [1]
        page.locator(".jp-CodeCell .jp-InputPlaceholder").first.click()  # unfold the code, as a curious person would
        expect(page.locator(".jp-CodeCell .jp-InputPrompt").first).to_have_text(re.compile(r"\[1\]"))
        dismiss_news(page)
        stages("app-shown")

        downloaded = work_through_the_app(page, research, stages)
    except Exception:
        stages("failed")
        raise
    finally:
        page.close()
    assert NEW_LABEL in deck_texts(written_deck(lab_server.home))
    assert NEW_LABEL in deck_texts(downloaded)
    assert (ROOT / NOTEBOOK).read_bytes() == notebook_before, "the browser test wrote into the committed notebook"
    assert had_checkpoints or not checkpoints.exists(), "JupyterLab left a checkpoint folder beside the notebook"


def test_the_same_workshop_runs_as_a_voila_app_without_code(voila_server, chromium, tmp_path: Path, artifacts: Path):
    research = write_small_research(tmp_path / "research")
    page = chromium.new_page()
    stages = Stages(page, artifacts)
    try:
        start = time.monotonic()
        page.goto(voila_server.url + "/", timeout=SLOW)  # Voila runs the notebook before it answers
        wait_for(page, page.get_by_role("button", name="Onderzoek inlezen"), "the app's widgets", timeout=SLOW)
        report_time(artifacts, "Voila", time.monotonic() - start)
        stages("app-shown")

        code = page.locator(".jp-CodeCell .jp-InputArea, .jp-CodeMirrorEditor, .cm-editor, .jp-InputPrompt")
        assert code.count() == 0, "Voila shows the notebook's code"
        assert "StartHere()" not in page.locator("body").inner_text()

        # a typo in the folder: a plain message, the traceback folded away, and the app carries on
        page.get_by_role("textbox", name="Onderzoeksmap").fill(str(tmp_path / "onderzoek-bestaat-niet"))
        page.get_by_role("button", name="Onderzoek inlezen").click()
        page.locator(".cx-error").wait_for(timeout=SLOW)
        assert "onderzoek-bestaat-niet" in page.locator(".cx-error").inner_text()
        stages("wrong-folder")

        downloaded = work_through_the_app(page, research, stages)
        assert not page.locator(".cx-error").is_visible(), "the old error stayed on screen after a good ingest"

        page.get_by_role("button", name="English").click()  # relabels everything, keeps every edit
        wait_for(page, page.get_by_role("button", name="Ingest research"), "the English labels")
        assert page.get_by_role("textbox", name="Theme", exact=True).first.input_value() == NEW_LABEL
        assert page.get_by_role("textbox", name="Research folder").input_value() == str(research)
        stages("english")
    except Exception:
        stages("failed")
        raise
    finally:
        page.close()
    assert NEW_LABEL in deck_texts(written_deck(voila_server.home))
    assert NEW_LABEL in deck_texts(downloaded)


def test_cx_copilot_app_opens_the_start_here_notebook_without_code(app_server, chromium, artifacts: Path):
    page = chromium.new_page()
    try:
        page.goto(app_server.url + "/", timeout=SLOW)
        wait_for(page, page.get_by_role("button", name="Onderzoek inlezen"), "the app's widgets", timeout=SLOW)
        page.screenshot(path=artifacts / "app.png")
        assert page.locator(".jp-CodeCell .jp-InputArea, .cm-editor").count() == 0
    finally:
        page.close()
