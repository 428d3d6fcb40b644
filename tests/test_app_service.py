"""The application service the notebook, the CLI and the headless run share (copilot/app_service.py)."""

from __future__ import annotations

from pathlib import Path

from copilot.app_service import AppService, redact_for
from copilot.llm import PROVIDERS, ModelChoice
from copilot.session import Session
from copilot.workbench import Workbench

ROOT = Path(__file__).resolve().parents[1]


def test_research_is_redacted_only_when_it_leaves_the_machine():
    assert redact_for(None) is False  # pasted by a person, who sees the prompt first
    assert redact_for(ModelChoice(PROVIDERS["ollama"], "llama3")) is False
    assert redact_for(ModelChoice(PROVIDERS["openai-compatible"], "m", base_url="http://127.0.0.1:8000/v1")) is False
    assert redact_for(ModelChoice(PROVIDERS["openai"], "gpt-4o-mini")) is True
    assert redact_for(ModelChoice(PROVIDERS["openai-compatible"], "m", base_url="https://llm.example.org/v1")) is True


def test_formats_are_found_by_id_and_an_unknown_or_missing_one_is_none(workspace):
    service = AppService.open(workspace, ROOT)
    assert service.workshop("journey_pain_points_90").steps == ["SD-02", "SD-03", "SD-04", "SD-05"]
    assert service.workshop("removed_since") is None and service.workshop(None) is None


def test_session_paths_stay_in_the_sessions_folder_whatever_the_name(workspace):
    service = AppService.open(workspace, ROOT)
    for name in ("../../etc/passwd", "stakeholders", "a/b"):
        for path in (service.new_session_path(name), service.track_session_path(name)):
            assert path.resolve().parent == workspace.sessions_dir.resolve()
    assert service.track_session_path("stakeholders").name == "stakeholders.cxsession"


def test_the_workbench_and_the_cli_export_use_the_same_format_of_a_session(workspace, tmp_path: Path):
    bench = Workbench(workspace, language="en", workshop="coalition_kickoff_90")
    assert bench.app.workspace == workspace and bench.workshop.id == "coalition_kickoff_90"
    bench.use_workshop("stakeholder_mapping_2h")
    assert Session.open(bench.session.path).meta("workshop") == "stakeholder_mapping_2h"
    out = AppService.open(workspace, ROOT).export_session(bench.session.path, tmp_path / "deck.md", "en", fmt="md")
    text = out.read_text(encoding="utf-8")
    assert "Stakeholder map" in text and "Case for change" not in text  # the agenda of the format now chosen
