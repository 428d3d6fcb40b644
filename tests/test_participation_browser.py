"""Participants in real browsers (issue 23): Voila serves notebooks/participate.ipynb, twelve headless Chromium
pages — a room's worth — join the facilitator's room by the code in their link, each adds a sticky and places
a dot, and the facilitator's side (this process, reading the same folder) sees every contribution, none doubled.

Twelve pages take about two minutes more than three on the two-core test machine (BENCHMARKS.md, issue 23);
CX_PARTICIPANT_PAGES=3 runs the same test quicker. Every step waits for what the page shows, with room for a
busy machine (twelve kernels polling the room). 50 scripted participants run in the bench
(bench/participation.py) and in tests/test_participation.py.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from browser_servers import JupyterServer, free_port
from test_browser import SLOW, wait_for

from copilot.participation import Room
from copilot.participation_model import Item, Offer
from copilot.session import Session
from copilot.settings import Workspace

pytestmark = pytest.mark.slow

PAGES = int(os.environ.get("CX_PARTICIPANT_PAGES", "12"))
BUSY = 120_000  # ms for each step on a page: with twelve kernels on two busy cores a reply can take long
HOSTILE = "<img src=x onerror=window.__owned=1>"


@pytest.fixture(scope="module")
def participant_server(tmp_path_factory: pytest.TempPathFactory):
    server = JupyterServer(
        "voila", tmp_path_factory.mktemp("voila-participate"), notebook=Path("notebooks/participate.ipynb")
    )
    yield server
    server.stop()


@pytest.fixture
def room(participant_server: JupyterServer) -> Room:
    sessions = Workspace(participant_server.home).ensure().sessions_dir
    path = sessions / "zaal.cxsession"
    if not path.exists():
        Session.create(path, "Zaal", "nl").close()
    room = Room.open_for(path)
    room.set_dots("SD-06", 2)
    room.open_step(
        Offer(
            step="SD-06",
            names={"nl": "Ideeën", "en": "Ideation"},
            question={"nl": "Welke ideeën beantwoorden die vragen?", "en": "Which ideas answer those questions?"},
            quotes=[{"text": "Ik wil gewoon een mens aan de lijn.", "source": "interview-3.txt"}],
            items=[Item(id="i1", text="Terugbelservice")],
            categories=["idea"],
        )
    )
    return room


def seconds_until_stored(room: Room, text: str, clicked: float, limit: float = 60) -> float:
    """How long after the click the sticky stood in the room's files (reported, not asserted)."""
    while time.monotonic() - clicked < limit:
        if any(s.text == text for s in room.tally("SD-06").stickies):
            break
        time.sleep(0.02)
    return time.monotonic() - clicked


def test_participants_in_browsers_each_reach_the_facilitator(participant_server, chromium, room, artifacts):
    pages, delays = [], []
    try:
        for n in range(PAGES):
            page = chromium.new_page()
            pages.append(page)
            page.goto(f"{participant_server.url}/?code={room.code}", timeout=SLOW)
            wait_for(page, page.get_by_role("button", name="Meedoen"), "the join button", timeout=SLOW)
            assert page.get_by_role("textbox", name="Workshopcode").input_value() == room.code, "from the link"
            page.get_by_role("textbox", name="Je naam").fill(HOSTILE if n == 0 else f"Deelnemer {n}")
            page.get_by_role("button", name="Meedoen").click()
            wait_for(page, page.get_by_text("Welke ideeën beantwoorden die vragen?"), "the open step's question", BUSY)
            wait_for(page, page.get_by_text("Ik wil gewoon een mens aan de lijn.", exact=False), "the quote", BUSY)
        for n, page in enumerate(pages):
            text = HOSTILE if n == 0 else f"Idee uit browser {n}"
            page.get_by_placeholder("Je sticky").fill(text)
            clicked = time.monotonic()
            page.get_by_role("button", name="Toevoegen").click()
            delays.append(seconds_until_stored(Room(room.folder), text, clicked))
            wait_for(page, page.get_by_text("Toegevoegd."), "the added mark", BUSY)
            # a dot on the facilitator's item: the first + button belongs to it
            page.locator(".cx-app button:has(i.fa-plus)").first.click()
            wait_for(page, page.get_by_text("nog 1 van je 2 stippen"), "one dot used", BUSY)
            page.screenshot(path=artifacts / f"participant-{n}.png")
        for page in pages:
            assert page.evaluate("() => window.__owned === undefined"), "a participant's text ran as HTML"
            assert page.locator(".cx-app img[src='x']").count() == 0
    finally:
        for page in pages:
            page.close()

    line = "click on Toevoegen → sticky in the facilitator's store: " + ", ".join(f"{d:.2f} s" for d in delays)
    (artifacts / "click-to-store.txt").write_text(line + "\n", encoding="utf-8")
    print(line)
    tally = Room(room.folder).tally("SD-06")  # the facilitator's kernel reads a fresh view of the same folder
    assert len(tally.participants) == PAGES
    assert sorted(s.text for s in tally.stickies) == sorted(
        [HOSTILE, *(f"Idee uit browser {n}" for n in range(1, PAGES))]
    )
    assert tally.votes == {"i1": PAGES}, "one dot per page, none lost or doubled"
    assert any(s.name == HOSTILE for s in tally.stickies), "the name is kept as the text it was"


def test_the_participants_app_answers_under_the_hubs_service_prefix(tmp_path: Path):
    """As a JupyterHub service (deploy/jupyterhub/): the hub hands `cx-copilot app` its prefix in
    JUPYTERHUB_SERVICE_PREFIX, and the app answers there — the page and its static files — and not at /."""
    env = dict(os.environ, CX_COPILOT_HOME=str(tmp_path / "home"), TMPDIR=str(tmp_path))
    env["JUPYTERHUB_SERVICE_PREFIX"] = "/services/participate/"
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"):
        env[name] = str(tmp_path / name.lower())
    port = free_port()
    command = [sys.executable, "-m", "copilot.cli", "app", "--participants", "--no-browser", f"--port={port}"]
    log = (tmp_path / "app.log").open("w")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:  # a plain connection first: a page request would start a kernel
            try:
                socket.create_connection(("127.0.0.1", port), timeout=2).close()
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, (tmp_path / "app.log").read_text()
                time.sleep(0.25)
        with urllib.request.urlopen(f"{base}/services/participate/?code=ABC234", timeout=120) as page:
            html = page.read().decode()
        assert page.status == 200 and "/services/participate/voila/static/" in html
        with pytest.raises(urllib.error.HTTPError) as outside:
            urllib.request.urlopen(f"{base}/", timeout=30)
        assert outside.value.code == 404
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
