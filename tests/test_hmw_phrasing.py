"""How-might-we starters built from a pain's own words, phrased by the kind of pain, never twice the same."""

from copilot.i18n import t
from copilot.steps.hmw_phrasing import hmw_question, pain_kind, pain_topic

PAINS_NL = [
    ("Verhuizen", "Verhuizing was een drama."),
    ("Termijnbedrag", "Mijn termijnbedrag is twee keer aangepast binnen drie maanden, ik snap er niks meer van."),
    ("Jaarafrekening", "Ben nog steeds niet teruggebeld over mijn jaarafrekening."),
    ("Jaarafrekening", "Jaarafrekening en de nieuwe termijn kwamen in één brief, heel verwarrend welk bedrag wat is."),
    ("Jaarafrekening", "De jaarafrekening is voor mij niet te begrijpen."),
    ("Contact", "Ik moest drie keer bellen voordat iemand mij terugbelde."),
    ("Contact", "Verkoop belt me steeds voor een nieuw contract, maar de klantenservice is onbereikbaar."),
]


def test_the_kind_of_pain_comes_from_its_words_in_dutch_and_english():
    assert pain_kind("Ik moest drie keer bellen voordat iemand mij terugbelde.", "nl") == "repeat"
    assert pain_kind("Ik wacht al zes weken op mijn teruggave.", "nl") == "waiting"
    assert pain_kind("De jaarafrekening is voor mij niet te begrijpen.", "nl") == "unclear"
    assert pain_kind("Dan wil ik een mens spreken, geen computer.", "nl") == "unheard"
    assert pain_kind("Mensen vinden het prima.", "nl") == "neutral"  # "mens" is a word, not the start of one
    assert pain_kind("I had to call three times before anyone called me back.", "en") == "repeat"
    assert pain_kind("The reminder charged me a fee of 15 euros.", "en") == "cost"
    assert pain_kind("The meter reading was wrong again and again.", "en") == "repeat"  # two "again", one "wrong"


def test_the_topic_is_a_noun_phrase_from_the_pain_speaking_for_every_customer():
    research = ["Het termijnbedrag ging omhoog zonder uitleg.", "Ik snap het termijnbedrag niet."]
    assert pain_topic("Mijn termijnbedrag is twee keer aangepast.", "nl", context=research) == "het termijnbedrag"
    assert pain_topic("Verhuizing was een drama.", "nl") == "de verhuizing"  # the noun it opens with
    assert pain_topic("Ben nog steeds niet teruggebeld over mijn jaarafrekening.", "nl") == "de jaarafrekening"
    assert pain_topic("Het was een drama.", "nl") == ""  # "een drama" is a judgement, not a topic
    assert pain_topic("Lang in de wacht.", "nl") == pain_topic("lang in de wacht", "nl") == ""  # how, not what
    # the phrase naming the stage wins over the first one
    pain = "De medewerker zei dat de slimme meter defect was."
    assert pain_topic(pain, "nl", stage="Slimme meter plaatsen") == "de slimme meter"
    assert pain_topic("My instalment went up without a letter.", "en") == "the instalment"
    assert pain_topic("It hurt that the monthly instalment went up.", "en") == "the monthly instalment"
    assert pain_topic("Which is the quietest month for us.", "en") == ""  # a superlative is no topic
    debit = ["The direct debit failed twice.", "My direct debit failed again."]
    assert pain_topic("My direct debit failed again.", "en", context=debit) == "the direct debit"


def test_a_pain_becomes_a_question_of_its_kind_about_its_own_topic():
    question = hmw_question("De jaarafrekening is voor mij niet te begrijpen.", "nl", stage="Jaarafrekening")
    assert question == "Hoe maken we de jaarafrekening in één keer begrijpelijk?"
    question = hmw_question("I waited six weeks for my refund.", "en", stage="Refund")
    assert question == "How might we make sure customers do not have to wait for the refund?"
    question = hmw_question("Ik moest drie keer bellen voordat iemand mij terugbelde.", "nl", stage="Contact")
    assert question == "Hoe voorkomen we dat klanten in de fase Contact meerdere keren contact moeten opnemen?"


def test_one_slide_never_shows_the_same_question_twice():
    taken: set[str] = set()
    questions = [hmw_question(pain, "nl", stage=stage, taken=taken) for stage, pain in PAINS_NL]
    assert len(set(questions)) == len(questions)
    # two pains about not understanding the annual bill get the kind's two phrasings
    assert "Hoe maken we de jaarafrekening in één keer begrijpelijk?" in questions
    assert "Hoe leggen we de jaarafrekening zo uit dat klanten het meteen snappen?" in questions
    fixed = t("starters.hmw_theme", "nl", theme="x").split("x")[-1]
    assert not any(q.endswith(fixed) for q in questions)
    # nor the same phrasing around another topic
    assert sum(q.endswith("een goede ervaring voor klanten?") for q in questions) <= 1


def test_when_every_phrasing_is_taken_the_pains_own_words_make_the_question():
    taken: set[str] = set()
    pains = [f"Het formulier kost moeite, deel {n}." for n in range(1, 13)]  # three of effort, eight neutral
    questions = [hmw_question(pain, "nl", taken=taken) for pain in pains]
    assert len(set(questions)) == len(questions)
    assert questions[-1] == "Hoe voorkomen we dat een klant zegt: ‘Het formulier kost moeite, deel 12’?"


def test_every_kind_has_words_and_questions_in_both_languages():
    for language in ("nl", "en"):
        kinds = t("starters.hmw_kinds", language).split()
        assert len(kinds) == 7
        for kind in [*kinds, t("starters.hmw_neutral", language)]:
            assert t(f"starters.hmw.{kind}.ask_1", language) != f"starters.hmw.{kind}.ask_1"
            assert "{topic}" in t(f"starters.hmw.{kind}.ask_2", language, topic="{topic}")
            assert "{stage}" in t(f"starters.hmw.{kind}.plain_1", language, stage="{stage}", pain="")


def test_praise_becomes_a_question_of_what_to_keep_not_a_pain():
    said = "Prima geholpen door een vriendelijke medewerker, alles in één gesprek opgelost."
    question = hmw_question(said, "nl", topic="Vriendelijke medewerker")
    assert question.startswith("Hoe houden we vast wat klanten waarderen aan")
    said = "Great help from a friendly agent, everything solved in one call."
    assert hmw_question(said, "en", topic="Friendly agent").startswith("How might we keep what customers value")


def test_a_theme_label_takes_the_article_people_use_or_is_quoted_as_a_name():
    research = ["Sinds de slimme meter klopt het termijnbedrag niet meer."]
    said = "Na het plaatsen klopte het termijnbedrag niet meer."
    assert "de slimme meter" in hmw_question(said, "nl", topic="Slimme meter", context=research)
    # no article in the research: "de vast contract" would be wrong Dutch, the theme's name is not
    assert "‘Vast contract’" in hmw_question("Of ik geen vast contract wilde.", "nl", topic="Vast contract")


def test_a_pain_in_the_other_language_is_quoted_not_cut_into_a_topic():
    pain = "Vier keer contact gehad over hetzelfde probleem, vier verschillende medewerkers, vier antwoorden."
    question = hmw_question(pain, "en", stage="Contact")
    assert "the vier" not in question.lower() and "Contact" in question


def test_a_theme_quoted_in_the_other_language_still_gets_a_question_about_its_label():
    said = "Ik ben niet dom, maar dit snap ik echt niet."
    question = hmw_question(said, "en", topic="Letter explanation")
    assert "letter explanation" in question.lower() and "Ik ben" not in question
    assert question.startswith(("How might we make", "How might we explain"))  # not understood: the Dutch words


def test_quoted_praise_is_kept_not_prevented_and_quoted_pains_vary():
    """A theme whose label is no topic ("Een mens") quotes its sentence: praise as something to spread, and
    several quoted pains in turn, not five times "Hoe voorkomen we dat een klant zegt"."""
    praise = hmw_question("Prima geholpen door een vriendelijke medewerker.", "nl", topic="Een medewerker")
    assert praise.startswith("Hoe zorgen we dat meer klanten zeggen: ‘Prima geholpen")
    taken: set[str] = set()
    pains = ["Dat wil ik aan een mens vertellen.", "Ik ben niet dom, maar dit snap ik niet.", "Echt een drama."]
    questions = [hmw_question(pain, "nl", topic="Een mens", taken=taken) for pain in pains]
    assert len({q.split("‘")[0] for q in questions}) == 3
    assert all(f"‘{pain.rstrip('.')}’" in q for pain, q in zip(pains, questions, strict=True))
    english = hmw_question("Great help from a friendly agent.", "en", topic="A person")
    assert english.startswith("How might we have more customers say: ‘Great help")


def test_a_label_in_the_other_language_is_no_topic_the_sentence_is_quoted():
    """An English deck on Dutch research: "…their question about ‘Een mens’?" reads as neither language."""
    question = hmw_question("Dat wil ik aan een mens vertellen.", "en", topic="Uitleg in brief")
    assert "Uitleg" not in question and "‘Dat wil ik aan een mens vertellen’" in question
    assert "smart meter" in hmw_question("The smart meter was never installed.", "en", topic="Smart meter").lower()
