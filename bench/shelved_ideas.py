"""AI-02 offline: are the shelved ideas a passage mentions found, named and explained as a person would?

    PYTHONPATH=. .venv/bin/python bench/shelved_ideas.py [--half tune|held_out|all] [--errors]

The labelled set, tests/data/shelved_blind/passages.jsonl, was written by a helper who saw neither the rules
nor the example research: 80 passages (memos, minutes, staff and customer interview turns; NL and EN; many
sectors), about half naming an idea that was stopped, half traps (a cancelled contract, a bus that stopped, a
pilot running now). Passages with an even number are the tuning half; the odd half is held out and only its
totals are printed (`--errors` refuses it).

Measured per passage (each passage is one research chunk):
- detection: does the passage mention a shelved idea; precision and recall, against the obvious alternative
  of a keyword search (a stop word and a proposal word in the same passage);
- ideas: a found idea matches a labelled one when one name contains the other or they share half their words;
- for matched ideas: the year equal, and the reason and what changed overlapping the labelled phrase (one
  contains the other or half their words shared) where the label has one.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import blind_halves  # noqa: E402
from copilot.research.chunks import Chunk  # noqa: E402
from copilot.steps.shelved_ideas import Found, shelved  # noqa: E402
from copilot.steps.shelved_words import PROPOSAL, STOPPED  # noqa: E402

SET = ROOT / "tests" / "data" / "shelved_blind" / "passages.jsonl"
WORD = re.compile(r"\w+")


def load(half: str) -> list[dict]:
    return blind_halves.load(SET, half)


def _words(text: str) -> set[str]:
    return set(WORD.findall(text))


def same(found: str, labelled: str) -> bool:
    return blind_halves.same_phrase(found, labelled, _words)


def _ratio(n: int, d: int) -> float:
    return round(n / d, 3) if d else 0.0


def measure(rows: list[dict]) -> tuple[dict, list[str]]:
    tp_p = fp_p = fn_p = 0
    base_tp = base_fp = base_fn = 0
    found_n = labelled_n = matched = 0
    year_ok = year_n = why_ok = why_n = changed_ok = changed_n = 0
    errors = []
    for row in rows:
        chunk = Chunk(id=row["id"], text=row["text"], source=f"{row['id']}.md", location="1", kind="document")
        found: list[Found] = shelved([chunk])
        labelled = row["ideas"]
        has, should = bool(found), bool(labelled)
        tp_p += has and should
        fp_p += has and not should
        fn_p += should and not has
        keyword = bool(STOPPED.search(row["text"]) and PROPOSAL.search(row["text"]))
        base_tp += keyword and should
        base_fp += keyword and not should
        base_fn += should and not keyword
        found_n += len(found)
        labelled_n += len(labelled)
        for idea in labelled:
            match = next((f for f in found if same(f.name, idea["name"])), None)
            if match is None:
                errors.append(f"{row['id']} missed {idea['name']!r}; found {[f.name for f in found]}")
                continue
            matched += 1
            if idea["year"]:
                year_n += 1
                year_ok += match.year == idea["year"]
            if idea["why"]:
                why_n += 1
                why_ok += same(match.why, idea["why"])
                if not same(match.why, idea["why"]):
                    errors.append(f"{row['id']} why {match.why!r} != {idea['why']!r}")
            if idea["changed"]:
                changed_n += 1
                changed_ok += same(match.changed, idea["changed"])
        for f in found:
            if not any(same(f.name, idea["name"]) for idea in labelled):
                errors.append(f"{row['id']} extra {f.name!r}")
    figures = {
        "passages": len(rows),
        "detection": {"precision": _ratio(tp_p, tp_p + fp_p), "recall": _ratio(tp_p, tp_p + fn_p)},
        "keyword_baseline": {
            "precision": _ratio(base_tp, base_tp + base_fp),
            "recall": _ratio(base_tp, base_tp + base_fn),
        },
        "ideas": {"precision": _ratio(matched, found_n), "recall": _ratio(matched, labelled_n), "labelled": labelled_n},
        "year_right": f"{year_ok}/{year_n}",
        "why_right": f"{why_ok}/{why_n}",
        "changed_right": f"{changed_ok}/{changed_n}",
    }
    return figures, errors


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--half", choices=["tune", "held_out", "all"], default="all")
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    halves = ["tune", "held_out"] if args.half == "all" else [args.half]
    for half in halves:
        figures, errors = measure(load(half))
        print(half, json.dumps(figures))
        if args.errors:
            if half == "held_out":
                print("  (errors of the held-out half are not shown)")
            else:
                print("\n".join(f"  {e}" for e in errors))


if __name__ == "__main__":
    main()
