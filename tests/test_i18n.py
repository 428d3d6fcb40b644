from copilot.i18n import keys, t
from copilot.steps.catalogue import STEPS


def test_dutch_and_english_translate_the_same_texts():
    assert keys("nl") == keys("en")


def test_texts_fill_in_their_values_in_either_language():
    assert t("deck.sources", "nl", n=3) == "3 bronnen"
    assert t("deck.sources", "en", n=3) == "3 sources"


def test_every_step_has_a_dutch_and_an_english_name():
    for step in STEPS.values():
        assert step.name("nl") and step.name("en")
