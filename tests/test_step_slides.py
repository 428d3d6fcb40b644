"""Every step's slides, built from a real session holding the example content of every schema, edited and
locked by people, rendered to a real .pptx in Dutch and English and read back (and, slow, drawn by LibreOffice)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE
from test_deck import assert_everything_fits, slide_texts

from copilot.export.deckspec import CanvasSlide, ImageSlide
from copilot.export.from_session import build_deck
from copilot.export.markdown import to_markdown
from copilot.export.render import render
from copilot.i18n import place_label
from copilot.research.chunks import Chunk
from copilot.session import Session
from copilot.steps.catalogue import STEPS
from copilot.steps.schemas import ResearchSynthesis, Theme
from copilot.steps.schemas.examples import Q1, Q2, Q3, Q4, example
from copilot.workshop import load_format

ROOT = Path(__file__).resolve().parents[1]
CONFIDENTIAL = ["SC-01", "SC-02", "SC-03", "SC-05"]
SECRET = "qsecret0001"  # a quote only the confidential stakeholder map cites

QUOTES = [
    Chunk(
        id=Q1,
        text="Mijn termijnbedrag ging omhoog en niemand legde uit waarom; de chatbot stuurde me steeds naar het menu.",
        source="interviews/ria.txt",
        location="turn 4",
        kind="transcript",
    ),
    Chunk(
        id=Q2,
        text="Ik wilde gewoon een mens spreken, en aan de telefoon moest ik alles opnieuw vertellen.",
        source="interviews/ria.txt",
        location="turn 9",
        kind="transcript",
    ),
    Chunk(
        id=Q3,
        text="Verhuizen doorgeven via de app ging snel, maar de bot begreep het woord verhuizing niet.",
        source="interviews/daan.txt",
        location="turn 2",
        kind="transcript",
    ),
    Chunk(
        id=Q4,
        text="Herhaalcontact over het termijnbedrag steeg in het derde kwartaal van 17 naar 24 procent.",
        source="memo/klantcontact.md",
        location="paragraph 2",
        kind="document",
    ),
    Chunk(
        id=SECRET,
        text="De CFO zei in het MT dat hij het hele plan te duur vindt en het zal tegenhouden.",
        source="notes/mt-overleg.md",
        location="line 12",
        kind="document",
    ),
]

# per step, a person's edit: (change the example, the edited text the deck must show)
EDITS = {
    "SD-01": ("challenge", "Hoe helpen we klanten met een termijnvraag in één keer aan de juiste hulp?"),
    "SD-02": ("themes.0.label", "Vast in de chatbot"),
    "SD-03": ("personas.0.name", "Ria, net weduwe"),
    "SD-04": ("stages.1.name", "Vraagt het de chatbot"),
    "SD-05": ("questions.0.question", "Hoe kunnen we een nieuw termijnbedrag uitleggen voordat de klant het vraagt?"),
    "SD-06": ("ideas.0.title", "Warme overdracht met samenvatting"),
    "SD-07": ("scores.1.title", "Termijnadvies elk kwartaal"),
    "SD-08": ("handovers.0.trigger", "Twee mislukte antwoorden of het woord 'mens'"),
    "SC-01": ("stakeholders.2.role", "Ondernemingsraad"),
    "SC-02": ("coalition.0.why", "Eigenaar van het voorstel"),
    "SC-03": ("groups.1.group", "Backoffice facturatie"),
    "SC-04": ("vision", "Snel waar klanten snelheid willen, menselijk waar het ertoe doet."),
    "SC-05": ("roadmap.0.action", "Warme overdracht live voor termijnchats"),
    "AI-01": ("touchpoints.0.fallback", "Bied een terugbelverzoek aan"),
    "AI-02": ("ideas.0.next_step", "Pilot met 20.000 klanten met een slimme meter"),
    "AI-03": ("risks.0.mitigation", "Adviseer in beide richtingen, binnen grenzen"),
}


def edited(step_id: str):
    """The example content of `step_id` with a person's edit in it."""
    schema = STEPS[step_id].schema
    data = example(schema).model_dump()
    path, value = EDITS[step_id]
    *parents, last = path.split(".")
    target = data
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    target[int(last) if last.isdigit() else last] = value
    if step_id == "SC-01":
        data["stakeholders"][1]["evidence"] = [SECRET]  # the CFO's stance rests on a confidential note
    return schema.model_validate(data)


def full_session(tmp_path: Path, language: str = "nl", steps=tuple(STEPS)) -> Session:
    session = Session.create(tmp_path / f"full-{language}.cxsession", "Windkracht — termijnbedrag", language)
    session.keep_evidence(QUOTES)
    for step_id in steps:
        session.save_edit(step_id, edited(step_id))
        session.lock(step_id)
    return session


def slides_of_step(prs, step_id: str, language: str) -> list:
    name = STEPS[step_id].name(language)
    return [s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text_frame.text.startswith(name)]


def notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def charts(slides) -> list:
    return [shape.chart.chart_type for s in slides for shape in s.shapes if shape.has_chart]


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The full 16-step deck in Dutch and in English, rendered once for the tests below."""
    folder = tmp_path_factory.mktemp("step-slides")
    paths = {}
    for language in ("nl", "en"):
        session = full_session(folder, language)
        paths[language] = render(build_deck(session, language=language), folder / f"deck-{language}.pptx")
        session.close()
    return paths


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_step_has_its_slides_showing_what_people_edited(decks: dict[str, Path], language: str):
    prs = Presentation(str(decks[language]))
    for step_id, (_, value) in EDITS.items():
        slides = slides_of_step(prs, step_id, language)
        assert slides, f"{step_id} has no slide"
        assert value in "\n".join(slide_texts(s) for s in slides), f"{step_id}: the edit {value!r} is not shown"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_charts_are_native_charts_of_the_kind_each_step_asks_for(decks: dict[str, Path], language: str):
    prs = Presentation(str(decks[language]))
    expected = {
        "SD-04": XL_CHART_TYPE.LINE_MARKERS,
        "SD-07": XL_CHART_TYPE.XY_SCATTER,
        "SC-01": XL_CHART_TYPE.BUBBLE,
        "AI-03": XL_CHART_TYPE.BAR_CLUSTERED,
    }
    for step_id, kind in expected.items():
        assert charts(slides_of_step(prs, step_id, language)) == [kind], step_id
    network = slides_of_step(prs, "SC-02", language)
    assert [sh for s in network for sh in s.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]
    heatmap = slides_of_step(prs, "SC-03", language)[0]
    assert "1" in slide_texts(heatmap) and ("Awareness" in slide_texts(heatmap) or "Bewustzijn" in slide_texts(heatmap))


def test_the_journey_has_stages_as_columns_and_its_emotion_curve_marks_moments_of_truth(decks: dict[str, Path]):
    prs = Presentation(str(decks["nl"]))
    table_slide, curve = slides_of_step(prs, "SD-04", "nl")
    table = next(sh for sh in table_slide.shapes if sh.has_table).table
    assert [c.text for c in table.rows[0].cells] == [
        "Fase",
        "Letter arrives",
        "Vraagt het de chatbot ★",
        "Calls the service desk",
    ]
    assert "★ moment van de waarheid" in slide_texts(table_slide)
    chart = next(sh for sh in curve.shapes if sh.has_chart).chart
    assert list(chart.plots[0].categories) == ["Letter arrives", "★ Vraagt het de chatbot", "Calls the service desk"]
    assert list(chart.plots[0].series[0].values) == [-1, -2, 1]


def test_the_blueprint_shows_its_lanes_and_the_line_of_visibility(decks: dict[str, Path]):
    slide = slides_of_step(Presentation(str(decks["en"])), "SD-08", "en")[0]
    table = next(sh for sh in slide.shapes if sh.has_table).table
    lanes = [row.cells[0].text for row in table.rows]
    assert lanes[:7] == [
        "Lane",
        "Customer",
        "Frontstage — people",
        "Frontstage — AI",
        "Line of visibility",
        "Backstage",
        "Support",
    ]
    assert "⇄ Twee mislukte antwoorden" in slide_texts(slide) and "⚠ Backstage: Billing ticket" in slide_texts(slide)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_items_without_evidence_are_marked_as_assumptions_on_their_slides(decks: dict[str, Path], language: str):
    prs = Presentation(str(decks[language]))
    label = "Aanname" if language == "nl" else "Assumption"
    for step_id in STEPS:
        content = edited(step_id).model_dump()
        if '"assumption": true' not in __import__("json").dumps(content):
            continue
        texts = "\n".join(slide_texts(s) for s in slides_of_step(prs, step_id, language))
        assert label in texts, f"{step_id} does not mark its assumptions"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_speaker_notes_carry_the_quotes_each_step_rests_on(decks: dict[str, Path], language: str):
    prs = Presentation(str(decks[language]))
    for step_id in STEPS:
        cited = {i for i in __import__("json").dumps(edited(step_id).model_dump()).split('"') if i.startswith("q")}
        cited &= {q.id for q in QUOTES}
        if not cited:
            continue
        text = "\n".join(notes(s) for s in slides_of_step(prs, step_id, language))
        for quote in (q for q in QUOTES if q.id in cited):
            where = place_label(quote.location, language)  # "beurt 4" in a Dutch deck; stored as "turn 4"
            assert f"[{quote.id}] “{quote.text}” — {quote.source}, {where}" in text, (step_id, quote.id)
    appendix = "\n".join(
        slide_texts(s) for s in prs.slides if "Bewijs" in slide_texts(s) or "Evidence" in slide_texts(s)
    )
    assert all(q.id in appendix for q in QUOTES)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_whole_deck_fits_its_slides(decks: dict[str, Path], language: str):
    assert_everything_fits(decks[language])


def test_a_shared_deck_leaves_out_confidential_steps_and_their_quotes(tmp_path: Path):
    session = full_session(tmp_path, "nl")
    workshop = load_format(ROOT / "workshop_templates" / "stakeholder_mapping_2h.yaml")
    full = build_deck(session, workshop)
    shared = build_deck(session, workshop, share=True)
    assert SECRET in to_markdown(full)
    prs = Presentation(str(render(shared, tmp_path / "shared.pptx")))
    everything = "\n".join(slide_texts(s) + notes(s) for s in prs.slides)
    agenda = next(slide_texts(s) for s in prs.slides if "Agenda" in slide_texts(s))
    assert "Vertrouwelijk deel" in agenda and "Stakeholderkaart" not in agenda  # the time is kept, not the name
    for step_id in CONFIDENTIAL:
        assert not slides_of_step(prs, step_id, "nl"), f"{step_id} is in the shared deck"
    assert SECRET not in everything and "te duur vindt" not in everything
    assert "CFO" not in everything  # the stakeholders' roles stay in the room
    assert slides_of_step(prs, "SC-04", "nl") and slides_of_step(prs, "AI-03", "nl")  # the rest is there


def test_a_deck_made_before_the_workshop_has_a_canvas_for_every_agenda_step_not_yet_drafted(tmp_path: Path):
    session = Session.create(tmp_path / "s.cxsession", "Windkracht — kick-off", "nl", "coalition_kickoff_90")
    session.save_draft("SC-03", example(STEPS["SC-03"].schema))
    session.save_draft("SD-06", STEPS["SD-06"].schema())  # in the session, but nothing in it yet
    workshop = load_format(ROOT / "workshop_templates" / "coalition_kickoff_90.yaml")
    deck = build_deck(session, workshop)
    canvases = [s for s in deck.slides if isinstance(s, CanvasSlide)]
    assert [s.title for s in canvases] == ["Ideeën", "Urgentie & visie", "Betrokkenheidsplan"]
    order = [s.title.split(":")[0] for s in deck.slides[2:]]
    assert (
        order.index("Urgentie & visie") < order.index("Impact & veranderbereidheid") < order.index("Betrokkenheidsplan")
    )
    assert canvases[1].caption == "Waarom kan de verandering niet wachten, en wat wordt er anders?"
    path = render(deck, tmp_path / "handout.pptx")
    slide = next(s for s in Presentation(str(path)).slides if s.shapes.title.text_frame.text == "Betrokkenheidsplan")
    table = next(sh for sh in slide.shapes if sh.has_table).table
    assert [c.text for c in table.rows[0].cells] == [
        "Stakeholder",
        "Nu → gewenst",
        "Aanpak",
        "Boodschapper",
        "Eigenaar",
        "Wanneer",
    ]
    assert len(table.rows) > 3 and not any(c.text for row in list(table.rows)[1:] for c in row.cells)
    assert "Waarom kan de verandering niet wachten" in slide_texts(
        next(s for s in Presentation(str(path)).slides if s.shapes.title.text_frame.text == "Urgentie & visie")
    )
    assert_everything_fits(path)


def test_every_step_has_a_canvas_in_both_languages_that_fits(tmp_path: Path):
    from copilot.export.deckspec import Deck
    from copilot.export.slides import canvas

    for language in ("nl", "en"):
        slides = [canvas(step_id, language) for step_id in STEPS]
        assert all(s.caption and s.columns for s in slides)
        path = render(Deck("Handout", language, slides), tmp_path / f"canvases-{language}.pptx")
        assert len(Presentation(str(path)).slides) == len(STEPS)
        assert_everything_fits(path)


def test_the_influence_network_picture_keeps_its_aspect_ratio_inside_the_body(decks: dict[str, Path]):
    from PIL import Image

    prs = Presentation(str(decks["nl"]))
    picture = next(
        sh for s in slides_of_step(prs, "SC-02", "nl") for sh in s.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE
    )
    with Image.open(__import__("io").BytesIO(picture.image.blob)) as image:
        width, height = image.size
    assert abs(picture.width / picture.height - width / height) < 0.01
    assert (
        picture.left + picture.width <= prs.slide_width
        and picture.top + picture.height <= prs.slide_height - 0.6 * 914400
    )


def test_a_picture_slide_takes_a_file_path_too(tmp_path: Path):
    from PIL import Image

    Image.new("RGB", (400, 800), "white").save(tmp_path / "muur.png")
    from copilot.export.deckspec import Deck

    path = render(
        Deck("d", "nl", [ImageSlide("De muur na de workshop", image=tmp_path / "muur.png", caption="Foto")]),
        tmp_path / "d.pptx",
    )
    picture = next(sh for sh in Presentation(str(path)).slides[0].shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE)
    assert abs(picture.width / picture.height - 0.5) < 0.01
    assert_everything_fits(path)


def test_the_brief_puts_a_long_kpi_list_on_a_slide_of_its_own(tmp_path: Path):
    session = Session.create(tmp_path / "s.cxsession", "Windkracht", "nl")
    brief = example(STEPS["SD-01"].schema).model_dump()
    brief["kpis"] = [dict(brief["kpis"][0], id=f"K{n}", name=f"KPI nummer {n} over herhaalcontact") for n in range(12)]
    session.save_edit("SD-01", STEPS["SD-01"].schema.model_validate(brief))
    path = render(build_deck(session), tmp_path / "d.pptx")
    titles = [s.shapes.title.text_frame.text for s in Presentation(str(path)).slides if s.shapes.title is not None]
    assert "Ontwerpvraag" in titles and any(t.startswith("Ontwerpvraag: Zo meten we succes") for t in titles)
    assert_everything_fits(path)


def test_the_synthesis_builder_still_serves_a_session_with_only_themes(tmp_path: Path):
    session = Session.create(tmp_path / "s.cxsession", "Windkracht", "en")
    session.save_draft("SD-02", ResearchSynthesis(themes=[Theme(id="T1", label="Repeat contact")]))
    deck = build_deck(session)
    assert [s.title for s in deck.slides][1:] == ["Service design", "Research synthesis", "Provenance"]


@pytest.mark.slow
def test_libreoffice_renders_the_full_sixteen_step_deck(tmp_path: Path, artifacts: Path):
    from conftest import pdf_to_pngs, soffice_to_pdf

    session = full_session(tmp_path, "nl")
    workshop = load_format(ROOT / "workshop_templates" / "journey_pain_points_90.yaml")
    path = render(build_deck(session, workshop), artifacts / "sixteen-steps.pptx")
    pngs = pdf_to_pngs(soffice_to_pdf(path, artifacts), dpi=80)
    assert len(pngs) == len(Presentation(str(path)).slides)


def test_the_markdown_export_carries_the_one_page_brief_and_pictures(tmp_path):
    from copilot.export.from_session import build_deck
    from copilot.export.markdown import to_markdown
    from copilot.session import Session
    from copilot.steps.catalogue import STEPS
    from copilot.steps.schemas.examples import example

    session = Session.create(tmp_path / "md.cxsession", "Markdown", "en")
    for step_id in ("SD-01", "SC-02"):
        session.save_edit(step_id, example(STEPS[step_id].schema))
    text = to_markdown(build_deck(session))
    brief = example(STEPS["SD-01"].schema)
    assert brief.challenge[:40] in text and brief.kpis[0].name in text


def test_a_theme_card_shows_a_customers_sentence_before_an_agents_note_or_a_placeholder(tmp_path: Path):
    from copilot.export.slides.service_design import research_synthesis

    note = "CB – mdw: TB-verhoging termijnbedrag zonder uitleg in brief, klt belt opnieuw over termijnbedrag."
    redacted = "Klantnummer [klantnummer 1]: termijnbedrag verhoging zonder uitleg, achterstand €411."
    said = "Het termijnbedrag ging omhoog en niemand legde uit waarom."
    quotes = [
        Chunk(id=f"qvoice{n}", text=text, source=f"bron{n}.csv", location=f"row {n}", kind="table")
        for n, text in enumerate([note, redacted, said])
    ]
    session = Session.create(tmp_path / "s.cxsession", "Stem", "nl")
    session.keep_evidence(quotes)
    theme = Theme(id="T1", label="Termijnbedrag verhoging uitleg", evidence=[q.id for q in quotes], n_sources=3)
    session.save_draft("SD-02", ResearchSynthesis(themes=[theme]))
    slides, _ = research_synthesis(session, "nl")
    body = slides[0].cards[0].body
    # the note and the placeholder line share more words with the label, but are not what a customer said
    assert said in body and "mdw" not in body and "[klantnummer" not in body


def test_a_theme_card_whose_other_quotes_are_all_agent_notes_shows_none_of_them(tmp_path: Path):
    from copilot.export.slides.service_design import research_synthesis

    notes = ["CB – mdw: TB-verhoging zonder uitleg in brief. Kl al 3e contact hierover.", "mdw fac contact"]
    quotes = [
        Chunk(id=f"qnote{n}", text=text, source="contact.csv", location=f"row {n}", kind="table")
        for n, text in enumerate(notes)
    ]
    session = Session.create(tmp_path / "s.cxsession", "Stem", "nl")
    session.keep_evidence(quotes)
    theme = Theme(id="T1", label="Uitleg in brief", insight="„Ik snap de brief niet.”", evidence=[q.id for q in quotes])
    session.save_draft("SD-02", ResearchSynthesis(themes=[theme]))
    slides, _ = research_synthesis(session, "nl")
    body = slides[0].cards[0].body
    assert "Ik snap de brief niet" in body and "\n\n" not in body and "mdw" not in body  # no second quote
    assert "mdw" in slides[0].notes
