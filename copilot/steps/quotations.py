"""Every quotation in a draft's free text, checked against the research: is it really what a customer said?

A *quotation* is text between quotation marks — straight "…", curly “…”, low-high „…“ or „…”, « … », » … «,
‹ … ›, single ‘…’ or '…' used as quotation marks — or a Markdown block quote (`> …`). The `quote` and
`quotes` fields of an item are quotations whole, marks or not.

Not every quoted span is a customer's words. Apostrophes ("don't", "zo'n", Dutch "'s avonds", "'t") never
open or close one, and a short quoted term is a term, not a quotation:
    one word                    never a quotation ("self-service", 'wachtmuziek')
    two or three words          a quotation only when it is introduced as speech: a speech verb or a colon
                                just before it ("zei: …", "called it …"), ", said" after it, or it ends in
                                . ! ? … inside its marks
    four words or more          always a quotation
Terms like "time well saved" or "mens aan de lijn" are thereby left alone; a short spoken sentence is not.

A quotation stands in the research when, after normalising spacing, case, punctuation and accents, it is a
run of whole words of one research fragment. An ellipsis (… ... [...] […] (...)) may join parts of one
quote: each part must stand in the same fragment, in order. Short text in square brackets is a gap too: a
redaction placeholder ("[Persoon 1]", the model read the redacted text) or an editor's insertion ("[the
bot]"). It is checked against the research the item cites; an item that cites none (and the step's own
fields) against all research the step was given.

What does not stand there is *unverified*, with a reason:
    not_found       not in that research (invented, altered, spliced, paraphrased)
    other_source    it is in research the step was given, but not in what the item cites
    translated      it is in another language than all of that research: a translation is not their words
Unverified quotations are never removed from a person's text: they are marked in the editor and the deck.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel

from copilot.steps.schemas.base import Item

MIN_WORDS = 4  # from here on a quoted span is always a quotation
MIN_SPOKEN_WORDS = 2  # two or three words count when introduced as speech
MAX_CHARS = 1500  # a "quotation" longer than this is a mismatched mark, not a quote

# opener -> the closers it accepts
PAIRS: dict[str, str] = {
    "“": "”“",
    "„": "“”",
    "”": "”",
    '"': '"”“',
    "«": "»",
    "»": "«",
    "‹": "›",
    "›": "‹",
    "‘": "’‘",
    "‚": "‘’",
    "'": "'’",
}
APOSTROPHES = "'’‘"
SPACED = "«»‹›"  # French style puts a space inside guillemets
# Dutch and English elisions: 's avonds, 't, 'n, 'k, 'em, 'til, '90s
ELISION = re.compile(r"(?:s|t|n|k|m|r|em|ie|til|cause|\d\d)(?![^\W\d_])", re.IGNORECASE)
BEFORE_OPENER = set(" \t\n\r([{—–-/:;,>*_") | set(PAIRS)
ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:\.{3}|…)\s*\]|\(\s*(?:\.{3}|…)\s*\)|\.{3,}|…)\s*")
# "[Persoon 1]" (a redaction placeholder), "[the bot]" (an editor's insertion), "(sic)": a gap, like an ellipsis
GAP = re.compile(r"\[[^\[\]\n]{1,40}\]|\((?:sic|sic!)\)", re.IGNORECASE)
BLOCK_LINE = re.compile(r"^[ \t]{0,3}>[ \t]?(.*)$")
ATTRIBUTION = re.compile(r"\s*(?:—|–|--|-)\s*[^—–\n]{1,80}$")
SPEECH_BEFORE = re.compile(
    r"(?:\b(?:said|says|say|told|tells|asked|asks|called|calls|wrote|writes|put it|described|describes|"
    r"complained|sighed|explained|quote|quoting|words|zei|zegt|zeggen|zeiden|vertelde|vertelt|noemde|noemt|"
    r"noemen|noemden|schreef|schrijft|vroeg|vraagt|verzuchtte|klaagde|legde uit|aldus|woorden|citaat)\b[^.!?\n]{0,25}"
    r"|:\s*)$",
    re.IGNORECASE,
)
SPEECH_AFTER = re.compile(
    r"^[,\s]{0,3}(?:said|says|asked|wrote|zei|zegt|vroeg|schreef|aldus|vertelde)\b", re.IGNORECASE
)
ID_FIELDS = {"id", "evidence", "assumption"}
QUOTE_FIELDS = {"quote", "quotes"}

# the most common Dutch and English words (none in both lists), and spellings only one of the two has
NL_WORDS = frozenset(
    "de het een en van ik je jij niet dat op te met voor zijn er maar ook als bij nog wel mijn ze dan naar "
    "wat heb heeft hebben kan moet geen om door deze die dit werd zo hoe waarom mij wij jullie hun heel "
    "toen omdat al altijd nooit iets niks niemand krijg kreeg gebeld bellen wil weet uit nu u uw onze "
    "ons hij zij wordt worden kunnen moeten zou zouden hadden waren ben bent echt gewoon keer "
    "alleen alles iemand elke meer veel weer mee tegen tot zonder na goed slecht dus zegt zei "
    "klant klanten brief rekening maand jaar geld betalen".split()
)
EN_WORDS = frozenset(
    "the a an and of you not that on to with for are there but also at still my they then what have has can "
    "must no by this were how why it me our your their very when because always never nothing nobody got "
    "get called call know just from out now he she be been would could should did does "
    "do just only every more much again about against until without after good bad so says said "
    "customer customers letter bill month year money pay paid".split()
)
NL_SPELLING = re.compile(r"ij|aa|oe|uu|ui|sch|eeu|cht\b|lijk|heid|\bge\w{3,}d\b")
EN_SPELLING = re.compile(r"th|wh|sh|ght|\w{2,}ing\b|\w{2,}ly\b|\w{2,}tion\b|y\b")


@dataclass(frozen=True)
class Quotation:
    """A quotation in a text: its words (without marks) and where it stands, marks included."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Finding:
    """A quotation that does not stand in the research: which item and field, and why."""

    item: str  # the item's id, or '' for a field of the step itself
    field: str
    quotation: Quotation
    reason: str  # not_found, other_source, translated
    source: str = ""  # other_source: the research id it does stand in

    @property
    def text(self) -> str:
        return self.quotation.text


# --- finding quotations --------------------------------------------------------------------------


def quotations(text: str) -> list[Quotation]:
    """Every quotation in `text` — marked inline, or a Markdown block quote — that is a customer's words
    rather than a quoted term (see the module docstring for the rule)."""
    found = [q for q in _marked(text) if _is_quotation(text, q)]
    taken = [(q.start, q.end) for q in found]
    for block in _blocks(text):
        if not any(start < block.end and block.start < end for start, end in taken) and _words(block.text):
            found.append(block)
    return sorted(found, key=lambda q: q.start)


def _marked(text: str) -> Iterator[Quotation]:
    i = 0
    while i < len(text):
        if _opens(text, i):
            end = _closer(text, i)
            if end is not None:
                yield Quotation(text[i + 1 : end].strip(), i, end + 1)
                i = end + 1
                continue
        i += 1


def _opens(text: str, i: int) -> bool:
    char = text[i]
    if char not in PAIRS or i + 1 >= len(text) or (text[i + 1].isspace() and char not in SPACED):
        return False
    if i > 0 and text[i - 1] not in BEFORE_OPENER:
        return False  # inside a word: don't, zo'n, klant”
    return not (char in APOSTROPHES and ELISION.match(text, i + 1))


def _closer(text: str, start: int) -> int | None:
    closers = PAIRS[text[start]]
    single = text[start] in APOSTROPHES
    limit = min(len(text), start + MAX_CHARS)
    for j in range(start + 2, limit):
        char = text[j]
        if text.startswith("\n\n", j) or (single and char == "\n" and text.startswith("\n", j + 1)):
            return None  # a quotation does not run over a blank line
        if char not in closers or (text[j - 1].isspace() and char not in SPACED):
            continue
        after = text[j + 1 : j + 2]
        if after and (after.isalnum() or (single and after in "'’")):
            continue  # an apostrophe inside a word: don't, it’s
        return j
    return None


def _is_quotation(text: str, quote: Quotation) -> bool:
    # words as written: a hyphenated compound ("mens-aan-de-lijn") is one word
    words = sum(any(c.isalnum() for c in word) for word in quote.text.split())
    if words >= MIN_WORDS:
        return True
    if words < MIN_SPOKEN_WORDS:
        return False
    spoken_end = quote.text.rstrip("\"'’”»*_ ").endswith((".", "!", "?", "…"))
    before, after = text[max(0, quote.start - 60) : quote.start], text[quote.end : quote.end + 20]
    return spoken_end or bool(SPEECH_BEFORE.search(before)) or bool(SPEECH_AFTER.match(after))


def _blocks(text: str) -> Iterator[Quotation]:
    """Markdown block quotes: consecutive `> ` lines, without an attribution line or tail ("— Ria, 34")."""
    lines = text.splitlines(keepends=True)
    offset, start, parts = 0, None, []
    for line in [*lines, ""]:
        match = BLOCK_LINE.match(line.rstrip("\r\n")) if line else None
        if match:
            if start is None:
                start = offset
            parts.append(match.group(1))
        elif start is not None:
            body = [p for p in parts if not re.match(r"\s*(?:—|–|--)", p)]
            content = ATTRIBUTION.sub("", " ".join(body).strip()).strip(" *_\"'“”„«»‘’")
            yield Quotation(content, start, offset)
            start, parts = None, []
        offset += len(line)


# --- checking them -------------------------------------------------------------------------------


def normal(text: str) -> str:
    """Words only: no case, accents, punctuation or extra spacing."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def _words(text: str) -> list[str]:
    return normal(text).split()


@lru_cache(maxsize=1024)
def _parts(quote: str) -> tuple[str, ...]:
    """The parts an ellipsis (or a redaction placeholder) joins, each normalised; empty parts dropped."""
    parts = tuple(p for p in (normal(piece) for piece in ELLIPSIS.split(GAP.sub(" … ", quote))) if p)
    # a quotation that is nothing but brackets is checked as written
    return parts or tuple(p for p in (normal(piece) for piece in ELLIPSIS.split(quote)) if p)


def stands_in(quote: str, fragment: str) -> bool:
    """Whether `quote` is in `fragment` word for word (parts joined by an ellipsis in order)."""
    parts = _parts(quote)
    haystack = _haystack(fragment)
    at = 0
    for part in parts:
        found = haystack.find(f" {part} ", at)
        if found < 0:
            return False
        at = found + len(part) + 1
    return True


@lru_cache(maxsize=4096)
def _haystack(fragment: str) -> str:
    """A research fragment normalised once: the same research is searched for every quotation of a step."""
    return f" {normal(fragment)} "


@lru_cache(maxsize=4096)
def language(text: str) -> str:
    """'nl', 'en' or '' when common words and spellings do not tell (a name, a number, two words)."""
    words = _words(text)
    nl = sum(w in NL_WORDS for w in words) * 2 + sum(bool(NL_SPELLING.search(w)) for w in words)
    en = sum(w in EN_WORDS for w in words) * 2 + sum(bool(EN_SPELLING.search(w)) for w in words)
    if max(nl, en) < 3 or abs(nl - en) < 2:
        return ""
    return "nl" if nl > en else "en"


def verdict(quote: str, cited: dict[str, str], given: dict[str, str]) -> tuple[str, str]:
    """('', id) when `quote` stands in `cited` research (or, with nothing cited, in `given`); else the reason
    it is unverified and, for other_source, where it does stand."""
    pool = cited or given
    for quote_id, text in pool.items():
        if stands_in(quote, text):
            return "", quote_id
    for quote_id, text in given.items():
        if quote_id not in pool and stands_in(quote, text):
            return "other_source", quote_id
    spoken = language(quote)
    languages = {language(text) for text in pool.values()} - {""}
    if spoken and languages and spoken not in languages:
        return "translated", ""
    return "not_found", ""


def check(output: BaseModel, research: dict[str, str], given: list[str] | None = None) -> list[Finding]:
    """Every unverified quotation in `output`. `research` holds the text of every research id the step
    cites or was given; `given` the ids the step was given (default: all of `research`)."""
    pool = {i: research[i] for i in (given if given is not None else research) if i in research}
    return [
        finding for item, field, value in free_texts(output) for finding in _check(item, field, value, research, pool)
    ]


def check_item(item: Item, research: dict[str, str], given: dict[str, str] | None = None) -> list[Finding]:
    """The unverified quotations of one item; `research` holds (at least) the quotes it cites, `given` the
    research its step was given (for an item that cites none)."""
    return [f for field, text in _strings(item) for f in _check(item, field, text, research, given or {})]


def _check(item: Item | None, field: str, value: str, research: dict[str, str], pool: dict[str, str]) -> list[Finding]:
    cited = {i: research[i] for i in (item.evidence if item else []) if i in research}
    everything = {**pool, **cited}
    whole = field.split(".")[0].split("[")[0] in QUOTE_FIELDS
    found = [Quotation(_unmarked(value), 0, len(value))] if whole else quotations(value)
    findings = []
    for quote in found:
        if not _parts(quote.text):
            continue
        reason, source = verdict(quote.text, cited, everything)
        if reason:
            findings.append(Finding(item.id if item else "", field, quote, reason, source))
    return findings


def _unmarked(text: str) -> str:
    return text.strip().strip("\"'“”„«»‘’‚‹› ").strip()


def free_texts(output: BaseModel) -> Iterator[tuple[Item | None, str, str]]:
    """(item or None, field path, text) for every free-text string in `output`, nested parts included."""
    for name, value in _fields(output):
        if isinstance(value, list) and value and all(isinstance(v, Item) for v in value):
            for item in value:
                for field, text in _strings(item):
                    yield item, field, text
        else:
            for field, text in _strings_of(name, value):
                yield None, field, text


def _fields(model: BaseModel) -> Iterator[tuple[str, object]]:
    for name in type(model).model_fields:
        if name not in ID_FIELDS:
            yield name, getattr(model, name)


def _strings(model: BaseModel) -> Iterator[tuple[str, str]]:
    for name, value in _fields(model):
        yield from _strings_of(name, value)


def _strings_of(name: str, value: object) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        if value.strip():
            yield name, value
    elif isinstance(value, list):
        for n, element in enumerate(value):
            yield from _strings_of(f"{name}[{n}]", element)
    elif isinstance(value, BaseModel):
        for field, text in _strings(value):
            yield f"{name}.{field}", text


# --- showing them as unverified ------------------------------------------------------------------


def unmark(text: str, quotes: list[Quotation], label: str) -> str:
    """`text` with each of `quotes` shown without quotation marks and `label` after it — so nobody reads it
    as a customer's words. Block quotes lose their `>` too."""
    out, at = [], 0
    for quote in sorted(quotes, key=lambda q: q.start):
        tail = "\n" if text[quote.start : quote.end].endswith("\n") else ""
        out += [text[at : quote.start], f"{quote.text} ({label}){tail}"]
        at = quote.end
    return "".join(out) + text[at:]
