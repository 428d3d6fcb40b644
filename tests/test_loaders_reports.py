"""Research reports as findings: a PDF made in Word, a deck saved as PDF, a Word test plan and a Markdown report
each give quotes that a person can read on a slide, with their heading beside them, not in them."""

from __future__ import annotations

from pathlib import Path

from report_fixtures import Section, slides_pdf, spaced, word_pdf, word_test_plan

from copilot.research.loaders import load_file

FINDING = (
    "Ondernemers die hun aanvraag tussentijds opslaan, weten daarna niet of het gelukt is. Zij zoeken een "
    "bevestiging op het scherm en bellen het contactcentrum als die er niet is. Drie van de acht deelnemers "
    "begonnen de aanvraag daarom opnieuw, en twee van hen gaven halverwege op omdat zij hun documenten niet "
    "nog een keer wilden uploaden."
)
RESULTS = [
    "Bijna alle deelnemers vonden de startpagina rustig, maar lazen de opsomming met voorwaarden niet. Zij "
    "scrolden direct naar de knop om te beginnen en misten daardoor dat een offerte verplicht is.",
    "Het uploaden van documenten ging bij de meeste deelnemers goed. Wel twijfelden drie ondernemers of een foto "
    "van een factuur genoeg was, omdat de tekst alleen over pdf-bestanden sprak.",
    "De sterretjes bij verplichte velden werden door oudere deelnemers niet begrepen. Een ondernemer klikte erop "
    "in de verwachting dat er uitleg zou verschijnen, zoals bij het informatie-icoon.",
    "Gele waarschuwingsdriehoeken gaven deelnemers het gevoel dat er iets fout was gegaan. Twee van hen lazen de "
    "hele pagina opnieuw en een derde wilde het contactcentrum bellen om te vragen wat er mis was.",
    "In het menu verdwenen de vinkjes na het sluiten van het formulier. Wie later verder ging, kwam op een andere "
    "pagina terecht dan waar hij was gebleven en zocht dan in het menu naar de plek van de laatste stap.",
    "Het overzicht voor verzenden werd gewaardeerd: deelnemers controleerden hun gegevens en vonden het prettig "
    "dat zij per blok konden wijzigen. Na een wijziging verwachtten zij wel terug te keren naar dat overzicht.",
    "Het backlog-item voor een bevestiging na opslaan is in 2024 geparkeerd omdat het te duur werd gevonden. "
    "Het team wilde eerst de koppeling met het zaaksysteem vernieuwen.",
]
SECTIONS = [
    Section("Aanleiding", ["De vraag van RVO was of het nieuwe eLoket ondernemers beter helpt dan het oude."]),
    Section("Werkwijze", ["We spraken acht ondernemers in Assen, elk een uur, in het onderzoekslab van RVO."]),
    Section("Resultaten", [FINDING, *RESULTS]),
    Section(
        "Aanbevelingen",
        [
            "Toon na opslaan een bevestiging met de datum en de tijd:",
            "- Maak de knop groter",
            "- Zet de knop bovenaan",
        ],
    ),
]


def _report(tmp_path: Path) -> list:
    path = tmp_path / "rapport.pdf"
    path.write_bytes(word_pdf("UX onderzoek eLoket fase 2", SECTIONS, "RVO", summary=3, per_page=12))
    return load_file(path, tmp_path)


def test_a_word_pdf_keeps_its_headings_as_context_and_never_in_the_quote(tmp_path: Path):
    chunks = _report(tmp_path)
    assert spaced("Resultaten") == "R E S U L T A T E N"
    backlog = next(c for c in chunks if "backlog-item" in c.text)
    assert backlog.metadata["section"] == "Resultaten"
    assert (
        next(c for c in chunks if c.text.startswith("Toon na opslaan")).metadata["section"] == "Aanbevelingen"
    )  # letter-spaced in the PDF, read as a word
    assert backlog.metadata["title"] == "UX onderzoek eLoket fase 2"  # from the cover page
    for chunk in chunks:
        assert "R E S U L T" not in chunk.text and not chunk.text.endswith(("Resultaten", "Aanbevelingen"))


def test_page_furniture_contents_and_cover_are_left_out(tmp_path: Path):
    texts = [c.text for c in _report(tmp_path)]
    assert not any("Pagina" in text or "| RVO" in text or "Inhoudsopgave" in text for text in texts)
    assert not any("...." in text or text.startswith("RVO") for text in texts)


def test_a_sentence_cut_by_a_page_break_is_one_quote_cited_on_both_pages(tmp_path: Path):
    chunks = _report(tmp_path)
    over = [c for c in chunks if "–" in c.location]
    assert over, "the fixture has paragraphs running over a page break"
    for chunk in over:
        assert chunk.text.rstrip().endswith((".", "?", "!", ":")), chunk.text
    assert all(c.text[:1].isupper() or c.text[:1].isdigit() for c in chunks)


def test_the_summary_repeating_the_body_is_one_quote_that_remembers_both_places(tmp_path: Path):
    chunks = _report(tmp_path)
    telling = [c for c in chunks if "tussentijds opslaan, weten daarna niet" in c.text]
    assert len(telling) == 1
    assert telling[0].metadata["section"] == "Resultaten"  # the body's heading, not the summary's
    assert telling[0].metadata["also_at"].startswith("page ")


def test_a_list_is_read_with_the_sentence_that_introduces_it(tmp_path: Path):
    chunks = _report(tmp_path)
    advice = [c for c in chunks if "Maak de knop groter" in c.text]
    assert len(advice) == 1 and "Zet de knop bovenaan" in advice[0].text


def test_a_deck_saved_as_pdf_gives_one_quote_per_slide_under_its_title(tmp_path: Path):
    path = tmp_path / "presentatie.pdf"
    path.write_bytes(slides_pdf("Resultaten eLoket", SECTIONS, "RVO"))
    chunks = load_file(path, tmp_path)
    assert [c.location for c in chunks] == ["slide 3", "slide 4", "slide 5", "slide 6"]  # no title, no agenda
    assert [c.metadata["section"] for c in chunks] == ["Aanleiding", "Werkwijze", "Resultaten", "Aanbevelingen"]
    assert chunks[2].text.startswith("Ondernemers die hun aanvraag")
    assert not any("RVO |" in c.text or c.text.endswith(("| 3", "| 4")) for c in chunks)  # the footer


def test_a_word_test_plan_is_a_plan_not_evidence(tmp_path: Path):
    chunks = load_file(word_test_plan(tmp_path / "testplan.docx"), tmp_path)
    assert {c.kind for c in chunks} == {"plan"} and not any(c.is_evidence for c in chunks)
    assert "Mits de tijd het toelaat." not in [c.text for c in chunks]  # a fragment joins what it belongs to
    assert not any("\t" in c.text or c.text.startswith("Doel") for c in chunks)  # contents lines left out
    questions = next(c for c in chunks if c.metadata["section"] == "Vragen")
    assert questions.text.count("?") == 3


def test_a_report_with_a_question_section_keeps_only_that_section_as_plan(tmp_path: Path):
    path = tmp_path / "rapport.md"
    path.write_text(
        "---\ntitle: Onderzoek melding\n---\n\n<!-- @license CC0-1.0 -->\n\n# Onderzoek melding\n\n"
        "## Vervolgvragen\n\n- Heeft u al eens een melding gedaan?\n- Wat verwacht u na het versturen?\n\n"
        "## Inzichten\n\n![Schermafbeelding van de kaart](https://example.org/kaart.png)\n\n"
        "Inwoners vinden de kaart verwarrend en haken af voordat ze de plek hebben aangewezen.\n\n"
        "“Welke van de keuzes moet ik nu maken? De gemeente bepaalt toch wat ik nodig heb?”\n",
        encoding="utf-8",
    )
    chunks = load_file(path, tmp_path)
    sections = [(c.kind, c.metadata["section"]) for c in chunks]
    assert sections == [("plan", "Vervolgvragen"), ("document", "Inzichten"), ("document", "Inzichten")]
    assert chunks[2].is_evidence  # a participant's own questions are what they said, not a question list
    assert chunks[1].metadata["title"] == "Onderzoek melding"
    assert chunks[1].metadata["context"] == "Onderzoek melding › Inzichten"


def test_a_search_leaves_plans_out_unless_asked_for_them(tmp_path: Path):
    from copilot.research.ingest import ingest
    from copilot.research.retrieval import Retriever
    from copilot.research.store import ResearchStore

    folder = tmp_path / "research"
    folder.mkdir()
    word_test_plan(folder / "testplan.docx")
    (folder / "rapport.pdf").write_bytes(word_pdf("UX onderzoek eLoket fase 2", SECTIONS, "RVO"))
    store = ResearchStore.open(tmp_path / "store")
    ingest(folder, store)
    retriever = Retriever(store)
    hits = retriever.search("subsidie aanvragen en documenten uploaden", k=8)
    assert hits and not any(hit.chunk.kind == "plan" for hit in hits)
    plans = retriever.search("subsidie aanvragen en documenten uploaden", k=8, where={"kind": "plan"})
    assert plans and all(hit.chunk.source == "testplan.docx" for hit in plans)
