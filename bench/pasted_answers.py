"""How many pasted answers are accepted at first paste with every field the answer gave kept.

The corpus (tests/data/pasted_answers/, CC0) holds 68 answers to the real rendered prompts of every step,
in Dutch and English, written by someone playing the assistant who never saw the parser: JSON, JSON with
chatter, broken JSON, JSON split over code blocks, Markdown tables and bullet lists with bold labels. Each
carries `expected`, the JSON its writer meant. An answer counts when the parser accepts it without asking
anything (no problem left) and its output equals `expected` field by field (text compared without case,
Markdown or surrounding punctuation).

The corpus is split: even-numbered answers were used to tune the parser, odd-numbered ones were held out.

    python bench/pasted_answers.py                       this tree's parser
    python bench/pasted_answers.py --before /work/main   … and the parser of another checkout, for comparison
    python bench/pasted_answers.py --failures even       what went wrong, per answer (tuning half only)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "pasted_answers"


def load(folder: Path = CORPUS) -> list[dict]:
    rows = [json.loads(line) for line in (folder / "index.jsonl").read_text(encoding="utf-8").splitlines() if line]
    for row in rows:
        row["text"] = (folder / row["file"]).read_text(encoding="utf-8")
        row["half"] = "even" if int(row["file"][:3]) % 2 == 0 else "odd"
    return rows


def parse_all(rows: list[dict]) -> dict[str, dict]:
    """Run the parser of the `copilot` package on this path: accepted (no question asked) and its output."""
    from copilot.steps import answers
    from copilot.steps.catalogue import step

    results = {}
    for row in rows:
        schema = step(row["step"]).schema
        if hasattr(answers, "read_answer"):
            reading = answers.read_answer(row["text"], schema)
            ok = reading.complete
            output = reading.output.model_dump(mode="json") if reading.output is not None else None
            error = "; ".join(f"{p.kind} {p.path} {p.label!r}={p.value!r}" for p in reading.problems)
        else:
            try:
                output, ok, error = answers.parse_answer(row["text"], schema).model_dump(mode="json"), True, ""
            except Exception as exc:  # the old parser raises on anything it cannot use
                output, ok, error = None, False, str(exc)
        results[row["file"]] = {"accepted": ok, "output": output, "error": error}
    return results


def _norm(value) -> str:
    text = unicodedata.normalize("NFKC", str(value)).casefold()
    text = re.sub(r"[*_`“”„\"'‘’]", "", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" .,;:–—-")


def _empty(value) -> bool:
    if isinstance(value, dict) and value:  # {"functional": [], "emotional": []} says nothing either
        return all(_empty(v) for v in value.values())
    return value in (None, "", [], {}, False, 0)


# fields renamed in the schema since the corpus was written (the corpus stays as its writer left it)
RENAMED = {"euros": "amount"}  # issue 20: amounts in the workspace's currency


def differences(expected, got, path: str = "") -> list[str]:
    """Where `got` differs from `expected`: a list of paths (empty when every field arrived as meant)."""
    if isinstance(expected, dict):
        expected = {RENAMED.get(key, key): value for key, value in expected.items()}
        if not isinstance(got, dict):
            return [path or "answer"]
        found = []
        for key, value in expected.items():
            found += differences(value, got.get(key), f"{path}.{key}" if path else key)
        for key, value in got.items():  # something the writer did not mean, e.g. text put in the wrong field
            if key not in expected and not _empty(value) and key not in ("assumption", "first_barrier"):
                found.append(f"{path}.{key} (extra)" if path else f"{key} (extra)")
        return found
    if isinstance(expected, list):
        if not isinstance(got, list) or len(got) != len(expected):
            return [f"{path} (length {len(got) if isinstance(got, list) else '-'} ≠ {len(expected)})"]
        return [
            d for n, (e, g) in enumerate(zip(expected, got, strict=True)) for d in differences(e, g, f"{path}[{n}]")
        ]
    if isinstance(expected, bool) or isinstance(got, bool):
        return [] if bool(expected) == bool(got) else [path]
    if isinstance(expected, int | float) and isinstance(got, int | float):
        return [] if float(expected) == float(got) else [path]
    if _empty(expected) and _empty(got):
        return []
    if isinstance(got, str) and _norm(expected) == _norm(_dutch_choice(got)):
        return []  # the writer used the Dutch choice a Dutch prompt's schema listed ("team → team")
    if isinstance(got, str) and isinstance(expected, str) and _same_choice(expected, got, path):
        return []  # … or the Dutch label it had when the prompt was rendered ("frontstage: AI")
    return [] if _norm(expected) == _norm(got) else [path]


def _same_choice(expected: str, got: str, path: str) -> bool:
    from copilot.steps.answer_labels import CHOICE_SYNONYMS, choice_for

    field = re.sub(r"\[\d+\]", "", path.rsplit(".", 1)[-1])
    return field in CHOICE_SYNONYMS and choice_for(expected, (got,), field) == got


def _dutch_choice(value: str) -> str:
    from copilot.i18n import choice_label

    return choice_label(value, "nl").split("(")[0].strip()


def score(rows: list[dict], results: dict[str, dict]) -> dict:
    groups: dict[str, list[bool]] = defaultdict(list)
    for row in rows:
        result = results[row["file"]]
        good = result["accepted"] and not differences(row["expected"], result["output"] or {})
        for key in ("all", f"half:{row['half']}", f"style:{row['style']}", f"lang:{row['lang']}"):
            groups[key].append(good)
        groups["accepted without a question (fields not compared)"].append(result["accepted"])
        # the worst outcome: nothing asked, yet the draft is not what the assistant said (should stay 0)
        groups["accepted yet different from what was meant"].append(result["accepted"] and not good)
    return {key: {"n": len(v), "kept": sum(v), "share": round(sum(v) / len(v), 3)} for key, v in sorted(groups.items())}


def _other_checkout(root: Path, folder: Path) -> dict[str, dict]:
    """Parse with another checkout's `copilot` (e.g. main), in a process of its own."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    script = f"import json, sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import pasted_answers as p; "
    script += f"from pathlib import Path; print(json.dumps(p.parse_all(p.load(Path({str(folder)!r})))))"
    done = subprocess.run([sys.executable, "-c", script], env=env, cwd=root, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", type=Path, help="another checkout whose parser to compare with")
    parser.add_argument("--failures", choices=["even", "odd", "all"], help="list what went wrong in this half")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="another corpus folder (e.g. …/pasted_answers_b)")
    args = parser.parse_args()
    rows = load(args.corpus)
    after = parse_all(rows)
    report = {"corpus": str(args.corpus), "after": score(rows, after)}
    if args.before:
        report["before"] = score(rows, _other_checkout(args.before.resolve(), args.corpus.resolve()))
    if args.failures:
        report["failures"] = {
            row["file"]: {
                "problems": after[row["file"]]["error"],
                "differences": differences(row["expected"], after[row["file"]]["output"] or {})[:8],
            }
            for row in rows
            if args.failures in ("all", row["half"])
            and not (after[row["file"]]["accepted"] and not differences(row["expected"], after[row["file"]]["output"]))
        }
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return
    for name in ("before", "after"):
        if name in report:
            print(f"{name}:")
            for key, value in report[name].items():
                print(f"  {key:28} {value['kept']:3}/{value['n']:<3} {value['share']:.1%}")
    for file, failure in report.get("failures", {}).items():
        print(f"\n{file}\n  problems: {failure['problems'][:400]}\n  differences: {failure['differences']}")


if __name__ == "__main__":
    main()
