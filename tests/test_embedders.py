"""Choosing the embedder: the packaged model, a local model folder, or LangChain embeddings."""

from pathlib import Path

import numpy as np
import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding

from copilot.errors import StoreError
from copilot.research.embeddings import LangChainEmbedder, MiniLMEmbedder, embedder_from_spec
from copilot.research.ingest import ingest
from copilot.research.store import ResearchStore


def test_the_packaged_bilingual_model_is_the_default_and_embeds_offline(monkeypatch):
    monkeypatch.delenv("CX_COPILOT_EMBEDDER", raising=False)
    embedder = embedder_from_spec()
    assert embedder.name == "minilm+e5-small-q4"
    vectors = embedder.embed(["De chatbot begreep me niet", "The chatbot did not understand me"])
    assert vectors.shape == (2, 768) and np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)


def test_the_multilingual_model_puts_a_dutch_quote_nearer_its_english_meaning_than_another_topic():
    vectors = embedder_from_spec("e5").embed(
        [
            "Ik hing drie kwartier in de wacht voordat ik iemand aan de lijn kreeg.",
            "I was on hold for forty-five minutes before anyone answered.",
            "Mijn wachtwoord werkt niet meer en ik kan niet inloggen.",
        ]
    )
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_the_multilingual_model_alone_can_be_chosen():
    embedder = embedder_from_spec("e5")
    assert embedder.name == "multilingual-e5-small-q4"
    assert embedder.embed(["hallo", "dag"]).shape == (2, 384)


def test_a_store_made_with_minilm_keeps_it_when_nothing_is_chosen(tmp_path: Path, small_research: Path, monkeypatch):
    monkeypatch.delenv("CX_COPILOT_EMBEDDER", raising=False)
    store = ResearchStore.open(tmp_path / "store", embedder=MiniLMEmbedder())
    ingest(small_research, store)
    reopened = ResearchStore.open(tmp_path / "store")
    assert reopened.embedder.name == "minilm-l6-v2"
    assert reopened.search("chatbot", k=1)[0].chunk.text
    monkeypatch.setenv("CX_COPILOT_EMBEDDER", "bilingual")
    with pytest.raises(StoreError, match="built with the embedder 'minilm-l6-v2', not 'minilm\\+e5-small-q4'"):
        ResearchStore.open(tmp_path / "store")


def test_a_local_sentence_transformers_folder_can_be_chosen(monkeypatch):
    folder = MiniLMEmbedder().path
    monkeypatch.setenv("CX_COPILOT_EMBEDDER", f"st:{folder}")
    embedder = embedder_from_spec()
    assert embedder.name == f"st:{folder.name}"
    assert embedder.embed(["hallo"]).shape == (1, 384)


def test_a_folder_without_a_model_is_a_clear_error(tmp_path: Path):
    with pytest.raises(StoreError, match="No sentence-transformers model in"):
        embedder_from_spec(f"st:{tmp_path}")


def test_an_unknown_embedder_lists_the_choices():
    with pytest.raises(StoreError, match="use bilingual, minilm, e5, st:/path/to/model, ollama:MODEL or openai:MODEL"):
        embedder_from_spec("word2vec")


def test_openai_embeddings_without_a_key_name_the_variable(monkeypatch):
    from copilot.llm import ModelConfigError

    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(ModelConfigError, match="OPENAI_API_KEY"):
        embedder_from_spec("openai:text-embedding-3-small")


def test_a_store_records_its_embedder_and_refuses_another(tmp_path: Path, small_research: Path):
    fake = LangChainEmbedder(DeterministicFakeEmbedding(size=16), "fake:16")
    store = ResearchStore.open(tmp_path / "store", embedder=fake)
    ingest(small_research, store)
    assert store.search("chatbot", k=1)[0].chunk.text
    with pytest.raises(StoreError, match="built with the embedder 'fake:16', not 'minilm\\+e5-small-q4'"):
        ResearchStore.open(tmp_path / "store")


def test_redaction_at_ingest_keeps_personal_data_out_of_the_store(tmp_path: Path):
    folder = tmp_path / "research"
    folder.mkdir()
    (folder / "interview.txt").write_text(
        "# Interview\n\nSanne de Vries (interviewer): Hoe kunnen we je bereiken?\n\n"
        "Mohamed El Amrani: Mail naar m.elamrani88@gmail.com of bel 06-41238765, ik ben Mohamed.\n",
        encoding="utf-8",
    )
    store = ResearchStore.open(tmp_path / "store")
    ingest(folder, store, redact=True)
    texts = " ".join(c.text + " " + c.speaker for c in store.chunks())
    for secret in ("elamrani88", "06-41238765", "Mohamed", "Sanne"):
        assert secret not in texts
    assert "[Persoon" in texts and "[e-mail 1]" in texts
