"""The influence network (SC-02) has one layout: the notebook's picture and the deck's slide place every
stakeholder at the same spot of drawing areas of the same proportions, the same way every time."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from copilot.export import network
from copilot.export.network_layout import FRAME_INCHES, LABEL_ROOM, influence_network, network_layout
from copilot.steps.schemas import CoalitionCandidate, InfluenceLink, InfluenceMap
from copilot.ui.visuals import influence

ROLES = [
    "Wethouder Dienstverlening en Digitalisering",
    "Wethouder Zorg en Welzijn",
    "Teamleider KCC",
    "Wmo-consulenten",
    "Functionaris gegevensbescherming",
    "Ondernemingsraad",
    "Manager I&A",
    "Cliëntenraad",
    "Gemeentesecretaris",
]


def nine_with_two_loose() -> InfluenceMap:
    pairs = [("K1", "K7"), ("K9", "K1"), ("K9", "K3"), ("K3", "K4"), ("K2", "K4"), ("K7", "K3"), ("K6", "K9")]
    return InfluenceMap(
        links=[
            InfluenceLink(id=f"L{n}", source=f" {s}", target=t, strength=1 + n % 5, how="Budget")
            for n, (s, t) in enumerate(pairs, start=1)
        ],
        coalition=[
            CoalitionCandidate(id=f"C{n}", stakeholder=k, why="Mandaat") for n, k in enumerate(["K8 ", "K1", "K5"])
        ],
    )


def no_names_overlap(positions: dict[str, tuple[float, float]]) -> bool:
    spots = [(x * FRAME_INCHES[0], y * FRAME_INCHES[1]) for x, y in positions.values()]
    return all(
        abs(a[0] - b[0]) >= LABEL_ROOM[0] - 1e-6 or abs(a[1] - b[1]) >= LABEL_ROOM[1] - 1e-6
        for i, a in enumerate(spots)
        for b in spots[i + 1 :]
    )


def test_the_notebook_picture_and_the_slide_place_the_network_alike(tmp_path: Path, monkeypatch):
    from copilot.export.slides.stakeholders import influence_map
    from copilot.session import Session

    used: dict[str, list] = {"notebook": [], "slide": []}

    def recording(medium: str):
        def layout(nodes, links):
            placed = network_layout(nodes, links)
            used[medium].append(placed)
            return placed

        return layout

    monkeypatch.setattr(influence, "network_layout", recording("notebook"))
    monkeypatch.setattr(network, "network_layout", recording("slide"))
    content = nine_with_two_loose()
    influence.influence_picture(content, "nl", {f"K{i}": role for i, role in enumerate(ROLES, start=1)})
    session = Session.create(tmp_path / "network.cxsession", "Netwerk", "nl")
    session.save_edit("SC-02", content)
    slides, _ = influence_map(session, "nl")
    session.close()

    assert slides and len(used["notebook"]) == 1 and len(used["slide"]) == 1
    assert used["notebook"][0] == used["slide"][0]
    assert set(used["slide"][0]) == {f"K{i}" for i in range(1, 10)}  # the loose K5 and K8 too, ids stripped
    assert used["slide"][0]["K5"][0] > 0.8 and used["slide"][0]["K8"][0] > 0.8  # a column of their own, right

    # each picture maps those positions onto a drawing area of the frame's proportions
    aspect = FRAME_INCHES[0] / FRAME_INCHES[1]
    for width, height in (influence.frame_inches(), network.frame_inches()):
        assert width / height == pytest.approx(aspect, rel=0.01)
    nodes, links = influence_network(content)
    placed = network_layout(nodes, links)
    on_slide = network.slide_positions([network.Node(n, n) for n in nodes], [network.Link(*k) for k in links])
    in_notebook = influence.notebook_positions(nodes, content.links)
    for node, (x, y) in placed.items():
        sx, sy = on_slide[node]
        nx_, ny = in_notebook[node]
        assert (sx + network.SPAN) / (2 * network.SPAN) == pytest.approx(x)
        assert (sy + network.SPAN) / (2 * network.SPAN) == pytest.approx(y)
        assert (nx_ - influence.SIDE) / influence.frame_inches()[0] == pytest.approx(x)


def test_the_same_network_gets_the_same_positions_whatever_the_order():
    links = [(f"K{i}", f"K{(i * 5) % 14 + 1}") for i in range(1, 15)] + [("K2", "K3")]
    nodes = [f"K{i}" for i in range(1, 15)]
    first = network_layout(nodes, links)
    for seed in range(3):
        shuffled = random.Random(seed)
        again_links, again_nodes = links[:], nodes[:]
        shuffled.shuffle(again_links)
        shuffled.shuffle(again_nodes)
        assert network_layout(again_nodes, again_links) == first
    assert no_names_overlap(first)


@pytest.mark.parametrize(
    ("nodes", "links"),
    [
        ([], []),
        (["K1"], []),
        (["K1"], [("K1", "K1")]),
        (["K1", "K2"], [("K1", "K2")]),
        (["K1", "K2"], []),
        (["K1", "K2", "K3", "K4"], [("K1", "K2"), ("K2", "K3"), ("K3", "K4"), ("K4", "K1")]),
        ([f"K{i}" for i in range(1, 10)], [("K1", "K2"), ("K3", "K4"), ("K5", "K6"), ("K6", "K7")]),
    ],
)
def test_small_odd_and_loose_networks_stay_inside_the_frame_with_names_apart(nodes, links):
    placed = network_layout(nodes, links)
    assert set(placed) == set(nodes)
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in placed.values())
    assert no_names_overlap(placed)
    if len(nodes) == 1:
        assert placed == {"K1": (0.5, 0.5)}


def test_a_strength_or_the_direction_of_a_link_does_not_move_anyone():
    content = nine_with_two_loose()
    before = network_layout(*influence_network(content))
    content.links[0].strength = 5
    content.links[1].source, content.links[1].target = content.links[1].target, content.links[1].source
    assert network_layout(*influence_network(content)) == before


def test_names_in_the_notebook_picture_never_overlap_nor_are_covered_by_a_links_label(monkeypatch):
    from copilot.ui.visuals import style

    drawn = []

    def keeping(draw, height):
        def drawing(figure):
            draw(figure)
            drawn.append(figure)

        return style.render(drawing, height)

    monkeypatch.setattr(influence, "render", keeping)
    roles = {f"K{i}": role for i, role in enumerate(ROLES, start=1)}
    roles |= {f"K{i}": f"Rol nummer {i} met een lange naam" for i in range(10, 15)}
    content = nine_with_two_loose()
    more = [("K10", "K11"), ("K11", "K12"), ("K12", "K10"), ("K13", "K1"), ("K14", "K2")]
    for n, (s, t) in enumerate(more, start=len(content.links) + 1):
        content.links.append(InfluenceLink(id=f"L{n}", source=s, target=t, strength=3, how="Overleg"))
    for example in (nine_with_two_loose(), content):
        influence.influence_picture(example, "nl", roles)
        figure = drawn.pop()
        renderer = figure.canvas.get_renderer()
        texts = [t for t in figure.axes[0].texts if t.get_text()]
        names = [t.get_window_extent(renderer) for t in texts if t.get_weight() == "bold"]
        said = [t.get_window_extent(renderer) for t in texts if t.get_style() == "italic"]
        assert len(names) == len(influence_network(example)[0])
        assert not any(a.overlaps(b) for i, a in enumerate(names) for b in names[i + 1 :])
        assert not any(a.overlaps(b) for a in said for b in names)
