"""The real provider path end to end: `configured()` and `chat_model()` from the environment, LangChain's
ChatOpenAI and the openai client, against a real OpenAI-compatible HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import write_small_research
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from copilot import llm
from copilot.errors import StepError
from copilot.research.ingest import ingest
from copilot.research.retrieval import Retriever
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.steps import engine
from copilot.steps.schemas import ResearchSynthesis

COMPLETIONS = "/v1/chat/completions"
CONTACT = (
    "# Interview C — address change\n\n"
    "Claire Jansen (interviewer): How did you report your new address?\n\n"
    'Priya Sharma: I wrote "this is Priya Sharma" from priya.sharma@example.com twice and asked them to call me '
    "back on 06-12345678, but the letters kept going to the old address.\n"
)
PERSONAL = ["priya.sharma@example.com", "06-12345678", "Priya Sharma"]


def completion(content: str, prompt_tokens: int = 812, completion_tokens: int = 64) -> dict:
    """A chat completion in the OpenAI wire format."""
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 1_767_225_600,
        "model": "test-model",
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"},
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def error(status: int, message: str, headers: dict | None = None) -> Response:
    body = {"error": {"message": message, "type": "server_error", "code": status}}
    return Response(json.dumps(body), status=status, headers=headers or {}, content_type="application/json")


def good_answer(prepared: engine.PreparedStep) -> str:
    cited = [e.id for e in prepared.evidence[:2]]
    theme = {"id": "T1", "label": "Nobody explains the bill", "insight": "x", "evidence": cited, "n_sources": 2}
    return json.dumps({"themes": [theme], "open_questions": ["Who else?"]})


def sent(server: HTTPServer) -> list[dict]:
    """The JSON bodies of the requests that reached the server, in order."""
    return [json.loads(request.get_data(as_text=True)) for request, _ in server.log]


# --- fixtures ------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server():
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def openai_server(server: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> HTTPServer:
    """The server, configured as the copilot's model the way a person would: in the environment."""
    server.clear()
    monkeypatch.setenv("CX_COPILOT_MODEL", "openai-compatible:test-model")
    monkeypatch.setenv("CX_COPILOT_BASE_URL", server.url_for("/v1"))
    monkeypatch.setenv("CX_COPILOT_TIMEOUT", "5")
    monkeypatch.delenv("CX_COPILOT_API_KEY", raising=False)
    yield server
    server.clear()


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory) -> Retriever:
    folder = write_small_research(tmp_path_factory.mktemp("provider") / "research")
    (folder / "interviews" / "c_contact_en.txt").write_text(CONTACT, encoding="utf-8")
    store = ResearchStore.open(tmp_path_factory.mktemp("provider-store"))
    assert not ingest(folder, store).failed
    return Retriever(store)


@pytest.fixture
def session(tmp_path: Path) -> Session:
    return Session.create(tmp_path / "provider.cxsession", "Provider", "en")


def run(prepared: engine.PreparedStep, session: Session, choice: llm.ModelChoice | None = None) -> engine.Draft:
    """What the workbench does: the configured model, asked through the engine, every call logged."""
    choice = choice or llm.configured()
    return engine.ask(prepared, llm.chat_model(choice), session, model_name=choice.name, cost=choice.cost)


# --- answers -------------------------------------------------------------------------------------------------


def test_a_good_answer_from_the_server_becomes_a_draft_and_the_call_is_logged(openai_server, retriever, session):
    prepared = engine.prepare("SD-02", session, retriever)
    body = completion(good_answer(prepared))

    def slow_enough_to_measure(request: Request) -> Response:
        time.sleep(0.05)
        return Response(json.dumps(body), content_type="application/json")

    openai_server.expect_oneshot_request(COMPLETIONS, method="POST").respond_with_handler(slow_enough_to_measure)

    draft = run(prepared, session)

    assert draft.warnings == []
    assert session.status("SD-02") == "drafted"
    assert session.content("SD-02", ResearchSynthesis).themes[0].label == "Nobody explains the bill"
    [call] = session.calls("SD-02")
    assert call["model"] == "openai-compatible:test-model"
    assert (call["prompt_tokens"], call["completion_tokens"]) == (812, 64)  # from `usage`, not estimated
    assert call["latency_ms"] >= 50 and call["error"] == ""
    assert call["response"] == good_answer(prepared)
    [request] = sent(openai_server)
    assert request["model"] == "test-model"
    assert request["messages"] == [
        {"role": "system", "content": prepared.prompt.system},
        {"role": "user", "content": prepared.prompt.user},
    ]
    assert openai_server.log[0][0].headers["Authorization"] == "Bearer not-needed"


def test_the_templates_temperature_reaches_the_server(openai_server, retriever, session):
    prepared = engine.prepare("SD-02", session, retriever)
    openai_server.expect_oneshot_request(COMPLETIONS, method="POST").respond_with_json(
        completion(good_answer(prepared))
    )
    run(prepared, session)
    assert sent(openai_server)[0].get("temperature") == prepared.template.meta.model["temperature"]


@pytest.mark.parametrize(
    ("status", "message", "headers"),
    [
        pytest.param(429, "Rate limit reached", {"Retry-After": "0"}, id="429-rate-limit"),
        pytest.param(500, "The server had an error while processing your request", {}, id="500-server-error"),
    ],
)
def test_a_passing_server_failure_is_retried_by_the_client(status, message, headers, openai_server, retriever, session):
    prepared = engine.prepare("SD-02", session, retriever)
    openai_server.expect_ordered_request(COMPLETIONS, method="POST").respond_with_response(
        error(status, message, headers)
    )
    openai_server.expect_ordered_request(COMPLETIONS, method="POST").respond_with_json(
        completion(good_answer(prepared))
    )

    run(prepared, session)

    assert len(openai_server.log) == 2
    assert [r.headers["X-Stainless-Retry-Count"] for r, _ in openai_server.log] == ["0", "1"]
    assert session.status("SD-02") == "drafted"
    [call] = session.calls("SD-02")  # one call for the engine: the retry happened inside the client
    assert call["error"] == "" and call["prompt_tokens"] == 812


def test_a_server_that_does_not_answer_in_time_is_a_clear_error_and_the_call_is_logged(
    openai_server, retriever, session, monkeypatch
):
    monkeypatch.setenv("CX_COPILOT_TIMEOUT", "1")
    choice = replace(llm.configured(), max_retries=0)  # configured() has no setting for it; the default is 2
    assert choice.timeout == 1.0
    prepared = engine.prepare("SD-02", session, retriever)
    released = threading.Event()
    arrived: list[Request] = []  # the server logs a request only once it has answered

    def hang(request: Request) -> Response:
        arrived.append(request)
        released.wait(10)
        return Response(json.dumps(completion(good_answer(prepared))), content_type="application/json")

    openai_server.expect_oneshot_request(COMPLETIONS, method="POST").respond_with_handler(hang)
    started = time.perf_counter()
    try:
        with pytest.raises(StepError) as raised:
            run(prepared, session, choice)
    finally:
        released.set()

    assert time.perf_counter() - started < 5
    message = str(raised.value)
    assert message.startswith("Step SD-02: the model did not answer (")
    assert "TimeoutError: Request timed out." in message
    assert "Check the connection and try again, or paste an answer yourself." in message
    [call] = session.calls("SD-02")
    assert "TimeoutError: Request timed out." in call["error"] and call["response"] == ""
    assert call["latency_ms"] >= 1000 and call["model"] == "openai-compatible:test-model"
    assert session.status("SD-02") == "empty"
    assert len(arrived) == 1  # no retry: max_retries=0
    deadline = time.monotonic() + 5  # let the released handler finish, so its log entry lands in this test
    while not openai_server.log and time.monotonic() < deadline:
        time.sleep(0.01)


def test_malformed_json_is_repaired_once_over_http(openai_server, retriever, session):
    prepared = engine.prepare("SD-02", session, retriever)
    openai_server.expect_ordered_request(COMPLETIONS, method="POST").respond_with_json(
        # a cut-off answer is now repaired here (json-repair); a field the step does not have still goes back
        completion('Sure! Here are the themes: {"themes": [{"id": "T1", "label": "Wachten", "priority": "high"}]}')
    )
    openai_server.expect_ordered_request(COMPLETIONS, method="POST").respond_with_json(
        completion(good_answer(prepared))
    )

    run(prepared, session)

    assert session.status("SD-02") == "drafted"
    assert len(openai_server.log) == 2 and len(session.calls("SD-02")) == 2
    repair = sent(openai_server)[1]["messages"]
    assert [m["role"] for m in repair] == ["system", "user", "assistant", "user"]
    assert repair[2]["content"].startswith("Sure! Here are the themes")
    assert "Answer again with only the JSON object that matches the schema." in repair[3]["content"]


def test_malformed_json_twice_is_a_clear_error_and_nothing_is_saved(openai_server, retriever, session):
    prepared = engine.prepare("SD-02", session, retriever)
    for content in ("I am not able to produce JSON today.", '{"themes": [{"id": "T1"'):
        openai_server.expect_ordered_request(COMPLETIONS, method="POST").respond_with_json(completion(content))

    with pytest.raises(StepError, match="SD-02: the model's answer did not fit the step, even after one repair"):
        run(prepared, session)

    assert session.status("SD-02") == "empty"
    assert len(openai_server.log) == 2 and len(session.calls("SD-02")) == 2


# --- what leaves the machine ---------------------------------------------------------------------------------


@pytest.mark.parametrize("redact", [True, False], ids=["redacted", "not-redacted"])
def test_a_redacted_prompt_sends_no_personal_data_to_the_server(redact, openai_server, retriever, session):
    prepared = engine.prepare("SD-02", session, retriever, redact=redact)
    assert any(PERSONAL[0] in e.chunk.text for e in prepared.evidence), "the research should hold the e-mail address"
    openai_server.expect_oneshot_request(COMPLETIONS, method="POST").respond_with_json(
        completion(good_answer(prepared))
    )

    run(prepared, session)

    body = openai_server.log[0][0].get_data(as_text=True)
    leaked = [value for value in PERSONAL if value in body]
    assert leaked == ([] if redact else PERSONAL)
    if redact:
        assert "[e-mail 1]" in body and "[phone 1]" in body and "[Person 1]" in body


def test_the_call_log_holds_no_personal_data_even_for_a_local_model(openai_server, retriever, session):
    prepared = engine.prepare("SD-02", session, retriever, redact=not llm.configured().local)
    assert not prepared.redacted
    openai_server.expect_oneshot_request(COMPLETIONS, method="POST").respond_with_json(
        completion(good_answer(prepared))
    )
    run(prepared, session)
    [call] = session.calls("SD-02")
    assert [value for value in PERSONAL if value in call["prompt"]] == []


@pytest.mark.parametrize(
    "base_url",
    ["http://127.0.0.1:8000/v1", "http://localhost:1234/v1", "http://[::1]:8080/v1", "http://127.0.0.2/v1"],
)
def test_a_server_on_this_machine_counts_as_local(base_url, monkeypatch):
    monkeypatch.setenv("CX_COPILOT_BASE_URL", base_url)
    assert llm.configured("openai-compatible:qwen2.5").local


@pytest.mark.parametrize(
    "base_url",
    [
        "https://llm.example.org/v1",
        "http://10.0.0.5:8000/v1",
        "http://0.0.0.0:8000/v1",
        "http://localhost.example.org/v1",
        "http://127.0.0.1.nip.io/v1",
    ],
)
def test_a_server_elsewhere_is_not_local_so_the_caller_redacts(base_url, monkeypatch):
    monkeypatch.setenv("CX_COPILOT_BASE_URL", base_url)
    choice = llm.configured("openai-compatible:qwen2.5")
    assert not choice.local
    llm.chat_model(choice)  # building the client contacts nobody


def test_the_configured_loopback_test_server_is_local(openai_server):
    assert llm.configured().local
