"""Weak evidence: an item whose cited quotes are about something else.

Grounding checks that a cited quote exists and that quoted text is in it, not that the quote is about the
item. Here the item's own text is compared in meaning with each quote it cites, through the research store's
embedder (`store.embedder.embed`) and the vectors the store already holds for the quotes; the best-fitting
quote counts. Below `THRESHOLD` the item is flagged "weak evidence": the editor shows it and the deck marks it.

The threshold is calibrated on labelled pairs (see BENCHMARKS.md, issue 19, and `bench/evidence_fit.py`):
items from answers written against the example research, with their own citations (right) and with another
item's citations (deliberately mismatched), in Dutch and English.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from copilot.research.quotes import Quote

# Calibrated with bench/evidence_fit.py for the bilingual default embedder (MiniLM + multilingual-e5-small): the
# most recall whose flags are right at least 0.85 of the time on the tuning half; on the held-out half precision
# 0.86, recall 0.63 (BENCHMARKS.md, issue 19). Re-run the bench when the store's embedder changes: similarities
# are on another scale.
THRESHOLD = 0.24
# fields of an item that are bookkeeping or verbatim quotes, not what the item says
NOT_CLAIM = frozenset({"id", "evidence", "assumption", "quote", "quotes", "stage", "stage_id", "hmw", "idea"})


def claim_text(item: object) -> str:
    """What an item says, as one text: its string fields and lists of strings, bookkeeping left out."""
    data = item.model_dump() if hasattr(item, "model_dump") else dict(item)  # type: ignore[call-overload]
    return " ".join(_texts({k: v for k, v in data.items() if k not in NOT_CLAIM})).strip()


def _texts(value: object) -> Iterable[str]:
    if isinstance(value, str):
        if value.strip():
            yield value.strip()
    elif isinstance(value, Mapping):
        for key, nested in value.items():
            if key not in NOT_CLAIM:
                yield from _texts(nested)
    elif isinstance(value, (list, tuple)):
        for nested in value:
            yield from _texts(nested)


def _unit(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def fit_scores(claims: list[str], quote_ids: list[list[str]], store) -> list[float | None]:
    """Per claim, the cosine similarity of its text with the best-fitting quote it cites (None: nothing to
    compare — no text or no cited quote in the store)."""
    wanted = list(dict.fromkeys(i for ids in quote_ids for i in ids))
    known = {chunk.id for chunk in store.chunks(ids=wanted)} if wanted else set()
    wanted = [i for i in wanted if i in known]
    quote_vectors = dict(zip(wanted, _unit(store.vectors(wanted)), strict=True)) if wanted else {}
    todo = [n for n, claim in enumerate(claims) if claim and any(i in quote_vectors for i in quote_ids[n])]
    claim_vectors = _unit(store.embedder.embed([claims[n] for n in todo])) if todo else []
    scores: list[float | None] = [None] * len(claims)
    for n, vector in zip(todo, claim_vectors, strict=True):
        scores[n] = max(float(vector @ quote_vectors[i]) for i in quote_ids[n] if i in quote_vectors)
    return scores


def weak_evidence(output, store, threshold: float = THRESHOLD) -> dict[str, float]:
    """Item id → fit score, for each item of a step's output whose cited quotes are about something else."""
    items = [
        item
        for name in type(output).model_fields
        for item in (getattr(output, name) or [])
        if getattr(item, "evidence", None)
    ]
    scores = fit_scores([claim_text(item) for item in items], [list(item.evidence) for item in items], store)
    return {
        item.id: score for item, score in zip(items, scores, strict=True) if score is not None and score < threshold
    }


def workspace_store(folder=None):
    """The workspace's research store when it holds research, else None: without research there are no quotes
    to check, and a store built with another embedder is left alone (the deck then carries no weak marks)."""
    import logging

    from copilot.errors import StoreError
    from copilot.research.store import ResearchStore
    from copilot.settings import Workspace

    folder = folder or Workspace.default().store_dir
    if not folder.is_dir() or not any(folder.iterdir()):
        return None
    try:
        store = ResearchStore.open(folder)
    except StoreError as error:
        logging.getLogger(__name__).warning("weak evidence not checked: %s", error)
        return None
    return store if store.count() else None


def loaded_embedder():
    """The store's default embedder when its model is already loaded in this process, else None: the editor
    flags weak evidence without ever loading a model just for it (after drafting or a search it is loaded)."""
    from copilot.research.embeddings import loaded_default_embedder

    return loaded_default_embedder()


def weak_score(item, quotes: Sequence[Quote], embedder=None, threshold: float = THRESHOLD) -> float | None:
    """The fit score of `item` with the quotes shown for it when it is weak, else None."""
    embedder = embedder or loaded_embedder()
    claim = claim_text(item)
    texts = [q.text for q in quotes if q.text]
    if embedder is None or not claim or not texts:
        return None
    vectors = _unit(embedder.embed([claim, *texts]))
    score = float(max(vectors[1:] @ vectors[0]))
    return score if score < threshold else None
