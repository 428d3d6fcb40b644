"""The research store: chunks and their vectors in Chroma, embedded on this machine by default or on a
team's shared `chroma run` server when `CX_COPILOT_CHROMA_URL` names one.

Only this module talks to Chroma; everything above it gets `Evidence` and `Chunk` objects.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from copilot.errors import StoreError
from copilot.research.chunks import Chunk
from copilot.research.embeddings import BUILT_IN, Embedder, Progress, chosen_spec, default_embedder

COLLECTION = "research"
WRITE_BATCH = 512
ID_BATCH = 8192  # ids per get/update/delete: SQLite refuses more than 32,766 variables in one statement
PAGE = 5000  # rows per page when reading the whole collection
_CHUNK_FIELDS = ("source", "location", "kind", "speaker", "role")


@dataclass(frozen=True)
class Evidence:
    """A retrieved quote with where it came from and how well it matched."""

    chunk: Chunk
    score: float

    @property
    def id(self) -> str:
        return self.chunk.id


class ResearchStore:
    """A Chroma collection of research chunks, with the embedder that made its vectors recorded on it."""

    def __init__(self, client, embedder: Embedder | None = None, collection: str = COLLECTION) -> None:
        self.embedder = embedder or default_embedder()
        self._collection = client.get_or_create_collection(
            collection,
            embedding_function=None,  # we pass vectors ourselves; Chroma's default would download a model
            configuration={"hnsw": {"space": "cosine"}},
            metadata={"embedder": self.embedder.name},
        )
        self.version = 0  # bumped by every write from this process, so readers know to refresh
        recorded = (self._collection.metadata or {}).get("embedder")
        if recorded != self.embedder.name and embedder is None and not chosen_spec() and recorded in BUILT_IN:
            self.embedder = BUILT_IN[recorded]()  # a store made before the default changed keeps its model
        if recorded != self.embedder.name:
            raise StoreError(
                f"The research store was built with the embedder {recorded!r}, not {self.embedder.name!r}. "
                "Choose the same embedder in the settings, or ingest the research into a new store."
            )

    @classmethod
    def open(cls, path: Path | None = None, url: str | None = None, **kwargs) -> ResearchStore:
        """The embedded store in `path`, or the Chroma server at `url` (or `CX_COPILOT_CHROMA_URL`)."""
        import chromadb

        url = url or os.environ.get("CX_COPILOT_CHROMA_URL")
        try:
            if url:
                parts = urlparse(url if "://" in url else f"http://{url}")
                client = chromadb.HttpClient(
                    host=parts.hostname or "127.0.0.1", port=parts.port or 8000, ssl=parts.scheme == "https"
                )
            else:
                if path is None:
                    raise StoreError("No store folder given and CX_COPILOT_CHROMA_URL is not set.")
                path.mkdir(parents=True, exist_ok=True)
                client = chromadb.PersistentClient(path=str(path))
            return cls(client, **kwargs)
        except StoreError:
            raise
        except Exception as error:  # Chroma raises many types; translate them at this one boundary
            where = f"the Chroma server {url}" if url else str(path)
            advice = " Is `chroma run` started there?" if url else ""
            raise StoreError(f"The research store at {where} could not be opened: {error}.{advice}") from error

    # --- writing -------------------------------------------------------------------------------

    def add(self, chunks: list[Chunk], progress: Progress | None = None) -> int:
        """Embed and store chunks that are not in the store yet; returns how many were new."""
        stored: dict[str, dict] = {}
        for part in _batches([c.id for c in chunks]):
            found = self._collection.get(ids=part, include=["metadatas"])
            stored.update(zip(found["ids"], found["metadatas"] or [{}] * len(found["ids"]), strict=True))
        # similar lengths in one batch waste less padding: survey answers and long turns embed apart
        new = sorted((chunk for chunk in chunks if chunk.id not in stored), key=lambda chunk: len(chunk.text))
        kept = [chunk for chunk in chunks if chunk.id in stored]
        # same text, new file version: refresh metadata (file hash, row), keep the vector; a resumed ingest
        # finds most of it already as it should be
        changed = [chunk for chunk in kept if stored[chunk.id] != _metadata(chunk)]
        for start in range(0, len(changed), ID_BATCH):
            part = changed[start : start + ID_BATCH]
            self._collection.update(ids=[c.id for c in part], metadatas=[_metadata(c) for c in part])
            self.version += 1
        if kept and progress:
            progress(len(kept))
        # Embedding (torch, which releases the GIL) and Chroma's writes overlap: write batch n while
        # embedding batch n+1, so ingest runs at close to the model's own speed
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=1) as writer:
            pending = None
            for start in range(0, len(new), WRITE_BATCH):
                batch = new[start : start + WRITE_BATCH]
                vectors = self.embedder.embed([c.embedding_text for c in batch], progress=progress)
                if pending:
                    pending.result()
                pending = writer.submit(self._write, batch, vectors)
            if pending:
                pending.result()
        return len(new)

    def _write(self, batch: list[Chunk], vectors: np.ndarray) -> None:
        self.version += 1
        # upsert, not add: on a shared server another person may be ingesting the same file right now
        self._collection.upsert(
            ids=[c.id for c in batch],
            embeddings=vectors,
            documents=[c.text for c in batch],
            metadatas=[_metadata(c) for c in batch],
        )

    def remove_source(self, source: str, keep: Iterable[str] = ()) -> int:
        """Delete the chunks of a file except those in `keep`; returns how many went."""
        ids = set(self.ids(where={"source": source})) - set(keep)
        for part in _batches(sorted(ids)):
            self._collection.delete(ids=part)
            self.version += 1
        return len(ids)

    def ids(self, where: dict | None = None) -> list[str]:
        """Every chunk id (matching `where`), read page by page."""
        found: list[str] = []
        while True:
            page = self._collection.get(where=where, include=[], limit=PAGE, offset=len(found))["ids"]
            found.extend(page)
            if len(page) < PAGE:
                return found

    def sources(self) -> dict[str, str]:
        """Every stored file with the content hash it was ingested at (read page by page)."""
        found: dict[str, str] = {}
        offset = 0
        while True:
            page = self._collection.get(include=["metadatas"], limit=PAGE, offset=offset)["metadatas"] or []
            for metadata in page:
                found[metadata["source"]] = metadata.get("file_hash", "")
            offset += len(page)
            if len(page) < PAGE:
                return found

    def source_state(self, source: str) -> tuple[str, int, int] | None:
        """(file hash, chunks the file gives, chunks stored) for a stored file; None when it is not stored.
        Stored fewer than it gives: an ingest was interrupted, or a file's old and new versions mix."""
        first = self._collection.get(where={"source": source}, include=["metadatas"], limit=1)["metadatas"]
        if not first:
            return None
        stored = len(self.ids(where={"source": source}))
        expected = int(first[0].get("file_chunks") or stored)  # stores from before file_chunks was recorded
        return first[0].get("file_hash", ""), expected, stored

    # --- reading -------------------------------------------------------------------------------

    def count(self) -> int:
        return self._collection.count()

    def search(self, query: str, k: int = 8, where: dict | None = None) -> list[Evidence]:
        """The k chunks closest in meaning to `query`."""
        return self.search_vector(self.embedder.embed([query])[0], k, where)

    def search_vector(self, vector: np.ndarray, k: int = 8, where: dict | None = None) -> list[Evidence]:
        """The k chunks closest to an already embedded query."""
        if self.count() == 0:
            return []
        result = self._collection.query(
            query_embeddings=[vector],
            n_results=min(k, self.count()),
            where=where,
            include=["documents", "metadatas", "distances"],
        )
        return [
            Evidence(_chunk(id_, text, meta), 1.0 - distance)
            for id_, text, meta, distance in zip(
                result["ids"][0], result["documents"][0], result["metadatas"][0], result["distances"][0], strict=True
            )
        ]

    def chunks(self, ids: list[str] | None = None, where: dict | None = None) -> list[Chunk]:
        found = []
        for part in _batches(ids) if ids is not None else [None]:
            result = self._collection.get(ids=part, where=where, include=["documents", "metadatas"])
            found += [_chunk(*row) for row in zip(result["ids"], result["documents"], result["metadatas"], strict=True)]
        return found

    def vectors(self, ids: list[str]) -> np.ndarray:
        """The stored vectors of `ids`, in that order."""
        found = {}
        for part in _batches(ids):
            result = self._collection.get(ids=part, include=["embeddings"])
            found.update(zip(result["ids"], result["embeddings"], strict=True))
        return np.asarray([found[i] for i in ids], dtype=np.float32).reshape(len(ids), -1)

    def chunks_with_vectors(self, where: dict | None = None) -> tuple[list[Chunk], np.ndarray]:
        result = self._collection.get(where=where, include=["documents", "metadatas", "embeddings"])
        chunks = [_chunk(*row) for row in zip(result["ids"], result["documents"], result["metadatas"], strict=True)]
        vectors = np.asarray(result["embeddings"], dtype=np.float32).reshape(len(chunks), -1)
        return chunks, vectors


def _batches(ids: list[str]) -> list[list[str]]:
    return [ids[start : start + ID_BATCH] for start in range(0, len(ids), ID_BATCH)]


def _metadata(chunk: Chunk) -> dict:
    # Chroma metadata values are flat scalars: the research's own columns sit beside ours, so a search can
    # filter on them (segment, channel, date); ours win if a column happens to share a name
    extra = {key: str(value) for key, value in chunk.metadata.items() if key not in _CHUNK_FIELDS and value != ""}
    return {**extra, **{name: getattr(chunk, name) for name in _CHUNK_FIELDS}}


def _chunk(id_: str, text: str, metadata: dict) -> Chunk:
    fields = {name: metadata.get(name, "") for name in _CHUNK_FIELDS}
    extra = {key: value for key, value in metadata.items() if key not in _CHUNK_FIELDS}
    return Chunk(id=id_, text=text, metadata=extra, **fields)
