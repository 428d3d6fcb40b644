from pathlib import Path

import pytest

from copilot.errors import StoreError
from copilot.research.loaders import load_file


def test_search_returns_quotes_with_their_source_and_location(small_research: Path, open_store):
    store = open_store()
    store.add(load_file(small_research / "survey.csv", small_research))
    hits = store.search("I want to talk to a human instead of the chatbot", k=2)
    assert hits[0].chunk.text.startswith("The chatbot never hands me over")
    assert hits[0].chunk.citation() == "survey.csv, row 4"
    assert hits[0].chunk.metadata["segment"] == "expat"
    assert 0 < hits[0].score <= 1


def test_adding_the_same_chunks_again_embeds_nothing(small_research: Path, open_store):
    store = open_store()
    chunks = load_file(small_research / "survey.csv", small_research)
    assert store.add(chunks) == 5
    assert store.add(chunks) == 0
    assert store.count() == 5


def test_a_store_reopened_from_disk_keeps_its_chunks(small_research: Path, open_store):
    store = open_store()
    store.add(load_file(small_research / "memo.md", small_research))
    reopened = open_store()
    assert reopened.count() == 2
    assert reopened.chunks()[0].metadata["section"] == "Memo klantcontact"


def test_opening_a_store_with_another_embedder_is_a_clear_error(open_store):
    open_store()

    class OtherEmbedder:
        name = "some-other-model"

    with pytest.raises(StoreError, match="built with the embedder 'minilm\\+e5-small-q4', not 'some-other-model'"):
        open_store(embedder=OtherEmbedder())


def test_metadata_filters_narrow_a_search(small_research: Path, open_store):
    store = open_store()
    store.add(load_file(small_research / "survey.csv", small_research))
    store.add(load_file(small_research / "memo.md", small_research))
    hits = store.search("termijnbedrag", k=5, where={"source": "memo.md"})
    assert hits and all(hit.chunk.source == "memo.md" for hit in hits)
