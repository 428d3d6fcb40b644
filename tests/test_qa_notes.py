"""Interview notes as researchers write them, in Dutch and English: answers are quotes, questions are context."""

from __future__ import annotations

from pathlib import Path

import pytest

from copilot.research.loaders import load_file

DASH_STAR_NL = """# Interview 4 — huurtoeslag

- Hoe heeft u de aanvraag gedaan?
* Via de website, maar ik moest drie keer opnieuw beginnen omdat de sessie verliep.
* Uiteindelijk heeft mijn dochter het voor me ingevuld.

- Wat vond u van de brief die u daarna kreeg?
* Die begreep ik niet. Er stond een bedrag in maar niet waarvoor.
"""

VRAAG_ANTWOORD_NL = """Vraag: Hoe vaak neemt u contact op met de gemeente?
Antwoord: Een paar keer per jaar, meestal over afval of parkeren.

Vraag: Wat ging er de laatste keer mis?
Antwoord: Ik kreeg geen bevestiging van mijn melding,
dus ik wist niet of die was aangekomen.
"""

QA_EN = """# Notes — participant 7

Q: How did you report the broken streetlight?
A: I used the app, it took a minute, but I never heard back.

Q: Would you rather call?
A: Only if someone actually picks up. Last time I waited half an hour.
"""

IR_EN = """I: What did you expect after sending the form?
R: An e-mail saying it arrived, and roughly when I would hear something.
I: And what happened?
R: Nothing for three weeks, then a letter asking for documents I had already uploaded.
"""

BOLD_NL = """## Deelnemer 2

**Hoe vond u het om in te loggen met DigiD?**
Lastig. De app vroeg om een code die ik niet had.

**Wat zou u helpen?**
Een telefoonnummer waar een mens opneemt.
"""

PLAIN_EN = """What made you contact us?
My instalment went up by forty euros without any explanation.

Did the chatbot help?
No, it kept sending me links to the FAQ.

What would you have wanted instead?
Someone to tell me why, in plain words.
"""

CASES = {
    "dash_star_nl.md": (
        DASH_STAR_NL,
        [
            ("Hoe heeft u de aanvraag gedaan?", "Via de website, maar ik moest drie keer opnieuw beginnen"),
            ("Hoe heeft u de aanvraag gedaan?", "Uiteindelijk heeft mijn dochter het voor me ingevuld."),
            ("Wat vond u van de brief die u daarna kreeg?", "Die begreep ik niet."),
        ],
    ),
    "vraag_antwoord_nl.txt": (
        VRAAG_ANTWOORD_NL,
        [
            ("Hoe vaak neemt u contact op met de gemeente?", "Een paar keer per jaar"),
            ("Wat ging er de laatste keer mis?", "Ik kreeg geen bevestiging van mijn melding, dus ik wist niet"),
        ],
    ),
    "qa_en.md": (
        QA_EN,
        [
            ("How did you report the broken streetlight?", "I used the app"),
            ("Would you rather call?", "Only if someone actually picks up."),
        ],
    ),
    "ir_en.txt": (
        IR_EN,
        [
            ("What did you expect after sending the form?", "An e-mail saying it arrived"),
            ("And what happened?", "Nothing for three weeks"),
        ],
    ),
    "bold_nl.md": (
        BOLD_NL,
        [
            ("Hoe vond u het om in te loggen met DigiD?", "Lastig."),
            ("Wat zou u helpen?", "Een telefoonnummer waar een mens opneemt."),
        ],
    ),
    "plain_en.txt": (
        PLAIN_EN,
        [
            ("What made you contact us?", "My instalment went up"),
            ("Did the chatbot help?", "No, it kept sending me links"),
            ("What would you have wanted instead?", "Someone to tell me why"),
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_answer_is_a_quote_with_its_question_and_no_question_is_a_quote(tmp_path: Path, name: str):
    text, expected = CASES[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    chunks = load_file(path, tmp_path)
    assert [(c.metadata["question"], c.text[: len(start)]) for c, (_, start) in zip(chunks, expected, strict=True)] == [
        (question, start) for question, start in expected
    ]
    assert all(c.is_evidence and c.kind == "transcript" for c in chunks)
    assert not any(c.text.rstrip().endswith("?") for c in chunks)


def test_the_title_and_section_of_the_notes_travel_with_each_answer(tmp_path: Path):
    path = tmp_path / "notes.md"
    path.write_text(DASH_STAR_NL + "\n## Afsluiting\n\n- Nog iets?\n* Nee, dank u.\n* Wel: de balie was fijn.\n")
    chunks = load_file(path, tmp_path)
    assert chunks[0].metadata["title"] == "Interview 4 — huurtoeslag"
    assert chunks[-1].metadata["section"] == "Afsluiting" and chunks[-1].text == "Wel: de balie was fijn."


def test_speaker_labelled_transcripts_and_bulleted_reports_are_left_as_they_were(tmp_path: Path, small_research):
    chunks = load_file(small_research / "interviews" / "a_nl.txt", small_research)
    assert [c.role for c in chunks] == ["interviewer", "", "interviewer", ""]
    report = tmp_path / "rapport.md"
    report.write_text(
        "# Bevindingen\n\nDeelnemers vonden het formulier lang.\n\n- Te veel stappen\n- Onduidelijke knoppen\n\n"
        "Wat betekent dit? Dat we het formulier korter maken.\n",
        encoding="utf-8",
    )
    assert {c.kind for c in load_file(report, tmp_path)} == {"document"}


def test_questions_never_come_back_from_a_search(tmp_path: Path):
    from copilot.research.ingest import ingest
    from copilot.research.retrieval import Retriever
    from copilot.research.store import ResearchStore

    folder = tmp_path / "research"
    folder.mkdir()
    for name, (text, _) in CASES.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = ResearchStore.open(tmp_path / "store")
    ingest(folder, store)
    hits = Retriever(store).search("Wat ging er de laatste keer mis?", k=10)
    questions = {question for _, expected in CASES.values() for question, _ in expected}
    assert hits and not any(hit.chunk.text in questions for hit in hits)
    assert hits[0].chunk.metadata["question"] == "Wat ging er de laatste keer mis?"


NAMED_TRANSCRIPT = """# Interview 12 — verhuizing

Sanne de Vries (interviewer): Fijn dat je tijd hebt. Hoe heb je de verhuizing doorgegeven?

Mohamed El Amrani: Via de website. Er is zo'n verhuisformulier, dat was eigenlijk best oké.

Sanne de Vries (interviewer): En daarna?

Mohamed El Amrani: Daarna kreeg ik een welkomstbrief met een termijnbedrag voor gas, maar er is geen gas.

Sanne de Vries (interviewer): Wat heb je toen gedaan?

Mohamed El Amrani: Eerst de chatbot, want het was avond. Dat ging mis.
"""


def test_a_transcript_with_names_and_roles_stays_a_transcript_though_its_questions_end_in_a_question_mark(tmp_path):
    # read as Q&A notes, the interviewer's turns became quotes and nobody's name was known to the redactor
    path = tmp_path / "interview_12.txt"
    path.write_text(NAMED_TRANSCRIPT, encoding="utf-8")
    chunks = load_file(path, tmp_path)
    assert [c.speaker for c in chunks] == ["Sanne de Vries", "Mohamed El Amrani"] * 3
    assert [c.is_evidence for c in chunks] == [False, True] * 3
    assert chunks[1].text.startswith("Via de website")


LONG_TURNS = """# Interview 04 — huurder met schimmel

Datum: 2 september 2026, bij hen thuis. Interviewer: Anouk (CX-team).

I: Hoe begon het?
R: Eerst zagen we zwarte plekjes achter de kast in de kinderkamer. We hebben het gemeld via de app en kregen een \
bevestiging, maar daarna hoorden we drie weken niets, ook niet toen ik twee keer belde en een e-mail stuurde.
I: Wat gebeurde er toen?
R: Er kwam een schilder die er een laag verf overheen zette. Twee maanden later zat het er weer, ook in de badkamer, \
en in de app stond de melding op afgerond. Dat voelde alsof niemand luisterde.
I: Wat had u geholpen?
R: Iemand die het van begin tot eind volgt, en die zegt wanneer er iets gebeurt, ook als het nog even duurt.
"""


def test_a_transcript_marked_i_and_r_with_long_answers_keeps_the_questions_out_of_the_evidence(tmp_path: Path):
    # read as notes (header set aside) the questions are each answer's context; with two people answering by
    # name ("Ruud:", "Linda:") it is a transcript, and the "I" turns are still the interviewer's
    path = tmp_path / "int04.md"
    for text in (LONG_TURNS, LONG_TURNS.replace("R: Eerst", "Ruud: Eerst").replace("R: Er kwam", "Linda: Er kwam")):
        path.write_text(text, encoding="utf-8")
        chunks = load_file(path, tmp_path)
        asked = ("Hoe begon", "Wat gebeurde", "Wat had u")
        assert not any(c.text.startswith(asked) for c in chunks if c.is_evidence)
        answers = [c for c in chunks if "schilder" in c.text or "zwarte plekjes" in c.text]
        assert len(answers) == 2 and all(c.is_evidence for c in answers)
    assert [c.speaker for c in chunks if c.is_evidence][:2] == ["Ruud", "Linda"]
    assert [c.role for c in chunks if c.text.startswith(asked)] == ["interviewer"] * 3


HEADED_INTERVIEW_NL = """# Interview 01 — mevrouw K. (81), reparaties

Datum: 3 september 2026, bij haar thuis. Interviewer: Anouk (CX-team). Duur: 55 minuten.

I: Hoe lang woont u hier al?
R: Sinds 1979. Mijn man is vier jaar geleden overleden.
I: Hoe ging het telefoontje?
R: Eerst dat keuzemenu. Ik heb 25 minuten gewacht met dat muziekje.
"""

HEADED_TRANSCRIPT_EN = """# Interview 6 — moving as an expat

**Date:** 18 September 2026, video call
**Interviewer:** Anouk Smit

Anouk (interviewer): How did you find the flat?
Arjun: Honestly, by luck. A colleague moved out.
Anouk (interviewer): And the contract?
Arjun: All in Dutch, so I used a translation app.
"""


def test_an_interviews_header_is_context_for_every_turn_not_a_quote(tmp_path: Path):
    # "Datum: …" read as a turn by someone called Datum: the setting was quoted as a customer's words, and the
    # file lost its Q&A reading (questions as context of the answers)
    for name, text in (("int01.md", HEADED_INTERVIEW_NL), ("int06.md", HEADED_TRANSCRIPT_EN)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        chunks = load_file(tmp_path / name, tmp_path)
        evidence = [c for c in chunks if c.is_evidence]
        assert len(evidence) == 2, name
        assert not any(word in c.text for c in chunks for word in ("2026", "Anouk Smit")), name
        assert not {c.speaker for c in chunks} & {"Datum", "Date", "**Date", "Interviewer"}, name
        assert all(("eptember 2026") in c.metadata["header"] for c in chunks)
    nl = load_file(tmp_path / "int01.md", tmp_path)
    assert nl[1].metadata["question"] == "Hoe ging het telefoontje?"


def test_a_memos_date_and_status_lines_stay_in_the_memo(tmp_path: Path):
    memo = tmp_path / "memo.md"
    memo.write_text(
        "# Memo: eerdere initiatieven\n\nAan: MT\nVan: Ilse de Groot, adviseur\nDatum: 1 oktober 2026\n\n"
        "## Aanleiding\n\nIn 2022 is een chatbot gestart die na een half jaar is stopgezet.\n",
        encoding="utf-8",
    )
    chunks = load_file(memo, tmp_path)
    assert any("Ilse de Groot" in c.text for c in chunks) and not any("header" in c.metadata for c in chunks)
