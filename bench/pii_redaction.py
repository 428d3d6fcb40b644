"""Benchmark personal-data redaction on three labelled sets, against a naive regex baseline and `deduce`.

    .venv/bin/python bench/pii_redaction.py [--held-out | --blind | --blind2 | --blind3] [--json]
    .venv/bin/python bench/pii_redaction.py --blind3 [--half even|odd] [--misses]

Prints recall, precision and F1 per kind and overall, and throughput (characters per second, redacting the
whole set 20 times). A predicted span counts as correct when it has the kind of a labelled span and covers
at least 80% of that span's characters; each labelled span is matched at most once. "exact" is the share
of correct spans whose boundaries are exactly the labelled ones.

The first two sets label six kinds (email, phone, iban, bsn, postcode_house, name) and count customer
numbers and dates of birth as ordinary numbers; findings of the kinds they do not label are left out of
their scores and counted apart. The blind set (tests/data/pii_blind/, see its README) labels eleven types,
customer numbers, dates of birth, licence plates and profile links included; it is scored per type and
type-agnostically ("was this text redacted at all"), which is what a redactor is for.

The blind set is split by record for tuning: `--half even` scores the records at even line indexes (0, 2, 4,
... of records.jsonl), the tuning half; `--half odd` the others, held out, of which only the summary figures
are ever printed. `--misses` prints the tuning half's missed spans and wrong findings (it refuses the odd half).

`deduce` (Dutch de-identification, LGPL) is compared when it is importable; it pins regex<2025, so it is
not a project dependency: install it beside the project with `pip install --no-deps deduce==3.0.6
docdeid==1.0.1 frozendict` to run the comparison (BENCHMARKS.md says how it was run).
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

from copilot.research.name_words import _common  # noqa: E402
from copilot.research.redaction import Finding, Redactor, _without_overlaps, find_pii, speaker_names  # noqa: E402

LABELLED = ROOT / "tests" / "data" / "pii" / "labelled.jsonl"
HELD_OUT = ROOT / "tests" / "data" / "pii" / "held_out.jsonl"
BLIND = ROOT / "tests" / "data" / "pii_blind" / "records.jsonl"
BLIND2 = ROOT / "tests" / "data" / "pii_blind2" / "records.jsonl"  # a second blind writer (issue 19, session 30)
BLIND3 = ROOT / "tests" / "data" / "pii_blind3" / "records.jsonl"  # a third blind writer (issue 19, session 31)
KINDS = ["email", "phone", "iban", "bsn", "postcode_house", "name"]
# The blind set's types, as the redactor's kinds (its ADDRESS and POSTCODE are both parts of an address).
BLIND_KINDS = {
    "PERSON": "name", "PHONE": "phone", "EMAIL": "email", "ADDRESS": "postcode_house", "POSTCODE": "postcode_house",
    "IBAN": "iban", "BSN": "bsn", "CUSTOMER_ID": "customer_id", "DATE_OF_BIRTH": "birth_date",
    "LICENSE_PLATE": "licence_plate", "URL_PERSONAL": "profile_url",
}  # fmt: skip
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
# What deduce's tags are in the redactor's kinds; it redacts every one of them.
DEDUCE_KINDS = {
    "persoon": "name", "patient": "name", "telefoonnummer": "phone", "emailadres": "email", "bsn": "bsn",
    "iban": "iban", "locatie": "postcode_house", "datum": "birth_date", "id": "customer_id", "url": "profile_url",
    "leeftijd": "age", "instelling": "institution", "ziekenhuis": "institution", "zorginstelling": "institution",
}  # fmt: skip


def as_redactor(text: str, known_names: list[str], language: str | None = None) -> list[Finding]:
    """What the Redactor finds in a text: the names it is given plus those in the text's speaker labels."""
    return find_pii(text, [*known_names, *(n for n in speaker_names(text) if n not in known_names)], language)


def naive_find(text: str, known_names: list[str], language: str | None = None) -> list[Finding]:
    """The baseline: the regexes above, plus the known names as plain strings (it gets the same hints)."""
    findings = [Finding(m.start(), m.end(), kind, m.group()) for kind, rx in NAIVE.items() for m in rx.finditer(text)]
    for name in known_names:
        findings += [Finding(m.start(), m.end(), "name", name) for m in re.finditer(re.escape(name), text)]
    return findings


def deduce_finders() -> dict:
    """{"deduce": ..., "redactor + deduce names": ...} when deduce is installed, else {}."""
    try:
        import deduce
    except ImportError:
        return {}
    model = deduce.Deduce()
    cache: dict[str, list[Finding]] = {}

    def with_deduce(text: str, known_names: list[str], language: str | None = None) -> list[Finding]:
        if text not in cache:
            annotations = model.deidentify(text).annotations
            cache[text] = [
                Finding(a.start_char, a.end_char, DEDUCE_KINDS.get(a.tag, a.tag), a.text) for a in annotations
            ]
        return cache[text]

    def combined(text: str, known_names: list[str], language: str | None = None) -> list[Finding]:
        # deduce's persons that are not only common words ("Pas", "My Account"), added to the redactor's findings
        names = [
            f for f in with_deduce(text, known_names) if f.kind == "name" and not all(map(_common, f.value.split()))
        ]
        return _without_overlaps([*as_redactor(text, known_names, language), *names])

    def speed(records: list[dict]) -> float:
        """deduce's characters per second over the set once (it is slower than the rules)."""
        started = time.perf_counter()
        for record in records:
            model.deidentify(record["text"])
        return sum(len(record["text"]) for record in records) / (time.perf_counter() - started)

    with_deduce.speed = speed  # type: ignore[attr-defined]
    return {"deduce": with_deduce, "redactor + deduce names": combined}


def score(records: list[dict], find, kinds: list[str] = KINDS) -> dict:
    """Recall, precision and F1 per kind and overall for a finder `find(text, known_names, language)`.

    Findings of kinds the set does not label are left out (`unlabelled_kinds` counts them)."""
    correct, exact, labelled, predicted = Counter(), Counter(), Counter(), Counter()
    for record in records:
        spans = record["spans"]
        found = find(record["text"], record["known_names"], record.get("language"))
        found = [finding for finding in found if finding.kind in kinds]
        labelled.update(span["kind"] for span in spans)
        predicted.update(finding.kind for finding in found)
        unmatched = list(found)
        for span in spans:
            match = _best_match(span, unmatched)
            if match is not None:
                unmatched.remove(match)
                correct[span["kind"]] += 1
                exact[span["kind"]] += (match.start, match.end) == (span["start"], span["end"])
    rows = {kind: _row(correct[kind], exact[kind], labelled[kind], predicted[kind]) for kind in kinds}
    rows["overall"] = _row(correct.total(), exact.total(), labelled.total(), predicted.total())
    return rows


def unlabelled_kinds(records: list[dict], find, kinds: list[str] = KINDS) -> dict[str, int]:
    """How many findings of each kind the set does not label (left out of `score`)."""
    found = (find(r["text"], r["known_names"], r.get("language")) for r in records)
    return dict(Counter(finding.kind for findings in found for finding in findings if finding.kind not in kinds))


def score_blind(records: list[dict], find) -> dict:
    """The blind set, scored three ways (its README's suggestion):

    - redacted: type-agnostic; a labelled span is redacted when findings of any kind cover >= 80% of its
      characters, and a finding is right when it overlaps a labelled span (a redactor's real job)
    - relaxed: a finding of the span's kind overlapping it; strict: the same kind and exactly its bounds
    Per type: recall ("redacted"). "clean_records_touched": how many of the records without personal data
    lost any text."""
    per_type, hit, relaxed, strict = Counter(), Counter(), Counter(), Counter()
    predicted = right = touched = clean = 0
    by_language: dict[str, Counter] = {}
    for record in records:
        found = find(record["text"], [], record["language"])
        spans = record["spans"]
        language = by_language.setdefault(record["language"], Counter())
        clean += not spans
        touched += bool(found) and not spans
        predicted += len(found)
        right += sum(any(_overlap(f.start, f.end, s) > 0 for s in spans) for f in found)
        for span in spans:
            covered = set().union(*(range(max(f.start, span["start"]), min(f.end, span["end"])) for f in found))
            is_hit = len(covered) >= MIN_COVERAGE * (span["end"] - span["start"])
            kind = BLIND_KINDS[span["type"]]
            same_kind = [f for f in found if f.kind == kind]
            per_type[span["type"]] += 1
            hit[span["type"]] += is_hit
            relaxed[span["type"]] += any(_overlap(f.start, f.end, span) > 0 for f in same_kind)
            strict[span["type"]] += any((f.start, f.end) == (span["start"], span["end"]) for f in same_kind)
            language["labelled"] += 1
            language["redacted"] += is_hit
    labelled = per_type.total()
    return {
        "labelled": labelled,
        "predicted": predicted,
        "redacted_recall": round(hit.total() / labelled, 4),
        "redacted_precision": round(right / predicted, 4) if predicted else 1.0,
        "relaxed_recall": round(relaxed.total() / labelled, 4),
        "strict_recall": round(strict.total() / labelled, 4),
        "per_type_recall": {
            t: round(hit[t] / per_type[t], 4) for t in sorted(per_type, key=per_type.get, reverse=True)
        },
        "per_type_labelled": dict(per_type),
        "per_language_recall": {lang: round(c["redacted"] / c["labelled"], 4) for lang, c in by_language.items()},
        "clean_records": clean,
        "clean_records_touched": touched,
    }


def blind_half(records: list[dict], half: str | None) -> list[dict]:
    """The tuning half ("even": line indexes 0, 2, 4, ...), the held-out half ("odd"), or all records."""
    if half is None:
        return records
    return records[{"even": 0, "odd": 1}[half] :: 2]


def blind_errors(records: list[dict], find) -> list[str]:
    """One line per labelled span not redacted and per finding overlapping no labelled span."""
    lines = []
    for record in records:
        found = find(record["text"], [], record["language"])
        spans = record["spans"]
        for span in spans:
            covered = set().union(*(range(max(f.start, span["start"]), min(f.end, span["end"])) for f in found))
            if len(covered) < MIN_COVERAGE * (span["end"] - span["start"]):
                context = record["text"][max(0, span["start"] - 40) : span["end"] + 25].replace("\n", "\\n")
                lines.append(f"MISS {record['id']} {span['type']} {span['text']!r}  …{context}…")
        for f in found:
            if not any(_overlap(f.start, f.end, s) > 0 for s in spans):
                context = record["text"][max(0, f.start - 40) : f.end + 25].replace("\n", "\\n")
                lines.append(f"FP   {record['id']} {f.kind} {f.value!r}  …{context}…")
    return lines


def _overlap(start: int, end: int, span: dict) -> int:
    return max(0, min(end, span["end"]) - max(start, span["start"]))


def _best_match(span: dict, found: list[Finding]) -> Finding | None:
    def overlap(finding: Finding) -> int:
        return _overlap(finding.start, finding.end, span)

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
    finders = [name for name in results["finders"]]
    if results["set"] == BLIND.name:
        lines = [
            f"Blind set{' (' + results['half'] + ' half)' if results.get('half') else ''}: {results['records']} "
            f"records, {results['characters']:,} characters.",
            "",
            "| finder | redacted recall | redacted precision | relaxed recall | strict recall | NL | EN "
            "| clean records touched |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for name in finders:
            r = results["finders"][name]
            lines.append(
                f"| {name} | {r['redacted_recall']:.3f} | {r['redacted_precision']:.3f} | {r['relaxed_recall']:.3f} "
                f"| {r['strict_recall']:.3f} | {r['per_language_recall'].get('nl', 0):.3f} "
                f"| {r['per_language_recall'].get('en', 0):.3f} | {r['clean_records_touched']}/{r['clean_records']} |"
            )
        types = list(results["finders"][finders[0]]["per_type_recall"])
        lines += ["", "| type | labelled | " + " | ".join(finders) + " |", "|---|---:|" + "---:|" * len(finders)]
        for kind in types:
            row = [f"{results['finders'][name]['per_type_recall'][kind]:.3f}" for name in finders]
            labelled = results["finders"][finders[0]]["per_type_labelled"][kind]
            lines.append(f"| {kind} | {labelled} | " + " | ".join(row) + " |")
        return "\n".join(lines)
    lines = [
        f"Set {results['set']}: {results['records']} records, {results['characters']:,} characters. "
        f"Correct = same kind and >= {MIN_COVERAGE:.0%} of the labelled characters covered.",
        "",
        "| kind | labelled | " + " | ".join(f"{name} R / P" for name in finders) + " | redactor exact bounds |",
        "|---|---:|" + "---:|" * (len(finders) + 1),
    ]
    for kind in [*KINDS, "overall"]:
        cells = [
            f"{results['finders'][n][kind]['recall']:.3f} / {results['finders'][n][kind]['precision']:.3f}"
            for n in finders
        ]
        label = f"**{kind}**" if kind == "overall" else kind
        labelled = results["finders"]["redactor"][kind]["labelled"]
        exact = results["finders"]["redactor"][kind]["exact"]
        lines.append(f"| {label} | {labelled} | " + " | ".join(cells) + f" | {exact:.3f} |")
    lines += [
        "",
        "Findings of kinds this set does not label (left out above): "
        + "; ".join(f"{n}: {results['unlabelled_kinds'][n] or 'none'}" for n in finders),
        "",
        f"Throughput (whole set x {REPEATS}): redactor {results['redactor_chars_per_s']:,.0f} chars/s, "
        f"naive {results['naive_chars_per_s']:,.0f} chars/s"
        + (f", deduce {results['deduce_chars_per_s']:,.0f} chars/s (once)" if "deduce_chars_per_s" in results else "")
        + ".",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of a table")
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "--held-out",
        action="store_true",
        help="use tests/data/pii/held_out.jsonl, written by someone who never saw the redactor or the first set",
    )
    which.add_argument(
        "--blind", action="store_true", help="use tests/data/pii_blind/records.jsonl (eleven types; see its README)"
    )
    which.add_argument(
        "--blind2", action="store_true", help="use tests/data/pii_blind2/records.jsonl (same format; see its README)"
    )
    which.add_argument(
        "--blind3", action="store_true", help="use tests/data/pii_blind3/records.jsonl (same format; see its README)"
    )
    parser.add_argument(
        "--half", choices=["even", "odd"], help="with --blind: score only the tuning (even) or held-out (odd) records"
    )
    parser.add_argument(
        "--misses", action="store_true", help="with --blind: print the even half's misses and wrong findings"
    )
    args = parser.parse_args()
    args.blind = args.blind or args.blind2 or args.blind3
    if (args.half or args.misses) and not args.blind:
        parser.error("--half and --misses go with --blind")
    if args.misses and args.half != "even":
        parser.error("--misses reads only the tuning half: give --half even (the odd half's errors stay unread)")
    path = (
        next(
            chosen
            for flag, chosen in (
                (args.blind3, BLIND3),
                (args.blind2, BLIND2),
                (args.blind, BLIND),
                (args.held_out, HELD_OUT),
            )
            if flag
        )
        if (args.blind or args.held_out)
        else LABELLED
    )
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.blind:
        records = blind_half(records, args.half)
    if args.misses:
        print("\n".join(blind_errors(records, as_redactor)))
        return
    for record in records:  # the held-out sets give no names up front: only what the text itself shows
        record.setdefault("known_names", [])
    finders = {"redactor": as_redactor, "naive": naive_find, **deduce_finders()}
    scorer = score_blind if args.blind else score
    results = {
        "set": path.name,
        "half": args.half,
        "records": len(records),
        "characters": sum(len(record["text"]) for record in records),
        "finders": {name: scorer(records, find) for name, find in finders.items()},
        "redactor_chars_per_s": round(throughput(records, _redact)),
        "naive_chars_per_s": round(throughput(records, _naive_redact)),
    }
    if not args.blind:
        results["unlabelled_kinds"] = {name: unlabelled_kinds(records, find) for name, find in finders.items()}
    if "deduce" in finders:
        results["deduce_chars_per_s"] = round(finders["deduce"].speed(records))
    results["redactor"], results["naive"] = results["finders"]["redactor"], results["finders"]["naive"]
    print(json.dumps(results, indent=2) if args.json else markdown(results))


if __name__ == "__main__":
    main()
