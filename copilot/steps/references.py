"""Steps that refer to another step's items by id: the names people know them by."""

from __future__ import annotations

from copilot.session import Session
from copilot.steps.catalogue import STEPS


def stakeholder_roles(session: Session) -> dict[str, str]:
    """SC-01 stakeholder ids to their roles, for steps that refer to stakeholders by id (SC-02, SC-05)."""
    content = session.content("SC-01", STEPS["SC-01"].schema) if "SC-01" in session.step_ids() else None
    return {s.id: s.role for s in getattr(content, "stakeholders", None) or [] if s.role.strip()}
