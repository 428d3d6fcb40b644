"""The application service: what the notebook (`Workbench`), the command line and the headless run all do the
same way — open a workspace, find a workshop format, name a new session, decide whether a prompt is redacted,
build a session's deck.

    AppService.open()        the workspace (CX_COPILOT_HOME or .cx-copilot/) and the project folder
    .workshop(id)            a format by id from workshop_templates/ (None when there is no such file)
    .track_formats(track)    the formats a track notebook offers, as the format files declare
    .new_session_path(id)    a new, safely named session file in the workspace
    redact_for(choice)       the one rule: research leaving this machine is redacted
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from copilot.session import Session
from copilot.session_files import inside, safe_name
from copilot.settings import Workspace, project_root
from copilot.workshop import WorkshopFormat, formats, load_format, track_formats


def redact_for(choice) -> bool:
    """Whether a prompt is redacted before it is sent: always, unless the model runs on this machine. Without a
    model (`choice` None) the prompt is pasted into an assistant by a person, who sees it first."""
    return bool(choice and not choice.local)


@dataclass(frozen=True)
class AppService:
    workspace: Workspace
    root: Path  # the project folder: workshop_templates/ and prompts/

    @classmethod
    def open(cls, workspace: Workspace | None = None, root: Path | None = None, ensure: bool = True) -> AppService:
        """`ensure=False` for commands that only read (listing formats): no workspace folders are made."""
        workspace = workspace or Workspace.default()
        return cls(workspace.ensure() if ensure else workspace, Path(root) if root else project_root())

    def store(self):
        """The research store (opening Chroma and the embedder takes seconds: call it only when needed)."""
        from copilot.research.store import ResearchStore

        return ResearchStore.open(self.workspace.store_dir)

    # --- workshop formats ----------------------------------------------------------------------

    @property
    def formats_folder(self) -> Path:
        return self.root / "workshop_templates"

    def formats(self) -> dict[str, Path]:
        return formats(self.formats_folder)

    def workshop(self, workshop_id: str | None) -> WorkshopFormat | None:
        """The format with this id, or None when no file has it (a session may name one since removed)."""
        known = self.formats()
        return load_format(known[workshop_id]) if workshop_id in known else None

    def track_formats(self, track: str) -> list[str]:
        return track_formats(self.formats_folder, track)

    # --- sessions ------------------------------------------------------------------------------

    def new_session_path(self, workshop_id: str) -> Path:
        """A new file in the workspace's sessions folder; the id (from a format file anyone can edit) is made a
        safe name first, so `../` or a slash in it cannot put the session anywhere else."""
        return new_session_path(self.workspace, workshop_id)

    def track_session_path(self, track: str) -> Path:
        """The session a track notebook keeps working in."""
        return inside(self.workspace.sessions_dir, self.workspace.sessions_dir / f"{safe_name(track)}.cxsession")

    def session_workshop(self, session: Session) -> WorkshopFormat | None:
        return self.workshop(session.meta("workshop"))

    # --- decks ---------------------------------------------------------------------------------

    def export_session(
        self,
        session_file: Path,
        out: Path,
        language: str | None = None,
        share: bool = False,
        theme: Path | None = None,
        master: str | None = None,
        fmt: str = "pptx",
    ) -> Path:
        """A session as a deck (`fmt` pptx) or Markdown (md), built for the workshop format it was made in."""
        from copilot.export.from_session import build_deck
        from copilot.export.markdown import write_markdown
        from copilot.export.render import render
        from copilot.session_files import check_deck_target
        from copilot.steps.evidence_fit import workspace_store

        check_deck_target(out, fmt, session_file)  # never over the session, another program's file, or a folder
        session = Session.open(session_file)
        try:
            # with the workspace's research, items citing quotes about something else are marked weak evidence
            store = workspace_store(self.workspace.store_dir)
            deck = build_deck(session, self.session_workshop(session), language, share=share, store=store)
        finally:
            session.close()
        if fmt == "md":
            write_markdown(deck, out)
        else:
            render(deck, out, theme, master)
        return out


def new_session_path(workspace: Workspace, workshop_id: str) -> Path:
    """A new file in the workspace's sessions folder, named after the (safe) workshop id and the time."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    name = safe_name(workshop_id, fallback="workshop")
    path = workspace.sessions_dir / f"{name}-{stamp}.cxsession"
    n = 1
    while path.exists():
        n += 1
        path = workspace.sessions_dir / f"{name}-{stamp}-{n}.cxsession"
    return inside(workspace.sessions_dir, path)
