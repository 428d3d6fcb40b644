"""A pasted answer that did not fully fit: what was understood, what does not fit yet, the message to send back
to the assistant, and a button to keep what was understood and complete it in the step editor.

The pasted text is untrusted: it reaches the page only escaped."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as w

from copilot.i18n import field_label, t
from copilot.steps.answers import AnswerIncomplete, describe, follow_up


class AnswerProblems(w.VBox):
    def __init__(self, language: str) -> None:
        super().__init__(layout=w.Layout(display="none"))
        self.add_class("cx-answer-problems")
        self.language = language
        self.summary = w.HTML()
        self.follow_up = w.Textarea(layout=w.Layout(width="100%", height="140px"))
        self.complete_button = w.Button(
            description=t("answers.complete_in_editor", language), icon="pencil", layout=w.Layout(width="auto")
        )
        self._on_complete: Callable[[], None] | None = None
        self.complete_button.on_click(lambda _: self._complete())
        self.children = [
            self.summary,
            w.HTML(escape(t("answers.follow_up_label", language))),
            self.follow_up,
            self.complete_button,
        ]

    def show(self, error: AnswerIncomplete, schema, on_complete: Callable[[], None]) -> None:
        """Explain `error`; `on_complete` saves what was understood as the draft."""
        lang, reading = self.language, error.reading
        understood = reading.understood
        if understood:
            parts = ", ".join(f"{field_label(name, lang).lower()}: {n}" for name, n in understood.items())
            head = t("answers.understood", lang, parts=parts)
        else:
            head = t("answers.understood_nothing", lang)
        problems = "".join(f"<li>{escape(describe(p, lang))}</li>" for p in reading.problems)
        self.summary.value = (
            f"<div class='cx-warning'><b>{escape(error.say(lang))}</b><br>{escape(head)}"
            f"<br>{escape(t('answers.problems', lang))}<ul>{problems}</ul></div>"
        )
        self.follow_up.value = follow_up(reading, schema, lang)
        self._on_complete = on_complete
        self.complete_button.layout.display = None if understood else "none"
        self.layout.display = "flex"

    def clear(self) -> None:
        self.layout.display = "none"
        self._on_complete = None

    def _complete(self) -> None:
        if self._on_complete is not None:
            on_complete, self._on_complete = self._on_complete, None
            on_complete()
