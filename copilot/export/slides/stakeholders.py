"""Slides for track B, stakeholders & change: SC-01 … SC-05 (all but SC-04 confidential)."""

from __future__ import annotations

from copilot.export.deckspec import (
    Card,
    CardsSlide,
    ChartPoint,
    ChartSlide,
    HeatmapSlide,
    ImageSlide,
    Slide,
    TableSlide,
)
from copilot.export.matrix import STANCES as STANCE_COLOURS
from copilot.export.network import Legend, Link, Node, network_png
from copilot.export.network_layout import influence_network
from copilot.export.slides.common import Context, bullets, dots, join_notes
from copilot.export.text import shorten
from copilot.i18n import choice_label
from copilot.session import Session
from copilot.steps.references import stakeholder_roles
from copilot.steps.schemas import (
    CaseForChange,
    EngagementPlan,
    ImpactReadiness,
    InfluenceMap,
    StakeholderMap,
)
from copilot.steps.schemas.stakeholders import ADKAR

STANCES = ("unaware", "resistant", "neutral", "supportive", "leading")  # the engagement scale, in order
POWER_INTEREST = ("satisfied", "manage", "monitor", "informed")  # top-left, top-right, bottom-left, bottom-right


def _stance_colour(stance: str) -> str:
    return STANCE_COLOURS[STANCES.index(stance)][1] if stance in STANCES else "CBD5E1"


def stakeholder_map(session: Session, language: str) -> tuple[list[Slide], list[str]]:
    """SC-01: power against interest, a bubble per stakeholder coloured by stance, and the table behind it."""
    c = Context(session, "SC-01", language)
    content: StakeholderMap = c.content
    people = content.stakeholders
    stance = {s: choice_label(s, c.language) for s in STANCES}
    unplaced = content.unplaced()  # an empty grid to place them on, and "–" for what nobody judged yet
    chart = ChartSlide(
        c.title,
        notes=join_notes(*(c.notes(s.role, s) for s in people), c.open_questions()),
        kind="bubble",
        points=[]
        if unplaced
        else [ChartPoint(s.role, s.interest, s.power, 1, stance[s.stance], s.assumption) for s in people],
        waiting=[s.role for s in people] if unplaced else [],
        waiting_label=c.label("stakeholders.to_place"),
        groups=[stance[s] for s in STANCES],
        quadrants=[c.label(f"stakeholders.quadrants.{q}") for q in POWER_INTEREST],
        x_title=c.label("stakeholders.x_title"),
        y_title=c.label("stakeholders.y_title"),
        assumption_label=c.assumption,
    )
    ordered = sorted(people, key=lambda s: (-s.power, -s.interest))
    table = TableSlide(
        c.title,
        columns=[c.label(f"stakeholders.{k}") for k in ("role", "power", "interest", "stance", "cares_about")],
        rows=[
            [
                s.role,
                *(("–",) * 3 if unplaced else (str(s.power), str(s.interest), stance[s.stance])),
                "; ".join(s.cares_about),
            ]
            for s in ordered
        ],
        widths=[3.2, 1.1, 1.1, 1.6, 5],
        assumptions=[s.assumption for s in ordered],
        assumption_label=c.assumption,
        row_notes=[c.notes(s.role, s) for s in ordered],
    )
    return [chart, table], c.cited


def influence_map(session: Session, language: str) -> tuple[list[Slide], list[str]]:
    """SC-02: the influence network as a picture, the links as a table, and the coalition candidates."""
    c = Context(session, "SC-02", language)
    content: InfluenceMap = c.content
    roles = stakeholder_roles(session)
    mapped = session.content("SC-01", StakeholderMap) if "SC-01" in session.step_ids() else None
    stances = {s.id: s.stance for s in (mapped.stakeholders if mapped else [])}

    def name(stakeholder_id: str) -> str:
        return roles.get(stakeholder_id, stakeholder_id)

    slides: list[Slide] = []
    link_notes = [c.notes(f"{name(k.source)} → {name(k.target)}", k) for k in content.links]
    if content.links:
        ringed = {k.stakeholder.strip() for k in content.coalition}
        ids, _ = influence_network(content)  # the notebook's picture draws the same network
        nodes = [Node(i, name(i), _stance_colour(stances.get(i, "")), i in ringed) for i in ids]
        present = [s for s in STANCES if s in {stances.get(i) for i in ids}]
        legend = Legend(
            [(choice_label(s, c.language), _stance_colour(s)) for s in present],
            c.label("influence.ring") if ringed else "",
        )
        drawn = [k for k in content.links if k.source.strip() and k.target.strip()]
        image = network_png(nodes, [Link(k.source.strip(), k.target.strip(), k.strength, k.how) for k in drawn], legend)
        if image:
            slides.append(
                ImageSlide(
                    c.titled("influence.network"),
                    notes=join_notes(*link_notes, c.open_questions()),
                    image=image,
                    caption=c.label("influence.network_caption"),
                )
            )
        links = sorted(content.links, key=lambda k: -k.strength)
        slides.append(
            TableSlide(
                c.titled("influence.links"),
                columns=[c.label(f"influence.{k}") for k in ("source", "target", "how", "strength")],
                rows=[[name(k.source), name(k.target), k.how, dots(k.strength)] for k in links],
                widths=[3, 3, 4, 1.8],
                assumptions=[k.assumption for k in links],
                assumption_label=c.assumption,
                row_notes=[c.notes(f"{name(k.source)} → {name(k.target)}", k) for k in links],
            )
        )
    if content.coalition:
        slides.append(
            TableSlide(
                c.titled("influence.coalition"),
                columns=[c.label(f"influence.{k}") for k in ("candidate", "why", "brings")],
                rows=[[name(k.stakeholder), k.why, k.brings] for k in content.coalition],
                widths=[3, 5, 4],
                assumptions=[k.assumption for k in content.coalition],
                assumption_label=c.assumption,
                row_notes=[c.notes(name(k.stakeholder), k) for k in content.coalition],
            )
        )
    return slides, c.cited


def impact_readiness(session: Session, language: str) -> tuple[list[Slide], list[str]]:
    """SC-03: ADKAR readiness per group as a heatmap, then what changes and the first barrier per group."""
    c = Context(session, "SC-03", language)
    content: ImpactReadiness = c.content
    groups = content.groups
    heatmap = HeatmapSlide(
        c.title,
        notes=join_notes(*(c.notes(g.group, g) for g in groups), c.open_questions()),
        columns=[c.label(f"readiness.adkar.{e}") for e in ADKAR],
        rows=[g.group for g in groups],
        values=[[getattr(g.adkar, e) for e in ADKAR] for g in groups],
        scale_labels=(c.label("readiness.low"), c.label("readiness.high")),
        corner=c.label("readiness.group"),
        assumptions=[g.assumption for g in groups],
        assumption_label=c.assumption,
    )
    table = TableSlide(
        c.titled("readiness.barriers"),
        columns=[
            c.label(f"readiness.{k}") for k in ("group", "what_changes", "impact", "first_barrier", "support_needed")
        ],
        rows=[
            [
                g.group,
                g.what_changes,
                dots(g.impact),
                c.label(f"readiness.adkar.{g.first_barrier}") if g.first_barrier else c.label("readiness.no_barrier"),
                g.support_needed,
            ]
            for g in groups
        ],
        widths=[2.4, 4, 1.7, 1.8, 4],
        assumptions=[g.assumption for g in groups],
        assumption_label=c.assumption,
        row_notes=[c.notes(g.group, g) for g in groups],
    )
    return [heatmap, table], c.cited


def case_for_change(session: Session, language: str) -> tuple[list[Slide], list[str]]:
    """SC-04: why now in the customer's words, the vision from → to, and what is in it for each group."""
    c = Context(session, "SC-04", language)
    content: CaseForChange = c.content
    slides: list[Slide] = []
    if content.urgency:
        cards = []
        for point in content.urgency:
            quote = point.quote or shorten(c.first_quote(point), 220)
            cards.append(
                Card(point.point, f"“{quote}”" if quote else "", ", ".join(point.evidence[:3]), point.assumption)
            )
        slides.append(
            CardsSlide(
                c.titled("case.urgency"),
                notes=join_notes(*(c.notes(p.point, p) for p in content.urgency), c.open_questions()),
                cards=cards,
                assumption_label=c.assumption,
            )
        )
    vision = f"{c.label('case.vision')}: {content.vision}" if content.vision.strip() else ""
    if content.shifts:
        shifts = sorted(content.shifts, key=lambda s: s.side != "inside")  # inside first, as the schema asks
        rows, previous = [], None
        for shift in shifts:
            side = c.label(f"case.{shift.side}")
            voice = shorten(c.first_quote(shift), 160)
            rows.append(
                [side if side != previous else "", shift.from_state, shift.to_state, f"“{voice}”" if voice else ""]
            )
            previous = side
        slides.append(
            TableSlide(
                c.titled("case.shifts"),
                notes="" if content.urgency else c.open_questions(),
                columns=["", c.label("case.from"), c.label("case.to"), c.label("case.voice")],
                rows=rows,
                widths=[1.3, 3.6, 3.6, 3.6],
                assumptions=[s.assumption for s in shifts],
                assumption_label=c.assumption,
                row_notes=[c.notes(f"{s.from_state} → {s.to_state}", s) for s in shifts],
                caption=vision,
            )
        )
    elif vision:
        slides.append(CardsSlide(c.titled("case.shifts"), cards=[Card(c.label("case.vision"), content.vision)]))
    if content.in_it_for:
        slides.append(
            TableSlide(
                c.titled("case.in_it_for"),
                columns=[c.label("case.group"), c.label("case.benefit")],
                rows=[[g.group, g.benefit] for g in content.in_it_for],
                widths=[1, 3],
                assumptions=[g.assumption for g in content.in_it_for],
                assumption_label=c.assumption,
                row_notes=[c.notes(g.group, g) for g in content.in_it_for],
            )
        )
    return slides, c.cited


def engagement_plan(session: Session, language: str) -> tuple[list[Slide], list[str]]:
    """SC-05: how each stakeholder moves, the quick wins, and the first 30, 60 and 90 days."""
    c = Context(session, "SC-05", language)
    content: EngagementPlan = c.content
    roles = stakeholder_roles(session)
    stance = {s: choice_label(s, c.language) for s in STANCES}
    slides: list[Slide] = []
    if content.engagements:
        engagements = content.engagements
        slides.append(
            TableSlide(
                c.title,
                notes=c.open_questions(),
                columns=[
                    c.label(f"engagement.{k}") for k in ("stakeholder", "move", "tactic", "messenger", "owner", "date")
                ],
                rows=[
                    [
                        roles.get(e.stakeholder, e.stakeholder),
                        f"{stance[e.current]} → {stance[e.desired]}",
                        e.tactic,
                        e.messenger,
                        e.owner,
                        e.date,
                    ]
                    for e in engagements
                ],
                widths=[2.3, 2.3, 3.8, 2, 2, 1.5],
                assumptions=[e.assumption for e in engagements],
                assumption_label=c.assumption,
                row_notes=[c.notes(roles.get(e.stakeholder, e.stakeholder), e) for e in engagements],
            )
        )
    if content.quick_wins:
        slides.append(
            TableSlide(
                c.titled("engagement.quick_wins"),
                columns=[c.label(f"engagement.{k}") for k in ("action", "owner", "date", "why")],
                rows=[[w.action, w.owner, w.date, w.why] for w in content.quick_wins],
                widths=[4.5, 2.2, 1.6, 4],
                assumptions=[w.assumption for w in content.quick_wins],
                assumption_label=c.assumption,
                row_notes=[c.notes(w.action, w) for w in content.quick_wins],
            )
        )
    if content.roadmap:
        cards = []
        for horizon in (30, 60, 90):
            steps = [s for s in content.roadmap if s.horizon == horizon]
            lines = [
                c.marked(
                    s.action + (f" — {s.owner}" if s.owner else "") + (f"\n   → {s.outcome}" if s.outcome else ""),
                    s,
                )
                for s in steps
            ]
            cards.append(Card(c.label("engagement.horizon", n=horizon), bullets(lines) or "–"))
        slides.append(
            CardsSlide(
                c.titled("engagement.roadmap"),
                notes=join_notes(*(c.notes(f"{s.horizon}: {s.action}", s) for s in content.roadmap)),
                cards=cards,
                assumption_label=c.assumption,
            )
        )
    return slides, c.cited
