"""Workshop participation (issue 23): participants' stickies, dots and ratings, stored beside the session in
append-only logs, counted per step and round; the facilitator's controls; the room's input as a step draft."""

from __future__ import annotations

import json
import multiprocessing
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from copilot.errors import SessionError
from copilot.participation import Participant, Room, count
from copilot.participation_draft import clusters, draft_from_room, offer_for, workshop_draft
from copilot.participation_model import Item, Offer, Record, RoomState, clean_text
from copilot.research.chunks import Chunk
from copilot.session import Session
from copilot.steps.diff import changes
from copilot.steps.schemas import HmwQuestion, HowMightWe, Idea, Ideation, Prioritisation

ITEMS = [Item(id=f"idea-{n}", text=f"Idee {n}") for n in range(5)]


def ideation_offer(**extra) -> Offer:
    return Offer(step="SD-06", items=ITEMS, categories=["idea"], **extra)


@pytest.fixture
def session_path(tmp_path: Path) -> Path:
    path = tmp_path / "sessions" / "werksessie.cxsession"
    Session.create(path, "Werksessie", "nl").close()
    return path


@pytest.fixture
def room(session_path: Path) -> Room:
    room = Room.open_for(session_path)
    room.open_step(ideation_offer())
    return room


def test_a_room_lives_beside_the_session_and_never_writes_the_session_file(session_path: Path):
    before = session_path.read_bytes()
    room = Room.open_for(session_path)
    room.open_step(ideation_offer())
    room.join("Ans").add_sticky("SD-06", "idea", "Terugbelservice")
    assert room.folder == session_path.with_name("werksessie.participation")
    assert (room.folder / "controls.jsonl").exists() and list((room.folder / "people").glob("p-*.jsonl"))
    assert session_path.read_bytes() == before


def test_a_participant_finds_the_room_by_its_code_in_any_case_and_a_wrong_code_is_explained(session_path: Path):
    room = Room.open_for(session_path)
    assert Room.open_for(session_path).code == room.code  # the code is made once
    found = Room.find(f" {room.code.lower()} ", session_path.parent)
    assert found.folder == room.folder
    with pytest.raises(SessionError) as caught:
        Room.find("ZZZZZZ" if room.code != "ZZZZZZ" else "YYYYYY", session_path.parent)
    assert caught.value.key == "room_unknown"
    assert "code" in caught.value.say("nl").lower()


def test_a_participant_changes_and_withdraws_their_own_sticky_and_the_last_record_wins(room: Room):
    ans = room.join("Ans")
    sticky = ans.add_sticky("SD-06", "idea", "Terugbelservice")
    ans.change_sticky("SD-06", sticky, "Terugbellen op een gekozen tijd")
    assert [s.text for s in room.tally("SD-06").stickies] == ["Terugbellen op een gekozen tijd"]
    ans.withdraw_sticky("SD-06", sticky)
    assert room.tally("SD-06").stickies == []
    lines = (room.people / f"{ans.id}.jsonl").read_text().splitlines()
    assert len(lines) == 3, "every change is a new record; nothing is rewritten"


def test_a_participant_who_comes_back_with_their_personal_code_is_the_same_person_with_no_fresh_dots(
    room: Room, session_path: Path
):
    ans = room.join("Ans")
    sticky = ans.add_sticky("SD-06", "idea", "Terugbelservice")
    ans.vote("SD-06", "idea-0", 3)
    code = ans.personal_code
    assert code.startswith(room.code + "-")

    again = Room.find(code.lower(), session_path.parent).join(resume=code.split("-")[1])
    assert (again.id, again.name) == (ans.id, "Ans")
    with pytest.raises(SessionError) as caught:
        again.vote("SD-06", "idea-1", 1)
    assert caught.value.key == "room_no_dots", "a reload is no way to more dots"
    again.withdraw_sticky("SD-06", sticky)
    assert room.tally("SD-06").stickies == []
    assert room.join("Ans").id != ans.id, "the same name without the code is someone else"


def test_nobody_changes_or_withdraws_another_persons_sticky(room: Room):
    ans, bob = room.join("Ans"), room.join("Bob")
    sticky = ans.add_sticky("SD-06", "idea", "Terugbelservice")
    with pytest.raises(SessionError) as caught:
        bob.withdraw_sticky("SD-06", sticky)
    assert caught.value.key == "room_not_yours"
    # even a record written straight into Bob's own log cannot touch Ans's sticky
    forged = {"participant": bob.id, "at": "x", "step": "SD-06", "kind": "sticky", "target": sticky, "value": 0}
    with (room.people / f"{bob.id}.jsonl").open("a") as handle:
        handle.write(json.dumps(forged) + "\n")
    assert [s.id for s in room.tally("SD-06").stickies] == [sticky]


def test_nothing_reaches_a_step_that_is_not_open(room: Room):
    ans = room.join()
    with pytest.raises(SessionError) as caught:
        ans.add_sticky("SD-05", "hmw", "Hoe kunnen we…")
    assert caught.value.key == "room_step_closed"
    room.close()
    with pytest.raises(SessionError):
        ans.add_sticky("SD-06", "idea", "Na sluiting")
    assert room.tally("SD-06").stickies == [] and room.tally("SD-05").stickies == []


def test_a_sticky_of_a_kind_the_step_does_not_take_or_an_empty_one_is_refused(room: Room):
    ans = room.join()
    for category, text, key in (("stakeholder", "Manager", "room_category"), ("idea", " \n\t ", "room_empty_text")):
        with pytest.raises(SessionError) as caught:
            ans.add_sticky("SD-06", category, text)
        assert caught.value.key == key
    assert room.tally("SD-06").stickies == []


def test_text_is_kept_as_plain_short_text_markup_and_all():
    assert clean_text("<img src=x onerror=alert(1)>\u202e\x00  hoi\n\ndaar") == "<img src=x onerror=alert(1)> hoi daar"
    assert len(clean_text("x" * 1000)) == 280


def test_dots_are_limited_to_what_the_facilitator_gives_and_can_be_moved(room: Room):
    room.set_dots("SD-06", 2)
    ans = room.join()
    ans.vote("SD-06", "idea-0", 2)
    with pytest.raises(SessionError) as caught:
        ans.vote("SD-06", "idea-1", 1)
    assert caught.value.key == "room_no_dots"
    ans.vote("SD-06", "idea-0", 1)
    ans.vote("SD-06", "idea-1", 1)
    assert room.tally("SD-06").votes == {"idea-0": 1, "idea-1": 1}
    with pytest.raises(SessionError) as caught:
        ans.vote("SD-06", "not-in-this-step", 1)
    assert caught.value.key == "room_unknown_target"


def test_votes_written_past_the_dots_straight_into_a_log_are_not_counted(room: Room):
    ans = room.join()
    with (room.people / f"{ans.id}.jsonl").open("a") as handle:
        for target in ("idea-0", "idea-1", "idea-2", "idea-3"):
            vote = {"participant": ans.id, "at": "x", "step": "SD-06", "kind": "vote", "target": target, "value": 1}
            handle.write(json.dumps(vote) + "\n")
    assert room.tally("SD-06").dots_cast == 3


def test_a_reset_round_starts_counting_again_and_hides_the_votes(room: Room):
    ans = room.join()
    ans.add_sticky("SD-06", "idea", "Eerste ronde")
    ans.vote("SD-06", "idea-0", 3)
    room.reveal("SD-06")
    assert "SD-06" in room.state().revealed
    room.reset_round("SD-06")
    state = room.state()
    assert "SD-06" not in state.revealed and state.round_of("SD-06") == 1
    assert room.tally("SD-06").stickies == [] and room.tally("SD-06").votes == {}
    ans.vote("SD-06", "idea-1", 3)  # all dots are free again in the new round
    assert room.tally("SD-06").votes == {"idea-1": 3}


def test_a_removed_sticky_drops_out_with_its_dots(room: Room):
    ans, bob = room.join(), room.join()
    sticky = ans.add_sticky("SD-06", "idea", "Iets ongepasts")
    bob.vote("SD-06", sticky, 2)
    room.remove(sticky)
    tally = room.tally("SD-06")
    assert tally.stickies == [] and tally.votes == {}


def test_ratings_are_averaged_per_item_and_scale_and_can_be_withdrawn(session_path: Path):
    room = Room.open_for(session_path)
    room.open_step(Offer(step="SD-07", items=ITEMS, scales=["impact", "effort"]))
    ans, bob = room.join(), room.join()
    ans.rate("SD-07", "idea-0", "impact", 5)
    bob.rate("SD-07", "idea-0", "impact", 2)
    bob.rate("SD-07", "idea-0", "effort", 4)
    assert room.tally("SD-07").mean("idea-0", "impact") == 3.5
    bob.rate("SD-07", "idea-0", "impact", 0)
    assert room.tally("SD-07").mean("idea-0", "impact") == 5
    with pytest.raises(SessionError) as caught:
        ans.rate("SD-07", "idea-0", "power", 3)
    assert caught.value.key == "room_bad_rating"


def test_a_half_written_or_damaged_line_costs_that_line_only(room: Room):
    ans = room.join()
    ans.add_sticky("SD-06", "idea", "Heel")
    with (room.people / f"{ans.id}.jsonl").open("a") as handle:
        handle.write("{not json\n")
        handle.write('{"participant": "' + ans.id + '", "at": "x", "step": "SD-06", "kin')  # a write cut off
    assert [s.text for s in room.tally("SD-06").stickies] == ["Heel"]


def test_a_participant_id_that_is_not_ours_never_becomes_a_file_name(room: Room):
    with pytest.raises(SessionError):
        Participant(room, "../../werksessie")


def test_alike_stickies_are_grouped_and_different_ones_are_not(room: Room):
    people = [room.join() for _ in range(4)]
    people[0].add_sticky("SD-06", "idea", "Terugbellen op een gekozen tijd")
    people[1].add_sticky("SD-06", "idea", "terugbellen op gekozen tijd!")
    people[2].add_sticky("SD-06", "idea", "Een chatbot die de factuur uitlegt")
    people[3].add_sticky("SD-06", "idea", "Terugbellen op een gekozen tijd")
    groups = clusters(room.tally("SD-06").stickies)
    assert sorted(len(g) for g in groups) == [1, 3]


# --- into the session ------------------------------------------------------------------------------


def test_the_room_becomes_a_draft_beside_peoples_edits_never_over_them(session_path: Path):
    with Session.open(session_path) as session:
        mine = Ideation(ideas=[Idea(id="i1", title="Ons eigen idee", evidence=["q1"])])
        session.save_edit("SD-06", mine)
        room = Room.open_for(session_path)
        room.open_step(offer_for(session, "SD-06"))
        ans, bob = room.join("Ans"), room.join()
        popular = ans.add_sticky("SD-06", "idea", "Terugbellen op een gekozen tijd")
        bob.add_sticky("SD-06", "idea", "Chatbot die de factuur uitlegt")
        bob.vote("SD-06", popular, 3)

        draft = draft_from_room(session, "SD-06", room.tally("SD-06"))

        assert [i.title for i in session.content("SD-06", Ideation).ideas] == ["Ons eigen idee"]
        assert session.draft("SD-06", Ideation) == draft
        proposed = changes(session.content("SD-06", Ideation), draft)
        assert [(c.kind, c.proposed.pitch) for c in proposed] == [
            ("added", "Terugbellen op een gekozen tijd"),
            ("added", "Chatbot die de factuur uitlegt"),
        ]
        assert all(c.proposed.assumption for c in proposed), "the room's ideas are not evidence"
        assert session.history("SD-06")[-1]["actor"] == "workshop"


def test_pains_become_how_might_we_starters_and_ratings_become_scores():

    state = RoomState(offer=Offer(step="SD-05", categories=["hmw", "pain"]), open_step="SD-05")
    rows = [
        Record(participant="p-0000000001", at="1", step="SD-05", kind="sticky", target="p-0000000001.1",
               category="pain", text="lang in de wacht", value=1),
        Record(participant="p-0000000001", at="2", step="SD-05", kind="sticky", target="p-0000000001.2",
               category="hmw", text="Hoe kunnen we sneller helpen?", value=1),
    ]  # fmt: skip

    draft = workshop_draft("SD-05", None, count("SD-05", state, {"p-0000000001": rows}), "nl")
    assert isinstance(draft, HowMightWe)
    pain = next(q for q in draft.questions if q.pain)
    assert "lang in de wacht" in pain.question and pain.question != pain.pain
    assert HmwQuestion in {type(q) for q in draft.questions}

    state = RoomState(offer=Offer(step="SD-07", items=ITEMS, scales=["impact", "effort"]), open_step="SD-07")
    rows = [
        Record(participant="p-0000000002", at="1", step="SD-07", kind="rating", target="idea-1", scale=s, value=v)
        for s, v in (("impact", 4), ("effort", 2))
    ]
    draft = workshop_draft("SD-07", None, count("SD-07", state, {"p-0000000002": rows}))
    assert isinstance(draft, Prioritisation)
    assert [(s.idea, s.impact, s.effort) for s in draft.scores] == [("idea-1", 4, 2)]


# --- many at once ----------------------------------------------------------------------------------


def _participate(args: tuple[str, int, int]) -> list[dict]:
    """One scripted participant: two stickies (one withdrawn), three dots placed then one moved, a rating."""
    folder, number, _ = args
    room = Room(Path(folder))
    person = room.join(f"Deelnemer {number}")
    keep = person.add_sticky("SD-06", "idea", f"Idee van deelnemer {number}")
    gone = person.add_sticky("SD-06", "idea", f"Ingetrokken idee {number}")
    person.withdraw_sticky("SD-06", gone)
    first, second = ITEMS[number % 5].id, ITEMS[(number + 1) % 5].id
    person.vote("SD-06", first, 2)
    person.vote("SD-06", second, 1)
    person.vote("SD-06", first, 1)  # moves a dot…
    person.vote("SD-06", keep, 1)  # …onto their own sticky
    return [{"id": person.id, "keep": keep, "votes": {first: 1, second: 1, keep: 1}}]


def _process(args: tuple[str, list[int]]) -> list[dict]:
    folder, numbers = args
    with ThreadPoolExecutor(len(numbers)) as pool:
        return [row for rows in pool.map(_participate, [(folder, n, 0) for n in numbers]) for row in rows]


def test_fifty_participants_in_five_processes_lose_no_contribution_and_double_no_vote(room: Room):
    groups = [(str(room.folder), list(range(p * 10, p * 10 + 10))) for p in range(5)]
    with multiprocessing.get_context("fork").Pool(5) as pool:
        people = [row for rows in pool.map(_process, groups) for row in rows]

    tally = Room(room.folder).tally("SD-06")  # a fresh reader, as the facilitator's kernel is
    assert len(people) == 50 and len(tally.participants) == 50
    assert sorted(s.id for s in tally.stickies) == sorted(p["keep"] for p in people)
    expected: dict[str, int] = {}
    for person in people:
        for target, dots in person["votes"].items():
            expected[target] = expected.get(target, 0) + dots
    assert tally.votes == expected
    assert tally.dots_cast == 150
    assert {p: v for p, v in tally.by_person.items()} == {p["id"]: p["votes"] for p in people}


def test_quotes_offered_to_participants_devices_carry_no_personal_data(session_path: Path):
    with Session.open(session_path) as session:
        quote = "Ik ben Jan de Vries, bel me op 06-12345678 of mail jan@example.nl."
        chunk = Chunk(id="q1", text=quote, source="interview.txt", location="turn 1", kind="transcript")
        session.keep_evidence([chunk])
        session.save_edit("SD-06", Ideation(ideas=[Idea(id="i1", title="Terugbellen", evidence=["q1"])]))
        offer = offer_for(session, "SD-06")
    assert offer.items == [Item(id="i1", text="Terugbellen")]
    shown = offer.quotes[0]["text"]
    assert "06-12345678" not in shown and "jan@example.nl" not in shown and "[" in shown


# --- on the deck -----------------------------------------------------------------------------------


def test_a_revealed_dot_vote_becomes_a_native_bar_chart_and_the_draft_is_credited_to_the_workshop(
    session_path: Path, tmp_path: Path
):
    from pptx import Presentation

    from copilot.export.from_session import build_deck
    from copilot.export.provenance import step_provenance
    from copilot.export.render import render

    with Session.open(session_path) as session:
        session.save_edit("SD-06", Ideation(ideas=[Idea(id="i1", title="Terugbellen", evidence=["q1"])]))
        room = Room.open_for(session_path)
        room.open_step(offer_for(session, "SD-06"))
        people = [room.join() for _ in range(3)]
        chat = people[0].add_sticky("SD-06", "idea", "Chatbot die de factuur uitlegt")
        for person in people:
            person.vote("SD-06", "i1", 2)
        people[1].vote("SD-06", chat, 1)
        assert not any(s.title.endswith("stippenstemming van de workshop") for s in build_deck(session).slides), (
            "votes stay off the deck until the facilitator reveals them"
        )
        room.reveal("SD-06")
        draft_from_room(session, "SD-06", room.tally("SD-06"))
        assert step_provenance(session, "SD-06").origin == "workshop"
        deck = render(build_deck(session), tmp_path / "deck.pptx")

    charts = [
        shape.chart
        for slide in Presentation(deck).slides
        for shape in slide.shapes
        if shape.has_chart and any("stippenstemming" in s.text_frame.text for s in slide.shapes if s.has_text_frame)
    ]
    assert len(charts) == 1
    plot = charts[0].plots[0]
    assert list(plot.categories) == ["Terugbellen", "Chatbot die de factuur uitlegt"]
    assert list(plot.series[0].values) == [6.0, 1.0]


def test_prioritising_offers_the_ideas_and_rescored_ideas_keep_their_score_item(session_path: Path):
    from copilot.steps.schemas import IdeaScore

    with Session.open(session_path) as session:
        session.save_edit("SD-06", Ideation(ideas=[Idea(id="i1", title="Terugbellen"), Idea(id="i2", title="Chat")]))
        scores = [IdeaScore(id="s1", idea="i1", title="Terugbellen", impact=2, effort=2)]
        session.save_edit("SD-07", Prioritisation(scores=scores))
        offer = offer_for(session, "SD-07")
        assert [(i.id, i.text) for i in offer.items] == [("i1", "Terugbellen"), ("i2", "Chat")]
        room = Room.open_for(session_path)
        room.open_step(offer)
        person = room.join()
        for scale, value in (("impact", 5), ("effort", 1)):
            person.rate("SD-07", "i1", scale, value)
        draft = draft_from_room(session, "SD-07", room.tally("SD-07"))
        proposed = changes(session.content("SD-07", Prioritisation), draft)
    found = [(c.kind, c.proposed.id, c.proposed.impact, c.proposed.effort) for c in proposed]
    assert found == [("changed", "s1", 5, 1)]
