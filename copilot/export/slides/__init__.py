"""Slide builders, one per step: session content in, DeckSpec slides and the evidence ids they cite out.

common           labels, evidence notes, assumption marks, small text helpers
service_design   SD-01 … SD-08
stakeholders     SC-01 … SC-05
ai_opportunity   AI-01 … AI-03
canvas           a step without content as a handout: its question over an empty table
"""

from __future__ import annotations

from copilot.export.slides import ai_opportunity, service_design, stakeholders
from copilot.export.slides.canvas import canvas
from copilot.export.slides.common import Builder, has_content, notes_for

# step id -> slides builder; each returns its slides and the evidence ids they cite
SLIDES: dict[str, Builder] = {
    "SD-01": service_design.challenge_brief,
    "SD-02": service_design.research_synthesis,
    "SD-03": service_design.personas,
    "SD-04": service_design.current_journey,
    "SD-05": service_design.how_might_we,
    "SD-06": service_design.ideation,
    "SD-07": service_design.prioritisation,
    "SD-08": service_design.service_blueprint,
    "SC-01": stakeholders.stakeholder_map,
    "SC-02": stakeholders.influence_map,
    "SC-03": stakeholders.impact_readiness,
    "SC-04": stakeholders.case_for_change,
    "SC-05": stakeholders.engagement_plan,
    "AI-01": ai_opportunity.opportunity_scan,
    "AI-02": ai_opportunity.shelved_ideas,
    "AI-03": ai_opportunity.business_case,
}

__all__ = ["SLIDES", "Builder", "canvas", "has_content", "notes_for"]
