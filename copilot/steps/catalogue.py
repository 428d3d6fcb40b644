"""Every step of DESIGN.md's catalogue, with stable ids and Dutch and English names.

The steps are declared in `copilot.steps.registry`; this module is the name most code imports them by.
Every step has an output schema (copilot/steps/schemas/) and a prompt template per language (prompts/);
a step is `available` once it has a schema.
"""

from __future__ import annotations

from copilot.steps.registry import STEPS, StepInfo, step

__all__ = ["STEPS", "StepInfo", "step"]
