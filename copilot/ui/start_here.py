"""The start-here app: language, research, SD-02 themes, deck — top to bottom, no code to edit."""

from __future__ import annotations

import ipywidgets as w

from copilot.i18n import t
from copilot.ui.export_panel import ExportPanel
from copilot.ui.research_panel import ResearchPanel
from copilot.ui.synthesis_editor import SynthesisEditor
from copilot.workbench import Workbench


class StartHere(w.VBox):
    def __init__(self, bench: Workbench | None = None, language: str = "nl") -> None:
        super().__init__(layout=w.Layout(max_width="980px"))
        self.bench = bench or Workbench(language=language)
        self.language = w.ToggleButtons(options=[("Nederlands", "nl"), ("English", "en")], value=self.bench.language)
        self.language.observe(self._switch_language, names="value")
        self.build()

    def build(self) -> None:
        lang = self.bench.language
        self.research = ResearchPanel(self.bench)
        self.synthesis = SynthesisEditor(self.bench)
        self.export = ExportPanel(self.bench)
        top = w.HBox(
            [
                w.HTML(f"<h2 style='margin:0'>{t('ui.app_title', lang)}</h2>"),
                self.language,
                w.HTML(
                    f"<small>{t('ui.session', lang)}: {self.bench.session.title} · {t('ui.status_offline', lang)}"
                    "</small>"
                ),
            ],
            layout=w.Layout(justify_content="space-between", align_items="center", flex_flow="row wrap"),
        )
        self.children = [
            top,
            w.HTML(f"<h3>{t('ui.step_1', lang)}</h3>"),
            self.research,
            w.HTML(f"<h3>{t('ui.step_2', lang)}</h3>"),
            self.synthesis,
            w.HTML(f"<h3>{t('ui.step_3', lang)}</h3>"),
            self.export,
        ]

    def _switch_language(self, change) -> None:
        self.bench.set_language(change["new"])
        self.build()  # every edit is already in the session, so rebuilding loses nothing
