"""Computed themes at scale (issue 17): a tree over every quote against a tree over a sample with the rest
assigned to the nearest theme, on Banking77 and on Banking77 grown to 100,000 quotes.

    .venv/bin/python bench/themes_scale.py [--json]

Vectors: Banking77's test split (3,080 texts, 77 labels) embedded once with the default embedder (cached in
the temp folder by bench/dutch_retrieval.py's cache). The 10,000 and 100,000 rows are those vectors repeated
with small Gaussian noise (σ = 0.02 per dimension, then normalised), keeping their labels: synthetic
vectors, since embedding 100,000 texts twice (MiniLM and e5) takes hours on 2 cores. Peak memory is the
resident set of a fresh interpreter per case.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASE = r"""
import json, resource, sys, time
import numpy as np
sys.path.insert(0, {root!r})
sys.argv = ["x"]
from bench.dutch_retrieval import SETS, vectors_for
from copilot.benchmarks import load_labelled
from copilot.research.embeddings import embedder_from_spec
from copilot.research.themes import cluster
from sklearn.metrics import normalized_mutual_info_score
path, text_column, label_column = SETS["banking77"]
pairs = load_labelled(path, text_column, label_column)
vectors = vectors_for(embedder_from_spec("bilingual"), "banking77", [t for t, _ in pairs])
labels = np.array([label for _, label in pairs])
n, sample = {n}, {sample}
if n > len(vectors):
    rows = np.arange(n) % len(vectors)
    noisy = vectors[rows] + np.random.default_rng(0).normal(scale=0.02, size=(n, vectors.shape[1])).astype(np.float32)
    vectors, labels = noisy / np.linalg.norm(noisy, axis=1, keepdims=True), labels[rows]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
found = cluster(vectors, sample=sample)
seconds = time.perf_counter() - started
print(json.dumps({{"quotes": n, "tree_over": min(n, sample), "seconds": round(seconds, 1),
    "themes": int(len(set(found))), "nmi": round(float(normalized_mutual_info_score(labels, found)), 4),
    "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    "rss_before_mb": round(before / 1024)}}))
"""
CASES = [(3080, 5000), (3080, 1000), (10000, 10000), (10000, 5000), (100000, 5000)]


def measure(n: int, sample: int) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", CASE.format(root=str(ROOT), n=n, sample=sample)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    rows = []
    for n, sample in CASES:
        rows.append(measure(n, sample))
        if "--json" not in sys.argv:
            print(rows[-1], flush=True)
    if "--json" in sys.argv:
        print(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
