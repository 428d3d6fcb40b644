"""Slides for track C, AI opportunity & business case: AI-01 … AI-03."""

from __future__ import annotations

from copilot.export.deckspec import ChartSeries, ChartSlide, Slide, TableSlide
from copilot.export.slides.common import Context, evidence_ids, join_notes, slides_of, stages
from copilot.export.slides.service_design import ASSUMPTION_FILL, LABEL_FILL
from copilot.export.text import numbered
from copilot.session import Session
from copilot.steps.business_case import HORIZON_MONTHS, INPUTS, PERCENT, between, money, with_currency
from copilot.steps.schemas import AiOpportunityScan, Amount, BusinessCase, CaseInputs, ShelvedIdeas

TOUCHPOINTS_PER_SLIDE = 5
# the four patterns, from most to least AI, in colours that read as that scale on any master
PATTERN_FILLS = {"automate": "86C9B4", "agent-assist": "A9C5F5", "human-led": "F9C784", "no-AI": "D1D5DB"}


def opportunity_scan(session: Session, language: str) -> tuple[list[Slide], list[str]]:
    """AI-01: the journey as a strip of touchpoints, each coloured by its pattern, with handover and fallback."""
    c = Context(session, "AI-01", language)
    content: AiOpportunityScan = c.content
    names = stages(session)
    order = list(names)
    touchpoints = sorted(
        content.touchpoints, key=lambda p: order.index(p.stage) if p.stage in order else len(order)
    )  # in journey order; within a stage, as the team listed them
    groups = slides_of(touchpoints, TOUCHPOINTS_PER_SLIDE)
    slides: list[Slide] = []
    for number, group in enumerate(groups, start=1):
        rows = [
            [c.label("scan.stage"), *(names.get(p.stage, p.stage) for p in group)],
            [c.label("scan.pattern"), *(c.label(f"scan.patterns.{p.pattern}") for p in group)],
            [c.label("scan.why"), *(p.why for p in group)],
            [c.label("scan.time_well"), *(c.label(f"journey.{p.time_well}") if p.time_well else "" for p in group)],
            [c.label("scan.trigger"), *(p.handover_trigger for p in group)],
            [c.label("scan.fallback"), *(p.fallback for p in group)],
            [c.label("evidence"), *(c.assumption if p.assumption else evidence_ids(p) for p in group)],
        ]
        fills = [[LABEL_FILL, *([None] * len(group))] for _ in rows]
        fills[1] = [LABEL_FILL, *(PATTERN_FILLS[p.pattern] for p in group)]
        fills[-1] = [LABEL_FILL, *(ASSUMPTION_FILL if p.assumption else None for p in group)]
        slides.append(
            TableSlide(
                numbered(c.title, number, len(groups)),
                notes=join_notes(*(c.notes(p.touchpoint, p) for p in group), c.open_questions() if number == 1 else ""),
                columns=[c.label("scan.touchpoint"), *(p.touchpoint for p in group)],
                rows=rows,
                widths=[1.7, *([2.1] * len(group))],
                fills=fills,
                caption=c.label("scan.caption"),
            )
        )
    return slides, c.cited


def shelved_ideas(session: Session, language: str) -> tuple[list[Slide], list[str]]:
    """AI-02: old ideas, why they stopped, what changed, and how viable they were then and are now."""
    c = Context(session, "AI-02", language)
    content: ShelvedIdeas = c.content
    ideas = sorted(content.ideas, key=lambda i: -(i.viability_now - i.viability_then))
    unjudged = c.unjudged  # "3 → 3 =" would read as a judgement nobody made
    rows = []
    for idea in ideas:
        trend = (
            "▲"
            if idea.viability_now > idea.viability_then
            else ("▼" if idea.viability_now < idea.viability_then else "=")
        )
        rows.append(
            [
                f"{idea.idea} ({idea.year})" if idea.year else idea.idea,
                idea.why_shelved,
                idea.blocker_gone,
                idea.still_blocking,
                c.label("shelved.to_score") if unjudged else f"{idea.viability_then} → {idea.viability_now} {trend}",
                idea.next_step,
            ]
        )
    slide = TableSlide(
        c.title,
        notes=c.open_questions(),
        columns=[
            c.label(f"shelved.{k}")
            for k in ("idea", "why_shelved", "blocker_gone", "still_blocking", "viability", "next_step")
        ],
        rows=rows,
        widths=[2.3, 2.4, 2.6, 2, 1.5, 2.3],
        assumptions=[i.assumption for i in ideas],
        assumption_label=c.assumption,
        row_notes=[c.notes(i.idea, i) for i in ideas],
    )
    return [slide], c.cited


def _currency() -> str:
    """The workspace's currency as a prefix ("€", "£", "ZAR "); none set: plain numbers, no currency guessed."""
    from copilot.settings import currency_symbol, organisation

    return currency_symbol(organisation().currency)


def _money(value: float, language: str, symbol: str, decimals: int = 0) -> str:
    return with_currency(between(value, value, language, decimals), language, symbol)


def _payback(c: Context, content: BusinessCase) -> str:
    """ "Paid back in 7–20 months"; a payback at or beyond the calculator's horizon (five years) is said as such,
    never as "60 months"."""
    months = content.payback_months
    if months is None:
        return c.label("business.no_payback")
    years = HORIZON_MONTHS // 12
    if months.low >= HORIZON_MONTHS:
        return c.label("business.payback_never", years=years)
    if months.high >= HORIZON_MONTHS:
        return c.label("business.payback_beyond", low=f"{months.low:g}", years=years)
    return c.label("business.payback", low=f"{months.low:g}", high=f"{months.high:g}")


def _inputs_slide(c: Context, inputs: CaseInputs, language: str, symbol: str, caption: str) -> TableSlide:
    """The calculator's inputs, cautious and optimistic, so a room can see what the amounts rest on."""
    rows = []
    for name in INPUTS:
        low, high = getattr(inputs, f"{name}_low"), getattr(inputs, f"{name}_high")
        if name in PERCENT:
            cells = [f"{between(v, v, language, 1).removesuffix(',0').removesuffix('.0')} %" for v in (low, high)]
        elif name == "cost_per_minute":
            cells = [_money(v, language, symbol, decimals=2) for v in (low, high)]
        elif name in ("one_off_costs", "yearly_costs"):
            cells = [_money(v, language, symbol) for v in (low, high)]
        elif name == "minutes_per_contact":
            cells = [between(v, v, language, 1) for v in (low, high)]
        else:
            cells = [between(v, v, language) for v in (low, high)]
        rows.append([c.label(f"business.inputs.{name}"), *cells])
    return TableSlide(
        c.titled("business.inputs.title"),
        columns=[c.label("business.inputs.input"), c.label("business.low"), c.label("business.high")],
        rows=rows,
        widths=[3, 1.4, 1.4],
        caption=caption,
    )


def business_case(session: Session, language: str) -> tuple[list[Slide], list[str]]:
    """AI-03: benefits and costs as ranges (a bar of cautious and optimistic per kind), fit, detail and risks."""
    c = Context(session, "AI-03", language)
    content: BusinessCase = c.content
    payback = _payback(c, content)
    caption = " · ".join(filter(None, [c.label("business.for", idea=content.idea) if content.idea else "", payback]))
    slides: list[Slide] = []
    buckets: list[tuple[str, list[Amount]]] = [
        ("yearly_benefits", [b for b in content.benefits if b.kind == "yearly"]),
        ("yearly_costs", [a for a in content.costs if a.kind == "yearly"]),
        ("one_off_benefits", [b for b in content.benefits if b.kind == "one-off"]),
        ("one_off_costs", [a for a in content.costs if a.kind == "one-off"]),
    ]
    buckets = [(key, amounts) for key, amounts in buckets if amounts]
    yearly = [b.amount for b in content.benefits if b.kind == "yearly"]
    # "Benefits € 17k–131k a year · Paid back in …": the case in one line above the detail and the inputs
    summary = " · ".join(
        filter(
            None,
            [
                c.label(
                    "business.benefit_per_year",
                    amount=money(sum(r.low for r in yearly), sum(r.high for r in yearly), language, _currency()),
                )
                if yearly
                else "",
                payback,
            ],
        )
    )
    amounts = [*content.benefits, *content.costs]
    if buckets:
        highest = max(a.amount.high for a in amounts)
        symbol = _currency()
        # "€ 17k" in Dutch, "€17k" in English, like the amounts in the table
        prefix = f'"{symbol.strip() + " " if language == "nl" else symbol}"' if symbol else ""
        slides.append(
            ChartSlide(
                c.titled("business.ranges"),
                notes=join_notes(*(c.notes(a.name, a) for a in amounts), c.open_questions()),
                kind="bar",
                categories=[c.label(f"business.{key}") for key, _ in buckets],
                series=[
                    ChartSeries(c.label("business.low"), [sum(a.amount.low for a in group) for _, group in buckets]),
                    ChartSeries(c.label("business.high"), [sum(a.amount.high for a in group) for _, group in buckets]),
                ],
                category_assumptions=[any(a.assumption for a in group) for _, group in buckets],
                number_format=f'{prefix}#,##0,"k"' if highest >= 10_000 else f"{prefix}#,##0",
                y_min=0,
                caption=caption,
                assumption_label=c.assumption,
            )
        )
        kinds = [(a, "benefit") for a in content.benefits] + [(a, "cost") for a in content.costs]
        slides.append(
            TableSlide(
                c.titled("business.amounts"),
                columns=[c.label(f"business.{k}") for k in ("item", "type", "kind", "low", "high", "basis")],
                rows=[
                    [
                        a.name,
                        c.label(f"business.{kind}"),
                        c.label(f"business.kinds.{a.kind}"),
                        _money(a.amount.low, language, symbol),
                        _money(a.amount.high, language, symbol),
                        a.basis,
                    ]
                    for a, kind in kinds
                ],
                widths=[3.4, 1.2, 1.3, 1.6, 1.6, 3.6],
                assumptions=[a.assumption for a, _ in kinds],
                assumption_label=c.assumption,
                row_notes=[c.notes(a.name, a) for a, _ in kinds],
                caption=summary,
            )
        )
    if content.inputs is not None and any(content.inputs.model_dump().values()):
        slides.append(_inputs_slide(c, content.inputs, language, _currency(), summary))
    if content.fit:
        slides.append(
            TableSlide(
                c.titled("business.fit"),
                notes="" if buckets else c.open_questions(),
                columns=[c.label("business.need"), c.label("business.how_it_helps")],
                rows=[[f.need, f.how_it_helps] for f in content.fit],
                widths=[1, 1],
                assumptions=[f.assumption for f in content.fit],
                assumption_label=c.assumption,
                row_notes=[c.notes(f.need, f) for f in content.fit],
                caption=caption if not buckets else "",
            )
        )
    if content.risks:
        risks = sorted(content.risks, key=lambda r: -(r.likelihood * r.impact))
        slides.append(
            TableSlide(
                c.titled("business.risks"),
                columns=[c.label(f"business.{k}") for k in ("risk", "likelihood", "impact", "mitigation")],
                rows=[[r.risk, str(r.likelihood), str(r.impact), r.mitigation] for r in risks],
                widths=[4.5, 1.3, 1.2, 5],
                assumptions=[r.assumption for r in risks],
                assumption_label=c.assumption,
                row_notes=[c.notes(r.risk, r) for r in risks],
            )
        )
    return slides, c.cited
