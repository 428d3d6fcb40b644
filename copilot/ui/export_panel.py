"""Export the session as an editable PowerPoint deck and show where it was written."""

from __future__ import annotations

import ipywidgets as w

from copilot.i18n import t
from copilot.ui.error_box import ErrorBox
from copilot.workbench import Workbench


class ExportPanel(w.VBox):
    def __init__(self, bench: Workbench) -> None:
        super().__init__()
        self.bench = bench
        self.button = w.Button(description=t("ui.export", bench.language), icon="download", button_style="primary")
        self.status = w.HTML()
        self.errors = ErrorBox(bench.language)
        self.button.on_click(lambda _: self.export())
        self.children = [self.button, self.status, self.errors]
        self.path = None

    def export(self) -> None:
        self.errors.clear()
        try:
            self.path = self.bench.export()
        except Exception as error:
            self.errors.show(error)
            return
        self.status.value = t("ui.exported", self.bench.language, path=f"<code>{self.path}</code>")
