"""The words assistants use for a step's fields and choices, in Dutch and English.

A pasted answer names its fields in plain words ("Rol van AI", "Power (1-5)", "Bewijs") and fills them with
plain values ("agent assist", "hoog", "4/5", "ja"). `field_for` maps a label to a field of an item model,
through the field labels the product already shows (locales `fields.*`), a few synonyms, and close matches;
`value_for` maps a value to what the field takes (a choice, a 1–5 scale, an emotion, a yes/no, a range).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from copilot.i18n import keys, t

FUZZY_CUTOFF = 86

# label -> candidate fields, first one the model has wins (after the locale labels, which win over these)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "nr": ("id",),
    "no": ("id",),
    "nummer": ("id",),
    "code": ("id",),
    "#": ("id",),
    "ref": ("id",),
    "bron": ("evidence",),
    "bronnen": ("evidence",),
    "sources": ("evidence",),
    "source ids": ("evidence",),
    "quotes": ("evidence", "quotes"),
    "citaten": ("evidence", "quotes"),
    "quote ids": ("evidence",),
    "citaat ids": ("evidence",),
    "evidence ids": ("evidence",),
    "bewijs ids": ("evidence",),
    "onderbouwing citaten": ("evidence",),
    "aanname": ("assumption",),
    "assumption": ("assumption",),
    "titel": ("title", "name", "label"),
    "title": ("title", "name", "label"),
    "naam": ("name", "title", "label", "role", "group"),
    "name": ("name", "title", "label", "role", "group"),
    "thema": ("label",),
    "theme": ("label",),
    "idee": ("idea", "title"),
    "idea": ("idea", "title"),
    "fase": ("stage", "name"),
    "stage": ("stage", "name"),
    "stap": ("stage", "name"),
    "klantreisfase": ("stage", "name"),
    "journey stage": ("stage", "name"),
    "rol": ("role", "ai_role"),
    "role": ("role", "ai_role"),
    "ai rol": ("ai_role",),
    "ai role": ("ai_role",),
    "rol ai": ("ai_role",),
    "menselijk contact": ("human_touch", "human_contact_need"),
    "human contact": ("human_touch", "human_contact_need"),
    "human touch": ("human_touch",),
    "behoefte aan contact": ("human_contact_need",),
    "contactbehoefte": ("human_contact_need",),
    "need for a person": ("human_contact_need",),
    "need for human contact": ("human_contact_need",),
    "need for human contact 1 5": ("human_contact_need",),
    "momenten voor een mens": ("human_contact_moments",),
    "wanneer een mens": ("human_contact_moments",),
    "when they want a person": ("human_contact_moments",),
    "human contact moments": ("human_contact_moments",),
    "contactmomenten met een mens": ("human_contact_moments",),
    "pijn": ("pain", "pains"),
    "pijnpunt": ("pain", "pains"),
    "pain point": ("pain", "pains"),
    "pain points": ("pains", "pain"),
    "frustraties": ("pains",),
    "winstpunten": ("gains",),
    "gain": ("gains",),
    "voordelen": ("gains", "benefits"),
    "kanalen": ("touchpoints",),
    "channels": ("touchpoints",),
    "kanaal": ("touchpoint", "touchpoints"),
    "channel": ("touchpoint", "touchpoints"),
    "emotie": ("emotion",),
    "gevoel": ("emotion",),
    "feeling": ("emotion",),
    "moment of truth": ("moment_of_truth",),
    "tijd": ("time_well",),
    "time": ("time_well",),
    "time well": ("time_well",),
    "tijd goed": ("time_well",),
    "time well saved spent": ("time_well",),
    "tijd goed bespaard besteed": ("time_well",),
    "hmw vraag": ("hmw", "question"),
    "hmw": ("hmw", "question"),
    "hkw": ("hmw", "question"),
    "hoe kunnen we": ("question", "hmw"),
    "how might we": ("question", "hmw"),
    "beschrijving": ("description", "pitch", "insight"),
    "omschrijving": ("description", "pitch", "insight"),
    "toelichting": ("description", "rationale", "why", "insight", "pitch", "how"),
    "explanation": ("description", "rationale", "why", "insight", "pitch", "how"),
    "reden": ("why", "rationale"),
    "motivatie": ("rationale", "why"),
    "overdracht": ("handover", "handover_trigger"),
    "handover": ("handover", "handover_trigger"),
    "overdrachtsmoment": ("handover_trigger", "trigger"),
    "trigger": ("trigger", "handover_trigger"),
    "fallback": ("fallback",),
    "terugval": ("fallback",),
    "kracht": ("strength", "power"),
    "invloed": ("power", "strength"),
    "influence": ("power", "strength"),
    "belangstelling": ("interest",),
    "betrokkenheid": ("interest",),
    "positie": ("stance",),
    "standpunt": ("stance",),
    "attitude": ("stance",),
    "houding nu": ("current",),
    "gewenste houding": ("desired",),
    "huidige houding": ("current",),
    "current stance": ("current",),
    "desired stance": ("desired",),
    "belangen": ("cares_about",),
    "wat ze belangrijk vinden": ("cares_about",),
    "concerns": ("cares_about",),
    "drijfveren": ("cares_about",),
    "van": ("source", "from_state"),
    "naar": ("target", "to_state"),
    "from": ("source", "from_state"),
    "to": ("target", "to_state"),
    "beinvloedt": ("target",),
    "influences": ("target",),
    "via": ("how",),
    "kanaal van invloed": ("how",),
    "wie": ("stakeholder", "owner", "messenger"),
    "who": ("stakeholder", "owner", "messenger"),
    "verandering": ("what_changes",),
    "change": ("what_changes",),
    "barriere": ("first_barrier",),
    "barrier": ("first_barrier",),
    "steun": ("support_needed",),
    "support": ("support", "support_needed"),
    "support needed": ("support_needed",),
    "maatregel": ("mitigation", "tactic"),
    "aanpak": ("tactic",),
    "eigenaar": ("owner",),
    "wanneer": ("date", "horizon"),
    "when": ("date", "horizon"),
    "deadline": ("date",),
    "termijn": ("horizon",),
    "dagen": ("horizon",),
    "days": ("horizon",),
    "patroon": ("pattern",),
    "ai patroon": ("pattern",),
    "ai pattern": ("pattern",),
    "aanpak ai": ("pattern",),
    "bedrag": ("euros",),
    "amount": ("euros",),
    "euro": ("euros",),
    "eur": ("euros",),
    "soort": ("kind",),
    "type": ("kind", "direction", "side"),
    "terugverdientijd": ("payback_months",),
    "payback": ("payback_months",),
    "payback period": ("payback_months",),
    "waarschijnlijkheid": ("likelihood",),
    "probability": ("likelihood",),
    "kans": ("likelihood",),
    "klantbehoefte": ("need",),
    "behoefte": ("need",),
    "klant": ("customer",),
    "frontstage mens": ("frontstage_human",),
    "frontstage medewerker": ("frontstage_human",),
    "frontstage human": ("frontstage_human",),
    "frontstage mensen": ("frontstage_human",),
    "frontstage people": ("frontstage_human",),
    "frontstage bot": ("frontstage_ai",),
    "systemen": ("support",),
    "ondersteunende processen": ("support",),
    "support processes": ("support",),
    "wat gaat er mis": ("failure",),
    "faalpunt": ("failure",),
    "fail point": ("failure",),
    "what goes wrong": ("failure",),
    "gevolg": ("effect",),
    "oplossing": ("fix",),
    "wat gaat mee": ("context_passed",),
    "context": ("context_passed",),
    "waarom op de plank": ("why_shelved",),
    "waarom gestopt": ("why_shelved",),
    "why stopped": ("why_shelved",),
    "reden gestopt": ("why_shelved",),
    "what fails": ("failure",),
    "wat faalt": ("failure",),
    "wat misgaat": ("failure",),
    "wat levert het op": ("in_it_for", "benefit"),
    "wat het oplevert": ("in_it_for", "benefit"),
    "wat het ze oplevert": ("in_it_for", "benefit"),
    "whats in it for them": ("in_it_for", "benefit"),
    "whats in it for": ("in_it_for", "benefit"),
    "what is in it for them": ("in_it_for", "benefit"),
    "wiifm": ("in_it_for", "benefit"),
    "why shelved": ("why_shelved",),
    "blocker gone": ("blocker_gone",),
    "wat is veranderd": ("blocker_gone",),
    "what changed": ("blocker_gone",),
    "still blocking": ("still_blocking",),
    "haalbaarheid toen": ("viability_then",),
    "haalbaarheid nu": ("viability_now",),
    "viability then": ("viability_then",),
    "viability now": ("viability_now",),
    "next step": ("next_step",),
    "wat erin zit": ("benefit",),
    "what is in it": ("benefit",),
    "punt": ("point",),
    "urgentie": ("point",),
    "vandaag": ("from_state",),
    "today": ("from_state",),
    "straks": ("to_state",),
    "tomorrow": ("to_state",),
    "binnen buiten": ("side",),
    "inside outside": ("side",),
}

# scale words: "hoog" is 4 of 5, "zeer hoog" 5
SCALE_WORDS = {
    "zeer laag": 1, "heel laag": 1, "very low": 1, "minimaal": 1, "minimal": 1,
    "laag": 2, "low": 2, "klein": 2, "small": 2, "beperkt": 2, "limited": 2,
    "gemiddeld": 3, "middel": 3, "midden": 3, "medium": 3, "moderate": 3, "matig": 3, "average": 3, "neutraal": 3,
    "hoog": 4, "high": 4, "groot": 4, "large": 4, "sterk": 4, "strong": 4,
    "zeer hoog": 5, "heel hoog": 5, "very high": 5, "zeer groot": 5, "very large": 5, "zeer sterk": 5,
    "beslissend": 5, "decisive": 5, "kritiek": 5, "critical": 5,
}  # fmt: skip
EMOTION_WORDS = {
    "zeer negatief": -2, "heel negatief": -2, "very negative": -2, "boos": -2, "angry": -2, "woedend": -2,
    "negatief": -1, "negative": -1, "gefrustreerd": -1, "frustrated": -1, "onzeker": -1, "ontevreden": -1,
    "neutraal": 0, "neutral": 0, "gemengd": 0, "mixed": 0,
    "positief": 1, "positive": 1, "tevreden": 1, "satisfied": 1,
    "zeer positief": 2, "heel positief": 2, "very positive": 2, "blij": 2, "happy": 2, "enthousiast": 2,
}  # fmt: skip
TRUE_WORDS = {"ja", "yes", "true", "waar", "x", "✓", "✔", "✅", "j", "y", "moment of truth", "mot"}
FALSE_WORDS = {"nee", "no", "false", "onwaar", "", "-", "—", "–", "n", "n.v.t.", "nvt", "n/a", "❌", "✗"}

# choice synonyms beyond the values and their labels in the locales
CHOICE_SYNONYMS: dict[str, dict[str, str]] = {
    "ai_role": {
        "geen ai": "none", "no ai": "none", "geen": "none", "nee": "none", "zonder ai": "none", "n.v.t.": "none",
        "selfservice": "self-service", "self service": "self-service", "zelfbediening": "self-service",
        "chatbot": "self-service", "bot": "self-service",
        "agent assist": "agent-assist", "agentassist": "agent-assist", "medewerker ondersteunen": "agent-assist",
        "ondersteunt medewerker": "agent-assist", "medewerkerondersteuning": "agent-assist",
        "assist": "agent-assist", "hybride": "agent-assist", "hybrid": "agent-assist", "copilot": "agent-assist",
        "achter de schermen": "backstage", "back office": "backstage", "backoffice": "backstage",
    },
    "pattern": {
        "automatiseren": "automate", "automatisch": "automate", "automation": "automate",
        "automatisering": "automate", "volledig automatisch": "automate", "automated": "automate",
        "agent assist": "agent-assist", "agentassist": "agent-assist", "medewerker ondersteunen": "agent-assist",
        "hybride": "agent-assist", "hybrid": "agent-assist", "assist": "agent-assist",
        "mens": "human-led", "mens voorop": "human-led", "human": "human-led", "menselijk": "human-led",
        "human led": "human-led", "mensgeleid": "human-led", "mens geleid": "human-led",
        "geen ai": "no-AI", "no ai": "no-AI", "zonder ai": "no-AI", "geen": "no-AI", "none": "no-AI",
    },
    "human_touch": {
        "vervangen": "replaces", "vervangt": "replaces", "replace": "replaces",
        "behouden": "keeps", "behoudt": "keeps", "keep": "keeps", "blijft": "keeps", "houdt": "keeps",
        "versterken": "enhances", "versterkt": "enhances", "enhance": "enhances", "verbetert": "enhances",
    },
    "time_well": {
        "bespaard": "saved", "besparen": "saved", "time well saved": "saved", "tijd goed bespaard": "saved",
        "besteed": "spent", "besteden": "spent", "time well spent": "spent", "tijd goed besteed": "spent",
        "geen": "", "none": "", "n.v.t.": "", "-": "", "—": "",
    },
    "lane": {
        "klant": "customer", "frontstage mens": "frontstage_human", "frontstage mensen": "frontstage_human",
        "frontstage medewerker": "frontstage_human", "frontstage human": "frontstage_human",
        "frontstage people": "frontstage_human", "medewerker": "frontstage_human",
        "frontstage ai": "frontstage_ai", "frontstage bot": "frontstage_ai", "bot": "frontstage_ai",
        "ai": "frontstage_ai",
        "ondersteuning": "support", "systemen": "support", "systems": "support",
    },
    "direction": {
        "ai naar mens": "ai-to-human", "bot naar mens": "ai-to-human", "ai to human": "ai-to-human",
        "bot to human": "ai-to-human", "mens naar ai": "human-to-ai", "human to ai": "human-to-ai",
        "team naar team": "team-to-team", "team to team": "team-to-team",
    },
    "stance": {
        "kritisch": "resistant", "tegen": "resistant", "tegenstander": "resistant", "weerstand": "resistant",
        "sceptisch": "resistant", "skeptical": "resistant", "opposed": "resistant",
        "positief": "supportive", "voor": "supportive", "voorstander": "supportive", "support": "supportive",
        "steunt": "supportive", "trekker": "leading", "champion": "leading", "leidend": "leading",
        "onwetend": "unaware", "niet bewust": "unaware", "onbekend": "unaware",
    },
    "kind": {
        "eenmalig": "one-off", "one off": "one-off", "once": "one-off", "eenmalige": "one-off",
        "jaarlijks": "yearly", "per jaar": "yearly", "annual": "yearly", "structureel": "yearly",
        "recurring": "yearly", "jaarlijkse": "yearly",
    },
    "side": {
        "intern": "inside", "internal": "inside", "binnenkant": "inside", "medewerker": "inside",
        "buitenkant": "outside", "extern": "outside", "external": "outside", "klant": "outside", "customer": "outside",
    },
}  # fmt: skip


def norm(text: Any) -> str:
    """A label or value, compared loosely: no accents, Markdown, brackets' contents or punctuation."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"\((?![^)]*\bq[0-9a-f]{10})[^)]*\)", " ", text)  # "(1-5)", "(none/self-service)"
    text = re.sub(r"[*_`~]+", " ", text)
    text = re.sub(r"[^\w#/+\-→ ]+", " ", text).replace("-", " ").replace("/", " ")
    return re.sub(r"\s+", " ", text).strip()


@cache
def _labels(field: str) -> tuple[str, ...]:
    return tuple({norm(t(f"fields.{field}", lang)) for lang in ("en", "nl") if f"fields.{field}" in keys(lang)})


def model_fields(model: type[BaseModel]) -> dict[str, Any]:
    return {name: info.annotation for name, info in model.model_fields.items()}


@cache
def label_index(model: type[BaseModel]) -> dict[str, tuple[str, ...]]:
    """Normalised label -> path of field names (one, or two for a field inside a nested part)."""
    index: dict[str, tuple[str, ...]] = {}
    weak: dict[str, tuple[str, ...]] = {}
    fields = model_fields(model)
    for name, annotation in fields.items():
        for label in (norm(name), norm(name.replace("_", " ")), *_labels(name)):
            index.setdefault(label, (name,))
        part = part_model(annotation)
        if part is not None:  # "awareness" or "functional jobs" lands inside adkar / jobs
            for sub in model_fields(part):
                for label in (norm(sub), *_labels(sub)):
                    weak.setdefault(label, (name, sub))
                    for parent in (norm(name), *_labels(name)):
                        weak.setdefault(f"{label} {parent}", (name, sub))
                        weak.setdefault(f"{parent} {label}", (name, sub))
    for label, candidates in SYNONYMS.items():
        chosen = next((c for c in candidates if c in fields), None)
        if chosen is not None:
            weak.setdefault(norm(label), (chosen,))
    for label, path in weak.items():
        index.setdefault(label, path)
    return index


def field_for(label: str, model: type[BaseModel]) -> tuple[str, ...] | None:
    """The field (path) a plain-word label stands for in `model`, or None."""
    key = norm(label)
    if not key:
        return None
    index = label_index(model)
    if key in index:
        return index[key]
    from rapidfuzz import fuzz, process

    found = process.extractOne(key, list(index), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    if found:
        return index[found[0]]
    # "Kleinste volgende stap", "Effect on customer": every word of one field's label is in it
    found = _unique(index, process.extract(key, list(index), scorer=fuzz.token_set_ratio, score_cutoff=95, limit=None))
    if found:
        return found
    # "Functionele jobs", "Sociale taken": the first word is an inflection of one field's one-word label
    first = key.split()[0]
    stems = [(label, 0, 0) for label in index if " " not in label and _same_stem(first, label)]
    return _unique(index, stems)


def _same_stem(a: str, b: str) -> bool:
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= 5 and common >= 0.7 * min(len(a), len(b))


def _unique(index: dict[str, tuple[str, ...]], matches: list) -> tuple[str, ...] | None:
    """The one field the matches point at; None when they point at several (then nothing is guessed)."""
    paths = {index[label] for label, _score, _ in matches if len(label) >= 3}
    return paths.pop() if len(paths) == 1 else None


def part_model(annotation: Any) -> type[BaseModel] | None:
    """The nested model of a field that holds one (jobs, adkar, a range), not a list of items."""
    for candidate in (annotation, *get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def item_model(annotation: Any) -> type[BaseModel] | None:
    args = get_args(annotation)
    if get_origin(annotation) is list and args and isinstance(args[0], type) and issubclass(args[0], BaseModel):
        return args[0]
    return None


def choices_of(annotation: Any) -> tuple | None:
    for candidate in (annotation, *get_args(annotation)):
        if get_origin(candidate) is Literal:
            return get_args(candidate)
    return None


def choice_for(value: Any, options: tuple, field: str) -> Any:
    """The option a written value stands for ("agent assist", "medewerker ondersteunen", "4/5"…), or None."""
    key = norm(value)
    table: dict[str, Any] = {}
    for option in options:
        table[norm(option)] = option
        for lang in ("en", "nl"):
            if f"choices.{option}" in keys(lang):
                label = t(f"choices.{option}", lang)
                table.setdefault(norm(label), option)
                table.setdefault(norm(label.split("(")[0]), option)
    for word, option in CHOICE_SYNONYMS.get(field, {}).items():
        if option in options:
            table.setdefault(norm(word), option)
    if key in table:
        return table[key]
    numbers = re.findall(r"\d+", key)
    for number in numbers[:1]:
        if int(number) in options:
            return int(number)
    for word in key.split():  # "hybride (bot + mens)" is already cut; "agent-assist: ..." → first word
        if word in table and word not in {"ai", "mens", "geen"} | set():
            return table[word]
    from rapidfuzz import fuzz, process

    found = process.extractOne(key, list(table), scorer=fuzz.WRatio, score_cutoff=FUZZY_CUTOFF)
    return table[found[0]] if found else None
