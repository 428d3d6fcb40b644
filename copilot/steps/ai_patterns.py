"""Which AI pattern fits a journey stage, read from what customers say about it: no AI where a stage decides
on someone's rights or customers refuse automation; a person leading where it is emotional, vulnerable or
people ask for one; AI helping the employee where questions are complex; automation where requests are simple,
frequent and calm.

Cue words in Dutch and English count per quote (a stage is judged by what most quotes say, not by one). The
order of the rules is the order of what matters most: a legal decision is never automated because it is also
frequent. This is a suggestion with its reasons shown; the pattern is the team's call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from copilot.research.sentiment import sentiment
from copilot.steps.sentence_kinds import ASKS_PERSON, cues, sentences


def _cues(*phrases: str) -> re.Pattern:
    return cues(*phrases, whole_words=False)


LEGAL = _cues(
    r"bezwaar|beroep aan|in beroep|rechter|rechtbank|juridisch|advocaat|geschillencommissie|ombudsman",
    r"beslissing|besluit|beschikking|indicatie|toegekend|afgewezen|afwijzing|beslag|deurwaarder|aansprakelijk",
    r"objection|appeal|court|tribunal|legal|lawyer|solicitor|ombudsman|dispute|decision|ruling|eligib",
    r"rejected my claim|claim (?:was )?rejected|liabilit|seiz|assess|taxat|belasting|taxes|WOZ|voorrang|priority",
    r"who decides|wie beslist|wie bepaalt|committee|commissie",
)
REFUSES_AI = _cues(
    r"geen (?:computer|robot|algoritme|bot|chatbot|systeem) (?:die|dat|laten|over)",
    r"niet (?:door )?een (?:computer|algoritme|robot|systeem)",
    r"(?:no|not an?) (?:computer|algorithm|robot|bot|machine|AI) (?:should|deciding|decide|to decide)",
    r"(?:computer|algorithm|machine|AI) (?:should not|shouldn't|must not|mag niet|moet niet)",
    r"(?:person|human|someone|mens|iemand) (?:to decide|who decides|die beslist|laten beslissen|moet beslissen)",
    r"(?:model|algorithm|algoritme|computer|systeem) (?:calculated|decided|berekend|besloten|heeft bepaald)",
    r"(?:computer|algorithm|machine|AI|algoritme|robot)\W+(?:\w+\W+){0,2}(?:decide|beslis|bepa)",
)
VULNERABLE = _cues(
    r"overl(?:eden|ijden)|rouw|begrafenis|weduw|gestorven|ziek|kanker|dementie|ziekenhuis|mantelzorg",
    r"schuld|achterstand|incasso|betalingsregeling|aanmaning|afsluiting|afgesloten|fraude|oplichting|opgelicht",
    r"gescheiden|scheiding|ontslag|werkloos|dakloos|bang|paniek|wanhopig|huil|radeloos|machteloos",
    r"died|death|passed away|bereave|funeral|widow|ill\b|illness|cancer|dementia|hospital|carer|caring for",
    r"debt|arrears|behind on|bailiff|disconnect|cut off|fraud|scam|divorce|separat|redundan|laid off",
    r"scared|afraid|panic|desperate|crying|in tears|helpless|terrified|overwhelmed",
    r"brand\b|afgebrand|overstroming|alles kwijt|zuurstof|medische? (?:apparat|hulpmiddel)|tranen|trilde|spaargeld",
    r"fire\b|burn|flood|lost (?:almost )?everything|oxygen|medical (?:device|equipment)|shaking|robbed|savings",
    r"beroofd|uitkering|benefits|uitgeput|exhausted|humiliat|vernederd|awful|verschrikkelijk|beroerte|stroke",
    r"redt het niet|can't manage|trapped|opgesloten",
)
# a complaint after repeated failure is a high-stakes moment too
REPEATED = _cues(
    r"(?:derde|vierde|vijfde|zoveelste) keer|keer op keer|alweer|weer niet|beloofd|klacht|compensatie|senior",
    r"(?:third|fourth|fifth|umpteenth) time|again and again|\bthird\b|\bfourth\b|promised|complaint|compensation",
    r"this is how you treat|zo behandel",
)
COMPLEX = _cues(
    r"ingewikkeld|complex|uitzondering|berekening|berekend|technisch|storing|defect|vergelijk|tarief|pakket",
    r"dekking|voorwaarden|polis|vergunning|regels|specialist|expert|doorverbonden|verschillende antwoorden",
    r"complicated|exception|calculat|technical|fault|broken|outage|compar|tariff|package|coverage|policy",
    r"conditions|permit|rules|specialist|expert|transferred|different answers|depends on|look(?:ed)? it up",
    r"opties|rente|boete|verantwoordelijk|uitzoeken|onderzoek|welke (?:geldt|regel|optie)|hangt af",
    r"options|rates?\b|penalty|workaround|responsible|investigat|which (?:applies|one)|my situation|numbers",
    r"vergoed|gedekt|covered|reimburs|breakdown|uitsplitsing|how (?:is|are) .{0,30} split|allowed to|mag dat",
    r"does that count|telt dat|which rules|welke regels|kWh|how much|hoeveel",
)
SIMPLE = _cues(
    r"even snel|snel even|gewoon|simpel|makkelijk|eenvoudig|zelf regelen|zelf doen|online|in de app",
    r"doorgeven|downloaden|status|bevestiging|afspraak maken|openingstijden|track|volgen|retour",
    r"'s avonds|24/7|midden in de nacht|wachttijd voor|binnen een minuut",
    r"quick(?:ly)?|simple|easy|myself|online|in the app|download|status|confirmation|track",
    r"opening hours|book an appointment|return label|late at night|any time|self-service|two clicks",
    r"label|send (?:it|them) back|QR|portal|smooth|notification|reported (?:it )?(?:via|in|through)|drop a pin",
    r"(?:don't|do not) need to talk|picked up|terugsturen|retourneren|soepel|melding|gemeld|notificatie|melden",
    r"hoef(?:de)? niemand te spreken|opgehaald",
)
BOT_FAILS = _cues(
    r"chatbot|bot\b|formulier|keuzemenu|app (?:liep|crashte|werkt)|website (?:liep|werkt)",
    r"form\b|menu|the app (?:crashed|froze|kept)|website (?:crashed|kept|wouldn't)",
)

LEGAL_SHARE = 0.25  # a quarter of quotes about rights or decisions makes it a legal stage
VULNERABLE_SHARE = 0.25
ASKS_SHARE = 0.3  # asking for a person, not because a bot or form failed
SORE = -0.35  # mean sentiment of a stage that hurts
QUESTIONS = 0.5  # a stage people mostly ask questions about is a stage of answers that must be right


@dataclass(frozen=True)
class Suggestion:
    pattern: str  # automate | agent-assist | human-led | no-AI
    reasons: dict[str, float]  # the shares that decided, for the "why"
    trigger: str  # the sentence that says when a person should take over, or ""


def suggest(quotes: list[str], contact_share: float | None = None) -> Suggestion:
    """The pattern what customers say about one stage points to, with the shares behind it."""
    n = max(1, len(quotes))

    def share(pattern: re.Pattern, texts=quotes) -> float:
        return sum(1 for text in texts if pattern.search(text)) / n

    asking = [q for q in quotes if ASKS_PERSON.search(q)]
    asks = sum(1 for q in asking if not BOT_FAILS.search(q)) / n
    reasons = {
        "legal": share(LEGAL),
        "refuses": share(REFUSES_AI),
        "vulnerable": share(VULNERABLE) + share(REPEATED),
        "asks": asks,
        "complex": share(COMPLEX) + QUESTIONS * sum("?" in q for q in quotes) / n,
        "simple": share(SIMPLE),
        "mood": sum(sentiment(q).score for q in quotes) / n,
        "contacts": contact_share or 0.0,
    }
    return Suggestion(_pattern(reasons), reasons, _trigger(quotes, asking))


def _pattern(r: dict[str, float]) -> str:
    if r["refuses"] > 0 or r["legal"] >= LEGAL_SHARE:
        return "no-AI"
    if r["vulnerable"] >= VULNERABLE_SHARE or r["asks"] >= ASKS_SHARE or r["mood"] <= SORE:
        return "human-led"
    if r["complex"] > r["simple"]:
        return "agent-assist"
    return "automate"


def _trigger(quotes: list[str], asking: list[str]) -> str:
    """When a person should take over, in a customer's words: where they ask for one, else where it hurts most.
    A customer speaks in the first person; an agent's note ("BR staat in KB") or a sentence with an account
    number makes a poor trigger and is passed over."""
    said = [s for q in asking for s in sentences(q) if ASKS_PERSON.search(s) and _customers(s)]
    if said:
        return said[0]
    candidates = [s for q in quotes for s in sentences(q) if _customers(s)]
    sorest = min(candidates, key=lambda s: sentiment(s).score, default="")
    return sorest if sorest and sentiment(sorest).score < 0 else ""


def _customers(sentence: str) -> bool:
    return bool(_FIRST_PERSON.search(sentence)) and not _SHORTHAND.search(sentence)


_FIRST_PERSON = re.compile(r"\b(?:ik|mij|me|mijn|wij|ons|onze|I|my|we|our|us)\b", re.IGNORECASE)
_SHORTHAND = re.compile(r"\d{4,}|→|->|\b(?:kl|mdw|dhr|mevr)\.", re.IGNORECASE)
