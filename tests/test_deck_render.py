"""Decks people are proud to present: every slide type, a stress deck and a team's own master, rendered for real
(python-pptx, then LibreOffice to PDF and PNG in test-artifacts/ for people to look at)."""

from pathlib import Path

import pytest
from conftest import pdf_to_pngs, soffice_to_pdf
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from test_deck import assert_everything_fits, slide_texts

from copilot.errors import ThemeError
from copilot.export.deckspec import (
    AgendaRow,
    AgendaSlide,
    Card,
    CardsSlide,
    ChartPoint,
    ChartSeries,
    ChartSlide,
    Deck,
    HeatmapSlide,
    SectionSlide,
    TableSlide,
    TitleSlide,
)
from copilot.export.make_default_theme import build
from copilot.export.markdown import write_markdown
from copilot.export.render import render
from copilot.export.theme import DEFAULT_THEME, DeckMaster, Style

STANCES = ["onbewust", "weerstand", "neutraal", "steunend", "leidend"]
COMPOUND = "Klantcontactcentrummedewerkersondersteuningsprogramma"
QUOTE_500 = (
    "Ik heb drie keer gebeld over mijn termijnbedrag 😤 en elke keer moest ik alles opnieuw uitleggen, "
    "de arbeidsongeschiktheidsverzekeringsmaatschappij stuurde mij een brief die niemand begreep "
) * 3
QUOTE_500 = QUOTE_500[:500]


def every_slide_type() -> Deck:
    """One slide of every type the renderer draws, with realistic Dutch workshop content."""
    return Deck(
        "Windkracht — klantreis",
        "nl",
        [
            TitleSlide("Windkracht — klantreis", subtitle="Klantreis pijnpunten (90 min) · 2025-11-23"),
            SectionSlide("Service design", subtitle="Van onderzoek naar een betere klantreis"),
            AgendaSlide(
                "Agenda (90 minuten)",
                rows=[
                    AgendaRow("0:00", "SD-02 Onderzoekssynthese", 30),
                    AgendaRow("0:30", "SD-03 Persona's & klanttaken", 20),
                    AgendaRow("0:50", "SD-04 Huidige klantreis", 25),
                    AgendaRow("1:15", "SD-05 Hoe-kunnen-we-vragen", 15),
                ],
            ),
            CardsSlide(
                "Onderzoekssynthese",
                notes="Herhaalcontact\n[q001] “Ik heb drie keer gebeld.” — interviews/i1.txt, turn 1",
                cards=[
                    Card(
                        "Herhaalcontact",
                        "Klanten bellen terug omdat de brief niets uitlegt.\n\n“Ik heb drie keer gebeld.”",
                        "4 bronnen · q001, q002",
                    ),
                    Card("Geen mens bereikbaar", "De chatbot verwijst naar FAQ-links.", "3 bronnen · q004"),
                    Card("Onderbuikgevoel", "Jongere klanten willen alles in de app.", "0 bronnen", assumption=True),
                ],
                assumption_label="Aanname",
            ),
            TableSlide(
                "Prioriteren",
                columns=["Idee", "Impact", "Inspanning", "Toelichting"],
                rows=[
                    ["Proactief termijnadvies", "5", "2", "Brief en app-melding voordat het termijnbedrag stijgt."],
                    ["Warme overdracht chatbot → medewerker", "4", "3", "Gesprek en context gaan mee."],
                    ["Verhuisassistent", "3", "4", "Alles in één flow."],
                ],
                widths=[3, 1, 1, 6],
                assumptions=[False, False, True],
                assumption_label="Aanname",
            ),
            ChartSlide(
                "Huidige klantreis: emotiecurve",
                kind="line",
                categories=[
                    "Oriënteren",
                    "Aanmelden",
                    "Eerste rekening",
                    "Termijnbedrag wijzigt",
                    "Contact",
                    "Verhuizen",
                ],
                series=[ChartSeries("Particulier", [1, 0, -1, -2, -1, 1])],
                category_assumptions=[False, False, False, False, False, True],
                y_min=-2,
                y_max=2,
                y_title="Emotie",
                number_format="+0;-0;0",
                caption="Het dieptepunt: het termijnbedrag stijgt zonder uitleg.",
                assumption_label="Aanname",
            ),
            ChartSlide(
                "Prioriteren: impact en inspanning",
                kind="scatter",
                points=[
                    ChartPoint("Proactief termijnadvies", 2, 5),
                    ChartPoint("Terugbelverzoek", 2, 5),
                    ChartPoint("Warme overdracht", 3, 4),
                    ChartPoint("Verhuisassistent", 4, 3),
                    ChartPoint("Chatbot uitbreiden", 4, 2, assumption=True),
                    ChartPoint("FAQ herschrijven", 1, 2),
                ],
                quadrants=["Snelle winst", "Grote projecten", "Opvullers", "Niet doen"],
                x_title="Inspanning →",
                y_title="Impact →",
                assumption_label="Aanname",
            ),
            ChartSlide(
                "Stakeholderkaart",
                kind="bubble",
                points=[
                    ChartPoint("Directeur klantcontact", 2, 5, 3, "steunend"),
                    ChartPoint("Teamleider", 5, 3, 2, "neutraal"),
                    ChartPoint("IT-architect", 3, 4, 2, "weerstand"),
                    ChartPoint("CFO", 2, 4, 2, "onbewust"),
                    ChartPoint("Product owner app", 4, 4, 2, "leidend"),
                    ChartPoint("Jurist", 2, 2, 1, "neutraal", assumption=True),
                ],
                quadrants=["Tevreden houden", "Nauw betrekken", "Monitoren", "Informeren"],
                x_title="Belang →",
                y_title="Invloed →",
                assumption_label="Aanname",
            ),
            ChartSlide(
                "Pijnpunten per kanaal",
                kind="bar",
                categories=["Telefoon", "Chat", "App", "E-mail", "Brief"],
                series=[ChartSeries("Citaten", [14, 11, 6, 4, 9])],
            ),
            HeatmapSlide(
                "Impact & veranderbereidheid",
                columns=["Awareness", "Desire", "Knowledge", "Ability", "Reinforcement"],
                rows=["Klantenservice", "Teamleiders", "IT", "Marketing"],
                values=[[4, 3, 2, 2, 1], [5, 4, 3, 3, 2], [2, 1, None, 2, 1], [3, 3, 4, 4, 3]],
                scale_labels=("laag", "hoog"),
                corner="Groep",
                assumptions=[False, False, True, False],
                assumption_label="Aanname",
            ),
        ],
    )


def stress_deck() -> Deck:
    """Every slide type at its worst: long Dutch compounds, 40 items, 500-character quotes, emoji, empty fields."""
    long_title = f"{COMPOUND} en de {COMPOUND.lower()} in de klantreis van verhuizende klanten met betalingsachterstand"
    n = 40
    return Deck(
        "Stresstest " + long_title,
        "nl",
        [
            TitleSlide(long_title * 2, subtitle=QUOTE_500),
            SectionSlide(long_title, subtitle=""),
            AgendaSlide(
                "Agenda",
                rows=[AgendaRow(f"{i // 4}:{i % 4 * 15:02d}", f"{COMPOUND} stap {i} 🙂", 15) for i in range(25)],
            ),
            CardsSlide(
                long_title,
                cards=[
                    Card(
                        COMPOUND if i % 5 == 0 else ("" if i % 7 == 0 else f"Thema {i} 😀"),
                        QUOTE_500 if i % 2 else "",
                        "" if i % 3 else f"{i} bronnen · " + ", ".join(f"q{j:03d}" for j in range(12)),
                        assumption=i % 4 == 0,
                    )
                    for i in range(n)
                ],
                assumption_label="Aanname",
            ),
            TableSlide(
                long_title,
                columns=["Id", "Citaat", "Bron"],
                rows=[[f"q{i:03d}", QUOTE_500 if i % 2 else "", f"{COMPOUND}.txt, regel {i}"] for i in range(n)],
                widths=[1, 7, 3],
                assumptions=[i % 3 == 0 for i in range(n)],
                assumption_label="Aanname",
                row_notes=[f"[q{i:03d}] {QUOTE_500}" for i in range(n)],
            ),
            TableSlide("Leeg", columns=["", ""], rows=[["", ""]]),
            ChartSlide(
                long_title,
                kind="line",
                categories=[f"{COMPOUND} {i}" for i in range(12)],
                series=[ChartSeries("😀 " + COMPOUND, [(i % 5) - 2 if i % 4 else None for i in range(12)])],
                y_min=-2,
                y_max=2,
                caption=QUOTE_500,
            ),
            ChartSlide(
                "Impact en inspanning",
                kind="scatter",
                points=[ChartPoint(f"{COMPOUND} {i}", 1 + i % 5, 1 + i // 8, assumption=i % 6 == 0) for i in range(n)],
                quadrants=[COMPOUND, "Grote projecten", "", "Niet doen"],
            ),
            ChartSlide(
                "Stakeholders",
                kind="bubble",
                points=[
                    ChartPoint(f"Rol {i} {COMPOUND}", 1 + i % 5, 1 + (i * 3) % 5, 1 + i % 3, (STANCES + [""])[i % 6])
                    for i in range(n)
                ],
            ),
            ChartSlide(
                "Kanalen",
                kind="bar",
                categories=[f"{COMPOUND} {i}" for i in range(20)],
                series=[ChartSeries("n", list(range(20)))],
            ),
            ChartSlide("Nog geen data", kind="line"),
            HeatmapSlide(
                long_title,
                columns=["Awareness", "Desire", "Knowledge", "Ability", "Reinforcement"],
                rows=[f"{COMPOUND} {i}" if i % 2 else "" for i in range(n)],
                values=[[(i + j) % 5 + 1 if (i + j) % 7 else None for j in range(5)] for i in range(n)],
                assumptions=[i % 5 == 0 for i in range(n)],
                assumption_label="Aanname",
            ),
        ],
    )


DUTCH = {
    "Title Slide": "Titeldia",
    "Title and Content": "Titel en object",
    "Section Header": "Sectiekop",
    "Two Content": "Twee objecten",
    "Title Only": "Alleen titel",
    "Blank": "Leeg",
}


def team_master(path: Path, names: dict[str, str] = DUTCH, accent: str = "7C3AED") -> Path:
    """A small 4:3 master like many organisations have: Dutch layout names, Calibri, a purple accent."""
    prs = Presentation()
    for layout in list(prs.slide_layouts):
        if layout.name in names:
            layout.name = names[layout.name]
        else:
            prs.slide_layouts.remove(layout)
    theme = prs.slide_master.part.part_related_by(RT.THEME)
    theme._blob = theme.blob.replace(
        b'<a:accent1><a:srgbClr val="4F81BD"/>', f'<a:accent1><a:srgbClr val="{accent}"/>'.encode()
    )
    prs.slides.add_slide(prs.slide_layouts[0]).shapes.title.text = "Een oude dia die weg moet"
    prs.save(str(path))
    return path


def test_the_default_theme_is_a_16_by_9_master_with_named_layouts_and_our_style():
    prs = Presentation(str(DEFAULT_THEME))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)
    assert [layout.name for layout in prs.slide_layouts] == ["Title", "Content", "Section", "Title Only", "Blank"]
    assert len(prs.slides) == 0
    style = DeckMaster().style
    assert (style.accent, style.font, style.ink) == ("0F766E", "Arial", "1F2A44")


def test_the_theme_script_makes_the_shipped_theme(tmp_path: Path):
    made = Presentation(str(build(tmp_path / "default.pptx")))
    shipped = Presentation(str(DEFAULT_THEME))
    assert [layout.name for layout in made.slide_layouts] == [layout.name for layout in shipped.slide_layouts]
    for ours, theirs in zip(made.slide_layouts, shipped.slide_layouts, strict=True):
        assert [(p.left, p.top, p.width, p.height) for p in ours.placeholders] == [
            (p.left, p.top, p.width, p.height) for p in theirs.placeholders
        ]


def test_every_slide_type_uses_the_default_master_and_fits(tmp_path: Path):
    path = render(every_slide_type(), tmp_path / "deck.pptx")
    prs = Presentation(str(path))
    assert [s.slide_layout.name for s in prs.slides][:3] == ["Title", "Section", "Content"]
    assert prs.slides[0].shapes.title.text_frame.text == "Windkracht — klantreis"
    assert not [p for s in prs.slides for p in s.placeholders if not p.text_frame.text]  # no "Click to add text"
    assert_everything_fits(path)


def test_the_stress_deck_continues_on_more_slides_and_nothing_overflows(tmp_path: Path):
    path = render(stress_deck(), tmp_path / "stress.pptx")
    prs = Presentation(str(path))
    titles = [s.shapes.title.text_frame.text for s in prs.slides if s.shapes.title is not None]
    cards = [t for t in titles if t.endswith("/7)")]
    assert len(cards) == 7 and all("…" in t for t in cards)  # 40 cards, the long title shortened, (n/7) kept
    table_pages = [s for s in prs.slides if "q001" in slide_texts(s) or "q039" in slide_texts(s)]
    assert table_pages and table_pages[0] is not table_pages[-1]
    notes = table_pages[-1].notes_slide.notes_text_frame.text
    assert "[q039]" in notes and "[q001]" not in notes  # each continuation slide carries its own rows' evidence
    assert_everything_fits(path)


def test_a_long_table_is_split_by_measured_row_heights_not_a_fixed_count(tmp_path: Path):
    short = TableSlide("Kort", columns=["a", "b"], rows=[["x", "y"]] * 30)
    long = TableSlide("Lang", columns=["a", "b"], rows=[["x", QUOTE_500]] * 30)
    prs = Presentation(str(render(Deck("d", "nl", [short, long]), tmp_path / "d.pptx")))
    pages = [[s for s in prs.slides if s.shapes.title.text_frame.text.startswith(name)] for name in ("Kort", "Lang")]
    assert len(pages[0]) < len(pages[1])
    assert all(len([sh for sh in s.shapes if sh.has_table]) == 1 for s in prs.slides)


def test_table_rows_that_are_assumptions_are_marked_in_their_own_column(tmp_path: Path):
    path = render(every_slide_type(), tmp_path / "deck.pptx")
    slide = next(s for s in Presentation(str(path)).slides if s.shapes.title.text_frame.text == "Prioriteren")
    table = next(sh for sh in slide.shapes if sh.has_table).table
    assert [row.cells[len(row.cells) - 1].text for row in table.rows] == ["", "", "", "Aanname"]


def test_a_team_master_with_dutch_layout_names_is_used_and_its_colours_followed(tmp_path: Path):
    master = team_master(tmp_path / "huisstijl.pptx")
    assert DeckMaster(master).style.accent == "7C3AED"
    path = render(every_slide_type(), tmp_path / "deck.pptx", theme=master)
    prs = Presentation(str(path))
    assert (prs.slide_width, prs.slide_height) == (9144000, 6858000)  # the team's 4:3 stays 4:3
    assert "Een oude dia die weg moet" not in "\n".join(slide_texts(s) for s in prs.slides)
    assert [s.slide_layout.name for s in prs.slides][:3] == ["Titeldia", "Sectiekop", "Titel en object"]
    slide = next(s for s in prs.slides if s.shapes.title.text_frame.text == "Prioriteren")
    table = next(sh for sh in slide.shapes if sh.has_table).table
    assert str(table.cell(0, 0).fill.fore_color.rgb) == "7C3AED"  # the header row in the team's accent
    assert_everything_fits(path)


def test_layouts_named_otherwise_are_found_by_their_placeholders(tmp_path: Path):
    names = {"Title Slide": "Huisstijl A", "Title and Content": "Huisstijl B", "Blank": "Huisstijl C"}
    theme = DeckMaster(team_master(tmp_path / "anders.pptx", names))
    assert (theme.layouts["title"].name, theme.layouts["content"].name) == ("Huisstijl A", "Huisstijl B")
    assert theme.layouts["section"].name == "Huisstijl A"  # no section layout: the title layout serves


def test_a_powerpoint_template_file_potx_is_accepted_as_a_master(tmp_path: Path):
    import zipfile

    pptx = team_master(tmp_path / "huisstijl.pptx")
    potx = tmp_path / "huisstijl.potx"
    with zipfile.ZipFile(pptx) as source, zipfile.ZipFile(potx, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"presentationml.presentation.main+xml", b"presentationml.template.main+xml")
            target.writestr(item, data)
    path = render(every_slide_type(), tmp_path / "deck.pptx", theme=potx)
    assert Presentation(str(path)).slides[0].slide_layout.name == "Titeldia"


def test_a_master_with_only_a_title_and_a_picture_layout_still_titles_every_slide(tmp_path: Path):
    master = team_master(tmp_path / "karig.pptx", {"Title Slide": "Titeldia", "Blank": "Foto"})
    prs = Presentation(str(render(every_slide_type(), tmp_path / "deck.pptx", theme=master)))
    assert [s.slide_layout.name for s in prs.slides][:3] == ["Titeldia", "Titeldia", "Foto"]
    assert all(s.shapes.title is not None and s.shapes.title.text_frame.text for s in prs.slides)


def test_a_theme_that_is_not_a_powerpoint_file_is_a_theme_error(tmp_path: Path):
    fake = tmp_path / "huisstijl.pptx"
    fake.write_text("geen pptx", encoding="utf-8")
    with pytest.raises(ThemeError, match="huisstijl.pptx: cannot be opened"):
        render(every_slide_type(), tmp_path / "deck.pptx", theme=fake)
    with pytest.raises(ThemeError, match="no such theme file"):
        render(every_slide_type(), tmp_path / "deck.pptx", theme=tmp_path / "weg.pptx")


def test_text_on_coloured_fills_takes_whichever_of_white_or_ink_reads_better():
    style = Style()
    assert style.on("0F766E") == "FFFFFF" and style.on("F7DFA0") == style.ink and style.on("EE9A8A") == style.ink


def test_every_slide_type_has_a_markdown_form_with_its_data_and_assumptions(tmp_path: Path):
    text = write_markdown(every_slide_type(), tmp_path / "deck.md").read_text(encoding="utf-8")
    assert text.count("\n### ") + text.count("\n## ") + text.startswith("# ") == 10  # a heading per slide
    assert "| Verhuisassistent | 3 | 4 | Alles in één flow. | Aanname |" in text
    assert "| Termijnbedrag wijzigt | -2 |" in text and "| Verhuizen (Aanname) | 1 |" in text
    assert "| Chatbot uitbreiden (Aanname) | 4 | 2 |" in text
    assert "| Snelle winst | Grote projecten |" in text
    assert "| Jurist (Aanname) | 2 | 2 | 1 | neutraal |" in text
    assert "| IT | 2 | 1 | – | 2 | 1 | Aanname |" in text and "*1 = laag, 5 = hoog*" in text
    assert "> Herhaalcontact" in text


@pytest.mark.slow
def test_libreoffice_renders_every_slide_type_one_page_per_slide(artifacts: Path):
    path = render(every_slide_type(), artifacts / "every-slide-type.pptx")
    pngs = pdf_to_pngs(soffice_to_pdf(path, artifacts), dpi=80)
    assert len(pngs) == len(Presentation(str(path)).slides) == 10


@pytest.mark.slow
def test_libreoffice_renders_the_stress_deck(artifacts: Path):
    path = render(stress_deck(), artifacts / "stress.pptx")
    pngs = pdf_to_pngs(soffice_to_pdf(path, artifacts), dpi=60)
    assert len(pngs) == len(Presentation(str(path)).slides)


@pytest.mark.slow
def test_libreoffice_renders_every_slide_type_on_a_team_master(artifacts: Path):
    master = team_master(artifacts / "huisstijl.pptx")
    path = render(every_slide_type(), artifacts / "team-master.pptx", theme=master)
    pngs = pdf_to_pngs(soffice_to_pdf(path, artifacts), dpi=80)
    assert len(pngs) == len(Presentation(str(path)).slides) == 10
