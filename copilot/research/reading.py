"""Read a research file's bytes as text, whatever encoding a survey tool or Word saved it in."""

from __future__ import annotations

import codecs
from pathlib import Path

from copilot.errors import ResearchFileError

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, path: Path) -> str:
    """Decode bytes: a BOM wins, then strict UTF-8, then cp1252, then charset detection (e.g. UTF-16 without BOM)."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    if b"\x00" in data[:4096] and not looks_like_utf16(data):
        raise ResearchFileError(path, key="binary")  # NUL bytes are valid UTF-8, but no text holds them
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" not in data[:4096]:
        # Excel and Word on Dutch and English Windows save cp1252; detectors often mistake it for cp1250
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    elif not looks_like_utf16(data):
        raise ResearchFileError(path, key="binary")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ResearchFileError(path, key="encoding")
    return str(best)


def looks_like_utf16(data: bytes) -> bool:
    sample = data[:4096]
    return sample.count(b"\x00") > len(sample) // 4 and (sample[1::2].count(0) > len(sample) // 3)


def read_text(path: Path) -> str:
    """The file's text with normalised newlines, or a ResearchFileError that says what to do."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ResearchFileError(path, key="unreadable", reason=error.strerror) from error
    text = decode(data, path)
    return text.replace("\r\n", "\n").replace("\r", "\n")
