"""Scanned PDFs: a real PDF rendered to an image (as a scanner would hand it over) and read back by Tesseract."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from test_loaders_office import minimal_pdf

from copilot.research import ocr
from copilot.research.loaders import load_file

needs_ocr = pytest.mark.skipif(not ocr.available(), reason="Tesseract (nld, eng) and pdftoppm are not installed")
SCANNED = [
    "Gemeente Voorbeeld - aanvraagformulier",
    "De bewoner schreef dat de wachttijd voor een afspraak veel te lang was.",
    "Ook begreep zij niet welke documenten zij moest meesturen.",
]
TYPED = ["Rapport klantcontact", "Klanten bellen vaak terug over hun termijnbedrag en willen een uitleg."]


def scan(pdf: Path, out: Path) -> Path:
    """Render every page to a greyscale image and put the images in a PDF without any text layer."""
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(pdf), str(out.with_suffix(""))], check=True)
    images = [Image.open(png).convert("L") for png in sorted(out.parent.glob(out.stem + "-*.png"))]
    images[0].save(out, save_all=True, append_images=images[1:], resolution=200)
    return out


@needs_ocr
def test_a_scanned_pdf_is_read_by_ocr_page_by_page(tmp_path: Path):
    typed = tmp_path / "typed.pdf"
    typed.write_bytes(minimal_pdf([SCANNED]))
    scanned = scan(typed, tmp_path / "scan.pdf")
    from pypdf import PdfReader

    assert not PdfReader(scanned).pages[0].extract_text().strip()  # really no text layer
    text = " ".join(chunk.text for chunk in load_file(scanned, tmp_path))
    assert "wachttijd voor een afspraak" in text and "documenten" in text
    assert load_file(scanned, tmp_path)[0].location == "page 1"


@needs_ocr
def test_pages_with_a_text_layer_keep_it_and_only_scanned_pages_are_read_by_ocr(tmp_path: Path):
    from pypdf import PdfReader, PdfWriter

    (tmp_path / "typed.pdf").write_bytes(minimal_pdf([TYPED]))
    (tmp_path / "form.pdf").write_bytes(minimal_pdf([SCANNED]))
    scanned = scan(tmp_path / "form.pdf", tmp_path / "form-scan.pdf")
    writer = PdfWriter()
    writer.add_page(PdfReader(tmp_path / "typed.pdf").pages[0])
    writer.add_page(PdfReader(scanned).pages[0])
    writer.write(tmp_path / "mixed.pdf")
    chunks = load_file(tmp_path / "mixed.pdf", tmp_path)
    assert chunks[0].text == TYPED[1] and chunks[0].location == "page 1"  # exactly the text layer
    assert any("wachttijd" in chunk.text and chunk.location == "page 2" for chunk in chunks)


def test_without_ocr_installed_a_scan_is_refused_saying_how_to_install_it(tmp_path: Path, monkeypatch):
    from copilot.errors import ResearchFileError

    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is needed to make the scan")
    (tmp_path / "form.pdf").write_bytes(minimal_pdf([SCANNED]))
    scanned = scan(tmp_path / "form.pdf", tmp_path / "scan.pdf")
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))  # as on a machine without Tesseract
    ocr.languages.cache_clear()
    try:
        with pytest.raises(ResearchFileError, match=r"scan.pdf: .*OCR is not installed.*tesseract-ocr-nld") as caught:
            load_file(scanned, tmp_path)
    finally:
        ocr.languages.cache_clear()
    assert "OCR is niet geïnstalleerd" in caught.value.say("nl")
