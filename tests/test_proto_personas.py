"""SD-03 offline: proto-personas per customer interviewed and per survey segment, made of their own sentences,
each citing the quotes it came from; staff interviews and interviewers never become personas."""

import re

import pytest

from copilot.errors import StepError
from copilot.session import Session
from copilot.steps.drafting import can_draft, draft_step
from copilot.steps.proto_personas import contact_need
from copilot.steps.schemas import Personas
from copilot.steps.sentence_kinds import kind


def _plain(text: str) -> str:
    return " ".join(text.split()).rstrip("…")


@pytest.fixture(scope="module")
def personas(example_store, tmp_path_factory):
    session = Session.create(tmp_path_factory.mktemp("personas") / "s.cxsession", "Test", "nl")
    draft_step("SD-03", example_store, session)
    return session, session.draft("SD-03", Personas)


def test_personas_are_offered_offline():
    assert can_draft("SD-03")


def test_there_is_a_proto_persona_per_customer_interviewed_and_per_survey_segment(personas):
    _, drafted = personas
    names = [p.name for p in drafted.personas]
    assert all(name.startswith("Proto-persona") for name in names)
    segments = {p.segment for p in drafted.personas if p.segment}
    assert {"particulier", "zakelijk"} <= segments
    assert any("interview_01_verhuizing" in p.description for p in drafted.personas)
    assert "3" in drafted.open_questions[0]  # says how many segments it came from


def test_staff_interviews_never_become_customer_personas(personas):
    _, drafted = personas
    assert not any("medewerker" in p.description for p in drafted.personas)


def test_every_sentence_on_a_card_is_the_customers_own_from_a_cited_quote(personas):
    session, drafted = personas
    for persona in drafted.personas:
        cited = " ".join(_plain(q.text) for q in session.evidence(persona.evidence))
        assert persona.evidence and cited
        said = [*persona.jobs.functional, *persona.jobs.emotional, *persona.jobs.social, *persona.pains]
        said += [*persona.gains, *persona.human_contact_moments]
        assert said
        for sentence in said:
            if "[" not in sentence:  # a redacted sentence differs from the research by its placeholders
                assert _plain(sentence) in cited, sentence
        if persona.quote:
            assert _plain(persona.quote) in cited
            assert not re.search(r"\d{4,}", persona.quote)


def test_the_names_of_the_people_interviewed_stay_in_the_research(personas):
    _, drafted = personas
    text = drafted.model_dump_json()
    for name in ("Mohamed El Amrani", "Sanne de Vries", "Lotte"):
        assert name not in text


def test_someone_who_keeps_asking_for_a_person_needs_one_more():
    assert contact_need(0) == 1
    assert contact_need(0.1) < contact_need(0.3) == 5


def test_sentences_go_under_the_heading_that_tells_most():
    assert kind("Geef gewoon een duidelijke knop naar een mens, alstublieft.") == "asks_person"
    assert kind("Het systeem ziet mij als een nummer met een achterstand.") == "social"
    assert kind("I would rather pay a little more each month than all at once.") == "gain"
    assert kind("Drie keer opgehangen na een kwartier wachten, echt waardeloos.") == "pain"
    assert kind("Ik woon sinds maart in Amersfoort met mijn vriendin.") is None


def test_research_without_interviews_or_segments_says_what_to_add(tmp_path):
    from copilot.research.ingest import ingest
    from copilot.research.store import ResearchStore

    research = tmp_path / "research"
    research.mkdir()
    (research / "memo.md").write_text("# Memo\n\nDe afdeling klantcontact krijgt een nieuw systeem in mei.\n")
    store = ResearchStore.open(tmp_path / "store")
    ingest(research, store)
    session = Session.create(tmp_path / "s.cxsession", "Test", "en")
    with pytest.raises(StepError, match="interviews"):
        draft_step("SD-03", store, session)


def test_a_card_prefers_sentences_that_need_no_placeholder(personas):
    from copilot.text import PLACEHOLDER

    _, drafted = personas
    # "Bel maar op [telefoon 1]" was a gain: other sentences of the same person say it without one
    lines = [
        line
        for p in drafted.personas
        for line in [*p.pains, *p.gains, *p.human_contact_moments, *p.jobs.functional, *p.jobs.emotional]
    ]
    # one stays: the only pain that person said ("… de rekening van [Persoon 1] …"); an empty heading says less
    assert lines and len([line for line in lines if PLACEHOLDER.search(line)]) <= 1
