"""People's names in free text that no speaker label announced: "Bas van de klantenservice", "mevrouw
Jansen", "A.J. Verhoeven", "I asked Sarah Thompson", "Groet, Hans", "mw van den broek".

Found with the first names and surnames that ship with the `faker` package (MIT) for the people a Dutch
organisation serves: Dutch, Flemish, English, German, French, Turkish and Arabic names (and, only beside a
surname, Irish, Polish, Romanian, Spanish, Italian, Portuguese, Indian and Indonesian ones), plus a short list of
our own (Dutch short names such as Kees and Ruud that faker lacks); the lists and word sets are in `name_words`.
The matching rules are ours, and need context so that "Bill was too high" and "May I ask" stay as they are:

- a title or a role, then a name: "mevrouw Jansen", "dhr. de Vries", "Mr O'Brien", "monteur Ruud",
  "mijn dochter Siobhan", "Agent (Naomi)"
- initials, then a surname: "A.J. Verhoeven", "J. van der Berg"
- a listed first name followed by a surname: "Sarah Thompson", "Bas van Dijk"; in sloppy notes also in
  lower case when both words are listed ("pieter jansen")
- a listed first name alone that is not a common word: "ik sprak Femke", "Bas van de klantenservice";
  at a sentence start only when the word is never an ordinary noun ("Mark", "Rose" and "Bill" are)
- the name a letter is addressed to or signed with: "Beste Tariq,", "Kind regards,\nWei Zhang", and a
  line holding nothing but a name at the end of a message; in lower case after a role, a greeting or a
  closing when the first name is listed ("collega ruud", "hoi femke,")
- any capitalised word that no list knows, in a person's context: "his name was Dev", "I'm Dev from the Leeds
  store", "Jovanko van de klantenservice", "I spoke to Taduesz", "t.a.v. Ilse Veltkamp" (never a place, an
  organisation or, after "I'm", an everyday word)
- `name_forms`: the forms under which a name found once comes back in the same text ("Dekker zei …")
"""

from __future__ import annotations

import re
from functools import cache

from copilot.research.name_words import (
    AFTER_PARTICLE,
    AMBIGUOUS,
    BRANDS,
    CALENDAR,
    LOCALES,
    NOT_A_NAME,
    PAIRED_LOCALES,
    PLACES,
    _common,
    _everyday,
    _lists,
    _lower_first_names,
    _lower_lists,
    _place_pairs,
    _places,
)

# Latin-1 and Latin Extended-A (Polish, Czech, Turkish, Romanian: "Łukasz", "Wiśniewska", "Yıldız"); the
# extended block mixes cases, so it counts as both.
UPPER = "A-ZÀ-ÖØ-Þ\u0100-\u017f"
LOWER = "a-zà-öø-ÿ\u0100-\u017f"
# "O'Brien", "Jansen-Bakker", "Dam-de Groot", and Surinamese names with one-letter parts: "Tjon-A-Fong"; an
# English possessive is not part of the name ("Sarah's manager").
BODY = rf"[{LOWER}]+(?:['’](?![sS]\b)[{LOWER}]+)*"
WORD = (
    rf"(?:Ma?c(?=[{UPPER}]))?[{UPPER}](?:['’][{UPPER}])?{BODY}"
    rf"(?:-(?:(?:van der|van den|van de|van|de|den|ter|ten|el|le|la|du) [{UPPER}]{BODY}|[{UPPER}]?{BODY})"
    rf"|(?:-[{UPPER}](?=-))+-[{UPPER}]{BODY})?"
)
INTERFIX = (
    r"(?:v\.\s?d\.|v/d|van der|van den|van de|van het|van 't|in 't|in het|de la|van|von|de|den|der|ten|ter|te|du|da|"
    r"le|la|el)"
)
# "al-Hassan", "el-Amrani", "d'Ancona": a particle joined to the name
SURNAME = rf"(?:{INTERFIX} )?(?:(?:al|el|ben|bin|abu|ibn)-|d['’])?{WORD}"
LOWER_WORD = rf"[{LOWER}]{{2,}}(?:-[{LOWER}]{{2,}})?"
TITLE = (
    r"(?:[Mm]evrouw|[Mm]evr\.?|[Mm]w\.?|[Mm]eneer|[Mm]ijnheer|[Dd]hr\.?|[Hh]eer|[Mm]ej\.?|[Dd]rs?\.?|[Ii]r\.?|"
    r"[Pp]rof\.?|[Ff]am\.?|Mrs\.?|Mr\.?|mr\.|Ms\.?|Mx\.?|Miss|Dr\.?|Sir|[Jj]uf(?:frouw)?|[Ii]ng\.)"
)
# Words for a person's role or relation: the capitalised word after one is a name ("monteur Ruud").
ROLE = (
    r"(?:[Cc]ollega|[Mm]edewerker|[Mm]edewerkster|[Mm]onteur|[Bb]ezorger|[Cc]hauffeur|[Aa]dviseur|[Bb]uurman|"
    r"[Bb]uurvrouw|[Pp]artner|[Mm]an|[Vv]rouw|[Dd]ochter|[Zz]oon|[Kk]leinzoon|[Kk]leindochter|[Mm]oeder|[Vv]ader|"
    r"[Bb]roer|[Zz]us|[Ee]chtgenote?|[Ss]choonzoon|[Ss]choondochter|[Cc]olleague|[Hh]usband|[Ww]ife|"
    r"[Dd]aughter|[Ss]on|[Gg]randson|[Gg]randdaughter|[Mm]other|[Ff]ather|[Bb]rother|[Ss]ister|[Nn]eighbou?r|"
    r"[Ff]riend|[Vv]riend|[Vv]riendin|[Ee]ngineer|[Dd]river|[Aa]gent|[Aa]dvisor|[Mm]anager|[Tt]eamleider|"
    r"[Ss]choonmoeder|[Ss]choonvader|[Oo]ma|[Oo]pa|[Tt]ante|[Oo]om|[Nn]icht|[Nn]eef|[Kk]leinkind|[Gg]randma|"
    r"[Gg]randpa|[Gg]ran|[Aa]unt|[Uu]ncle|[Nn]iece|[Nn]ephew|[Cc]ousin|[Vv]erloofde|[Ff]iancée?|[Bb]oyfriend|"
    r"[Gg]irlfriend|[Mm]um|[Mm]om|[Dd]ad|[Mm]am|[Pp]apa|[Mm]ama|[Ss]tiefzoon|[Ss]tiefdochter|[Ss]tepson|"
    r"[Ss]tepdaughter|[Hh]uisbaas|[Ll]andlord|[Bb]oss|[Bb]aas|[Ll]awyer|[Aa]dvocaat|[Ss]olicitor|[Nn]otaris|"
    r"[Hh]uisarts|[Bb]egeleider|[Cc]ontactpersoon|[Cc]asemanager|[Cc]onsulent|[Kk]lantmanager|[Aa]ccountmanager|"
    r"[Bb]ewindvoerder|[Hh]ulpverlener|[Ww]ijkagent|[Pp]ostbode|[Ll]oodgieter|[Ii]nstallateur|[Tt]echnician|"
    r"[Rr]ep|[Rr]epresentative|[Ss]upervisor|[Rr]eceptionist|[Cc]oördinator|[Cc]oordinator|[Ss]pecialist|"
    r"[Cc]onsultant|[Bb]ehandelaar|[Cc]ollega's|[Kk]oerier|[Cc]ourier|[Cc]arer|[Cc]aregiver|[Mm]antelzorger|"
    r"[Vv]erzorgster|[Vv]erzorger|[Tt]olk|[Ii]nterpreter|[Ss]tagiair|[Ss]tagiaire|[Cc]aseworker|[Kk]lantadviseur|"
    r"[Kk]lantadviseuse|[Ss]taff member|[Mm]ember of staff|[Ss]on-in-law|[Dd]aughter-in-law|[Ff]ather-in-law|"
    r"[Mm]other-in-law|[Bb]rother-in-law|[Ss]ister-in-law|[Zz]wager|[Ss]choonzus|[Ss]choonbroer|[Tt]L|[Cc]llr\.?|"
    r"[Cc]ouncillor|[Rr]ev(?:d|\.)?|[Oo]fficer|PC|Sgt\.?|[Nn]urse|"
    r"[Dd]ominee|[Pp]astoor|[Zz]uster|[Tt]andarts|[Ff]ysio(?:therapeut)?|[Vv]erpleegkundige|[Ww]ijkverpleegkundige|"
    r"[Ff]itter|[Pp]lumber|[Ee]lectrician|[Ii]nstaller|[Ss]urveyor|[Hh]andyman|[Cc]aretaker|[Dd]octor|[Dd]okter|GP|"
    r"[Dd]entist|[Ss]ocial worker|[Kk]ey worker|[Hh]ousing officer|[Cc]ase officer|[Aa]dviser|[Tt]eam leader|"
    r"[Ll]ine manager|[Cc]ashier|[Cc]onsulente|[Mm]aatschappelijk werker|[Ww]ijkcoach|[Bb]uddy|"
    # the other side of a claim or a request: "tegenpartij B. Smit", "aanvrager Bohdan Kovalenko"
    r"[Aa]anvrager|[Aa]anvraagster|[Tt]egenpartij|[Ww]ederpartij|[Aa]pplicant|[Cc]ounterparty|[Pp]ostman|"
    r"[Pp]ostwoman|[Pp]ostie)"
)
# "Mevr. Van der Linden", "Mr Van der Berg": after a title a particle may be capitalised
CAPITAL_INTERFIX = r"(?:Van der|Van den|Van de|Van het|Van 't|Van|De|Den|Der|Ten|Ter|Te|El|Le|La|Du|Da)"
TITLED = re.compile(
    rf"(?<![\w.]){TITLE} (?:(?:[A-Z]\.){{1,4}} ?)?(?P<name>(?:{CAPITAL_INTERFIX} )?{SURNAME}(?: {WORD})?)"
)
# "mw van den broek", "cust mrs khan": in notes the title may be in lower case too
TITLED_LOWER = re.compile(rf"(?<![\w.])(?:{TITLE}|mrs\.?|ms\.?) (?P<name>(?:{INTERFIX} )?{LOWER_WORD})(?![\w-])")
ROLED = re.compile(rf"(?<![\w.]){ROLE},? (?P<name>{WORD}(?: {SURNAME})?)")
# "Agent (Naomi)", "klant (Roshni Ramdin)", "Caller (Mrs Begum)": a name in brackets after a role or a customer
CUSTOMER = (
    r"(?:[Kk]lant|[Kk]lt\.?|[Kk]l\.|[Cc]liënt|[Cc]lient|[Cc]ustomer|[Cc]ust\.?|[Bb]eller|[Cc]aller|[Hh]uurder|"
    r"[Tt]enant)"
)
IN_BRACKETS = re.compile(rf"(?<![\w.])(?:{ROLE}|{CUSTOMER}) \((?:{TITLE} )?(?P<name>{WORD}(?: {SURNAME})?)\)")
# "met De Jong", "Van der Berg belde": a capitalised particle before a listed surname (inside a sentence)
CAPITAL_PARTICLE = re.compile(
    rf"(?<![\w'’-])(?P<name>(?:De|Van(?: de[rn]?)?|Ter|Ten|El|Le|La|Du|Da) (?P<surname>{WORD}))"
)
# "klant v.d. Meulen", "v/d Berg": an abbreviated particle before a capitalised word is a surname anywhere
SHORT_PARTICLE = re.compile(rf"(?<![\w.])(?P<name>(?:[Vv]\.\s?[Dd]\.|[Vv]/[Dd]) {WORD})")
# "His name was Dev", "ze heette Ilse", "a man called Corin": a capitalised word after words that name a person
NAMED = re.compile(
    r"(?:\b(?:[Hh]is|[Hh]er|[Mm]y|[Zz]ijn|[Hh]aar|[Mm]ijn) (?:first |voor)?(?:name|naam) (?:is|was)|"
    r"\b(?:[Hh]ij|[Zz]ij|[Zz]e|[Ii]k|[Dd]ie) heet(?:te)?|"
    r"\b(?:[Hh]e|[Ss]he|[Hh]ij|[Zz]ij|[Zz]e) (?:was )?(?:called|named|heette|heet)|"
    r"\b(?:man|woman|guy|lady|girl|boy|agent|meneer|mevrouw|vrouw|jongen|meisje|dame|someone|somebody|iemand|chap|"
    r"bloke|fellow|gentleman|lad|vent|gast|kerel|meid|person|persoon|medewerker|medewerkster|employee|"
    r"colleague|collega) (?:named|called|genaamd|die .{1,12} heette|who was called)|\b[Aa] certain) "
    rf"(?P<name>{WORD}(?: {SURNAME})?)"
)
# "Jovanko van de klantenservice", "Taduesz from customer service", "I spoke to Oriel": a capitalised word, in
# no list, made a person's name by a desk it works at or by speaking to it
SERVICE_DESK = (
    r"(?:klantenservice|klantendienst|customer service|customer care|helpdesk|servicedesk|service desk|afdeling|"
    r"department|team|support|billing|winkel|store|shop|filiaal|branch|kantoor|office|balie|front desk|desk|"
    r"call ?cent(?:re|er)|callcenter|administratie|incasso|debiteuren|sales|receptie|reception)"
)
AT_DESK = re.compile(  # a lookahead, so "Yesterday Oriella from the billing team" is also tried from "Oriella"
    rf"(?<![\w'’-])(?=(?P<name>{WORD}(?: {SURNAME})?) (?:van|from|at|of|bij|op) (?:de |het |the |onze |our )?"
    rf"(?:[\w-]+ )?{SERVICE_DESK}\b)"
)
SPEAKING = (
    r"(?:[Ss]poke (?:to|with)|[Tt]alked (?:to|with)|[Cc]hatted with|[Ss]prak(?: met)?|[Gg]esproken met|"
    r"[Bb]elde met|[Gg]ebeld met|[Cc]hatte met|[Nn]amens|[Oo]n behalf of|t\.a\.v\.?|[Tt]er attentie van|[Aa]ttn\.?|"
    r"[Ff]or the attention of|c/o|[Dd]oorverbonden met|[Gg]eholpen door|[Bb]ediend door|[Aa]fgehandeld door|"
    r"[Tt]ransferred to|[Pp]ut through to|[Gg]ot through to|[Hh]elped by|[Ss]erved by|[Aa]ssisted by|[Hh]andled by|"
    r"[Ss]poke w/|[Tt]alked w/)"
)
SPOKEN_TO = re.compile(rf"\b{SPEAKING} (?P<name>{WORD}(?: {SURNAME})?)")
# "Hi, I'm Dev from the shop", "Goedemiddag, u spreekt met Bram van Eneco", "this is Lerato, how can I help": a
# name introducing itself, followed by a comma or by where it works
INTRO = re.compile(
    r"\b(?:I'm|I’m|I am|[Tt]his is|[Ii]k ben|[Dd]it is|[Hh]ier is|[Ss]preekt met|"
    r"[Gg]oede(?:morgen|middag|navond|ndag),? met|(?:^|(?<=\n)|(?<=: ))(?:[Hh]allo|[Hh]oi|[Hh]ey|[Dd]ag),? met) "
    rf"(?P<name>{WORD}(?: {SURNAME})?)(?=[,!] | (?:from|van|at|bij|here|hier|speaking)\b|\.(?:\s|$)|$)"
)
INITIALS = re.compile(rf"(?<![\w.])(?P<name>(?:[A-Z]\.){{1,4}} ?{SURNAME})")
CAPITALISED = re.compile(rf"(?<![\w'’-]){WORD}")
LOWER_PAIR = re.compile(rf"(?<![\w'’-])(?P<first>{LOWER_WORD}) (?P<surname>(?:{INTERFIX} )?{LOWER_WORD})(?![\w-])")
SENTENCE_END = re.compile(r"(?:^|[.!?:;\n\"“”★☆]\s*|[-–—•*]\s+)$")  # "★★★★☆ Good app": stars open a review
NAME_RUN = rf"{WORD}(?: (?:{INTERFIX} )?{WORD}){{0,2}}"
GREETING = re.compile(
    rf"(?:^|\n|[.!?] )[ \t]*(?:[Bb]este|[Gg]eachte|[Ll]ieve|[Hh]oi|[Hh]allo|[Hh]i|[Hh]ey|[Hh]ello|[Dd]ear|[Dd]ag|"
    rf"[Gg]oedemorgen|[Gg]oedemiddag|[Gg]oedenavond)(?: {TITLE})? (?P<name>{NAME_RUN})[ \t]*(?:[,!:\n]|\.(?!\w)|$)"
)
CLOSING = (
    r"(?:[Mm]et )?(?:[Vv]riendelijke |[Hh]artelijke |[Ll]ieve |[Bb]este )?[Gg]roet(?:en|jes)?|[Mm]vg|[Gg]r|[Ll]iefs|"
    r"(?:[Aa]lvast )?(?:[Bb]edankt|[Dd]ank(?: je| u)?(?: wel)?)|(?:[Kk]ind |[Bb]est |[Ww]arm |[Mm]any )?[Rr]egards|"
    r"[Bb]est(?: wishes)?|[Tt]hanks?(?: you)?(?: again)?|[Mm]any thanks|[Cc]heers|(?:[Yy]ours )?[Ss]incerely|"
    r"[Yy]ours|[Tt]a|[Gg]roetjes"
)
SIGNED = re.compile(
    rf"(?:^|\n|[.!?] )[ \t]*(?:{CLOSING})[ \t]*[,.!]?[ \t]*"
    rf"(?:\n?[ \t]*(?:[-–—][ \t]*)?(?:{TITLE} )?(?P<name>{NAME_RUN})|"
    # "Met vriendelijke groet,\n\nAnouk Verbeek\nTeamleider": after a blank line, only a name alone on its line
    rf"\n[ \t]*\n[ \t]*(?:{TITLE} )?(?P<after_blank>(?:(?:[A-Z]\.){{1,4}} ?)?{NAME_RUN})[ \t]*(?:\n|$))"
)
# In sloppy notes: "collega ruud", "gesproken met sanne", "hoi femke,", "groetjes, kees": a listed first name in
# lower case after a role, a word for speaking to someone, a greeting or a closing
# (read backwards from each listed first name in lower case: far faster than trying every role everywhere)
LOWER_CONTEXT = re.compile(
    rf"(?:(?:(?<![\w.]){ROLE}|\b{SPEAKING}|(?:^|\n|[.!?] )[ \t]*(?:[Hh]oi|[Hh]allo|[Hh]i|[Hh]ey|[Hh]ello|[Dd]ear|"
    rf"[Bb]este)) |(?:^|\n)[ \t]*(?:{CLOSING})[ \t]*[,.!]?[ \t]*\n?[ \t]*)$"
)
LOWER_NAME = re.compile(rf"(?<![\w'’-]){LOWER_WORD}(?![\w-])")
# "From: Gerrit-Jan Dijkstra <…>", "Aan: Femke de Wit": the sender or addressee in a pasted e-mail's header
HEADER = re.compile(
    rf"(?m)^[ \t]*(?:From|To|Cc|Van|Aan|Afzender|Sender|Ontvanger|Recipient)[ \t]*:[ \t]*(?P<name>{NAME_RUN})"
)
NAME_LINE = re.compile(rf"(?m)^[ \t]*(?:[-–—][ \t]*)?(?P<name>{NAME_RUN})[ \t]*$")


def listed_names(text: str, language: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of each name found; may overlap, the caller keeps the best."""
    first_names, surnames = _lists()
    if not first_names:
        return []
    paired_first, paired_last = _lists(LOCALES + PAIRED_LOCALES)
    spans = [m.span("name") for rx in (TITLED, INITIALS) for m in rx.finditer(text)]
    spans += [m.span("name") for rx in (ROLED, IN_BRACKETS) for m in rx.finditer(text) if _named(m, language)]
    spans += [m.span("name") for m in TITLED_LOWER.finditer(text) if _lower_surname(m["name"], surnames)]
    spans += [m.span("name") for m in SHORT_PARTICLE.finditer(text)]
    spans += [_without_org(m) for m in SPOKEN_TO.finditer(text) if _unlisted_name(m, language)]
    spans += [
        _without_org(m)
        for m in INTRO.finditer(text)
        if _unlisted_name(m, language)
        and (
            _listed(m["name"].split()[0], first_names, surnames)
            # "I'm Tunde." but not "I'm Vegan.": before a full stop only a word rarer than most
            or not _everyday(m["name"].split()[0], language, 4.0 if text[m.end() : m.end() + 1] in ", !" else 2.5)
        )
    ]
    spans += [
        m.span("name")
        for m in AT_DESK.finditer(text)
        if _unlisted_name(m, language)
        and (not SENTENCE_END.search(text[: m.start()]) or _listed(m["name"].split()[0], first_names, surnames))
    ]
    spans += [m.span("name") for m in NAMED.finditer(text) if _named(m, language) and m["name"] not in PLACES]
    spans += _addressed(text, language)
    spans += _lower_case(text, language)
    for match in CAPITALISED.finditer(text):
        word = match.group()
        # "Jean-Pierre", "Smith-Jones": a double name of listed parts
        first, paired = _in(word, first_names), _in(word, paired_first)
        if _in(word, surnames) and not first and _lone_surname(text, match, language):
            spans.append(match.span())
        # "Will from the Bristol store", "Mark, de monteur,": a first name that is also a word, made a name by
        # what follows it
        ambiguous = word.lower() in AMBIGUOUS and word.lower() not in CALENDAR
        if first and ambiguous and PERSON_FOLLOWS.match(text, match.end()):
            spans.append(match.span())
            continue
        if not paired or _common(word, language):
            continue
        rest = re.match(rf" (?P<surname>{SURNAME})", text[match.end() :])
        last = rest["surname"].split()[-1] if rest else ""
        if rest and last not in PLACES and (_in(last, paired_last) or (first and not _common(last, language))):
            spans.append((match.start(), match.end() + rest.end()))
        elif not first and (SENTENCE_END.search(text[: match.start()]) or _everyday(word, None, 3.0)):
            continue  # a first name of the paired lists ("Aoife", "Paweł") alone only inside a sentence, if rare
        elif not SENTENCE_END.search(text[: match.start()]) or word.lower() not in AMBIGUOUS:
            spans.append(match.span())
    spans += [
        m.span("name")
        for m in CAPITAL_PARTICLE.finditer(text)
        if (m["surname"] in surnames or m["surname"] in AFTER_PARTICLE)
        and (not SENTENCE_END.search(text[: m.start()]) or PERSON_FOLLOWS.match(text, m.end()))
    ]
    brands = [m.span() for m in _brand_pattern().finditer(text)]
    return [(start, end) for start, end in spans if not any(b <= start and end <= e for b, e in brands)]


def _in(word: str, names: frozenset[str]) -> bool:
    """A listed name, or a double name whose parts are all listed ("Jean-Pierre", "Smith-Jones")."""
    return word in names or ("-" in word and all(part in names for part in word.split("-")))


@cache
def _brand_pattern() -> re.Pattern:
    """Shops named after a person ("John Lewis", "Albert Heijn"): neither the name nor its parts are redacted."""
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(brand) for brand in sorted(BRANDS)) + r")(?!\w)")


def _lone_surname(text: str, match: re.Match, language: str | None) -> bool:
    """ "ik sprak Jansen", "Dekker van de bakker", "Bakker, de teamleider,": a surname alone inside a sentence,
    or at its start when "van de"/"from the" or a role follows; never a place ("Den Bosch") or a common word."""
    word = match.group()
    if _common(word, language) or word in _places() or text[match.end() : match.end() + 1] in "-'’":
        return False
    before = re.search(rf"(?:^|\s)([{UPPER}][\w'’-]*) $", text[: match.start()])
    if before and (before[1], word) in _place_pairs():
        return False
    if not SENTENCE_END.search(text[: match.start()]):
        return True
    return bool(PERSON_FOLLOWS.match(text, match.end()))


def _lower_surname(name: str, surnames: frozenset[str]) -> bool:
    """'mw van den broek', 'dhr jansen': a surname in lower case after a title."""
    last = name.split()[-1]
    particle = " " in name and last.capitalize() in AFTER_PARTICLE
    return not _common(last) and (particle or last.capitalize() in surnames or name.title() in surnames)


# What may follow a name at the start of a sentence and makes it one: "Will from the Bristol store",
# "De Jong van de klantenservice", "Bakker, de teamleider, beloofde".
PERSON_FOLLOWS = re.compile(
    rf" (?:van de|van het|from the|of the|at the|bij de|op de)\b|, (?:de|het|onze|mijn|the|our|my) {ROLE}\b"
)


def _listed(word: str, first_names: frozenset[str], surnames: frozenset[str]) -> bool:
    return word in first_names or word in surnames


def _unlisted_name(match: re.Match, language: str | None) -> bool:
    """A capitalised word in a person's context that is no common word, place or organisation."""
    first = match["name"].split()[0]
    return _named(match, language) and first.lower() != "i"


def _named(match: re.Match, language: str | None) -> bool:
    """After a role word, the next capitalised word is a name unless it is a common word ("de Monteur Die")."""
    first = match["name"].split()[0]
    if first in PLACES or first in _places() or _org_like(first) or first in ORG_WORDS:  # "huisarts Utrecht Centrum"
        return False
    return not _common(first, language) and not re.fullmatch(TITLE, first)


def _addressed(text: str, language: str | None) -> list[tuple[int, int]]:
    """Names a message is addressed to or signed with, and a name alone on one of its last lines."""
    spans = []
    last_lines = text.rstrip().rsplit("\n", 3)[1:] if "\n" in text.strip() else []
    tail_start = len(text.rstrip()) - sum(len(line) + 1 for line in last_lines)
    matches = [*GREETING.finditer(text), *SIGNED.finditer(text), *HEADER.finditer(text)]
    matches += [m for m in NAME_LINE.finditer(text) if m.start() > tail_start]
    for match in matches:
        group = "name" if match["name"] else "after_blank"
        # "Belastingdienst/Toeslagen", "Klantenservice-team": a signature that goes on is an organisation's
        if re.match(r"[/@&]|-\w|\.\w", text[match.end(group) : match.end(group) + 2]):
            continue
        words = match[group].split()
        keep = []
        for word in words:  # "Amira Customer Care Team": the name stops at the first word that is not one
            if _common(word, language) or word.lower() in NOT_A_NAME or _street_like(word) or _org_like(word):
                break
            if word in PLACES:  # "From: British Gas", "Beste Eneco,"
                break
            if not _listed(word, *_lists()) and _everyday(word, language, 4.5):  # "Thanks, Great service"
                break
            keep.append(word)
        while keep and keep[-1].lower() in INTERFIX_WORDS:
            keep.pop()
        if keep:
            start = match.start(group)
            spans.append((start, start + len(" ".join(keep))))
    return spans


INTERFIX_WORDS = frozenset("van der den de het 't in ten ter te du da le la el von".split())
STREET_ENDINGS = ("straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dijk", "dreef", "steeg", "hof")


ORG_WORDS = frozenset("Stichting Vereniging Gemeente Foundation Trust Coöperatie Cooperatie Holding".split())
ORG_ENDINGS = (
    "dienst",
    "diensten",
    "bank",
    "groep",
    "verzekeringen",
    "centrum",
    "gemeente",
    "services",
    "centre",
    "zaken",
    "relaties",
    "beheer",
    "administratie",
    "relations",
    "operations",
)


def _org_like(word: str) -> bool:
    """ "Belastingdienst", "Zorgverzekeringen", "Klantcentrum": a word an organisation, not a person, ends with."""
    return word.lower().endswith(ORG_ENDINGS) and len(word) > 8


def _street_like(word: str) -> bool:
    return word.lower().endswith(STREET_ENDINGS) and len(word) > 6


def _lower_case(text: str, language: str | None) -> list[tuple[int, int]]:
    """'pieter jansen' in sloppy notes: a listed first name and a listed surname, both in lower case."""
    first_names, surnames = _lower_lists()
    spans = []
    for match in LOWER_PAIR.finditer(text):
        first, surname = match["first"], match["surname"].split()[-1]
        if first in first_names and surname in surnames and not _common(first) and not _common(surname):
            spans.append(match.span())
    main_first = _lower_first_names()
    for match in LOWER_NAME.finditer(text):
        name = match.group()
        if name not in main_first or name in AMBIGUOUS or _common(name, language) or _common(name):
            continue
        if LOWER_CONTEXT.search(text, max(0, match.start() - 60), match.start()):
            spans.append(match.span())
    return spans


def _without_org(match: re.Match) -> tuple[int, int]:
    """ "Bram van Eneco": the name without the organisation it works for."""
    words = match["name"].split()
    if len(words) >= 3 and words[-2].lower() in {"van", "from", "at", "bij"} and words[-1] in PLACES:
        return match.start("name"), match.start("name") + len(words[0])
    return match.span("name")


def returning_name(text: str, start: int, word: str, language: str | None) -> bool:
    """Whether a name found elsewhere in the text is one here too: at a sentence start, a word as everyday as
    "young" or "klein" (Zipf frequency >= 5 in the text's language) is taken as that word ("Young people")."""
    return not SENTENCE_END.search(text[:start]) or not _everyday(word, language)


def name_forms(names: list[str]) -> set[str]:
    """The forms under which names already found may come back in the same text: the name, its first name and
    its surname ("Sanne de Vries": "Sanne", "de Vries"); never a form that is also a common word ("Will")."""
    forms = set()
    for name in names:
        words = name.split()
        forms.add(name)
        if len(words) >= 2 and not re.fullmatch(r"(?:[A-Za-z]\.)+", words[0]):
            forms |= {words[0], " ".join(words[1:])}
            if words[1] in INTERFIX_WORDS:
                forms.add(" ".join(words[1:])[0].upper() + " ".join(words[1:])[1:])
        if words[0] in INTERFIX_WORDS:  # "de Vries" comes back as "De Vries" at a sentence start
            forms.add(name[0].upper() + name[1:])
    return {
        form
        for form in forms
        if len(form) >= 2
        and form.lower() not in AMBIGUOUS
        and not all(_common(word) or word.lower() in INTERFIX_WORDS for word in form.split())
        and not re.fullmatch(TITLE, form)
    }
