"""Several processes editing one session: saves per second, how many were merged, how many were conflicts.

    python bench/session_concurrency.py [--writers 4] [--edits 300] [--mode versioned|legacy] [--json]

Each writer is tests/session_writer.py (a real process on a real SQLite file): every tenth edit touches one
shared theme, the others its own themes. Nothing is asserted here; tests/test_session_concurrency.py checks
that no edit is lost.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from copilot.session import Session  # noqa: E402
from copilot.steps.schemas import ResearchSynthesis, Theme  # noqa: E402


def run(writers: int, edits: int, mode: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.cxsession"
        with Session.create(path, "Bench", "nl") as session:
            session.save_edit("SD-02", ResearchSynthesis(themes=[Theme(id="shared", label="start")]))
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        started = time.perf_counter()
        processes = [
            subprocess.Popen(
                [sys.executable, str(ROOT / "tests" / "session_writer.py"), str(path), f"W{n}", str(edits), mode],
                env=env,
                stdout=subprocess.PIPE,
                text=True,
            )
            for n in range(writers)
        ]
        results = [json.loads(p.communicate()[0]) for p in processes]
        seconds = time.perf_counter() - started
    saves = [s for r in results for s in r["saves"]]
    conflicts = sum(len(r["conflicts"]) for r in results)
    return {
        "writers": writers,
        "edits_per_writer": edits,
        "mode": mode,
        "saves": len(saves),
        "merged": sum(s["merged"] for s in saves),
        "conflicts_shown": conflicts,
        "seconds_with_process_start": round(seconds, 1),
        "saves_per_second": round(len(saves) / seconds, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--edits", type=int, default=300)
    parser.add_argument("--mode", default="versioned", choices=["versioned", "legacy"])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.writers, args.edits, args.mode)
    print(json.dumps(result, indent=2) if args.json else "\n".join(f"{k}\t{v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
