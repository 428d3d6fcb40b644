"""Properties of the three-way merge behind concurrent saves, and of the template sandbox, for any input
hypothesis can think of: a change on one side is never lost, and a conflict is reported, never dropped."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copilot.prompts import FrontMatter, PromptTemplate, TemplateError
from copilot.session_merge import merge

labels = st.text(alphabet="abcxyz ", min_size=0, max_size=6)
ids = st.lists(st.sampled_from([f"T{i}" for i in range(8)]), unique=True, max_size=8)


@st.composite
def steps(draw, id_pool=ids):
    chosen = draw(id_pool)
    return {
        "themes": [{"id": i, "label": draw(labels)} for i in chosen],
        "open_questions": draw(st.lists(labels, max_size=3)),
    }


@st.composite
def edits(draw, base: dict, allowed: list[str], prefix: str) -> dict:
    """`base` with some of the `allowed` items changed or deleted, and new items added (ids with `prefix`)."""
    themes = []
    for item in base["themes"]:
        if item["id"] in allowed:
            action = draw(st.sampled_from(["keep", "change", "delete"]))
            if action == "delete":
                continue
            if action == "change":
                item = {**item, "label": item["label"] + prefix + draw(labels)}
        themes.append(item)
    for n in range(draw(st.integers(0, 3))):
        themes.insert(draw(st.integers(0, len(themes))), {"id": f"{prefix}{n}", "label": draw(labels)})
    return {**base, "themes": themes}


@given(steps(), steps())
def test_when_nobody_else_saved_a_save_is_taken_as_it_is(base, mine):
    assert merge(base, mine, base) == (mine, [])


@given(steps(), steps())
def test_when_i_changed_nothing_the_others_version_stands(base, theirs):
    merged, conflicts = merge(base, base, theirs)
    assert conflicts == [] and merged == theirs


@given(steps(), steps())
def test_the_same_change_on_both_sides_is_no_conflict(base, both):
    assert merge(base, both, both) == (both, [])


@given(st.data())
def test_changes_to_different_items_are_all_kept(data):
    base = data.draw(steps())
    pool = [item["id"] for item in base["themes"]]
    mine_ids = data.draw(st.lists(st.sampled_from(pool), unique=True) if pool else st.just([]))
    theirs_ids = [i for i in pool if i not in mine_ids]
    mine = data.draw(edits(base, mine_ids, "m"))
    theirs = data.draw(edits(base, theirs_ids, "t"))

    merged, conflicts = merge(base, mine, theirs)

    assert conflicts == []
    result = {item["id"]: item for item in merged["themes"]}
    for side, owned in ((mine, mine_ids), (theirs, theirs_ids)):
        have = {item["id"]: item for item in side["themes"]}
        for item_id in owned:  # what each side did to its own items is what the merge holds
            assert result.get(item_id) == have.get(item_id)
        for item_id, item in have.items():
            if item_id[0] in "mt":  # every new item from either side is there
                assert result[item_id] == item
    assert len(result) == len(merged["themes"]), "no item twice"


@given(steps(), labels, labels)
def test_different_changes_to_one_item_are_a_conflict_naming_it(base, a, b):
    if not base["themes"] or a == b:
        return
    first = base["themes"][0]
    mine = {**base, "themes": [{**first, "label": first["label"] + "!" + a}, *base["themes"][1:]]}
    theirs = {**base, "themes": [{**first, "label": first["label"] + "?" + b}, *base["themes"][1:]]}
    merged, conflicts = merge(base, mine, theirs)
    assert [(c.field, c.item_id) for c in conflicts] == [("themes", first["id"])]
    assert conflicts[0].mine == mine["themes"][0] and conflicts[0].theirs == theirs["themes"][0]


# --- the template sandbox ------------------------------------------------------------------------------------

TEMPLATE = PromptTemplate(
    Path("probe.md"),
    FrontMatter(id="SD-02", title="t", track="x", language="en", output="ResearchSynthesis"),
    "system",
    "user",
    {"system": 5, "user": 7},
)


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(
        ["{{ a ** b }}", "{{ a * b }}", "{{ ('x' * a) | length }}", "{{ range(a, a + b) | list | length }}"]
    ),
    st.integers(-(10**12), 10**12),
    st.integers(-10, 10**7),
)
def test_any_numbers_in_a_template_give_the_answer_or_a_clear_limit_never_a_hang(source, a, b):
    try:
        out = TEMPLATE._render("user", source, {"a": a, "b": b})
    except TemplateError as error:
        assert error.key in {"template_power", "template_text", "template_range", "template_timeout"}
        assert "probe.md, user" in error.say("nl")
        return
    expected = {
        "{{ a ** b }}": lambda: a**b,
        "{{ a * b }}": lambda: a * b,
        "{{ ('x' * a) | length }}": lambda: max(a, 0),
        "{{ range(a, a + b) | list | length }}": lambda: max(b, 0),
    }[source]()
    assert out == str(expected)


@pytest.mark.parametrize("depth", [2, 3])
def test_nested_ranges_share_one_budget(depth):
    source = "{% for i in range(5000) %}" * depth + "{% endfor %}" * depth
    with pytest.raises(TemplateError) as raised:
        TEMPLATE._render("user", source, {})
    assert raised.value.key == "template_range"
