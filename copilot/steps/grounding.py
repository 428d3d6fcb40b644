"""Check a draft against the research it was given: every cited id must be a quote the model saw, and every
quoted sentence must really be in that research. What fails is flagged and never shown as evidence."""

from __future__ import annotations

import re
import unicodedata

from pydantic import BaseModel

from copilot.steps.schemas import Item


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[“”„‟\"'‘’`´]", "", text)
    return re.sub(r"\s+", " ", text).strip(" .…")


def ground(output: BaseModel, evidence: dict[str, str]) -> tuple[BaseModel, list[str]]:
    """`output` with unknown evidence ids removed and unfounded quotes cleared; plus what was flagged."""
    corpus = {quote_id: _normal(text) for quote_id, text in evidence.items()}
    warnings: list[str] = []
    for item in _items(output):
        unknown = [i for i in item.evidence if i not in corpus]
        if unknown:
            warnings.append(f"{item.id}: cited {', '.join(unknown)}, which is not in the research it was given")
            item.evidence = [i for i in item.evidence if i in corpus]
        for name in ("quote", "quotes"):
            value = getattr(item, name, None)
            if value is None:
                continue
            quotes = value if isinstance(value, list) else [value]
            kept = [q for q in quotes if _found(q, item.evidence, corpus)]
            for quote in quotes:
                if quote not in kept:
                    warnings.append(f"{item.id}: the quote “{quote[:80]}” is not in the research: removed")
            setattr(item, name, kept if isinstance(value, list) else (kept[0] if kept else ""))
        if not item.evidence:
            item.assumption = True
    return output, warnings


def _found(quote: str, cited: list[str], corpus: dict[str, str]) -> bool:
    """A quote counts when it stands, word for word, in research it cites (or, if it cites none, any)."""
    needle = _normal(quote)
    if not needle:
        return True
    return any(needle in corpus[i] for i in (cited or corpus))


def _items(output: BaseModel) -> list[Item]:
    found: list[Item] = []
    for name in type(output).model_fields:
        value = getattr(output, name)
        if isinstance(value, list):
            found.extend(v for v in value if isinstance(v, Item))
    return found
