"""Bad research files, one per case, each ingested beside a good file into a real store: every case is reported
by name with a clear message (or read correctly), nothing outside the folder is read, and the good file always
goes in. The cases are listed in tests/data/bad_input_ingest/README.md; binary ones are generated here."""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "bad_input_ingest"
GOOD = "De medewerker aan de telefoon nam de tijd en regelde mijn verhuizing in vijf minuten."


def _copy(name: str, *extra: str) -> Callable[[Path], str]:
    def build(folder: Path) -> str:
        for each in (name, *extra):
            shutil.copy(DATA / each, folder / each)
        return name

    return build


def _symlink_to_passwd(folder: Path) -> str:
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    return "passwd.txt"


def _symlinked_folder_outside(folder: Path) -> str:
    (folder / "etc").symlink_to("/etc", target_is_directory=True)
    return "etc"


def _zip_bomb(suffix: str) -> Callable[[Path], str]:
    def build(folder: Path) -> str:
        path = folder / f"bomb{suffix}"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
            package.writestr("[Content_Types].xml", "<Types/>")
            member = "xl/worksheets/sheet1.xml" if suffix == ".xlsx" else "word/document.xml"
            package.writestr(member, b" " * 80_000_000)  # 80 MB of nothing packs to ~80 KB
        return path.name

    return build


def _latin1_name(folder: Path) -> str:
    with open(os.fsencode(folder) + b"/enqu\xeate.txt", "wb") as file:
        file.write(b"Ik wilde gewoon een mens spreken over mijn termijnbedrag.\n")
    return "enquête.txt"


def _huge_cell(folder: Path) -> str:
    cell = ("Het termijnbedrag ging omhoog en niemand legde uit waarom " * 3000).strip()  # ~170 KB
    (folder / "huge_cell.csv").write_text(f'id,opmerking\n1,"{cell}"\n2,Kort antwoord over de app\n', encoding="utf-8")
    return "huge_cell.csv"


def _nul_bytes(folder: Path) -> str:
    (folder / "nul_bytes.txt").write_bytes(b"\x00\x01\x02binary\x00" * 500)
    return "nul_bytes.txt"


def _utf16_without_bom(folder: Path) -> str:
    text = "id\topmerking\n1\tDe bevestiging kwam pas na twee weken binnen\n"
    (folder / "utf16.csv").write_bytes(text.encode("utf-16-le"))
    return "utf16.csv"


def _cp1252(folder: Path) -> str:
    text = "id;opmerking\n1;De café-medewerker was ‘heel’ vriendelijk – echt waar\n"
    (folder / "cp1252.csv").write_bytes(text.encode("cp1252"))
    return "cp1252.csv"


def _truncated_xlsx(folder: Path) -> str:
    from openpyxl import Workbook

    buffer = io.BytesIO()
    workbook = Workbook()
    workbook.active.append(["id", "opmerking"])
    workbook.save(buffer)
    (folder / "truncated.xlsx").write_bytes(buffer.getvalue()[:900])
    return "truncated.xlsx"


def _truncated_pdf(folder: Path) -> str:
    (folder / "truncated.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catal")
    return "truncated.pdf"


def _random_docx(folder: Path) -> str:
    (folder / "random.docx").write_bytes(os.urandom(4096))
    return "random.docx"


def _encrypted_xlsx(folder: Path) -> str:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "EncryptedPackage".encode("utf-16-le")
    (folder / "encrypted.xlsx").write_bytes(ole + b"\x00" * 500)
    return "encrypted.xlsx"


def _unsupported(folder: Path) -> str:
    (folder / "presentatie.key").write_bytes(b"PK\x03\x04 keynote")
    return "presentatie.key"


def _broken_link(folder: Path) -> str:
    (folder / "weg.txt").symlink_to(folder / "bestaat-niet.txt")
    return "weg.txt"


# name → (build the case in the folder, expected status, a fragment of the message or None)
CASES: dict[str, tuple[Callable[[Path], str], str, str | None]] = {
    "symlink to /etc/passwd": (_symlink_to_passwd, "skipped", "outside the research folder"),
    "symlinked folder outside": (_symlinked_folder_outside, "skipped", "outside the research folder"),
    "broken symlink": (_broken_link, "skipped", "outside the research folder"),
    "zip bomb .xlsx": (_zip_bomb(".xlsx"), "failed", "would unpack to 80 MB"),
    "zip bomb .docx": (_zip_bomb(".docx"), "failed", "would unpack to 80 MB"),
    "Latin-1 file name": (_latin1_name, "added", None),
    "CSV cell over 128 KB": (_huge_cell, "added", None),
    "NUL bytes in a .txt": (_nul_bytes, "failed", "binary file"),
    "UTF-16 CSV without BOM": (_utf16_without_bom, "added", None),
    "Windows-1252 CSV": (_cp1252, "added", None),
    "truncated .xlsx": (_truncated_xlsx, "failed", "nicht"),
    "truncated .pdf": (_truncated_pdf, "failed", "could not be read as a PDF"),
    "random bytes .docx": (_random_docx, "failed", "damaged or not really a .docx"),
    "password-protected .xlsx": (_encrypted_xlsx, "failed", "password-protected"),
    "unsupported type": (_unsupported, "skipped", "files of type .key are not supported"),
    "empty .csv": (_copy("empty.csv"), "failed", "the table has no rows"),
    "header-only .csv": (_copy("header_only.csv"), "failed", "the table has no rows"),
    "numbers only .csv": (_copy("only_numbers.csv"), "failed", "only_numbers.csv.columns.yaml"),
    "unclosed quote .csv": (_copy("unclosed_quote.csv"), "added", None),
    "ragged rows .csv": (_copy("ragged_rows.csv"), "added", None),
    "questions without answers": (_copy("only_questions.md"), "added", None),
    "malformed .vtt": (_copy("broken.vtt"), "failed", "subtitles could not be read"),
    "malformed .srt": (_copy("broken.srt"), "failed", "could not be read"),
    "text with a .pdf name": (_copy("not_really.pdf"), "failed", "the file is not a PDF"),
    "broken column sidecar": (_copy("bad_sidecar.csv", "bad_sidecar.csv.columns.yaml"), "failed", "column choices"),
    "control characters": (_copy("control_chars.txt"), "added", None),
}
CASES["truncated .xlsx"] = (_truncated_xlsx, "failed", "truncated.xlsx: ")


@pytest.fixture(scope="module")
def embedder():
    from copilot.research.embeddings import default_embedder

    return default_embedder()


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_bad_file_is_reported_by_name_and_the_good_file_still_goes_in(tmp_path: Path, embedder, case: str):
    from copilot.research.ingest import ingest
    from copilot.research.store import ResearchStore

    build, status, fragment = CASES[case]
    folder = tmp_path / "research"
    folder.mkdir()
    (folder / "goed.txt").write_text(GOOD, encoding="utf-8")
    name = build(folder)
    store = ResearchStore.open(tmp_path / "store", embedder=embedder)
    report = ingest(folder, store)
    results = {result.source: result for result in report.files}
    assert results["goed.txt"].status == "added"
    assert results[name].status == status, results[name]
    if fragment:
        assert results[name].error.split(":")[0].startswith(name) and fragment in results[name].error
        assert results[name].problem("nl").split(":")[0].startswith(name)
    texts = [chunk.text for chunk in store.chunks()]
    assert not any("root:x:0:0" in text for text in texts)  # nothing from outside the folder
    if status == "added":
        assert any(chunk.source == name for chunk in store.chunks())


def test_every_case_file_on_disk_is_listed_in_the_readme():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for path in DATA.iterdir():
        if path.name != "README.md":
            assert f"`{path.name}`" in readme, path.name
