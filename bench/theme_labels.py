"""Theme labels against human intent labels (issue 14): would a reader map a computed theme's label to the
intent most of its quotes carry?

    .venv/bin/python bench/theme_labels.py [--before FILE] [--json]

Themes are computed as SD-02 does offline (`themes.without_language`, then `themes.cluster`) on the cached
vectors of bench/dutch_retrieval.py; every theme of two or more quotes is labelled with `word_theme` against
all other themes (the SD-02 drafter's label; a theme it cannot word falls back to the keyword bag, as SD-02
does). `--before FILE` labels with another copy of theme_wording.py (e.g. `git show REV:copilot/steps/...`).

Proxy: a label *matches* when one of its content words shares a stem with a word of the majority intent's
name (`card_arrival`, `terugbelafspraak_niet_nagekomen`): the first five letters are equal, or one word is
contained in the other (Dutch compounds: "teruggebeld" / "terugbelafspraak" share "terug"). Also counted:
labels of 2–5 words, and labels that are a language name, a lone word or contain agent-note shorthand.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.dutch_retrieval import SETS, vectors_for  # noqa: E402
from copilot.benchmarks import load_labelled  # noqa: E402
from copilot.research.chunks import Chunk  # noqa: E402
from copilot.research.embeddings import embedder_from_spec  # noqa: E402
from copilot.research.stopwords import words as stopwords  # noqa: E402
from copilot.research.themes import cluster, distinctive_terms, without_language  # noqa: E402

LANGUAGES = {"dutch", "english", "nederlands", "engels"}
SHORTHAND = {"mdw", "klt", "kl", "cb", "tb", "fac", "br", "nb", "tt"}


def _stem(word: str) -> str:
    return word[:5]


def matches(label: str, intent: str) -> bool:
    stop = stopwords()
    ours = [w for w in _words(label) if w not in stop and len(w) >= 3]
    theirs = [w for w in intent.lower().replace("-", "_").split("_") if w not in stop and len(w) >= 3]
    return any(
        _stem(a) == _stem(b) or (len(a) >= 4 and a in b) or (len(b) >= 4 and b in a) for a in ours for b in theirs
    )


def _words(label: str) -> list[str]:
    import re

    return [w for w in re.split(r"[^a-zà-ÿ]+", label.lower()) if w]


def load_wording(path: Path | None):
    if path is None:
        from copilot.steps.theme_wording import word_theme

        return word_theme
    spec = importlib.util.spec_from_file_location("wording_before", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module.word_theme


def evaluate(name: str, word_theme) -> dict:
    from sklearn.metrics import normalized_mutual_info_score

    path, text_column, label_column = SETS[name]
    pairs = load_labelled(path, text_column, label_column)
    texts = [text for text, _ in pairs]
    truth = np.array([label for _, label in pairs])
    vectors = vectors_for(embedder_from_spec("bilingual"), name, texts)
    chunks = [Chunk(id=str(i), text=text, source=name, location="", kind="table") for i, text in enumerate(texts)]
    centred = without_language(chunks, vectors)
    found = cluster(centred)
    unit = centred / np.maximum(np.linalg.norm(centred, axis=1, keepdims=True), 1e-12)
    groups = [np.flatnonzero(found == k) for k in np.unique(found)]
    groups = [g[np.argsort(-(unit[g] @ unit[g].mean(axis=0)))] for g in groups if len(g) >= 2]
    grouped = [[texts[i] for i in g] for g in groups]
    bags = distinctive_terms(grouped)
    rows = []
    for k, group in enumerate(groups):
        label = word_theme(grouped[k], grouped[:k] + grouped[k + 1 :]).label or " · ".join(bags[k][:3])
        majority, count = Counter(truth[group]).most_common(1)[0]
        words = _words(label)
        rows.append(
            {
                "label": label,
                "intent": majority,
                "purity": round(count / len(group), 2),
                "size": len(group),
                "match": matches(label, majority),
                "phrase": 2 <= len(label.split()) <= 5 and "·" not in label,
                "bad": len(words) < 2 or bool(set(words) & SHORTHAND) or bool(set(words[-1:]) & LANGUAGES),
            }
        )
    n = len(rows)
    return {
        "set": name,
        "quotes": len(texts),
        "themes": n,
        "nmi": round(float(normalized_mutual_info_score(truth, found)), 4),
        "label_matches_intent": round(sum(r["match"] for r in rows) / n, 3),
        "label_is_phrase_2_5_words": round(sum(r["phrase"] for r in rows) / n, 3),
        "label_lone_word_language_or_shorthand": round(sum(r["bad"] for r in rows) / n, 3),
        "themes_listed": rows,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", type=Path, help="a copy of theme_wording.py to label with instead")
    parser.add_argument("--sets", nargs="*", default=["banking77", "nl_dev", "nl_test"])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    word_theme = load_wording(args.before)
    results = [evaluate(name, word_theme) for name in args.sets]
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
        return
    for r in results:
        print(
            f"{r['set']}: {r['themes']} themes, NMI {r['nmi']}, label matches intent {r['label_matches_intent']}, "
            f"phrase {r['label_is_phrase_2_5_words']}, lone word/language/shorthand "
            f"{r['label_lone_word_language_or_shorthand']}"
        )


if __name__ == "__main__":
    main()
