"""Words for a computed theme that a workshop can put on the wall: a label that is a phrase people in the
research actually used (not a bag of keywords), and an insight that is one sentence a participant said.

Both are drafts: people rename themes and rewrite insights. What the computer can honestly do is pick, from
what participants said, the phrase most particular to the theme and the sentence that carries it best.

A label is a noun phrase of two to four words ("slimme meter", "een echte mens", "English phone line"): every
content word in it is one the research uses after an article or possessive ("de slimme meter", "my
instalment"), which keeps out verbs and participles ("gebeld") without a tagger, in Dutch and English alike.
A language name, a time word or agent-note shorthand never heads a label (issue 14).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from copilot.research.stopwords import words as stopwords
from copilot.text import SHORTHAND, reads_as_said, sentence_case

WORD = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’-]*")
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–→/]|(?<=[.!?…])\s+|\n+")  # a phrase never runs across these
LOOSE_QUOTE = re.compile(r"(?<!\w)['‘’\"“”„]|['‘’\"“”„](?!\w)")  # not an apostrophe inside a word
STAGE_DIRECTION = re.compile(r"\[[^\]]{0,40}\]")  # "[lacht]", "[pause]" in transcripts
VOWELS = set("aeiouyàáâäèéêëìíîïòóôöùúûü")
# words that say which language, when, or how often, or who took part in the research and how, not what about:
# never the head of a label ("Gebruikers vinden", "Vervolg onderzoek" came from usability reports)
GENERIC = frozenset(
    """dutch english nederlands engels nederlandse engelse nederlandstalig engelstalig language taal
    dag dagen week weken maand maanden jaar jaren uur uren minuut minuten keer keren tijd later vandaag
    gisteren morgen ochtend avond day days week weeks month months year years hour hours minute minutes
    time times today yesterday morning evening verder niks mis mee thing things stuff lot bit way
    klant klanten customer customers mensen people person persoon manier iets andere ander other something
    did does done get got make made
    respondent respondenten gebruiker gebruikers deelnemer deelnemers testpersoon testpersonen proefpersonen
    participant participants user users interviewee interviewees onderzoek vervolgonderzoek research study
    sessie sessies session sessions interview interviews""".split()
)
# who or where a customer deals with, not what about: "De school", "Het bedrijf" alone never make a label
SETTING = frozenset(
    """school bedrijf organisatie gemeente ziekenhuis webshop winkel bank verzekeraar zorgverzekeraar leverancier
    instantie overheid company business organisation organization shop store firm hospital council municipality
    insurer supplier""".split()
)
# words after which a noun phrase starts: the content words of a label must be seen here somewhere
ARTICLES = frozenset(
    """de het een mijn jullie uw onze deze dit the a an my your our their his this these those""".split()
)
# articles that are pronouns too: after them a verb may follow ("het voelt", "this works")
PRONOUNS = frozenset("het dit this".split())
# the only words a label may have between its content words: "uitleg over mijn jaarafrekening", not
# "medewerker zelf was prima"
JOINERS = ARTICLES | frozenset("van voor met naar op in over en of bij aan for with to on about and or at".split())
MAX_PHRASE = 4
PARTICIPLE = re.compile(r"^ge\w{3,}(?<!hei)[dt]$|^\w{3,}ed$")  # "zijn gebeld", "the one I called": verbs
SAID_OFTEN = 3  # a phrase fewer quotes say is an anecdote, not what a theme is about
LONGER = 0.5  # each word beyond the first adds half: a phrase reads as language, a lone word as a keyword
MIN_SENTENCE_WORDS, MAX_SENTENCE_WORDS = 5, 28


@dataclass(frozen=True)
class Wording:
    label: str
    sentence: str  # a participant's sentence, verbatim; empty when none fits


def word_theme(group: list[str], others: list[list[str]], clean=lambda text: text) -> Wording:
    """The label and key sentence of one theme (`group`: its quotes, most central first) against the other
    themes' quotes. `clean` may redact a sentence; a sentence it changes is not used (a quotation with a
    placeholder in it is no longer what someone said)."""
    nouns = _noun_words([*group, *(text for texts in others for text in texts)])
    document_frequency = [_phrases_per_quote(texts, nouns) for texts in [group, *others]]
    # the noun most particular to the theme, in the phrase people put it in most often ("slimme meter"), unless
    # a longer phrase is said often and is more particular still ("English phone line")
    heads = _heads([*group, *(text for texts in others for text in texts)])
    noun_frequency = [_nouns_per_quote(texts, nouns & heads) for texts in [group, *others]]
    noun = _best_phrase(noun_frequency[0], noun_frequency[1:], len(group))
    noun = noun or _best_phrase(noun_frequency[0], noun_frequency[1:], len(group), minimum=1)
    phrase = (_phrase_with(noun[0], document_frequency[0]) or _with_article(noun[0], group)) if noun else None
    said = _best_phrase(document_frequency[0], document_frequency[1:], len(group), minimum=SAID_OFTEN)
    if said and (not noun or _score(said, document_frequency, len(group)) > _score(noun, noun_frequency, len(group))):
        phrase = said
    if phrase and _lone(phrase) and (phrase[-1] in SETTING or _everywhere(phrase[-1], others)):
        # "De school", "Het bedrijf": the setting of the theme or of the whole research, not what the theme is
        # about; the next most typical phrase says more (issue 14)
        nexts = sorted(noun_frequency[0], key=lambda p: (-_score(p, noun_frequency, len(group)), p))
        nexts = [p for p in nexts if p[0] not in SETTING and not _everywhere(p[0], others) and noun_frequency[0][p] > 1]
        found = (_phrase_with(p[0], document_frequency[0]) or _with_article(p[0], group, PRONOUNS) for p in nexts)
        phrase = said if said and not _lone(said) else next(filter(None, found), phrase)
    if not phrase:  # notes without articles ("uitleg in brief"): words people wrote together, around the noun
        every = frozenset(w for text in [*group, *(t for texts in others for t in texts)] for w in _tokens(text))
        document_frequency = [_phrases_per_quote(texts, every) for texts in [group, *others]]
        around = Counter({p: n for p, n in document_frequency[0].items() if not noun or noun[0] in p})
        phrase = _best_phrase(around or document_frequency[0], document_frequency[1:], len(group), minimum=1)
    return Wording(_surface(phrase, group) if phrase else "", _key_sentence(group, phrase, clean))


def _lone(phrase: tuple[str, ...]) -> bool:
    """One noun, alone or with its article: "De school", "bedrijf"."""
    return len(phrase) == 1 or (len(phrase) == 2 and phrase[0] in ARTICLES)


def _everywhere(noun: str, others: list[list[str]]) -> bool:
    """Whether half the other themes (two at least) use `noun` too: a word of the setting, not of a theme."""
    using = sum(any(noun in _word_set(text) for text in texts) for texts in others)
    return using >= 2 and using >= len(others) / 2


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


def _noun_words(texts: list[str]) -> frozenset[str]:
    """Content words the research uses right after an article or possessive ("de meter"), or after an article
    and an adjective ("de slimme meter", "the smart meter"), never "de klant vraagt"."""
    return frozenset().union(*(_noun_phrase_words(text)[0] for text in texts))


def _heads(texts: list[str]) -> frozenset[str]:
    """Words that end a noun phrase somewhere ("meter" in "de slimme meter"; not "andere" in "een andere bank")."""
    return frozenset().union(*(_noun_phrase_words(text)[1] for text in texts))


@lru_cache(maxsize=200_000)  # every theme's wording reads every quote of the research
def _noun_phrase_words(text: str) -> tuple[frozenset[str], frozenset[str]]:
    from copilot.research.language import detect

    found, heads = set(), set()
    english = detect(text, default="") == "en"
    for sentence in CLAUSE_BREAK.split(text):
        tokens = _tokens(sentence)
        for i, token in enumerate(tokens[:-1]):
            if token not in ARTICLES or not _is_content(first := tokens[i + 1]):
                continue
            found.add(first)
            second = tokens[i + 2] if i + 2 < len(tokens) else ""
            if _is_content(second) and _modifies(first, second, english):
                found.add(second)
                heads.add(second)
            else:
                heads.add(first)
    verbs = {w for w in found if PARTICIPLE.match(w)}
    return frozenset(found - verbs), frozenset(heads - verbs)


def _modifies(first: str, second: str, english: bool) -> bool:
    """Whether `first` may modify `second` within one noun phrase: a Dutch adjective before a noun ends in -e
    ("de slimme meter", not "de klant vraagt"); English nouns modify nouns ("the direct debit", "the phone
    line"), but a past tense is a verb ("the customer asked")."""
    if english:
        return not second.endswith("ed")
    return first.endswith("e")


def _phrases(text: str, nouns: frozenset[str] | None = None) -> set[tuple[str, ...]]:
    """Runs of 1–MAX_PHRASE words that start and end with a content word, within one clause; with `nouns`,
    only runs of two or more whose content words are all noun-phrase words and whose last word is not
    GENERIC (a label candidate), ending where the noun phrase does: not "gezin met twee kleine" (kinderen)."""
    if nouns is None:
        return {run for run, _ in _runs(text)}
    return {run for run, after in _runs(text) if after not in nouns and _labels_well(run, nouns)}


@lru_cache(maxsize=200_000)
def _runs(text: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """Each run of words that starts and ends with a content word, with the word that follows it."""
    found = []
    for sentence in CLAUSE_BREAK.split(text):
        tokens = _tokens(sentence)
        for start, first in enumerate(tokens):
            if not _is_content(first):
                continue
            for length in range(1, MAX_PHRASE + 1):
                run = tuple(tokens[start : start + length])
                if len(run) == length and _is_content(run[-1]):
                    found.append((run, tokens[start + length] if start + length < len(tokens) else ""))
    return tuple(found)


def _labels_well(run: tuple[str, ...], nouns: frozenset[str]) -> bool:
    content = [w for w in run if _is_content(w)]
    return (
        len(content) >= 2
        and all(w in nouns for w in content)
        and all(w in JOINERS for w in run if not _is_content(w))
        and run[-1] not in GENERIC
        and not all(w in GENERIC for w in content)
        and not any(part in SHORTHAND for w in content for part in w.split("-"))
    )


def _phrases_per_quote(texts: list[str], nouns: frozenset[str] | None = None) -> Counter:
    counts: Counter = Counter()
    for text in texts:
        counts.update(_phrases(text, nouns))
    return counts


def _nouns_per_quote(texts: list[str], nouns: frozenset[str]) -> Counter:
    counts: Counter = Counter()
    for text in texts:
        counts.update((w,) for w in _word_set(text) & nouns if w not in GENERIC)
    return counts


@lru_cache(maxsize=200_000)
def _word_set(text: str) -> frozenset[str]:
    return frozenset(w for w in _tokens(text) if _is_content(w))


def _phrase_with(noun: str, phrases: Counter) -> tuple[str, ...] | None:
    """The noun phrase around `noun` that most of the theme's quotes use, when at least two do."""
    around = [(n, len(p), p) for p, n in phrases.items() if noun in p and n >= 2]
    return max(around)[2] if around else None


def _with_article(noun: str | None, texts: list[str], besides: frozenset[str] = frozenset()) -> tuple[str, ...] | None:
    """The noun with the article people put before it most often: "de jaarafrekening", "my instalment";
    `besides`: articles that alone do not show a noun, being pronouns too ("het voelt"): the noun must follow
    another article somewhere ("mijn rooster" makes "het rooster" a noun)."""
    if not noun:
        return None
    before = Counter(
        tokens[i - 1] for text in texts for tokens in [_tokens(text)] for i, w in enumerate(tokens) if w == noun and i
    )
    articles = [(n, w) for w, n in before.items() if w in ARTICLES]
    if not any(w not in besides for _, w in articles):
        return None
    return (max(articles)[1], noun) if articles else None


def _best_phrase(mine: Counter, others: list[Counter], size: int, minimum: int | None = None) -> tuple[str, ...] | None:
    """The phrase said in most of this theme's quotes and few of the others' (class TF-IDF over phrases)."""
    minimum = minimum or (2 if size >= 4 else 1)
    candidates = [p for p, n in mine.items() if n >= minimum]
    if not candidates:
        return None
    counts = [mine, *others]
    return max(candidates, key=lambda p: (_score(p, counts, size), len(p), p))


def _score(phrase: tuple[str, ...], counts: list[Counter], size: int) -> float:
    """Spread in the theme × rarity elsewhere; each content word beyond the first adds LONGER."""
    mine = counts[0][phrase]
    elsewhere = sum(other[phrase] for other in counts[1:])
    rarity = math.log(1 + len(counts) * mine / max(mine + elsewhere, 1))
    return mine / size * rarity * (1 + LONGER * (sum(map(_is_content, phrase)) - 1))


def _surface(phrase: tuple[str, ...], texts: list[str]) -> str:
    """The phrase as people wrote it most often (its casing and apostrophes), in sentence case."""
    pattern = re.compile(r"\b" + r"\W+".join(re.escape(w).replace("'", "['’]") for w in phrase) + r"\b", re.I)
    forms = Counter(m.group(0) for text in texts for m in pattern.finditer(text))
    text = forms.most_common(1)[0][0] if forms else " ".join(phrase)
    # a quotation mark the phrase runs across ("the subject 'Belangrijk: …'") is left open on a label
    text = re.sub(r"\s+", " ", LOOSE_QUOTE.sub("", text))
    return sentence_case(text)


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
            if clean(sentence) != sentence or not reads_as_said(sentence):
                continue  # a placeholder or agent-note shorthand: not a sentence to put on a wall
            if wanted and wanted <= set(_tokens(sentence)):
                return sentence
            fallback = fallback or sentence
    return fallback
