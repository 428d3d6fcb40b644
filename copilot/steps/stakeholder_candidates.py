"""SC-01 stakeholder candidates, computed offline: the roles, teams and bodies the research names (memos,
documents, interviews), with the quotes that mention them. Power, interest and stance stay with people —
they are judgements about colleagues the research cannot make — so every candidate starts in the middle
and the open questions say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from copilot.errors import StepError
from copilot.i18n import t
from copilot.research.chunks import Chunk
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.steps.registry import Agenda
from copilot.steps.schemas import Stakeholder, StakeholderMap

STEP = "SC-01"
MAX_CANDIDATES = 12
QUOTES_EACH = 3
UNJUDGED = 3  # power and interest in the middle until people place them


@dataclass(frozen=True)
class Role:
    nl: str
    en: str
    pattern: re.Pattern


def _role(nl: str, en: str, words: str) -> Role:
    return Role(nl, en, re.compile(rf"\b(?:{words})\b", re.IGNORECASE))


# Roles and bodies that organisations in any sector have; a facilitator adds their own in the step.
ROLES = (
    _role(
        "Klantenservice (medewerkers)",
        "Customer service agents",
        r"klantenservicemedewerkers?|klantenservice|(?:klant)?medewerkers? (?:aan de telefoon|in de chat)|"
        r"call ?cent(?:er|re)|contact ?cent(?:er|re)|agents?|customer service",
    ),
    _role("Teamleiders", "Team leaders", r"teamleid(?:er|ers|ster)s?|team ?leads?|team leaders?|supervisors?"),
    _role(
        "Directie / MT",
        "Leadership team",
        r"directie|directeur|management ?team|MT|raad van bestuur|bestuur|board|executive team|leadership|CEO|COO|CFO",
    ),
    _role("Ondernemingsraad", "Works council", r"ondernemingsraad|OR|works council|employee council"),
    _role("IT", "IT", r"IT|ICT|IT-afdeling|informatievoorziening|developers?|ontwikkelaars?|CIO"),
    _role(
        "Juridisch & compliance",
        "Legal & compliance",
        r"juridische? zaken|jurist(?:en)?|legal|compliance|privacy officer|functionaris gegevensbescherming|FG|DPO",
    ),
    _role(
        "Marketing & communicatie",
        "Marketing & communications",
        r"marketing|communicatieafdeling|afdeling communicatie|communications? (?:team|department)|comms",
    ),
    _role("Financiën", "Finance", r"financi[eë]n|finance|controller|controlling|financial department"),
    _role(
        "Facturatie & incasso",
        "Billing & collections",
        r"facturatie|billing|incasso(?:afdeling|team)?|debiteurenbeheer|collections (?:team|department)",
    ),
    _role(
        "Product & digitaal",
        "Product & digital",
        r"product ?owners?|productmanager|product manager|digitale? team|digital team|UX|design team",
    ),
    _role("HR & opleiding", "HR & training", r"HR|P&O|opleidingsteam|training team|L&D"),
    _role("Data & analyse", "Data & analytics", r"data ?team|analisten|analysts?|data scientists?|BI"),
    _role(
        "Partners & leveranciers",
        "Partners & suppliers",
        r"leveranciers?|ketenpartners?|netbeheerders?|suppliers?|vendors?|outsourcer",
    ),
    _role("Klachtenteam", "Complaints team", r"klachten(?:team|afdeling|commissie)|complaints (?:team|department)"),
)


def draft_stakeholder_candidates(store: ResearchStore, session: Session, workshop: Agenda | None = None):
    """Candidates named in the research, most mentioned first, and the quotes that name them."""
    language = session.language
    chunks = [c for c in store.chunks(where={"kind": {"$in": ["document", "transcript"]}}) if c.text]
    found = candidates(chunks)
    if not found:
        raise StepError(t("starters.stakeholders_none", language))
    stakeholders, cited = [], {}
    for n, (role, quotes) in enumerate(found[:MAX_CANDIDATES], start=1):
        picked = quotes[:QUOTES_EACH]
        cited.update({q.id: q for q in picked})
        stakeholders.append(
            Stakeholder(
                id=f"K{n}",
                role=role.nl if language == "nl" else role.en,
                power=UNJUDGED,
                interest=UNJUDGED,
                evidence=[q.id for q in picked],
            )
        )
    questions = [t("starters.stakeholders_judge", language), t("starters.stakeholders_missing", language)]
    return StakeholderMap(stakeholders=stakeholders, open_questions=questions), list(cited.values())


def candidates(chunks: list[Chunk]) -> list[tuple[Role, list[Chunk]]]:
    """Each role the chunks name, with the chunks naming it (documents first: memos name the organisation,
    interviews name what customers met), ordered by how many chunks do."""
    ordered = sorted(chunks, key=lambda c: (c.kind != "document", c.source, c.location))
    found = []
    for role in ROLES:
        naming = [c for c in ordered if _names(role, c.text)]
        if naming:
            found.append((role, naming))
    return sorted(found, key=lambda pair: -len(pair[1]))


def _names(role: Role, text: str) -> bool:
    # short all-caps abbreviations (IT, OR, MT, FG, HR) count only as written in capitals: "or" and "it" are words
    for match in role.pattern.finditer(text):
        word = match.group(0)
        if len(word) <= 3 and not word.isupper():
            continue
        return True
    return False
