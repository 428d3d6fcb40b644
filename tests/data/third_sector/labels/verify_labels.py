"""Check labels/relevance.jsonl against the research files.

Run from anywhere: python3 labels/verify_labels.py
Adapted from other_sector/labels/verify_labels.py. Checks:
- every step of the catalogue is present once, in catalogue order;
- `relevant` and `file_of_each` have the same length, and each step has 10-60 entries;
- every `relevant` entry is an exact substring of the file at the same index in `file_of_each`;
- no (passage, file) pair is listed twice within a step;
- `core` has 5-12 entries and every `core` entry is also in `relevant`;
- every step has a `question`.
"""
import json, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STEPS = ["SD-0%d" % i for i in range(1, 9)] + ["SC-0%d" % i for i in range(1, 6)] + ["AI-0%d" % i for i in range(1, 4)]

def main():
    bad = 0
    seen = []
    cache = {}
    with open(os.path.join(ROOT, "labels", "relevance.jsonl"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            rec = json.loads(line)
            step = rec["step"]
            seen.append(step)
            rel, files, core = rec["relevant"], rec["file_of_each"], rec.get("core", [])
            if len(rel) != len(files):
                print(f"line {n}: {step} relevant/file_of_each length mismatch"); bad += 1; continue
            if not 10 <= len(rel) <= 60:
                print(f"line {n}: {step} has {len(rel)} relevant entries (want 10-60)"); bad += 1
            if not 5 <= len(core) <= 12:
                print(f"line {n}: {step} has {len(core)} core entries (want 5-12)"); bad += 1
            if not rec.get("question"):
                print(f"line {n}: {step} has no question"); bad += 1
            pairs = list(zip(rel, files))
            if len(set(pairs)) != len(pairs):
                print(f"line {n}: {step} lists a (passage, file) pair twice"); bad += 1
            for s, p in pairs:
                path = os.path.join(ROOT, p)
                if p not in cache:
                    if not os.path.isfile(path):
                        print(f"{step}: no such file {p}"); bad += 1; cache[p] = ""; continue
                    cache[p] = open(path, encoding="utf-8").read()
                if s not in cache[p]:
                    print(f"{step}: not found in {p}: {s!r}"); bad += 1
            for c in core:
                if c not in rel:
                    print(f"{step}: core entry not in relevant: {c!r}"); bad += 1
    if seen != STEPS:
        print("steps differ from catalogue:", seen); bad += 1
    print("OK" if not bad else f"{bad} problem(s)")
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main())
