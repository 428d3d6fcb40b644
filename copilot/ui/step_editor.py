"""Any step as a card people can work in: ask the AI (or compute, or paste), edit every item, lock.

The editor is built from the step's schema, so every step of the catalogue — and a facilitator's own step
with an existing schema — gets the same way of working. Edits are saved the moment a field loses focus;
a new draft never overwrites them.
"""

from __future__ import annotations

from html import escape

import ipywidgets as w
from pydantic import BaseModel

from copilot.errors import UnverifiedQuotationsError
from copilot.i18n import field_label, t
from copilot.steps.catalogue import step
from copilot.steps.schemas import Item
from copilot.steps.schemas.base import item_lists
from copilot.ui.draft_diff import DraftDiff
from copilot.ui.error_box import ErrorBox
from copilot.ui.fields import FieldWidget, blank, editable
from copilot.ui.item_card import ItemCard
from copilot.ui.prompt_bridge import PromptBridge
from copilot.ui.quote_marks import LockConfirm, marks_html
from copilot.ui.style import show_status
from copilot.ui.visuals import VISUALS, StepVisual
from copilot.workbench import Workbench


class StepEditor(w.VBox):
    def __init__(self, bench: Workbench, step_id: str) -> None:
        super().__init__(layout=w.Layout(width="100%"))
        self.add_class("cx-step")
        self.add_class(f"cx-step-{step_id}")
        self.bench, self.step_id = bench, step_id
        self.info = step(step_id)
        self.schema = self.info.schema
        lang = bench.language
        self.title = w.HTML(
            f"<div class='cx-step-head'><span class='cx-badge'>{escape(step_id)}</span>"
            f"<span class='cx-step-title'>{escape(self.info.name(lang))}</span></div>"
        )
        self.state = w.HTML()
        self.compute_button = w.Button(
            description=t("ui.compute", lang),
            icon="magic",
            layout=w.Layout(width="auto", display=None if bench.can_compute(step_id) else "none"),
        )
        self.bridge = PromptBridge(bench, step_id, on_draft=lambda _: self.reload(), actions=[self.compute_button])
        self.diff = DraftDiff(bench, step_id, on_change=self.reload)
        self.lock_button = w.Button(icon="lock", layout=w.Layout(width="auto"))
        self.status = w.HTML()
        self.status.add_class("cx-status")
        self.body = w.VBox()
        self.visual = (  # a live picture, for some steps
            StepVisual(step_id, lang, names=bench.stakeholder_roles) if step_id in VISUALS else None
        )
        self.errors = ErrorBox(lang)
        self.confirm_lock = LockConfirm(lang)
        self.compute_button.on_click(lambda _: self.compute())
        self.lock_button.on_click(lambda _: self.toggle_lock())
        self.children = [
            w.HBox([self.title, self.state], layout=w.Layout(align_items="baseline")),
            self.bridge,
            self.diff,
            *([self.visual] if self.visual else []),
            self.body,
            self._toolbar(),
            self.confirm_lock,
            self.errors,
        ]
        self._top: list[FieldWidget] = []
        self._lists: dict[str, w.VBox] = {}
        self.show(bench.content(step_id))

    # --- building ------------------------------------------------------------------------------

    def _toolbar(self) -> w.HBox:
        """What was saved, and the lock, below the cards: locking is the last thing done in a step."""
        bar = w.HBox([self.status, self.lock_button], layout=w.Layout(width="100%"))
        bar.add_class("cx-toolbar")
        self.status.layout = w.Layout(flex="1 1 auto", width="auto")
        self.lock_button.add_class("cx-push")
        return bar

    def reload(self) -> None:
        """Show what the session holds: a person's version wins over a new draft, which shows as changes."""
        self.show(self.bench.content(self.step_id))
        self.diff.refresh()

    def show(self, output: BaseModel | None) -> None:
        """Rebuild the cards from `output` (or an empty step)."""
        lang = self.bench.language
        output = output or blank(self.schema)
        self._top = [
            FieldWidget(name, info, getattr(output, name), lang)
            for name, info in self.schema.model_fields.items()
            if name not in item_lists(self.schema) and editable(info)
        ]
        for field in self._top:
            field.observe(self.save)
        self.step_marks = w.HTML(self._step_marks(output))  # unverified quotations in the step's own fields
        sections = [f.view for f in self._top] + [self.step_marks]
        self._lists = {}
        for name, item_class in item_lists(self.schema).items():
            cards = w.VBox([self._card(item) for item in getattr(output, name)])
            add = w.Button(
                description=f"{t('ui.add', lang)}: {field_label(name, lang).lower()}",
                icon="plus",
                layout=w.Layout(width="auto", align_self="flex-start"),
            )
            add.on_click(lambda _, n=name, c=item_class: self.add(n, c))
            self._lists[name] = cards
            heading = w.HTML(f"<h4 class='cx-list-title'>{escape(field_label(name, lang))}</h4>")
            sections += [heading, cards, add]
        self.body.children = sections
        self._show_lock_state()
        if self.visual is not None:
            self.visual.update(output)

    def _step_marks(self, output: BaseModel) -> str:
        found = [f for f in self.bench.unverified_quotations(self.step_id, output) if not f.item]
        return marks_html(found, self.bench.language)

    def _card(self, item: Item) -> ItemCard:
        research = self.bench.research_given(self.step_id)  # to check the quotations of an item citing nothing
        quotes = self.bench.quotes(item.evidence)
        return ItemCard(item, quotes, self.bench.language, self.save, self.remove, self.move, research=research)

    # --- actions -------------------------------------------------------------------------------

    def value(self) -> BaseModel:
        data = {f.name: f.value() for f in self._top}
        for name, cards in self._lists.items():
            data[name] = [card.value() for card in cards.children]
        current = self.bench.content(self.step_id)
        if "open_questions" in self.schema.model_fields and "open_questions" not in data:
            data["open_questions"] = current.open_questions if current else []
        return self.schema.model_validate(data)

    def save(self) -> None:
        self.errors.clear()
        try:
            self.bench.save(self.step_id, self.value())
            show_status(self.status, "ok", escape(t("ui.saved", self.bench.language)))
            self.step_marks.value = self._step_marks(self.value())
            if self.visual is not None:
                self.visual.update(self.value())
        except Exception as error:  # e.g. another kernel saved this step first: said plainly, nothing lost
            show_status(self.status, None, "")
            self.errors.show(error)
        self._show_lock_state()

    def add(self, name: str, item_class: type[Item]) -> None:
        cards = self._lists[name]
        taken = {card.item.id for card in cards.children}
        prefix = name[0].upper()
        number = next(n for n in range(1, len(taken) + 2) if f"{prefix}{n}" not in taken)
        cards.children = [*cards.children, self._card(blank(item_class, id=f"{prefix}{number}"))]
        self.save()

    def remove(self, card: ItemCard) -> None:
        for cards in self._lists.values():
            cards.children = [c for c in cards.children if c is not card]
        self.save()

    def move(self, card: ItemCard, offset: int) -> None:
        for cards in self._lists.values():
            children = list(cards.children)
            if card in children:
                i = children.index(card)
                j = max(0, min(len(children) - 1, i + offset))
                children[i], children[j] = children[j], children[i]
                cards.children = children
        self.save()

    def compute(self) -> None:
        lang = self.bench.language
        self.errors.clear()
        self.compute_button.disabled = True
        show_status(self.status, "busy", escape(t("ui.computing", lang)))
        try:
            self.bench.compute(self.step_id)
            show_status(self.status, None, "")
            self.reload()
        except Exception as error:
            show_status(self.status, None, "")
            self.errors.show(error)
        finally:
            self._show_lock_state()

    def toggle_lock(self) -> None:
        self.errors.clear()
        try:
            locked = self.bench.status(self.step_id) == "locked"
            if self.bench.status(self.step_id) == "empty":
                self.save()
            self.bench.set_locked(self.step_id, not locked)
            self.confirm_lock.hide()
        except UnverifiedQuotationsError as refused:  # issue 24: lock only when the person confirms
            self.confirm_lock.ask(refused.params["n"], lambda: self._lock_confirmed())
        except Exception as error:
            self.errors.show(error)
        self._show_lock_state()

    def _lock_confirmed(self) -> None:
        self.bench.set_locked(self.step_id, True, confirmed=True)
        self._show_lock_state()

    def _show_lock_state(self) -> None:
        lang = self.bench.language
        status = self.bench.status(self.step_id)
        locked = status == "locked"
        self.lock_button.description = t("ui.unlock" if locked else "ui.lock", lang)
        self.lock_button.icon = "unlock" if locked else "lock"
        has_content = status in ("drafted", "edited")
        worked_on = has_content or locked
        # the next action is the primary button: prepare (or compute) on an empty step, lock once there is a draft
        self.lock_button.button_style = "success" if has_content and not self.bridge.is_open else ""
        self.state.value = f"<span class='cx-muted cx-step-state'>{escape(t(f'ui.status.{status}', lang))}</span>"
        if locked:
            show_status(self.status, "locked", escape(t("ui.locked", lang)))
            show_status(self.bridge.status, None, "")  # "check it and lock it" is done
        self.compute_button.disabled = locked
        self.bridge.set_disabled(locked)
        self.bridge.highlight(has_content=worked_on)
        for widget in [x for f in self._top for x in f.widgets()]:
            widget.disabled = locked
        for child in self.body.children:
            if isinstance(child, w.Button):  # the add buttons
                child.disabled = locked
        for cards in self._lists.values():
            for card in cards.children:
                card.set_disabled(locked)
