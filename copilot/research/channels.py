"""The contact channels a quote names ("ik heb drie keer gebeld", "the app logged me out", a survey row's channel
column), so a journey stage can show where customers meet us without anyone typing it in (SD-04, issue 14).

Words, not a model: a channel is named in a few dozen ways per language, and the hard part is the words that look
like one and are not ("a brief call", "appartement", "so-called"), which a list can say plainly.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from copilot.research.language import detect

# canonical id → (Dutch name, English name), in the order a journey lists them: remote and written first
NAMES: dict[str, tuple[str, str]] = {
    "phone": ("telefoon", "phone"),
    "email": ("e-mail", "e-mail"),
    "letter": ("brief", "letter"),
    "app": ("app", "app"),
    "website": ("website", "website"),
    "chat": ("chat", "chat"),
    "whatsapp": ("WhatsApp", "WhatsApp"),
    "sms": ("sms", "text message"),
    "social": ("sociale media", "social media"),
    "desk": ("balie", "service desk"),
    "visit": ("bezoek aan huis", "home visit"),
}

_ANY = {
    "phone": r"\w*telefo(?:on|n)\w*|tel\.|phone\w*|wachtmuziek|hold music|call ?cent(?:er|re)\w*|\w*callcenter",
    "email": r"\w*(?:e-?)?mail\w*|gemaild|mailde\w*|mailtje|inbox|no-?reply",
    "app": r"(?<!whats)(?<!web)\bapps?\b(?![-\s]?stores?)|\w+-app\b|\w+app\b(?<!whatsapp)(?<!webapp)",
    "website": r"website\w*|(?<!site )\bsites?\b(?! visit)|\w*webformulier\w*|web ?forms?|online|portal|portaal|"
    r"mijn omgeving|inlog\w*|ingelogd|log(?:ged|ging)? ?in\b|login|[\w-]+\.(?:nl|com|org)\b",
    "chat": r"\w*chat ?bot\w*|\w*chatfunctie|live ?chat|webchat|virtu\w+ assistent|virtual assistant",
    "whatsapp": r"whats ?app\w*",
    "sms": r"sms\w*|text messages?|texted",
    "social": r"facebook|twitter|instagram|linkedin|tiktok|trustpilot|social media|sociale media",
    "visit": r"\w*monteur\w*|engineer|technician|inspect(?:eur|or)\w*|thuisbezoek|huisbezoek|home visit|site visit|"
    r"aan huis\b",
}
_DUTCH = {
    "phone": r"(?:terug|op)?bel(?:t|de|den|len|letje)?|(?:terug|op)?gebeld|teruggebeld|telefonisch|"
    r"terugbel\w*|\w*belactie",
    "letter": r"\w*brie(?:f|fje|ven)|per post|poststuk|\w*envelop\w*|acceptgiro\w*|aangetekend",
    "chat": r"chat|chatte|gechat|chatten|(?:de|die|hun|jullie) bot",
    "whatsapp": r"appen|appte|appten|geappt|appje",
    "desk": r"balie|loket|servicepunt|klantenservicepunt|winkel|langsgegaan|langs geweest|receptie|"
    r"gemeentehuis|stadhuis|kantoor van",
    "website": r"account aan(?:maken|gemaakt)",
    "visit": r"loodgieter|meteropnemer|aannemer\w*|vakm[ae]n\w*|opzichter\w*|reparateur\w*|installateur\w*|"
    r"kwam (?:bij (?:ons|mij) )?(?:thuis|langs)|bij (?:ons|mij) thuis",
}
_ENGLISH = {
    "phone": r"(?<!so-)(?<!so )called(?! \w+ (?:by|a|an|the)\b)|calls?|calling|rang|phoned|(?:to|and|i|we|they) ring|"
    r"ring back|on hold|hung up|the line (?:went|was)",
    "letter": r"letters?|envelope|by post|in the post|paper bill|through the door|paper cop(?:y|ies)|"
    r"posted (?:me|us|them|it)\b",
    "chat": r"chat|chatted|(?:the|their|your|a) (?:chat)?bot",
    "sms": r"(?:got|get|sent|received) a text|(?:a|the) text (?:saying|came|telling|from|to say)",
    "website": r"create an account|my account page|online account",
    "visit": r"plumber|meter reader|contractors?|repair ?m[ae]n|handym[ae]n|installer|fitter|surveyor|electrician|"
    r"came (?:out|round|to (?:the|our|my) (?:house|home|flat))",
    "desk": r"front desk|service desk|counter|walk-in|the shop|the store|branch|reception\w*|in person|town hall|"
    r"(?:ticket|council|housing association's|local|branch|box) office",
}
# words that look like a channel and are not
_NOT = re.compile(
    r"judge?ment call|call (?:it|that|this)|brief (?:call|look|moment|chat|overview)|in brief|briefly|"
    r"bellen blazen|(?:job|blog) post|post office|chat(?:ted|ting)? (?:with|to) (?:my|a|the|our) "
    r"(?:neighbou?r|friend|husband|wife|colleague)|mailbox|letter of the|capital letter|(?-i:letter [A-Z])\b|"
    r"(?:my|mijn|m'n) (?:old |oude )?(?:phone|telefoon)\b|belletje (?:ging )?rinkel\w*|"
    r"(?:ging|gaat) (?:er )?(?:\w+ ){0,3}een belletje|"
    r"(?:booked|book|schedule|scheduled|plan|planned|ingepland) (?:a|an|the|een|de) "
    r"(?:plumber|engineer|technician|monteur)",
    re.IGNORECASE,
)


def _compile(patterns: Mapping[str, str]) -> dict[str, re.Pattern]:
    # a match ends at a word's end ("bel" is not "belasting"); "tel." ends at its dot
    return {key: re.compile(rf"\b(?:{pattern})(?!(?<=\w)\w)", re.IGNORECASE) for key, pattern in patterns.items()}


_PATTERNS = {"nl": _compile(_DUTCH), "en": _compile(_ENGLISH), "any": _compile(_ANY)}


def channels(text: str, language: str | None = None) -> list[str]:
    """The channels `text` names, as canonical ids in the order of `NAMES`."""
    language = language or detect(text, default="")
    clean = _NOT.sub(" ", text)
    found = set()
    # a text that does not show its language (an agent's "Kl. belt terug") is read with both languages' words
    own = [_PATTERNS[language]] if language in _PATTERNS else [_PATTERNS["nl"], _PATTERNS["en"]]
    for table in (_PATTERNS["any"], *own):
        for key, pattern in table.items():
            if pattern.search(clean):
                found.add(key)
    return [key for key in NAMES if key in found]


def channel_name(key: str, language: str) -> str:
    """How a channel is written on a journey map."""
    dutch, english = NAMES[key]
    return dutch if language == "nl" else english


# a channel column's short values that name no channel in a sentence's words
_VALUES = {"tel": "phone", "telefonie": "phone", "web": "website", "post": "letter", "mail": "email"}


def from_metadata(metadata: Mapping[str, str]) -> str:
    """The channel a survey or contact-export row names in its own column ("channel", "kanaal"), as a canonical id
    where the value is one we know ("email", "Telefonisch"), else as written; empty when there is none."""
    for column, value in metadata.items():
        if column.lower().strip() in {"channel", "kanaal", "contactkanaal", "contact channel", "medium"} and value:
            known = _VALUES.get(value.strip().casefold().rstrip(".")) or next(
                iter(channels(value, "nl") or channels(value, "en")), ""
            )
            return known or value.strip()
    return ""
