"""Ingest a research folder into the store, file by file, with a report a person can read.

A file that fails is reported and skipped; the rest still goes in. An unchanged file costs no embedding
work; a changed file's chunks are replaced, and chunks whose text did not change keep their vectors.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from copilot.errors import ResearchFileError
from copilot.research.chunks import Chunk
from copilot.research.loaders import LOADERS, load_file
from copilot.research.store import ResearchStore

OnProgress = Callable[[int, int], None]  # (done, total) in chunks


@dataclass
class FileResult:
    source: str
    status: str  # added | updated | unchanged | failed | removed
    chunks: int = 0
    error: str = ""  # in English, for logs and the command line
    cause: ResearchFileError | None = field(default=None, repr=False, compare=False)  # to say it in Dutch too

    def problem(self, language: str) -> str:
        return self.cause.say(language) if self.cause else self.error


@dataclass
class IngestReport:
    files: list[FileResult] = field(default_factory=list)
    embedded: int = 0

    @property
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if f.status == "failed"]

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for result in self.files:
            counts[result.status] = counts.get(result.status, 0) + 1
        return counts


def research_files(folder: Path) -> list[Path]:
    """Supported files under `folder`, skipping hidden files and READMEs about the corpus itself."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file()
        and path.suffix.lower() in LOADERS
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
        and not path.name.startswith("~$")  # the lock file Office keeps beside an open document
        and path.name.lower() != "readme.md"
    )


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
    report = IngestReport()
    stored = store.sources()
    pending: list[tuple[FileResult, list[Chunk]]] = []
    for path in research_files(folder):
        source = path.relative_to(folder).as_posix()
        file_hash = hashlib.sha256(path.read_bytes()).hexdigest()[:16] if _readable(path) else ""
        if file_hash and stored.get(source) == file_hash:
            report.files.append(FileResult(source, "unchanged"))
            continue
        try:
            chunks = load_file(path, folder)
            if redact:
                chunks = redact_chunks(chunks)
            chunks = [replace(c, metadata={**c.metadata, "file_hash": file_hash}) for c in chunks]
        except ResearchFileError as error:
            report.files.append(FileResult(source, "failed", error=str(error), cause=error))
            continue
        result = FileResult(source, "updated" if source in stored else "added", len(chunks))
        report.files.append(result)
        pending.append((result, chunks))

    total = sum(len(chunks) for _, chunks in pending)
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if on_progress:
            on_progress(done, total)

    for result, chunks in pending:
        report.embedded += store.add(chunks, progress=advance)
        if result.status == "updated":
            store.remove_source(result.source, keep=[c.id for c in chunks])
    if prune:
        present = {f.source for f in report.files}
        for source in sorted(set(stored) - present):
            report.files.append(FileResult(source, "removed", store.remove_source(source)))
    if on_progress:
        on_progress(total, total)
    return report


def redact_chunks(chunks: list[Chunk]) -> list[Chunk]:
    """One file's chunks with personal data replaced; one redactor per file keeps "Persoon 1" consistent."""
    from copilot.research.chunks import with_ids
    from copilot.research.language import detect
    from copilot.research.redaction import Redactor

    if not chunks:
        return chunks
    language = detect(" ".join(c.text for c in chunks[:20]), default="nl")
    redactor = Redactor(language=language, known_names={c.speaker for c in chunks if c.speaker})
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
    return with_ids(chunks[0].source, pieces)  # ids follow the stored (redacted) text


def _readable(path: Path) -> bool:
    try:
        with path.open("rb"):
            return True
    except OSError:
        return False
