"""Hybrid retrieval: meaning (dense vectors in Chroma) and words (BM25), fused, then made diverse.

Fusion is by score, not by rank: reciprocal-rank fusion treats BM25's tenth guess as equal to the dense
model's tenth, and on short customer queries that costs precision. Here dense cosine similarity leads and
a normalised BM25 score is added with a small weight, so exact words break ties between paraphrases
without overruling meaning.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from copilot.research.chunks import Chunk
from copilot.research.lexical import LexicalIndex
from copilot.research.store import Evidence, ResearchStore

LEXICAL_WEIGHT = 0.15  # chosen on Banking77's train split; BENCHMARKS.md shows the test split
CANDIDATES = 50


@dataclass
class _Corpus:
    ids: list[str]
    chunks: list[Chunk]
    index: LexicalIndex
    count: int


class Retriever:
    """Searches a research store by meaning and by words. Rebuilds its word index when the store changes."""

    def __init__(self, store: ResearchStore, lexical_weight: float = LEXICAL_WEIGHT) -> None:
        self.store = store
        self.lexical_weight = lexical_weight
        self._corpus: _Corpus | None = None
        self._version: tuple[int, frozenset[tuple[str, str]]] | None = None

    def search(
        self, query: str, k: int = 8, where: dict | None = None, per_source: int | None = None, mode: str = "hybrid"
    ) -> list[Evidence]:
        """The k best quotes for `query`; at most `per_source` from one interview or document."""
        if self.store.count() == 0:
            return []
        per_source = per_source or max(2, k // 4)
        vector = self.store.embedder.embed([query])[0]
        scores = self._scores(query, vector, where, mode, pool=max(CANDIDATES, 5 * k))
        return _diverse(sorted(scores.values(), key=lambda e: -e.score), k, per_source)

    def _scores(self, query: str, vector: np.ndarray, where: dict | None, mode: str, pool: int) -> dict[str, Evidence]:
        dense = {} if mode == "bm25" else {e.id: e for e in self.store.search_vector(vector, pool, where)}
        if mode == "dense" or self.lexical_weight == 0:
            return dense
        corpus = self._lexical()
        lexical = corpus.index.scores(query)
        allowed = _filter(corpus.chunks, where)
        top = [i for i in np.argsort(-lexical)[:pool] if lexical[i] > 0 and allowed[i]]
        best = float(lexical[top[0]]) if top else 1.0
        if mode == "bm25":
            return {corpus.ids[i]: Evidence(corpus.chunks[i], float(lexical[i]) / best) for i in top}
        missing = [corpus.ids[i] for i in top if corpus.ids[i] not in dense]
        similarity = dict(zip(missing, self.store.vectors(missing) @ vector, strict=True)) if missing else {}
        position = {id_: i for i, id_ in enumerate(corpus.ids)}
        fused = {}
        for id_ in {*dense, *missing}:
            chunk = dense[id_].chunk if id_ in dense else corpus.chunks[position[id_]]
            cosine = dense[id_].score if id_ in dense else float(similarity[id_])
            words = float(lexical[position[id_]]) / best if id_ in position else 0.0
            fused[id_] = Evidence(chunk, cosine + self.lexical_weight * words)
        return fused

    def _lexical(self) -> _Corpus:
        count = self.store.count()
        if self._corpus is None or self._corpus.count != count:
            chunks = self.store.chunks()
            self._corpus = _Corpus([c.id for c in chunks], chunks, LexicalIndex([c.text for c in chunks]), count)
        return self._corpus


def _filter(chunks: list[Chunk], where: dict | None) -> np.ndarray:
    """Which chunks pass a simple equality filter like {"source": "x.csv", "segment": "expat"}."""
    if not where:
        return np.ones(len(chunks), dtype=bool)
    conditions = where.get("$and", [where])

    def passes(chunk: Chunk) -> bool:
        values = {
            **chunk.metadata,
            "source": chunk.source,
            "speaker": chunk.speaker,
            "role": chunk.role,
            "kind": chunk.kind,
        }
        return all(
            str(values.get(key, "")) == str(value) for condition in conditions for key, value in condition.items()
        )

    return np.array([passes(chunk) for chunk in chunks], dtype=bool)


def _diverse(ranked: list[Evidence], k: int, per_source: int) -> list[Evidence]:
    """Best first, but at most `per_source` quotes from one interview or document; rows of a survey
    export are separate respondents, so they are not capped together."""
    picked, used = [], {}
    for evidence in ranked:
        chunk = evidence.chunk
        group = chunk.id if chunk.kind == "table" else chunk.source
        if used.get(group, 0) >= per_source:
            continue
        used[group] = used.get(group, 0) + 1
        picked.append(evidence)
        if len(picked) == k:
            break
    return picked
