"""SD-02 research synthesis: draft themes from the research, edit them as cards, lock the step.

Every edit is saved to the session as soon as a field loses focus, so nothing typed is lost.
"""

from __future__ import annotations

import ipywidgets as w

from copilot.i18n import t
from copilot.steps.schemas import ResearchSynthesis, Theme
from copilot.ui.error_box import ErrorBox
from copilot.ui.theme_card import ThemeCard
from copilot.workbench import Workbench


class SynthesisEditor(w.VBox):
    def __init__(self, bench: Workbench) -> None:
        super().__init__()
        lang = bench.language
        self.bench = bench
        self.draft_button = w.Button(description=t("ui.run_step", lang), icon="magic", button_style="primary")
        self.add_button = w.Button(description=t("ui.add_theme", lang), icon="plus")
        self.lock_button = w.Button(icon="lock")
        self.status = w.HTML()
        self.cards = w.VBox()
        self.errors = ErrorBox(lang)
        self.draft_button.on_click(lambda _: self.draft())
        self.add_button.on_click(lambda _: self.add_theme())
        self.lock_button.on_click(lambda _: self.toggle_lock())
        self.children = [
            w.HBox([self.draft_button, self.add_button, self.lock_button]),
            self.status,
            self.cards,
            self.errors,
        ]
        self._questions: list[str] = []
        self.show(bench.synthesis())

    # --- actions -------------------------------------------------------------------------------

    def draft(self) -> None:
        self.errors.clear()
        self.status.value = t("ui.drafting", self.bench.language)
        try:
            if self.bench.fragments() == 0:
                self.status.value = t("ui.no_store", self.bench.language)
                return
            self.show(self.bench.draft_synthesis())
        except Exception as error:
            self.errors.show(error)

    def add_theme(self) -> None:
        taken = {card.theme.id for card in self._cards()}
        number = next(n for n in range(1, len(taken) + 2) if f"T{n}" not in taken)
        self._append(Theme(id=f"T{number}", label="", insight=""))
        self.save()

    def remove(self, card: ThemeCard) -> None:
        self.cards.children = [c for c in self.cards.children if c is not card]
        self.save()

    def save(self) -> None:
        try:
            self.bench.save_synthesis(self.value())
            self.status.value = f"✓ {t('ui.saved', self.bench.language)}"
        except Exception as error:
            self.errors.show(error)

    def toggle_lock(self) -> None:
        if self.bench.is_locked():
            self.bench.unlock()
        elif self.bench.synthesis() is not None:
            self.bench.lock()
        self._show_lock_state()

    # --- state ---------------------------------------------------------------------------------

    def value(self) -> ResearchSynthesis:
        return ResearchSynthesis(themes=[card.value() for card in self._cards()], open_questions=self._questions)

    def show(self, synthesis: ResearchSynthesis | None) -> None:
        self.cards.children = []
        self._questions = synthesis.open_questions if synthesis else []
        for theme in synthesis.themes if synthesis else []:
            self._append(theme)
        self._show_lock_state()

    def _append(self, theme: Theme) -> None:
        card = ThemeCard(theme, self.bench.quotes(theme.evidence), self.bench.language, self.save, self.remove)
        self.cards.children = [*self.cards.children, card]

    def _cards(self) -> list[ThemeCard]:
        return [c for c in self.cards.children if isinstance(c, ThemeCard)]

    def _show_lock_state(self) -> None:
        lang = self.bench.language
        locked = self.bench.is_locked()
        self.lock_button.description = t("ui.unlock" if locked else "ui.lock", lang)
        self.lock_button.icon = "unlock" if locked else "lock"
        self.lock_button.button_style = "" if locked else "success"
        self.lock_button.disabled = self.bench.synthesis() is None
        self.draft_button.disabled = self.add_button.disabled = locked
        for card in self._cards():
            card.set_disabled(locked)
        if locked:
            self.status.value = f"🔒 {t('ui.locked', lang)}"
