"""Provider-native structured output: the step's JSON schema goes to the provider with the request, and the
engine's validate-repair-ground loop still stands behind it. A real OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest
from conftest import write_small_research
from pytest_httpserver import HTTPServer

from copilot import llm
from copilot.research.ingest import ingest
from copilot.research.retrieval import Retriever
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.steps import engine
from copilot.steps.schemas import ResearchSynthesis, StakeholderMap

COMPLETIONS = "/v1/chat/completions"


def completion(content: str, finish: str = "stop") -> dict:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 1_767_225_600,
        "model": "test-model",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": finish}],
        "usage": {"prompt_tokens": 700, "completion_tokens": 40, "total_tokens": 740},
    }


@pytest.fixture(scope="module")
def server():
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory) -> Retriever:
    folder = write_small_research(tmp_path_factory.mktemp("structured") / "research")
    store = ResearchStore.open(tmp_path_factory.mktemp("structured-store"))
    assert not ingest(folder, store).failed
    return Retriever(store)


@pytest.fixture
def session(tmp_path: Path) -> Session:
    return Session.create(tmp_path / "structured.cxsession", "Structured", "en")


def configure(server: HTTPServer, monkeypatch: pytest.MonkeyPatch, spec: str) -> llm.ModelChoice:
    server.clear()
    monkeypatch.setenv("CX_COPILOT_MODEL", spec)
    monkeypatch.setenv("CX_COPILOT_BASE_URL", server.url_for("/v1"))
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-a-real-key")
    monkeypatch.setenv("CX_COPILOT_TIMEOUT", "10")
    return llm.configured()


def ask(prepared, session, choice):
    return engine.ask(
        prepared,
        llm.chat_model(choice),
        session,
        model_name=choice.name,
        structure=partial(llm.structured, choice=choice),
    )


def test_an_openai_compatible_server_gets_the_steps_json_schema_and_a_cut_off_answer_is_still_repaired(
    server, retriever, session, monkeypatch
):
    choice = configure(server, monkeypatch, "openai-compatible:qwen2.5")
    prepared = engine.prepare("SD-02", session, retriever)
    cited = prepared.evidence[0].id
    cut_off = '{"themes": [{"id": "T1", "label": "Waiting for a person", "evidence": ["%s"]}, {"id": "T2", "label": "Le'
    server.expect_oneshot_request(COMPLETIONS, method="POST").respond_with_json(
        completion(cut_off % cited, finish="length")
    )

    draft = ask(prepared, session, choice)

    [request] = [json.loads(r.get_data(as_text=True)) for r, _ in server.log]
    response_format = request["response_format"]
    assert response_format["type"] == "json_schema"
    assert response_format["json_schema"]["schema"] == ResearchSynthesis.model_json_schema()
    assert draft.output.themes[0].label == "Waiting for a person" and draft.output.themes[0].evidence == [cited]
    assert len(draft.output.themes) == 1  # the theme being written when the answer was cut off is left out
    assert len(session.calls("SD-02")) == 1  # repaired here, not asked again
    assert session.calls("SD-02")[0]["response"].startswith('{"themes"')


def test_openai_gets_a_strict_schema_every_object_closed_and_every_field_required(
    server, retriever, session, monkeypatch
):
    choice = configure(server, monkeypatch, "openai:gpt-4o-mini")
    prepared = engine.prepare("SD-02", session, retriever)
    good = {"themes": [{"id": "T1", "label": "Letters", "insight": "", "n_sources": 1, "evidence": []}]}
    server.expect_oneshot_request(COMPLETIONS, method="POST").respond_with_json(completion(json.dumps(good)))

    ask(prepared, session, choice)

    request = json.loads(server.log[0][0].get_data(as_text=True))
    spec = request["response_format"]["json_schema"]
    assert request["response_format"]["type"] == "json_schema" and spec["strict"] is True
    theme = spec["schema"]["$defs"]["Theme"]
    assert set(theme["required"]) == set(theme["properties"]) and theme["additionalProperties"] is False
    assert "default" not in json.dumps(spec["schema"])
    assert session.content("SD-02", ResearchSynthesis).themes[0].assumption  # grounded as before


def test_every_nested_part_of_a_strict_schema_is_closed_too():
    strict = llm.strict_schema(StakeholderMap.model_json_schema())
    objects = [strict, *strict["$defs"].values()]
    assert all(o["additionalProperties"] is False and set(o["required"]) == set(o["properties"]) for o in objects)


def test_a_dutch_run_holds_the_provider_to_the_dutch_choices_and_reads_them_back_as_the_canonical_ones(
    server, retriever, tmp_path, monkeypatch
):
    choice = configure(server, monkeypatch, "openai:gpt-4o-mini")
    session = Session.create(tmp_path / "nl.cxsession", "Gestructureerd", "nl")
    prepared = engine.prepare("SC-01", session, retriever, language="nl")
    answer = {
        "stakeholders": [
            {"id": "S1", "role": "Teamleiders", "power": 3, "interest": 4, "stance": "voorstander"},
            {"id": "S2", "role": "Ondernemingsraad", "power": 4, "interest": 5, "stance": "niet op de hoogte"},
        ]
    }
    server.expect_oneshot_request(COMPLETIONS, method="POST").respond_with_json(completion(json.dumps(answer)))

    draft = ask(prepared, session, choice)

    request = json.loads(server.log[0][0].get_data(as_text=True))
    stance = request["response_format"]["json_schema"]["schema"]["$defs"]["Stakeholder"]["properties"]["stance"]
    assert stance["enum"] == ["niet op de hoogte", "tegenstander", "neutraal", "voorstander", "trekker"]
    assert '"stance"' in prepared.prompt.as_text() and '"voorstander"' in prepared.prompt.as_text()  # the same
    assert [s.stance for s in draft.output.stakeholders] == ["supportive", "unaware"]
