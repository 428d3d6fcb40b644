"""Slide builders, one per step: session content in, DeckSpec slides and the evidence ids they cite out.

common           labels, evidence notes, assumption marks, small text helpers
service_design   SD-01 … SD-08
stakeholders     SC-01 … SC-05
ai_opportunity   AI-01 … AI-03
canvas           a step without content as a handout: its question over an empty table
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from copilot.export.slides.canvas import canvas
from copilot.export.slides.common import Builder, has_content, notes_for
from copilot.steps.registry import STEPS, resolve


class _Slides(Mapping):
    """step id -> slides builder, as the step registry declares them; each returns its slides and the evidence
    ids they cite. A step registered later (a plug-in's) is found too."""

    def __getitem__(self, step_id: str) -> Builder:
        info = STEPS.get(step_id)
        if info is None or info.slides is None:
            raise KeyError(step_id)
        return resolve(info.slides)

    def __iter__(self) -> Iterator[str]:
        return iter([step_id for step_id, info in STEPS.items() if info.slides is not None])

    def __len__(self) -> int:
        return sum(1 for _ in self)


SLIDES: Mapping[str, Builder] = _Slides()

__all__ = ["SLIDES", "Builder", "canvas", "has_content", "notes_for"]
