"""SD-04 computed offline: how each journey stage feels, from the research about it, as a draft people review."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from research_store import store_of

from copilot.errors import StepError
from copilot.headless import run_workshop
from copilot.research.chunks import Chunk
from copilot.research.ingest import ingest
from copilot.research.sentiment import emotion
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.steps.drafting import draft_step
from copilot.steps.journey import _balance, _felt
from copilot.steps.schemas import CurrentJourney, JourneyStage
from copilot.workshop import load_format

FORMAT = ROOT / "workshop_templates" / "journey_pain_points_90.yaml"

SURVEY = """respondent_id,open_answer
1,De verhuizing doorgeven ging heel soepel en snel. Fijn geregeld!
2,Verhuizing was top geregeld: één formulier en klaar. Prima service bij het verhuizen.
3,Bij de verhuizing werd ik vriendelijk geholpen en alles klopte meteen.
4,Mijn termijnbedrag is belachelijk hoog geworden en niemand legt uit waarom. Echt schandalig.
5,Het nieuwe termijnbedrag is onbegrijpelijk en veel te hoog. Ik ben er boos over. Bel me op 06-12345678.
6,Termijnbedrag verhoogd zonder uitleg: frustrerend en oneerlijk.
7,Over de slimme meter heb ik geen mening.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> ResearchStore:
    folder = tmp_path_factory.mktemp("journey-research")
    (folder / "survey.csv").write_text(SURVEY, encoding="utf-8")
    store = ResearchStore.open(tmp_path_factory.mktemp("journey-store"))
    assert not ingest(folder, store).failed
    return store


def _session(tmp_path: Path) -> Session:
    return Session.create(tmp_path / "s.cxsession", "Test", "nl")


def _store_of(tmp_path: Path, name: str, text: str) -> ResearchStore:
    """A store of one research file, ingested for real."""
    return store_of(tmp_path, {name: text})


def _stage(journey: CurrentJourney, name: str) -> JourneyStage:
    return next(stage for stage in journey.stages if stage.name == name)


def test_stages_from_the_workshop_format_get_the_emotion_of_their_quotes(store, tmp_path: Path):
    session = _session(tmp_path)
    workshop = load_format(FORMAT).model_copy(update={"journey_stages": {"nl": ["Verhuizen", "Termijnbedrag"]}})
    draft_step("SD-04", store, session, workshop)
    journey = session.content("SD-04", CurrentJourney)
    moving, instalment = _stage(journey, "Verhuizen"), _stage(journey, "Termijnbedrag")
    assert moving.emotion >= 1 and instalment.emotion <= -1
    assert instalment.evidence and not instalment.assumption
    cited = session.evidence(instalment.evidence)  # kept with the session, so the deck can quote them
    assert len(cited) == len(instalment.evidence)
    assert all("termijnbedrag" in quote.text.lower() for quote in cited)
    assert instalment.pains and all("06-12345678" not in pain for pain in instalment.pains)  # redacted
    assert session.history("SD-04")[-1]["actor"] == "computed"


def test_a_persons_journey_stays_theirs_and_the_estimate_waits_as_a_draft(store, tmp_path: Path):
    session = _session(tmp_path)
    mine = CurrentJourney(
        journey="Verhuizen en betalen",
        stages=[
            JourneyStage(id="S1", name="Termijnbedrag", pains=["Niemand legt het bedrag uit"], emotion=0),
            JourneyStage(id="S2", name="Slimme meter"),
        ],
    )
    session.save_edit("SD-04", mine)
    draft_step("SD-04", store, session)  # no format: the person's stages are used
    assert session.content("SD-04", CurrentJourney) == mine  # nothing overwritten
    draft = session.draft("SD-04", CurrentJourney)
    assert draft.journey == "Verhuizen en betalen"
    assert _stage(draft, "Termijnbedrag").emotion <= -1
    assert _stage(draft, "Termijnbedrag").pains == ["Niemand legt het bedrag uit"]  # their pains kept
    # one quote without feeling is no basis for an emotion: the stage stays open, and the draft says so
    assert _stage(draft, "Slimme meter").emotion == 0
    assert any("Slimme meter" in question for question in draft.open_questions)


def test_without_stages_it_says_where_to_name_them(store, tmp_path: Path):
    with pytest.raises(StepError, match="journey_stages"):
        draft_step("SD-04", store, _session(tmp_path))


def test_offline_the_journey_format_drafts_the_emotion_curve(workspace, small_research: Path, tmp_path, monkeypatch):
    monkeypatch.delenv("CX_COPILOT_MODEL", raising=False)
    run = run_workshop(FORMAT, small_research, tmp_path / "deck.pptx", "nl", workspace=workspace)
    # themes, proto-personas, the emotion curve, and starters from its pains
    assert run.drafted == ["SD-02", "SD-03", "SD-04", "SD-05"]
    journey = Session.open(run.session_path).content("SD-04", CurrentJourney)
    assert [stage.name for stage in journey.stages] == load_format(FORMAT).stages("nl")


# Promoters who still complain about one stage, a neutral note, and one happy answer: how a survey really reads.
MIXED = """respondent_id,nps,open_answer
1,9,Jaarafrekening was gebaseerd op een geschatte meterstand terwijl ik die netjes had doorgegeven.
2,10,Ben nog steeds niet teruggebeld over mijn jaarafrekening.
3,9,De jaarafrekening is voor mij niet te begrijpen. Allemaal tabellen en termen.
4,8,Op de jaarafrekening staat het verbruik per maand.
5,9,Heel duidelijke jaarafrekening dit keer. Fijn.
6,9,Betalingsregeling afgesproken en toch werd het hele bedrag afgeschreven. Ik stond rood.
"""


def test_a_stage_whose_quotes_mostly_hurt_feels_negative_even_from_promoters(tmp_path: Path):
    store = _store_of(tmp_path, "survey.csv", MIXED)
    session = _session(tmp_path)
    session.save_edit("SD-04", CurrentJourney(stages=[JourneyStage(id="S1", name="Jaarafrekening")]))
    draft_step("SD-04", store, session)
    stage = _stage(session.draft("SD-04", CurrentJourney), "Jaarafrekening")
    assert stage.emotion < 0  # a plain mean of words and NPS 9-10 made it +1
    # the emotion reflects the quotes cited for the stage: most of them hurt
    cited = [quote.text for quote in session.evidence(stage.evidence)]
    assert sum("Fijn" not in text for text in cited) > len(cited) / 2


NOTES = """respondent_id,open_answer
1,Klantnummer 12345678 achterstand jaarafrekening €411 boos slecht verschrikkelijk incassobureau schandalig.
2,CB mdw klt boos over jaarafrekening slecht schandalig frustrerend.
3,Ik ben boos want mijn jaarafrekening klopt niet en niemand legt het uit.
4,De jaarafrekening was te laat en slecht uitgelegd.
"""


def test_a_stages_pains_are_what_customers_said_not_an_agents_note_or_a_placeholder(tmp_path: Path):
    store = _store_of(tmp_path, "survey.csv", NOTES)
    session = _session(tmp_path)
    session.save_edit("SD-04", CurrentJourney(stages=[JourneyStage(id="S1", name="Jaarafrekening")]))
    draft_step("SD-04", store, session)
    pains = _stage(session.draft("SD-04", CurrentJourney), "Jaarafrekening").pains
    assert len(pains) == 2
    assert not any("[" in pain or "mdw" in pain for pain in pains), pains


def _quote(text: str) -> Chunk:
    return Chunk(id=text[:12], text=text, source="survey.csv", location="row 1", kind="table")


def test_one_mild_word_is_no_feeling_a_stage_is_read_from():
    # "simpele" scores 0.25: on the labelled sentiment set such quotes have the wrong sign one time in three
    mild = _quote("Ik hing 25 minuten in de wacht voor een simpele vraag over mijn parkeervergunning.")
    clear = _quote("De parkeervergunning aanvragen was onduidelijk en frustrerend.")
    assert [chunk for chunk, _ in _felt([mild, clear])] == [clear]


def test_a_stage_where_most_voices_hurt_is_the_sorest_even_when_they_hurt_mildly():
    # three mild pains and one delighted answer: a mean read -1 ("it hurts a bit"); a team marks this stage -2
    assert emotion(_balance([-0.35, -0.35, -0.35, 0.8])) == -2
    assert emotion(_balance([-0.4, 0.4, 0.4])) == 0  # one pain against two pleased voices: mixed
    assert emotion(_balance([0.4] * 6 + [-0.3])) > 0  # where it resolves


CONTACTS = """contact_id,channel,summary
1,telefoon,Kl. belt over verhuizing: nieuw adres niet verwerkt. Heel vervelend voor kl.
2,telefoon,Verhuizing: kl. boos want eindafrekening naar oud adres gestuurd.
3,email,Verhuizing doorgegeven via het webformulier maar geen bevestiging per mail ontvangen. Frustrerend.
4,chat,Vraag over verhuizing via de chat; kl. tevreden met snelle hulp bij verhuizen.
5,brief,Termijnbedrag: kl. stuurt brief want snapt termijnbedrag niet.
6,email,Verhuizing: kl. mailt opnieuw omdat het webformulier een foutmelding gaf. Slecht geregeld.
"""


def test_a_stages_touchpoints_are_the_channels_its_quotes_name_each_with_a_quote(tmp_path: Path):
    store = _store_of(tmp_path, "contacts.csv", CONTACTS)
    session = _session(tmp_path)
    workshop = load_format(FORMAT).model_copy(update={"journey_stages": {"nl": ["Verhuizen", "Termijnbedrag"]}})
    draft_step("SD-04", store, session, workshop)
    journey = session.draft("SD-04", CurrentJourney) or session.content("SD-04", CurrentJourney)
    moving, instalment = _stage(journey, "Verhuizen"), _stage(journey, "Termijnbedrag")
    # two calls and two mails in the channel column, two web forms in words; the chat is named once: an anecdote
    assert moving.touchpoints[0] == "telefoon" and {"e-mail", "website"} <= set(moving.touchpoints)
    assert "chat" not in moving.touchpoints
    assert not instalment.touchpoints  # one letter is one voice
    cited = {quote.id: quote.text for quote in session.evidence(moving.evidence)}
    assert any("mail" in text for text in cited.values())  # the touchpoint's quote is its evidence


BOTH = """respondent_id,open_answer
1,Na de verhuizing kwam de eindafrekening naar mijn oude adres: schandalig en heel frustrerend.
2,De verhuizing doorgeven was onduidelijk en vervelend.
3,De eindafrekening was te laat en slecht uitgelegd.
4,Bij de verhuizing moest ik drie keer bellen, echt slecht geregeld.
5,De eindafrekening klopte niet, ik ben er boos over.
"""


def test_a_sentence_is_one_stages_pain_not_two(tmp_path: Path):
    # the sorest sentence names both stages; under both it reads as a copying mistake on the wall
    store = _store_of(tmp_path, "survey.csv", BOTH)
    session = _session(tmp_path)
    workshop = load_format(FORMAT).model_copy(update={"journey_stages": {"nl": ["Verhuizen", "Eindafrekening"]}})
    draft_step("SD-04", store, session, workshop)
    journey = session.draft("SD-04", CurrentJourney) or session.content("SD-04", CurrentJourney)
    pains = [pain for stage in journey.stages for pain in stage.pains]
    assert pains and len(pains) == len(set(pains)), pains
    assert all(stage.pains for stage in journey.stages)  # each stage still has a pain of its own


ONLY_NOTES_HURT = """contact_id,summary
1,Klantnummer 12345678 achterstand €411 boos slecht verschrikkelijk incassobureau schandalig.
2,Klantnummer 87654321 achterstand €230 boos slecht incassobureau frustrerend.
3,Ik ben boos want mijn achterstand is door jullie fout ontstaan en niemand legt het uit.
4,De achterstand was snel geregeld met een betalingsregeling, prima geholpen.
"""


def test_a_stage_with_one_customer_voice_gets_one_pain_not_an_agents_note_beside_it(tmp_path: Path):
    store = _store_of(tmp_path, "contacts.csv", ONLY_NOTES_HURT)
    session = _session(tmp_path)
    session.save_edit("SD-04", CurrentJourney(stages=[JourneyStage(id="S1", name="Achterstand")]))
    draft_step("SD-04", store, session)
    pains = _stage(session.draft("SD-04", CurrentJourney), "Achterstand").pains
    assert len(pains) == 1 and pains[0].startswith("Ik ben boos"), pains


def test_a_colleagues_account_of_a_pain_is_not_drafted_as_the_customers_own(tmp_path: Path):
    store = store_of(
        tmp_path,
        {
            "interview_klant.txt": "Interviewer: Hoe ging de achterstand?\n\nKlant: Ik ben boos, mijn achterstand is "
            "door jullie fout ontstaan en niemand legt het uit.\n",
            "interview_medewerker_incasso.txt": "Interviewer: Wat hoor je over achterstanden?\n\nMedewerker: Het is "
            "verschrikkelijk, klanten met een achterstand zijn woedend en wij kunnen niks doen, schandalig slecht "
            "geregeld.\n",
        },
    )
    session = _session(tmp_path)
    session.save_edit("SD-04", CurrentJourney(stages=[JourneyStage(id="S1", name="Achterstand")]))
    draft_step("SD-04", store, session)
    pains = _stage(session.draft("SD-04", CurrentJourney), "Achterstand").pains
    assert pains and all("woedend" not in pain for pain in pains), pains  # the colleague's words stay evidence
    assert any(pain.startswith("Ik ben boos") for pain in pains)
