"""SD-08 service blueprint, computed offline from the journey (SD-04): per stage, who serves the customer in view
(the human channels its quotes name: phone, desk, a visit) and what does so without a person (app, website, a
bot); the stage's sorest pain as its fail point, in the lane whose channel it names; and where customers in that
stage ask for a person, a handover with their words as the trigger (the same sentence AI-01 picks).

What happens out of sight (backstage) and the systems and teams behind it (support) are the team's knowledge:
research rarely says them, so those lanes stay for people and the open questions say so.
"""

from __future__ import annotations

from copilot.errors import StepError
from copilot.i18n import t
from copilot.research.channels import NAMES, channel_name, channels
from copilot.research.chunks import Chunk
from copilot.research.redaction import Redactor
from copilot.research.retrieval import Retriever
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.steps.ai_patterns import suggest
from copilot.steps.ai_scan import stage_quotes
from copilot.steps.registry import Agenda
from copilot.steps.schemas import BlueprintStage, CurrentJourney, FailPoint, Handover, JourneyStage, ServiceBlueprint
from copilot.text import shorten

# channels where a person serves the customer, and those where nobody does
HUMAN = ("phone", "desk", "visit", "email", "letter", "whatsapp")
SELF_SERVICE = ("app", "website", "chat", "sms", "social")
TRIGGER_LENGTH = 140


def draft_blueprint(store: ResearchStore, session: Session, workshop: Agenda | None = None):
    language = session.language
    journey = session.content("SD-04", CurrentJourney)
    if journey is None or not journey.stages:
        raise StepError(t("starters.blueprint_no_journey", language))
    quotes = {q.id: q for q in session.evidence([i for s in journey.stages for i in s.evidence])}
    retriever = Retriever(store)
    stages, handovers, fails, cited = [], [], [], {}
    for stage in journey.stages:
        keys = [_key(name) for name in stage.touchpoints]
        stages.append(
            BlueprintStage(
                id=stage.id,
                name=stage.name,
                customer="; ".join(stage.actions),
                frontstage_human=_serving(keys, HUMAN, "starters.blueprint_human", language),
                frontstage_ai=_serving(keys, SELF_SERVICE, "starters.blueprint_self", language),
                evidence=list(stage.evidence),
            )
        )
        if stage.pains:
            fails.append(_fail_point(stage, quotes, language))
        handover, said = _handover(stage, retriever, language)
        if handover is not None:
            handovers.append(handover)
            cited[said.id] = said
    for n, item in enumerate(handovers, start=1):
        item.id = f"O{n}"
    for n, item in enumerate(fails, start=1):
        item.id = f"F{n}"
    questions = [t("starters.blueprint_backstage", language), t("starters.blueprint_check", language)]
    blueprint = ServiceBlueprint(stages=stages, handovers=handovers, fail_points=fails, open_questions=questions)
    return blueprint, list(cited.values())


def _key(touchpoint: str) -> str:
    """A journey's touchpoint as a channel id ("telefoon" → "phone"); a name typed by people stays itself."""
    return next((key for key, names in NAMES.items() if touchpoint.lower() in (n.lower() for n in names)), touchpoint)


def _serving(keys: list[str], kind: tuple[str, ...], message: str, language: str) -> str:
    named = [channel_name(key, language) for key in keys if key in kind]
    return t(message, language, channels=", ".join(named)) if named else ""


def _fail_point(stage: JourneyStage, quotes: dict, language: str) -> FailPoint:
    """The stage's first pain, in the lane of the channel it names (the customer's own lane when it names none),
    citing the quote it comes from."""
    pain = stage.pains[0]
    named = channels(pain, language)
    lane = (
        "frontstage_ai"
        if any(key in SELF_SERVICE for key in named)
        else "frontstage_human"
        if any(key in HUMAN for key in named)
        else "customer"
    )
    start = pain.rstrip("…").strip()[:40].lower()
    said = [i for i in stage.evidence if i in quotes and start in quotes[i].text.lower()]
    return FailPoint(id="F", stage=stage.id, lane=lane, failure=pain, evidence=said or list(stage.evidence))


def _handover(stage: JourneyStage, retriever: Retriever, language: str) -> tuple[Handover | None, Chunk | None]:
    """Where customers in this stage ask for a person, the sentence that says when (AI-01's trigger): what should
    hand the customer from self-service to a person, citing who said it."""
    quotes = stage_quotes(retriever, " ".join([stage.name, *stage.touchpoints, *stage.pains]))
    trigger = suggest([chunk.text for chunk in quotes]).trigger if quotes else ""
    said = next((chunk for chunk in quotes if trigger and trigger in chunk.text), None)
    if said is None:
        return None, None
    redactor = Redactor(language, known_names=[said.speaker] if said.speaker else [])
    text = t("starters.blueprint_trigger", language, said=shorten(redactor.redact(trigger), TRIGGER_LENGTH))
    return Handover(id="O", stage=stage.id, trigger=text, direction="ai-to-human", evidence=[said.id]), said
