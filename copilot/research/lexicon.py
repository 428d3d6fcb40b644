"""A persistent BM25 index for a big store: saved in a folder, memory-mapped, grown a batch at a time.

`LexicalIndex` (lexical.py) builds bm25s over a fixed list of texts and is rebuilt when anything changes;
past a few thousand quotes that rebuild, and holding every text to redo it, is what a search cannot afford.
Here each batch of new quotes becomes one segment of postings (term → rows, term frequencies) written as
.npy files and opened memory-mapped; removed quotes are marked dead. Document frequencies, the number of
quotes and their mean length are taken over the living quotes at query time, so the scores are exactly
bm25s' (Lucene variant, k1 = 1.5, b = 0.75) over the store as it is, without ever re-indexing. Segments are
merged when there are many (postings only: no text is tokenised again).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import numpy as np

from copilot.research.language import detect
from copilot.research.lexical import tokens

K1, B = 1.5, 0.75
MERGE_AT = 16  # segments; each sync that finds new quotes adds one
_EMPTY = "\u2205"  # what LexicalIndex gives a text without words, so both score alike


class Lexicon:
    """BM25 over the quotes of one store, kept in `folder`; `stamp` remembers how far the store's change
    feed has been read."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._reset()
        self._load()

    def _reset(self) -> None:
        self.ids: list[str] = []
        self.rows: dict[str, int] = {}
        self.terms: dict[str, int] = {}
        self.lengths = np.zeros(0, dtype=np.float32)
        self.alive = np.zeros(0, dtype=bool)
        self.dutch = 0  # living quotes detected as Dutch: which language an unclear query is read in
        self.stamp = 0.0
        self.source = ""  # which store this index belongs to
        self._segments: list[tuple[str, np.ndarray, np.ndarray, np.ndarray]] = []  # name, indptr, rows, tf
        self._dutch_rows: set[int] = set()

    # --- state ----------------------------------------------------------------------------------

    @property
    def size(self) -> int:
        return int(self.alive.sum())

    def __contains__(self, id_: str) -> bool:
        row = self.rows.get(id_)
        return row is not None and bool(self.alive[row])

    def living_ids(self) -> set[str]:
        return {id_ for id_, row in self.rows.items() if self.alive[row]}

    @property
    def language(self) -> str:
        return "nl" if self.dutch > self.size / 2 else "en"

    # --- writing --------------------------------------------------------------------------------

    def add(self, ids: list[str], texts: list[str]) -> int:
        """Index quotes not indexed yet (one new segment); returns how many were new."""
        fresh = [(i, t) for i, t in dict(zip(ids, texts, strict=True)).items() if i not in self]
        if not fresh:
            return 0
        first = len(self.ids)
        postings: dict[int, list[tuple[int, int]]] = {}
        lengths = np.empty(len(fresh), dtype=np.float32)
        for offset, (_, text) in enumerate(fresh):
            words = tokens(text) or [_EMPTY]
            lengths[offset] = len(words)
            counts: dict[str, int] = {}
            for word in words:
                counts[word] = counts.get(word, 0) + 1
            for word, tf in counts.items():
                term = self.terms.get(word)
                if term is None:
                    term = self.terms[word] = len(self.terms)
                postings.setdefault(term, []).append((first + offset, tf))
            if detect(text) == "nl":
                self._dutch_rows.add(first + offset)
        for offset, (id_, _) in enumerate(fresh):  # removed before and back again: the old row stays dead
            self.rows[id_] = first + offset
            self.ids.append(id_)
        self.lengths = np.concatenate([self.lengths, lengths])
        self.alive = np.concatenate([self.alive, np.ones(len(fresh), dtype=bool)])
        self._append_segment(postings)
        self._recount()
        return len(fresh)

    def remove(self, ids: list[str]) -> int:
        gone = [self.rows[i] for i in ids if i in self]
        self.alive[gone] = False
        self._recount()
        return len(gone)

    def _recount(self) -> None:
        self.dutch = sum(1 for row in self._dutch_rows if self.alive[row])

    def _append_segment(self, postings: dict[int, list[tuple[int, int]]]) -> None:
        vocabulary = len(self.terms)
        counts = np.zeros(vocabulary, dtype=np.int64)
        for term, entries in postings.items():
            counts[term] = len(entries)
        indptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        rows = np.empty(indptr[-1], dtype=np.int32)
        tf = np.empty(indptr[-1], dtype=np.float32)
        for term, entries in postings.items():
            block = np.asarray(entries)
            rows[indptr[term] : indptr[term + 1]] = block[:, 0]
            tf[indptr[term] : indptr[term + 1]] = block[:, 1]
        name = f"seg{len(self.ids):09d}-{os.getpid()}"
        self._segments.append((name, indptr, rows, tf))
        if len(self._segments) > MERGE_AT:
            self._merge()

    def _merge(self) -> None:
        """All segments into one (their postings concatenated per term; dead rows dropped)."""
        vocabulary = len(self.terms)
        parts_rows, parts_tf, parts_term = [], [], []
        for _, indptr, rows, tf in self._segments:
            counts = np.diff(indptr)
            parts_term.append(np.repeat(np.arange(len(counts)), counts))
            parts_rows.append(np.asarray(rows))
            parts_tf.append(np.asarray(tf))
        term = np.concatenate(parts_term)
        rows = np.concatenate(parts_rows)
        tf = np.concatenate(parts_tf)
        keep = self.alive[rows]
        term, rows, tf = term[keep], rows[keep], tf[keep]
        order = np.lexsort((rows, term))
        indptr = np.concatenate([[0], np.cumsum(np.bincount(term, minlength=vocabulary))]).astype(np.int64)
        self._segments = [(f"merged{len(self.ids):09d}-{os.getpid()}", indptr, rows[order], tf[order])]

    def save(self) -> None:
        """Write what changed; the manifest is replaced last, so a reader never sees half a save."""
        self.folder.mkdir(parents=True, exist_ok=True)
        names = [name for name, *_ in self._segments]
        for name, indptr, rows, tf in self._segments:
            if not (self.folder / f"{name}.indptr.npy").exists():
                np.save(self.folder / f"{name}.indptr.npy", indptr)
                np.save(self.folder / f"{name}.rows.npy", rows)
                np.save(self.folder / f"{name}.tf.npy", tf)
        with (self.folder / "ids.txt").open("w", encoding="utf-8") as file:
            file.write("\n".join(self.ids))
        with (self.folder / "terms.txt").open("w", encoding="utf-8") as file:
            file.write("\n".join(self.terms))
        np.save(self.folder / "lengths.npy", self.lengths)
        np.save(self.folder / "alive.npy", self.alive)
        np.save(self.folder / "dutch.npy", np.fromiter(sorted(self._dutch_rows), dtype=np.int64))
        manifest = {
            "segments": names,
            "rows": len(self.ids),
            "terms": len(self.terms),
            "stamp": self.stamp,
            "source": self.source,
        }
        temporary = self.folder / "manifest.json.tmp"
        temporary.write_text(json.dumps(manifest), encoding="utf-8")
        temporary.replace(self.folder / "manifest.json")
        for path in self.folder.glob("*.npy"):  # segments merged away
            if path.name.split(".")[0] not in names and path.name.count(".") == 2:
                path.unlink(missing_ok=True)

    def clear(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        self._reset()

    def _load(self) -> None:
        manifest_path = self.folder / "manifest.json"
        if not manifest_path.exists():
            return
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
            rows, vocabulary = manifest["rows"], manifest["terms"]
            self.ids = (self.folder / "ids.txt").read_text(encoding="utf-8").split("\n")[:rows] if rows else []
            words = (self.folder / "terms.txt").read_text(encoding="utf-8").split("\n")[:vocabulary]
            self.terms = {word: n for n, word in enumerate(words)} if vocabulary else {}
            self.lengths = np.load(self.folder / "lengths.npy")[:rows]
            self.alive = np.load(self.folder / "alive.npy")[:rows].copy()
            self._dutch_rows = set(np.load(self.folder / "dutch.npy").tolist())
            self._segments = [
                (
                    name,
                    np.load(self.folder / f"{name}.indptr.npy", mmap_mode="r"),
                    np.load(self.folder / f"{name}.rows.npy", mmap_mode="r"),
                    np.load(self.folder / f"{name}.tf.npy", mmap_mode="r"),
                )
                for name in manifest["segments"]
            ]
            self.stamp, self.source = manifest["stamp"], manifest["source"]
        except (OSError, ValueError, KeyError):  # a broken index is rebuilt from the store, never trusted
            self._reset()
            return
        self.rows = {id_: row for row, id_ in enumerate(self.ids)}
        self._recount()

    # --- reading --------------------------------------------------------------------------------

    def scores(self, query: str) -> tuple[np.ndarray, np.ndarray]:
        """(rows, BM25 scores) of the living quotes sharing a word with `query`; the same scores bm25s gives."""
        known = [self.terms[t] for t in dict.fromkeys(tokens(query)) if t in self.terms]
        n = self.size
        if not known or n == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        average = float(self.lengths[self.alive].mean())
        all_rows, all_weights = [], []
        for term in known:
            rows = np.concatenate([_postings(segment, term)[0] for segment in self._segments])
            tf = np.concatenate([_postings(segment, term)[1] for segment in self._segments])
            living = self.alive[rows]
            rows, tf = rows[living], tf[living]
            if len(rows) == 0:
                continue
            idf = np.log(1 + (n - len(rows) + 0.5) / (len(rows) + 0.5))
            norm = K1 * ((1 - B) + B * self.lengths[rows] / average)
            all_rows.append(rows)
            all_weights.append(idf * tf / (norm + tf))
        if not all_rows:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        rows = np.concatenate(all_rows)
        unique, inverse = np.unique(rows, return_inverse=True)
        return unique, np.bincount(inverse, weights=np.concatenate(all_weights)).astype(np.float32)


def _postings(segment, term: int) -> tuple[np.ndarray, np.ndarray]:
    _, indptr, rows, tf = segment
    if term + 1 >= len(indptr):  # the term is newer than the segment
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)
    start, end = int(indptr[term]), int(indptr[term + 1])
    return np.asarray(rows[start:end]), np.asarray(tf[start:end])
