"""The participant app and the facilitator's panel, built headless and clicked (issue 23): join by code, add,
vote and rate in the open step; the facilitator opens steps, reveals votes, removes stickies and turns the
room's input into a draft shown as changes; nobody's text ever becomes HTML."""

from __future__ import annotations

import ipywidgets as w
import pytest

from copilot.i18n import t
from copilot.steps.schemas import Idea, Ideation
from copilot.ui.participant_app import ParticipantApp
from copilot.ui.participation_panel import ParticipationPanel, participant_link
from copilot.ui.track_app import TrackApp
from copilot.ui.tree import html_widgets, walk
from copilot.workbench import Workbench

HOSTILE = "<img src=x onerror=alert(1)><script>alert(2)</script>"


@pytest.fixture
def bench(workspace) -> Workbench:
    bench = Workbench(workspace, language="nl", workshop="ideation_prioritisation_halfday")
    bench.save("SD-06", Ideation(ideas=[Idea(id="i1", title="Ons eigen idee", evidence=["q1"])]))
    return bench


@pytest.fixture
def panel(bench: Workbench) -> ParticipationPanel:
    panel = ParticipationPanel(bench, poll=0)
    panel.start()
    return panel


def button(root: w.Widget, description: str) -> w.Button:
    return next(b for b in walk(root) if isinstance(b, w.Button) and b.description == description)


def labels(root: w.Widget) -> list[str]:
    return [x.value for x in walk(root) if isinstance(x, w.Label)]


def joined(bench: Workbench, panel: ParticipationPanel, name: str = "", language: str = "nl") -> ParticipantApp:
    app = ParticipantApp(bench.workspace.sessions_dir, language=language, code=panel.room.code, poll=0)
    app.name.value = name
    app.join_button.click()
    return app


def open_step(panel: ParticipationPanel, step: str, dots: int = 3) -> None:
    panel.step.value, panel.dots.value = step, dots
    panel.buttons["open"].click()


def test_the_panel_shows_the_join_code_and_the_link_with_it(panel: ParticipationPanel):
    assert panel.step.value == "SD-05", "the agenda's first step is chosen, ready to open"
    code = panel.room.code
    assert code in labels(panel)
    assert any(participant_link(code) in text for text in labels(panel))
    assert participant_link(code).endswith(f"?code={code}")


def test_a_wrong_code_is_explained_in_the_participants_language(bench, panel):
    app = ParticipantApp(bench.workspace.sessions_dir, language="en", code="WRONG1", poll=0)
    app.join_button.click()
    assert app.person is None
    assert app.message.value == t("errors.room_unknown", "en", code="WRONG1")


def test_before_a_step_opens_a_participant_waits_and_then_sees_its_question_and_items(bench, panel):
    app = joined(bench, panel, "Ans")
    assert t("participation.waiting", "nl") in labels(app)
    open_step(panel, "SD-06")
    app.refresh()
    shown = labels(app)
    assert t("question.SD-06", "nl") in shown and "Ons eigen idee" in shown
    assert t("participation.joined", "nl", name="Ans") in shown


def test_a_sticky_added_in_the_app_reaches_the_facilitators_panel(bench, panel):
    open_step(panel, "SD-06")
    app = joined(bench, panel)
    app.refresh()
    app.text.value = "Terugbellen op een gekozen tijd"
    app.add_button.click()
    assert app.text.value == "" and app.message.value == t("participation.added", "nl")
    panel.refresh()
    assert "Terugbellen op een gekozen tijd" in labels(panel.board)
    assert "1 deelnemers" in panel.counts.value


def test_dots_are_placed_with_plus_and_shown_to_all_only_once_revealed(bench, panel):
    open_step(panel, "SD-06", dots=2)
    ans, bob = joined(bench, panel), joined(bench, panel)
    for app in (ans, bob):
        app.refresh()
        plus = [b for b in walk(app.lists) if isinstance(b, w.Button) and b.icon == "plus"]
        plus[0].click()  # one dot on the facilitator's own idea
    assert panel.room.tally("SD-06").votes == {"i1": 2}
    ans.refresh()
    total = f"({t('participation.votes_n', 'nl', n=2)})"
    assert total not in " ".join(labels(ans))
    panel.buttons["reveal"].click()
    ans.refresh()
    assert any(total in text for text in labels(ans))
    assert any(text.startswith("██ 2 · Ons eigen idee") for text in labels(panel.board)), "the vote chart"


def test_ratings_from_sliders_are_averaged_for_the_facilitator(bench, panel):
    open_step(panel, "SD-07")  # prioritising: the ideas of SD-06 are offered to rate
    app = joined(bench, panel)
    app.refresh()
    impact = next(s for s in walk(app.lists) if isinstance(s, w.SelectionSlider) and s.description == "Impact")
    assert impact.value == 0, "not rated (–) until the person moves it"
    impact.value = 5
    assert panel.room.tally("SD-07").mean("i1", "impact") == 5
    panel.refresh()
    assert "Impact 5.0 (1) — Ons eigen idee" in labels(panel.board)
    impact = next(s for s in walk(app.lists) if isinstance(s, w.SelectionSlider) and s.description == "Impact")
    assert impact.value == 5, "a redrawn slider keeps the person's own rating"
    impact.value = 0
    assert panel.room.tally("SD-07").mean("i1", "impact") is None


def test_the_facilitator_removes_a_sticky(bench, panel):
    open_step(panel, "SD-06")
    app = joined(bench, panel)
    app.refresh()
    app.text.value = "Weg ermee"
    app.add_button.click()
    panel.refresh()
    next(b for b in walk(panel.board) if isinstance(b, w.Button) and b.icon == "trash").click()
    assert "Weg ermee" not in labels(panel.board) and panel.room.tally("SD-06").stickies == []


def test_a_participant_withdraws_their_sticky_from_the_app(bench, panel):
    open_step(panel, "SD-06")
    app = joined(bench, panel)
    app.refresh()
    app.text.value = "Toch niet"
    app.add_button.click()
    button(app.lists, t("participation.withdraw", "nl")).click()
    assert panel.room.tally("SD-06").stickies == []


def test_after_input_closes_a_participant_is_told_and_nothing_is_saved(bench, panel):
    open_step(panel, "SD-06")
    app = joined(bench, panel)
    app.refresh()
    panel.buttons["close"].click()
    app.text.value = "Te laat"
    app.add_button.click()
    assert panel.room.tally("SD-06").stickies == []
    assert app.text.value == "Te laat", "what the person typed is not lost"


def test_the_rooms_input_arrives_as_changes_to_accept_and_never_over_peoples_edits(bench, panel):
    drafted: list[str] = []
    panel.on_drafted = drafted.append
    open_step(panel, "SD-06")
    app = joined(bench, panel)
    app.refresh()
    app.text.value = "Terugbellen op een gekozen tijd"
    app.add_button.click()
    panel.buttons["to_draft"].click()
    assert drafted == ["SD-06"]
    assert [i.title for i in bench.content("SD-06").ideas] == ["Ons eigen idee"]
    pending = bench.pending_changes("SD-06")
    assert [(c.kind, c.proposed.pitch) for c in pending] == [("added", "Terugbellen op een gekozen tijd")]
    bench.accept_change("SD-06", pending[0])
    assert [i.title for i in bench.content("SD-06").ideas] == ["Ons eigen idee", "Terugbellen op een gekozen tijd"]


def test_a_step_the_room_gives_nothing_says_so(bench, panel):
    open_step(panel, "SD-05")
    panel.buttons["to_draft"].click()
    assert panel.message.value.startswith("Stap SD-05")


def test_hostile_text_from_a_participant_is_never_html_in_either_app(bench, panel):
    open_step(panel, "SD-06")
    app = joined(bench, panel, name=HOSTILE)
    app.refresh()
    app.text.value = HOSTILE
    app.add_button.click()
    panel.buttons["reveal"].click()
    panel.refresh()
    app.refresh()
    assert any("onerror" in text for text in labels(panel.board)), "shown, as text"
    for root in (app, panel):
        assert not any("onerror" in h.value or "<script>alert" in h.value for h in html_widgets(root))


def test_the_participant_app_speaks_english_too(bench, panel):
    open_step(panel, "SD-06")
    app = joined(bench, panel)
    app.language.value = "en"
    assert t("question.SD-06", "en") in labels(app)
    assert app.add_button.description == t("participation.add", "en")


def test_the_track_app_carries_the_participation_panel(workspace):
    app = TrackApp("service-design", language="nl")
    assert any(isinstance(x, ParticipationPanel) for x in walk(app))


def test_a_participant_whose_page_closed_continues_with_the_personal_code_shown(bench, panel):
    open_step(panel, "SD-06", dots=1)
    first = joined(bench, panel, "Ans")
    first.refresh()
    code = first.person.personal_code
    assert any(code in text for text in labels(first))
    next(b for b in walk(first.lists) if isinstance(b, w.Button) and b.icon == "plus").click()

    again = ParticipantApp(bench.workspace.sessions_dir, code=code, poll=0)
    again.join_button.click()
    assert again.person.id == first.person.id
    assert t("participation.joined", "nl", name="Ans") in labels(again)
    assert any(t("participation.vote_title", "nl", left=0, dots=1) == text for text in labels(again))


def test_the_join_link_is_also_a_qr_code_image_not_html(panel: ParticipationPanel):
    pytest.importorskip("segno")
    images = [x for x in walk(panel) if isinstance(x, w.Image)]
    assert len(images) == 1 and images[0].format == "png" and bytes(images[0].value).startswith(b"\x89PNG")
