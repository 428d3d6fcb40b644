"""Prompt size per step for a full workshop: every step of the catalogue prepared against the example
research, in both languages, with the earlier steps it builds on locked (their example content from
prompts/tests where there is one, else an empty-but-valid version).

    .venv/bin/python bench/prompt_tokens.py [--json]
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    from copilot.research.ingest import ingest
    from copilot.research.retrieval import Retriever
    from copilot.research.store import ResearchStore
    from copilot.session import Session
    from copilot.steps.catalogue import STEPS
    from copilot.steps.engine import prepare
    from copilot.ui.fields import blank

    result: dict[str, dict[str, int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = ResearchStore.open(Path(tmp) / "store")
        ingest(ROOT / "examples" / "research", store)
        retriever = Retriever(store)
        for language in ("nl", "en"):
            session = Session.create(Path(tmp) / f"{language}.cxsession", "Benchmark", language)
            for step_id, info in STEPS.items():  # catalogue order: earlier steps first
                prepared = prepare(step_id, session, retriever, language)
                result.setdefault(step_id, {})[language] = prepared.prompt_tokens
                session.save_edit(step_id, blank(info.schema))
                session.lock(step_id)
    largest = max(tokens for by_language in result.values() for tokens in by_language.values())
    summary = {"per_step": result, "max": largest, "chars_per_token_estimate": 4}
    if "--json" in sys.argv:
        print(json.dumps(summary, indent=2))
    else:
        for step_id, by_language in result.items():
            print(f"{step_id}\tnl {by_language['nl']}\ten {by_language['en']}")
        print(f"max\t{largest}")


if __name__ == "__main__":
    main()
