"""SD-06 offline: does a sentence propose something the organisation could do, and is what it proposes named as
a facilitator would on a sticky note?

    PYTHONPATH=. .venv/bin/python bench/suggestions.py [--half tune|held_out|all] [--errors]

The labelled set, tests/data/suggestions_blind/sentences.jsonl, was written by a helper who saw neither the rules
nor the example research: 120 sentences (72 NL / 48 EN; interviews, survey answers, chats, memos; thirteen
sectors), half proposals with their idea in at most six words, half traps that share a wish's wording but
propose nothing (a hope, "I should have read it", "you could see that", a rule, a complaint). Even ids are the
tuning half; odd ids are held out and only their totals are printed (`--errors` refuses them).

Measured: detection precision and recall, against the obvious alternative, the wish cues the personas already
use (`sentence_kinds.WISH`); and for detected proposals, whether the phrase names the labelled idea (one contains
the other, or they share half their content words).
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
from copilot.research.stopwords import words as stopwords  # noqa: E402
from copilot.steps.sentence_kinds import WISH  # noqa: E402
from copilot.steps.suggestions import proposal  # noqa: E402

SET = ROOT / "tests" / "data" / "suggestions_blind" / "sentences.jsonl"
WORD = re.compile(r"\w+")


def load(half: str) -> list[dict]:
    return blind_halves.load(SET, half)


def _content(text: str) -> set[str]:
    return {w for w in WORD.findall(text) if w not in stopwords()}


def names(found: str, labelled: str) -> bool:
    return blind_halves.same_phrase(found, labelled, _content, of=min)


def _pr(tp: int, fp: int, fn: int) -> dict:
    return {
        "precision": round(tp / (tp + fp), 3) if tp + fp else 0.0,
        "recall": round(tp / (tp + fn), 3) if tp + fn else 0.0,
    }


def measure(rows: list[dict]) -> tuple[dict, list[str]]:
    tp = fp = fn = base_tp = base_fp = base_fn = named = 0
    errors = []
    for row in rows:
        phrase = proposal(row["text"], survey_answer=row["source"] == "survey")
        should = row["suggestion"]
        tp += bool(phrase) and should
        fp += bool(phrase) and not should
        fn += should and not phrase
        wish = bool(WISH.search(row["text"]))
        base_tp += wish and should
        base_fp += wish and not should
        base_fn += should and not wish
        if phrase and should:
            if names(phrase, row["idea"]):
                named += 1
            else:
                errors.append(f"  {row['id']} named {phrase!r}, labelled {row['idea']!r}")
        elif phrase:
            errors.append(f"  {row['id']} trap taken as {phrase!r}: {row['text']}")
        elif should:
            errors.append(f"  {row['id']} missed {row['idea']!r}: {row['text']}")
    result = {
        "sentences": len(rows),
        "detection": _pr(tp, fp, fn),
        "wish_cue_baseline": _pr(base_tp, base_fp, base_fn),
        "named_right": f"{named}/{tp}",
    }
    return result, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=["tune", "held_out", "all"], default="all")
    parser.add_argument("--errors", action="store_true", help="print each error (tuning half only)")
    args = parser.parse_args()
    halves = ["tune", "held_out"] if args.half == "all" else [args.half]
    for half in halves:
        result, errors = measure(load(half))
        print(half, json.dumps(result, ensure_ascii=False))
        if args.errors:
            if half != "tune":
                print("  (held-out errors are not shown: that half stays blind)")
            else:
                print("\n".join(errors))


if __name__ == "__main__":
    main()
