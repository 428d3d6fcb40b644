"""SC-04 computed offline: why change cannot wait, from where the journey hurts, the themes customers complain
about and how often they make contact, each with a customer's own sentence; the vision is the coalition's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from research_store import store_of

from copilot.errors import StepError
from copilot.research.chunks import Chunk
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.steps.drafting import can_draft, draft_step
from copilot.steps.schemas import CaseForChange, CurrentJourney, JourneyStage, ResearchSynthesis, Theme

EXPORT = Path(__file__).parent / "data" / "contact_export" / "contactmomenten_2026_jan_apr.csv"
# a housing association, not the example's energy supplier: tenants on repairs, in their own words
TENANTS = {
    "huurder_01.txt": """Interviewer: Hoe ging uw reparatieverzoek?

Huurder: Ik heb drie keer gebeld over de lekkage in de badkamer. Elke keer kreeg ik iemand anders en niemand wist
ervan. Ik ben er echt boos over, het is al twee maanden zo.

Interviewer: En de monteur?

Huurder: De monteur kwam zonder afspraak terwijl ik op mijn werk was. Daarna hoorde ik weer weken niets.
""",
    "huurder_02.txt": """Interviewer: Vertel eens over uw laatste contact.

Huurder: De lekkage bij het raam is nog steeds niet gemaakt. Ik heb het al vier keer gemeld en het is
vreselijk, de muur wordt zwart van de schimmel.

Interviewer: Hoe was het contact?

Huurder: Je krijgt nooit dezelfde persoon aan de lijn en je moet alles opnieuw uitleggen. Heel frustrerend.
""",
    "huurder_03.txt": """Interviewer: Wat valt u op aan de dienstverlening?

Huurder: Over de schimmel in de slaapkamer heb ik een klacht ingediend, maar ik kreeg nooit antwoord. Slecht.

Interviewer: En de monteurs?

Huurder: De afspraak met de monteur werd twee keer verzet zonder dat iemand belde. Ik moest steeds vrij nemen.
""",
}


def _store(tmp_path: Path, export: bool = True) -> ResearchStore:
    return store_of(tmp_path, {**TENANTS, **({EXPORT.name: EXPORT} if export else {})})


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def test_offline_sc04_draws_urgency_from_complaints_and_contacts_and_leaves_the_vision_to_people(tmp_path: Path):
    assert can_draft("SC-04")
    store = _store(tmp_path)
    session = Session.create(tmp_path / "s.cxsession", "Woningcorporatie", "nl")
    draft_step("SC-04", store, session)
    case = session.draft("SC-04", CaseForChange)
    *themes, contacts = case.urgency
    assert themes, "a theme customers complain about is a reason to hurry"
    for point in themes:
        said = [_words(q.text) for q in session.evidence(point.evidence)]
        assert point.quote and any(_words(point.quote) in text for text in said), point  # their words, cited
        assert re.search(r" · genoemd in \d+ (?:bron|bronnen)$", point.point), point.point
    # 480 contacts in 120 days: 1.304–1.531 a year (the quietest and busiest month), the commonest reason cited
    assert contacts.point.startswith("Zo'n 1.304–1.531 contacten per jaar")
    reason = re.search(r"het vaakst over (.+) \(\d+%\)$", contacts.point).group(1)
    rows = store.chunks(ids=contacts.evidence)
    assert len(rows) == 3 and {row.metadata["contactreden"].lower() for row in rows} == {reason}
    assert [u.id for u in case.urgency] == [f"U{n}" for n in range(1, len(case.urgency) + 1)]
    assert not case.vision and not case.shifts and not case.in_it_for  # the coalition writes these
    assert "kopgroep" in case.open_questions[0]


def test_where_the_journey_hurts_comes_first_with_the_stages_own_pain(tmp_path: Path):
    store = _store(tmp_path, export=False)
    session = Session.create(tmp_path / "s.cxsession", "Woningcorporatie", "en")
    engineers = {c.source: c for c in store.chunks() if "monteur" in c.text.lower()}  # two tenants, one each
    assert len(engineers) == 2
    session.keep_evidence(engineers.values())
    evidence = [c.id for c in engineers.values()]
    stages = [
        JourneyStage(id="S1", name="Report a repair", emotion=-1, pains=["I called three times."], evidence=evidence),
        JourneyStage(id="S2", name="Repair visit", emotion=-2, pains=["The engineer came unannounced."]),
        JourneyStage(id="S3", name="Move in", emotion=1, pains=["Keys were late."]),
    ]
    session.save_edit("SD-04", CurrentJourney(stages=stages))
    draft_step("SC-04", store, session)
    case = session.draft("SC-04", CaseForChange)
    assert [(u.quote, u.evidence) for u in case.urgency] == [
        ("The engineer came unannounced.", []),  # the sorest stage first; no quote cited, so an assumption
        ("I called three times.", evidence),
    ]
    assert case.urgency[1].point == "‘Report a repair’ feels negative · 2 sources"
    assert case.urgency[0].assumption and not case.urgency[1].assumption


def test_an_english_deck_quotes_the_english_customer_where_a_theme_has_one(tmp_path: Path):
    store = _store(tmp_path, export=False)
    session = Session.create(tmp_path / "s.cxsession", "Housing", "en")
    said = [
        Chunk(id=f"q{n}", text=text, source=f"tenant{n}.txt", location="1", kind="transcript")
        for n, text in enumerate(
            [
                "Het is vreselijk, niemand belt terug over de lekkage.",
                "The leak was fixed quickly, lovely people.",
                "It is awful, nobody ever calls back about the leak.",
            ]
        )
    ]
    session.keep_evidence(said)
    themes = [Theme(id="T1", label="Leaks", evidence=["q0", "q1", "q2"], n_sources=3)]
    session.save_edit("SD-02", ResearchSynthesis(themes=themes))
    draft_step("SC-04", store, session)
    (point,) = session.draft("SC-04", CaseForChange).urgency
    assert point.point == "Leaks · raised in 3 sources"
    assert point.quote == "It is awful, nobody ever calls back about the leak."  # not the Dutch one, nor praise


def test_a_reports_advice_is_not_quoted_as_what_goes_wrong(tmp_path: Path):
    store = _store(tmp_path, export=False)
    session = Session.create(tmp_path / "s.cxsession", "Gemeente", "nl")
    said = [
        Chunk(id=f"r{n}", text=text, source=f"rapport{n}.md", location="1", kind="document")
        for n, text in enumerate(
            [
                "Verwijder de verwarrende, slechte foutmelding die mensen boos, bang en gefrustreerd maakt.",
                "Deelnemers vonden het formulier lastig.",
            ]
        )
    ]
    session.keep_evidence(said)
    themes = [Theme(id="T1", label="Het formulier", evidence=["r0", "r1"], n_sources=2)]
    session.save_edit("SD-02", ResearchSynthesis(themes=themes))
    draft_step("SC-04", store, session)
    (point,) = session.draft("SC-04", CaseForChange).urgency
    assert point.quote == "Deelnemers vonden het formulier lastig."  # though the advice reads sorer


def test_research_without_complaints_or_contacts_says_what_to_add(tmp_path: Path):
    store = store_of(tmp_path, {"blij.txt": "Huurder: Alles prima geregeld, heel fijn en snel geholpen.\n"})
    session = Session.create(tmp_path / "s.cxsession", "Woningcorporatie", "nl")
    with pytest.raises(StepError, match="contactexport"):
        draft_step("SC-04", store, session)
