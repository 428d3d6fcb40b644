"""The facilitator's side of participation: the join code and link (a QR code when `segno` is installed),
which step is open for input, dots per person, reveal, a new round, removing a sticky, live counts, and
"turn into draft".

Polls the room every `poll` seconds in a background thread and redraws only when something changed.
Participants' text is shown as Label text only, never as HTML.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable
from urllib.parse import quote

import ipywidgets as w

from copilot.errors import CopilotError
from copilot.i18n import t
from copilot.participation import Room
from copilot.participation_draft import clusters, draft_from_room, offer_for
from copilot.participation_model import RoomState, Sticky, Tally
from copilot.steps.catalogue import STEPS
from copilot.ui.participant_app import WRAP_CSS, label
from copilot.ui.polling import poll
from copilot.workbench import Workbench

_POLLERS: dict[str, ParticipationPanel] = {}  # one poller per session: a rebuilt app's panel takes over
PARTICIPANT_PORT = 8867  # `cx-copilot app --participants` serves the participant app here
BAR = "█"


def participant_link(code: str) -> str:
    """Where participants go: CX_COPILOT_PARTICIPATE_URL when set (JupyterHub, a named host), else this
    machine's address on the local network and the participant server's port."""
    base = os.environ.get("CX_COPILOT_PARTICIPATE_URL") or f"http://{_local_address()}:{PARTICIPANT_PORT}/"
    return f"{base}{'&' if '?' in base else '?'}code={quote(code)}"


def _local_address() -> str:
    """This machine's address on the local network (no packet is sent: a UDP socket only picks a route)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            return probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def qr_image(link: str) -> w.Image | None:
    """A QR code of `link` as a PNG image widget, when the small `segno` package is installed."""
    try:
        import io

        import segno
    except ImportError:
        return None
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=5, border=2)
    return w.Image(value=buffer.getvalue(), format="png", layout=w.Layout(width="180px"))


class ParticipationPanel(w.VBox):
    def __init__(self, bench: Workbench, on_drafted: Callable[[str], None] | None = None, poll: float = 2.0) -> None:
        super().__init__(layout=w.Layout(width="100%"))
        self.bench, self.on_drafted, self.poll = bench, on_drafted, poll
        self.room: Room | None = Room(Room.folder_for(bench.session.path)) if self._exists() else None
        self.start_button = w.Button(icon="users", button_style="primary")
        self.start_button.on_click(lambda _: self.start())
        self.step = w.Dropdown(layout=w.Layout(width="auto"))
        self.dots = w.BoundedIntText(value=3, min=0, max=20, layout=w.Layout(width="150px"))
        self.buttons = {name: w.Button(icon=icon, layout=w.Layout(width="auto")) for name, icon in _BUTTONS.items()}
        for name, button in self.buttons.items():
            button.on_click(lambda _, n=name: self._control(n))
        self.counts, self.message = label(""), label("")
        self.board = w.VBox()
        self._shown: tuple | None = None
        self._lock = threading.RLock()  # the poll thread and button callbacks both redraw
        self._stop = threading.Event()
        self.build()
        if self.room is not None:
            self._start_polling()

    def _exists(self) -> bool:
        return (Room.folder_for(self.bench.session.path) / "room.json").exists()

    def build(self) -> None:
        lang = self.bench.language
        steps = self.bench.workshop.steps if self.bench.workshop else list(STEPS)
        chosen = self.step.value
        self.step.options = [(f"{s} {STEPS[s].name(lang)}", s) for s in dict.fromkeys(steps) if STEPS[s].available]
        values = [value for _, value in self.step.options]
        if values:  # new options leave no choice made: keep the one made, else the agenda's first step
            self.step.value = chosen if chosen in values else values[0]
        self.step.description, self.dots.description = t("participation.step", lang), t("participation.dots", lang)
        self.start_button.description = t("participation.start", lang)
        for name, button in self.buttons.items():
            button.description = t(f"participation.{name}", lang)
        css = w.HTML(f"<style>{WRAP_CSS}</style>", layout=w.Layout(display="none"))
        hint = label(t("participation.panel_hint", lang), "cx-muted")
        if self.room is None:
            self.children = [css, hint, self.start_button, self.message]
            return
        code, link = self.room.code, participant_link(self.room.code)
        join = [label(code, "cx-join-code"), label(t("participation.link", lang, link=link, code=code))]
        qr = qr_image(link)
        controls = w.HBox([self.step, self.dots, *(self.buttons[n] for n in ("open", "close"))])
        round_bar = w.HBox([self.buttons[n] for n in ("reveal", "reset", "to_draft")])
        for bar in (controls, round_bar):
            bar.add_class("cx-toolbar")
        top = w.HBox([w.VBox(join, layout=w.Layout(flex="1 1 auto")), *([qr] if qr else [])])
        self._shown = None
        self.children = [css, hint, top, controls, round_bar, self.counts, self.board, self.message]
        self.refresh()

    def start(self) -> None:
        try:
            self.room = Room.open_for(self.bench.session.path)
        except CopilotError as error:
            self.message.value = error.say(self.bench.language)
            return
        self.build()
        self._start_polling()

    # --- controls ------------------------------------------------------------------------------

    def _control(self, name: str) -> None:
        lang, step = self.bench.language, self.step.value
        self.message.value = ""
        if step is None:  # a workshop format without steps that take input
            return
        try:
            if name == "open":
                self.room.set_dots(step, self.dots.value)
                self.room.open_step(offer_for(self.bench.session, step))
            elif name == "close":
                self.room.close()
            elif name == "reveal":
                self.room.reveal(step, step not in self.room.state().revealed)
            elif name == "reset":
                self.room.reset_round(step)
            elif name == "to_draft":
                self.to_draft(step)
        except CopilotError as error:
            self.message.value = error.say(lang)
        self.refresh()

    def to_draft(self, step: str) -> None:
        """The room's input as the step's draft: beside people's edits, as changes to accept or reject."""
        lang = self.bench.language
        name = f"{step} {STEPS[step].name(lang)}"
        if draft_from_room(self.bench.session, step, self.room.tally(step)) is None:
            self.message.value = t("participation.nothing_to_draft", lang, step=name)
            return
        self.message.value = t("participation.drafted", lang, step=name)
        if self.on_drafted:
            self.on_drafted(step)

    def remove(self, sticky_id: str) -> None:
        self.room.remove(sticky_id)
        self.refresh()

    # --- what the room has sent ----------------------------------------------------------------

    def refresh(self) -> None:
        if self.room is None:
            return
        with self._lock:
            state = self.room.state()
            step = state.open_step or self.step.value
            tally = self.room.tally(step, state) if step else None
            shown = (
                state.open_step,
                step in state.revealed,
                tally and tuple((s.id, s.text) for s in tally.stickies),
                tally and tuple(sorted(tally.votes.items())),
                tally and tuple(sorted(tally.participants)),
                tally and tuple(sorted((k, tuple(map(tuple, v.items()))) for k, v in tally.ratings.items())),
                self.bench.language,
            )
            if shown == self._shown:
                return
            self._shown = shown
            self._show(state, step, tally)

    def _show(self, state: RoomState, step: str | None, tally: Tally | None) -> None:
        lang = self.bench.language
        self.buttons["reveal"].description = t(f"participation.{'hide' if step in state.revealed else 'reveal'}", lang)
        opened = state.open_step
        status = t("participation.open_now", lang, step=f"{opened} {STEPS[opened].name(lang)}") if opened else None
        if tally is None:
            self.counts.value, self.board.children = t("participation.closed", lang), []
            return
        counts = t(
            "participation.counts", lang, people=len(tally.participants), stickies=len(tally.stickies),
            dots=tally.dots_cast,
        )  # fmt: skip
        self.counts.value = f"{status or t('participation.closed', lang)} · {counts}"
        revealed = step in state.revealed
        rows: list[w.Widget] = []
        for group in clusters(tally.stickies):
            if len(group) > 1:
                rows.append(label(t("participation.group", lang, n=len(group)), "cx-muted"))
            rows += [self._sticky_row(s, tally.votes.get(s.id, 0) if revealed else None) for s in group]
        offered = state.offer.items if state.offer and state.offer.step == step else []
        if revealed:  # the vote chart: one bar per voted item, most dots first
            for item in sorted(offered, key=lambda i: -tally.votes.get(i.id, 0)):
                if tally.votes.get(item.id):
                    rows.append(label(f"{BAR * tally.votes[item.id]} {tally.votes[item.id]} · {item.text}"))
        rows += self._ratings(tally, {**{i.id: i.text for i in offered}, **{s.id: s.text for s in tally.stickies}})
        self.board.children = rows

    def _ratings(self, tally: Tally, texts: dict[str, str]) -> list[w.Label]:
        """Per rated item, the mean of each scale and how many rated it: "Impact 4.5 (2) · Effort 2.0 (2) — idea"."""
        lang, rows = self.bench.language, []
        for target, scales in tally.ratings.items():
            if target in texts:
                parts = [
                    f"{t(f'participation.scale.{scale}', lang)} {sum(v) / len(v):.1f} ({len(v)})"
                    for scale, v in scales.items()
                ]
                rows.append(label(f"{' · '.join(parts)} — {texts[target]}"))
        return rows

    def _sticky_row(self, sticky: Sticky, votes: int | None) -> w.HBox:
        remove = w.Button(icon="trash", tooltip=t("participation.remove", self.bench.language))
        remove.layout = w.Layout(width="36px", flex="0 0 auto")
        remove.on_click(lambda _: self.remove(sticky.id))
        bar = label("" if votes is None else f"{BAR * votes} {votes}")
        bar.layout.min_width = "60px"
        text_label = label(f"{sticky.text} — {sticky.name}" if sticky.name else sticky.text)
        text_label.layout.flex = "1 1 auto"
        return w.HBox([remove, bar, text_label], layout=w.Layout(align_items="center"))

    def _start_polling(self) -> None:
        if self.poll:
            key = str(self.bench.session.path)
            _POLLERS[key] = self
            poll(self.refresh, self._stop, self.poll, lambda: _POLLERS.get(key) is self)

    def close(self) -> None:
        self._stop.set()
        super().close()


_BUTTONS = {
    "open": "play",
    "close": "stop",
    "reveal": "eye",
    "reset": "refresh",
    "to_draft": "magic",
}
