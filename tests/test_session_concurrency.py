"""Several kernels and processes on one session: every save is merged or refused as a conflict, never lost.

Four real processes make 300 edits each to one real SQLite session file; the history is then replayed
version by version to check that each save changed exactly the item its writer changed — so no save ever
undid or dropped another's edit.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from copilot.errors import SaveConflict, StepLockedError
from copilot.session import Session
from copilot.steps.schemas import ResearchSynthesis, Theme

ROOT = Path(__file__).resolve().parents[1]
WRITER = Path(__file__).with_name("session_writer.py")


def synthesis(*themes: tuple[str, str]) -> ResearchSynthesis:
    return ResearchSynthesis(themes=[Theme(id=i, label=label, evidence=["q1"]) for i, label in themes])


def labels(content: ResearchSynthesis) -> dict[str, str]:
    return {theme.id: theme.label for theme in content.themes}


def run_writers(path: Path, writers: int, edits: int, mode: str) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    processes = [
        subprocess.Popen(
            [sys.executable, str(WRITER), str(path), f"W{n}", str(edits), mode],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(writers)
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=600)
        assert process.returncode == 0, err
        results.append(json.loads(out))
    return results


def item_changes(before: dict, after: dict) -> set[str]:
    return {i for i in before.keys() | after.keys() if before.get(i) != after.get(i)}


@pytest.mark.parametrize("mode", ["versioned", "legacy"])
def test_four_processes_making_300_edits_each_lose_none(tmp_path: Path, mode: str):
    path = tmp_path / "shared.cxsession"
    with Session.create(path, "Gedeeld", "nl") as session:
        session.save_edit("SD-02", synthesis(("shared", "start")))

    results = run_writers(path, writers=4, edits=300, mode=mode)

    saves = [save for result in results for save in result["saves"]]
    assert len(saves) == 1200
    by_version = {save["version"]: save for save in saves}
    assert sorted(by_version) == list(range(2, 1202)), "every save got its own version, none was overwritten"

    with Session.open(path) as session:
        edits = [row for row in session.history("SD-02") if row["action"] == "edit"]
        final = labels(session.content("SD-02", ResearchSynthesis))
    contents = [labels(ResearchSynthesis.model_validate_json(row["content"])) for row in edits]
    assert len(contents) == 1201
    for version in range(2, 1202):  # replay: each save changed its own item and nothing else
        save = by_version[version]
        assert item_changes(contents[version - 2], contents[version - 1]) == {save["item"]}, version
        assert contents[version - 1][save["item"]] == save["label"]

    for result in results:  # the last label each writer saved for its own items is still there
        last = {save["item"]: save["label"] for save in result["saves"] if save["item"] != "shared"}
        assert {item: final[item] for item in last} == last
    assert final["shared"] == by_version[max(v for v, s in by_version.items() if s["item"] == "shared")]["label"]
    assert any(save["merged"] for save in saves), "concurrent saves were merged, not serialised by luck"


def test_a_stale_save_that_touches_another_item_is_merged(tmp_path: Path):
    path = tmp_path / "s.cxsession"
    Session.create(path, "S", "nl").close()
    notebook, app = Session.open(path), Session.open(path)
    notebook.save_edit("SD-02", synthesis(("T1", "een"), ("T2", "twee")))
    start = app.read("SD-02", ResearchSynthesis)

    notebook.read("SD-02", ResearchSynthesis)
    notebook.save_edit("SD-02", synthesis(("T1", "een — notebook"), ("T2", "twee")))
    result = app.save_edit("SD-02", synthesis(("T1", "een"), ("T2", "twee — app"), ("T3", "drie")), base=start.version)

    assert result.merged and result.version == 3
    assert labels(result.content) == {"T1": "een — notebook", "T2": "twee — app", "T3": "drie"}
    assert labels(notebook.content("SD-02", ResearchSynthesis)) == labels(result.content)


def test_a_stale_save_that_touches_the_same_item_is_a_conflict_carrying_both_versions(tmp_path: Path):
    path = tmp_path / "s.cxsession"
    Session.create(path, "S", "nl").close()
    notebook, app = Session.open(path), Session.open(path)
    notebook.save_edit("SD-02", synthesis(("T1", "een")))
    start = app.read("SD-02", ResearchSynthesis)
    notebook.save_edit("SD-02", synthesis(("T1", "notebook")))

    with pytest.raises(SaveConflict) as caught:
        app.save_edit("SD-02", synthesis(("T1", "app")), base=start.version)

    conflict = caught.value
    assert [(c.field, c.item_id) for c in conflict.conflicts] == [("themes", "T1")]
    assert conflict.conflicts[0].mine["label"] == "app" and conflict.conflicts[0].theirs["label"] == "notebook"
    assert labels(conflict.theirs) == {"T1": "notebook"} and labels(conflict.mine) == {"T1": "app"}
    assert conflict.their_version == 2
    assert "T1" in conflict.say("nl") and "niet opgeslagen" in conflict.say("nl")
    assert labels(app.content("SD-02", ResearchSynthesis)) == {"T1": "notebook"}, "nothing was saved"

    resolved = app.save_edit("SD-02", synthesis(("T1", "app en notebook")), base=conflict.their_version)
    assert not resolved.merged and labels(notebook.content("SD-02", ResearchSynthesis)) == {"T1": "app en notebook"}


def test_without_a_base_a_session_merges_against_what_it_last_showed(tmp_path: Path):
    """The UI before versions: content() to show, save_edit() without a base — still never loses the other's item."""
    path = tmp_path / "s.cxsession"
    Session.create(path, "S", "nl").close()
    notebook, app = Session.open(path), Session.open(path)
    notebook.save_edit("SD-02", synthesis(("T1", "een")))
    shown = app.content("SD-02", ResearchSynthesis)
    notebook.save_edit("SD-02", synthesis(("T1", "een"), ("T2", "van het notebook")))

    app.save_edit("SD-02", shown.model_copy(update={"themes": [Theme(id="T1", label="een — app")]}))

    assert labels(notebook.content("SD-02", ResearchSynthesis)) == {"T1": "een — app", "T2": "van het notebook"}


def test_a_draft_saved_meanwhile_is_merged_into_a_persons_edit(tmp_path: Path):
    path = tmp_path / "s.cxsession"
    Session.create(path, "S", "nl").close()
    person, model = Session.open(path), Session.open(path)
    model.save_draft("SD-02", synthesis(("T1", "concept")))
    start = person.read("SD-02", ResearchSynthesis)
    model.save_draft("SD-02", synthesis(("T1", "concept"), ("T2", "nieuw concept")))

    person.save_edit("SD-02", synthesis(("T1", "mijn versie")), base=start.version)

    assert labels(model.content("SD-02", ResearchSynthesis)) == {"T1": "mijn versie", "T2": "nieuw concept"}
    assert model.status("SD-02") == "edited"


def test_a_step_locked_by_another_kernel_refuses_a_stale_save(tmp_path: Path):
    path = tmp_path / "s.cxsession"
    Session.create(path, "S", "nl").close()
    notebook, app = Session.open(path), Session.open(path)
    notebook.save_edit("SD-02", synthesis(("T1", "een")))
    start = app.read("SD-02", ResearchSynthesis)
    notebook.lock("SD-02")
    with pytest.raises(StepLockedError):
        app.save_edit("SD-02", synthesis(("T1", "te laat")), base=start.version)
