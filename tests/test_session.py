import sqlite3
from pathlib import Path

import pytest

from copilot.errors import SessionError, StepLockedError
from copilot.research.chunks import Chunk
from copilot.research.quotes import Quote
from copilot.session import Session
from copilot.steps.schemas import ResearchSynthesis, Theme


def synthesis(label: str, evidence: list[str] | None = None) -> ResearchSynthesis:
    return ResearchSynthesis(themes=[Theme(id="T1", label=label, evidence=evidence or ["q1"])])


@pytest.fixture
def session(tmp_path: Path) -> Session:
    return Session.create(tmp_path / "s.cxsession", "Workshop", "nl", workshop="journey_pain_points_90")


def test_a_new_session_remembers_its_title_language_and_workshop(session: Session):
    reopened = Session.open(session.path)
    assert (reopened.title, reopened.language, reopened.meta("workshop")) == (
        "Workshop",
        "nl",
        "journey_pain_points_90",
    )


def test_a_draft_becomes_the_content_until_a_person_edits(session: Session):
    session.save_draft("SD-02", synthesis("computed"))
    assert session.content("SD-02", ResearchSynthesis).themes[0].label == "computed"
    assert session.status("SD-02") == "drafted"


def test_a_new_draft_never_overwrites_a_human_edit(session: Session):
    session.save_draft("SD-02", synthesis("computed"))
    session.save_edit("SD-02", synthesis("Klanten willen een mens"))
    session.save_draft("SD-02", synthesis("recomputed"))
    assert session.content("SD-02", ResearchSynthesis).themes[0].label == "Klanten willen een mens"
    assert session.draft("SD-02", ResearchSynthesis).themes[0].label == "recomputed"


def test_a_locked_step_refuses_edits_and_drafts_until_unlocked(session: Session):
    session.save_draft("SD-02", synthesis("computed"))
    session.lock("SD-02")
    with pytest.raises(StepLockedError, match="SD-02 is locked"):
        session.save_edit("SD-02", synthesis("late change"))
    with pytest.raises(StepLockedError):
        session.save_draft("SD-02", synthesis("late draft"))
    session.unlock("SD-02")
    session.save_edit("SD-02", synthesis("late change"))
    assert session.status("SD-02") == "edited"


def test_history_records_who_did_what(session: Session):
    session.save_draft("SD-02", synthesis("computed"))
    session.save_edit("SD-02", synthesis("edited"))
    session.lock("SD-02")
    assert [(h["actor"], h["action"]) for h in session.history("SD-02")] == [
        ("computed", "draft"),
        ("person", "edit"),
        ("person", "lock"),
    ]


def test_edits_survive_closing_and_reopening(session: Session):
    session.save_edit("SD-02", synthesis("Wachten op de bevestiging"))
    session.close()
    assert Session.open(session.path).content("SD-02", ResearchSynthesis).themes[0].label == "Wachten op de bevestiging"


def test_cited_quotes_are_kept_in_the_session(session: Session):
    quote = Chunk(id="q1", text="Ik wil een mens spreken.", source="survey.csv", location="row 3", kind="table")
    session.keep_evidence([quote])
    assert session.evidence(["q1", "missing"]) == [Quote("q1", "Ik wil een mens spreken.", "survey.csv", "row 3")]


def test_quotes_kept_by_an_older_version_still_read_and_are_written_in_the_same_columns(session: Session):
    """The file keeps plain rows (id, text, source, location, speaker); only the session hands out `Quote`s."""
    with session._db:  # as an earlier version wrote them, no speaker given
        session._db.execute(
            "INSERT INTO evidence (id, text, source, location) VALUES ('q9', 'Te laat.', 'i/07.txt', 'turn 4')"
        )
    session.keep_evidence([Quote("q2", "Nog steeds niets.", "i/08.txt", "turn 1", "Ria")])
    assert session.evidence(["q9", "q2"]) == [
        Quote("q9", "Te laat.", "i/07.txt", "turn 4", ""),
        Quote("q2", "Nog steeds niets.", "i/08.txt", "turn 1", "Ria"),
    ]
    columns = [row[1] for row in session._db.execute("PRAGMA table_info(evidence)")]
    assert columns == ["id", "text", "source", "location", "speaker"]


def test_an_item_without_evidence_is_an_assumption():
    assert Theme(id="T1", label="gut feeling").assumption is True
    assert Theme(id="T2", label="backed", evidence=["q1"]).assumption is False


def test_a_file_that_is_not_a_session_gets_a_clear_error(tmp_path: Path):
    path = tmp_path / "notes.cxsession"
    path.write_bytes(b"these are not the droids" * 100)
    with pytest.raises(SessionError, match="notes.cxsession is not a readable workshop session"):
        Session.open(path)


def test_a_session_from_a_newer_copilot_is_refused_not_damaged(tmp_path: Path):
    path = tmp_path / "future.cxsession"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(SessionError, match="newer CX Copilot"):
        Session.open(path)


def test_opening_a_missing_session_says_to_start_one(tmp_path: Path):
    with pytest.raises(SessionError, match="Start a new session"):
        Session.open(tmp_path / "nope.cxsession")


def test_a_duplicate_starts_where_the_original_is_and_then_goes_its_own_way(session: Session, tmp_path: Path):
    session.save_edit("SD-02", synthesis("origineel"))
    copy = session.duplicate(tmp_path / "copy.cxsession", "Variant B")
    copy.save_edit("SD-02", synthesis("variant"))
    assert copy.title == "Variant B" and copy.meta("duplicated_from") == "Workshop"
    assert session.content("SD-02", ResearchSynthesis).themes[0].label == "origineel"
    assert copy.content("SD-02", ResearchSynthesis).themes[0].label == "variant"


def test_a_session_exported_as_one_file_imports_elsewhere_with_everything(session: Session, tmp_path: Path):
    session.save_edit("SD-02", synthesis("gedeeld"))
    session.lock("SD-02")
    shared = session.copy_to(tmp_path / "outbox" / "gedeeld.cxsession")
    imported = Session.import_file(shared, tmp_path / "elsewhere")
    again = Session.import_file(shared, tmp_path / "elsewhere")
    assert imported.path.name == "gedeeld.cxsession" and again.path.name == "gedeeld-2.cxsession"
    assert imported.is_locked("SD-02") and imported.content("SD-02", ResearchSynthesis).themes[0].label == "gedeeld"
    assert len(imported.history("SD-02")) == 2


def test_importing_a_file_that_is_not_a_session_is_refused(tmp_path: Path):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE x (y)")
    with pytest.raises(SessionError, match="an SQLite file, but not a workshop session"):
        Session.import_file(other, tmp_path / "sessions")
    text = tmp_path / "notes.cxsession"
    text.write_text("hallo", encoding="utf-8")
    with pytest.raises(SessionError, match="notes.cxsession is not a workshop session"):
        Session.import_file(text, tmp_path / "sessions")


def test_edits_from_another_thread_are_saved_like_any_other(session: Session):
    """JupyterLab runs widget callbacks on kernel subshell threads; the session must accept them."""
    import threading

    errors = []

    def edit(n: int) -> None:
        try:
            for i in range(20):
                session.save_edit("SD-02", synthesis(f"thread {n} edit {i}"))
        except Exception as error:  # collected, so the assertion below shows it
            errors.append(error)

    threads = [threading.Thread(target=edit, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(session.history("SD-02")) == 80
    assert session.content("SD-02", ResearchSynthesis).themes[0].label.endswith("edit 19")
