"""A session survives its process being killed at any moment, and holds every edit it reported saved."""

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from copilot.session import Session
from copilot.steps.schemas import ResearchSynthesis

EDITOR = """
import sys
from pathlib import Path
from copilot.session import Session
from copilot.steps.schemas import ResearchSynthesis, Theme
session = Session.open(Path(sys.argv[1]))
n = int(sys.argv[2])
while True:
    n += 1
    themes = [Theme(id=f"T{i}", label=f"edit {n}", insight="x" * 500, evidence=["q1"]) for i in range(20)]
    session.save_edit("SD-02", ResearchSynthesis(themes=themes))
    print(n, flush=True)  # reported saved only after the commit returned
"""


def test_fifty_kills_at_random_moments_lose_no_reported_edit(tmp_path: Path):
    path = tmp_path / "durable.cxsession"
    Session.create(path, "Duurzaam", "nl").close()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    rng = random.Random(20261123)
    last_reported = 0
    for _ in range(50):
        editor = subprocess.Popen(
            [sys.executable, "-c", EDITOR, str(path), str(last_reported)], env=env, stdout=subprocess.PIPE, text=True
        )
        first = editor.stdout.readline()  # it is up and saving
        assert first.strip(), "the editor did not start"
        time.sleep(rng.uniform(0, 0.05))
        editor.send_signal(signal.SIGKILL)
        output, _ = editor.communicate()
        reported = [int(line) for line in (first + output).split()]
        last_reported = max(reported)

        session = Session.open(path)  # always reopens
        saved = session.content("SD-02", ResearchSynthesis)
        saved_n = int(saved.themes[0].label.split()[1])
        assert saved_n >= last_reported, f"edit {last_reported} was reported saved, but the file holds {saved_n}"
        assert all(t.label == saved.themes[0].label for t in saved.themes), "a torn write mixed two edits"
        last_reported = saved_n
        session.close()
    history = Session.open(path).history("SD-02")
    assert len(history) >= 50 and all(json.loads(h["content"])["themes"] for h in history[-5:])
