"""The quick start's main job, end to end: the CLI runs a workshop offline and LibreOffice renders the deck."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, pdf_to_pngs, soffice_to_pdf
from pptx import Presentation

CLI = [sys.executable, "-m", "copilot.cli"]


def run_cli(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "CX_COPILOT_HOME": str(home)}
    return subprocess.run([*CLI, *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)


@pytest.mark.slow
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_cli_runs_the_pain_point_workshop_offline_and_the_deck_renders(tmp_path: Path, artifacts: Path, language):
    deck = artifacts / f"deck-{language}.pptx"
    result = run_cli(
        "workshop",
        "run",
        "workshop_templates/journey_pain_points_90.yaml",
        "--research",
        str(EXAMPLES),
        "--out",
        str(deck),
        "--lang",
        language,
        home=tmp_path / "home",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(deck)

    prs = Presentation(str(deck))
    texts = ["\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame) for slide in prs.slides]
    synthesis = "Onderzoekssynthese" if language == "nl" else "Research synthesis"
    theme_slides = [t for t in texts if synthesis in t]
    assert theme_slides, "no synthesis slide"
    assert any(slide.notes_slide.notes_text_frame.text.count("interviews/") for slide in prs.slides)
    assert len(list((tmp_path / "home" / "sessions").glob("*.cxsession"))) == 1

    pngs = pdf_to_pngs(soffice_to_pdf(deck, artifacts))
    assert len(pngs) == len(prs.slides)


def test_a_broken_workshop_format_is_a_one_line_error_naming_the_file(tmp_path: Path):
    bad = tmp_path / "mine.yaml"
    bad.write_text("id: mine\ntitle: {en: Mine}\nagenda:\n  - step: SD-42\n    minutes: 5\n", encoding="utf-8")
    result = run_cli(
        "workshop",
        "run",
        str(bad),
        "--research",
        str(EXAMPLES),
        "--out",
        str(tmp_path / "d.pptx"),
        home=tmp_path / "home",
    )
    assert result.returncode == 1
    assert "mine.yaml: agenda.0" in result.stderr and "SD-42" in result.stderr
    assert "Traceback" not in result.stderr


def test_workshop_list_shows_every_format_with_its_length(tmp_path: Path):
    result = run_cli("workshop", "list", "--lang", "en", home=tmp_path / "home")
    assert result.returncode == 0
    assert "journey_pain_points_90\t90 min\tJourney pain points (90 min)" in result.stdout


def test_every_command_has_help_text(tmp_path: Path):
    result = run_cli("--help", home=tmp_path / "home")
    for command in ("workshop", "ingest", "export", "lab", "store"):
        assert command in result.stdout


def test_search_prints_quotes_with_sources_and_honours_filters(tmp_path: Path, small_research: Path):
    home = tmp_path / "home"
    assert run_cli("ingest", str(small_research), home=home).returncode == 0
    result = run_cli("search", "talk to a person", "-k", "2", "--filter", "segment=expat", "--json", home=home)
    assert result.returncode == 0, result.stderr
    import json

    rows = json.loads(result.stdout)
    assert rows and rows[0]["source"] == "survey.csv" and rows[0]["location"] == "row 4"
    bad = run_cli("search", "x", "--filter", "segment", home=home)
    assert bad.returncode != 0 and "KEY=VALUE" in bad.stderr
