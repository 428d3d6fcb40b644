"""The offline SD-04 emotions against a team's (issue 14): each labelled corpus is ingested into a temporary store,
the team's stages are given to `draft_journey` as people would have them before the emotions and pains (names
only, and names with actions and touchpoints), and the computed emotions are compared with the team's locked ones.

    PYTHONPATH=. .venv/bin/python bench/journey_emotions.py                 # tune corpus (lindewaard)
    PYTHONPATH=. .venv/bin/python bench/journey_emotions.py --held-out      # third_sector: run once, at the end
    PYTHONPATH=. .venv/bin/python bench/journey_emotions.py --all [--out FILE]

Two obvious alternatives in the same run: every stage −1, and every stage the team's own mean emotion for the corpus
(rounded; an oracle, since it reads the answers). Per-stage values go to the JSON only; the table shows aggregates.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
# research folder, team answers
CORPORA = {
    "lindewaard": (DATA / "other_sector" / "research", DATA / "lindewaard_workshop" / "answers.json"),
    "third_sector": (DATA / "third_sector" / "research", DATA / "third_sector" / "answers.json"),
}
TUNE, HELD_OUT = ["lindewaard"], ["third_sector"]
OUT = ROOT / "bench" / "results" / "journey_emotions.json"


def _sign(value: float) -> int:
    return (value > 0) - (value < 0)


def score(computed: list[int], team: list[int]) -> dict:
    pairs = list(zip(computed, team, strict=True))
    return {
        "mae": round(sum(abs(c - t) for c, t in pairs) / len(pairs), 2),
        "exact": round(sum(c == t for c, t in pairs) / len(pairs), 2),
        "sign": round(sum(_sign(c) == _sign(t) for c, t in pairs) / len(pairs), 2),
        "spread": {"min": min(computed), "max": max(computed), "stdev": round(statistics.pstdev(computed), 2)},
    }


def given(stages: list[dict], variant: str) -> list[dict]:
    """The stages as people have them when they ask for the draft: never the pains or the emotion."""
    keep = ("id", "name") if variant == "names" else ("id", "name", "actions", "touchpoints")
    return [{key: stage[key] for key in keep if key in stage} for stage in stages]


def run_corpus(name: str, tmp: Path) -> dict:
    from copilot.research.ingest import ingest
    from copilot.research.store import ResearchStore
    from copilot.session import Session
    from copilot.steps.journey import draft_journey
    from copilot.steps.schemas import CurrentJourney

    research, answers = CORPORA[name]
    stages = json.loads(answers.read_text(encoding="utf-8"))["SD-04"]["stages"]
    team = [stage["emotion"] for stage in stages]
    store = ResearchStore.open(tmp / name)
    ingest(research, store)
    result = {"stages": len(stages), "team": team}
    for variant in ("names", "names_actions_touchpoints"):
        session = Session.create(tmp / f"{name}-{variant}.cxsession", "Bench", "nl")
        session.save_edit("SD-04", CurrentJourney(stages=given(stages, variant)))
        journey, _ = draft_journey(store, session)
        computed = [stage.emotion for stage in journey.stages]
        result[variant] = {
            **score(computed, team),
            "computed": computed,
            "unclear": sum(not stage.evidence for stage in journey.stages),  # too few felt quotes: left at 0
            "pains_drafted": [len(stage.pains) for stage in journey.stages],
        }
    mean = round(statistics.mean(team))
    result["all_minus_1"] = score([-1] * len(team), team)
    result[f"team_mean_{mean:+d}"] = score([mean] * len(team), team)
    return result


def table(results: dict) -> str:
    lines = [f"{'corpus':<14}{'way':<28}{'MAE':>6}{'exact':>7}{'sign':>6}  spread (min..max, stdev)"]
    for corpus, result in results.items():
        for way, row in result.items():
            if isinstance(row, dict) and "mae" in row:
                spread = row["spread"]
                lines.append(
                    f"{corpus:<14}{way:<28}{row['mae']:>6.2f}{row['exact']:>7.2f}{row['sign']:>6.2f}"
                    f"  {spread['min']:+d}..{spread['max']:+d}, {spread['stdev']:.2f}"
                )
    return "\n".join(lines)


def main() -> None:
    corpora = TUNE + HELD_OUT if "--all" in sys.argv else HELD_OUT if "--held-out" in sys.argv else TUNE
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else OUT
    with tempfile.TemporaryDirectory() as tmp:
        results = {name: run_corpus(name, Path(tmp)) for name in corpora}
    out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(table(results))


if __name__ == "__main__":
    main()
