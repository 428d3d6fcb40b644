"""Which contact channels a sentence names (`copilot.research.channels`, the touchpoints of an offline SD-04 journey)
against a blind labelled set, and against the obvious alternative: looking for each channel's name.

    PYTHONPATH=. .venv/bin/python bench/channels.py                    # both halves, both readers
    PYTHONPATH=. .venv/bin/python bench/channels.py --failures even    # the tuning half's errors only

`tests/data/channels_blind/` was written by a helper who saw no code (its README says how). Even ids are the tuning
half; the odd half is scored, never read.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

from copilot.research.channels import NAMES, channels

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "channels_blind" / "sentences.tsv"
OUT = ROOT / "bench" / "results" / "channels.json"
# the alternative: a channel is named where its name (either language) is in the text
_NAMED = {key: re.compile(rf"\b(?:{dutch}|{english})\b", re.IGNORECASE) for key, (dutch, english) in NAMES.items()}


def by_name(text: str, language: str) -> list[str]:
    return [key for key, pattern in _NAMED.items() if pattern.search(text)]


def rows(half: str) -> list[dict]:
    with DATA.open(encoding="utf-8") as handle:
        every = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    parity = 0 if half == "even" else 1
    return [row for row in every if int(row["id"][1:]) % 2 == parity]


def score(reader, half: list[dict]) -> dict:
    hit = found = meant = exact = 0
    for row in half:
        truth = {key for key in row["channels"].split(",") if key}
        guess = set(reader(row["text"], row["language"]))
        hit, found, meant = hit + len(truth & guess), found + len(guess), meant + len(truth)
        exact += truth == guess
    precision, recall = hit / max(found, 1), hit / max(meant, 1)
    return {
        "sentences": len(half),
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(2 * precision * recall / max(precision + recall, 1e-9), 3),
        "exact": round(exact / len(half), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--failures", choices=["even"], help="print the tuning half's errors")
    args = parser.parse_args()
    if args.failures:
        for row in rows("even"):
            truth = sorted(key for key in row["channels"].split(",") if key)
            guess = channels(row["text"], row["language"])
            if sorted(guess) != truth:
                print(f"{row['id']} meant {truth} got {guess}: {row['text']}")
        return
    readers = {"channel names": by_name, "copilot": channels}
    results = {half: {name: score(reader, rows(half)) for name, reader in readers.items()} for half in ("even", "odd")}
    print("| half | reader | sentences | precision | recall | F1 | sentences exactly right |")
    print("|---|---|---|---|---|---|---|")
    for half, scored in results.items():
        for name, s in scored.items():
            figures = " | ".join(str(s[key]) for key in ("sentences", "precision", "recall", "f1", "exact"))
            print(f"| {half} | {name} | {figures} |")
    OUT.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
