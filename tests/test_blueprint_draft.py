"""SD-08 computed offline from the journey: who serves the customer in view per stage (the channels its quotes
name), the stage's pain as a fail point in the lane its channel names, and a handover where customers ask for a
person; what happens out of sight stays with the team."""

from __future__ import annotations

from pathlib import Path

import pytest
from research_store import store_of

from copilot.errors import StepError
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.steps.drafting import can_draft, draft_step
from copilot.steps.schemas import CurrentJourney, JourneyStage, ServiceBlueprint

# a water company's outage line, not the example's energy supplier
CALLERS = {
    "beller_01.txt": """Interviewer: Hoe ging het melden van de storing?

Klant: De app gaf alleen een standaardtekst over de storing. Ik wil dan gewoon een mens spreken die weet wanneer
het water terugkomt, geen bot.
""",
    "beller_02.txt": """Interviewer: En het melden van de storing?

Klant: Bij de storing heb ik de app geprobeerd en daarna gebeld. Ik wilde iemand aan de lijn die mij vertelt hoe
lang het duurt. Uiteindelijk kreeg ik een medewerker, die was vriendelijk.
""",
    "beller_03.txt": """Interviewer: Hoe was de storing voor u?

Klant: De storing duurde een hele dag en de website zei niks. Ik heb drie keer gebeld over de storing.
""",
}


@pytest.fixture
def callers(tmp_path: Path) -> ResearchStore:
    return store_of(tmp_path, CALLERS)


def test_offline_sd08_fills_the_lanes_customers_see_and_leaves_backstage_to_the_team(callers, tmp_path: Path):
    assert can_draft("SD-08")
    session = Session.create(tmp_path / "s.cxsession", "Waterbedrijf", "nl")
    said = callers.chunks(ids=[c.id for c in callers.chunks() if "standaardtekst" in c.text])
    session.keep_evidence(said)
    stages = [
        JourneyStage(
            id="S1",
            name="Storing melden",
            touchpoints=["app", "telefoon", "website"],
            emotion=-2,
            pains=["De app gaf alleen een standaardtekst over de storing."],
            evidence=[c.id for c in said],
        ),
        JourneyStage(id="S2", name="Herstel", touchpoints=["bezoek aan huis"], pains=["Het duurde een hele dag."]),
    ]
    session.save_edit("SD-04", CurrentJourney(stages=stages))
    draft_step("SD-08", callers, session)
    blueprint = session.draft("SD-08", ServiceBlueprint)
    report, repair = blueprint.stages
    assert (report.frontstage_human, report.frontstage_ai) == ("Medewerker via telefoon", "Zelf via app, website")
    assert (repair.frontstage_human, repair.frontstage_ai) == ("Medewerker via bezoek aan huis", "")
    assert all(not s.backstage and not s.support for s in blueprint.stages)  # the team's knowledge
    assert [(f.stage, f.lane, f.failure) for f in blueprint.fail_points] == [
        ("S1", "frontstage_ai", "De app gaf alleen een standaardtekst over de storing."),  # it names the app
        ("S2", "customer", "Het duurde een hele dag."),  # no channel named: the customer's own lane
    ]
    assert blueprint.fail_points[0].evidence == [c.id for c in said]
    handover = next(h for h in blueprint.handovers if h.stage == "S1")
    assert handover.trigger.startswith("Naar een mens bij: „") and handover.direction == "ai-to-human"
    (quote,) = session.evidence(handover.evidence)  # the customer who said it, kept with the session
    assert quote.text.startswith("De app gaf") or quote.text.startswith("Bij de storing")
    ids = [item.id for item in [*blueprint.stages, *blueprint.handovers, *blueprint.fail_points]]
    assert len(ids) == len(set(ids))
    assert "achter de schermen" in blueprint.open_questions[0].lower()


def test_without_a_journey_the_blueprint_says_to_draft_it_first(callers, tmp_path: Path):
    session = Session.create(tmp_path / "s.cxsession", "Waterbedrijf", "en")
    with pytest.raises(StepError, match="current journey \\(SD-04\\)"):
        draft_step("SD-08", callers, session)
