"""How much of what a report gives the assistant is clutter, cut mid-sentence, a duplicate or a research plan:
the loaders before issue 21 against the loaders now, on the same files, judged by the same written rules.

    .venv/bin/python bench/report_chunks.py [--before 8cb457a] [--json out.json] [--sample out.md]

Corpora (all built in a temporary folder, nothing downloaded):
- md:     the 51 real Dutch reports in ../shared/data/nl_gebruikersonderzoeken/docs, read in place;
- pdf:    the same 51 reports set as a PDF "made in Word" (tests/report_fixtures.py: cover, contents page,
          running header and footer, page numbers, letter-spaced and numbered headings, a summary repeating the
          first paragraph of three sections, running text over page breaks, every third page in two columns);
- slides: every third report as a deck saved as PDF (title slide, agenda, one slide per section);
- docx:   every third report as a Word document (title, contents in Word's "toc 1" style, headings, bullets),
          and a Word test plan;
- system: the PDFs that happen to be on this machine (/usr/share/doc, English, not made by us), for a look at
          files we did not write.

The "before" loaders are the package at git commit `--before`, extracted to a temporary folder and run in a
subprocess; "after" is this checkout. Rules (the judge; see BENCHMARKS.md, "Issue 21"):
- clutter: markup or metadata (front matter, an HTML comment, an image, a bare link), page furniture (a page
  number, "Pagina 3", the running header or footer, a contents line ending in a page number), a heading glued
  on (the text ends with one of the file's headings, or holds a letter-spaced one), or a fragment (under four
  words);
- cut: starts with a lower-case letter (the rest of a sentence), or (not being a list) ends without closing
  punctuation after eight words or more;
- duplicate: 60 % or more of its 5-word runs appear in one earlier chunk of the same file (or the reverse);
  the loaders collapse at 80 % of 3-word runs, so the judge is stricter than the rule it judges;
- plan as evidence: a list of questions (two or more, most sentences questions) or a chunk of the test plan,
  that retrieval would offer as customer evidence (kind is not "plan").
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
SHARED = ROOT.parent / "shared" / "data" / "nl_gebruikersonderzoeken" / "docs"
if not SHARED.is_dir():
    SHARED = Path("/work/shared/data/nl_gebruikersonderzoeken/docs")
SYSTEM_PDFS = sorted(Path("/usr/share/doc").rglob("*.pdf"))[:4]
LABELS = ("clutter", "cut", "duplicate", "plan_as_evidence")


def build(folder: Path) -> dict[str, list[Path]]:
    """The corpora: real Markdown read in place, the same reports rendered as PDF, slides and Word."""
    from report_fixtures import sections_from_markdown, slides_pdf, word_docx, word_pdf, word_test_plan

    reports = sorted(SHARED.rglob("*.md"))
    corpora: dict[str, list[Path]] = {"md": reports, "pdf": [], "slides": [], "docx": [], "system": SYSTEM_PDFS}
    headings: dict[str, list[str]] = {}
    for number, report in enumerate(reports):
        title, sections = sections_from_markdown(report.read_text(encoding="utf-8"))
        if not sections:
            continue
        organisation = "Gemeente Utrecht" if "utrecht" in report.name else "VNG"
        stem = f"{number:02d}-{report.stem}"
        pdf = folder / f"{stem}.pdf"
        pdf.write_bytes(word_pdf(title, sections, organisation))
        corpora["pdf"].append(pdf)
        if number % 3 == 0:
            deck = folder / f"{stem}-slides.pdf"
            deck.write_bytes(slides_pdf(title, sections, organisation))
            corpora["slides"].append(deck)
            corpora["docx"].append(word_docx(folder / f"{stem}.docx", title, sections))
        headings[stem] = [section.heading for section in sections] + [title, organisation]
    corpora["docx"].append(word_test_plan(folder / "testplan.docx"))
    (folder / "headings.json").write_text(json.dumps(headings), encoding="utf-8")
    return corpora


def dump(corpora: dict[str, list[Path]], out: Path) -> None:
    """Every chunk of every file, with the loaders importable from sys.path (before or after)."""
    from copilot.errors import ResearchFileError
    from copilot.research.loaders import load_file

    with out.open("w", encoding="utf-8") as file:
        for corpus, paths in corpora.items():
            for path in paths:
                try:
                    chunks = load_file(path, path.parent)
                except ResearchFileError as error:
                    print(f"{path.name}: {error}", file=sys.stderr)
                    continue
                for chunk in chunks:
                    row = {"corpus": corpus, "file": path.name, "location": chunk.location, "kind": chunk.kind}
                    row |= {"text": chunk.text, "section": chunk.metadata.get("section", "")}
                    file.write(json.dumps(row, ensure_ascii=False) + "\n")


# --- the judge ---------------------------------------------------------------------------------------------------

_MARKUP = re.compile(r"^(?:---|<!--|!\[|<?https?://\S+>?$|title:|hide_title:)")
_FURNITURE = re.compile(
    r"(?:^|\s)(?:pagina|page)\s+\d+(?:\s|$)|^\d{1,4}$|\|\s*(?:gemeente utrecht|vng)\b|(?:\.\s?){4,}\s*\d+\s*$"
    r"|^(?:\d+\.\s+)?[A-Z][^.!?:]{1,60}\s\d{1,3}\.?$",
    re.I,
)
_SPACED = re.compile(r"(?:\b[A-Z]\s){4,}[A-Z]\b")
_END = re.compile(r"[.!?…:;\"”’')\]]$")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def judge(rows: list[dict], headings: dict[str, list[str]]) -> list[dict]:
    """Labels per chunk by the rules in the module docstring."""
    by_file: dict[str, list[set]] = {}
    judged = []
    for row in rows:
        text = row["text"].strip()
        words = _words(text)
        stem = re.sub(r"(-slides)?\.(pdf|docx|md)$", "", row["file"])
        known = [h for h in headings.get(stem, []) if len(h) > 3]
        glued = any(text.endswith(h) and len(text) > len(h) + 10 for h in known) or bool(_SPACED.search(text))
        clutter = bool(_MARKUP.match(text) or _FURNITURE.search(text) or glued or len(words) < 4)
        listed = " • " in text or " - " in text
        cut = text[:1].islower() or (not listed and len(words) >= 8 and not _END.search(text))
        runs = {tuple(words[i : i + 5]) for i in range(max(1, len(words) - 4))}
        earlier = by_file.setdefault(f"{row['corpus']}/{row['file']}", [])
        duplicate = len(runs) >= 3 and any(
            len(runs & other) >= 0.6 * min(len(runs), len(other)) for other in earlier if len(other) >= 3
        )
        earlier.append(runs)
        sentences = [s for s in re.split(r"(?<=[.!?])\s+|\s•\s|\s-\s", text) if s.strip()]
        questions = sum(1 for s in sentences if s.rstrip().endswith("?"))
        planlike = (questions >= 2 and questions >= 0.6 * len(sentences)) or row["file"] == "testplan.docx"
        labels = {
            "clutter": clutter,
            "cut": cut,
            "duplicate": duplicate,
            "plan_as_evidence": planlike and row["kind"] != "plan",
        }
        judged.append({**row, **labels, "bad": any(labels.values())})
    return judged


def shares(judged: list[dict]) -> dict:
    result = {}
    for corpus in sorted({row["corpus"] for row in judged}):
        rows = [row for row in judged if row["corpus"] == corpus]
        result[corpus] = {"chunks": len(rows)} | {
            label: round(sum(row[label] for row in rows) / max(1, len(rows)), 3) for label in (*LABELS, "bad")
        }
    result["all"] = {"chunks": len(judged)} | {
        label: round(sum(row[label] for row in judged) / max(1, len(judged)), 3) for label in (*LABELS, "bad")
    }
    return result


def sample(before: list[dict], after: list[dict], path: Path, per_side: int = 30, seed: int = 21) -> None:
    """A blind sample: chunks from both sides (PDF and Word corpora, where the layout matters), shuffled, with
    nothing saying which side a chunk came from; the key is written beside it."""
    rng = random.Random(seed)
    picked = []
    for side, rows in (("before", before), ("after", after)):
        pool = [row for row in rows if row["corpus"] in ("pdf", "slides", "docx", "md")]
        picked += [(side, row) for row in rng.sample(pool, per_side)]
    rng.shuffle(picked)
    lines = [
        "# Blind sample of report chunks (issue 21)",
        "",
        "Judge each by the rule in BENCHMARKS.md (Issue 21): ok, or one or more of clutter / cut / duplicate / plan.",
        "",
    ]
    key = {}
    for number, (side, row) in enumerate(picked, start=1):
        key[number] = {"side": side, "kind": row["kind"]}
        text = " ".join(row["text"].split())
        lines += [f"## {number}", "", f"> {text[:700]}", ""]  # no context line: it would tell the sides apart
    path.write_text("\n".join(lines), encoding="utf-8")
    path.with_suffix(".key.json").write_text(json.dumps(key), encoding="utf-8")


def score(sample_path: Path, verdicts_path: Path) -> dict:
    """Shares of each verdict per side, once the verdicts are written: only now is the key read."""
    key = json.loads(sample_path.with_suffix(".key.json").read_text(encoding="utf-8"))
    verdicts = {}
    for line in verdicts_path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            number, verdict = line.split(maxsplit=1)
            verdicts[number] = verdict.split()
    result = {}
    for side in ("before", "after"):
        owned = [(verdicts[n], entry) for n, entry in key.items() if n in verdicts and _side(entry) == side]
        judged = [verdict for verdict, _ in owned]
        result[side] = {"judged": len(judged)} | {
            label: round(sum(label in verdict for verdict in judged) / max(1, len(judged)), 3)
            for label in ("ok", "clutter", "cut", "plan")
        }
        if all(isinstance(entry, dict) for _, entry in owned):  # a plan the loaders kept as kind "plan" is handled
            offered = sum("plan" in verdict and entry["kind"] != "plan" for verdict, entry in owned)
            result[side]["plan_as_evidence"] = round(offered / max(1, len(owned)), 3)
    return result


def _side(entry: str | dict) -> str:
    return entry if isinstance(entry, str) else entry["side"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", default="8cb457a", help="git commit whose loaders are 'before'")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--sample", type=Path, help="write a blind, shuffled sample of chunks here")
    parser.add_argument("--seed", type=int, default=21, help="which sample")
    parser.add_argument("--examples", type=int, default=0, help="print this many judged-bad chunks per label")
    parser.add_argument("--score", nargs=2, type=Path, metavar=("SAMPLE", "VERDICTS"), help="score a judged sample")
    parser.add_argument("--dump", nargs=2, metavar=("FOLDER", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.score:
        print(json.dumps(score(*args.score), indent=2))
        return
    if args.dump:  # the subprocess: corpora already built in FOLDER
        corpora = json.loads((Path(args.dump[0]) / "corpora.json").read_text(encoding="utf-8"))
        dump({name: [Path(p) for p in paths] for name, paths in corpora.items()}, Path(args.dump[1]))
        return
    with tempfile.TemporaryDirectory(prefix="cx-report-chunks-") as tmp:
        folder = Path(tmp)
        corpora = build(folder)
        (folder / "corpora.json").write_text(
            json.dumps({name: [str(p) for p in paths] for name, paths in corpora.items()}), encoding="utf-8"
        )
        old = folder / "before"
        old.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.before, "copilot"], capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
        results = {}
        for side, path in (("before", old), ("after", ROOT)):
            out = folder / f"{side}.jsonl"
            env = {**os.environ, "PYTHONPATH": str(path)}
            subprocess.run(
                [sys.executable, __file__, "--dump", str(folder), str(out)], check=True, env=env, cwd=str(path)
            )
            rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
            results[side] = judge(rows, json.loads((folder / "headings.json").read_text(encoding="utf-8")))
        if args.sample:
            sample(results["before"], results["after"], args.sample, seed=args.seed)
    for side in ("before", "after") if args.examples else ():
        for label in LABELS:
            bad = [row for row in results[side] if row[label]]
            for row in random.Random(1).sample(bad, min(args.examples, len(bad))):
                print(f"[{side} {label}] {row['corpus']} {row['file'][:30]} {row['location']}: {row['text'][:160]!r}")
    summary = {side: shares(rows) for side, rows in results.items()}
    summary["before_commit"] = args.before
    print(f"{'corpus':8} {'side':7} {'chunks':>7} " + " ".join(f"{label:>17}" for label in (*LABELS, "bad")))
    for corpus in summary["after"]:
        for side in ("before", "after"):
            row = summary[side].get(corpus, {})
            cells = " ".join(f"{row.get(label, 0):>17.1%}" for label in (*LABELS, "bad"))
            print(f"{corpus:8} {side:7} {row.get('chunks', 0):>7} {cells}")
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
