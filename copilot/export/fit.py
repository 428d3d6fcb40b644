"""Measure text with real font metrics so it fits its frame: wrap it as PowerPoint would, shrink it a little
if needed, and shorten it at a word boundary only when even the smallest readable size is too big.

Arial is measured with Liberation Sans (metric-compatible, what LibreOffice draws Arial with). Inside
`measuring(family)` — the renderer wraps a deck on a team's master in it — another font is measured with the
file fontconfig picks for it, which is what LibreOffice draws on this machine. Without a font file a
conservative average width is used, so text errs on fitting, not overflowing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache, lru_cache
from pathlib import Path

from copilot.export.text import shorten

POINTS_PER_INCH = 72
LINE_SPACING = 1.2  # line height as a multiple of the font size
FALLBACK_EM_PER_CHAR = 0.56  # wider than Arial's average, so the estimate overestimates lines
_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", "C:/Windows/Fonts")
_FONT_FILES = {
    False: ("LiberationSans-Regular.ttf", "Arial.ttf", "arial.ttf"),
    True: ("LiberationSans-Bold.ttf", "Arial Bold.ttf", "arialbd.ttf"),
}


_ARIAL_LIKE = {"", "arial", "helvetica", "liberation sans", "arimo"}
_family = "Arial"


@contextmanager
def measuring(family: str) -> Iterator[None]:
    """Measure text as set in `family` inside the block (Arial outside it)."""
    global _family
    previous, _family = _family, family
    try:
        yield
    finally:
        _family = previous


@cache
def _font_path(bold: bool, family: str = "Arial") -> Path | None:
    if family.casefold() not in _ARIAL_LIKE:
        found = _fontconfig(family, bold)
        if found:
            return found
    for folder in _FONT_DIRS:
        root = Path(folder)
        if not root.is_dir():
            continue
        for name in _FONT_FILES[bold]:
            found = next(root.rglob(name), None)
            if found:
                return found
    return None


def _fontconfig(family: str, bold: bool) -> Path | None:
    if not shutil.which("fc-match"):
        return None
    pattern = f"{family}:bold" if bold else family
    try:
        result = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    path = Path(result.stdout.strip())
    return path if result.returncode == 0 and path.suffix.lower() in (".ttf", ".otf", ".ttc") else None


@cache
def _font(bold: bool, size: float, family: str = "Arial"):
    path = _font_path(bold, family)
    if path is None:
        return None
    from PIL import ImageFont

    return ImageFont.truetype(str(path), size=int(round(size * 10)))  # 10× for sub-point precision


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of `text` in inches at `size` points."""
    font = _font(bold, size, _family)
    points = font.getlength(text) / 10 if font else len(text) * size * FALLBACK_EM_PER_CHAR
    return points / POINTS_PER_INCH


@lru_cache(maxsize=65536)
def _word_width(word: str, size: float, bold: bool, family: str) -> float:
    font = _font(bold, size, family)
    points = font.getlength(word) / 10 if font else len(word) * size * FALLBACK_EM_PER_CHAR
    return points / POINTS_PER_INCH


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """Lines `text` breaks into in a frame `width` inches wide; a word too long for a line is broken.

    A line's width is the sum of its words' and spaces' widths, each measured once: a hair wider than the
    kerned line (so it errs on fitting) and fast enough for decks of hundreds of table cells."""
    space = _word_width(" ", size, bold, _family)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words: list[str] = []
        used = 0.0
        for word in paragraph.split():
            needed = _word_width(word, size, bold, _family)
            if words and used + space + needed <= width:
                words.append(word)
                used += space + needed
                continue
            if not words and needed <= width:
                words, used = [word], needed
                continue
            if words:
                lines.append(" ".join(words))
            while needed > width:  # long Dutch compounds, URLs
                cut = max(1, int(len(word) * width / needed) - 1)
                lines.append(word[:cut])
                word = word[cut:]
                needed = _word_width(word, size, bold, _family)
            words, used = [word], needed
        lines.append(" ".join(words))
    return lines


def height(text: str, size: float, width: float, bold: bool = False) -> float:
    """Height in inches that `text` needs in a frame `width` inches wide."""
    return len(wrap(text, size, width, bold)) * size * LINE_SPACING / POINTS_PER_INCH


def fit(
    text: str, size: float, width: float, frame_height: float, bold: bool = False, min_size: float | None = None
) -> tuple[str, float]:
    """(text, size) that fits the frame: shrink down to `min_size`, then shorten at a word boundary."""
    min_size = min_size or size
    current = size
    while current >= min_size:
        if height(text, current, width, bold) <= frame_height:
            return text, current
        current -= 1
    current = min_size
    limit = len(text)
    while limit > 1:
        limit = int(limit * 0.9)
        candidate = shorten(text, limit)
        if height(candidate, current, width, bold) <= frame_height:
            return candidate, current
    return "", current


_PAGE_SUFFIX = re.compile(r" \(\d+(?:[a-z]|\.\d+)?/\d+\)$")


def fit_title(
    text: str, size: float, width: float, frame_height: float, bold: bool = True, min_size: float | None = None
) -> tuple[str, float]:
    """Like `fit`, but a continuation suffix such as ' (2/3)' survives when the title has to be shortened."""
    fitted, current = fit(text, size, width, frame_height, bold, min_size)
    match = _PAGE_SUFFIX.search(text)
    if fitted == text or not match:
        return fitted, current
    base, suffix = text[: match.start()], match.group(0)
    limit = len(base)
    while limit > 1:
        limit = int(limit * 0.9)
        candidate = shorten(base, limit) + suffix
        if height(candidate, current, width, bold) <= frame_height:
            return candidate, current
    return suffix.strip(), current
