"""Whether a sentence proposes something the organisation could do, and what: read without a model.

"Waarom kan ik niet gewoon een terugbelverzoek doen?" proposes "een terugbelverzoek doen"; "Ik hoop dat het
genoeg is" proposes nothing. Each pattern's group 1 is what is proposed; the first pattern that finds a phrase
of `WORDS` words wins. Tuned on the even half of tests/data/suggestions_blind (see BENCHMARKS.md): widen a
pattern here when people say it another way.
"""

from __future__ import annotations

import re

WORDS = (2, 20)  # "een terugbelverzoek" … a whole clause; the title is shortened from it
_I = re.IGNORECASE
# what follows, up to where the proposal's own clause ends
_REST = r"([^.!?;,:]{4,200}?)\s*(?:[.!?;,:]|\s(?:in plaats van|instead of|rather than|want|omdat|because)\b|$)"
PROPOSING = (
    [
        re.compile(p + _REST, _I)
        for p in (
            # a question why the organisation does not: "Waarom kan ik niet gewoon …?", "Why not …?"
            r"\bwaarom (?:kan|kun|mag) (?:ik|je|u|men) (?:niet|geen)\s+(?:gewoon\s+|eens\s+|zelf\s+)?",
            r"\bwaarom (?:krijg|krijgen|krijgt) (?:ik|je|u|we|wij) (?:niet|geen)\s+(?:gewoon\s+)?",
            r"\bwaarom (?:sturen|bellen|geven|maken|doen|bieden) (?:jullie|ze|zij) (?:niet|geen)\s+(?:gewoon\s+)?",
            # "Waarom lezen jullie de slimme meter niet gewoon zelf uit?": the object between
            r"\bwaarom \w+ (?:jullie|ze|zij|u) (?=[^.!?;,:]{4,120}? niet\b)",
            r"\bwhy (?:not|don't you|can't you|can't I|don't they|doesn't it|isn't there)\s+(?:just\s+)?",
            # a wish addressed to them: "het zou fijn zijn als jullie …", "it would help if …"
            r"\b(?:het )?zou (?:het )?(?:al |echt |wel |veel )?"
            r"(?:fijn|mooi|handig|prettig|top|ideaal|helpen|schelen|fijner|beter) "
            r"(?:zijn |vinden |wezen )?(?:als|wanneer|dat)\s+",
            r"\bik zou het (?:fijn|mooi|handig|prettig|top|ideaal) vinden als\s+",
            r"\b(?:it|that)(?: would|'d|’d) (?:really )?"
            r"(?:help|be (?:nice|great|helpful|better|good|ideal|useful)) if\s+",
            r"\bI(?:'d| would) (?:really )?(?:like|love|appreciate) (?:it )?if (?:you|they|someone)\s+",
            r"\bI wish (?:you|they|there was|there were|someone)\s+",
            r"\bik zou willen dat (?:jullie|ze|er|het|iemand)\s+",
            r"\b(?:ik wil|wij willen|we willen|ik had|ik zou|we hadden) (?:ook )?graag\s+",
            r"\bhad(?:den)? (?:ik |we )?graag\s+",
            # what they should do: "jullie zouden … moeten", "you could have …", "they should …"
            r"\b(?:jullie|de gemeente|het bedrijf) (?:zouden|moeten|kunnen) (?:eens |toch |gewoon |beter )?",
            # "ze" is the organisation only with a nudge ("ze zouden gewoon …"): in a report, "ze moeten klikken"
            # is what users do
            r"\b(?:ze|zij) (?:zouden|moeten) (?:eens|toch|gewoon|beter|echt)\s+",
            r"\b(?:you|they) (?:could|should|ought to) (?:just |really |easily )?(?:have )?",
            r"\bwhat I(?:'d| would)? (?:really |actually )?need(?:ed)? (?:is|was)[,\s]+(?:like,?\s+)?",
            r"\bwat ik (?:eigenlijk |echt )?nodig (?:had|heb) (?:was|is)\s+",
            # how people say what should exist: "er zou … moeten", "it should be possible to", "what would help is"
            r"\b(?:het )?zou (?:echt |wel )?(?:fijn|mooi|handig|prettig|top|ideaal|beter) (?:zijn|wezen) om\s+",
            r"\b(?:it|that)(?: would|'d|’d) be (?:really )?(?:nice|great|helpful|better|good|ideal|useful) to\s+"
            r"(?:have\s+)?",
            r"\bik zou (?:graag|het liefst) (?:zien|hebben) dat\s+",
            r"\b(?:het liefst|het liefste)\s+(?=(?:een|één|de|het|alle|geen|meer)\s)",
            r"\bwat (?:mij|ons|klanten) (?:zou|zouden) helpen (?:is|zijn)\s+",
            r"\bwhat would (?:really )?help (?:me |us )?(?:is|would be)\s+",
            r"\bI(?:'d| would) (?:like|love) to be able to\s+",
            r"\b(?:ik wil|ik zou) (?:graag )?(?:zelf )?(?:willen )?kunnen\s+",
            r"\bthere should (?:really |just )?be\s+",
            r"\ber (?:zou|moet|moeten|zouden) (?:eigenlijk |gewoon |echt )?(?=[^.!?;,:]{4,120}? (?:moeten|komen)\b)",
            r"\b(?:it|het) (?:should|moet|zou) (?:be possible|mogelijk (?:zijn|moeten zijn)) (?:to|om)\s+",
            # a request for an option, a staff memo passing a wish on, "een idee om …"
            r"\b(?:could|can) you (?:please )?(?:add|make|offer|introduce|bring back|give us|let us)\s+",
            r"\bkunnen (?:jullie|ze) (?:niet )?(?:een optie|de mogelijkheid|een knop|een functie) "
            r"(?:maken|bieden|toevoegen) (?:om|zodat|waarmee)\s+",
            # a group passing it on, not a daughter's advice: "Frontline staff suggest offering …"
            r"\b(?:staff|customers|members|residents|tenants|patients|users|callers|agents|we) (?:\w+ )?"
            r"(?:suggest|suggested|propose|proposed|recommend|recommended) (?:that |to |offering |adding )?",
            r"\b(?:stellen|stelt|stelden) voor (?:om |dat )?",
            r"\bvragen of het mogelijk is (?:om |dat )?",
            r"\b(?:een |a |an )?(?:idee|idea|tip|suggestie|suggestion)(?: is)?(?: om| to|:)\s+",
            r"\b(?:ik mis|wij missen|we missen|I miss|we miss|there(?:'s| is) no) (?:een |de |het |a |an |the )?"
            r"(?:knop|optie|mogelijkheid|button|option|way) (?:om|to)\s+",
            r"\bwat (?:zou|zouden) (?:helpen|fijn zijn) is\s+",
            r"\bals (?:ze|jullie|je) nou (?:gewoon |eens )?",
            r"\bif only (?:you|they)\s+",
            r"\bmisschien (?:kunnen|zouden) (?:jullie|ze)\s+",
            r"\bmaybe (?:you|they) could\s+",
        )
    ]
    + [
        # a preference between two ways of being served, up to what it is preferred to: "liever 15 euro per maand
        # meer dan 400 euro ineens" proposes "15 euro per maand meer"
        re.compile(p + r"([^.!?;,:]{4,200}?)\s*(?:[.!?;,:]|\s(?:dan|than)\s|$)", _I)
        for p in (
            r"(?:^|\b(?:ik|wij|we) (?:heb|had|hebben|hadden|zou|zouden) (?:wel |toch |ook |veel )?)liever\s+",
            r"\bI(?:'d| would) (?:rather|prefer) (?=(?:have|get|pay|receive|speak|talk|deal|a|an|one|the)\b)",
        )
    ]
    + [
        # what comes first: "Een beetje begrip zou fijn zijn.", "A callback would be great.", "… dat een kaart met de
        # waterhardheid per postcode hen zou helpen"
        re.compile(
            r"(?:^|\b(?:dat|that)\s)(?:maar |en |dus |but |and )?([^,.!?;]{4,80}?) (?:\w+ )?"
            r"(?:zou|zou echt|would|would really) "
            r"(?:fijn|mooi|handig|prettig|top|ideaal|welkom|helpen|be nice|be great|be helpful|be welcome|help)\b",
            _I,
        ),
    ]
)
# survey answers write a wish short, as an order: in an interview the same shapes are a bot's message quoted
# ("Geef je verhuizing hier door") or what the person did ("Ik heb een regel laten toevoegen")
ANSWERING = [
    re.compile(p + _REST, _I)
    for p in (
        r"^(?:aub |please |graag )?(?:zorg (?:dat|voor)|breng|bring back|add|offer|give us|let us|send|stuur|geef|"
        r"bied|maak)\s+",
        r"\bgraag (?=(?:een|de|het|meer|ook|weer)\s)",
        r"^(?:maybe|perhaps|misschien) (?=(?:a|an|een|some|wat|meer|more)\s)",
        r"^please\s+",
    )
] + [
    # "Meer fietsenstallingen bij de bushalte aub": asking for more of something
    re.compile(r"^((?:meer|more|extra) [^.!?;,:]{4,100}?)\s*(?:aub|a\.u\.b\.|please|pls|graag)?\s*[.!?]?$", _I),
    # "ouderavond ook online aanbieden": what to offer, the verb last
    re.compile(r"^(.{4,80}?) (?:aanbieden|toevoegen|invoeren|mogelijk maken|terugbrengen)\b", _I),
]
# no proposal to the organisation: about oneself, a hope, a rule, "you could see that …"
NOT_PROPOSING = re.compile(
    r"\b(?:ik hoop|I hope|hopelijk|hopefully|I should have|ik had (?:beter|moeten)|you could see|you should "
    r"receive|je kon zien|je moet (?:binnen|uiterlijk)|(?:slecht|geen goed) idee|(?:bad|not a good) idea)\b",
    _I,
)
# words around the proposal that are not part of it: "jullie me een seintje geven" proposes "een seintje geven"
_LEADING = re.compile(
    r"^(?:(?:gewoon|eens|even|toch|jullie|ze|er|u|ik|you|they|I|me|mij|ons|us|just|like|that|dat|het|to)\s+)+", _I
)
# "jullie kunnen me niet vertellen …" complains; "you could change that" names nothing to change; "mijn adres
# wijzigen" asks for a service, not a change to it
_COMPLAINT = re.compile(
    r"^(?:\w+\s+)?(?:niet|geen|nooit|not|never|no)\b|^(?:mijn|my)\s"
    r"|^(?:e-?mail|mail|call|ring|phone|bel|app) (?:me|mij)\b"
    r"|\[",  # a redacted name or number: about one person's details
    _I,
)
_VAGUE = re.compile(r"^(?:\w+\s+)?(?:that|this|it|dat|dit|het|so|zo)(?:\s+\w+)?(?:\s+\w+)?$", _I)
_TRAILING = re.compile(
    r"(?:\s+(?:gehad|hebben|krijgen|doen|hoor|please|alstublieft|eigenlijk|toch|moeten|komen|zijn|te))+$", _I
)


def proposal(sentence: str, survey_answer: bool = False) -> str:
    """What `sentence` proposes the organisation do or offer, as its words say it; "" when it proposes nothing.
    A survey answer may say it as an order ("Meer kassa's open op zaterdag"); see ANSWERING."""
    if NOT_PROPOSING.search(sentence):
        return ""
    for pattern in [*PROPOSING, *ANSWERING] if survey_answer else PROPOSING:
        match = pattern.search(sentence)
        if match:
            phrase = _TRAILING.sub("", _LEADING.sub("", " ".join(match.group(1).split()))).strip(" ,:\"'“”„")
            if (
                WORDS[0] <= len(phrase.split()) <= WORDS[1]
                and not _COMPLAINT.match(phrase)
                and not _VAGUE.match(phrase)
            ):
                return phrase
    return ""
