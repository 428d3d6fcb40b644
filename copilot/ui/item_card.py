"""One item of any step (a theme, a persona, a stakeholder…) as an editable card, with its quotes to read."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

import ipywidgets as w

from copilot.i18n import t
from copilot.research.quotes import Quote
from copilot.steps.evidence_fit import weak_score
from copilot.steps.schemas import Item
from copilot.ui.fields import FieldWidget, editable
from copilot.ui.quote_marks import item_findings, marks_html
from copilot.ui.quotes import quotes_html

SKIP = {"id", "evidence", "assumption"}


class ItemCard(w.VBox):
    def __init__(
        self,
        item: Item,
        quotes: Sequence[Quote],
        language: str,
        on_change: Callable[[], None],
        on_remove: Callable[[ItemCard], None],
        on_move: Callable[[ItemCard, int], None],
        research: dict[str, str] | None = None,
    ) -> None:
        super().__init__(layout=w.Layout(border="1px solid #d0d7de", padding="8px", margin="6px 0"))
        self.item, self.language = item, language
        self.fields = [
            FieldWidget(name, info, getattr(item, name), language)
            for name, info in type(item).model_fields.items()
            if name not in SKIP and editable(info)
        ]
        self.assumption = w.Checkbox(value=item.assumption, description=t("ui.assumption", language), indent=False)
        self.remove = w.Button(description=t("ui.remove", language), icon="trash", layout=w.Layout(width="auto"))
        self.up = w.Button(icon="arrow-up", tooltip=t("ui.move_up", language), layout=w.Layout(width="36px"))
        self.down = w.Button(icon="arrow-down", tooltip=t("ui.move_down", language), layout=w.Layout(width="36px"))
        # unverified quotations (issue 24): marked under the fields, checked again on every edit
        self.quotes, self.research = quotes, research
        self.quote_marks = w.HTML()
        for field in self.fields:
            field.observe(on_change)
            field.observe(self.mark_quotations)
        self.assumption.observe(lambda _: on_change(), names="value")
        self.remove.on_click(lambda _: on_remove(self))
        self.up.on_click(lambda _: on_move(self, -1))
        self.down.on_click(lambda _: on_move(self, 1))
        evidence = _evidence(quotes, language)
        tools = w.HBox([self.assumption, self.up, self.down, self.remove])
        self.children = [*(f.view for f in self.fields), self.quote_marks, tools, evidence]
        self.mark_quotations()
        self.weak = weak_score(item, quotes)  # quotes about something else (trust branch)
        if self.weak is not None:
            note = escape(t("provenance.weak", language, score=f"{self.weak:.2f}"))
            self.children = [w.HTML(f"<b style='color:#9a6700'>⚠ {note}</b>"), *self.children]

    def value(self) -> Item:
        update = {field.name: field.value() for field in self.fields}
        update["assumption"] = self.assumption.value or not self.item.evidence
        return self.item.model_copy(update=update)

    def mark_quotations(self) -> None:
        self.unverified = item_findings(self.value(), self.quotes, self.research)
        self.quote_marks.value = marks_html(self.unverified, self.language)

    def set_disabled(self, disabled: bool) -> None:
        inputs = [x for f in self.fields for x in f.widgets()]
        for widget in (*inputs, self.assumption, self.remove, self.up, self.down):
            widget.disabled = disabled


def _evidence(quotes: Sequence[Quote], language: str) -> w.Accordion:
    """The quotes behind an item, folded away."""
    fold = w.Accordion(children=[w.HTML(quotes_html(quotes, language))], selected_index=None)
    fold.set_title(0, f"{t('ui.evidence', language)} ({len(quotes)})")
    fold.add_class("cx-evidence")
    return fold
