"""The words names are told apart with: first names and surnames (faker's lists and ours), places, brands,
and the common words, months and languages that are also someone's name ("Will", "May", "English").

`name_lists` holds the rules that use them.
"""

from __future__ import annotations

import importlib
import re
from functools import cache

from copilot.research.stopwords import SPOKEN_ENGLISH
from copilot.research.stopwords import words as stopwords

LOCALES = ("nl_NL", "nl_BE", "en_GB", "en_US", "de_DE", "fr_FR", "tr_TR", "ar_AA")
# More of the people a Dutch organisation serves; their lists hold more everyday words ("Prima", "Spain",
# "Bridge"), so their names count only beside another name (a first name with a surname), never alone.
PAIRED_LOCALES = ("en_IE", "pl_PL", "ro_RO", "es_ES", "it_IT", "pt_PT", "en_IN", "id_ID")
# Short and familiar Dutch names faker lacks, and a few others CX research meets often.
EXTRA_FIRST = frozenset(
    """Kees Ruud Joop Ton Cor Huub Sjaak Jaap Riet Toos Truus Ans Ineke Hennie Arjen Arjan Hanneke Annemieke
    Marloes Jannie Diny Bep Corrie Nel Mien Aad Wiebe Sietse Tjeerd Emre Ayşe Priya Wei Tariq Kwame Siobhan
    Aoife Niamh Kofi Jess Pat Giuseppe Joe Dilan Bilal Rachid Hatice Zeynep Anil Ravi Deepak Raj Li Ming
    Will Matt Pete Jen Meg Abby Phil Ollie Ted Harrie Rinus Marja Marjolein Gonny Gerrie Mariska Lenie Bertus Rianne
    Bregje Rajesh Rakesh Suresh Mahesh Dinesh Ganesh Sanjay Vijay Arjun Gert-Jan Jan-Willem Jan-Peter Henk-Jan Naveen
    Jolene
    Esra Sevda Merve Büşra Serkan Burak Onur Volkan Cem Derya Gülsen Tuğba Sinem Ebru Sevgi Nurcan Kübra Naima
    Latifa Hanane Souad Ilham Loubna Siham Hamid Driss Redouan Soufiane Anouar Nordin Achraf Oumaima Salma Mounir
    Najib Karima Hafsa Meryem Roshni Sunita Anjali Shanti Kavita Radjesh Sunil Anand Prakash Ashwin Navin Ramesh
    Sharmila Indira Soraya Shanice Romano Rudsel Jairo Akosua Yaw Kwaku Abena Olu Oluwaseun Chinedu Ngozi Emeka
    Adaeze Tunde Małgorzata Paweł Łukasz Michał Marcin Jakub""".split()
)  # the second part: Turkish, Moroccan, Surinamese, Antillean, Ghanaian, Nigerian and Polish names faker lacks
# Places and organisations that look like a name ("Albert Heijn", "Kent", "Washington").
PLACES = frozenset(
    """London Oxford Cambridge Manchester Leeds Bristol Kent Chester Lincoln Washington York Dublin Brussel Brussels
    Antwerpen Gent Keulen Köln Parijs Paris Lyon Kleve Aken Berlin Berlijn Düsseldorf Hamburg Philips Jumbo Post
    Randstad Achmea Ziggo Eneco Essent Vattenfall Greenchoice Nationale Nederlanden Interpolis Centraal
    Belastingdienst Carglass Klarna Vodafone Tesco Amazon Octopus Coolblue Zalando Rabobank Sainsbury Sainsburys
    Argos Boots Asda Aldi Lidl Hema Kruidvat Gamma Praxis Ikea Nuon Engie Aegon Menzis Odido Lebara Caiway British
    Google Apple Microsoft Facebook Instagram Whatsapp WhatsApp Teams Zoom Outlook Gmail Hotmail Enexis Stedin Liander
    Vitens Evides Dunea Waternet Brabant Westland Infra Coberco Budget""".split()
)
BRANDS = frozenset(
    {"Albert Heijn", "Jan Linders", "Hans Anders", "Marks Spencer", "Ben Jerry", "Pieter Pot", "Dirk van den Broek",
     "John Lewis", "Thomas Cook", "William Hill", "Paul Smith", "Ted Baker", "Tommy Hilfiger", "Hugo Boss",
     "Michael Kors", "Calvin Klein", "Ralph Lauren", "David Lloyd", "Marks and Spencer", "Marks & Spencer",
     "Dr. Martens", "Dr Martens", "Doc Martens"}
)  # fmt: skip
# Common Dutch, Turkish, Moroccan and Polish surnames faker lacks; and the part after a particle of the
# commonest Dutch ones ("de Vries", "van Dijk"), which count only after that particle.
EXTRA_SURNAMES = frozenset(
    """Hoogland Wagenaar Keizer Bijl Kooij Amrani Bouzid Şahin Çelik Öztürk Ouali Tahiri Ahmadi Kowalski Kowalska
    Nowak Yildiz Aydın Arslan Doğan Koç Bakkali Benali Haddou Chaouch Ramdin Ramdas Ramcharan Jagessar Bhagwandin
    Soekhai Mahabier Ramsaran Sewdien Baldewsingh Kalloe Autar Biharie Lachmon Jhagroe Kromodimedjo Wongsodikromo
    Karijo Sarmo Pinas Zeefuik Kanhai Pengel Koeiman Rosalia Isenia Maduro Idrissi Ouahabi Azzouzi Bouazza Boukhari
    Chaara Haddouchi Ziani Lamrani Essafi Mansouri Boutaleb Khattabi Aboutaleb Marzouk Bensaid Belhaj Achahbar
    Özdemir Kılıç Özkan Şimşek Polat Korkmaz Güneş Aksoy Bulut Keskin Ünal Turan Mensah Asante Boateng Owusu Appiah
    Osei Acheampong Agyeman Opoku Okafor Adeyemi Okonkwo Nwosu Balogun Adebayo Zhou Pattipeilohy Latuheru Sahetapy
    Tahapary Pattiasina Siahaya Matulessy Chowdhury Uddin Llewellyn Malik Sital""".split()
)
AFTER_PARTICLE = frozenset(
    """Jong Jonge Vries Dijk Groot Leeuwen Wit Graaf Meer Linden Haan Heuvel Veen Bruijn Bruin Heijden Beek Vliet
    Ven Dam Wal Brink Wijk Pol Steen Berg Boer Bos Ridder Bosch Velde Laan Horst Hoek Kamp Loon Zanden Wetering
    Hulst Poel Berkel Vaart Burg Rijn Water Akker Hout Wouw Amstel Kolk""".split()
)
# First names that are also ordinary nouns: never taken alone at a sentence start.
AMBIGUOUS = frozenset(
    """bill mark rose grace hope joy pat guy frank sue will may june april august summer page chase faith ray
    art iris roos merel amber storm sky hazel jade dean bob rich ben jan""".split()
)
# Words that may follow a greeting or closing formula, or stand on a line alone, without being a name.
NOT_A_NAME = frozenset(
    """team klantenservice klant customer service care support allen all everyone iedereen mevrouw meneer sir madam
    heer dames heren again alvast vast verzonden sent iphone android outlook samsung ipad beste geachte lieve hoi
    hallo dear hello department afdeling billing sales office desk teamleider manager medewerker medewerkster
    adviseur advisor agent directeur director director coördinator coordinator specialist consultant
    fam familie family bedankt dank thanks thank cheers groet groeten groetjes regards mvg""".split()
)


@cache
def _lists(locales: tuple[str, ...] = LOCALES) -> tuple[frozenset[str], frozenset[str]]:
    """(first names, surnames) of the locales above; empty when faker is not installed."""
    first: set[str] = set()
    last: set[str] = set()
    for locale in locales:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ImportError:
            continue
        for attribute in ("first_names", "first_names_male", "first_names_female"):
            first |= {name for name in getattr(provider, attribute, ()) if name[:1].isupper()}
        for attribute in ("last_names", "last_names_male", "last_names_female"):
            last |= {name for name in getattr(provider, attribute, ()) if name[:1].isupper()}
    if not first:
        return frozenset(), frozenset()
    return frozenset(first | EXTRA_FIRST), frozenset(last | EXTRA_SURNAMES)


@cache
def _lower_first_names() -> frozenset[str]:
    """The first names of the main locales in lower case ("ruud"), for sloppy notes."""
    return frozenset(name.lower() for name in _lists()[0])


def listed_first_names() -> frozenset[str]:
    """The first names the lists know ("Naomi", "Kees"); empty without faker."""
    return _lists()[0]


@cache
def _places() -> frozenset[str]:
    """Towns and cities (faker's Dutch, Belgian and German lists, and ours): a surname that is also a place
    ("Leiden", "Emmerich") is not taken alone."""
    places = set(PLACES)
    for locale in ("nl_NL", "nl_BE", "de_DE"):
        try:
            provider = importlib.import_module(f"faker.providers.address.{locale}").Provider
        except ImportError:
            continue
        places |= {city for city in getattr(provider, "cities", ()) if " " not in city}
    return frozenset(places)


@cache
def _lower_lists() -> tuple[frozenset[str], frozenset[str]]:
    first, last = _lists(LOCALES + PAIRED_LOCALES)
    return frozenset(name.lower() for name in first), frozenset(name.lower() for name in last | AFTER_PARTICLE)


CALENDAR = frozenset(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec
    english german french dutch polish turkish spanish italian""".split()
)  # months ("12 Jan"), days, and languages or nationalities that are also someone's first name
# The Dutch ones: ordinary words in Dutch text, but in English text "my sister Mei" is a name.
DUTCH_CALENDAR = frozenset(
    """januari februari maart mei juni juli augustus oktober okt maandag dinsdag woensdag donderdag vrijdag
    zaterdag zondag engels duits frans nederlands pools turks""".split()
)


def _common(word: str, language: str | None = None) -> bool:
    """A word people also write without meaning a person: "Will", "May", "June" ("Ben" only in Dutch)."""
    lower = word.lower()
    if lower in CALENDAR or lower in NOT_A_NAME or (lower in DUTCH_CALENDAR and language != "en"):
        return True
    if language == "en":
        return lower in _english()
    return lower in stopwords()


@cache
def _english() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS | SPOKEN_ENGLISH)


MULTI_WORD_PLACES = frozenset(
    {"Den Haag", "Den Bosch", "Den Helder", "Den Burg", "Den Dolder", "Den Ham", "De Bilt", "De Meern", "Ter Apel",
     "Ten Boer", "Bergen op Zoom", "Alphen aan den Rijn", "Capelle aan den IJssel", "Oxford Street", "London Bridge"}
)  # fmt: skip


@cache
def _place_pairs() -> frozenset[tuple[str, str]]:
    """The last two words of places named with more than one word: ("Den", "Bosch"), ("Den", "Haag")."""
    places = set(MULTI_WORD_PLACES)
    for locale in ("nl_NL", "nl_BE"):
        try:
            provider = importlib.import_module(f"faker.providers.address.{locale}").Provider
        except ImportError:
            continue
        places |= {city for city in getattr(provider, "cities", ()) if " " in city}
    return frozenset(tuple(place.split()[-2:]) for place in places)


def _everyday(word: str, language: str | None, zipf: float = 5.0) -> bool:
    """A word as frequent as "young", "blij" or "happy" in the text's language (Zipf frequency, wordfreq)."""
    from wordfreq import zipf_frequency

    languages = [language] if language in {"nl", "en"} else ["nl", "en"]
    return any(zipf_frequency(word.lower(), lang) >= zipf for lang in languages)


def personal_domain(host: str) -> bool:
    """ "petravisser", "kees-bakker", "annavandenberg": a web host made of a listed first name and surname."""
    first_names, surnames = _lower_lists()
    brands = {brand.replace(" ", "").lower() for brand in BRANDS}
    host = host.lower()
    if host in brands or not first_names:
        return False
    parts = re.split(r"[-.]", host)
    if len(parts) >= 2:
        if _first_and_surname(parts[0], "".join(parts[1:]), first_names, surnames):
            return True
        # "annadekker-fotografie", "studio-tomvos": one part is the name, the other the trade
        return any(personal_domain(part) for part in parts if len(part) >= 6)
    return any(_first_and_surname(host[:i], host[i:], first_names, surnames) for i in range(3, len(host) - 2))


def personal_page(host: str, path: str) -> bool:
    """ "hoekstra-fotografie.nl/wiebe/…", "smithphotos.co.uk/anna/…": a page under a first name on a site that
    carries a surname (a family business's page for one person)."""
    first_names, surnames = _lower_lists()
    segment = path.strip("/").split("/")[0].lower() if path else ""
    if segment not in first_names or segment in AMBIGUOUS or _common(segment):
        return False
    host = host.lower().removeprefix("www.")
    parts = re.split(r"[-.]", host)
    if any(part in surnames and not _common(part) for part in parts):
        return True
    # a surname joined to a trade: "turnerphotography", "bakkerfoto"
    return any(host[:i] in surnames and not _common(host[:i]) for i in range(4, len(parts[0]) - 2))


def _first_and_surname(first: str, rest: str, first_names: frozenset[str], surnames: frozenset[str]) -> bool:
    surname = re.sub(r"^(?:vander|vanden|vande|vanhet|van|de|der|den|ter|ten|te|el)(?=[a-z]{3})", "", rest)
    if first not in first_names or first in AMBIGUOUS or _common(first) or _common(surname):
        return False
    return len(first) >= 3 and len(surname) >= 3 and (surname in surnames or rest in surnames)
