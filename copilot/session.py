"""The workshop session: one SQLite file holding every step's draft, human edits, locks and history.

Human edits are never overwritten: a new AI or computed draft is kept beside the human version, and the
content a step shows is the human one once a person has edited it. Writes are single transactions in
WAL mode, so a crash mid-edit leaves the last saved state intact.

Several kernels and processes may edit one session (the notebook and the app, or two people). Every step's
content has a version; a save names the version it started from (`read()` returns it; `content()` remembers
the first one this Session showed) and is merged, item by item, with whatever was saved since — or refused
with a `SaveConflict` carrying both versions when both changed the same item. Nothing is silently dropped.
"""

from __future__ import annotations

import functools
import inspect
import json
import sqlite3
import threading
from collections.abc import Iterable
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel

from copilot.errors import SaveConflict, SessionError, StepLockedError
from copilot.research.chunks import Chunk
from copilot.research.quotes import Quote
from copilot.secrets import scrub
from copilot.session_files import (
    check_session_file,
    check_writable,
    import_copy,
    remove_database,
)
from copilot.session_merge import merge
from copilot.session_schema import MIGRATIONS, SaveResult, Versioned, _checked_json, _migrate, _parse

__all__ = ["MIGRATIONS", "SaveResult", "Session", "Versioned"]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _synchronised(cls):
    """Run every public method under the session's lock: JupyterLab calls widget callbacks from more than one
    thread, and they share one connection."""

    def guard(method):
        @functools.wraps(method)
        def locked(self, *args, **kwargs):
            with self._lock:
                return method(self, *args, **kwargs)

        return locked

    for name, value in list(vars(cls).items()):
        if not name.startswith("_") and inspect.isfunction(value):
            setattr(cls, name, guard(value))
    return cls


@_synchronised
class Session:
    """A workshop session file. Open it with `Session.create` or `Session.open`."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._db = connection
        self._lock = threading.RLock()
        # per step, the content this Session's caller holds: the base of its next save when it names none
        self._seen: dict[str, dict | None] = {}

    @classmethod
    def create(cls, path: Path, title: str, language: str, workshop: str = "") -> Session:
        path = Path(path)
        if path.exists():
            raise SessionError(f"{path.name} already exists: open it, or choose another name.")
        session = cls.open(path, create=True)
        with session._db:
            session._db.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [("title", title), ("language", language), ("workshop", workshop), ("created_at", _now())],
            )
        return session

    @classmethod
    def open(cls, path: Path, create: bool = False) -> Session:
        """Open a session file; another program's SQLite file, or a newer copilot's session, is refused
        before a byte of it is written."""
        path = Path(path)
        if path.exists():
            if check_session_file(path, len(MIGRATIONS)).empty and not create:
                raise SessionError(key="session_unreadable", name=path.name, detail="empty file")
        elif not create:
            raise SessionError(f"No session file at {path}. Start a new session first.")
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError:
                raise SessionError(key="session_read_only", name=path.name, folder=str(path.parent)) from None
        check_writable(path)
        try:
            # JupyterLab runs widget callbacks on kernel subshell threads: one connection, shared under a lock;
            # other processes wait for the write lock (up to 30 s) instead of failing at once
            connection = sqlite3.connect(path, check_same_thread=False, timeout=30)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=FULL")
            _migrate(connection)
        except sqlite3.DatabaseError as error:
            raise SessionError(key="session_unreadable", name=path.name, detail=error) from error
        return cls(path, connection)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *_) -> None:
        self.close()

    # --- whole sessions ------------------------------------------------------------------------

    def copy_to(self, path: Path) -> Path:
        """A consistent copy of the whole session in one file, made safely while it is open."""
        path = Path(path)
        if path.exists():
            raise SessionError(f"{path.name} already exists: choose another name.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db.execute("VACUUM INTO ?", (str(path),))
        except (OSError, sqlite3.Error) as error:
            remove_database(path)  # it did not exist before: whatever is there now is a partial copy
            raise SessionError(key="session_copy_failed", name=str(path), detail=error) from None
        return path

    def duplicate(self, path: Path, title: str) -> Session:
        """A new session that starts where this one is (to try another direction without losing this one)."""
        copy = Session.open(self.copy_to(path))
        copy.set_meta("title", title)
        copy.set_meta("duplicated_from", self.title)
        copy.set_meta("created_at", _now())
        return copy

    @classmethod
    def import_file(cls, source: Path, sessions_dir: Path) -> Session:
        """Bring a session file someone shared into this workspace, after checking it is one. A file that is
        not a session, or is from a newer copilot, is refused before anything is copied; a failed import
        leaves nothing behind."""
        target = import_copy(Path(source), Path(sessions_dir), len(MIGRATIONS), lambda path: cls.open(path).close())
        return cls.open(target)

    # --- meta ----------------------------------------------------------------------------------

    def meta(self, key: str, default: str = "") -> str:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    @property
    def title(self) -> str:
        return self.meta("title")

    @property
    def language(self) -> str:
        return self.meta("language", "nl")

    # --- steps ---------------------------------------------------------------------------------

    def save_draft(self, step_id: str, draft: BaseModel, actor: str = "computed") -> None:
        """Keep a new draft. It becomes the content unless a person has edited the step."""
        data = _checked_json(step_id, draft)
        with self._write():
            row = self._row(step_id)
            if row and row["status"] == "locked":
                raise StepLockedError(key="step_locked_draft", step=step_id)
            if row and row["edited"]:
                self._db.execute(
                    "UPDATE steps SET draft = ?, updated_at = ? WHERE step_id = ?", (data, _now(), step_id)
                )
                self._log(step_id, actor, "draft", data)
                return
            version = (row["version"] if row else 0) + 1
            self._db.execute(
                "INSERT INTO steps (step_id, status, content, draft, edited, updated_at, version) "
                "VALUES (?, 'drafted', ?, ?, 0, ?, ?) ON CONFLICT(step_id) DO UPDATE SET status = 'drafted', "
                "content = excluded.content, draft = excluded.draft, edited = 0, updated_at = excluded.updated_at, "
                "version = excluded.version",
                (step_id, data, data, _now(), version),
            )
            self._log(step_id, actor, "draft", data, version)
        self._seen[step_id] = json.loads(data)  # the caller shows its own new draft next

    def read(self, step_id: str, schema: type[BaseModel]) -> Versioned:
        """The step's content and its version: the base of the caller's next save (`save_edit(base=…)`)."""
        row = self._row(step_id)
        content = _parse(schema, row["content"], step_id) if row else None
        self._seen[step_id] = _json(row["content"]) if row else None
        return Versioned(content, row["version"] if row else 0)

    def version(self, step_id: str) -> int:
        row = self._db.execute("SELECT version FROM steps WHERE step_id = ?", (step_id,)).fetchone()
        return row[0] if row else 0

    def save_edit(self, step_id: str, content: BaseModel, base: int | None = None) -> SaveResult:
        """Save a person's version of the step; it wins over every later draft.

        `base` is the version the person started from (from `read()`); without it, the content this Session
        last showed or saved. Whatever others saved since is merged in item by item; when they changed an
        item this save changes too, nothing is saved and `SaveConflict` carries both versions."""
        mine = json.loads(_checked_json(step_id, content))
        with self._write():
            row = self._row(step_id)
            if row and row["status"] == "locked":
                raise StepLockedError(key="step_locked_edit", step=step_id)
            theirs = _json(row["content"]) if row else None  # a damaged step is repaired by this save
            version = row["version"] if row else 0
            start = self._base(step_id, base, row)
            merged, conflicts = merge(start, mine, theirs) if start != theirs else (mine, [])
            if conflicts:
                raise SaveConflict(step_id, content, _parse(type(content), row["content"], step_id), version, conflicts)
            result = content if merged == mine else _parse(type(content), json.dumps(merged), step_id)
            data = result.model_dump_json()
            self._db.execute(
                "INSERT INTO steps (step_id, status, content, draft, edited, updated_at, version) "
                "VALUES (?, 'edited', ?, NULL, 1, ?, ?) ON CONFLICT(step_id) DO UPDATE SET status = 'edited', "
                "content = excluded.content, edited = 1, updated_at = excluded.updated_at, version = excluded.version",
                (step_id, data, _now(), version + 1),
            )
            self._log(step_id, "person", "edit", data, version + 1)
        self._seen[step_id] = mine  # what the caller holds (without the merged-in changes until it reloads)
        return SaveResult(version + 1, merged != mine, result)

    def _base(self, step_id: str, base: int | None, row: sqlite3.Row | None) -> dict | None:
        """The content a save started from: version `base`, else what this Session last showed or saved; a
        caller that never looked at the step writes over it as it is (the durable, single-writer case)."""
        current = _json(row["content"]) if row else None
        if base is None:
            return self._seen.get(step_id, current)
        if base == 0:
            return None
        if row and base == row["version"]:
            return current
        found = self._db.execute(
            "SELECT content FROM history WHERE step_id = ? AND version = ? AND content IS NOT NULL "
            "ORDER BY id DESC LIMIT 1",
            (step_id, base),
        ).fetchone()
        if found is None:
            raise SessionError(key="base_unknown", step=step_id, version=base)
        return _json(found[0])

    def discard_draft(self, step_id: str) -> None:
        """Forget the latest draft: people chose to keep their own version."""
        with self._db:
            self._db.execute("UPDATE steps SET draft = NULL WHERE step_id = ? AND edited = 1", (step_id,))
            self._log(step_id, "person", "reject draft", None)

    def lock(self, step_id: str) -> None:
        self._set_status(step_id, "locked", "lock")

    def unlock(self, step_id: str) -> None:
        row = self._require(step_id)
        self._set_status(step_id, "edited" if row["edited"] else "drafted", "unlock")

    def _set_status(self, step_id: str, status: str, action: str) -> None:
        self._require(step_id)
        with self._db:
            self._db.execute("UPDATE steps SET status = ?, updated_at = ? WHERE step_id = ?", (status, _now(), step_id))
            self._log(step_id, "person", action, None)

    def status(self, step_id: str) -> str:
        row = self._row(step_id)
        return row["status"] if row else "empty"

    def is_locked(self, step_id: str) -> bool:
        return self.status(step_id) == "locked"

    def content(self, step_id: str, schema: type[BaseModel]) -> BaseModel | None:
        """What the step shows. The first time this Session shows it, that is the base of its next save."""
        row = self._row(step_id)
        content = _parse(schema, row["content"], step_id) if row else None
        self._seen.setdefault(step_id, _json(row["content"]) if row else None)
        return content

    def draft(self, step_id: str, schema: type[BaseModel]) -> BaseModel | None:
        row = self._row(step_id)
        return _parse(schema, row["draft"], step_id) if row and row["draft"] else None

    def step_ids(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT step_id FROM steps ORDER BY step_id")]

    def history(self, step_id: str) -> list[dict]:
        rows = self._db.execute(
            "SELECT at, actor, action, content FROM history WHERE step_id = ? ORDER BY id", (step_id,)
        )
        return [dict(zip(("at", "actor", "action", "content"), row, strict=True)) for row in rows]

    # --- evidence ------------------------------------------------------------------------------

    def keep_evidence(self, quotes: Iterable[Chunk | Quote]) -> None:
        """Snapshot the quotes a step cites, so the session and its deck stand on their own."""
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO evidence VALUES (?, ?, ?, ?, ?)",
                [(q.id, q.text, q.source, q.location, q.speaker) for q in quotes],
            )

    def evidence(self, ids: list[str]) -> list[Quote]:
        """The kept quotes with these ids, in that order (unknown ids left out). The file keeps rows; from
        here up they are `Quote`s."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(f"SELECT id, text, source, location, speaker FROM evidence WHERE id IN ({marks})", ids)
        found = {row[0]: Quote(*row) for row in rows}
        return [found[i] for i in ids if i in found]

    # --- model calls ---------------------------------------------------------------------------

    def log_call(
        self,
        step_id: str,
        model: str,
        prompt: str,
        response: str = "",
        prompt_tokens: int = 0,
        completion_tokens: int = 0,
        latency_ms: int = 0,
        cost: float = 0.0,
        error: str = "",
    ) -> None:
        # a server may echo the API key in its error: the log keeps no secret
        prompt, response, error = scrub(prompt), scrub(response), scrub(error)
        with self._db:
            self._db.execute(
                "INSERT INTO llm_calls (step_id, at, model, prompt, response, prompt_tokens, completion_tokens, "
                "latency_ms, cost, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (step_id, _now(), model, prompt, response, prompt_tokens, completion_tokens, latency_ms, cost, error),
            )

    def calls(self, step_id: str | None = None) -> list[dict]:
        query = "SELECT * FROM llm_calls" + (" WHERE step_id = ?" if step_id else "") + " ORDER BY id"
        cursor = self._db.execute(query, (step_id,) if step_id else ())
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    # --- internals -----------------------------------------------------------------------------

    def _row(self, step_id: str) -> sqlite3.Row | None:
        cursor = self._db.execute("SELECT * FROM steps WHERE step_id = ?", (step_id,))
        cursor.row_factory = sqlite3.Row
        return cursor.fetchone()

    def _require(self, step_id: str) -> sqlite3.Row:
        row = self._row(step_id)
        if row is None:
            raise SessionError(f"Step {step_id} has no draft yet: draft it first.")
        return row

    @contextmanager
    def _write(self):
        """One transaction that holds the write lock from its first read, so no other process can save
        between this save's read of the step and its write."""
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            yield

    def _log(self, step_id: str, actor: str, action: str, content: str | None, version: int | None = None) -> None:
        self._db.execute(
            "INSERT INTO history (step_id, at, actor, action, content, version) VALUES (?, ?, ?, ?, ?, ?)",
            (step_id, _now(), actor, action, content, version),
        )


def _json(text: str) -> dict | None:
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return None
