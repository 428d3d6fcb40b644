"""AI-02 shelved ideas, computed offline: the proposals, pilots and projects the research says were stopped
(memos, minutes, interviews with staff), each with when, why it stopped and what has changed since, in the
research's own words and with the passages as evidence. How viable an idea was then and is now is a judgement
the research does not state, so both start in the middle and the open questions say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from copilot.errors import StepError
from copilot.i18n import t
from copilot.research.chunks import Chunk
from copilot.research.redaction import Redactor
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.steps.quote_sentences import sentences
from copilot.steps.registry import Agenda
from copilot.steps.schemas import ShelvedIdea, ShelvedIdeas
from copilot.steps.shelved_words import (
    AFTER_STOP,
    ARTICLE,
    BECAUSE,
    DURATION,
    NAMES,
    PERSON,
    PROPOSAL,
    SINCE,
    STOPPED,
    TITLED,
    TRIED_NAMES,
    UPON,
    YEAR,
)
from copilot.text import shorten

MAX_IDEAS = 8
QUOTES_EACH = 3
UNJUDGED = 3  # viability then and now in the middle until people score them
NAME_WORDS = (2, 10)  # an idea's name is a short phrase ("proactief termijnadvies", "callback slots")
LENGTH = 160  # a cell of the slide's table


@dataclass
class Found:
    name: str
    year: str = ""
    why: str = ""
    changed: str = ""
    quotes: list[Chunk] = field(default_factory=list)


def draft_shelved_ideas(store: ResearchStore, session: Session, workshop: Agenda | None = None):
    """Ideas the research says were stopped, most often mentioned first, with the passages that say so."""
    language = session.language
    chunks = [c for c in store.chunks(where={"kind": {"$in": ["document", "transcript"]}}) if c.text]
    found = shelved(chunks)
    if not found:
        raise StepError(t("starters.shelved_none", language))
    # what travels to the deck is the research's wording without the people in it ("de proef van Marieke")
    redact = Redactor(language, known_names={c.speaker for c in chunks if c.speaker}).redact
    ideas, cited = [], {}
    for n, idea in enumerate(found[:MAX_IDEAS], start=1):
        picked = idea.quotes[:QUOTES_EACH]
        cited.update({q.id: q for q in picked})
        ideas.append(
            ShelvedIdea(
                id=f"P{n}",
                idea=redact(idea.name),
                year=idea.year,
                why_shelved=shorten(redact(idea.why), LENGTH),
                blocker_gone=shorten(redact(idea.changed), LENGTH),
                viability_then=UNJUDGED,
                viability_now=UNJUDGED,
                evidence=[q.id for q in picked],
            )
        )
    questions = [t("starters.shelved_judge", language), t("starters.shelved_missing", language)]
    return ShelvedIdeas(ideas=ideas, open_questions=questions), list(cited.values())


def shelved(chunks: list[Chunk]) -> list[Found]:
    """Each idea the chunks say was stopped, merged by name (a memo and an interview about the same pilot are
    one idea with two voices), documents first: a memo says it more precisely than a recollection."""
    ordered = sorted(chunks, key=lambda c: (c.kind != "document", c.source, c.location))
    ideas: dict[str, Found] = {}
    for chunk in ordered:
        for mention in _mentions(chunk.text):
            idea = ideas.setdefault(mention.name.casefold(), Found(mention.name))
            idea.year = idea.year or mention.year
            idea.why = idea.why or mention.why
            idea.changed = idea.changed or mention.changed
            if chunk not in idea.quotes:
                idea.quotes.append(chunk)
    # a passage that names a known idea and says something stopped is another voice on it, however it tells the
    # story ("Online booking for parking permits, we had that as a trial … and it was stopped")
    for chunk in ordered:
        lowered = chunk.text.casefold()
        if STOPPED.search(chunk.text):
            for key, idea in ideas.items():
                if key in lowered and chunk not in idea.quotes:
                    idea.quotes.append(chunk)
    return sorted(ideas.values(), key=lambda idea: -len(idea.quotes))


def _mentions(text: str) -> list[Found]:
    """The ideas one passage says were stopped. A stop verb counts where a proposal word stands in its sentence or
    before it in the passage (a turn, a paragraph), and a name for the idea is found: "de bus stopte" is not an
    idea. "Het is toen gestopt." closes a story whose idea was named five sentences earlier."""
    parts = sentences(text)
    found = []
    for i, sentence in enumerate(parts):
        stop = STOPPED.search(sentence)
        if not stop:
            continue
        window = parts[: i + 1]
        name, pattern = _name(sentence, window)
        # a proposal word in the story, or a name whose own shape says something was tried ("called …")
        if not name or not (pattern in TRIED_NAMES or any(PROPOSAL.search(part) for part in window)):
            continue
        year = next((m.group(0) for part in reversed(window) if (m := YEAR.search(part))), "")
        changed = next((part for part in parts[i + 1 :] if SINCE.search(part)), "")
        found.append(Found(name, year, _why(sentence[stop.end() :]) or sentence, changed))
    return found


def _why(rest: str) -> str:
    """Why it stopped, from what the stop sentence says after the stop: "because …", or the clause after a comma
    ("beëindigd, te duur per deelnemer"); empty where the reason stands elsewhere."""
    if because := BECAUSE.search(rest) or UPON.search(rest):
        return _clause(because.group(1))
    if clause := AFTER_STOP.match(rest):
        return _clause(clause.group(1))
    return ""


def _name(sentence: str, window: list[str]) -> tuple[str, re.Pattern | None]:
    """The idea's name as the research writes it (see NAMES): the stop sentence first, then the sentences
    before it; a proper name (TITLED) only when no sentence names the idea otherwise ("… because Janet Okafor
    left" names a person, and the pilot two sentences back)."""
    parts = [sentence, *reversed(window[:-1])]
    for patterns in ([p for p in NAMES if p is not TITLED], [TITLED]):
        for part in parts:
            for pattern in patterns:
                for match in pattern.finditer(part):
                    name = ARTICLE.sub("", _clause(match.group(1)))
                    if _fits(name):
                        return name, pattern
    return "", None


def _fits(name: str) -> bool:
    return NAME_WORDS[0] <= len(name.split()) <= NAME_WORDS[1] and not DURATION.match(name) and not _is_not_a_name(name)


def _is_not_a_name(name: str) -> bool:
    """A quoted remark ("we stopped it"), or a person ("Dr Okafor") is no idea's name."""
    return bool(STOPPED.search(name) or PERSON.match(name))


def _clause(text: str) -> str:
    """A phrase as it was written, without its trailing punctuation or a leading "Idem voor"."""
    text = re.sub(r"\s*\([^()]*\)$", "", " ".join(text.split()).rstrip(".!?;:, "))  # "… (2018)"
    return re.sub(r"^(?:Idem voor|Also for)\s+", "", text)
