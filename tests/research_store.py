"""A research folder written from text and ingested for real: the store most step tests start from."""

from __future__ import annotations

import shutil
from pathlib import Path

from copilot.research.ingest import ingest
from copilot.research.store import ResearchStore


def store_of(tmp_path: Path, files: dict[str, str | Path]) -> ResearchStore:
    """A store of `files`: a name and its text, or a name and a fixture file to copy."""
    folder = tmp_path / "research"
    folder.mkdir()
    for name, content in files.items():
        if isinstance(content, Path):
            shutil.copy(content, folder / name)
        else:
            (folder / name).write_text(content, encoding="utf-8")
    store = ResearchStore.open(tmp_path / "store")
    report = ingest(folder, store)
    assert not report.failed, report.failed
    return store
