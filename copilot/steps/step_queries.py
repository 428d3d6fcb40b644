"""Retrieval that follows the step: what each step searches the research for, and in which kinds of research.

A template's `retrieval.query` says what the step looks for in general ("what changes for employees,
workload…"). A step works on something more specific: the stage being mapped, the stakeholder group being
assessed, the idea being costed. `plan` turns that into searches: the template's query first, then one per
locked earlier item the step works on (its own words first, the step's question after), and which research
fits the question: memos and documents for past initiatives and the organisation, staff interviews for
readiness, customers' interviews and surveys for the customer's side. `gather` runs them through the
retriever's public `search`, interleaves them so every item gets its quotes, prefers research that fits, and
passes over quotes other steps were already given when other relevant ones are there.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from copilot.research.chunks import Chunk
from copilot.research.store import Evidence
from copilot.session import Session

CUSTOMERS, SURVEY, STAFF, DOCUMENTS, FIGURES = "customers", "survey", "staff", "documents", "figures"
# research that fits the question is lifted, the rest lowered, by this much (hybrid scores of the top 20
# quotes for a question typically span 0.6–1.1)
FIT_BONUS = 0.15
REPEAT_PENALTY = 0.09  # a quote another step was given yields to a nearly as relevant fresh one
MAX_PROMPTS = 5  # a quote that many other prompts carry already yields to any fresh one the search found
MAX_QUERIES = 8  # items searched one by one; more are folded into the last search
# folders and file names where teams keep what their own people said (staff interviews, team notes)
_STAFF = re.compile(
    r"(^|[/_\-. ])(staff|employees?|medewerkers?|personeel|collega'?s|colleagues|team|intern|internal|"
    r"werkvloer|frontoffice|backoffice|balie)([/_\-. ]|$)",
    re.IGNORECASE,
)
_SURVEY = re.compile(r"(^|[/_\-. ])(survey|enquete|enquête|vragenlijst|questionnaire)", re.IGNORECASE)


@dataclass(frozen=True)
class StepSearch:
    """The searches for one step: `queries` (the step's own first), and the research that fits it."""

    queries: list[str]
    fits: tuple[str, ...] = ()
    avoid: Mapping[str, int] = field(default_factory=dict)  # ids other steps were given, with how many steps

    def repeat_penalty(self, quote_id: str) -> float:
        given = self.avoid.get(quote_id, 0)
        return 0.0 if not given else REPEAT_PENALTY if given < MAX_PROMPTS else 1.0


def audience(chunk: Chunk) -> set[str]:
    """What kind of research a quote is: customers' words in interviews or a survey, staff's words, a
    document (memo, report), figures (a number in running text)."""
    path = chunk.source
    staff = bool(_STAFF.search(path) or _STAFF.search(chunk.metadata.get("group", "")))
    kinds: set[str] = set()
    if chunk.kind == "table" or _SURVEY.search(path):
        kinds.add(STAFF if staff else SURVEY)
    elif chunk.kind == "transcript":
        kinds.add(STAFF if staff else CUSTOMERS)
    else:
        kinds.add(STAFF if staff else DOCUMENTS)
    if chunk.kind != "table" and re.search(r"\d", chunk.text):
        kinds.add(FIGURES)
    return kinds


def _text(*parts: object) -> str:
    flat: list[str] = []
    for part in parts:
        if isinstance(part, list | tuple):
            flat += [str(p) for p in part if p]
        elif part:
            flat.append(str(part))
    return " ".join(" ".join(flat).split())


def _locked(session: Session, step_id: str) -> dict | None:
    from copilot.steps.catalogue import step

    if not session.is_locked(step_id):
        return None
    schema = step(step_id).schema
    content = session.content(step_id, schema) if schema else None
    return content.model_dump() if content is not None else None


def _costed_idea(shelved: dict | None, asked: str) -> dict | None:
    """The AI-02 idea AI-03 costs: the one named, else the one whose viability grew most."""
    ideas = (shelved or {}).get("ideas") or []
    if asked:
        named = [i for i in ideas if asked.lower() in _text(i.get("id"), i.get("idea")).lower()]
        return named[0] if named else {"idea": asked}
    if not ideas:
        return None
    return max(ideas, key=lambda i: (i.get("viability_now") or 0) - (i.get("viability_then") or 0))


def _items(step_id: str, session: Session, context: dict) -> tuple[list[str], tuple[str, ...]]:
    """The things a step works on, as search texts, and the research that fits its question."""
    earlier = context.get("steps", {})

    def locked(step: str) -> dict:
        return earlier.get(step) or _locked(session, step) or {}

    if step_id == "SD-01":  # why now, baselines: the organisation's own figures
        return [], (DOCUMENTS, FIGURES)
    if step_id in ("SD-02", "SC-04"):  # what customers say about what the brief put in scope
        return [_text(part.get("text")) for part in locked("SD-01").get("scope_in") or []], (CUSTOMERS, SURVEY)
    if step_id == "SD-04":
        return [], (CUSTOMERS,)
    if step_id == "SD-03":
        segments = locked("SD-01").get("segments") or []
        return [_text(s.get("name"), s.get("description")) for s in segments], (CUSTOMERS,)
    # a stage is searched within its journey: "Melden" alone finds every report of anything
    journey = locked("SD-04")
    if step_id in ("SD-05", "AI-01"):  # what goes wrong per stage; AI-01 also what staff do there
        fits = (CUSTOMERS, SURVEY) if step_id == "SD-05" else (CUSTOMERS, STAFF)
        return [
            _text(journey.get("journey"), s.get("name"), s.get("pains"), s.get("touchpoints"))
            for s in journey.get("stages") or []
        ], fits
    if step_id == "SD-06":
        questions = locked("SD-05").get("questions") or []
        return [_text(q.get("question"), q.get("pain")) for q in questions], ()
    if step_id == "SD-07":
        ideas = locked("SD-06").get("ideas") or []
        return [_text(i.get("title"), i.get("pitch")) for i in ideas], (FIGURES, DOCUMENTS, STAFF)
    if step_id == "SD-08":
        stages = journey.get("stages") or []
        return [_text(journey.get("journey"), s.get("name"), s.get("touchpoints")) for s in stages], (CUSTOMERS, STAFF)
    if step_id == "SC-01":
        return [], (STAFF, DOCUMENTS)
    if step_id in ("SC-02", "SC-03"):  # who influences whom is in memos too; readiness is in staff's words
        people = locked("SC-01").get("stakeholders") or []
        fits = (STAFF, DOCUMENTS) if step_id == "SC-02" else (STAFF,)
        return [_text(s.get("role"), s.get("cares_about")) for s in people], fits
    if step_id == "SC-05":
        groups = locked("SC-03").get("groups") or []
        people = locked("SC-01").get("stakeholders") or []
        texts = [_text(g.get("group"), g.get("first_barrier"), g.get("support_needed")) for g in groups]
        return texts or [_text(s.get("role"), s.get("cares_about")) for s in people], (STAFF, DOCUMENTS)
    if step_id == "AI-02":
        return [str(context.get("known_ideas") or "")], (DOCUMENTS,)
    if step_id == "AI-03":
        idea = _costed_idea(locked("AI-02"), str(context.get("idea") or ""))
        about = [_text(idea.get("idea"), idea.get("blocker_gone"), idea.get("next_step"))] if idea else []
        return about, (FIGURES, DOCUMENTS)
    return [], ()


def plan(
    step_id: str, base_query: str, session: Session, context: dict, avoid: Mapping[str, int] | Iterable[str] = ()
) -> StepSearch:
    """The searches for `step_id`: the template's query (`base_query`, rendered with the step's inputs),
    then the items it works on, each with the step's question after them."""
    items, fits = _items(step_id, session, context)
    items = [item for item in items if item.strip()]
    if len(items) > MAX_QUERIES:
        items = [*items[: MAX_QUERIES - 1], " ".join(items[MAX_QUERIES - 1 :])]
    queries = [base_query, *(f"{item}. {base_query}" for item in items)] if base_query else items
    avoid = avoid if isinstance(avoid, Mapping) else Counter(avoid)
    return StepSearch([q for q in queries if q.strip()], fits, avoid)


def used_by_other_steps(session: Session, step_id: str) -> Counter[str]:
    """The quote ids other steps of this session were given (their prompts), with how many steps, to pass over
    when possible."""
    from copilot.steps.catalogue import STEPS
    from copilot.steps.quote_marks import given

    return Counter(quote for other in STEPS if other != step_id for quote in set(given(session, other)))


def _fit(chunk: Chunk, fits: tuple[str, ...]) -> int:
    """+1 for research that fits the question, −1 for research that does not, 0 when any research fits."""
    if not fits:
        return 0
    return 1 if audience(chunk) & set(fits) else -1


def gather(retriever, search: StepSearch, k: int, where: dict | None = None) -> list[tuple[Evidence, str]]:
    """About `k` quotes for the step, each with the search that found it: each search's best in turn (so
    every item gets its own), with research that fits the question and quotes no other step was given moved
    ahead of close competitors."""
    if not search.queries:
        return []
    per_query = max(4, -(-2 * k // len(search.queries)))
    ranked_lists = []
    for query in search.queries:
        # a wider pool than is kept, so research that fits can move up into it
        found = retriever.search(query, k=3 * per_query, where=where, per_source=max(3, per_query))
        rescored = sorted(
            found,
            key=lambda e: -(e.score + FIT_BONUS * _fit(e.chunk, search.fits) - search.repeat_penalty(e.id)),
        )
        ranked_lists.append([(e, query) for e in rescored])
    picked: dict[str, tuple[Evidence, str]] = {}
    depth = 0
    while len(picked) < k and any(depth < len(r) for r in ranked_lists):
        for ranked in ranked_lists:
            if depth < len(ranked) and ranked[depth][0].id not in picked and len(picked) < k:
                picked[ranked[depth][0].id] = ranked[depth]
        depth += 1
    return list(picked.values())
