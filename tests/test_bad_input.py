"""The bad-input corpus (tests/data/bad_input/, listed in its README): every case gets a clear message — never a
traceback, a hang, a changed file outside the copilot's own, or a leaked secret."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from copilot.errors import CopilotError, SessionError, StepError
from copilot.headless import new_session_path
from copilot.prompts import FrontMatter, PromptTemplate, TemplateError, load_template
from copilot.secrets import scrub
from copilot.session import Session
from copilot.settings import Workspace
from copilot.steps.schemas import ResearchSynthesis, Theme
from copilot.workshop import load_format

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).with_name("data") / "bad_input"
CASES = yaml.safe_load((DATA / "cases.yaml").read_text(encoding="utf-8"))


def cases(kind: str) -> list:
    return [pytest.param(case, id=case["id"]) for case in CASES if case["kind"] == kind]


def make(path: Path, spec: dict) -> Path:
    """A file (or folder) as a case describes it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if spec.get("folder"):
        path.mkdir()
    elif spec.get("zip"):
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("readme.txt", "not a deck")
    elif "sql" in spec:
        with sqlite3.connect(path) as db:
            for statement in spec["sql"]:
                db.execute(statement)
        db.close()
    elif "bytes" in spec:
        path.write_bytes(spec["bytes"].encode("latin-1"))
    return path


def fingerprint(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def good_session(path: Path) -> Path:
    with Session.create(path, "Goed", "en") as session:
        session.save_edit("SD-02", ResearchSynthesis(themes=[Theme(id="T1", label="Nobody explains the bill")]))
    return path


def cli(*args, cwd: Path, home: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "CX_COPILOT_HOME": str(home),
        "CX_COPILOT_LANG": "en",
        "COLUMNS": "400",  # one message, one line: no wrapping inside the words the test looks for
    }
    return subprocess.run(
        [sys.executable, "-m", "copilot.cli", *args],
        capture_output=True,
        cwd=cwd,
        env={**environment, **(env or {})},
        timeout=300,
    )


def assert_clear(result: subprocess.CompletedProcess, code: int, expect: str) -> None:
    out = (result.stdout + result.stderr).decode("utf-8", "replace")
    assert "Traceback" not in out, out
    assert result.returncode == code, out
    assert expect in " ".join(out.translate({ord(c): " " for c in "│╭╮╰╯─"}).split()), out


# --- session files and imports -------------------------------------------------------------------------------


@pytest.mark.parametrize("case", cases("session_file"))
def test_a_file_that_is_not_a_usable_session_is_refused_untouched(case, tmp_path: Path):
    path = make(tmp_path / "case.cxsession", case["make"])
    before = fingerprint(path)
    with pytest.raises(SessionError) as raised:
        Session.open(path)
    assert raised.value.key == case["expect"]
    assert "case.cxsession" in raised.value.say("nl")
    assert fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.cxsession"], "no journal files left"


@pytest.mark.parametrize("case", cases("session_import"))
def test_an_import_that_is_refused_leaves_nothing_behind(case, tmp_path: Path):
    source = tmp_path / "shared.cxsession"
    if not case["make"].get("missing"):
        make(source, case["make"])
    before = fingerprint(source)
    sessions = tmp_path / "sessions"
    with pytest.raises(SessionError) as raised:
        Session.import_file(source, sessions)
    assert raised.value.key == case["expect"]
    assert not sessions.exists() or list(sessions.iterdir()) == []
    assert fingerprint(source) == before


@pytest.mark.parametrize("case", cases("import_name"))
def test_a_shared_session_with_a_hostile_name_is_imported_under_a_safe_one(case, tmp_path: Path):
    source = good_session(tmp_path / "outbox" / "good.cxsession").rename(tmp_path / "outbox" / case["name"])
    with Session.import_file(source, tmp_path / "sessions") as imported:
        assert imported.path.name == case["expect"]
        assert imported.path.parent == tmp_path / "sessions"
        assert imported.content("SD-02", ResearchSynthesis).themes[0].id == "T1"


@pytest.mark.parametrize("case", cases("session_step"))
def test_a_damaged_step_is_a_clear_error_naming_it(case, tmp_path: Path):
    path = good_session(tmp_path / "s.cxsession")
    with sqlite3.connect(path) as db:
        db.execute(case["sql"])
    db.close()
    with Session.open(path) as session, pytest.raises(SessionError, match=case["expect"]) as raised:
        session.content("SD-02", ResearchSynthesis)
    assert "SD-02" in str(raised.value)


# --- exports -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", cases("export_cli"))
def test_an_export_never_writes_over_what_is_not_a_deck(case, tmp_path: Path):
    session = tmp_path / "work.cxsession"
    if "session" in case:
        if not case["session"].get("missing"):
            make(session, case["session"])
    else:
        good_session(session)
    if case["out"] == "SESSION":
        out = session
    else:
        out = tmp_path / case["out"]["name"]
        if case["out"].get("parent_is_file"):
            out.parent.write_text("a file, not a folder", encoding="utf-8")
        else:
            make(out, case["out"])
    before = {p: fingerprint(p) for p in (session, out)}
    result = cli("export", str(session), "--out", str(out), cwd=tmp_path, home=tmp_path / "home")
    assert_clear(result, 1, case["expect"])
    assert {p: fingerprint(p) for p in (session, out)} == before


# --- workshop formats ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", cases("format"))
def test_a_bad_workshop_format_is_a_clear_error_and_its_id_never_leaves_the_workspace(case, tmp_path: Path):
    path = DATA / case["file"]
    if case["expect"] != "inside":
        with pytest.raises(CopilotError) as raised:
            load_format(path)
        assert case["expect"] in str(raised.value)
        assert path.name in str(raised.value)
        return
    workshop = load_format(path)
    workspace = Workspace(tmp_path / "home").ensure()
    session_path = new_session_path(workspace, workshop.id)
    assert session_path.resolve().parent == workspace.sessions_dir.resolve()
    Session.create(session_path, "t", "en", workshop=workshop.id).close()
    assert [p for p in tmp_path.rglob("*.cxsession")] == [session_path]


# --- prompt templates ----------------------------------------------------------------------------------------

META = FrontMatter(id="SD-02", title="t", track="service-design", language="en", output="ResearchSynthesis")


@pytest.mark.parametrize("case", cases("template"))
def test_a_hostile_template_stops_with_a_clear_limit(case):
    source = (DATA / case["file"]).read_text(encoding="utf-8").strip()
    template = PromptTemplate(Path("evil.md"), META, "system", source, {"system": 7, "user": 9})
    with pytest.raises(TemplateError) as raised:
        template.render()
    error = raised.value
    expected = case["expect"] if isinstance(case["expect"], list) else [case["expect"]]
    if expected[0].startswith("template_"):
        assert error.key in expected
        assert "evil.md, user" in error.say("en") and "evil.md, user" in error.say("nl")
    else:
        assert case["expect"] in str(error)


@pytest.mark.parametrize("case", cases("template_file"))
def test_a_broken_template_file_is_a_clear_error_naming_it(case):
    with pytest.raises(TemplateError) as raised:
        load_template(DATA / case["file"])
    assert case["expect"] in str(raised.value)
    assert Path(case["file"]).name in str(raised.value)


# --- the command line ----------------------------------------------------------------------------------------


@pytest.fixture
def hostile_prompts(tmp_path: Path) -> Path:
    folder = shutil.copytree(ROOT / "prompts", tmp_path / "prompts", ignore=shutil.ignore_patterns("tests"))
    target = next((folder / "en").glob("SD-02*.md"))
    target.write_text(target.read_text(encoding="utf-8") + "\n{{ range(10**9) | list | length }}\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("case", cases("cli"))
def test_a_mistake_on_the_command_line_is_a_message_not_a_traceback(case, tmp_path: Path, hostile_prompts: Path):
    session = good_session(tmp_path / "work.cxsession")
    latin1 = tmp_path.joinpath(os.fsdecode(b"caf\xe9 sessie.cxsession"))
    latin1.write_bytes(b"not a session")
    places = {
        "SESSION": str(session),
        "FORMAT": str(ROOT / "workshop_templates" / "journey_pain_points_90.yaml"),
        "TMP": str(tmp_path),
        "LATIN1": os.fsencode(latin1),
        "HOSTILE_PROMPTS": str(hostile_prompts),
    }
    args = [places.get(arg, str(arg).replace("DATA", str(DATA))) for arg in case["args"]]
    before = fingerprint(session)
    result = cli(*args, cwd=tmp_path, home=tmp_path / "home", env=case.get("env"))
    assert_clear(result, case["exit"], case["expect"])
    assert fingerprint(session) == before


# --- secrets -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", cases("secret"))
def test_a_secret_in_an_error_is_shown_nowhere(case, tmp_path: Path, monkeypatch):
    secret = case["secret"]
    if "env" in case:
        monkeypatch.setenv(case["env"], secret)
    text = case["text"].replace("SECRET", secret)
    error = SessionError(text)
    with Session.create(tmp_path / "s.cxsession", "S", "en") as session:
        session.log_call("SD-02", "openai:x", prompt=text, response=text, error=text)
        logged = json.dumps(session.calls())
    for shown in (scrub(text), str(error), error.say("nl"), logged):
        assert secret not in shown
        assert "[secret removed]" in shown


# --- huge pastes ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", cases("paste"))
def test_a_huge_paste_is_refused_with_the_step_and_the_limit(case, tmp_path: Path):
    insight = "x" * (case.get("text_kb", 0) * 1000)
    themes = [Theme(id=f"T{i}", label="paste", insight=insight) for i in range(case["items"])]
    output = ResearchSynthesis.model_construct(themes=themes, open_questions=[])
    with Session.create(tmp_path / "s.cxsession", "S", "en") as session:
        if case["expect"] == "ok":
            session.save_draft("SD-02", output)
            assert len(session.content("SD-02", ResearchSynthesis).themes) == case["items"]
            return
        with pytest.raises(StepError) as raised:
            session.save_draft("SD-02", output, actor="pasted")
        assert raised.value.key == case["expect"]
        assert "SD-02" in raised.value.say("nl")
        assert session.status("SD-02") == "empty"


# --- read-only places (root may write anywhere, so these run only as an ordinary user) -----------------------

not_as_root = pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores permissions")


@not_as_root
def test_a_session_in_a_read_only_folder_says_so(tmp_path: Path):
    path = good_session(tmp_path / "locked" / "s.cxsession")
    path.parent.chmod(0o555)
    try:
        with pytest.raises(SessionError) as raised:
            Session.open(path)
        assert raised.value.key == "session_read_only"
    finally:
        path.parent.chmod(0o755)


@not_as_root
def test_an_export_into_a_read_only_folder_is_refused_before_the_work(tmp_path: Path):
    session = good_session(tmp_path / "work.cxsession")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        result = cli("export", str(session), "--out", str(locked / "deck.pptx"), cwd=tmp_path, home=tmp_path / "h")
        assert_clear(result, 1, "read-only")
    finally:
        locked.chmod(0o755)
