"""The step engine: one well-posed question per step, grounded in the research.

    prepare              — template + locked earlier steps + retrieved evidence (deduplicated, within a token
                           budget, redacted when it will leave the machine) → a rendered prompt
    ask                  — a chat model answers (under the step's JSON schema where the provider can constrain
                           it); the answer is validated, repaired once if needed, and grounded
    accept_pasted_answer — the same for an answer a person pasted from another assistant (offline mode); an
                           answer that does not fully fit is never just rejected nor silently trimmed:
                           `AnswerIncomplete` says what was understood and what is missing, and `complete=True`
                           keeps what was understood as the draft (not `steps.diff.accept_change`, which takes
                           one proposed change into content people edited)
Both end in a draft in the session; people edit and lock it from there. A prompt for pasting is kept within
the assistant's input limit (`paste_limit`, characters) by leaving out the lowest-ranked quotes.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from copilot.errors import StepError
from copilot.i18n import place_label, t
from copilot.prompts import PromptTemplate, RenderedPrompt, templates
from copilot.research.retrieval import Retriever
from copilot.research.store import Evidence
from copilot.session import Session
from copilot.settings import Organisation, project_root
from copilot.steps.answers import AnswerError, AnswerIncomplete, describe, parse_answer, read_answer, salvage
from copilot.steps.grounding import ground
from copilot.steps.quote_marks import remember_given
from copilot.steps.quote_sentences import excerpt, supporting
from copilot.steps.schema_text import answer_schema
from copilot.steps.schema_text import schema_text as shown_schema
from copilot.steps.schemas import SCHEMAS
from copilot.steps.step_queries import gather, plan, used_by_other_steps

EVIDENCE_TOKEN_BUDGET = 2500  # keeps a whole prompt near 4k tokens, so small local models cope too
CHARS_PER_TOKEN = 4  # an estimate that holds for Dutch and English; no tokenizer download needed
PASTE_LIMIT = 8000  # characters an organisation's assistant takes in one message, unless set otherwise


def paste_limit() -> int:
    """The assistant's input limit in characters: `CX_COPILOT_PASTE_LIMIT`, else 8,000."""
    value = os.environ.get("CX_COPILOT_PASTE_LIMIT", "").strip().replace("_", "").replace(".", "")
    if not value:
        return PASTE_LIMIT
    if not value.isdigit() or int(value) < 500:
        raise StepError(f"CX_COPILOT_PASTE_LIMIT must be a number of characters (at least 500), not {value!r}.")
    return int(value)


def estimate_tokens(text: str) -> int:
    return max(1, len(text) // CHARS_PER_TOKEN)


@dataclass
class PreparedStep:
    step_id: str
    template: PromptTemplate
    schema: type[BaseModel]
    evidence: list[Evidence]
    prompt: RenderedPrompt
    redacted: bool
    char_limit: int | None = None  # the assistant's input limit the prompt was fitted to, if any
    dropped: int = 0  # quotes left out to fit it
    excerpts: dict[str, str] = field(default_factory=dict)  # what the prompt shows of each quote, by id

    @property
    def prompt_tokens(self) -> int:
        return estimate_tokens(self.prompt.as_text())

    @property
    def prompt_chars(self) -> int:
        return len(self.prompt.as_text())

    @property
    def too_long(self) -> bool:
        return self.char_limit is not None and self.prompt_chars > self.char_limit


@dataclass
class Draft:
    output: BaseModel
    warnings: list[str] = field(default_factory=list)


def prompt_folder() -> Path:
    return project_root() / "prompts"


def prepare(
    step_id: str,
    session: Session,
    retriever: Retriever,
    language: str | None = None,
    inputs: dict | None = None,
    redact: bool = False,
    folder: Path | None = None,
    char_limit: int | None = None,
    organisation: Organisation | None = None,
) -> PreparedStep:
    """The step's prompt. With `char_limit` (for pasting into an assistant) the lowest-ranked quotes are left
    out until the whole prompt fits in that many characters."""
    language = language or session.language
    available = templates(folder or prompt_folder(), language)
    if step_id not in available:
        raise StepError(f"No {language} prompt template for step {step_id} in {folder or prompt_folder()}/{language}.")
    template = available[step_id]
    schema = SCHEMAS[template.meta.output]
    context = {
        **workspace_inputs(template, session, organisation),
        **(inputs or {}),
        **_earlier_steps(template, session),
    }
    evidence: list[Evidence] = []
    excerpts: dict[str, str] = {}
    if template.meta.retrieval:
        search = plan(
            step_id, template.render_query(**context), session, context, used_by_other_steps(session, step_id)
        )
        where = dict(template.meta.retrieval.filter) or None
        found = gather(retriever, search, template.meta.retrieval.k, where)
        excerpts = claim_sized(found, getattr(retriever.store, "embedder", None))
        evidence = within_budget([e for e, _ in found], texts=excerpts)
    # not `Quote.cite`: the model is shown source and place as two sanitised labels (templates, a team's own too,
    # write them as "{source}, {location}"), so neither can carry a sentence past the fence
    quotes = [
        {
            "id": e.id,
            "source": _label(e.chunk.source),
            "location": _label(place_label(e.chunk.location, language)),
            "text": excerpts.get(e.id, e.chunk.text),
        }
        for e in evidence
    ]
    if redact:
        from copilot.research.redaction import Redactor

        redactor = Redactor(language=language, known_names={e.chunk.speaker for e in evidence if e.chunk.speaker})
        quotes = [{**q, "text": redactor.redact(q["text"])} for q in quotes]
    schema_text = shown_schema(schema, language)
    prompt = template.render(evidence=quotes, schema=schema_text, **context)
    kept = len(quotes)
    while char_limit is not None and kept > 0 and len(prompt.as_text()) > char_limit:
        kept -= 1  # the retriever ranks best first: the last quote is the least relevant
        prompt = template.render(evidence=quotes[:kept], schema=schema_text, **context)
    return PreparedStep(
        step_id,
        template,
        schema,
        evidence[:kept],
        prompt,
        redact,
        char_limit,
        dropped=len(quotes) - kept,
        excerpts={q["id"]: q["text"] for q in quotes[:kept]},
    )


def workspace_inputs(template: PromptTemplate, session: Session, organisation: Organisation | None = None) -> dict:
    """Inputs the template declares that the copilot knows without asking: the organisation's `sector` and
    `currency` (workspace settings) and the `brief` (the locked SD-01 challenge). Unknown ones keep their
    neutral defaults, so no sector or currency is ever guessed."""
    from copilot.settings import organisation as read_organisation

    declared = template.meta.inputs
    known: dict = {}
    if {"sector", "currency"} & set(declared):
        found = organisation or read_organisation()
        known |= {key: getattr(found, key) for key in ("sector", "currency") if key in declared and getattr(found, key)}
    if "brief" in declared and session.is_locked("SD-01"):
        from copilot.steps.schemas import ChallengeBrief

        known["brief"] = session.content("SD-01", ChallengeBrief).challenge
    return known


def claim_sized(found: list[tuple[Evidence, str]], embedder=None) -> dict[str, str]:
    """What the prompt shows of each quote: the sentences of its passage that answer the search that found
    it, marked with an ellipsis where the passage goes on (the model may cite them; grounding checks the whole
    passage, and the notes and appendix keep it)."""
    embed = embedder.embed if embedder is not None else None
    return {e.id: excerpt(e.chunk.text, supporting(e.chunk.text, query, embed=embed)) for e, query in found}


def _label(text: str, limit: int = 60) -> str:
    """A file or sheet name as it appears above a fenced quote: it is not fenced, so it may not carry
    sentences — only a short run of name-like characters."""
    cleaned = re.sub(r"[^\w.,/()\- ]", "", text)
    cleaned = re.sub(r"\s+", "_", cleaned.strip())
    return cleaned[:limit]


def _earlier_steps(template: PromptTemplate, session: Session) -> dict:
    """Locked earlier steps, as plain data the template can use (`steps["SD-02"].themes`)."""
    earlier = {}
    for step_id in template.meta.uses:
        if not session.is_locked(step_id):
            raise StepError(key="lock_first", step=template.id, earlier=step_id)
        schema = _schema_of(step_id, template)
        earlier[step_id] = session.content(step_id, schema).model_dump()
    return {"steps": earlier} if earlier else {}


def _schema_of(step_id: str, template: PromptTemplate) -> type[BaseModel]:
    from copilot.steps.catalogue import step

    schema = step(step_id).schema
    if schema is None:
        raise StepError(f"{template.path.name}: uses {step_id}, which has no output schema yet.")
    return schema


def within_budget(
    evidence: list[Evidence], budget: int = EVIDENCE_TOKEN_BUDGET, texts: dict[str, str] | None = None
) -> list[Evidence]:
    """Best quotes first, skipping repeats (templated notes, copy-pasted answers), until the budget is spent.
    `texts` are what the prompt shows of each quote (its claim-sized sentences), by id."""
    kept, seen, spent = [], set(), 0
    for item in evidence:
        shown = (texts or {}).get(item.id, item.chunk.text)
        key = " ".join(shown.lower().split())
        cost = estimate_tokens(shown) + 15  # id, source and fence lines
        if key in seen or spent + cost > budget:
            continue
        seen.add(key)
        kept.append(item)
        spent += cost
    return kept


def ask(
    prepared: PreparedStep,
    model,
    session: Session,
    model_name: str = "model",
    cost=None,
    structure: Callable | None = None,
) -> Draft:
    """Ask a LangChain chat model; validate the answer, repair it once, ground it, and log every call.
    `structure(model, schema, schema_json=…)` binds the provider's own structured output (see `llm.structured`)."""
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

    if prepared.template.meta.model:  # the template's own settings, e.g. a low temperature
        model = model.bind(**prepared.template.meta.model)
    if structure is not None:  # the provider holds the answer to the schema the prompt shows, in its language
        model = structure(
            model, prepared.schema, schema_json=answer_schema(prepared.schema, prepared.template.meta.language)
        )
    messages = [SystemMessage(prepared.prompt.system), HumanMessage(prepared.prompt.user)]
    answer = _call(model, messages, prepared, session, model_name, cost)
    try:
        # a model must answer in JSON; Markdown is for people pasting from another assistant
        output, notes = _model_answer(answer, prepared)
    except AnswerError as error:
        language = prepared.template.meta.language  # the model is asked again in the prompt's language
        repair = t("answers.repair", language, error=error.say(language))
        messages += [AIMessage(answer), HumanMessage(repair)]
        answer = _call(model, messages, prepared, session, model_name, cost)
        try:
            output, notes = _model_answer(answer, prepared)
        except AnswerError as second:
            raise StepError(key="model_unfit", step=prepared.step_id, detail=second) from None
    draft = _finish(prepared, output, session, actor="ai")
    draft.warnings = [describe(note, prepared.template.meta.language) for note in notes] + draft.warnings
    return draft


def _model_answer(answer: str, prepared: PreparedStep) -> tuple[BaseModel, list]:
    """A model's answer (JSON only) as the step's output, with what the person should be told (an unfinished
    last item of a cut-off answer is left out)."""
    output = parse_answer(answer, prepared.schema, markdown=False, language=prepared.template.meta.language)
    return output, read_answer(answer, prepared.schema, markdown=False).notes


def accept_pasted_answer(prepared: PreparedStep, pasted: str, session: Session, complete: bool = False) -> Draft:
    """An answer pasted from another assistant, checked like a model's. When part of it does not fit, nothing
    is saved and `AnswerIncomplete` says what was understood and what not; `complete=True` then saves what was
    understood, for the person to complete in the step editor (the problems come back as warnings)."""
    if not (pasted or "").strip():
        raise StepError(key="pasted_unfit", step=prepared.step_id, detail=AnswerError(key="answer_empty"))
    reading = read_answer(pasted, prepared.schema)
    if reading.form == "none" or not reading.understood:
        raise StepError(key="pasted_unfit", step=prepared.step_id, detail=AnswerError(key="answer_unreadable"))
    if not reading.complete and not complete:
        raise AnswerIncomplete(prepared.step_id, reading)
    draft = _finish(prepared, salvage(reading, prepared.schema), session, actor="pasted")
    language = prepared.template.meta.language
    told = reading.notes + reading.problems
    draft.warnings = [describe(problem, language) for problem in told] + draft.warnings
    return draft


def _finish(prepared: PreparedStep, output: BaseModel, session: Session, actor: str) -> Draft:
    by_id = {e.id: e.chunk for e in prepared.evidence}
    language = prepared.template.meta.language
    output, warnings = ground(output, {quote_id: chunk.text for quote_id, chunk in by_id.items()}, language)
    remember_given(session, prepared.step_id, list(by_id.values()))  # quotations are checked again on display
    session.save_draft(prepared.step_id, output, actor=actor)
    return Draft(output, warnings)


def _call(model, messages, prepared: PreparedStep, session: Session, model_name: str, cost) -> str:
    from copilot.research.redaction import Redactor

    prompt_text = "\n\n".join(str(m.content) for m in messages)
    speakers = {e.chunk.speaker for e in prepared.evidence if e.chunk.speaker}
    logged_prompt = Redactor(language=prepared.template.meta.language, known_names=speakers).redact(prompt_text)
    started = time.perf_counter()
    try:
        reply = model.invoke(messages)
    except Exception as error:  # provider errors vary; the person gets one clear message
        session.log_call(
            prepared.step_id,
            model_name,
            logged_prompt,
            error=f"{type(error).__name__}: {error}",
            latency_ms=int((time.perf_counter() - started) * 1000),
        )
        raise StepError(key="model_silent", step=prepared.step_id, detail=f"{type(error).__name__}: {error}") from error
    latency = int((time.perf_counter() - started) * 1000)
    text = _reply_text(reply)
    usage = getattr(reply, "usage_metadata", None) or {}
    prompt_tokens = usage.get("input_tokens") or estimate_tokens(prompt_text)
    completion_tokens = usage.get("output_tokens") or estimate_tokens(text)
    session.log_call(
        prepared.step_id,
        model_name,
        logged_prompt,
        text,
        prompt_tokens,
        completion_tokens,
        latency,
        cost(prompt_tokens, completion_tokens) if cost else 0.0,
    )
    return text


def _reply_text(reply) -> str:
    """The answer's text; with tool use (Anthropic's structured output) the tool call's arguments as JSON."""
    tool_calls = getattr(reply, "tool_calls", None) or []
    if tool_calls and not (isinstance(reply.content, str) and reply.content.strip().startswith("{")):
        return json.dumps(tool_calls[0].get("args", {}), ensure_ascii=False)
    if isinstance(reply.content, str):
        return reply.content
    texts = [part.get("text", "") for part in reply.content if isinstance(part, dict)]
    return "".join(texts) if any(texts) else json.dumps(reply.content)
