"""Tracks and their formats are data: a format file says which track notebooks offer it, and where."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from copilot.errors import WorkshopFormatError
from copilot.ui.track_app import TRACK_FORMATS, TrackApp
from copilot.ui.tree import html_widgets
from copilot.workshop import load_format, track_formats

ROOT = Path(__file__).resolve().parents[1]

TOUR = """id: readiness_tour_45
title: {en: Readiness tour (45 min), nl: Veranderbereidheid rondje (45 min)}
tracks: {stakeholders: 0}
agenda:
  - step: SC-03
    minutes: 45
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workspace) -> Path:
    """A copy of the project's formats and templates, run from, so a facilitator's file can be added."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "workshop_templates", root / "workshop_templates")
    shutil.copytree(ROOT / "prompts", root / "prompts", ignore=shutil.ignore_patterns("tests"))
    monkeypatch.chdir(root)
    return root


def test_the_shipped_tracks_offer_the_formats_their_files_declare_in_order():
    assert dict(TRACK_FORMATS) == {
        "service-design": [
            "journey_pain_points_90",
            "ideation_prioritisation_halfday",
            "blueprint_handover_2h",
            "challenge_brief_kickoff_60",
        ],
        "stakeholders": ["stakeholder_mapping_2h", "coalition_kickoff_90"],
        "ai-opportunity": ["blueprint_handover_2h", "business_case_review_60"],
    }


def test_the_challenge_brief_is_reachable_in_a_service_design_format():
    folder = ROOT / "workshop_templates"
    assert any("SD-01" in load_format(folder / f"{w}.yaml").steps for w in track_formats(folder, "service-design"))


def test_a_new_format_file_shows_up_in_its_track_notebook_where_it_asks(project: Path):
    (project / "workshop_templates" / "readiness_tour_45.yaml").write_text(TOUR, encoding="utf-8")
    app = TrackApp("stakeholders", language="en")
    assert app.formats[0] == "readiness_tour_45" and app.bench.workshop.id == "readiness_tour_45"
    assert [editor.step_id for editor in app.steps] == ["SC-03"]
    assert "readiness_tour_45" not in TrackApp("ai-opportunity", language="en").formats


def test_choosing_another_format_rebuilds_the_header_and_steps_for_it(project: Path):
    app = TrackApp("service-design", language="en")
    app.format.value = "challenge_brief_kickoff_60"
    assert [editor.step_id for editor in app.steps] == ["SD-01", "SD-02"]
    titles = [html.value for html in html_widgets(app.header) if "cx-title" in html.value]
    assert titles and "Challenge kick-off (60 min)" in titles[0]
    assert app.format.value == "challenge_brief_kickoff_60"  # the new header's picker shows the choice
    agenda = next(html.value for html in html_widgets(app.header) if "cx-agenda" in html.value)
    assert "SD-01 Challenge brief" in agenda and "SD-05" not in agenda


def test_an_unknown_track_in_a_format_names_the_file_and_the_known_tracks(tmp_path: Path):
    path = tmp_path / "mine.yaml"
    path.write_text(TOUR.replace("stakeholders: 0", "stakeholder: 0"), encoding="utf-8")
    with pytest.raises(WorkshopFormatError, match=r"mine.yaml: .*unknown track 'stakeholder' \(known: service-design"):
        load_format(path)


def test_a_broken_format_file_is_left_out_of_the_tracks_and_logged(project: Path, caplog):
    (project / "workshop_templates" / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert "broken" not in TRACK_FORMATS["service-design"]
    assert "broken.yaml" in caplog.text
    assert TrackApp("service-design", language="nl").formats[0] == "journey_pain_points_90"


def test_a_track_no_format_offers_says_how_to_add_one_in_both_languages(project: Path):
    for path in (project / "workshop_templates").glob("*.yaml"):
        if "ai-opportunity" in load_format(path).places():
            path.unlink()
    with pytest.raises(WorkshopFormatError) as raised:
        TrackApp("ai-opportunity", language="nl")
    assert "tracks: {ai-opportunity: 1}" in raised.value.say("nl") and "Geen workshopformat" in raised.value.say("nl")
    assert "No workshop format" in str(raised.value)
