"""Split the Dutch CX set into a development half and a test half, stratified by topic, with a fixed seed.

    .venv/bin/python bench/dutch_cx_split.py

Writes tests/data/dutch_cx/{nl,en,mixed}_{dev,test}.csv. Per language and topic, the rows (sorted by id)
are shuffled with random.Random(SEED) and the first half goes to dev, the rest to test. Parameters are
tuned on dev only; the test half is only scored for the report, its errors are not read. `mixed` is the
Dutch and English rows of a half together (cross-language themes and search).
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

SEED = 15  # the number; never changed after the first split
FOLDER = Path(__file__).resolve().parents[1] / "tests" / "data" / "dutch_cx"
FIELDS = ["id", "text", "topic", "kind"]


def split(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    dev, test = [], []
    for topic in sorted({row["topic"] for row in rows}):
        group = sorted((row for row in rows if row["topic"] == topic), key=lambda row: row["id"])
        random.Random(f"{SEED}-{topic}").shuffle(group)
        dev += group[: len(group) // 2]
        test += group[len(group) // 2 :]
    return sorted(dev, key=lambda row: row["id"]), sorted(test, key=lambda row: row["id"])


def write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({key: row[key] for key in FIELDS} for row in rows)


def main() -> None:
    halves: dict[str, list[dict]] = {"dev": [], "test": []}
    for language in ("nl", "en"):
        with (FOLDER / f"{language}.csv").open(encoding="utf-8", newline="") as handle:
            dev, test = split(list(csv.DictReader(handle)))
        for name, rows in (("dev", dev), ("test", test)):
            write(FOLDER / f"{language}_{name}.csv", rows)
            halves[name] += rows
    for name, rows in halves.items():
        write(FOLDER / f"mixed_{name}.csv", rows)


if __name__ == "__main__":
    main()
