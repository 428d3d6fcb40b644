"""OCR for scanned PDF pages: poppler's `pdftoppm` renders a page, Tesseract reads it in Dutch and English.

Municipalities and public bodies hand over scans all the time. Pages with a text layer keep it; only pages
without one are read this way, one by one, with a progress bar. Both programs are system packages
(`scripts/system-deps.sh ocr` installs tesseract-ocr, tesseract-ocr-nld, tesseract-ocr-eng, jbig2dec and
poppler-utils); without them a scanned PDF is refused with a message saying so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

from copilot.errors import ResearchFileError

DPI = 300  # what Tesseract is trained for; lower loses small print on forms
PAGE_SECONDS = 180  # per page: a page that takes longer is reported, not waited on forever
LANGUAGES = ("nld", "eng")


@cache
def languages() -> str:
    """The Tesseract languages to read with ("nld+eng"), or "" when OCR is not installed."""
    if not (shutil.which("tesseract") and shutil.which("pdftoppm")):
        return ""
    try:
        listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    have = {line.strip() for line in listed.splitlines()[1:]}
    return "+".join(language for language in LANGUAGES if language in have)


def available() -> bool:
    return bool(languages())


def read_pages(path: Path, numbers: list[int]) -> dict[int, str]:
    """The text of the given pages (1-based) of a PDF, read by OCR, with a progress bar per page."""
    if not numbers:
        return {}
    if not available():
        raise ResearchFileError(path, key="ocr_missing")
    from tqdm.auto import tqdm

    texts = {}
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # Tesseract's threads fight over a small machine's cores
    with tempfile.TemporaryDirectory(prefix="cx-ocr-") as tmp:
        bar = tqdm(numbers, desc=f"OCR {path.name}", unit="page", leave=False, disable=None)
        for number in bar:
            image = Path(tmp) / f"page-{number}"
            try:
                subprocess.run(
                    ["pdftoppm", "-r", str(DPI), "-gray", "-png", "-singlefile", "-f", str(number), "-l", str(number)]
                    + [str(path), str(image)],
                    check=True,
                    capture_output=True,
                    timeout=PAGE_SECONDS,
                )
                result = subprocess.run(
                    ["tesseract", str(image.with_suffix(".png")), "stdout", "-l", languages(), "--psm", "3"],
                    check=True,
                    capture_output=True,
                    timeout=PAGE_SECONDS,
                    env=env,
                )
            except subprocess.TimeoutExpired as error:
                raise ResearchFileError(path, key="ocr_failed", page=number, detail="timed out") from error
            except (OSError, subprocess.CalledProcessError) as error:
                detail = (getattr(error, "stderr", b"") or b"").decode("utf-8", "replace").strip().splitlines()
                raise ResearchFileError(
                    path, key="ocr_failed", page=number, detail=(detail or [str(error)])[-1][:200]
                ) from error
            texts[number] = result.stdout.decode("utf-8", "replace")
        bar.close()
    return texts
