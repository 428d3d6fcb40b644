"""Contact-centre sized exports: more ids than SQLite takes in one statement, an interrupted ingest that resumes
without embedding again, progress towards a known total, and a search filtered to one file.

The embedding model is replaced by a small hashing embedder here (the speed of the real one is measured in
bench/ingest_large.py); Chroma, the files and the ingest are real."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import numpy as np
import pytest

from copilot.research import ingest as ingest_module
from copilot.research.ingest import ingest
from copilot.research.store import ResearchStore

REASONS = ["termijnbedrag", "verhuizing", "meterstand", "storing", "factuur", "betalingsregeling", "chatbot"]


class HashingEmbedder:
    """Vectors from a digest of the text: deterministic and nearly free, so a test can store 33,000 quotes."""

    name = "test-hashing"

    def embed(self, texts, progress=None) -> np.ndarray:
        digests = b"".join(hashlib.blake2b(text.encode("utf-8", "replace"), digest_size=32).digest() for text in texts)
        vectors = np.frombuffer(digests, dtype=np.uint8).reshape(len(texts), 32).astype(np.float32) - 127.5
        if progress:
            progress(len(texts))
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


def write_export(path: Path, rows: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["contact_id", "datum", "kanaal", "reden", "notitie"])
        for n in range(rows):
            reason = REASONS[n % len(REASONS)]
            note = f"Klant {n} belde over {reason}; uitgelegd wat er verandert en teruggebeld op dag {n % 28 + 1}"
            writer.writerow([f"CT-{n:07d}", f"2026-07-{n % 28 + 1:02d}", ["telefoon", "chat"][n % 2], reason, note])
    return path


def test_an_export_with_more_rows_than_sqlite_takes_variables_goes_in_and_again_costs_nothing(tmp_path: Path):
    folder = tmp_path / "research"
    folder.mkdir()
    write_export(folder / "contacten.csv", 33_000)
    store = ResearchStore.open(tmp_path / "store", embedder=HashingEmbedder())
    seen: list[tuple[int, int]] = []
    report = ingest(folder, store, on_progress=lambda done, total: seen.append((done, total)))
    assert report.counts() == {"added": 1} and report.embedded == 33_000 and store.count() == 33_000
    assert {total for _, total in seen} == {33_000} and seen[-1] == (33_000, 33_000)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    again = ingest(folder, store)
    assert again.counts() == {"unchanged": 1} and again.embedded == 0
    assert len(store.chunks(ids=store.ids()[:40_000])) == 33_000  # a long id list is read in batches
    write_export(folder / "contacten.csv", 32_990)  # ten rows fewer: the file changed
    changed = ingest(folder, store)
    assert changed.counts() == {"updated": 1} and changed.embedded == 0 and store.count() == 32_990


def test_an_interrupted_ingest_resumes_without_embedding_what_is_in(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(ingest_module, "BATCH", 100)
    folder = tmp_path / "research"
    folder.mkdir()
    write_export(folder / "contacten.csv", 1_000)
    (folder / "memo.txt").write_text("Het aantal herhaalcontacten steeg met 18 procent.\n", encoding="utf-8")
    store = ResearchStore.open(tmp_path / "store", embedder=HashingEmbedder())

    def interrupt(done: int, total: int) -> None:
        if done >= 450:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest(folder, store, on_progress=interrupt)
    stored = store.count()
    assert 0 < stored < 1_001
    report = ingest(folder, store)
    assert report.embedded == 1_001 - stored and store.count() == 1_001
    assert {f.source: f.status for f in report.files}["contacten.csv"] in {"resumed", "added"}
    assert ingest(folder, store).counts() == {"unchanged": 2}


def test_a_search_filtered_to_one_file_is_not_cut_short_by_the_diversity_limit(example_store):
    from copilot.research.retrieval import Retriever

    source = "interviews/interview_01_verhuizing_nl.txt"
    hits = Retriever(example_store).search("verhuizing", k=8, where={"source": source})
    assert len(hits) == 8 and {hit.chunk.source for hit in hits} == {source}
    unfiltered = Retriever(example_store).search("verhuizing", k=8, where={"kind": "transcript"})
    assert max(sum(hit.chunk.source == s for hit in unfiltered) for s in {h.chunk.source for h in unfiltered}) == 2
