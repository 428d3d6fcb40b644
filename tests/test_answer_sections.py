"""A pasted answer is never accepted while a table or a section it gave reached no field: the person is told."""

from copilot.steps.answers import read_answer
from copilot.steps.schemas import CaseForChange, CurrentJourney

SIDEWAYS = """## Current journey

| | S1 Apply | S2 Wait | S3 Letter |
|---|---|---|---|
| **Doing** | Fills in the form | Calls for status | Reads the decision |
| **Mood** | -1 | -2 | -1 |
"""

OWN_HEADING = """# Case for change

## Things we heard

**U1 – Residents are sent from pillar to post.** Three transfers and still nobody from the care team.
(source: q87cea6b279)

**U2 – We give wrong information and get angry callers back.** The knowledge base lagged for months.
(source: q89a3d52001)

## From → to

| From | To | Evidence |
|---|---|---|
| Agents cannot see the file | Agents and consultants share the status | q87cea6b279 |
| Knowledge base lags behind | Whoever changes a rule updates it | q89a3d52001 |
"""


def test_a_table_whose_items_reached_no_field_is_not_an_empty_draft():
    reading = read_answer(SIDEWAYS, CurrentJourney)
    assert not reading.complete
    assert any(p.path == "stages" and "Fills in the form" in p.value for p in reading.problems)


def test_a_section_under_a_heading_of_the_assistants_own_is_reported_not_dropped():
    reading = read_answer(OWN_HEADING, CaseForChange)
    assert reading.data.get("shifts"), reading.data  # the from → to table was read
    assert not reading.complete
    assert any(p.label == "Things we heard" for p in reading.problems)


def test_urgency_written_as_paragraphs_under_its_plain_word_heading_is_read_item_by_item():
    answer = OWN_HEADING.replace("Things we heard", "Why it cannot wait").replace(
        "(source: q87cea6b279)", '> "I am sent from pillar to post."\n(source: q87cea6b279)'
    )
    urgency = read_answer(answer, CaseForChange).data["urgency"]
    assert [point["id"] for point in urgency] == ["U1", "U2"]
    assert urgency[0]["point"].startswith("Residents are sent from pillar to post.")
    assert urgency[0]["quote"] == "I am sent from pillar to post."
    assert urgency[1]["evidence"] == ["q89a3d52001"]


THEMES_WITH_GAPS = """Here's a synthesis, strongest themes first.

1. **The gaps between channels** — *3 sources*
   Every handover (app → phone → back office) is where residents get lost.
   Evidence: (qf3c3744eb1), (qc9ca0c645b)

2. **Staff lack the right information** *(assumption)*
   Probably an outdated knowledge base, but no quote says so.
   Sources: none

**What we still don't know**
- Whether (qbf3c624206 hints at it) Dutch-speaking residents feel the same.
- How many reports are about accessibility.

Hope this helps for the workshop!
"""


def test_a_last_section_of_plain_lines_under_its_own_heading_is_what_the_step_leaves_open():
    from copilot.steps.schemas import ResearchSynthesis

    reading = read_answer(THEMES_WITH_GAPS, ResearchSynthesis)
    assert reading.complete, reading.problems
    first, second = reading.output.themes
    assert (first.label, first.n_sources) == ("The gaps between channels", 3)
    assert first.insight.startswith("Every handover") and first.evidence == ["qf3c3744eb1", "qc9ca0c645b"]
    assert second.assumption and second.label == "Staff lack the right information"
    assert second.insight.startswith("Probably")
    # the question's own words stay, the quote it talks about included; the closing chatter is no question
    assert reading.output.open_questions == [
        "Whether (qbf3c624206 hints at it) Dutch-speaking residents feel the same.",
        "How many reports are about accessibility.",
    ]


def test_a_second_unlabelled_line_under_an_item_is_reported_not_glued_on():
    from copilot.steps.schemas import ResearchSynthesis

    text = "**T1. Waiting**\nHalf an hour on the phone.\nT2. Letters nobody understands\n"
    reading = read_answer(text, ResearchSynthesis)
    assert not reading.complete
    assert any("Letters nobody understands" in p.value for p in reading.problems)
