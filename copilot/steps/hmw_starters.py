"""SD-05 how-might-we starters, computed offline: one question per pain of the journey (SD-04) and per theme
(SD-02) no pain covers yet, each carrying the evidence of what it came from.

Turning a pain into a good opportunity question is creative work; these are starters in a fixed phrasing
that keep the pain's own words, so the group rewrites them rather than starting from an empty wall.
"""

from __future__ import annotations

import re

from copilot.errors import StepError
from copilot.i18n import t
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.steps.registry import Agenda
from copilot.steps.schemas import CurrentJourney, HmwQuestion, HowMightWe, ResearchSynthesis
from copilot.text import shorten

STEP = "SD-05"
PAIN_LENGTH = 110
_TRIM = re.compile(r"^[\s\"'“”„‘’«»>*•-]+|[\s\"'“”„‘’«».!?…:;,]+$")


def draft_hmw(store: ResearchStore, session: Session, workshop: Agenda | None = None):
    """Starters from the journey's pains and the themes, and no new quotes (their evidence is already kept)."""
    language = session.language
    journey = session.content("SD-04", CurrentJourney)
    synthesis = session.content("SD-02", ResearchSynthesis)
    questions: list[HmwQuestion] = []
    for stage in journey.stages if journey else []:
        for pain in stage.pains:
            text = _words(pain)
            if text:
                question = t("starters.hmw_pain", language, stage=stage.name, pain=text)
                questions.append(_question(len(questions), question, pain, stage.id, stage.evidence))
    covered = " ".join(q.pain.lower() for q in questions)
    for theme in synthesis.themes if synthesis else []:
        if theme.label and theme.label.lower() not in covered:
            question = t("starters.hmw_theme", language, theme=_words(theme.label))
            questions.append(_question(len(questions), question, "", "", theme.evidence))
    if not questions:
        raise StepError(t("starters.hmw_nothing", language))
    return HowMightWe(questions=questions, open_questions=[t("starters.hmw_rewrite", language)]), []


def _words(text: str) -> str:
    return shorten(_TRIM.sub("", text), PAIN_LENGTH)


def _question(n: int, question: str, pain: str, stage: str, evidence: list[str]) -> HmwQuestion:
    return HmwQuestion(id=f"H{n + 1}", question=question, pain=pain, stage=stage, evidence=list(evidence))
