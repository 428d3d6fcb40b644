"""Ask the AI for a step: with a configured model at the click of a button, or — offline — by copying the
prompt into whatever assistant the organisation allows and pasting its answer back.

The way through is one primary button at a time: prepare the question → copy it → use the pasted answer.
Once an answer is used, the question and the pasted text fold away so the draft shows right below.
Everything shown here that came from outside (warnings quoting an answer, a model's name) is escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from html import escape

import ipywidgets as w

from copilot.i18n import t
from copilot.steps.answers import AnswerIncomplete
from copilot.ui.answer_problems import AnswerProblems
from copilot.ui.copy_button import CopyButton
from copilot.ui.error_box import ErrorBox
from copilot.ui.style import show_status
from copilot.workbench import Workbench


class PromptBridge(w.VBox):
    def __init__(
        self,
        bench: Workbench,
        step_id: str,
        on_draft: Callable[[object], None],
        actions: Sequence[w.Widget] = (),
    ) -> None:
        """`actions`: the step's other ways to a draft (e.g. compute from the research), beside prepare."""
        super().__init__(layout=w.Layout(width="100%"))
        lang = bench.language
        self.bench, self.step_id, self.on_draft = bench, step_id, on_draft
        self.prepared = None
        self.offline = not bench.model_status()
        self.prepare_button = w.Button(
            description=t("ui.ai.prepare", lang), icon="comments", layout=w.Layout(width="auto")
        )
        self.ask_button = w.Button(
            description=t("ui.ai.ask", lang),
            icon="bolt",
            button_style="info",
            layout=w.Layout(width="auto", display="none" if self.offline else None),
        )
        self.prompt = w.Textarea(
            description=t("ui.paste.prompt_label", lang), layout=w.Layout(width="98%", height="180px")
        )
        self.prompt.add_class("cx-stacked")
        self.answer = w.Textarea(
            description=t("ui.paste.answer_label", lang),
            placeholder=t("ui.ai.paste_here", lang),
            layout=w.Layout(width="98%", height="140px"),
        )
        self.answer.add_class("cx-stacked")
        self.copy = CopyButton(self.prompt, lang, then=self.answer)
        self.use_button = w.Button(
            description=t("ui.ai.use_answer", lang),
            icon="check",
            layout=w.Layout(width="auto", align_self="flex-start"),
        )
        self.status = w.HTML()
        self.status.add_class("cx-status")
        self.errors = ErrorBox(lang)
        self.problems = AnswerProblems(lang)
        self.prepare_button.on_click(lambda _: self.prepare())
        self.ask_button.on_click(lambda _: self.ask())
        self.use_button.on_click(lambda _: self.use_pasted())
        self.answer.observe(lambda _: self.highlight(), names="value")
        # the copy-and-paste way, folded away until a question is prepared and again once an answer is used
        self.pasting = w.VBox(
            [self.prompt, self.copy, self.answer, self.use_button], layout=w.Layout(width="100%", display="none")
        )
        self.pasting.add_class("cx-pasting")
        self.children = [
            w.HBox([self.prepare_button, self.ask_button, *actions]),
            self.status,
            self.pasting,
            self.problems,
            self.errors,
        ]
        self.highlight()

    # --- what to do next ---------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.pasting.layout.display != "none"

    def highlight(self, has_content: bool = False) -> None:
        """Make the next action the primary button: prepare on an empty step, then copy, then use the answer."""
        pasted = bool(self.answer.value.strip())
        self.prepare_button.button_style = "" if (self.is_open or has_content) else "primary"
        self.copy.button.button_style = "" if pasted else "primary"
        self.use_button.button_style = "primary" if pasted else ""

    def set_disabled(self, disabled: bool) -> None:
        for button in (self.prepare_button, self.ask_button, self.use_button, self.copy.button):
            button.disabled = disabled

    # --- actions -----------------------------------------------------------------------------------

    def prepare(self) -> None:
        lang = self.bench.language
        self.errors.clear()
        with self._working(self.prepare_button, t("ui.paste.preparing", lang)):
            try:
                self.prepared = self.bench.prepare(self.step_id)
            except Exception as error:
                show_status(self.status, None, "")
                self.errors.show(error)
                return
        self.prompt.value = self.prepared.prompt.as_text()
        self.answer.value = ""
        self.copy.reset()
        self.pasting.layout.display = "flex"
        if self.offline:  # its size in characters, what an assistant's input box counts; and what was trimmed
            show_status(self.status, "ok", _prompt_size(self.prepared, lang), icon=False)
        else:
            message = t("ui.ai.prepared", lang, n=len(self.prepared.evidence), tokens=self.prepared.prompt_tokens)
            show_status(self.status, "ok", escape(message), icon=False)
        self.highlight()

    def ask(self) -> None:
        if self.prepared is None:
            self.prepare()
        if self.prepared is None:
            return
        asking = t("ui.ai.asking", self.bench.language, model=self.bench.model_status())
        self._finish(self.ask_button, asking, lambda: self.bench.ask_model(self.prepared))

    def use_pasted(self) -> None:
        if self.prepared is None:
            return
        prepared, text = self.prepared, self.answer.value
        reading = t("ui.paste.reading", self.bench.language)
        self._finish(
            self.use_button,
            reading,
            lambda: self.bench.accept_pasted_answer(prepared, text),
            # the pasted text stays in the answer box; what was understood can still become the draft
            complete=lambda: self._finish(
                self.use_button, reading, lambda: self.bench.accept_pasted_answer(prepared, text, complete=True)
            ),
        )

    def _finish(self, button: w.Button, message: str, make_draft, complete=None) -> None:
        lang = self.bench.language
        self.errors.clear()
        self.problems.clear()
        with self._working(button, message):
            try:
                draft = make_draft()
            except AnswerIncomplete as incomplete:
                show_status(self.status, None, "")
                if complete is None:
                    self.errors.show(incomplete)
                else:
                    self.problems.show(incomplete, self.prepared.schema, on_complete=complete)
                return
            except Exception as error:
                show_status(self.status, None, "")
                self.errors.show(error)
                return
        self.pasting.layout.display = "none"  # the draft is what matters now; prepare again to re-open
        self.highlight(has_content=True)
        self.on_draft(draft.output)  # the cards first: "the draft is ready" must not show before they do
        # warnings quote the answer (item ids, quotations): text from outside, never HTML
        warnings = "".join(f"<li>{escape(str(warning))}</li>" for warning in draft.warnings)
        show_status(
            self.status,
            "warn" if warnings else "ok",
            escape(t("ui.ai.drafted", lang)) + (f"<ul>{warnings}</ul>" if warnings else ""),
        )

    @contextmanager
    def _working(self, button: w.Button, message: str) -> Iterator[None]:
        """While work runs (the first prepare loads the search model: seconds): a spinner, the button off."""
        icon = button.icon
        button.disabled, button.icon = True, "spinner spin"
        show_status(self.status, "busy", escape(message))
        try:
            yield
        finally:
            button.disabled, button.icon = False, icon


def _prompt_size(prepared, language: str) -> str:
    """How big the question is in characters (what an assistant's input box counts), and what was trimmed."""
    n = len(prepared.evidence)
    if prepared.char_limit is None:
        return escape(t("ui.paste.prepared_offline", language, n=n))
    limit = f"{prepared.char_limit:,}".replace(",", "." if language == "nl" else ",")
    chars = f"{prepared.prompt_chars:,}".replace(",", "." if language == "nl" else ",")
    parts = [t("answers.prompt_size", language, n=n, chars=chars, limit=limit)]
    if prepared.dropped:
        parts.append(t("answers.prompt_trimmed", language, dropped=prepared.dropped, limit=limit))
    if prepared.too_long:
        parts.append(t("answers.prompt_too_long", language, chars=chars, limit=limit))
    return escape(" ".join(parts))
