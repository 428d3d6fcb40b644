"""DeckSpec: what a deck says, as plain data. Only the renderer knows about python-pptx."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Slide:
    title: str
    notes: str = ""


@dataclass
class TitleSlide(Slide):
    subtitle: str = ""


@dataclass
class SectionSlide(Slide):
    subtitle: str = ""


@dataclass
class AgendaRow:
    start: str  # "0:00"
    label: str
    minutes: int
    detail: str = ""


@dataclass
class AgendaSlide(Slide):
    rows: list[AgendaRow] = field(default_factory=list)


@dataclass
class Card:
    heading: str
    body: str = ""
    footer: str = ""
    assumption: bool = False


@dataclass
class CardsSlide(Slide):
    cards: list[Card] = field(default_factory=list)
    assumption_label: str = "Assumption"


@dataclass
class TableSlide(Slide):
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)  # relative column widths; equal when empty


@dataclass
class Deck:
    title: str
    language: str
    slides: list[Slide] = field(default_factory=list)
