"""More shapes real assistants write: scores under letter columns, a blueprint lying on its side, links written
as arrows, moves written as prose, money written as a range in words."""

from __future__ import annotations

import pytest

from copilot.steps.answers import read_answer
from copilot.steps.schemas import ImpactReadiness

ADKAR_EN = """Readiness per group, 1 (low) to 5 (high).

| Group | What changes | Impact | A | D | K | A | R | First barrier | What helps |
|---|---|---|---|---|---|---|---|---|---|
| Field engineers | Plan visits in the new app | 4 | 4 | 3 | 2 | 1 | 1 | Knowledge | Hands-on sessions per depot |
| Planners | Check the app's proposals | 3 | 2 | 2 | 3 | 3 | 2 | Awareness | Show them the backlog figures |
"""

ADKAR_NL = """| Groep | Wat verandert | Impact | B | B | K | V | B | Eerste drempel | Wat helpt |
|---|---|---|---|---|---|---|---|---|---|
| Monteurs | Plannen in de nieuwe app | 4 | 4 | 3 | 2 | 1 | 1 | Kennis | Oefensessies per depot |
"""


@pytest.mark.parametrize("text", [ADKAR_EN, ADKAR_NL])
def test_adkar_scores_under_letter_columns_land_in_their_elements_and_a_repeated_letter_keeps_its_column(text):
    reading = read_answer(text, ImpactReadiness)
    assert reading.complete, reading.problems
    first = reading.output.groups[0]
    assert first.adkar.model_dump() == {"awareness": 4, "desire": 3, "knowledge": 2, "ability": 1, "reinforcement": 1}
    assert first.first_barrier == "knowledge"
    assert first.support_needed.startswith(("Hands-on", "Oefensessies"))
