"""Chart slides become native PowerPoint charts: reopened with python-pptx, they have the right type, categories,
series and values, so a team can keep editing them in PowerPoint."""

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE, XL_TICK_LABEL_POSITION

from copilot.export.deckspec import ChartPoint, ChartSeries, ChartSlide, Deck
from copilot.export.render import render

STAGES = ["Oriënteren", "Aanmelden", "Eerste rekening", "Termijnbedrag wijzigt", "Contact opnemen"]


def only_chart(path: Path):
    slide = Presentation(str(path)).slides[0]
    charts = [shape.chart for shape in slide.shapes if shape.has_chart]
    assert len(charts) == 1
    return slide, charts[0]


def rendered(tmp_path: Path, spec: ChartSlide) -> Path:
    return render(Deck("Windkracht", "nl", [spec]), tmp_path / f"{spec.kind}.pptx")


def test_an_emotion_curve_is_a_line_chart_with_markers_from_minus_two_to_plus_two(tmp_path: Path):
    spec = ChartSlide(
        "Emotiecurve",
        kind="line",
        categories=STAGES,
        series=[ChartSeries("Particulier", [1, 0, -1, -2, -1]), ChartSeries("Zakelijk", [2, 1, 0, -1, None])],
        y_min=-2,
        y_max=2,
        y_title="Emotie",
    )
    _, chart = only_chart(rendered(tmp_path, spec))
    assert chart.chart_type == XL_CHART_TYPE.LINE_MARKERS
    assert list(chart.plots[0].categories) == STAGES
    assert [s.name for s in chart.series] == ["Particulier", "Zakelijk"]
    assert list(chart.series[0].values) == [1, 0, -1, -2, -1]
    assert list(chart.series[1].values) == [2, 1, 0, -1, None]
    assert (chart.value_axis.minimum_scale, chart.value_axis.maximum_scale) == (-2, 2)
    assert chart.category_axis.tick_label_position == XL_TICK_LABEL_POSITION.LOW  # labels below, not on zero
    assert chart.value_axis.axis_title.text_frame.text == "Emotie"
    assert chart.has_legend  # two series


def test_a_stage_without_evidence_is_marked_on_the_axis_and_explained_on_the_slide(tmp_path: Path):
    spec = ChartSlide(
        "Emotiecurve",
        kind="line",
        categories=["Oriënteren", "Verhuizen"],
        series=[ChartSeries("Particulier", [1, -1])],
        category_assumptions=[False, True],
        assumption_label="Aanname",
    )
    slide, chart = only_chart(rendered(tmp_path, spec))
    assert list(chart.plots[0].categories) == ["Oriënteren", "Verhuizen *"]
    assert any(s.has_text_frame and s.text_frame.text == "* = Aanname" for s in slide.shapes)


def test_impact_and_effort_is_a_scatter_with_labelled_points_and_four_quadrants(tmp_path: Path):
    spec = ChartSlide(
        "Impact en inspanning",
        kind="scatter",
        points=[
            ChartPoint("Proactief termijnadvies", 2, 5),
            ChartPoint("Warme overdracht", 3, 4),
            ChartPoint("Chatbot uitbreiden", 4, 2, assumption=True),
        ],
        quadrants=["Snelle winst", "Grote projecten", "Opvullers", "Niet doen"],
        x_title="Inspanning",
        y_title="Impact",
        assumption_label="Aanname",
    )
    slide, chart = only_chart(rendered(tmp_path, spec))
    assert chart.chart_type == XL_CHART_TYPE.XY_SCATTER
    evidence, assumptions = chart.plots[0].series
    assert [v for v in evidence.values if v is not None] == [5, 4]
    assert [v for v in assumptions.values if v is not None] == [2]
    labels = [
        p.data_label.text_frame.text for s in chart.plots[0].series for p in s.points if p.data_label.has_text_frame
    ]
    assert labels == ["Proactief termijnadvies", "Warme overdracht", "Chatbot uitbreiden *"]
    texts = {s.text_frame.text for s in slide.shapes if s.has_text_frame}
    assert {"Snelle winst", "Grote projecten", "Opvullers", "Niet doen", "* = Aanname"} <= texts
    assert chart.category_axis.axis_title.text_frame.text == "Inspanning"


def test_points_on_the_same_score_are_spread_so_none_hides_another(tmp_path: Path):
    spec = ChartSlide(
        "Impact en inspanning",
        kind="scatter",
        points=[ChartPoint("A", 2, 5), ChartPoint("B", 2, 5), ChartPoint("C", 2, 5)],
    )
    _, chart = only_chart(rendered(tmp_path, spec))
    series = chart.plots[0].series[0]
    assert len(set(series.values)) == 3 and all(4.5 < v < 5.5 for v in series.values)


def test_a_stakeholder_map_is_a_bubble_chart_with_one_series_per_stance_in_scale_order(tmp_path: Path):
    spec = ChartSlide(
        "Stakeholderkaart",
        kind="bubble",
        points=[
            ChartPoint("Directeur klantcontact", 2, 5, 3, "steunend"),
            ChartPoint("Teamleider", 5, 3, 2, "neutraal"),
            ChartPoint("IT-architect", 3, 4, 2, "weerstand"),
            ChartPoint("Jurist", 2, 2, 1, "neutraal", assumption=True),
        ],
        x_title="Belang",
        y_title="Invloed",
    )
    _, chart = only_chart(rendered(tmp_path, spec))
    assert chart.chart_type == XL_CHART_TYPE.BUBBLE
    series = chart.plots[0].series
    assert [s.name for s in series] == ["weerstand", "neutraal", "steunend"]  # resistant → supportive
    assert [[v for v in s.values if v is not None] for s in series] == [[4], [3, 2], [5]]
    colours = {str(s.format.fill.fore_color.rgb) for s in series}
    assert len(colours) == 3  # a colour per stance
    assert chart.has_legend
    labels = [p.data_label.text_frame.text for p in series[1].points if p.data_label.has_text_frame]
    assert labels == ["Teamleider", "Jurist *"]


def test_a_bar_chart_keeps_the_order_people_read_and_shows_its_values(tmp_path: Path):
    spec = ChartSlide(
        "Pijnpunten per kanaal",
        kind="bar",
        categories=["Telefoon", "Chat", "App"],
        series=[ChartSeries("Citaten", [14, 11, 6])],
    )
    _, chart = only_chart(rendered(tmp_path, spec))
    assert chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    assert list(chart.plots[0].categories) == ["Telefoon", "Chat", "App"]
    assert list(chart.series[0].values) == [14, 11, 6]
    assert chart.category_axis.reverse_order  # first category on top
    assert chart.plots[0].has_data_labels


@pytest.mark.parametrize("kind", ["line", "scatter", "bubble", "bar"])
def test_a_chart_without_data_leaves_a_quiet_placeholder_not_a_broken_chart(tmp_path: Path, kind: str):
    prs = Presentation(str(rendered(tmp_path, ChartSlide("Nog leeg", kind=kind))))
    slide = prs.slides[0]
    assert not any(shape.has_chart for shape in slide.shapes)
    assert any(shape.has_text_frame and shape.text_frame.text == "–" for shape in slide.shapes)


def test_an_unknown_chart_kind_is_a_clear_error(tmp_path: Path):
    with pytest.raises(ValueError, match="pie"):
        rendered(tmp_path, ChartSlide("Taart", kind="pie", categories=["a"], series=[ChartSeries("s", [1])]))
