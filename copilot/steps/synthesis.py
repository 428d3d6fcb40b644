"""SD-02 research synthesis, computed offline: themes from the store's evidence, no LLM needed."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from functools import partial

from copilot.i18n import t
from copilot.research.chunks import Chunk
from copilot.research.redaction import Redactor
from copilot.research.store import ResearchStore
from copilot.research.themes import themes_and_rest
from copilot.steps.schemas import ResearchSynthesis, Theme
from copilot.steps.theme_wording import word_theme
from copilot.text import reads_as_said

MIN_WORDS = 8  # shorter turns ("Ja, klopt.") say too little to build a theme on
ENOUGH = 3  # quotes to word a theme from


def draft_synthesis(
    store: ResearchStore, language: str, max_themes: int = 8, leave_out: Collection[str] = ()
) -> tuple[ResearchSynthesis, list[Chunk]]:
    """A synthesis draft and the chunks its themes cite (to keep with the session as evidence); `leave_out`:
    ids of chunks that are not to shape the themes (a contact export's agent notes, for a customer's view)."""
    chunks, vectors = store.chunks_with_vectors()
    keep = [
        i
        for i, chunk in enumerate(chunks)
        if chunk.is_evidence and len(chunk.text.split()) >= MIN_WORDS and chunk.id not in leave_out
    ]
    chunks, vectors = [chunks[i] for i in keep], vectors[keep]
    found, left_off = themes_and_rest(chunks, vectors, max_themes=max_themes, embedder=store.embedder.name)
    redactor = Redactor(language, known_names={c.speaker for c in chunks if c.speaker})
    labels = partial(_labels, chunks=chunks, language=language, redactor=redactor, notes=_agent_notes(chunks))
    cited: dict[str, Chunk] = {}
    items = []
    for number, (theme, label) in enumerate(zip(found, labels(found), strict=True), 1):
        main, quotes = _drafted(theme, label, f"T{number}", chunks, language)
        items.append(main)
        cited.update({q.id: q for q in quotes})
        named = {main.label}
        for part, wording in zip(theme.parts, labels(theme.parts, strict=True), strict=True):
            if not wording.label or _content_words(wording.label) & set().union(*map(_content_words, named)):
                continue  # a thread no phrase names apart from its theme and siblings is left in its theme
            named.add(wording.label)
            if wording.sentence and wording.sentence in main.insight:
                wording = replace(wording, sentence="")  # the main card quotes it already
            sub, quotes = _drafted(part, wording, f"{main.id}.{len(named) - 1}", chunks, language, part_of=main.id)
            items.append(sub)
            cited.update({q.id: q for q in quotes})
    questions = [t("synthesis.question_missing", language)] if items else [t("synthesis.question_empty", language)]
    wordings = labels([*found, *left_off], strict=True)[len(found) :]  # each against every other theme
    questions += _left_off(left_off, wordings, items, language)
    return ResearchSynthesis(themes=items, open_questions=questions), list(cited.values())


def _left_off(left_off: list, wordings: list, items: list[Theme], language: str, shown: int = 6) -> list[str]:
    """What did not fit on the wall, as an open question, so the team can add it: "The chatbot (33 fragmenten),
    …"; a name already on the wall is left out (it would read as that theme)."""
    on_wall = {item.label.lower() for item in items}
    named = [
        t("synthesis.left_off_theme", language, label=wording.label, n=len(theme.members))
        for theme, wording in zip(left_off, wordings, strict=True)
        if wording.label and wording.label.lower() not in on_wall
    ]
    return [t("synthesis.left_off", language, themes=", ".join(named[:shown]))] if named else []


def _content_words(label: str) -> set[str]:
    """A label's words that carry meaning ("mail", "no-reply"), to tell a sub-theme that only repeats its theme."""
    from copilot.research.stopwords import words as stopwords

    return {word for word in re.findall(r"[\w-]{3,}", label.lower()) if word not in stopwords()}


def _labels(
    found: list, chunks: list[Chunk], language: str, redactor: Redactor, notes: set[str], strict: bool = False
) -> list:
    """Each theme's wording (label and sentence) against its siblings': what sets it apart from them, in the
    words of the people the research heard (a contact export's agent notes, `notes`, only where a theme has too
    few other quotes). `strict`: from the quotes in the session's language only (a sub-theme is left unnamed
    rather than named in another)."""
    texts = []
    for theme in found:
        members = _central_first(theme)
        voiced = [i for i in members if chunks[i].id not in notes]
        members = voiced if len(voiced) >= ENOUGH else members
        texts.append(_in_language([chunks[i].text for i in members], language, strict))
    return [
        word_theme(own, texts[:number] + texts[number + 1 :], clean=redactor.redact) for number, own in enumerate(texts)
    ]


def _agent_notes(chunks: list[Chunk]) -> set[str]:
    """The ids of a contact export's rows: agents' notes about a contact, not what the customer said."""
    from copilot.steps.contact_exports import contact_export

    export = contact_export(chunks)
    return {row.chunk.id for row in export.rows} if export else set()


def _drafted(theme, wording, theme_id: str, chunks: list[Chunk], language: str, part_of: str = ""):
    """One theme as the step's item, and the quotes it cites: its representatives, then the quotes its label
    and insight come from, so both stand in the theme's own evidence."""
    counted = t("synthesis.computed_insight", language, n=len(theme.members), sources=theme.n_sources)
    insight = t("synthesis.insight", language, sentence=wording.sentence, counted=counted)
    quotes = [chunks[i] for i in theme.representatives]
    for words in (wording.label, wording.sentence):
        said = next(
            (chunks[i] for i in _central_first(theme) if words and words.lower() in chunks[i].text.lower()), None
        )
        if said is not None and said not in quotes:
            quotes.append(said)  # after the representatives: the slide's first quote is another voice
    voices = [q for q in quotes if reads_as_said(q.text) and wording.sentence not in q.text]
    if not voices:  # every quote an agent's note: the card's quote is a customer's, when the theme has one
        said = next((chunks[i] for i in _central_first(theme) if reads_as_said(chunks[i].text)), None)
        if said is not None and said not in quotes and (not wording.sentence or wording.sentence not in said.text):
            quotes.append(said)
    item = Theme(
        id=theme_id,
        label=wording.label or theme.label,
        insight=insight if wording.sentence else counted,
        evidence=[q.id for q in quotes],
        n_sources=theme.n_sources,
        part_of=part_of,
    )
    return item, quotes


def _in_language(texts: list[str], language: str, only: bool = False, enough: int = ENOUGH) -> list[str]:
    """The quotes in the session's language, when there are enough to word a theme from (or `only`: whatever
    their number): a theme holds Dutch and English quotes about one thing, and a Dutch deck's label and insight
    should come from the Dutch ones."""
    from copilot.research.language import detect

    same = [text for text in texts if detect(text) == language]
    return same if only or len(same) >= enough else texts


def _central_first(theme) -> list[int]:
    """The theme's representatives (most central, one per source first), then the rest of its members."""
    return [*theme.representatives, *(i for i in theme.members if i not in theme.representatives)]
