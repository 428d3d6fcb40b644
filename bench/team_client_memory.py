"""Issue 17: what a colleague's copilot holds in memory when it only searches a big team store on a `chroma run`
server — measured in a fresh process, step by step. `team_server_indexed.py` measures its client after writing
the whole store in the same process, so its figure carries the writer's memory too.

    .venv/bin/python bench/team_client_memory.py DIR [--queries 100] [--json]

DIR is a server folder kept with `team_server_indexed.py --keep DIR` (served from a copy). Measured: resident
memory after the imports, after loading the embedder, after opening the store, after the first search (which
builds this client's word index from the store: every text is read once), after the timed searches, and what
glibc gives back when asked (`malloc_trim`: the first search's transient texts leave freed but unreturned heap).
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

QUERIES = [
    "card swallowed by the machine",
    "refund not received yet",
    "how do I change my pin",
    "top up failed twice",
    "which exchange rate do you use",
    "transfer still pending",
    "my card was declined abroad",
    "cancel a payment I made",
]


def megabytes() -> int:
    from bench.team_server_scale import megabytes as of_process

    return of_process(os.getpid(), children=False)  # the chroma server is this process's child


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rss = {"start": megabytes()}
    from chroma_server import ChromaServer

    from copilot.research.embeddings import embedder_from_spec
    from copilot.research.retrieval import Retriever
    from copilot.research.store import ResearchStore

    rss["imports"] = megabytes()
    embedder = embedder_from_spec("bilingual")
    embedder.embed(["warm-up"])
    rss["embedder_loaded"] = megabytes()
    folder = Path(tempfile.mkdtemp(prefix="cx-client-memory-"))
    shutil.copytree(args.folder / "data", folder / "data")
    server = ChromaServer(folder)
    try:
        store = ResearchStore.open(url=server.url, embedder=embedder)
        store.folder = folder / "workspace-store"
        rss["store_open"] = megabytes()
        retriever = Retriever(store)
        started = time.perf_counter()
        retriever.search(QUERIES[0], k=10)
        first = round(time.perf_counter() - started, 1)
        rss["first_search"] = megabytes()
        for n in range(args.queries):
            retriever.search(QUERIES[n % len(QUERIES)] + f" {n}", k=10)
        rss[f"after_{args.queries}_searches"] = megabytes()
        ctypes.CDLL("libc.so.6").malloc_trim(0)
        rss["after_malloc_trim"] = megabytes()
        result = {"quotes": store.count(), "first_search_s": first, "client_rss_mb": rss}
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps(result, indent=1) if args.json else result)


if __name__ == "__main__":
    main()
