"""Between the room and the session: what participants are offered of a step, how their stickies group, and
the step draft they become.

The draft is the step's current content plus the workshop's items (ids `ws-…`), saved like any AI draft: a
step people have edited keeps their version and shows the workshop's items as changes to accept or reject.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from copilot.i18n import t
from copilot.participation_model import Item, Offer, Sticky, Tally, clean_text, step_input
from copilot.research.redaction import Redactor
from copilot.session import Session
from copilot.steps.catalogue import STEPS
from copilot.steps.hmw_phrasing import hmw_question
from copilot.steps.schemas import HmwQuestion, Idea, IdeaScore, Stakeholder

ACTOR = "workshop"  # the history's actor for a draft from the room: the deck can credit it
# stop words of both languages: two stickies are alike by the words that carry their meaning
_STOP = set(
    "de het een en van in op te dat die is voor met zijn niet aan er om ook als bij of wat we ze je ik dan nog "
    "the a an and of in on to that is for with are not at or what we they you it be can how might kunnen".split()
)
_WORD = re.compile(r"\w{3,}")


def offer_for(session: Session, step: str, items: list[Item] | None = None, quotes: int = 5) -> Offer:
    """The opened step as participants see it: its name and question in both languages, the quotes behind its
    current content, and its items to vote on or rate (for SD-07, the ideas of SD-06)."""
    info = STEPS[step]
    categories, scales = step_input(step)
    content = session.content(step, info.schema) if info.schema else None
    if items is None and step == "SD-07":  # scores are given per idea: participants rate the ideas themselves
        items = _items(session.content("SD-06", STEPS["SD-06"].schema))
        have = {i.id for i in items}
        for score in getattr(content, "scores", None) or []:
            if score.idea not in have:
                items.append(Item(id=score.idea, text=clean_text(score.title or score.idea, 120)))
    elif items is None:
        items = _items(content)
    ids = list(dict.fromkeys(e for item in _list_items(content) for e in item.evidence))
    found = session.evidence(ids[: quotes * 3])
    redactor = Redactor(session.language)  # the quotes go to participants' own devices: no personal data
    return Offer(
        step=step,
        names={lang: info.name(lang) for lang in ("nl", "en")},
        question={lang: t(f"question.{step}", lang) for lang in ("nl", "en")},
        quotes=[{"text": redactor.redact(q.text), "source": redactor.redact(q.source)} for q in found[:quotes]],
        items=items,
        categories=list(categories),
        scales=list(scales),
    )


def _list_items(content: BaseModel | None) -> list:
    if content is None:
        return []
    return [v for name in type(content).model_fields for v in (getattr(content, name) or []) if hasattr(v, "evidence")]


def _items(content: BaseModel | None) -> list[Item]:
    found = []
    for item in _list_items(content):
        text = next(
            (getattr(item, name) for name in ("title", "label", "role", "question", "name") if getattr(item, name, "")),
            item.id,
        )
        found.append(Item(id=item.id, text=clean_text(str(text), 120)))
    return found


# --- grouping ------------------------------------------------------------------------------------


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def clusters(stickies: list[Sticky], alike: float = 0.5) -> list[list[Sticky]]:
    """Stickies grouped by the words they share (Jaccard ≥ `alike` with a group's first sticky); the same
    text written twice always lands in one group. Groups keep the order of their first sticky."""
    groups: list[tuple[set[str], list[Sticky]]] = []
    for sticky in stickies:
        words = _words(sticky.text) or {sticky.text.lower()}
        for head, members in groups:
            if members[0].category == sticky.category and len(head & words) / len(head | words) >= alike:
                members.append(sticky)
                break
        else:
            groups.append((words, [sticky]))
    return [members for _, members in groups]


# --- the draft -----------------------------------------------------------------------------------


def _scale(tally: Tally, target: str, scale: str) -> int | None:
    mean = tally.mean(target, scale)
    return None if mean is None else max(1, min(5, round(mean)))


def _from_sticky(step: str, sticky: Sticky, tally: Tally, item_id: str, language: str, taken: set[str]):
    if step == "SD-05" and sticky.category == "hmw":
        return "questions", HmwQuestion(id=item_id, question=sticky.text)
    if step == "SD-05" and sticky.category == "pain":  # a starter the group rewrites, as the offline one does
        question = hmw_question(sticky.text, language, taken=taken)  # `taken`: no phrasing twice in the draft
        return "questions", HmwQuestion(id=item_id, question=question, pain=sticky.text)
    if step == "SD-06" and sticky.category == "idea":
        return "ideas", Idea(id=item_id, title=" ".join(sticky.text.split()[:6]), pitch=sticky.text)
    if step == "SC-01" and sticky.category == "stakeholder":
        power, interest = _scale(tally, sticky.id, "power") or 3, _scale(tally, sticky.id, "interest") or 3
        return "stakeholders", Stakeholder(id=item_id, role=sticky.text, power=power, interest=interest)
    return None


def workshop_draft(step: str, current: BaseModel | None, tally: Tally, language: str = "nl") -> BaseModel | None:
    """The step's content with the room's contributions added (most dots first) and its ratings applied; None
    when this step has nothing the room's input can become (say so and let people copy stickies by hand)."""
    schema = STEPS[step].schema
    if schema is None:
        return None
    base = current if current is not None else schema()
    lists: dict[str, list] = {}
    taken: set[str] = set()
    for group in clusters(tally.stickies):  # one item per group: its most-voted sticky
        lead = max(group, key=lambda s: tally.votes.get(s.id, 0))
        made = _from_sticky(step, lead, tally, f"ws-{lead.id}", language, taken)
        if made:
            lists.setdefault(made[0], []).append(made[1])
    if step == "SD-07":
        lists["scores"] = _scores(base, tally)
    if step == "SC-01":
        lists["stakeholders"] = _rated_stakeholders(base, tally) + lists.get("stakeholders", [])
    if not any(lists.values()):
        return None
    update = {}
    for name, made in lists.items():
        existing = list(getattr(base, name))
        by_id = {item.id: item for item in made}
        merged = [by_id.pop(item.id, item) for item in existing]
        update[name] = merged + list(by_id.values())
    return base.model_copy(update=update)


def _scores(base, tally: Tally) -> list[IdeaScore]:
    """An IdeaScore per rated idea: the one the step already has for that idea (rescored), else a new one."""
    have = {score.idea: score for score in getattr(base, "scores", [])}
    scores = []
    for target in tally.ratings:
        impact, effort = _scale(tally, target, "impact"), _scale(tally, target, "effort")
        if impact is None or effort is None:
            continue
        if target in have:
            scores.append(have[target].model_copy(update={"impact": impact, "effort": effort}))
        else:
            scores.append(IdeaScore(id=f"ws-{target}", idea=target, impact=impact, effort=effort))
    return scores


def _rated_stakeholders(base, tally: Tally) -> list[Stakeholder]:
    found = []
    for item in getattr(base, "stakeholders", []):
        power, interest = _scale(tally, item.id, "power"), _scale(tally, item.id, "interest")
        if power is not None or interest is not None:
            found.append(item.model_copy(update={"power": power or item.power, "interest": interest or item.interest}))
    return found


def draft_from_room(session: Session, step: str, tally: Tally) -> BaseModel | None:
    """Save the room's contributions as the step's draft (kept beside people's edits, never over them)."""
    schema = STEPS[step].schema
    draft = workshop_draft(step, session.content(step, schema), tally, session.language)
    if draft is not None:
        session.save_draft(step, draft, actor=ACTOR)
    return draft
