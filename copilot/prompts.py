"""Prompt templates: one Markdown file per step and language, edited by facilitators, never by Python.

    ---
    id: SD-02
    title: Research synthesis
    track: service-design
    language: en
    inputs:
      focus: {description: What to look for, default: ""}
    retrieval: {query: "{{ focus }} customer pain points", k: 24}
    output: ResearchSynthesis
    model: {temperature: 0.2}
    ---
    system:
    You are …
    user:
    {{ evidence }} …

Front matter is validated (unknown keys are typos, and rejected); the body is rendered in a Jinja sandbox
with limits (copilot/prompt_sandbox.py) and StrictUndefined, so a missing or misspelt variable is an error
naming the file and line, never a silently empty prompt. Research text reaches the template only as fenced, quoted data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from copilot.errors import CopilotError

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n---[ \t]*\n(?P<body>.*)\Z", re.DOTALL)
SECTION = re.compile(r"^(system|user):[ \t]*$", re.MULTILINE)


class TemplateError(CopilotError):
    """A prompt template file is invalid or cannot be rendered."""


class InputSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: str = ""
    default: str | int | float | bool | list | None = None


class RetrievalSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    query: str
    k: int = Field(12, ge=1, le=100)
    filter: dict[str, str] = Field(default_factory=dict)


class FrontMatter(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[A-Z]{2}-\d{2}[A-Za-z0-9-]*$")
    title: str
    track: str
    language: str = Field(pattern="^(nl|en)$")
    output: str
    inputs: dict[str, InputSpec] = Field(default_factory=dict)
    retrieval: RetrievalSpec | None = None
    model: dict[str, str | int | float] = Field(default_factory=dict)
    uses: list[str] = Field(default_factory=list, description="earlier steps whose locked content it reads")


@dataclass(frozen=True)
class RenderedPrompt:
    system: str
    user: str

    def as_text(self) -> str:
        """The whole prompt as one text, for copying into another assistant."""
        return f"{self.system}\n\n{self.user}"


@dataclass(frozen=True)
class PromptTemplate:
    path: Path
    meta: FrontMatter
    system: str
    user: str
    lines: dict[str, int]  # file line where each section's text starts, for error messages

    @property
    def id(self) -> str:
        return self.meta.id

    def defaults(self) -> dict:
        return {name: spec.default for name, spec in self.meta.inputs.items() if spec.default is not None}

    def render(self, **values) -> RenderedPrompt:
        """Render both sections; missing or unknown variables are errors naming the file and line."""
        context = {"prompt_language": self.meta.language, **self.defaults(), **values}
        return RenderedPrompt(self._render("system", self.system, context), self._render("user", self.user, context))

    def render_query(self, **values) -> str:
        if self.meta.retrieval is None:
            return ""
        return self._render("retrieval.query", self.meta.retrieval.query, {**self.defaults(), **values}).strip()

    def _render(self, part: str, source: str, context: dict) -> str:
        from jinja2 import TemplateError as JinjaError
        from jinja2 import UndefinedError

        from copilot.prompt_sandbox import LimitExceeded, render_bounded

        try:
            return render_bounded(_environment().from_string(source), context).strip()
        except LimitExceeded as error:
            raise TemplateError(key=error.key, name=self.path.name, part=part, **error.params) from None
        except (OverflowError, MemoryError, RecursionError) as error:  # what the limits did not foresee
            raise TemplateError(
                key="template_text", name=self.path.name, part=part, limit=type(error).__name__
            ) from None
        except UndefinedError as error:
            raise TemplateError(
                f"{self.path.name}, {part}{self._where(part, error)}: {error.message}. "
                f"Known names here: {', '.join(sorted(set(context) - {'prompt_language'})) or '(none)'}."
            ) from None
        except JinjaError as error:
            raise TemplateError(f"{self.path.name}, {part}{self._where(part, error)}: {error}") from None

    def _where(self, part: str, error: Exception) -> str:
        """', line N' in the file for an error inside a section, when Jinja knows the line."""
        line = getattr(error, "lineno", None)
        first = self.lines.get(part)
        return f", line {first + line - 1}" if line and first else ""


@cache
def _environment():
    from jinja2 import StrictUndefined, pass_context

    from copilot.prompt_sandbox import BoundedSandbox

    # bounded ranges, powers, texts and time: a template file cannot hang or flood the copilot
    environment = BoundedSandbox(undefined=StrictUndefined, keep_trailing_newline=False, autoescape=False)
    environment.filters["quoted"] = quoted
    environment.filters["choice"] = pass_context(_choice)
    return environment


def _choice(context, value: object) -> str:
    """`{{ s.stance | choice }}`: a fixed choice as the prompt's readers say it ("voorstander" in a Dutch prompt,
    not "supportive"), without the label's explanation; empty stays empty."""
    from copilot.i18n import choice_label

    if value in ("", None):
        return ""
    return choice_label(value, context.get("prompt_language", "en")).split("(")[0].strip()


INVISIBLE = re.compile("[\U000e0000-\U000e007f\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060\ufeff]")


def quoted(text: str) -> str:
    """Research text as inert data: fenced, with fences inside it broken so it cannot close ours, and
    characters a person reviewing the prompt could not see (tag characters, bidi overrides) removed."""
    text = INVISIBLE.sub("", str(text))
    return "```text\n" + re.sub(r"[`´｀ˋ]{3,}|~{3,}", "ʼʼʼ", text) + "\n```"


def load_template(path: Path) -> PromptTemplate:
    import yaml

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TemplateError(f"{path.name}: cannot be read ({error}). Save it as UTF-8 text.") from None
    match = FRONT_MATTER.match(text.replace("\r\n", "\n"))
    if match is None:
        raise TemplateError(f"{path.name}: must start with front matter between two '---' lines.")
    try:
        data = yaml.safe_load(match["yaml"]) or {}
    except yaml.YAMLError as error:
        raise TemplateError(f"{path.name}: the front matter is not valid YAML: {error}") from None
    try:
        meta = FrontMatter.model_validate(data)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors(include_url=False)
        )
        raise TemplateError(f"{path.name}: front matter: {problems}.") from None
    body = match["body"]
    body_line = match["yaml"].count("\n") + 4  # both '---' lines, then the body
    parts = SECTION.split(body)
    sections = dict(zip(parts[1::2], parts[2::2], strict=True))
    if set(sections) != {"system", "user"}:
        raise TemplateError(f"{path.name}: the body needs a 'system:' and a 'user:' section, each on its own line.")
    lines = {}
    for name in ("system", "user"):
        header = next(m for m in SECTION.finditer(body) if m.group(1) == name)
        stripped_from = header.end() + (len(sections[name]) - len(sections[name].lstrip()))
        lines[name] = body_line + body.count("\n", 0, stripped_from)
    template = PromptTemplate(path, meta, sections["system"].strip(), sections["user"].strip(), lines)
    _check_syntax(template)
    _check_schema(template)
    return template


def _check_syntax(template: PromptTemplate) -> None:
    from jinja2 import TemplateSyntaxError

    for part, source in (("system", template.system), ("user", template.user)):
        try:
            _environment().parse(source)
        except TemplateSyntaxError as error:
            raise TemplateError(
                f"{template.path.name}, {part}{template._where(part, error)}: {error.message}"
            ) from None


# The output schema names a template may use. The step registry, a layer above, tells this module
# (`use_output_schemas`) when it is imported; until then no name is checked here (the engine still needs one).
_output_schemas: Callable[[], Collection[str]] | None = None


def use_output_schemas(names: Callable[[], Collection[str]]) -> None:
    global _output_schemas
    _output_schemas = names


def _check_schema(template: PromptTemplate) -> None:
    known = _output_schemas() if _output_schemas is not None else None
    if known is not None and template.meta.output not in known:
        raise TemplateError(
            f"{template.path.name}: unknown output schema {template.meta.output!r}. "
            f"Known schemas: {', '.join(sorted(known))}."
        )


def templates(folder: Path, language: str) -> dict[str, PromptTemplate]:
    """Every template for `language`, by step id (files a facilitator adds show up here too)."""
    found: dict[str, PromptTemplate] = {}
    for path in sorted((Path(folder) / language).glob("*.md")):
        template = load_template(path)
        if template.meta.language != language:
            raise TemplateError(f"{path.name}: says language {template.meta.language!r} but is in {language}/.")
        if template.id in found:
            raise TemplateError(f"{path.name}: step id {template.id} is also used by {found[template.id].path.name}.")
        found[template.id] = template
    return found
