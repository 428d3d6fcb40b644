"""How a research quote feels, from word lists written for CX Copilot (Dutch and English): offline, explainable
("which words made this negative?") and fast enough to score a whole store.

Rules on top of the word scores, because customers rarely say plainly how they feel: a negation shortly before
a word turns it ("niet duidelijk", "not bad at all"), intensifiers and softeners scale it ("heel traag",
"a bit slow"), what follows "maar"/"but" counts more than what comes before it, and letter greetings are not
feelings ("met vriendelijke groet").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from copilot.research.language import detect

LEXICON_DIR = Path(__file__).with_name("sentiment_lexicon")
_WORD = re.compile(r"\w[\w'’-]*\w|\w", re.UNICODE)

NEGATION_REACH = 3  # a negation turns a word at most this many words later: "niet echt heel duidelijk"
NEGATION = -0.75  # a turned word keeps part of its weight: "not bad" is less good than "good" is
CONTRAST_BEFORE, CONTRAST_AFTER = 0.5, 1.5
NORMALISER = 15.0  # how fast the sum of word scores approaches ±1

NEGATORS = {
    "nl": frozenset("niet geen nooit niemand niks niets nergens zonder allerminst minder".split()),
    "en": frozenset(
        """not no never nobody nothing nowhere without hardly barely cannot can't don't didn't doesn't isn't
        wasn't won't wouldn't couldn't aren't weren't haven't hasn't hadn't shouldn't dont didnt doesnt isnt wasnt
        wont couldnt cant havent less""".split()
    ),
}
SCALERS = {
    "nl": {
        **dict.fromkeys("heel erg zeer echt ontzettend enorm hartstikke super totaal absoluut zo".split(), 1.5),
        **dict.fromkeys("best redelijk vrij beetje wat enigszins tamelijk".split(), 0.6),
    },
    "en": {
        **dict.fromkeys("very really extremely so totally absolutely incredibly terribly utterly truly".split(), 1.5),
        **dict.fromkeys("quite fairly somewhat slightly bit rather partly".split(), 0.6),
    },
}
# praise just after "terwijl" is what should have counted, not what happened: "terwijl ik die netjes had doorgegeven"
CONCESSIVE = frozenset({"terwijl", "whereas"})
CONTRASTS = {"nl": frozenset("maar echter".split()), "en": frozenset("but however though".split())}
# Complaints often name no feeling at all: effort, waiting, repeating, not being told. These phrases carry it.
CUES = {
    "nl": {
        r"\b(snap|begrijp) (er |het )?(niks|niets|geen bal)( meer)?( van)?\b": -2,
        r"\bniet te (begrijpen|volgen|doen)\b": -2,
        r"\bzonder (enige )?(uitleg|bericht|waarschuwing|reactie)\b": -2,
        r"\bnog (steeds|altijd) (niet|geen)\b": -2,
        r"\bniemand (belt|belde|vroeg|weet|wist|kon|legt|reageert|reageerde)\b": -2,
        r"\bvan het kastje naar de muur\b|\btussen wal en schip\b": -2,
        r"\bte (hoog|laag|duur|lang|laat|moeilijk)\b": -1,
        r"\b(twee|drie|vier|vijf|zes|tien|\d+) ?(keer|x|telefontjes|gesprekken|mails|brieven)\b": -1,
        # what a complaint puts against what should have happened: "terwijl ik die netjes had doorgegeven"
        r"\bterwijl (ik|we|wij|hij|zij|ze|er|die|dat|het|mijn|hun)\b|\ben toch\b": -1,
        r"\b(stond|sta|kwam) (ik |we )?(rood|in het rood)\b": -2,
        r"\bniet (begrepen|gelukt|verwerkt|aangepast|ontvangen|doorgekomen|zien|vinden)\b": -1,
        r"\bal (weken|maanden)\b|\b(weken|maanden) (gewacht|wachten)\b": -1,
    },
    "en": {
        r"\b(no|without( any)?) (explanation|warning|reply|response|notice)\b": -2,
        r"\bstill (not|no|haven't|hasn't|waiting)\b": -2,
        r"\bnobody (called|calls|rang|explained|explains|knows|knew|answered|replied)\b": -2,
        r"\b(don't|dont|didn't|do not|did not) understand\b|\bmakes no sense\b|\bfrom pillar to post\b": -2,
        r"\btoo (high|expensive|long|late|complicated)\b": -1,
        r"\b(two|three|four|five|six|ten|\d+) (times|calls|phone calls|emails|letters)\b": -1,
        r"\bwhereas\b|\beven though (i|we)\b|\b(went|am|was|were) overdrawn\b": -1,
        r"\bon hold\b|\bfor (weeks|months)\b": -1,
    },
}
_CUES = {language: [(re.compile(p), v) for p, v in cues.items()] for language, cues in CUES.items()}

# "nog nooit zo goed geholpen", "never been so well looked after": a superlative, not a negation
_NEVER_SO = re.compile(r"\b(nooit|never)( eerder| before| been| ben| heb| had)* (zo|so)\b", re.IGNORECASE)
# greetings, sign-offs and "to be honest" are politeness, not feelings
_FORMULAS = re.compile(
    r"\b(met )?(vriendelijke|hartelijke) groet(en)?\b|\bgoede(morgen|middag|navond)\b|\bgoeie(morgen|middag)\b"
    r"|\b(kind|best|warm) (regards|wishes)\b|\bgood (morning|afternoon|evening)\b"
    r"|\bthank you for (calling|contacting)\b"
    r"|\bhoe tevreden bent u\b|\bhow satisfied are you\b|\beerlijk gezegd\b|\bto be honest\b|\bhonestly\b",
    re.IGNORECASE,
)


@cache
def lexicon(language: str) -> dict[str, int]:
    """word → score (-3 … +3) from `sentiment_lexicon/<language>.tsv`."""
    path = LEXICON_DIR / f"{language}.tsv"
    scores = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, score = line.split("\t")
            scores[word] = int(score)
    return scores


@dataclass(frozen=True)
class Sentiment:
    score: float  # -1 (very negative) … +1 (very positive)
    words: tuple[tuple[str, float], ...]  # the words that counted, with what they counted for

    @property
    def label(self) -> int:
        """-2 … +2 like a journey stage's emotion."""
        return emotion(self.score)


def sentiment(text: str, language: str | None = None) -> Sentiment:
    """The sentiment of one quote; its language is detected when not given (quotes mix languages). A quote
    too short to tell ("Verhuizen ging soepel. Fijn.") is read in both and the reading that finds more wins."""
    language = language or detect(text, default="")
    if language not in NEGATORS:
        readings = [_sentiment(text, each) for each in NEGATORS]
        return max(readings, key=lambda reading: (len(reading.words), abs(reading.score)))
    return _sentiment(text, language)


def _sentiment(text: str, language: str) -> Sentiment:
    plain = _NEVER_SO.sub(lambda m: m.group(3), _FORMULAS.sub(" ", text.lower()))
    words = _WORD.findall(plain.replace("’", "'"))
    scores, negators, scalers = lexicon(language), NEGATORS[language], SCALERS[language]
    counted: list[tuple[int, str, float]] = []
    for i, word in enumerate(words):
        value = scores.get(word)
        if value is None or (word in scalers and i + 1 < len(words) and words[i + 1] in scores):
            continue  # "super snel": "super" scales "snel" rather than counting itself
        window = words[max(0, i - NEGATION_REACH) : i]
        for before in reversed(window):
            if before in scalers:
                value *= scalers[before]
                break
        if any(before in negators for before in window) or (value > 0 and CONCESSIVE & set(window)):
            value *= NEGATION
        counted.append((i, word, value))
    for cue, value in _CUES[language]:
        counted += [(len(_WORD.findall(plain[: m.start()])), m.group(), value) for m in cue.finditer(plain)]
    turn = max((i for i, word in enumerate(words) if word in CONTRASTS[language]), default=None)
    if turn is not None:
        counted = [(i, w, v * (CONTRAST_BEFORE if i < turn else CONTRAST_AFTER)) for i, w, v in counted]
    total = sum(v for _, _, v in counted)
    return Sentiment(total / math.sqrt(total * total + NORMALISER), tuple((w, round(v, 2)) for _, w, v in counted))


def emotion(score: float) -> int:
    """A sentiment score (-1 … +1) as an emotion from -2 (very negative) to +2 (very positive)."""
    for limit, value in ((-0.5, -2), (-0.15, -1), (0.15, 0), (0.5, 1)):
        if score < limit:
            return value
    return 2
