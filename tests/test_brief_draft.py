"""SD-01 computed offline: the segments a survey counts and today's figures a KPI starts from, each citing the rows
it counted; the challenge, scope and targets stay with the team, and the deck says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from research_store import store_of
from test_deck import slide_texts
from test_step_slides import slides_of_step

from copilot.errors import StepError
from copilot.export.from_session import build_deck
from copilot.export.render import render
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.steps.drafting import can_draft, draft_step
from copilot.steps.schemas import ChallengeBrief

# a health insurer's claims survey, not the example's energy supplier: 10 answers, scores by hand below
SURVEY = """respondent,doelgroep,aanbeveling_0_10,tevredenheid,toelichting
R01,basisverzekerd,9,4,Declaratie was binnen een week vergoed.
R02,basisverzekerd,10,5,Snel en duidelijk geregeld via de app.
R03,basisverzekerd,3,2,Mijn declaratie is twee keer kwijtgeraakt.
R04,basisverzekerd,6,3,Lang moeten wachten op de terugbetaling.
R05,basisverzekerd,8,4,Prima maar de brief was onduidelijk.
R06,aanvullend,2,1,Niemand kon uitleggen waarom fysio niet vergoed werd.
R07,aanvullend,7,3,De website zegt iets anders dan de medewerker.
R08,aanvullend,9,5,Vriendelijk geholpen aan de telefoon.
R09,aanvullend,4,2,Drie keer gebeld voor één declaratie.
R10,aanvullend,10,5,Heel tevreden over de snelle afhandeling.
"""


@pytest.fixture
def insurer(tmp_path: Path) -> ResearchStore:
    return store_of(tmp_path, {"declaraties_enquete.csv": SURVEY})


def test_offline_sd01_counts_segments_and_baselines_and_leaves_the_challenge_to_the_team(insurer, tmp_path: Path):
    assert can_draft("SD-01")
    session = Session.create(tmp_path / "s.cxsession", "Zorgverzekeraar", "nl")
    draft_step("SD-01", insurer, session)
    brief = session.draft("SD-01", ChallengeBrief)
    # promoters R01 R02 R08 R10 (4), detractors R03 R04 R06 R09 (4): NPS 0; satisfaction (4+5+2+3+4+1+3+5+2+5)/10
    assert [(k.name, k.baseline) for k in brief.kpis] == [
        ("NPS", "0 (n = 10, declaraties_enquete.csv)"),
        ("Tevredenheid (tevredenheid)", "3,4 gemiddeld, hoogste 5 (n = 10, declaraties_enquete.csv)"),
    ]
    assert [(g.name, g.description) for g in brief.segments] == [
        ("basisverzekerd", "5 van de 10 enquêteantwoorden"),
        ("aanvullend", "5 van de 10 enquêteantwoorden"),
    ]
    assert all(len(item.evidence) == 3 for item in [*brief.kpis, *brief.segments])  # the rows it counted
    assert not brief.challenge and not brief.scope_in and all(not k.target for k in brief.kpis)
    assert "Hoe kunnen we … voor … zodat …?" in brief.open_questions[0]
    session.save_edit("SD-01", brief)
    prs = Presentation(str(render(build_deck(session), tmp_path / "brief.pptx")))
    (slide,) = slides_of_step(prs, "SD-01", "nl")
    assert "(schrijf de ontwerpvraag samen)" in slide_texts(slide) and "0 (n = 10, declaraties" in slide_texts(slide)


def test_research_without_a_survey_or_contact_export_says_what_to_add(tmp_path: Path):
    store = store_of(tmp_path, {"gesprek.txt": "Klant: Alles prima geregeld.\n"})
    session = Session.create(tmp_path / "s.cxsession", "Zorgverzekeraar", "en")
    with pytest.raises(StepError, match="add a survey or contact export"):
        draft_step("SD-01", store, session)
