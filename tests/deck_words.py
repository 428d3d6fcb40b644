"""Which words of a deck or prompt are ours, not the research's: the word scan behind "Dutch all the way" (issue
21) and "English all the way" (issue 14). Research quotes, session content as written, file names, quote ids and
JSON keys are left out before a text's words are looked up in a list of the other language's words."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from pptx import Presentation

DATA = Path(__file__).parent / "data"


def word_list(name: str) -> set[str]:
    """The words in tests/data/<name>, one a line; '#' starts a comment line."""
    lines = (line.strip() for line in (DATA / name).read_text(encoding="utf-8").splitlines())
    return {line for line in lines if line and not line.startswith("#")}


FILE_NAME = re.compile(r"[\w./\\-]+\.(?:txt|csv|md|docx|pdf|xlsx|pptx|vtt|srt|json|html)\b", re.IGNORECASE)
QUOTE_ID = re.compile(r"\bq[0-9a-f]{10}\b")
FENCE = re.compile(r"```text\n.*?\n```", re.DOTALL)
# JSON keys (inside an object: after "{" or ",", or where a schema piece starts), `field names` and JSON schema
# keywords: the reader needs them as they are. A quoted word and a colon in prose ('"inside": how we work') is
# text, and is checked.
JSON_KEY = re.compile(
    r'"required":\[[^]]*\]|(?:^|(?<=[{,]))\s*"[\w$]+"\s*:|`[^`\n]*`|"#/\$defs/\w+"'
    r'|"(?:string|array|object|integer|boolean|number|null)"'
)
ITEM_ID = re.compile(r"\b[A-Z]{1,4}\d+\b")  # S2, K1, KPI1: the ids of a session's items
# a text is cut at quote marks and lines first, then at sentences and colons, then at commas: a piece found as
# research or session text at any of these is left out
PIECES = [
    re.compile(r"[\n“”„‘’\"…—–→|•\[\]]|\s-\s"),
    re.compile(r"[;:·()]|(?<=[.!?])\s"),
    re.compile(r","),
]
WORD = re.compile(r"[^\W\d_][\w'-]*")


def words_of(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def as_written(texts) -> str:
    """Every word sequence people or research wrote, for finding a piece of text in it at word boundaries."""
    return " " + " | ".join(" ".join(words_of(_without_names(text))) for text in texts) + " "


def foreign(text: str, written: str, words: set[str]) -> Counter:
    """The `words` of ours in `text`: after file names, quote ids, keys and fenced research, and any piece that
    is research or session content as written, are left out."""
    return _pieces(_without_names(JSON_KEY.sub(" ", FENCE.sub(" ", text))), written, words, 0)


def _without_names(text: str) -> str:
    return ITEM_ID.sub(" ", QUOTE_ID.sub(" ", FILE_NAME.sub(" ", text)))


def _pieces(text: str, written: str, words: set[str], level: int) -> Counter:
    found: Counter = Counter()
    for piece in PIECES[level].split(text):
        if _as_written(piece, written):
            continue
        if level + 1 < len(PIECES):
            found += _pieces(piece, written, words, level + 1)
        else:
            found.update(w for w in words_of(piece) if w in words)
    return found


def _as_written(piece: str, written: str) -> bool:
    """A piece of research or session text, found whole; a single word is never taken for one (it is checked)."""
    words = words_of(piece)
    return not words or (len(words) > 1 and f" {' '.join(words)} " in written)


def slide_texts(path: Path) -> list[str]:
    texts = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
        if slide.has_notes_slide:
            texts.append(slide.notes_slide.notes_text_frame.text)
    return texts
