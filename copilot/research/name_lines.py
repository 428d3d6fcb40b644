"""Names found by the shape of the line or list they stand in, and name-like words that name no person.

- a list of who was there: "Aanwezig: Marloes (vz), Sjoerd, Gijs", "Attendees: Fiona, Rob, Will" — when every
  item is a name, each one is, also a first name that is an everyday word ("Will", "Hope")
- a webcare agent's initials after a caret at the end of a reply: "… kijken we ernaar. ^KdB"
- a social-media handle: "gebruiker @pietjepuk88 op X", "comment @anna.v" (not an organisation's own account)
- a name spelled out letter by letter after it in a call: "dekker d e k k e r"
- a full name in brackets after the short name it explains: "Raj (Rajesh Iyer)"; a surname in brackets or quotes
  after a word for one: "mijn achternaam (Oosterhuizen)", "my surname ('Featherstone')"
- a name in the place of a role's name: "The postman on our road, Desmond, is …", "the agent 'Faith'",
  "volgens de app heette hij Dmytro"
- how a surname given in brackets was misheard, quoted later in the sentence: "(Oosterhuis) … kept saying
  'oyster house'"
- a name asked to do something at the start of a message ("Priya, can you …"), a listed first name signing with a
  team on the last line ("Fiona, Lettings"), a name with a spaced one-letter part after a title ("Dr. Tjin A
  Kiem"), and a capitalised word no dictionary knows well after a clause word ("only Anuradha actually tried")

Not a person (`not_a_person`): a name-like word that is part of a longer word ("ParentPay"), a street
("Prins Bernhardstraat"), a saint's name of a school or church ("St Anne's"), a bot ("de chatbot Kim"), a
business named after its owner ("Bakkerij Pietersen", "Dijkman Installatie") and a department ("Afvalbeheer").
"""

from __future__ import annotations

import re
from functools import cache

from copilot.research.name_lists import LOWER, ROLE, SURNAME, UPPER, WORD
from copilot.research.name_words import (
    BRANDS,
    LOCALES,
    PAIRED_LOCALES,
    PLACES,
    _common,
    _everyday,
    _lists,
    listed_first_names,
)

LIST_LABEL = re.compile(
    r"(?im)^[ \t]*(?:present|attendees|attending|apologies|absent|aanwezig|afwezig|afgemeld|verhinderd|"
    r"deelnemers|genodigden|invitees|participants)[ \t]*:[ \t]*(?P<items>[^\n]+)"
)
LIST_ITEM = re.compile(rf"(?P<name>(?:(?:[A-Z]\.){{1,3}} ?)?{WORD}(?: {SURNAME})?)(?: \([^)\n]{{1,30}}\))?[ \t.]*")
CARET = re.compile(rf"(?<![\w^])\^(?P<name>[{UPPER}][{UPPER}{LOWER}]{{1,3}})(?![\w])")
HANDLE = re.compile(r"(?<![\w@./])@(?P<handle>[A-Za-z][\w.]{2,29}(?<!\.))(?![\w@])")
# an organisation's own account: "@NS_online", "@KPNwebcare", "@gemeente_utrecht"
ORG_HANDLE = re.compile(
    r"(?i)(?:webcare|support|service|help|care|team|official|online|news|info|klantenservice|gemeente|_nl$|nl$|"
    r"_uk$|uk$|hq|shop|store|bank|energie|energy|broadband|mobile|telecom|insurance|verzeker|airline|rail|wonen|woon|zorg)"
)
SPELLED = re.compile(rf"(?<![\w-])[{UPPER}{LOWER}](?:[ .-][{UPPER}{LOWER}]){{2,}}(?![\w-])")
NICKNAME = re.compile(rf"(?<![\w'’-])(?P<short>{WORD}) \((?P<full>{WORD}(?: {SURNAME}){{1,2}})\)")
SURNAME_WORD = (
    r"(?i:achternaam|familienaam|naam|voornaam|surname|last name|family name|first name|name)"
    r"(?: [\w']+){0,3}? ?"
)
NAME_QUOTED = re.compile(
    rf"\b{SURNAME_WORD}[(‘'\"“]+(?P<name>[{UPPER}][{LOWER}]{{2,}}(?:[- ][{UPPER}][{LOWER}]+)?)[)’'\"”]"
)
RENDERING = re.compile(r"[^.!?\n'‘\"“]{0,60} ['‘\"“](?P<rendering>[^'’\"”\n]{3,30})['’\"”]")
# "The postman on our road, Desmond, is …": a role, a few words, then a name between commas
APPOSITION = re.compile(rf"(?<![\w.]){ROLE}\b[^,.\n]{{0,30}}, (?P<name>{WORD}),")
QUOTED_ROLE = re.compile(rf"(?<![\w.]){ROLE} ['‘\"“](?P<name>{WORD}(?: {SURNAME})?)['’\"”]")
QUOTE = re.compile(r" ['‘\"“][A-Z]")
BETWEEN_COMMAS = re.compile(r", [A-Z][^\W\d_]+,")
INVERTED_NAMED = re.compile(rf"\b(?:heet|heette) (?:hij|zij|ze|die) (?P<name>{WORD}(?: {SURNAME})?)")


def lined_names(text: str, names: list[str], language: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of each name the rules above find; `names` are the names already found in the text."""
    spans: list[tuple[int, int]] = []
    for label in LIST_LABEL.finditer(text):
        items = re.split(r",|;| and | en | & ", label["items"])
        matches = [LIST_ITEM.fullmatch(item.strip()) for item in items if item.strip()]
        if len(matches) >= 2 and all(matches) and not any(m["name"] in PLACES for m in matches):
            offset = label.start("items")
            for item in matches:
                name = item["name"]
                start = text.find(name, offset)
                spans.append((start, start + len(name)))
                offset = start + len(name)
    spans += [m.span("name") for m in CARET.finditer(text) if text[m.end() : m.end() + 1] in ("", "\n", " ")]
    spans += [
        m.span()
        for m in HANDLE.finditer(text)
        # an organisation's account: "@KPN", "@NS_online", "@AcmeBroadband"
        if not (ORG_HANDLE.search(m["handle"]) or m["handle"].isupper() or m["handle"].lower() in _brands())
    ]
    spelled_names = {re.sub(r"\W", "", name.lower()) for name in names}
    for m in SPELLED.finditer(text):
        letters = re.sub(r"[ .-]", "", m.group()).lower()
        # the word spelled is a name found, or the word just before the spelling ("yilmaz y i l m a z")
        before = re.search(r"(\w+)\W*$", text[max(0, m.start() - 40) : m.start()])
        spelled_before = bool(before) and before[1].lower() == letters
        if letters in spelled_names or spelled_before:
            spans.append(m.span())
        if spelled_before:
            spans.append((m.start() - len(before[0]), m.start() - len(before[0]) + len(before[1])))
    for m in NICKNAME.finditer(text):
        if m["full"].lower().startswith(m["short"].lower()[:3]):
            spans += [m.span("short"), m.span("full")]
    for m in NAME_QUOTED.finditer(text):
        if _common(m["name"], language):
            continue
        spans.append(m.span("name"))
        # "… my surname (Oosterhuizen) and kept saying 'oyster houses'": how it was misheard, quoted later in the
        # sentence, spells the same name
        rendering = RENDERING.match(text, m.end())
        if rendering:
            spans.append(rendering.span("rendering"))
    first_names = listed_first_names()
    # in quotes right after a role a capitalised word is a name even when it is a word ("the agent 'Hope'"); between
    # commas after a role it is one when it is rarer than most words
    for rx, zipf, needed in ((QUOTED_ROLE, 9.0, QUOTE), (APPOSITION, 4.5, BETWEEN_COMMAS), (INVERTED_NAMED, 3.0, None)):
        if needed and not needed.search(text):  # the role alternation is slow to try everywhere: only when it may match
            continue
        for m in rx.finditer(text):
            first = m["name"].split()[0]
            if m["name"] in BRANDS or first in PLACES or _common(first, language):
                continue
            if first in first_names or not _everyday(first, language, zipf):
                spans.append(m.span("name"))
    spans += [m.span("name") for m in TITLE_SPACED.finditer(text)]
    all_first = _lists(LOCALES + PAIRED_LOCALES)[0]
    for m in ASKED.finditer(text):
        name = m["name"]
        if name in all_first and not _common(name, language) or not _everyday(name, None, 3.5):
            spans.append(m.span("name"))
    # a signature with a team: only a listed first name ("Teamleider Klantenservice", "Bvd, Tim" are none)
    spans += [m.span("name") for m in SIGNED_TEAM.finditer(text) if m["name"] in all_first]
    spans += _rare_inside(text, language)
    return spans


@cache
def _brands() -> frozenset[str]:
    return frozenset(brand.replace(" ", "").lower() for brand in BRANDS)


# "only Priyanka actually tried", "maar Oksana bleef vriendelijk": after a word that opens a clause about someone
# ("only", "but", "maar", "toen"), a capitalised word that no dictionary of either language knows well, then a
# lowercase word, is a name; a place, a brand or a street is not
RARE_INSIDE = re.compile(
    r"(?i:\b(?:only|even|but|and|then|because|when|while|except|whereas|alleen|zelfs|maar|en|toen|dan|omdat|"
    r"terwijl|behalve|ook|also|just)) "
    rf"(?P<name>[{UPPER}][{LOWER}]{{3,}})(?= [{LOWER}])"
)
TITLE_SPACED = re.compile(
    r"(?<![\w.])(?:[Dd]r|[Dd]hr|[Mm]evr|[Mm]w|Mr|Mrs|Ms|[Mm]evrouw|[Mm]eneer)\.? "
    rf"(?P<name>{WORD}(?: [{UPPER}])+ {WORD})"
)


# "Priti, can you pick this up?": a name addressed at the start of a message, asked to do something
ASKED = re.compile(rf"(?m)^[ \t]*(?P<name>{WORD}), (?:can|could|would|will|please|pls|kun|kan|wil|zou|graag|fyi)\b")
# "… not by bank transfer.\nFiona, Lettings": the last line of a message, a first name and the sender's team
SIGNED_TEAM = re.compile(rf"\n[ \t]*(?P<name>{WORD}),? (?:[-–|] )?[{UPPER}][\w&-]+(?: [\w&-]+){{0,3}}[ \t]*\Z")


def _rare_inside(text: str, language: str | None) -> list[tuple[int, int]]:
    return [
        m.span("name")
        for m in RARE_INSIDE.finditer(text)
        if m["name"] not in PLACES
        and m["name"] not in BRANDS
        and not STREET_COMPOUND.match(" " + m["name"])
        and not _everyday(m["name"], None, 3.0)
    ]


BOT_BEFORE = re.compile(r"(?i:\b(?:chatbot|voicebot|bot|digitale assistent|virtuele assistent|virtual assistant)) \Z")
SAINT_BEFORE = re.compile(r"\b(?:St\.?|Sint|Saint) \Z")
STREET_COMPOUND = re.compile(
    r" [A-ZÀ-Þ][a-zà-ÿ]*(?:straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|hof|park|dreef|pad)\b"
)
TRADE = (
    r"(?:Bakkerij|Slagerij|Garage|Autobedrijf|Schildersbedrijf|Schilderbedrijf|Installatiebedrijf|Bouwbedrijf|"
    r"Kapsalon|Drukkerij|Kwekerij|Boerderij|Apotheek|Tandartspraktijk|Huisartsenpraktijk|Makelaardij|Advocatenkantoor|"
    r"Notariskantoor|Bouw|Installatie|Installaties|Techniek|Transport|Schilders|Loodgieters|Makelaars|Advocaten|"
    r"Notarissen|Bakery|Butchers|Builders|Plumbing|Electrical|Motors|Removals|Solicitors|Estates|Lettings|"
    r"Holding|Groep|Group|B\.V\.|BV|V\.O\.F\.|VOF|Ltd|Limited|& Zn\.?|& Zonen|& Sons)"
)
TRADE_BEFORE = re.compile(rf"(?<![\w-]){TRADE} \Z")
TRADE_AFTER = re.compile(rf" {TRADE}(?![\w-])")
DEPARTMENT = re.compile(
    r"[A-ZÀ-Þ][a-zà-ÿ]{3,}(?:beheer|zaken|dienst|diensten|afdeling|administratie|planning|ondersteuning|loket|"
    r"centrale|service)"
)


def not_a_person(text: str, start: int, end: int) -> bool:
    """Whether a name-like finding at start:end names something else (see the module's docstring)."""
    before, after = text[max(0, start - 40) : start], text[end : end + 40]
    if before[-1:].isalpha() or after[:1].isalpha():
        return True  # a piece of a longer word: "ParentPay"
    words = text[start:end].split()
    if len(words) == 1 and DEPARTMENT.fullmatch(words[0]):
        return True
    if BOT_BEFORE.search(before) or SAINT_BEFORE.search(before) or STREET_COMPOUND.match(after):
        return True
    # "Bakkerij Pietersen", "Dijkman Installatie": a business under its owner's name
    if re.search(rf"(?<![\w-]){TRADE}$", text[start:end]):
        return True
    return bool(TRADE_BEFORE.search(before) or TRADE_AFTER.match(after))
