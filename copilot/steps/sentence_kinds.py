"""What a customer's sentence says, read without a model: a wish (gain), a task (functional job), a feeling
(emotional job), how they are seen (social job), a pain, or a request for a person.

Cue phrases in Dutch and English, matched on whole words. They are deliberately narrow: a computed persona
shows people's own sentences, so a sentence left out costs less than one filed under the wrong heading.
"""

from __future__ import annotations

import re

from copilot.research.sentiment import sentiment

_SENTENCE = re.compile(r"(?<=[.!?…])[\"'”’)]?\s+(?=[\"'“‘(]?[A-ZÀ-Ý0-9])")
MIN_WORDS, MAX_WORDS = 5, 45
PAIN = -0.3  # sentiment below this makes a sentence a pain


def cues(*phrases: str, whole_words: bool = True) -> re.Pattern:
    """One case-blind pattern for cue phrases; `whole_words=False` lets a phrase match a word's start
    ("bereave" in "bereavement")."""
    return re.compile(r"\b(?:" + "|".join(phrases) + (r")\b" if whole_words else ")"), re.IGNORECASE)


ASKS_PERSON = cues(
    r"(?:een|echte?|gewoon een) (?:mens|persoon|medewerker)",
    r"iemand (?:spreken|aan de lijn|aan de telefoon|die meedenkt)",
    r"(?:met|naar) (?:een )?medewerker",
    r"menselijk contact",
    r"doorverbonden|doorgezet naar",
    r"(?:a|an actual|a real) (?:person|human|agent)",
    r"speak (?:to|with) (?:someone|somebody|a person)",
    r"talk (?:to|with) (?:someone|somebody|a person|a human)",
    r"human contact|put through to",
    r"(?:want|need|wants|needs) (?:someone|somebody|a person|one person)",
    r"(?:one|a single) person who|iemand die (?:het|mij|me|ons) (?:snapt|kent|uitlegt|helpt)",
    r"(?:een )?vaste (?:contactpersoon|persoon|medewerker)",
    r"(?:wil|wilde) (?:iemand|een mens|een persoon)",
)
WISH = cues(
    r"liever",
    r"(?:zou|zou het) (?:fijn|mooi|handig|prettig|beter) (?:zijn|vinden)",
    r"had(?:den)? (?:graag|liever)",
    r"ik wil(?:de)? graag",
    r"(?:ik )?hoop(?:te)? dat",
    r"zou(?:den)? moeten",
    r"would (?:rather|prefer|like|love)",
    r"(?:would|it'd) be (?:nice|great|helpful|better)",
    r"I wish|I'd (?:like|prefer|rather)",
    r"should (?:just|have|be)",
)
TASK = cues(
    r"ik (?:moest|moet|wilde|wil|probeerde|probeer|wou) (?!graag\b)\w+",
    r"(?:ik|we|wij) (?:hadden|hebben) (?:een|het|de) \w+ nodig",
    r"I (?:needed|need|wanted|want|tried|had) to",
    r"(?:all )?I (?:needed|wanted) was",
)
FEELING = cues(
    r"voel(?:de)? (?:me|mij|ik)",
    r"bang|onzeker|gerust|opgelucht|ongerust|zenuwachtig|gefrustreerd|machteloos|schaam(?:de)?",
    r"I felt|I feel|made me feel",
    r"worried|anxious|relieved|frustrated|helpless|ashamed|reassured|stressed|embarrassed",
)
SEEN = cues(
    r"(?:serieus|niet serieus) genomen|als een nummer|behandeld als|voor gek|dom (?:gevoel|voelen|overkomen)",
    r"schaam(?:de|te)?|gênant|lastig (?:vallen|te zijn)|zeur(?:en|der)?|bedelen",
    r"taken seriously|like a number|treated like|like an idiot|stupid|embarrass(?:ed|ing)?|a nuisance|begging",
    r"(?:mijn|my) (?:buren|familie|kinderen|neighbours|family|kids) (?:denken|zien|vinden|think|see)",
)


def sentences(text: str) -> list[str]:
    """The sentences of a quote long enough to stand on their own."""
    found = []
    for sentence in _SENTENCE.split(" ".join(text.split())):
        words = len(sentence.split())
        if MIN_WORDS <= words <= MAX_WORDS:
            found.append(sentence.strip())
    return found


# a sentence goes under one heading only, the most telling first: a card that repeats one sentence under
# four headings says less than four sentences
ORDER = ("asks_person", "social", "emotional", "gain", "functional", "pain")


def kind(sentence: str) -> str | None:
    """The heading a sentence fits best: asks_person, social, emotional, gain, functional or pain; else None."""
    cues = {"asks_person": ASKS_PERSON, "social": SEEN, "emotional": FEELING, "gain": WISH, "functional": TASK}
    for heading in ORDER[:-1]:
        if cues[heading].search(sentence):
            return heading
    return "pain" if sentiment(sentence).score < PAIN else None
