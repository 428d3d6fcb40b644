"""Retrieval that follows the step (issue 20): share of relevant quotes per prompt, overlap between steps and
quote size, on a labelled corpus from another sector (tests/data/other_sector: a municipality), written by a
helper who did not see the queries.

Every step of the catalogue is prepared in order with the earlier steps locked (a team's answers for that
corpus, tests/data/lindewaard_workshop/answers.json), twice: with the template's own query and whole passages
(the way `prepare` worked before, the baseline) and with the step queries and claim-sized quotes (now).

    .venv/bin/python bench/step_retrieval.py            # the steps the queries were tuned on
    .venv/bin/python bench/step_retrieval.py --held-out # the other half: run once, at the end
    .venv/bin/python bench/step_retrieval.py --quote-size FOLDER  # quote length in prompts, any research
    .venv/bin/python bench/step_retrieval.py --corpus third_sector [--held-out | --all]

`--corpus third_sector` (session 31): a housing association's research by another blind writer, with its own
team answers and EXHAUSTIVE labels (every passage a careful researcher would accept for the step, 23-59 per step,
plus the `core` ones they would cite first), so a prompt full of right quotes can score near 1.
"""

from __future__ import annotations

import itertools
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "other_sector"
ANSWERS = ROOT / "tests" / "data" / "lindewaard_workshop" / "answers.json"
TUNE = ["SD-01", "SD-03", "SD-05", "SD-07", "SC-01", "SC-03", "SC-05", "AI-01", "AI-03"]
HELD_OUT = ["SD-02", "SD-04", "SD-06", "SD-08", "SC-02", "SC-04", "AI-02"]


def flat(text: str) -> str:
    return " ".join(text.replace("…", " ").lower().split())


def relevant(shown: str, labelled: list[str]) -> bool:
    """The quote contains a labelled passage, lies inside one, or shares one of its sentences."""
    from copilot.steps.quote_sentences import sentences

    shown = flat(shown)
    for passage in labelled:
        passage = flat(passage)
        if passage in shown or (len(shown) > 30 and shown in passage):
            return True
        if any(len(s) > 30 and flat(s) in shown for s in sentences(passage)):
            return True
    return False


# what the person types when starting a step, taken from the team's answer where the answer names it (SD-04:
# which journey, whose); earlier runs passed nothing, so SD-04 searched for the whole brief
TYPED = {"SD-04": ("journey", "persona")}


def typed(step_id: str, answers: dict) -> dict:
    return {name: answers[step_id][name] for name in TYPED.get(step_id, ()) if answers[step_id].get(name)}


def baseline(step_id, session, retriever, language, inputs):
    """`prepare` as it was: the template's query alone, whole passages."""
    from copilot.prompts import templates
    from copilot.steps.engine import _earlier_steps, prompt_folder, within_budget

    template = templates(prompt_folder(), language)[step_id]
    context = {**inputs, **_earlier_steps(template, session)}
    query = template.render_query(**context)
    evidence = within_budget(retriever.search(query, k=template.meta.retrieval.k))
    return [(e.id, e.chunk.text) for e in evidence]


def now(step_id, session, retriever, language, inputs):
    from copilot.steps.engine import prepare

    prepared = prepare(step_id, session, retriever, language, inputs=inputs)
    return [(e.id, prepared.excerpts[e.id]) for e in prepared.evidence]


def run(way, retriever, tmp: Path, labels: dict, answers: dict) -> dict:
    from copilot.session import Session
    from copilot.steps.catalogue import STEPS
    from copilot.steps.quote_marks import remember_given

    session = Session.create(tmp / f"{way.__name__}.cxsession", "Bench", "nl")
    by_step = {}
    chunks = {c.id: c for c in retriever.store.chunks_with_vectors()[0]}
    for step_id, info in STEPS.items():
        quotes = way(step_id, session, retriever, "nl", typed(step_id, answers))
        by_step[step_id] = quotes
        remember_given(session, step_id, [chunks[q] for q, _ in quotes])
        session.save_draft(step_id, info.schema.model_validate(answers[step_id]))
        session.lock(step_id)
    return by_step


def load_labels(corpus: Path) -> tuple[dict, dict]:
    """Per step: the labelled passages, and the core ones (all of them where the corpus marks none)."""
    labels, core = {}, {}
    for line in (corpus / "labels" / "relevance.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            labels[row["step"]] = row["relevant"]
            core[row["step"]] = row.get("core") or row["relevant"]
    return labels, core


def measure(by_step: dict, labels: dict, steps: list[str], core: dict | None = None) -> dict:
    per_step = {}
    for step_id in steps:
        quotes = by_step[step_id]
        hits = [relevant(text, labels[step_id]) for _, text in quotes]
        found = sum(any(relevant(text, [p]) for _, text in quotes) for p in labels[step_id])
        per_step[step_id] = {
            "quotes": len(quotes),
            "relevant_share": round(sum(hits) / len(quotes), 2) if quotes else 0.0,
            "labelled_found": f"{found}/{len(labels[step_id])}",
        }
        if core:
            cores = core[step_id]
            per_step[step_id]["core_found"] = (
                f"{sum(any(relevant(t, [p]) for _, t in quotes) for p in cores)}/{len(cores)}"
            )
    ids = {s: {q for q, _ in by_step[s]} for s in by_step}
    pairs = [len(ids[a] & ids[b]) / len(ids[a] | ids[b]) for a, b in itertools.combinations(ids, 2) if ids[a] | ids[b]]
    counts: dict[str, int] = {}
    for quote_ids in ids.values():
        for q in quote_ids:
            counts[q] = counts.get(q, 0) + 1
    texts = [text for s in steps for _, text in by_step[s]]
    shares = [per_step[s]["relevant_share"] for s in steps]
    return {
        "per_step": per_step,
        "mean_relevant_share": round(sum(shares) / len(shares), 3),
        "min_relevant_share": min(shares),
        "mean_jaccard_all_16": round(sum(pairs) / len(pairs), 3),
        "max_prompts_one_passage": max(counts.values()),
        "mean_quote_chars": round(sum(map(len, texts)) / len(texts)),
        "mean_evidence_tokens": round(sum(map(len, texts)) / 4 / len(steps)),
    }


def quote_size(folder: Path) -> None:
    """Mean characters per quote in the prompts of every step (blank earlier steps locked), as the whole
    passages the prompts carried before and as the claim-sized sentences they carry now."""
    from copilot.research.ingest import ingest
    from copilot.research.retrieval import Retriever
    from copilot.research.store import ResearchStore
    from copilot.session import Session
    from copilot.steps.catalogue import STEPS
    from copilot.steps.engine import prepare
    from copilot.ui.fields import blank

    whole, shown, tokens = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        store = ResearchStore.open(Path(tmp) / "store")
        ingest(folder, store)
        retriever = Retriever(store)
        session = Session.create(Path(tmp) / "s.cxsession", "Bench", "nl")
        for step_id, info in STEPS.items():
            prepared = prepare(step_id, session, retriever, "nl")
            whole += [len(e.chunk.text) for e in prepared.evidence]
            shown += [len(prepared.excerpts[e.id]) for e in prepared.evidence]
            tokens.append(sum(len(prepared.excerpts[e.id]) for e in prepared.evidence) / 4)
            session.save_edit(step_id, blank(info.schema))
            session.lock(step_id)
    print(
        json.dumps(
            {
                "research": str(folder),
                "quotes": len(whole),
                "mean_passage_chars": round(sum(whole) / len(whole)),
                "max_passage_chars": max(whole),
                "mean_shown_chars": round(sum(shown) / len(shown)),
                "max_shown_chars": max(shown),
                "mean_evidence_tokens_per_prompt": round(sum(tokens) / len(tokens)),
            },
            indent=1,
        )
    )


def main() -> None:
    if "--quote-size" in sys.argv:
        quote_size(Path(sys.argv[sys.argv.index("--quote-size") + 1]))
        return
    from copilot.research.ingest import ingest
    from copilot.research.retrieval import Retriever
    from copilot.research.store import ResearchStore

    steps = TUNE + HELD_OUT if "--all" in sys.argv else HELD_OUT if "--held-out" in sys.argv else TUNE
    corpus, answers_file = CORPUS, ANSWERS
    if "--corpus" in sys.argv:
        corpus = CORPUS.parent / sys.argv[sys.argv.index("--corpus") + 1]
        answers_file = corpus / "answers.json"
    labels, core = load_labels(corpus)
    answers = json.loads(answers_file.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        store = ResearchStore.open(Path(tmp) / "store")
        ingest(corpus / "research", store)
        results = {}
        for way in (baseline, now):
            retriever = Retriever(store)
            results[way.__name__] = measure(run(way, retriever, Path(tmp), labels, answers), labels, steps, core)
    print(json.dumps({"corpus": corpus.name, "steps": steps, **results}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
