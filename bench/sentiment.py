"""Benchmark the offline sentiment behind journey emotions on the held-out labelled set, against plain word
counting with the same word lists (no negation, scaling or contrast rules).

    .venv/bin/python bench/sentiment.py [--json]

The labelled set (tests/data/sentiment/labelled.jsonl, 200 Dutch and 200 English quotes with a feeling from -2
to +2) was written by another author than the word lists, who did not see them. Its even lines are the
development half (their errors were read while writing the negation and politeness rules); the odd lines are
the test half, never looked at. Reports per half and language: accuracy on -2…+2, accuracy on
negative/neutral/positive, mean absolute error and Spearman's rho; and quotes per second.
"""

from __future__ import annotations

import json
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from copilot.research.sentiment import _WORD as WORD  # noqa: E402
from copilot.research.sentiment import NORMALISER, emotion, lexicon, sentiment  # noqa: E402

LABELLED = ROOT / "tests" / "data" / "sentiment" / "labelled.jsonl"


def records() -> list[dict]:
    return [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines() if line.strip()]


def word_count(text: str, language: str) -> float:
    """The obvious alternative: add up the word scores."""
    total = sum(lexicon(language).get(word, 0) for word in WORD.findall(text.lower()))
    return total / math.sqrt(total * total + NORMALISER)


def copilot(text: str, language: str) -> float:
    return sentiment(text, language).score


def _sign(value: int) -> int:
    return (value > 0) - (value < 0)


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2
        i = j + 1
    return ranks


def spearman(a: list[float], b: list[float]) -> float:
    ra, rb = _ranks(a), _ranks(b)
    ma, mb = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb, strict=True))
    return cov / math.sqrt(sum((x - ma) ** 2 for x in ra) * sum((y - mb) ** 2 for y in rb))


def evaluate(score, items: list[dict]) -> dict[str, float]:
    scores = [score(item["text"], item["language"]) for item in items]
    predicted = [emotion(s) for s in scores]
    truth = [item["polarity"] for item in items]
    n = len(items)
    return {
        "accuracy_5": round(sum(p == t for p, t in zip(predicted, truth, strict=True)) / n, 3),
        "accuracy_3": round(sum(_sign(p) == _sign(t) for p, t in zip(predicted, truth, strict=True)) / n, 3),
        "mae": round(sum(abs(p - t) for p, t in zip(predicted, truth, strict=True)) / n, 3),
        "spearman": round(spearman(scores, [float(t) for t in truth]), 3),
    }


def measure() -> dict[str, float]:
    items = records()
    result: dict[str, float] = {"quotes": len(items)}
    for half, part in (("test", items[1::2]), ("dev", items[0::2])):
        for language in ("nl", "en"):
            subset = [item for item in part if item["language"] == language]
            for name, method in (("copilot", copilot), ("word_count", word_count)):
                for key, value in evaluate(method, subset).items():
                    result[f"{half}.{language}.{key}.{name}"] = value
    texts = [item["text"] for item in items] * 10
    started = time.perf_counter()
    for text in texts:
        sentiment(text)  # language detected per quote, as on real research
    result["quotes_per_s"] = round(len(texts) / (time.perf_counter() - started))
    return result


def main() -> None:
    result = measure()
    print(json.dumps(result, indent=2) if "--json" in sys.argv else "\n".join(f"{k}\t{v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
