"""Output schemas of every step: items carry evidence ids, or are marked as assumptions.

    base              Item, StepOutput, Scale (1–5), Emotion (−2..+2)
    service_design    SD-01 … SD-08
    stakeholders      SC-01 … SC-05
    ai_opportunity    AI-01 … AI-03
    examples          one realistic, valid example per schema (for checks, tests and documentation)

Templates name their schema in `output:` by class name; `SCHEMAS` is that lookup.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from copilot.steps.schemas.ai_opportunity import (
    AiOpportunityScan,
    Amount,
    BusinessCase,
    CaseInputs,
    FitPoint,
    Range,
    Risk,
    ShelvedIdea,
    ShelvedIdeas,
    TouchpointScan,
)
from copilot.steps.schemas.base import Emotion, Item, Part, Scale, StepOutput
from copilot.steps.schemas.service_design import (
    BlueprintStage,
    ChallengeBrief,
    CurrentJourney,
    FailPoint,
    Handover,
    HmwQuestion,
    HowMightWe,
    Idea,
    IdeaScore,
    Ideation,
    Jobs,
    JourneyStage,
    Kpi,
    Persona,
    Personas,
    Prioritisation,
    ResearchSynthesis,
    ScopeItem,
    Segment,
    ServiceBlueprint,
    Theme,
)
from copilot.steps.schemas.stakeholders import (
    Adkar,
    CaseForChange,
    CoalitionCandidate,
    Engagement,
    EngagementPlan,
    GroupBenefit,
    GroupReadiness,
    ImpactReadiness,
    InfluenceLink,
    InfluenceMap,
    QuickWin,
    RoadmapStep,
    Shift,
    Stakeholder,
    StakeholderMap,
    UrgencyPoint,
)


class _Schemas(Mapping):
    """Output schemas by the name templates use in `output:`: those of the declared steps, looked up live so
    a step registered later (a plug-in's, a test's) is known too."""

    def _all(self) -> dict[str, type[StepOutput]]:
        from copilot.steps.registry import schemas

        return schemas()

    def __getitem__(self, name: str) -> type[StepOutput]:
        return self._all()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


SCHEMAS: Mapping[str, type[StepOutput]] = _Schemas()

__all__ = [
    "SCHEMAS",
    "Adkar",
    "AiOpportunityScan",
    "Amount",
    "BlueprintStage",
    "BusinessCase",
    "CaseInputs",
    "CaseForChange",
    "ChallengeBrief",
    "CoalitionCandidate",
    "CurrentJourney",
    "Emotion",
    "Engagement",
    "EngagementPlan",
    "FailPoint",
    "FitPoint",
    "GroupBenefit",
    "GroupReadiness",
    "Handover",
    "HmwQuestion",
    "HowMightWe",
    "Idea",
    "IdeaScore",
    "Ideation",
    "ImpactReadiness",
    "InfluenceLink",
    "InfluenceMap",
    "Item",
    "Jobs",
    "JourneyStage",
    "Kpi",
    "Part",
    "Persona",
    "Personas",
    "Prioritisation",
    "QuickWin",
    "Range",
    "ResearchSynthesis",
    "Risk",
    "RoadmapStep",
    "Scale",
    "ScopeItem",
    "Segment",
    "ServiceBlueprint",
    "ShelvedIdea",
    "ShelvedIdeas",
    "Shift",
    "Stakeholder",
    "StakeholderMap",
    "StepOutput",
    "Theme",
    "TouchpointScan",
    "UrgencyPoint",
]
