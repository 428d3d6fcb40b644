"""Ask the AI for a step: with a configured model at the click of a button, or — offline — by copying the
prompt into whatever assistant the organisation allows and pasting its answer back."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as w

from copilot.i18n import t
from copilot.steps.answers import AnswerIncomplete
from copilot.ui.answer_problems import AnswerProblems
from copilot.ui.error_box import ErrorBox
from copilot.workbench import Workbench


class PromptBridge(w.VBox):
    def __init__(self, bench: Workbench, step_id: str, on_draft: Callable[[object], None]) -> None:
        super().__init__()
        lang = bench.language
        self.bench, self.step_id, self.on_draft = bench, step_id, on_draft
        self.prepared = None
        self.prepare_button = w.Button(
            description=t("ui.ai.prepare", lang), icon="comments", layout=w.Layout(width="auto")
        )
        self.ask_button = w.Button(
            description=t("ui.ai.ask", lang),
            icon="bolt",
            button_style="info",
            layout=w.Layout(width="auto", display=None if bench.model_status() else "none"),
        )
        self.prompt = w.Textarea(layout=w.Layout(width="100%", height="180px", display="none"))
        self.answer = w.Textarea(
            placeholder=t("ui.ai.paste_here", lang), layout=w.Layout(width="100%", height="140px", display="none")
        )
        self.use_button = w.Button(
            description=t("ui.ai.use_answer", lang), icon="check", layout=w.Layout(width="auto", display="none")
        )
        self.status = w.HTML()
        self.errors = ErrorBox(lang)
        self.problems = AnswerProblems(lang)
        self.prepare_button.on_click(lambda _: self.prepare())
        self.ask_button.on_click(lambda _: self.ask())
        self.use_button.on_click(lambda _: self.use_pasted())
        self.children = [
            w.HBox([self.prepare_button, self.ask_button]),
            self.status,
            self.prompt,
            self.answer,
            self.use_button,
            self.problems,
            self.errors,
        ]

    def prepare(self) -> None:
        lang = self.bench.language
        self.errors.clear()
        try:
            self.prepared = self.bench.prepare(self.step_id)
        except Exception as error:
            self.errors.show(error)
            return
        self.prompt.value = self.prepared.prompt.as_text()
        for widget in (self.prompt, self.answer):
            widget.layout.display = "flex"
        self.use_button.layout.display = None  # shown, with the default button layout (icon beside the text)
        self.status.value = _prompt_size(self.prepared, lang)

    def ask(self) -> None:
        if self.prepared is None:
            self.prepare()
        if self.prepared is None:
            return
        self.status.value = t("ui.ai.asking", self.bench.language, model=self.bench.model_status())
        self._finish(lambda: self.bench.ask_model(self.prepared))

    def use_pasted(self) -> None:
        if self.prepared is not None:
            prepared, text = self.prepared, self.answer.value
            self._finish(
                lambda: self.bench.accept_pasted(prepared, text),
                # the pasted text stays in the answer box; what was understood can still become the draft
                complete=lambda: self._finish(lambda: self.bench.accept_pasted(prepared, text, complete=True)),
            )

    def _finish(self, make_draft, complete=None) -> None:
        self.errors.clear()
        self.problems.clear()
        try:
            draft = make_draft()
        except AnswerIncomplete as incomplete:
            if complete is None:
                self.errors.show(incomplete)
            else:
                self.problems.show(incomplete, self.prepared.schema, on_complete=complete)
            return
        except Exception as error:
            self.errors.show(error)
            return
        warnings = "".join(f"<li>{escape(w_)}</li>" for w_ in draft.warnings)
        self.status.value = t("ui.ai.drafted", self.bench.language) + (f"<ul>{warnings}</ul>" if warnings else "")
        self.on_draft(draft.output)


def _prompt_size(prepared, language: str) -> str:
    """How big the question is in characters (what an assistant's input box counts), and what was trimmed."""
    n = len(prepared.evidence)
    if prepared.char_limit is None:
        return t("ui.ai.prepared", language, n=n, tokens=prepared.prompt_tokens)
    limit = f"{prepared.char_limit:,}".replace(",", "." if language == "nl" else ",")
    chars = f"{prepared.prompt_chars:,}".replace(",", "." if language == "nl" else ",")
    parts = [t("answers.prompt_size", language, n=n, chars=chars, limit=limit)]
    if prepared.dropped:
        parts.append(t("answers.prompt_trimmed", language, dropped=prepared.dropped, limit=limit))
    if prepared.too_long:
        parts.append(t("answers.prompt_too_long", language, chars=chars, limit=limit))
    return escape(" ".join(parts))
