"""Choose a research folder and ingest it, with a progress bar and a per-file report."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as w

from copilot.i18n import t
from copilot.ui.error_box import ErrorBox
from copilot.workbench import Workbench


class ResearchPanel(w.VBox):
    def __init__(self, bench: Workbench, on_ingested: Callable[[], None] | None = None) -> None:
        super().__init__()
        lang = bench.language
        self.bench = bench
        self.on_ingested = on_ingested
        self.folder = w.Text(
            value=str(bench.default_research_folder()),
            description=t("ui.research_folder", lang),
            style={"description_width": "initial"},
            layout=w.Layout(width="70%"),
        )
        self.button = w.Button(description=t("ui.ingest", lang), button_style="primary", icon="upload")
        self.progress = w.IntProgress(min=0, max=1, layout=w.Layout(width="70%", visibility="hidden"))
        self.status = w.HTML()
        self.errors = ErrorBox(lang)
        self.button.on_click(lambda _: self.ingest())
        self.children = [w.HBox([self.folder, self.button]), self.progress, self.status, self.errors]

    def ingest(self) -> None:
        lang = self.bench.language
        self.errors.clear()
        self.button.disabled = True
        self.progress.layout.visibility = "visible"
        self.status.value = t("ui.ingesting", lang)
        try:
            report = self.bench.ingest(self.folder.value.strip(), on_progress=self._advance)
        except Exception as error:  # shown to the person, traceback one click away
            self.errors.show(error)
            return
        finally:
            self.button.disabled = False
        counts = report.counts()
        summary = t(
            "ingest.summary", lang, **{k: counts.get(k, 0) for k in ("added", "updated", "unchanged", "failed")}
        )
        failures = "".join(f"<li>{t('ingest.failed_file', lang, error=f.error)}</li>" for f in report.failed)
        self.status.value = f"{t('ui.ingested', lang, n=self.bench.fragments())} — {summary}" + (
            f"<ul>{failures}</ul>" if failures else ""
        )
        if self.on_ingested:
            self.on_ingested()

    def _advance(self, done: int, total: int) -> None:
        self.progress.max = max(total, 1)
        self.progress.value = done
