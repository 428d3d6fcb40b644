"""Choose a research folder and ingest it, with a progress bar and a per-file report."""

from __future__ import annotations

import threading
from collections.abc import Callable
from html import escape
from pathlib import Path

import ipywidgets as w

from copilot.i18n import t
from copilot.settings import project_root
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
            value=_shown(bench.default_research_folder()),
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
        self._ingests = 0

    def ingest(self) -> None:
        lang = self.bench.language
        self._ingests += 1  # a summary still being gathered in the background must not cover this report
        self.errors.clear()
        self.button.disabled = self.folder.disabled = True
        self.progress.value = 0
        self.progress.layout.display = "flex"
        show_status(self.status, "busy", escape(t("ui.ingesting", lang)))
        try:
            report = self.bench.ingest(_resolved(self.folder.value), on_progress=self._advance)
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

    def show_store(self, unless_ingested_since: int | None = None) -> None:
        """Say what the store already holds: how many fragments from which files, and since when."""
        lang = self.bench.language
        try:
            summary = self.bench.research_summary()
        except Exception as error:  # a store that cannot be opened is said here, not at the first question
            self.errors.show(error)
            return
        if unless_ingested_since is not None and self._ingests != unless_ingested_since:
            return  # an ingest started meanwhile: its report says more
        if summary is None:
            show_status(self.status, None, f"<span class='cx-muted'>{escape(t('ui.research_empty', lang))}</span>")
            return
        when = summary["changed"].strftime("%d-%m-%Y %H:%M") if summary["changed"] else "—"
        files = summary["files"]
        line = t("ui.research_in", lang, n=summary["fragments"], files=len(files), when=when)
        names = "".join(f"<li>{escape(name)}</li>" for name in files)  # file names come from outside
        show_status(
            self.status,
            "ok",
            f"<b>{escape(line)}</b><details><summary>{escape(t('ui.research_in_files', lang, files=len(files)))}"
            f"</summary><ul>{names}</ul></details>",
        )

    def show_store_soon(self) -> threading.Thread:
        """`show_store` in the background: opening the store takes seconds, the app shows at once."""
        thread = threading.Thread(
            target=self.show_store, args=(self._ingests,), name="cx-research-summary", daemon=True
        )
        thread.start()
        return thread

    def _advance(self, done: int, total: int) -> None:
        self.progress.max = max(total, 1)
        self.progress.value = done


def _shown(folder: Path) -> str:
    """A folder inside the project as people read it (examples/research), not as a server path."""
    try:
        return Path(folder).resolve().relative_to(project_root().resolve()).as_posix()
    except ValueError:
        return str(folder)


def _resolved(text: str) -> Path:
    folder = Path(text.strip()).expanduser()
    return folder if folder.is_absolute() else project_root() / folder
