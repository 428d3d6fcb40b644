"""Live pictures of a step, redrawn whenever a person edits it: the picture the team talks about in the room.

    VISUALS      step id → function(output, language) → PNG bytes; only steps with a picture are listed
    StepVisual   the widget: an image that `update(output)` redraws

Every function takes the step's pydantic output (plain data) and a language, draws a friendly empty state for
an empty or half-filled step, and never raises for one. One module per picture; colours and helpers in `style`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from html import escape

import ipywidgets as w
from pydantic import BaseModel

from copilot.steps.registry import STEPS, resolve
from copilot.ui.visuals.style import empty_state, text

log = logging.getLogger(__name__)


class _Visuals(Mapping):
    """step id -> picture function, as the step registry declares them (only steps with a picture)."""

    def __getitem__(self, step_id: str) -> Callable[[BaseModel, str], bytes]:
        info = STEPS.get(step_id)
        if info is None or info.picture is None:
            raise KeyError(step_id)
        return resolve(info.picture)

    def __iter__(self) -> Iterator[str]:
        return iter([step_id for step_id, info in STEPS.items() if info.picture is not None])

    def __len__(self) -> int:
        return sum(1 for _ in self)


VISUALS: Mapping[str, Callable[[BaseModel, str], bytes]] = _Visuals()


def _named(step_id: str) -> bool:
    """Pictures of steps that name stakeholders by their SC-01 id show their roles instead."""
    info = STEPS.get(step_id)
    return info is not None and info.picture_names


def picture(step_id: str, output: BaseModel | None, language: str, names: dict[str, str] | None = None) -> bytes:
    """The step's picture as PNG bytes; if drawing fails, a card saying so (a picture never breaks a step)."""
    try:
        if _named(step_id):
            return VISUALS[step_id](output, language, names=names)
        return VISUALS[step_id](output, language)
    except Exception:
        log.exception("Could not draw the picture of %s", step_id)
        return empty_state(text("failed", language))


class StepVisual(w.VBox):
    """The live picture of one step, shown above its cards."""

    def __init__(self, step_id: str, language: str, names: Callable[[], dict[str, str]] | None = None) -> None:
        super().__init__(layout=w.Layout(margin="4px 0 8px 0"))
        if step_id not in VISUALS:
            raise KeyError(f"Step {step_id} has no picture; steps with one: {', '.join(VISUALS)}.")
        self.step_id, self.language, self.names = step_id, language, names
        self.image = w.Image(format="png", layout=w.Layout(width="100%", max_width="880px", height="auto"))
        self.caption = w.HTML(f"<small style='color:#6b7280'>{escape(text('caption', language))}</small>")
        self.children = [self.image, self.caption]
        self._drawn: str | None = None

    def update(self, output: BaseModel | None) -> None:
        """Redraw for `output` (None: the empty state); skipped when nothing changed since the last drawing."""
        names = self.names() if self.names and _named(self.step_id) else None
        key = (output.model_dump_json() if output is not None else "") + repr(sorted((names or {}).items()))
        if key == self._drawn:
            return
        self.image.value = picture(self.step_id, output, self.language, names)
        self._drawn = key


__all__ = ["VISUALS", "StepVisual", "picture"]
