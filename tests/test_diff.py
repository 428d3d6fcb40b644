from copilot.steps.diff import accept_change, changes
from copilot.steps.schemas import ResearchSynthesis, Theme


def synthesis(*themes: tuple[str, str]) -> ResearchSynthesis:
    return ResearchSynthesis(themes=[Theme(id=i, label=label, evidence=["q1"]) for i, label in themes])


def test_a_new_draft_is_seen_as_added_changed_and_dropped_items():
    mine = synthesis(("T1", "Klanten willen een mens"), ("T2", "Brief onduidelijk"))
    draft = synthesis(("T1", "Geen overdracht"), ("T3", "Verhuizen kost tijd"))
    found = {(c.kind, c.item_id) for c in changes(mine, draft)}
    assert found == {("changed", "T1"), ("added", "T3"), ("dropped", "T2")}


def test_accepting_one_change_leaves_every_other_human_edit_alone():
    mine = synthesis(("T1", "Klanten willen een mens"), ("T2", "Brief onduidelijk"))
    draft = synthesis(("T1", "Geen overdracht"), ("T2", "Brief onduidelijk"), ("T3", "Verhuizen kost tijd"))
    added = next(c for c in changes(mine, draft) if c.kind == "added")
    result = accept_change(mine, added)
    assert [t.label for t in result.themes] == ["Klanten willen een mens", "Brief onduidelijk", "Verhuizen kost tijd"]


def test_identical_drafts_show_no_changes():
    mine = synthesis(("T1", "Zelfde"))
    assert changes(mine, synthesis(("T1", "Zelfde"))) == []
