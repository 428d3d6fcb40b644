"""Benchmarks of the research store on a labelled CSV (every row a query; relevant = same label).

Run through `cx-copilot bench retrieval|themes DATA.csv --text-column C --label-column L --json`; the
figures in BENCHMARKS.md come from `bench/run_all.sh`. Baselines run in the same process, on the same
machine, with the same embedding model, so the comparison is fair.
"""

from __future__ import annotations

import csv
import io
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from copilot.research.reading import read_text


def load_labelled(path: Path, text_column: str, label_column: str, limit: int | None = None) -> list[tuple[str, str]]:
    rows = list(csv.DictReader(io.StringIO(read_text(Path(path)), newline="")))
    pairs = [(row[text_column].strip(), row[label_column].strip()) for row in rows if row.get(text_column, "").strip()]
    return pairs[:limit] if limit else pairs


def _write_research(pairs: list[tuple[str, str]], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "data.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "label"])
        writer.writerows(pairs)
    return folder


def _precision(results: list[list[str]], query_ids: list[str], label_of: dict[str, str], k: int) -> float:
    scores = []
    for query_id, found in zip(query_ids, results, strict=True):
        hits = [i for i in found if i != query_id][:k]
        scores.append(sum(label_of[i] == label_of[query_id] for i in hits) / k)
    return float(np.mean(scores))


def retrieval(
    path: Path, text_column: str, label_column: str, k: int = 10, limit: int | None = None, queries: int | None = None
) -> dict:
    """P@k of hybrid, dense and BM25 search, ingest speed against LangChain and the model alone, and query
    latency. `queries` evaluates a fixed random sample of rows as queries (the store still holds every row)."""
    from copilot.research.embeddings import default_embedder
    from copilot.research.ingest import ingest
    from copilot.research.retrieval import Retriever
    from copilot.research.store import ResearchStore

    pairs = load_labelled(path, text_column, label_column, limit)
    texts = [text for text, _ in pairs]
    embedder = default_embedder()
    embedder.embed(texts[:8])  # load the model before anything is timed
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = _write_research(pairs, root / "research")

        started = time.perf_counter()  # the model(s) alone, in one call: the ceiling for any ingest pipeline
        embedder.embed(texts)
        raw_seconds = time.perf_counter() - started

        store = ResearchStore.open(root / "store", embedder=embedder)
        started = time.perf_counter()
        ingest(folder, store)
        first_seconds = time.perf_counter() - started
        started = time.perf_counter()
        ingest(folder, store)
        again_seconds = time.perf_counter() - started

        langchain_seconds = _langchain_ingest(texts, embedder, root / "langchain")

        chunks, vectors = store.chunks_with_vectors()
        label_of = {c.id: c.metadata["label"] for c in chunks}
        if queries and queries < len(chunks):
            sample = np.random.default_rng(0).choice(len(chunks), size=queries, replace=False)
            chunks, vectors = [chunks[i] for i in sample], vectors[sample]
        ids = [c.id for c in chunks]
        dense = [[e.id for e in store.search_vector(v, k + 1)] for v in vectors]
        retriever = Retriever(store)
        bm25 = [[e.id for e in retriever.search(c.text, k + 1, mode="bm25")] for c in chunks]
        timings, hybrid = [], []
        for chunk in chunks:
            started = time.perf_counter()
            hybrid.append([e.id for e in retriever.search(chunk.text, k + 1)])
            timings.append((time.perf_counter() - started) * 1000)
    n = len(texts)
    return {
        "dataset": Path(path).name,
        "n": n,
        "queries": len(ids),
        f"copilot.p_at_{k}": round(_precision(hybrid, ids, label_of, k), 4),
        f"dense.p_at_{k}": round(_precision(dense, ids, label_of, k), 4),
        f"bm25.p_at_{k}": round(_precision(bm25, ids, label_of, k), 4),
        "ingest_docs_per_s.raw_embedding": round(n / raw_seconds, 1),
        "ingest_docs_per_s.copilot": round(n / first_seconds, 1),
        "ingest_docs_per_s.langchain": round(n / langchain_seconds, 1),
        "reingest_speedup": round(first_seconds / again_seconds, 1),
        "query_ms.p50": round(statistics.median(timings), 2),
        "query_ms.p95": round(float(np.percentile(timings, 95)), 2),
    }


def _langchain_ingest(texts: list[str], embedder, folder: Path) -> float:
    """The obvious alternative: LangChain's Chroma vector store with the same model behind it."""
    from langchain_chroma import Chroma
    from langchain_core.embeddings import Embeddings

    class SameModel(Embeddings):
        def embed_documents(self, documents: list[str]) -> list[list[float]]:
            return embedder.embed(documents).tolist()

        def embed_query(self, text: str) -> list[float]:
            return embedder.embed([text])[0].tolist()

    store = Chroma(collection_name="baseline", embedding_function=SameModel(), persist_directory=str(folder))
    started = time.perf_counter()
    for start in range(0, len(texts), 1000):  # Chroma caps one add at its max batch size
        store.add_texts(texts[start : start + 1000])
    return time.perf_counter() - started


def themes(path: Path, text_column: str, label_column: str, limit: int | None = None) -> dict:
    from sklearn.cluster import KMeans
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    from copilot.research.embeddings import default_embedder
    from copilot.research.themes import cluster

    pairs = load_labelled(path, text_column, label_column, limit)
    truth = [label for _, label in pairs]
    vectors = default_embedder().embed([text for text, _ in pairs])
    started = time.perf_counter()
    found = cluster(vectors)
    seconds = time.perf_counter() - started
    n_labels = len(set(truth))
    oracle = KMeans(n_clusters=n_labels, n_init=10, random_state=0).fit_predict(vectors)
    return {
        "dataset": Path(path).name,
        "n": len(pairs),
        "labels": n_labels,
        "copilot.nmi": round(normalized_mutual_info_score(truth, found), 4),
        "copilot.ari": round(adjusted_rand_score(truth, found), 4),
        "copilot.n_themes": int(len(set(found))),
        "copilot.seconds": round(seconds, 2),
        "kmeans_oracle.nmi": round(normalized_mutual_info_score(truth, oracle), 4),
        "kmeans_oracle.ari": round(adjusted_rand_score(truth, oracle), 4),
    }
