"""SD-02 research synthesis: draft themes from the research, edit them as cards, lock the step.

Every edit is saved to the session as soon as a field loses focus, so nothing typed is lost.
"""

from __future__ import annotations

from html import escape

import ipywidgets as w

from copilot.errors import UnverifiedQuotationsError
from copilot.i18n import t
from copilot.steps.schemas import ResearchSynthesis, Theme
from copilot.ui.error_box import ErrorBox
from copilot.ui.quote_marks import LockConfirm
from copilot.ui.style import show_status
from copilot.ui.theme_card import ThemeCard
from copilot.workbench import Workbench


class SynthesisEditor(w.VBox):
    def __init__(self, bench: Workbench) -> None:
        super().__init__(layout=w.Layout(width="100%"))
        lang = bench.language
        self.bench = bench
        auto = {"layout": w.Layout(width="auto", flex="0 0 auto")}
        self.draft_button = w.Button(description=t("ui.run_step", lang), icon="magic", button_style="primary", **auto)
        self.add_button = w.Button(description=t("ui.add_theme", lang), icon="plus", **auto)
        self.lock_button = w.Button(icon="lock", **auto)
        self.lock_button.add_class("cx-push")
        self.status = w.HTML()
        self.status.add_class("cx-status")
        self.cards = w.VBox(layout=w.Layout(width="100%"))
        self.empty = w.HTML(f"<div class='cx-empty'>{escape(t('ui.start.no_themes', lang))}</div>")
        self.questions = w.HTML()
        self.errors = ErrorBox(lang)
        self.confirm_lock = LockConfirm(lang)
        self.draft_button.on_click(lambda _: self.draft())
        self.add_button.on_click(lambda _: self.add_theme())
        self.lock_button.on_click(lambda _: self.toggle_lock())
        # the status sits in the toolbar: a line appearing above the cards would push them down mid-edit
        self.status.layout = w.Layout(flex="1 1 auto", width="auto")
        toolbar = w.HBox(
            [self.draft_button, self.add_button, self.status, self.lock_button], layout=w.Layout(width="100%")
        )
        toolbar.add_class("cx-toolbar")
        self.children = [toolbar, self.confirm_lock, self.errors, self.empty, self.cards, self.questions]
        self._questions: list[str] = []
        self.show(bench.synthesis())

    # --- actions -------------------------------------------------------------------------------

    def draft(self) -> None:
        lang = self.bench.language
        self.errors.clear()
        self.draft_button.disabled = True
        show_status(self.status, "busy", escape(t("ui.drafting", lang)))
        try:
            if self.bench.fragments() == 0:
                show_status(self.status, "warn", t("ui.no_store", lang), icon=False)
                return
            self.show(self.bench.draft_synthesis())
            if not self.bench.is_locked():
                show_status(self.status, None, "")
        except Exception as error:
            show_status(self.status, None, "")
            self.errors.show(error)
        finally:
            self.draft_button.disabled = self.bench.is_locked()

    def add_theme(self) -> None:
        taken = {card.theme.id for card in self._cards()}
        number = next(n for n in range(1, len(taken) + 2) if f"T{n}" not in taken)
        self._append(Theme(id=f"T{number}", label="", insight=""))
        self.save()

    def remove(self, card: ThemeCard) -> None:
        self.cards.children = [c for c in self.cards.children if c is not card]
        self._show_empty()
        self.save()

    def save(self) -> None:
        try:
            self.bench.save_synthesis(self.value())
            show_status(self.status, "ok", escape(t("ui.saved", self.bench.language)))
            self.lock_button.disabled = False
        except Exception as error:
            self.errors.show(error)

    def toggle_lock(self) -> None:
        if self.bench.is_locked():
            self.bench.unlock()
            show_status(self.status, None, "")
        elif self.bench.synthesis() is not None:
            try:
                self.bench.lock()
                self.confirm_lock.hide()
            except UnverifiedQuotationsError as refused:  # issue 24: lock only when the person confirms
                self.confirm_lock.ask(refused.params["n"], self._lock_confirmed)
        self._show_lock_state()

    def _lock_confirmed(self) -> None:
        self.bench.lock(confirmed=True)
        self._show_lock_state()

    # --- state ---------------------------------------------------------------------------------

    def value(self) -> ResearchSynthesis:
        return ResearchSynthesis(themes=[card.value() for card in self._cards()], open_questions=self._questions)

    def show(self, synthesis: ResearchSynthesis | None) -> None:
        self.cards.children = []
        self._questions = synthesis.open_questions if synthesis else []
        for theme in synthesis.themes if synthesis else []:
            self._append(theme)
        self._show_questions()
        self._show_lock_state()

    def _append(self, theme: Theme) -> None:
        research = self.bench.research_given("SD-02")  # to check the quotations of a theme citing nothing
        quotes = self.bench.quotes(theme.evidence)
        card = ThemeCard(theme, quotes, self.bench.language, self.save, self.remove, research=research)
        self.cards.children = [*self.cards.children, card]
        self._show_empty()

    def _cards(self) -> list[ThemeCard]:
        return [c for c in self.cards.children if isinstance(c, ThemeCard)]

    def _show_empty(self) -> None:
        self.empty.layout.display = "none" if self._cards() else "flex"

    def _show_questions(self) -> None:
        items = "".join(f"<li>{escape(q)}</li>" for q in self._questions)
        title = escape(t("ui.start.open_questions", self.bench.language))
        self.questions.value = f"<div class='cx-questions'><b>{title}</b><ul>{items}</ul></div>" if items else ""

    def _show_lock_state(self) -> None:
        lang = self.bench.language
        locked = self.bench.is_locked()
        has_draft = self.bench.synthesis() is not None
        self.lock_button.description = t("ui.unlock" if locked else "ui.lock", lang)
        self.lock_button.icon = "unlock" if locked else "lock"
        self.lock_button.button_style = "" if locked else "success"
        self.lock_button.disabled = not has_draft
        self.lock_button.tooltip = t("ui.start.lock_tooltip" if has_draft else "ui.start.lock_first", lang)
        self.draft_button.disabled = self.add_button.disabled = locked
        for card in self._cards():
            card.set_disabled(locked)
        self._show_empty()
        if locked:
            show_status(self.status, "locked", escape(t("ui.locked", lang)))
