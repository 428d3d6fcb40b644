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

## Why it cannot wait

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
    assert any(p.label == "Why it cannot wait" for p in reading.problems)
