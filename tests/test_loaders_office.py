"""Excel, Word and PDF research files, built for real in tmp_path with the libraries that read them."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from report_fixtures import Page, pdf_bytes

from copilot.errors import ResearchFileError
from copilot.research.loaders import load_file

LONG = "Het termijnbedrag ging omhoog zonder dat iemand mij uitlegde waarom, en de app liet het pas later zien."


def write_xlsx(path: Path) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    answers = workbook.active
    answers.title = "Antwoorden"
    answers.append(["Klanttevredenheid Q3 — export"])  # a title row above the header, as survey tools write
    answers.append(["respondent", "ingevuld", "nps", "segment", "open antwoord"])
    answers.append([1, datetime(2026, 9, 1), 3, "particulier", LONG])
    answers.append([2, datetime(2026, 9, 2, 14, 30), 8.0, "expat", "The chatbot never hands me over to a person."])
    answers.append([3, date(2026, 9, 3), 7.5, "zakelijk", None])  # no answer: no chunk
    codes = workbook.create_sheet("Codes")
    codes.append(["code", "label"])
    codes.append([1, "ja"])
    workbook.save(path)
    return path


def test_an_excel_export_gives_one_chunk_per_answer_from_the_longest_text_column(tmp_path: Path):
    chunks = load_file(write_xlsx(tmp_path / "nps.xlsx"), tmp_path)
    assert [c.text for c in chunks] == [LONG, "The chatbot never hands me over to a person."]
    assert [c.location for c in chunks] == ["sheet Antwoorden, row 3", "sheet Antwoorden, row 4"]
    assert chunks[0].kind == "table" and chunks[0].source == "nps.xlsx"


def test_the_other_excel_columns_become_text_metadata_with_dates_as_iso(tmp_path: Path):
    chunks = load_file(write_xlsx(tmp_path / "nps.xlsx"), tmp_path)
    assert chunks[0].metadata == {
        "respondent": "1",
        "ingevuld": "2026-09-01",
        "nps": "3",
        "segment": "particulier",
        "question": "open antwoord",
    }
    assert chunks[1].metadata["ingevuld"] == "2026-09-02T14:30:00"
    assert chunks[1].metadata["nps"] == "8"


def test_a_named_text_column_is_used_instead_whatever_its_case(tmp_path: Path):
    chunks = load_file(write_xlsx(tmp_path / "nps.xlsx"), tmp_path, text_column="Segment")
    assert [c.text for c in chunks] == ["particulier", "expat", "zakelijk"]
    assert chunks[2].metadata["nps"] == "7.5" and chunks[2].metadata["open antwoord"] == ""


def test_naming_a_column_that_is_not_there_lists_the_columns_that_are(tmp_path: Path):
    with pytest.raises(ResearchFileError, match=r"nps.xlsx: there is no column named 'opmerking'.*open antwoord"):
        load_file(write_xlsx(tmp_path / "nps.xlsx"), tmp_path, text_column="opmerking")


def test_a_text_column_cannot_be_named_for_a_document(tmp_path: Path):
    path = tmp_path / "memo.txt"
    path.write_text("Een memo.\n", encoding="utf-8")
    with pytest.raises(ResearchFileError, match="memo.txt: a text column can only be named for a table"):
        load_file(path, tmp_path, text_column="antwoord")


def test_a_sheet_without_a_header_row_with_two_filled_cells_still_reads_a_single_column(tmp_path: Path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Quotes"
    for row in (["Opmerkingen"], [LONG], [None], ["Niemand belde terug na mijn klacht over de meter."]):
        sheet.append(row)
    workbook.save(tmp_path / "quotes.xlsx")
    chunks = load_file(tmp_path / "quotes.xlsx", tmp_path)
    assert [c.location for c in chunks] == ["sheet Quotes, row 2", "sheet Quotes, row 4"]


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("kapot.xlsx", b"PK\x03\x04 this zip stops here", "damaged or not really a .xlsx file"),
        ("kapot.docx", b"%PDF-1.4 not a word file at all", "damaged or not really a .docx file"),
        ("leeg.xlsx", b"", "the file is empty"),
        ("oud.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old-format Word file"),
        (
            "geheim.xlsx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100) + "EncryptedPackage".encode("utf-16-le") + bytes(100),
            "password-protected",
        ),
    ],
)
def test_a_broken_or_locked_office_file_is_an_error_naming_the_file(tmp_path: Path, name: str, data: bytes, problem):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ResearchFileError, match=problem) as raised:
        load_file(path, tmp_path)
    assert str(raised.value).startswith(f"{name}: ")


def test_a_truncated_workbook_is_an_error_not_half_a_workbook(tmp_path: Path):
    whole = write_xlsx(tmp_path / "whole.xlsx").read_bytes()
    path = tmp_path / "half.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ResearchFileError, match="half.xlsx: "):
        load_file(path, tmp_path)


def test_a_workbook_damaged_inside_its_zip_is_an_error_not_half_a_workbook(tmp_path: Path):
    import zipfile

    path = write_xlsx(tmp_path / "nps.xlsx")
    with zipfile.ZipFile(path) as package:
        sheet = package.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(path.read_bytes())
    start = sheet.header_offset + 30 + len(sheet.filename)  # the member's compressed bytes follow its local header
    data[start + 20 : start + 40] = bytes(20)
    path.write_bytes(bytes(data))
    with pytest.raises(ResearchFileError, match=r"nps.xlsx: could not be read as an Excel workbook"):
        load_file(path, tmp_path)


def test_a_zip_that_is_not_a_workbook_says_it_could_not_be_read_as_one(tmp_path: Path):
    path = tmp_path / "rapport.xlsx"
    path.write_bytes(write_docx(tmp_path / "memo.docx").read_bytes())
    with pytest.raises(ResearchFileError, match=r"rapport.xlsx: could not be read as an Excel workbook.*Excel"):
        load_file(path, tmp_path)


def test_the_lock_file_office_leaves_beside_an_open_document_is_explained(tmp_path: Path):
    path = tmp_path / "~$nps.xlsx"
    path.write_bytes(b"\x05Sanne" + bytes(150))
    with pytest.raises(ResearchFileError, match="lock file Office keeps"):
        load_file(path, tmp_path)


# --- Word -----------------------------------------------------------------------------------------------------


def write_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("Memo klantcontact", 0)
    document.add_paragraph("Het aantal herhaalcontacten over het termijnbedrag steeg met 18 procent.")
    document.add_paragraph("")  # empty paragraphs are spacing, not text
    document.add_heading("Voorstel", 1)
    document.add_paragraph("We stellen voor het plan voor proactief termijnadvies opnieuw te bekijken.")
    table = document.add_table(rows=3, cols=3)
    cells = [["Klant", "Kanaal", "Citaat"], ["A", "chat", LONG], ["B", "", "Te duur."]]
    for row, values in zip(table.rows, cells, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.save(path)
    return path


def test_a_word_document_gives_paragraphs_under_their_heading(tmp_path: Path):
    chunks = [c for c in load_file(write_docx(tmp_path / "memo.docx"), tmp_path) if c.kind == "document"]
    assert [c.text[:20] for c in chunks] == ["Het aantal herhaalco", "We stellen voor het "]
    assert chunks[0].metadata == {
        "title": "Memo klantcontact",
        "section": "Memo klantcontact",
        "context": "Memo klantcontact",
    }
    assert chunks[1].metadata["section"] == "Voorstel"
    assert chunks[1].location == "paragraph 4"


def test_a_word_table_gives_one_chunk_per_row_with_its_column_names(tmp_path: Path):
    rows = [c for c in load_file(write_docx(tmp_path / "memo.docx"), tmp_path) if c.kind == "table"]
    assert [c.text for c in rows] == [f"Klant: A; Kanaal: chat; Citaat: {LONG}", "Klant: B; Citaat: Te duur."]
    assert [c.location for c in rows] == ["table 1, row 2", "table 1, row 3"]
    assert rows[0].metadata == {"section": "Voorstel"}


def test_a_word_transcript_gives_one_chunk_per_turn_even_with_soft_breaks_and_tabs(tmp_path: Path):
    import docx

    document = docx.Document()
    document.add_heading("Interview 12 — slimme meter", 0)
    document.add_paragraph("Sanne de Vries (interviewer):\tHoe ging de installatie?")
    both = document.add_paragraph("Mohamed El Amrani: De monteur kwam twee keer voor niets.")
    both.add_run().add_break()  # Shift+Enter: the next turn in the same paragraph
    both.add_run("Sanne de Vries (interviewer): Wat gebeurde er toen?")
    document.add_heading("Deel 2", 1)  # a heading inside a transcript is not glued onto a turn
    document.add_paragraph("Mohamed El Amrani: Ik heb gebeld en kreeg meteen een nieuwe afspraak.")
    document.save(tmp_path / "interview.docx")

    chunks = load_file(tmp_path / "interview.docx", tmp_path)
    assert [c.speaker for c in chunks] == ["Sanne de Vries", "Mohamed El Amrani", "Sanne de Vries", "Mohamed El Amrani"]
    assert [c.role for c in chunks] == ["interviewer", "", "interviewer", ""]
    assert chunks[0].text == "Hoe ging de installatie?"
    assert chunks[3].text == "Ik heb gebeld en kreeg meteen een nieuwe afspraak."
    assert chunks[3].location == "turn 4" and chunks[3].metadata["title"] == "Interview 12 — slimme meter"


def test_a_truncated_word_document_is_an_error_naming_the_file(tmp_path: Path):
    whole = write_docx(tmp_path / "whole.docx").read_bytes()
    path = tmp_path / "half.docx"
    path.write_bytes(whole[: len(whole) - 200])
    with pytest.raises(ResearchFileError, match="half.docx: "):
        load_file(path, tmp_path)


# --- PDF ------------------------------------------------------------------------------------------------------


def minimal_pdf(pages: list[list[str]]) -> bytes:
    """A valid US-letter PDF with one Helvetica line per string (an empty string leaves a line's space blank),
    so the test needs neither LibreOffice nor a PDF-writing library."""
    return pdf_bytes(
        [
            Page((612, 792), [(72, 750 - 14 * number, 10, line) for number, line in enumerate(lines) if line])
            for lines in pages
        ]
    )


REPORT = [
    [
        "Onderzoek klantcontact",
        "Klanten die over hun termijnbedrag bellen, willen vooral weten waarom het bedrag omhoog",
        "ging. De app legt dat niet uit, en de brief komt pas weken na de wijziging van het bedrag",
        "aan.",
        "Medewerkers zeggen dat zij de uitleg zelf uit drie systemen halen.",
        "Vertrouwelijk - pagina 1",
    ],
    [
        "Aanbevelingen",
        "Leg de verhoging uit in de app, op het moment dat het bedrag wijzigt, en stuur de klant",
        "een bericht.",
        '"Ik wil gewoon een mens spreken."',  # a short quote is text, not a heading
        "Vertrouwelijk - pagina 2",
    ],
    ["Bijlage", "De verhuis-", "service kreeg het hoogste cijfer van alle processen.", "Vertrouwelijk - pagina 3"],
]


def test_a_pdf_gives_paragraphs_cited_by_page_under_their_heading(tmp_path: Path):
    path = tmp_path / "rapport.pdf"
    path.write_bytes(minimal_pdf(REPORT))
    chunks = load_file(path, tmp_path)
    assert [c.text for c in chunks] == [
        "Klanten die over hun termijnbedrag bellen, willen vooral weten waarom het bedrag omhoog ging. De app legt "
        "dat niet uit, en de brief komt pas weken na de wijziging van het bedrag aan.",
        "Medewerkers zeggen dat zij de uitleg zelf uit drie systemen halen.",
        "Leg de verhoging uit in de app, op het moment dat het bedrag wijzigt, en stuur de klant een bericht.",
        '"Ik wil gewoon een mens spreken."',
        "De verhuisservice kreeg het hoogste cijfer van alle processen.",
    ]
    assert [c.location for c in chunks] == ["page 1", "page 1", "page 2", "page 2", "page 3"]
    sections = ["Onderzoek klantcontact"] * 2 + ["Aanbevelingen"] * 2 + ["Bijlage"]
    assert [c.metadata["section"] for c in chunks] == sections
    assert {c.kind for c in chunks} == {"document"}


def test_a_scanned_pdf_without_a_text_layer_asks_for_ocr(tmp_path: Path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(minimal_pdf([[], []]))
    with pytest.raises(ResearchFileError, match=r"scan.pdf: this PDF has no text layer \(scanned\?\)"):
        load_file(path, tmp_path)


def test_a_password_protected_pdf_is_an_error_but_an_edit_lock_alone_is_not(tmp_path: Path):
    from pypdf import PdfReader, PdfWriter

    (tmp_path / "open.pdf").write_bytes(minimal_pdf(REPORT))
    for name, user_password in (("geheim.pdf", "geheim"), ("alleen-lezen.pdf", "")):
        writer = PdfWriter(clone_from=PdfReader(tmp_path / "open.pdf"))
        writer.encrypt(user_password=user_password, owner_password="eigenaar", algorithm="RC4-128")
        writer.write(tmp_path / name)
    with pytest.raises(ResearchFileError, match="geheim.pdf: the PDF is password-protected"):
        load_file(tmp_path / "geheim.pdf", tmp_path)
    assert len(load_file(tmp_path / "alleen-lezen.pdf", tmp_path)) == 5


@pytest.mark.parametrize("data", [b"%PDF-1.4\n1 0 obj << /Type /Catal", b"Dit is geen PDF maar tekst.\n", b""])
def test_a_damaged_pdf_is_an_error_naming_the_file(tmp_path: Path, data: bytes):
    path = tmp_path / "kapot.pdf"
    path.write_bytes(data)
    with pytest.raises(ResearchFileError, match="kapot.pdf: "):
        load_file(path, tmp_path)


def test_a_folder_of_office_files_is_ingested_and_a_broken_one_is_reported_by_name(tmp_path: Path):
    from copilot.research.ingest import ingest
    from copilot.research.store import ResearchStore

    folder = tmp_path / "research"
    folder.mkdir()
    write_xlsx(folder / "nps.xlsx")
    write_docx(folder / "memo.docx")
    (folder / "rapport.pdf").write_bytes(minimal_pdf(REPORT))
    (folder / "kapot.docx").write_bytes(b"PK\x03\x04 broken")
    report = ingest(folder, ResearchStore.open(tmp_path / "store"))
    assert {f.source: f.status for f in report.files} == {
        "nps.xlsx": "added",
        "memo.docx": "added",
        "rapport.pdf": "added",
        "kapot.docx": "failed",
    }
    assert report.embedded == 2 + 4 + 5
    assert report.failed[0].error.startswith("kapot.docx: the file is damaged")
