"""The records of workshop participation: what participants send, what the facilitator controls, and what a
step's round adds up to. Stored by `copilot.participation`; plain data, no files here."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

FOLDER_SUFFIX = ".participation"
CATEGORIES = ("idea", "hmw", "pain", "stakeholder")
SCALES = ("impact", "effort", "power", "interest")
MAX_TEXT = 280
MAX_NAME = 40
DEFAULT_DOTS = 3

# What each step takes from the room; steps not named take ideas and pains, no ratings.
STEP_INPUT: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "SD-04": (("pain",), ()),
    "SD-05": (("hmw", "pain"), ()),
    "SD-06": (("idea",), ()),
    "SD-07": ((), ("impact", "effort")),
    "SC-01": (("stakeholder",), ("power", "interest")),
}


def step_input(step: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return STEP_INPUT.get(step, (("idea", "pain"), ()))


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def clean_text(text: str, limit: int = MAX_TEXT) -> str:
    """Plain text of at most `limit` characters: no control or format characters, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", str(text))
    text = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in text)
    return " ".join(text.split())[:limit].strip()


class Record(BaseModel):
    """One line of a participant's log: a sticky, a vote or a rating, as the participant last sent it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    participant: str
    name: str = ""
    at: str
    step: str
    round: int = 0
    kind: Literal["sticky", "vote", "rating"]
    target: str  # a sticky's own id; what a vote or rating is about
    category: str = ""
    scale: str = ""
    text: str = ""
    value: int = 0  # sticky 1 present, 0 withdrawn; vote: dots; rating: 1..5, 0 withdrawn


class Item(BaseModel):
    """Something of the step's own content participants may vote on or rate (an idea, a stakeholder)."""

    id: str
    text: str


class Offer(BaseModel):
    """What participants see of the opened step: a snapshot, so they never read the session file."""

    model_config = ConfigDict(extra="ignore")

    step: str
    names: dict[str, str] = Field(default_factory=dict)  # language → step name
    question: dict[str, str] = Field(default_factory=dict)  # language → the step's question
    quotes: list[dict[str, str]] = Field(default_factory=list)  # {text, source}
    items: list[Item] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list)
    scales: list[str] = Field(default_factory=list)


class Control(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    at: str
    action: Literal["open", "close", "dots", "reveal", "reset", "remove"]
    step: str = ""
    value: int = 0
    target: str = ""
    offer: Offer | None = None


@dataclass
class RoomState:
    """The facilitator's controls, folded from their log."""

    open_step: str | None = None
    offer: Offer | None = None
    dots: dict[str, int] = field(default_factory=dict)
    revealed: set[str] = field(default_factory=set)
    rounds: dict[str, int] = field(default_factory=dict)
    removed: set[str] = field(default_factory=set)

    def dots_for(self, step: str) -> int:
        return self.dots.get(step, DEFAULT_DOTS)

    def round_of(self, step: str) -> int:
        return self.rounds.get(step, 0)

    def apply(self, control: Control) -> None:
        if control.action == "open":
            self.open_step, self.offer = control.step, control.offer
        elif control.action == "close":
            self.open_step, self.offer = None, None
        elif control.action == "dots":
            self.dots[control.step] = control.value
        elif control.action == "reveal":
            (self.revealed.add if control.value else self.revealed.discard)(control.step)
        elif control.action == "reset":
            self.rounds[control.step] = self.round_of(control.step) + 1
            self.revealed.discard(control.step)
        elif control.action == "remove":
            self.removed.add(control.target)


@dataclass(frozen=True)
class Sticky:
    id: str
    participant: str
    name: str
    category: str
    text: str
    at: str


@dataclass
class Tally:
    """One step's current round, counted: live stickies, dots per target, ratings per target and scale."""

    step: str
    round: int
    stickies: list[Sticky] = field(default_factory=list)
    votes: dict[str, int] = field(default_factory=dict)
    ratings: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    participants: set[str] = field(default_factory=set)
    by_person: dict[str, dict[str, int]] = field(default_factory=dict)  # participant → target → dots
    rated_by: dict[str, dict[tuple[str, str], int]] = field(default_factory=dict)  # participant → (target, scale)

    def mean(self, target: str, scale: str) -> float | None:
        values = self.ratings.get(target, {}).get(scale, [])
        return sum(values) / len(values) if values else None

    @property
    def dots_cast(self) -> int:
        return sum(self.votes.values())
