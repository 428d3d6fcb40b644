"""Theme labels in the words of the people the research heard (issue 14): a contact export's agent notes
("Algemene uitleg gegeven, …") shape the themes, but a theme with enough customers' quotes is worded from those."""

from __future__ import annotations

from copilot.steps.contact_exports import contact_export
from copilot.steps.synthesis import draft_synthesis


def test_a_theme_is_labelled_from_what_customers_said_not_from_agents_notes(example_store):
    chunks = example_store.chunks()
    notes = {row.chunk.id for row in contact_export(chunks).rows}
    voices = " | ".join(chunk.text.lower() for chunk in chunks if chunk.id not in notes and chunk.is_evidence)
    noted = " | ".join(chunk.text.lower() for chunk in chunks if chunk.id in notes)
    synthesis, _ = draft_synthesis(example_store, "nl")
    labels = [theme.label for theme in synthesis.main_themes()]
    assert "uitleg gegeven" in noted and not any(label.lower() == "uitleg gegeven" for label in labels), labels
    for theme in synthesis.main_themes():
        if theme.label.lower().replace("eén", "één") not in voices:  # only a theme of agents' notes: their words
            assert sum(quote in notes for quote in theme.evidence) > len(theme.evidence) / 2, theme
