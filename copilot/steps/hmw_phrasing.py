"""A how-might-we question from a pain's own words (SD-05 offline starters, and pains the room writes down).

What the pain is about (its topic: "de jaarafrekening", "the annual bill") is a noun phrase taken from the pain
itself; what kind of pain it is (waiting, contacting us again, not understanding, not being heard, a mistake,
money, effort) comes from its words. Each kind has a few phrasings in the locale files, where facilitators edit
them; phrasings of a kind are used in turn, so one slide never shows the same question twice.
"""

from __future__ import annotations

import re
from collections import Counter

from copilot.i18n import keys, t
from copilot.research.language import detect, function_words, of_words
from copilot.research.sentiment import sentiment
from copilot.steps.theme_wording import CLAUSE_BREAK, GENERIC, PARTICIPLE, WORD, _is_content
from copilot.text import sentence_case, shorten

PAIN_IN_QUESTION = 90  # a pain quoted in the last-resort question
ADJECTIVE = re.compile(r"\w{2}(?:ly|al|ic|ive|ous|ful|less|able|ible|ary)$")  # English adjective endings
GOOD = 0.3  # a theme's sentence this positive is praise to keep, not a pain ("Prima geholpen door …")


def hmw_question(
    pain: str,
    language: str,
    stage: str = "",
    topic: str = "",
    taken: set[str] | None = None,
    context: list[str] | tuple[str, ...] = (),
) -> str:
    """A how-might-we question for `pain` (a pain, or a theme's key sentence) in a phrasing not in `taken` (the
    phrasings used so far; this one is added to it). `topic` names what it is about when the caller knows
    (a theme's label); else it is found in the pain. `context`: research texts the article before the topic
    is learned from ("het termijnbedrag", not "de termijnbedrag")."""
    taken = set() if taken is None else taken
    said_in = detect(pain, default=language)  # a Dutch quote in an English deck: its kind from Dutch words
    if topic and of_words(topic) not in {"", language}:
        topic = ""  # a Dutch label in an English deck is no English topic: what was said is quoted instead
    elif topic:
        topic = _topic(topic, language, context)
    elif said_in == language:
        topic = pain_topic(pain, language, stage, context)
    # else no topic: a Dutch pain's words make no English topic, and the pain is quoted instead
    kind = t("starters.hmw_good", language) if sentiment(pain).score >= GOOD else pain_kind(pain, said_in)
    neutral = t("starters.hmw_neutral", language)
    said = shorten(pain.strip().rstrip(".!?…"), PAIN_IN_QUESTION)
    values = {"topic": topic, "stage": stage, "pain": said}
    candidates = [*_phrasings(kind, language, topic, stage), *_phrasings(neutral, language, topic, stage)]
    candidates.append("hmw_last")
    for key in candidates:
        question = sentence_case(t(f"starters.{key}" if key == "hmw_last" else key, language, **values))
        # a phrasing is used once: three "Hoe maken we van X een goede ervaring?" read as one sentence
        used = question.casefold() if key == "hmw_last" else key
        if used not in taken:
            taken.add(used)
            return question
    return question  # every phrasing taken: the pain quoted makes it its own question


def pain_kind(pain: str, language: str) -> str:
    """The kind whose words the pain has most (the first listed on a tie), or the neutral kind."""
    words = [w.lower() for w in WORD.findall(pain)]
    best, hits = t("starters.hmw_neutral", language), 0
    for kind in t("starters.hmw_kinds", language).split():
        found = sum(map(_matcher(t(f"starters.hmw.{kind}.words", language)), words))
        if found > hits:
            best, hits = kind, found
    return best


def _matcher(listed: str):
    """Whether a word is one of `listed`: "wacht*" is any word starting with "wacht", "mens" only "mens"."""
    listed = listed.lower().split()
    exact = {w for w in listed if not w.endswith("*")}
    stems = tuple(w[:-1] for w in listed if w.endswith("*"))
    return lambda word: word in exact or word.startswith(stems)


def pain_topic(pain: str, language: str, stage: str = "", context: list[str] | tuple[str, ...] = ()) -> str:
    """The noun phrase the pain is about, as the question says it: the one that names the stage ("mijn
    jaarafrekening" in the stage Jaarafrekening), else the first with a definite article or possessive, else
    the noun the pain opens with ("Verhuizing was een drama"); '' when there is none."""
    phrases = _noun_phrases(pain, language, context)
    # the topic is what hurts, not the hurt: "lang in de wacht" is about no "de wacht"
    phrases = [(d, words) for d, words in phrases if not _judged(words[-1].lower(), language)]
    if not phrases:
        return ""
    stem = {w.lower()[:5] for w in WORD.findall(stage) if len(w) >= 5}
    naming = [p for p in phrases if stem & {w.lower()[:5] for w in p[1]}]
    determiner, words = (naming or phrases)[0]
    return _rendered(determiner, words, language, context)


def _topic(label: str, language: str, context) -> str:
    """A theme label as a topic: "Slimme meter" → "de slimme meter"; '' when it is indefinite ("Een mens")."""
    words = label.split()
    if not words:
        return ""
    first = words[0].lower()
    if first in _words("hmw_indefinite", language):
        return ""
    if first in _words("hmw_articles", language) | _words("hmw_possessive", language):
        return _rendered(first, words[1:], language, context)
    # the article people put before the label's words; without one the label is quoted as the theme's name
    # ("‘Vast contract’"): an article guessed wrong ("de vast contract") reads worse than none
    said = re.compile(rf"\b({'|'.join(_words('hmw_articles', language))})\s+{re.escape(label.lower())}\b")
    seen = Counter(m.group(1) for text in context for m in said.finditer(text.lower()))
    if seen:
        return " ".join([seen.most_common(1)[0][0], *(_cased(w, context) for w in words)])
    return t("starters.hmw_named", language, theme=label)


def _noun_phrases(text: str, language: str, context=()) -> list[tuple[str, list[str]]]:
    """(determiner, words) of each noun phrase: a definite article or possessive, adjectives, a noun; and the
    noun a pain opens with when a function word follows it."""
    definite = _words("hmw_articles", language) | _words("hmw_possessive", language)
    indefinite = _words("hmw_indefinite", language)
    found: list[tuple[str, list[str]]] = []
    # the research besides the pain itself (a pain is often also one of the quotes)
    others = [other for other in dict.fromkeys(context) if text not in other and other not in text]
    for n, clause in enumerate(CLAUSE_BREAK.split(text)):
        words = WORD.findall(clause)
        lower = [w.lower() for w in words]
        if n == 0 and len(words) >= 2 and _opens(words[0], language) and lower[1] in function_words(language):
            found.append(("", words[:1]))
        for i, word in enumerate(lower):
            if word not in definite and word not in indefinite:
                continue
            end = i + 1
            while end + 1 < len(words) and _modifier(lower[end], lower[end + 1], language, others):
                end += 1
            if end < len(words) and _noun(lower[end], language) and word not in indefinite:
                # a modifier that is the hurt ("the wrong floor number") is left out of the topic
                kept = [w for w in words[i + 1 : end] if not _judged(w.lower(), language)] + [words[end]]
                found.append((word, kept))
    return found


def _judged(word: str, language: str) -> bool:
    """Whether `word` is one of a kind of pain's words ("wacht", "wrong"): it says how, not what about."""
    kinds = t("starters.hmw_kinds", language).split()
    return any(_matcher(t(f"starters.hmw.{kind}.words", language))(word) for kind in kinds)


def _opens(word: str, language: str) -> bool:
    """Whether a pain's first word is the noun it is about ("Verhuizing was een drama"): written with a capital,
    and not a word of a kind of pain ("Lang in de wacht" says how, not what)."""
    word = word.lower() if word[:1].isupper() else ""
    return _noun(word, language) and not _judged(word, language) and word not in _words("hmw_numbers", language)


def _modifier(word: str, after: str, language: str, texts: list[str]) -> bool:
    """A Dutch adjective before its noun ends in -e ("de nieuwe termijn"); an English word modifies the next
    when the rest of the research (`texts`) says the two together too ("direct debit"; not "my instalment
    went"), or when it has an adjective's ending ("monthly instalment", "annual statement")."""
    if not _noun(after, language):
        return False
    if language == "nl":
        return word.endswith("e") and _is_content(word)
    together = re.compile(rf"\b{re.escape(word)}\s+{re.escape(after)}\b", re.IGNORECASE)
    if not _noun(word, language):
        return False
    if any(together.search(text) for text in texts):
        return True
    return bool(ADJECTIVE.search(word))  # "monthly instalment", "annual statement"


def _noun(word: str, language: str = "nl") -> bool:
    """A content word that may head a topic: not generic, not a participle, in English not a superlative
    ("the quietest month")."""
    if language == "en" and re.search(r"\w{3}est$", word):
        return False
    return _is_content(word) and word not in GENERIC and not PARTICIPLE.match(word)


def _rendered(determiner: str, words: list[str], language: str, context) -> str:
    """The phrase speaking for every customer: a possessive becomes the article the research puts before the
    noun most ("mijn termijnbedrag" → "het termijnbedrag"); a word keeps its capital only where the research
    writes it so ("English phone line") and not just because a sentence started with it."""
    if not words:
        return ""
    words = [_cased(w, context) for w in words]
    if determiner not in _words("hmw_articles", language):
        determiner = _article(words[-1], language, context)
    return " ".join([determiner, *words])


def _cased(word: str, context) -> str:
    if word[:1].isupper() and any(re.search(rf"\b{re.escape(word.lower())}\b", text) for text in context):
        return word.lower()
    if word[:1].isupper() and not any(re.search(rf"\w\W+{re.escape(word)}\b", text) for text in context):
        return word.lower()  # seen only at the start of a sentence, or nowhere
    return word


def _article(noun: str, language: str, context) -> str:
    articles = _words("hmw_articles", language)
    pattern = re.compile(rf"\b({'|'.join(map(re.escape, articles))})\s+(?:\w+\s+)?{re.escape(noun.lower())}\b")
    seen = Counter(m.group(1) for text in context for m in pattern.finditer(text.lower()))
    return seen.most_common(1)[0][0] if seen else t("starters.hmw_article", language)


def _phrasings(kind: str, language: str, topic: str, stage: str) -> list[str]:
    """The locale keys of a kind's questions: those naming the topic when there is one, else those naming the
    stage when there is one, else those quoting what was said (praise quoted as praise, not as a pain)."""
    prefix = f"starters.hmw.{kind}."
    available = sorted(k for k in keys(language) if k.startswith(prefix))
    wanted = "ask_" if topic else "plain_" if stage else "said_"
    return [k for k in available if k[len(prefix) :].startswith(wanted)]


def _words(key: str, language: str) -> set[str]:
    return set(t(f"starters.{key}", language).lower().split())
