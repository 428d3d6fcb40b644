"""What every step's slide builder shares: labels, evidence notes, assumption marks, small text helpers.

A builder takes the session and a language and returns its slides and the evidence ids they cite; the deck
puts those quotes in the appendix, and the speaker notes carry them next to the items that rest on them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from pydantic import BaseModel

from copilot.export.deckspec import Card, CardsSlide, Slide
from copilot.export.text import balanced, numbered
from copilot.i18n import t
from copilot.research.lexical import tokens
from copilot.research.quotes import Quote
from copilot.session import Session
from copilot.steps.catalogue import STEPS
from copilot.steps.evidence_fit import claim_text
from copilot.steps.quote_marks import deck_safe
from copilot.steps.quote_sentences import supporting
from copilot.steps.schemas import Item
from copilot.text import reads_as_said

Builder = Callable[[Session, str], tuple[list[Slide], list[str]]]
T = TypeVar("T")

DOT, EMPTY_DOT = "●", "○"


class Context:
    """One step's content, in one language, with the quotes it cites."""

    def __init__(self, session: Session, step_id: str, language: str) -> None:
        self.session = session
        self.step_id = step_id
        self.language = language
        # no unverified quotation reaches a slide as a customer's words (issue 24): marked, without its marks
        self.content = deck_safe(session, step_id, session.content(step_id, STEPS[step_id].schema), language)
        self.cited: list[str] = []
        self._quotes: dict[str, Quote] = {}

    @property
    def title(self) -> str:
        return STEPS[self.step_id].name(self.language)

    def titled(self, key: str) -> str:
        """'Current journey: emotion curve' — the step's name with what this slide shows."""
        return f"{self.title}: {self.label(key)}"

    def label(self, key: str, **values: object) -> str:
        return t(f"slides.{key}", self.language, **values)

    @property
    def assumption(self) -> str:
        return t("deck.assumption", self.language)

    @property
    def unjudged(self) -> bool:
        """Computed from the research and not yet edited by people: the scores a computed draft leaves in the
        middle (viability, effort) are placeholders, not judgements, and a slide must not read them as such."""
        from copilot.export.provenance import step_provenance

        prov = step_provenance(self.session, self.step_id)
        return prov.origin == "computed" and not prov.human_edits

    def cite(self, items: Iterable[Item]) -> None:
        """Remember the evidence of `items`, so their quotes reach the notes and the appendix."""
        new = [i for item in items for i in item.evidence if i not in self.cited]
        self.cited.extend(dict.fromkeys(new))
        missing = [i for i in new if i not in self._quotes]
        self._quotes.update({q.id: q for q in self.session.evidence(missing)})

    def quote(self, quote_id: str) -> Quote | None:
        return self._quotes.get(quote_id)

    def first_quote(self, item: Item, besides: str = "") -> str:
        """The sentence(s) that best support `item` from the quotes it cites (the passage's opening is rarely
        the point), or '': never agent-note shorthand or redaction placeholders ("[klantnummer 1]") as a
        customer's voice. The whole passage stays in the notes and the appendix. Quotes whose best sentence
        the card already shows (`besides`: its insight) give way to another voice, when there is one."""
        self.cite([item])
        cited = [self._quotes[i].text for i in item.evidence if i in self._quotes]
        about = claim_text(item)
        shown = re.findall(r"[„“\"]([^”\"]{20,})[”\"]", besides)  # the sentences the card quotes already
        other = [text for text in cited if not any(sentence in text for sentence in shown)]
        cited = other or cited
        if not cited:
            return ""
        wanted = set(tokens(about))
        # a customer's full sentence, the closest to the item; a line of placeholders or agent-note shorthand is
        # no customer's voice, and the card shows none rather than that
        said = [sentence for sentence in (supporting(text, about) for text in cited) if reads_as_said(sentence)]
        return max(said, key=lambda sentence: len(set(tokens(sentence)) & wanted), default="")

    def sources(self, item: Item) -> int:
        """How many different files the quotes `item` cites come from."""
        self.cite([item])
        return len({self._quotes[i].source for i in item.evidence if i in self._quotes})

    def notes(self, heading: str, item: Item) -> str:
        """Speaker notes for one item: its heading and every quote it rests on, or that it is an assumption."""
        self.cite([item])
        return notes_for(heading, item.evidence, self._quotes, self.language, about=claim_text(item))

    def open_questions(self) -> str:
        questions = getattr(self.content, "open_questions", None) or []
        if not questions:
            return ""
        return "\n".join([f"{self.label('open_questions')}:", *(f"– {q}" for q in questions)])

    def card_slides(
        self,
        items: Sequence[Item],
        per_slide: int,
        card: Callable[[Item], Card],
        more_notes: Callable[[Item], str] = lambda item: "",
    ) -> list[Slide]:
        """A card per item, `per_slide` a slide ("(2/3)" when they run over); each slide's notes carry its
        items' quotes under the card heading (and `more_notes` of the item after them: a theme's sub-themes),
        the first slide's also the step's open questions."""
        groups = slides_of(items, per_slide)
        slides: list[Slide] = []
        for number, group in enumerate(groups, start=1):
            cards = [card(item) for item in group]
            notes = [
                join_notes(self.notes(made.heading, item), more_notes(item))
                for item, made in zip(group, cards, strict=True)
            ]
            slides.append(
                CardsSlide(
                    numbered(self.title, number, len(groups)),
                    notes=join_notes(*notes, self.open_questions() if number == 1 else ""),
                    cards=cards,
                    assumption_label=self.assumption,
                )
            )
        return slides

    def marked(self, text: str, item: Item) -> str:
        """`text`, with the assumption label after it when `item` rests on no evidence."""
        return f"{text} ({self.assumption})" if item.assumption else text


def notes_for(heading: str, evidence: list[str], quotes: dict[str, Quote], language: str, about: str = "") -> str:
    """The item's heading, then per quote the sentence(s) that support it (`about`: the item's text) and,
    when that is only part of it, the whole passage under it."""
    if not evidence:
        return f"{heading}\n{t('deck.no_evidence', language)}"
    lines = [heading]
    for quote_id in evidence:
        quote = quotes.get(quote_id)
        if quote:
            whole = " ".join(quote.text.split())
            point = supporting(whole, about) if about else whole
            lines.append(f"[{quote_id}] “{point}” — {quote.cite(language)}")
            if point != whole:
                lines.append(f"    {t('deck.whole_passage', language)}: “{whole}”")
    return "\n".join(lines)


def join_notes(*parts: str) -> str:
    return "\n\n".join(p for p in parts if p and p.strip())


def has_content(content: BaseModel | None) -> bool:
    """Whether a step's content says anything yet (open questions alone do not make a slide)."""
    if content is None:
        return False
    return any(_filled(v) for k, v in content.model_dump().items() if k != "open_questions")


def _filled(value: object) -> bool:
    if isinstance(value, dict):
        return any(_filled(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_filled(v) for v in value)
    if isinstance(value, str):
        return bool(value.strip())
    return value is not None


def bullets(lines: Iterable[str]) -> str:
    return "\n".join(f"• {line}" for line in lines if line and line.strip())


def listed(values: Sequence[str]) -> str:
    """A short list inside a table cell or a line: one value per line."""
    return "\n".join(v for v in values if v and v.strip())


def in_line(values: Sequence[str]) -> str:
    """Values on one line as a writer would put them: after a whole sentence a space ("Het ging fout. Niemand
    belde."), after a fragment a semicolon ("wachttijd; NPS") — never ".;"."""
    text = ""
    for value in (v.strip() for v in values):
        if value:
            text += ("" if not text else " " if text[-1] in '.!?…”"' else "; ") + value
    return text


def dots(value: int | None, scale: int = 5) -> str:
    """'●●●○○ 3/5' — a 1–5 score people read at a glance."""
    if value is None:
        return "–"
    value = max(0, min(scale, int(value)))
    return f"{DOT * value}{EMPTY_DOT * (scale - value)} {value}/{scale}"


def evidence_ids(item: Item) -> str:
    return ", ".join(item.evidence[:3]) + (" …" if len(item.evidence) > 3 else "")


def slides_of(items: Sequence[T], per_slide: int) -> list[list[T]]:
    """Items over as few slides as `per_slide` allows, spread evenly."""
    return balanced(items, per_slide)


def stages(session: Session) -> dict[str, str]:
    """Journey stage ids to their names, in journey order (SD-04's stages, then SD-08's), for steps that refer
    to stages by id."""
    ordered: dict[str, str] = {}
    for step_id in ("SD-04", "SD-08"):
        content = session.content(step_id, STEPS[step_id].schema) if step_id in session.step_ids() else None
        for stage in getattr(content, "stages", None) or []:
            ordered.setdefault(stage.id, stage.name)
    return ordered
