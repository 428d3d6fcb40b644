"""Unverified quotations end to end: a model's draft, the session reopened, the editor's marks, the lock that
asks first, and a real .pptx that never shows them as a customer's words."""

import json
from pathlib import Path

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from pptx import Presentation

from copilot.errors import UnverifiedQuotationsError
from copilot.export.from_session import build_deck
from copilot.export.render import render
from copilot.steps.engine import ask
from copilot.steps.schemas import Ideation
from copilot.ui.item_card import ItemCard
from copilot.ui.step_editor import StepEditor
from copilot.ui.synthesis_editor import SynthesisEditor
from copilot.workbench import Workbench

INVENTED = "ik voel me bij jullie gewoon een nummer"


def all_text(path: Path) -> str:
    parts = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            elif shape.has_table:
                parts.extend(cell.text for row in shape.table.rows for cell in row.cells)
    return "\n".join(parts)


@pytest.fixture
def drafted(workspace, small_research) -> tuple[Workbench, str]:
    """SD-02 drafted by a (fake) model whose insights hold one real and one invented quotation."""
    bench = Workbench(workspace, language="nl")
    bench.ingest(small_research)
    prepared = bench.prepare("SD-02")
    chunk = next(e.chunk for e in prepared.evidence if "chatbot snapte niet" in e.chunk.text)
    real = "De chatbot snapte niet dat ik ging verhuizen"
    answer = {
        "themes": [
            {"id": "T1", "label": "Bot snapt verhuizing niet", "evidence": [chunk.id],
             "insight": f"Een klant vertelt: “{real} … terug naar het begin van het menu”."},
            {"id": "T2", "label": "Klant voelt zich nummer", "evidence": [chunk.id],
             "insight": f'Vertrouwen daalt, want zoals een klant zei: "{INVENTED}".'},
        ]
    }  # fmt: skip
    draft = ask(prepared, FakeListChatModel(responses=[json.dumps(answer)]), bench.session)
    assert [w for w in draft.warnings if INVENTED in w] and len(draft.warnings) == 1
    assert INVENTED in draft.output.themes[1].insight  # kept in the text, for the person to fix
    return bench, real


def test_an_invented_quotation_survives_reopening_as_unverified_and_the_lock_asks_first(drafted, workspace):
    bench, _ = drafted
    bench.session.close()
    reopened = Workbench(workspace, language="nl")
    [finding] = reopened.unverified_quotations("SD-02")
    assert (finding.item, finding.field, finding.text, finding.reason) == ("T2", "insight", INVENTED, "not_found")
    with pytest.raises(UnverifiedQuotationsError) as refused:
        reopened.lock()
    assert "niet geverifieerd" in refused.value.say("nl") and reopened.status("SD-02") != "locked"
    reopened.lock(confirmed=True)
    assert reopened.status("SD-02") == "locked"


def test_the_deck_never_shows_an_unverified_quotation_as_a_customers_words(drafted, tmp_path):
    bench, real = drafted
    text = all_text(render(build_deck(bench.session, None, "nl"), tmp_path / "deck.pptx"))
    assert f"{INVENTED} (niet geverifieerd)" in text
    assert f'"{INVENTED}"' not in text and f"“{INVENTED}”" not in text
    assert f"“{real} …" in text  # a real quotation keeps its marks


def test_the_theme_card_marks_it_and_the_mark_goes_when_the_person_fixes_the_text(drafted):
    bench, _ = drafted
    editor = SynthesisEditor(bench)
    real_card, invented_card = editor._cards()
    assert real_card.quote_marks.value == ""
    assert INVENTED in invented_card.quote_marks.value and "Niet-geverifieerd citaat" in invented_card.quote_marks.value
    invented_card.insight.value = "Vertrouwen daalt: klanten voelen zich een nummer."  # no longer a quotation
    assert invented_card.quote_marks.value == ""
    editor.lock_button.click()
    assert bench.status("SD-02") == "locked" and editor.confirm_lock.layout.display == "none"


def test_locking_a_step_with_an_unverified_quotation_waits_for_the_persons_confirmation(workspace):
    bench = Workbench(workspace, language="en")
    pitch = 'Because customers say "<b>nobody ever calls me back</b>", we call back within the hour.'
    bench.save(
        "SD-06", Ideation.model_validate({"ideas": [{"id": "I1", "title": "Call-back promise", "pitch": pitch}]})
    )
    editor = StepEditor(bench, "SD-06")
    [card] = editor._lists["ideas"].children
    assert isinstance(card, ItemCard) and "Unverified quotation" in card.quote_marks.value
    assert "&lt;b&gt;nobody ever calls me back&lt;/b&gt;" in card.quote_marks.value  # never HTML
    editor.lock_button.click()
    assert bench.status("SD-06") != "locked" and editor.confirm_lock.layout.display == "flex"
    editor.confirm_lock.cancel.click()
    assert bench.status("SD-06") != "locked" and editor.confirm_lock.layout.display == "none"
    editor.lock_button.click()
    editor.confirm_lock.confirm.click()
    assert bench.status("SD-06") == "locked"


def test_a_persons_own_quote_and_block_quote_are_never_shown_as_customer_words(tmp_path):
    from copilot.research.chunks import Chunk
    from copilot.session import Session
    from copilot.steps.schemas import CaseForChange

    real = "Ik heb drie keer gebeld en elke keer moest ik alles opnieuw uitleggen."
    session = Session.create(tmp_path / "s.cxsession", "Klantreis", "en")
    session.keep_evidence(
        [Chunk(id="q001", text=real, source="interviews/a.txt", location="turn 1", kind="transcript")]
    )
    case = CaseForChange.model_validate(
        {
            "vision": "One contact, one answer.\n> We will never let a customer wait again\n> — the board",
            "urgency": [
                {"id": "U1", "point": "Customers repeat themselves", "evidence": ["q001"], "quote": "Ik bel nooit meer"}
            ],
        }
    )
    session.save_edit("SC-04", case)  # typed by a person: kept as typed
    assert session.content("SC-04", CaseForChange).urgency[0].quote == "Ik bel nooit meer"

    text = all_text(render(build_deck(session, None, "en"), tmp_path / "deck.pptx"))
    assert "Ik bel nooit meer" not in text  # the unverified quote field gives way to the quote it cites
    assert f"“{real}”" in text
    assert "We will never let a customer wait again (unverified)" in text and "> We will" not in text


def test_a_quotation_in_a_steps_own_field_is_marked_above_the_items(workspace):
    from copilot.steps.schemas import CaseForChange

    bench = Workbench(workspace, language="nl")
    bench.save(
        "SC-04", CaseForChange(vision='Zodat geen klant meer zegt: "ik word van het kastje naar de muur gestuurd"')
    )
    editor = StepEditor(bench, "SC-04")
    assert "kastje naar de muur" in editor.step_marks.value and "Niet-geverifieerd citaat" in editor.step_marks.value
    vision = next(f for f in editor._top if f.name == "vision")
    vision.widget.value = "Eén contact, één antwoord."
    assert editor.step_marks.value == ""


def test_fixing_the_quotation_lets_the_step_lock_without_asking(workspace):
    bench = Workbench(workspace, language="nl")
    pitch = 'Klanten zeggen "ik word nooit teruggebeld door jullie", dus bellen we binnen het uur terug.'
    bench.save("SD-06", Ideation.model_validate({"ideas": [{"id": "I1", "title": "Terugbelbelofte", "pitch": pitch}]}))
    editor = StepEditor(bench, "SD-06")
    editor.lock_button.click()
    assert editor.confirm_lock.layout.display == "flex"
    [card] = editor._lists["ideas"].children
    next(
        f for f in card.fields if f.name == "pitch"
    ).widget.value = "Klanten worden nooit teruggebeld: wij bellen terug."
    assert card.quote_marks.value == ""
    editor.lock_button.click()
    assert bench.status("SD-06") == "locked" and editor.confirm_lock.layout.display == "none"
