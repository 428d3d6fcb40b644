"""Track A, service design (Double Diamond): SD-01 … SD-08."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from copilot.steps.schemas.base import Emotion, Item, Part, Scale, StepOutput

TimeWell = Literal["saved", "spent", ""]
AiRole = Literal["none", "self-service", "agent-assist", "backstage"]
HumanTouch = Literal["replaces", "keeps", "enhances"]
Lane = Literal["customer", "frontstage_human", "frontstage_ai", "backstage", "support"]

# --- SD-01 -----------------------------------------------------------------------------------------


class ScopeItem(Item):
    text: str = Field(description="what is in (or out of) scope, in a few words")


class Segment(Item):
    name: str = Field(description="the customer segment")
    description: str = Field("", description="who they are and why they matter here")


class Kpi(Item):
    name: str = Field(description="what is measured, e.g. repeat contact within 14 days")
    baseline: str = Field("", description="today's value with its source, or 'unknown'")
    target: str = Field("", description="the value the team aims for, and by when")


class ChallengeBrief(StepOutput):
    """SD-01: the design challenge on one page."""

    challenge: str = Field(description="the challenge as one question: how might we … for … so that …")
    why_now: str = Field("", description="why this matters now, in one or two sentences")
    scope_in: list[ScopeItem] = Field(default_factory=list, description="what the trajectory covers")
    scope_out: list[ScopeItem] = Field(default_factory=list, description="what it deliberately leaves out")
    segments: list[Segment] = Field(default_factory=list, description="customer segments in focus")
    kpis: list[Kpi] = Field(default_factory=list, description="how success is measured")


# --- SD-02 -----------------------------------------------------------------------------------------


class Theme(Item):
    label: str = Field(description="a sticky-note name, at most 6 words")
    insight: str = Field("", description="what customers experience and why it matters")
    n_sources: int = Field(0, ge=0, description="how many different sources the cited quotes come from")
    part_of: str = Field("", description="id of the theme this is a sub-theme of; empty for a main theme")


class ResearchSynthesis(StepOutput):
    """SD-02: themes found in the research."""

    themes: list[Theme] = Field(default_factory=list, description="themes, strongest first")

    def main_themes(self) -> list[Theme]:
        """The themes on the wall: every theme but the sub-themes of a main theme. One level only, so a sub-theme
        whose main theme was removed, or that names a sub-theme (or itself) as its theme, stands on its own."""
        roots = self._roots()
        return [theme for theme in self.themes if theme.part_of not in roots or theme.part_of == theme.id]

    def parts_of(self, theme: Theme) -> list[Theme]:
        """The sub-themes of `theme`, in their order; none unless it is a main theme of its own."""
        if theme.id not in self._roots():
            return []
        return [part for part in self.themes if part.part_of == theme.id and part.id != theme.id]

    def _roots(self) -> set[str]:
        return {theme.id for theme in self.themes if not theme.part_of}


# --- SD-03 -----------------------------------------------------------------------------------------


class Jobs(Part):
    functional: list[str] = Field(default_factory=list, description="what they need to get done")
    emotional: list[str] = Field(default_factory=list, description="how they want to feel")
    social: list[str] = Field(default_factory=list, description="how they want to be seen")


class Persona(Item):
    name: str = Field(description="a first name and a short tag, e.g. 'Ria, recently widowed'")
    description: str = Field("", description="who they are, in two sentences")
    segment: str = Field("", description="the segment they belong to")
    jobs: Jobs = Field(default_factory=Jobs, description="jobs to be done")
    pains: list[str] = Field(default_factory=list, description="what gets in their way")
    gains: list[str] = Field(default_factory=list, description="what would make it better")
    human_contact_need: Scale = Field(description="need for a person: 1 self-service is fine … 5 wants a person")
    human_contact_moments: list[str] = Field(default_factory=list, description="when they want a person, not a bot")
    quote: str = Field("", description="one short verbatim sentence from a cited quote, or empty")


class Personas(StepOutput):
    """SD-03: personas with their jobs, pains, gains and need for human contact."""

    personas: list[Persona] = Field(default_factory=list, description="personas, each on a recurring pattern")


# --- SD-04 -----------------------------------------------------------------------------------------


class JourneyStage(Item):
    name: str = Field(description="the stage, in the customer's words")
    actions: list[str] = Field(default_factory=list, description="what the customer does")
    touchpoints: list[str] = Field(default_factory=list, description="channels and moments of contact")
    emotion: Emotion = Field(0, description="how it feels: -2 very negative … +2 very positive")
    pains: list[str] = Field(default_factory=list, description="what goes wrong here")
    moment_of_truth: bool = Field(False, description="true when this stage makes or breaks trust")
    time_well: TimeWell = Field(
        "", description="'saved': time the customer wants back; 'spent': time worth a person's attention; or ''"
    )


class CurrentJourney(StepOutput):
    """SD-04: the journey as it is today, stage by stage."""

    journey: str = Field("", description="which journey this is")
    persona: str = Field("", description="whose journey, if one persona")
    stages: list[JourneyStage] = Field(
        default_factory=list, description="stages in the order the customer goes through them"
    )


# --- SD-05 -----------------------------------------------------------------------------------------


class HmwQuestion(Item):
    question: str = Field(description="a question starting 'How might we', in the answer's language")
    pain: str = Field("", description="the pain it turns into an opportunity")
    stage: str = Field("", description="id of the journey stage it belongs to")


class HowMightWe(StepOutput):
    """SD-05: how-might-we questions tied to pains and journey stages."""

    questions: list[HmwQuestion] = Field(default_factory=list, description="how-might-we questions")


# --- SD-06 -----------------------------------------------------------------------------------------


class Idea(Item):
    title: str = Field(description="a catchy name, at most 6 words")
    pitch: str = Field("", description="what it is and what the customer notices, in two sentences")
    hmw: str = Field("", description="id of the how-might-we question it answers")
    ai_role: AiRole = Field("none", description="what AI does in it")
    human_touch: HumanTouch = Field("keeps", description="what it does to human contact")
    handover: str = Field("", description="how and when a person takes over, if AI is involved")


class Ideation(StepOutput):
    """SD-06: ideas for the how-might-we questions."""

    ideas: list[Idea] = Field(default_factory=list, description="ideas, varied")


# --- SD-07 -----------------------------------------------------------------------------------------


class IdeaScore(Item):
    idea: str = Field(description="id of the idea")
    title: str = Field("", description="the idea's title")
    impact: Scale = Field(description="impact for customers and organisation: 1 small … 5 large")
    effort: Scale = Field(description="effort to build and run: 1 small … 5 large")
    reach: int | None = Field(None, ge=0, description="RICE only: customers reached per quarter")
    confidence: Scale | None = Field(None, description="RICE only: how sure the team is, 1 … 5")
    rationale: str = Field("", description="why these scores, in one sentence")

    @property
    def quadrant(self) -> str:
        """quick-win, big-bet, fill-in or money-pit: where it lands on the impact/effort 2×2."""
        high_impact, high_effort = self.impact >= 3, self.effort >= 3
        if high_impact:
            return "big-bet" if high_effort else "quick-win"
        return "money-pit" if high_effort else "fill-in"

    @property
    def rice(self) -> float | None:
        """Reach × impact × confidence ÷ effort, when reach and confidence are filled in."""
        if self.reach is None or self.confidence is None:
            return None
        return self.reach * self.impact * self.confidence / self.effort


class Prioritisation(StepOutput):
    """SD-07: impact and effort per idea, optionally RICE."""

    scores: list[IdeaScore] = Field(default_factory=list, description="one score per idea")


# --- SD-08 -----------------------------------------------------------------------------------------


class BlueprintStage(Item):
    name: str = Field(description="the journey stage")
    customer: str = Field("", description="what the customer does")
    frontstage_human: str = Field("", description="what an employee does in view of the customer")
    frontstage_ai: str = Field("", description="what a bot, app or AI does in view of the customer")
    backstage: str = Field("", description="what happens out of sight")
    support: str = Field("", description="systems, data, teams and partners that make it possible")


class Handover(Item):
    stage: str = Field(description="id of the stage")
    trigger: str = Field(description="what makes the handover happen, e.g. two failed bot answers")
    direction: Literal["ai-to-human", "human-to-ai", "team-to-team"] = Field(
        "ai-to-human", description="who hands over to whom"
    )
    context_passed: str = Field("", description="what goes along, so the customer never repeats themselves")


class FailPoint(Item):
    stage: str = Field(description="id of the stage")
    lane: Lane = Field(description="the lane where it fails")
    failure: str = Field(description="what goes wrong")
    effect: str = Field("", description="what the customer notices")
    fix: str = Field("", description="a first idea to prevent it")


class ServiceBlueprint(StepOutput):
    """SD-08: stages × lanes, with handover triggers and fail points."""

    stages: list[BlueprintStage] = Field(default_factory=list, description="one per journey stage, with its lanes")
    handovers: list[Handover] = Field(
        default_factory=list, description="every passage from bot to person or between teams"
    )
    fail_points: list[FailPoint] = Field(default_factory=list, description="where the service fails")
