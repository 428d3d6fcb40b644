"""Telling Dutch from English: by function words in sentences, by how common the words are in short labels."""

from __future__ import annotations

import pytest

from copilot.research.language import detect, of_words


def test_a_sentence_shows_its_language_by_its_function_words():
    assert detect("Ik heb niet gebeld omdat het niet kon.") == "nl"
    assert detect("I have not called because it was not possible.") == "en"
    assert detect("Slimme meter", default="") == ""


@pytest.mark.parametrize(
    ("label", "language"),
    [
        ("Uitleg in brief", "nl"),
        ("Zelfde antwoord", "nl"),
        ("Subject Belangrijk", "nl"),
        ("English phone line", "en"),
        ("Debt letter", "en"),
        ("Smart meter", ""),  # "meter" is Dutch too
        ("App", ""),
    ],
)
def test_a_short_label_shows_its_language_by_how_common_its_words_are(label, language):
    assert of_words(label) == language
