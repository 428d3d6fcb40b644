"""The workshop session: one SQLite file holding every step's draft, human edits, locks and history.

Human edits are never overwritten: a new AI or computed draft is kept beside the human version, and the
content a step shows is the human one once a person has edited it. Writes are single transactions in
WAL mode, so a crash mid-edit leaves the last saved state intact.
"""

from __future__ import annotations

import functools
import inspect
import json
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, ValidationError

from copilot.errors import SessionError, StepLockedError
from copilot.research.chunks import Chunk

MIGRATIONS = [
    # 1: the first schema
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE steps (
        step_id TEXT PRIMARY KEY,
        status TEXT NOT NULL,             -- drafted | edited | locked
        content TEXT NOT NULL,            -- what the step shows: the human version once edited
        draft TEXT,                       -- the latest AI or computed draft
        edited INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        step_id TEXT NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,              -- computed | ai | person
        action TEXT NOT NULL,             -- draft | edit | lock | unlock
        content TEXT
    );
    CREATE TABLE evidence (
        id TEXT PRIMARY KEY, text TEXT NOT NULL, source TEXT NOT NULL, location TEXT NOT NULL,
        speaker TEXT NOT NULL DEFAULT ''
    );
    """,
    # 2: every model call, for cost, latency and audit (prompts stored with personal data redacted)
    """
    CREATE TABLE llm_calls (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        step_id TEXT NOT NULL, at TEXT NOT NULL, model TEXT NOT NULL,
        prompt TEXT NOT NULL, response TEXT NOT NULL DEFAULT '',
        prompt_tokens INTEGER NOT NULL DEFAULT 0, completion_tokens INTEGER NOT NULL DEFAULT 0,
        latency_ms INTEGER NOT NULL DEFAULT 0, cost REAL NOT NULL DEFAULT 0, error TEXT NOT NULL DEFAULT ''
    );
    """,
]


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

    @classmethod
    def create(cls, path: Path, title: str, language: str, workshop: str = "") -> Session:
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
        path = Path(path)
        if not create and not path.exists():
            raise SessionError(f"No session file at {path}. Start a new session first.")
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            # JupyterLab runs widget callbacks on kernel subshell threads: one connection, shared under a lock
            connection = sqlite3.connect(path, check_same_thread=False)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=FULL")
            _migrate(connection)
        except sqlite3.DatabaseError as error:
            raise SessionError(key="session_unreadable", name=path.name, detail=error) from error
        return cls(path, connection)

    def close(self) -> None:
        self._db.close()

    # --- whole sessions ------------------------------------------------------------------------

    def copy_to(self, path: Path) -> Path:
        """A consistent copy of the whole session in one file, made safely while it is open."""
        path = Path(path)
        if path.exists():
            raise SessionError(f"{path.name} already exists: choose another name.")
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db.execute("VACUUM INTO ?", (str(path),))
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
        """Bring a session file someone shared into this workspace, after checking it is one."""
        source = Path(source)
        try:
            with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as probe:
                tables = {row[0] for row in probe.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as error:
            raise SessionError(f"{source.name} is not a workshop session ({error}).") from error
        if not {"meta", "steps", "history"} <= tables:
            raise SessionError(f"{source.name} is an SQLite file, but not a workshop session.")
        Path(sessions_dir).mkdir(parents=True, exist_ok=True)
        target = Path(sessions_dir) / source.name
        n = 1
        while target.exists():
            n += 1
            target = Path(sessions_dir) / f"{source.stem}-{n}{source.suffix}"
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as original:
            original.execute("VACUUM INTO ?", (str(target),))
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
        row = self._row(step_id)
        if row and row["status"] == "locked":
            raise StepLockedError(key="step_locked_draft", step=step_id)
        data = draft.model_dump_json()
        with self._db:
            if row and row["edited"]:
                self._db.execute(
                    "UPDATE steps SET draft = ?, updated_at = ? WHERE step_id = ?", (data, _now(), step_id)
                )
            else:
                self._db.execute(
                    "INSERT OR REPLACE INTO steps VALUES (?, 'drafted', ?, ?, 0, ?)", (step_id, data, data, _now())
                )
            self._log(step_id, actor, "draft", data)

    def save_edit(self, step_id: str, content: BaseModel) -> None:
        """Save a person's version of the step; it wins over every later draft."""
        row = self._row(step_id)
        if row and row["status"] == "locked":
            raise StepLockedError(key="step_locked_edit", step=step_id)
        data = content.model_dump_json()
        with self._db:
            self._db.execute(
                "INSERT INTO steps VALUES (?, 'edited', ?, NULL, 1, ?) ON CONFLICT(step_id) DO UPDATE SET "
                "status = 'edited', content = excluded.content, edited = 1, updated_at = excluded.updated_at",
                (step_id, data, _now()),
            )
            self._log(step_id, "person", "edit", data)

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
        row = self._row(step_id)
        return _parse(schema, row["content"], step_id) if row else None

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

    def keep_evidence(self, chunks: list[Chunk]) -> None:
        """Snapshot the quotes a step cites, so the session and its deck stand on their own."""
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO evidence VALUES (?, ?, ?, ?, ?)",
                [(c.id, c.text, c.source, c.location, c.speaker) for c in chunks],
            )

    def evidence(self, ids: list[str]) -> list[dict]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(f"SELECT id, text, source, location, speaker FROM evidence WHERE id IN ({marks})", ids)
        found = {row[0]: dict(zip(("id", "text", "source", "location", "speaker"), row, strict=True)) for row in rows}
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

    def _log(self, step_id: str, actor: str, action: str, content: str | None) -> None:
        self._db.execute(
            "INSERT INTO history (step_id, at, actor, action, content) VALUES (?, ?, ?, ?, ?)",
            (step_id, _now(), actor, action, content),
        )


def _migrate(connection: sqlite3.Connection) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise SessionError(f"This session was made by a newer CX Copilot (schema {version}): update the copilot.")
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        connection.executescript(f"BEGIN; {script}; PRAGMA user_version = {number}; COMMIT;")


def _parse(schema: type[BaseModel], data: str, step_id: str) -> BaseModel:
    try:
        return schema.model_validate(json.loads(data))
    except (ValidationError, json.JSONDecodeError) as error:
        raise SessionError(f"Step {step_id} in the session does not match its schema: {error}") from error
