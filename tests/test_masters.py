"""Decks on organisations' own masters (issue 22): two masters in one file, LibreOffice-made, 4:3, .potx,
Dutch and German layout names, a logo in a bottom corner, a cover without a title placeholder. Every slide
has its title, nothing the deck adds lies on the master's pictures and shapes, and LibreOffice renders it."""

from pathlib import Path

import pytest
from conftest import pdf_to_pngs, soffice_to_pdf
from master_fixtures import german_potx, inches, libreoffice_made, remove_placeholders, two_masters
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from test_deck import assert_everything_fits, quote, run_cli, session_with_themes
from test_deck_render import every_slide_type, stress_deck, team_master

from copilot.errors import ThemeError
from copilot.export.layouts import name_role, normalise
from copilot.export.render import render
from copilot.export.theme import DeckMaster
from copilot.steps.schemas import Theme


def drawn_by_master(slide) -> list[tuple[str, tuple[float, float, float, float]]]:
    """The pictures and filled shapes the slide's layout and master show on it, measured from their XML."""
    layout = slide.slide_layout
    shapes = list(layout.shapes)
    if layout._element.get("showMasterSp") != "0":
        shapes += list(layout.slide_master.shapes)
    return [(s.name, inches(s)) for s in shapes if not s.is_placeholder and s.shape_type != MSO_SHAPE_TYPE.GROUP]


def overlap(a, b) -> float:
    """Area (square inches) two boxes share."""
    w = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    h = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return max(0.0, w) * max(0.0, h)


def assert_titled_and_clear(path: Path) -> Presentation:
    """Every slide has a title placeholder with its title; no shape of the deck lies on a master's picture."""
    prs = Presentation(str(path))
    for number, slide in enumerate(prs.slides, start=1):
        title = slide.shapes.title
        assert title is not None and title.text_frame.text.strip(), f"slide {number} has no title"
        for name, box in drawn_by_master(slide):
            for shape in slide.shapes:
                assert overlap(inches(shape), box) < 0.005, f"slide {number}: {shape.name!r} lies on the {name}"
    return prs


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("Tekstdia: titel ", "title"),
        ("Tekstdia: titel met tekst", "content"),
        ("1_Sectiekop", "section"),
        ("Titel en object 2", "content"),
        ("Alleen titel (3)", "title only"),
        ("Titelfolie", "title"),
        ("Titel und Inhalt", "content"),
        ("Abschnittsüberschrift", "section"),
        ("Nur Titel", "title only"),
        ("Title, Content", "content"),
        ("Title Slide", "title"),
        ("Afbeelding met bijschrift", "other"),
        ("Twee objecten", "other"),
        ("Blank Slide", "blank"),
    ],
)
def test_layout_names_are_read_in_dutch_english_and_german_whatever_their_numbering(name: str, role: str):
    assert name_role(name)[0] == role


def test_trailing_spaces_copies_and_numbering_do_not_change_a_name():
    assert normalise("Tekstdia: titel ") == normalise("Tekstdia:titel") == "tekstdia titel"
    assert normalise("2_Titel en object (3)") == normalise("Titel en object") == "titel en object"


def test_of_two_masters_the_one_whose_layouts_fit_is_used(tmp_path: Path):
    theme = DeckMaster(two_masters(tmp_path / "twee.pptx"))
    assert [f.name for f in theme.fits] == ["Kantoor oud", "Huisstijl 2024"]
    assert theme.fit.name == "Huisstijl 2024"
    names = {role: layout.name for role, layout in theme.layouts.items()}
    assert names == {"title": "Tekstdia: titel ", "section": "1_Sectiekop", "content": "Tekstdia: titel met tekst"}
    path = render(every_slide_type(), tmp_path / "deck.pptx", theme=tmp_path / "twee.pptx")
    prs = assert_titled_and_clear(path)
    assert [s.slide_layout.name for s in prs.slides][:3] == [
        "Tekstdia: titel ",
        "1_Sectiekop",
        "Tekstdia: titel met tekst",
    ]
    assert_everything_fits(path)


def test_a_person_can_name_the_master_by_number_or_name_and_every_slide_still_has_its_title(tmp_path: Path):
    master = two_masters(tmp_path / "twee.pptx")
    assert DeckMaster(master, master="kantoor").fit.index == DeckMaster(master, master="1").fit.index == 1
    path = render(every_slide_type(), tmp_path / "oud.pptx", theme=master, master="Kantoor oud")
    prs = assert_titled_and_clear(path)
    assert all(s.slide_layout in list(prs.slide_masters[0].slide_layouts) for s in prs.slides)
    with pytest.raises(ThemeError) as error:
        DeckMaster(master, master="Huisstijl 1999")
    assert "1 'Kantoor oud', 2 'Huisstijl 2024'" in str(error.value)


def test_footers_go_into_the_masters_footer_placeholder_and_the_number_beside_the_logo(tmp_path: Path):
    path = render(every_slide_type(), tmp_path / "deck.pptx", theme=two_masters(tmp_path / "twee.pptx"))
    slide = Presentation(str(path)).slides[2]
    footer = [p for p in slide.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.FOOTER]
    assert [p.text_frame.text for p in footer] == ["Windkracht — klantreis"]
    # the master's own slide-number placeholder sits under the logo: the number is drawn left of the logo
    assert not [p for p in slide.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER]
    number = next(s for s in slide.shapes if not s.is_placeholder and s.has_text_frame and s.text_frame.text == "3")
    assert inches(number)[0] + inches(number)[2] <= 11.35


def test_a_german_4_by_3_potx_with_a_cover_without_title_placeholder_titles_every_slide(tmp_path: Path):
    potx = german_potx(tmp_path / "vorlage.potx")
    path = render(every_slide_type(), tmp_path / "deck.pptx", theme=potx)
    prs = assert_titled_and_clear(path)
    assert (prs.slide_width, prs.slide_height) == (9144000, 6858000)
    assert [s.slide_layout.name for s in prs.slides][:3] == ["Titelfolie", "Abschnittsüberschrift", "Titel und Inhalt"]
    cover = prs.slides[0].shapes.title
    assert cover.placeholder_format.type == PP_PLACEHOLDER.TITLE and inches(cover)[0] >= 3.6  # right of the artwork
    assert_everything_fits(path)


def untitled_content_master(path: Path) -> Path:
    """A master whose only content layout has no title placeholder (its designer drew the title into artwork)."""
    path = team_master(path, {"Title Slide": "Titeldia", "Title and Content": "Inhoud"})
    prs = Presentation(str(path))
    remove_placeholders(prs.slide_layouts[1], "title")
    prs.save(str(path))
    return path


def test_a_content_layout_without_a_title_gets_its_title_in_the_masters_title_area(tmp_path: Path):
    path = render(every_slide_type(), tmp_path / "deck.pptx", theme=untitled_content_master(tmp_path / "m.pptx"))
    prs = assert_titled_and_clear(path)
    master_title = next(p for p in prs.slide_master.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.TITLE)
    for slide in list(prs.slides)[2:]:
        assert slide.slide_layout.name == "Inhoud"
        title = slide.shapes.title
        assert abs(title.top - master_title.top) < 9144 and title.placeholder_format.type == PP_PLACEHOLDER.TITLE
        below = [s for s in slide.shapes if s is not title and s.top < title.top + title.height]
        assert not [s for s in below if not s.is_placeholder], f"{title.text_frame.text}: content under the title"
    assert_everything_fits(path)


def test_the_dutch_team_master_keeps_working(tmp_path: Path):
    path = render(every_slide_type(), tmp_path / "deck.pptx", theme=team_master(tmp_path / "huisstijl.pptx"))
    assert_titled_and_clear(path)


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["two-masters", "libreoffice", "german-potx", "dutch-4x3", "untitled-content"])
def test_libreoffice_renders_every_slide_on_each_organisations_master(artifacts: Path, kind: str):
    if kind == "two-masters":
        master = two_masters(artifacts / "twee.pptx")
    elif kind == "libreoffice":
        master = libreoffice_made(two_masters(artifacts / "bron.pptx"), artifacts / "libreoffice")
    elif kind == "german-potx":
        master = german_potx(artifacts / "vorlage.potx")
    elif kind == "untitled-content":
        master = untitled_content_master(artifacts / "inhoud.pptx")
    else:
        master = team_master(artifacts / "huisstijl.pptx")
    path = render(every_slide_type(), artifacts / f"deck-{kind}.pptx", theme=master)
    prs = assert_titled_and_clear(path)
    assert_everything_fits(path)
    pngs = pdf_to_pngs(soffice_to_pdf(path, artifacts), dpi=60)
    assert len(pngs) == len(prs.slides) == 10


@pytest.mark.parametrize("kind", ["two-masters", "german-potx", "untitled-content"])
def test_the_stress_deck_on_each_master_has_every_title_and_keeps_off_the_masters_pictures(tmp_path: Path, kind: str):
    master = {
        "two-masters": lambda: two_masters(tmp_path / "twee.pptx"),
        "german-potx": lambda: german_potx(tmp_path / "vorlage.potx"),
        "untitled-content": lambda: untitled_content_master(tmp_path / "inhoud.pptx"),
    }[kind]()
    path = render(stress_deck(), tmp_path / "stress.pptx", theme=master)
    assert len(assert_titled_and_clear(path).slides) > 20
    assert_everything_fits(path)


def test_theme_check_tells_a_facilitator_in_dutch_which_layouts_serve_what_and_what_is_missing(tmp_path: Path):
    master = two_masters(tmp_path / "twee.pptx")
    result = run_cli("theme", "check", str(master), "--lang", "nl", home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "Masters: 2 — gebruikt wordt 2 'Huisstijl 2024'" in text and "1 'Kantoor oud'" in text
    assert "titeldia: 'Tekstdia: titel '" in text and "inhoudsdia's: 'Tekstdia: titel met tekst'" in text
    assert "Vrije ruimte voor inhoud: 30,5 × " in text
    assert "'Logo' (afbeelding op de master, rechtsonder, 4,1 × 1,6 cm)" in text
    assert "de dianummer-tijdelijke aanduiding van de master ligt op een afbeelding of vorm" in text


def test_theme_check_in_english_names_a_cover_without_title_and_the_shapes_content_keeps_clear_of(tmp_path: Path):
    potx = german_potx(tmp_path / "vorlage.potx")
    result = run_cli("theme", "check", str(potx), "--lang", "en", home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert (
        "title slide: 'Titelfolie' — no title placeholder: the title goes in the free part of the cover"
        in result.stdout
    )
    assert "'Band' (shape on the layout, top, 25.4 × 0.6 cm)" in result.stdout
    assert "'Logo' (picture on the master, bottom left" in result.stdout
    assert "(4:3, 25.4 × 19.1 cm)" in result.stdout


def test_a_master_that_is_not_there_is_explained_in_the_facilitators_language(tmp_path: Path):
    master = two_masters(tmp_path / "twee.pptx")
    result = run_cli("theme", "check", str(master), "--master", "Huisstijl 1999", "--lang", "nl", home=tmp_path / "h")
    assert result.returncode == 1
    assert (
        "geen master met de naam 'Huisstijl 1999'. De masters zijn: 1 'Kantoor oud', 2 'Huisstijl 2024'"
        in result.stderr
    )


def test_the_export_command_takes_the_master_a_person_names(tmp_path: Path):
    session = session_with_themes(tmp_path, [Theme(id="T1", label="Herhaalcontact", evidence=["q001"])], [quote(1)])
    session.close()
    master, deck = two_masters(tmp_path / "twee.pptx"), tmp_path / "deck.pptx"
    result = run_cli(
        "export", str(session.path), "--out", str(deck), "--theme", str(master), "--master", "1", home=tmp_path / "h"
    )
    assert result.returncode == 0, result.stderr
    prs = assert_titled_and_clear(deck)
    assert {s.slide_layout.name for s in prs.slides} <= {"Afbeelding met bijschrift", "Twee objecten"}
