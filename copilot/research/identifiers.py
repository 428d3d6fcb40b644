"""Numbers and links that point at one person, found by what stands next to them.

- customer_id    the number after "klantnummer", "polisnummer", "contract ref", "customer no.", "knr" and the
                 like, also a few words later in the same sentence ("je klantnummer invullen, 3100457821"):
                 it opens the person's file in the organisation's own systems. Order, invoice, case and
                 ticket numbers name an event, not a person, and stay.
- birth_date     a date after "geboren", "geb.", "geb.datum", "geboortedatum", "DOB", "date of birth", "born";
                 also the answer to a question about it a few words or a turn later, when the date is long
                 enough ago to be one; other dates (a call, an appointment, a bill, "klant sinds …") stay
- licence_plate  a Dutch registration in one of its side codes ("GZ-481-K", "4-TXR-21", "89-KRB-4") or a
                 British one ("AB12 CDE") after a word for a car
- profile_url    a link to someone's LinkedIn, Facebook, Instagram, X, GitHub, Behance, … profile, a personal
                 site on a hosting platform ("name.github.io"), and a link someone calls their own site,
                 portfolio or blog ("my portfolio: https://…")
"""

from __future__ import annotations

import datetime
import re

from copilot.research.name_words import personal_domain, personal_page

# Number labels that do not name a person: a number after one of these is not a customer number.
OTHER_LABEL = r"(?i:factuur|order|bestel|ticket|zaak|dossier|referentie|invoice|case|reference|meter|iban|bsn)"
CUSTOMER_LABEL = (
    r"(?:(?i:klant(?:kaart)?|lid(?:maatschap)?|leden|contract|polis|abonnement|abonnee|relatie|account|cliënt|client|"
    r"customer|member(?:ship)?|policy|subscriber|debiteur(?:en)?|huurder|verzekerde|verzekerden|patiënt|patient|"
    r"student|personeel|zorgpas|pas|paspoort|passport|rijbewijs|NHS|national insurance|loyalty card|clubcard|tenant|"
    r"vergunning|parkeervergunning|permit|parking permit|hospital|hosp\.?|ziekenhuis)"
    # "polisnummer", "policy no.", and the label and its number word apart: "vergunning, nummer …"
    r"s?(?i:(?:[ -]|, )?(?:nummer|nr\.?|number|no\.?|num\.?|ref(?:erence|erentie)?|id|code))"
    # the short forms of agent notes: "knr 4471023", "kl.nr. 2231", "klantnr", "cust no"
    r"|(?<!\w)(?i:knr|klnr|kl\. ?nr|cust\.? ?(?:no|nr|#)|acct\.? ?(?:no|nr|#))\.?)"
)
# "7730012984", "PL-2231-889", "M/00231177", and digits in groups: "1234 5678 90", "943 476 5919"; a letter
# prefix before groups: "AB 12 345 678", "XY3 410 2231"
ID = (
    r"(?:[A-Z]{1,4}\d? \d{2,8}(?: \d{2,8}){0,3}(?! ?[€$£%]| ?\d)"
    r"|\d{2,4}(?: \d{2,4}){1,3}(?! ?[€$£%]| ?(?i:kwh|m3|euro|cent|keer|times|x)\b| ?\d)"
    r"|[A-Z]{0,4}[-/]?\d[\dA-Z]*(?:[-/.]\d[\dA-Z]*){0,3})"
)
CUSTOMER_ID = re.compile(
    rf"{CUSTOMER_LABEL}(?: (?i:is|was|blijft|staat|remains))?(?: ?[:#,])? ?(?P<id>{ID})(?![\w-]|[.,]\d)"
)
# "klant 40012345", "polis: 88120045", "account 55123456", "acct 4410-2231-0098", "your account 31-774-2205": a
# bare label word, then a long number, also in groups (never a date: "klant 12-03-2024")
BARE_LABEL_ID = re.compile(
    r"(?<![\w-])(?i:klant|polis|policy|account|acct|acc|lid|member|contract|abonnement|customer|vergunning|permit)"
    r"\.?(?: ?[:#])? ?"
    # a letter prefix before a number or digit groups: "acct XY-4410-2231", "polis AB 3310 4471", "permit PK-55012"
    r"(?P<id>(?!(?i:id|nr|no|ref)\b)[A-Z]{1,4}\d?(?:[- ]\d{2,8}){1,3}(?! ?\d)"
    r"|[A-Z]{0,3}-?\d{6,12}|(?!\d\d?[-/.]\d\d?[-/.]\d{2,4}\b)\d{2,5}(?:[- ]\d{2,5}){1,3}(?! ?\d))"
    r"(?![\w-]|[.,]\d| ?[€$£%]| ?(?i:kwh|m3|euro|cent|keer|times|x|uur|hours?|min)\b)"
)
# "Mag ik uw klantnummer?\nKlant: KN 2210 9935": the number answering a question about it, on the next turn
ANSWERED_ID = re.compile(
    rf"{CUSTOMER_LABEL}[^\n?]{{0,40}}\?[ \t]*\n[ \t]*(?:[^\W\d_][\w ]{{0,20}}:[ \t]*)?"
    r"(?:(?i:het is|it's|it is|dat is|ja|yes|yeah),? )?"
    r"(?P<id>[A-Z]{0,4}[- ]?\d{2,}(?:[- ]\d{2,}){0,3})(?![\w-]|[.,]\d)"
)
# "je klantnummer invullen, 3100457821", "customer number, which is 88120045": a long number a few words
# after the label, in the same sentence, with no other number or number label between them.
CUSTOMER_ID_LATER = re.compile(
    rf"{CUSTOMER_LABEL}(?P<gap>(?:[ ,:()]+(?!{OTHER_LABEL})[^\W\d_]+){{1,3}})[ ,:(]+(?P<id>\d{{6,12}})(?![\w-]|[.,]\d)"
)
MONTHS = (
    r"(?:jan(?:uari|uary)?|feb(?:ruari|ruary)?|maart|march|mar|apr(?:il)?|mei|may|jun[ie]?|june|jul[iy]?|"
    r"aug(?:ustus|ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
YEAR = r"(?:(?:19|20)\d{2}|'\d{2})"
DATE = (
    rf"(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:19|20)?\d{{2}}|\d{{1,2}}(?:e|ste|de|st|nd|rd|th)?(?: of)? {MONTHS},? {YEAR}|"
    rf"{MONTHS} \d{{1,2}}(?:st|nd|rd|th)?,? {YEAR}|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}|"
    # "4 July 75": a two-digit year after a month name, only ever read after a birth word
    rf"\d{{1,2}} {MONTHS} \d{{2}}(?![\d:.,]\d))"
)
BIRTH_WORD = (
    r"(?:°|geboren|geb\.? ?dat(?:um|\.)?|geb\.?|geboortedatum|geboortedag|d\.?o\.?b\.?|date of birth|born|birthday|"
    r"birth date|geboortejaar en -datum)"
)
BIRTH_DATE = re.compile(
    rf"(?<!\w){BIRTH_WORD}(?: (?:op|on|in|is|was|the|:)){{0,2}}[: ]*(?:\([^)]{{0,20}}\)[: ]*)?(?P<date>{DATE})(?!\d)",
    re.IGNORECASE,
)
# "Kunt u uw geboortedatum bevestigen?\nKlant: 30-06-1982": the date answering a question about it, a few
# words or the next turn later. Only a date at least MIN_AGE years back and not introduced as another date
# ("klant sinds 12 maart 1990", "op 3 mei 2001"), so a later appointment or a start date stays.
OTHER_DATE = r"(?i:sinds|since|vanaf|from|tot|until|afspraak|appointment|op|on|per|datum|date|dated)"
BIRTH_DATE_LATER = re.compile(rf"(?<!\w){BIRTH_WORD}[^\d]{{1,70}}?(?<![\w-])(?P<date>{DATE})(?!\d)", re.IGNORECASE)
# the words just before such a date that make it another date ("sinds 12 maart 1990", "on the 3rd of May 2001");
# further back they belong to the question ("asked my date of birth three times on one call. It's …")
OTHER_DATE_BEFORE = re.compile(rf"\b{OTHER_DATE}\b(?:\W+\w+){{0,1}}\W*$")
MIN_AGE = 12
# "de geboortedata van de kinderen: Mila (03-04-2016) en Ties (21-11-2019)": dates in brackets after names, in
# the rest of a sentence about birth dates, are birth dates at any age (a date still to come is none)
BIRTH_LIST = re.compile(
    rf"(?<!\w)(?:{BIRTH_WORD}|geboortedata|dates of birth|birth dates|birthdays)(?!\w)", re.IGNORECASE
)
SENTENCE_REST = re.compile(r"(?:[^.!?\n]|\.(?=\d))*")
BRACKETED_DATE = re.compile(rf"\((?P<date>{DATE})\)", re.IGNORECASE)
# Read out in a call: "fifth of the fifth, fifty-five", "the third of March nineteen eighty", "vijf mei
# vijfenvijftig" — only after a birth word, as the answer to a question about it
ORDINAL = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|twentieth|"
    r"twenty[- ]\w+|thirtieth|thirty[- ]first|\d{1,2}(?:st|nd|rd|th)|eerste|tweede|derde|vierde|vijfde|zesde|zevende|"
    r"achtste|negende|tiende|elfde|twaalfde|\w+tiende|\w*twintigste|\w*dertigste)"
)
SPOKEN_YEAR = (
    r"(?:(?:nineteen|twenty|negentien|tweeduizend)[- ]?)?(?:\w+(?:ty|tig)(?:-\w+| (?:one|two|three|four|five|six|"
    r"seven|eight|nine))?|oh[- ]\w+|\w+teen|\w+tien)"
)
DAY_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)"
SPOKEN_DATE = rf"(?:the )?(?:{ORDINAL}|{DAY_WORD}) (?:of )?(?:the )?(?:{ORDINAL}|{MONTHS}),? {SPOKEN_YEAR}"
SPOKEN_BIRTH = re.compile(
    rf"(?<!\w){BIRTH_WORD}[^\d]{{0,60}}?(?<![\w-])(?P<date>{SPOKEN_DATE})(?![\w-])", re.IGNORECASE
)
# "kenteken van de auto\nbeller: k zes vier negen b d": a plate read out as letters and digit words
SPOKEN_CHAR = (
    r"(?:[a-z]|\d|nul|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|zero|oh|one|two|three|four|five|six|seven|"
    r"eight|nine)"
)
SPOKEN_PLATE = re.compile(
    r"(?i:kenteken|registration|reg|number plate|plate)\b[^\n]{0,40}\n?[^\n:]{0,20}:? ?"
    r"(?:(?i:it's|it is|het is|dat is|ja|yes|yeah),? )?"
    rf"(?<![\w-])(?P<plate>(?i:{SPOKEN_CHAR})(?:[ -](?i:{SPOKEN_CHAR})){{4,7}})(?![\w-])"
)
# The Dutch side codes in use since 1951, each group of letters or digits separated by dashes.
SIDE_CODES = [
    r"[A-Z]{2}-\d{2}-\d{2}", r"\d{2}-\d{2}-[A-Z]{2}", r"\d{2}-[A-Z]{2}-\d{2}", r"[A-Z]{2}-\d{2}-[A-Z]{2}",
    r"[A-Z]{2}-[A-Z]{2}-\d{2}", r"\d{2}-[A-Z]{2}-[A-Z]{2}", r"\d{2}-[A-Z]{3}-\d", r"\d-[A-Z]{3}-\d{2}",
    r"[A-Z]{2}-\d{3}-[A-Z]", r"[A-Z]-\d{3}-[A-Z]{2}", r"[A-Z]{3}-\d{2}-[A-Z]", r"[A-Z]-\d{2}-[A-Z]{3}",
    r"\d-[A-Z]{2}-\d{3}", r"\d{3}-[A-Z]{2}-\d",
]  # fmt: skip
DUTCH_PLATE = re.compile(rf"(?<![\w-])(?:{'|'.join(SIDE_CODES)})(?![\w-])")
BRITISH_PLATE = re.compile(
    r"(?:kenteken|registration|reg\.?|number plate|plate|car|auto|van|vehicle)\b[^.\n]{0,25}?"
    r"(?<![\w-])(?P<plate>[A-Z]{2}\d{2} ?[A-Z]{3})(?![\w-])",
    re.IGNORECASE,
)
PROFILE_URL = re.compile(
    r"(?<![\w/])(?:https?://)?(?:[a-z]{2,3}\.)?(?:linkedin\.com/in|facebook\.com|fb\.com|instagram\.com|"
    r"twitter\.com|x\.com|github\.com|tiktok\.com/@?|behance\.net|dribbble\.com|about\.me|linktr\.ee|"
    r"medium\.com/@|youtube\.com/@|threads\.net/@|bsky\.app/profile|mastodon\.social/@|vimeo\.com|"
    r"soundcloud\.com|pinterest\.com|flickr\.com/(?:people|photos)|calendly\.com|paypal\.me|wa\.me|t\.me|"
    r"youtube\.com/(?:c|channel|user))/?@?[\w.%-]+/?(?:\?[\w=&.%-]+)?(?![\w/])"
    # a personal site on a hosting platform: "annadesign.github.io", "kees.wixsite.com/portfolio"
    r"|(?<![\w/.])(?:https?://)?[\w-]+\.(?:github\.io|wixsite\.com|wordpress\.com|substack\.com|carrd\.co)"
    r"(?:/[\w.%/-]*)?(?<![.,])",
    re.IGNORECASE,
)
# "www.petravisser.nl", "https://kees-bakker.com/werk": a site named after a person (a listed first name and
# surname), checked in `name_words.personal_domain`
SITE = re.compile(
    r"(?<![\w/.@-])(?:https?://)?(?:www\.)?(?P<host>[a-z]+(?:[-.][a-z]+){0,3})\.(?:nl|be|com|co\.uk|uk|net|org|eu|de|"
    r"me|io|info|design|photo|photography|art|studio)(?P<path>/[\w./%-]*)?(?<![.,])(?![\w@])",
    re.IGNORECASE,
)
# "my portfolio: https://…", "mijn website www.…": a link someone calls their own site, cv or portfolio.
OWN_SITE = re.compile(
    r"(?i:\b(?:my|mijn|his|her|zijn|haar) (?:own |eigen |personal |persoonlijke )?(?:portfolio|website|"
    r"site|homepage|home page|blog|cv|vlog|webshop|channel|kanaal|profiel|profile)\b)"
    r"(?: (?i:is|staat|here|hier|at|op|via|on)){0,2}[ :]{0,3}(?P<url>(?:https?://|www\.)[^\s,;)]+?)(?=[.,;:!?)]?(?:\s|$))"
)


def identifiers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each customer number, date of birth, licence plate and profile link."""
    found = [(*m.span("id"), "customer_id") for m in CUSTOMER_ID.finditer(text) if _digits(m["id"]) >= 4]
    found += [(*m.span("id"), "customer_id") for m in CUSTOMER_ID_LATER.finditer(text)]
    if "?" in text:  # the answer to a question only
        found += [(*m.span("id"), "customer_id") for m in ANSWERED_ID.finditer(text) if _digits(m["id"]) >= 5]
    found += [(*m.span("id"), "customer_id") for m in BARE_LABEL_ID.finditer(text) if _bare_id(m["id"])]
    found += [(*m.span("date"), "birth_date") for m in BIRTH_DATE.finditer(text)]
    found += [(*m.span("date"), "birth_date") for m in BIRTH_DATE_LATER.finditer(text) if _birth_date_later(text, m)]
    for birth in BIRTH_LIST.finditer(text):
        rest = SENTENCE_REST.match(text, birth.end())
        dates = BRACKETED_DATE.finditer(text, rest.start(), rest.end())
        found += [(*m.span("date"), "birth_date") for m in dates if _long_ago(m["date"], 0)]
    found += [(*m.span("date"), "birth_date") for m in SPOKEN_BIRTH.finditer(text)]
    found += [(*m.span(), "licence_plate") for m in DUTCH_PLATE.finditer(text) if _plate_like(m.group())]
    found += [(*m.span("plate"), "licence_plate") for m in SPOKEN_PLATE.finditer(text) if _mixed(m["plate"])]
    found += [(*m.span("plate"), "licence_plate") for m in BRITISH_PLATE.finditer(text)]
    found += [(*m.span(), "profile_url") for m in PROFILE_URL.finditer(text)]
    found += [(*m.span("url"), "profile_url") for m in OWN_SITE.finditer(text)]
    found += [
        (*m.span(), "profile_url")
        for m in SITE.finditer(text)
        if personal_domain(m["host"]) or personal_page(m["host"], m["path"])
    ]
    return found


def _long_ago(date: str, min_age: int = MIN_AGE) -> bool:
    """A date whose year lies at least `min_age` years back ("30-06-1982", "3 mei '58")."""
    years = re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)|(?<=['-/.])\d{2}$", date)
    if not years:
        return False
    year = int(years[-1])
    now = datetime.date.today().year
    if year < 100:  # a two-digit year: 58 is 1958, 05 is 2005
        year += 2000 if year <= now % 100 else 1900
    return year <= now - min_age


def _birth_date_later(text: str, match: re.Match) -> bool:
    before = text[max(match.start(), match.start("date") - 25) : match.start("date")]
    return _long_ago(match["date"]) and not OTHER_DATE_BEFORE.search(before)


def _mixed(plate: str) -> bool:
    """A plate read out has letters and digits: "k zes vier negen b d", not "een twee drie vier vijf"."""
    tokens = re.split(r"[ -]", plate.lower())
    letters = [t for t in tokens if len(t) == 1 and t.isalpha()]
    return 1 <= len(letters) < len(tokens)


def _bare_id(value: str) -> bool:
    """A number after a bare label word: six digits, or five behind a letter prefix ("permit PK-55012")."""
    return _digits(value) >= (5 if value[0].isalpha() else 6)


def _digits(value: str) -> int:
    return sum(char.isdigit() for char in value)


def _plate_like(value: str) -> bool:
    """Dutch plates issued since 1978 have no vowels, so "AB-12-CD"-like codes made of words stay."""
    return not any(char in "AEIOU" for char in value)


def named_sites(text: str, names: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each link whose host spells a name found in the text ("Lisa Hoang … lisahoang-foto.nl")."""
    spelled = {re.sub(r"[^a-z]", "", name.lower()) for name in names if len(name.split()) >= 2}
    spelled = {name for name in spelled if len(name) >= 6}
    if not spelled:
        return []
    hosts = [(m, re.sub(r"[^a-z]", "", m["host"].lower())) for m in SITE.finditer(text)]
    return [m.span() for m, host in hosts if any(name in host for name in spelled)]
