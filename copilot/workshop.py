"""Workshop formats: an agenda of steps and activities with minutes, kept in a YAML file facilitators edit.

A format also says which track notebooks offer it (`tracks:`, each with its place in that notebook's list);
without it, a format shows up in the tracks of its steps, after the shipped ones. So a facilitator's new file
in workshop_templates/ appears in its track notebook with no Python.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from copilot.errors import WorkshopFormatError
from copilot.steps.catalogue import STEPS
from copilot.steps.registry import tracks as known_tracks

log = logging.getLogger(__name__)

LATER = 100  # the place in a track's list of a format that does not give one: after the shipped formats


class AgendaItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    step: str | None = None
    activity: dict[str, str] | None = None  # {"en": ..., "nl": ...} for parts people do without the copilot
    minutes: int = Field(gt=0, le=480)

    @model_validator(mode="after")
    def _step_or_activity(self) -> AgendaItem:
        if (self.step is None) == (self.activity is None):
            raise ValueError("each agenda item needs either `step` or `activity`")
        if self.step is not None and self.step not in STEPS:
            raise ValueError(f"unknown step {self.step!r} (known: {', '.join(STEPS)})")
        return self

    def label(self, language: str) -> str:
        if self.step:
            return f"{self.step} {STEPS[self.step].name(language)}"
        return self.activity.get(language) or self.activity.get("en") or next(iter(self.activity.values()))


class WorkshopFormat(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    title: dict[str, str]
    description: dict[str, str] = Field(default_factory=dict)
    agenda: list[AgendaItem] = Field(min_length=1)
    # the stages of the journey the workshop maps, per language: the copilot estimates how each feels (SD-04)
    journey_stages: dict[str, list[str]] = Field(default_factory=dict)
    # track -> this format's place in that track notebook's list (lower first); empty: the tracks of its steps
    tracks: dict[str, int] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _known_tracks(self) -> WorkshopFormat:
        unknown = [track for track in self.tracks if track not in known_tracks()]
        if unknown:
            raise ValueError(f"unknown track {unknown[0]!r} (known: {', '.join(known_tracks())})")
        return self

    def places(self) -> dict[str, int]:
        """The tracks that offer this format, with its place in each."""
        return self.tracks or {STEPS[step].track: LATER for step in self.steps}

    def stages(self, language: str) -> list[str]:
        return self.journey_stages.get(language) or self.journey_stages.get("en") or []

    def name(self, language: str) -> str:
        return self.title.get(language) or self.title.get("en") or self.id

    @property
    def minutes(self) -> int:
        return sum(item.minutes for item in self.agenda)

    @property
    def steps(self) -> list[str]:
        return [item.step for item in self.agenda if item.step]

    def timetable(self, language: str) -> list[tuple[str, str, int]]:
        """(start "h:mm", label, minutes) for each agenda item."""
        rows, elapsed = [], 0
        for item in self.agenda:
            rows.append((f"{elapsed // 60}:{elapsed % 60:02d}", item.label(language), item.minutes))
            elapsed += item.minutes
        return rows


def load_format(path: Path) -> WorkshopFormat:
    """Read and validate a workshop format; errors name the file and the field to fix."""
    import yaml

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise WorkshopFormatError(f"{path}: cannot be read ({error.strerror}).") from error
    except UnicodeDecodeError as error:  # e.g. saved as Windows-1252 by an older editor
        raise WorkshopFormatError(key="format_not_utf8", name=path.name, detail=error.reason) from None
    except yaml.YAMLError as error:
        raise WorkshopFormatError(f"{path.name}: is not valid YAML: {error}") from error
    try:
        return WorkshopFormat.model_validate(data)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'file'}: {e['msg']}" for e in error.errors(include_url=False)
        )
        raise WorkshopFormatError(f"{path.name}: {problems}. Fix the file and try again.") from None


def formats(folder: Path) -> dict[str, Path]:
    """The workshop formats in `folder`, by id (the file name without .yaml)."""
    return {path.stem: path for path in sorted(Path(folder).glob("*.yaml"))}


def track_formats(folder: Path, track: str) -> list[str]:
    """The ids of the formats in `folder` a track notebook offers, in order. A file that does not load is left
    out of the list (and logged): the tracks keep working while a facilitator fixes it."""
    placed = []
    for workshop_id, path in formats(folder).items():
        stat = path.stat()
        places = _places(str(path), stat.st_mtime_ns, stat.st_size)
        if isinstance(places, WorkshopFormatError):
            log.warning("Workshop format left out of the track notebooks: %s", places)
            continue
        if track in places:
            placed.append((places[track], workshop_id))
    return [workshop_id for _place, workshop_id in sorted(placed)]


@lru_cache(maxsize=256)
def _places(path: str, _mtime_ns: int, _size: int) -> dict[str, int] | WorkshopFormatError:
    """A format file's tracks, read again only when the file changed (a track app lists every format)."""
    try:
        return load_format(Path(path)).places()
    except WorkshopFormatError as error:
        return error
