"""Sub-themes against human intent labels (issue 14): when SD-02 splits a theme into sub-themes, do the parts
follow the intents inside it, and does it split the themes that hold several intents?

    .venv/bin/python bench/sub_themes.py [--sets banking77 nl_dev nl_test] [--json]

Themes are computed as SD-02 does offline (`themes.themes`, max_themes 8) on the cached vectors of
bench/dutch_retrieval.py. For every theme:
- *holds several intents*: at least two intents each make up MIN_PART quotes and a tenth of the theme;
- *split*: SD-02 gave it sub-themes.
Then, over the split themes, the NMI between the intents and the sub-themes, weighted by theme size, against
two alternatives of the same number of parts in the same run: KMeans inside the theme (the obvious way) and a
random split (the floor). Sub-theme labels (SD-02's wording against the sibling parts) are scored with
bench/theme_labels.py's proxy: a content word shares a stem with the part's majority intent.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.dutch_retrieval import SETS, vectors_for  # noqa: E402
from bench.theme_labels import matches  # noqa: E402
from copilot.benchmarks import load_labelled  # noqa: E402
from copilot.research.chunks import Chunk  # noqa: E402
from copilot.research.embeddings import embedder_from_spec  # noqa: E402
from copilot.research.themes import MIN_PART, themes  # noqa: E402
from copilot.steps.theme_wording import word_theme  # noqa: E402


def several_intents(intents: list[str]) -> bool:
    counts = Counter(intents)
    return sum(n >= MIN_PART and n >= len(intents) / 10 for n in counts.values()) >= 2


def evaluate(name: str) -> dict:
    from sklearn.cluster import KMeans
    from sklearn.metrics import normalized_mutual_info_score as nmi

    path, text_column, label_column = SETS[name]
    pairs = load_labelled(path, text_column, label_column)
    texts = [text for text, _ in pairs]
    truth = np.array([label for _, label in pairs])
    vectors = vectors_for(embedder_from_spec("bilingual"), name, texts)
    unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    chunks = [Chunk(id=str(i), text=text, source=name, location="", kind="table") for i, text in enumerate(texts)]
    found = themes(chunks, vectors, max_themes=8)
    rng = np.random.default_rng(0)
    rows, labels = [], []
    for theme in found:
        members = np.array(theme.members)
        intents = truth[members]
        row = {"size": len(members), "several": several_intents(list(intents)), "split": bool(theme.parts)}
        if theme.parts:
            part_of = {i: k for k, part in enumerate(theme.parts) for i in part.members}
            ours = np.array([part_of.get(int(i), -1) for i in members])
            k = len(theme.parts)
            kmeans = KMeans(n_clusters=k, n_init=4, random_state=0).fit_predict(unit[members])
            row |= {
                "parts": k,
                "nmi": nmi(intents, ours),
                "nmi_kmeans": nmi(intents, kmeans),
                "nmi_random": nmi(intents, rng.permutation(ours)),
            }
            grouped = [[texts[i] for i in part.members] for part in theme.parts]
            for n, part in enumerate(theme.parts):
                label = word_theme(grouped[n], grouped[:n] + grouped[n + 1 :]).label
                majority = Counter(truth[part.members]).most_common(1)[0][0]
                labels.append({"label": label, "intent": majority, "match": bool(label) and matches(label, majority)})
        rows.append(row)
    split = [r for r in rows if r["split"]]
    weight = sum(r["size"] for r in split) or 1

    def weighted(key: str) -> float:
        return round(sum(r[key] * r["size"] for r in split) / weight, 3)

    several = [r for r in rows if r["several"]]
    return {
        "set": name,
        "themes": len(rows),
        "split": len(split),
        "sub_themes": sum(r["parts"] for r in split),
        "holding_several_intents": len(several),
        "split_precision": round(sum(r["several"] for r in split) / max(len(split), 1), 3),
        "split_recall": round(sum(r["split"] for r in several) / max(len(several), 1), 3),
        "nmi_in_split_themes": weighted("nmi") if split else None,
        "nmi_kmeans_same_k": weighted("nmi_kmeans") if split else None,
        "nmi_random_same_sizes": weighted("nmi_random") if split else None,
        "sub_label_worded": round(sum(bool(x["label"]) for x in labels) / max(len(labels), 1), 3),
        "sub_label_matches_intent": round(sum(x["match"] for x in labels) / max(len(labels), 1), 3),
        "sub_labels": labels,
    }


def decision(name: str, mixtures: int = 60) -> dict:
    """The split decision alone, on made-up themes of known make-up: each intent's quotes alone (one thread:
    a split is wrong unless the intent has threads of its own) and unions of two or three random intents
    (a split is right), with `split` given the same vectors SD-02 gives it."""
    from sklearn.metrics import normalized_mutual_info_score as nmi

    from copilot.research.themes import split

    path, text_column, label_column = SETS[name]
    pairs = load_labelled(path, text_column, label_column)
    truth = np.array([label for _, label in pairs])
    vectors = vectors_for(embedder_from_spec("bilingual"), name, [text for text, _ in pairs])
    unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    intents = [i for i in np.unique(truth) if (truth == i).sum() >= 2 * MIN_PART]
    single = [len(split(unit[truth == i], 4)) > 0 for i in intents]
    rng = np.random.default_rng(1)
    mixed, scores = [], []
    for _ in range(mixtures):
        chosen = rng.choice(intents, size=int(rng.integers(2, 4)), replace=False)
        rows = np.flatnonzero(np.isin(truth, chosen))
        parts = split(unit[rows], 4)
        mixed.append(bool(parts))
        if parts:
            found = np.zeros(len(rows), dtype=int)
            for k, part in enumerate(parts):
                found[part] = k
            scores.append(nmi(truth[rows], found))
    return {
        "set": name,
        "single_intent_themes": len(single),
        "split_when_one_intent": round(float(np.mean(single)), 3),
        "mixtures_of_2_3_intents": len(mixed),
        "split_when_mixed": round(float(np.mean(mixed)), 3),
        "nmi_when_mixed_and_split": round(float(np.mean(scores)), 3) if scores else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", nargs="*", default=["banking77", "nl_dev", "nl_test"])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = [evaluate(name) for name in args.sets] + [decision(name) for name in args.sets]
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
        return
    for r in results:
        shown = {k: v for k, v in r.items() if k != "sub_labels"}  # the labels are in --json
        print(json.dumps(shown, ensure_ascii=False))


if __name__ == "__main__":
    main()
