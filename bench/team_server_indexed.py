"""Issue 17: a big team store searched through Chroma's HNSW and the persistent word index, on a real
`chroma run` server on 127.0.0.1.

    .venv/bin/python bench/team_server_indexed.py [--quotes 100000] [--queries 100] [--json] [--keep DIR]
    .venv/bin/python bench/team_server_indexed.py --reuse DIR [--queries 100] [--json]  # searches only

`--keep DIR` copies the server's folder there after the write; `--reuse DIR` serves a copy of such a folder and
measures only the searches (the write of 100,000 quotes takes half an hour on 2 cores), so two versions of the
search path can be compared on the same store.

Quotes as in `team_server_scale.py` (the baseline of today's retriever): Banking77's test texts repeated with
a numbered variation, synthetic vectors (Banking77's bilingual vectors plus Gaussian noise σ = 0.02,
normalised), written through `ResearchStore.write`, so the neighbour-averaged vectors are computed at ingest
as for real research. Queries are real texts, embedded by the real default embedder inside every timed search.
Measured: write time, the first search (which builds this client's word index from the store), hybrid p50/p95,
client RSS (with the embedder's models, and the retriever's own share), the word index on disk and how long it
takes to reopen, and how long until quotes a colleague adds from another process show in this client's search.
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

from bench.team_server_scale import COLLEAGUE, megabytes  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quotes", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keep", type=Path, help="copy the written server folder here")
    parser.add_argument("--reuse", type=Path, help="serve a copy of a kept folder; skip the write")
    args = parser.parse_args()

    from chroma_server import ChromaServer

    from bench.dutch_retrieval import SETS, vectors_for
    from copilot.benchmarks import load_labelled
    from copilot.research.chunks import Chunk
    from copilot.research.embeddings import embedder_from_spec
    from copilot.research.lexicon import Lexicon
    from copilot.research.retrieval import Retriever
    from copilot.research.store import ResearchStore

    embedder = embedder_from_spec("bilingual")
    path, text_column, label_column = SETS["banking77"]
    texts = [text for text, _ in load_labelled(path, text_column, label_column)]
    base = vectors_for(embedder, "banking77", texts)
    folder = Path(tempfile.mkdtemp(prefix="cx-team-indexed-"))
    if args.reuse:
        shutil.copytree(args.reuse / "data", folder / "data")
    server = ChromaServer(folder)
    result: dict = {
        "quotes": args.quotes,
        "vectors": "synthetic (Banking77 bilingual + noise)",
        "queries": args.queries,
    }
    try:
        store = ResearchStore.open(url=server.url, embedder=embedder)
        store.folder = folder / "workspace-store"  # the workspace folder this client keeps its word index in
        rng = np.random.default_rng(0)
        started = time.perf_counter()
        if args.reuse:
            args.quotes = result["quotes"] = store.count()
        for start in range(0, 0 if args.reuse else args.quotes, 2048):
            rows = np.arange(start, min(start + 2048, args.quotes))
            vectors = base[rows % len(texts)] + rng.normal(scale=0.02, size=(len(rows), base.shape[1]))
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
            chunks = [
                Chunk(
                    f"q{n}",
                    f"{texts[n % len(texts)]} ({n // len(texts)})",
                    f"export_{n // 10_000}.csv",
                    f"row {n}",
                    "table",
                )
                for n in rows
            ]
            store.write(chunks, vectors.astype(np.float32))
        if not args.reuse:
            result["write_s"] = round(time.perf_counter() - started, 1)
        if args.keep:  # a stopped server's folder: a running one's copy misses what it has not flushed
            server.stop()
            shutil.rmtree(args.keep, ignore_errors=True)
            shutil.copytree(folder / "data", args.keep / "data")
            server = ChromaServer(folder)
            store = ResearchStore.open(url=server.url, embedder=embedder)
            store.folder = folder / "workspace-store"
        queries = [texts[i] for i in np.random.default_rng(1).choice(len(texts), args.queries, replace=False)]
        embedder.embed(["warm-up"])
        result["client_rss_mb.before_search"] = megabytes(os.getpid(), children=False)
        retriever = Retriever(store)
        started = time.perf_counter()
        retriever.search(queries[0], k=10)
        result["first_search_s"] = round(time.perf_counter() - started, 1)
        lexicon_folder = store.lexicon_folder()
        result["word_index_disk_mb"] = round(sum(f.stat().st_size for f in lexicon_folder.iterdir()) / 2**20, 1)
        started = time.perf_counter()
        reopened = Lexicon(lexicon_folder)
        result["word_index_reopen_s"] = round(time.perf_counter() - started, 2)
        assert reopened.size == args.quotes
        del reopened
        timings, hnsw = [], []
        for query in queries:
            started = time.perf_counter()
            retriever.search(query, k=10)
            timings.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            store.search(query, k=10)  # Chroma's HNSW alone, query embedding included
            hnsw.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        for query in queries:
            embedder.embed([query])
        result["query_embedding_ms.mean"] = round((time.perf_counter() - started) * 1000 / len(queries), 1)
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
        checks = 0
        while not any(e.chunk.source == "colleague.csv" for e in retriever.search(probe, k=10)):
            checks += 1
            if time.perf_counter() - added > 900:
                raise RuntimeError("the colleague's quotes did not show within 15 minutes")
            time.sleep(0.2)
        result["colleague_ingest_s"] = round(added - started, 1)
        result["colleague_visible_after_s"] = round(time.perf_counter() - added, 1)
        result["word_index_rows_after_colleague"] = len(retriever._lexicon.ids)
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps(result, indent=1) if args.json else result)


if __name__ == "__main__":
    main()
