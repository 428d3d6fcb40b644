"""A track notebook as an app: pick a workshop format, see its agenda, and work through its steps in order.

Each step is a StepEditor; a step that builds on another asks for that one to be locked first. The formats a
track offers are declared in the format files (`tracks:` in workshop_templates/*.yaml), not here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import ipywidgets as w

from copilot.app_service import AppService
from copilot.errors import WorkshopFormatError
from copilot.i18n import t
from copilot.steps.registry import in_track, tracks
from copilot.ui.export_panel import ExportPanel
from copilot.ui.participation_panel import ParticipationPanel
from copilot.ui.research_panel import ResearchPanel
from copilot.ui.step_editor import StepEditor
from copilot.ui.style import step_heading, stylesheet
from copilot.ui.track_header import TrackHeader
from copilot.workbench import Workbench
from copilot.workshop import load_format


class _TrackFormats(Mapping):
    """track -> the ids of the workshop formats its notebook offers, read from the format files each time."""

    def __getitem__(self, track: str) -> list[str]:
        if track not in tracks():
            raise KeyError(track)
        return AppService.open(ensure=False).track_formats(track)

    def __iter__(self) -> Iterator[str]:
        return iter(tracks())

    def __len__(self) -> int:
        return len(tracks())


TRACK_FORMATS: Mapping[str, list[str]] = _TrackFormats()


class TrackApp(w.VBox):
    def __init__(
        self, track: str, bench: Workbench | None = None, language: str | None = None, workshop: str | None = None
    ) -> None:
        super().__init__(layout=w.Layout(max_width="1040px"))
        self.add_class("cx-app")
        self.track = track
        service = bench.app if bench else AppService.open()
        self.known = service.formats()
        self.formats = service.track_formats(track)
        if not self.formats:
            raise WorkshopFormatError(key="track_without_formats", folder=str(service.formats_folder), track=track)
        # a new session is named after the track's first format, not the start-here workshop
        self.bench = bench or Workbench(
            language=language, session_path=service.track_session_path(track), workshop=workshop or self.formats[0]
        )
        current = self.bench.workshop.id if self.bench.workshop else None
        workshop = workshop or (current if current in self.formats else self.formats[0])
        if workshop != current:
            self.bench.use_workshop(workshop)
        self.language = w.ToggleButtons(
            options=[("Nederlands", "nl"), ("English", "en")],
            value=self.bench.language,
            style={"button_width": "auto"},
            layout=w.Layout(flex="0 0 auto"),
        )
        self.language.observe(lambda change: self._switch_language(change["new"]), names="value")
        self.build()

    @property
    def format(self) -> w.Dropdown:
        return self.header.format

    def build(self) -> None:
        lang = self.bench.language
        names = {n: load_format(self.known[n]).name(lang) for n in self.formats}
        self.header = TrackHeader(self.bench, self.track, names, self.language, self._switch_format)
        workshop = self.bench.workshop
        steps = workshop.steps if workshop else in_track(self.track)
        self.steps = [StepEditor(self.bench, step_id) for step_id in dict.fromkeys(steps)]
        self.research = ResearchPanel(self.bench)
        self.research.show_store_soon()  # "already in: …", without holding up the first paint
        self.export = ExportPanel(self.bench)
        reload = lambda step: [e.reload() for e in self.steps if e.step_id == step]  # noqa: E731
        self.participation = ParticipationPanel(self.bench, on_drafted=reload)
        self.children = [
            stylesheet(),
            self.header,
            _section(
                step_heading("", t("ui.start.research_title", lang), t("ui.track_research_hint", lang)), self.research
            ),
            _section(step_heading("", t("participation.panel_title", lang)), self.participation),
            *self.steps,
            _section(step_heading("", t("ui.deck", lang), t("ui.start.hint_deck", lang)), self.export),
        ]

    def _switch_language(self, language: str) -> None:
        self.bench.set_language(language)
        self.build()  # every edit is already saved in the session

    def _switch_format(self, workshop_id: str) -> None:
        """Another format: the header (title, builds-on note, agenda) and the steps are rebuilt for it."""
        self.bench.use_workshop(workshop_id)
        self.build()


def _section(heading: w.HTML, body: w.Widget) -> w.VBox:
    box = w.VBox([heading, body], layout=w.Layout(width="100%"))
    box.add_class("cx-step")
    return box
