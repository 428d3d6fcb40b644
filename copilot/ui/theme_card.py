"""One research theme as an editable card: label, insight, assumption toggle, and its quotes to read."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as w

from copilot.i18n import t
from copilot.steps.schemas import Theme


class ThemeCard(w.VBox):
    def __init__(
        self,
        theme: Theme,
        quotes: list[dict],
        language: str,
        on_change: Callable[[], None],
        on_remove: Callable[[ThemeCard], None],
    ) -> None:
        super().__init__(layout=w.Layout(border="1px solid #d0d7de", padding="8px", margin="6px 0"))
        self.theme = theme
        self.label = w.Text(
            value=theme.label,
            description=t("ui.theme_label", language),
            continuous_update=False,
            layout=w.Layout(width="95%"),
        )
        self.insight = w.Textarea(
            value=theme.insight,
            description=t("ui.theme_insight", language),
            continuous_update=False,
            layout=w.Layout(width="95%", height="70px"),
        )
        self.assumption = w.Checkbox(value=theme.assumption, description=t("ui.assumption", language), indent=False)
        self.remove = w.Button(description=t("ui.remove", language), icon="trash", layout=w.Layout(width="auto"))
        for field in (self.label, self.insight, self.assumption):
            field.observe(lambda _: on_change(), names="value")
        self.remove.on_click(lambda _: on_remove(self))
        quote_html = "".join(
            f"<blockquote style='margin:4px 0'>“{escape(q['text'])}”<br><small>{escape(q['source'])}, "
            f"{escape(q['location'])} · {q['id']}</small></blockquote>"
            for q in quotes
        )
        evidence = w.Accordion(children=[w.HTML(quote_html or "—")], selected_index=None)
        evidence.set_title(0, f"{t('ui.evidence', language)} ({len(quotes)})")
        self.children = [self.label, self.insight, w.HBox([self.assumption, self.remove]), evidence]

    def value(self) -> Theme:
        return self.theme.model_copy(
            update={
                "label": self.label.value.strip(),
                "insight": self.insight.value.strip(),
                "assumption": self.assumption.value or not self.theme.evidence,
            }
        )

    def set_disabled(self, disabled: bool) -> None:
        for field in (self.label, self.insight, self.assumption, self.remove):
            field.disabled = disabled
