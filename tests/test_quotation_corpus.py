"""The quotation check on a labelled corpus written blind by another author: assistants' answers to every step
with free text, NL and EN, seeded with invented, altered, spliced, paraphrased, misattributed and translated
quotations beside real ones (quoted in every style, with ellipses and line breaks). Figures: BENCHMARKS.md."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from quotations import CORPUS, load, run  # noqa: E402

FABRICATED = ("invented", "one_word_changed", "spliced", "paraphrase", "wrong_source", "translated")


@pytest.fixture(scope="module")
def report() -> dict:
    return run(load(CORPUS))


def test_the_corpus_covers_both_languages_every_kind_of_fabrication_and_real_quotes(report):
    cases = load(CORPUS)
    assert len(cases) >= 40 and {c["language"] for c in cases} == {"nl", "en"}
    assert set(FABRICATED) | {"real"} <= set(report["by_kind"])
    assert report["unparsed_answers"] == []


@pytest.mark.parametrize("kind", FABRICATED)
def test_every_invented_or_altered_quotation_is_flagged(report, kind):
    counts = report["by_kind"][kind]
    assert counts["flagged"] == counts["n"], [m["text"] for m in report["missed"] if m["kind"] == kind]


def test_real_quotations_pass(report):
    assert report["real_pass_rate"] >= 0.98, [f["text"] for f in report["false_flags"]]


def test_a_misattributed_quote_is_told_apart_from_an_invented_one(report):
    wrong = report["by_kind"]["wrong_source"]
    assert wrong.get("reason:other_source", 0) >= 0.9 * wrong["n"]


def test_words_the_corpus_lists_as_no_quotation_are_never_flagged(report):
    assert report["flags_on_listed_non_quotations"] == 0
