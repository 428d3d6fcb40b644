"""Offline drafts beyond themes and journey: how-might-we starters from the pains (SD-05), impact from the
evidence behind each idea (SD-07) and the stakeholders the research names (SC-01) — each citing research,
each leaving to people what only people can judge."""

import pytest

from copilot.errors import StepError
from copilot.research.chunks import Chunk
from copilot.session import Session
from copilot.steps.drafting import can_draft, draft_step
from copilot.steps.impact import suggested_impact
from copilot.steps.schemas import (
    CurrentJourney,
    HowMightWe,
    Idea,
    Ideation,
    JourneyStage,
    Prioritisation,
    StakeholderMap,
)
from copilot.steps.stakeholder_candidates import candidates


@pytest.fixture
def session(tmp_path):
    return Session.create(tmp_path / "s.cxsession", "Test", "nl")


def _journey(session, example_store):
    chunks = example_store.chunks()[:4]
    session.keep_evidence(chunks)
    stages = [
        JourneyStage(
            id="S1",
            name="Verhuizen",
            emotion=-2,
            pains=["Ik moest drie keer bellen."],
            evidence=[chunks[0].id, chunks[1].id],
        ),
        JourneyStage(id="S2", name="Jaarafrekening", emotion=1, pains=[], evidence=[chunks[2].id]),
    ]
    session.save_edit("SD-04", CurrentJourney(stages=stages))
    session.lock("SD-04")
    return chunks


def test_the_computed_steps_are_offered_offline():
    assert all(can_draft(step) for step in ("SD-02", "SD-04", "SD-05", "SD-07", "SC-01"))


def test_every_pain_becomes_a_how_might_we_starter_with_its_stage_and_evidence(session, example_store):
    chunks = _journey(session, example_store)
    draft_step("SD-05", example_store, session)
    questions = session.draft("SD-05", HowMightWe).questions
    assert len(questions) == 1
    assert questions[0].stage == "S1"
    assert questions[0].pain == "Ik moest drie keer bellen."
    # "drie keer bellen" is a pain of contacting us again: no topic in it, so the question names the stage
    expected = "Hoe voorkomen we dat klanten in de fase Verhuizen meerdere keren contact moeten opnemen?"
    assert questions[0].question == expected
    assert questions[0].evidence == [chunks[0].id, chunks[1].id]
    assert session.draft("SD-05", HowMightWe).open_questions


def test_without_pains_or_themes_the_starters_come_from_themes_computed_from_the_research(session, example_store):
    """An ideation half-day's format holds neither SD-02 nor SD-04: its SD-05 slide was an empty canvas."""
    draft_step("SD-05", example_store, session)
    starters = session.draft("SD-05", HowMightWe)
    assert len(starters.questions) >= 4
    assert all(q.question.startswith("Hoe ") and q.evidence for q in starters.questions)
    assert sum(bool(q.pain) for q in starters.questions) >= 3  # the sentence each came from, beside it
    kept = {q.id for q in session.evidence([i for q in starters.questions for i in q.evidence])}
    assert kept == {i for q in starters.questions for i in q.evidence}  # every cited quote is kept with the session
    assert "berekend" in starters.open_questions[0]


def test_with_no_research_either_the_starters_say_what_to_do_first(session, tmp_path):
    from copilot.research.store import ResearchStore

    with pytest.raises(StepError, match="SD-04"):
        draft_step("SD-05", ResearchStore.open(tmp_path / "empty"), session)


def test_impact_grows_with_the_sources_and_the_soreness_behind_an_idea():
    assert suggested_impact(0, 0) == 1
    assert suggested_impact(1, 0) < suggested_impact(4, 0) < suggested_impact(4, -2)
    assert suggested_impact(9, -2) == 5


def test_ideas_get_an_impact_from_their_evidence_and_effort_stays_with_people(session, example_store):
    chunks = _journey(session, example_store)
    draft_step("SD-05", example_store, session)
    session.lock("SD-05")
    ideas = [
        Idea(id="I1", title="Verhuisknop", hmw="H1", evidence=[chunks[3].id]),
        Idea(id="I2", title="Los idee", hmw=""),
    ]
    session.save_edit("SD-06", Ideation(ideas=ideas))
    draft_step("SD-07", example_store, session)
    scores = {s.idea: s for s in session.draft("SD-07", Prioritisation).scores}
    assert scores["I1"].impact > scores["I2"].impact
    assert "Verhuizen" in scores["I1"].rationale
    assert {s.effort for s in scores.values()} == {3}
    assert "Inspanning" in session.draft("SD-07", Prioritisation).open_questions[0]

    # the deck claims no quadrant before the team scores effort, and shows theirs once they do
    from pptx import Presentation
    from test_deck import slide_texts
    from test_step_slides import slides_of_step

    from copilot.export.from_session import build_deck
    from copilot.export.render import render

    def table() -> str:
        prs = Presentation(str(render(build_deck(session), session.path.parent / "deck.pptx")))
        return slide_texts(slides_of_step(prs, "SD-07", "nl")[-1])  # the table; the chart names every quadrant

    assert "na inschatting inspanning" in table() and "Niet doen" not in table()
    scored = session.draft("SD-07", Prioritisation)
    for score in scored.scores:
        score.effort = 4
    session.save_edit("SD-07", scored)
    assert "na inschatting inspanning" not in table() and "Grote projecten" in table()


def test_stakeholder_candidates_are_the_roles_the_research_names_with_their_quotes(session, example_store):
    draft_step("SC-01", example_store, session)
    found = session.draft("SC-01", StakeholderMap)
    roles = [s.role for s in found.stakeholders]
    assert "Klantenservice (medewerkers)" in roles and "Ondernemingsraad" in roles
    assert all(s.evidence and s.power == 3 and s.interest == 3 for s in found.stakeholders)
    quotes = session.evidence(found.stakeholders[0].evidence)
    assert quotes and all(q.text for q in quotes)


def test_short_abbreviations_count_only_in_capitals():
    said = [
        Chunk(
            id="a",
            text="Ik weet niet of het klopt, or whatever it is.",
            source="i.txt",
            location="1",
            kind="transcript",
        ),
        Chunk(id="b", text="Het voorstel gaat eerst naar de OR.", source="m.md", location="1", kind="document"),
    ]
    found = {role.en: [c.id for c in chunks] for role, chunks in candidates(said)}
    assert found == {"Works council": ["b"]}


def test_a_starter_reads_well_around_a_phrase_label_and_its_pain_shows_once_on_the_slide(session):
    from copilot.export.slides.service_design import how_might_we
    from copilot.steps.hmw_starters import draft_hmw
    from copilot.steps.schemas import ResearchSynthesis, Theme

    session.save_edit(
        "SD-04", CurrentJourney(stages=[JourneyStage(id="S1", name="Verhuizen", pains=["Verhuizing was een drama."])])
    )
    session.save_edit(
        "SD-02", ResearchSynthesis(themes=[Theme(id="T1", label="Slimme meter", insight="", n_sources=2)])
    )
    starters, _ = draft_hmw(None, session)
    questions = [q.question for q in starters.questions]
    assert questions == [
        "Hoe maken we van de verhuizing een goede ervaring voor klanten?",
        "Thema ‘Slimme meter’: hoe kunnen we beter inspelen op wat klanten erover zeggen?",  # no insight to read
    ]
    session.save_edit("SD-05", starters)
    slides, _ = how_might_we(session, "nl")
    assert slides[0].rows[0][1:] == [
        "Hoe maken we van de verhuizing een goede ervaring voor klanten?",
        "Verhuizing was een drama.",
    ]
