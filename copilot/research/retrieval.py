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

Two ways to search, with the same scores. A store of up to `EXACT_LIMIT` quotes is held in memory and scored
exactly (every quote, neighbours averaged over all pairs, bm25s), rebuilt when the store changes. A bigger
store (issue 17) is never loaded: the dense candidates come from Chroma's own index over the averaged vectors
the store wrote at ingest, the word candidates from a persistent BM25 index beside the store (`lexicon.py`)
that follows the store's change feed, and only the union of both is fused and made diverse.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from copilot.research.chunks import Chunk
from copilot.research.language import detect
from copilot.research.lexical import LexicalIndex
from copilot.research.lexicon import Lexicon
from copilot.research.neighbours import NEIGHBOUR_WEIGHT, NEIGHBOURS, augment
from copilot.research.neighbours import normalise as _normalise
from copilot.research.store import Evidence, ResearchStore

__all__ = ["NEIGHBOURS", "NEIGHBOUR_WEIGHT", "LEXICAL_WEIGHT", "Retriever", "augment"]

# On Dutch text exact words carry more of the meaning. English: chosen on Banking77's train split;
# Dutch: on the Dutch CX development half with the bilingual embedder (0.2 → 0.5: P@10 0.298 → 0.307).
LEXICAL_WEIGHT = {"en": 0.05, "nl": 0.5}
RECHECK_SECONDS = 2.0  # how often another person's writes to a shared store are looked for
EXACT_LIMIT = 5_000  # quotes; above it a store is searched through its indexes, not loaded
CANDIDATES = 200  # at least this many candidates from each index (more for bigger k)
FEED_OVERLAP = 30.0  # seconds the change feed is re-read, for writes committed after a later one was seen


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


class Retriever:
    """Searches a research store by meaning and by words."""

    def __init__(
        self, store: ResearchStore, lexical_weight: dict[str, float] | None = None, exact_limit: int | None = None
    ) -> None:
        self.store = store
        self.lexical_weight = lexical_weight or LEXICAL_WEIGHT
        self.exact_limit = EXACT_LIMIT if exact_limit is None else exact_limit
        self._corpus: _Corpus | None = None
        self._lexicon: Lexicon | None = None
        self._count = 0
        self._unaveraged = (0, 0)
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
        if self._indexed():
            return self._search_indexed(query, k, where, per_source, mode, evidence_only)
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

    def _indexed(self) -> bool:
        """Whether the store is too big to hold: polled like `_load` (our own writes at once, others' within
        `RECHECK_SECONDS`)."""
        now = time.monotonic()
        if self._seen != (self.store.version,) or now - self._checked >= RECHECK_SECONDS:
            self._count = self.store.count()
        return self._count > self.exact_limit

    def _load(self) -> _Corpus | None:
        # Our own writes bump store.version at once; another person's writes to a shared server are noticed
        # by its count, polled at most every few seconds so a search costs no extra round trip.
        now = time.monotonic()
        if self._corpus is not None and self._seen == (self.store.version,) and now - self._checked < RECHECK_SECONDS:
            return self._corpus
        count = self._count = self.store.count()
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

    # --- a big store: through Chroma's index and the persistent word index ----------------------

    def _search_indexed(
        self, query: str, k: int, where: dict | None, per_source: int | None, mode: str, evidence_only: bool
    ) -> list[Evidence]:
        lexicon = self._follow()
        self._corpus = None  # a store that grew past the limit: its in-memory copy is no longer used
        kinds = {str(condition.get("kind")) for condition in (where or {}).get("$and", [where or {}])}
        evidence = evidence_only and "plan" not in kinds
        pool = max(CANDIDATES, 20 * k)
        found: dict[str, Evidence] = {}
        dense: dict[str, float] = {}
        vector = None
        if mode != "bm25":
            vector = _normalise(self.store.embedder.embed([query])[0])
            expanded = vector
            if mode == "hybrid" and self._count > NEIGHBOURS:
                nearest = _normalise(self.store.nearest_vectors(vector, NEIGHBOURS))
                expanded = _normalise(vector + NEIGHBOUR_WEIGHT * nearest.mean(axis=0))
            # interviewer turns are left out below, not by Chroma: a filter that keeps nearly every quote made
            # its query ten times slower (30 → 300 ms at 30,000 quotes); a caller's filter goes to Chroma
            hits = self.store.candidates(expanded, pool, where, augmented=mode == "hybrid")
            for hit in hits:
                found[hit.id], dense[hit.id] = hit, hit.score
            vector = expanded
        rows, words = lexicon.scores(query)
        top = words.max() if len(words) else 0.0
        scores: dict[str, float] = {}
        if mode in ("hybrid", "bm25") and top > 0:
            best = rows[np.argsort(-words)[:pool]] if len(rows) > pool else rows
            missing = [lexicon.ids[r] for r in best if lexicon.ids[r] not in found]
            chunks, vectors = self.store.augmented_of(missing)
            for chunk, augmented in zip(chunks, vectors, strict=True):
                found[chunk.id] = Evidence(chunk, 0.0)
                if vector is not None:
                    dense[chunk.id] = float(_normalise(augmented) @ vector)
        weight = self.lexical_weight[detect(query, default=lexicon.language)] if mode == "hybrid" else 1.0
        by_row = dict(zip(rows.tolist(), (words / top).tolist(), strict=True)) if top > 0 else {}
        for id_ in found:
            word = by_row.get(lexicon.rows.get(id_, -1), 0.0) if id_ in lexicon else 0.0
            if mode == "bm25":
                if word > 0:
                    scores[id_] = float(word * top)
            elif mode == "dense":
                scores[id_] = dense[id_]
            else:
                scores[id_] = float(dense.get(id_, 0.0) + weight * word)
        candidates = [found[i].chunk for i in scores]
        allowed = _filter(candidates, where)
        if evidence:
            allowed &= np.array([c.is_evidence for c in candidates], dtype=bool)
        ranked = sorted(
            (Evidence(chunk, scores[chunk.id]) for chunk, ok in zip(candidates, allowed, strict=True) if ok),
            key=lambda e: -e.score,
        )
        if per_source is None and _one_source(where):
            per_source = k
        return _diverse(ranked, k, per_source or max(2, k // 4))

    def _follow(self) -> Lexicon:
        """The store's word index, brought up to date: quotes written since the last look (the change feed,
        read again a little way back), and, when the counts still differ, a comparison of every id."""
        if self._lexicon is None:
            self._lexicon = Lexicon(self.store.lexicon_folder())
        lexicon = self._lexicon
        now = time.monotonic()
        if self._seen == (self.store.version,) and now - self._checked < RECHECK_SECONDS and lexicon.size:
            return lexicon
        self._checked, self._seen = now, (self.store.version,)
        if lexicon.source != self.store.identity():
            lexicon.clear()
            lexicon.source = self.store.identity()
        changed = False
        if lexicon.size:
            ids, texts, latest = self.store.changes(lexicon.stamp - FEED_OVERLAP)
            changed = lexicon.add(ids, texts) > 0 or latest > lexicon.stamp
            lexicon.stamp = max(lexicon.stamp, latest)
        self._count = self.store.count()
        if self._count != lexicon.size:
            every = set(self.store.ids())
            known = lexicon.living_ids()
            ids, texts, latest = self.store.texts(sorted(every - known))
            lexicon.add(ids, texts)
            lexicon.remove(sorted(known - every))
            lexicon.stamp = max(lexicon.stamp, latest)
            changed = True
        # quotes without an averaged vector: written by an older copilot (fill them in), or being written by a
        # colleague right now (their copilot writes them in a moment); only a difference that stays is filled
        counts = (self._count, self.store.augmented_count())
        if counts[0] != counts[1] and counts == self._unaveraged:
            self.store.fill_augmented()
        self._unaveraged = counts
        if changed:
            lexicon.save()
        return lexicon


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
