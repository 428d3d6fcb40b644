"""Neighbour averaging: a quote's vector plus a share of the mean of its nearest quotes' vectors.

Short customer texts are noisy; their neighbourhood is a steadier signal of what they are about. The exact
in-memory retriever averages over every pair at load time (`augment`); a big store averages once at ingest,
through Chroma's own index, and keeps the result beside the quote (`ResearchStore` writes it).
"""

from __future__ import annotations

import numpy as np

NEIGHBOURS = 3  # how many nearest quotes are averaged into a quote's (and a query's) vector
NEIGHBOUR_WEIGHT = 0.5
_BLOCK = 2048  # rows per block when finding every quote's neighbours, to bound memory


def normalise(matrix: np.ndarray) -> np.ndarray:
    return matrix / np.maximum(np.linalg.norm(matrix, axis=-1, keepdims=True), 1e-12)


def blend(vectors: np.ndarray, neighbour_means: np.ndarray, weight: float = NEIGHBOUR_WEIGHT) -> np.ndarray:
    """Each vector plus `weight` × the mean of its neighbours, normalised."""
    return normalise(vectors + weight * neighbour_means)


def augment(vectors: np.ndarray, neighbours: int = NEIGHBOURS, weight: float = NEIGHBOUR_WEIGHT) -> np.ndarray:
    """Each vector plus `weight` × the mean of its `neighbours` nearest other vectors, normalised."""
    n = len(vectors)
    if n <= neighbours:
        return vectors.copy()
    result = np.empty_like(vectors)
    for start in range(0, n, _BLOCK):
        block = vectors[start : start + _BLOCK] @ vectors.T
        block[np.arange(len(block)), np.arange(start, start + len(block))] = -np.inf  # not itself
        nearest = np.argpartition(-block, neighbours, axis=1)[:, :neighbours]
        result[start : start + len(block)] = vectors[start : start + len(block)] + weight * vectors[nearest].mean(
            axis=1
        )
    return normalise(result)
