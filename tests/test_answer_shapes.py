"""More shapes real assistants write: scores under letter columns, a blueprint lying on its side, links written
as arrows, moves written as prose, money written as a range in words."""

from __future__ import annotations

import pytest

from copilot.steps.answers import describe, read_answer
from copilot.steps.schemas import (
    BusinessCase,
    EngagementPlan,
    Ideation,
    ImpactReadiness,
    InfluenceMap,
    ServiceBlueprint,
)

ADKAR_EN = """Readiness per group, 1 (low) to 5 (high).

| Group | What changes | Impact | A | D | K | A | R | First barrier | What helps |
|---|---|---|---|---|---|---|---|---|---|
| Field engineers | Plan visits in the new app | 4 | 4 | 3 | 2 | 1 | 1 | Knowledge | Hands-on sessions per depot |
| Planners | Check the app's proposals | 3 | 2 | 2 | 3 | 3 | 2 | Awareness | Show them the backlog figures |
"""

ADKAR_NL = """| Groep | Wat verandert | Impact | B | B | K | V | B | Eerste drempel | Wat helpt |
|---|---|---|---|---|---|---|---|---|---|
| Monteurs | Plannen in de nieuwe app | 4 | 4 | 3 | 2 | 1 | 1 | Kennis | Oefensessies per depot |
"""


@pytest.mark.parametrize("text", [ADKAR_EN, ADKAR_NL])
def test_adkar_scores_under_letter_columns_land_in_their_elements_and_a_repeated_letter_keeps_its_column(text):
    reading = read_answer(text, ImpactReadiness)
    assert reading.complete, reading.problems
    first = reading.output.groups[0]
    assert first.adkar.model_dump() == {"awareness": 4, "desire": 3, "knowledge": 2, "ability": 1, "reinforcement": 1}
    assert first.first_barrier == "knowledge"
    assert first.support_needed.startswith(("Hands-on", "Oefensessies"))


LINKS_NL = """**Wie beïnvloedt wie**
- **V1 – S3 → S1, sterk (5):** de directeur beslist over het budget van de afdeling. *(bron: q0a1b2c3d4e)*
- **V2 – S2 → S3, gemiddeld (3):** de ondernemingsraad adviseert over elke reorganisatie.

**Kopgroep**
- **C1 – S1 Afdelingshoofd:** kent de vloer en wil dit zelf. Brengt: geloofwaardigheid. *(bron: q1f2e3d4c5b)*
"""

LINKS_EN = """## Influence lines

1. **S3 → S1 (strong, 4):** the director signs off the department's budget. Evidence: q0a1b2c3d4e
2. **S2 → S3 (moderate, 3):** the works council advises on every reorganisation.

## Guiding coalition

1. **S1 – Head of customer contact:** knows the floor and wants this. *Brings:* credibility. Evidence: q1f2e3d4c5b
"""


@pytest.mark.parametrize("text", [LINKS_NL, LINKS_EN])
def test_links_written_as_arrows_with_a_worded_score_and_a_candidate_named_after_a_stakeholder_id_are_read(text):
    reading = read_answer(text, InfluenceMap)
    assert reading.complete, reading.problems
    first, second = reading.output.links
    assert (first.source, first.target, second.source, second.target) == ("S3", "S1", "S2", "S3")
    assert second.strength == 3 and first.strength in (4, 5)
    assert first.how.startswith(("de directeur", "the director")) and first.evidence == ["q0a1b2c3d4e"]
    assert first.how.endswith(("afdeling.", "budget.")), first.how  # "Evidence: q…" is no part of the text
    (candidate,) = reading.output.coalition
    assert candidate.stakeholder == "S1" and candidate.evidence == ["q1f2e3d4c5b"]
    assert candidate.why.startswith(("kent de vloer", "knows the floor"))
    assert candidate.brings in ("geloofwaardigheid", "credibility")


MOVES_NL = """## Stakeholders in beweging

**B1 – S4 Financiën**
- Van *kritisch* naar *neutraal*
- Aanpak: de businesscase samen doorrekenen en de besparing per kwartaal laten zien
- Eigenaar: projectleider · Wanneer: week 4

## Quick wins
- **Q1:** Een open spreekuur over de plannen — eigenaar: teamleider, week 2. *Waarom:* laat zien dat we luisteren.

## Stappenplan
1. **R1 (60 dagen):** Proef met tien medewerkers. Eigenaar: teamleider. Resultaat: eerste cijfers.
"""

MOVES_EN = """## Moving stakeholders

**B1 – S4 Finance**
- From resistant to neutral
- Tactic: work through the business case together and show the savings per quarter
- Owner: project lead · When: week 4

## Quick wins
- **Q1:** An open hour on the plans — owner: team lead, week 2. *Why:* shows that we listen.

## Roadmap
1. **R1 (60 days):** Trial with ten agents. Owner: team lead. Outcome: first figures.
"""


@pytest.mark.parametrize("text", [MOVES_NL, MOVES_EN])
def test_a_move_written_as_from_to_and_an_owner_with_a_moment_and_a_horizon_in_brackets_are_read(text):
    reading = read_answer(text, EngagementPlan)
    assert reading.complete, reading.problems
    (move,) = reading.output.engagements
    assert (move.stakeholder, move.current, move.desired) == ("S4", "resistant", "neutral")
    assert move.owner in ("projectleider", "project lead") and move.date == "week 4"
    (win,) = reading.output.quick_wins
    assert win.action in ("Een open spreekuur over de plannen", "An open hour on the plans")
    assert win.owner in ("teamleider", "team lead") and win.date == "week 2" and win.why
    (step,) = reading.output.roadmap
    assert step.horizon == 60 and step.action.startswith(("Proef", "Trial")) and step.outcome


SIDEWAYS_BLUEPRINT = """**Blueprint – renewing a passport**

| Lane | S1 Book an appointment | S2 Visit the desk |
|---|---|---|
| Customer | Picks a slot online | Brings photo and old passport |
| Frontstage – people | | Clerk checks the photo |
| Backstage | Slot is reserved | Application goes to the printer |

**Fail points**

| # | Stage | Lane | What fails | Effect on the customer |
|---|---|---|---|---|
| F1 | S1 | customer | No slots within six weeks | Travels without a passport |
"""


def test_a_blueprint_with_stages_across_and_a_lane_column_is_not_taken_for_fail_points():
    reading = read_answer(SIDEWAYS_BLUEPRINT, ServiceBlueprint)
    assert reading.complete, reading.problems
    book, visit = reading.output.stages
    assert (book.id, book.name, book.customer, book.backstage) == (
        "S1",
        "Book an appointment",
        "Picks a slot online",
        "Slot is reserved",
    )
    assert visit.frontstage_human == "Clerk checks the photo" and not book.frontstage_human
    assert [f.failure for f in reading.output.fail_points] == ["No slots within six weeks"]


AMOUNTS_NL = """## Idee
Terugbelafspraak in de app

## Baten
- **B1 – Minder herhaal** (jaarlijks): tussen €40.000 en €60.000 per jaar. Berekening: 8.000 × €5-7. Bron: [q0a1b2c3d4e]

## Kosten
- **C1 – Koppeling** (eenmalig): € 25.000 – € 35.000. Berekening: een offerte. Bron: [q1f2e3d4c5b] [q9e8d7c6b5a]
- **C2 – Beheer**: between 10k and 15k a year. Calculation: 0.2 FTE.

## Terugverdientijd
6-12 maanden
"""


def test_money_written_as_a_range_in_words_after_a_name_and_its_kind_fills_amount_kind_and_basis():
    reading = read_answer(AMOUNTS_NL, BusinessCase)
    assert reading.complete, reading.problems
    (benefit,) = reading.output.benefits
    assert (benefit.name, benefit.kind, benefit.amount.low, benefit.amount.high) == (
        "Minder herhaal",
        "yearly",
        40000,
        60000,
    )
    assert benefit.basis.startswith("8.000 ×") and benefit.evidence == ["q0a1b2c3d4e"]
    link, upkeep = reading.output.costs
    assert (link.name, link.kind, link.amount.low, link.amount.high) == (
        "Koppeling",
        "one-off",
        25000,
        35000,
    )
    assert link.basis == "een offerte" and link.evidence == ["q1f2e3d4c5b", "q9e8d7c6b5a"]
    assert (upkeep.name, upkeep.kind, upkeep.amount.high, upkeep.basis) == ("Beheer", "yearly", 15000, "0.2 FTE")


ONE_TABLE_EN = """**Business case: Callback on appointment**

**Benefits and costs**

| ID | Item | Type | Low | High | Basis |
|---|---|---|---|---|---|
| B1 | Fewer repeat calls | yearly | €20,000 | €30,000 | 4,000 calls × €5–7 |
| C1 | Telephony module | one-off | €10,000 | €15,000 | Quote |
| C2 | Licence | yearly | €3,000 | €4,000 | Price list |

**Payback:** 6–12 months.

**Finance should confirm:** the call volumes; the licence price.
"""


def test_one_table_of_benefits_and_costs_a_title_naming_the_step_and_a_closing_labelled_list_are_read():
    reading = read_answer(ONE_TABLE_EN, BusinessCase)
    assert reading.complete, reading.problems
    case = reading.output
    assert case.idea == "Callback on appointment"
    assert [b.id for b in case.benefits] == ["B1"] and [c.id for c in case.costs] == ["C1", "C2"]
    assert (case.costs[0].kind, case.costs[0].amount.low) == ("one-off", 10000)
    assert (case.payback_months.low, case.payback_months.high) == (6, 12)
    assert case.open_questions == ["the call volumes", "the licence price"]


IDEAS_INLINE = """1. **Callback slot** (H2) — The customer picks a time. The agent calls with the case open.
   AI role: agent assist · Human contact: enhances · Handover: the agent owns the call. · Evidence: q0a1b2c3d4e

2. **Status text** (H3) — A text at every step. Nobody has to call to ask.
   AI role: backstage · Human contact: keeps · Evidence: q1f2e3d4c5b
"""


def test_labels_after_middle_dots_on_one_line_and_a_question_id_in_brackets_after_the_title_are_read():
    reading = read_answer(IDEAS_INLINE, Ideation)
    assert reading.complete, reading.problems
    first, second = reading.output.ideas
    assert (first.title, first.hmw, first.ai_role, first.human_touch) == (
        "Callback slot",
        "H2",
        "agent-assist",
        "enhances",
    )
    assert first.handover == "the agent owns the call" and first.evidence == ["q0a1b2c3d4e"]
    assert (second.hmw, second.ai_role, second.human_touch, second.handover) == ("H3", "backstage", "keeps", "")


@pytest.mark.parametrize("header", ["Wat het is / wat de klant merkt", "What it is / what the customer notices"])
def test_a_header_joining_two_words_for_one_field_with_a_slash_is_that_field(header):
    text = f"""| # | Idee | {header} | Rol van AI |
|---|---|---|---|
| I1 | Terugbelslot | De klant kiest een tijd. De medewerker belt met het dossier open. | medewerker ondersteunen |
"""
    reading = read_answer(text, Ideation)
    assert reading.complete, reading.problems
    assert reading.output.ideas[0].pitch.startswith("De klant kiest een tijd")


def test_a_payback_the_answer_says_it_cannot_give_is_left_empty_and_the_person_is_told():
    text = AMOUNTS_NL.replace("6-12 maanden", "Niet te geven: de jaarlijkse kosten zijn hoger dan de baten.")
    reading = read_answer(text, BusinessCase)
    assert reading.complete, reading.problems
    assert reading.output.payback_months is None
    assert [(n.kind, n.path) for n in reading.notes] == [("not_given", "payback_months")]
    assert "Terugverdientijd" in describe(reading.notes[0], "nl") and "hoger dan de baten" in reading.notes[0].value
