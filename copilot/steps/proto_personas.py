"""SD-03 proto-personas, computed offline: one per customer interviewed and one per segment the survey or
contact export names, each with that person's or group's own sentences as jobs, pains and gains, and a need
for human contact from how often they ask for a person.

A persona is a pattern over several people — finding it is the team's work. These are proto-personas: the
raw material laid out per person and per segment, named as such, for the group to merge, cut and name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from copilot.errors import StepError
from copilot.i18n import t
from copilot.research.chunks import Chunk
from copilot.research.redaction import Redactor
from copilot.research.sentiment import sentiment
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.steps.registry import Agenda
from copilot.steps.schemas import Jobs, Persona, Personas
from copilot.steps.sentence_kinds import kind, sentences
from copilot.text import reads_as_said, shorten

STEP = "SD-03"
MAX_PERSONAS = 6
MAX_SEGMENTS = 3  # the rest are people interviewed: a segment is a crowd, an interview a person
MIN_ANSWERS = 5  # a segment with fewer survey answers says too little to lay out
EACH = 3  # sentences per heading: enough to recognise someone, few enough for a card
PAINS = 4
LENGTH = 160
QUOTE_WORDS = 25
STAFF_MENTIONS = 4  # a participant who speaks of "de klant" this often is staff, not a customer
_STAFF = re.compile(r"\b(?:klant(?:en)?|de klant|bellers?|customers?|callers?)\b", re.IGNORECASE)
_SEGMENT_KEY = re.compile(r"segment|doelgroep|klantgroep|klanttype|customer ?type|persona", re.IGNORECASE)
_NUMBER = re.compile(r"\d{4,}")
_FILE_WORDS = re.compile(r"\b(?:interview|gesprek|transcript|nl|en|\d+)\b", re.IGNORECASE)


@dataclass
class Voice:
    """The quotes of one interviewee or one segment."""

    tag: str
    origin: str  # "interview" or "segment"
    source: str
    chunks: list[Chunk] = field(default_factory=list)


def draft_personas(store: ResearchStore, session: Session, workshop: Agenda | None = None):
    language = session.language
    chunks = [c for c in store.chunks(where={"kind": {"$in": ["transcript", "table"]}}) if c.is_evidence and c.text]
    crowds = segments(chunks)[:MAX_SEGMENTS]
    voices = [*_interviewees(chunks)[: MAX_PERSONAS - len(crowds)], *crowds]
    personas, cited = [], {}
    for voice in voices:
        persona, used = _persona(len(personas) + 1, voice, language)
        if persona is not None:
            personas.append(persona)
            cited.update({chunk.id: chunk for chunk in used})
    if not personas:
        raise StepError(t("starters.personas_none", language))
    interviews = sum(voice.origin == "interview" for voice in voices)
    questions = [
        t("starters.personas_merge", language, interviews=interviews, segments=len(voices) - interviews),
        t("starters.personas_contact", language),
    ]
    return Personas(personas=personas, open_questions=questions), list(cited.values())


def _interviewees(chunks: list[Chunk]) -> list[Voice]:
    """One voice per customer interviewed: the turns of each participant of each transcript, staff left out."""
    voices: dict[tuple[str, str], Voice] = {}
    for chunk in chunks:
        if chunk.kind == "transcript":
            key = (chunk.source, chunk.speaker)
            voices.setdefault(key, Voice(_file_tag(chunk.source), "interview", chunk.source)).chunks.append(chunk)
    customers = [voice for voice in voices.values() if not _is_staff(voice)]
    return sorted(customers, key=lambda voice: -sum(len(c.text) for c in voice.chunks))


def _is_staff(voice: Voice) -> bool:
    return sum(len(_STAFF.findall(chunk.text)) for chunk in voice.chunks) >= STAFF_MENTIONS


def segments(chunks: list[Chunk]) -> list[Voice]:
    """One voice per value of a segment column in survey or contact exports, largest first."""
    voices: dict[str, Voice] = {}
    for chunk in chunks:
        if chunk.kind != "table":
            continue
        for key, value in chunk.metadata.items():
            if _SEGMENT_KEY.search(key) and str(value).strip():
                tag = str(value).strip()
                voices.setdefault(tag, Voice(tag, "segment", chunk.source)).chunks.append(chunk)
                break
    large = [voice for voice in voices.values() if len(voice.chunks) >= MIN_ANSWERS]
    return sorted(large, key=lambda voice: -len(voice.chunks))


def _file_tag(source: str) -> str:
    """ "interviews/interview_01_verhuizing_nl.txt" -> "verhuizing": what the researcher named the file after."""
    words = _FILE_WORDS.sub(" ", PurePosixPath(source).stem.replace("_", " ").replace("-", " "))
    return " ".join(words.split()) or PurePosixPath(source).stem


def _persona(n: int, voice: Voice, language: str) -> tuple[Persona | None, list[Chunk]]:
    # names of the people interviewed stay in the research: pains and jobs travel to the deck
    redactor = Redactor(language, known_names=sorted({c.speaker for c in voice.chunks if c.speaker}))
    headings: dict[str, list[tuple[str, Chunk]]] = defaultdict(list)
    for chunk in voice.chunks:
        for sentence in sentences(chunk.text):
            if heading := kind(sentence):
                headings[heading].append((sentence, chunk))
    if not any(headings.values()):
        return None, []

    def voiced(pairs: list[tuple[str, Chunk]]) -> list[tuple[str, Chunk]]:
        """The sentences that read as said, not needing a placeholder ("Bel maar op [telefoon 1]"); the others
        only when that leaves the heading empty: a shorter card reads better than placeholders on it."""
        clean = [pair for pair in pairs if reads_as_said(redactor.redact(pair[0]))]
        return clean or pairs[:1]

    pains = voiced(sorted(headings["pain"], key=lambda pair: sentiment(pair[0]).score))[:PAINS]
    picked = {
        "functional": voiced(headings["functional"])[:EACH],
        "emotional": voiced(headings["emotional"])[:EACH],
        "social": voiced(headings["social"])[:EACH],
        "gain": voiced(headings["gain"])[:EACH],
        "asks_person": voiced(headings["asks_person"])[:EACH],
        "pain": pains,
    }

    def said(heading: str) -> list[str]:
        return [shorten(redactor.redact(sentence), LENGTH) for sentence, _ in picked[heading]]

    asking = {id(chunk) for _, chunk in headings["asks_person"]}
    share = len(asking) / len(voice.chunks)
    used = list({chunk.id: chunk for pairs in picked.values() for _, chunk in pairs}.values())
    # the card's quote: short, verbatim, and nothing in it a redactor would touch or an account number
    short = [
        s
        for s, _ in pains + picked["gain"]
        if len(s.split()) <= QUOTE_WORDS and redactor.redact(s) == s and not _NUMBER.search(s)
    ]
    key = "starters.persona_interview" if voice.origin == "interview" else "starters.persona_segment"
    persona = Persona(
        id=f"P{n}",
        name=t("starters.persona_name", language, n=n, tag=voice.tag),
        description=t(key, language, source=voice.source, count=len(voice.chunks), tag=voice.tag),
        segment=voice.tag if voice.origin == "segment" else "",
        jobs=Jobs(functional=said("functional"), emotional=said("emotional"), social=said("social")),
        pains=said("pain"),
        gains=said("gain"),
        human_contact_need=contact_need(share),
        human_contact_moments=said("asks_person"),
        quote=short[0] if short else "",
        evidence=[chunk.id for chunk in used],
    )
    return persona, used


def contact_need(share: float) -> int:
    """1–5 from the share of someone's quotes that ask for a person: none is 1, one in four or more is 5."""
    return 1 + min(4, round(share * 16))
