"""Deck polish seen on a real workshop's deck: names on pictures never overlap, one continuation marker,
counted words in the right number in both languages, shortened text ending at a sentence or word boundary."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu

from copilot.export.deckspec import ChartPoint, ChartSlide, Deck
from copilot.export.matrix import label_boxes, overlapping, spread
from copilot.export.render import render
from copilot.export.text import numbered, shorten
from copilot.export.theme import Box
from copilot.i18n import t

STANCES = ["supportive", "neutral", "resistant", "leading", "unaware"]


def rendered_chart(tmp_path: Path, spec: ChartSlide):
    deck = Deck("Test", "en", [spec])
    slide = Presentation(str(render(deck, tmp_path / "deck.pptx"))).slides[0]
    frame = next(shape for shape in slide.shapes if shape.has_chart)
    box = Box(*(Emu(v).inches for v in (frame.left, frame.top, frame.width, frame.height)))
    labels = [
        point.data_label.text_frame.text
        for series in frame.chart.plots[0].series
        for index, point in enumerate(series.points)
        if index < len(series.values) and series.values[index] is not None
    ]
    texts = " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
    return box, labels, texts


def stakeholder_map(points: list[ChartPoint]) -> ChartSlide:
    return ChartSlide("Stakeholder map", kind="bubble", points=points, x_title="Interest", y_title="Power")


def test_names_that_would_collide_become_numbers_with_the_names_in_a_key(tmp_path):
    crowded = stakeholder_map(
        [
            ChartPoint("Transport authority", 4, 4, 2, "neutral"),
            ChartPoint("Veterans service members", 4.4, 4, 2, "supportive"),
            ChartPoint("Case workers", 2, 2, 1, "resistant"),
        ]
    )
    box, labels, texts = rendered_chart(tmp_path, crowded)
    assert all(label.strip("*† ").isdigit() for label in labels)
    assert "Transport authority" in texts and "Veterans service members" in texts


@pytest.mark.parametrize("seed", range(6))
def test_names_drawn_on_a_matrix_never_overlap(tmp_path, seed):
    rng = random.Random(seed)
    points = [
        ChartPoint(
            rng.choice(["Board", "Case workers", "IT supplier", "Works council", "Citizens", "Alderman"]) + f" {i}",
            rng.randint(1, 5),
            rng.randint(1, 5),
            rng.randint(1, 3),
            rng.choice(STANCES),
        )
        for i in range(rng.randint(3, 8))
    ]
    spec = stakeholder_map(points)
    box, labels, _ = rendered_chart(tmp_path, spec)
    if all(label.strip("*† ").isdigit() for label in labels):
        return  # numbered: the key beside the chart carries the names
    boxes = label_boxes(spec, box, spread(spec.points, (spec.x_max - spec.x_min) * 0.06))
    assert not overlapping(boxes)
    assert {label.rstrip(" *†") for label in labels} == {shorten(p.label, 32) for p in points}


def test_the_overlap_measure_sees_boxes_that_touch_and_not_boxes_apart():
    assert overlapping([(0, 0, 2, 0.2), (1.5, 0.1, 3, 0.3)])
    assert not overlapping([(0, 0, 2, 0.2), (2.1, 0, 3, 0.2), (0, 0.25, 2, 0.45)])


def test_a_continuation_slide_split_again_has_one_marker():
    first = numbered("Service blueprint", 1, 2)
    assert first == "Service blueprint (1/2)"
    assert numbered(first, 1, 2) == "Service blueprint (1a/2)"
    assert numbered(first, 2, 2) == "Service blueprint (1b/2)"
    assert numbered("Service blueprint", 1, 1) == "Service blueprint"


@pytest.mark.parametrize(
    ("language", "one", "three"),
    [("en", "1 source", "3 sources"), ("nl", "1 bron", "3 bronnen")],
)
def test_counted_words_are_singular_for_one_in_both_languages(language, one, three):
    assert t("deck.sources", language, n=1) == one
    assert t("deck.sources", language, n=3) == three
    insight = t("synthesis.computed_insight", language, n=1, sources=2)
    assert ("1 fragment " in insight) and ("2 sources" in insight or "2 bronnen" in insight)


def test_shortened_text_ends_at_a_sentence_when_one_is_near_else_at_a_word_with_an_ellipsis():
    text = "The letter came after three weeks. Nobody had told me what the decision meant for my care at home."
    assert shorten(text, 60) == "The letter came after three weeks. …"
    cut = shorten("Nobody had told me what the decision meant for my care at home", 40)
    assert cut.endswith("…") and "Nobody had told me what the decision".startswith(cut[:-1])
    words = set("Nobody had told me what the decision meant for my care at home".split())
    assert all(word in words for word in cut[:-1].split())


def test_names_on_the_influence_network_never_overlap_and_link_labels_never_cover_them():
    from copilot.export.network import Legend, Link, Node, network_figure

    roles = [
        "Wethouder Dienstverlening en Digitalisering",
        "Wethouder Zorg en Welzijn",
        "Teamleider KCC",
        "Wmo-consulenten",
        "Functionaris gegevensbescherming",
        "Ondernemingsraad",
        "Manager I&A",
    ]
    nodes = [Node(f"K{i}", role) for i, role in enumerate(roles, start=1)]
    links = [
        Link("K3", "K6", 4, "Informeel gezag bij medewerkers"),
        Link("K5", "K2", 3, "Privacyadvies"),
        Link("K1", "K7", 2, "Budget"),
        Link("K4", "K2", 2, "Signalen uit de wijk"),
    ]
    figure, texts = network_figure(nodes, links, Legend())
    renderer = figure.canvas.get_renderer()
    boxes = [text.get_window_extent(renderer) for text in texts]
    assert len(boxes) >= len(nodes)
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    names = [text.get_text() for text in texts[: len(nodes)]]
    assert "Functionaris\ngegevensbescherming" in names  # long words wrap whole, never 'gegev-ensbescherming'


def test_candidates_nobody_placed_yet_stand_beside_an_empty_grid_not_in_a_pile(tmp_path):
    """The offline SC-01 draft puts every candidate in the middle (power and interest are for people to judge):
    the deck showed twelve bubbles piled on one spot and a table of 3s. Now the grid is empty, the candidates
    are listed beside it to place, and the table shows "–" for what nobody judged yet."""
    from copilot.export.slides.stakeholders import stakeholder_map as map_slides
    from copilot.session import Session
    from copilot.steps.schemas import Stakeholder, StakeholderMap
    from copilot.ui.visuals import VISUALS
    from copilot.ui.visuals.style import is_png

    roles = ["Ondernemingsraad", "Teamleiders", "IT", "Directie / MT"]
    candidates = StakeholderMap(
        stakeholders=[Stakeholder(id=f"K{i}", role=r, power=3, interest=3) for i, r in enumerate(roles)]
    )
    assert candidates.unplaced()
    session = Session.create(tmp_path / "s.cxsession", "Test", "nl")
    session.save_edit("SC-01", candidates)
    (chart, table), _ = map_slides(session, "nl")
    assert chart.points == [] and chart.waiting == roles and chart.waiting_label == "Nog te plaatsen:"
    assert {row[1] for row in table.rows} == {"–"} and {row[3] for row in table.rows} == {"–"}
    deck = Presentation(str(render(Deck("Test", "nl", [chart]), tmp_path / "deck.pptx")))
    shapes = deck.slides[0].shapes
    assert any(shape.has_chart for shape in shapes)  # the grid, with its quadrant names, to place them on
    texts = " ".join(shape.text_frame.text for shape in shapes if shape.has_text_frame)
    assert "Nog te plaatsen:" in texts and all(role in texts for role in roles) and "Nauw betrekken" in texts
    assert is_png(VISUALS["SC-01"](candidates, "nl"))

    placed = candidates.model_copy(
        update={"stakeholders": [*candidates.stakeholders[:3], Stakeholder(id="K9", role="CFO", power=5, interest=2)]}
    )
    assert not placed.unplaced()
    session.save_edit("SC-01", placed)
    (chart, table), _ = map_slides(session, "nl")
    assert len(chart.points) == 4 and not chart.waiting and {row[1] for row in table.rows} == {"3", "5"}
