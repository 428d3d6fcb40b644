"""Output schemas of every step: items carry evidence ids, or are marked as assumptions.

    base              Item, StepOutput, Scale (1–5), Emotion (−2..+2)
    service_design    SD-01 … SD-08
    stakeholders      SC-01 … SC-05
    ai_opportunity    AI-01 … AI-03
    examples          one realistic, valid example per schema (for checks, tests and documentation)

Templates name their schema in `output:` by class name; `SCHEMAS` is that lookup.
"""

from __future__ import annotations

from copilot.steps.schemas.ai_opportunity import (
    AiOpportunityScan,
    Amount,
    BusinessCase,
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

# output schemas by the name templates use in `output:`
SCHEMAS: dict[str, type[StepOutput]] = {
    schema.__name__: schema
    for schema in (
        ChallengeBrief,
        ResearchSynthesis,
        Personas,
        CurrentJourney,
        HowMightWe,
        Ideation,
        Prioritisation,
        ServiceBlueprint,
        StakeholderMap,
        InfluenceMap,
        ImpactReadiness,
        CaseForChange,
        EngagementPlan,
        AiOpportunityScan,
        ShelvedIdeas,
        BusinessCase,
    )
}

__all__ = [
    "SCHEMAS",
    "Adkar",
    "AiOpportunityScan",
    "Amount",
    "BlueprintStage",
    "BusinessCase",
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
