"""Workshop formats: an agenda of steps and activities with minutes, kept in a YAML file facilitators edit."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from copilot.errors import WorkshopFormatError
from copilot.steps.catalogue import STEPS


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
