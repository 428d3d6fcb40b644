"""Offline mode in the notebook: copy the prepared prompt, paste another assistant's answer back."""

from pathlib import Path

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
    assert "citaten" in bridge.status.value and bridge.answer.layout.display == "flex"
    quote = bridge.prepared.evidence[0].id

    bridge.answer.value = f"- Geen mens bereikbaar: de chatbot draagt niet over [{quote}]\n- Verrassende verhoging"
    bridge.use_button.click()
    assert not bridge.errors.message.value
    assert [t.label for t in drafts[0].themes] == ["Geen mens bereikbaar", "Verrassende verhoging"]
    saved = bench.session.content("SD-02", ResearchSynthesis)
    assert saved.themes[0].evidence == [quote] and saved.themes[1].assumption


def test_an_unusable_paste_is_explained_and_nothing_changes(workspace, small_research: Path, monkeypatch):
    monkeypatch.delenv("CX_COPILOT_MODEL", raising=False)
    bench = Workbench(workspace, language="en")
    bench.ingest(small_research)
    bridge = PromptBridge(bench, "SD-02", on_draft=lambda _: None)
    bridge.prepare_button.click()
    bridge.answer.value = "Sorry, I can't do that."
    bridge.use_button.click()
    assert "the pasted answer could not be used" in bridge.errors.message.value
    assert bench.synthesis() is None


def test_a_configured_model_shows_the_ask_button(workspace, monkeypatch):
    monkeypatch.setenv("CX_COPILOT_MODEL", "openai-compatible:local")
    monkeypatch.setenv("CX_COPILOT_BASE_URL", "http://127.0.0.1:9/v1")
    bridge = PromptBridge(Workbench(workspace), "SD-02", on_draft=lambda _: None)
    assert bridge.ask_button.layout.display != "none"


def test_in_dutch_the_paste_error_and_its_reason_are_dutch(workspace, small_research: Path, monkeypatch):
    monkeypatch.delenv("CX_COPILOT_MODEL", raising=False)
    bench = Workbench(workspace, language="nl")
    bench.ingest(small_research)
    bridge = PromptBridge(bench, "SD-02", on_draft=lambda _: None)
    bridge.prepare_button.click()
    bridge.answer.value = "Sorry, dat kan ik niet."
    bridge.use_button.click()
    message = bridge.errors.message.value
    assert "het geplakte antwoord kon niet gebruikt worden" in message
    assert "geen JSON-object en geen Markdown-tabel" in message  # the reason inside it too
