"""Reading answers the way assistants write them, and never losing what they said without a word."""

from __future__ import annotations

import json

import pytest

from copilot.steps.answers import AnswerError, follow_up, parse_answer, read_answer, salvage, summary
from copilot.steps.schemas import (
    AiOpportunityScan,
    BusinessCase,
    CurrentJourney,
    Ideation,
    Personas,
    ResearchSynthesis,
    ServiceBlueprint,
    StakeholderMap,
)

Q1, Q2, Q3 = "q0a1b2c3d4e", "q1f2e3d4c5b", "q9e8d7c6b5a"

IDEAS_NL = f"""Hier zijn drie ideeën voor jullie vragen.

**1. Terugbelafspraak in de app**
- **Pitch:** De klant kiest zelf een belmoment. De medewerker ziet meteen waar het over gaat.
- **Hoe-kunnen-we-vraag:** H1
- **Rol van AI:** medewerker ondersteunen
- **Menselijk contact:** versterkt
- **Overdracht:** De bot zet de vraag klaar voor de medewerker.
- **Bewijs:** [{Q1}], [{Q2}]

**2. Brief in gewone taal**
- **Pitch:** Elke brief legt het nieuwe termijnbedrag in twee zinnen uit.
- **Hoe-kunnen-we-vraag:** (H2)
- **Rol van AI:** geen AI
- **Menselijk contact:** behoudt
- **Bewijs:** {Q3}

**3. Slimme statuspagina**
- **Pitch:** De klant ziet waar zijn verhuizing staat.
- **Hoe-kunnen-we-vraag:** H3
- **Rol van AI:** selfservice
- **Menselijk contact:** vervangt
- **Bewijs:** —
"""

IDEAS_EN = f"""Sure! Here are the ideas:

### I1 — Callback booking in the app
* **Pitch**: The customer picks a time to be called. The agent sees the question straight away.
* **HMW**: H1
* **AI role**: agent assist
* **Human touch**: enhances
* **Handover**: The bot hands the question to the agent with the context.
* **Evidence**: ({Q1}; {Q2})

### I2 — Plain-language letter
* **Pitch**: Every letter explains the new instalment in two sentences.
* **HMW**: H2
* **AI role**: none
* **Human touch**: keeps
* **Evidence**: 【{Q3}】
"""


@pytest.mark.parametrize("text", [IDEAS_NL, IDEAS_EN], ids=["nl", "en"])
def test_every_field_of_a_bullet_list_answer_arrives_in_dutch_and_english(text: str):
    reading = read_answer(text, Ideation)
    assert reading.complete, summary(reading.problems, "en")
    first, second = reading.output.ideas[:2]
    assert first.title in ("Terugbelafspraak in de app", "Callback booking in the app")
    assert first.pitch.startswith(("De klant kiest", "The customer picks"))
    assert (first.hmw, first.ai_role, first.human_touch) == ("H1", "agent-assist", "enhances")
    assert first.handover and first.evidence == [Q1, Q2] and not first.assumption
    assert (second.hmw, second.ai_role, second.human_touch, second.evidence) == ("H2", "none", "keeps", [Q3])
    assert len({idea.title for idea in reading.output.ideas}) == len(reading.output.ideas)  # never all "Idee"


def test_a_markdown_table_with_plain_dutch_headers_and_written_scales_is_read():
    text = f"""| Rol | Macht (1-5) | Belang | Houding | Vindt belangrijk | Bronnen |
|---|:-:|---|---|---|---|
| Manager klantenservice | 4/5 | hoog | steunend | wachttijd; NPS | [{Q1}] |
| CFO | 5 | laag | kritisch | kosten, terugverdientijd | |
"""
    stakeholders = parse_answer(text, StakeholderMap).stakeholders
    assert [(s.role, s.power, s.interest, s.stance) for s in stakeholders] == [
        ("Manager klantenservice", 4, 4, "supportive"),
        ("CFO", 5, 2, "resistant"),
    ]
    assert stakeholders[0].cares_about == ["wachttijd", "NPS"] and stakeholders[0].evidence == [Q1]
    assert stakeholders[1].assumption


@pytest.mark.parametrize(
    "broken",
    [
        '```json\n{"themes": [{"label": "Wachten", "evidence": ["QID"],},], // klaar\n}\n```',
        "{'themes': [{'label': 'Wachten', 'evidence': ['QID']}]}",
        "Here you go:\n{“themes”: [{“label”: “Wachten”, “evidence”: [“QID”]}]}",
        '{"themes": [{"label": "Wachten", "evidence": ["QID"]}, {"label": "Brief',
    ],
    ids=["trailing-commas-and-comments", "single-quotes", "smart-quotes", "cut-off"],
)
def test_broken_json_is_repaired(broken: str):
    themes = parse_answer(broken.replace("QID", Q1), ResearchSynthesis).themes
    assert themes[0].label == "Wachten" and themes[0].evidence == [Q1]


def test_an_answer_split_over_several_code_blocks_is_one_answer():
    text = (
        "Eerst de fasen:\n```json\n"
        + json.dumps({"stages": [{"id": "S1", "name": "Aanvraag", "customer": "vult formulier in"}]})
        + "\n```\nDan de overdrachten:\n```json\n"
        + json.dumps({"handovers": [{"id": "H1", "stage": "S1", "trigger": "twee keer geen antwoord"}]})
        + "\n```"
    )
    blueprint = parse_answer(text, ServiceBlueprint)
    assert blueprint.stages[0].customer == "vult formulier in" and blueprint.handovers[0].stage == "S1"


def test_journey_stages_with_nested_actions_and_a_written_emotion_are_read():
    text = f"""## Fasen

### Oriëntatie
- **Acties:**
  - zoekt op de website
  - belt de klantenservice
- **Contactmomenten:** website, telefoon
- **Emotie:** -1 (onzeker)
- **Pijnpunten:** lange wachttijd; geen terugbelbericht
- **Moment van de waarheid:** ja
- **Tijd goed…:** bespaard
- **Bewijs:** [{Q1}]
"""
    stage = parse_answer(text, CurrentJourney).stages[0]
    assert stage.name == "Oriëntatie" and stage.actions == ["zoekt op de website", "belt de klantenservice"]
    assert stage.touchpoints == ["website", "telefoon"] and stage.emotion == -1
    assert stage.pains == ["lange wachttijd", "geen terugbelbericht"]
    assert stage.moment_of_truth and stage.time_well == "saved" and stage.evidence == [Q1]


def test_a_blueprint_with_lanes_down_and_stages_across_is_read():
    text = """| Laan | Aanvraag | Afhandeling |
|---|---|---|
| Klant | vult formulier in | wacht op bericht |
| Frontstage: mensen | belt terug | legt uit |
| Backstage | controleert gegevens | past contract aan |
"""
    stages = parse_answer(text, ServiceBlueprint).stages
    assert [s.name for s in stages] == ["Aanvraag", "Afhandeling"]
    assert stages[0].customer == "vult formulier in" and stages[1].backstage == "past contract aan"


def test_vocabulary_synonyms_map_to_the_schemas_choices():
    text = """| Fase | Contactmoment | Patroon | Tijd |
|---|---|---|---|
| S1 | chat | hybride | tijd goed bespaard |
| S2 | telefoon | mens | besteed |
"""
    scan = parse_answer(text, AiOpportunityScan).touchpoints
    assert [(t.pattern, t.time_well) for t in scan] == [("agent-assist", "saved"), ("human-led", "spent")]


def test_sections_fill_a_step_with_several_parts():
    text = """**Idee:** Proactief termijnadvies

## Baten
| Naam | Soort | Bedrag | Onderbouwing |
|---|---|---|---|
| Minder herhaalcontact | jaarlijks | € 40.000 – € 60.000 | 18% minder contact |

**Terugverdientijd:** 8–14 maanden
"""
    case = parse_answer(text, BusinessCase)
    assert case.idea == "Proactief termijnadvies"
    benefit = case.benefits[0]
    assert (benefit.kind, benefit.amount.low, benefit.amount.high) == ("yearly", 40000, 60000)
    assert (case.payback_months.low, case.payback_months.high) == (8, 14)


def test_a_label_no_field_takes_is_named_and_nothing_is_accepted_silently():
    text = f"""- **Titel:** Terugbelafspraak
  - **Prioriteit:** hoog
  - **Rol van AI:** soms
  - **Bewijs:** {Q1}
"""
    reading = read_answer(text, Ideation)
    assert not reading.complete
    assert {(p.kind, p.label, p.value) for p in reading.problems} >= {
        ("unmapped", "Prioriteit", "hoog"),
        ("invalid", "ai_role", "soms"),
    }
    with pytest.raises(AnswerError, match="Prioriteit"):
        parse_answer(text, Ideation)
    message = follow_up(reading, Ideation, "nl")
    assert "Prioriteit" in message and "soms" in message and "```json" in message and "`ideas`" in message
    assert "Part of your answer could not be used" in follow_up(reading, Ideation, "en")


def test_what_was_understood_is_kept_when_a_required_field_is_missing():
    text = """| Naam | Beschrijving |
|---|---|
| Ria, net weduwe | Regelt voor het eerst zelf de financiën |
"""
    reading = read_answer(text, Personas)
    assert not reading.complete and any(p.kind == "missing" for p in reading.problems)
    persona = salvage(reading, Personas).personas[0]
    assert persona.name == "Ria, net weduwe" and persona.description.startswith("Regelt")
    assert 1 <= persona.human_contact_need <= 5 and persona.assumption


def test_plain_prose_is_still_unreadable():
    reading = read_answer("Sorry, daar kan ik je niet mee helpen.", ResearchSynthesis)
    assert reading.form == "none" or not reading.understood


def test_the_unfinished_last_item_of_a_cut_off_answer_is_left_out_and_said_so():
    from copilot.steps.answers import describe
    from copilot.steps.schemas import StakeholderMap as Map

    cut = '{"stakeholders": [{"id": "S1", "role": "CFO", "power": 5, "interest": 2}, {"id": "S2", "role": "Sal'
    reading = read_answer(cut, Map)
    assert reading.complete and [s.role for s in reading.output.stakeholders] == ["CFO"]
    assert "stakeholders[2]" in describe(reading.notes[0], "en") and "cut off" in describe(reading.notes[0], "en")
    assert "hield hier op" in describe(reading.notes[0], "nl")


def test_an_answer_that_is_whole_but_wrong_is_not_taken_for_a_cut_off_one():
    text = '{"stakeholders": [{"id": "S1", "role": "CFO", "power": 5, "interest": 2}, {"id": "S2", "role": "Sales"}]}'
    reading = read_answer(text, StakeholderMap)
    assert not reading.complete and not reading.notes


def test_shifts_written_as_arrows_under_group_lines_take_their_side_from_the_group():
    from copilot.steps.schemas import CaseForChange

    answer = """**From → To**

*Inside (how we work together)*
- F1: every team hands over and forgets the case → one shared case status (qf3c3744eb1)

*Outside (what residents notice)*
- F2 · Dutch-only forms → key forms also in English (qbf3c624206)
"""
    shifts = read_answer(answer, CaseForChange).data["shifts"]
    assert [(s["id"], s["side"]) for s in shifts] == [("F1", "inside"), ("F2", "outside")]
    assert shifts[0]["from_state"] == "every team hands over and forgets the case"
    assert shifts[1]["to_state"] == "key forms also in English"


def test_a_choice_written_as_words_with_the_value_in_brackets_is_that_value():
    from copilot.steps.schemas import StakeholderMap

    answer = """| ID | Rol | Macht | Belang | Houding | Waar ze om geven | Bron |
|---|---|---|---|---|---|---|
| K1 | Wethouder | 5 | 5 | trekt het (leading) | zichtbare resultaten | q27a250c11d |
"""
    stakeholder = read_answer(answer, StakeholderMap).data["stakeholders"][0]
    assert stakeholder["stance"] == "leading"
    assert stakeholder["cares_about"] == ["zichtbare resultaten"]


def test_a_cut_off_answer_that_still_fits_leaves_out_its_last_item_and_says_so():
    from copilot.steps.schemas import Prioritisation

    first = '{"id": "R1", "idea": "I1", "title": "Terugbellen", "impact": 4, "effort": 2, "rationale": "Vaak."}'
    head = '{"scores": [' + first + ", "
    cut = head + '{"id": "R2", "idea": "I2", "title": "Status", "impact": 5, "effort": 4, "rationale": "Status calls a'
    reading = read_answer(cut, Prioritisation)
    assert [score.id for score in reading.output.scores] == ["R1"]
    assert [note.kind for note in reading.notes] == ["cut"]
    whole = head + '{"id": "R2", "idea": "I2", "title": "Status", "impact": 5, "effort": 4, "rationale": "Ja."}'
    assert [score.id for score in read_answer(whole, Prioritisation).output.scores] == ["R1", "R2"]


def test_a_heading_with_the_item_and_its_stage_and_a_second_choice_after_a_dash_are_read():
    from copilot.steps.schemas import AiOpportunityScan

    answer = """**A1 · S1 · Welke vergunning heb ik nodig?**
- Patroon: automatiseren — tijd *bespaard*
- Waarom: inwoners willen horen welke vergunning ze nodig hebben.
- Bronnen: (qa0adb9f786)
"""
    touchpoint = read_answer(answer, AiOpportunityScan).output.touchpoints[0]
    assert (touchpoint.id, touchpoint.stage, touchpoint.touchpoint) == ("A1", "S1", "Welke vergunning heb ik nodig?")
    assert (touchpoint.pattern, touchpoint.time_well) == ("automate", "saved")


def test_a_dash_with_a_note_is_empty_and_questions_on_one_line_are_each_one():
    from copilot.steps.schemas import AiOpportunityScan

    answer = """| ID | Stage | Touchpoint | Pattern | Why | Handover to a person | If the AI fails | Evidence |
|---|---|---|---|---|---|---|---|
| A4 | S3 | KCC call | Agent-assist | It helps | — (the person leads) | Agent escalates | [qc9ca0c645b] |

Open questions: Do residents who don't read Dutch need other languages? How many call-backs are there each week?
"""
    scan = read_answer(answer, AiOpportunityScan).output
    assert scan.touchpoints[0].handover_trigger == ""
    assert scan.touchpoints[0].fallback == "Agent escalates"
    assert len(scan.open_questions) == 2
