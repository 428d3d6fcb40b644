"""Dutch compounds split into their parts, so "klantenservicemedewerker" meets "medewerker van de klantenservice".

Dutch writes compounds as one word; English and a search box often do not. A word is cut in two known,
common words (with a linking "s" or "en" between them where Dutch puts one), and each part is cut again
the same way: klantenservicemedewerker → klantenservice · medewerker → klanten · service · medewerker.
Among the cuts the one whose parts are most frequent wins, as in Koehn & Knight (2003), and a word is
kept whole when it is itself more frequent than its parts. Cutting in two at a time keeps frequent short
words ("uur", "ding") from splintering words that are not compounds. Word frequencies come from
`wordfreq`'s Dutch list, read on this machine.
"""

from __future__ import annotations

from functools import cache, lru_cache

MIN_LENGTH = 7  # shorter words are rarely compounds, and their cuts are mostly wrong
MIN_PART = 4  # "ver|zekering" is no compound; "app" is the rare short part worth missing
MIN_ZIPF = 3.0  # a part must be a common word (Zipf 3 = once per million words)
LINKS = ("", "s", "en")  # klant|en|service, betaling|s|achterstand
# Prepositions and particles head many Dutch words that are not compounds (aan|bieding, onder|steuning).
NOT_A_HEAD = frozenset(
    "aan achter af bij binnen boven buiten door mede mee midden naar onder over samen tegen terug toe tussen "
    "uit voor voort weder weer zelf".split()
)


@cache
def _frequencies() -> dict[str, float]:
    """Dutch word → Zipf frequency (log10 of uses per billion words)."""
    import math

    from wordfreq import get_frequency_dict

    return {word: math.log10(f) + 9 for word, f in get_frequency_dict("nl", wordlist="large").items() if f > 0}


def zipf(word: str) -> float:
    return _frequencies().get(word, 0.0)


@lru_cache(maxsize=200_000)
def cut(word: str) -> tuple[str, str] | None:
    """The best cut of `word` into two common words, or None when it is not a compound."""
    word = word.lower()
    if len(word) < MIN_LENGTH or not word.isalpha():
        return None
    best, best_score = None, zipf(word)  # a cut must beat the word itself
    for end in range(MIN_PART, len(word) - MIN_PART + 1):
        head = word[:end]
        if head in NOT_A_HEAD or zipf(head) < MIN_ZIPF:
            continue
        for link in LINKS:
            tail = word[end + len(link) :]
            if not word.startswith(link, end) or len(tail) < MIN_PART or zipf(tail) < MIN_ZIPF:
                continue
            score = (zipf(head) + zipf(tail)) / 2
            if score > best_score:
                best, best_score = (head, tail), score
    return best


def split(word: str) -> tuple[str, ...]:
    """The smallest parts of a Dutch compound, or the word alone: klantenservicemedewerker →
    (klanten, service, medewerker)."""
    halves = cut(word)
    if halves is None:
        return (word.lower(),)
    return (*split(halves[0]), *split(halves[1]))


def parts(word: str) -> list[str]:
    """Every part of `word` at every level, without the word itself: klantenservicemedewerker →
    [klantenservice, klanten, service, medewerker]. Empty when it is not a compound."""
    halves = cut(word)
    if halves is None:
        return []
    found: list[str] = []
    for half in halves:
        found += [half, *parts(half)]
    return list(dict.fromkeys(found))
