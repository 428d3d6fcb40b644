"""Lexical retrieval: BM25 over words stemmed for Dutch and English.

Dense vectors find paraphrases; BM25 finds the exact product names, codes and jargon that a small
embedding model blurs ("salderen", "TERM-02"). The retriever fuses both.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np

from copilot.research.compounds import parts
from copilot.research.stopwords import words as stopwords

COMPOUNDS = True  # add the parts of Dutch compounds beside the word itself

_WORD = re.compile(r"\w[\w'-]*\w|\w", re.UNICODE)
_STEMMERS = {"nl": "dutch_porter", "en": "english"}  # Kraaij-Pohlmann: keeps "bedrag"/"bedragen" together


@cache
def _stemmer(language: str):
    import Stemmer

    return Stemmer.Stemmer(_STEMMERS[language])


def tokens(text: str) -> list[str]:
    """Content words stemmed as Dutch and as English: short quotes rarely show which language they are in,
    and stemming documents and queries the same way is what makes them meet."""
    stop = stopwords()
    words = [w for w in _WORD.findall(text.lower()) if w not in stop]
    if COMPOUNDS:
        words += [part for w in words for part in parts(w) if part not in stop]
    dutch, english = _stemmer("nl").stemWords(words), _stemmer("en").stemWords(words)
    return [stem for pair in zip(dutch, english, strict=True) for stem in dict.fromkeys(pair)]


class LexicalIndex:
    """A BM25 index over a fixed list of texts; scores every text for a query."""

    def __init__(self, texts: list[str]) -> None:
        import bm25s

        self.size = len(texts)
        self._bm25 = bm25s.BM25()
        corpus = [tokens(text) or ["\u2205"] for text in texts]  # bm25s needs a token in every document
        self._bm25.index(corpus, show_progress=False)
        self._vocabulary = set(self._bm25.vocab_dict)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every indexed text for `query` (zeros when no query word is known)."""
        known = [t for t in dict.fromkeys(tokens(query)) if t in self._vocabulary]
        if not known:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(known), dtype=np.float32)
