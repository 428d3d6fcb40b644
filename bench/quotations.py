"""Flag precision and recall of the quotation check on a labelled corpus of assistant answers.

The corpus (tests/data/quotations/, written blind by another author against the real rendered prompts of the
example research) holds answers to every step with free text, NL and EN, each with its quotations labelled:
kind ∈ real | invented | one_word_changed | spliced | paraphrase | wrong_source | translated, and whether the
check should pass or flag it. Each answer is checked as the engine checks a draft: evidence ids the prompt did
not hold are dropped, then every quotation is checked against the research of its prompt.

.venv/bin/python bench/quotations.py [CORPUS] [--json] [--show]
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from copilot.steps.answers import parse_answer
from copilot.steps.catalogue import STEPS
from copilot.steps.quotations import check, free_texts, normal, quotations

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "quotations"
EVIDENCE = re.compile(r"^\[(?P<id>q[0-9a-f]{6,})\][^\n]*\n```text\n(?P<text>.*?)\n```", re.MULTILINE | re.DOTALL)


def evidence_of(prompt: str) -> dict[str, str]:
    """The research a rendered prompt holds: id → text, as the model read it."""
    return {m["id"]: m["text"] for m in EVIDENCE.finditer(prompt)}


def load(corpus: Path) -> list[dict]:
    """Every answer of the corpus with its step, language, answer text, research and labels. The index holds
    one line per answer: its file (the answer as the assistant gave it), step, lang, and its quotations."""
    cases = []
    for line in (corpus / "index.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        path = corpus / entry["file"]
        text = path.read_text(encoding="utf-8")
        language = entry.get("lang") or entry.get("language")
        prompt = corpus / "prompts" / f"{entry['step']}.{language}.txt"
        cases.append(
            {
                "name": path.name,
                "step": entry["step"],
                "language": language,
                "answer_text": text,
                "research": evidence_of(prompt.read_text(encoding="utf-8")),
                "labels": entry.get("quotations", []),
                "non_quotations": entry.get("non_quotations", []),
            }
        )
    return cases


def run(cases: list[dict], checker=None) -> dict:
    """Per labelled quotation: flagged or not; per kind: how many of those the check flagged. `checker`
    (output, research) → findings; by default the project's check."""
    checker = checker or check
    results, extra, failed = [], [], []
    for case in cases:
        schema = STEPS[case["step"]].schema
        try:
            output = parse_answer(case["answer_text"], schema)
        except Exception as error:  # an answer the engine would refuse is reported, not scored
            failed.append({"answer": case["name"], "error": str(error)[:200]})
            continue
        research = {str(k): v for k, v in case["research"].items()}
        _drop_unknown_ids(output, research)
        findings = checker(output, research)
        found_texts = [q.text for _, _, text in free_texts(output) for q in quotations(text)]
        matched: set[int] = set()
        for label in case["labels"]:
            hits = [n for n, f in enumerate(findings) if _same(label["text"], f.text)]
            matched.update(hits)
            results.append(
                {
                    "answer": case["name"],
                    "step": case["step"],
                    "language": case["language"],
                    "kind": label["kind"],
                    "expected": label["expected"],
                    "flagged": bool(hits),
                    "reason": findings[hits[0]].reason if hits else "",
                    "recognised": bool(hits) or any(_same(label["text"], t) for t in found_texts),
                    "text": label["text"],
                }
            )
        for n, f in enumerate(findings):
            if n not in matched:
                term = any(_same(_unmarked(t), f.text) for t in case["non_quotations"])
                extra.append({"answer": case["name"], "text": f.text, "reason": f.reason, "non_quotation": term})
    return summary(results, extra, failed)


def summary(results: list[dict], extra: list[dict], failed: list[dict]) -> dict:
    by_kind: dict[str, Counter] = defaultdict(Counter)
    for r in results:
        by_kind[r["kind"]]["n"] += 1
        by_kind[r["kind"]]["flagged"] += r["flagged"]
        by_kind[r["kind"]]["recognised"] += r["recognised"]
        if r["reason"]:
            by_kind[r["kind"]][f"reason:{r['reason']}"] += 1
    should_flag = [r for r in results if r["expected"] == "flag"]
    should_pass = [r for r in results if r["expected"] == "pass"]
    true_flags = sum(r["flagged"] for r in should_flag)
    false_flags = sum(r["flagged"] for r in should_pass)
    return {
        "answers": len({r["answer"] for r in results}) + len(failed),
        "quotations": len(results),
        "by_kind": {k: dict(sorted(c.items())) for k, c in sorted(by_kind.items())},
        "recall": round(true_flags / len(should_flag), 4) if should_flag else None,
        "real_pass_rate": round(1 - false_flags / len(should_pass), 4) if should_pass else None,
        "flag_precision": round(true_flags / (true_flags + false_flags), 4) if true_flags + false_flags else None,
        "flags_on_unlabelled_text": len(extra),
        "flags_on_listed_non_quotations": sum(e["non_quotation"] for e in extra),
        "missed": [r for r in should_flag if not r["flagged"]],
        "false_flags": [r for r in should_pass if r["flagged"]],
        "unlabelled_flags": extra,
        "unparsed_answers": failed,
    }


def _same(label: str, found: str) -> bool:
    """A label and a found quotation are the same quotation: equal, or one holds the other (a label may
    leave out the ellipsis or a trailing attribution), ignoring case, marks and punctuation."""
    a, b = normal(label), normal(found)
    if not a or not b:
        return False
    return a == b or (min(len(a), len(b)) >= 12 and (a in b or b in a))


NAIVE = re.compile(r'"([^"\n]+)"|“([^”]+)”|„([^“”]+)[“”]|«([^»]+)»|\'([^\'\n]+)\'|‘([^’]+)’')


@dataclass
class NaiveFinding:
    text: str
    reason: str = "not_found"


def naive(output, research: dict[str, str]) -> list[NaiveFinding]:
    """The obvious alternative: every span between a pair of quotation marks, no apostrophe rules, no minimum,
    no ellipsis; flagged unless it is a substring of research the item cites (lower-cased, spacing collapsed)."""

    def plain(text: str) -> str:
        return " ".join(re.sub(r"[“”„‟\"'‘’`´«»]", "", text.lower()).split()).strip(" .…")

    found = []
    for item, _, text in free_texts(output):
        cited = [research[i] for i in (item.evidence if item else []) if i in research] or list(research.values())
        for match in NAIVE.finditer(text):
            span = next(g for g in match.groups() if g)
            if not any(plain(span) in plain(r) for r in cited):
                found.append(NaiveFinding(span))
    return found


def _unmarked(text: str) -> str:
    return text.strip().strip("\"'“”„«»‘’‚‹› ")


def _drop_unknown_ids(output, research: dict[str, str]) -> None:
    """As the engine's grounding does before the quotations are checked."""
    for name in type(output).model_fields:
        value = getattr(output, name)
        for item in value if isinstance(value, list) else []:
            if hasattr(item, "evidence"):
                item.evidence = [i for i in item.evidence if i in research]


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    cases = load(Path(args[0]) if args else CORPUS)
    report = run(cases)
    report["naive_baseline"] = {k: v for k, v in run(cases, naive).items() if not isinstance(v, list)}
    if "--json" in argv:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return
    print(f"{report['answers']} answers, {report['quotations']} labelled quotations")
    for kind, counts in report["by_kind"].items():
        print(
            f"  {kind:18} {counts['flagged']:3}/{counts['n']:<3} flagged, {counts['recognised']:3} found as quotations"
        )
    print(f"recall (should flag): {report['recall']}   real quotations passed: {report['real_pass_rate']}")
    print(
        f"flag precision: {report['flag_precision']}   flags on unlabelled text: {report['flags_on_unlabelled_text']}"
    )
    base = report["naive_baseline"]
    print(
        f"naive baseline (every quoted span, plain substring): recall {base['recall']}, "
        f"real passed {base['real_pass_rate']}, unlabelled flags {base['flags_on_unlabelled_text']} "
        f"({base['flags_on_listed_non_quotations']} on listed non-quotations)"
    )
    if "--show" in argv:
        for key in ("missed", "false_flags", "unlabelled_flags", "unparsed_answers"):
            for row in report[key]:
                print(key, json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
