"""A report's blocks cut into findings: the quotable pieces a step can show as evidence.

- Headings are the context of what follows them (`section`, and the path `context`), never part of a quote.
- A sentence cut by a page or column break is joined again; a list joins the sentence that introduces it.
- A passage that comes back nearly word for word (the summary repeating the body) is one quote that keeps
  every place it stands (`also_at`).
- A research plan or question list (a test script, an interview guide) is kept as kind "plan": what the team
  meant to ask is not what customers said, so retrieval leaves it out unless asked for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from copilot.research.report_blocks import SENTENCE_END, Block

MAX_FINDING_CHARS = 1200
SHORT_ITEM_CHARS = 140  # list items shorter than this are read together with the sentence that leads to them
FRAGMENT_WORDS = 6  # "Mits de tijd het toelaat." belongs to the finding before it
SAME = 0.8  # share of a passage's word triples found in another for the two to count as one
_PLAN_TITLE = re.compile(
    r"onderzoeksplan|testplan|testscript|test script|interviewguide|interview guide|gespreksleidraad"
    r"|gesprekshandleiding|vragenlijst|topiclijst|topic ?list|draaiboek|discussion guide|research plan"
    r"|onderzoeksopzet|script",
    re.I,
)
# a heading that is only one of these words (a numbered "Onderzoeksvraag 1 – Kunnen inwoners…?" heads findings)
_PLAN_SECTION = re.compile(
    r"^(?:\d[\d.]*\s*)?(?:onderzoeksvra\w*|hoofdvraag|deelvra\w*|interviewvra\w*|vervolgvra\w*|vragen(?:lijst)?|"
    r"vraagstelling|taken|testtaken|opdrachten|testopdrachten|testopzet|testscenario\w*|scenario'?s|testscript|"
    r"script|topiclijst|scenario|"
    r"gespreksleidraad|research questions?|interview questions?|tasks|questions)(?:\s+(?:ronde\s+)?\d+)?\s*:?$",
    re.I,
)
# the goal of the study, under its own heading only (its sub-sections often describe the service studied)
_GOAL = re.compile(
    r"^(?:doel(?:en)?(?: van (?:het|dit) onderzoek)?|onderzoeksdoel\w*|centrale vraag|goals?)\s*:?$", re.I
)
_DROPPED_SECTION = re.compile(  # who wrote it and how to reach them: not a finding
    r"^(?:colofon|colophon|contact\w*|contact information|over dit document|versiebeheer|versiehistorie|"
    r"document history|inhoud|inhoudsopgave|contents|table of contents|wie (?:werkten|werkte|hebben) mee\b.*|"
    r"met dank aan|dankwoord|credits|acknowledg\w*|auteurs?|authors?)\s*:?$",
    re.I,
)
_SUMMARY = re.compile(r"samenvatting|summary|in het kort|in een notendop|kernpunten|key findings|overview", re.I)
# "Opdracht 1a: Je woont op …", "Taak 2: …", "Scenario 3: …": what participants were asked to do
_TASK = re.compile(r"^(?:opdracht|taak|scenario|task|vraag|question)\s+\d+[a-z]?\s*[:.)]", re.I)
_QUESTION_END = re.compile(r"\?[\"”’')]*$")


@dataclass
class Finding:
    text: str
    places: list[str]
    context: list[str]  # heading path, outermost first
    plan: bool = False
    also_at: list[str] = field(default_factory=list)
    open_list: bool = False  # ends with a lead-in ("…onder andere:") or short list items


def findings(blocks: list[Block], title: str = "") -> list[dict]:
    """Loader pieces (text, location, kind, metadata) for a report's blocks."""
    whole_plan = bool(_PLAN_TITLE.search(title)) or _mostly_questions(blocks)
    found = _collapse(_gather(blocks, whole_plan))
    pieces = []
    for finding in found:
        plan = finding.plan or _question_list(finding.text) or bool(_TASK.match(finding.text))
        kind = "plan" if plan else "document"
        metadata = {"title": title} if title else {}
        if finding.context:
            metadata["section"] = finding.context[-1]
            metadata["context"] = " › ".join(finding.context)
        if finding.also_at:
            metadata["also_at"] = "; ".join(finding.also_at)
        for part in split_long(finding.text):
            pieces.append({"text": part, "location": _span(finding.places), "kind": kind, "metadata": metadata})
    return pieces


def _gather(blocks: list[Block], whole_plan: bool) -> list[Finding]:
    found: list[Finding] = []
    stack: list[tuple[int, str]] = []  # (level, heading)
    current: Finding | None = None
    fresh = True  # a heading came after the current finding: the next text starts a new one
    for block in blocks:
        if block.kind == "heading":
            level = block.level or _unknown_level(stack)
            stack = [(lvl, text) for lvl, text in stack if lvl < level] + [(level, block.text)]
            fresh = True
            continue
        context = [text for _, text in stack]
        if any(_DROPPED_SECTION.match(text) for text in context):  # who to e-mail is not a finding
            continue
        plan = whole_plan or any(_PLAN_SECTION.match(text) for text in context)
        plan = plan or bool(context and _GOAL.match(context[-1]))
        if current is not None and _continues(current, block, fresh):
            joiner = " • " if block.kind == "item" and not current.text.endswith(":") else " "
            current.text = _joined(current.text, block.text, joiner)
            current.open_list = block.kind == "item" and len(block.text) < SHORT_ITEM_CHARS
            if block.place not in current.places:
                current.places.append(block.place)
            continue
        text = block.text
        listed = text.rstrip().endswith(":") or (block.kind == "item" and len(text) < SHORT_ITEM_CHARS)
        current = Finding(text, [block.place], context, plan, open_list=listed)
        found.append(current)
        fresh = False
    return found


def _continues(current: Finding, block: Block, fresh: bool) -> bool:
    """Whether a block belongs to the finding before it: a sentence cut by a page break, a list and its lead-in,
    a fragment. A heading in between only stops that when the sentence before it was finished."""
    text = current.text.rstrip()
    broken = block.place not in current.places and not fresh and block.kind == "text"  # a page break between
    cut = not SENTENCE_END.search(text) and not text.endswith(":") and (block.text[:1].islower() or broken)
    if cut or text.endswith("-") and block.text[:1].islower():
        return len(text) < 3 * MAX_FINDING_CHARS
    if fresh or len(text) + len(block.text) > MAX_FINDING_CHARS:
        return False
    if block.kind == "item":
        return text.endswith(":") or (current.open_list and len(block.text) < SHORT_ITEM_CHARS)
    return len(block.text.split()) < FRAGMENT_WORDS and not block.text.startswith(('"', "“", "'", "‘"))


def _joined(before: str, after: str, joiner: str) -> str:
    if before.endswith("-") and after[:1].islower():  # "verhuis-" + "zing": a word split at the line end
        return before[:-1] + after
    return f"{before}{joiner}{after}"


def _unknown_level(stack: list[tuple[int, str]]) -> int:
    """A heading whose depth the format does not say sits just under the last numbered or chapter heading."""
    return min(stack[-1][0] + 1, 6) if stack and stack[-1][0] < 2 else 2


def _span(places: list[str]) -> str:
    """ "page 3" or "page 3–4" for a finding that runs over a page break."""
    if len(places) == 1:
        return places[0]
    first, last = places[0], places[-1]
    word, start = first.rsplit(" ", 1)
    if last.startswith(word + " "):
        return f"{word} {start}–{last.rsplit(' ', 1)[1]}"
    return f"{first}–{last}"


# --- near-duplicates: the summary repeats the body ------------------------------------------------------------


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.casefold())
    return {tuple(words[i : i + 3]) for i in range(max(1, len(words) - 2))}


def _collapse(found: list[Finding]) -> list[Finding]:
    """One finding per passage: near-copies become one, in the body's words where one stands in a summary (a
    summary paragraph may run into the next), else in the longer telling, and it keeps both places."""
    kept: list[tuple[Finding, set]] = []
    for finding in found:
        mine = _shingles(finding.text)
        twin = next((pair for pair in kept if _same(mine, pair[1])), None) if len(mine) >= 4 else None
        if twin is None:
            kept.append((finding, mine))
            continue
        other, theirs = twin
        # the quote is the longer telling; its place and heading are the body's, not the summary's
        summary = _summary(other.context) != _summary(finding.context)
        body = finding if _summary(other.context) and not _summary(finding.context) else other
        if body is finding if summary else len(finding.text) > len(other.text):
            other.text = finding.text
            theirs.update(mine)
        elsewhere = finding if body is other else other
        if _span(elsewhere.places) != _span(body.places):
            other.also_at.append(_span(elsewhere.places))
        other.places, other.context = body.places, body.context
        other.plan = other.plan and finding.plan
    return [finding for finding, _ in kept]


def _summary(context: list[str]) -> bool:
    return any(_SUMMARY.search(heading) for heading in context)


def _same(mine: set, theirs: set) -> bool:
    shared = len(mine & theirs)
    return shared >= SAME * min(len(mine), len(theirs))


# --- plans and question lists ----------------------------------------------------------------------------------


def _mostly_questions(blocks: list[Block]) -> bool:
    """A question list: most paragraphs and items (three in five) are questions."""
    texts = [block.text for block in blocks if block.kind != "heading"]
    questions = sum(1 for text in texts if _QUESTION_END.search(text) and text.lstrip()[:1] not in "\"“‘'„")
    return len(texts) >= 4 and questions >= 0.6 * len(texts)


def _question_list(text: str) -> bool:
    """A finding that is a list of questions ("Hoe vaak…? • Wat doet u als…?") or questions only, not an answer;
    a recommendation asking "Zijn er velden achter elkaar te plaatsen?" after a statement is not one."""
    if text.lstrip()[:1] in "\"“‘'„":  # a participant's own questions are what they said
        return False
    items = [part.strip() for part in text.split(" • ") if part.strip()]
    if len(items) >= 2:
        return sum(1 for item in items if _QUESTION_END.search(item)) >= 0.6 * len(items)
    sentences = [part for part in re.split(r"(?<=[.!?])\s+", text) if part.strip()]
    return len(sentences) >= 2 and all(_QUESTION_END.search(sentence) for sentence in sentences)


# --- long passages -------------------------------------------------------------------------------------------


def split_long(paragraph: str, limit: int = MAX_FINDING_CHARS) -> list[str]:
    """Long paragraphs are split at sentence ends so a quote stays readable on a slide."""
    if len(paragraph) <= limit:
        return [paragraph]
    parts, current = [], ""
    for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
        if current and len(current) + len(sentence) > limit:
            parts.append(current)
            current = ""
        current = f"{current} {sentence}".strip()
    parts = [*parts, current] if current else parts
    return [piece for part in parts for piece in cut(part, 2 * limit)]


def cut(text: str, limit: int) -> list[str]:
    """Text without sentence ends (a pasted log, a 200 KB cell) cut at the last space before the limit."""
    pieces = []
    while len(text) > limit:
        at = text.rfind(" ", limit // 2, limit)
        at = at if at > 0 else limit
        pieces.append(text[:at].strip())
        text = text[at:].strip()
    return [*pieces, text] if text else pieces
