"""Words for a computed theme that a workshop can put on the wall: a label that is a phrase people in the
research actually used (not a bag of keywords), and an insight that is one sentence a participant said.

Both are drafts: people rename themes and rewrite insights. What the computer can honestly do is pick, from
what participants said, the phrase most particular to the theme and the sentence that carries it best.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from copilot.research.stopwords import words as stopwords

WORD = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’-]*")
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–→/]|(?<=[.!?…])\s+|\n+")  # a phrase never runs across these
STAGE_DIRECTION = re.compile(r"\[[^\]]{0,40}\]")  # "[lacht]", "[pause]" in transcripts
VOWELS = set("aeiouyàáâäèéêëìíîïòóôöùúûü")
# shorthand of agent notes and chat logs: true to the notes, unreadable on a wall
SHORTHAND = frozenset(
    """mdw klt kl tel tvw ivm obv mbt nav cb fac tb wv vlgs evt ca nvt svp mvg bvd ipv mn zsm
    cust cx csr agt pls asap fyi info re fw""".split()
)
MAX_PHRASE = 3
LONGER = 1.0  # a phrase of two words beats its single words when nearly half as many quotes say it
PHRASE_SHARE = 0.04
MIN_SENTENCE_WORDS, MAX_SENTENCE_WORDS = 5, 28


@dataclass(frozen=True)
class Wording:
    label: str
    sentence: str  # a participant's sentence, verbatim; empty when none fits


def word_theme(group: list[str], others: list[list[str]], clean=lambda text: text) -> Wording:
    """The label and key sentence of one theme (`group`: its quotes, most central first) against the other
    themes' quotes. `clean` may redact a sentence; a sentence it changes is not used (a quotation with a
    placeholder in it is no longer what someone said)."""
    document_frequency = [_phrases_per_quote(texts) for texts in [group, *others]]
    phrase = _best_phrase(document_frequency[0], document_frequency[1:], len(group))
    return Wording(_surface(phrase, group) if phrase else "", _key_sentence(group, phrase, clean))


def _tokens(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(STAGE_DIRECTION.sub(" ", text))]


def _is_content(token: str) -> bool:
    return (
        len(token) >= 3
        and token not in stopwords()
        and token not in SHORTHAND
        and "'" not in token
        and bool(VOWELS & set(token))
    )


def _phrases(text: str) -> set[tuple[str, ...]]:
    """Runs of 1–3 words that start and end with a content word, within one clause."""
    found = set()
    for sentence in CLAUSE_BREAK.split(text):
        tokens = _tokens(sentence)
        for start, first in enumerate(tokens):
            if not _is_content(first):
                continue
            for length in range(1, MAX_PHRASE + 1):
                run = tuple(tokens[start : start + length])
                if len(run) == length and _is_content(run[-1]):
                    found.add(run)
    return found


def _phrases_per_quote(texts: list[str]) -> Counter:
    counts: Counter = Counter()
    for text in texts:
        counts.update(_phrases(text))
    return counts


def _best_phrase(mine: Counter, others: list[Counter], size: int) -> tuple[str, ...] | None:
    """The phrase said in most of this theme's quotes and few of the others' (class TF-IDF over phrases);
    a longer phrase wins over its own words when nearly as many quotes say it — it reads as language."""
    elsewhere: Counter = Counter()
    for counts in others:
        elsewhere.update(counts)
    themes = len(others) + 1
    minimum = 2 if size >= 4 else 1
    said_often = max(2, math.ceil(PHRASE_SHARE * size))  # a phrase one or two people used is anecdote

    def score(phrase: tuple[str, ...]) -> float:
        spread = mine[phrase] / size
        rarity = math.log(1 + themes * mine[phrase] / (mine[phrase] + elsewhere[phrase]))
        return spread * rarity * (1 + LONGER * (len(phrase) - 1))

    candidates = [p for p, n in mine.items() if n >= (minimum if len(p) == 1 else said_often)]
    if not candidates:
        return None
    return max(candidates, key=lambda p: (score(p), len(p), p))


def _surface(phrase: tuple[str, ...], texts: list[str]) -> str:
    """The phrase as people wrote it most often (its casing and apostrophes), in sentence case."""
    pattern = re.compile(r"\b" + r"\W+".join(re.escape(w).replace("'", "['’]") for w in phrase) + r"\b", re.I)
    forms = Counter(m.group(0) for text in texts for m in pattern.finditer(text))
    text = forms.most_common(1)[0][0] if forms else " ".join(phrase)
    text = re.sub(r"\s+", " ", text)
    return text[:1].upper() + text[1:]


def _key_sentence(group: list[str], phrase: tuple[str, ...] | None, clean) -> str:
    """The first sentence (in order of centrality) of a readable length that carries the label's words."""
    wanted = set(phrase or ())
    fallback = ""
    for text in group:
        for sentence in SENTENCE_END.split(STAGE_DIRECTION.sub(" ", text)):
            sentence = re.sub(r"\s+", " ", sentence).strip(" -*•>\"'“”„")
            n_words = len(sentence.split())
            if not MIN_SENTENCE_WORDS <= n_words <= MAX_SENTENCE_WORDS or sentence.endswith("?"):
                continue
            if clean(sentence) != sentence:
                continue
            if wanted and wanted <= set(_tokens(sentence)):
                return sentence
            fallback = fallback or sentence
    return fallback
