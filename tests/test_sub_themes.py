"""Sub-themes (issue 14): a wall shows a handful of themes with the threads inside them, not forty flat themes.
Computed offline from the research, each sub-theme with its own label, quotes and place under its theme; in the
editor indented under it, on the slide as a line on its theme's card with its quotes in the notes."""

from __future__ import annotations

import re

import numpy as np
from pptx import Presentation
from test_themes import TOPICS, topic_chunks

from copilot.export.from_session import build_deck
from copilot.export.render import render
from copilot.research.embeddings import default_embedder
from copilot.research.themes import split
from copilot.session import Session
from copilot.steps.schemas import ResearchSynthesis, Theme
from copilot.steps.synthesis import draft_synthesis


def _unit(texts: list[str]) -> np.ndarray:
    vectors = default_embedder().embed(texts)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_a_theme_holding_two_topics_splits_along_them():
    chunks, truth = topic_chunks()
    rows = [i for i, topic in enumerate(truth) if topic in ("bill", "chatbot")]
    parts = split(_unit([chunks[i].text for i in rows]), max_parts=3)
    assert len(parts) == 2
    assert sorted({truth[rows[i]] for i in part}.pop() for part in parts) == ["bill", "chatbot"]
    assert all(len({truth[rows[i]] for i in part}) == 1 for part in parts)


def test_a_theme_too_small_for_threads_of_its_own_stays_whole():
    assert split(_unit(TOPICS["bill"][:5]), max_parts=3) == []


def test_offline_synthesis_puts_threads_under_their_theme_with_their_own_words_and_quotes(example_store):
    synthesis, cited = draft_synthesis(example_store, "nl")
    mains = synthesis.main_themes()
    parts = [theme for theme in synthesis.themes if theme.part_of]
    assert 4 <= len(mains) <= 8 and parts, "the example research has themes with threads in them"
    ids = {theme.id for theme in mains}
    quotes = {chunk.id: chunk.text for chunk in cited}
    for part in parts:
        main = next(theme for theme in mains if theme.id == part.part_of)
        assert part.part_of in ids and part.id.startswith(f"{main.id}.")
        assert part.label and part.label.lower() != main.label.lower()
        assert part.evidence and all(quote in quotes for quote in part.evidence)
        assert part.label.lower() in " ".join(quotes[q] for q in part.evidence).lower()  # a phrase people said
    for main in mains:  # siblings never share a label
        labels = [part.label.lower() for part in synthesis.parts_of(main)]
        assert len(labels) == len(set(labels))


def test_a_removed_theme_leaves_its_sub_themes_standing_on_their_own():
    synthesis = ResearchSynthesis(
        themes=[
            Theme(id="T1", label="Wachten", evidence=["q1"]),
            Theme(id="T1.1", label="Aan de telefoon", evidence=["q2"], part_of="T1"),
            Theme(id="T2.1", label="De brief", evidence=["q3"], part_of="T2"),
        ]
    )
    assert [theme.id for theme in synthesis.main_themes()] == ["T1", "T2.1"]
    assert [part.id for part in synthesis.parts_of(synthesis.themes[0])] == ["T1.1"]


def test_a_pasted_answer_nesting_deeper_or_in_a_circle_loses_no_theme_from_the_wall():
    """One level only: a theme under a sub-theme, or two themes naming each other, stand on their own, and every
    theme is shown exactly once, as a card or as a line on its theme's card."""
    synthesis = ResearchSynthesis(
        themes=[
            Theme(id="T1", label="Wachten", evidence=["q1"]),
            Theme(id="T1.1", label="Aan de telefoon", evidence=["q2"], part_of="T1"),
            Theme(id="T1.1.1", label="In de wachtrij", evidence=["q3"], part_of="T1.1"),
            Theme(id="T2", label="De brief", evidence=["q4"], part_of="T3"),
            Theme(id="T3", label="De app", evidence=["q5"], part_of="T2"),
        ]
    )
    mains = synthesis.main_themes()
    shown = [theme.id for main in mains for theme in [main, *synthesis.parts_of(main)]]
    assert sorted(shown) == sorted(theme.id for theme in synthesis.themes)


def test_the_wall_slide_names_a_themes_threads_and_its_notes_carry_their_quotes(example_store, tmp_path):
    session = Session.create(tmp_path / "s.cxsession", "Test", "nl")
    synthesis, cited = draft_synthesis(example_store, "nl")
    session.keep_evidence(cited)
    session.save_draft("SD-02", synthesis)
    deck = Presentation(str(render(build_deck(session, language="nl"), tmp_path / "deck.pptx")))
    texts, notes = [], []
    for slide in deck.slides:
        texts += [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        notes.append(slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else "")
    for main in synthesis.main_themes():
        parts = synthesis.parts_of(main)
        card = next(text for text in texts if text.startswith(main.label) or f"\n{main.label}\n" in text)
        if parts:
            assert "Subthema's: " + " · ".join(part.label for part in parts) in " ".join(texts)
        for part in parts:
            noted = next(note for note in notes if f"Subthema: {part.label}\n" in note)
            assert all(f"[{quote}]" in noted for quote in part.evidence)
        assert card
    sub_cards = [text for text in texts if any(text.startswith(p.label + "\n") for p in synthesis.themes if p.part_of)]
    assert not sub_cards, "a sub-theme is a line on its theme's card, not a card of its own"


def test_the_editor_shows_a_sub_theme_indented_and_named_as_one():
    from copilot.ui.theme_card import ThemeCard

    def card(theme: Theme) -> ThemeCard:
        return ThemeCard(theme, [], "nl", on_change=lambda: None, on_remove=lambda card: None)

    part = card(Theme(id="T1.1", label="Aan de telefoon", part_of="T1"))
    main = card(Theme(id="T1", label="Wachten"))
    assert "cx-sub-theme" in part._dom_classes and "cx-sub-theme" not in main._dom_classes
    # indented by a margin and narrower by as much: a full-width card pushed right made the list scroll sideways
    assert part.layout.margin.endswith(" 32px") and part.layout.width == "calc(100% - 32px)"
    assert (part.label.description, main.label.description) == ("Subthema", "Thema")
    assert part.value().part_of == "T1"  # an edit keeps the sub-theme where it is


def test_themes_that_did_not_fit_on_the_wall_are_named_in_the_open_questions(example_store):
    """The example research holds more themes than a wall of eight: the team is told which, and how big."""
    synthesis, _ = draft_synthesis(example_store, "nl", max_themes=8)
    left = [q for q in synthesis.open_questions if q.startswith("Kleinere thema's die niet op de muur passen")]
    assert len(left) == 1
    named = re.findall(r"(?:: |, )([^,(]+) \((\d+) fragmenten\)", left[0])
    labels = {theme.label.lower() for theme in synthesis.themes}
    assert named and all(label.lower() not in labels and int(n) >= 3 for label, n in named)
    assert len(synthesis.main_themes()) == 8
