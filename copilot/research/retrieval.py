"""Hybrid retrieval: meaning (dense vectors) and words (BM25), fused by score, then made diverse.

Three choices, each measured in BENCHMARKS.md (parameters chosen on Banking77's train split):
- Neighbour averaging: each quote's vector is averaged with those of its few nearest quotes, and the
  query is expanded the same way. Short customer texts are noisy; their neighbourhood is a steadier
  signal of what they are about.
- Fusion by score, not by rank: reciprocal-rank fusion treats BM25's tenth guess as equal to the dense
  model's tenth, and on short customer queries that costs precision. Here cosine similarity leads and a
  normalised BM25 score is added with a small weight, so exact words (product names, codes, jargon)
  break ties between paraphrases without overruling meaning.
- Diversity: at most a few quotes from one interview or document, so one talkative participant does not
  fill the evidence.

Chroma stays the store of record; the retriever keeps its vectors in memory and rebuilds them when the
store changes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from copilot.research.chunks import Chunk
from copilot.research.language import detect
from copilot.research.lexical import LexicalIndex
from copilot.research.store import Evidence, ResearchStore

NEIGHBOURS = 3  # how many nearest quotes are averaged into a quote's (and a query's) vector
NEIGHBOUR_WEIGHT = 0.5
# On Dutch text exact words carry more of the meaning. English: chosen on Banking77's train split;
# Dutch: on the Dutch CX development half with the bilingual embedder (0.2 → 0.5: P@10 0.298 → 0.307).
LEXICAL_WEIGHT = {"en": 0.05, "nl": 0.5}
_BLOCK = 2048
RECHECK_SECONDS = 2.0  # rows per block when finding every quote's neighbours, to bound memory


@dataclass
class _Corpus:
    chunks: list[Chunk]
    vectors: np.ndarray  # as embedded
    augmented: np.ndarray  # averaged with each quote's neighbours
    lexical: LexicalIndex
    count: int
    language: str  # the language most quotes are in
    evidence: np.ndarray  # False for interviewer turns
    version: int  # the store's version it was built from


def _normalise(matrix: np.ndarray) -> np.ndarray:
    return matrix / np.maximum(np.linalg.norm(matrix, axis=-1, keepdims=True), 1e-12)


def augment(vectors: np.ndarray, neighbours: int = NEIGHBOURS, weight: float = NEIGHBOUR_WEIGHT) -> np.ndarray:
    """Each vector plus `weight` × the mean of its `neighbours` nearest other vectors, normalised."""
    n = len(vectors)
    if n <= neighbours:
        return vectors.copy()
    result = np.empty_like(vectors)
    for start in range(0, n, _BLOCK):
        block = vectors[start : start + _BLOCK] @ vectors.T
        block[np.arange(len(block)), np.arange(start, start + len(block))] = -np.inf  # not itself
        nearest = np.argpartition(-block, neighbours, axis=1)[:, :neighbours]
        result[start : start + len(block)] = vectors[start : start + len(block)] + weight * vectors[nearest].mean(
            axis=1
        )
    return _normalise(result)


class Retriever:
    """Searches a research store by meaning and by words."""

    def __init__(self, store: ResearchStore, lexical_weight: dict[str, float] | None = None) -> None:
        self.store = store
        self.lexical_weight = lexical_weight or LEXICAL_WEIGHT
        self._corpus: _Corpus | None = None
        self._checked = 0.0
        self._seen: tuple[int] = (-1,)

    def search(
        self,
        query: str,
        k: int = 8,
        where: dict | None = None,
        per_source: int | None = None,
        mode: str = "hybrid",
        evidence_only: bool = True,
    ) -> list[Evidence]:
        """The k best quotes for `query`; at most `per_source` (default k/4, at least 2) from one interview
        or document. `mode` is "hybrid", or "dense" / "bm25" alone (baselines)."""
        corpus = self._load()
        if corpus is None:
            return []
        allowed = _filter(corpus.chunks, where)
        kinds = {str(condition.get("kind")) for condition in (where or {}).get("$and", [where or {}])}
        if evidence_only and "plan" not in kinds:  # an interviewer's question, a research plan: not what customers said
            allowed &= corpus.evidence
        if mode == "bm25":
            scores = corpus.lexical.scores(query)
            allowed &= scores > 0
        else:
            vector = self.store.embedder.embed([query])[0]
            scores = corpus.vectors @ vector if mode == "dense" else self._hybrid(corpus, query, vector)
        scores = np.where(allowed, scores, -np.inf)
        pool = min(len(scores), max(50, 20 * k))  # enough for diversity to skip over, without sorting everything
        top = np.argpartition(-scores, pool - 1)[:pool]
        order = top[np.argsort(-scores[top])]
        ranked = (Evidence(corpus.chunks[i], float(scores[i])) for i in order if np.isfinite(scores[i]))
        if per_source is None and _one_source(where):
            per_source = k  # asked for one file: its quotes are all there is to return
        return _diverse(ranked, k, per_source or max(2, k // 4))

    def _hybrid(self, corpus: _Corpus, query: str, vector: np.ndarray) -> np.ndarray:
        expanded = vector
        if len(corpus.chunks) > NEIGHBOURS:  # a handful of quotes has no neighbourhood to learn from
            nearest = np.argpartition(-(corpus.vectors @ vector), NEIGHBOURS)[:NEIGHBOURS]
            expanded = _normalise(vector + NEIGHBOUR_WEIGHT * corpus.vectors[nearest].mean(axis=0))
        scores = corpus.augmented @ expanded
        words = corpus.lexical.scores(query)
        if words.max() > 0:
            weight = self.lexical_weight[detect(query, default=corpus.language)]
            scores = scores + weight * words / words.max()
        return scores

    def _load(self) -> _Corpus | None:
        # Our own writes bump store.version at once; another person's writes to a shared server are noticed
        # by its count, polled at most every few seconds so a search costs no extra round trip.
        now = time.monotonic()
        if self._corpus is not None and self._seen == (self.store.version,) and now - self._checked < RECHECK_SECONDS:
            return self._corpus
        count = self.store.count()
        self._checked, self._seen = now, (self.store.version,)
        if count == 0:
            self._corpus = None
            return None
        if self._corpus is None or self._corpus.count != count or self._corpus.version != self.store.version:
            chunks, vectors = self.store.chunks_with_vectors()
            vectors = _normalise(vectors)
            dutch = sum(detect(c.text) == "nl" for c in chunks)
            language = "nl" if dutch > len(chunks) / 2 else "en"
            self._corpus = _Corpus(
                chunks,
                vectors,
                augment(vectors),
                LexicalIndex([c.text for c in chunks]),
                count,
                language,
                np.array([c.is_evidence for c in chunks], dtype=bool),
                self.store.version,
            )
        return self._corpus

    def refresh(self) -> None:
        """Forget the cached vectors, e.g. after someone else changed a shared store."""
        self._corpus = None
        self._checked = 0.0


def _filter(chunks: list[Chunk], where: dict | None) -> np.ndarray:
    """Which chunks pass an equality filter like {"source": "x.csv", "segment": "expat"} (or a {"$and": […]})."""
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
            "location": chunk.location,
        }
        return all(
            str(values.get(key, "")) == str(value) for condition in conditions for key, value in condition.items()
        )

    return np.array([passes(chunk) for chunk in chunks], dtype=bool)


def _one_source(where: dict | None) -> bool:
    return bool(where) and any("source" in condition for condition in where.get("$and", [where]))


def _diverse(ranked, k: int, per_source: int) -> list[Evidence]:
    """Best first, but at most `per_source` quotes from one interview or document; rows of a survey
    export are separate respondents, so they are not capped together."""
    picked: list[Evidence] = []
    used: dict[str, int] = {}
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
