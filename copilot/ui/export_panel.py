"""Export the session as an editable PowerPoint deck: where it was written, and a link to download it.

The download link matters in Voila and on JupyterHub, where the person's browser cannot reach the server's
folders: the deck travels inside the page.
"""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

import ipywidgets as w

from copilot.i18n import t
from copilot.ui.error_box import ErrorBox
from copilot.ui.style import show_status
from copilot.workbench import Workbench

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
MAX_DOWNLOAD_BYTES = 25 * 1024 * 1024  # beyond this a page gets sluggish; the path is still shown


class ExportPanel(w.VBox):
    def __init__(self, bench: Workbench) -> None:
        super().__init__()
        self.bench = bench
        self.button = w.Button(
            description=t("ui.export", bench.language),
            icon="download",
            button_style="primary",
            layout=w.Layout(width="auto", align_self="flex-start"),
        )
        self.status = w.HTML()
        self.status.add_class("cx-status")
        self.errors = ErrorBox(bench.language)
        self.button.on_click(lambda _: self.export())
        self.children = [self.button, self.status, self.errors]
        self.path: Path | None = None

    def export(self) -> None:
        lang = self.bench.language
        self.errors.clear()
        self.button.disabled = True
        show_status(self.status, "busy", escape(t("ui.start.exporting", lang)))
        try:
            self.path = self.bench.export()
        except Exception as error:
            show_status(self.status, None, "")
            self.errors.show(error)
            return
        finally:
            self.button.disabled = False
        written = t("ui.exported", lang, path=f"<code class='cx-path'>{escape(str(self.path))}</code>")
        show_status(self.status, "ok", written + _download_link(self.path, t("ui.start.download", lang)))


def _download_link(path: Path, label: str) -> str:
    data = path.read_bytes()
    if len(data) > MAX_DOWNLOAD_BYTES:
        return ""
    href = f"data:{PPTX};base64,{base64.b64encode(data).decode('ascii')}"
    return (
        f"<div><a class='cx-download' download='{escape(path.name, quote=True)}' href='{href}'>"
        f"<i class='fa fa-download'></i> {escape(label)} ({len(data) // 1024 + 1} kB)</a></div>"
    )
