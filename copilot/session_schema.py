"""The session file's schema (numbered migrations), the shapes a read and a save return, and the size limits
a step's content must keep to."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from pydantic import BaseModel, ValidationError

from copilot.errors import SessionError, StepError
from copilot.session_files import APPLICATION_ID

MAX_ITEMS_PER_LIST = 500  # 40,000 pasted items froze the editor for minutes; no workshop step needs more
MAX_STEP_BYTES = 2_000_000

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
    # 3: a version per step's content, so concurrent saves are merged instead of overwriting each other
    f"""
    ALTER TABLE steps ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE history ADD COLUMN version INTEGER;
    CREATE INDEX history_step_version ON history (step_id, version);
    PRAGMA application_id = {APPLICATION_ID};
    """,
]


@dataclass(frozen=True)
class Versioned:
    """A step's content and the version it is (0: the step has no content yet)."""

    content: BaseModel | None
    version: int


@dataclass(frozen=True)
class SaveResult:
    """What a save stored. `merged`: other writers' changes were folded in, so show `content` again."""

    version: int
    merged: bool
    content: BaseModel


def _migrate(connection: sqlite3.Connection) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise SessionError(key="session_newer", name="This session", version=version)
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        connection.executescript(f"BEGIN; {script}; PRAGMA user_version = {number}; COMMIT;")


def _checked_json(step_id: str, output: BaseModel) -> str:
    """The step as JSON, after checking it is of a size a person can still work with."""
    for name in type(output).model_fields:
        value = getattr(output, name)
        if isinstance(value, list) and len(value) > MAX_ITEMS_PER_LIST:
            raise StepError(key="too_many_items", step=step_id, field=name, count=len(value), limit=MAX_ITEMS_PER_LIST)
    data = output.model_dump_json()
    if len(data) > MAX_STEP_BYTES:
        raise StepError(key="step_too_large", step=step_id, size=len(data) // 1000, limit=MAX_STEP_BYTES // 1000)
    return data


def _parse(schema: type[BaseModel], data: str, step_id: str) -> BaseModel:
    try:
        return schema.model_validate(json.loads(data))
    except (ValidationError, json.JSONDecodeError) as error:
        raise SessionError(f"Step {step_id} in the session does not match its schema: {error}") from error
