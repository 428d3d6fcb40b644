"""Dutch compounds split into their parts, so words written together meet words written apart."""

import pytest

from copilot.research.compounds import parts, split
from copilot.research.lexical import LexicalIndex


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("klantenservicemedewerker", ("klanten", "service", "medewerker")),
        ("betalingsachterstand", ("betaling", "achterstand")),
        ("termijnbedrag", ("termijn", "bedrag")),
        ("storingsmelding", ("storing", "melding")),
        ("internetverbinding", ("internet", "verbinding")),
        ("factuuradres", ("factuur", "adres")),
        ("contactformulier", ("contact", "formulier")),
    ],
)
def test_a_compound_splits_into_its_words(word, expected):
    assert split(word) == expected


@pytest.mark.parametrize(
    "word", ["verzekering", "aanbieding", "ondersteuning", "bestelling", "medewerker", "inloggen", "vertraging"]
)
def test_a_word_that_is_no_compound_stays_whole(word):
    assert split(word) == (word,)


def test_parts_keep_every_level_of_a_compound():
    assert parts("klantenservicemedewerker") == ["klantenservice", "klanten", "service", "medewerker"]
    assert parts("wachtwoord") == ["wacht", "woord"]
    assert parts("abonnement") == []


def test_a_search_for_the_parts_finds_the_compound():
    index = LexicalIndex(["De klantenservicemedewerker was erg behulpzaam.", "Het pakket kwam twee dagen te laat."])
    scores = index.scores("medewerker van de service")
    assert scores[0] > 0 and scores[1] == 0
