"""The step engine with a fake chat model from langchain_core: prompts, grounding, repair, the call log."""

import json
from pathlib import Path

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from copilot.errors import StepError
from copilot.research.retrieval import Retriever
from copilot.session import Session
from copilot.steps.engine import accept_pasted_answer, ask, prepare
from copilot.steps.schemas import ResearchSynthesis


@pytest.fixture(scope="module")
def retriever(example_store) -> Retriever:
    return Retriever(example_store)


@pytest.fixture
def session(tmp_path: Path) -> Session:
    return Session.create(tmp_path / "s.cxsession", "Test", "nl")


def answer(prepared, *themes: dict) -> str:
    return json.dumps({"themes": list(themes), "open_questions": ["Wie ontbreekt?"]})


def test_the_prompt_carries_the_evidence_as_fenced_data_within_the_budget(session, retriever):
    prepared = prepare("SD-02", session, retriever, inputs={"focus": "termijnbedrag en jaarafrekening"})
    assert 5 <= len(prepared.evidence) <= 30
    for evidence in prepared.evidence:
        assert f"[{evidence.id}]" in prepared.prompt.user
    assert prepared.prompt.user.count("```text") == len(prepared.evidence)
    assert "Antwoord in het Nederlands" in prepared.prompt.system
    assert prepared.prompt_tokens <= 4000


def test_a_grounded_answer_becomes_a_draft_with_its_quotes_kept(session, retriever):
    prepared = prepare("SD-02", session, retriever)
    cited = [e.id for e in prepared.evidence[:2]]
    model = FakeListChatModel(
        responses=[answer(prepared, {"id": "T1", "label": "Onduidelijke brief", "insight": "x", "evidence": cited})]
    )
    draft = ask(prepared, model, session, model_name="fake:list")
    assert draft.warnings == []
    saved = session.content("SD-02", ResearchSynthesis)
    assert saved.themes[0].evidence == cited and not saved.themes[0].assumption
    assert [q.id for q in session.evidence(cited)] == cited
    call = session.calls("SD-02")[0]
    assert call["model"] == "fake:list" and call["prompt_tokens"] > 100 and call["response"].startswith("{")
    assert session.history("SD-02")[-1]["actor"] == "ai"


def test_a_fabricated_evidence_id_is_flagged_and_never_shown_as_evidence(session, retriever):
    prepared = prepare("SD-02", session, retriever)
    model = FakeListChatModel(
        responses=[answer(prepared, {"id": "T1", "label": "Verzonnen", "insight": "x", "evidence": ["q0000000000"]})]
    )
    draft = ask(prepared, model, session)
    theme = draft.output.themes[0]
    assert theme.evidence == [] and theme.assumption
    assert "q0000000000" in draft.warnings[0] and "not in the research" in draft.warnings[0]


def test_an_invalid_answer_is_repaired_once(session, retriever):
    prepared = prepare("SD-02", session, retriever)
    good = answer(
        prepared, {"id": "T1", "label": "Herhaalcontact", "insight": "x", "evidence": [prepared.evidence[0].id]}
    )
    model = FakeListChatModel(responses=["Sure! Here are the themes: {themes: [oops", good])
    ask(prepared, model, session)
    assert session.content("SD-02", ResearchSynthesis).themes[0].label == "Herhaalcontact"
    assert len(session.calls("SD-02")) == 2
    repair = session.calls("SD-02")[1]["prompt"]  # a Dutch prompt is repaired in Dutch
    assert "Je antwoord kon niet gebruikt worden" in repair and "Antwoord opnieuw met alleen het JSON-object" in repair


def test_garbage_twice_is_a_clear_error_and_nothing_is_saved(session, retriever):
    prepared = prepare("SD-02", session, retriever)
    model = FakeListChatModel(responses=["I cannot help with that.", "<html>502 Bad Gateway</html>"])
    with pytest.raises(StepError, match="SD-02: the model's answer did not fit the step, even after one repair"):
        ask(prepared, model, session)
    assert session.status("SD-02") == "empty"


def test_a_pasted_markdown_table_from_another_assistant_is_accepted(session, retriever):
    prepared = prepare("SD-02", session, retriever)
    first = prepared.evidence[0].id
    pasted = f"""Hier is mijn synthese:

| label | insight | evidence |
|---|---|---|
| Brief legt niets uit | Klanten snappen de verhoging niet | {first} |
| Geen mens bereikbaar | De chatbot draagt niet over | |
"""
    draft = accept_pasted_answer(prepared, pasted, session)
    themes = draft.output.themes
    assert [t.label for t in themes] == ["Brief legt niets uit", "Geen mens bereikbaar"]
    assert themes[0].evidence == [first] and themes[1].assumption
    assert session.history("SD-02")[-1]["actor"] == "pasted"


def test_a_pasted_bullet_list_is_accepted_too(session, retriever):
    prepared = prepare("SD-02", session, retriever)
    first = prepared.evidence[0].id
    draft = accept_pasted_answer(
        prepared,
        f"- Wachten op een mens: klanten blijven in de bot hangen [{first}]\n- Verhuizen kost drie contacten",
        session,
    )
    assert draft.output.themes[0].label == "Wachten op een mens" and draft.output.themes[0].evidence == [first]


def test_an_unusable_paste_says_so_and_keeps_the_step_as_it_was(session, retriever):
    prepared = prepare("SD-02", session, retriever)
    with pytest.raises(StepError, match="the pasted answer could not be used"):
        accept_pasted_answer(prepared, "Dit is gewoon een zin zonder structuur.", session)
    assert session.status("SD-02") == "empty"


def test_personal_data_is_redacted_before_it_leaves_the_machine(session, retriever):
    prepared = prepare(
        "SD-02", session, retriever, inputs={"focus": "IBAN rekeningnummer e-mailadres telefoonnummer"}, redact=True
    )
    originals = " ".join(e.chunk.text for e in prepared.evidence)
    assert "@" in originals, "the example research should hold an e-mail address near this query"
    assert "@" not in prepared.prompt.user


def test_a_step_that_builds_on_an_unlocked_step_asks_for_the_lock(tmp_path: Path, session, retriever):
    folder = tmp_path / "prompts"
    (folder / "nl").mkdir(parents=True)
    (folder / "nl" / "SD-99.md").write_text(
        "---\nid: SD-99\ntitle: Vervolg\ntrack: service-design\nlanguage: nl\noutput: ResearchSynthesis\n"
        "uses: [SD-02]\n---\nsystem:\nJij helpt.\nuser:\n{{ steps['SD-02'].themes | length }} thema's\n",
        encoding="utf-8",
    )
    with pytest.raises(StepError, match="SD-99 builds on SD-02: lock SD-02 first"):
        prepare("SD-99", session, retriever, folder=folder)
    session.save_edit("SD-02", ResearchSynthesis(themes=[]))
    session.lock("SD-02")
    assert prepare("SD-99", session, retriever, folder=folder).prompt.user == "0 thema's"
