"""Ingest a research folder into the store, file by file, with a report a person can read.

A file that fails is reported and skipped; the rest still goes in. Files of other types, and links that point
outside the folder, are listed as skipped with the reason: ingest never reads outside the folder it was given.
An unchanged file costs no embedding work; a changed file's chunks are replaced, and chunks whose text did not
change keep their vectors. Files are streamed in batches, so a 500,000-row export needs no more memory than a
small one, and an interrupted ingest resumes where it stopped: what is in the store is not embedded again.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from copilot.errors import ResearchFileError
from copilot.research.chunks import Chunk
from copilot.research.loaders import LOADERS, Loaded, Note, open_file, safe_name, supported
from copilot.research.store import ResearchStore

OnProgress = Callable[[int, int], None]  # (done, total) in chunks
BATCH = 2048  # chunks read, embedded and written together: bounds memory whatever the file's size
SIDECAR_SUFFIX = ".columns.yaml"


@dataclass
class FileResult:
    source: str
    status: str  # added | updated | resumed | unchanged | failed | removed | skipped
    chunks: int = 0
    error: str = ""  # in English, for logs and the command line
    cause: ResearchFileError | None = field(default=None, repr=False, compare=False)  # to say it in Dutch too
    notes: list[Note] = field(default_factory=list, repr=False, compare=False)

    def problem(self, language: str) -> str:
        return self.cause.say(language) if self.cause else self.error


@dataclass
class IngestReport:
    files: list[FileResult] = field(default_factory=list)
    embedded: int = 0

    @property
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if f.status == "failed"]

    @property
    def skipped(self) -> list[FileResult]:
        return [f for f in self.files if f.status == "skipped"]

    def notes(self) -> list[Note]:
        return [note for result in self.files for note in result.notes]

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for result in self.files:
            counts[result.status] = counts.get(result.status, 0) + 1
        return counts


def research_files(folder: Path) -> list[Path]:
    """Supported files under `folder` (links out of it, hidden files and READMEs about the corpus left out)."""
    return find_files(Path(folder).resolve())[0]


def find_files(folder: Path) -> tuple[list[Path], list[FileResult]]:
    """The research files under `folder`, and what was skipped with the reason. Links are followed only when
    they stay inside the folder: a link to /etc/passwd is reported, never read."""
    found: list[Path] = []
    skipped: list[FileResult] = []

    def skip(path: Path, key: str, **params) -> None:
        error = ResearchFileError(path, key=key, **params)
        skipped.append(FileResult(_source(path, folder), "skipped", error=str(error), cause=error))

    for top, dirs, files in os.walk(folder, followlinks=False):
        here = Path(top)
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in list(dirs):
            if (here / name).is_symlink():
                dirs.remove(name)
                if not _inside(here / name, folder):
                    skip(here / name, "outside_folder")
        for name in sorted(files):
            path = here / name
            if name.startswith((".", "~$")) or name.lower() == "readme.md" or name.endswith(SIDECAR_SUFFIX):
                continue  # hidden files, Office's lock files, the corpus's own README, column choices
            if path.is_symlink() and not _inside(path, folder):
                skip(path, "outside_folder")
            elif not path.is_file():
                continue
            elif path.suffix.lower() not in LOADERS:
                skip(path, "unsupported", suffix=path.suffix or "(none)", supported=supported())
            else:
                found.append(path)
    return sorted(found), skipped


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve(strict=True).is_relative_to(folder)
    except (OSError, RuntimeError):  # a broken or looping link
        return False


def _source(path: Path, folder: Path) -> str:
    return safe_name(path.relative_to(folder).as_posix())


def ingest(
    folder: Path,
    store: ResearchStore,
    on_progress: OnProgress | None = None,
    prune: bool = False,
    redact: bool = False,
) -> IngestReport:
    """Ingest every research file in `folder`; with `redact`, personal data never enters the store."""
    folder = Path(folder).resolve()
    if not folder.is_dir():
        raise ResearchFileError(folder, key="not_a_folder")
    files, skipped = find_files(folder)
    report = IngestReport(files=list(skipped))
    pending: list[tuple[FileResult, Loaded, str]] = []
    for path in files:
        source = _source(path, folder)
        try:
            file_hash = _hash(path)
            state = store.source_state(source)
            if state and state[0] == file_hash and state[1] == state[2]:
                report.files.append(FileResult(source, "unchanged", state[2]))
                continue
            loaded = open_file(path, folder)
        except ResearchFileError as error:
            report.files.append(FileResult(source, "failed", error=str(error), cause=error))
            continue
        except Exception as error:  # noqa: BLE001 - one unreadable file never stops the rest of the folder
            report.files.append(_unexpected(path, source, error))
            continue
        status = "added" if state is None else "resumed" if state[0] == file_hash else "updated"
        result = FileResult(source, status, loaded.count, notes=loaded.notes)
        report.files.append(result)
        pending.append((result, loaded, file_hash))

    total = sum(loaded.count for _, loaded, _ in pending)
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if on_progress:
            on_progress(min(done, total), total)

    if on_progress:
        on_progress(0, total)
    for result, loaded, file_hash in pending:
        before = done
        try:
            report.embedded += _store_file(loaded, file_hash, store, advance, redact, replace_old=result.status)
        except ResearchFileError as error:  # e.g. the file changed or broke between checking and reading it
            result.status, result.error, result.cause = "failed", str(error), error
            done = before + loaded.count
        except Exception as error:  # noqa: BLE001
            failed = _unexpected(Path(loaded.source), loaded.source, error)
            result.status, result.error, result.cause = "failed", failed.error, failed.cause
            done = before + loaded.count
    if prune:
        present = {f.source for f in report.files if f.status != "skipped"}
        for source in sorted(set(store.sources()) - present):
            report.files.append(FileResult(source, "removed", store.remove_source(source)))
    if on_progress:
        on_progress(total, total)
    return report


def _store_file(loaded: Loaded, file_hash: str, store: ResearchStore, advance, redact: bool, replace_old: str) -> int:
    """Embed and write one file in batches; ids of chunks already in the store are not embedded again."""
    extra = {"file_hash": file_hash, "file_chunks": str(loaded.count)}
    embedded = 0
    ids: list[str] = []
    redaction = _FileRedaction() if redact else None
    batch: list[Chunk] = []
    for chunk in loaded.chunks():
        batch.append(chunk)
        if len(batch) == BATCH:
            embedded += _write(batch, extra, store, advance, ids, redaction)
            batch = []
    if batch:
        embedded += _write(batch, extra, store, advance, ids, redaction)
    if replace_old != "added":
        store.remove_source(loaded.source, keep=ids)
    return embedded


def _write(batch: list[Chunk], extra: dict, store: ResearchStore, advance, ids: list[str], redaction) -> int:
    if redaction is not None:
        batch = redaction(batch)
    batch = [replace(chunk, metadata={**chunk.metadata, **extra}) for chunk in batch]
    ids.extend(chunk.id for chunk in batch)
    return store.add(batch, progress=advance)


def _unexpected(path: Path, source: str, error: Exception) -> FileResult:
    detail = f"{type(error).__name__}: {error}"[:300]
    cause = ResearchFileError(path, key="unexpected", detail=detail)
    return FileResult(source, "failed", error=str(cause), cause=cause)


def _hash(path: Path) -> str:
    try:
        with path.open("rb") as file:
            return hashlib.file_digest(file, "sha256").hexdigest()[:16]
    except OSError as error:
        raise ResearchFileError(path, key="unreadable", reason=error.strerror) from error


class _FileRedaction:
    """One redactor for a whole file, batch after batch, so "Persoon 1" stays the same person throughout; ids
    follow the stored (redacted) text, with repeats counted over the whole file."""

    def __init__(self) -> None:
        self.redactor = None
        self.seen: dict[bytes, int] = {}

    def __call__(self, chunks: list[Chunk]) -> list[Chunk]:
        from copilot.research.chunks import iter_with_ids
        from copilot.research.language import detect
        from copilot.research.redaction import Redactor

        if not chunks:
            return chunks
        if self.redactor is None:
            language = detect(" ".join(c.text for c in chunks[:20]), default="nl")
            self.redactor = Redactor(language=language, known_names={c.speaker for c in chunks if c.speaker})
        redactor = self.redactor
        pieces = [
            {
                "text": redactor.redact(c.text),
                "location": c.location,
                "kind": c.kind,
                "speaker": redactor.redact(c.speaker) if c.speaker else "",
                "role": c.role,
                "metadata": c.metadata,
            }
            for c in chunks
        ]
        return list(iter_with_ids(chunks[0].source, pieces, self.seen))


def redact_chunks(chunks: list[Chunk]) -> list[Chunk]:
    """One file's chunks with personal data replaced; one redactor per file keeps "Persoon 1" consistent."""
    return _FileRedaction()(chunks)
