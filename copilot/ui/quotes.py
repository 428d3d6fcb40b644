"""The quotes behind an item as the editor's cards show them: the words, then where they stand and their id."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from copilot.i18n import t
from copilot.research.quotes import Quote


def quotes_html(quotes: Sequence[Quote], language: str) -> str:
    """One blockquote per quote, cited as the deck cites it (`Quote.cite`). Quotes and sources come from
    research files and pasted answers: every one is escaped, never read as HTML."""
    shown = "".join(
        f"<blockquote class='cx-quote'>“{escape(q.text)}”<small>{escape(q.cite(language))} · {escape(q.id)}</small>"
        "</blockquote>"
        for q in quotes
    )
    return shown or f"<span class='cx-muted'>{escape(t('deck.no_evidence', language))}</span>"
