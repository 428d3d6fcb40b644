"""Choose a research folder and ingest it, with a progress bar and a per-file report."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as w

from copilot.i18n import t
from copilot.ui.error_box import ErrorBox
from copilot.ui.style import show_status
from copilot.workbench import Workbench


class ResearchPanel(w.VBox):
    def __init__(self, bench: Workbench, on_ingested: Callable[[], None] | None = None) -> None:
        super().__init__(layout=w.Layout(width="100%"))
        lang = bench.language
        self.bench = bench
        self.on_ingested = on_ingested
        self.folder = w.Text(
            value=str(bench.default_research_folder()),
            description=t("ui.research_folder", lang),
            style={"description_width": "initial"},
            layout=w.Layout(flex="1 1 auto", width="auto"),
        )
        self.button = w.Button(
            description=t("ui.ingest", lang),
            button_style="primary",
            icon="upload",
            layout=w.Layout(width="auto", flex="0 0 auto"),
        )
        # hidden until an ingest runs: an empty bar reads as "something is stuck"
        self.progress = w.IntProgress(min=0, max=1, layout=w.Layout(width="100%", display="none"))
        self.status = w.HTML()
        self.status.add_class("cx-status")
        self.errors = ErrorBox(lang)
        self.button.on_click(lambda _: self.ingest())
        row = w.HBox([self.folder, self.button], layout=w.Layout(width="100%"))
        row.add_class("cx-toolbar")
        self.children = [row, self.progress, self.status, self.errors]

    def ingest(self) -> None:
        lang = self.bench.language
        self.errors.clear()
        self.button.disabled = self.folder.disabled = True
        self.progress.value = 0
        self.progress.layout.display = "flex"
        show_status(self.status, "busy", escape(t("ui.ingesting", lang)))
        try:
            report = self.bench.ingest(self.folder.value.strip(), on_progress=self._advance)
        except Exception as error:  # shown to the person, traceback one click away
            show_status(self.status, None, "")
            self.errors.show(error)
            return
        finally:
            self.button.disabled = self.folder.disabled = False
            self.progress.layout.display = "none"
        counts = report.counts()
        summary = t(
            "ingest.summary", lang, **{k: counts.get(k, 0) for k in ("added", "updated", "unchanged", "failed")}
        )
        failures = "".join(
            f"<li>{escape(t('ingest.failed_file', lang, error=f.problem(lang)))}</li>" for f in report.failed
        )
        show_status(
            self.status,
            "warn" if failures else "ok",
            f"<b>{escape(t('ui.ingested', lang, n=self.bench.fragments()))}</b>"
            f"<div class='cx-muted'>{escape(t('ui.start.files', lang))}: {escape(summary)}</div>"
            + (f"<ul>{failures}</ul>" if failures else ""),
        )
        if self.on_ingested:
            self.on_ingested()

    def show_store(self) -> None:
        """Say how much research the store holds (after a rebuild, when the ingest report is gone)."""
        show_status(
            self.status, "ok", f"<b>{escape(t('ui.ingested', self.bench.language, n=self.bench.fragments()))}</b>"
        )

    def _advance(self, done: int, total: int) -> None:
        self.progress.max = max(total, 1)
        self.progress.value = done
