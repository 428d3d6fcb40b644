"""Provenance you can show: every step slide says how its content came about (computed, a model, a paste,
people), with the prompt template's version and the human edits; an appendix lists it per step and per quoted
sentence; and `cx-copilot session audit` writes the AI-use record as CSV and JSON without keys or research."""

import csv
import hashlib
import json
from pathlib import Path

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from typer.testing import CliRunner

from copilot.audit import write_audit
from copilot.cli import app
from copilot.export.deckspec import TableSlide
from copilot.export.from_session import build_deck
from copilot.export.markdown import to_markdown
from copilot.research.retrieval import Retriever
from copilot.session import Session
from copilot.steps.engine import accept_pasted_answer, ask, prepare
from copilot.steps.schemas import ResearchSynthesis

ROOT = Path(__file__).resolve().parents[1]
KEY = "sk-proj-Zq8vL2mN4xR7tY1uI0oP3aS6dF9gH"


def version(step_prefix: str, language: str = "en") -> str:
    path = next((ROOT / "prompts" / language).glob(f"{step_prefix}_*.md"))
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


@pytest.fixture(scope="module")
def retriever(example_store) -> Retriever:
    return Retriever(example_store)


@pytest.fixture
def worked_session(tmp_path: Path, retriever) -> Session:
    """SD-02 drafted by a model then edited twice and locked; SD-03 pasted from an assistant; one failed call."""
    session = Session.create(tmp_path / "s.cxsession", "Audit", "en")
    prepared = prepare("SD-02", session, retriever)
    cited = [e.id for e in prepared.evidence[:2]]
    theme = {"id": "T1", "label": "Letters explain nothing", "insight": "x", "evidence": cited}
    model = FakeListChatModel(responses=[json.dumps({"themes": [theme]})])
    ask(prepared, model, session, model_name="openai:gpt-4o-mini")
    for label in ("Letters explain nothing at all", "Nobody explains the letters"):
        content = session.content("SD-02", ResearchSynthesis)
        content.themes[0].label = label
        session.save_edit("SD-02", content)
    session.lock("SD-02")
    session.log_call("SD-02", "openai:gpt-4o-mini", "x", error=f"AuthenticationError: Incorrect API key: {KEY}")
    prepared = prepare("SD-03", session, retriever)
    quoted = prepared.evidence[0]
    sentence = quoted.chunk.text.split(". ")[0][:80]
    persona = {
        "id": "P1", "name": "Ria, widowed", "human_contact_need": 5, "evidence": [quoted.id], "quote": sentence,
    }  # fmt: skip
    accept_pasted_answer(prepared, json.dumps({"personas": [persona]}), session)
    return session


def test_every_step_slide_says_where_its_content_came_from(worked_session: Session):
    deck = build_deck(worked_session, language="en")
    synthesis = [s for s in deck.slides if s.title.startswith("Research synthesis")]
    personas = [s for s in deck.slides if s.title.startswith("Personas")]
    assert synthesis and personas
    for slide in synthesis:
        assert "drafted by the model openai:gpt-4o-mini" in slide.notes
        assert f"version {version('SD-02')}" in slide.notes
        assert "human edits: 2" in slide.notes
    for slide in personas:
        assert "pasted from an assistant" in slide.notes and "human edits: 0" in slide.notes


def test_the_provenance_appendix_lists_each_step_and_each_quoted_sentence(worked_session: Session):
    deck = build_deck(worked_session, language="en")
    steps = next(s for s in deck.slides if isinstance(s, TableSlide) and s.title == "Provenance")
    assert [row[0][:5] for row in steps.rows] == ["SD-02", "SD-03"]
    assert steps.rows[0][3] == "2" and "openai:gpt-4o-mini" in steps.rows[0][1]
    quotes = next(s for s in deck.slides if s.title == "Provenance: quoted sentences")
    assert quotes.rows[0][0] == "SD-03 · P1" and quotes.rows[0][2] == "yes"
    assert "Provenance: quoted sentences" in to_markdown(deck)


def test_the_audit_record_has_every_call_paste_and_computation_without_keys_or_research(
    worked_session: Session, tmp_path: Path
):
    csv_path, json_path = write_audit(worked_session, tmp_path / "audit")
    rows = list(csv.DictReader(csv_path.open(encoding="utf-8")))
    kinds = [row["kind"] for row in rows]
    assert {"model call", "model draft", "human edit", "lock", "paste"} <= set(kinds)
    assert kinds.count("human edit") == 2
    call = next(r for r in rows if r["kind"] == "model call" and not r["error"])
    assert call["model"] == "openai:gpt-4o-mini" and call["template_version"] == version("SD-02")
    assert int(call["prompt_tokens"]) > 100 and int(call["completion_tokens"]) > 0
    paste = next(r for r in rows if r["kind"] == "paste")
    assert paste["step"] == "SD-03" and paste["template_version"] == version("SD-03")
    assert paste["tokens_estimated"] == "True"
    assert [r["at"] for r in rows] == sorted(r["at"] for r in rows)
    record = json.loads(json_path.read_text(encoding="utf-8"))
    assert len(record["records"]) == len(rows)
    written = csv_path.read_text(encoding="utf-8") + json_path.read_text(encoding="utf-8")
    assert (
        KEY not in written and "Zq8vL2mN4xR7" not in written and "[secret" in written
    )  # "[secret removed]" from the call log
    quote = worked_session.content("SD-02", ResearchSynthesis).themes[0].evidence[0]
    assert worked_session.evidence([quote])[0].text[:40] not in written


def test_the_audit_command_writes_csv_and_json_beside_the_session(worked_session: Session):
    path = worked_session.path
    worked_session.close()
    result = CliRunner().invoke(app, ["session", "audit", str(path)])
    assert result.exit_code == 0, result.output
    assert path.with_name("s-audit.csv").exists() and path.with_name("s-audit.json").exists()
