"""Checks and tests for prompt templates, for facilitators who edit them (`cx-copilot prompts check|test`).

check   every template loads, renders with its defaults, typical quotes and example earlier steps, and stays
        within the prompt budget; every catalogue step has a template in every language.
test    the facilitators' tests in prompts/tests/*.yaml (format: prompts/tests/README.md): a recorded answer goes
        through the same `prepare` and `accept_pasted_answer` as a live one, on a real research store, then the test's
        assertions are checked. `EVIDENCE_1` … in an answer stand for the ids of the prompt's quotes.
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from copilot.errors import CopilotError
from copilot.prompts import PromptTemplate, RenderedPrompt, TemplateError, load_template
from copilot.settings import LANGUAGES
from copilot.steps.schemas import SCHEMAS, Item, StepOutput
from copilot.steps.schemas.examples import EXAMPLES

MAX_PROMPT_TOKENS = 4000
EVIDENCE_TOKEN = re.compile(r"\bEVIDENCE_(\d+)\b")
ASSERTIONS = ("every_item_has_evidence", "max_items", "min_items", "language", "field_present")


class PromptTestError(CopilotError):
    """A facilitator's prompt test file is invalid."""


# --- measuring ----------------------------------------------------------------------------------------

# Quotes of typical length (~200 characters) with real-looking sources, to render and measure templates
# without a research store.
_SAMPLE_SOURCES = (
    ("interviews/interview_07_medewerker_telefoon_nl.txt", "turn 12"),
    ("survey/klanttevredenheid_2026_q3.csv", "row 121"),
    ("interviews/interview_09_expat_move_en.txt", "turn 18"),
    ("contact/contactredenen_2026_q3.csv", "row 48"),
    ("memo/interne_memo_klantcontact_2026.md", "section Waar het vastloopt"),
)
_SAMPLE_SENTENCE = (
    "De chatbot stuurde me steeds terug naar het begin van het menu en er was geen manier om iemand echt te "
    "spreken. Toen ik uiteindelijk belde, moest ik alles opnieuw vertellen, want de medewerker zag het gesprek niet."
)


def sample_evidence(k: int) -> list[dict]:
    """`k` quotes of about 200 characters, shaped like the ones `prepare` gives a template."""
    quotes = []
    for number in range(k):
        source, location = _SAMPLE_SOURCES[number % len(_SAMPLE_SOURCES)]
        quote_id = "q" + hashlib.sha256(str(number).encode()).hexdigest()[:10]
        quotes.append({"id": quote_id, "source": source, "location": location, "text": _SAMPLE_SENTENCE[:200]})
    return quotes


def schema_text(schema: type[BaseModel], language: str = "en") -> str:
    """The JSON schema exactly as the step engine puts it in a prompt (in Dutch for a Dutch one)."""
    from copilot.steps.schema_text import schema_text as shown

    return shown(schema, language)


def example_steps(template: PromptTemplate) -> dict:
    """Example content for the earlier steps a template uses, as `prepare` would pass it."""
    from copilot.steps.catalogue import step

    schemas = {step_id: step(step_id).schema for step_id in template.meta.uses}
    earlier = {
        step_id: schema.model_validate(EXAMPLES[schema.__name__]).model_dump() for step_id, schema in schemas.items()
    }
    return {"steps": earlier} if earlier else {}


def render_sample(template: PromptTemplate, k: int | None = None) -> RenderedPrompt:
    """The template rendered as `prepare` would: defaults, `k` sample quotes, example earlier steps, schema."""
    from copilot.steps.engine import EVIDENCE_TOKEN_BUDGET

    k = template.meta.retrieval.k if (k is None and template.meta.retrieval) else (k or 0)
    k = min(k, EVIDENCE_TOKEN_BUDGET // (len(_SAMPLE_SENTENCE[:200]) // 4 + 15))  # what `within_budget` keeps
    context = example_steps(template)
    template.render_query(**context)
    return template.render(
        evidence=sample_evidence(k),
        schema=schema_text(SCHEMAS[template.meta.output], template.meta.language),
        **context,
    )


def measure(template: PromptTemplate) -> int:
    """Estimated prompt tokens with the template's full `k` quotes of typical length."""
    from copilot.steps.engine import estimate_tokens

    return estimate_tokens(render_sample(template).as_text())


# --- prompts check -------------------------------------------------------------------------------------


def check_templates(folder: Path) -> list[str]:
    """Every problem with the templates in `folder`, one line each, naming the file. Empty when all is well."""
    from copilot.steps.catalogue import STEPS

    folder = Path(folder)
    problems: list[str] = []
    for language in LANGUAGES:
        found: dict[str, Path] = {}
        for path in sorted((folder / language).glob("*.md")):
            where = f"{folder.name}/{language}/{path.name}"
            try:
                template = load_template(path)
            except TemplateError as error:
                problems.append(f"{where}: {_without_name(str(error), path)}")
                continue
            if template.id in found:
                problems.append(f"{where}: step id {template.id} is also used by {found[template.id].name}.")
            found[template.id] = path
            problems += [f"{where}: {problem}" for problem in _check(template, language)]
        problems += [
            f"{folder.name}/{language}/{step_id}_*.md: missing: step {step_id} ({info.name(language)}) "
            "needs a template in every language."
            for step_id, info in STEPS.items()
            if step_id not in found
        ]
    return problems


def _check(template: PromptTemplate, language: str) -> list[str]:
    from copilot.steps.catalogue import STEPS

    meta, problems = template.meta, []
    if meta.language != language:
        problems.append(f"says language {meta.language!r} but is in {language}/.")
    info = STEPS.get(meta.id)
    if info is not None and info.schema is not None and info.schema.__name__ != meta.output:
        problems.append(f"output is {meta.output}, but step {meta.id} produces {info.schema.__name__}.")
    for used in meta.uses:
        if used == meta.id or used not in STEPS:
            problems.append(f"uses {used}, which is not an earlier step in the catalogue.")
    if problems:
        return problems
    try:
        tokens = measure(template)
    except TemplateError as error:
        return [_with_line(error, template)]
    if tokens > MAX_PROMPT_TOKENS:
        k = meta.retrieval.k if meta.retrieval else 0
        return [
            f"the prompt is about {tokens} tokens with {k} typical quotes; keep it under {MAX_PROMPT_TOKENS} "
            "(lower retrieval k or shorten the text)."
        ]
    return []


def _without_name(message: str, path: Path) -> str:
    """TemplateError messages start with the file name; the check line already names the file."""
    return message.removeprefix(f"{path.name}, ").removeprefix(f"{path.name}: ")


def _with_line(error: TemplateError, template: PromptTemplate) -> str:
    """The message, with the file line added when Jinja's error did not carry one (undefined names don't)."""
    import traceback

    message = _without_name(str(error), template.path)
    part, sep, rest = message.partition(": ")
    cause = error.__context__  # the Jinja error; its traceback holds the line within the section
    if not sep or part not in template.lines or cause is None:
        return message
    lines = [frame.lineno for frame in traceback.extract_tb(cause.__traceback__) if frame.filename == "<template>"]
    return f"{part}, line {template.lines[part] + lines[-1] - 1}: {rest}" if lines else message


# --- prompts test --------------------------------------------------------------------------------------


class PromptTest(BaseModel):
    """One facilitator test, as written in prompts/tests/<ID>.yaml."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    step: str
    language: str = Field(pattern="^(nl|en)$")
    name: str = ""
    inputs: dict[str, Any] = Field(default_factory=dict)
    locked: dict[str, dict] = Field(default_factory=dict)
    answer: str | dict | list
    assertions: list[str | dict[str, Any]] = Field(default_factory=list, alias="assert")
    path: Path | None = Field(None, exclude=True)
    number: int = Field(1, exclude=True)

    @property
    def label(self) -> str:
        where = f"{self.path.name}#{self.number}" if self.path else f"#{self.number}"
        return f"{self.step} {self.language} {where}" + (f" ({self.name})" if self.name else "")

    def answer_text(self) -> str:
        return self.answer if isinstance(self.answer, str) else json.dumps(self.answer, ensure_ascii=False)


@dataclass
class PromptTestResult:
    test: PromptTest
    reasons: list[str] = field(default_factory=list)
    prompt_tokens: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.reasons

    def line(self) -> str:
        if self.passed:
            return f"PASS {self.test.label}: {self.prompt_tokens} prompt tokens"
        return f"FAIL {self.test.label}: {'; '.join(self.reasons)}"


def load_tests(folder: Path, step: str | None = None) -> list[PromptTest]:
    """The tests in `folder` (*.yaml), for one step or all; a broken file is an error naming it."""
    import yaml

    tests = []
    for path in sorted(Path(folder).glob("*.y*ml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as error:
            raise PromptTestError(f"{path.name}: cannot be read as YAML: {error}") from None
        entries = data if isinstance(data, list) else [data]
        for number, entry in enumerate(entries, start=1):
            try:
                test = PromptTest.model_validate({**(entry or {}), "path": path, "number": number})
            except (ValidationError, TypeError) as error:
                raise PromptTestError(f"{path.name}, test {number}: {_problems(error)}") from None
            for assertion in test.assertions:
                name = assertion if isinstance(assertion, str) else next(iter(assertion), "")
                if name not in ASSERTIONS or (isinstance(assertion, dict) and len(assertion) != 1):
                    raise PromptTestError(
                        f"{path.name}, test {number}: unknown assertion {assertion!r}. Known: {', '.join(ASSERTIONS)}."
                    )
            if step is None or test.step == step:
                tests.append(test)
    return tests


def _problems(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'test'}: {e['msg']}" for e in error.errors(include_url=False)
        )
    return str(error)


def run_tests(tests: list[PromptTest], retriever, prompts: Path | None = None) -> list[PromptTestResult]:
    """Run each test in a fresh session of its own; a problem fails that test, never the whole run."""
    with tempfile.TemporaryDirectory(prefix="cx-prompt-tests-") as folder:
        return [run_test(test, retriever, Path(folder) / f"{n}.cxsession", prompts) for n, test in enumerate(tests)]


def run_test(test: PromptTest, retriever, session_path: Path, prompts: Path | None = None) -> PromptTestResult:
    from copilot.session import Session
    from copilot.steps.engine import accept_pasted_answer, prepare

    result = PromptTestResult(test)
    session = Session.create(session_path, f"Prompt test {test.label}", test.language)
    try:
        prepared = prepare(
            test.step,
            _with_locked(test, session, prompts),
            retriever,
            language=test.language,
            inputs=test.inputs,
            folder=prompts,
        )
        result.prompt_tokens = prepared.prompt_tokens
        if prepared.prompt_tokens > MAX_PROMPT_TOKENS:
            result.reasons.append(f"the prompt is {prepared.prompt_tokens} tokens, over {MAX_PROMPT_TOKENS}")
        answer = _fill_evidence(test.answer_text(), [e.id for e in prepared.evidence])
        draft = accept_pasted_answer(prepared, answer, session)
        result.warnings = draft.warnings
        result.reasons += check_assertions(test.assertions, draft.output)
    except CopilotError as error:
        result.reasons.append(str(error))
    finally:
        session.close()
    return result


def _with_locked(test: PromptTest, session, prompts: Path | None):
    """The session with the steps the template uses saved and locked: the test's content, else an example."""
    from copilot.prompts import templates
    from copilot.steps.catalogue import step
    from copilot.steps.engine import prompt_folder

    template = templates(prompts or prompt_folder(), test.language).get(test.step)
    uses = template.meta.uses if template else []
    extra = sorted(set(test.locked) - set(uses))
    if extra:
        raise PromptTestError(f"`locked` has {', '.join(extra)}, which {test.step} does not use (uses: {uses}).")
    for step_id in uses:
        schema = step(step_id).schema
        content = test.locked.get(step_id, EXAMPLES[schema.__name__])
        try:
            session.save_edit(step_id, schema.model_validate(content))
        except ValidationError as error:
            raise PromptTestError(f"`locked` {step_id} does not fit {schema.__name__}: {_problems(error)}") from None
        session.lock(step_id)
    return session


def _fill_evidence(answer: str, ids: list[str]) -> str:
    """EVIDENCE_1 … EVIDENCE_n become the ids of the prompt's quotes, in the order the prompt shows them."""

    def replace(match: re.Match) -> str:
        number = int(match.group(1))
        if not 1 <= number <= len(ids):
            raise PromptTestError(f"the answer cites EVIDENCE_{number}, but the prompt has {len(ids)} quotes")
        return ids[number - 1]

    return EVIDENCE_TOKEN.sub(replace, answer)


# --- assertions ----------------------------------------------------------------------------------------


def check_assertions(assertions: list, output: StepOutput) -> list[str]:
    """What fails, one reason per failed assertion."""
    reasons = []
    for assertion in assertions:
        name, value = (assertion, None) if isinstance(assertion, str) else next(iter(assertion.items()))
        reason = _CHECKS[name](output, value)
        if reason:
            reasons.append(reason)
    return reasons


def item_lists(output: StepOutput) -> dict[str, list[Item]]:
    """The output's lists of items by field name (open_questions, a list of texts, is not one)."""
    return output.items()


def _every_item_has_evidence(output: StepOutput, _value) -> str:
    missing = [item.id for items in item_lists(output).values() for item in items if not item.evidence]
    return f"items without evidence: {', '.join(missing)}" if missing else ""


def _counts(output: StepOutput, value) -> dict[str, int]:
    lists = item_lists(output)
    if isinstance(value, dict):
        unknown = [name for name in value if name not in lists]
        if unknown:
            raise PromptTestError(f"no list {', '.join(unknown)} in {type(output).__name__} (lists: {list(lists)})")
        return {name: len(lists[name]) for name in value}
    return {"items": sum(len(items) for items in lists.values())}


def _limit(output: StepOutput, value, too_many: bool) -> str:
    limits = value if isinstance(value, dict) else {"items": value}
    reasons = []
    for name, count in _counts(output, value).items():
        limit = int(limits[name])
        if (count > limit) if too_many else (count < limit):
            reasons.append(f"{count} {name}, expected {'at most' if too_many else 'at least'} {limit}")
    return "; ".join(reasons)


def _language(output: StepOutput, value) -> str:
    from copilot.research.language import detect

    # enum values ('agent-assist') and ids are not prose; only texts of three words or more count
    texts = [text for text in _strings(output.model_dump()) if len(text.split()) >= 3]
    found = detect(" ".join(texts), default="unclear")
    return "" if found == value else f"the answer is not in {value} (looks {found})"


def _strings(data) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for key, v in data.items() if key not in ("id", "evidence") for s in _strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v)]
    return []


def _field_present(output: StepOutput, value) -> str:
    name = str(value)
    if name in type(output).model_fields:
        return "" if getattr(output, name) not in ("", None, []) else f"{name} is empty"
    models = type(output).item_lists()
    lists = {key: items for key, items in output.items().items() if name in models[key].model_fields}
    if not lists:
        return f"no field {name} in {type(output).__name__}"
    empty = [item.id for items in lists.values() for item in items if getattr(item, name) in ("", None, [])]
    return f"{name} is empty in {', '.join(empty)}" if empty else ""


_CHECKS = {
    "every_item_has_evidence": _every_item_has_evidence,
    "max_items": lambda output, value: _limit(output, value, too_many=True),
    "min_items": lambda output, value: _limit(output, value, too_many=False),
    "language": _language,
    "field_present": _field_present,
}


# --- the example research store ---------------------------------------------------------------------------


def example_retriever(research: Path, store_dir: Path, on_progress=None):
    """A retriever over `research`, ingested into the store at `store_dir` (unchanged files cost nothing)."""
    from copilot.research.ingest import ingest
    from copilot.research.retrieval import Retriever
    from copilot.research.store import ResearchStore

    store = ResearchStore.open(Path(store_dir))
    report = ingest(Path(research), store, on_progress=on_progress)
    if report.failed:
        raise PromptTestError(f"Research files failed to load: {', '.join(f.source for f in report.failed)}")
    return Retriever(store)
