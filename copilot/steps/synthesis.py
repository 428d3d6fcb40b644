"""SD-02 research synthesis, computed offline: themes from the store's evidence, no LLM needed."""

from __future__ import annotations

from collections.abc import Collection

from copilot.i18n import t
from copilot.research.chunks import Chunk
from copilot.research.redaction import Redactor
from copilot.research.store import ResearchStore
from copilot.research.themes import themes as compute_themes
from copilot.steps.schemas import ResearchSynthesis, Theme
from copilot.steps.theme_wording import word_theme
from copilot.text import reads_as_said

MIN_WORDS = 8  # shorter turns ("Ja, klopt.") say too little to build a theme on


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
    found = compute_themes(chunks, vectors, max_themes=max_themes, embedder=store.embedder.name)
    cited: dict[str, Chunk] = {}
    items = []
    # quotes of each theme, most central first, so the wording comes from what the theme is most about
    texts = [_in_language([chunks[i].text for i in _central_first(theme)], language) for theme in found]
    redactor = Redactor(language, known_names={c.speaker for c in chunks if c.speaker})
    for number, theme in enumerate(found, start=1):
        wording = word_theme(texts[number - 1], texts[: number - 1] + texts[number:], clean=redactor.redact)
        counted = t("synthesis.computed_insight", language, n=len(theme.members), sources=theme.n_sources)
        insight = t("synthesis.insight", language, sentence=wording.sentence, counted=counted)
        quotes = [chunks[i] for i in theme.representatives]
        # the quotes the label and the insight come from are cited, so both stand in the theme's own evidence
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
        cited.update({q.id: q for q in quotes})
        items.append(
            Theme(
                id=f"T{number}",
                label=wording.label or theme.label,
                insight=insight if wording.sentence else counted,
                evidence=[q.id for q in quotes],
                n_sources=theme.n_sources,
            )
        )
    questions = [t("synthesis.question_missing", language)] if items else [t("synthesis.question_empty", language)]
    return ResearchSynthesis(themes=items, open_questions=questions), list(cited.values())


def _in_language(texts: list[str], language: str, enough: int = 3) -> list[str]:
    """The quotes in the session's language, when there are enough to word a theme from: a theme holds Dutch and
    English quotes about one thing, and a Dutch deck's label and insight should come from the Dutch ones."""
    from copilot.research.language import detect

    same = [text for text in texts if detect(text) == language]
    return same if len(same) >= enough else texts


def _central_first(theme) -> list[int]:
    """The theme's representatives (most central, one per source first), then the rest of its members."""
    return [*theme.representatives, *(i for i in theme.members if i not in theme.representatives)]
