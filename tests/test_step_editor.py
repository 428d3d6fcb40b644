"""Every step of the catalogue can be worked on in the notebook: add, edit, reorder, lock, reopen."""

import json

import pytest

from copilot.steps.catalogue import STEPS
from copilot.ui.fields import FieldWidget
from copilot.ui.step_editor import StepEditor, item_lists
from copilot.workbench import Workbench


def first_text_field(card) -> FieldWidget | None:
    return next((f for f in card.fields if f.kind == "text"), None)


@pytest.mark.parametrize("step_id", list(STEPS))
def test_a_person_can_fill_in_every_step_and_find_it_again_after_reopening(workspace, step_id: str):
    bench = Workbench(workspace, language="nl")
    editor = StepEditor(bench, step_id)
    lists = item_lists(editor.schema)
    assert lists, f"{step_id} has no list of items to edit"
    for name in lists:
        for _ in range(2):
            editor.add(name, lists[name])
        cards = editor._lists[name].children
        field = first_text_field(cards[0])
        if field is not None:
            field.widget.value = f"eerste {name}"
        editor.move(cards[0], 1)  # reorder: the filled-in item goes second
    editor.lock_button.click()
    assert bench.status(step_id) == "locked"
    assert all(
        card.fields[0].widget.disabled for cards in editor._lists.values() for card in cards.children if card.fields
    )

    reopened = StepEditor(Workbench(workspace, language="en"), step_id)
    saved = reopened.bench.content(step_id)
    for name in lists:
        items = getattr(saved, name)
        assert len(items) == 2 and all(item.assumption for item in items)  # no evidence: assumptions
        card = reopened._lists[name].children[1]
        field = first_text_field(card)
        if field is not None:
            assert field.widget.value == f"eerste {name}"
    assert reopened.lock_button.description == "Unlock"


def test_scores_are_sliders_within_their_scale_and_vocabularies_are_dropdowns(workspace):
    editor = StepEditor(Workbench(workspace), "SC-01")
    editor.add("stakeholders", item_lists(editor.schema)["stakeholders"])
    card = editor._lists["stakeholders"].children[0]
    kinds = {f.name: type(f.widget).__name__ for f in card.fields}
    assert kinds.get("power") == "IntSlider" and kinds.get("interest") == "IntSlider"
    assert kinds.get("stance") == "Dropdown"
    power = next(f for f in card.fields if f.name == "power").widget
    assert (power.min, power.max) == (1, 5)


def test_removing_an_item_is_saved(workspace):
    bench = Workbench(workspace)
    editor = StepEditor(bench, "SD-05")
    name, item_class = next(iter(item_lists(editor.schema).items()))
    editor.add(name, item_class)
    editor.add(name, item_class)
    editor._lists[name].children[0].remove.click()
    assert len(getattr(bench.content("SD-05"), name)) == 1


def test_a_new_ai_draft_never_overwrites_edits_and_is_offered_as_changes(workspace, small_research):
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    from copilot.steps.engine import ask

    bench = Workbench(workspace, language="nl")
    bench.ingest(small_research)
    editor = StepEditor(bench, "SD-02")
    editor.add("themes", item_lists(editor.schema)["themes"])
    editor._lists["themes"].children[0].fields[0].widget.value = "Mijn eigen thema"

    prepared = bench.prepare("SD-02")
    quote = prepared.evidence[0].id
    answer = json.dumps(
        {
            "themes": [
                {"id": "T1", "label": "AI-voorstel", "evidence": [quote]},
                {"id": "T2", "label": "Nieuw thema", "evidence": [quote]},
            ]
        }
    )
    ask(prepared, FakeListChatModel(responses=[answer]), bench.session)
    editor.reload()

    assert editor._lists["themes"].children[0].fields[0].widget.value == "Mijn eigen thema"
    assert bench.content("SD-02").themes[0].label == "Mijn eigen thema"
    kinds = sorted(c.kind for c in bench.pending_changes("SD-02"))
    assert kinds == ["added", "changed"]
    assert editor.diff.layout.display == "flex"

    added = next(row for row in editor.diff.children[1:-1] if "T2" in row.children[0].value)
    added.children[1].click()  # accept the new theme only
    assert [t.label for t in bench.content("SD-02").themes] == ["Mijn eigen thema", "Nieuw thema"]
    editor.diff.children[-1].click()  # keep my version of T1
    assert bench.pending_changes("SD-02") == [] and editor.diff.layout.display == "none"


def test_the_journey_editor_estimates_emotions_from_the_research_and_offers_them_as_changes(workspace, tmp_path):
    from test_journey import SURVEY

    (tmp_path / "research").mkdir()
    (tmp_path / "research" / "survey.csv").write_text(SURVEY, encoding="utf-8")
    bench = Workbench(workspace, language="nl")
    bench.ingest(tmp_path / "research")
    editor = StepEditor(bench, "SD-04")
    assert editor.compute_button.layout.display != "none"  # offline, the button is there
    editor.add("stages", item_lists(editor.schema)["stages"])
    stage = editor._lists["stages"].children[0]
    first_text_field(stage).widget.value = "Termijnbedrag en uitleg"  # the person names the stage
    assert bench.content("SD-04").stages[0].emotion == 0

    editor.compute_button.click()

    assert not editor.errors.children or editor.errors.layout.display == "none"
    assert bench.content("SD-04").stages[0].name == "Termijnbedrag en uitleg"  # their version stands
    changes = bench.pending_changes("SD-04")
    assert changes and editor.diff.layout.display == "flex"
    for row in editor.diff.children[1:-1]:  # accept every proposed change
        row.children[1].click()
    assert bench.content("SD-04").stages[0].emotion < 0  # "belachelijk hoog", "frustrerend en oneerlijk"
    assert bench.content("SD-04").stages[0].evidence


def test_choices_read_in_the_persons_language_and_an_empty_choice_stays_empty(workspace):
    editor = StepEditor(Workbench(workspace, language="nl"), "SC-01")
    editor.add("stakeholders", item_lists(editor.schema)["stakeholders"])
    stance = next(f for f in editor._lists["stakeholders"].children[0].fields if f.name == "stance").widget
    assert ("tegenstander", "resistant") in stance.options
    stance.value = "resistant"
    assert editor.value().stakeholders[0].stance == "resistant"  # the value stays the schema's

    journey = StepEditor(Workbench(workspace, language="nl"), "SD-04")
    journey.add("stages", item_lists(journey.schema)["stages"])
    time_well = next(f for f in journey._lists["stages"].children[0].fields if f.name == "time_well").widget
    assert time_well.value == "" and time_well.label == "—"  # not silently "saved"
    assert journey.value().stages[0].time_well == ""
