"""Shared fixtures: real files in tmp folders, a real Chroma store, real SQLite sessions."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "research"
SHARED_DATA = ROOT.parent / "shared" / "data"
ARTIFACTS = ROOT / "test-artifacts"

TRANSCRIPT_NL = """# Interview A — verhuizing

Sanne de Vries (interviewer): Hoe ging de verhuizing?

Mohamed El Amrani: De chatbot snapte niet dat ik ging verhuizen en stuurde me steeds terug naar het begin van het menu.

Sanne de Vries (interviewer): En toen?

Mohamed El Amrani: Toen heb ik gebeld, en de medewerker regelde de verhuizing in vijf minuten, heel fijn geholpen.
"""

TRANSCRIPT_EN = """# Interview B — instalment

Claire Jansen (interviewer): What happened with your instalment?

Tom Baker: My monthly instalment went up by forty euros and nobody explained why it was raised so much.

Tom Baker: I wanted to talk to a person about the instalment, but the bot kept sending me links to the FAQ.
"""

SURVEY = """respondent_id,segment,nps,open_answer
1,particulier,3,Het termijnbedrag is veel te hoog geworden zonder uitleg waarom het omhoog ging
2,particulier,8,Fijn dat de app de meterstanden direct laat zien en dat ik zelf kan aanpassen
3,expat,2,The chatbot never hands me over to a real person when I am stuck with my bill
4,zakelijk,6,De verhuizing doorgeven ging via de website prima maar de bevestiging kwam pas na twee weken
5,particulier,1,Ik zit in een betalingsachterstand en wil graag met een mens praten over een regeling
"""

MEMO = """# Memo klantcontact

Het aantal herhaalcontacten over het termijnbedrag steeg in het derde kwartaal met 18 procent.

We stellen voor het plan voor proactief termijnadvies uit 2021 opnieuw te bekijken, nu AI het betaalbaar maakt.
"""


def write_small_research(folder: Path) -> Path:
    (folder / "interviews").mkdir(parents=True, exist_ok=True)
    (folder / "interviews" / "a_nl.txt").write_text(TRANSCRIPT_NL, encoding="utf-8")
    (folder / "interviews" / "b_en.txt").write_text(TRANSCRIPT_EN, encoding="utf-8")
    (folder / "survey.csv").write_text(SURVEY, encoding="utf-8")
    (folder / "memo.md").write_text(MEMO, encoding="utf-8")
    return folder


@pytest.fixture
def small_research(tmp_path: Path) -> Path:
    """A tiny research folder: two transcripts (NL, EN), a survey export and a memo."""
    return write_small_research(tmp_path / "research")


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from copilot.settings import Workspace

    monkeypatch.setenv("CX_COPILOT_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("CX_COPILOT_CHROMA_URL", raising=False)
    monkeypatch.delenv("CX_COPILOT_LANG", raising=False)  # a new session speaks Dutch unless a test says otherwise
    return Workspace(tmp_path / "home").ensure()


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory):
    """A real `chroma run` on 127.0.0.1, shared by every team-mode test of this worker."""
    from chroma_server import ChromaServer

    server = ChromaServer(tmp_path_factory.mktemp("chroma-server"))
    yield server
    server.stop()


@pytest.fixture(params=["embedded", "server"])
def open_store(request: pytest.FixtureRequest, tmp_path: Path):
    """Opens a research store embedded in tmp_path, or on the shared Chroma server (one collection per test)."""
    from copilot.research.store import ResearchStore

    if request.param == "embedded":
        return lambda **kwargs: ResearchStore.open(tmp_path / "store", **kwargs)
    server = request.getfixturevalue("chroma_server")
    collection = f"t{abs(hash(request.node.nodeid)) % 10**12}"
    return lambda **kwargs: ResearchStore.open(url=server.url, collection=collection, **kwargs)


@pytest.fixture(scope="session")
def example_store(tmp_path_factory: pytest.TempPathFactory):
    """The project's example corpus ingested once per test worker into a real embedded Chroma store."""
    from copilot.research.ingest import ingest
    from copilot.research.store import ResearchStore

    store = ResearchStore.open(tmp_path_factory.mktemp("example-store"))
    report = ingest(EXAMPLES, store)
    assert not report.failed, report.failed
    return store


@pytest.fixture
def artifacts(request: pytest.FixtureRequest) -> Path:
    """A folder kept after the run (decks, PDFs, screenshots) for people to look at."""
    folder = ARTIFACTS / request.node.name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def soffice_to_pdf(pptx: Path, out_dir: Path) -> Path:
    """Convert a deck with a real LibreOffice, in a profile of its own so parallel runs don't clash."""
    import subprocess

    profile = out_dir / f"lo-profile-{os.getpid()}"
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{profile}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(pptx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = out_dir / (pptx.stem + ".pdf")
    assert pdf.exists() and pdf.stat().st_size > 1000, "LibreOffice did not produce a PDF"
    return pdf


def pdf_to_pngs(pdf: Path, dpi: int = 60) -> list[Path]:
    """Pages of a PDF as PNG files beside it, for people (and tests) to look at."""
    import subprocess

    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(pdf.with_suffix(""))], check=True, timeout=120)
    return sorted(pdf.parent.glob(pdf.stem + "-*.png"))


# --- the real-browser tests: one JupyterLab per setting and one Chromium per module ---------------------


@pytest.fixture(scope="session")
def lab_servers(tmp_path_factory: pytest.TempPathFactory):
    """JupyterLab on a free port with its own Jupyter folders and CX_COPILOT_HOME: one per setting, started
    the first time a test asks for it and once per test worker."""
    import browser_servers

    servers: dict = {}

    def server(variant: str):
        if variant not in servers:
            folder = tmp_path_factory.mktemp("lab-server")
            servers[variant] = browser_servers.JupyterServer(
                "lab", folder, lab_settings=browser_servers.LAB_SETTINGS[variant]
            )
        return servers[variant]

    yield server
    for started in servers.values():
        started.stop()


@pytest.fixture(scope="module")
def chromium(tmp_path_factory: pytest.TempPathFactory):
    """Debian's headless Chromium with a fresh profile (module scope: Playwright's event loop is gone before
    other test modules run)."""
    import browser_servers
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = browser_servers.launch_chromium(playwright, tmp_path_factory.mktemp("chromium-profile"))
        context.set_default_timeout(30_000)
        yield context
        context.close()
