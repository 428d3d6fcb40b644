"""A whole workshop run headless: computed steps, model-drafted steps in agenda order, and offline canvases."""

import json
from pathlib import Path

import pytest
from conftest import ROOT
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from pptx import Presentation

from copilot.headless import run_workshop
from copilot.session import Session
from copilot.steps.catalogue import step
from copilot.steps.drafting import can_draft
from copilot.steps.schemas.examples import EXAMPLES

FORMATS = ROOT / "workshop_templates"


def example_answer(step_id: str) -> str:
    return json.dumps(EXAMPLES[step(step_id).schema.__name__], ensure_ascii=False)


def test_with_a_model_every_step_is_drafted_and_locked_in_agenda_order(workspace, small_research: Path, tmp_path):
    chat = FakeListChatModel(responses=[example_answer(s) for s in ("SD-04", "SD-08", "AI-01")])
    run = run_workshop(
        FORMATS / "blueprint_handover_2h.yaml",
        small_research,
        tmp_path / "deck.pptx",
        "en",
        workspace=workspace,
        chat=chat,
    )
    assert run.drafted == ["SD-04", "SD-08", "AI-01"] and run.skipped == []
    session = Session.open(run.session_path)
    assert all(session.is_locked(s) for s in run.drafted)
    first_stage = EXAMPLES[step("SD-04").schema.__name__]["stages"][0]["name"]
    blueprint_prompt = session.calls("SD-08")[0]["prompt"]
    assert first_stage in blueprint_prompt  # the locked journey fed the blueprint's question
    assert len(Presentation(str(run.deck_path)).slides) > 3


@pytest.mark.parametrize(
    ("format_name", "left"),
    [
        ("ideation_prioritisation_halfday", set()),  # pains, the ideas people propose, their impact: all computed
        # influence and readiness are judgements about colleagues; this research names no roles for SC-01
        ("stakeholder_mapping_2h", {"SC-01", "SC-02", "SC-03"}),
        ("coalition_kickoff_90", {"SC-03", "SC-05"}),
        ("business_case_review_60", {"AI-02", "AI-03"}),  # no stopped idea in this research, so no case for one
    ],
)
def test_offline_every_format_still_runs_and_says_what_is_left_for_the_workshop(
    workspace, small_research: Path, tmp_path, monkeypatch, format_name: str, left: set[str]
):
    monkeypatch.delenv("CX_COPILOT_MODEL", raising=False)
    run = run_workshop(
        FORMATS / f"{format_name}.yaml", small_research, tmp_path / "deck.pptx", "nl", workspace=workspace
    )
    # offline, the steps computed from the research are drafted; every other step says why it waits
    assert all(can_draft(s) for s in run.drafted)
    assert set(run.skipped) == left and all(run.reasons[s] for s in run.skipped)
    # … in the run's language (a Dutch run said "no model configured" in English)
    assert all("geen model ingesteld" in run.reasons[s] for s in run.skipped if not can_draft(s))
    assert Presentation(str(run.deck_path)).slides


def test_a_step_whose_earlier_step_is_not_in_the_format_is_skipped_with_the_reason(workspace, small_research, tmp_path):
    chat = FakeListChatModel(responses=[example_answer("SD-05")] * 3)
    run = run_workshop(
        FORMATS / "ideation_prioritisation_halfday.yaml",
        small_research,
        tmp_path / "d.pptx",
        "en",
        workspace=workspace,
        chat=chat,
    )
    assert "SD-05" in run.skipped and "lock SD-04 first" in run.reasons["SD-05"]
