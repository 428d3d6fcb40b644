"""A team store on a real `chroma run` server on 127.0.0.1 at scale (issue 17): what today's retriever costs.

    .venv/bin/python bench/team_server_scale.py [--quotes 100000] [--json]

The server is started here and stopped at the end. Quotes: Banking77's test texts repeated with a numbered
variation ("… (12)"), with synthetic vectors (Banking77's bilingual vectors plus Gaussian noise σ = 0.02,
normalised): embedding 100,000 texts with both models takes hours on 2 cores. Queries are real texts,
embedded by the real default embedder inside the timed search. Measured: write time, the first search (which
loads every quote and vector into the client, averages neighbours over all pairs and builds BM25), hybrid
query p50/p95 after that, client and server memory, the store's size on disk, and how long until quotes a
colleague adds from another process show in this client's search, against Chroma's own HNSW query alone.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

COLLEAGUE = r"""
import sys
sys.path.insert(0, {root!r})
from copilot.research.chunks import Chunk
from copilot.research.store import ResearchStore
store = ResearchStore.open(url={url!r})
chunks = [Chunk(id=f"colleague{{n}}", text=f"Mijn pinpas is ingeslikt door de automaat bij het station, melding {{n}}",
                source="colleague.csv", location=f"row {{n}}", kind="table") for n in range(50)]
store.add(chunks)
"""


def megabytes(pid: int, children: bool = True) -> int:
    """Resident memory of a process, with its children unless told not to: the chroma server this bench starts
    is a child of the client's process, so a client's own figure must leave it out."""
    import psutil

    process = psutil.Process(pid)
    processes = [process, *process.children(recursive=True)] if children else [process]
    return round(sum(p.memory_info().rss for p in processes) / 2**20)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quotes", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from chroma_server import ChromaServer

    from bench.dutch_retrieval import SETS, vectors_for
    from copilot.benchmarks import load_labelled
    from copilot.research.embeddings import embedder_from_spec
    from copilot.research.retrieval import Retriever
    from copilot.research.store import ResearchStore

    embedder = embedder_from_spec("bilingual")
    path, text_column, label_column = SETS["banking77"]
    texts = [text for text, _ in load_labelled(path, text_column, label_column)]
    base = vectors_for(embedder, "banking77", texts)
    folder = Path(tempfile.mkdtemp(prefix="cx-team-scale-"))
    server = ChromaServer(folder)
    result: dict = {"quotes": args.quotes, "vectors": "synthetic (Banking77 bilingual + noise)"}
    try:
        store = ResearchStore.open(url=server.url, embedder=embedder)
        rng = np.random.default_rng(0)
        started = time.perf_counter()
        for start in range(0, args.quotes, 1000):
            rows = np.arange(start, min(start + 1000, args.quotes))
            vectors = base[rows % len(texts)] + rng.normal(scale=0.02, size=(len(rows), base.shape[1]))
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
            store._collection.upsert(
                ids=[f"q{n}" for n in rows],
                embeddings=vectors.astype(np.float32),
                documents=[f"{texts[n % len(texts)]} ({n // len(texts)})" for n in rows],
                metadatas=[
                    {
                        "source": f"export_{n // 10_000}.csv",
                        "location": f"row {n}",
                        "kind": "table",
                        "speaker": "",
                        "role": "",
                    }
                    for n in rows
                ],
            )
        result["write_s"] = round(time.perf_counter() - started, 1)
        queries = [texts[i] for i in np.random.default_rng(1).choice(len(texts), args.queries, replace=False)]
        embedder.embed(["warm-up"])
        retriever = Retriever(store)
        started = time.perf_counter()
        retriever.search(queries[0], k=10)
        result["first_search_s"] = round(time.perf_counter() - started, 1)
        timings, hnsw = [], []
        for query in queries:
            started = time.perf_counter()
            retriever.search(query, k=10)
            timings.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            store.search(query, k=10)  # Chroma's HNSW alone, query embedding included
            hnsw.append((time.perf_counter() - started) * 1000)
        result["hybrid_ms.p50"] = round(statistics.median(timings), 1)
        result["hybrid_ms.p95"] = round(float(np.percentile(timings, 95)), 1)
        result["hnsw_only_ms.p50"] = round(statistics.median(hnsw), 1)
        result["hnsw_only_ms.p95"] = round(float(np.percentile(hnsw, 95)), 1)
        result["client_rss_mb"] = megabytes(os.getpid(), children=False)
        result["server_rss_mb"] = megabytes(server.process.pid)
        result["server_disk_mb"] = round(
            sum(f.stat().st_size for f in (folder / "data").rglob("*") if f.is_file()) / 2**20
        )
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", COLLEAGUE.format(root=str(ROOT), url=server.url)], check=True, cwd=ROOT)
        added = time.perf_counter()
        probe = "pinpas ingeslikt automaat station"
        while not any(e.chunk.source == "colleague.csv" for e in retriever.search(probe, k=10)):
            if time.perf_counter() - added > 900:
                raise RuntimeError("the colleague's quotes did not show within 15 minutes")
            time.sleep(0.2)
        result["colleague_ingest_s"] = round(added - started, 1)
        result["colleague_visible_after_s"] = round(time.perf_counter() - added, 1)
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps(result, indent=1) if args.json else result)


if __name__ == "__main__":
    main()
