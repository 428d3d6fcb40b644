"""The workshop's dot votes on a deck: one native bar chart per step whose votes the facilitator revealed.

Read from the session's participation folder (never from the session file); a session without one, or a
step whose votes were never revealed, adds nothing. Participants' texts stay plain text on the slide.
"""

from __future__ import annotations

from copilot.export.deckspec import ChartSeries, ChartSlide
from copilot.export.text import shorten
from copilot.i18n import t
from copilot.participation import Room
from copilot.session import Session
from copilot.steps.catalogue import STEPS

TOP = 10  # bars on one slide stay readable


def vote_slides(session: Session, step_id: str, language: str) -> list[ChartSlide]:
    folder = Room.folder_for(session.path)
    if not (folder / "room.json").exists():
        return []
    room = Room(folder)
    state = room.state()
    if step_id not in state.revealed:
        return []
    tally = room.tally(step_id, state)
    texts = {s.id: s.text for s in tally.stickies}
    if state.offer and state.offer.step == step_id:
        texts.update({i.id: i.text for i in state.offer.items})
    ranked = sorted((n, target) for target, n in tally.votes.items() if target in texts)[::-1][:TOP]
    if not ranked:
        return []
    name = STEPS[step_id].name(language)
    people = len(tally.participants)
    return [
        ChartSlide(
            t("participation.deck_title", language, step=name),
            notes=t("participation.deck_notes", language, people=people, dots=tally.dots_cast),
            kind="bar",
            categories=[shorten(texts[target], 60) for _, target in ranked],
            series=[ChartSeries(t("participation.deck_series", language), [float(n) for n, _ in ranked])],
            y_min=0,
            number_format="0",
            caption=t("participation.deck_caption", language, people=people),
        )
    ]
