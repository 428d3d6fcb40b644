"""Hybrid retrieval over a real store: meaning and words, filters, and diversity of sources."""

from pathlib import Path

import numpy as np
import pytest

from copilot.research.ingest import ingest
from copilot.research.lexical import LexicalIndex, tokens
from copilot.research.retrieval import Retriever, augment
from copilot.research.store import ResearchStore


@pytest.fixture(scope="module")
def retriever(example_store) -> Retriever:
    return Retriever(example_store)


def test_dutch_jargon_is_found_by_meaning_and_kept_by_words(retriever: Retriever):
    # MiniLM alone found at most one of these by meaning; the bilingual default finds them, and the words
    # (termijnbedrag is split into termijn · bedrag) keep them at the top of the hybrid search
    def mentions(mode: str) -> int:
        hits = retriever.search("termijnbedrag verhoogd zonder uitleg", k=8, mode=mode)
        assert len(hits) == 8 and all(hit.chunk.source and hit.chunk.location for hit in hits)
        assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
        return sum("termijnbedrag" in hit.chunk.text.lower() for hit in hits)

    assert mentions("hybrid") >= mentions("dense") >= 4


def test_interviewer_questions_are_not_returned_as_evidence(retriever: Retriever):
    hits = retriever.search("Je noemde het termijnbedrag. Klopt dat nu?", k=10)
    assert all(hit.chunk.role != "interviewer" for hit in hits)


def test_one_interview_does_not_fill_the_evidence(retriever: Retriever):
    hits = retriever.search("de medewerker aan de telefoon hielp me goed", k=8, where={"kind": "transcript"})
    per_source: dict[str, int] = {}
    for hit in hits:
        per_source[hit.chunk.source] = per_source.get(hit.chunk.source, 0) + 1
    assert len(hits) == 8 and max(per_source.values()) == 2


def test_metadata_from_a_survey_export_filters_the_search(retriever: Retriever):
    hits = retriever.search("chatbot", k=5, where={"segment": "expat"})
    assert hits and all(hit.chunk.metadata["segment"] == "expat" for hit in hits)
    both = retriever.search("chatbot", k=5, where={"$and": [{"segment": "expat"}, {"channel": "whatsapp"}]})
    assert all(h.chunk.metadata["channel"] == "whatsapp" and h.chunk.metadata["segment"] == "expat" for h in both)


def test_exact_jargon_is_found_by_its_words(retriever: Retriever):
    hits = retriever.search("salderingsregeling", k=5, mode="bm25")
    assert hits and all("salder" in hit.chunk.text.lower() for hit in hits)


def test_words_lift_an_exact_match_above_a_mere_paraphrase(tmp_path: Path):
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "notes.csv").write_text(
        "note\n"
        "Klant belt over de jaarafrekening die veel hoger uitviel dan verwacht\n"
        '"Klant belt over de jaarafrekening, code FACT-02, met een naheffing"\n'
        "Klant wil weten waarom de eindnota zo hoog is\n",
        encoding="utf-8",
    )
    store = ResearchStore.open(tmp_path / "store")
    ingest(folder, store)
    assert "FACT-02" in Retriever(store).search("FACT-02 jaarafrekening", k=1)[0].chunk.text


def test_the_index_follows_the_store_when_research_is_added(small_research: Path, tmp_path: Path):
    store = ResearchStore.open(tmp_path / "store")
    retriever = Retriever(store)
    assert retriever.search("anything") == []
    ingest(small_research, store)
    assert retriever.search("betalingsachterstand regeling", k=1)[0].chunk.source == "survey.csv"


def test_neighbour_averaging_pulls_a_vector_towards_its_neighbours():
    vectors = np.array([[1, 0], [0.9, 0.1], [0.8, 0.2], [0, 1]], dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    result = augment(vectors, neighbours=1, weight=1.0)
    assert np.allclose(np.linalg.norm(result, axis=1), 1)
    assert result[3] @ vectors[2] > vectors[3] @ vectors[2]


def test_stemming_matches_dutch_and_english_word_forms():
    index = LexicalIndex(["Het termijnbedrag werd verhoogd", "The instalments were raised", "Iets anders"])
    assert index.scores("termijnbedragen")[0] > 0
    assert index.scores("instalment")[1] > 0
    assert not index.scores("onbekendwoord").any()
    assert "de" not in tokens("de klant")


def test_empty_and_symbol_only_texts_do_not_break_the_word_index():
    index = LexicalIndex(["", "!!!", "echte tekst"])
    assert index.scores("tekst").argmax() == 2
