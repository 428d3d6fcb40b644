"""Weak evidence: an item citing a quote that exists but is about something else is flagged in the editor and
marked in the deck; the same item citing a quote about it is not. Real store, real embedder, real session."""

from pathlib import Path

import pytest

from copilot.export.from_session import build_deck
from copilot.research.ingest import ingest
from copilot.research.quotes import Quote
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.steps.evidence_fit import weak_evidence, weak_score
from copilot.steps.schemas import ResearchSynthesis, Theme


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    """A workspace (CX_COPILOT_HOME) whose research store holds the small research."""
    return tmp_path_factory.mktemp("fit")


@pytest.fixture(scope="module")
def store(home: Path) -> ResearchStore:
    from conftest import write_small_research

    store = ResearchStore.open(home / "store")
    ingest(write_small_research(home / "research"), store)
    return store


def quote_about(store: ResearchStore, words: str) -> str:
    return next(c.id for c in store.chunks() if words in c.text)


def synthesis(store: ResearchStore) -> ResearchSynthesis:
    bot = quote_about(store, "never hands me over to a real person")
    instalment = quote_about(store, "instalment went up by forty euros")
    insight = "Customers stuck with the chatbot want to be handed over to a real person."
    return ResearchSynthesis(
        themes=[
            Theme(id="right", label="No handover to a person", insight=insight, evidence=[bot]),
            Theme(id="mismatched", label="No handover to a person", insight=insight, evidence=[instalment]),
        ]
    )


def test_an_item_citing_a_quote_about_something_else_is_weak_and_the_right_citation_is_not(store):
    weak = weak_evidence(synthesis(store), store)
    assert list(weak) == ["mismatched"]


def test_the_deck_marks_weak_evidence_in_the_notes_and_the_provenance_appendix(store, tmp_path: Path):
    session = Session.create(tmp_path / "s.cxsession", "Fit", "en")
    session.keep_evidence(store.chunks())
    session.save_draft("SD-02", synthesis(store))
    deck = build_deck(session, store=store)
    notes = "\n".join(s.notes for s in deck.slides if s.title.startswith("Research synthesis"))
    assert "Weak evidence (the quotes cited are about something else): mismatched (" in notes
    appendix = next(s for s in deck.slides if s.title == "Provenance")
    assert appendix.rows[0][-1] == "mismatched"
    assert "Weak evidence" not in "\n".join(s.notes for s in build_deck(session).slides)  # no store: no check


def test_the_editor_card_flags_weak_evidence_with_escaped_text(store):
    from copilot.ui.item_card import ItemCard

    themes = synthesis(store).themes
    quotes = {t.id: [Quote.of(c) for c in store.chunks(ids=t.evidence)] for t in themes}
    store.search("warm up the embedder")  # in a notebook, drafting or searching has loaded it
    cards = {t.id: ItemCard(t, quotes[t.id], "nl", lambda: None, lambda c: None, lambda c, d: None) for t in themes}
    assert cards["right"].weak is None and weak_score(themes[0], quotes["right"]) is None
    flagged = cards["mismatched"]
    assert flagged.weak is not None
    assert "Zwak bewijs" in flagged.children[0].value and "<script" not in flagged.children[0].value


def test_the_export_command_checks_the_workspace_research_and_marks_weak_evidence(store, home: Path, tmp_path: Path):
    import os
    import subprocess
    import sys

    session = Session.create(tmp_path / "s.cxsession", "Fit", "en")
    session.keep_evidence(store.chunks())
    session.save_draft("SD-02", synthesis(store))
    session.close()
    for workspace, marked in ((home, True), (tmp_path / "no-research", False)):
        out = tmp_path / f"deck-{marked}.md"
        env = {**os.environ, "CX_COPILOT_HOME": str(workspace), "HF_HUB_OFFLINE": "1"}
        command = [sys.executable, "-m", "copilot.cli", "export", str(session.path), "--out", str(out)]
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
        assert result.returncode == 0, result.stderr
        text = out.read_text(encoding="utf-8")
        assert ("Weak evidence (the quotes cited are about something else): mismatched (" in text) is marked, text
