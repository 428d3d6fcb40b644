from pathlib import Path

from copilot.research.ingest import ingest


def test_a_folder_ingests_every_file_and_reports_progress(small_research: Path, open_store):
    store = open_store()
    seen = []
    report = ingest(small_research, store, on_progress=lambda done, total: seen.append((done, total)))
    assert report.counts() == {"added": 4}
    assert store.count() == report.embedded == 4 + 3 + 5 + 2
    assert seen[-1] == (14, 14)


def test_a_broken_file_is_reported_by_name_and_the_rest_still_goes_in(small_research: Path, open_store):
    (small_research / "kapot.csv").write_bytes(b"\x00\x01\x02binary\x00" * 200)
    (small_research / "leeg.txt").write_text("", encoding="utf-8")
    report = ingest(small_research, open_store())
    failed = {f.source: f.error for f in report.failed}
    assert set(failed) == {"kapot.csv", "leeg.txt"}
    assert "kapot.csv" in failed["kapot.csv"]
    assert report.counts()["added"] == 4


def test_ingesting_an_unchanged_folder_again_does_no_embedding_work(small_research: Path, open_store):
    store = open_store()
    ingest(small_research, store)
    again = ingest(small_research, store)
    assert again.embedded == 0
    assert again.counts() == {"unchanged": 4}


def test_a_changed_file_replaces_its_old_chunks_and_reuses_unchanged_ones(small_research: Path, open_store):
    store = open_store()
    ingest(small_research, store)
    memo = small_research / "memo.md"
    memo.write_text(memo.read_text(encoding="utf-8").replace("18 procent", "22 procent"), encoding="utf-8")
    report = ingest(small_research, store)
    assert report.counts() == {"unchanged": 3, "updated": 1}
    assert report.embedded == 1  # only the changed paragraph
    texts = [c.text for c in store.chunks(where={"source": "memo.md"})]
    assert len(texts) == 2 and any("22 procent" in t for t in texts) and not any("18 procent" in t for t in texts)
    assert ingest(small_research, store).counts() == {"unchanged": 4}


def test_pruning_removes_files_that_left_the_folder(small_research: Path, open_store):
    store = open_store()
    ingest(small_research, store)
    (small_research / "memo.md").unlink()
    report = ingest(small_research, store, prune=True)
    assert [f.source for f in report.files if f.status == "removed"] == ["memo.md"]
    assert "memo.md" not in store.sources()
