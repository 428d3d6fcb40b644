"""The research store: chunks and their vectors in Chroma, embedded on this machine by default or on a
team's shared `chroma run` server when `CX_COPILOT_CHROMA_URL` names one.

Two collections: the quotes as embedded, and beside it (`<name>.augmented`) the same quotes with their
neighbour-averaged vectors (`neighbours.py`), computed once when a quote is written, through Chroma's own
index, so a big store is searched by Chroma's HNSW instead of by a copy of every vector in memory. A quote
written later also refreshes the averaged vectors of the older quotes it is nearest to. Every write stamps
its quotes with the time (`added`): the change feed a client follows to keep its word index current.

Only this module talks to Chroma; everything above it gets `Evidence` and `Chunk` objects.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from copilot.errors import StoreError
from copilot.research.chunks import Chunk
from copilot.research.embeddings import BUILT_IN, Embedder, Progress, chosen_spec, default_embedder
from copilot.research.neighbours import NEIGHBOURS, blend, normalise

COLLECTION = "research"
WRITE_BATCH = 512
ID_BATCH = 8192  # ids per get/update/delete: SQLite refuses more than 32,766 variables in one statement
PAGE = 5000  # rows per page when reading the whole collection
_CHUNK_FIELDS = ("source", "location", "kind", "speaker", "role")
REFRESH = 2 * NEIGHBOURS  # nearest older quotes whose averaged vectors a new quote refreshes
STAMP = "added"  # metadata: when a quote was written (seconds since the epoch, the writer's clock)


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
        self._augmented = client.get_or_create_collection(
            f"{collection}.augmented", embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
        )
        self.version = 0  # bumped by every write from this process, so readers know to refresh
        self.folder: Path | None = None  # this machine's folder for the store (and its word index)
        self.address = ""  # the server's URL in team mode
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
            store = cls(client, **kwargs)
            store.folder, store.address = path, url or ""
            return store
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
        changed = [chunk for chunk in kept if {**stored[chunk.id], STAMP: 0} != {**_metadata(chunk), STAMP: 0}]
        for start in range(0, len(changed), ID_BATCH):
            part = changed[start : start + ID_BATCH]
            metadatas = [{**_metadata(c), STAMP: time.time()} for c in part]
            self._collection.update(ids=[c.id for c in part], metadatas=metadatas)
            self._augmented.update(ids=[c.id for c in part], metadatas=metadatas)
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

    def write(self, batch: list[Chunk], vectors: np.ndarray) -> None:
        """Store chunks with vectors already made (benchmarks with synthetic vectors; `add` embeds first)."""
        for start in range(0, len(batch), WRITE_BATCH):
            self._write(batch[start : start + WRITE_BATCH], vectors[start : start + WRITE_BATCH])

    def _write(self, batch: list[Chunk], vectors: np.ndarray) -> None:
        self.version += 1
        ids, documents = [c.id for c in batch], [c.text for c in batch]
        metadatas = [{**_metadata(c), STAMP: time.time()} for c in batch]
        # upsert, not add: on a shared server another person may be ingesting the same file right now
        self._collection.upsert(ids=ids, embeddings=vectors, documents=documents, metadatas=metadatas)
        self._write_augmented(ids, np.asarray(vectors, dtype=np.float32), documents, metadatas, refresh_older=True)

    def _write_augmented(
        self, ids: list[str], vectors: np.ndarray, documents: list[str], metadatas: list[dict], refresh_older: bool
    ) -> None:
        """Average each vector with its nearest quotes in the store (these included) and store it in the
        second collection; with `refresh_older`, the older quotes found nearest are averaged again too, as
        their neighbourhood changed."""
        vectors = normalise(vectors)
        augmented, older = self._averaged(ids, vectors)
        self._augmented.upsert(ids=ids, embeddings=augmented, documents=documents, metadatas=metadatas)
        if refresh_older and older:
            touched = sorted(older)
            for start in range(0, len(touched), WRITE_BATCH):
                part = touched[start : start + WRITE_BATCH]
                again, _ = self._averaged(part, np.asarray([older[i] for i in part], dtype=np.float32))
                self._augmented.update(ids=part, embeddings=again)

    def _averaged(self, ids: list[str], vectors: np.ndarray) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """Neighbour-averaged `vectors` (normalised, of `ids`), and the other quotes met as neighbours."""
        count = self._collection.count()
        if count <= NEIGHBOURS:  # as `augment`: a handful of quotes has no neighbourhood to learn from
            return vectors, {}
        # a few more than the neighbours: an older quote whose own neighbourhood the new one joins is usually
        # among them, though not always among the new quote's nearest three
        found = self._collection.query(
            query_embeddings=vectors, n_results=min(REFRESH + 1, count), include=["embeddings"]
        )
        own = set(ids)
        means = np.empty_like(vectors)
        older: dict[str, np.ndarray] = {}
        for row, (id_, near_ids, near_vectors) in enumerate(zip(ids, found["ids"], found["embeddings"], strict=True)):
            others = [(i, v) for i, v in zip(near_ids, near_vectors, strict=True) if i != id_]
            if not others:
                means[row] = 0
                continue
            near = normalise(np.asarray([v for _, v in others], dtype=np.float32))
            means[row] = near[:NEIGHBOURS].mean(axis=0)
            older.update((i, v) for (i, _), v in zip(others, near, strict=True) if i not in own)
        return blend(vectors, means), older

    def fill_augmented(self) -> int:
        """Give every quote its averaged vector (stores written before there were any, or by an older copilot),
        and drop averaged vectors of quotes that are gone; returns how many were added."""
        wanted, have = set(self.ids()), set(_all_ids(self._augmented))
        for part in _batches(sorted(have - wanted)):
            self._augmented.delete(ids=part)
        missing = sorted(wanted - have)
        for start in range(0, len(missing), WRITE_BATCH):
            found = self._collection.get(
                ids=missing[start : start + WRITE_BATCH], include=["embeddings", "documents", "metadatas"]
            )
            if found["ids"]:
                vectors = np.asarray(found["embeddings"], dtype=np.float32)
                # everything is in the store already, so each quote's neighbours are final: no refresh needed
                self._write_augmented(found["ids"], vectors, found["documents"], found["metadatas"], False)
        return len(missing)

    def remove_source(self, source: str, keep: Iterable[str] = ()) -> int:
        """Delete the chunks of a file except those in `keep`; returns how many went. (Quotes that had one of
        them as a neighbour keep their averaged vector until they are written again.)"""
        ids = set(self.ids(where={"source": source})) - set(keep)
        for part in _batches(sorted(ids)):
            self._collection.delete(ids=part)
            self._augmented.delete(ids=part)
            self.version += 1
        return len(ids)

    def ids(self, where: dict | None = None) -> list[str]:
        """Every chunk id (matching `where`), read page by page."""
        return _all_ids(self._collection, where)

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

    def augmented_count(self) -> int:
        return self._augmented.count()

    def identity(self) -> str:
        """Names this collection on this server or in this folder (a collection made again is another)."""
        return f"{self.address or self.folder}#{self._collection.name}#{self._collection.id}"

    def lexicon_folder(self) -> Path:
        """Where this machine keeps the store's word index: in the store's folder when there is one (the
        embedded store, or the workspace's folder in team mode), else in the user's cache."""
        key = hashlib.sha1(self.identity().encode()).hexdigest()[:12]
        if self.folder is not None:
            return self.folder / f"lexicon-{self._collection.name}-{key}"
        cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        return cache / "cx-copilot" / f"lexicon-{key}"

    def changes(self, since: float) -> tuple[list[str], list[str], float]:
        """(ids, texts, latest stamp) of the quotes written at or after `since` (read page by page)."""
        ids: list[str] = []
        texts: list[str] = []
        latest = since
        while True:
            page = self._collection.get(
                where={STAMP: {"$gte": since}}, include=["documents", "metadatas"], limit=PAGE, offset=len(ids)
            )
            ids.extend(page["ids"])
            texts.extend(page["documents"] or [])
            latest = max([latest, *(float(m.get(STAMP, 0)) for m in page["metadatas"] or [])])
            if len(page["ids"]) < PAGE:
                return ids, texts, latest

    def texts(self, ids: list[str]) -> tuple[list[str], list[str], float]:
        """(ids, texts, latest stamp) of the quotes of `ids` still in the store."""
        found_ids: list[str] = []
        texts: list[str] = []
        latest = 0.0
        for part in _batches(ids):
            found = self._collection.get(ids=part, include=["documents", "metadatas"])
            found_ids += found["ids"]
            texts += found["documents"] or []
            latest = max([latest, *(float(m.get(STAMP, 0)) for m in found["metadatas"] or [])])
        return found_ids, texts, latest

    def nearest_vectors(self, vector: np.ndarray, n: int) -> np.ndarray:
        """The stored (as embedded) vectors of the `n` quotes nearest to `vector`, by Chroma's index."""
        found = self._collection.query(query_embeddings=[vector], n_results=n, include=["embeddings"])
        return np.asarray(found["embeddings"][0], dtype=np.float32).reshape(-1, len(vector))

    def candidates(
        self, vector: np.ndarray, n: int, where: dict | None = None, augmented: bool = True
    ) -> list[Evidence]:
        """The `n` quotes nearest to `vector` by Chroma's index, among the averaged vectors (or those as
        embedded), scored by cosine similarity."""
        collection = self._augmented if augmented else self._collection
        result = collection.query(
            query_embeddings=[vector], n_results=n, where=where, include=["documents", "metadatas", "distances"]
        )
        return _scored(result)

    # Word candidates are fetched with their averaged vectors (`augmented_of`) and scored here: at 100,000 quotes
    # a `get` of 200 with vectors took 32 ms at p50, Chroma's own query restricted to those ids 118 ms.
    def augmented_of(self, ids: list[str]) -> tuple[list[Chunk], np.ndarray]:
        """Chunks of `ids` with their averaged vectors (in the store's order; ids not there are left out)."""
        chunks: list[Chunk] = []
        vectors: list = []
        for part in _batches(ids):
            result = self._augmented.get(ids=part, include=["documents", "metadatas", "embeddings"])
            chunks += [
                _chunk(*row) for row in zip(result["ids"], result["documents"], result["metadatas"], strict=True)
            ]
            vectors += list(result["embeddings"])
        if not chunks:
            return [], np.zeros((0, 0), dtype=np.float32)
        return chunks, np.asarray(vectors, dtype=np.float32)

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
        return _scored(result)

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
        if not chunks:  # an empty store: numpy cannot infer the width of no vectors
            return [], np.zeros((0, 0), dtype=np.float32)
        vectors = np.asarray(result["embeddings"], dtype=np.float32).reshape(len(chunks), -1)
        return chunks, vectors


def _scored(result: dict) -> list[Evidence]:
    """A one-query Chroma result as evidence, scored by cosine similarity."""
    rows = zip(result["ids"][0], result["documents"][0], result["metadatas"][0], result["distances"][0], strict=True)
    return [Evidence(_chunk(id_, text, meta), 1.0 - distance) for id_, text, meta, distance in rows]


def _all_ids(collection, where: dict | None = None) -> list[str]:
    found: list[str] = []
    while True:
        page = collection.get(where=where, include=[], limit=PAGE, offset=len(found))["ids"]
        found.extend(page)
        if len(page) < PAGE:
            return found


def _batches(ids: list[str]) -> list[list[str]]:
    return [ids[start : start + ID_BATCH] for start in range(0, len(ids), ID_BATCH)]


def _metadata(chunk: Chunk) -> dict:
    # Chroma metadata values are flat scalars: the research's own columns sit beside ours, so a search can
    # filter on them (segment, channel, date); ours win if a column happens to share a name
    extra = {key: str(value) for key, value in chunk.metadata.items() if key not in _CHUNK_FIELDS and value != ""}
    return {**extra, **{name: getattr(chunk, name) for name in _CHUNK_FIELDS}}


def _chunk(id_: str, text: str, metadata: dict) -> Chunk:
    fields = {name: metadata.get(name, "") for name in _CHUNK_FIELDS}
    extra = {key: value for key, value in metadata.items() if key not in _CHUNK_FIELDS and key != STAMP}
    return Chunk(id=id_, text=text, metadata=extra, **fields)
