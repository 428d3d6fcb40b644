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
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.steps.quote_sentences import sentences
from copilot.steps.registry import Agenda
from copilot.steps.schemas import ShelvedIdea, ShelvedIdeas
from copilot.text import shorten

MAX_IDEAS = 8
QUOTES_EACH = 3
UNJUDGED = 3  # viability then and now in the middle until people score them
NAME_WORDS = (2, 8)  # an idea's name is a short phrase ("proactief termijnadvies", "callback slots")
LENGTH = 160  # a cell of the slide's table

# that something stopped: the verb, not "de bus stopte" — a proposal word must stand before it (see _mentions)
STOPPED = re.compile(
    r"\b(?:stopte|stopten|gestopt|gestaakt|geparkeerd|afgeblazen|afgeschoten|niet doorgegaan|ging niet door|"
    r"op de plank|in de ijskast|doodgebloed|strandde|gestrand|afgewezen|"
    r"stopped|shelved|scrapped|dropped|abandoned|cancel(?:l)?ed|put on hold|never went ahead|parked|fizzled out|"
    r"was rejected|were rejected|died)\b",
    re.IGNORECASE,
)
PROPOSAL = re.compile(
    r"\b(?:voorstel(?:len)?|idee(?:ën)?|project(?:en)?|proef|proeven|pilots?|plan(?:nen)?|initiatie[fv](?:en)?|"
    r"experiment(?:en)?|businesscase|proposals?|ideas?|projects?|trials?|plans?|initiatives?|experiments?|"
    r"proof of concept|business case)\b",
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(?:19[89]\d|20\d\d)\b")
QUOTED = re.compile(r"[\"“„'‘]([^\"“”„'‘’]{3,80})[\"”'’]")
# "een proef met terugbellen op afspraak", "a proposal for callback slots": the idea follows
NAMED_AFTER = re.compile(
    r"\b(?:voorstel|idee|project|proef|pilot|plan|initiatief|experiment|proposal|idea|project|trial|pilot|plan|"
    r"initiative|experiment)\s+(?:voor|met|om|over|for|with|of|to|on)\s+([^,.:;!?()]{3,80}?)"
    r"(?=\s+(?:was|were|is|are|has|had|got|werd|werden|wordt|lag|ging|stopte|that|which|dat|die)\b|[,.:;!?()]|$)",
    re.IGNORECASE,
)
# "a trial for a few months" names how long, not what
DURATION = re.compile(r"^(?:a few|a couple of|several|some|een paar|enkele|\d+)\b", re.IGNORECASE)
ARTICLE = re.compile(r"^(?:a|an|the|de|het|een)\s+", re.IGNORECASE)
# "Idem voor terugbellen op afspraak: de proef uit 2022 …": the idea stands before the colon
NAMED_BEFORE = re.compile(
    r"(?:^|\b(?:voor|for|with|met)\s)([^:.;]{3,60}):\s*(?:de|het|een|the|a|an|this|that)\s+"
    r"(?:proef|pilot|project|voorstel|idee|plan|trial|proposal|idea)",
    re.IGNORECASE,
)
# why it stopped: what follows these words after the stop verb
BECAUSE = re.compile(r"\b(?:door|omdat|vanwege|wegens|bij|because(?: of)?|due to|after|when)\s+(.+)$", re.IGNORECASE)
# what has changed since: a sentence after the stop that starts like this
SINCE = re.compile(r"^(?:nu|inmiddels|tegenwoordig|sindsdien|vandaag|now|today|nowadays|since then|these days)\b", re.I)


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
    ideas, cited = [], {}
    for n, idea in enumerate(found[:MAX_IDEAS], start=1):
        picked = idea.quotes[:QUOTES_EACH]
        cited.update({q.id: q for q in picked})
        ideas.append(
            ShelvedIdea(
                id=f"P{n}",
                idea=idea.name,
                year=idea.year,
                why_shelved=shorten(idea.why, LENGTH),
                blocker_gone=shorten(idea.changed, LENGTH),
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
        if not any(PROPOSAL.search(part) for part in window):
            continue
        name = _name(sentence, window)
        if not name:
            continue
        year = next((m.group(0) for part in reversed(window) if (m := YEAR.search(part))), "")
        why = BECAUSE.search(sentence[stop.end() :])
        changed = next((part for part in parts[i + 1 :] if SINCE.match(part)), "")
        found.append(Found(name, year, _clause(why.group(1)) if why else sentence, changed))
    return found


def _name(sentence: str, window: list[str]) -> str:
    """The idea's name as the research writes it: in quotes, after "een proef met", or before "…: de proef";
    the stop sentence first, then the sentences before it."""
    for part in [sentence, *reversed(window[:-1])]:
        for pattern in (QUOTED, NAMED_BEFORE, NAMED_AFTER):
            for match in pattern.finditer(part):
                name = ARTICLE.sub("", _clause(match.group(1)))
                if NAME_WORDS[0] <= len(name.split()) <= NAME_WORDS[1] and not DURATION.match(name):
                    return name
    return ""


def _clause(text: str) -> str:
    """A phrase as it was written, without its trailing punctuation or a leading "Idem voor"."""
    text = " ".join(text.split()).rstrip(".!?;:, ")
    return re.sub(r"^(?:Idem voor|Also for)\s+", "", text)
