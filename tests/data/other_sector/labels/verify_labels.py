"""Check labels/relevance.jsonl against the research files.

Run from anywhere: python3 labels/verify_labels.py
Every `relevant` entry must be an exact substring of the file named at the same
index in `file_of_each`; every step of the catalogue must be present once with
6-15 entries.
"""
import json, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STEPS = ["SD-0%d" % i for i in range(1, 9)] + ["SC-0%d" % i for i in range(1, 6)] + ["AI-0%d" % i for i in range(1, 4)]

def main():
    bad = 0
    seen = []
    with open(os.path.join(ROOT, "labels", "relevance.jsonl"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            rec = json.loads(line)
            seen.append(rec["step"])
            rel, files = rec["relevant"], rec["file_of_each"]
            if len(rel) != len(files):
                print(f"line {n}: {rec['step']} relevant/file_of_each length mismatch"); bad += 1; continue
            if not 6 <= len(rel) <= 15:
                print(f"line {n}: {rec['step']} has {len(rel)} entries"); bad += 1
            if not rec.get("question"):
                print(f"line {n}: {rec['step']} has no question"); bad += 1
            for s, p in zip(rel, files):
                text = open(os.path.join(ROOT, p), encoding="utf-8").read()
                if s not in text:
                    print(f"{rec['step']}: not found in {p}: {s!r}"); bad += 1
    if seen != STEPS:
        print("steps differ from catalogue:", seen); bad += 1
    print("OK" if not bad else f"{bad} problem(s)")
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main())
