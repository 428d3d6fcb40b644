"""A friendly error: what happened in one line, the technical details folded away."""

from __future__ import annotations

import traceback
from html import escape

import ipywidgets as w

from copilot.errors import CopilotError
from copilot.i18n import t


class ErrorBox(w.VBox):
    def __init__(self, language: str) -> None:
        super().__init__(layout=w.Layout(display="none"))
        self.add_class("cx-error-box")
        self.language = language
        self.message = w.HTML()
        self.details = w.Textarea(disabled=True, layout=w.Layout(width="100%", height="160px"))
        fold = w.Accordion(children=[self.details], selected_index=None)
        fold.set_title(0, t("ui.details", language))
        self.children = [self.message, fold]

    def show(self, error: Exception) -> None:
        text = error.say(self.language) if isinstance(error, CopilotError) else f"{type(error).__name__}: {error}"
        self.message.value = (
            f"<div class='cx-error'><b><i class='fa fa-exclamation-circle'></i> {t('ui.error', self.language)}</b>"
            f"<br>{escape(text)}</div>"
        )
        self.details.value = "".join(traceback.format_exception(error))
        self.layout.display = "flex"

    def clear(self) -> None:
        self.layout.display = "none"
