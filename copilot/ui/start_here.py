"""The start-here app: language, research, SD-02 themes, deck — top to bottom, no code to edit."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from copilot.i18n import t
from copilot.ui.export_panel import ExportPanel
from copilot.ui.research_panel import ResearchPanel
from copilot.ui.style import step_heading, stylesheet
from copilot.ui.synthesis_editor import SynthesisEditor
from copilot.workbench import SYNTHESIS, Workbench


class StartHere(w.VBox):
    def __init__(self, bench: Workbench | None = None, language: str | None = None) -> None:
        super().__init__(layout=w.Layout(max_width="980px", width="100%"))
        self.add_class("cx-app")
        self.bench = bench or Workbench(language=language)
        self.language = w.ToggleButtons(
            options=[("Nederlands", "nl"), ("English", "en")],
            value=self.bench.language,
            style={"button_width": "auto"},
            layout=w.Layout(flex="0 0 auto"),
        )
        self.language.observe(self._switch_language, names="value")
        self.build()

    def build(self) -> None:
        lang = self.bench.language
        previous = getattr(self, "research", None)
        self.research = ResearchPanel(self.bench)
        if previous is not None:  # a language switch keeps the folder the person chose and what it holds
            self.research.folder.value = previous.folder.value
            if previous.status.value:
                self.research.show_store()
        self.synthesis = SynthesisEditor(self.bench)
        self.export = ExportPanel(self.bench)
        title = w.HTML(
            f"<div class='cx-brand'>{escape(t('ui.app_title', lang))}</div>"
            f"<div class='cx-title'>{escape(self.bench.session.title)}</div>"
            f"<div><span class='cx-badge'>{escape(t('ui.status_offline', lang))}</span></div>"
        )
        header = w.HBox(
            [title, self.language],
            layout=w.Layout(justify_content="space-between", align_items="flex-start", width="100%"),
        )
        header.add_class("cx-header")
        self.children = [
            stylesheet(),
            header,
            _step(
                step_heading(1, t("ui.start.research_title", lang), t("ui.start.hint_research", lang)), self.research
            ),
            _step(
                step_heading(2, t("ui.start.synthesis_title", lang), t("ui.start.hint_synthesis", lang), tag=SYNTHESIS),
                self.synthesis,
            ),
            _step(step_heading(3, t("ui.deck", lang), t("ui.start.hint_deck", lang)), self.export),
        ]

    def _switch_language(self, change) -> None:
        self.bench.set_language(change["new"])
        self.build()  # every edit is already in the session, so rebuilding loses nothing


def _step(heading: w.HTML, body: w.Widget) -> w.VBox:
    box = w.VBox([heading, body], layout=w.Layout(width="100%"))
    box.add_class("cx-step")
    return box
