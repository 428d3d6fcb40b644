"""Time building a deck from a session (50 theme cards, 300 cited quotes), with text measured against font
metrics and with a plain average-width estimate instead.

.venv/bin/python bench/deck_build.py [--json]
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from pptx import Presentation

from copilot.export import fit as fit_module
from copilot.export.from_session import build_deck
from copilot.export.render import render
from copilot.research.chunks import Chunk
from copilot.session import Session
from copilot.steps.catalogue import STEPS
from copilot.steps.schemas import ResearchSynthesis, Theme
from copilot.steps.schemas.examples import example


def stress_session(folder: Path) -> Session:
    """A full workshop: every step of the catalogue with its example content (charts, heatmaps, tables) plus a
    synthesis of 50 themes citing 300 quotes — about 60 slides."""
    quotes = [
        Chunk(
            id=f"q{n:04d}",
            text=f"Ik heb {n} keer gebeld over mijn termijnbedrag en moest alles opnieuw uitleggen.",
            source=f"interviews/i{n % 11}.txt",
            location=f"turn {n}",
            kind="transcript",
        )
        for n in range(300)
    ]
    themes = [
        Theme(
            id=f"T{n}",
            label=f"Thema {n}: herhaalcontact over de jaarafrekening",
            insight="Klanten bellen terug omdat de brief niets uitlegt. " * 3,
            evidence=[q.id for q in quotes[n * 6 : n * 6 + 6]],
        )
        for n in range(50)
    ]
    session = Session.create(folder / "bench.cxsession", "Benchmark", "nl")
    session.keep_evidence(quotes)
    session.save_draft("SD-02", ResearchSynthesis(themes=themes))
    for step_id, info in STEPS.items():
        if step_id != "SD-02":
            session.save_edit(step_id, example(info.schema))
    return session


def timed(session: Session, out: Path, repeats: int = 5) -> tuple[float, int]:
    best, slides = float("inf"), 0
    for _ in range(repeats):
        started = time.perf_counter()
        deck = build_deck(session)
        render(deck, out)
        best = min(best, time.perf_counter() - started)
        slides = len(Presentation(str(out)).slides)  # tables continue over as many slides as their rows need
    return best, slides


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        session = stress_session(folder)
        render(build_deck(session), folder / "warm.pptx")  # fonts loaded, modules imported
        fitted, slides = timed(session, folder / "fitted.pptx")
        measure = fit_module._word_width
        fit_module._word_width = lambda word, size, *args: len(word) * size * 0.56 / 72  # no font metrics
        try:
            plain, _ = timed(session, folder / "plain.pptx")
        finally:
            fit_module._word_width = measure
    result = {"slides": slides, "build_s.copilot": round(fitted, 3), "build_s.without_text_fitting": round(plain, 3)}
    print(json.dumps(result, indent=2) if "--json" in sys.argv else "\n".join(f"{k}\t{v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
