"""AI-03 business case, computed offline: the calculator (steps.business_case) over inputs from the research's
contact export where there is one (steps.contact_exports), else the numbers people typed into the step, else
defaults marked as assumptions. The case cites the contact rows it counted and says of every input where it
came from; what it cannot know (the costs, the fit, the risks) it leaves to people as open questions.

The inputs stay in the step (`BusinessCase.inputs`): people change a number and compute again. A number
left at 0 is read as "not given" and taken from the export (or the default) again.
"""

from __future__ import annotations

from dataclasses import dataclass

from copilot.errors import StepError
from copilot.i18n import field_label, t
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.settings import currency_symbol, organisation
from copilot.steps import contact_exports as exports
from copilot.steps.business_case import HORIZON_MONTHS, INPUTS, between, calculate, day, payback_range
from copilot.steps.registry import Agenda
from copilot.steps.schemas import (
    AiOpportunityScan,
    Amount,
    BusinessCase,
    CaseInputs,
    CurrentJourney,
    Ideation,
    Prioritisation,
    Range,
    ShelvedIdeas,
)
from copilot.text import shorten

STEP = "AI-03"
CITED = 8  # contact rows cited as examples of the ones counted: the notes stay readable
# assumptions, said to be so on every slide that uses them: a fully loaded contact-centre minute (€ 45–75 an
# hour) in the currencies where that holds; the share of an affected contact's time an idea takes away
COST_PER_MINUTE = {"": (0.75, 1.25), "EUR": (0.75, 1.25), "USD": (0.8, 1.35), "GBP": (0.65, 1.1)}
MINUTES_PER_CONTACT = (4.0, 8.0)
TIME_SAVED = (20.0, 50.0)
IDEA_LENGTH = 90


@dataclass(frozen=True)
class Idea:
    text: str
    about: str  # the words contact reasons are matched against
    evidence: tuple[str, ...] = ()


def draft_business_case(store: ResearchStore, session: Session, workshop: Agenda | None = None):
    language = session.language
    current = session.content(STEP, BusinessCase)
    idea = choose_idea(session, current, language)
    if idea is None:
        raise StepError(t("starters.case_no_idea", language))
    export = exports.contact_export(store.chunks(where={"kind": "table"}))
    found, cited, notes = _from_export(export, idea, language)
    typed = current.inputs if current and current.inputs else CaseInputs()
    values, origins = {}, {}
    for name in INPUTS:
        values[name], origins[name] = _choose(name, typed, found.get(name))
    inputs = CaseInputs(
        **{f"{name}_{end}": values[name][i] for name in INPUTS for i, end in enumerate(("low", "high"))}
    )
    result = calculate(inputs, language)
    symbol = currency_symbol(organisation().currency)

    def said(name: str) -> str:
        low, high = values[name]
        return between(low, high, language, 2 if name == "cost_per_minute" else 0)

    benefits, costs = [], []
    missing = [name for name in ("contacts_per_year", "share_affected", "minutes_per_contact", "cost_per_minute")
               if origins[name] == "missing"]  # fmt: skip
    if not missing:
        basis = t(
            "starters.case_benefit_basis",
            language,
            contacts=said("contacts_per_year"),
            share=between(*values["share_affected"], language, 1),
            saved=said("time_saved"),
            minutes=between(*values["minutes_per_contact"], language, 1),
            cost=_priced(said("cost_per_minute"), symbol, language),
        )
        sources = "; ".join(
            notes[name]
            if origins[name] == "export"
            else t(f"starters.case_origin.{origins[name]}", language, input=field_label(name, language).lower())
            for name in INPUTS[:5]
        )
        from_export = any(origins[name] == "export" for name in INPUTS[:5])
        benefits.append(
            Amount(
                id="B1",
                name=t("starters.case_benefit_name", language, idea=shorten(idea.text, IDEA_LENGTH)),
                kind="yearly",
                amount=Range(low=round(result.benefit.low), high=round(result.benefit.high)),
                basis=f"{basis} {sources[:1].upper()}{sources[1:]}.",
                evidence=[chunk.id for chunk in cited] if from_export else [],
                # a benefit that rests on one assumed number is an assumption, whatever rows it also cites
                assumption=any(origins[name] == "assumption" for name in INPUTS[:5]),
            )
        )
    for n, (name, kind) in enumerate((("one_off_costs", "one-off"), ("yearly_costs", "yearly")), start=1):
        if origins[name] == "typed":
            costs.append(
                Amount(
                    id=f"C{n}",
                    name=t(f"starters.case_{name}", language),
                    kind=kind,
                    amount=Range(low=values[name][0], high=values[name][1]),
                    basis=t("starters.case_origin.typed", language, input=field_label(name, language)) + ".",
                )
            )
    questions = _questions(origins, missing, export, idea, result, language, notes)
    case = BusinessCase(
        idea=idea.text,
        benefits=benefits,
        costs=costs,
        payback_months=payback_range(result) if benefits else None,
        fit=current.fit if current else [],
        risks=current.risks if current else [],
        inputs=inputs,
        open_questions=questions,
    )
    return case, cited if any(origins[name] == "export" for name in INPUTS) else []


# --- the idea ----------------------------------------------------------------------------------------------


def choose_idea(session: Session, current: BusinessCase | None, language: str) -> Idea | None:
    """The idea the case is for: the one typed into the step; else the shelved idea (AI-02) whose viability
    grew most, as the AI-03 prompt asks; else the best-scored (SD-07) or first idea (SD-06); else the first
    touchpoint the AI-01 scan would automate or assist, matched by its journey stage's words."""
    if current and current.idea.strip():
        return Idea(current.idea.strip(), current.idea)
    shelved = session.content("AI-02", ShelvedIdeas)
    if shelved and shelved.ideas:
        best = max(shelved.ideas, key=lambda i: (i.viability_now - i.viability_then, i.viability_now))
        return Idea(best.idea, best.idea, tuple(best.evidence))
    scores = session.content("SD-07", Prioritisation)
    ideas = session.content("SD-06", Ideation)
    pitches = {i.id: i.pitch for i in ideas.ideas} if ideas else {}
    if scores and scores.scores:
        best = max(scores.scores, key=lambda s: (s.impact - s.effort, s.impact))
        title = best.title or best.idea
        return Idea(title, f"{title} {pitches.get(best.idea, '')}", tuple(best.evidence))
    if ideas and ideas.ideas:
        first = ideas.ideas[0]
        return Idea(first.title, f"{first.title} {first.pitch}", tuple(first.evidence))
    scan = session.content("AI-01", AiOpportunityScan)
    journey = session.content("SD-04", CurrentJourney)
    stages = {stage.id: stage.name for stage in journey.stages} if journey else {}
    if scan:
        for pattern in ("automate", "agent-assist"):
            for point in scan.touchpoints:
                if point.pattern == pattern:
                    text = t(f"starters.case_scan_idea.{pattern}", language, touchpoint=point.touchpoint)
                    # contacts are matched on the stage and touchpoint, not on the pattern's stock wording
                    about = f"{stages.get(point.stage, '')} {point.touchpoint}"
                    return Idea(text, about, tuple(point.evidence))
    return None


# --- the inputs --------------------------------------------------------------------------------------------


def _from_export(export, idea: Idea, language: str):
    """The inputs the export gives, the rows cited, and per input a sentence saying how it was counted."""
    found: dict[str, tuple[float, float]] = {}
    notes: dict[str, str] = {}
    if export is None:
        return found, [], notes
    source = ", ".join(export.sources)
    rows, reasons = exports.matching(export, idea.about)
    if per_year := exports.contacts_per_year(export):
        found["contacts_per_year"] = (per_year.low, per_year.high)
        d = per_year.detail
        notes["contacts_per_year"] = t(
            "starters.case_from_export.contacts",
            language,
            rows=number_of(d["rows"], language),
            source=source,
            first=day(d["first"], language),
            last=day(d["last"], language),
        )
    if share := exports.share_affected(len(rows), len(export.rows)):
        found["share_affected"] = (share.low, share.high)
        named = ", ".join(f"“{reason}”" for reason in reasons[:3]) + (" …" if len(reasons) > 3 else "")
        notes["share_affected"] = t(
            "starters.case_from_export.share",
            language,
            matched=share.detail["matched"],
            total=share.detail["total"],
            reasons=named,
        )
    if duration := exports.minutes_per_contact(rows, export.rows):
        found["minutes_per_contact"] = (duration.low, duration.high)
        d = duration.detail
        notes["minutes_per_contact"] = t(
            f"starters.case_from_export.minutes_{d['whose']}",
            language,
            median=between(d["median"], d["median"], language, 1),
            mean=between(d["mean"], d["mean"], language, 1),
            n=d["n"],
            column=export.duration_column,
        )
    counted = rows or export.rows
    return found, exports.spread(counted, CITED), notes


def _priced(amount: str, symbol: str, language: str) -> str:
    """ "€ 0,75–1,25" (nl), "€0.75–1.25" (en); the number alone when no currency is set."""
    if not symbol:
        return amount
    return f"{symbol.strip()} {amount}" if language == "nl" else f"{symbol}{amount}"


def number_of(value: int, language: str) -> str:
    return between(value, value, language)


def _choose(name: str, typed: CaseInputs, found: tuple[float, float] | None) -> tuple[tuple[float, float], str]:
    """(low, high) and where it came from: "export", "typed", "assumption" or "missing"."""
    pair = (getattr(typed, f"{name}_low"), getattr(typed, f"{name}_high"))
    default = _default(name)
    if pair != (0, 0):
        if found is not None and _same(pair, found):
            return pair, "export"
        return pair, "assumption" if default is not None and _same(pair, default) else "typed"
    if found is not None:
        return found, "export"
    if default is not None:
        return default, "assumption"
    return (0.0, 0.0), "missing"


def _default(name: str) -> tuple[float, float] | None:
    if name == "cost_per_minute":
        return COST_PER_MINUTE.get(organisation().currency.upper())
    return {"minutes_per_contact": MINUTES_PER_CONTACT, "time_saved": TIME_SAVED}.get(name)


def _same(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return all(abs(x - y) <= 1e-6 * max(1.0, abs(y)) for x, y in zip(a, b, strict=True))


def _questions(origins, missing, export, idea, result, language, notes) -> list[str]:
    questions = [t("starters.case_draft", language)]
    label = lambda names: ", ".join(field_label(n, language).lower() for n in names)  # noqa: E731
    if missing:
        questions.append(t("starters.case_missing", language, inputs=label(missing)))
    if export is not None and "share_affected" not in notes:
        questions.append(t("starters.case_no_match", language, words=shorten(idea.about, 80)))
    if export is not None and "contacts_per_year" in notes:
        questions.append(t("starters.case_sample", language))
    assumed = [name for name in INPUTS if origins[name] == "assumption"]
    if assumed:
        questions.append(t("starters.case_assumptions", language, inputs=label(assumed)))
    if not result.has_costs:
        questions.append(t("starters.case_no_costs", language))
    elif not missing and result.payback[0] is None:
        questions.append(t("starters.case_no_payback", language, years=HORIZON_MONTHS // 12))
    questions.append(t("starters.case_fit_risks", language))
    return questions
