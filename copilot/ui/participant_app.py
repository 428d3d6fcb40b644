"""The participant's app (Voila, notebooks/participate.ipynb): join by code, then add stickies, dot-vote and
rate in the step the facilitator opened, with the step's question and quotes in view.

Everything participants or the research wrote is shown as widget values and Label text, never as HTML.
A background poll (every `poll` seconds) follows the facilitator: a newly opened step, others' stickies,
revealed votes; text being typed is never replaced.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from urllib.parse import parse_qs

import ipywidgets as w

from copilot.errors import CopilotError
from copilot.i18n import t
from copilot.participation import Participant, Room, split_code
from copilot.participation_model import MAX_TEXT, Offer, RoomState, Tally
from copilot.settings import Workspace
from copilot.ui.polling import poll as poll_files
from copilot.ui.style import stylesheet

WRAP_CSS = (
    ".cx-app .widget-label.cx-wrap { white-space: normal; height: auto; line-height: 1.4; overflow: visible; }"
    ".cx-app .cx-strong { font-weight: 600; } .cx-app .cx-quote-text { font-style: italic; }"
    ".cx-app .cx-step-name { font-size: 18px; font-weight: 600; }"
    ".cx-app .cx-join-code { font-size: 32px; font-weight: 700; letter-spacing: .12em; }"
)


def label(text: str, *classes: str) -> w.Label:
    """Text exactly as written (a Label never reads it as HTML), wrapping over several lines."""
    widget = w.Label(value=text, layout=w.Layout(width="auto", max_width="100%"))
    for name in ("cx-wrap", *classes):
        widget.add_class(name)
    return widget


def code_from_url() -> str:
    """Voila hands the page's query string to the kernel: `?code=ABC123` fills in the code."""
    return (parse_qs(os.environ.get("QUERY_STRING", "")).get("code") or [""])[0][:20]


class ParticipantApp(w.VBox):
    def __init__(
        self, sessions_dir: Path | None = None, language: str = "nl", code: str | None = None, poll: float = 2.0
    ) -> None:
        super().__init__(layout=w.Layout(max_width="720px"))
        self.add_class("cx-app")
        self.sessions_dir = Path(sessions_dir or Workspace.default().ensure().sessions_dir)
        self.lang = language
        self.room: Room | None = None
        self.person: Participant | None = None
        self.code = w.Text(value=code if code is not None else code_from_url())
        self.name = w.Text()
        self.join_button = w.Button(icon="sign-in")
        self.join_button.on_click(lambda _: self.join())
        self.message = label("")
        self.kind = w.Dropdown()
        self.text = w.Textarea(layout=w.Layout(width="96%", height="70px"))
        self.add_button = w.Button(icon="sticky-note", button_style="primary")
        self.add_button.on_click(lambda _: self.add())
        self.language = w.ToggleButtons(options=[("NL", "nl"), ("EN", "en")], value=language)
        self.language.observe(lambda change: self._set_language(change["new"]), names="value")
        self.step_box, self.lists = w.VBox(), w.VBox()
        self._shown: tuple | None = None  # what the step view shows; redrawn only when that changes
        self._lists_shown: tuple | None = None
        self._stop = threading.Event()
        self._refreshing = threading.RLock()  # the poll thread and widget callbacks both redraw
        self._render()
        if poll:
            poll_files(self.refresh, self._stop, poll, lambda: True)

    # --- screens -------------------------------------------------------------------------------

    def _render(self) -> None:
        lang = self.lang
        self.code.description, self.name.description = t("participation.code", lang), t("participation.name", lang)
        self.code.placeholder, self.name.placeholder = "ABC234", t("participation.anonymous", lang)
        self.join_button.description = t("participation.join", lang)
        self.text.placeholder = t("participation.text", lang)
        self.add_button.description = t("participation.add", lang)
        title = label(t("participation.title", lang), "cx-title")
        top = w.HBox([title, self.language], layout=w.Layout(justify_content="space-between"))
        css = w.HTML(f"<style>{WRAP_CSS}</style>", layout=w.Layout(display="none"))
        if self.person is None:
            body = [self.code, self.name, self.join_button]
        else:
            shown_as = self.person.name or t("participation.anonymous", lang)
            body = [
                label(t("participation.joined", lang, name=shown_as), "cx-muted"),
                label(t("participation.personal_code", lang, code=self.person.personal_code), "cx-muted"),
                self.step_box,
            ]
            self._shown = self._lists_shown = None
            self.refresh()
        # the message stands where the person acts: under the join button, or in the step (see _step_view)
        self.children = [stylesheet(), css, top, *body, *([self.message] if self.person is None else [])]

    def _set_language(self, language: str) -> None:
        self.lang = language
        self._render()

    def say(self, text: str) -> None:
        self.message.value = text

    def join(self) -> None:
        try:
            self.room = Room.find(self.code.value, self.sessions_dir)
        except CopilotError as error:
            self.say(error.say(self.lang))
            return
        self.person = self.room.join(self.name.value, resume=split_code(self.code.value)[1])
        self.say("")
        self._render()

    # --- the open step -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Follow the room: redraw the step when another opens, the lists when stickies or votes change."""
        if self.room is None:
            return
        with self._refreshing:
            self._refresh()

    def _refresh(self) -> None:
        state = self.room.state()
        offer = state.offer
        shown = (state.open_step, state.round_of(state.open_step or ""), self.lang)
        if shown != self._shown:
            self._shown, self._lists_shown = shown, None
            self.step_box.children = self._step_view(offer) if offer else [label(t("participation.waiting", self.lang))]
        if offer is None:
            return
        tally = self.room.tally(offer.step, state)
        lists = (
            tuple((s.id, s.text) for s in tally.stickies),
            tuple(sorted(tally.by_person.get(self.person.id, {}).items())),
            tuple(sorted(tally.votes.items())) if offer.step in state.revealed else None,
            state.dots_for(offer.step),
            tuple(sorted(tally.rated_by.get(self.person.id, {}).items())),
        )
        if lists != self._lists_shown:
            self._lists_shown = lists
            self.lists.children = self._lists(offer, state, tally)

    def _step_view(self, offer: Offer) -> list[w.Widget]:
        lang = self.lang
        view = [
            label(offer.names.get(lang, offer.step), "cx-step-name"),
            label(offer.question.get(lang, ""), "cx-strong"),
        ]
        if offer.quotes:
            view.append(label(t("participation.quotes", lang), "cx-muted"))
            view += [label(f"“{q['text']}” — {q.get('source', '')}", "cx-quote-text") for q in offer.quotes]
        if offer.categories:
            self.kind.options = [(t(f"participation.category.{c}", lang), c) for c in offer.categories]
            self.kind.value = offer.categories[0]  # new options leave no choice made
            self.kind.description = t("participation.kind", lang)
            self.text.value = ""
            view += [label(t("participation.add_title", lang), "cx-strong"), self.kind, self.text, self.add_button]
            return [*view, self.message, self.lists]
        return [*view, self.lists, self.message]

    def _lists(self, offer: Offer, state: RoomState, tally: Tally) -> list[w.Widget]:
        lang, me = self.lang, self.person.id
        mine = [s for s in tally.stickies if s.participant == me]
        rows: list[w.Widget] = []
        if mine:
            rows.append(label(t("participation.mine", lang), "cx-strong"))
            rows += [self._my_sticky(offer.step, s.id, s.text) for s in mine]
        targets = [(i.id, i.text) for i in offer.items] + [(s.id, s.text) for s in tally.stickies]
        my_votes = tally.by_person.get(me, {})
        dots = state.dots_for(offer.step)
        if targets and dots:
            left = dots - sum(my_votes.values())
            rows.append(label(t("participation.vote_title", lang, left=left, dots=dots), "cx-strong"))
            revealed = offer.step in state.revealed
            if not revealed:
                rows.append(label(t("participation.votes_hidden", lang), "cx-muted"))
            for target, text in targets:
                total = tally.votes.get(target, 0) if revealed else None
                rows.append(self._vote_row(offer.step, target, text, my_votes.get(target, 0), left, total))
        if offer.scales:
            rows.append(label(t("participation.rate_title", lang), "cx-strong"))
            rated = tally.rated_by.get(me, {})
            for target, text in targets:
                sliders = [self._slider(offer.step, target, s, rated.get((target, s), 0)) for s in offer.scales]
                rows += [label(text), *sliders]
        return rows

    def _my_sticky(self, step: str, sticky_id: str, text: str) -> w.HBox:
        field = w.Text(value=text, layout=w.Layout(flex="1 1 auto", width="auto", min_width="0"))
        fixed = w.Layout(width="auto", flex="0 0 auto")  # a phone's narrow screen shrinks the text, not the buttons
        change = w.Button(description=t("participation.change", self.lang), icon="pencil", layout=fixed)
        withdraw = w.Button(description=t("participation.withdraw", self.lang), icon="trash", layout=fixed)
        change.on_click(lambda _: self._act(self.person.change_sticky, step, sticky_id, field.value))
        withdraw.on_click(lambda _: self._act(self.person.withdraw_sticky, step, sticky_id))
        return w.HBox([field, change, withdraw])

    def _vote_row(self, step: str, target: str, text: str, mine: int, left: int, total: int | None) -> w.HBox:
        less = w.Button(icon="minus", layout=w.Layout(width="36px"), disabled=mine == 0)
        more = w.Button(icon="plus", layout=w.Layout(width="36px"), disabled=left <= 0)
        less.on_click(lambda _: self._act(self.person.vote, step, target, mine - 1))
        more.on_click(lambda _: self._act(self.person.vote, step, target, mine + 1))
        counts = "●" * mine + ("" if total is None else f"  ({t('participation.votes_n', self.lang, n=total)})")
        text_label = label(text)
        text_label.layout.flex = "1 1 auto"
        return w.HBox([less, more, label(counts), text_label], layout=w.Layout(align_items="center"))

    def _slider(self, step: str, target: str, scale: str, value: int) -> w.SelectionSlider:
        """1–5, starting at "–" (not rated) or the person's own rating; back to "–" withdraws it."""
        slider = w.SelectionSlider(
            options=[("–", 0), *((str(n), n) for n in range(1, 6))],
            value=value,
            description=t(f"participation.scale.{scale}", self.lang),
            continuous_update=False,
        )
        slider.observe(lambda change: self._act(self.person.rate, step, target, scale, change["new"]), names="value")
        return slider

    # --- sending -------------------------------------------------------------------------------

    def add(self) -> None:
        if self.room is None or not (offer := self.room.state().offer):
            return
        if self._act(self.person.add_sticky, offer.step, self.kind.value, self.text.value[: MAX_TEXT * 2]):
            self.text.value = ""
            self.say(t("participation.added", self.lang))

    def _act(self, action, *args) -> bool:
        """Send one contribution; an error is said in a Label and nothing else changes."""
        try:
            action(*args)
        except CopilotError as error:
            self.say(error.say(self.lang))
            return False
        self.say("")
        self.refresh()
        return True

    def close(self) -> None:
        self._stop.set()
        super().close()
