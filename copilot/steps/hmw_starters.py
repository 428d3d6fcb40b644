"""SD-05 how-might-we starters, computed offline: one question per pain of the journey (SD-04) and per theme
(SD-02) no pain covers yet, each carrying the evidence of what it came from.

Turning a pain into a good opportunity question is creative work; these are starters built from the pain's own
words (what it is about, and what kind of pain it is: see `hmw_phrasing`), so the group rewrites them rather
than starting from an empty wall.
"""

from __future__ import annotations

import re

from copilot.errors import StepError
from copilot.i18n import t
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.steps.hmw_phrasing import hmw_question
from copilot.steps.registry import Agenda
from copilot.steps.schemas import CurrentJourney, HmwQuestion, HowMightWe, ResearchSynthesis
from copilot.text import shorten

STEP = "SD-05"
PAIN_LENGTH = 110
_QUOTED = re.compile(r"[„“\"]([^”\"]{8,})[”\"]")
_TRIM = re.compile(r"^[\s\"'“”„‘’«»>*•-]+|[\s\"'“”„‘’«».!?…:;,]+$")


def draft_hmw(store: ResearchStore, session: Session, workshop: Agenda | None = None):
    """Starters from the journey's pains and the themes, and no new quotes (their evidence is already kept).
    A session without either (an ideation half-day's format holds neither) gets starters from themes computed
    from the research here, and keeps their quotes."""
    language = session.language
    journey = session.content("SD-04", CurrentJourney)
    synthesis = session.content("SD-02", ResearchSynthesis)
    stages = journey.stages if journey else []
    themes = synthesis.main_themes() if synthesis else []  # a sub-theme's question is its theme's
    computed: list = []
    if not stages and not themes:
        from copilot.steps.synthesis import draft_synthesis

        synthesis, computed = draft_synthesis(store, language)
        themes = synthesis.main_themes()
    # what people said, to learn the article they put before a topic ("het termijnbedrag")
    evidence = [i for item in [*stages, *themes] for i in item.evidence]
    said = [c.text for c in computed] if computed else [q.text for q in session.evidence(evidence)]
    context = [*(p for s in stages for p in s.pains), *said]
    questions: list[HmwQuestion] = []
    taken: set[str] = set()  # one slide shows every starter: never the same question twice
    for stage in stages:
        for pain in stage.pains:
            text = _TRIM.sub("", pain)  # whole: what it is about may come late in it
            if text:
                question = hmw_question(text, language, stage=stage.name, taken=taken, context=context)
                questions.append(_question(len(questions), question, pain, stage.id, stage.evidence))
    covered = " ".join(q.pain.lower() for q in questions)
    for theme in themes:
        if theme.label and theme.label.lower() not in covered:
            said = _said(theme.insight)
            if said:
                question = hmw_question(said, language, topic=theme.label, taken=taken, context=context)
            else:
                question = t("starters.hmw_theme", language, theme=_words(theme.label))
            # the sentence it came from stands in the pain column, as a journey pain does
            questions.append(_question(len(questions), question, _words(said) if said else "", "", theme.evidence))
    if not questions:
        raise StepError(t("starters.hmw_nothing", language))
    notes = [t("starters.hmw_from_research", language)] if computed else []
    return HowMightWe(questions=questions, open_questions=[*notes, t("starters.hmw_rewrite", language)]), computed


def _words(text: str) -> str:
    return shorten(_TRIM.sub("", text), PAIN_LENGTH)


def _said(insight: str) -> str:
    """The sentence an insight quotes („…”), else the insight itself: its words say what kind of pain it is."""
    quoted = _QUOTED.search(insight)
    return _TRIM.sub("", quoted.group(1) if quoted else insight)


def _question(n: int, question: str, pain: str, stage: str, evidence: list[str]) -> HmwQuestion:
    return HmwQuestion(id=f"H{n + 1}", question=question, pain=pain, stage=stage, evidence=list(evidence))
