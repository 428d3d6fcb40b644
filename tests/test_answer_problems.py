"""Offline mode: a prompt that fits the assistant's input box, and a pasted answer that does not fully fit is
explained — what was understood, what not, the message to send back — instead of being rejected."""

from __future__ import annotations

from pathlib import Path

import pytest

from copilot.steps.schemas import ResearchSynthesis
from copilot.ui.prompt_bridge import PromptBridge
from copilot.workbench import Workbench


@pytest.fixture
def bench(workspace, small_research: Path, monkeypatch: pytest.MonkeyPatch) -> Workbench:
    monkeypatch.delenv("CX_COPILOT_MODEL", raising=False)
    monkeypatch.delenv("CX_COPILOT_PASTE_LIMIT", raising=False)
    bench = Workbench(workspace, language="nl")
    bench.ingest(small_research)
    return bench


def test_the_prompt_to_paste_shows_its_size_in_characters_and_fits_the_assistants_limit(bench, monkeypatch):
    bridge = PromptBridge(bench, "SD-02", on_draft=lambda _: None)
    bridge.prepare_button.click()
    full = bridge.prepared
    assert full.char_limit == 8000 and full.prompt_chars <= 8000
    assert "tekens" in bridge.status.value and "token" not in bridge.status.value

    limit = full.prompt_chars - 200  # too small for every quote: the lowest-ranked ones go first
    monkeypatch.setenv("CX_COPILOT_PASTE_LIMIT", str(limit))
    bridge.prepare_button.click()
    trimmed = bridge.prepared
    assert trimmed.prompt_chars <= limit and len(bridge.prompt.value) == trimmed.prompt_chars
    assert trimmed.dropped >= 1 and "weggelaten" in bridge.status.value
    assert [e.id for e in trimmed.evidence] == [e.id for e in full.evidence][: len(trimmed.evidence)]


def test_an_answer_that_does_not_fully_fit_is_explained_and_can_be_completed_in_the_editor(bench):
    drafts = []
    bridge = PromptBridge(bench, "SD-02", on_draft=drafts.append)
    bridge.prepare_button.click()
    quote = bridge.prepared.evidence[0].id
    bridge.answer.value = (
        "| Label | Inzicht | Prioriteit <b>x</b> | Bewijs |\n|---|---|---|---|\n"
        f"| Geen mens bereikbaar | De bot draagt niet over | <img src=x onerror=alert(1)> | {quote} |\n"
    )
    bridge.use_button.click()

    assert bench.synthesis() is None and drafts == []  # nothing saved before the person chooses
    shown = bridge.problems.summary.value
    assert bridge.problems.layout.display == "flex" and "Prioriteit" in shown
    assert "<img" not in shown and "&lt;img" in shown  # pasted text is never HTML
    assert "Begrepen: thema&#x27;s: 1" in shown
    message = bridge.problems.follow_up.value
    assert "Prioriteit" in message and "```json" in message
    assert bridge.answer.value.startswith("| Label")  # the pasted text is kept

    bridge.problems.complete_button.click()
    saved = bench.session.content("SD-02", ResearchSynthesis)
    assert saved.themes[0].label == "Geen mens bereikbaar" and saved.themes[0].evidence == [quote]
    assert drafts and "Prioriteit" in bridge.status.value and "<img" not in bridge.status.value


def test_an_answer_that_fits_is_saved_at_once(bench):
    bridge = PromptBridge(bench, "SD-02", on_draft=lambda _: None)
    bridge.prepare_button.click()
    bridge.answer.value = "## Thema's\n- **Verrassende verhoging:** de brief legt niets uit\n"
    bridge.use_button.click()
    assert bridge.problems.layout.display == "none" and not bridge.errors.message.value
    assert bench.session.content("SD-02", ResearchSynthesis).themes[0].insight == "de brief legt niets uit"
