"""Offline mode in the notebook: copy the prepared prompt, paste another assistant's answer back."""

from pathlib import Path

import pytest

from copilot.steps.schemas import ResearchSynthesis
from copilot.ui.prompt_bridge import PromptBridge
from copilot.workbench import Workbench


def test_the_prompt_is_shown_to_copy_and_a_pasted_answer_becomes_the_draft(
    workspace, small_research: Path, monkeypatch
):
    monkeypatch.delenv("CX_COPILOT_MODEL", raising=False)
    bench = Workbench(workspace, language="nl")
    bench.ingest(small_research)
    drafts = []
    bridge = PromptBridge(bench, "SD-02", on_draft=drafts.append)
    assert bridge.ask_button.layout.display == "none"  # offline: no model to ask

    bridge.prepare_button.click()
    assert "Antwoord in het Nederlands" in bridge.prompt.value
    assert "citaten" in bridge.status.value and bridge.is_open
    # offline there is no model: no token counts, no talk of asking one
    assert "token" not in bridge.status.value and "model" not in bridge.status.value
    assert bridge.copy.button.button_style == "primary"  # the next thing to do: copy the question
    quote = bridge.prepared.evidence[0].id

    bridge.answer.value = f"- Geen mens bereikbaar: de chatbot draagt niet over [{quote}]\n- Verrassende verhoging"
    assert bridge.use_button.button_style == "primary" and bridge.copy.button.button_style == ""
    bridge.use_button.click()
    assert not bridge.errors.message.value
    assert not bridge.is_open  # the question and the pasted text fold away: the draft shows right below
    assert not bridge.use_button.disabled and bridge.use_button.icon == "check"  # the spinner is gone
    assert [t.label for t in drafts[0].themes] == ["Geen mens bereikbaar", "Verrassende verhoging"]
    saved = bench.session.content("SD-02", ResearchSynthesis)
    assert saved.themes[0].evidence == [quote] and saved.themes[1].assumption


@pytest.mark.parametrize(
    ("language", "answer", "explained"),
    [
        ("en", "Sorry, I can't do that.", ["the pasted answer could not be used"]),
        # in Dutch, the reason quoted inside the message is Dutch too
        (
            "nl",
            "Sorry, dat kan ik niet.",
            ["het geplakte antwoord kon niet gebruikt worden", "geen JSON-object en geen"],
        ),
    ],
)
def test_an_unusable_paste_is_explained_and_nothing_changes(
    workspace, small_research: Path, monkeypatch, language: str, answer: str, explained: list[str]
):
    monkeypatch.delenv("CX_COPILOT_MODEL", raising=False)
    bench = Workbench(workspace, language=language)
    bench.ingest(small_research)
    bridge = PromptBridge(bench, "SD-02", on_draft=lambda _: None)
    bridge.prepare_button.click()
    bridge.answer.value = answer
    bridge.use_button.click()
    assert all(text in bridge.errors.message.value for text in explained)
    assert bench.synthesis() is None


def test_a_configured_model_shows_the_ask_button(workspace, monkeypatch):
    monkeypatch.setenv("CX_COPILOT_MODEL", "openai-compatible:local")
    monkeypatch.setenv("CX_COPILOT_BASE_URL", "http://127.0.0.1:9/v1")
    bridge = PromptBridge(Workbench(workspace), "SD-02", on_draft=lambda _: None)
    assert bridge.ask_button.layout.display != "none"
