"""The start-here app driven headless, the way a person clicks through it."""

from pathlib import Path

from pptx import Presentation

from copilot.session import Session
from copilot.ui.start_here import StartHere
from copilot.workbench import Workbench


def test_ingest_draft_edit_lock_and_export_from_the_widgets(workspace, small_research: Path):
    app = StartHere(Workbench(workspace, language="nl"))
    app.research.folder.value = str(small_research)
    app.research.button.click()
    assert "14 fragmenten" in app.research.status.value
    assert app.research.progress.value == app.research.progress.max

    app.synthesis.draft_button.click()
    cards = app.synthesis._cards()
    assert cards, app.synthesis.errors.message.value
    cards[0].label.value = "Klanten willen een mens spreken"  # a blur in the browser: saved at once

    app.synthesis.lock_button.click()
    assert app.bench.is_locked()
    assert cards[0].label.disabled and app.synthesis.draft_button.disabled

    app.export.button.click()
    deck = app.export.path
    texts = "\n".join(
        s.text_frame.text for slide in Presentation(str(deck)).slides for s in slide.shapes if s.has_text_frame
    )
    assert "Klanten willen een mens spreken" in texts


def test_an_edit_is_in_the_session_file_before_anything_else_is_clicked(workspace, small_research: Path):
    app = StartHere(Workbench(workspace))
    app.research.folder.value = str(small_research)
    app.research.button.click()
    app.synthesis.draft_button.click()
    app.synthesis._cards()[0].insight.value = "Herhaalcontact kost klanten én ons tijd"
    from copilot.steps.schemas import ResearchSynthesis

    saved = Session.open(app.bench.session.path).content("SD-02", ResearchSynthesis)
    assert saved.themes[0].insight == "Herhaalcontact kost klanten én ons tijd"


def test_switching_language_relabels_everything_and_keeps_edits(workspace, small_research: Path):
    app = StartHere(Workbench(workspace, language="nl"))
    app.research.folder.value = str(small_research)
    app.research.button.click()
    app.synthesis.draft_button.click()
    app.synthesis._cards()[0].label.value = "Mijn eigen label"
    app.language.value = "en"
    assert app.research.button.description == "Ingest research"
    assert app.synthesis._cards()[0].label.value == "Mijn eigen label"
    assert app.synthesis._cards()[0].label.description == "Theme"


def test_adding_and_removing_themes_is_saved(workspace, small_research: Path):
    app = StartHere(Workbench(workspace))
    app.synthesis.add_button.click()
    card = app.synthesis._cards()[0]
    card.label.value = "Zelf bedacht"
    assert app.bench.synthesis().themes[0].assumption is True  # no evidence: an assumption
    card.remove.click()
    assert app.bench.synthesis().themes == []


def test_a_missing_research_folder_shows_a_friendly_error_with_details(workspace, tmp_path: Path):
    app = StartHere(Workbench(workspace, language="en"))
    app.research.folder.value = str(tmp_path / "nowhere")
    app.research.button.click()
    assert "nowhere: is not a folder" in app.research.errors.message.value
    assert "Traceback" in app.research.errors.details.value
    assert not app.research.button.disabled


def test_in_dutch_the_errors_are_dutch_too(workspace, tmp_path: Path):
    app = StartHere(Workbench(workspace, language="nl"))
    app.research.folder.value = str(tmp_path / "nergens")
    app.research.button.click()
    assert "nergens: is geen map. Kies de map waarin je onderzoeksbestanden staan." in app.research.errors.message.value

    research = tmp_path / "onderzoek"
    research.mkdir()
    (research / "notities.txt").write_text("Een klant belde drie keer over de jaarafrekening.", encoding="utf-8")
    (research / "scan.pdf").write_bytes(b"not a pdf at all")
    app.research.folder.value = str(research)
    app.research.button.click()
    report = app.research.status.value
    assert "scan.pdf: het bestand is geen PDF" in report and "Kon niet inlezen" in report  # one bad file, in Dutch
    assert "1 nieuw" in report  # and the rest was read


def test_drafting_before_ingesting_says_to_ingest_first(workspace):
    app = StartHere(Workbench(workspace, language="en"))
    app.synthesis.draft_button.click()
    assert app.synthesis.status.value == "Ingest research first."
