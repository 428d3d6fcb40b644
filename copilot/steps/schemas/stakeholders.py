"""Track B, stakeholders & change: SC-01 … SC-05. Confidential by default: the deck leaves them out when shared."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from copilot.steps.schemas.base import Item, Part, Scale, StepOutput

Stance = Literal["unaware", "resistant", "neutral", "supportive", "leading"]
AdkarElement = Literal["awareness", "desire", "knowledge", "ability", "reinforcement"]
ADKAR: tuple[str, ...] = ("awareness", "desire", "knowledge", "ability", "reinforcement")

# --- SC-01 -----------------------------------------------------------------------------------------


class Stakeholder(Item):
    role: str = Field(description="the role or group, not a person's name, e.g. 'team leader front office'")
    power: Scale = Field(description="power over the change: 1 little … 5 decisive")
    interest: Scale = Field(description="how much the change affects or interests them: 1 … 5")
    stance: Stance = Field("neutral", description="where they stand on the change today")
    cares_about: list[str] = Field(default_factory=list, description="what they care about most")


class StakeholderMap(StepOutput):
    """SC-01: who has a stake in the change, with power, interest and stance."""

    stakeholders: list[Stakeholder] = Field(default_factory=list, description="everyone with a stake in the change")

    def unplaced(self) -> bool:
        """Everyone on one spot: a list of candidates nobody has placed on the grid yet (the offline draft puts
        them all in the middle), which pictures show beside an empty grid rather than as a pile in its centre."""
        people = self.stakeholders
        return len(people) > 1 and len({(s.power, s.interest) for s in people}) == 1


# --- SC-02 -----------------------------------------------------------------------------------------


class InfluenceLink(Item):
    source: str = Field(description="id of the stakeholder who influences")
    target: str = Field(description="id of the stakeholder who is influenced")
    strength: Scale = Field(description="how strong the influence is: 1 weak … 5 strong")
    how: str = Field("", description="through what: budget, expertise, trust, formal say …")


class CoalitionCandidate(Item):
    stakeholder: str = Field(description="id of the stakeholder")
    why: str = Field(description="why they belong in the guiding coalition")
    brings: str = Field("", description="what they bring: mandate, expertise, credibility on the floor …")


class InfluenceMap(StepOutput):
    """SC-02: who influences whom, and who could form the guiding coalition."""

    links: list[InfluenceLink] = Field(default_factory=list, description="who influences whom")
    coalition: list[CoalitionCandidate] = Field(
        default_factory=list, description="candidates for the guiding coalition"
    )


# --- SC-03 -----------------------------------------------------------------------------------------


class Adkar(Part):
    awareness: Scale = Field(description="knows why the change is needed")
    desire: Scale = Field(description="wants to take part")
    knowledge: Scale = Field(description="knows how to change")
    ability: Scale = Field(description="can do it in daily work")
    reinforcement: Scale = Field(description="the change is made to last")

    def first_barrier(self, threshold: int = 3) -> str | None:
        """ADKAR's rule: the first element, in order, that scores `threshold` or lower."""
        return next((name for name in ADKAR if getattr(self, name) <= threshold), None)


class GroupReadiness(Item):
    group: str = Field(description="the group of employees or partners")
    what_changes: str = Field(description="what changes for them in daily work")
    impact: Scale = Field(description="how big the change is for them: 1 small … 5 large")
    adkar: Adkar = Field(description="readiness per ADKAR element, 1 low … 5 high")
    first_barrier: AdkarElement | None = Field(
        None, description="the first ADKAR element, in order, scoring 3 or lower"
    )
    support_needed: str = Field("", description="what would help them past that barrier")

    @model_validator(mode="after")
    def _barrier_from_scores(self) -> GroupReadiness:
        if self.first_barrier is None:
            self.first_barrier = self.adkar.first_barrier()
        return self


class ImpactReadiness(StepOutput):
    """SC-03: per group what changes, ADKAR scores and the first barrier."""

    groups: list[GroupReadiness] = Field(default_factory=list, description="one per group facing the same change")


# --- SC-04 -----------------------------------------------------------------------------------------


class UrgencyPoint(Item):
    point: str = Field(description="why change is urgent, from the customer's side")
    quote: str = Field("", description="one short verbatim sentence from a cited quote, or empty")


class Shift(Item):
    side: Literal["inside", "outside"] = Field(
        description="'inside': how we work together; 'outside': what customers experience"
    )
    from_state: str = Field(description="how it is today")
    to_state: str = Field(description="how it will be")


class GroupBenefit(Item):
    group: str = Field(description="a group inside the organisation")
    benefit: str = Field(description="what is in it for them")


class CaseForChange(StepOutput):
    """SC-04: urgency from customer evidence, a from→to vision and what is in it for each group."""

    urgency: list[UrgencyPoint] = Field(
        default_factory=list, description="why change cannot wait, from customer evidence"
    )
    vision: str = Field("", description="the vision in one sentence a team leader can repeat")
    shifts: list[Shift] = Field(default_factory=list, description="from → to; inside shifts first")
    in_it_for: list[GroupBenefit] = Field(default_factory=list, description="what is in it for each group")


# --- SC-05 -----------------------------------------------------------------------------------------

WHEN = "an ISO date (2027-01-15) or a moment such as 'week 3' or 'before the next board meeting'"


def _as_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


class Engagement(Item):
    stakeholder: str = Field(description="id or role of the stakeholder")
    current: Stance = Field(description="stance today")
    desired: Stance = Field(description="stance needed for the change to succeed")
    tactic: str = Field(description="how to move them: involve, inform, co-create, give a role …")
    messenger: str = Field("", description="who they will listen to")
    owner: str = Field("", description="who in the team makes it happen")
    date: str = Field("", description=f"when: {WHEN}")

    @property
    def due(self) -> date | None:
        """The date as a date when it is written as one; plans in workshops are often relative."""
        return _as_date(self.date)


class QuickWin(Item):
    action: str = Field(description="something visible that can be done within weeks")
    owner: str = Field("", description="who makes it happen")
    date: str = Field("", description=f"when: {WHEN}")
    why: str = Field("", description="what it shows people")


class RoadmapStep(Item):
    horizon: Literal[30, 60, 90] = Field(description="within 30, 60 or 90 days")
    action: str = Field(description="what happens")
    owner: str = Field("", description="who makes it happen")
    outcome: str = Field("", description="how we know it worked")


class EngagementPlan(StepOutput):
    """SC-05: per stakeholder current → desired stance and how to get there; quick wins; 30-60-90 days."""

    engagements: list[Engagement] = Field(
        default_factory=list, description="one per stakeholder whose stance must move"
    )
    quick_wins: list[QuickWin] = Field(default_factory=list, description="visible results within weeks")
    roadmap: list[RoadmapStep] = Field(default_factory=list, description="steps within 30, 60 and 90 days")
