"""Workshop participation under load: how long until a participant's sticky shows on the facilitator's side.

    python bench/participation.py [--participants 50] [--processes 5] [--stickies 6] [--poll 2.0] [--json]

Scripted participants (threads in several processes, like kernels behind one Voila server) add stickies and
place dots at random moments through the real `Participant` API; the facilitator's side polls `Room.tally`
every `--poll` seconds, as the panel does, and notes when each sticky first appears. Reported: time until
shown (p50/p95/max, poll interval included), how long a participant's write takes, how long one poll takes,
and whether any vote was lost or doubled.

The obvious alternative runs in the same run: every contribution as a row in one shared SQLite table (WAL,
synchronous=FULL, BEGIN IMMEDIATE per write, as the session file is written), polled the same way.
Nothing is asserted here; tests/test_participation.py checks that nothing is lost.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from copilot.participation import Room  # noqa: E402
from copilot.participation_model import Item, Offer  # noqa: E402
from copilot.session import Session  # noqa: E402

STEP = "SD-06"
ITEMS = [Item(id=f"i{n}", text=f"Idee {n}") for n in range(5)]


# --- the two stores, behind the same three calls -------------------------------------------------


class LogStore:
    """The real thing: one append-only log per participant beside the session."""

    name = "append-only log per participant (copilot.participation)"

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def setup(self) -> None:
        path = self.folder / "bench.cxsession"
        Session.create(path, "Bench", "nl").close()
        room = Room.open_for(path)
        room.set_dots(STEP, 3)
        room.open_step(Offer(step=STEP, items=ITEMS, categories=["idea"]))
        self.room_folder = room.folder

    def participant(self):
        person = Room(self.room_folder).join("bench")
        return lambda text: person.add_sticky(STEP, "idea", text), lambda target: person.vote(STEP, target, 1)

    def reader(self):
        room = Room(self.room_folder)

        def seen() -> tuple[set[str], dict[str, int]]:
            tally = room.tally(STEP)
            return {s.text for s in tally.stickies}, tally.votes

        return seen


class SqliteStore:
    """The alternative: one table in one SQLite file, every participant writing to it."""

    name = "one shared SQLite table (WAL, BEGIN IMMEDIATE)"

    def __init__(self, folder: Path) -> None:
        self.path = folder / "contributions.sqlite"

    def setup(self) -> None:
        with sqlite3.connect(self.path) as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE c (participant TEXT, kind TEXT, target TEXT, text TEXT)")

    def participant(self):
        db = sqlite3.connect(self.path, timeout=60, check_same_thread=False, isolation_level=None)
        db.execute("PRAGMA synchronous=FULL")
        me = f"p{random.getrandbits(40):x}"

        def write(kind: str, target: str, text: str) -> None:
            db.execute("BEGIN IMMEDIATE")
            db.execute("INSERT INTO c VALUES (?, ?, ?, ?)", (me, kind, target, text))
            db.execute("COMMIT")

        return lambda text: write("sticky", "", text), lambda target: write("vote", target, "")

    def reader(self):
        db = sqlite3.connect(self.path, timeout=60, check_same_thread=False)

        def seen() -> tuple[set[str], dict[str, int]]:
            texts = {row[0] for row in db.execute("SELECT text FROM c WHERE kind = 'sticky'")}
            votes = dict(db.execute("SELECT target, COUNT(*) FROM c WHERE kind = 'vote' GROUP BY target").fetchall())
            return texts, votes

        return seen


STORES = {"logs": LogStore, "sqlite": SqliteStore}


# --- participants --------------------------------------------------------------------------------


def _participant(args) -> dict:
    store, number, stickies, seed = args
    rng = random.Random(seed)
    add, vote = store.participant()
    written, write_seconds, votes = {}, [], {}
    for n in range(stickies):
        time.sleep(rng.uniform(0.2, 1.5))
        text = f"bench sticky {number}-{n}"
        started = time.time()
        add(text)
        written[text] = time.time()
        write_seconds.append(written[text] - started)
        if n < 3:  # three dots each, on the facilitator's items
            target = ITEMS[(number + n) % len(ITEMS)].id
            vote(target)
            votes[target] = votes.get(target, 0) + 1
    return {"written": written, "write_seconds": write_seconds, "votes": votes}


def _process(args) -> list[dict]:
    store, numbers, stickies = args
    with ThreadPoolExecutor(len(numbers)) as pool:
        return list(pool.map(_participant, [(store, n, stickies, n) for n in numbers]))


def run(kind: str, participants: int, processes: int, stickies: int, poll: float) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        store = STORES[kind](Path(folder))
        store.setup()
        seen = store.reader()
        first_seen: dict[str, float] = {}
        poll_seconds: list[float] = []
        done = threading.Event()

        def facilitator() -> None:
            while not done.is_set():
                started = time.time()
                texts, _ = seen()
                poll_seconds.append(time.time() - started)
                for text in texts - first_seen.keys():
                    first_seen[text] = time.time()
                done.wait(poll)

        share = [list(range(p, participants, processes)) for p in range(processes)]
        # the workers fork before the poller thread starts: a fork never copies a lock a thread holds
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            poller = threading.Thread(target=facilitator)
            poller.start()
            started = time.time()
            results = [r for rows in pool.map(_process, [(store, nums, stickies) for nums in share]) for r in rows]
        time.sleep(poll * 1.5)  # the last poll after the last write
        done.set()
        poller.join()
        seconds = time.time() - started
        texts, votes = seen()
    written = {text: at for r in results for text, at in r["written"].items()}
    expected: dict[str, int] = {}
    for result in results:
        for target, dots in result["votes"].items():
            expected[target] = expected.get(target, 0) + dots
    delays = sorted(first_seen[t] - at for t, at in written.items() if t in first_seen)
    writes = sorted(s for r in results for s in r["write_seconds"])
    return {
        "store": store.name,
        "participants": participants,
        "processes": processes,
        "stickies": len(written),
        "lost_stickies": len(set(written) - texts),
        "votes_expected": sum(expected.values()),
        "votes_counted": sum(votes.values()),
        "votes_match": votes == expected,
        "poll_s": poll,
        "shown_p50_s": round(_pct(delays, 50), 2),
        "shown_p95_s": round(_pct(delays, 95), 2),
        "shown_max_s": round(delays[-1], 2) if delays else None,
        "write_p50_ms": round(_pct(writes, 50) * 1000, 1),
        "write_p95_ms": round(_pct(writes, 95) * 1000, 1),
        "poll_read_p50_ms": round(_pct(sorted(poll_seconds), 50) * 1000, 1),
        "poll_read_p95_ms": round(_pct(sorted(poll_seconds), 95) * 1000, 1),
        "seconds": round(seconds, 1),
    }


def _pct(values: list[float], p: int) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=50)
    parser.add_argument("--processes", type=int, default=5)
    parser.add_argument("--stickies", type=int, default=6)
    parser.add_argument("--poll", type=float, default=2.0)
    parser.add_argument("--stores", default="logs,sqlite")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = [run(kind, args.participants, args.processes, args.stickies, args.poll) for kind in args.stores.split(",")]
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    for row in rows:
        print(row["store"])
        for key, value in row.items():
            if key != "store":
                print(f"  {key}: {value}")


if __name__ == "__main__":
    main()
