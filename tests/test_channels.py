"""The contact channels a quote names: the touchpoints of an offline journey (SD-04, issue 14)."""

from __future__ import annotations

import csv

import pytest
from conftest import ROOT

from copilot.research.channels import channel_name, channels, from_metadata

BLIND = ROOT / "tests" / "data" / "channels_blind" / "sentences.tsv"


@pytest.mark.parametrize(
    ("text", "language", "meant"),
    [
        ("Ik heb vier keer gebeld en ze belden nooit terug.", "nl", ["phone"]),
        ("Mdw. belt kl. morgen terug, bevestiging per mail verstuurd.", None, ["phone", "email"]),
        ("De herinneringsbrief lag al twee weken in de la.", "nl", ["letter"]),
        ("Via de chatfunctie op de website kwam ik nergens.", "nl", ["website", "chat"]),
        ("Ik heb de monteur geappt dat ik later thuis was.", "nl", ["whatsapp", "visit"]),
        ("They texted me a code and then I logged in to the portal.", "en", ["website", "sms"]),
        ("I rang twice and was on hold for forty minutes.", "en", ["phone"]),
        ("We went to the front desk in person.", "en", ["desk"]),
        # words that look like a channel and are not
        ("Ik woon sinds maart in een appartement.", "nl", []),
        ("De belasting op stroom is weer omhoog.", "nl", []),
        ("Here is a brief overview of what went wrong, in brief.", "en", []),
        ("It was a judgement call, so-called experts said.", "en", []),
        ("Mijn telefoon is te oud voor die dingen.", "nl", []),
        ("I got a letter a week later.", "en", ["letter"]),
    ],
)
def test_a_quote_names_its_channels(text, language, meant):
    assert channels(text, language) == meant


def test_a_survey_rows_channel_column_is_a_channel_as_written_where_it_is_not_one_we_know():
    assert from_metadata({"segment": "particulier", "channel": "email"}) == "email"
    assert from_metadata({"Kanaal": "Telefonisch"}) == "phone"
    assert from_metadata({"channel": "Kiosk"}) == "Kiosk"
    assert from_metadata({"segment": "zakelijk"}) == ""


def test_channels_are_written_in_the_decks_language():
    assert channel_name("letter", "nl") == "brief" and channel_name("letter", "en") == "letter"


def test_channels_on_the_blind_set_beat_looking_for_their_names():
    """tests/data/channels_blind was written by a helper who saw no code; rules were tuned on the even half and the
    odd half's errors were never read. When this was written: F1 0.98 (even) and 0.92 (odd), against 0.43 and 0.37
    for looking for a channel's name (`bench/channels.py`)."""
    with BLIND.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    hit = found = meant = 0
    for row in rows:
        truth = {key for key in row["channels"].split(",") if key}
        guess = set(channels(row["text"], row["language"]))
        hit, found, meant = hit + len(truth & guess), found + len(guess), meant + len(truth)
    assert len(rows) == 240
    assert hit / found >= 0.9 and hit / meant >= 0.85
