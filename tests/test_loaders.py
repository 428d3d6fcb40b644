from pathlib import Path

import pytest

from copilot.errors import ResearchFileError
from copilot.research.loaders import load_file
from copilot.research.surveys import text_column


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
    assert chunks[0].metadata == {
        "respondent_id": "1",
        "segment": "particulier",
        "nps": "3",
        "question": "open_answer",
        "score_group": "detractor",
        "score_feeling": "-0.40",
        "score_question": "nps",
    }
    assert chunks[0].location == "row 2"


def test_semicolon_separated_exports_from_dutch_excel_are_read(tmp_path: Path):
    path = tmp_path / "export.csv"
    path.write_text("id;antwoord\n1;De app werkt prima maar de factuur is onduidelijk\n", encoding="cp1252")
    chunks = load_file(path, tmp_path)
    assert chunks[0].text == "De app werkt prima maar de factuur is onduidelijk"


def test_the_text_column_holds_open_answers_not_the_longest_repeated_value():
    link = "https://www.example.org/enquete/doorverwijzing?bron=nieuwsbrief-najaar-2026&utm_campaign=klanttevredenheid"
    rows = [
        {"id": str(n), "referrer": link, "comment": text}
        for n, text in enumerate(["Heel tevreden over de hulp aan de telefoon", "De app liep vast bij het inloggen"])
    ]
    assert text_column(rows) == "comment"


def test_a_memo_gives_paragraphs_under_their_heading(small_research: Path):
    chunks = load_file(small_research / "memo.md", small_research)
    assert len(chunks) == 2
    assert chunks[0].kind == "document"
    assert chunks[0].metadata["section"] == "Memo klantcontact"


def test_chunk_ids_are_stable_and_repeated_text_stays_distinct(tmp_path: Path):
    path = tmp_path / "t.txt"
    path.write_text(
        "Anna: Ja, dat klopt helemaal zo.\nBob: Iets anders.\nAnna: Ja, dat klopt helemaal zo.\n", encoding="utf-8"
    )
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


def test_a_survey_export_can_name_its_text_column(small_research: Path):
    chunks = load_file(small_research / "survey.csv", small_research, text_column="segment")
    assert [c.text for c in chunks] == ["particulier", "particulier", "expat", "zakelijk", "particulier"]
    assert chunks[0].metadata["open_answer"].startswith("Het termijnbedrag")


def test_naming_a_csv_column_that_is_not_there_lists_the_columns(small_research: Path):
    with pytest.raises(ResearchFileError, match="survey.csv: there is no column named 'answer'.*open_answer"):
        load_file(small_research / "survey.csv", small_research, text_column="answer")


def test_a_heading_inside_a_transcript_is_not_glued_onto_the_turn_before(tmp_path: Path):
    path = tmp_path / "t.md"
    path.write_text(
        "# Interview\n\nSanne: Hoe ging het?\n\n## Deel 2\n\nMo: Slecht, eerlijk gezegd.\n", encoding="utf-8"
    )
    assert [c.text for c in load_file(path, tmp_path)] == ["Hoe ging het?", "Slecht, eerlijk gezegd."]


def test_a_transcript_whose_turns_wrap_over_lines_is_read_as_turns_not_as_a_document(tmp_path: Path):
    """Transcripts exported at a fixed width wrap each turn: half the lines start with no speaker."""
    path = tmp_path / "bewoner.txt"
    path.write_text(
        "Interviewer: Hoe ging het ophalen van het grofvuil? U had\nhet toch gemeld?\n\n"
        "Bewoner: Drie weken gewacht. Waarom krijg ik geen sms als de vuilniswagen later\nkomt? Dan zet ik het "
        "niet voor niks buiten.\n",
        encoding="utf-8",
    )
    chunks = load_file(path, tmp_path)
    assert [(c.kind, c.speaker, c.role) for c in chunks] == [
        ("transcript", "Interviewer", "interviewer"),
        ("transcript", "Bewoner", ""),
    ]
    assert chunks[1].text == (
        "Drie weken gewacht. Waarom krijg ik geen sms als de vuilniswagen later komt? Dan zet ik het niet voor niks "
        "buiten."
    )


# --- subtitles ------------------------------------------------------------------------------------------------

TEAMS_VTT = """WEBVTT

1
00:01:23.450 --> 00:01:26.000
<v Sanne de Vries (interviewer)>Hoe ging de verhuizing?</v>

2
00:01:26.500 --> 00:01:30.000
<v Mohamed El Amrani>De chatbot snapte niet
dat ik ging verhuizen,</v>

3
00:01:30.000 --> 00:01:33.250
<v Mohamed El Amrani>dus ik heb <b>gebeld</b>.</v>

4
00:01:34.000 --> 00:01:35.000
<v Sanne de Vries (interviewer)>En toen?</v>
"""


def test_vtt_cues_of_one_voice_merge_into_a_turn_cited_by_its_start_time(tmp_path: Path):
    path = tmp_path / "interview.vtt"
    path.write_text(TEAMS_VTT, encoding="utf-8")
    chunks = load_file(path, tmp_path)
    assert [c.text for c in chunks] == [
        "Hoe ging de verhuizing?",
        "De chatbot snapte niet dat ik ging verhuizen, dus ik heb gebeld.",
        "En toen?",
    ]
    assert [c.location for c in chunks] == ["00:01:23", "00:01:26", "00:01:34"]
    assert [(c.speaker, c.role) for c in chunks] == [
        ("Sanne de Vries", "interviewer"),
        ("Mohamed El Amrani", ""),
        ("Sanne de Vries", "interviewer"),
    ]
    assert chunks[1].metadata == {"start": "00:01:26", "end": "00:01:33"}
    assert chunks[1].kind == "transcript" and chunks[1].is_evidence and not chunks[0].is_evidence


ZOOM_SRT = """1
00:00:01,000 --> 00:00:03,000
Claire Jansen: What happened with your instalment?

2
00:00:03,500 --> 00:00:06,000
Tom Baker: It went up by forty euros

3
00:00:06,000 --> 00:00:08,000
and nobody explained why.

4
00:00:09,000 --> 00:00:11,000
Claire Jansen: Let op: that is a lot.

5
01:02:03,000 --> 01:02:05,000
Tom Baker: It is.
"""


def test_srt_name_prefixes_become_speakers_and_unlabelled_cues_continue_the_turn(tmp_path: Path):
    path = tmp_path / "zoom.srt"
    path.write_text(ZOOM_SRT, encoding="utf-8")
    chunks = load_file(path, tmp_path)
    assert [(c.speaker, c.text) for c in chunks] == [
        ("Claire Jansen", "What happened with your instalment?"),
        ("Tom Baker", "It went up by forty euros and nobody explained why."),
        ("Claire Jansen", "Let op: that is a lot."),
        ("Tom Baker", "It is."),
    ]
    assert [c.location for c in chunks] == ["00:00:01", "00:00:03", "00:00:09", "01:02:03"]


def test_subtitles_without_speakers_merge_into_passages_of_a_few_sentences(tmp_path: Path):
    sentences = [f"Zin nummer {n} gaat over de factuur." for n in range(1, 8)]
    cues = [(sentences[0] + " " + sentences[1]), "Let op: dit is", "zin drie.", *sentences[3:]]
    blocks = [f"{n}\n00:00:{n:02d},000 --> 00:00:{n + 1:02d},000\n{text}\n" for n, text in enumerate(cues, start=1)]
    path = tmp_path / "opname.srt"
    path.write_text("\n".join(blocks), encoding="utf-8")
    chunks = load_file(path, tmp_path)
    assert [c.text for c in chunks] == [
        f"{sentences[0]} {sentences[1]} Let op: dit is zin drie.",
        " ".join(sentences[3:6]),
        sentences[6],
    ]
    assert [c.location for c in chunks] == ["00:00:01", "00:00:04", "00:00:07"]
    assert {c.speaker for c in chunks} == {""}


def test_a_malformed_srt_block_is_an_error_saying_where(tmp_path: Path):
    path = tmp_path / "kapot.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\nHallo.\n\n2\n00:00:03 -> 4\nKapot.\n", encoding="utf-8")
    with pytest.raises(ResearchFileError, match="kapot.srt: the subtitle block at line 5 could not be read"):
        load_file(path, tmp_path)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("00:00:01.000 --> 00:00:02.000\nGeen kop.\n", "is not a valid WebVTT file"),
        ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nGoed.\n\n00:00:0x --> 00:00:04.000\nKapot.\n", "1 of 2 subtitles"),
    ],
)
def test_a_malformed_vtt_file_is_an_error_not_half_a_transcript(tmp_path: Path, text: str, problem: str):
    path = tmp_path / "kapot.vtt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ResearchFileError, match=f"kapot.vtt: {problem}"):
        load_file(path, tmp_path)
