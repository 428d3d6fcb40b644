"""One research theme as an editable card: label, insight, assumption toggle, and its quotes to read."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import ipywidgets as w

from copilot.i18n import t
from copilot.research.quotes import Quote
from copilot.steps.schemas import Theme
from copilot.ui.quote_marks import item_findings, marks_html
from copilot.ui.quotes import quotes_html

FIELD_STYLE = {"description_width": "64px"}
SUB_THEME_INDENT = 32  # px


class ThemeCard(w.VBox):
    def __init__(
        self,
        theme: Theme,
        quotes: Sequence[Quote],
        language: str,
        on_change: Callable[[], None],
        on_remove: Callable[[ThemeCard], None],
        research: dict[str, str] | None = None,
    ) -> None:
        # a sub-theme sits indented under its theme, as on the wall, and as wide as the space beside it leaves
        indent = SUB_THEME_INDENT if theme.part_of else 0
        super().__init__(layout=w.Layout(width=f"calc(100% - {indent}px)", margin=f"8px 0 0 {indent}px"))
        self.add_class("cx-theme-card")
        if theme.part_of:
            self.add_class("cx-sub-theme")
        self.theme = theme
        self.label = w.Text(
            value=theme.label,
            description=t("ui.sub_theme_label" if theme.part_of else "ui.theme_label", language),
            continuous_update=False,
            style=FIELD_STYLE,
            layout=w.Layout(width="100%"),
        )
        self.label.add_class("cx-theme-label")
        self.insight = w.Textarea(
            value=theme.insight,
            description=t("ui.theme_insight", language),
            continuous_update=False,
            rows=3,
            style=FIELD_STYLE,
            layout=w.Layout(width="100%"),
        )
        # without quotes a theme is an assumption whatever the box says: show it ticked and fixed
        self.assumption = w.Checkbox(
            value=theme.assumption or not theme.evidence,
            description=t("ui.assumption", language),
            indent=False,
            layout=w.Layout(width="auto"),
        )
        self.remove = w.Button(
            description=t("ui.remove", language), icon="trash", layout=w.Layout(width="auto", flex="0 0 auto")
        )
        self.remove.add_class("cx-remove")
        for field in (self.label, self.insight, self.assumption):
            field.observe(lambda _: on_change(), names="value")
        self.assumption.observe(lambda _: self._mark_assumption(), names="value")
        self.remove.on_click(lambda _: on_remove(self))
        # unverified quotations (issue 24): marked under the insight, checked again on every edit
        self.quotes, self.research, self.language = quotes, research, language
        self.quote_marks = w.HTML()
        for field in (self.label, self.insight):
            field.observe(lambda _: self.mark_quotations(), names="value")
        foot = w.HBox([self.assumption, self.remove], layout=w.Layout(width="100%"))
        foot.add_class("cx-theme-foot")
        self.remove.add_class("cx-push")
        self.children = [self.label, self.insight, self.quote_marks, foot, _evidence(quotes, language)]
        self.mark_quotations()
        self.set_disabled(False)
        self._mark_assumption()

    def value(self) -> Theme:
        return self.theme.model_copy(
            update={
                "label": self.label.value.strip(),
                "insight": self.insight.value.strip(),
                "assumption": self.assumption.value or not self.theme.evidence,
            }
        )

    def mark_quotations(self) -> None:
        self.unverified = item_findings(self.value(), self.quotes, self.research)
        self.quote_marks.value = marks_html(self.unverified, self.language)

    def set_disabled(self, disabled: bool) -> None:
        for field in (self.label, self.insight, self.remove):
            field.disabled = disabled
        self.assumption.disabled = disabled or not self.theme.evidence
        if disabled:  # locked: read-only, but as readable as before
            self.add_class("cx-readonly")
        else:
            self.remove_class("cx-readonly")

    def _mark_assumption(self) -> None:
        if self.assumption.value:
            self.add_class("cx-assumption")
        else:
            self.remove_class("cx-assumption")


def _evidence(quotes: Sequence[Quote], language: str) -> w.Accordion:
    """The quotes behind a theme, folded away until someone wants to read them."""
    fold = w.Accordion(
        children=[w.HTML(quotes_html(quotes, language))], selected_index=None, layout=w.Layout(width="100%")
    )
    fold.set_title(0, t("ui.start.read_evidence", language, n=len(quotes)))
    fold.add_class("cx-evidence")
    return fold
