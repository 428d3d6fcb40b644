"""Measure text with real font metrics so it fits its frame: wrap it as PowerPoint would, shrink it a little
if needed, and shorten it at a word boundary only when even the smallest readable size is too big.

Arial is measured with Liberation Sans (metric-compatible, what LibreOffice draws Arial with). Without a
font file on the machine a conservative average width is used, so text errs on fitting, not overflowing.
"""

from __future__ import annotations

from functools import cache
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


@cache
def _font_path(bold: bool) -> Path | None:
    for folder in _FONT_DIRS:
        root = Path(folder)
        if not root.is_dir():
            continue
        for name in _FONT_FILES[bold]:
            found = next(root.rglob(name), None)
            if found:
                return found
    return None


@cache
def _font(bold: bool, size: float):
    path = _font_path(bold)
    if path is None:
        return None
    from PIL import ImageFont

    return ImageFont.truetype(str(path), size=int(round(size * 10)))  # 10× for sub-point precision


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of `text` in inches at `size` points."""
    font = _font(bold, size)
    points = font.getlength(text) / 10 if font else len(text) * size * FALLBACK_EM_PER_CHAR
    return points / POINTS_PER_INCH


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """Lines `text` breaks into in a frame `width` inches wide; a word too long for a line is broken."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}".strip()
            if text_width(candidate, size, bold) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while text_width(word, size, bold) > width:  # long Dutch compounds, URLs
                cut = max(1, int(len(word) * width / text_width(word, size, bold)) - 1)
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
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
