"""Dutch retrieval and themes (issue 15): P@10 of dense, BM25 and the copilot's hybrid search, and computed
themes against KMeans told the true number, for MiniLM alone (the old default) and the bilingual default.

    .venv/bin/python bench/dutch_retrieval.py [--sets nl_dev,nl_test,...] [--json]

Every row of a labelled set is a query; relevant = the other rows with the same topic. Each set is
embedded once per embedder (vectors cached in the temp folder) and every figure comes from
the copilot's own code on those vectors: `retrieval.augment`, `LexicalIndex`, `Retriever._hybrid` and
`themes.cluster` — the same scores a store gives, without embedding each set three times through Chroma.
The test halves of tests/data/dutch_cx are held out: only their totals are printed, never their errors.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from copilot.benchmarks import load_labelled  # noqa: E402

CX = ROOT / "tests" / "data" / "dutch_cx"
SHARED = ROOT.parent / "shared" / "data"
if not SHARED.is_dir():  # a worktree sits one level deeper than the main clone
    SHARED = Path("/work/shared/data")
SETS = {
    "nl_dev": (CX / "nl_dev.csv", "text", "topic"),
    "nl_test": (CX / "nl_test.csv", "text", "topic"),
    "mixed_dev": (CX / "mixed_dev.csv", "text", "topic"),
    "mixed_test": (CX / "mixed_test.csv", "text", "topic"),
    "xsid_nl": (SHARED / "xsid_nl" / "nl_intents.csv", "text", "intent"),
    "banking77": (SHARED / "banking77" / "test.csv", "text", "category"),
}
CACHE = Path(tempfile.gettempdir()) / "cx-copilot-bench-vectors"
K = 10


def vectors_for(embedder, name: str, texts: list[str]) -> np.ndarray:
    key = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:12]
    path = CACHE / f"{name}-{embedder.name}-{key}.npy"
    if path.exists():
        return np.load(path)
    vectors = embedder.embed(texts).astype(np.float32)
    CACHE.mkdir(exist_ok=True)
    np.save(path, vectors)
    return vectors


def precision(scores_of, labels: np.ndarray) -> float:
    """Mean P@K over every row as a query; `scores_of(i)` scores every row for query i."""
    found = []
    for i in range(len(labels)):
        scores = np.asarray(scores_of(i), dtype=np.float64).copy()
        scores[i] = -np.inf  # the query itself is not a result
        top = np.argpartition(-scores, K)[:K]
        found.append(float((labels[top] == labels[i]).mean()))
    return round(float(np.mean(found)), 4)


def evaluate(name: str, embedder, compounds: bool, lexical_weight: dict[str, float], old_floor: bool) -> dict:
    from sklearn.cluster import KMeans
    from sklearn.metrics import normalized_mutual_info_score

    from copilot.research import lexical, themes
    from copilot.research.chunks import Chunk
    from copilot.research.language import detect
    from copilot.research.retrieval import Retriever, _Corpus, _normalise, augment

    path, text_column, label_column = SETS[name]
    pairs = load_labelled(path, text_column, label_column)
    texts = [text for text, _ in pairs]
    labels = np.array([label for _, label in pairs])
    vectors = _normalise(vectors_for(embedder, name, texts))
    lexical.COMPOUNDS = compounds
    index = lexical.LexicalIndex(texts)
    dutch = sum(detect(text) == "nl" for text in texts)
    chunks = [Chunk(id=str(i), text=t, source="s", location="", kind="table") for i, t in enumerate(texts)]
    corpus = _Corpus(
        chunks, vectors, augment(vectors), index, len(texts), "nl" if dutch > len(texts) / 2 else "en", None, 0
    )
    retriever = Retriever.__new__(Retriever)
    retriever.lexical_weight = lexical_weight
    result = {
        "set": name,
        "n": len(texts),
        "topics": len(set(labels)),
        "dense": precision(lambda i: vectors @ vectors[i], labels),
        "bm25": precision(lambda i: index.scores(texts[i]), labels),
        "copilot": precision(lambda i: retriever._hybrid(corpus, texts[i], vectors[i]), labels),
    }
    floor = themes.QUOTES_PER_THEME_SQUARED
    if old_floor:
        themes.QUOTES_PER_THEME_SQUARED = float("inf")  # no floor: the number of themes as before issue 15
    try:
        started = time.perf_counter()
        found = themes.cluster(vectors)
        result["themes.seconds"] = round(time.perf_counter() - started, 2)
    finally:
        themes.QUOTES_PER_THEME_SQUARED = floor
    told = KMeans(n_clusters=result["topics"], n_init=10, random_state=0).fit_predict(vectors)
    result["themes.n"] = int(len(set(found)))
    result["themes.nmi"] = round(float(normalized_mutual_info_score(labels, found)), 4)
    result["kmeans_told_k.nmi"] = round(float(normalized_mutual_info_score(labels, told)), 4)
    lexical.COMPOUNDS = True
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", default="nl_dev,nl_test,mixed_dev,mixed_test,xsid_nl,banking77")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from copilot.research.embeddings import MiniLMEmbedder, embedder_from_spec
    from copilot.research.retrieval import LEXICAL_WEIGHT

    configurations = {
        # the copilot before issue 15: MiniLM, no compound splitting, Dutch word weight 0.2, no theme floor
        "before": (MiniLMEmbedder(), False, {"en": 0.05, "nl": 0.2}, True),
        "now": (embedder_from_spec("bilingual"), True, LEXICAL_WEIGHT, False),
    }
    rows = []
    for name in args.sets.split(","):
        if not SETS[name][0].exists():
            print(f"{SETS[name][0]} is not there: {name} skipped.", file=sys.stderr)
            continue
        for label, configuration in configurations.items():
            rows.append({"config": label, **evaluate(name, *configuration)})
            if not args.json:
                print(rows[-1], flush=True)
    if args.json:
        print(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
