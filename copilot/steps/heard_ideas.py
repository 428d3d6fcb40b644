"""SD-06 ideation, computed offline: the ideas people in the research propose themselves ("Waarom kan ik niet
gewoon een terugbelverzoek doen?"), each with their sentence as its pitch, the people who propose it as its
evidence, and the how-might-we question (SD-05) it answers.

Ideation is the group's creative work; these are what customers and staff already asked for, put on the wall
first so the group builds on them. What AI does in an idea and what it does to human contact stay at "none" and
"keeps" until people discuss them, and the open questions say so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from copilot.errors import StepError
from copilot.i18n import t
from copilot.research.chunks import Chunk
from copilot.research.language import detect
from copilot.research.redaction import Redactor
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.steps import contact_exports as exports
from copilot.steps.registry import Agenda
from copilot.steps.schemas import HmwQuestion, HowMightWe, Idea, Ideation
from copilot.steps.sentence_kinds import sentences
from copilot.steps.suggestions import proposal
from copilot.text import reads_as_said, sentence_case, shorten

MAX_IDEAS = 8
VOICES = 3  # quotes cited per idea
TITLE_WORDS = 6  # a sticky note
PITCH_LENGTH = 220
ARTICLE = ("de ", "het ", "een ", "the ", "a ", "an ")


@dataclass
class Heard:
    phrase: str  # what is proposed, in the words of the first who said it
    sentence: str  # the sentence that says it
    stems: set[str]
    voices: list[Chunk] = field(default_factory=list)

    @property
    def sources(self) -> int:
        return len({chunk.source for chunk in self.voices})


def draft_heard_ideas(store: ResearchStore, session: Session, workshop: Agenda | None = None):
    """The proposals most sources make first, each linked to the question it answers."""
    language = session.language
    export = exports.contact_export(store.chunks(where={"kind": "table"}))
    notes = {row.chunk.id for row in export.rows} if export else set()  # an agent's note proposes nothing
    chunks = [c for c in store.chunks() if c.is_evidence and c.id not in notes and c.text]
    # names, numbers and addresses out before a phrase becomes a sticky note's title
    redactor = Redactor(language, known_names={c.speaker for c in chunks if c.speaker})
    heard = heard_ideas(chunks, redactor.redact)
    if not heard:
        raise StepError(t("starters.heard_none", language))
    heard.sort(key=lambda idea: (-idea.sources, detect(idea.sentence) != language))  # the deck's language first
    questions = (session.content("SD-05", HowMightWe) or HowMightWe()).questions
    ideas, cited = [], {}
    for n, idea in enumerate(heard[:MAX_IDEAS], start=1):
        voices = idea.voices[:VOICES]
        cited.update({c.id: c for c in voices})
        said = shorten(idea.sentence, PITCH_LENGTH)
        ideas.append(
            Idea(
                id=f"I{n}",
                title=_title(idea.phrase),
                pitch=t("starters.heard_pitch", language, n=idea.sources, said=said),
                hmw=_answers(idea, questions),
                evidence=[c.id for c in voices],
            )
        )
    open_questions = [t("starters.heard_build", language), t("starters.heard_ai", language)]
    return Ideation(ideas=ideas, open_questions=open_questions), list(cited.values())


def heard_ideas(chunks: list[Chunk], redact: Callable[[str], str] = str) -> list[Heard]:
    """Each proposal the chunks make, merged when two say the same (they share half their word stems), the
    ones most sources make first; read from each sentence as `redact` leaves it."""
    heard: list[Heard] = []
    for chunk in chunks:
        for sentence in map(redact, sentences(chunk.text)):
            phrase = proposal(sentence, survey_answer=chunk.kind == "table")
            if not phrase or not reads_as_said(sentence):
                continue
            stems = exports.stems(phrase)
            same = next((h for h in heard if _same(h.stems, stems)), None)
            if same is None:
                heard.append(same := Heard(phrase, sentence, stems))
            if chunk not in same.voices:
                same.voices.append(chunk)
    return sorted(heard, key=lambda h: (-h.sources, -len(h.voices)))


def _same(a: set[str], b: set[str]) -> bool:
    return bool(a and b) and len(a & b) >= max(1, min(len(a), len(b)) / 2)


def _answers(idea: Heard, questions: list[HmwQuestion]) -> str:
    """The id of the how-might-we question sharing most word stems with the proposal, or ""."""
    about = exports.stems(f"{idea.phrase} {idea.sentence}")
    scored = [(len(about & exports.stems(f"{q.question} {q.pain}")), q.id) for q in questions]
    best = max(scored, default=(0, ""))
    return best[1] if best[0] else ""


def _title(phrase: str) -> str:
    """ "een indicatie van de wachttijd" → "Indicatie van de wachttijd": no article, a capital, six words."""
    lowered = phrase.lower()
    for article in ARTICLE:
        if lowered.startswith(article) and len(phrase.split()) > 2:
            phrase = phrase[len(article) :]
            break
    words = phrase.split()
    title = " ".join(words[:TITLE_WORDS]) + (" …" if len(words) > TITLE_WORDS else "")
    return sentence_case(title)
