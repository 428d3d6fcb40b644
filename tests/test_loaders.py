from pathlib import Path

import pytest

from copilot.errors import ResearchFileError
from copilot.research.loaders import load_file, text_column


def test_a_transcript_gives_one_chunk_per_turn_with_speaker_and_role(small_research: Path):
    chunks = load_file(small_research / "interviews" / "a_nl.txt", small_research)
    assert [c.speaker for c in chunks] == ["Sanne de Vries", "Mohamed El Amrani", "Sanne de Vries", "Mohamed El Amrani"]
    assert [c.role for c in chunks] == ["interviewer", "", "interviewer", ""]
    assert chunks[1].location == "turn 2"
    assert chunks[1].source == "interviews/a_nl.txt"
    assert chunks[1].metadata["title"] == "Interview A — verhuizing"
    assert not chunks[0].is_evidence and chunks[1].is_evidence


def test_a_survey_export_gives_one_chunk_per_answer_with_other_columns_as_metadata(small_research: Path):
    chunks = load_file(small_research / "survey.csv", small_research)
    assert len(chunks) == 5
    assert chunks[0].text.startswith("Het termijnbedrag")
    assert chunks[0].metadata == {"respondent_id": "1", "segment": "particulier", "nps": "3"}
    assert chunks[0].location == "row 2"


def test_semicolon_separated_exports_from_dutch_excel_are_read(tmp_path: Path):
    path = tmp_path / "export.csv"
    path.write_text("id;antwoord\n1;De app werkt prima maar de factuur is onduidelijk\n", encoding="cp1252")
    chunks = load_file(path, tmp_path)
    assert chunks[0].text == "De app werkt prima maar de factuur is onduidelijk"


def test_the_text_column_is_the_one_with_the_longest_answers():
    rows = [{"id": "1", "score": "8", "comment": "Heel tevreden over de hulp aan de telefoon"}] * 3
    assert text_column(rows) == "comment"


def test_a_memo_gives_paragraphs_under_their_heading(small_research: Path):
    chunks = load_file(small_research / "memo.md", small_research)
    assert len(chunks) == 2
    assert chunks[0].kind == "document"
    assert chunks[0].metadata["section"] == "Memo klantcontact"


def test_chunk_ids_are_stable_and_repeated_text_stays_distinct(tmp_path: Path):
    path = tmp_path / "t.txt"
    path.write_text("Ja, dat klopt helemaal zo.\n\nIets anders.\n\nJa, dat klopt helemaal zo.\n", encoding="utf-8")
    first, second = load_file(path, tmp_path), load_file(path, tmp_path)
    assert [c.id for c in first] == [c.id for c in second]
    assert len({c.id for c in first}) == 3


def test_an_unsupported_file_type_says_which_types_work(tmp_path: Path):
    path = tmp_path / "deck.key"
    path.write_bytes(b"x")
    with pytest.raises(ResearchFileError, match=r"deck.key: files of type .key are not supported yet.*\.csv"):
        load_file(path, tmp_path)


def test_an_empty_file_is_an_error_not_an_empty_result(tmp_path: Path):
    path = tmp_path / "leeg.txt"
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(ResearchFileError, match="leeg.txt: no text found"):
        load_file(path, tmp_path)
