"""AI-03 offline: a business case calculated from contacts, minutes, the cost of a minute and the share an idea
affects — from the contact export where there is one (tests/data/contact_export: 480 contacts, Jan–Apr 2026),
else typed in, else assumptions that say so — with benefits and costs as ranges, a payback period, the rows it
counted cited, and the deck showing it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from test_deck import assert_everything_fits, slide_texts
from test_step_slides import notes, slides_of_step

from copilot.errors import StepError
from copilot.export.from_session import build_deck
from copilot.export.render import render
from copilot.research.loaders import load_file
from copilot.session import Session
from copilot.steps import contact_exports
from copilot.steps.business_case import HORIZON_MONTHS, calculate, check, money, payback_range
from copilot.steps.drafting import can_draft, draft_step
from copilot.steps.schemas import BusinessCase, CaseInputs, ShelvedIdea, ShelvedIdeas

EXPORT = Path(__file__).parent / "data" / "contact_export"
IDEA = "Proactief advies bij een hoger termijnbedrag"


def inputs(**values: float) -> CaseInputs:
    """Hand-checkable inputs: 10,000–20,000 contacts, 10–20 % affected, half their time saved, 6 minutes at 1
    a minute; override any end."""
    base = dict(
        contacts_per_year_low=10_000,
        contacts_per_year_high=20_000,
        minutes_per_contact_low=6,
        minutes_per_contact_high=6,
        cost_per_minute_low=1,
        cost_per_minute_high=1,
        share_affected_low=10,
        share_affected_high=20,
        time_saved_low=50,
        time_saved_high=50,
    )
    return CaseInputs(**{**base, **values})


# --- the arithmetic ------------------------------------------------------------------------------------------


def test_the_cautious_benefit_multiplies_every_low_end_and_the_optimistic_every_high_end():
    result = calculate(inputs())
    assert (result.benefit.low, result.benefit.high) == (3_000, 12_000)  # 10k×10%×50%×6×1, 20k×20%×50%×6×1
    assert payback_range(result) is None  # no costs typed in: no payback to speak of
    assert not result.has_costs


def test_payback_is_the_one_off_costs_over_the_net_gain_in_whole_months_rounded_up():
    result = calculate(inputs(one_off_costs_low=6_000, one_off_costs_high=12_000))
    assert result.payback == pytest.approx((6.0, 48.0))  # 12×6k/12k, 12×12k/3k
    assert payback_range(result).model_dump() == {"low": 6, "high": 48}
    with_running = calculate(
        inputs(one_off_costs_low=6_000, one_off_costs_high=6_000, yearly_costs_low=1_000, yearly_costs_high=2_000)
    )
    # net 12k−1k = 11k at best: 12×6k/11k = 6.5 → 7; at worst 3k−2k = 1k: 72 months, beyond five years
    assert (with_running.net.low, with_running.net.high) == (1_000, 11_000)
    assert with_running.payback[0] == pytest.approx(6.545, abs=0.001) and with_running.payback[1] is None
    assert payback_range(with_running).model_dump() == {"low": 7, "high": HORIZON_MONTHS}


def test_a_case_whose_benefit_never_covers_its_yearly_costs_never_pays_back():
    result = calculate(inputs(one_off_costs_high=50_000, yearly_costs_low=12_000, yearly_costs_high=15_000))
    assert result.net.high == 0  # 12k benefit − 12k running costs, at best
    assert result.payback == (None, None)
    assert payback_range(result).model_dump() == {"low": HORIZON_MONTHS, "high": HORIZON_MONTHS}


@pytest.mark.parametrize(
    ("values", "language", "message"),
    [
        ({"contacts_per_year_low": -5}, "en", "Contacts per year, cautious is -5: a number below zero"),
        ({"contacts_per_year_low": -5}, "nl", "Contacten per jaar, voorzichtig is -5: met een getal onder nul"),
        ({"share_affected_high": 120}, "en", "Share of contacts affected (%), optimistic is 120 %"),
        ({"share_affected_high": 120}, "nl", "Aandeel geraakte contacten (%), optimistisch is 120 %: een aandeel"),
        ({"minutes_per_contact_low": 9}, "en", "Minutes per contact: the cautious end (9) is above the optimistic"),
        ({"minutes_per_contact_low": 9}, "nl", "Minuten per contact: de voorzichtige kant (9) ligt boven"),
    ],
)
def test_an_input_that_cannot_be_calculated_with_is_named_in_the_persons_language(values, language, message):
    with pytest.raises(StepError) as raised:
        check(inputs(**values), language)
    assert raised.value.say(language).startswith(message)


def test_ranges_of_money_read_as_people_write_them():
    assert money(120_000, 180_000, "nl", "€") == "€ 120k–180k"
    assert money(120_000, 180_000, "en", "£") == "£120k–180k"
    assert money(950, 12_400, "nl", "€") == "€ 950–12.400"
    assert money(17_028, 130_500, "en", "€") == "€17k–131k"  # half up, as the deck's charts round
    assert money(800_000, 1_260_000, "nl", "") == "0,8–1,3 mln"


# --- the export ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def export():
    chunks = load_file(EXPORT / "contactmomenten_2026_jan_apr.csv", EXPORT)
    return contact_exports.contact_export(chunks)


def test_contacts_per_year_are_the_rows_scaled_from_their_months_to_a_year(export):
    assert len(export.rows) == 480
    figure = contact_exports.contacts_per_year(export)
    # 480 in 120 days is 1,460 a year; February (100 in 28 days) 1,304 and January (130 in 31) 1,531
    assert (figure.low, figure.high) == (1_304, 1_531)


def test_the_share_is_the_contacts_whose_reason_shares_a_word_with_the_idea(export):
    rows, reasons = contact_exports.matching(export, IDEA)
    assert reasons == ["Termijnbedrag wijzigen"]  # "termijnbedrag" meets the reason, not "Betalingsregeling"
    assert len(rows) == 96
    share = contact_exports.share_affected(len(rows), len(export.rows))
    assert (share.low, share.high) == (17.2, 23.2)  # 20 %, as a 90 % interval


def test_minutes_run_from_the_median_to_the_mean_duration_of_the_matched_contacts(export):
    rows, _ = contact_exports.matching(export, IDEA)
    minutes = contact_exports.minutes_per_contact(rows, export.rows)
    assert (minutes.low, minutes.high) == (5.5, 6.0)  # 4, 5, 6 and 9 minutes, 24 times each
    assert contact_exports.parse_minutes("1:02:30") == 62.5 and contact_exports.parse_minutes("245", "aht") == 245 / 60


# --- the drafter, the session and the deck ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def export_store(tmp_path_factory: pytest.TempPathFactory):
    from copilot.research.ingest import ingest
    from copilot.research.store import ResearchStore

    store = ResearchStore.open(tmp_path_factory.mktemp("contact-store"))
    report = ingest(EXPORT, store)
    assert not report.failed, report.failed
    return store


@pytest.fixture
def euros(workspace, monkeypatch):
    monkeypatch.setenv("CX_COPILOT_CURRENCY", "EUR")


def _session(tmp_path: Path, language: str = "nl") -> Session:
    session = Session.create(tmp_path / "s.cxsession", "Energie — businesscase", language)
    shelved = [
        ShelvedIdea(
            id="I1", idea="Chatbot voor meterstanden", why_shelved="te duur", viability_then=2, viability_now=3
        ),
        ShelvedIdea(id="I2", idea=IDEA, why_shelved="geen data", viability_then=1, viability_now=4),
    ]
    session.save_edit("AI-02", ShelvedIdeas(ideas=shelved))
    session.lock("AI-02")
    return session


def test_the_case_is_computed_from_the_export_for_the_shelved_idea_that_grew_most_and_cites_its_rows(
    tmp_path, export_store, euros
):
    assert can_draft("AI-03")
    session = _session(tmp_path)
    draft_step("AI-03", export_store, session)
    case = session.content("AI-03", BusinessCase)
    assert case.idea == IDEA
    (benefit,) = case.benefits
    # 1,304 × 17.2 % × 20 % × 5.5 min × € 0.75 and 1,531 × 23.2 % × 50 % × 6 min × € 1.25
    assert benefit.amount.model_dump() == {"low": 185, "high": 1332}
    assert benefit.kind == "yearly" and benefit.assumption  # minutes saved and the minute's cost are assumed
    assert "96 van 480 contacten met de reden “Termijnbedrag wijzigen”" in benefit.basis
    assert "kosten per minuut: aanname" in benefit.basis and "1 jan 2026 t/m 30 apr 2026" in benefit.basis
    cited = session.evidence(benefit.evidence)
    assert len(cited) == 8 and all(q.source == "contactmomenten_2026_jan_apr.csv" for q in cited)
    reasons = {c.metadata["contactreden"] for c in export_store.chunks(ids=benefit.evidence)}
    assert reasons == {"Termijnbedrag wijzigen"}
    assert case.costs == [] and case.payback_months is None
    assert any("kosten zijn nog niet ingevuld" in q for q in case.open_questions)
    assert case.inputs.contacts_per_year_low == 1_304 and case.inputs.share_affected_high == 23.2


def _computed_again_with_typed_numbers(tmp_path, store):
    """A computed case whose contacts and costs the team typed in, then computed again."""
    session = _session(tmp_path)
    draft_step("AI-03", store, session)
    case = session.content("AI-03", BusinessCase)
    typed = case.inputs.model_copy(
        update=dict(
            contacts_per_year_low=120_000,
            contacts_per_year_high=150_000,
            one_off_costs_low=50_000,
            one_off_costs_high=80_000,
            yearly_costs_low=5_000,
            yearly_costs_high=10_000,
        )
    )
    session.save_edit("AI-03", case.model_copy(update={"inputs": typed}))
    draft_step("AI-03", store, session)
    return session


def test_typed_in_numbers_win_and_computing_again_gives_costs_and_a_payback(tmp_path, export_store, euros):
    session = _computed_again_with_typed_numbers(tmp_path, export_store)
    again = session.draft("AI-03", BusinessCase)  # a person's edit stays; the new draft waits beside it
    (benefit,) = again.benefits
    # 120k × 17.2 % × 20 % × 5.5 × 0.75 = 17,028; 150k × 23.2 % × 50 % × 6 × 1.25 = 130,500
    assert benefit.amount.model_dump() == {"low": 17_028, "high": 130_500}
    assert "contacten per jaar: ingetypt" in benefit.basis.lower()
    assert [(c.kind, c.amount.low, c.amount.high) for c in again.costs] == [
        ("one-off", 50_000, 80_000),
        ("yearly", 5_000, 10_000),
    ]
    # 12 × 50k / (130.5k − 5k) = 4.8 → 5 months; 12 × 80k / (17,028 − 10k) = 137: beyond five years
    assert again.payback_months.model_dump() == {"low": 5, "high": HORIZON_MONTHS}


def test_an_impossible_typed_number_stops_the_calculation_with_a_message_naming_it(tmp_path, export_store, euros):
    session = _session(tmp_path)
    draft_step("AI-03", export_store, session)
    case = session.content("AI-03", BusinessCase)
    wrong = case.inputs.model_copy(update={"time_saved_low": 70, "time_saved_high": 40})
    session.save_edit("AI-03", case.model_copy(update={"inputs": wrong}))
    with pytest.raises(StepError) as raised:
        draft_step("AI-03", export_store, session)
    assert "Aandeel van hun tijd bespaard (%): de voorzichtige kant (70)" in raised.value.say("nl")


def test_without_an_export_or_typed_contacts_the_case_says_what_to_fill_in_and_invents_no_benefit(tmp_path, euros):
    session = Session.create(tmp_path / "s.cxsession", "Test", "en")
    session.save_edit("AI-03", BusinessCase(idea="Video calls for small businesses"))
    store = _without_tables(tmp_path)
    draft_step("AI-03", store, session)
    case = session.draft("AI-03", BusinessCase)
    assert case.benefits == [] and case.payback_months is None
    assert any(
        q.startswith("Not known yet: contacts per year, share of contacts affected") for q in case.open_questions
    )
    assert case.inputs.minutes_per_contact_low == 4 and case.inputs.cost_per_minute_high == 1.25  # defaults, said so
    assert any("Assumptions, not research: minutes per contact, cost per minute" in q for q in case.open_questions)


def _without_tables(tmp_path: Path):
    """A store holding one interview: research without a contact export."""
    from conftest import TRANSCRIPT_NL

    from copilot.research.ingest import ingest
    from copilot.research.store import ResearchStore

    (tmp_path / "research").mkdir()
    (tmp_path / "research" / "interview.txt").write_text(TRANSCRIPT_NL, encoding="utf-8")
    store = ResearchStore.open(tmp_path / "interview-only")
    ingest(tmp_path / "research", store)
    assert store.chunks() and not store.chunks(where={"kind": "table"})
    return store


def test_the_deck_shows_the_computed_case_with_its_inputs_payback_and_cited_rows(tmp_path, export_store, euros):
    session = _computed_again_with_typed_numbers(tmp_path, export_store)
    session.save_edit("AI-03", session.draft("AI-03", BusinessCase))  # the team takes the new draft
    path = render(build_deck(session), tmp_path / "case.pptx")
    prs = Presentation(str(path))
    slides = slides_of_step(prs, "AI-03", "nl")
    texts = "\n".join(slide_texts(s) for s in slides)
    assert "Terugverdiend in 5 maanden tot 5 jaar of langer" in texts
    assert "Baten € 17k–131k per jaar" in texts  # 130,500 rounds up, as in the chart
    assert "€ 17.028" in texts and "€ 130.500" in texts and "€ 50.000" in texts
    assert "Contacten per jaar" in texts and "120.000" in texts and "€ 0,75" in texts and "17,2 %" in texts
    assert "60 maanden" not in texts
    cited = session.content("AI-03", BusinessCase).benefits[0].evidence[0]
    assert any(cited in notes(s) for s in slides)
    assert_everything_fits(path)


def test_in_the_notebook_a_person_types_the_inputs_and_computes_the_case_again(workspace, monkeypatch):
    from copilot.ui.step_editor import StepEditor
    from copilot.workbench import Workbench

    monkeypatch.setenv("CX_COPILOT_CURRENCY", "EUR")
    bench = Workbench(workspace, language="nl")
    editor = StepEditor(bench, "AI-03")
    assert editor.compute_button.layout.display != "none"
    fields = {f.name: f for f in editor._top}
    fields["idea"].widget.value = "Terugbelafspraak via de app"
    boxes = {part.name: part.widget for part in fields["inputs"].parts}
    assert boxes["contacts_per_year_low"].description == "Contacten per jaar, voorzichtig"
    for name, value in [
        ("contacts_per_year_high", 60_000),
        ("contacts_per_year_low", 40_000),
        ("share_affected_high", 10),
        ("share_affected_low", 5),
    ]:
        boxes[name].value = value
    assert bench.content("AI-03").inputs.contacts_per_year_low == 40_000  # saved as typed

    editor.compute_button.click()
    for row in editor.diff.children[1:-1]:  # take every computed change
        row.children[1].click()

    case = bench.content("AI-03")
    (benefit,) = case.benefits
    # 40k × 5 % × 20 % × 4 min × € 0.75 = 1,200; 60k × 10 % × 50 % × 8 min × € 1.25 = 30,000
    assert benefit.amount.model_dump() == {"low": 1_200, "high": 30_000}
    assert "Contacten per jaar: ingetypt" in benefit.basis and benefit.evidence == []

    boxes = {part.name: part.widget for part in {f.name: f for f in editor._top}["inputs"].parts}
    boxes["share_affected_high"].value = 140
    editor.compute_button.click()
    assert "Aandeel geraakte contacten (%), optimistisch is 140 %" in editor.errors.message.value


def test_without_ideas_the_case_is_for_what_the_ai_scan_would_automate_matched_on_its_journey_stage(
    tmp_path, export_store, euros
):
    from copilot.steps.schemas import AiOpportunityScan, CurrentJourney, JourneyStage, TouchpointScan

    session = Session.create(tmp_path / "s.cxsession", "Test", "nl")
    stages = [JourneyStage(id="S1", name="Verhuizen"), JourneyStage(id="S2", name="Termijnbedrag aanpassen")]
    session.save_edit("SD-04", CurrentJourney(stages=stages))
    scan = [
        TouchpointScan(id="T1", stage="S1", touchpoint="telefoon", pattern="human-led"),
        TouchpointScan(id="T2", stage="S2", touchpoint="app", pattern="automate", why="Eenvoudige vragen."),
    ]
    session.save_edit("AI-01", AiOpportunityScan(touchpoints=scan))
    session.lock("AI-01")
    draft_step("AI-03", export_store, session)
    case = session.content("AI-03", BusinessCase)
    assert case.idea == "Automatiseren: app"
    assert "96 van 480 contacten met de reden “Termijnbedrag wijzigen”" in case.benefits[0].basis
