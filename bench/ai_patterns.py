"""AI-01 offline: how often the suggested AI pattern per journey stage matches the pattern an experienced
service designer chose, on a labelled set written blind (tests/data/ai_patterns, see its README).

Usage: python bench/ai_patterns.py [--half even|odd|all] [--show-errors]
Even ids (c02, c04, …) were used to tune; odd ids are held out.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from copilot.steps.ai_patterns import suggest

CASES = Path(__file__).resolve().parent.parent / "tests" / "data" / "ai_patterns" / "cases.jsonl"
PATTERNS = ("automate", "agent-assist", "human-led", "no-AI")
NEIGHBOURS = {frozenset(p) for p in zip(PATTERNS, PATTERNS[1:], strict=False)}


def cases(half: str = "all") -> list[dict]:
    rows = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]
    if half == "all":
        return rows
    even = half == "even"
    return [row for row in rows if (int(row["id"][1:]) % 2 == 0) == even]


def score(rows: list[dict]) -> dict:
    confusion: Counter = Counter()
    errors = []
    for row in rows:
        got = suggest(row["quotes"], row.get("contact_share")).pattern
        confusion[(row["pattern"], got)] += 1
        if got != row["pattern"]:
            errors.append((row["id"], row["pattern"], got, row["stage"]))
    right = sum(n for (gold, got), n in confusion.items() if gold == got)
    near = sum(n for (gold, got), n in confusion.items() if frozenset((gold, got)) in NEIGHBOURS)
    always = Counter(row["pattern"] for row in rows).most_common(1)[0]
    return {
        "cases": len(rows),
        "accuracy": round(right / len(rows), 3),
        "accuracy_or_neighbour": round((right + near) / len(rows), 3),
        "baseline_most_common_label": round(always[1] / len(rows), 3),
        "confusion": {f"{gold} -> {got}": n for (gold, got), n in sorted(confusion.items())},
        "errors": errors,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--half", choices=("even", "odd", "all"), default="even")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    result = score(cases(args.half))
    if not args.show_errors:
        result.pop("errors")
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
