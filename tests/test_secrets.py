"""API keys never reach the screen, the logs or the session's call log — also when a server echoes them.

A real OpenAI-compatible server on 127.0.0.1 answers 401 with the request's Authorization header in its
error body (as some proxies and self-hosted servers do); the copilot asks it through LangChain and the real
openai client, exactly as the workbench does.
"""

from __future__ import annotations

import json
import logging
import traceback
from pathlib import Path

import pytest
from conftest import write_small_research
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from copilot.errors import SessionError, StepError
from copilot.research.ingest import ingest
from copilot.research.retrieval import Retriever
from copilot.research.store import ResearchStore
from copilot.secrets import MASK, errors_scrubbed, scrub, scrub_exception
from copilot.settings import Workspace
from copilot.steps import engine
from copilot.workbench import Workbench

KEY = "sk-live-7f3Kq9ZxWm2Lp8Rt4Vb6Nc1Yd5Hs0Ja"


def echo_authorization(request: Request) -> Response:
    body = {"error": {"message": f"Invalid credentials: {request.headers.get('Authorization')}", "code": 401}}
    return Response(json.dumps(body), status=401, content_type="application/json")


@pytest.fixture
def echoing_server(monkeypatch: pytest.MonkeyPatch):
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    server.expect_request("/v1/chat/completions", method="POST").respond_with_handler(echo_authorization)
    monkeypatch.setenv("CX_COPILOT_MODEL", "openai-compatible:test-model")
    monkeypatch.setenv("CX_COPILOT_BASE_URL", server.url_for("/v1"))
    monkeypatch.setenv("CX_COPILOT_API_KEY", KEY)
    monkeypatch.setenv("CX_COPILOT_MAX_RETRIES", "0")
    yield server
    server.clear()
    server.stop()


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory) -> Retriever:
    folder = write_small_research(tmp_path_factory.mktemp("secrets") / "research")
    store = ResearchStore.open(tmp_path_factory.mktemp("secrets-store"))
    assert not ingest(folder, store).failed
    return Retriever(store)


def test_a_key_the_server_echoes_reaches_no_screen_log_or_call_log(echoing_server, retriever, tmp_path, caplog):
    bench = Workbench(Workspace(tmp_path / "home"), language="nl", session_path=tmp_path / "s.cxsession")
    prepared = engine.prepare("SD-02", bench.session, retriever)
    caplog.set_level(logging.DEBUG)

    with pytest.raises(StepError) as raised:
        bench.ask_model(prepared)

    [request] = [r for r, _ in echoing_server.log]
    assert request.headers["Authorization"] == f"Bearer {KEY}", "the key did reach the server"
    error = raised.value
    screen = [str(error), error.say("nl"), error.say("en"), "".join(traceback.format_exception(error))]
    assert "401" in screen[0] and MASK in screen[0]
    assert not [text for text in screen if KEY in text]
    [call] = bench.session.calls("SD-02")
    assert call["error"] and KEY not in json.dumps(call)
    assert KEY not in caplog.text
    bench.session.close()


def test_a_key_is_scrubbed_from_errors_even_when_its_variable_is_unknown_here():
    other = "sk-ant-api03-AbCdEfGhIjKlMnOpQrStUv"
    error = SessionError(f"the server said: bad key {other} (Authorization: Bearer tok_1234567890abcdef)")
    assert other not in str(error) and "tok_1234567890abcdef" not in str(error)


def test_every_exception_in_a_chain_is_scrubbed(monkeypatch):
    token = "-".join(["a", "very", "private", "token", "value"])  # not a literal: tracebacks quote source lines
    monkeypatch.setenv("MY_SERVICE_TOKEN", token)
    with pytest.raises(RuntimeError) as raised, errors_scrubbed():
        try:
            raise ValueError(f"upstream refused {token}")
        except ValueError as cause:
            raise RuntimeError(f"wrapped: {token}") from cause
    assert token not in "".join(traceback.format_exception(raised.value))


@pytest.mark.parametrize(
    "text",
    [
        "https://alice:s3cretpass@proxy.example.com/v1",
        '{"api_key": "abcdef123456"}',
        "x-api-key: abcdef123456",
        "?access_token=abcdef123456&x=1",
    ],
)
def test_credentials_in_urls_headers_and_json_are_removed(text):
    assert MASK in scrub(text)
    assert "s3cretpass" not in scrub(text) and "abcdef123456" not in scrub(text)


def test_ordinary_text_is_left_alone():
    text = "Klanten willen een mens spreken; de token-machine bij de balie werkt niet."
    assert scrub(text) == text
    assert scrub_exception(None) is None


def test_the_call_log_keeps_no_secret(tmp_path: Path, monkeypatch):
    from copilot.session import Session

    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    with Session.create(tmp_path / "s.cxsession", "S", "nl") as session:
        session.log_call("SD-02", "openai:x", prompt=f"key {KEY}", response=KEY, error=f"Bearer {KEY}")
        assert KEY not in json.dumps(session.calls())
