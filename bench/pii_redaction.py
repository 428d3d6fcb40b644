"""Benchmark personal-data redaction on the labelled set, against a naive regex baseline.

    .venv/bin/python bench/pii_redaction.py [--json]

Prints recall, precision and F1 per kind and overall, and throughput (characters per second, redacting the
whole set 20 times). A predicted span counts as correct when it has the kind of a labelled span and covers
at least 80% of that span's characters; each labelled span is matched at most once. "exact" is the share
of correct spans whose boundaries are exactly the labelled ones.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from copilot.research.redaction import Finding, Redactor, find_pii, speaker_names  # noqa: E402

LABELLED = ROOT / "tests" / "data" / "pii" / "labelled.jsonl"
HELD_OUT = ROOT / "tests" / "data" / "pii" / "held_out.jsonl"
KINDS = ["email", "phone", "iban", "bsn", "postcode_house", "name"]
MIN_COVERAGE = 0.8
REPEATS = 20

# What one would write in ten minutes: no checksums, no digit counts, no context.
NAIVE = {
    "email": re.compile(r"\S+@\S+"),
    "phone": re.compile(r"\+?\d[\d -]{8,}\d"),
    "iban": re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}"),
    "bsn": re.compile(r"\d{9}"),
    "postcode_house": re.compile(r"\d{4} ?[A-Z]{2} \d+"),
}


def as_redactor(text: str, known_names: list[str]) -> list[Finding]:
    """What the Redactor finds in a text: the names it is given plus those in the text's speaker labels."""
    return find_pii(text, [*known_names, *(n for n in speaker_names(text) if n not in known_names)])


def naive_find(text: str, known_names: list[str]) -> list[Finding]:
    """The baseline: the regexes above, plus the known names as plain strings (it gets the same hints)."""
    findings = [Finding(m.start(), m.end(), kind, m.group()) for kind, rx in NAIVE.items() for m in rx.finditer(text)]
    for name in known_names:
        findings += [Finding(m.start(), m.end(), "name", name) for m in re.finditer(re.escape(name), text)]
    return findings


def score(records: list[dict], find) -> dict:
    """Recall, precision and F1 per kind and overall for a finder `find(text, known_names)`."""
    correct, exact, labelled, predicted = Counter(), Counter(), Counter(), Counter()
    for record in records:
        spans = record["spans"]
        found = find(record["text"], record["known_names"])
        labelled.update(span["kind"] for span in spans)
        predicted.update(finding.kind for finding in found)
        unmatched = list(found)
        for span in spans:
            match = _best_match(span, unmatched)
            if match is not None:
                unmatched.remove(match)
                correct[span["kind"]] += 1
                exact[span["kind"]] += (match.start, match.end) == (span["start"], span["end"])
    rows = {kind: _row(correct[kind], exact[kind], labelled[kind], predicted[kind]) for kind in KINDS}
    rows["overall"] = _row(correct.total(), exact.total(), labelled.total(), predicted.total())
    return rows


def _best_match(span: dict, found: list[Finding]) -> Finding | None:
    def overlap(finding: Finding) -> int:
        return max(0, min(finding.end, span["end"]) - max(finding.start, span["start"]))

    same_kind = [finding for finding in found if finding.kind == span["kind"]]
    best = max(same_kind, key=overlap, default=None)
    length = span["end"] - span["start"]
    return best if best is not None and overlap(best) >= MIN_COVERAGE * length else None


def _row(correct: int, exact: int, labelled: int, predicted: int) -> dict:
    recall = correct / labelled if labelled else 1.0
    precision = correct / predicted if predicted else 1.0
    f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    return {
        "labelled": labelled,
        "predicted": predicted,
        "correct": correct,
        "recall": round(recall, 4),
        "precision": round(precision, 4),
        "f1": round(f1, 4),
        "exact": round(exact / correct, 4) if correct else 0.0,
    }


def throughput(records: list[dict], redact) -> float:
    """Characters per second for `redact(record)` over the whole set, REPEATS times."""
    characters = sum(len(record["text"]) for record in records) * REPEATS
    started = time.perf_counter()
    for _ in range(REPEATS):
        for record in records:
            redact(record)
    return characters / (time.perf_counter() - started)


def _redact(record: dict) -> str:
    return Redactor(record["language"], record["known_names"]).redact(record["text"])


def _naive_redact(record: dict) -> str:
    text = record["text"]
    for finding in sorted(naive_find(text, record["known_names"]), key=lambda f: -f.start):
        text = text[: finding.start] + "[X]" + text[finding.end :]
    return text


def markdown(results: dict) -> str:
    lines = [
        f"Labelled set: {results['records']} records, {results['characters']:,} characters. "
        f"Correct = same kind and >= {MIN_COVERAGE:.0%} of the labelled characters covered.",
        "",
        "| kind | labelled | redactor recall | redactor precision | redactor F1 | exact bounds "
        "| naive recall | naive precision | naive F1 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind in [*KINDS, "overall"]:
        ours, naive = results["redactor"][kind], results["naive"][kind]
        label = f"**{kind}**" if kind == "overall" else kind
        lines.append(
            f"| {label} | {ours['labelled']} | {ours['recall']:.3f} | {ours['precision']:.3f} | {ours['f1']:.3f} "
            f"| {ours['exact']:.3f} | {naive['recall']:.3f} | {naive['precision']:.3f} | {naive['f1']:.3f} |"
        )
    lines += [
        "",
        f"Throughput (whole set x {REPEATS}): redactor {results['redactor_chars_per_s']:,.0f} chars/s, "
        f"naive {results['naive_chars_per_s']:,.0f} chars/s.",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of a table")
    parser.add_argument(
        "--held-out",
        action="store_true",
        help="use tests/data/pii/held_out.jsonl, written by someone who never saw the redactor or the first set",
    )
    args = parser.parse_args()
    path = HELD_OUT if args.held_out else LABELLED
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for record in records:  # the held-out set gives no names up front: only what the text itself shows
        record.setdefault("known_names", [])
    results = {
        "set": path.name,
        "records": len(records),
        "characters": sum(len(record["text"]) for record in records),
        "redactor": score(records, as_redactor),
        "naive": score(records, naive_find),
        "redactor_chars_per_s": round(throughput(records, _redact)),
        "naive_chars_per_s": round(throughput(records, _naive_redact)),
    }
    print(json.dumps(results, indent=2) if args.json else markdown(results))


if __name__ == "__main__":
    main()
