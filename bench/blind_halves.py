"""A labelled set written blind, split in two: even ids to tune on (errors read), odd ids held out (totals only).
Shared by the benches whose rules were tuned this way (shelved_ideas, suggestions)."""

from __future__ import annotations

import json
import re
from pathlib import Path

HALVES = ("tune", "held_out", "all")


def load(path: Path, half: str) -> list[dict]:
    """The rows of a JSON-lines set in `half`: ids like "s12" or "g007", even numbers tune."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if half == "all":
        return rows
    even = half == "tune"
    return [row for row in rows if (int(re.sub(r"\D", "", row["id"])) % 2 == 0) == even]


def same_phrase(found: str, labelled: str, words, of=max) -> bool:
    """A found phrase names the labelled one: one contains the other, or they share half the words `words` gives
    (half of the longer's, or with `of=min` of the shorter's)."""
    a, b = found.casefold().strip(), labelled.casefold().strip()
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    wa, wb = words(a), words(b)
    return bool(wa and wb) and len(wa & wb) >= 0.5 * of(len(wa), len(wb))
