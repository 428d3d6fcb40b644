"""Run a whole workshop without a person at the keyboard: ingest, draft every step that can be drafted
offline, lock the drafts, export the deck. The notebook calls the same functions one at a time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from copilot.export.from_session import build_deck
from copilot.export.render import render
from copilot.research.ingest import IngestReport, OnProgress, ingest
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.settings import Workspace, check_language
from copilot.steps.drafting import can_draft, draft_step
from copilot.workshop import load_format


@dataclass
class WorkshopRun:
    session_path: Path
    deck_path: Path
    report: IngestReport
    drafted: list[str]
    skipped: list[str]


def new_session_path(workspace: Workspace, workshop_id: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = workspace.sessions_dir / f"{workshop_id}-{stamp}.cxsession"
    n = 1
    while path.exists():
        n += 1
        path = workspace.sessions_dir / f"{workshop_id}-{stamp}-{n}.cxsession"
    return path


def run_workshop(
    format_path: Path,
    research: Path,
    out: Path,
    language: str = "nl",
    workspace: Workspace | None = None,
    on_progress: OnProgress | None = None,
    title: str | None = None,
) -> WorkshopRun:
    check_language(language)
    workshop = load_format(format_path)
    workspace = (workspace or Workspace.default()).ensure()
    store = ResearchStore.open(workspace.store_dir)
    report = ingest(research, store, on_progress=on_progress)
    session = Session.create(
        new_session_path(workspace, workshop.id), title or workshop.name(language), language, workshop=workshop.id
    )
    drafted, skipped = [], []
    try:
        for step_id in workshop.steps:
            if not can_draft(step_id):
                skipped.append(step_id)
                continue
            draft_step(step_id, store, session)
            session.lock(step_id)
            drafted.append(step_id)
        render(build_deck(session, workshop, language), out)
    finally:
        session.close()
    return WorkshopRun(session.path, Path(out), report, drafted, skipped)
