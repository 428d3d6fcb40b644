"""Slides for track A, service design: SD-01 … SD-08."""

from __future__ import annotations

from copilot.export.deckspec import (
    BriefSlide,
    Card,
    CardsSlide,
    ChartPoint,
    ChartSeries,
    ChartSlide,
    Slide,
    TableSlide,
)
from copilot.export.slides.common import (
    Context,
    bullets,
    dots,
    evidence_ids,
    in_line,
    join_notes,
    listed,
    slides_of,
    stages,
)
from copilot.export.tables import scale_colour
from copilot.export.text import numbered, shorten
from copilot.i18n import t
from copilot.session import Session
from copilot.steps.quote_marks import deck_safe
from copilot.steps.schemas import (
    ChallengeBrief,
    CurrentJourney,
    HowMightWe,
    Ideation,
    Item,
    JourneyStage,
    Personas,
    Prioritisation,
    ResearchSynthesis,
    ServiceBlueprint,
)

CARDS_PER_SLIDE = 6
PERSONAS_PER_SLIDE = 3
STAGES_PER_SLIDE = 5  # journey stages side by side on one slide
LANES_PER_SLIDE = 4  # blueprint stages: more text per cell, fewer columns
FILLED = ("emotion", "touchpoints", "pains")  # journey rows shown even when empty: the map's core
LABEL_FILL = "E9ECEF"  # the row-label column of a table read across (journey, blueprint, strip)
MOMENT_FILL = "FCE7B2"  # a moment of truth
VISIBILITY_FILL = "9CA3AF"  # the line of visibility
ASSUMPTION_FILL = "FBE3C8"  # a column that rests on no evidence


def challenge_brief(session: Session, language: str) -> tuple[list[Slide], list[str]]:
    """SD-01: the challenge, why now, scope in and out, segments, and the KPIs from baseline to target."""
    c = Context(session, "SD-01", language)
    brief: ChallengeBrief = c.content
    panels, notes = [], []
    for key, items, text in (
        ("scope_in", brief.scope_in, lambda i: i.text),
        ("scope_out", brief.scope_out, lambda i: i.text),
        ("segments", brief.segments, lambda s: f"{s.name} — {s.description}" if s.description else s.name),
    ):
        if items:
            panels.append(Card(c.label(f"brief.{key}"), bullets(c.marked(text(i), i) for i in items)))
            notes += [c.notes(text(i), i) for i in items]
    table = None
    if brief.kpis:
        table = TableSlide(
            c.titled("brief.kpis"),
            columns=[c.label("brief.kpi"), c.label("brief.baseline"), c.label("brief.target")],
            rows=[[k.name, k.baseline or "–", f"→ {k.target}" if k.target else "–"] for k in brief.kpis],
            widths=[5, 2.6, 2.6],
            assumptions=[k.assumption for k in brief.kpis],
            assumption_label=c.assumption,
            row_notes=[c.notes(k.name, k) for k in brief.kpis],
        )
        notes += table.row_notes
    slide = BriefSlide(
        c.title,
        notes=join_notes(*notes, c.open_questions()),
        statement=brief.challenge or c.label("brief.to_write"),  # computed briefs leave the question to people
        lead=f"{c.label('brief.why_now')}: {brief.why_now}" if brief.why_now.strip() else "",
        panels=panels,
        table=table,
        assumption_label=c.assumption,
    )
    return [slide], c.cited


def research_synthesis(session: Session, language: str) -> tuple[list[Slide], list[str]]:
    """SD-02: the affinity board, a card per main theme with its strongest quote and its sub-themes' labels;
    the sub-themes' quotes go in the notes under their theme."""
    c = Context(session, "SD-02", language)
    content: ResearchSynthesis = c.content

    def card(theme) -> Card:
        first = c.first_quote(theme, besides=theme.insight)
        body = theme.insight + (f"\n\n“{shorten(first, 150)}”" if first else "")
        parts = content.parts_of(theme)
        if parts:
            body += "\n\n" + c.label("synthesis.parts", parts=" · ".join(part.label for part in parts))
        counted = theme.n_sources or c.sources(theme)
        # an assumption card says so itself; "0 sources" under it adds nothing
        footer = " · ".join(
            filter(None, [t("deck.sources", language, n=counted) if counted else "", ", ".join(theme.evidence[:3])])
        )
        return Card(theme.label, body, footer, theme.assumption)

    def part_notes(theme) -> str:
        return join_notes(
            *(c.notes(f"{c.label('synthesis.part')}: {part.label}", part) for part in content.parts_of(theme))
        )

    return c.card_slides(content.main_themes(), CARDS_PER_SLIDE, card, more_notes=part_notes), c.cited


def personas(session: Session, language: str) -> tuple[list[Slide], list[str]]:
    """SD-03: a card per persona: jobs, pains, gains and how much they need a person."""
    c = Context(session, "SD-03", language)
    content: Personas = c.content

    def card(persona) -> Card:
        jobs, pains_gains = [], []
        for key, values, into in (
            ("functional", persona.jobs.functional, jobs),
            ("emotional", persona.jobs.emotional, jobs),
            ("social", persona.jobs.social, jobs),
            ("pains", persona.pains, pains_gains),
            ("gains", persona.gains, pains_gains),
        ):
            if values:
                into.append(f"{c.label(f'persona.{key}')}: {in_line(values)}")
        contact = f"{c.label('persona.contact')}: {dots(persona.human_contact_need)}"
        if persona.human_contact_moments:
            contact += f"\n{c.label('persona.contact_when')}: {in_line(persona.human_contact_moments)}"
        quote = persona.quote or shorten(c.first_quote(persona), 140)
        blocks = [
            persona.description,
            "\n".join(jobs),
            "\n".join(pains_gains),
            contact,
            f"“{quote}”" if quote else "",
        ]
        body = "\n\n".join(b for b in blocks if b)
        footer = " · ".join(filter(None, [persona.segment, evidence_ids(persona)]))
        return Card(persona.name, body, footer, persona.assumption)

    return c.card_slides(content.personas, PERSONAS_PER_SLIDE, card), c.cited


def _evidence_cell(c: Context, stage: Item) -> str:
    """How many quotes a stage rests on, and whether it is an assumption: the ids are for the notes and the
    appendix; on the wall "q58dbd702ce, qf1cce65034" is noise."""
    counted = t("deck.quotes", c.language, n=len(stage.evidence)) if stage.evidence else ""
    return "\n".join(filter(None, [counted, c.assumption if stage.assumption else ""]))


def _signed(value: int) -> str:
    return f"+{value}" if value > 0 else ("−" + str(-value) if value < 0 else "0")


def current_journey(session: Session, language: str) -> tuple[list[Slide], list[str]]:
    """SD-04: the journey as a table, stages as columns, and the emotion curve over the stages."""
    c = Context(session, "SD-04", language)
    content: CurrentJourney = c.content
    caption = " · ".join(filter(None, [content.journey, content.persona]))
    groups = slides_of(content.stages, STAGES_PER_SLIDE)
    filled = {key for s in content.stages for key in JourneyStage.model_fields if getattr(s, key)}
    slides: list[Slide] = []
    for number, group in enumerate(groups, start=1):
        names = [f"{s.name} ★" if s.moment_of_truth else s.name for s in group]
        rows = [
            ("emotion", [_signed(s.emotion) for s in group], [scale_colour(s.emotion, -2, 2) for s in group]),
            ("actions", [listed(s.actions) for s in group], None),
            ("touchpoints", [listed(s.touchpoints) for s in group], None),
            ("pains", [listed(s.pains) for s in group], None),
            (
                "moment_of_truth",
                [c.label("journey.star") if s.moment_of_truth else "" for s in group],
                [MOMENT_FILL if s.moment_of_truth else None for s in group],
            ),
            ("time_well", [c.label(f"journey.{s.time_well}") if s.time_well else "" for s in group], None),
        ]
        # a row no stage has anything in is left to the team, named in the notes: on the wall it read as unfinished
        rows, empty = (
            [row for row in rows if row[0] in FILLED or row[0] in filled],
            [c.label(f"journey.{row[0]}") for row in rows if row[0] not in FILLED and row[0] not in filled],
        )
        table = [[c.label(f"journey.{key}"), *cells] for key, cells, _ in rows]
        fills = [[LABEL_FILL, *(colours or [None] * len(group))] for _, _, colours in rows]
        table.append([c.label("evidence"), *(_evidence_cell(c, s) for s in group)])
        fills.append([LABEL_FILL, *(ASSUMPTION_FILL if s.assumption else None for s in group)])
        to_fill = c.label("journey.to_fill", rows=", ".join(empty)) if empty else ""
        slides.append(
            TableSlide(
                numbered(c.title, number, len(groups)),
                notes=join_notes(
                    to_fill, *(c.notes(s.name, s) for s in group), c.open_questions() if number == 1 else ""
                ),
                columns=[c.label("journey.stage"), *names],
                rows=table,
                widths=[1.5, *([2.1] * len(group))],
                fills=fills,
                caption=caption,
            )
        )
    if content.stages:
        # the low point among the stages research speaks to; none when the curve is flat
        lowest = min([s for s in content.stages if not s.assumption] or content.stages, key=lambda s: s.emotion)
        flat = all(s.emotion == lowest.emotion for s in content.stages)
        slides.append(
            ChartSlide(
                c.titled("journey.curve"),
                notes=join_notes(*(c.notes(s.name, s) for s in content.stages)),
                kind="line",
                categories=[f"★ {s.name}" if s.moment_of_truth else s.name for s in content.stages],
                series=[ChartSeries(c.label("journey.emotion"), [s.emotion for s in content.stages])],
                category_assumptions=[s.assumption for s in content.stages],
                y_min=-2,
                y_max=2,
                y_title=c.label("journey.emotion"),
                number_format="+0;-0;0",
                caption=" · ".join(
                    ([] if flat else [c.label("journey.lowest", stage=lowest.name)])
                    + ([c.label("journey.star_legend")] if any(s.moment_of_truth for s in content.stages) else [])
                ),
                assumption_label=c.assumption,
            )
        )
    return slides, c.cited


def _without_pain(question: str, pain: str) -> str:
    """A starter that ends in its pain ("… wegnemen in de fase Verhuizen? — Verhuizing was een drama") shows
    only the question: the pain stands in the column beside it, and twice the same words is noise on a slide."""
    head, dash, tail = question.rpartition(" — ")
    return head if dash and pain and tail.rstrip(".…!? ") and pain.startswith(tail.rstrip(".…!? ")) else question


def how_might_we(session: Session, language: str) -> tuple[list[Slide], list[str]]:
    """SD-05: the questions grouped by journey stage, in journey order."""
    c = Context(session, "SD-05", language)
    content: HowMightWe = c.content
    names = stages(session)
    order = list(names)
    for question in content.questions:  # stages the journey does not know follow, in the order they appear
        if question.stage and question.stage not in order:
            order.append(question.stage)
    questions = sorted(
        content.questions, key=lambda q: order.index(q.stage) if q.stage in order else len(order)
    )  # sorted() keeps the questions' own order within a stage
    rows, previous = [], None
    for question in questions:
        stage = names.get(question.stage, question.stage) or c.label("hmw.no_stage")
        rows.append(
            [stage if stage != previous else "", _without_pain(question.question, question.pain), question.pain]
        )
        previous = stage
    slide = TableSlide(
        c.title,
        notes=c.open_questions(),
        columns=[c.label("hmw.stage"), c.label("hmw.question"), c.label("hmw.pain")],
        rows=rows,
        widths=[2.2, 6, 3.4],
        assumptions=[q.assumption for q in questions],
        assumption_label=c.assumption,
        row_notes=[c.notes(q.question, q) for q in questions],
    )
    return [slide], c.cited


def ideation(session: Session, language: str) -> tuple[list[Slide], list[str]]:
    """SD-06: the idea gallery, a card per idea with the question it answers and what it does to contact."""
    c = Context(session, "SD-06", language)
    content: Ideation = c.content
    hmw = deck_safe(session, "SD-05", session.content("SD-05", HowMightWe), language)  # its quotations too
    questions = {q.id: q.question for q in (hmw.questions if hmw else [])}
    cards, notes = [], []
    for idea in content.ideas:
        details = []
        if idea.hmw:
            details.append(f"{c.label('idea.hmw')}: {questions.get(idea.hmw, idea.hmw)}")
        details.append(
            f"{c.label('idea.ai_role')}: {c.label(f'idea.ai.{idea.ai_role}')} · "
            f"{c.label('idea.human_touch')}: {c.label(f'idea.touch.{idea.human_touch}')}"
        )
        if idea.handover:
            details.append(f"{c.label('idea.handover')}: {idea.handover}")
        body = "\n\n".join(filter(None, [idea.pitch, "\n".join(details)]))
        cards.append(Card(idea.title, body, evidence_ids(idea), idea.assumption))
        notes.append(c.notes(idea.title, idea))
    slide = CardsSlide(
        c.title, notes=join_notes(*notes, c.open_questions()), cards=cards, assumption_label=c.assumption
    )
    return [slide], c.cited


QUADRANTS = ("quick-win", "big-bet", "fill-in", "money-pit")  # top-left, top-right, bottom-left, bottom-right


def prioritisation(session: Session, language: str) -> tuple[list[Slide], list[str]]:
    """SD-07: impact against effort as a 2×2, and the scores as a table (with RICE when the team used it)."""
    c = Context(session, "SD-07", language)
    content: Prioritisation = c.content
    ideas = deck_safe(session, "SD-06", session.content("SD-06", Ideation), language)  # its quotations too
    titles = {i.id: i.title for i in (ideas.ideas if ideas else [])}

    def title(score) -> str:
        return score.title or titles.get(score.idea, score.idea)

    scores = sorted(
        content.scores,
        key=lambda s: (s.rice is None, -(s.rice or 0), -s.impact, s.effort),
    )
    chart = ChartSlide(
        c.titled("priority.chart"),
        notes=join_notes(*(c.notes(title(s), s) for s in scores), c.open_questions()),
        kind="scatter",
        points=[ChartPoint(title(s), s.effort, s.impact, assumption=s.assumption) for s in scores],
        quadrants=[c.label(f"priority.quadrants.{q}") for q in QUADRANTS],
        x_title=c.label("priority.x_title"),
        y_title=c.label("priority.y_title"),
        assumption_label=c.assumption,
    )
    rice = any(s.reach is not None or s.confidence is not None for s in scores)
    columns = [c.label("priority.idea"), c.label("priority.impact"), c.label("priority.effort")]
    widths = [3.2, 1.1, 1.3]
    if rice:
        columns += [c.label("priority.reach"), c.label("priority.confidence"), c.label("priority.rice")]
        widths += [1.2, 1.4, 1.1]
    columns += [c.label("priority.quadrant"), c.label("priority.rationale")]
    widths += [1.6, 4.5]
    rows = []
    unscored = c.unjudged  # effort waits for the team: no quadrant is claimed before it is scored
    for s in scores:
        row = [title(s), str(s.impact), "?" if unscored else str(s.effort)]
        if rice:
            row += [
                f"{s.reach:,}".replace(",", "." if language == "nl" else ",") if s.reach is not None else "–",
                str(s.confidence) if s.confidence is not None else "–",
                f"{s.rice:,.0f}".replace(",", "." if language == "nl" else ",") if s.rice is not None else "–",
            ]
        quadrant = c.label("priority.unscored") if unscored else c.label(f"priority.quadrants.{s.quadrant}")
        rows.append([*row, quadrant, s.rationale])
    table = TableSlide(
        c.title,
        columns=columns,
        rows=rows,
        widths=widths,
        assumptions=[s.assumption for s in scores],
        assumption_label=c.assumption,
        row_notes=[c.notes(title(s), s) for s in scores],
    )
    return [chart, table], c.cited


LANES = ("customer", "frontstage_human", "frontstage_ai", "backstage", "support")


def service_blueprint(session: Session, language: str) -> tuple[list[Slide], list[str]]:
    """SD-08: the swimlanes, stages as columns, with the line of visibility, handovers and fail points."""
    c = Context(session, "SD-08", language)
    content: ServiceBlueprint = c.content
    handovers = {s.id: [h for h in content.handovers if h.stage == s.id] for s in content.stages}
    fails = {s.id: [f for f in content.fail_points if f.stage == s.id] for s in content.stages}
    lane_names = {lane: c.label(f"blueprint.{lane}") for lane in LANES}
    groups = slides_of(content.stages, LANES_PER_SLIDE)
    slides: list[Slide] = []
    for number, group in enumerate(groups, start=1):
        rows, fills = [], []
        for lane in LANES:
            if lane == "backstage":  # what the customer sees sits above this line, the rest below it
                rows.append(
                    [c.label("blueprint.visibility"), c.label("blueprint.visibility_cell")] + [""] * (len(group) - 1)
                )
                fills.append([VISIBILITY_FILL] * (len(group) + 1))
            rows.append([lane_names[lane], *(getattr(s, lane) for s in group)])
            fills.append([LABEL_FILL, *([None] * len(group))])
        rows.append(
            [
                c.label("blueprint.handovers"),
                *(
                    "\n".join(
                        c.marked(
                            f"⇄ {h.trigger} ({c.label(f'blueprint.direction.{h.direction}')})"
                            + (f": {h.context_passed}" if h.context_passed else ""),
                            h,
                        )
                        for h in handovers[s.id]
                    )
                    for s in group
                ),
            ]
        )
        rows.append(
            [
                c.label("blueprint.fail_points"),
                *(
                    "\n".join(
                        c.marked(
                            f"⚠ {lane_names[f.lane]}: {f.failure}"
                            + (f" → {f.effect}" if f.effect else "")
                            + (f". {c.label('blueprint.fix')}: {f.fix}" if f.fix else ""),
                            f,
                        )
                        for f in fails[s.id]
                    )
                    for s in group
                ),
            ]
        )
        fills += [[LABEL_FILL, *([None] * len(group))]] * 2
        rows.append([c.label("evidence"), *(_evidence_cell(c, s) for s in group)])
        fills.append([LABEL_FILL, *(ASSUMPTION_FILL if s.assumption else None for s in group)])
        notes = [c.notes(s.name, s) for s in group]
        notes += [c.notes(f"⇄ {h.trigger}", h) for s in group for h in handovers[s.id]]
        notes += [c.notes(f"⚠ {f.failure}", f) for s in group for f in fails[s.id]]
        slides.append(
            TableSlide(
                numbered(c.title, number, len(groups)),
                notes=join_notes(*notes, c.open_questions() if number == 1 else ""),
                columns=[c.label("blueprint.lane"), *(s.name for s in group)],
                rows=rows,
                widths=[1.7, *([2.6] * len(group))],
                fills=fills,
                caption=c.label("blueprint.caption"),
            )
        )
    # handovers and fail points whose stage is not in the blueprint still reach the notes and the appendix
    c.cite([*content.handovers, *content.fail_points])
    return slides, c.cited
