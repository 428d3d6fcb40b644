"""AI-02 computed offline: the proposals and pilots the research says were stopped, with when, why and what
changed in the research's own words; viability stays with people."""

from pathlib import Path

import pytest

from copilot.errors import StepError
from copilot.research.chunks import Chunk
from copilot.research.ingest import ingest
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.steps.drafting import can_draft, draft_step
from copilot.steps.schemas import ShelvedIdeas
from copilot.steps.shelved_ideas import shelved

# a council, not an energy supplier: the minutes and a clerk's interview name the same pilot
MINUTES = """# Minutes of the customer services board, 3 March 2026

In 2019 we ran a pilot with online booking for parking permits. It was shelved because the booking system could
not talk to the permit database. Since then the permit database has moved to the new platform, which has an API.

The proposal for a single phone number for all council services was dropped in 2023 due to the cost of the
switchboard contract.
"""
CLERK = """Interviewer: Do you remember things that were tried before?

Clerk: Oh yes. Online booking for parking permits, we had that as a trial for a few months. Residents loved it.
Then IT said the systems did not connect, and it was stopped.

Interviewer: Anything else?

Clerk: My bus stopped right outside the office this morning, which was nice. And my payment plan was cancelled
when I changed banks, but that is not about work.
"""


def _chunk(text: str, kind: str = "document", n: int = 1) -> Chunk:
    return Chunk(id=f"c{n}", text=text, source=f"m{n}.md", location="1", kind=kind)


def test_a_stopped_pilot_is_found_with_its_year_why_and_what_changed():
    found = shelved([_chunk(" ".join(MINUTES.split("\n\n")[1].split()))])
    assert [idea.name for idea in found] == ["online booking for parking permits"]
    idea = found[0]
    assert idea.year == "2019"
    assert idea.why == "the booking system could not talk to the permit database"
    assert idea.changed.startswith("Since then the permit database has moved")


def test_a_proposal_named_after_for_and_a_reason_after_due_to():
    found = shelved([_chunk(" ".join(MINUTES.split("\n\n")[2].split()))])
    assert [(idea.name, idea.year, idea.why) for idea in found] == [
        ("single phone number for all council services", "2023", "the cost of the switchboard contract")
    ]


def test_dutch_quoted_names_and_a_story_whose_idea_was_named_sentences_earlier():
    memo = _chunk(
        'In 2021 lag er een voorstel voor "proactief termijnadvies": elk kwartaal het verbruik bekijken. Het stopte '
        "toen door te weinig slimme meters. Nu heeft 80% een slimme meter. Idem voor terugbellen op afspraak: de "
        "proef uit 2022 werkte, maar stopte bij een leverancierswissel."
    )
    story = _chunk(
        'In 2021 was er een project "proactief termijnadvies". Het idee was: je kijkt elk kwartaal. Of juist '
        "andersom, omlaag. Ik heb de presentatie gezien. Het is toen gestopt.",
        kind="transcript",
        n=2,
    )
    found = {idea.name: idea for idea in shelved([story, memo])}
    assert set(found) == {"proactief termijnadvies", "terugbellen op afspraak"}
    advice = found["proactief termijnadvies"]
    assert [q.id for q in advice.quotes] == ["c1", "c2"]  # the memo first, the recollection a second voice
    assert advice.why == "te weinig slimme meters" and advice.changed == "Nu heeft 80% een slimme meter."
    assert found["terugbellen op afspraak"].why == "een leverancierswissel"


def test_a_bus_or_a_payment_plan_that_stopped_is_no_shelved_idea():
    story = " ".join(CLERK.split("\n\n")[3].split())
    assert shelved([_chunk(story, kind="transcript")]) == []


@pytest.mark.parametrize(
    ("text", "name", "why"),
    [
        (  # a subject whose verb says it was tried, a reason after "because"
            "Ms Hale recalled that a weekend repairs hotline had been piloted in 2017. It was discontinued after "
            "three months because too few tenants rang at weekends.",
            "weekend repairs hotline",
            "too few tenants rang at weekends",
        ),
        (  # a customer remembers a service by what it was like
            "There used to be that parcel text alert, which told you the hour. Then they got rid of it.",
            "parcel text alert",
            "Then they got rid of it.",  # no reason given: the stop sentence itself
        ),
        (  # minutes: the bullet names the topic, the answer stops it, the clause after the comma says why
            "- Queue display screens: Tom asked about the trial in the Leeds branch. Reply: removed in 2023, the "
            "screens kept freezing.",
            "Queue display screens",
            "the screens kept freezing",
        ),
        (  # Dutch: the subject before "is in 2020 verkend", the stop and "omdat"
            "Het digitaal ondertekenen van huurcontracten is in 2020 verkend. Dat bleek juridisch niet mogelijk, "
            "omdat de notaris een natte handtekening eiste.",
            "digitaal ondertekenen van huurcontracten",
            "de notaris een natte handtekening eiste",
        ),
    ],
)
def test_the_shapes_memos_and_people_use_to_tell_of_a_stopped_idea(text: str, name: str, why: str):
    found = shelved([_chunk(text)])
    assert [(idea.name, idea.why) for idea in found] == [(name, why)]


def test_a_customer_who_called_a_line_has_not_named_an_idea():
    story = "So I called the Dutch line, pressed two, and after ten minutes the call was dropped. No plan B."
    assert shelved([_chunk(story, kind="transcript")]) == []


@pytest.fixture
def council(tmp_path: Path) -> ResearchStore:
    folder = tmp_path / "research"
    folder.mkdir()
    (folder / "minutes.md").write_text(MINUTES, encoding="utf-8")
    (folder / "clerk.txt").write_text(CLERK, encoding="utf-8")
    store = ResearchStore.open(tmp_path / "store")
    assert not ingest(folder, store).failed
    return store


def test_offline_ai02_drafts_the_shelved_ideas_with_their_passages_and_leaves_viability_to_people(
    council: ResearchStore, tmp_path: Path
):
    assert can_draft("AI-02")
    session = Session.create(tmp_path / "s.cxsession", "Council", "en")
    draft_step("AI-02", council, session)
    ideas = session.draft("AI-02", ShelvedIdeas)
    booking = next(idea for idea in ideas.ideas if "parking permits" in idea.idea)
    assert booking.year == "2019" and "booking system" in booking.why_shelved
    sources = {quote.source for quote in session.evidence(booking.evidence)}
    assert {"minutes.md", "clerk.txt"} <= sources  # the minutes and the clerk's memory: two voices
    assert {(idea.viability_then, idea.viability_now) for idea in ideas.ideas} == {(3, 3)}
    assert "score them together" in ideas.open_questions[0]


def test_the_people_in_a_stopped_ideas_story_stay_in_the_research(tmp_path: Path):
    folder = tmp_path / "research"
    folder.mkdir()
    (folder / "memo.md").write_text(
        "# Memo\n\nIn 2020 we ran a pilot with video calls for permit questions. It was stopped because Janet "
        "Okafor left and nobody took it over; call her on 06 12345678 for the details.\n",
        encoding="utf-8",
    )
    store = ResearchStore.open(tmp_path / "store")
    assert not ingest(folder, store).failed
    session = Session.create(tmp_path / "s.cxsession", "Council", "en")
    draft_step("AI-02", store, session)
    (idea,) = session.draft("AI-02", ShelvedIdeas).ideas
    assert idea.idea == "video calls for permit questions" and "left and nobody took it over" in idea.why_shelved
    assert "Okafor" not in idea.why_shelved and "12345678" not in idea.why_shelved


def test_research_without_stopped_ideas_says_what_to_add(tmp_path: Path):
    folder = tmp_path / "research"
    folder.mkdir()
    (folder / "clerk.txt").write_text(CLERK.split("Clerk: Oh yes")[0], encoding="utf-8")
    store = ResearchStore.open(tmp_path / "store")
    assert not ingest(folder, store).failed
    session = Session.create(tmp_path / "s.cxsession", "Council", "nl")
    with pytest.raises(StepError, match="memo's of verslagen"):
        draft_step("AI-02", store, session)


def test_the_deck_asks_people_to_score_a_computed_draft_and_shows_their_scores_once_they_do(
    council: ResearchStore, tmp_path: Path
):
    from pptx import Presentation
    from test_deck import slide_texts
    from test_step_slides import slides_of_step

    from copilot.export.from_session import build_deck
    from copilot.export.render import render

    session = Session.create(tmp_path / "s.cxsession", "Council", "en")
    draft_step("AI-02", council, session)

    def viability_cells() -> str:
        prs = Presentation(str(render(build_deck(session), tmp_path / "deck.pptx")))
        return "\n".join(slide_texts(s) for s in slides_of_step(prs, "AI-02", "en"))

    assert "? → ?  to score together" in viability_cells() and "3 → 3" not in viability_cells()
    ideas = session.draft("AI-02", ShelvedIdeas)
    ideas.ideas[0].viability_now = 4  # the group scored the first idea
    session.save_edit("AI-02", ideas)
    assert "3 → 4 ▲" in viability_cells() and "to score together" not in viability_cells()
