"""Theme labels and insights a workshop can put on the wall: phrases people used, sentences they said."""

import re

from copilot.research.redaction import Redactor
from copilot.steps.theme_wording import _surface, word_theme

DEBIT = [
    "I changed banks and the direct debit failed, then a reminder came with costs.",
    "The direct debit failed twice and nobody told me why.",
    "After moving my account the direct debit failed again. Call me on 06-12345678 please.",
    "My direct debit failed and the letter threatened a collection agency.",
    "Payment went wrong after I switched to a new account.",
]
WAITING = [
    "I waited forty minutes on the phone before anyone answered.",
    "The waiting time on the phone is far too long.",
    "Nobody answers the phone, the queue takes an hour.",
]
NOTES = [
    "CB→mdw: klt belt over TB-verhoging, mdw legt uit, klt akkoord.",
    "mdw: klt wil TB omlaag, TB-verhoging uitgelegd door mdw.",
    "klt boos over TB-verhoging zonder uitleg in brief, mdw belt terug.",
]


def test_the_label_is_a_phrase_participants_used_not_a_keyword_bag():
    wording = word_theme(DEBIT, [WAITING, NOTES])
    assert wording.label == "Direct debit"  # the noun phrase they used, not the verb after it


def test_the_insight_is_a_sentence_someone_said_that_carries_the_label():
    wording = word_theme(DEBIT, [WAITING, NOTES])
    assert "direct debit" in wording.sentence.lower()
    assert any(wording.sentence in quote for quote in DEBIT)


def test_a_sentence_that_needs_redaction_is_not_chosen_as_the_insight():
    only_personal = ["My direct debit failed, call me on 06-12345678 about the direct debit failed notice."] * 2
    redactor = Redactor("en")
    wording = word_theme(only_personal, [WAITING], clean=redactor.redact)
    assert "06-12345678" not in wording.sentence


def test_shorthand_from_agent_notes_never_becomes_a_label():
    wording = word_theme(NOTES, [WAITING, DEBIT])
    assert wording.label
    assert not {"mdw", "klt", "cb", "tb"} & set(re.split(r"\W+", wording.label.lower()))


def test_a_language_name_a_lone_participle_or_a_time_word_is_never_a_label():
    expats = [
        "I asked for English and the agent switched to Dutch.",
        "Dutch letters again, I called and they spoke Dutch to me.",
        "The Dutch letter about my instalment was hard to read.",
        "Nobody spoke English on the phone line, only Dutch.",
    ]
    called = ["Ik heb gebeld en gebeld, de volgende dag weer gebeld.", "Weer gebeld over de jaarafrekening."] * 2
    for group, other in ((expats, called), (called, expats)):
        label = word_theme(group, [other, WAITING]).label.lower()
        assert 2 <= len(label.split()) <= 5, label
        assert not {"dutch", "english", "gebeld", "dag", "week"} & set(label.split()[-1:]), label


def test_a_dutch_label_is_a_noun_phrase_with_its_adjective():
    meters = [
        "De slimme meter geeft al weken niks door.",
        "Sinds de slimme meter er is klopt mijn termijnbedrag niet.",
        "Afspraak voor de slimme meter twee keer verzet.",
    ]
    assert word_theme(meters, [WAITING, DEBIT]).label == "Slimme meter"


def test_a_line_of_shorthand_or_placeholders_does_not_read_as_what_a_customer_said():
    from copilot.text import reads_as_said

    assert reads_as_said("Ik moest drie keer bellen voordat iemand mij terugbelde.")
    assert reads_as_said("Ze zeiden [lacht] dat het goed kwam.")  # a stage direction is no placeholder
    assert not reads_as_said("Klantnummer [klantnummer 1], achterstand €411, volgende stap incassobureau.")
    assert not reads_as_said("CB – mdw: TB-verhoging zonder uitleg in brief.")
    assert not reads_as_said("mdw fac contact")
    assert not reads_as_said("Cust asked for a callback, agt promised one.")


def test_a_lone_noun_every_theme_uses_gives_way_to_the_next_most_typical_phrase():
    school = [
        "De school reageert niet op mijn vraag over het rooster.",
        "Ik bel de school steeds maar niemand neemt op.",
        "De school past mijn rooster aan zonder bericht.",
        "De school stuurt nooit iets.",
    ]
    around = [
        ["De school heeft een mooie gymzaal.", "De gymzaal van de school is groot en licht."],
        ["De school kantine is duur.", "De kantine verkoopt alleen snoep."],
    ]
    assert word_theme(school, around).label == "Mijn rooster"  # not "De school": the setting, not the theme
    company = [
        "The company never answers.",
        "I called the company twice, no answer about my refund.",
        "The company sent nothing, my refund is still missing.",
        "The company ignores me.",
    ]
    others = [
        ["The company has a nice office.", "The office of the company is big."],
        ["The company canteen is expensive.", "The canteen sells sweets."],
    ]
    assert word_theme(company, others).label == "My refund"
    # any lone noun every theme uses is the setting too; one only this theme uses stays its label
    lessons = [text.replace("school", "les") for text in school]
    assert word_theme(lessons, [[t.replace("school", "les") for t in texts] for texts in around]).label != "De les"
    assert word_theme(lessons, [["Het weer is mooi vandaag."], ["De bus was te laat."]]).label == "De les"


def test_a_dutch_deck_words_a_mixed_theme_from_its_dutch_quotes():
    """A theme now holds Dutch and English quotes about one thing (issue 15); a Dutch deck labelled one "A letter"."""
    from copilot.steps.synthesis import _in_language

    dutch = [
        "Ik kreeg een brief over mijn termijnbedrag zonder uitleg.",
        "De brief over de jaarafrekening snapte ik niet.",
        "In de brief stond niet waarom het bedrag omhoog ging.",
    ]
    english = ["And it was just a letter, no explanation at all.", "The letter about my bill made no sense to me."]
    assert _in_language([english[0], *dutch, english[1]], "nl") == dutch
    assert _in_language([*english, dutch[0]], "nl") == [*english, dutch[0]]  # too few Dutch ones: all of them


def test_a_label_does_not_carry_half_a_quotation():
    # the EN example deck showed "Subject 'Belangrijk": the phrase as written ran across an opening quote mark
    said = ["Got an email in Dutch with the subject 'Belangrijk: wijziging'.", "The subject 'Belangrijk' again."]
    assert _surface(("subject", "belangrijk"), said) == "Subject Belangrijk"
    assert _surface(("customer's", "letters"), ["We don't get the customer's letters."]) == "Customer's letters"


def test_a_label_starting_with_een_is_capitalised_the_dutch_way():
    said = ["Prima, alles in één gesprek opgelost.", "Gelukkig in één gesprek geregeld."]
    assert _surface(("één", "gesprek"), said) == "Eén gesprek"  # not "Één gesprek"


def test_who_took_part_in_the_research_is_never_what_a_theme_is_about():
    # usability reports labelled themes "De respondenten", "Gebruikers vinden", "Vervolg onderzoek"
    respondents = [
        "De respondenten vonden het formulier te lang.",
        "Veel respondenten stopten halverwege het formulier.",
        "De respondenten misten een voortgangsbalk.",
        "Twee respondenten gaven op bij stap drie.",
    ]
    follow_up = [
        "In het vervolgonderzoek testen we de nieuwe versie.",
        "Het vervolgonderzoek loopt in maart.",
        "Voor het vervolgonderzoek zoeken we deelnemers.",
        "De deelnemers van het vervolgonderzoek krijgen een bon.",
    ]
    assert word_theme(respondents, [WAITING]).label == "Het formulier"
    assert word_theme(follow_up, [WAITING]).label == "Nieuwe versie"
