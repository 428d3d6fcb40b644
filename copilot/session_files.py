"""Session files on disk: recognising ours before anything is written to them, names that are safe to use as
paths, and where a deck may be written.

Another program's SQLite file is refused without being touched (no schema, no WAL switch, no header change);
a session from a newer copilot is refused before it is copied; a deck never overwrites a session or a file
that is not a deck.
"""

from __future__ import annotations

import codecs
import os
import re
import sqlite3
import unicodedata
import uuid
import zipfile
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from copilot.errors import ExportError, SessionError

APPLICATION_ID = 0x43584350  # "CXCP" in the SQLite header: marks a file as a CX Copilot session
SESSION_TABLES = frozenset({"meta", "steps", "history"})
SQLITE_MAGIC = b"SQLite format 3\x00"
SESSION_SUFFIXES = (".cxsession", ".sqlite", ".sqlite3", ".db")


@dataclass(frozen=True)
class Probe:
    user_version: int
    application_id: int
    tables: frozenset[str]

    @property
    def empty(self) -> bool:
        return not self.tables and self.user_version == 0


def read_only_uri(path: Path) -> str:
    # as_uri escapes '?', '#' and '%' in file names, which would otherwise be read as URI syntax
    return Path(path).resolve().as_uri() + "?mode=ro"


def probe(path: Path) -> Probe:
    """What an existing file is, read without writing a byte to it."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise SessionError(key="session_unreadable", name=path.name, detail=error.strerror or error) from None
    if head and head != SQLITE_MAGIC:
        raise SessionError(key="session_unreadable", name=path.name, detail="not an SQLite file")
    if not head:  # an empty file: nothing to protect
        return Probe(0, 0, frozenset())
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            user_version = connection.execute("PRAGMA user_version").fetchone()[0]
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            tables = frozenset(r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'"))
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise SessionError(key="session_unreadable", name=path.name, detail=error) from None
    return Probe(user_version, application_id, tables)


def check_session_file(path: Path, newest_schema: int) -> Probe:
    """Refuse, untouched, a file that is not a session of a schema this copilot knows."""
    found = probe(path)
    if found.user_version > newest_schema:
        raise SessionError(key="session_newer", name=Path(path).name, version=found.user_version)
    if found.empty:
        return found
    if not found.tables >= SESSION_TABLES or (found.application_id not in (0, APPLICATION_ID)):
        raise SessionError(key="session_foreign", name=Path(path).name)
    return found


def check_writable(path: Path) -> None:
    """A clear message for a session in a read-only file or folder (SQLite needs both, for its journal)."""
    path = Path(path)
    folder = path.parent if path.parent != Path("") else Path(".")
    if (path.exists() and not os.access(path, os.W_OK)) or not os.access(folder, os.W_OK):
        raise SessionError(key="session_read_only", name=path.name, folder=str(folder))


def remove_database(path: Path) -> None:
    """Delete an SQLite file and its journal files (after a failed import)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def import_copy(source: Path, sessions_dir: Path, newest_schema: int, migrate: Callable[[Path], None]) -> Path:
    """Copy a shared session into `sessions_dir` under a safe, unused name, migrated by `migrate`; refused
    (before anything is copied) when it is not a session of a known schema; nothing left behind on failure."""
    source, sessions_dir = Path(source), Path(sessions_dir)
    if not source.is_file():
        raise SessionError(key="import_missing", name=str(source))
    try:
        found = check_session_file(source, newest_schema)
    except SessionError as error:
        if error.key == "session_unreadable":
            raise SessionError(key="import_not_session", name=source.name, detail=error.params["detail"]) from None
        raise
    if found.empty:
        raise SessionError(key="import_not_session", name=source.name, detail="empty file")
    try:
        sessions_dir.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise SessionError(key="session_read_only", name=source.name, folder=str(sessions_dir)) from None
    stem = safe_name(source.stem)
    target, n = sessions_dir / f"{stem}.cxsession", 1
    while target.exists():
        n += 1
        target = sessions_dir / f"{stem}-{n}.cxsession"
    temporary = sessions_dir / f".importing-{uuid.uuid4().hex}.cxsession"
    try:
        with closing(sqlite3.connect(read_only_uri(source), uri=True)) as original:
            original.execute("VACUUM INTO ?", (str(temporary),))
        migrate(temporary)  # migrated to this copilot's schema before it gets its real name
        temporary.rename(target)
    except sqlite3.Error as error:
        remove_database(temporary)
        raise SessionError(key="import_failed", name=source.name, detail=error) from None
    except BaseException:
        remove_database(temporary)
        raise
    return target


# --- names that become paths ---------------------------------------------------------------------

_UNSAFE = re.compile(r"[^\w.-]+")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def safe_name(text: str, fallback: str = "session", limit: int = 60) -> str:
    """`text` as one file-name part: no folders ('../', '/', '\\'), no hidden or reserved names, no control
    characters, at most `limit` characters; `fallback` when nothing usable is left."""
    text = unicodedata.normalize("NFKC", str(text))
    name = _UNSAFE.sub("-", text.replace("/", "-").replace("\\", "-")).strip(".-_ ")
    name = re.sub(r"-{2,}", "-", name)[:limit].strip(".-_ ")
    if not name or name.lower().split(".")[0] in _RESERVED:
        return fallback
    return name


def inside(folder: Path, path: Path) -> Path:
    """`path`, after checking that it stays inside `folder` (a last guard after `safe_name`)."""
    resolved, root = Path(path).resolve(), Path(folder).resolve()
    if resolved != root and root not in resolved.parents:
        raise SessionError(key="path_outside", name=str(path), folder=str(folder))
    return path


# --- where a deck may go -------------------------------------------------------------------------


def check_deck_target(out: Path, fmt: str, session_path: Path | None = None) -> None:
    """Refuse to write a deck over the session itself, over any session or SQLite file, over a folder, or over
    a file that is not a deck (a .pptx made by PowerPoint, or a Markdown text); re-exporting over a deck is fine."""
    out = Path(out)
    if session_path is not None and out.exists() and out.resolve() == Path(session_path).resolve():
        raise ExportError(key="export_over_session", name=out.name)
    if out.suffix.lower() in SESSION_SUFFIXES:
        raise ExportError(key="export_session_suffix", name=out.name, fmt=fmt)
    if out.is_dir():
        raise ExportError(key="export_is_folder", name=str(out), fmt=fmt)
    folder = next((p for p in Path(os.path.abspath(out)).parents if p.exists()), None)
    if folder is None or not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(key="export_folder_read_only", name=out.name, folder=str(folder or out.parent))
    if not out.exists():
        return
    if not _is_deck(out, fmt):
        raise ExportError(key="export_not_a_deck", name=out.name, fmt=fmt)


def _is_deck(path: Path, fmt: str) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    if fmt == "md":
        try:  # incremental: a character cut at the 4096th byte is not an error
            codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        except UnicodeDecodeError:
            return False
        return b"\x00" not in head
    if not zipfile.is_zipfile(path):
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            return "ppt/presentation.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False
