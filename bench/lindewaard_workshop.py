"""A whole workshop (all 16 steps) on research from another sector than the example corpus: a municipality
(tests/data/other_sector). Every step is prepared as the copilot prepares it, answered with a team's answers
for that research (tests/data/lindewaard_workshop/answers.json) pasted as an assistant would write them, each
item citing the quotes of its prompt that share most words with it, then locked; the deck is exported and,
with LibreOffice and pdftoppm, rendered to PNG to look at.

    PYTHONPATH=. .venv/bin/python bench/lindewaard_workshop.py OUT_FOLDER [en|nl]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESEARCH = ROOT / "tests" / "data" / "other_sector" / "research"
ANSWERS = ROOT / "tests" / "data" / "lindewaard_workshop" / "answers.json"


def cite(answer: dict, excerpts: dict[str, str], per_item: int = 2) -> dict:
    """The answer with every list item citing the prompt's quotes that share most content words with it."""
    from copilot.research.lexical import tokens
    from copilot.steps.evidence_fit import claim_text

    words = {quote_id: set(tokens(text)) for quote_id, text in excerpts.items()}

    def pick(item: dict) -> list[str]:
        wanted = set(tokens(claim_text(item)))
        ranked = sorted(words, key=lambda q: -len(words[q] & wanted))
        return [q for q in ranked[:per_item] if words[q] & wanted]

    cited = {}
    for key, value in answer.items():
        if isinstance(value, list) and value and isinstance(value[0], dict) and "id" in value[0]:
            cited[key] = [{**item, "evidence": pick(item)} for item in value]
        else:
            cited[key] = value
    return cited


def main() -> None:
    from copilot.export.from_session import build_deck
    from copilot.export.render import render
    from copilot.research.ingest import ingest
    from copilot.research.retrieval import Retriever
    from copilot.research.store import ResearchStore
    from copilot.session import Session
    from copilot.steps.catalogue import STEPS
    from copilot.steps.engine import accept_pasted_answer, prepare

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
    language = sys.argv[2] if len(sys.argv) > 2 else "nl"
    out.mkdir(parents=True, exist_ok=True)
    answers = json.loads(ANSWERS.read_text(encoding="utf-8"))
    store = ResearchStore.open(out / "store")
    ingest(RESEARCH, store)
    retriever = Retriever(store)
    session = Session.create(out / "lindewaard.cxsession", "Gemeente Lindewaard — dienstverlening", language)
    for step_id in STEPS:
        prepared = prepare(step_id, session, retriever, language)
        draft = accept_pasted_answer(
            prepared, json.dumps(cite(answers[step_id], prepared.excerpts), ensure_ascii=False), session
        )
        session.lock(step_id)
        print(step_id, len(prepared.evidence), "quotes", *draft.warnings[:2], sep=" | ")
    deck = render(build_deck(session, None, language, store=store), out / "lindewaard.pptx")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(deck)], check=True)
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(out / "lindewaard.pdf"), str(out / "slide")], check=True)
    print(deck)


if __name__ == "__main__":
    main()
