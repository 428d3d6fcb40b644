"""Issue 17: does the indexed search (Chroma's HNSW over vectors averaged at ingest, the persistent word index,
fusion on the union of candidates) keep the exact search's quality? P@10 of both through `Retriever.search`
on the same embedded store, in the same run.

    .venv/bin/python bench/retrieval_indexed_quality.py [--sets banking77,nl_dev,nl_test] [--json]

Every row of a labelled set is a query (its own row left out of the top 10); relevant = same label. Each set is
embedded once (cached as in `dutch_retrieval.py`) and written with `ResearchStore.write` in batches of 512, so
the averaged vectors are computed at ingest exactly as for real research; queries use the cached vector of their
text. "exact" is the retriever as before (every quote in memory), "indexed" the same retriever forced onto the
big-store path (`exact_limit=0`).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

K = 10


class CachedEmbedder:
    """The real embedder's vectors, looked up by text (each set was embedded once already)."""

    def __init__(self, embedder, texts: list[str], vectors: np.ndarray) -> None:
        self.name = embedder.name
        self._real = embedder
        self._vectors = dict(zip(texts, vectors, strict=True))

    def embed(self, texts, progress=None) -> np.ndarray:
        if all(t in self._vectors for t in texts):
            return np.asarray([self._vectors[t] for t in texts], dtype=np.float32)
        return self._real.embed(texts, progress)


def evaluate(name: str, embedder) -> dict:
    from bench.dutch_retrieval import SETS, vectors_for
    from copilot.benchmarks import load_labelled
    from copilot.research.chunks import Chunk
    from copilot.research.retrieval import Retriever
    from copilot.research.store import ResearchStore

    path, text_column, label_column = SETS[name]
    pairs = load_labelled(path, text_column, label_column)
    texts = [text for text, _ in pairs]
    labels = {f"r{i}": label for i, (_, label) in enumerate(pairs)}
    vectors = vectors_for(embedder, name, texts)
    folder = Path(tempfile.mkdtemp(prefix="cx-indexed-quality-"))
    try:
        store = ResearchStore.open(folder / "store", embedder=CachedEmbedder(embedder, texts, vectors))
        started = time.perf_counter()
        chunks = [Chunk(f"r{i}", t, "set.csv", f"row {i}", "table") for i, t in enumerate(texts)]
        store.write(chunks, vectors)
        result = {"set": name, "n": len(texts), "write_s": round(time.perf_counter() - started, 1)}
        for label, retriever in (("exact", Retriever(store)), ("indexed", Retriever(store, exact_limit=0))):
            found, timings = [], []
            for i, text in enumerate(texts):
                started = time.perf_counter()
                hits = retriever.search(text, k=K + 1)
                timings.append((time.perf_counter() - started) * 1000)
                top = [h.id for h in hits if h.id != f"r{i}"][:K]
                found.append(sum(labels[id_] == labels[f"r{i}"] for id_ in top) / K)
            result[f"{label}.p@10"] = round(float(np.mean(found)), 4)
            result[f"{label}.ms.p50"] = round(float(np.median(timings)), 1)
        result["difference"] = round(result["indexed.p@10"] - result["exact.p@10"], 4)
        return result
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", default="banking77,nl_dev,nl_test")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from copilot.research.embeddings import embedder_from_spec

    embedder = embedder_from_spec("bilingual")
    rows = []
    for name in args.sets.split(","):
        rows.append(evaluate(name, embedder))
        if not args.json:
            print(rows[-1], flush=True)
    if args.json:
        print(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
