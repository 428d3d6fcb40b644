"""The workbench: one workshop in progress, as the notebook sees it. Widgets call these methods and get
plain data back; they never touch Chroma, SQLite or python-pptx themselves."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

from copilot.app_service import AppService, redact_for
from copilot.research.ingest import IngestReport, OnProgress, ingest
from copilot.research.quotes import Quote
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.settings import Workspace, check_language, default_language
from copilot.steps.drafting import draft_step
from copilot.steps.schemas import ResearchSynthesis

SYNTHESIS = "SD-02"


class Workbench:
    def __init__(
        self,
        workspace: Workspace | None = None,
        language: str | None = None,
        session_path: Path | None = None,
        workshop: str = "journey_pain_points_90",
    ) -> None:
        self.app = AppService.open(workspace)
        self.workspace = self.app.workspace
        self._store: ResearchStore | None = None
        self._store_lock = threading.Lock()  # the app may open the store in the background
        self._retriever = None
        self.workshop = self.app.workshop(workshop)
        path = session_path or self.workspace.sessions_dir / "start-here.cxsession"
        if path.exists():
            self.session = Session.open(path)
            # what is computed from now on is in the language asked for, else in the one the session speaks
            self.set_language(language or self.session.language)
        else:
            self.language = check_language(language or default_language())
            title = self.workshop.name(self.language) if self.workshop else "CX Copilot"
            self.session = Session.create(path, title, self.language, workshop=workshop)

    def use_workshop(self, workshop_id: str) -> None:
        """Work in another workshop format from now on; the session remembers it (its deck follows)."""
        self.workshop = self.app.workshop(workshop_id)
        self.session.set_meta("workshop", workshop_id)

    @property
    def store(self) -> ResearchStore:
        with self._store_lock:
            if self._store is None:  # opening Chroma and loading the model take seconds: only when needed
                self._store = ResearchStore.open(self.workspace.store_dir)
        return self._store

    def set_language(self, language: str) -> None:
        self.language = check_language(language)
        self.session.set_meta("language", language)

    def default_research_folder(self) -> Path:
        return self.app.root / "examples" / "research"

    def ingest(self, folder: Path, on_progress: OnProgress | None = None) -> IngestReport:
        return ingest(Path(folder), self.store, on_progress=on_progress)

    def fragments(self) -> int:
        return self.store.count()

    def research_summary(self) -> dict | None:
        """What the research store already holds: fragments, file names and when it last changed; None when
        nothing was ingested yet (checked without opening the store)."""
        import os

        marker = self.workspace.store_dir / "chroma.sqlite3"
        if not os.environ.get("CX_COPILOT_CHROMA_URL") and not marker.exists():
            return None
        fragments = self.fragments()
        if not fragments:
            return None
        changed = datetime.fromtimestamp(marker.stat().st_mtime) if marker.exists() else None
        return {"fragments": fragments, "files": sorted(self.store.sources()), "changed": changed}

    # --- SD-02 ---------------------------------------------------------------------------------

    def synthesis(self) -> ResearchSynthesis | None:
        return self.session.content(SYNTHESIS, ResearchSynthesis)

    def draft_synthesis(self) -> ResearchSynthesis:
        """Themes computed from the research (no model needed)."""
        draft_step(SYNTHESIS, self.store, self.session)
        return self.synthesis()

    # --- any step ------------------------------------------------------------------------------

    def schema(self, step_id: str):
        from copilot.steps.catalogue import step

        return step(step_id).schema

    def content(self, step_id: str):
        return self.session.content(step_id, self.schema(step_id))

    def draft(self, step_id: str):
        """The latest AI or computed draft, kept beside a person's edits (to compare, accept or reject)."""
        return self.session.draft(step_id, self.schema(step_id))

    def pending_changes(self, step_id: str):
        """What the latest draft would change in a step people have edited (empty when there is nothing new)."""
        from copilot.steps.diff import changes

        current, draft = self.content(step_id), self.draft(step_id)
        if current is None or draft is None or self.status(step_id) not in ("edited",):
            return []
        return changes(current, draft)

    def accept_change(self, step_id: str, change) -> None:
        from copilot.steps.diff import accept_change

        self.save(step_id, accept_change(self.content(step_id), change))

    def reject_draft(self, step_id: str) -> None:
        self.session.discard_draft(step_id)

    def read(self, step_id: str):
        """The step's content and its version (`Versioned`), for an editor that shows it: pass the version to
        `save` so a save from another kernel meanwhile is merged, or shown as a conflict."""
        return self.session.read(step_id, self.schema(step_id))

    def save(self, step_id: str, output, base: int | None = None):
        """Save a person's edit; returns a `SaveResult` (show `.content` when `.merged`), or raises
        `SaveConflict` carrying both versions when someone else changed the same item."""
        return self.session.save_edit(step_id, output, base=base)

    def status(self, step_id: str) -> str:
        return self.session.status(step_id)

    def set_locked(self, step_id: str, locked: bool, confirmed: bool = False) -> None:
        """Lock or unlock. A step with unverified quotations locks only when the person `confirmed` it."""
        if locked and not confirmed:
            self._refuse_unverified(step_id)
        (self.session.lock if locked else self.session.unlock)(step_id)

    def unverified_quotations(self, step_id: str, output=None) -> list:
        """Quotations in the step (or in `output`, a version of it) that do not stand in its research."""
        from copilot.steps.quote_marks import unverified

        return unverified(self.session, step_id, output if output is not None else self.content(step_id))

    def _refuse_unverified(self, step_id: str) -> None:
        from copilot.errors import UnverifiedQuotationsError

        found = self.unverified_quotations(step_id)
        if found:
            quotes = "; ".join(f"“{f.text[:60]}”" for f in found[:3]) + (" …" if len(found) > 3 else "")
            raise UnverifiedQuotationsError(key="unverified_quotations", step=step_id, n=len(found), quotes=quotes)

    def stakeholder_roles(self) -> dict[str, str]:
        """SC-01 ids to roles, so pictures of later steps can name people as the team knows them."""
        from copilot.steps.references import stakeholder_roles

        return stakeholder_roles(self.session)

    def can_compute(self, step_id: str) -> bool:
        from copilot.steps.drafting import can_draft

        return can_draft(step_id)

    def compute(self, step_id: str):
        draft_step(step_id, self.store, self.session, self.workshop)
        return self.content(step_id)

    # --- asking a model, or another assistant by copy and paste --------------------------------

    def model(self):
        """The configured chat model choice, or None when offline."""
        from copilot.llm import configured

        return configured()

    def model_status(self) -> str:
        choice = self.model()
        return choice.name if choice else ""

    def prepare(self, step_id: str = SYNTHESIS, inputs: dict | None = None):
        """The step's prompt with its evidence; redacted when it is going to leave this machine."""
        from copilot.research.retrieval import Retriever
        from copilot.steps.engine import prepare

        if self._retriever is None:
            self._retriever = Retriever(self.store)
        choice = self.model()
        # without a model the prompt is pasted into an assistant: keep it within that assistant's input limit
        from copilot.steps.engine import paste_limit

        return prepare(
            step_id,
            self.session,
            self._retriever,
            self.language,
            inputs,
            redact=redact_for(choice),
            char_limit=None if choice else paste_limit(),
        )

    def ask_model(self, prepared):
        from functools import partial

        from copilot.llm import chat_model, structured
        from copilot.secrets import errors_scrubbed
        from copilot.steps.engine import ask

        choice = self.model()
        with errors_scrubbed():  # the error box shows the details: a server may have echoed the key in them
            return ask(
                prepared,
                chat_model(choice),
                self.session,
                model_name=choice.name,
                cost=choice.cost,
                structure=partial(structured, choice=choice),
            )

    def accept_pasted_answer(self, prepared, text: str, complete: bool = False):
        """A pasted answer as the draft; `complete=True` keeps what was understood of one that did not fit."""
        from copilot.steps.engine import accept_pasted_answer

        return accept_pasted_answer(prepared, text, self.session, complete=complete)

    def save_synthesis(self, synthesis: ResearchSynthesis, base: int | None = None):
        return self.session.save_edit(SYNTHESIS, synthesis, base=base)

    def research_given(self, step_id: str) -> dict[str, str]:
        """The research a step was last given (id → text), to check the quotations of items that cite none."""
        from copilot.steps.quote_marks import given

        return {q.id: q.text for q in self.session.evidence(given(self.session, step_id))}

    def quotes(self, ids: list[str]) -> list[Quote]:
        return self.session.evidence(ids)

    def is_locked(self) -> bool:
        return self.session.is_locked(SYNTHESIS)

    def lock(self, confirmed: bool = False) -> None:
        if not confirmed:
            self._refuse_unverified(SYNTHESIS)
        self.session.lock(SYNTHESIS)

    def unlock(self) -> None:
        self.session.unlock(SYNTHESIS)

    # --- deck ----------------------------------------------------------------------------------

    def export(self, out: Path | None = None) -> Path:
        # the deck code (python-pptx, every slide builder) is imported here, not with the app: a quarter of a
        # second less before the first widget shows
        from copilot.export.from_session import build_deck
        from copilot.export.render import render

        out = out or self.workspace.decks_dir / f"{self.session.path.stem}-{self.language}.pptx"
        return render(build_deck(self.session, self.workshop, self.language), out)
