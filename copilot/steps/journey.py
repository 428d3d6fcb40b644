"""SD-04 current journey, computed offline: per stage, how it feels (from the sentiment of the research quotes
about it), the channels its quotes name as touchpoints and, where people wrote no pains yet, the quotes that hurt
most. No LLM needed.

The stages come from the step as people left it, else from the workshop format's `journey_stages`; naming
the stages and what happens in them stays human work.
"""

from __future__ import annotations

import math
import re

from copilot.errors import StepError
from copilot.i18n import t
from copilot.research.channels import NAMES, channel_name, channels, from_metadata
from copilot.research.chunks import Chunk
from copilot.research.redaction import Redactor
from copilot.research.retrieval import Retriever
from copilot.research.sentiment import emotion, sentiment
from copilot.research.store import ResearchStore
from copilot.research.surveys import felt
from copilot.session import Session
from copilot.steps.schemas import CurrentJourney, JourneyStage
from copilot.steps.step_queries import STAFF, audience
from copilot.text import reads_as_said, shorten

STEP = "SD-04"
QUOTES_PER_STAGE = 20  # a sample, not the few nearest: survey exports repeat a handful of answers
CLOSE = 0.9  # a quote that does not name the stage counts when it matches nearly as well as the best one
# a quote below this (either way) says nothing about how the stage feels: on the labelled sentiment set (dev half)
# quotes scored 0.15-0.3, mostly one mild word ("simpele vraag"), have the right sign 67% of the time, above 0.3 85%
FELT = 0.3
MIN_FELT = 2  # quotes that show a feeling before a stage's emotion is estimated; one quote is an anecdote
PAINS = 2  # pains drafted from quotes where people named none
CANDIDATES = 8  # the sorest quotes a stage's pains are chosen from
PAIN_LENGTH = 140
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_WORDS = re.compile(r"\w+")
MIN_NAMED = 2  # quotes that name a channel before it is a stage's touchpoint: one mention is an anecdote
TOUCHPOINTS = 3  # a journey map's cell holds a few channels, the most named (two teams wrote 1–4)
CITED = 3  # quotes kept as evidence per stage: the strongest feelings
# a journey map is read for where it hurts, and one bad experience weighs about as much as two good ones in how
# people remember a service ("bad is stronger than good"): a pain counts twice in a stage's emotion
NEGATIVE_WEIGHT = 2.0


def draft_journey(
    store: ResearchStore, session: Session, stages: list[str] | None = None
) -> tuple[CurrentJourney, list[Chunk]]:
    """The journey with an emotion per stage, and the quotes it rests on."""
    language = session.language
    journey = session.content(STEP, CurrentJourney)
    if journey is None or not journey.stages:
        if not stages:
            raise StepError(t("journey.no_stages", language))
        journey = CurrentJourney(stages=[JourneyStage(id=f"S{n}", name=name) for n, name in enumerate(stages, start=1)])
    journey = journey.model_copy(deep=True)
    retriever = Retriever(store)
    cited: dict[str, Chunk] = {}
    unclear = []
    names = [stage.name for stage in journey.stages]
    pained: set[str] = set()  # pains drafted for an earlier stage
    for stage in journey.stages:
        query = " ".join([_own_words(stage.name, names), *stage.actions, *stage.touchpoints, *stage.pains])
        about = _distinct(_about(retriever, query))
        if not stage.touchpoints:
            stage.touchpoints, naming = _touchpoints(about, language)
            for chunk in naming:
                cited[chunk.id] = chunk
            stage.evidence = list(dict.fromkeys([*stage.evidence, *(chunk.id for chunk in naming)]))
        felt = _felt(about)
        if len(felt) < MIN_FELT:
            unclear.append(stage.name)
            continue
        stage.emotion = emotion(_balance(score for _, score in felt))
        strongest = _cited(felt)
        if not stage.pains:
            # a pain is the customer's: a colleague's account of it stays evidence, not a sticky note in their name
            hurting_most = [
                chunk
                for chunk, score in sorted(felt, key=lambda pair: pair[1])
                if score < 0 and STAFF not in audience(chunk)
            ][:CANDIDATES]
            # pains travel to the deck: phone numbers, e-mail addresses and names stay in the research
            redactor = Redactor(language, known_names=[chunk.speaker for chunk in hurting_most if chunk.speaker])
            said = [(chunk, shorten(redactor.redact(sorest(chunk.text)), PAIN_LENGTH)) for chunk in hurting_most]
            # a sentence is one stage's pain: the same words under two stages read as a copying mistake
            said = [(chunk, pain) for chunk, pain in said if pain not in pained]
            # what someone said, never an agent's note ("Klantnummer [klantnummer 1], achterstand …"): a pain is
            # read on the wall as a customer's words, and a note stays in the stage's evidence
            said = [(chunk, pain) for chunk, pain in said if reads_as_said(pain)][:PAINS]
            hurting = [chunk for chunk, _ in said]
            stage.pains = [pain for _, pain in said]
            pained.update(stage.pains)
            strongest += [(chunk, 0.0) for chunk in hurting]
        for chunk, _ in strongest:
            cited[chunk.id] = chunk
        stage.evidence = list(dict.fromkeys([*stage.evidence, *(chunk.id for chunk, _ in strongest)]))
        stage.assumption = not stage.evidence
    if unclear:
        question = t("journey.unclear_stages", language, stages=", ".join(unclear))
        journey.open_questions = list(dict.fromkeys([*journey.open_questions, question]))
    return journey, list(cited.values())


def _touchpoints(about: list[Chunk], language: str) -> tuple[list[str], list[Chunk]]:
    """The channels at least MIN_NAMED of a stage's quotes name (in words, or in a survey row's channel column),
    most named first, and for each the first quote that names it: the evidence a person checks it against."""
    naming: dict[str, list[Chunk]] = {}
    for chunk in about:
        named = channels(chunk.text, _language(chunk))
        if own := from_metadata(chunk.metadata):
            named.append(own)
        for key in dict.fromkeys(named):
            naming.setdefault(key, []).append(chunk)
    common = sorted((key for key in naming if len(naming[key]) >= MIN_NAMED), key=lambda key: -len(naming[key]))
    common = common[:TOUCHPOINTS]
    names = [channel_name(key, language) if key in NAMES else key for key in common]
    first = {naming[key][0].id: naming[key][0] for key in common}
    return names, list(first.values())


def _language(chunk: Chunk) -> str | None:
    return chunk.metadata.get("language") or None


def _weight(score: float) -> float:
    return NEGATIVE_WEIGHT if score < 0 else 1.0


def _balance(scores) -> float:
    """How many of a stage's voices hurt against how many please (-1 … +1), a pain counting NEGATIVE_WEIGHT times.
    A quote's sign is surer than its strength (labelled sentiment set, dev half: 85% right sign, 66% right -2…+2),
    and a mean of mixed quotes shrinks towards 0: with a mean the sorest stages of a real deck read -1 or 0 where
    the team put -2 (issue 14). With `emotion()`'s cut points a stage is -2 where more than 60% of the quotes
    that show a feeling hurt, -1 above 40%, 0 down to 27%, +1 down to 14%."""
    scores = list(scores)
    return sum(_weight(s) * math.copysign(1, s) for s in scores) / sum(_weight(s) for s in scores)


def _cited(felt: list[tuple[Chunk, float]]) -> list[tuple[Chunk, float]]:
    """The strongest quotes of each side, as many of each as its share of the stage's (weighed) voices, so the
    evidence a person reads shows what the emotion is made of: mostly pains for a −1, both sides for a 0."""
    hurting = sorted((pair for pair in felt if pair[1] < 0), key=lambda pair: pair[1])
    pleasing = sorted((pair for pair in felt if pair[1] > 0), key=lambda pair: -pair[1])
    share = (1 - _balance(score for _, score in felt)) / 2
    n_hurting = min(len(hurting), max(round(CITED * share), CITED - len(pleasing)))
    return hurting[:n_hurting] + pleasing[: CITED - n_hurting]


def _own_words(name: str, names: list[str]) -> str:
    """The words of a stage's name that no other stage's name has: "doorgeven" in "Meterstand doorgeven" and
    "Verhuizing doorgeven" names neither, and would pull each stage's quotes into the other."""
    shared = {word.casefold() for other in names if other != name for word in other.split()}
    own = [word for word in name.split() if word.casefold() not in shared]
    return " ".join(own) or name


def _about(retriever: Retriever, query: str) -> list[Chunk]:
    """What people said about a stage: the best matches that name it (in any form: "verhuizing", "verhuisd")
    or come close to the very best match (a small store has few quotes about anything, and nearest is not
    about). Interviews and survey or contact exports only: a report's prose is not how a stage feels."""
    found = [quote for quote in retriever.search(query, k=QUOTES_PER_STAGE) if quote.chunk.kind != "document"]
    if not found:
        return []
    naming = {quote.id for quote in retriever.search(query, k=3 * QUOTES_PER_STAGE, mode="bm25")}
    return [quote.chunk for quote in found if quote.id in naming or quote.score >= CLOSE * found[0].score]


def _felt(chunks: list[Chunk]) -> list[tuple[Chunk, float]]:
    """The quotes that show a feeling, with it."""
    return [(chunk, feeling) for chunk in chunks if abs(feeling := _feeling(chunk)) >= FELT]


def _feeling(chunk: Chunk) -> float:
    """How a quote feels: its words; where they show no feeling, half the score the respondent gave us beside it
    (NPS, CSAT): "De app is oké" from a detractor is not neutral. A score is about us as a whole and the words
    are about this stage: a promoter's 9 does not make "Jaarafrekening was gebaseerd op een geschatte
    meterstand terwijl ik die netjes had doorgegeven" a good moment (averaging the two did, issue 14)."""
    words = sentiment(chunk.text).score
    own = felt(chunk.metadata)
    return words if own is None or abs(words) >= FELT else own / 2


def sorest(text: str) -> str:
    """The sentence of a quote that hurts most (with the one before it when it is short): a long interview
    turn starts with context, and the pain is somewhere in the middle."""
    sentences = [part for part in _SENTENCE.split(" ".join(text.split())) if part]
    if len(sentences) < 2:
        return text
    worst = min(range(len(sentences)), key=lambda i: sentiment(sentences[i]).score)
    if worst and len(sentences[worst]) < 40:
        return f"{sentences[worst - 1]} {sentences[worst]}"
    return sentences[worst]


def _distinct(chunks) -> list[Chunk]:
    """One of each quote: survey exports repeat the same answer, and a repeat is not a second voice."""
    seen: set[str] = set()
    kept = []
    for chunk in chunks:
        key = " ".join(_WORDS.findall(chunk.text.lower())[:10])  # "geduldig." and "geduldig" are one answer
        if key not in seen:
            seen.add(key)
            kept.append(chunk)
    return kept
