"""Offline sentiment from the word lists: the rules people rely on, the lists facilitators may edit, and its
quality on the held-out half of a labelled set written by another author than the lists."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT

from copilot.research.sentiment import LEXICON_DIR, emotion, lexicon, sentiment

sys.path.insert(0, str(ROOT / "bench"))
from sentiment import copilot, evaluate, records, word_count  # noqa: E402


@pytest.mark.parametrize(
    ("plain", "turned"),
    [
        ("De brief was duidelijk.", "De brief was niet duidelijk."),
        ("The agent was helpful.", "The agent was not helpful at all."),
        ("Een probleem met de meter.", "Geen probleem met de meter."),
    ],
)
def test_a_negation_turns_the_word_it_precedes(plain: str, turned: str):
    before, after = sentiment(plain).score, sentiment(turned).score
    assert before * after < 0, (before, after)
    assert abs(after) < abs(before)  # "not bad" is less good than "good" is


def test_intensifiers_and_softeners_scale_a_word():
    assert sentiment("Het ging heel traag.").score < sentiment("Het ging traag.").score < 0
    assert sentiment("It was slightly annoying.").score > sentiment("It was annoying.").score


def test_what_follows_but_counts_more():
    assert sentiment("De medewerker was vriendelijk, maar het duurde weken en het was belachelijk traag.").score < 0
    assert sentiment("It started badly, but they fixed it brilliantly.").score > 0


def test_never_so_is_a_superlative_not_a_negation():
    assert sentiment("Nog nooit zo goed geholpen.").score >= 0.5
    assert sentiment("I have never been so humiliated.").score <= -0.5


def test_politeness_is_not_a_feeling():
    assert sentiment("Met vriendelijke groet, de klantenservice").score == 0
    assert sentiment("Kind regards, customer service").score == 0


def test_a_quote_too_short_to_show_its_language_is_read_in_both():
    assert sentiment("Verhuizen ging soepel. Fijn.").score > 0.5


def test_emotion_covers_the_scale():
    assert [emotion(s) for s in (-0.9, -0.3, 0.0, 0.3, 0.9)] == [-2, -1, 0, 1, 2]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_word_lists_are_well_formed(language: str):
    lines = [
        line
        for line in (LEXICON_DIR / f"{language}.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    words = [line.split("\t")[0] for line in lines]
    assert len(words) == len(set(words)), "a word is listed twice"
    assert all(word == word.lower() and " " not in word for word in words)
    assert all(score in range(-3, 4) and score != 0 for score in lexicon(language).values())
    assert len(lines) >= 500


@pytest.mark.parametrize("language", ["nl", "en"])
def test_on_the_held_out_half_it_beats_plain_word_counting(language: str):
    held_out = [item for item in records()[1::2] if item["language"] == language]
    ours, plain = evaluate(copilot, held_out), evaluate(word_count, held_out)
    assert ours["accuracy_3"] >= 0.65, ours
    assert ours["accuracy_3"] > plain["accuracy_3"], (ours, plain)
    assert ours["spearman"] > plain["spearman"], (ours, plain)
