"""Workshop participants contributing from their own browser: stickies, dot votes and ratings.

Everything lives in a folder beside the session (`<session>.participation/`), never in the session file:

    room.json                    the join code (written once, by the facilitator)
    controls.jsonl               the facilitator's log: which step is open, dots per person, reveal, reset, remove
    people/<participant>.jsonl   one append-only log per participant

Each log is only ever appended to, one whole line per write under an exclusive `flock`, so many kernels and
processes can write at once and no record is lost or half-read. A participant changes or withdraws a sticky,
vote or rating by appending a newer record for the same target: within one participant's file the last
record wins. A record only ever counts for its own step and round, and only in its own participant's file,
so nobody can change another's contribution. Counting reads each file incrementally (from where it stopped).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import threading
from pathlib import Path

from pydantic import ValidationError

from copilot.errors import SessionError
from copilot.participation_model import (
    FOLDER_SUFFIX,
    MAX_NAME,
    SCALES,
    Control,
    Item,
    Offer,
    Record,
    RoomState,
    Sticky,
    Tally,
    clean_text,
    now,
)

__all__ = ["Item", "Offer", "Participant", "Record", "Room", "RoomState", "Sticky", "Tally", "count"]

try:  # Windows has no flock; O_APPEND of one short line is still one write there
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud from a projector
_PARTICIPANT = re.compile(r"^p-[0-9a-f]{10}$")
_CODE = re.compile(r"^[A-Z2-9]{6}$")
_RESUME = re.compile(r"^[A-Z2-9]{8}$")


class _Log:
    """An append-only JSON-lines file read incrementally: only complete lines, from where the last read ended."""

    def __init__(self, path: Path) -> None:
        self.path, self.offset, self.lines = path, 0, []

    def read(self) -> list[dict]:
        try:
            with self.path.open("rb") as handle:
                handle.seek(self.offset)
                data = handle.read()
        except FileNotFoundError:
            return self.lines
        end = data.rfind(b"\n") + 1  # a line still being written waits for the next read
        for raw in data[:end].splitlines():
            try:
                value = json.loads(raw)
            except ValueError:
                continue  # a damaged line (a disk that filled up) costs that line, not the log
            if isinstance(value, dict):
                self.lines.append(value)
        self.offset += end
        return self.lines


def append_line(path: Path, value: dict) -> None:
    """One whole line, appended under an exclusive lock and flushed to disk before this returns."""
    data = (json.dumps(value, ensure_ascii=False) + "\n").encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        if fcntl:
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)  # closing releases the lock


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))


class Room:
    """The participation folder of one session: the facilitator's controls and everyone's contributions."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.people = self.folder / "people"
        self._controls = _Log(self.folder / "controls.jsonl")
        self._logs: dict[str, _Log] = {}
        self._lock = threading.Lock()  # widget callbacks and the poller share the incremental readers

    @staticmethod
    def folder_for(session_path: Path) -> Path:
        session_path = Path(session_path)
        return session_path.with_name(session_path.stem + FOLDER_SUFFIX)

    @classmethod
    def open_for(cls, session_path: Path) -> Room:
        """The session's room, made (with a new join code) the first time."""
        folder = cls.folder_for(session_path)
        try:
            (folder / "people").mkdir(parents=True, exist_ok=True)
            room_file = folder / "room.json"
            if not room_file.exists():
                temporary = folder / f".room-{secrets.token_hex(4)}.json"
                temporary.write_text(json.dumps({"code": new_code(), "session": Path(session_path).name}))
                try:
                    os.link(temporary, room_file)  # first facilitator wins; a second keeps that code
                except FileExistsError:
                    pass
                finally:
                    temporary.unlink()
        except OSError:
            raise SessionError(key="session_read_only", name=Path(session_path).name, folder=str(folder)) from None
        return cls(folder)

    @classmethod
    def find(cls, code: str, sessions_dir: Path) -> Room:
        """The room whose join code is `code` (any case, spaces ignored), among the sessions in `sessions_dir`;
        a personal code (`ABC234-K7Q2MXWP`, see `join`) finds its room too."""
        wanted = split_code(code)[0]
        if _CODE.match(wanted):
            for room_file in sorted(Path(sessions_dir).glob(f"*{FOLDER_SUFFIX}/room.json")):
                try:
                    if json.loads(room_file.read_text(encoding="utf-8")).get("code") == wanted:
                        return cls(room_file.parent)
                except (OSError, ValueError):
                    continue
        raise SessionError(key="room_unknown", code=clean_text(code, 12))

    @property
    def code(self) -> str:
        return json.loads((self.folder / "room.json").read_text(encoding="utf-8"))["code"]

    # --- the facilitator ---------------------------------------------------------------------

    def _control(self, action: str, **fields) -> None:
        append_line(self.folder / "controls.jsonl", Control(at=now(), action=action, **fields).model_dump())

    def open_step(self, offer: Offer) -> None:
        self._control("open", step=offer.step, offer=offer)

    def close(self) -> None:
        self._control("close")

    def set_dots(self, step: str, dots: int) -> None:
        self._control("dots", step=step, value=max(0, min(int(dots), 20)))

    def reveal(self, step: str, shown: bool = True) -> None:
        self._control("reveal", step=step, value=int(shown))

    def reset_round(self, step: str) -> None:
        """Start the step's round again: earlier contributions stay in the logs but no longer count."""
        self._control("reset", step=step)

    def remove(self, sticky_id: str) -> None:
        self._control("remove", target=sticky_id)

    def state(self) -> RoomState:
        state = RoomState()
        with self._lock:
            lines = list(self._controls.read())
        for line in lines:
            try:
                state.apply(Control.model_validate(line))
            except ValidationError:
                continue
        return state

    # --- participants ------------------------------------------------------------------------

    def join(self, name: str = "", resume: str = "") -> Participant:
        """A participant. Each has a secret `resume` key (shown to them as `<room code>-<key>`): joining again
        with it, after a page was closed or reloaded, continues as the same person — same stickies, same dots —
        instead of starting over with fresh dots."""
        resume = "".join(str(resume).split()).upper()
        if not _RESUME.match(resume):
            resume = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
        participant_id = "p-" + hashlib.sha256(f"{self.code}:{resume}".encode()).hexdigest()[:10]
        name = clean_text(name, MAX_NAME)
        if not name:  # someone coming back keeps the name they joined with
            earlier = self.records().get(participant_id, [])
            name = earlier[-1].name if earlier else ""
        person = Participant(self, participant_id, name)
        person.resume = resume
        return person

    def records(self) -> dict[str, list[Record]]:
        """Every participant's records in the order they wrote them (a record naming another participant than
        its file's is ignored)."""
        found: dict[str, list[Record]] = {}
        with self._lock:
            for path in sorted(self.people.glob("p-*.jsonl")):
                log = self._logs.setdefault(path.stem, _Log(path))
                found[path.stem] = _records(path.stem, log.read())
        return found

    def tally(self, step: str, state: RoomState | None = None) -> Tally:
        state = state or self.state()
        return count(step, state, self.records())


def split_code(code: str) -> tuple[str, str]:
    """(room code, personal key) from what a person typed: `abc234` or `ABC234-K7Q2MXWP`."""
    room, _, resume = "".join(str(code).split()).upper().partition("-")
    return room, resume


def _records(participant: str, lines: list[dict]) -> list[Record]:
    kept = []
    for line in lines:
        try:
            record = Record.model_validate(line)
        except ValidationError:
            continue
        if record.participant == participant:
            kept.append(record)
    return kept


def count(step: str, state: RoomState, records: dict[str, list[Record]]) -> Tally:
    """The step's current round: last record per target wins within a participant; removed or withdrawn
    stickies drop out; votes beyond the dots a person has, or on things not in the step, do not count."""
    current = state.round_of(step)
    tally = Tally(step, current)
    mine = {p: [r for r in rs if r.step == step and r.round == current] for p, rs in records.items()}
    for participant, rows in mine.items():
        latest: dict[str, Record] = {}
        for row in rows:
            if row.kind == "sticky":
                latest[row.target] = row
        for sticky in latest.values():
            if sticky.value and sticky.target not in state.removed and sticky.target.startswith(participant + "."):
                tally.stickies.append(
                    Sticky(sticky.target, participant, sticky.name, sticky.category, sticky.text, sticky.at)
                )
    targets = {s.id for s in tally.stickies} | {
        i.id for i in (state.offer.items if state.offer and state.offer.step == step else [])
    }
    budget = state.dots_for(step)
    for participant, rows in mine.items():
        votes: dict[str, int] = {}
        ratings: dict[tuple[str, str], int] = {}
        for row in rows:
            if row.kind == "vote" and row.target in targets and row.value >= 0:
                if sum(votes.values()) - votes.get(row.target, 0) + row.value <= budget:
                    votes[row.target] = row.value
            elif row.kind == "rating" and row.target in targets and row.scale in SCALES and 0 <= row.value <= 5:
                ratings[(row.target, row.scale)] = row.value
        tally.by_person[participant] = {t: v for t, v in votes.items() if v}
        tally.rated_by[participant] = {key: v for key, v in ratings.items() if v}
        for target, dots in votes.items():
            if dots:
                tally.votes[target] = tally.votes.get(target, 0) + dots
        for (target, scale), value in ratings.items():
            if value:
                tally.ratings.setdefault(target, {}).setdefault(scale, []).append(value)
        if rows:
            tally.participants.add(participant)
    tally.stickies.sort(key=lambda s: (-tally.votes.get(s.id, 0), s.at))
    return tally


class Participant:
    """One person in the room. Writes only to their own log; every write checks the step is open for input."""

    def __init__(self, room: Room, participant_id: str, name: str = "") -> None:
        if not _PARTICIPANT.match(participant_id):
            raise SessionError(key="participant_unknown", name=clean_text(participant_id, 20))
        self.room, self.id, self.name = room, participant_id, name
        self.path = room.people / f"{participant_id}.jsonl"
        self.resume = ""  # the secret key `Room.join` gives, to come back as this person
        self._made = 0

    @property
    def personal_code(self) -> str:
        return f"{self.room.code}-{self.resume}"

    def _open_state(self, step: str) -> RoomState:
        state = self.room.state()
        if state.open_step != step:
            raise SessionError(key="room_step_closed", step=clean_text(step, 12))
        return state

    def _write(self, state: RoomState, step: str, kind: str, target: str, **fields) -> None:
        record = Record(
            participant=self.id, name=self.name, at=now(), step=step, round=state.round_of(step),
            kind=kind, target=target, **fields,
        )  # fmt: skip
        append_line(self.path, record.model_dump())

    def add_sticky(self, step: str, category: str, text: str) -> str:
        state = self._open_state(step)
        if category not in (state.offer.categories if state.offer else []):
            raise SessionError(key="room_category", step=step, category=clean_text(category, 20))
        text = clean_text(text)
        if not text:
            raise SessionError(key="room_empty_text", step=step)
        self._made += 1
        sticky_id = f"{self.id}.{self._made}{secrets.token_hex(4)}"  # unique also for a person who came back
        self._write(state, step, "sticky", sticky_id, category=category, text=text, value=1)
        return sticky_id

    def _own_sticky(self, step: str, sticky_id: str) -> Record:
        rows = [r for r in self.room.records().get(self.id, []) if r.kind == "sticky" and r.target == sticky_id]
        if not sticky_id.startswith(self.id + ".") or not rows or rows[-1].step != step:
            raise SessionError(key="room_not_yours", step=step)
        return rows[-1]

    def change_sticky(self, step: str, sticky_id: str, text: str) -> None:
        state = self._open_state(step)
        before, text = self._own_sticky(step, sticky_id), clean_text(text)
        if not text:
            raise SessionError(key="room_empty_text", step=step)
        self._write(state, step, "sticky", sticky_id, category=before.category, text=text, value=1)

    def withdraw_sticky(self, step: str, sticky_id: str) -> None:
        state = self._open_state(step)
        before = self._own_sticky(step, sticky_id)
        self._write(state, step, "sticky", sticky_id, category=before.category, text=before.text, value=0)

    def vote(self, step: str, target: str, dots: int) -> None:
        """Put `dots` of this person's dots on `target` (0 takes them back)."""
        state = self._open_state(step)
        tally = count(step, state, self.room.records())
        if target not in {s.id for s in tally.stickies} | {i.id for i in state.offer.items}:
            raise SessionError(key="room_unknown_target", step=step)
        others = sum(v for t, v in tally.by_person.get(self.id, {}).items() if t != target)
        if dots < 0 or others + dots > state.dots_for(step):
            raise SessionError(key="room_no_dots", step=step, dots=state.dots_for(step))
        self._write(state, step, "vote", target, value=int(dots))

    def rate(self, step: str, target: str, scale: str, value: int) -> None:
        """Rate `target` 1–5 on `scale` (0 withdraws the rating)."""
        state = self._open_state(step)
        if scale not in state.offer.scales or not 0 <= int(value) <= 5:
            raise SessionError(key="room_bad_rating", step=step)
        tally = count(step, state, self.room.records())
        if target not in {s.id for s in tally.stickies} | {i.id for i in state.offer.items}:
            raise SessionError(key="room_unknown_target", step=step)
        self._write(state, step, "rating", target, scale=scale, value=int(value))

    def votes(self, step: str, state: RoomState | None = None) -> dict[str, int]:
        """This person's dots per target, as counted."""
        state = state or self.room.state()
        return count(step, state, self.room.records()).by_person.get(self.id, {})

    def stickies(self, step: str) -> list[Sticky]:
        state = self.room.state()
        return count(step, state, {self.id: self.room.records().get(self.id, [])}).stickies
