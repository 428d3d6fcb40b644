"""The pasted-answers corpus (tests/data/pasted_answers/): answers to the real prompts of every step, in
Dutch and English and every style assistants drift into, written by someone who never saw the parser."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "pasted_answers.py"
FLOOR = 0.95  # measured 100 %; the held-out half scored 85.3 % before its failures were read: BENCHMARKS.md


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("pasted_answers_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(bench):
    rows = bench.load()
    return rows, bench.parse_all(rows)


def test_the_corpus_covers_every_step_in_both_languages_and_every_style(corpus):
    rows, _ = corpus
    assert len(rows) >= 60
    assert {(r["step"], r["lang"]) for r in rows} >= {
        (s, lang) for s in {r["step"] for r in rows} for lang in "nl en".split()
    }
    assert len({r["step"] for r in rows}) == 16
    assert {r["style"] for r in rows} >= {"json", "json_chatter", "markdown_table", "bullets_bold", "broken_json"}


def test_most_pasted_answers_are_accepted_at_first_paste_with_every_field_kept(bench, corpus):
    rows, results = corpus
    report = bench.score(rows, results)
    assert report["all"]["share"] >= FLOOR, report


def test_an_answer_accepted_without_a_question_never_lost_a_field(bench, corpus):
    rows, results = corpus
    lost = {
        r["file"]: bench.differences(r["expected"], results[r["file"]]["output"])
        for r in rows
        if results[r["file"]]["accepted"] and bench.differences(r["expected"], results[r["file"]]["output"])
    }
    assert not lost


# corpus B (tests/data/pasted_answers_b): 28 answers written by hand to the prompts of a municipality's research,
# blind to the parser. Scored once before any change: 39.3 % as meant (odd half 35.7 %); tuned on the even half
# only (session 28: 57.1 %, odd still 35.7 %). Session 29 tuned on the odd half too (67.9 %; odd 57.1 %): corpus B
# is now all tuning data, and corpus C (written later, blind) is the held-out set. Two answers were once accepted
# with a list lost (a sideways journey table, items under a heading in the assistant's own words).
CORPUS_B = Path(__file__).resolve().parent / "data" / "pasted_answers_b"


@pytest.fixture(scope="module")
def corpus_b(bench):
    rows = bench.load(CORPUS_B)
    return rows, bench.parse_all(rows)


def test_hand_written_answers_are_read_as_their_writer_meant_at_the_measured_rate(bench, corpus_b):
    rows, results = corpus_b
    assert len(rows) == 28
    assert bench.score(rows, results)["all"]["share"] >= 0.64  # 67.9 % (even half 78.6 %, odd 57.1 %)


def test_hand_written_answers_are_seldom_accepted_unlike_what_their_writer_meant(bench, corpus_b):
    rows, results = corpus_b
    # one answer (013: two actions written as one, with a comma) is accepted with a difference; more is a new loss
    assert bench.score(rows, results)["accepted yet different from what was meant"]["kept"] <= 1


def test_no_hand_written_answer_is_accepted_while_a_list_it_gave_is_left_empty(bench, corpus_b):
    rows, results = corpus_b
    emptied = {
        r["file"]: lost
        for r in rows
        if results[r["file"]]["accepted"]
        and (lost := [d for d in bench.differences(r["expected"], results[r["file"]]["output"]) if "(length 0 " in d])
    }
    assert not emptied


# corpus C (tests/data/pasted_answers_c): 36 answers to the real prompts of the nine steps corpus B lacks, written
# blind to the reader in session 29. First scored at 27.8 % as meant with 5 accepted yet different; tuned on the
# even half only (44.4 %: even 50.0 %, held-out odd 38.9 %, whose errors were not read). Tuned again on the even
# half only (branch paste16: ADKAR letter columns, a sideways blueprint, links as arrows, moves as prose, money
# ranges in words): 69.4 % (even 94.4 %, held-out odd 44.4 %), 1 accepted yet different.
CORPUS_C = Path(__file__).resolve().parent / "data" / "pasted_answers_c"


def test_answers_to_the_other_nine_steps_are_read_at_the_measured_rate_and_seldom_silently_wrong(bench):
    rows = bench.load(CORPUS_C)
    scores = bench.score(rows, bench.parse_all(rows))
    assert len(rows) == 36
    assert scores["all"]["share"] >= 0.69
    assert scores["accepted yet different from what was meant"]["kept"] <= 1
