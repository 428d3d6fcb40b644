"""Check a draft against the research it was given: every cited id must be a quote the model saw, and every
quoted sentence must really be in that research. A cited id that is not, and a `quote` field that is not, are
flagged and removed — never shown as evidence. A quotation inside free text (an insight, a pitch, a vision)
is flagged and kept for the person to fix: `copilot.steps.quotations` finds and checks them, and the editor
and the deck mark them as unverified."""

from __future__ import annotations

from pydantic import BaseModel

from copilot.i18n import t
from copilot.steps.quotations import QUOTE_FIELDS, check, verdict
from copilot.steps.schemas import Item
from copilot.steps.schemas.base import item_lists


def ground(output: BaseModel, evidence: dict[str, str], language: str = "en") -> tuple[BaseModel, list[str]]:
    """`output` with unknown evidence ids removed and unfounded quotes cleared; plus what was flagged."""
    warnings: list[str] = []
    for item in _items(output):
        unknown = [i for i in item.evidence if i not in evidence]
        if unknown:
            warnings.append(f"{item.id}: cited {', '.join(unknown)}, which is not in the research it was given")
            item.evidence = [i for i in item.evidence if i in evidence]
        cited = {i: evidence[i] for i in item.evidence}
        for name in QUOTE_FIELDS:
            value = getattr(item, name, None)
            if value is None:
                continue
            quotes = value if isinstance(value, list) else [value]
            kept = [q for q in quotes if not q.strip() or not verdict(q, cited, evidence)[0]]
            for quote in quotes:
                if quote not in kept:
                    warnings.append(f"{item.id}: the quote “{quote[:80]}” is not in the research: removed")
            setattr(item, name, kept if isinstance(value, list) else (kept[0] if kept else ""))
        if not item.evidence:
            item.assumption = True
    warnings += [warning(finding, language) for finding in check(output, evidence)]
    return output, warnings


def warning(finding, language: str) -> str:
    """'T2 · insight: “…” is not in the research it cites — marked as unverified' in `language`."""
    where = " · ".join(filter(None, [finding.item, finding.field]))
    quote = finding.text if len(finding.text) <= 90 else finding.text[:88] + "…"
    return t(f"quotes.warning.{finding.reason}", language, where=where, quote=quote, source=finding.source)


def _items(output: BaseModel) -> list[Item]:
    return [item for name in item_lists(type(output)) for item in getattr(output, name)]
