"""The offline SD-04 touchpoints against a team's (issue 14): each labelled corpus is ingested into a temporary store,
the team's stage names are given to `draft_journey`, and the channels it drafts per stage are compared with the
channels in the team's locked touchpoints.

    PYTHONPATH=. .venv/bin/python bench/journey_touchpoints.py [--out FILE]

The team's words are read as channels with `copilot.research.channels`, plus the few below that name no channel in
words: a touchpoint that is no contact channel ("parkeerautomaat", "huurdersvereniging") is left out of the score.
Both teams' touchpoints were read before this bench was written, so neither corpus is held out; the blind sentence
set of `bench/channels.py` is. The obvious alternative in the same run: every stage gets the three channels the
whole research names most.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

from journey_emotions import CORPORA, given

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "results" / "journey_touchpoints.json"
# team words that are a channel by what they are, not by a channel word in them
TEAM_WORDS = {"kcc": "phone", "digid": "website", "aannemer": "visit", "opzichter": "visit", "portaal": "website"}


def as_channels(words: list[str]) -> set[str]:
    from copilot.research.channels import NAMES, channels

    names = {name.casefold(): key for key, pair in NAMES.items() for name in pair}
    found = set()
    for word in words:
        key = names.get(word.casefold()) or TEAM_WORDS.get(word.casefold())
        found |= {key} if key else set(channels(word, "nl"))
    return found


def score(computed: list[set[str]], team: list[set[str]]) -> dict:
    hit = sum(len(c & t) for c, t in zip(computed, team, strict=True))
    found, meant = sum(map(len, computed)), sum(map(len, team))
    return {
        "precision": round(hit / max(found, 1), 2),
        "recall": round(hit / max(meant, 1), 2),
        "stages_with_one_right": sum(bool(c & t) for c, t in zip(computed, team, strict=True)),
        "distinct_cells": len({frozenset(c) for c in computed}),
    }


def run_corpus(name: str, tmp: Path) -> dict:
    from copilot.research.channels import channels
    from copilot.research.ingest import ingest
    from copilot.research.store import ResearchStore
    from copilot.session import Session
    from copilot.steps.journey import draft_journey
    from copilot.steps.schemas import CurrentJourney

    research, answers = CORPORA[name]
    stages = json.loads(answers.read_text(encoding="utf-8"))["SD-04"]["stages"]
    team = [as_channels(stage.get("touchpoints", [])) for stage in stages]
    store = ResearchStore.open(tmp / name)
    ingest(research, store)
    session = Session.create(tmp / f"{name}.cxsession", "Bench", "nl")
    session.save_edit("SD-04", CurrentJourney(stages=given(stages, "names")))
    journey, _ = draft_journey(store, session)
    computed = [as_channels(stage.touchpoints) for stage in journey.stages]
    everywhere = Counter(key for chunk in store.chunks() for key in channels(chunk.text))
    top = {key for key, _ in everywhere.most_common(3)}
    return {
        "time_well": {
            "team": [stage.get("time_well") or "" for stage in stages],
            "computed": [stage.time_well for stage in journey.stages],
        },
        "team": [sorted(t) for t in team],
        "computed": [stage.touchpoints for stage in journey.stages],
        "copilot": score(computed, team),
        "top_3_everywhere": score([top] * len(team), team),
    }


def main() -> None:
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else OUT
    with tempfile.TemporaryDirectory() as tmp:
        results = {name: run_corpus(name, Path(tmp)) for name in CORPORA}
    out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print("| corpus | way | precision | recall | stages with one right | distinct cells |")
    print("|---|---|---|---|---|---|")
    for corpus, result in results.items():
        for way in ("copilot", "top_3_everywhere"):
            row = result[way]
            print(
                f"| {corpus} | {way} | {row['precision']} | {row['recall']} | "
                f"{row['stages_with_one_right']}/{len(result['team'])} | {row['distinct_cells']} |"
            )


if __name__ == "__main__":
    main()
