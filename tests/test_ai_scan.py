"""AI-01 offline: an AI pattern per journey stage from what customers say about it, with its reasons and a
handover trigger in their words — judged against a labelled set written blind (tests/data/ai_patterns)."""

import re
import sys
from pathlib import Path

import pytest

from copilot.errors import StepError
from copilot.session import Session
from copilot.steps.ai_patterns import suggest
from copilot.steps.drafting import can_draft, draft_step
from copilot.steps.schemas import AiOpportunityScan, CurrentJourney, JourneyStage

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from ai_patterns import cases, score  # noqa: E402


def test_the_suggestions_match_a_service_designers_on_the_blind_set():
    # tuned on the even ids (1.00 there); the odd half was scored once after tuning, errors unread: 0.60
    # (always answering the most common label scores 0.30)
    assert score(cases("all"))["accuracy"] >= 0.75
    assert score(cases("odd"))["accuracy"] >= 0.55
    assert score(cases("all"))["accuracy_or_neighbour"] >= 0.85


@pytest.mark.parametrize(
    ("quotes", "pattern"),
    [
        (
            [
                "Ik wil gewoon snel mijn meterstand doorgeven via de app.",
                "Online doorgeven ging makkelijk, binnen een minuut klaar.",
                "Waarom krijg ik geen bevestiging per mail?",
            ],
            "automate",
        ),
        (
            [
                "My husband died in March and the account is still in his name.",
                "I was in tears when the letter came.",
                "I just want to talk to a person who understands.",
            ],
            "human-led",
        ),
        (
            [
                "Welk tarief geldt voor mij als ik zonnepanelen heb?",
                "De ene medewerker zei dit, de andere iets anders: verschillende antwoorden.",
                "Het hangt af van mijn contract en de uitzondering voor ondernemers.",
            ],
            "agent-assist",
        ),
        (
            [
                "I don't want a computer to decide whether my mother gets care.",
                "If they reject it I will file an objection.",
                "The online form was easy enough.",
            ],
            "no-AI",
        ),
    ],
)
def test_each_pattern_follows_from_what_most_quotes_say(quotes, pattern):
    assert suggest(quotes).pattern == pattern


def test_a_legal_decision_is_never_automated_because_it_is_also_simple_and_frequent():
    quotes = ["Het formulier was makkelijk en snel online.", "Wie beslist over mijn bezwaar?", "Bezwaar gemaakt."]
    assert suggest(quotes, contact_share=0.4).pattern == "no-AI"


def test_the_handover_trigger_is_where_a_customer_asks_for_a_person_and_never_an_account_number():
    quotes = [
        "Kl. dhr. belt, klantnr 40991276, wil een medewerker spreken.",
        "De chat snapte niet wat ik bedoelde, dus ik wil een mens aan de lijn als het om mijn schuld gaat.",
    ]
    trigger = suggest(quotes).trigger
    assert "een mens" in trigger and not re.search(r"\d{4,}", trigger)


@pytest.fixture
def session(tmp_path):
    session = Session.create(tmp_path / "s.cxsession", "Test", "en")
    stages = ["Verhuizing doorgeven", "Betalingsachterstand", "Jaarafrekening"]
    journey = CurrentJourney(stages=[JourneyStage(id=f"S{n}", name=name) for n, name in enumerate(stages, start=1)])
    session.save_edit("SD-04", journey)
    session.lock("SD-04")
    return session


def test_every_stage_of_the_journey_gets_a_pattern_with_reasons_and_cited_research(session, example_store):
    assert can_draft("AI-01")
    draft_step("AI-01", example_store, session)
    scan = session.draft("AI-01", AiOpportunityScan)
    assert [tp.stage for tp in scan.touchpoints] == ["S1", "S2", "S3"]
    by_stage = {tp.stage: tp for tp in scan.touchpoints}
    assert by_stage["S2"].pattern == "human-led"  # arrears: people ask for a person and feel ashamed
    for touchpoint in scan.touchpoints:
        assert re.search(r"\d+ of \d+", touchpoint.why)
        assert touchpoint.evidence and all(session.evidence([quote]) for quote in touchpoint.evidence)
        assert not touchpoint.fallback  # the team designs what happens when AI fails
    assert any("fallback" in question for question in scan.open_questions)


def test_without_a_journey_the_scan_says_to_map_it_first(tmp_path, example_store):
    session = Session.create(tmp_path / "s.cxsession", "Test", "nl")
    with pytest.raises(StepError, match="SD-04"):
        draft_step("AI-01", example_store, session)
