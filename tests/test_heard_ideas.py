"""SD-06 computed offline: what people in the research propose themselves, with their sentence as the pitch and
the question it answers; traps that sound like a wish but propose nothing stay out."""

from __future__ import annotations

from pathlib import Path

import pytest
from research_store import store_of

from copilot.errors import StepError
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.steps.drafting import can_draft, draft_step
from copilot.steps.quotations import quotations, stands_in
from copilot.steps.schemas import HmwQuestion, HowMightWe, Ideation
from copilot.steps.suggestions import proposal


@pytest.mark.parametrize(
    ("sentence", "survey", "proposed"),
    [
        ("Waarom krijg ik geen sms als de vuilniswagen later komt?", False, "sms als de vuilniswagen later komt"),
        ("It would help if the permit letter said what I owe.", False, "the permit letter said what I owe"),
        ("Liever een vaste ophaaldag dan dit wisselende rooster.", False, "een vaste ophaaldag"),
        (
            "Residents suggested a paper waste calendar for older people.",
            False,
            "a paper waste calendar for older people",
        ),
        ("Er zou gewoon één loket voor vergunningen moeten komen.", False, "één loket voor vergunningen"),
        ("meer containers bij de flat aub", True, "meer containers bij de flat"),
        # traps: a hope, oneself, a rule, a personal request, a complaint, an order in an interview
        ("Ik hoop dat de vergunning op tijd komt.", False, ""),
        ("I should have read the letter more carefully.", False, ""),
        ("You should receive the permit within ten working days.", False, ""),
        ("Ik wil graag mijn adres wijzigen.", False, ""),
        ("Jullie kunnen me niet eens vertellen wanneer de bak geleegd wordt.", False, ""),
        ("meer containers bij de flat aub", False, ""),  # an interview turn: survey shapes do not apply
    ],
)
def test_a_sentence_proposes_what_its_words_ask_for_or_nothing(sentence: str, survey: bool, proposed: str):
    assert proposal(sentence, survey_answer=survey) == proposed


# a municipality, not the example's energy supplier
RESIDENTS = {
    "bewoner_01.txt": """Interviewer: Hoe ging het ophalen van het grofvuil?

Bewoner: Drie weken gewacht. Waarom krijg ik geen sms als de vuilniswagen later komt? Dan zet ik het niet
voor niks buiten.
""",
    "bewoner_02.txt": """Interviewer: Wat zou u helpen?

Bewoner: Het zou fijn zijn als ik een sms krijg wanneer de vuilniswagen later komt. Mail me trouwens op
piet.devries@example.nl, ik lees de post niet.
""",
    "bewoner_03.txt": """Interviewer: En de vergunning?

Bewoner: Ik hoop dat die op tijd komt. Er zou gewoon één loket voor vergunningen moeten komen.
""",
}


@pytest.fixture
def residents(tmp_path: Path) -> ResearchStore:
    return store_of(tmp_path, RESIDENTS)


def test_offline_sd06_puts_what_residents_propose_on_the_wall_with_their_words(residents, tmp_path: Path):
    assert can_draft("SD-06")
    session = Session.create(tmp_path / "s.cxsession", "Gemeente", "nl")
    questions = [
        HmwQuestion(id="H1", question="Hoe kunnen we bewoners laten weten wanneer de vuilniswagen komt?"),
        HmwQuestion(id="H2", question="Hoe kunnen we vergunningen op één plek regelen?", pain="drie loketten"),
    ]
    session.save_edit("SD-05", HowMightWe(questions=questions))
    draft_step("SD-06", residents, session)
    ideation = session.draft("SD-06", Ideation)
    first, second = ideation.ideas[:2]
    # two residents ask for the same text message: one idea, two voices, first
    assert first.title == "Sms als de vuilniswagen later komt"
    assert first.pitch.startswith("2 bronnen stellen dit zelf voor: „")
    assert {q.source for q in session.evidence(first.evidence)} == {"bewoner_01.txt", "bewoner_02.txt"}
    assert (first.hmw, second.hmw) == ("H1", "H2")
    assert second.title == "Eén loket voor vergunningen"
    for idea in ideation.ideas:  # the pitch quotes a resident word for word, from what it cites
        (quoted,) = quotations(idea.pitch)
        assert any(stands_in(quoted.text, q.text) for q in session.evidence(idea.evidence)), idea.pitch
        assert (idea.ai_role, idea.human_touch) == ("none", "keeps")
    assert len(ideation.ideas) == 2  # the hope and the e-mail address are no ideas
    assert "piet" not in ideation.model_dump_json().lower()
    assert "‘geen’ en ‘blijft’" in ideation.open_questions[1]


def test_research_where_nobody_proposes_anything_says_what_to_do(tmp_path: Path):
    store = store_of(tmp_path, {"blij.txt": "Bewoner: Alles prima geregeld, heel fijn en snel geholpen.\n"})
    session = Session.create(tmp_path / "s.cxsession", "Gemeente", "en")
    with pytest.raises(StepError, match="come up with the ideas together"):
        draft_step("SD-06", store, session)
