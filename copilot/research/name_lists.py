"""People's names in free text that no speaker label announced: "Bas van de klantenservice", "mevrouw
Jansen", "A.J. Verhoeven", "I asked Sarah Thompson".

Found with the first names and surnames that ship with the `faker` package (MIT) for the people a Dutch
organisation serves: Dutch, Flemish, English, German, French, Turkish and Arabic names. The matching rules
are ours, and need context so that "Bill was too high" and "May I ask" stay as they are:

- a title, then a name: "mevrouw Jansen", "dhr. de Vries", "Mr Baker", "collega Bas"
- initials, then a surname: "A.J. Verhoeven", "J. van der Berg"
- a listed first name followed by a surname: "Sarah Thompson", "Bas van Dijk"
- a listed first name alone, inside a sentence and not a common word: "ik sprak Femke", "Bas van de
  klantenservice" (at a sentence start a lone first name is too often an ordinary word to take)
"""

from __future__ import annotations

import importlib
import re
from functools import cache

from copilot.research.stopwords import words as stopwords

WORD = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+(?:-[A-ZÀ-ÖØ-Þ]?[a-zà-öø-ÿ'’]+)?"
INTERFIX = r"(?:van der|van den|van de|van het|van 't|in 't|in het|de la|van|von|de|den|der|ten|ter|te|du|da|le|la|el)"
SURNAME = rf"(?:{INTERFIX} )?{WORD}"
TITLE = (
    r"(?:[Mm]evrouw|[Mm]evr\.?|[Mm]w\.?|[Mm]eneer|[Mm]ijnheer|[Dd]hr\.?|[Dd]e heer|[Mm]ej\.?|[Dd]rs?\.?|[Ii]r\.?|"
    r"[Pp]rof\.?|[Ff]am\.?|[Cc]ollega|[Mm]edewerker|[Mm]edewerkster|Mrs\.?|Mr\.?|Ms\.?|Miss|Dr\.?)"
)
TITLED = re.compile(rf"(?<![\w.]){TITLE} (?:(?:[A-Z]\.){{1,4}} ?)?(?P<name>{SURNAME}(?: {WORD})?)")
INITIALS = re.compile(rf"(?<![\w.])(?P<name>(?:[A-Z]\.){{1,4}} ?{SURNAME})")
CAPITALISED = re.compile(rf"(?<![\w'’-]){WORD}")
SENTENCE_END = re.compile(r"(?:^|[.!?:;\n\"“”]\s*|[-–—•*]\s+)$")


LOCALES = ("nl_NL", "nl_BE", "en_GB", "en_US", "de_DE", "fr_FR", "tr_TR", "ar_AA")


@cache
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    """(first names, surnames) of the locales above; empty when faker is not installed."""
    first: set[str] = set()
    last: set[str] = set()
    for locale in LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ImportError:
            continue
        for attribute in ("first_names", "first_names_male", "first_names_female"):
            first |= {name for name in getattr(provider, attribute, ()) if name[:1].isupper()}
        last |= {name for name in getattr(provider, "last_names", ()) if name[:1].isupper()}
    return frozenset(first), frozenset(last)


CALENDAR = frozenset(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday januari februari maart mei juni juli augustus oktober maandag
    dinsdag woensdag donderdag vrijdag zaterdag zondag jan feb mar apr jun jul aug sep sept oct okt nov dec
    english german french dutch polish turkish spanish italian engels duits frans nederlands pools turks""".split()
)  # months ("12 Jan"), days, and languages or nationalities that are also someone's first name


def _common(word: str) -> bool:
    """A word people also write without meaning a person: "Will", "May", "June"."""
    return word.lower() in stopwords() or word.lower() in CALENDAR


def listed_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of each name found; may overlap, the caller keeps the best."""
    first_names, surnames = _lists()
    if not first_names:
        return []
    spans = [m.span("name") for rx in (TITLED, INITIALS) for m in rx.finditer(text)]
    for match in CAPITALISED.finditer(text):
        word = match.group()
        if word not in first_names or _common(word):
            continue
        rest = re.match(rf" (?P<surname>{SURNAME})", text[match.end() :])
        if rest and (rest["surname"].split()[-1] in surnames or not _common(rest["surname"].split()[-1])):
            spans.append((match.start(), match.end() + rest.end()))
        elif not SENTENCE_END.search(text[: match.start()]):
            spans.append(match.span())
    return spans
