"""Unverified quotations in the editor: a mark under the card that holds them, and the question before a
step with unverified quotations is locked. The checking itself is `copilot.steps.quotations`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

import ipywidgets as w

from copilot.i18n import field_label, t
from copilot.research.quotes import Quote
from copilot.steps.quotations import Finding, check_item
from copilot.steps.schemas import Item


def item_findings(item: Item, quotes: Sequence[Quote], research: dict[str, str] | None) -> list[Finding]:
    """What an item card marks: its quotations checked against the quotes it cites (`quotes`, as the card
    shows them) or, citing none, the research its step was given."""
    cited = {q.id: q.text for q in quotes}
    return check_item(item, {**(research or {}), **cited}, research)


def marks_html(findings: list[Finding], language: str) -> str:
    """The mark: each unverified quotation, which field, and why; every piece of it escaped."""
    if not findings:
        return ""
    rows = "".join(
        f"<li><b>{escape(field_label(f.field.split('[')[0].split('.')[0], language))}</b>: "
        f"“{escape(f.text)}” — {escape(t(f'quotes.card.{f.reason}', language, source=f.source))}</li>"
        for f in findings
    )
    return (
        "<div class='cx-unverified' style='border-left:4px solid #d97706;background:#fffbeb;padding:4px 8px;"
        f"margin:4px 0'><b>⚠ {escape(t('quotes.card.title', language))}</b><ul style='margin:2px 0'>{rows}</ul>"
        f"<small>{escape(t('quotes.card.advice', language))}</small></div>"
    )


class LockConfirm(w.VBox):
    """'3 quotations do not stand in the research. Lock anyway?' — hidden until `ask` is called."""

    def __init__(self, language: str) -> None:
        super().__init__(layout=w.Layout(display="none"))
        self.language = language
        self.question = w.HTML()
        self.confirm = w.Button(description=t("quotes.lock.confirm", language), button_style="warning", icon="lock")
        self.cancel = w.Button(description=t("quotes.lock.cancel", language))
        self._on_confirm: Callable[[], None] | None = None
        self.confirm.on_click(lambda _: self._answer(True))
        self.cancel.on_click(lambda _: self._answer(False))
        self.children = [self.question, w.HBox([self.confirm, self.cancel])]

    def ask(self, count: int, on_confirm: Callable[[], None]) -> None:
        self._on_confirm = on_confirm
        text = escape(t("quotes.lock.question", self.language, n=count))
        self.question.value = f"<div class='cx-unverified' style='color:#92400e'>⚠ {text}</div>"
        self.layout.display = "flex"

    def hide(self) -> None:
        """Nothing to ask any more (locked after all, or unlocked)."""
        self.layout.display = "none"
        self._on_confirm = None

    def _answer(self, confirmed: bool) -> None:
        self.layout.display = "none"
        callback, self._on_confirm = self._on_confirm, None
        if confirmed and callback is not None:
            callback()
