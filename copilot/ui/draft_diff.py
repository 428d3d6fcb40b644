"""A new draft for a step people already edited, shown as changes to accept or reject one by one."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as w

from copilot.i18n import t
from copilot.workbench import Workbench

# icons, not characters: the fonts of a plain Linux browser lack "＋" and "✎"
MARK = {
    "added": "<i class='fa fa-plus'></i>",
    "changed": "<i class='fa fa-pencil'></i>",
    "dropped": "<i class='fa fa-minus'></i>",
}


def _summary(item) -> str:
    texts = [
        ", ".join(map(str, v)) if isinstance(v, list) else str(v)
        for k, v in item.model_dump().items()
        if k not in ("id", "evidence", "assumption") and v and not isinstance(v, dict)
    ]
    return escape(" · ".join(texts)[:160])


def _fixed() -> w.Layout:
    """A button that keeps its whole label beside a long text."""
    return w.Layout(width="auto", flex="0 0 auto")


class DraftDiff(w.VBox):
    def __init__(self, bench: Workbench, step_id: str, on_change: Callable[[], None]) -> None:
        super().__init__(layout=w.Layout(border="1px dashed #b45309", padding="8px", margin="6px 0"))
        self.bench, self.step_id, self.on_change = bench, step_id, on_change
        self.rejected: set[tuple[str, str]] = set()
        self.refresh()

    def refresh(self) -> None:
        lang = self.bench.language
        pending = [c for c in self.bench.pending_changes(self.step_id) if (c.kind, c.item_id) not in self.rejected]
        if not pending:
            self.children, self.layout.display = [], "none"
            return
        self.layout.display = "flex"
        rows = []
        for change in pending:
            before = f"<br><s>{_summary(change.current)}</s>" if change.kind == "changed" else ""
            text = _summary(change.proposed or change.current)
            label = w.HTML(
                # ids and texts come from an assistant's answer: escaped like every other text (issue 13)
                f"<b>{MARK[change.kind]} {escape(str(change.item_id))}</b> "
                f"{escape(t(f'ui.diff.{change.kind}', lang))}: {text}{before}",
                layout=w.Layout(flex="1 1 auto", width="auto"),
            )
            accept = w.Button(description=t("ui.diff.accept", lang), icon="check", layout=_fixed())
            reject = w.Button(description=t("ui.diff.reject", lang), icon="times", layout=_fixed())
            accept.on_click(lambda _, c=change: self._accept(c))
            reject.on_click(lambda _, c=change: self._reject(c))
            rows.append(w.HBox([label, accept, reject]))
        keep = w.Button(description=t("ui.diff.keep_mine", lang), icon="user")
        keep.on_click(lambda _: self._keep_mine())
        title = w.HTML(f"<b>{escape(t('ui.diff.title', lang, n=len(pending)))}</b>")
        self.children = [title, *rows, keep]

    def _accept(self, change) -> None:
        self.bench.accept_change(self.step_id, change)
        self.on_change()
        self.refresh()

    def _reject(self, change) -> None:
        self.rejected.add((change.kind, change.item_id))
        self.refresh()

    def _keep_mine(self) -> None:
        self.bench.reject_draft(self.step_id)
        self.refresh()
