from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu

from copilot.export.fit import height
from copilot.export.from_session import build_deck
from copilot.export.render import render
from copilot.research.chunks import Chunk
from copilot.session import Session
from copilot.steps.schemas import CurrentJourney, JourneyStage, ResearchSynthesis, Theme
from copilot.workshop import load_format

ROOT = Path(__file__).resolve().parents[1]
WORKSHOP = load_format(ROOT / "workshop_templates" / "journey_pain_points_90.yaml")


def quote(n: int, text: str = "") -> Chunk:
    body = (
        text or f"Ik heb drie keer gebeld over mijn termijnbedrag en elke keer moest ik alles opnieuw uitleggen ({n})."
    )
    return Chunk(id=f"q{n:03d}", text=body, source=f"interviews/i{n}.txt", location=f"turn {n}", kind="transcript")


def session_with_themes(tmp_path: Path, themes: list[Theme], quotes: list[Chunk], language: str = "nl") -> Session:
    session = Session.create(tmp_path / "s.cxsession", "Windkracht — klantreis", language, "journey_pain_points_90")
    session.keep_evidence(quotes)
    session.save_draft("SD-02", ResearchSynthesis(themes=themes))
    return session


def slide_texts(slide) -> str:
    """All text on a slide: text boxes and table cells."""
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        elif shape.has_table:
            parts.extend(cell.text for row in shape.table.rows for cell in row.cells)
    return "\n".join(parts)


def _runs(frame):
    return [r for p in frame.paragraphs for r in p.runs]


def _cell_height(cell, width: float) -> float:
    """Inches a table cell's text needs, margins included, measured as the renderer measures."""
    runs = _runs(cell.text_frame)
    if not runs or not cell.text_frame.text:
        return 0.0
    inner = width - Emu(cell.margin_left).inches - Emu(cell.margin_right).inches
    needed = height(cell.text_frame.text, runs[0].font.size.pt, inner, bool(runs[0].font.bold))
    return needed + Emu(cell.margin_top).inches + Emu(cell.margin_bottom).inches


def assert_everything_fits(path: Path) -> None:
    """Every shape lies inside the slide, every text box's measured text fits its frame, every table's measured
    rows fit on the slide below the table's top, and no text is smaller than 9 pt."""
    prs = Presentation(str(path))
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0, f"slide {number}: {shape.name} starts off the slide"
            assert shape.left + shape.width <= prs.slide_width, f"slide {number}: {shape.name} runs off the right"
            assert shape.top + shape.height <= prs.slide_height, f"slide {number}: {shape.name} runs off the bottom"
            if shape.has_table:
                table = shape.table
                widths = [Emu(column.width).inches for column in table.columns]
                total = 0.0
                for row in table.rows:
                    for cell in row.cells:
                        assert all(r.font.size.pt >= 9 for r in _runs(cell.text_frame)), f"slide {number}: < 9 pt"
                    needed = max(_cell_height(cell, w) for cell, w in zip(row.cells, widths, strict=True))
                    total += max(needed, Emu(row.height).inches)
                assert Emu(shape.top).inches + total <= Emu(prs.slide_height).inches - 0.3 + 1e-6, (
                    f"slide {number}: table rows need {total:.2f} in and run off the slide"
                )
                continue
            if not shape.has_text_frame or not shape.text_frame.text:
                continue
            runs = _runs(shape.text_frame)
            assert all(r.font.size.pt >= 9 for r in runs), f"slide {number}: text below 9 pt"
            bold = bool(runs[0].font.bold)
            needed = height(shape.text_frame.text, runs[0].font.size.pt, Emu(shape.width).inches - 0.04, bold)
            assert needed <= Emu(shape.height).inches - 0.1 + 1e-6, (
                f"slide {number}: text overflows {shape.text_frame.text[:40]!r}"
            )


def test_the_deck_is_16_by_9_with_title_agenda_themes_and_evidence(tmp_path: Path):
    session = session_with_themes(
        tmp_path,
        [Theme(id="T1", label="Herhaalcontact", insight="Klanten bellen vaak terug.", evidence=["q001"])],
        [quote(1)],
    )
    deck = render(build_deck(session, WORKSHOP), tmp_path / "deck.pptx")
    prs = Presentation(str(deck))
    assert (prs.slide_width, prs.slide_height) == (Emu(12192000), Emu(6858000))
    texts = [slide_texts(s) for s in prs.slides]
    assert "Windkracht — klantreis" in texts[0]
    assert "Agenda (90 minuten)" in texts[1] and "SD-02 Onderzoekssynthese" in texts[1]
    assert any("Herhaalcontact" in t for t in texts)
    # the evidence appendix, before the provenance appendix that closes the deck
    assert any("Bewijs" in t and "q001" in t for t in texts)


def test_speaker_notes_carry_every_quote_and_its_source(tmp_path: Path):
    session = session_with_themes(
        tmp_path, [Theme(id="T1", label="Herhaalcontact", evidence=["q001", "q002"])], [quote(1), quote(2)]
    )
    prs = Presentation(str(render(build_deck(session, WORKSHOP), tmp_path / "deck.pptx")))
    notes = next(s.notes_slide.notes_text_frame.text for s in prs.slides if "Herhaalcontact" in slide_texts(s))
    assert quote(2).text in notes and "interviews/i2.txt, beurt 2" in notes  # a Dutch deck says where in Dutch


def test_a_theme_without_evidence_is_marked_as_an_assumption_on_the_slide(tmp_path: Path):
    session = session_with_themes(tmp_path, [Theme(id="T1", label="Onderbuikgevoel")], [])
    prs = Presentation(str(render(build_deck(session, WORKSHOP), tmp_path / "deck.pptx")))
    slide = next(s for s in prs.slides if "Onderbuikgevoel" in slide_texts(s))
    assert "Aanname" in slide_texts(slide)
    assert "Geen onderzoeksbewijs" in slide.notes_slide.notes_text_frame.text


def test_a_journey_table_shows_what_the_stages_rest_on_and_leaves_empty_rows_to_the_team(tmp_path: Path):
    session = session_with_themes(tmp_path, [], [quote(1), quote(2)], language="en")
    stages = [
        JourneyStage(
            id="S1", name="Moving", emotion=-1, pains=["Letter at the old address"], evidence=["q001", "q002"]
        ),
        JourneyStage(id="S2", name="Signing up", touchpoints=["chat"], evidence=["q001"], assumption=True),
    ]
    session.save_draft("SD-04", CurrentJourney(stages=stages))
    prs = Presentation(str(render(build_deck(session, WORKSHOP), tmp_path / "deck.pptx")))
    slide = next(s for s in prs.slides if slide_texts(s).startswith("Current journey\n"))
    table = next(shape.table for shape in slide.shapes if shape.has_table)
    rows = {row.cells[0].text: [cell.text for cell in row.cells][1:] for row in table.rows}
    assert rows["Evidence"] == ["2 quotes", "1 quote\nAssumption"]  # counts on the wall, ids in the notes
    assert "q001" not in slide_texts(slide)
    # no stage has actions, a moment of truth or time well spent: rows the team fills in, named in the notes
    assert not {"Actions", "Moment of truth", "Time well…"} & set(rows)
    assert {"Emotion", "Touchpoints", "Pains"} <= set(rows)
    assert "Actions, Moment of truth, Time well…" in slide.notes_slide.notes_text_frame.text


def test_the_deck_speaks_english_when_asked(tmp_path: Path):
    session = session_with_themes(tmp_path, [Theme(id="T1", label="Repeat contact")], [], language="en")
    prs = Presentation(str(render(build_deck(session, WORKSHOP, "en"), tmp_path / "deck.pptx")))
    texts = "\n".join(slide_texts(s) for s in prs.slides)
    assert "Agenda (90 minutes)" in texts and "Research synthesis" in texts and "Assumption" in texts


def test_a_session_named_after_its_format_is_titled_in_the_decks_language(tmp_path: Path):
    session = Session.create(tmp_path / "s.cxsession", WORKSHOP.name("nl"), "nl", WORKSHOP.id)
    assert build_deck(session, WORKSHOP, "en").slides[0].title == "Journey pain points (90 min)"
    session.set_meta("title", "Windkracht — klantreis")  # a title people chose stays as they wrote it
    assert build_deck(session, WORKSHOP, "en").slides[0].title == "Windkracht — klantreis"


@pytest.mark.parametrize(("language", "tag"), [("nl", "nl-NL"), ("en", "en-GB")])
def test_every_text_of_the_deck_is_proofed_in_its_language(tmp_path: Path, language: str, tag: str):
    session = session_with_themes(tmp_path, [Theme(id="T1", label="Herhaalcontact", evidence=["q001"])], [quote(1)])
    prs = Presentation(str(render(build_deck(session, WORKSHOP, language), tmp_path / "deck.pptx")))
    parts = [s.part for s in prs.slides] + [s.notes_slide.part for s in prs.slides if s.has_notes_slide]
    langs = {run.xpath("string(a:rPr/@lang)") for part in parts for run in part._element.xpath(".//a:r | .//a:fld")}
    assert langs == {tag}  # PowerPoint spell-checks each run in this language
    assert prs.core_properties.language == tag


def test_the_files_properties_are_the_decks_not_the_templates(tmp_path: Path):
    session = session_with_themes(tmp_path, [Theme(id="T1", label="Herhaalcontact")], [])
    deck = build_deck(session, WORKSHOP, "nl")
    properties = Presentation(str(render(deck, tmp_path / "deck.pptx"))).core_properties
    assert properties.title == deck.title and properties.author == properties.last_modified_by == "CX Copilot"
    assert properties.created.year >= 2026 and properties.created == properties.modified


def test_a_stress_session_splits_over_continuation_slides_and_nothing_overflows(tmp_path: Path):
    long = (
        "Klantcontactcentrummedewerkersondersteuningsprogramma " + "en dan nog een hele lange uitleg erachteraan " * 12
    )
    quotes = [quote(n, long if n % 3 == 0 else "") for n in range(1, 41)]
    themes = [
        Theme(
            id=f"T{n}",
            label=("Arbeidsongeschiktheidsverzekeringsmaatschappij " * 3) if n == 1 else f"Thema {n} 😀",
            insight=long if n % 2 else "",
            evidence=[q.id for q in quotes[n * 2 : n * 2 + 3]],
        )
        for n in range(1, 15)
    ]
    session = session_with_themes(tmp_path, themes, quotes)
    path = render(build_deck(session, WORKSHOP), tmp_path / "stress.pptx")
    titles = [slide_texts(s) for s in Presentation(str(path)).slides]
    assert any("Onderzoekssynthese (1/3)" in t for t in titles) and any("Onderzoekssynthese (3/3)" in t for t in titles)
    assert_everything_fits(path)


@pytest.mark.slow
def test_libreoffice_renders_every_slide_of_the_stress_deck(tmp_path: Path, artifacts: Path):
    from conftest import pdf_to_pngs, soffice_to_pdf

    quotes = [quote(n) for n in range(1, 20)]
    themes = [Theme(id=f"T{n}", label=f"Thema {n}", evidence=[quotes[n].id]) for n in range(1, 9)]
    path = render(build_deck(session_with_themes(tmp_path, themes, quotes), WORKSHOP), artifacts / "themes.pptx")
    pngs = pdf_to_pngs(soffice_to_pdf(path, artifacts))
    assert len(pngs) == len(Presentation(str(path)).slides)


def test_a_session_exports_as_markdown_with_headings_bullets_tables_and_notes(tmp_path: Path):
    from copilot.export.markdown import to_markdown

    session = session_with_themes(
        tmp_path,
        [
            Theme(id="T1", label="Herhaalcontact", insight="Klanten bellen | vaak terug.", evidence=["q001"]),
            Theme(id="T2", label="Onderbuikgevoel"),
        ],
        [quote(1)],
    )
    text = to_markdown(build_deck(session, WORKSHOP))
    assert text.startswith("# Windkracht — klantreis\n")
    assert "### Agenda (90 minuten)" in text and "- **0:00** " in text and "SD-02 Onderzoekssynthese (" in text
    assert "## Service design" in text
    assert "- **Herhaalcontact** — Klanten bellen | vaak terug." in text
    assert "- **Onderbuikgevoel** *(Aanname)*" in text
    assert "| Id | Citaat | Bron |" in text and "| q001 | Ik heb drie keer gebeld" in text
    assert "> [q001] “Ik heb drie keer gebeld" in text  # the evidence from the speaker notes


def run_cli(*args: str, home: Path, cwd: Path = ROOT):
    import os
    import subprocess
    import sys

    env = {**os.environ, "CX_COPILOT_HOME": str(home)}
    command = [sys.executable, "-m", "copilot.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd, timeout=300)


def test_the_export_command_writes_markdown_or_a_deck_on_a_given_theme(tmp_path: Path):
    session = session_with_themes(tmp_path, [Theme(id="T1", label="Herhaalcontact", evidence=["q001"])], [quote(1)])
    session.close()
    markdown = run_cli("export", str(session.path), "--out", str(tmp_path / "deck.md"), home=tmp_path / "home")
    assert markdown.returncode == 0, markdown.stderr
    assert "### Onderzoekssynthese" in (tmp_path / "deck.md").read_text(encoding="utf-8")

    here = tmp_path / "elsewhere"
    here.mkdir()
    by_flag = run_cli("export", str(session.path), "--format", "md", "--lang", "en", home=tmp_path / "home", cwd=here)
    assert by_flag.returncode == 0 and by_flag.stdout.strip() == "deck.md"
    assert "### Research synthesis" in (here / "deck.md").read_text(encoding="utf-8")

    theme = ROOT / "workshop_templates" / "themes" / "default.pptx"
    deck = tmp_path / "deck.pptx"
    result = run_cli("export", str(session.path), "--out", str(deck), "--theme", str(theme), home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert Presentation(str(deck)).slides[0].slide_layout.name == "Title"


def test_the_export_command_explains_a_theme_it_cannot_use_in_one_line(tmp_path: Path):
    session = session_with_themes(tmp_path, [Theme(id="T1", label="Herhaalcontact")], [])
    session.close()
    (tmp_path / "huisstijl.pptx").write_text("geen PowerPoint", encoding="utf-8")
    result = run_cli(
        "export",
        str(session.path),
        "--theme",
        str(tmp_path / "huisstijl.pptx"),
        "--out",
        str(tmp_path / "d.pptx"),
        home=tmp_path / "home",
    )
    assert result.returncode == 1
    assert "huisstijl.pptx: cannot be opened as a PowerPoint master" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_deck_made_before_the_workshop_doubles_as_its_handout(tmp_path: Path):
    session = session_with_themes(tmp_path, [Theme(id="T1", label="Herhaalcontact", evidence=["q001"])], [quote(1)])
    prs = Presentation(str(render(build_deck(session, WORKSHOP), tmp_path / "deck.pptx")))
    titles = [s.shapes.title.text_frame.text for s in prs.slides if s.shapes.title is not None]
    drafted = titles.index("Onderzoekssynthese")
    assert titles[drafted + 1 : drafted + 4] == ["Persona's & klanttaken", "Huidige klantreis", "Hoe-kunnen-we-vragen"]
    canvas = prs.slides[drafted + 3]
    assert "Welke pijnpunten zetten we om in vragen" in slide_texts(canvas)
    table = next(shape for shape in canvas.shapes if shape.has_table).table
    assert [cell.text for cell in table.rows[0].cells] == ["Fase", "Hoe kunnen we …", "Pijnpunt"]
    assert not any(cell.text for row in list(table.rows)[1:] for cell in row.cells)
    assert_everything_fits(tmp_path / "deck.pptx")
