"""Where someone lives: a street with its house number, a postcode, or both.

- a postcode with its house number ("1012 AB 14", "1012 AB, nr. 14") or with the street in front
  ("Keizersgracht 12, 1015 CJ"): one finding for the whole address
- a street with a house number and no postcode: the street must look like one ("Vondelstraat 88-III",
  "Laan van Meerdervoort 1a", "2e Hugo de Grootstraat 17-2hg", "27 Queen's Road", "1420 Maple Ave")
- a Dutch or British postcode alone ("1012 AB", "OX4 2HT"): it narrows a person down to a few houses.
  A postcode after "Postbus 8000," or "Antwoordnummer 123," belongs to an organisation and stays; so does a
  bare four-digit area ("postcode 7511").
"""

from __future__ import annotations

import re

POSTCODE = r"[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}(?!\w)"
HOUSE_NUMBER = (
    r"\d{1,5}(?:-huis|-boven|-beneden|-?[A-Za-z]{1,3}|-\d{1,4}(?:[a-z]{1,3})?|-[IVX]{1,4}|-bis|-hs| hs| bis)?(?![\w-])"
)
HOUSE_WORD = r"(?:huisnummer|huisnr\.?|nr\.?|no\.?|number|house number)"
STREET_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
PARTICLE = r"(?:van|de|der|den|het|ten|ter|te|op|aan|in|'t|la|le|du|des)"
STREET = rf"{STREET_WORD}(?: (?:{PARTICLE} )*{STREET_WORD}){{0,3}}"
POSTCODE_FIRST = re.compile(rf"(?<!\w){POSTCODE}(?:,? ?{HOUSE_WORD} ?| ){HOUSE_NUMBER}")
STREET_FIRST = re.compile(rf"(?<!\w){STREET} (?:\d{{1,5}} )?(?:{HOUSE_WORD} ?)?{HOUSE_NUMBER},?\s{{1,3}}{POSTCODE}")

# Dutch street names end in one of these ("Vondelstraat", "Burgemeester de Withstraat", "Laan van ...").
DUTCH_STREET = (
    r"[\w'’-]*(?:straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|steeg|hof|pad|park|baan|markt|burgwal|"
    r"plantsoen|boulevard|hoven|wetering)"
)
NAMED_STREET = rf"(?:\d{{1,2}}e )?(?:[A-ZÀ-ÖØ-Þ][\w'’.-]* (?:{PARTICLE} )*){{0,3}}[A-ZÀ-ÖØ-Þ]{DUTCH_STREET}"
LAAN_VAN = rf"(?:Laan|Weg|Plein|Kade|Burgemeester|Graaf|Prins|Koning|Koningin) (?:{PARTICLE} )+{STREET_WORD}"
STREET_ONLY = re.compile(
    rf"(?<![\w-])(?:{NAMED_STREET}|{LAAN_VAN}) (?:{HOUSE_WORD} ?)?{HOUSE_NUMBER}(?:-?[IVX]{{1,4}})?"
    r"(?: ?(?:hs|bis|boven|beneden|zw|rd|hg|I{1,3}))?(?![\w-])"
)
ENGLISH_STREET = re.compile(
    # "Flat 2, 14 Hill Road", "3/1, 27 Lime Street" (a Scottish tenement flat: floor/door)
    r"(?<![\w-])(?:(?:Flat|Apt|Apartment|Unit) \w{1,4}, |\d{1,2}/\d{1,2},? )?\d{1,5}[A-Za-z]? (?:[A-Z][\w'’.-]* ){1,3}"
    r"(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Way|Crescent|Place|Court|Terrace|Gardens|Grove|Row|"
    r"Square|Boulevard|Blvd|Mews|Hill|Park|"
    r"Walk|Parade|Green|Rise|Vale|Wharf|Quay|View)\.?(?:,? (?:Apt|Apartment|Flat|Unit|Suite) \w{1,4})?(?![\w-])"
)
# "56 Kingsway", "12 Broadway": a house number before one word ending in -way
WAY = re.compile(r"(?<![\w-])\d{1,5}[A-Za-z]? [A-Z][a-z]{2,}way(?![\w-])")
# "nieuw adres: Rue des Tanneurs 14, 1000 Brussel", "lives at 3 Mill Bank": after a word for an address, a street
# name and a house number in either order, with a postcode and town after it
ADDRESS_CUE = re.compile(
    r"(?i:\b(?:adres|address|woonadres|home address|postadres)(?: is)?[: ]+|\blives at |\bwoont (?:op|aan) |"
    r"\bverhuisd naar |\bmoved to )"
    rf"(?P<address>(?:\d{{1,5}}[A-Za-z]? {STREET}|{STREET} \d{{1,5}}[A-Za-z]?)(?![\w-])"
    r"(?:,? (?:[1-9]\d{3}(?: ?[A-Z]{2})?|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})(?= [A-Z][\w'’-]+))?)"
)
NUMBER_WORD = (
    r"(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|\w+tien|\w*twintig|\w*dertig|\w*veertig|"
    r"\w*vijftig|\w*zestig|\w*zeventig|\w*tachtig|\w*negentig|honderd|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|oh)"
)
# speech-to-text: "bloemstraat zeventien", "flat nine forty one carver street"
SPOKEN_STREET = re.compile(
    rf"(?<![\w-])(?:[a-z][\w'’-]*(?:straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|steeg) {NUMBER_WORD}"
    rf"(?: {NUMBER_WORD})?|(?:flat {NUMBER_WORD} )?{NUMBER_WORD}(?: {NUMBER_WORD}){{0,3}} [a-z]+(?: [a-z]+)? "
    r"(?:street|road|lane|avenue|drive|close|crescent|terrace|gardens|grove|walk))(?![\w-])"
)
SPOKEN_HINT = re.compile(
    r"(?:straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|steeg) [a-z]|(?<![A-Z])(?:street|road|lane|avenue|drive|"
    r"close|crescent|terrace|gardens|grove|walk)\b"
)
UK_POSTCODE = re.compile(r"(?<![\w-])[A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}(?![\w-])")
BARE_POSTCODE = re.compile(rf"(?<![\w-]){POSTCODE}")
US_ZIP = re.compile(
    r"(?<=\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|"
    r"OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC) )\d{5}(?:-\d{4})?(?!\w)"
)
# "postcode 2514 ea nummer 7": a postcode in lower case, as speech-to-text writes it, with its house number
SPOKEN_POSTCODE = re.compile(
    r"(?<!\w)[1-9]\d{3} ?(?!kg|km|cm|mm|ml|cl|dl|gb|mb|kb|kw|pk|st|mg|ha|am|pm|uu)[a-z]{2},? "
    rf"(?:{HOUSE_WORD}|nummer|huisnummer) ?\d{{1,5}}(?![\w-])"
)
ORGANISATION = re.compile(r"(?:postbus|antwoordnummer|p\.?o\.? box)\b", re.IGNORECASE)
ORGANISATION_BOX = re.compile(r"(?:postbus|antwoordnummer|p\.?o\.? box)\s*\d{1,6},?\s*$", re.IGNORECASE)


def addresses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each address or address part; may overlap, the caller keeps the longest."""
    rules = (STREET_FIRST, POSTCODE_FIRST, STREET_ONLY, ENGLISH_STREET, SPOKEN_POSTCODE, WAY)
    if SPOKEN_HINT.search(text):
        rules += (SPOKEN_STREET,)
    spans = [m.span() for rx in rules for m in rx.finditer(text) if not ORGANISATION.match(m.group())]
    spans += [m.span("address") for m in ADDRESS_CUE.finditer(text) if not ORGANISATION.match(m["address"])]
    for match in [*BARE_POSTCODE.finditer(text), *UK_POSTCODE.finditer(text), *US_ZIP.finditer(text)]:
        if not ORGANISATION_BOX.search(text[max(0, match.start() - 30) : match.start()]):
            spans.append(match.span())
    return spans
