"""The workbench: one workshop in progress, as the notebook sees it. Widgets call these methods and get
plain data back; they never touch Chroma, SQLite or python-pptx themselves."""

from __future__ import annotations

from pathlib import Path

from copilot.research.ingest import IngestReport, OnProgress, ingest
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.settings import Workspace, check_language, project_root
from copilot.steps.drafting import draft_step
from copilot.steps.schemas import ResearchSynthesis
from copilot.workshop import WorkshopFormat, formats, load_format

SYNTHESIS = "SD-02"


class Workbench:
    def __init__(
        self,
        workspace: Workspace | None = None,
        language: str = "nl",
        session_path: Path | None = None,
        workshop: str = "journey_pain_points_90",
    ) -> None:
        self.workspace = (workspace or Workspace.default()).ensure()
        self.language = check_language(language)
        self._store: ResearchStore | None = None
        self._retriever = None
        self.workshop = self._load_workshop(workshop)
        path = session_path or self.workspace.sessions_dir / "start-here.cxsession"
        if path.exists():
            self.session = Session.open(path)
        else:
            title = self.workshop.name(language) if self.workshop else "CX Copilot"
            self.session = Session.create(path, title, language, workshop=workshop)

    @staticmethod
    def _load_workshop(workshop_id: str) -> WorkshopFormat | None:
        known = formats(project_root() / "workshop_templates")
        return load_format(known[workshop_id]) if workshop_id in known else None

    @property
    def store(self) -> ResearchStore:
        if self._store is None:  # opening Chroma and loading the model take seconds: only when needed
            self._store = ResearchStore.open(self.workspace.store_dir)
        return self._store

    def set_language(self, language: str) -> None:
        self.language = check_language(language)
        self.session.set_meta("language", language)

    def default_research_folder(self) -> Path:
        return project_root() / "examples" / "research"

    def ingest(self, folder: Path, on_progress: OnProgress | None = None) -> IngestReport:
        return ingest(Path(folder), self.store, on_progress=on_progress)

    def fragments(self) -> int:
        return self.store.count()

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
        from copilot.steps.diff import accept

        self.save(step_id, accept(self.content(step_id), change))

    def reject_draft(self, step_id: str) -> None:
        self.session.discard_draft(step_id)

    def save(self, step_id: str, output) -> None:
        self.session.save_edit(step_id, output)

    def status(self, step_id: str) -> str:
        return self.session.status(step_id)

    def set_locked(self, step_id: str, locked: bool) -> None:
        (self.session.lock if locked else self.session.unlock)(step_id)

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
            redact=bool(choice and not choice.local),
            char_limit=None if choice else paste_limit(),
        )

    def ask_model(self, prepared):
        from functools import partial

        from copilot.llm import chat_model, structured
        from copilot.steps.engine import ask

        choice = self.model()
        return ask(
            prepared,
            chat_model(choice),
            self.session,
            model_name=choice.name,
            cost=choice.cost,
            structure=partial(structured, choice=choice),
        )

    def accept_pasted(self, prepared, text: str, complete: bool = False):
        """A pasted answer as the draft; `complete=True` keeps what was understood of one that did not fit."""
        from copilot.steps.engine import accept

        return accept(prepared, text, self.session, complete=complete)

    def save_synthesis(self, synthesis: ResearchSynthesis) -> None:
        self.session.save_edit(SYNTHESIS, synthesis)

    def quotes(self, ids: list[str]) -> list[dict]:
        return self.session.evidence(ids)

    def is_locked(self) -> bool:
        return self.session.is_locked(SYNTHESIS)

    def lock(self) -> None:
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
