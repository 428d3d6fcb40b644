"""Run a whole workshop without a person at the keyboard: ingest, draft every step that can be drafted
offline, lock the drafts, export the deck. The notebook calls the same functions one at a time."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from copilot.app_service import AppService, redact_for
from copilot.app_service import new_session_path as new_session_path  # where it used to live
from copilot.errors import StepError
from copilot.export.from_session import build_deck
from copilot.export.render import render
from copilot.i18n import t
from copilot.llm import chat_model, configured
from copilot.research.ingest import IngestReport, OnProgress, ingest
from copilot.research.retrieval import Retriever
from copilot.research.store import ResearchStore
from copilot.secrets import errors_scrubbed
from copilot.session import Session
from copilot.settings import Workspace, check_language
from copilot.steps.drafting import can_draft, computed_first, draft_step
from copilot.workshop import load_format


@dataclass
class WorkshopRun:
    session_path: Path
    deck_path: Path
    report: IngestReport
    drafted: list[str]
    skipped: list[str]
    reasons: dict[str, str] = field(default_factory=dict)  # why a step was left for the workshop


def _draft_with_model(step_id: str, session: Session, retriever, language: str, chat, name: str, choice) -> None:
    from functools import partial

    from copilot.llm import structured
    from copilot.steps.engine import ask, prepare

    prepared = prepare(step_id, session, retriever, language, redact=redact_for(choice))
    structure = partial(structured, choice=choice) if choice else None  # the provider's own JSON-schema output
    ask(prepared, chat, session, model_name=name, cost=choice.cost if choice else None, structure=structure)


def run_workshop(
    format_path: Path,
    research: Path,
    out: Path,
    language: str = "nl",
    workspace: Workspace | None = None,
    on_progress: OnProgress | None = None,
    title: str | None = None,
    chat=None,
    share: bool = False,
) -> WorkshopRun:
    """Every agenda step in order: asked of the configured model (or `chat`, any LangChain chat model) or
    computed from the research (themes always; the journey's emotions when there is no model), then locked so
    it feeds the next; with neither, the step is left for the workshop and the deck shows its canvas."""
    with errors_scrubbed():  # a server may echo the API key in its error; the person sees the error
        return _run_workshop(format_path, research, out, language, workspace, on_progress, title, chat, share)


def _run_workshop(format_path, research, out, language, workspace, on_progress, title, chat, share) -> WorkshopRun:
    check_language(language)
    workshop = load_format(format_path)
    service = AppService.open(workspace)
    store = ResearchStore.open(service.workspace.store_dir)
    report = ingest(research, store, on_progress=on_progress)
    session = Session.create(
        service.new_session_path(workshop.id), title or workshop.name(language), language, workshop=workshop.id
    )
    drafted, skipped, reasons = [], [], {}
    choice = configured() if chat is None else None
    if choice is not None:
        chat = chat_model(choice)
    retriever = Retriever(store)
    try:
        for step_id in dict.fromkeys(workshop.steps):
            try:
                if can_draft(step_id) and (chat is None or computed_first(step_id)):
                    draft_step(step_id, store, session, workshop)
                elif chat is not None:
                    _draft_with_model(
                        step_id, session, retriever, language, chat, choice.name if choice else "chat", choice
                    )
                else:
                    skipped.append(step_id)
                    reasons[step_id] = t("workshop_run.left_for_workshop", language)
                    continue
            except StepError as error:  # e.g. it builds on a step this format does not hold
                skipped.append(step_id)
                reasons[step_id] = str(error)
                continue
            session.lock(step_id)
            drafted.append(step_id)
        render(build_deck(session, workshop, language, share=share), out)
    finally:
        session.close()
    return WorkshopRun(session.path, Path(out), report, drafted, skipped, reasons)
