"""Do Dutch and English quotes about the same thing land in one theme? (issues 14 and 15)

    .venv/bin/python bench/cross_language_themes.py [--sets mixed_dev,mixed_test] [--json]

On the mixed halves of tests/data/dutch_cx (Dutch and English customer sentences in 12 topics, written by a
helper who did not see the code), themes are computed the way SD-02 computes them (`themes.without_language`
then `themes.cluster`) from the bilingual vectors, twice in one run: "before", each language's mean taken out
of the vectors as they are (the shares of the two models differ by language), and "after", every quote given
the same shares first (`BilingualEmbedder.across_languages`). For each pair of quotes of one topic, how often
they share a theme: Dutch–English, Dutch–Dutch and English–English; "parity" = Dutch–English over the mean of
the other two (1.0: a quote's language does not matter). NMI against the topics, and the number of themes.
The weight was chosen on mixed_dev; mixed_test is held out (totals only).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from dutch_retrieval import SETS, vectors_for  # noqa: E402

from copilot.benchmarks import load_labelled  # noqa: E402


def together(found: np.ndarray, topics: np.ndarray, languages: np.ndarray, one: str, other: str) -> float:
    """Share of same-topic pairs (one quote in `one`, the other in `other`) that share a theme."""
    shared = pairs = 0
    for topic in set(topics):
        first = np.flatnonzero((topics == topic) & (languages == one))
        second = np.flatnonzero((topics == topic) & (languages == other))
        for i in first:
            same = found[second] == found[i]
            if one == other:
                same = same[second != i]
            shared, pairs = shared + int(same.sum()), pairs + len(same)
    return round(shared / max(pairs, 1), 3)


def evaluate(name: str) -> list[dict]:
    from sklearn.metrics import normalized_mutual_info_score

    from copilot.research import themes
    from copilot.research.chunks import Chunk
    from copilot.research.embeddings import BilingualEmbedder
    from copilot.research.language import detect

    path, text_column, label_column = SETS[name]
    rows = load_labelled(path, text_column, label_column)
    texts = [text for text, _ in rows]
    topics = np.array([topic for _, topic in rows])
    vectors = vectors_for(BilingualEmbedder(), name, texts)
    languages = np.array([detect(text) for text in texts])
    chunks = [Chunk(id=str(i), text=text, source="s", location="", kind="table") for i, text in enumerate(texts)]
    results = []
    for label, embedder in (("before", None), ("after", BilingualEmbedder.name)):
        found = themes.cluster(themes.without_language(chunks, vectors, embedder), min_k=4, max_k=24)
        nl_en, nl_nl, en_en = (
            together(found, topics, languages, *pair) for pair in (("nl", "en"), ("nl", "nl"), ("en", "en"))
        )
        results.append(
            {
                "set": name,
                "config": label,
                "quotes": len(texts),
                "english": int((languages == "en").sum()),
                "themes": int(len(set(found))),
                "nmi": round(float(normalized_mutual_info_score(topics, found)), 3),
                "nl_en": nl_en,
                "nl_nl": nl_nl,
                "en_en": en_en,
                "parity": round(nl_en / max((nl_nl + en_en) / 2, 1e-9), 2),
            }
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", default="mixed_dev,mixed_test")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = [row for name in args.sets.split(",") for row in evaluate(name)]
    if args.json:
        print(json.dumps(rows, indent=1))
        return
    for row in rows:
        print(" ".join(f"{key}={value}" for key, value in row.items()), flush=True)


if __name__ == "__main__":
    main()
