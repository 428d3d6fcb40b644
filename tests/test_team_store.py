"""Team mode: one research store on a real `chroma run` server, shared by several people at once."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from copilot.errors import StoreError
from copilot.research.ingest import ingest
from copilot.research.loaders import load_file
from copilot.research.store import ResearchStore

INGEST = """
import sys
from pathlib import Path
from copilot.research.ingest import ingest
from copilot.research.store import ResearchStore
store = ResearchStore.open(url=sys.argv[1], collection=sys.argv[2])
report = ingest(Path(sys.argv[3]), store)
assert not report.failed, report.failed
"""


def write_folder(folder: Path, person: int, shared_rows: int = 40, own_rows: int = 30) -> Path:
    folder.mkdir(parents=True)
    shared = "\n".join(
        f"Gedeelde klantopmerking nummer {n} over de jaarafrekening en het termijnbedrag" for n in range(shared_rows)
    )
    own = "\n".join(
        f"Opmerking {n} van onderzoeker {person} over de verhuizing en de slimme meter" for n in range(own_rows)
    )
    (folder / "shared.csv").write_text("answer\n" + shared + "\n", encoding="utf-8")
    (folder / f"own_{person}.csv").write_text("answer\n" + own + "\n", encoding="utf-8")
    return folder


def test_four_people_ingesting_at_once_lose_and_duplicate_no_chunk(chroma_server, tmp_path: Path):
    folders = [write_folder(tmp_path / f"person{n}", n) for n in range(4)]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", INGEST, chroma_server.url, "concurrent", str(folder)],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in folders
    ]
    for process in processes:
        _, errors = process.communicate(timeout=300)
        assert process.returncode == 0, errors

    store = ResearchStore.open(url=chroma_server.url, collection="concurrent")
    expected = {c.id for folder in folders for path in folder.iterdir() for c in load_file(path, folder)}
    stored = [c.id for c in store.chunks()]
    assert len(stored) == len(set(stored)) == len(expected) == 40 + 4 * 30
    assert set(stored) == expected


def test_the_team_store_is_chosen_by_an_environment_variable(chroma_server, small_research: Path, monkeypatch):
    monkeypatch.setenv("CX_COPILOT_CHROMA_URL", chroma_server.url)
    store = ResearchStore.open(collection="from-env")
    ingest(small_research, store)
    assert ResearchStore.open(url=chroma_server.url, collection="from-env").count() == 14


def test_a_server_that_is_not_running_is_a_clear_error():
    from chroma_server import free_port

    with pytest.raises(StoreError, match=r"the Chroma server http://127.0.0.1:\d+ could not be opened.*chroma run"):
        ResearchStore.open(url=f"http://127.0.0.1:{free_port()}")
