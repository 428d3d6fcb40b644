"""Names written in the wrong case for the capitalised-word rules (issue 19, the second blind set's round):

- in lower case, in speech-to-text transcripts and sloppy notes: "u spreekt met joyce", "my name's callum",
  "goedemiddag met ilse", "de mail van sanne", "femke belde terug", and the answer to a question about a
  name on the next turn ("and your daughter's name\ncaller maisie"); a listed first name that is no common word
- after a title in lower case, a surname no list knows if it is rare in both languages: "mw verkerk-ooms",
  "mrs o'donnell"
- in capitals: "BELT TERUG: PETRA VAN LEEUWEN", "had ik MEREL aan de lijn": the capitals of listed names (and
  the particles between them) are read as capitalised words, and the other name rules run on that reading
- a relation or a role first, then a first name that is also a word: "my husband Frank", "dochter Joy",
  "Will (collega van planning)"; and "klant heet Tulp"
"""

from __future__ import annotations

import re

from copilot.research.name_clues import SAYS, clued_names
from copilot.research.name_lists import INTERFIX, LOWER, LOWER_WORD, ROLE, SERVICE_DESK, WORD, listed_names
from copilot.research.name_words import (
    AFTER_PARTICLE,
    AMBIGUOUS,
    CALENDAR,
    LOCALES,
    PAIRED_LOCALES,
    _common,
    _everyday,
    _lists,
    _lower_first_names,
    _lower_lists,
)

# What introduces a name in a lowercase transcript or note, read backwards from each listed first name.
LOWER_CUE = re.compile(
    r"(?:\b(?:spreekt met|spreek je met|my name is|my name's|mijn naam is|you're speaking (?:to|with)|"
    r"you are speaking (?:to|with)|it's|this is|ik ben|i'm|(?:de |het |een )?(?:notitie|notities|mail|e-mail|"
    r"bericht|berichtje|voicemail|brief|note|notes|message|email|letter|dossiernotitie) (?:van|from))"
    r"|(?:^|\n|[.!?] |: )[ \t]*(?:(?:\w+ )?(?:ja|goedemorgen|goedemiddag|goedenavond|hallo|hoi|dag),? )?met"
    r") \Z|(?:name|naam)[ \t]*\??[ \t]*\n[ \t]*(?:[^\W\d_]+:?[ \t]+)?\Z"
)
LOWER_FIRST = re.compile(rf"(?<![\w'’-]){LOWER_WORD}(?![\w'’-])")
LOWER_SAYS = re.compile(rf" (?:(?:ook|toen|nog|also|then|just) )?{SAYS}\b")
# "will from the engineering team", "bill (cust, …)", "roos van de planning": what makes even a first name that
# is also a word a name in lower case
LOWER_PERSON = re.compile(
    rf" (?:(?:from|of|at|van|bij|op) (?:the|de|het|onze|our) (?:[\w-]+ )?{SERVICE_DESK}\b"
    r"|(?:van|from) (?:the |de )?(?:planning|finance|billing|sales|support|facturatie|incasso|debiteuren)\b"
    r"|\((?:cust|customer|klant|caller|beller|client|tenant|huurder)(?:[,)]| [-–]))"
)
ARTICLE_BEFORE = re.compile(r"(?i:\b(?:the|a|an|my|your|our|this|that|de|het|een|mijn|uw|je|onze|deze|die) )\Z")
# "mw verkerk-ooms", "mrs o'donnell": a lowercase title, then one lowercase word
LOWER_TITLED = re.compile(
    r"(?<![\w.])(?:mw|mevr|mevrouw|dhr|meneer|mr|mrs|ms|miss)\.? "
    rf"(?P<name>(?:[a-z]['’])?{LOWER_WORD})(?![\w'’-])"
)
# "my husband Frank", "dochter Joy": a relation, then a listed first name that is also a word
RELATION = (
    r"(?:[Hh]usband|[Ww]ife|[Ss]on|[Dd]aughter|[Bb]rother|[Ss]ister|[Pp]artner|[Mm]um|[Mm]om|[Dd]ad|[Mm]an|[Vv]rouw|"
    r"[Zz]oon|[Dd]ochter|[Bb]roer|[Zz]us|[Vv]ader|[Mm]oeder|[Cc]ollega|[Cc]olleague|[Nn]eighbou?r|[Bb]uurman|"
    r"[Bb]uurvrouw|[Ff]riend|[Vv]riend|[Vv]riendin)"
)
RELATED = re.compile(rf"(?<![\w.]){RELATION} \Z")
# the first names that are also words, capitalised: the only words the relation rules need to look at
AMBIGUOUS_WORD = re.compile(
    r"(?<![\w'’-])(?:" + "|".join(sorted((w.capitalize() for w in AMBIGUOUS), key=len, reverse=True)) + r")(?![\w'’-])"
)
# "Will (collega van planning)", "Joy (de buurvrouw)": a name with its role in brackets, more words allowed
ROLE_IN_BRACKETS = re.compile(rf"(?P<name>{WORD}) \((?:de |het |the |my |mijn |onze |our )?{ROLE}\b[^)\n]{{0,40}}\)")
# "klant heet Tulp", "the customer is called Rose", "meneer heet Bloem"
CALLED = re.compile(
    r"\b(?:klant|klantnaam|beller|meneer|mevrouw|customer|caller|client|cliënt)(?:'s name)? "
    rf"(?:heet|heette|is called|was called|is named|named|called) (?P<name>{WORD})(?![\w'’-])"
)
CAPITALS = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ]{2,}(?:['’-][A-ZÀ-ÖØ-Þ]+)*(?![\w'’-])")
PARTICLES = frozenset("VAN DE DER DEN TEN TER EL LA LE DU DA".split())
PARTICLES_BEFORE = re.compile(r"(?<![\w'’-])((?:(?:VAN|DE|DER|DEN|TEN|TER|EL|LA|LE|DU|DA) )+)\Z")


def cased_names(text: str, language: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of names in lower case or in capitals; may overlap other findings."""
    return [
        *_lower_names(text, language),
        *_related(text, language),
        *_in_capitals(text, language),
        *_capital_inside(text, language),
    ]


def _lower_names(text: str, language: str | None) -> list[tuple[int, int]]:
    first_names = _lower_first_names()
    surnames = _lower_lists()[1]
    spans, greeted = [], set()
    for match in LOWER_FIRST.finditer(text):
        name = match.group()
        if (
            name in first_names
            and name not in CALENDAR
            and LOWER_PERSON.match(text, match.end())
            and not ARTICLE_BEFORE.search(text, max(0, match.start() - 8), match.start())
        ):
            spans.append(match.span())
            continue
        cue = LOWER_CUE.search(text, max(0, match.start() - 60), match.start())
        surname = _lower_surname_after(text, match.end(), surnames, bool(cue))
        # "goedemiddag met mark", "hi it's will here": right after an introduction and before the end of the
        # turn, "from", "here" or "I", even a first name that is also a word; "mijn naam is wies schuurman": an
        # unlisted first name before a listed surname
        if cue and name in AMBIGUOUS and name not in CALENDAR and (surname or INTRO_END.match(text, match.end())):
            spans.append((match.start(), surname or match.end()))
            greeted.add(name)
            continue
        if (
            cue
            and surname
            and name not in first_names
            and name not in TURN_WORDS
            and not _common(name)
            and not _everyday(name, None, 3.5)
        ):
            spans.append((match.start(), surname))
            continue
        if name not in first_names or name in AMBIGUOUS or _common(name, language) or _common(name):
            continue
        if cue or LOWER_SAYS.match(text, match.end()):
            spans.append((match.start(), surname or match.end()))
    # "hi it's will here … hi will": a first name that is also a word, once introduced, when greeted or thanked
    for name in greeted:
        spans += [m.span("name") for m in re.finditer(rf"{GREETED}(?P<name>{name})(?![\w'’-])", text)]
    for match in LOWER_TITLED.finditer(text):
        name = match["name"]
        last = re.sub(r"^[a-z]['’]", "", name)
        if _common(name) or _common(name, language) or _common(last):
            continue
        if name in surnames or last in surnames or not _everyday(last.split("-")[0], None, 3.0):
            spans.append(match.span("name"))
    return spans


# what ends a name introducing itself in a transcript: the end of the turn, "here", "from", "speaking", "I/ik"
INTRO_END = re.compile(r"(?:[ \t]*(?:$|\n|[,.!?])| (?:here|hier|from|speaking|i|ik|i'm|calling|bel|belt)\b)")
LOWER_SURNAME = re.compile(rf" (?P<particle>(?:{INTERFIX} )?)(?P<surname>{LOWER_WORD})(?![\w'’-])")


# the speaker labels of a lowercase transcript, which a cue on the turn before may seem to introduce
TURN_WORDS = frozenset("caller beller agent klant customer client medewerker operator interviewer respondent".split())
GREETED = r"(?<![\w'’-])(?:hi|hoi|hallo|hey|hello|thanks|thank you|bedankt|dank je|dag|bye|doei),? "


def _lower_surname_after(text: str, end: int, surnames: frozenset[str], cue: bool = False) -> int:
    """The end of a lowercase surname right after a lowercase first name ("kees de wit", "wies schuurman"), or 0:
    a listed surname, any word that is no stopword after a particle, and after an introduction a word rarer
    than most."""
    match = LOWER_SURNAME.match(text, end)
    if not match or _common(match["surname"]):
        return 0
    word = match["surname"]
    if word in surnames or match["particle"] or (cue and not _everyday(word, None, 4.0)):
        return match.end()
    return 0


def _related(text: str, language: str | None) -> list[tuple[int, int]]:
    first_names = _lists(LOCALES + PAIRED_LOCALES)[0]
    spans = []
    for match in AMBIGUOUS_WORD.finditer(text):
        name = match.group()
        if name not in first_names or name.lower() in CALENDAR:
            continue
        if RELATED.search(text, max(0, match.start() - 20), match.start()) or ROLE_IN_BRACKETS.match(
            text, match.start()
        ):
            spans.append(match.span())
    for match in CALLED.finditer(text):
        name = match["name"]
        # the customer "heet" it: a name even if it is a word too ("Bloem", "Visser")
        if not _common(name, language):
            spans.append(match.span("name"))
    return spans


# "because Will actually listened", "ask for Grace when you call": inside a sentence, between words in lower case
# (so not a heading in title case), a capital makes a first name that is also a word a name
# (and after a function word, so not a product: "we sell Rose gold")
INSIDE_BEFORE = re.compile(rf"(?<![\w'’-])(?P<before>[^\W\d_][{LOWER}]*),? \Z")
INSIDE_AFTER = re.compile(rf" [{LOWER}]|[.!?](?:\s|$)")


def _capital_inside(text: str, language: str | None) -> list[tuple[int, int]]:
    first_names = _lists(LOCALES + PAIRED_LOCALES)[0]
    spans = []
    for match in AMBIGUOUS_WORD.finditer(text):
        name = match.group()
        if name not in first_names or name.lower() in CALENDAR:
            continue
        before = INSIDE_BEFORE.search(text, max(0, match.start() - 30), match.start())
        if before and _common(before["before"], language) and INSIDE_AFTER.match(text, match.end()):
            spans.append(match.span())
    return spans


def _in_capitals(text: str, language: str | None) -> list[tuple[int, int]]:
    """Names in capitals: each listed name in capitals is read as it would be written in a sentence."""
    first_names, surnames = _lists(LOCALES + PAIRED_LOCALES)
    words = [m for m in CAPITALS.finditer(text) if m.group() not in PARTICLES]
    if not words:
        return []
    cased = ["-".join(_capitalised(part) for part in m.group().split("-")) for m in words]
    particles = [PARTICLES_BEFORE.search(text[: m.start()]) for m in words]
    name_like = []
    for index, match in enumerate(words):
        word = cased[index]
        listed = all(part in first_names or part in surnames for part in word.split("-"))
        # "KAREN MCALLISTER": after a listed first name, a surname no list knows if it is rare
        after_first = (
            index > 0
            and _next_to(words[index - 1], match)
            and cased[index - 1] in first_names
            and not _everyday(word, language, 4.0)
        )
        name_like.append(
            len(word) == len(match.group()) >= 3
            and (listed or after_first or bool(particles[index]) and word in AFTER_PARTICLE)
            and not (_common(word, language) and word not in first_names)
        )
    reading, changed = list(text), []
    for index, match in enumerate(words):
        # "ABN AMRO", "IK HEB ROOS GESPROKEN": a name among capitals that are no names is none
        beside = [other for other in (index - 1, index + 1) if 0 <= other < len(words)]
        if not name_like[index] or any(_next_to(words[o], match) and not name_like[o] for o in beside):
            continue
        reading[match.start() : match.end()] = cased[index]
        changed.append(match.span())
        if particles[index]:  # "VAN DER LEEUWEN" reads "van der Leeuwen"
            start = match.start() - len(particles[index][1])
            reading[start : match.start()] = particles[index][1].lower()
    if not changed:
        return []
    read = "".join(reading)
    found = [*listed_names(read, language), *clued_names(read, language)]
    return [(s, e) for s, e in found if any(s < end and start < e for start, end in changed)]


def _next_to(other: re.Match, match: re.Match) -> bool:
    return other.end() + 1 == match.start() or match.end() + 1 == other.start()


def _capitalised(word: str) -> str:
    """ "MCBRIDE" as "McBride", "O'NEILL" as "O'Neill", "JANSEN" as "Jansen"."""
    if word.startswith("MC") and len(word) > 4:
        return "Mc" + word[2:].capitalize()
    if len(word) > 2 and word[1] in "'’":
        return word[:2] + word[2:].capitalize()
    return word.capitalize()


def returning_words(text: str, names: list[str]) -> list[tuple[int, int]]:
    """A found name that is also a word ("Will", "Hope") comes back only where no word could stand: before a
    possessive or a comma that addresses the person ("Hope's number", "Will, if you read this")."""
    words = {name for name in names if " " not in name and name[:1].isupper() and name.lower() in AMBIGUOUS}
    return [
        match.span() for word in words for match in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?=['’]s\b|, )", text)
    ]
