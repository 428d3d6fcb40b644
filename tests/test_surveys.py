"""Survey exports in the shapes real tools write them, built in tmp_path: LimeSurvey (one long header row),
Qualtrics (three header rows), SurveyMonkey (two), each with open and closed questions, scores, ids and links."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from copilot.errors import ResearchFileError
from copilot.research.loaders import load_file, open_file
from copilot.research.surveys import shorten

REFERRER = "https://www.gemeente.example.nl/enquete/doorverwijzing?bron=nieuwsbrief-najaar-2026&utm_campaign=kto"
GOOD = [
    "De medewerker aan de telefoon nam echt de tijd om mijn situatie te begrijpen",
    "Ik kreeg binnen twee dagen een duidelijk antwoord op mijn vraag over de vergunning",
    "Het formulier was kort en ik kon het op mijn telefoon invullen zonder inloggen",
    "Vriendelijke hulp bij de balie, ook al was het druk op maandagochtend",
    "De brief legde stap voor stap uit wat ik moest doen en wanneer",
]
BETTER = [
    "De chatbot stuurde me steeds terug naar het begin en ik kreeg geen mens te spreken",
    "Ik moest drie keer bellen voordat iemand wist waar mijn aanvraag lag",
    "De website gebruikt woorden die ik niet begrijp, zoals beschikking en leges",
    "Na het indienen hoorde ik weken niets en de status in Mijn Omgeving klopte niet",
    "Het uploaden van documenten lukte niet op mijn telefoon, alleen op een computer",
]
LONG_GOOD = (
    "Wat ging er goed tijdens uw contact met de gemeente over uw aanvraag, melding of vraag? Denk hierbij aan de "
    "manier waarop u te woord werd gestaan, de snelheid waarmee u antwoord kreeg, de duidelijkheid van de "
    "informatie op de website en in brieven, en of u het gevoel had dat uw situatie werd begrepen door de "
    "medewerker die u hielp. Schrijf zo veel of zo weinig op als u wilt."
)
LONG_BETTER = "Wat kan er volgens u beter? Noem gerust concrete voorbeelden van momenten waarop het misging."
NPS = "Hoe waarschijnlijk is het dat u de dienstverlening van de gemeente aanbeveelt aan vrienden of familie?"


def limesurvey_rows(n: int = 60, seed: int = 1) -> list[list[str]]:
    rng = random.Random(seed)
    header = ["id", "submitdate", "lastpage", "startlanguage", "seed", "refurl", "Via welk kanaal had u contact?"]
    header += [NPS, LONG_GOOD, LONG_BETTER, "Mogen wij u benaderen voor vervolgonderzoek?"]
    rows = [header]
    for number in range(1, n + 1):
        good = f"{rng.choice(GOOD)}, {rng.choice(['echt top', 'dank daarvoor', 'dat waardeer ik', 'fijn'])} ({number})"
        better = f"{rng.choice(BETTER)}; {rng.choice(['graag verbeteren', 'dat kostte veel tijd', 'zonde'])} {number}"
        if number % 7 == 0:
            better = "nvt"
        if number % 11 == 0:
            good = ""
        rows.append(
            [
                str(number),
                f"2026-10-{1 + number % 28:02d} 1{number % 10}:2{number % 6}:00",
                "4",
                "nl",
                str(rng.randint(10**8, 10**9)),
                REFERRER,
                rng.choice(["Telefoon", "Chat", "E-mail", "Balie"]),
                str(number % 11),
                good,
                better,
                rng.choice(["Ja", "Nee"]),
            ]
        )
    return rows


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def test_a_limesurvey_export_gives_quotes_from_every_open_question_and_never_the_referral_link(tmp_path: Path):
    path = write_csv(tmp_path / "kto.csv", limesurvey_rows(), delimiter=";")
    chunks = load_file(path, tmp_path)
    questions = {chunk.metadata["question"] for chunk in chunks}
    assert len(questions) == 2 and all(len(question) <= 80 for question in questions)
    assert {chunk.metadata.get("question_full") for chunk in chunks} == {LONG_GOOD, LONG_BETTER}
    assert not any("http" in chunk.text for chunk in chunks)
    assert not any(chunk.text in ("Telefoon", "Ja", "nvt") for chunk in chunks)
    assert len(chunks) == (60 - 60 // 11) + (60 - 60 // 7)  # empty and "nvt" answers are no quotes
    first = chunks[0]
    assert first.metadata["Via welk kanaal had u contact?"] in {"Telefoon", "Chat", "E-mail", "Balie"}
    assert first.metadata["refurl"] == REFERRER and first.metadata["id"] == "1"
    assert first.location.startswith("row 2, ")


def test_the_recommendation_score_groups_respondents_as_nps_does(tmp_path: Path):
    chunks = load_file(write_csv(tmp_path / "kto.csv", limesurvey_rows()), tmp_path)
    for chunk in chunks:
        score = int(chunk.metadata[shorten(NPS)])
        group = "detractor" if score <= 6 else "passive" if score <= 8 else "promoter"
        assert chunk.metadata["score_group"] == group
        assert -1.0 <= float(chunk.metadata["score_feeling"]) <= 1.0


def test_a_search_can_ask_for_what_detractors_said(tmp_path: Path):
    from copilot.research.ingest import ingest
    from copilot.research.retrieval import Retriever
    from copilot.research.store import ResearchStore

    folder = tmp_path / "research"
    folder.mkdir()
    write_csv(folder / "kto.csv", limesurvey_rows(40))
    store = ResearchStore.open(tmp_path / "store")
    report = ingest(folder, store)
    assert report.counts() == {"added": 1}
    hits = Retriever(store).search("geen mens te spreken", k=6, where={"score_group": "detractor"})
    assert hits and all(hit.chunk.metadata["score_group"] == "detractor" for hit in hits)
    assert any("mens" in hit.chunk.text for hit in hits)


def qualtrics_rows(n: int = 30) -> list[list[str]]:
    codes = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished"]
    codes += ["RecordedDate", "ResponseId", "Q1", "Q2", "Q3", "Q4_TEXT"]
    texts = ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)", "Finished"]
    texts += ["Recorded Date", "Response ID", "How likely are you to recommend us to a friend or colleague?"]
    texts += ["What is the main reason for your score?", "Which channel did you use?", "Anything else? - Text"]
    imports = [f'{{"ImportId":"{code}"}}' for code in codes]
    reasons = [
        "The app showed my new instalment but never explained why it went up",
        "Support solved my meter reading problem in one call, very friendly",
        "I waited forty minutes on hold and then the line was cut off",
        "Moving house was easy to report online and the confirmation came at once",
    ]
    rows = [codes, texts, imports]
    for number in range(1, n + 1):
        rows.append(
            [
                f"2026-09-{number:02d} 10:00:00",
                f"2026-09-{number:02d} 10:04:00",
                "IP Address",
                f"10.0.{number}.1",
                "100",
                str(200 + number),
                "True",
                f"2026-09-{number:02d} 10:04:01",
                f"R_{number:04d}abcdEFGH",
                str(number % 11),
                f"{reasons[number % 4]} (respondent {number})",
                ["Phone", "Chat", "App"][number % 3],
                "" if number % 2 else f"Please keep a person available by phone, case {number}",
            ]
        )
    return rows


def test_a_qualtrics_export_with_three_header_rows_reads_the_question_texts(tmp_path: Path):
    chunks = load_file(write_csv(tmp_path / "qualtrics.csv", qualtrics_rows()), tmp_path)
    assert {chunk.metadata["question"] for chunk in chunks} == {
        "What is the main reason for your score?",
        "Anything else? - Text",
    }
    assert len(chunks) == 30 + 15
    assert not any(chunk.text.startswith('{"ImportId"') or chunk.text == "Response ID" for chunk in chunks)
    first = chunks[0]
    assert first.location == "row 4, What is the main reason for your score?"  # rows 1–3 are the header
    assert first.metadata["Response ID"] == "R_0001abcdEFGH"
    assert first.metadata["Which channel did you use?"] == "Chat"
    assert first.metadata["score_group"] == "detractor"


def surveymonkey_rows(n: int = 25) -> list[list[str]]:
    top = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address"]
    top += ["How satisfied were you with our service?", "Which channels did you use?", "", ""]
    top += ["How easy was it to get your issue solved? (1 = very hard, 5 = very easy)", "Any other comments?"]
    second = ["", "", "", "", "", "Response", "Phone", "Chat", "Email", "Response", "Open-Ended Response"]
    comments = [
        "The letter about my new contract used words I did not understand",
        "Chat was quick, but the agent could not see my earlier e-mails",
        "I would like to call someone in the evening, after work",
    ]
    rows = [top, second]
    for number in range(1, n + 1):
        rows.append(
            [
                str(11400000000 + number),
                "4455667",
                "09/14/2026 10:12:01 AM",
                "09/14/2026 10:15:40 AM",
                f"192.168.1.{number}",
                ["Very satisfied", "Satisfied", "Dissatisfied"][number % 3],
                "Phone" if number % 2 else "",
                "Chat" if number % 3 else "",
                "",
                str(1 + number % 5),
                f"{comments[number % 3]} ({number})",
            ]
        )
    return rows


def test_a_surveymonkey_export_with_two_header_rows_names_option_columns_by_their_option(tmp_path: Path):
    chunks = load_file(write_csv(tmp_path / "monkey.csv", surveymonkey_rows()), tmp_path)
    assert {chunk.metadata["question"] for chunk in chunks} == {"Any other comments?"}
    assert len(chunks) == 25
    first = chunks[0]
    assert first.location == "row 3"
    assert first.metadata["Which channels did you use? — Phone"] == "Phone"
    assert "Which channels did you use? — Email" not in first.metadata  # empty cells are not kept
    assert first.metadata["How satisfied were you with our service?"] == "Satisfied"
    assert first.metadata["score_group"] == "negative"  # 2 on a 1–5 ease scale
    assert not any(chunk.text in ("Response", "Open-Ended Response") for chunk in chunks)


def test_ingest_says_which_columns_it_took_as_open_answers_and_how_to_choose_others(tmp_path: Path):
    path = write_csv(tmp_path / "kto.csv", limesurvey_rows(20))
    loaded = open_file(path, tmp_path)
    [note] = loaded.notes
    assert "kto.csv.columns.yaml" in note.say("en") and "Wat kan er volgens u beter?" in note.say("en")
    assert "open antwoorden gelezen uit" in note.say("nl")


def test_a_sidecar_file_chooses_the_open_columns_without_python(tmp_path: Path):
    path = write_csv(tmp_path / "kto.csv", limesurvey_rows(20))
    (tmp_path / "kto.csv.columns.yaml").write_text(
        "# which columns hold open answers\nopen:\n  - Wat ging er goed\nnot_open:\n  - Wat kan er volgens u beter?\n",
        encoding="utf-8",
    )
    loaded = open_file(path, tmp_path)
    chunks = list(loaded.chunks())
    assert {chunk.metadata["question"] for chunk in chunks} == {shorten(LONG_GOOD)}
    assert chunks[0].metadata[shorten(LONG_BETTER)].startswith("De ")  # now an answer to filter on
    assert loaded.notes == []  # chosen by a person: nothing to explain


def test_a_sidecar_naming_a_column_that_is_not_there_lists_the_columns(tmp_path: Path):
    path = write_csv(tmp_path / "kto.csv", limesurvey_rows(10))
    (tmp_path / "kto.csv.columns.yaml").write_text("open: [Opmerkingen]\n", encoding="utf-8")
    with pytest.raises(ResearchFileError, match=r"kto.csv: there is no column named 'Opmerkingen'.*refurl"):
        load_file(path, tmp_path)
    (tmp_path / "kto.csv.columns.yaml").write_text("open: [a, b\n", encoding="utf-8")
    with pytest.raises(ResearchFileError, match=r"kto.csv.columns.yaml: the column choices could not be read"):
        load_file(path, tmp_path)


def test_a_contact_centre_export_quotes_the_notes_not_the_categories(tmp_path: Path):
    rows = [["case_id", "created", "channel", "category", "agent", "csat", "customer_note"]]
    for number in range(1, 41):
        rows.append(
            [
                f"CAS-{100000 + number}",
                f"2026-11-{1 + number % 28:02d}T09:{number % 60:02d}:00",
                ["phone", "chat", "email"][number % 3],
                ["Billing question", "Move house", "Meter reading"][number % 3],
                ["Anouk", "Bram", "Chantal"][number % 3],
                str(1 + number % 5),
                f"Customer {number} called because the instalment rose and the app gave no reason at all",
            ]
        )
    chunks = load_file(write_csv(tmp_path / "cases.csv", rows), tmp_path)
    assert len(chunks) == 40 and {chunk.metadata["question"] for chunk in chunks} == {"customer_note"}
    assert chunks[0].metadata["category"] == "Move house" and chunks[0].metadata["score_group"] == "negative"


def test_an_excel_export_with_two_header_rows_reads_like_the_csv(tmp_path: Path):
    from openpyxl import Workbook

    workbook = Workbook()
    for row in surveymonkey_rows(12):
        workbook.active.append(row)
    workbook.save(tmp_path / "monkey.xlsx")
    chunks = load_file(tmp_path / "monkey.xlsx", tmp_path)
    assert len(chunks) == 12 and chunks[0].location == "sheet Sheet, row 3"
    assert chunks[0].metadata["Which channels did you use? — Phone"] == "Phone"


def test_the_journey_emotions_read_the_respondents_own_scores(tmp_path: Path):
    from copilot.research.ingest import ingest
    from copilot.research.store import ResearchStore
    from copilot.session import Session
    from copilot.steps.journey import draft_journey

    rows = [["respondent", "Hoe waarschijnlijk is het dat u ons aanbeveelt?", "Toelichting"]]
    for number in range(1, 9):  # plain words about the meter reading; the scores say how it felt
        rows.append(
            [str(number), str(number % 3), f"De meterstand doorgeven ging via de app, stap {number} van het formulier."]
        )
        rows.append(
            [
                str(100 + number),
                str(9 + number % 2),
                f"Verhuisd naar een nieuw huis in Utrecht, verhuizing {number} staat genoteerd.",
            ]
        )
    folder = tmp_path / "research"
    folder.mkdir()
    write_csv(folder / "kto.csv", rows)
    store = ResearchStore.open(tmp_path / "store")
    ingest(folder, store)
    session = Session.create(tmp_path / "s.cxsession", "Test", "nl")
    journey, _ = draft_journey(store, session, ["Meterstand doorgeven", "Verhuizing doorgeven"])
    meter, moving = journey.stages
    assert meter.emotion is not None and meter.emotion < 0
    assert moving.emotion is not None and moving.emotion > 0
