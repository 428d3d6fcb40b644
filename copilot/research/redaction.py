"""Personal-data redaction: research text is redacted before it goes to a model that does not run locally.

Each rule pairs a pattern with a check, so ordinary numbers in research text (order and invoice numbers,
dates, amounts, kWh readings, meter numbers) are left alone:

- e-mail     an address with a domain and a top-level domain
- iban       country code, check digits and account, compact or in groups of four; the length must fit the
             country and the mod-97 check must pass, so a mistyped IBAN is not an IBAN
- bsn        9 digits (also 1234.56.789 or 123 456 789) passing the 11-proef, not part of a longer number
- phone      Dutch numbers have 10 digits from the 0 (9 after +31/0031); British ones 11 from 01/02/03/07;
             other country codes 9-15 digits; "(415) 555-0198"; 0800/0900 service and 088/085 company numbers
             are not a person's
             (`spoken_numbers`: "nul zes een twee …" in a speech-to-text transcript)
- postcode_house  where someone lives (`addresses`): street and house number, postcode, or both
- customer_id, birth_date, licence_plate, profile_url  (`identifiers`): a number after "klantnummer" or
             "policy number", a date after "geboren" or "DOB", a Dutch or British number plate, a profile link
- name       speaker labels of transcripts ("Fatima Bouzid: ...") and names the caller knows about; a name
             is also found elsewhere in the text, and so is its first name alone. Other names are found from
             first-name and surname lists with context (`name_lists`): "mevrouw Jansen", "Sarah Thompson",
             "Groet, Hans"; by a clue in the sentence (`name_clues`): "Jansen zei", "kreeg ik Sevda aan de
             lijn", "Gerrit Smit, 06-…"; in lower case or capitals (`name_cases`): "u spreekt met joyce",
             "PETRA VAN LEEUWEN"; by the line or list it stands in (`name_lines`): "Aanwezig: Sjoerd, Gijs",
             "^KdB", "@pietjepuk88", "d e k k e r"; and each name is widened over the name words beside it.
             `name_lines.not_a_person` drops a business, street, saint, bot or department named like a person
- table cells (`table_cells`): the values under a "naam" or "klantnr" column, a cell holding only a name
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from copilot.research.addresses import addresses
from copilot.research.identifiers import identifiers, named_sites
from copilot.research.name_cases import cased_names, returning_words
from copilot.research.name_clues import beside_data, clued_names, named_thing, widened
from copilot.research.name_lines import lined_names, not_a_person
from copilot.research.name_lists import listed_names, name_forms, returning_name
from copilot.research.name_words import _everyday, listed_first_names
from copilot.research.spoken_numbers import spoken_phones
from copilot.research.stopwords import DUTCH
from copilot.research.table_cells import table_cells


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: where it is in the text, what kind, and the text itself."""

    start: int
    end: int
    kind: str  # a key of PRIORITY: email, phone, iban, bsn, postcode_house, customer_id, ..., name
    value: str


# On overlap the more specific finding wins: an e-mail address may contain a name or digits, and the
# account part of an IBAN looks like a phone number.
PRIORITY = {
    "email": 0, "profile_url": 0, "iban": 1, "bsn": 2, "phone": 3, "birth_date": 4, "licence_plate": 4,
    "postcode_house": 5, "customer_id": 6, "name": 7,
}  # fmt: skip

PLACEHOLDER_WORDS = {
    "nl": {"name": "Persoon", "email": "e-mail", "phone": "telefoon", "iban": "IBAN", "bsn": "BSN",
           "postcode_house": "adres", "customer_id": "klantnummer", "birth_date": "geboortedatum",
           "licence_plate": "kenteken", "profile_url": "profiel"},
    "en": {"name": "Person", "email": "e-mail", "phone": "phone", "iban": "IBAN", "bsn": "BSN",
           "postcode_house": "address", "customer_id": "customer number", "birth_date": "date of birth",
           "licence_plate": "licence plate", "profile_url": "profile"},
}  # fmt: skip

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")

# Account lengths per country (SEPA and neighbours); an unknown country is not an IBAN.
IBAN_LENGTHS = {
    "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "EE": 20,
    "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GI": 23, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26,
    "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18, "NO": 15, "PL": 28,
    "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "TR": 26, "VA": 22,
}  # fmt: skip
# Anything shaped like an IBAN, valid or not; its digits are never read as a phone number or BSN.
IBAN_SHAPE = re.compile(
    r"(?<!\w)[A-Z]{2}\d{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,4})?)(?!\w)", re.IGNORECASE
)
URL = re.compile(r"\b(?:https?://|www\.)\S+")

BSN = re.compile(
    r"(?<![\w.,-])(?<!\d )(?:\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}([ .])\d{3}\1\d{3}|\d{4} \d{2} \d{3})(?!\w|[.,-]\d| \d)"
)
BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
# One in eleven 9-digit numbers passes the 11-proef; one labelled as another kind of number is not a BSN.
OTHER_NUMBER = re.compile(
    r"(?:klant|polis|order|factuur|dossier|zaak|relatie|contract|ticket|referentie|bestel|kenmerk|meter|lid|"
    r"customer|policy|invoice|account|case|reference|membership)(?:[ -]?(?:nummer|nr\.?|number|no\.?|id)| ?#)"
    r"(?: is| was)?[:#]? ?$",
    re.IGNORECASE,
)

# A run of digit groups that could hold a phone number; the check decides how much of it is one.
# A date ("01-06-2026") starts no phone number.
PHONE_RUN = re.compile(
    r"(?<![\w@#=+\-–])(?<!\d[.,])(?!\d\d?[-/.]\d\d?[-/.]\d{2,4}\b)"
    r"(?:\+\d|\(0\d{1,3}\) ?\d|0)\d*(?:(?: ?[\-–] ?|[ \u00a0]| ?\(0\) ?)\d+)*"
)
DIGIT_GROUP = re.compile(r"\d+")
MAX_PHONE_GROUPS = 10  # "+31 (0)6 12 34 56 78" has 8; the limit keeps a long run of numbers linear

# "Fatima Bouzid: ...", "Sanne de Vries (interviewer): ...", "[00:03:20] Kevin Mulder: ..."
SPEAKER_LABEL = re.compile(
    r"^[ \t]*(?:\[\d{1,2}:\d{2}(?::\d{2})?\][ \t]*)?(?P<label>[^\W\d_][^:\n]{0,60}?)(?:[ \t]*\([^)\n]{1,40}\))?:[ \t]",
    re.MULTILINE,
)
NAME_PARTICLES = frozenset("van de der den ten ter te el al bin ben da di du le la 't".split())
TITLES = frozenset("mr mrs ms miss dr prof dhr mevr mw mevrouw meneer heer".split())
# Labels that name a role or a field, not a person.
NOT_NAMES = frozenset(
    """interviewer interviewster interviewee geïnterviewde klant klanten customer client cliënt respondent
    deelnemer deelneemster participant moderator facilitator onderzoeker researcher agent medewerker employee
    staff beller caller advisor adviseur verzekerde chatbot bot assistant assistent system systeem inwoner bewoner
    resident burger citizen member lid support servicedesk helpdesk kcc klantenservice operator spreker speaker
    gebruiker user host gast guest consultant coach monteur technician manager teamleider supervisor verkoper
    anoniem anonymous onbekend unknown naam name adres address datum date tijd time onderwerp subject opmerking
    opmerkingen note notes notitie samenvatting summary conclusie conclusion vraag antwoord question answer tel
    telefoon phone mobiel mobile email e-mail mail website bron source titel title status ticket referentie
    reference ref klacht complaint melding correctie update reactie response actie action tip quote citaat
    let ps nb from to cc bcc aan van verzonden sent onderwerp betreft re fw fwd geboortedatum dob iban bsn
    postcode woonplaats plaats city town kenmerk bijlage attachment bezoeker bezoekster visitor patiënt patient
    student leerling pupil ouder parent docent teacher reiziger passenger passagier huurder tenant verhuurder
    landlord vrijwilliger volunteer leverancier supplier bestuurder driver chauffeur inspecteur inspector arts
    doctor dokter verpleegkundige nurse advocaat lawyer makelaar abonnee subscriber lid klantcontact gebruikster
    aanvrager applicant melder reporter""".split()
)


def find_pii(text: str, known_names: Iterable[str] = (), language: str | None = None) -> list[Finding]:
    """Personal data in `text`, sorted and non-overlapping; `known_names` are names to find as well.

    `language` ("nl", "en") only decides which common words are never taken for a first name ("Ben" is a
    Dutch verb but an English name); without it both languages' words are avoided."""
    blocked = [(m.start(), m.end()) for rx in (IBAN_SHAPE, URL) for m in rx.finditer(text)]
    data = [
        *_emails(text),
        *_ibans(text),
        *(f for f in _bsns(text) if not _inside(f, blocked)),
        *(f for f in _phones(text) if not _inside(f, blocked)),
        *(Finding(start, end, "phone", text[start:end]) for start, end in spoken_phones(text)),
        *(Finding(start, end, "postcode_house", text[start:end]) for start, end in addresses(text)),
        *(Finding(start, end, kind, text[start:end]) for start, end, kind in identifiers(text)),
    ]
    cells = [Finding(start, end, kind, text[start:end]) for start, end, kind in table_cells(text, language)]
    data += [cell for cell in cells if cell.kind != "name"]
    listed = widened(
        text,
        [
            *listed_names(text, language),
            *clued_names(text, language),
            *beside_data(text, sorted({(f.start, f.end) for f in data}), language),
            *cased_names(text, language),
        ],
        language,
    )
    listed = [(start, end) for start, end in listed if not named_thing(text, start, end)]
    known = [*speaker_names(text), *known_names]
    listed += lined_names(text, [*known, *(text[start:end] for start, end in listed)], language)
    candidates = [
        *data,
        *_names(text, known),
        *(Finding(start, end, "name", text[start:end]) for start, end in listed),
        *(cell for cell in cells if cell.kind == "name"),
        # a name found once is a name wherever it comes back: "Mevrouw Dekker belde. ... Dekker zei toen ..."
        *(
            f
            for f in _names(text, name_forms([text[start:end] for start, end in listed]), first_names=False)
            if returning_name(text, f.start, f.value.split()[-1], language)
        ),
        *(Finding(s, e, "name", text[s:e]) for s, e in returning_words(text, [text[s:e] for s, e in listed])),
    ]
    candidates = [f for f in candidates if f.kind != "name" or not not_a_person(text, f.start, f.end)]
    found = _without_overlaps(candidates)
    sites = named_sites(text, [f.value for f in found if f.kind == "name"])
    return _without_overlaps([*found, *(Finding(s, e, "profile_url", text[s:e]) for s, e in sites)])


def speaker_names(text: str) -> list[str]:
    """Names in the speaker labels of a transcript, in order of first appearance."""
    labels = [re.sub(r"\s+", " ", match["label"].strip()) for match in SPEAKER_LABEL.finditer(text)]
    # "Klacht: ..." on its own is a heading: a one-word label only names a speaker in a transcript, where
    # at least two lines start with a role ("Klant:", "P1:") or a name.
    turns = [label for label in labels if _is_role(label) or _looks_like_name(label, min_words=1)]
    min_words = 1 if len(turns) >= 2 else 2
    # a listed first name alone ("Naomi: ...") is a speaker even in a single turn
    first_names = listed_first_names()
    names = [label for label in labels if _looks_like_name(label, 1 if label in first_names else min_words)]
    # "Cijfer: 2", "Toelichting: …", "Account: …": a one-word label that is an everyday word is a form's field
    names = [name for name in names if " " in name or name in first_names or not _everyday(name, None, 3.0)]
    return list(dict.fromkeys(names))


class Redactor:
    """Replaces personal data by numbered placeholders, the same value by the same placeholder.

    Use one Redactor per document (call `redact` on each of its chunks) so "[Persoon 1]" means the same
    person throughout. Names learned from speaker labels are remembered for later calls, and a first name
    alone gets the placeholder of the one full name it belongs to. `mapping` gives, per placeholder, the
    text it hides (for a name, the full name), so a UI can show what was hidden.
    """

    def __init__(self, language: str = "nl", known_names: Iterable[str] = (), keep: Iterable[str] = ()) -> None:
        self.language = language if language in PLACEHOLDER_WORDS else "en"
        self.known_names = [name.strip() for name in known_names if name.strip()]
        # names that are not anyone's personal data, e.g. the made-up first names of personas
        self.keep = {re.sub(r"\s+", " ", name.strip()) for name in keep if name.strip()}
        self.mapping: dict[str, str] = {}
        self._placeholders: dict[tuple[str, str], str] = {}
        self._counts: Counter[str] = Counter()

    def redact(self, text: str) -> str:
        for name in speaker_names(text):
            if name not in self.known_names:
                self.known_names.append(name)
        parts, position = [], 0
        for finding in find_pii(text, self.known_names, self.language):
            if finding.kind == "name" and re.sub(r"\s+", " ", finding.value) in self.keep:
                continue
            parts += [text[position : finding.start], self._placeholder(finding)]
            position = finding.end
        return "".join([*parts, text[position:]])

    def _placeholder(self, finding: Finding) -> str:
        value = self._full_name(finding.value) if finding.kind == "name" else finding.value
        key = (finding.kind, _identity(finding.kind, value))
        if key not in self._placeholders:
            self._counts[finding.kind] += 1
            placeholder = f"[{PLACEHOLDER_WORDS[self.language][finding.kind]} {self._counts[finding.kind]}]"
            self._placeholders[key] = placeholder
            self.mapping[placeholder] = value
        return self._placeholders[key]

    def _full_name(self, name: str) -> str:
        """The one known full name starting with this first name, or the name itself."""
        if " " in name:
            return name
        full = {known for known in self.known_names if _first_name(known) == name}
        return full.pop() if len(full) == 1 else name


def _identity(kind: str, value: str) -> str:
    """What makes two values the same: "06-12345678" and "06 1234 5678" are one phone number."""
    if kind in {"phone", "bsn"}:
        digits = re.sub(r"\D", "", value.replace("(0)", ""))
        return re.sub(r"^(?:00)?31", "0", digits) if kind == "phone" and value[:1] in "+0" else digits
    if kind == "iban":
        return value.replace(" ", "").upper()
    if kind == "email":
        return value.lower()
    return re.sub(r"\s+", " ", value)


# An organisation's or a team's mailbox in a pasted e-mail's header ("Aan: klantenservice@…", "To: info@…") is
# nobody's personal data; elsewhere it stays redacted (a phishing sender's "support@…" is evidence too).
HEADER_LINE = re.compile(r"(?im)^[ \t]*(?:from|to|cc|bcc|van|aan|afzender|reply-to)[ \t]*:[^\n]*\Z")
ROLE_MAILBOX = re.compile(
    r"(?i:info|contact|klantenservice|klantendienst|service|support|helpdesk|servicedesk|noreply|no-reply|"
    r"donotreply|complaints|klachten|sales|repairs|reparaties|reparatie|onderhoud|maintenance|lettings|verhuur|"
    r"bookings|reserveringen|orders|bestellingen|returns|retouren|enquiries|feedback|claims|schade|verkoop|"
    r"billing|facturen|facturatie|administratie|admin|office|"
    r"kantoor|receptie|reception|hello|hallo|team|customerservice|customercare|care|webcare|privacy|post|mail)@"
)


def _emails(text: str) -> list[Finding]:
    return [
        Finding(m.start(), m.end(), "email", m.group())
        for m in EMAIL.finditer(text)
        if not (ROLE_MAILBOX.match(m.group()) and HEADER_LINE.search(text, max(0, m.start() - 200), m.start()))
    ]


def _ibans(text: str) -> list[Finding]:
    findings = []
    for match in IBAN_SHAPE.finditer(text):
        raw = match.group()
        length = IBAN_LENGTHS.get(raw[:2].upper())
        # A grouped IBAN may be followed by another group of four (a year, a code): cut at the country length.
        for end in range(len(raw), 3, -1):
            candidate = raw[:end]
            if length and len(candidate.replace(" ", "")) == length and (end == len(raw) or raw[end] == " "):
                if _mod97_ok(candidate.replace(" ", "").upper()):
                    findings.append(Finding(match.start(), match.start() + end, "iban", candidate))
                break
    return findings


def _mod97_ok(iban: str) -> bool:
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def _bsns(text: str) -> list[Finding]:
    return [
        Finding(m.start(), m.end(), "bsn", m.group())
        for m in BSN.finditer(text)
        if _elfproef_ok(m.group()) and not OTHER_NUMBER.search(text[max(0, m.start() - 30) : m.start()])
    ]


def _elfproef_ok(number: str) -> bool:
    digits = [int(char) for char in number if char.isdigit()]
    total = sum(digit * weight for digit, weight in zip(digits, BSN_WEIGHTS, strict=True))
    return total > 0 and total % 11 == 0


US_PHONE = re.compile(r"(?<![\w+-])\(\d{3}\) ?\d{3}-\d{4}(?![\w-])")


def _phones(text: str) -> list[Finding]:
    findings = [Finding(m.start(), m.end(), "phone", m.group()) for m in US_PHONE.finditer(text)]
    for run in PHONE_RUN.finditer(text):
        ends = [run.start() + group.end() for group in DIGIT_GROUP.finditer(run.group())]
        after = text[run.end() : run.end() + 2]
        if after[:1].isalpha() or re.match(r":\d", after):
            ends.pop()  # "14a" is a house number and "08:00" a time, not the end of a phone number
        # The run may go on past the number ("bel 06 1234 5678 2 keer"): take its longest valid start.
        for end in reversed(ends[:MAX_PHONE_GROUPS]):
            if _is_phone_number(text[run.start() : end]):
                findings.append(Finding(run.start(), end, "phone", text[run.start() : end]))
                break
    return findings


def _is_phone_number(raw: str) -> bool:
    digits = re.sub(r"\D", "", raw.replace("(0)", ""))
    if raw.startswith(("+", "00")):
        digits = digits.removeprefix("00") if raw.startswith("00") else digits
        if digits.startswith("31"):
            return len(digits) == 11 and digits[2] != "0"
        return 9 <= len(digits) <= 15 and digits[0] != "0"
    if len(digits) == 11:  # British: 07700 900461, 020 7946 0958
        return digits[:2] in {"01", "02", "03", "07"}
    # 088 and 085 are Dutch company numbers ("bel ons op 088 - 123 45 00"), nobody's own line
    return len(digits) == 10 and digits[1] != "0" and digits[:3] not in {"088", "085"}


def _names(text: str, names: Iterable[str], first_names: bool = True) -> list[Finding]:
    wanted = set()
    for name in names:
        name = re.sub(r"\s+", " ", name.strip())
        wanted |= {name, _first_name(name) if first_names else ""} - {""}
    findings = []
    for name in wanted:
        # "Dekker" comes back as "Dekker-Smit" too: a double surname holds the name found
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, name.split())) + r"(?:-[A-ZÀ-ÖØ-Þ][^\W\d_]+)?(?!\w)"
        findings += [Finding(m.start(), m.end(), "name", m.group()) for m in re.finditer(pattern, text)]
    return findings


def _first_name(name: str) -> str:
    """Mohamed for "Mohamed El Amrani"; empty for one-word names, initials ("J. de Boer") and titles."""
    words = name.split()
    first = words[0] if len(words) >= 2 else ""
    if len(first) < 2 or first.endswith(".") or first.lower() in TITLES or first.lower() in NAME_PARTICLES:
        return ""
    return first


def _looks_like_name(label: str, min_words: int) -> bool:
    if _is_role(label):
        return False
    words = label.split()
    capitalised = [word for word in words if word.lower() not in NAME_PARTICLES]
    if not min_words <= len(capitalised) <= 4 or not words[-1][0].isupper():
        return False
    return all(_is_name_word(word) for word in capitalised)


def _is_role(label: str) -> bool:
    """A label naming a role: "Interviewer", "Medewerker KCC", "Deelnemer 2", "P1", and the one-letter turns
    of an interview ("I:", "R:", "Q:", "A:")."""
    words = label.lower().split()
    return (
        any(word in NOT_NAMES for word in words)
        or bool(re.fullmatch(r"(?:[^\W\d_]+ )?[^\W\d_]{0,3}\d{1,3}", label))
        or bool(re.fullmatch(r"[^\W\d_]\.?", label))
    )


def _is_name_word(word: str) -> bool:
    if word.lower() in NOT_NAMES or word.lower() in DUTCH:
        return False
    if re.fullmatch(r"[A-Z]\.", word):  # an initial
        return True
    # Capitalised, letters only, and not an acronym like "BRP" or "KCC".
    return (
        bool(re.fullmatch(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*", word))
        and word[0].isupper()
        and not (len(word) > 1 and word[1].isupper())
    )


def _inside(finding: Finding, spans: list[tuple[int, int]]) -> bool:
    return any(start < finding.end and finding.start < end for start, end in spans)


def _without_overlaps(candidates: list[Finding]) -> list[Finding]:
    """Keep the most specific finding where findings overlap, then the longest."""
    kept: list[Finding] = []  # sorted by start, never overlapping
    for finding in sorted(candidates, key=lambda f: (PRIORITY[f.kind], f.start - f.end, f.start)):
        index = bisect.bisect_left(kept, finding.start, key=lambda f: f.start)
        before_free = index == 0 or kept[index - 1].end <= finding.start
        after_free = index == len(kept) or finding.end <= kept[index].start
        if before_free and after_free:
            kept.insert(index, finding)
    return kept
