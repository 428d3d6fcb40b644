"""A report read into blocks: headings, paragraphs and list items with where they stand, page furniture left out.

Reports reach us as Markdown, Word documents and PDFs made in Word or in presentation software. Each format is
read into the same list of `Block`s here; `findings.py` cuts those into quotable findings. What counts as
furniture (a page number, a table-of-contents line "Algemene inzichten 6.", a licence comment, an image) and
what counts as a heading (also "A A N L E I D I N G" and "2.1 Resultaten") is decided here, once, for all formats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")
CLAUSE_END = re.compile(r"[.!?…:;,][\"”’')\]]*$")
MAX_HEADING_CHARS = 90  # a PDF line this short without closing punctuation may be a heading
_NUMBERED = re.compile(r"^(?P<number>(?:\d{1,2}\.)+\d{0,2}|\d{1,2}|[A-H]\.|[IVX]{1,4}\.)\s+(?P<text>\S.{1,80})$")
_CHAPTER = re.compile(r"^(?:hoofdstuk|chapter|bijlage|appendix|deel|part)\s+\w{1,4}\b[.:]?\s*(?P<text>.*)$", re.I)
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—(]?\s*\d{1,4}\s*[-–—)]?|[ivxlc]{1,6}|(?:pagina|page|blz\.?|p\.)\s*\d{1,4}(?:\s*(?:van|of|/)\s*\d{1,4})?"
    r"|\d{1,4}\s*(?:/|van|of)\s*\d{1,4})$",
    re.I,
)
# "Inleiding .......... 3", "2.1 Resultaten    12", "Algemene inzichten 6." — a contents line, not a finding
_TOC_LEADER = re.compile(r"(?:\.\s?){4,}|…{2,}|_{4,}|\t")
_TOC_LINE = re.compile(r"^(?:(?:\d{1,2}\.)*\d{0,2}\.?\s+)?[A-Z\u00C0-\u017F][^.!?:;]{1,70}?\s+\d{1,3}\.?$")
# "…klantonderzoek fase 1." ends in a number too, but the number counts something
_COUNTED = re.compile(
    r"\b(?:fase|stap|ronde|versie|deel|niveau|week|dag|jaar|groep|nummer|nr|categorie|optie|scenario|taak|vraag|"
    r"artikel|punt|sprint|sessie|respondent|deelnemer|step|phase|round|version|level|task|question|item)\s+\d{1,3}\.?$",
    re.I,
)
_TOC_HEADING = re.compile(r"^(?:inhoud|inhoudsopgave|inhoudstafel|contents|table of contents|index|agenda)$", re.I)
_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)$")
_LINK_ONLY = re.compile(r"^[-*]?\s*\[[^\]]*\]\([^)]*\)\s*$")
_URL_ONLY = re.compile(r"^(?:<?https?://\S+>?|www\.\S+)$")
_ITEM = re.compile(r"^(?:[-–—*•▪◦·●■□➢✓]|\d{1,2}[.)]|[a-z][.)])\s+(?P<text>\S.*)$")
_MD_HEADING = re.compile(r"^(?P<marks>#{1,6})\s+(?P<text>.*?)\s*#*$")
_BOLD_LINE = re.compile(r"^(\*\*|__)(?P<text>[^*_].{0,80}?)(\*\*|__):?$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_FRONT_MATTER = re.compile(r"\A---\n(?P<yaml>.*?)\n---\n", re.S)
_TITLE_FIELD = re.compile(r"^title:\s*['\"]?(?P<title>.+?)['\"]?\s*$", re.M)


@dataclass
class Block:
    """One heading, paragraph or list item of a report, and where it stands ("page 3", "paragraph 7")."""

    text: str
    place: str
    kind: str = "text"  # text | heading | item
    level: int = 0  # a heading's depth when the format says (Markdown "##", Word "Heading 2", "2.1"); 0 = unknown


# --- Markdown and plain text (and Word, which office_loaders writes as Markdown) --------------------------------


def markdown_blocks(text: str) -> tuple[str, list[Block]]:
    """The document's title (from front matter or its first heading) and its blocks."""
    title = ""
    front = _FRONT_MATTER.match(text)
    if front:  # the site generator's settings, not research
        found = _TITLE_FIELD.search(front["yaml"])
        title = found["title"] if found else ""
        text = text[front.end() :]
    text = _COMMENT.sub("", text)
    blocks: list[Block] = []
    for number, paragraph in enumerate(re.split(r"\n\s*\n", text), start=1):
        place = f"paragraph {number}"
        raw = [line for line in paragraph.split("\n") if line.strip()]
        current: list[str] = []
        in_item = False
        flush = _flusher(blocks, current, place)

        for indented, line in ((line[:1].isspace(), line.strip()) for line in raw):
            heading = _MD_HEADING.match(line)
            bold = _BOLD_LINE.match(line)
            bold = bold if bold and not SENTENCE_END.search(bold["text"]) else None  # a bold finding stays text
            item = _ITEM.match(line)
            continues = in_item and indented and not (heading or item or line.startswith((">", "|")))
            in_item = bool(item) or continues
            if _LINK_ONLY.match(line):  # "[Eindrapportage (PDF)](…)": a link to elsewhere, not a finding
                continue
            if continues:  # an item's second line
                blocks[-1].text += " " + _plain(line)
            elif heading or bold:
                flush()
                words = _plain(heading["text"] if heading else bold["text"])
                if words:
                    blocks.append(Block(words, place, "heading", len(heading["marks"]) if heading else 0))
            elif line.startswith(">"):  # a quoted participant: its own block
                flush()
                blocks.append(Block(_plain(line.lstrip("> ")), place))
            elif line.startswith("|"):  # a Markdown table row
                flush()
                cells = [cell.strip() for cell in line.strip("|").split("|")]
                if not all(re.fullmatch(r":?-{2,}:?", cell) for cell in cells if cell):
                    blocks.append(Block("; ".join(_plain(cell) for cell in cells if cell), place, "item"))
            elif item and not line.startswith("**"):
                flush()
                blocks.append(Block(_plain(item["text"]), place, "item"))
            else:
                current.append(_plain(line))
        flush()
    if not title:
        title = next((block.text for block in blocks if block.kind == "heading"), "")
    # a Markdown file has no pages: no page numbers or contents lines to drop, only images and bare links
    return title, [
        block
        for block in blocks
        if block.text
        and not _IMAGE.match(block.text)
        and not _URL_ONLY.match(block.text)
        and re.search(r"[A-Za-z\u00C0-\u017F]{2}", block.text)
    ]


def _flusher(blocks: list[Block], current: list[str], place: str):
    """Ends the paragraph being gathered (the lines in `current`) as a block."""

    def flush() -> None:
        if current:
            blocks.append(Block(" ".join(current), place))
            current.clear()

    return flush


def _plain(text: str) -> str:
    """Markdown emphasis and links as the words a reader sees."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])[*_](\S.*?\S|\S)[*_](?![\w*])", r"\1", text)
    text = re.sub(r"<br\s*/?>", " ", text)
    return " ".join(text.split())


# --- PDF pages --------------------------------------------------------------------------------------------------


def pdf_blocks(pages: list[list[str]], label: str = "page") -> tuple[str, list[Block]]:
    """The title (from a cover page) and blocks from each page's paragraphs: headings recognised by their look;
    furniture, the cover and contents pages left out."""
    blocks: list[Block] = []
    title = ""
    for number, paragraphs in enumerate(pages, start=1):
        place = f"{label} {number}"
        if number == 1 and _cover(paragraphs):
            title = heading_text(paragraphs[0])
            continue
        if _contents_page(paragraphs):
            continue
        for paragraph in paragraphs:
            if is_furniture(paragraph):
                continue
            level = heading_level(paragraph)
            if level is not None:
                numbered = _NUMBERED.match(heading_text(paragraph))  # "2.1 Resultaten": the words are the heading
                blocks.append(Block(numbered["text"] if numbered else heading_text(paragraph), place, "heading", level))
            elif _ITEM.match(paragraph):
                blocks.append(Block(_ITEM.match(paragraph)["text"], place, "item"))
            else:
                blocks.append(Block(paragraph, place))
    return title, blocks


def _cover(paragraphs: list[str]) -> bool:
    """A cover page: a title, an organisation, a date; a few words and no sentence."""
    words = sum(len(paragraph.split()) for paragraph in paragraphs)
    return 0 < words <= 40 and not any(SENTENCE_END.search(paragraph) for paragraph in paragraphs)


def slide_blocks(pages: list[list[str]]) -> list[Block]:
    """A deck saved as PDF, one finding per slide: its title is the heading, the rest of the slide one block
    (a slide's lines are bullets, not sentences to be joined with the next slide). A slide with a title only
    opens a chapter."""
    blocks: list[Block] = []
    for number, paragraphs in enumerate(pages, start=1):
        place = f"slide {number}"
        lines = [p for p in paragraphs if not is_furniture(p)]
        if not lines or _contents_page(lines) or (number == 1 and _cover(lines)):
            continue
        title = ""
        if heading_level(lines[0]) is not None or (len(lines) > 1 and len(lines[0]) <= MAX_HEADING_CHARS):
            title, lines = heading_text(lines[0]), lines[1:]
        if not lines:
            blocks.append(Block(title, place, "heading", 1))
            continue
        if title:
            blocks.append(Block(title, place, "heading", 2))
        items = [(_ITEM.match(line)["text"] if _ITEM.match(line) else line) for line in lines]
        text = items[0]
        for item in items[1:]:
            text += " " + item if not SENTENCE_END.search(text) and item[:1].islower() else " • " + item
        blocks.append(Block(text, place))
    return blocks


def _contents_page(paragraphs: list[str]) -> bool:
    """A table of contents: a heading saying so, or most lines ending in a page number."""
    lines = [p for p in paragraphs if p.strip()]
    if not lines:
        return False
    if _TOC_HEADING.match(heading_text(lines[0])):
        return True
    return len(lines) >= 4 and sum(1 for line in lines if is_contents_line(line)) >= 0.6 * len(lines)


# --- what a line is --------------------------------------------------------------------------------------------


def is_furniture(text: str) -> bool:
    """A page number, a contents line, an image or a bare link: nothing a person said or found."""
    text = text.strip()
    return (
        not text
        or bool(_PAGE_NUMBER.match(text))
        or is_contents_line(text)
        or bool(_IMAGE.match(text))
        or bool(_URL_ONLY.match(text))
        or not re.search(r"[A-Za-z\u00C0-\u017F]{2}", heading_text(text))
    )


def is_contents_line(text: str) -> bool:
    if _TOC_LEADER.search(text) and re.search(r"\d{1,3}\s*$", text):
        return True
    line = _TOC_LINE.match(text)
    return bool(line) and len(text.split()) <= 9 and not _COUNTED.search(text)


def letter_spaced(text: str) -> bool:
    """ "A A N L E I D I N G": most 'words' a single letter."""
    tokens = text.split()
    return len(tokens) >= 4 and sum(1 for token in tokens if len(token) == 1) >= 0.8 * len(tokens)


def heading_text(text: str) -> str:
    """A heading as words: letter spacing closed up ("A A N L E I D I N G" → "Aanleiding")."""
    text = " ".join(text.split()) if not letter_spaced(text) else _close_up(text)
    return text.rstrip(":").rstrip()


def _close_up(text: str) -> str:
    words = [part.replace(" ", "") for part in re.split(r"\s{2,}", text.strip())]
    if len(words) == 1 and len(words[0]) > 14:  # one wide gap lost: keep the letters, they still read
        words = [words[0]]
    joined = " ".join(words)
    return joined[:1].upper() + joined[1:].lower() if joined.isupper() else joined


def heading_level(text: str) -> int | None:
    """A PDF paragraph's heading depth (1 for "3 Resultaten", 2 for "3.2 …", 1 for letter-spaced), or None."""
    text = text.strip()
    if letter_spaced(text):
        return 1
    if len(text) > MAX_HEADING_CHARS or CLAUSE_END.search(text) or text.endswith("?") or not text[:1].isalnum():
        return None
    if text[:1].islower() or text.startswith(("'", '"', "“", "‘")) or re.search(r"[:,;]\s+\w*[a-z]\w*\s+\w", text):
        return None
    numbered = _NUMBERED.match(text)
    if numbered:
        return numbered["number"].rstrip(".").count(".") + 1
    if _CHAPTER.match(text):
        return 1
    if len(text.split()) > 12:
        return None
    return 2 if not text.isupper() else 1
