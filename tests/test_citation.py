"""A quote is cited the same way wherever it is shown (issue 18): the deck's notes, the evidence appendix and
its notes, the provenance slide, the Markdown export, the editor's cards and the command line all say
"interviews/klant-3.md, beurt 2" for the same quote — in Dutch and in English."""

from __future__ import annotations

import ast
import re
from html import unescape
from pathlib import Path

import ipywidgets as w
import pytest

from copilot.export.from_session import build_deck
from copilot.export.markdown import to_markdown
from copilot.i18n import t
from copilot.research.chunks import Chunk
from copilot.research.quotes import Quote
from copilot.session import Session
from copilot.steps.catalogue import STEPS
from copilot.steps.schemas import CaseForChange, ResearchSynthesis, Theme
from copilot.ui.item_card import ItemCard
from copilot.ui.theme_card import ThemeCard

QUOTES = [
    Quote("q001", "Ik heb drie keer gebeld en elke keer moest ik alles opnieuw uitleggen.", "interviews/klant-3.md",
          "turn 2", "Ria"),
    Quote("q002", "Opzeggen kan alleen per brief.", "exports/contact.xlsx", "sheet Omzet, row 4"),
]  # fmt: skip
CITED = {
    "nl": {"q001": "interviews/klant-3.md, beurt 2", "q002": "exports/contact.xlsx, blad Omzet, rij 4"},
    "en": {"q001": "interviews/klant-3.md, turn 2", "q002": "exports/contact.xlsx, sheet Omzet, row 4"},
}
NOTE = re.compile(r"^>? ?\[(q\d+)\] .* — (.+)$")  # "[q001] “…” — interviews/klant-3.md, beurt 2"


def session_citing_both(path: Path, language: str) -> Session:
    session = Session.create(path, "Klantreis", language)
    session.keep_evidence(QUOTES)
    theme = Theme(id="T1", label="Steeds opnieuw uitleggen", evidence=["q001", "q002"])
    session.save_draft("SD-02", ResearchSynthesis(themes=[theme]))
    urgency = {"id": "U1", "point": "Klanten herhalen zich", "evidence": ["q001"],
               "quote": "elke keer moest ik alles opnieuw uitleggen"}  # fmt: skip
    session.save_draft("SC-04", CaseForChange.model_validate({"urgency": [urgency]}))
    return session


def html_of(widget: w.Widget) -> str:
    if isinstance(widget, w.HTML):
        return widget.value
    return "".join(html_of(child) for child in getattr(widget, "children", ()))


def cited_in_html(html: str) -> dict[str, str]:
    return {quote_id: unescape(place) for place, quote_id in re.findall(r"<small>([^<]*) · (q\d+)</small>", html)}


def cited_in_notes(text: str) -> dict[str, str]:
    return {m.group(1): m.group(2) for line in text.splitlines() if (m := NOTE.match(line.strip()))}


def everywhere(session: Session, language: str) -> dict[str, dict[str, str]]:
    """Per place a quote is shown: quote id → the citation shown with it."""
    deck = build_deck(session, language=language)
    synthesis = next(s for s in deck.slides if s.title.startswith(STEPS["SD-02"].name(language)))
    appendix = next(s for s in deck.slides if s.title == t("deck.appendix", language))
    provenance = next(s for s in deck.slides if s.title == t("provenance.quotes", language))
    markdown = to_markdown(deck)
    theme = session.content("SD-02", ResearchSynthesis).themes[0]
    urgency = session.content("SC-04", CaseForChange).urgency[0]
    nothing = lambda *_: None  # noqa: E731
    theme_card = ThemeCard(theme, session.evidence(theme.evidence), language, nothing, nothing)
    item_card = ItemCard(urgency, session.evidence(urgency.evidence), language, nothing, nothing, nothing)
    chunks = [Chunk(q.id, q.text, q.source, q.location, "transcript") for q in QUOTES]
    return {
        "deck notes": cited_in_notes(synthesis.notes),
        "appendix table": {row[0]: row[2] for row in appendix.rows},
        "appendix notes": cited_in_notes("\n".join(appendix.row_notes)),
        "provenance": dict(re.match(r"\[(q\d+)\] (.+)", row[-1]).groups() for row in provenance.rows),
        "markdown notes": cited_in_notes(markdown),
        "markdown appendix": dict(re.findall(r"^\| (q\d+) \| [^|]* \| ([^|]+) \|$", markdown, re.M)),
        "theme card": cited_in_html(html_of(theme_card)),
        "item card": cited_in_html(html_of(item_card)),
        "command line": {c.id: c.citation(language) for c in chunks},
    }


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_place_cites_a_quote_with_the_same_words(tmp_path: Path, language: str):
    shown = everywhere(session_citing_both(tmp_path / "s.cxsession", language), language)
    assert all(shown.values()), {place: cited for place, cited in shown.items() if not cited}
    assert shown == {place: {i: CITED[language][i] for i in cited} for place, cited in shown.items()}
    assert [q.cite(language) for q in QUOTES] == list(CITED[language].values())
    # each place showed what it should (one urgency quotes q001): none was missed by a pattern that no longer matches
    only_first = {"provenance", "item card"}
    assert {place: set(cited) for place, cited in shown.items()} == {
        place: {"q001"} if place in only_first else {"q001", "q002"} for place in shown
    }


def test_an_empty_place_is_left_out_not_shown_as_a_trailing_comma():
    assert Quote("q1", "Te laat.", "notes.txt", "").cite("nl") == "notes.txt"


def test_only_the_citation_function_turns_a_place_into_words():
    """A module writing "source, place" itself would drift from the rest: it should call `Quote.cite`. The
    prompt (steps/engine.py) is the one exception: it shows the model sanitised labels, not people a citation."""
    package = Path(__file__).resolve().parents[1] / "copilot"
    callers = sorted(
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if any(
            isinstance(node, ast.Name | ast.Attribute)
            and getattr(node, "id", getattr(node, "attr", "")) == "place_label"
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        )
    )
    assert callers == ["research/quotes.py", "steps/engine.py"]
