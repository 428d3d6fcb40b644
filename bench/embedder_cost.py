"""What each built-in embedder costs: import and load time, memory, and embedding speed, each in a fresh
interpreter so one model's memory does not count for another.

    .venv/bin/python bench/embedder_cost.py [--json]

Texts: the Dutch CX development half (360 customer sentences), embedded in one call after one warm-up text.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASE = r"""
import csv, json, resource, time
started = time.perf_counter()
from copilot.research.embeddings import embedder_from_spec
embedder = embedder_from_spec({spec!r})
imported = time.perf_counter() - started
embedder.embed(["warm-up"])
loaded = time.perf_counter() - started
texts = [row["text"] for row in csv.DictReader(open({data!r}, encoding="utf-8"))]
started = time.perf_counter()
vectors = embedder.embed(texts)
seconds = time.perf_counter() - started
print(json.dumps({{
    "embedder": embedder.name, "dimensions": int(vectors.shape[1]),
    "import_s": round(imported, 2), "import_and_load_s": round(loaded, 2),
    "texts_per_s": round(len(texts) / seconds, 1),
    "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
}}))
"""


def measure(spec: str) -> dict:
    code = CASE.format(spec=spec, data=str(ROOT / "tests" / "data" / "dutch_cx" / "nl_dev.csv"))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    rows = [measure(spec) for spec in ("minilm", "e5", "bilingual")]
    print(json.dumps(rows, indent=1) if "--json" in sys.argv else "\n".join(map(str, rows)))


if __name__ == "__main__":
    main()
