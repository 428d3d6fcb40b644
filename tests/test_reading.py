from pathlib import Path

import pytest

from copilot.errors import ResearchFileError
from copilot.research.reading import read_text

TEXT = "Klant: ‘Ik betaal € 120 per maand’ — één vraag, café, naïef.\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_research_text_is_read_whatever_encoding_it_was_saved_in(tmp_path: Path, encoding: str):
    path = tmp_path / f"answer-{encoding}.txt"
    path.write_bytes(TEXT.encode(encoding))
    assert read_text(path) == TEXT


def test_windows_line_endings_become_plain_newlines(tmp_path: Path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"regel een\r\nregel twee\r\n")
    assert read_text(path) == "regel een\nregel twee\n"


def test_a_binary_file_gets_an_error_naming_the_file_and_what_to_do(tmp_path: Path):
    path = tmp_path / "export.txt"
    path.write_bytes(b"PK\x03\x04\x00\x00\x00\x00" + bytes(range(256)) * 4)
    with pytest.raises(ResearchFileError) as raised:
        read_text(path)
    assert "export.txt" in str(raised.value)
    assert "binary" in str(raised.value) or "encoding" in str(raised.value)


def test_an_unreadable_path_gets_an_error_naming_the_file(tmp_path: Path):
    path = tmp_path / "folder.txt"
    path.mkdir()
    with pytest.raises(ResearchFileError, match="folder.txt: cannot be read"):
        read_text(path)
