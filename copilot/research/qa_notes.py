"""Interview notes the way researchers write them: a question, then what the participant answered.

    - Hoe vaak gebruikt u de app?          Q: How did you pay?          **Wat ging er mis?**
    * Bijna elke dag, vooral voor ...      A: By card, after ...        Het formulier liep vast bij ...

Markers in Dutch and English ("-", "Q:", "Vraag:", "V:", "I:", "Interviewer:" for questions; "*", "A:",
"Antwoord:", "R:", "Respondent:", "Deelnemer:", "B:" for answers), a bold question, a heading that is a question,
or plain lines ending in "?" each followed by an answer. Every answer becomes a quote with its question attached
as context (metadata); the questions themselves are never quotes, so they can never be returned as evidence.
"""

from __future__ import annotations

import re

from copilot.research.surveys import shorten

_QUESTION = re.compile(
    r"^(?:Q\d*|Vraag(?: \d+)?|V\d*|I|Interviewer|Interviewster|Onderzoeker|Moderator)\s*[:.)]\s+(?P<text>\S.*)$",
    re.IGNORECASE,
)
_ANSWER = re.compile(
    r"^(?:A\d*|Antwoord|R|Respondent|Resp|Deelnemer|Participant|P\d*|B)\s*[:.)]\s+(?P<text>\S.*)$", re.IGNORECASE
)
_DASH = re.compile(r"^[-–—]\s+(?P<text>\S.*)$")
_STAR = re.compile(r"^[*•]\s+(?P<text>\S.*)$")
_BOLD = re.compile(r"^(\*\*|__)(?P<text>[^*_].*?)(\*\*|__)\s*$")
_LIST = re.compile(r"^([-–—*•>]|\d{1,2}[.)])\s")
_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.*)$")
MAX_QUESTION_CHARS = 300
MIN_PAIRS = 2


def qa_pieces(text: str) -> list[dict] | None:
    """Answer pieces when `text` is question/answer notes, else None (it is a transcript or a document).

    Reports also ask questions ("Wat betekent dit?" above a finding, research questions as headings): plain
    questions only count when they are a large share of the lines, each with a short answer, none repeated."""
    lines = [line.strip() for line in text.split("\n")]
    title = ""
    if lines and lines[0].startswith("# "):
        title, lines = lines[0][2:].strip(), lines[1:]
    marked = _classify(lines, plain=False)
    if _pairs(marked) >= MIN_PAIRS and sum(1 for kind, _ in marked if kind == "a") >= MIN_PAIRS:
        return _answers(marked, title)  # explicit answer markers: notes for sure
    bold = [text for kind, text in marked if kind == "q"]
    if len(bold) >= MIN_PAIRS and _plain_enough(marked):
        return _answers(marked, title)
    plain = _classify(lines, plain=True)
    if _pairs(plain) >= MIN_PAIRS + 1 and _plain_enough(plain):
        return _answers(plain, title)
    return None


def asks(label: str) -> bool:
    """Whether a turn's label ("I", "Q", "Vraag 3", "Interviewer") marks the person asking."""
    return bool(_QUESTION.match(f"{label}: x"))


def is_marker(label: str) -> bool:
    """Whether a line's label ("Q", "Vraag 3", "R", "Interviewer") is a Q&A marker rather than a person's name."""
    return asks(label) or bool(_ANSWER.match(f"{label}: x"))


def _plain_enough(kinds: list[tuple[str, str]]) -> bool:
    """Questions are at least a third of the content, distinct, and followed by a few lines, not a report."""
    questions = [text for kind, text in kinds if kind == "q"]
    content = sum(1 for kind, _ in kinds if kind in ("q", "a", "text"))
    bullets = sum(1 for kind, text in kinds if kind == "text" and _LIST.match(text))
    return (
        bool(questions)
        and len(questions) >= content / 3
        and len(set(questions)) >= 0.9 * len(questions)
        and bullets <= len(questions) / 4
    )


def _classify(lines: list[str], plain: bool) -> list[tuple[str, str]]:
    """Each line as ("q" | "a" | "text" | "heading" | "blank", its text without the marker)."""
    dashes = [line for line in lines if _DASH.match(line)]
    stars = sum(1 for line in lines if _STAR.match(line))
    dash_questions = (
        stars >= MIN_PAIRS and bool(dashes) and sum(line.endswith("?") for line in dashes) >= len(dashes) / 2
    )
    kinds = []
    for line in lines:
        if not line:
            kinds.append(("blank", ""))
        elif match := _HEADING.match(line):
            kinds.append(("heading", match["text"].strip()))
        elif match := _QUESTION.match(line):
            kinds.append(("q", match["text"]))
        elif match := _ANSWER.match(line):
            kinds.append(("a", match["text"]))
        elif (match := _BOLD.match(line)) and match["text"].rstrip().endswith("?") and len(line) <= MAX_QUESTION_CHARS:
            kinds.append(("q", match["text"].strip()))
        elif dash_questions and (match := _DASH.match(line)):
            kinds.append(("q", match["text"]))
        elif dash_questions and (match := _STAR.match(line)):
            kinds.append(("a", match["text"]))
        elif plain and line.endswith("?") and len(line) <= MAX_QUESTION_CHARS and not _LIST.match(line):
            kinds.append(("q", line))
        else:
            kinds.append(("text", line))
    return kinds


def _pairs(kinds: list[tuple[str, str]]) -> int:
    """Questions followed by an answer (marked, or plain text under the question)."""
    pairs, after_question = 0, False
    for kind, _ in kinds:
        if kind == "q":
            after_question = True
        elif kind in ("a", "text") and after_question:
            pairs += 1
            after_question = False
        elif kind == "heading":
            after_question = False
    return pairs


def _answers(kinds: list[tuple[str, str]], title: str) -> list[dict]:
    """One piece per answer; the lines of an answer (up to a blank line, question or marker) are joined."""
    pieces: list[dict] = []
    question, section, number = "", "", 0
    current: list[str] = []
    open_ = False  # lines may join the current answer

    def close() -> None:
        nonlocal current
        if current:
            answer = " ".join(current)
            metadata = {"question": shorten(question)} if question else {}
            if question and shorten(question) != question:
                metadata["question_full"] = question
            if title:
                metadata["title"] = title
            if section:
                metadata["section"] = section
            pieces.append(
                {
                    "text": answer,
                    "location": f"answer {len(pieces) + 1}",
                    "kind": "transcript" if question else "document",
                    "speaker": "",
                    "role": "",
                    "metadata": metadata,
                }
            )
        current = []

    for kind, text in kinds:
        if kind == "q":
            close()
            question, open_ = text, False
            number += 1
        elif kind == "heading":
            close()
            section, question, open_ = text, "", False
        elif kind == "a":
            close()
            current, open_ = [text], True
        elif kind == "text":
            if open_ or question:
                current.append(text)
                open_ = True
            else:
                current = [text]  # text before any question: an introduction, kept as it is
                open_ = True
        else:  # a blank line ends an answer paragraph; the next text under the same question is a new one
            close()
            open_ = False
    close()
    return pieces
