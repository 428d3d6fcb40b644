"""Calibrate and measure the weak-evidence check on labelled pairs.

Items with evidence ids come from answers written blind against the example research (tests/data/quotations
and tests/data/pasted_answers: `expected` JSON per answer); their own citations are right by construction.
Each item is also paired with the citations of an item from another answer of another step (no shared quote):
a deliberate mismatch. The threshold is chosen on the even-numbered answers and measured on the odd ones.

    HF_HUB_OFFLINE=1 python bench/evidence_fit.py [--data tests/data] [--store /tmp/example-store]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

from copilot.research.ingest import ingest
from copilot.research.store import ResearchStore
from copilot.steps.evidence_fit import THRESHOLD, claim_text, fit_scores

ROOT = Path(__file__).resolve().parents[1]


def items_in(answer: object, found: list[dict]) -> list[dict]:
    """Every dict with an id and a non-empty evidence list, anywhere in an answer."""
    if isinstance(answer, dict):
        if answer.get("evidence") and isinstance(answer["evidence"], list) and "id" in answer:
            found.append(answer)
        for value in answer.values():
            items_in(value, found)
    elif isinstance(answer, list):
        for value in answer:
            items_in(value, found)
    return found


def load_answers(data: Path) -> list[dict]:
    answers = []
    for line in (data / "pasted_answers" / "index.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        answers.append({"name": row["file"], "step": row["step"], "lang": row["lang"], "answer": row["expected"]})
    for line in (data / "quotations" / "index.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        answer = json.loads((data / "quotations" / row["file"]).read_text(encoding="utf-8"))
        answers.append({"name": row["file"], "step": row["step"], "lang": row["lang"], "answer": answer})
    return answers


def pairs(answers: list[dict], seed: int = 19) -> list[dict]:
    """(claim, cited ids, right?) for every item: its own citations, and another answer's item's citations."""
    rng = random.Random(seed)
    items = [
        {"answer": n, "step": a["step"], "lang": a["lang"], "claim": claim_text(item), "ids": list(item["evidence"])}
        for n, a in enumerate(answers)
        for item in items_in(a["answer"], [])
    ]
    items = [i for i in items if len(i["claim"]) >= 12]
    result = []
    for item in items:
        result.append({**item, "right": True})
        others = [o for o in items if o["step"] != item["step"] and not set(o["ids"]) & set(item["ids"])]
        if others:
            result.append({**item, "ids": rng.choice(others)["ids"], "right": False})
    return result


def measure(scored: list[dict], threshold: float) -> dict:
    """Precision and recall of the weak-evidence flag (score < threshold) for the mismatched pairs."""
    flagged = [p for p in scored if p["score"] < threshold]
    hits = sum(not p["right"] for p in flagged)
    mismatched = sum(not p["right"] for p in scored)
    precision = hits / len(flagged) if flagged else 1.0
    recall = hits / mismatched if mismatched else 0.0
    return {"threshold": threshold, "precision": round(precision, 3), "recall": round(recall, 3), "n": len(scored)}


# A weak-evidence flag asks a person to look at a citation again, a cheap check; a mismatch that goes unflagged
# reaches a board. So the threshold takes the most recall whose flags are still right six times in seven.
MIN_PRECISION = 0.85


def calibrate(scored: list[dict], min_precision: float = MIN_PRECISION) -> float:
    """The highest threshold whose flag keeps precision ≥ `min_precision` (most recall at that precision)."""
    best = 0.0
    for step in range(0, 81):
        threshold = step / 100
        if measure(scored, threshold)["precision"] >= min_precision:
            best = threshold
    return best


def _quartiles(values: list[float]) -> list[float]:
    ordered = sorted(values)
    return [ordered[int(q * (len(ordered) - 1))] for q in (0.1, 0.25, 0.5, 0.75, 0.9)] if ordered else []


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=ROOT / "tests" / "data")
    parser.add_argument("--store", type=Path, help="keep the example store here, to reuse it (default: temporary)")
    args = parser.parse_args()
    answers = load_answers(args.data)
    with tempfile.TemporaryDirectory() as folder:
        store = ResearchStore.open(args.store or Path(folder) / "store")
        ingest(ROOT / "examples" / "research", store)
        print(f"store: {store.count()} fragments", file=sys.stderr, flush=True)
        labelled = pairs(answers)
        scores = fit_scores([p["claim"] for p in labelled], [p["ids"] for p in labelled], store)
    scored = [{**p, "score": s} for p, s in zip(labelled, scores, strict=True) if s is not None]
    tune = [p for p in scored if p["answer"] % 2 == 0]
    held = [p for p in scored if p["answer"] % 2 == 1]
    threshold = calibrate(tune)
    report = {
        "threshold": threshold,
        "calibration": measure(tune, threshold),
        "held_out": measure(held, threshold),
        "held_out_nl": measure([p for p in held if p["lang"] == "nl"], threshold),
        "held_out_en": measure([p for p in held if p["lang"] == "en"], threshold),
        "unscored": len(labelled) - len(scored),
        # the value the code uses, and the curve around it, on all pairs (the choice is then visible)
        "min_precision": MIN_PRECISION,
        "code_threshold": THRESHOLD,
        "at_code_threshold_held_out": measure(held, THRESHOLD),
        "sweep_all_pairs": [measure(scored, t / 100) for t in range(0, 42, 2)],
        "score_quartiles": {
            kind: [round(q, 3) for q in _quartiles([p["score"] for p in scored if p["right"] is right])]
            for kind, right in (("right", True), ("mismatched", False))
        },
    }
    print(json.dumps(report, indent=2), flush=True)


if __name__ == "__main__":
    main()
