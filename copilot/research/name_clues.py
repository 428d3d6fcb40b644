"""Names found by a clue in the sentence rather than by a title or a greeting (issue 19, third round):

- what a person does: "Jansen zei dat …", "Van Dijk belde terug", "Thompson said …" (a listed name only: an
  organisation calls and says things too)
- being put on the line: "kreeg ik Sevda aan de lijn", "ik heb Esra gesproken", "I got Olu on the phone"
- naming someone: "ene Kevin", "het was Orlando, geloof ik", "zeg maar Gijs", "call me Bex"
- initials in lower case in notes: "klant t. bakker", "cust j. patel" (a listed surname only)
- a name right before someone's contact data: "Gerrit Smit, 06-12345678", "Priscilla Pinas\n070-3456789",
  "Mw. Kartosen (0031 6 …)", "Nadia Rahman - nadia.r@…" (`beside_data`; a listed name, or two name-like words)

`name_lists` holds the title, role and greeting rules and the patterns these build on.
"""

from __future__ import annotations

import re

from copilot.research.name_lists import (
    CAPITAL_INTERFIX,
    CUSTOMER,
    INTERFIX,
    INTERFIX_WORDS,
    LOWER_WORD,
    NAME_RUN,
    ROLE,
    SENTENCE_END,
    SURNAME,
    TITLE,
    WORD,
    _brand_pattern,
    _listed,
    _named,
    _org_like,
    _street_like,
)
from copilot.research.name_words import (
    AFTER_PARTICLE,
    AMBIGUOUS,
    CALENDAR,
    LOCALES,
    NOT_A_NAME,
    PAIRED_LOCALES,
    PLACES,
    _common,
    _everyday,
    _lists,
    _lower_lists,
    _place_pairs,
    _places,
)

# Verbs only a person (or an organisation, hence a listed name only) is the subject of.
SAYS = (
    r"(?:zei|zegt|belde|vertelde|beloofde|mailde|antwoordde|reageerde|legde uit|liet weten|gaf aan|adviseerde|"
    r"regelde|hielp|snapte|wist|said|says|told|called|rang|phoned|emailed|e-mailed|promised|replied|explained|"
    r"apologi[sz]ed|insisted|confirmed|helped|sorted|admitted|agreed)"
)
# a lookahead, so "Toen Jansen belde" is also tried from "Jansen"
SAID = re.compile(
    rf"(?<![\w'’.-])(?=(?P<name>(?:{CAPITAL_INTERFIX} )?{WORD}(?: {SURNAME})?) "
    rf"(?:(?:never|also|then|just|finally|eventually|later|nooit|ook|toen|nog|pas|later|wel|niet|gewoon) )?{SAYS}\b)"
)
# Verbs a thing or an organisation is as often the subject of: only after a listed name that is no everyday word
# ("Jansen heeft het geregeld", "Okafor came round"; not "Young was …", "Mark had …").
DOES = (
    r"(?:heeft|had|kwam|komt|ging|stuurde|nam|gaf|zou|kon|moest|wilde|was|has|came|sent|took|gave|would|could|"
    r"wanted|did|was)"
)
DID = re.compile(rf"(?<![\w'’.-])(?=(?P<name>(?:{CAPITAL_INTERFIX} )?{WORD}(?: {SURNAME})?) {DOES}\b)")
# "Toen belde Sevda terug", "zei Jovanko": a rare capitalised word after a verb only a person does
INVERTED = re.compile(
    r"\b(?:zei|belde|vertelde|beloofde|mailde|antwoordde|reageerde|adviseerde|regelde|hielp|zegt|belt|vertelt|"
    r"[Ee]scalated to|[Hh]anded (?:it )?over to|[Pp]assed (?:it )?(?:on )?to|[Oo]vergedragen aan|[Dd]oorgezet naar|"
    r"[Aa]ppointment with|[Mm]eeting with|[Aa]fspraak met|"
    # praise: "thanks to Okoro", "compliment voor Sevgi", "shout out to Tyrone"
    r"[Tt]hanks to|[Dd]ank aan|[Cc]ompliment(?:en)? (?:voor|aan)|[Ss]hout ?out to|[Kk]udos to|[Pp]luim voor)"
    rf"(?: (?:toen|ook|nog|daarna|later|gisteren|vandaag|meteen|direct))? (?P<name>{WORD}(?: {SURNAME})?)"
)
# "klant Jansen belt", "cust Okafor rang", "cx Smith": a name after the word for the customer in a note
CUSTOMER_NAMED = re.compile(
    r"(?<![\w.])(?:[Kk]lant|[Kk]lt\.?|[Kk]l\.|[Cc]ust\.?|[Cc]x|[Cc]ustomer|[Cc]aller|[Bb]eller) "
    rf"(?P<name>{WORD}(?: {SURNAME})?)"
)
# "Thanks for waiting, Oluwaseun.", "Geen probleem, Sevda!", "Agent: Hi Tunde, …": someone spoken to
VOCATIVE = re.compile(
    r"\b(?:[Tt]hanks|[Tt]hank you|[Dd]ank je(?: wel)?|[Dd]ank u(?: wel)?|[Bb]edankt|[Ss]orry|[Nn]o problem|"
    r"[Gg]een probleem|[Hh]i|[Hh]ello|[Hh]ey|[Hh]oi|[Hh]allo|[Oo]f course|[Nn]atuurlijk|[Ss]ure)"
    rf"(?: (?:for|voor) [^,.!?\n]{{1,30}})?,? (?P<name>{WORD})(?=[,.!?])"
)
# "Marja (buurvrouw)", "Dave (the fitter)": a name with its role in brackets after it
WITH_ROLE = re.compile(  # a lookahead, so "Volgens Jorinde (klant)" is also tried from "Jorinde"
    rf"(?<![\w'’.-])(?=(?P<name>{WORD}(?: {SURNAME})?) "
    rf"\((?:de |het |the |my |mijn |onze |our )?(?:{ROLE}|{CUSTOMER})\))"
)
# "kl. soekhai belt", "cust okafor rang": a listed surname in lower case after the word for the customer
CUSTOMER_LOWER = re.compile(
    r"(?<![\w.])(?:[Kk]lant|[Kk]lt\.?|[Kk]l\.|[Cc]ust\.?|[Cc]x) "
    rf"(?:(?:mw|mevr|dhr|mr|mrs|ms)\.? )?(?P<name>(?:{INTERFIX} )?{LOWER_WORD})(?![\w-])"
)
# "Dhr. P. JANSEN", "Mrs O'NEILL": a surname in capitals after a title (four letters or more with a vowel, so
# not an acronym such as "BSN" or "KPN")
TITLED_CAPITALS = re.compile(
    rf"(?<![\w.]){TITLE} (?:(?:[A-Z]\.){{1,4}} ?)?(?P<name>(?:(?:VAN DER|VAN DEN|VAN|DE|TER|TEN|van der|van den|van|"
    r"de|ter|ten) )?(?=[A-Z'’]*[AEIOUY])[A-ZÀ-ÖØ-Þ](?:['’]?[A-ZÀ-ÖØ-Þ]){3,}(?:-[A-ZÀ-ÖØ-Þ]{2,})?)(?![\w-])"
)
# "Mark was really helpful", "Roos was erg aardig": what is said of a person, not of a thing
PRAISED = re.compile(
    rf"(?<![\w'’.-])(?P<name>{WORD}) (?:was|is) (?:(?:very|really|so|super|extremely|erg|heel|zeer|echt) )?"
    r"(?:helpful|unhelpful|rude|kind|lovely|friendly|unfriendly|polite|impolite|patient|brilliant|fantastic|amazing|"
    r"aardig|vriendelijk|onvriendelijk|behulpzaam|onbeleefd|beleefd|grof|geduldig|fantastisch|klantvriendelijk)\b"
)
# "kreeg ik Sevda aan de lijn", "ik heb Esra gesproken", "I got Olu on the phone"
ON_THE_LINE = re.compile(
    rf"\b(?:kreeg|kregen|had|heb|hebben|hadden|got)(?: ik| we| wij| toen| eerst| uiteindelijk| eindelijk)? "
    rf"(?P<name>{WORD}(?: {SURNAME})?) (?:aan de (?:lijn|telefoon)|gesproken|on the (?:phone|line))\b"
)
# "ene Kevin", "het was Orlando, geloof ik", "zeg maar Gijs", "call me Bex"
NAMING = re.compile(
    rf"(?:\b(?:[Ee]ne|[Zz]eg maar|[Nn]oem me maar|[Cc]all me|[Ee]veryone calls me|[Ii]edereen noemt me) "
    rf"(?P<name>{WORD}(?: {SURNAME})?)|"
    rf"\b(?:[Hh]et was|[Dd]at was|[Ii]t was|[Tt]hat was) (?P<guessed>{WORD}(?: {SURNAME})?)"
    r"(?=,? (?:geloof|denk|meen|dacht|volgens mij|I think|I believe|I guess|I reckon|if I remember)))"
)
LOWER_INITIALS = re.compile(
    rf"(?<![\w.])(?P<initials>(?:[a-z]\.){{1,3}}) ?(?P<name>(?:{INTERFIX} )?{LOWER_WORD})(?![\w-])"
)
# Abbreviations that look like initials: "i.v.m. storing", "t.a.v. betaling", "e.g. bakery"
ABBREVIATIONS = frozenset(
    """o.a. i.v.m. z.s.m. d.w.z. t.a.v. m.b.t. n.a.v. i.p.v. e.d. a.u.b. m.i. t.z.t. v.w.b. i.o.m. p.p. e.g. i.e.
    a.m. p.m. c.q. m.n. o.b.v. i.c.m. v.d. i.s.m. a.s. j.l. n.v.t. z.o.z. t/m""".split()
)


def clued_names(text: str, language: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of each name found by a clue; may overlap other findings, the caller keeps the best."""
    first_names, surnames = _lists(LOCALES + PAIRED_LOCALES)
    if not first_names:
        return []
    spans = [
        m.span("name")
        for m in SAID.finditer(text)
        # "Will said": a name that is also a word, before a verb only a person does
        if (_listed_name(m["name"], first_names, surnames, language) or _ambiguous_first(m["name"], first_names))
        and not re.fullmatch(TITLE, m["name"].split()[0])
    ]
    spans += [m.span("name") for m in TITLED_CAPITALS.finditer(text)]
    spans += [
        m.span("name")
        for m in DID.finditer(text)
        if _listed_name(m["name"], first_names, surnames, language)
        and not re.fullmatch(TITLE, m["name"].split()[0])
        and m["name"].split()[0].lower() not in AMBIGUOUS
        and not _everyday(m["name"].split()[-1], language, 4.5)
    ]
    spans += [
        m.span("name")
        for rx in (INVERTED, CUSTOMER_NAMED, VOCATIVE)
        for m in rx.finditer(text)
        if _listed_name(m["name"], first_names, surnames, language) or _rare_name(m["name"].split()[0], language)
    ]
    spans += [
        m.span("name")
        for m in PRAISED.finditer(text)
        if _listed(m["name"], first_names, surnames) and m["name"].lower() not in CALENDAR
    ]
    spans += [
        m.span("name")
        for m in ON_THE_LINE.finditer(text)
        if _listed_name(m["name"], first_names, surnames, language) or _rare_name(m["name"].split()[0], language)
    ]
    spans += [
        m.span("name")
        for m in WITH_ROLE.finditer(text)
        if _named(m, language)
        and (_listed(m["name"].split()[0], first_names, surnames) or not _everyday(m["name"].split()[0], language, 4.0))
    ]
    for match in NAMING.finditer(text):
        group = "name" if match["name"] else "guessed"
        name = match[group]
        if not _common(name.split()[0], language) and name.split()[0] not in PLACES:
            spans.append(match.span(group))
    lower_surnames = _lower_lists()[1]
    spans += [
        m.span("name")
        for m in CUSTOMER_LOWER.finditer(text)
        if m["name"].split()[-1] in lower_surnames
        and not _common(m["name"].split()[-1])
        and not _common(m["name"].split()[-1], language)
        and not _everyday(m["name"].split()[-1], language, 4.0)
    ]
    for match in LOWER_INITIALS.finditer(text):
        surname = match["name"].split()[-1]
        if match["initials"] in ABBREVIATIONS or _common(surname) or _common(surname, language):
            continue
        if surname in lower_surnames:
            spans.append((match.start("initials"), match.end("name")))
    brands = [m.span() for m in _brand_pattern().finditer(text)]
    return [(start, end) for start, end in spans if not any(b <= start and end <= e for b, e in brands)]


def _listed_name(name: str, first_names: frozenset[str], surnames: frozenset[str], language: str | None) -> bool:
    """ "Jansen", "Van Dijk", "Gert-Jan Wolters": a listed first name or surname, never a common word or a place."""
    words = name.split()
    last = words[-1]
    if any(word in PLACES for word in words) or _common(words[0], language) and words[0] not in CAPITAL_WORDS:
        return False
    if len(words) >= 2 and words[0] in CAPITAL_WORDS:  # "Van Dijk", "De Groot"
        return last in surnames or last in AFTER_PARTICLE
    if len(words) >= 2 and words[0] not in first_names:  # "Collega Thijs heeft": a role, not a first name
        return False
    return (words[0] in first_names or last in surnames) and not _common(last, language)


def _ambiguous_first(name: str, first_names: frozenset[str]) -> bool:
    return name in first_names and name.lower() in AMBIGUOUS and name.lower() not in CALENDAR


def _rare_name(word: str, language: str | None) -> bool:
    """A capitalised word no list knows that is rare in both languages and no place: "Sevda", "Jovanko"."""
    if word in PLACES or word in _places() or _common(word, language) or len(word) < 3:
        return False
    return not _everyday(word, None, 3.0)


CAPITAL_WORDS = frozenset("Van De Den Der Ten Ter Te El Le La Du Da".split())


# What may stand between a name and the contact data after it, and a label before the data ("tel. 06-…").
BESIDE = re.compile(
    rf"(?<![\w'’.-])(?:{TITLE} )?(?P<name>(?:(?:[A-Z]\.){{1,4}} ?)?(?:{CAPITAL_INTERFIX} )?{NAME_RUN})"
    r"(?:[ \t]*,[ \t]*|[ \t]*\([ \t]*|[ \t]*\n[ \t]*|[ \t]+[-–][ \t]+)"
    r"(?:(?:tel|telefoon|mob|mobiel|e-?mail|adres|address|geb|DOB|knr|klantnr|klantnummer|BSN|phone|T|M|E)\.?:?"
    r"[ \t]*)?\Z"
)


def beside_data(text: str, data: list[tuple[int, int]], language: str | None = None) -> list[tuple[int, int]]:
    """Names right before a piece of personal data (`data`: its spans): a signature, a complaint's header, a note."""
    first_names, surnames = _lists(LOCALES + PAIRED_LOCALES)
    if not first_names:
        return []
    spans = []
    for start, _ in data:
        offset = max(0, start - 80)
        match = BESIDE.search(text[offset:start])
        if not match:
            continue
        run = match["name"].split()
        # "Klacht van Hanneke Groenewegen, …": an everyday word no list knows starts no name
        while run and not _listed(run[0], first_names, surnames) and _everyday(run[0], language, 3.0):
            run = run[1:]
            while run and run[0].lower() in INTERFIX_WORDS:
                run = run[1:]
        words = [word for word in run if word.lower() not in INTERFIX_WORDS]
        if any(
            _common(word, language) or word.lower() in NOT_A_NAME or word in PLACES or word in _places()
            or _street_like(word) or _org_like(word)
            for word in words
        ):  # fmt: skip
            continue
        names = [word for word in words if not re.fullmatch(r"(?:[A-Z]\.)+", word)]
        listed = any(_listed(word, first_names, surnames) or word in AFTER_PARTICLE for word in names)
        place = tuple(run[-2:]) in _place_pairs()
        if names and not place and (listed or len(names) >= 2):
            tokens = list(re.finditer(r"\S+", match["name"]))
            start = offset + match.start("name") + tokens[len(tokens) - len(run)].start()
            spans.append((start, offset + match.end("name")))
    return spans


NEXT_WORD = re.compile(rf" (?:[A-Z]\. )?(?:{INTERFIX} )?(?P<word>{WORD})")
WORD_BEFORE = re.compile(rf"(?<![\w'’.-])(?P<word>{WORD}) \Z")
TRAILING_INITIAL = re.compile(r" [A-Z]\.(?=\s*$|\n|,)")
FIRST_BEFORE = re.compile(rf"(?<![\w'’.-])(?P<word>{WORD}) (?P<particle>(?:{INTERFIX} )?)\Z")


def _joined_first(match: re.Match, name: str, first_names: frozenset[str], surnames: frozenset[str]) -> bool:
    """A listed first name that is also an everyday word, right before a listed surname or first name."""
    word, last = match["word"], name.split()[0]
    # only a name that is also a month or a common word ("Jan", "Will", "Mark"), never a greeting ("Beste Daan")
    if word not in first_names or word.lower() not in AMBIGUOUS | CALENDAR:
        return False
    return last in surnames or (not match["particle"] and last in first_names)


def widened(text: str, spans: list[tuple[int, int]], language: str | None = None) -> list[tuple[int, int]]:
    """Each name with the name words beside it: "Maria José Fernandes da Silva", "John P. Smith", "Gert-Jan
    Wolters" are one name, not two pieces that together cover too little of it."""
    first_names, surnames = _lists(LOCALES + PAIRED_LOCALES)
    result = []
    for start, end in spans:
        while (after := NEXT_WORD.match(text, end)) and _name_word(after["word"], first_names, surnames, language):
            end = after.end()
        if initial := TRAILING_INITIAL.match(text, end):  # "Gareth W." signing a review: the surname's initial
            end = initial.end()
        before = WORD_BEFORE.search(text, max(0, start - 40), start)
        # "Jan de Bakker", "Will Hughes", "Jan Jaap": a listed first name that is also a word (a month, a verb)
        # before a surname found, with or without a particle between
        if (joined := FIRST_BEFORE.search(text, max(0, start - 40), start)) and _joined_first(
            joined, text[start:end], first_names, surnames
        ):
            start = joined.start()
        elif before and _name_word(before["word"], first_names, surnames, language):
            listed_first = _listed(before["word"], first_names, frozenset())
            if listed_first or not SENTENCE_END.search(text[: before.start()]):
                start = before.start()
        # "sprak Jansen Maandag", "met Sanne Utrecht": a name does not end in a common word or a place
        words = list(re.finditer(r"\S+", text[start:end]))
        while len(words) >= 2 and _ends_no_name(words[-1].group(), words[-2].group(), surnames, language):
            words.pop()
            end = start + words[-1].end()
        result.append((start, end))
    return result


def _ends_no_name(word: str, before: str, surnames: frozenset[str], language: str | None) -> bool:
    """A common word or a place; a town that is also a surname ("Vries", "Beek") only without a particle."""
    if before.lower() in INTERFIX_WORDS:
        return False
    place = word in _places() and word not in surnames and word not in AFTER_PARTICLE
    return _common(word, language) or word in PLACES or place


def _name_word(word: str, first_names: frozenset[str], surnames: frozenset[str], language: str | None) -> bool:
    """A word that may be part of a name: listed, or rare in both languages; never a common word or a place."""
    if _common(word, language) or word.lower() in NOT_A_NAME or word in PLACES or word in _places():
        return False
    if _street_like(word) or _org_like(word):
        return False
    return _listed(word, first_names, surnames) or not _everyday(word, language, 3.0)


# What a name-like word names when these follow it: a street ("Hope Street", "Grace Road"), a product line
# ("Bosch Serie 6", "Miele Series 120", "Nova (product: router)"), a digital assistant ("Ik ben Sam, de
# digitale assistent").
# only the street words that are nobody's surname ("Graham Hill", "Lois Lane" and "Ava Park" are people)
STREET_NAMES = r"(?:Street|St|Road|Rd|Avenue|Ave|Crescent|Terrace|Gardens|Square|Mews)"
THING_AFTER = re.compile(
    rf"(?: {STREET_NAMES}\b| \((?:product|model|merk|brand|type|toestel|device)\b"
    r"| (?:[Ss]erie|[Ss]eries|[Mm]odel|[Tt]ype) \w*\d"
    rf"|, (?:de|het|je|jouw|uw|onze|your|the|our|a|an) (?:digitale |virtuele |virtual |digital |slimme |online )?"
    r"(?:assistent|assistant|chatbot|bot)\b)"
)


def named_thing(text: str, start: int, end: int) -> bool:
    """Whether the name-like words at start:end name a street, a product, a bot or a place ("Den Bosch")."""
    words = text[start:end].split()
    if THING_AFTER.match(text, end) or len(words) >= 2 and re.fullmatch(STREET_NAMES, words[-1]):
        return True
    before = re.search(r"(\S+) $", text[max(0, start - 30) : start])
    pair = (before[1], words[-1]) if len(words) == 1 and before else tuple(words[-2:])
    # "K. van 't Zand", "Van Den Bosch": a place's name after "van" is a surname
    if len(words) >= 3 and words[-3].lower() == "van":
        return False
    return len(pair) == 2 and pair in _place_pairs()
