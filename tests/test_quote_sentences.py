"""Quotes at the size of a claim: the sentences of a passage that support an item, the passage kept whole."""

from __future__ import annotations

from copilot.steps.quote_sentences import excerpt, sentences, supporting

PASSAGE = (
    "Thinking back to my first appointment, I remember the waiting room and the pain in my shoulder. "
    "The physiotherapist was kind and explained every exercise twice. "
    "What really went wrong was that the two agencies did not share my data, so I filled in the same form "
    "three times and nobody could tell me who had my file. "
    "In the end my daughter phoned them both and sorted it out. "
    "I still do the exercises every morning before breakfast, and my shoulder is much better now."
)


def test_a_passage_splits_into_its_sentences():
    parts = sentences(PASSAGE)
    assert len(parts) == 5
    assert parts[0].startswith("Thinking back") and parts[-1].endswith("better now.")


def test_the_sentence_that_supports_the_item_is_chosen_not_the_opening():
    chosen = supporting(PASSAGE, "The agencies do not share data, so citizens fill in forms again")
    assert "did not share my data" in chosen
    assert not chosen.startswith("Thinking back")
    assert chosen in PASSAGE and len(chosen) <= 320


def test_a_meaning_model_can_weigh_in_without_changing_the_quote_boundaries():
    def embed(texts):  # a stand-in that puts meaning on 'daughter': a real part, not a mock of our code
        return [[1.0, 0.0] if "daughter" in t or "family" in t else [0.0, 1.0] for t in texts]

    chosen = supporting(PASSAGE, "family members step in", embed=embed)
    assert "daughter" in chosen and chosen in PASSAGE


def test_a_short_passage_is_quoted_whole():
    assert supporting("Ik wacht al drie weken.", "wachten") == "Ik wacht al drie weken."


def test_an_excerpt_says_where_the_passage_goes_on():
    chosen = supporting(PASSAGE, "agencies share data form three times")
    shown = excerpt(PASSAGE, chosen)
    assert shown.startswith("… ") and shown.endswith(" …")
    assert excerpt("Whole.", "Whole.") == "Whole."


def test_a_dutch_passage_is_cut_at_sentence_boundaries_too():
    passage = (
        "Ja, dat was in maart. Ik had de aanvraag voor huishoudelijke hulp online gedaan en hoorde zes weken "
        "niets. Toen heb ik gebeld en moest ik mijn hele verhaal opnieuw vertellen aan iemand die mijn dossier "
        "niet kon zien. Dat vond ik echt vernederend, want het gaat over mijn eigen huis. "
        "Verder was de consulent heel aardig en ze kwam ook gewoon langs voor het gesprek aan de keukentafel."
    )
    chosen = supporting(passage, "opnieuw je verhaal vertellen, dossier niet zichtbaar", limit=200)
    assert "hele verhaal opnieuw" in chosen
    assert chosen.endswith(".") and chosen in passage
