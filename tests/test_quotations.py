"""Quotations in free text: which quoted spans are a customer's words, and whether they stand in the research."""

import random
import re

import pytest

from copilot.steps.grounding import ground
from copilot.steps.quotations import check, language, quotations, stands_in, unmark
from copilot.steps.schemas import CaseForChange, Ideation, Personas, ResearchSynthesis

RESEARCH = {
    "q1": "Ria: Ik heb drie keer gebeld over de jaarafrekening, en niemand kon me uitleggen waarom het bedrag "
    "zo hoog was. Uiteindelijk heb ik het maar betaald.",
    "q2": "Tom: My monthly instalment went up by forty euros and nobody explained why it was raised so much.",
    "q3": "Ahmed: De chatbot snapte niet dat ik ging verhuizen en stuurde me steeds terug naar het begin van het menu.",
}


def texts(text: str) -> list[str]:
    return [q.text for q in quotations(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('as one veteran said, "I have never been called back", trust is gone', ["I have never been called back"]),
        ("Klanten: “niemand kon me uitleggen waarom” — dat zegt genoeg", ["niemand kon me uitleggen waarom"]),
        ("„Ik heb het maar betaald“, zei Ria.", ["Ik heb het maar betaald"]),
        ("„Ik heb het maar betaald”, zei Ria.", ["Ik heb het maar betaald"]),
        (
            "Een klant: « de chatbot snapte niet dat ik ging verhuizen »",
            ["de chatbot snapte niet dat ik ging verhuizen"],
        ),
        ("She put it this way: 'nobody explained why it was raised'.", ["nobody explained why it was raised"]),
        ("Hij zei: ‘Ik bel nooit meer.’", ["Ik bel nooit meer."]),
        (
            "In short:\n> Ik heb drie keer gebeld\n> over de jaarafrekening\n> — Ria, 67\n\nMore.",
            ["Ik heb drie keer gebeld over de jaarafrekening"],
        ),
        ('Klanten zeggen "Bel me gewoon." en dat is duidelijk.', ["Bel me gewoon."]),
        ('"nobody explained why it was\nraised so much"', ["nobody explained why it was\nraised so much"]),
    ],
)
def test_quotations_in_every_style_are_found(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Customers don't want a bot; they want a person who's there.",
        "Ze belt 's avonds, want zo'n brief snap je niet, en 't is de derde keer.",
        'A real "self-service" option and "time well saved" for the customers\' sake.',
        "Het 'mens-aan-de-lijn' principe en de “warme overdracht” blijven.",
        "The '90s call centre model is over.",
        "Rock 'n' roll is not a customer quote",
    ],
)
def test_apostrophes_and_quoted_terms_are_not_quotations(text):
    assert texts(text) == []


def test_a_quotation_stands_in_the_research_after_normalising_case_spacing_punctuation_and_accents():
    assert stands_in("ik heb DRIE keer gebeld over de jaarafrekening en niemand", RESEARCH["q1"])
    assert stands_in("Uiteindelijk  heb ik het maar betaald!", RESEARCH["q1"])
    assert not stands_in("Ik heb vier keer gebeld over de jaarafrekening", RESEARCH["q1"])
    assert not stands_in("heb ik het maar betaal", RESEARCH["q1"])  # whole words only


def test_an_ellipsis_joins_parts_of_one_quote_in_order():
    assert stands_in("Ik heb drie keer gebeld … waarom het bedrag zo hoog was", RESEARCH["q1"])
    assert stands_in("Ik heb drie keer gebeld [...] het maar betaald", RESEARCH["q1"])
    assert not stands_in("het maar betaald … Ik heb drie keer gebeld", RESEARCH["q1"])


def test_a_redaction_placeholder_is_a_gap_like_an_ellipsis():
    assert stands_in("[Persoon 1]: De chatbot snapte niet dat ik ging verhuizen", RESEARCH["q3"])


def test_language_is_told_by_common_words():
    assert language("nobody explained why it was raised so much") == "en"
    assert language("niemand kon me uitleggen waarom het zo hoog was") == "nl"
    assert language("Jaarafrekening") == ""
    assert language("Nobody called me back") == "en" and language("Niemand belde mij terug") == "nl"
    assert language("Lotte en Mohamed") == ""  # names alone do not tell


def synthesis(insight: str, evidence: list[str]) -> ResearchSynthesis:
    return ResearchSynthesis.model_validate(
        {"themes": [{"id": "T1", "label": "Hoge afrekening", "insight": insight, "evidence": evidence}]}
    )


def test_an_invented_quotation_in_an_insight_is_found():
    output = synthesis('Vertrouwen daalt, want zoals een klant zei: "ik voel me bij jullie een nummer"', ["q1"])
    [finding] = check(output, RESEARCH)
    assert (finding.item, finding.field, finding.reason) == ("T1", "insight", "not_found")


def test_a_real_quotation_from_research_the_item_does_not_cite_is_the_wrong_source():
    output = synthesis('Een klant: "nobody explained why it was raised so much"', ["q1"])
    [finding] = check(output, RESEARCH)
    assert (finding.reason, finding.source) == ("other_source", "q2")


def test_a_translated_quotation_is_flagged_as_a_translation():
    output = synthesis('Ria: "I called three times about the annual bill and nobody could explain"', ["q1"])
    assert [f.reason for f in check(output, RESEARCH)] == ["translated"]


def test_a_real_quotation_passes_and_an_uncited_item_is_checked_against_all_given_research():
    output = synthesis("Een klant: „De chatbot snapte niet dat ik ging verhuizen“", [])
    assert check(output, RESEARCH) == []
    assert [f.reason for f in check(output, RESEARCH, given=["q1"])] == ["not_found"]


def test_quotations_in_nested_lists_and_the_steps_own_fields_are_checked():
    personas = Personas.model_validate(
        {
            "personas": [
                {
                    "id": "P1",
                    "name": "Ria",
                    "human_contact_need": 5,
                    "evidence": ["q1"],
                    "pains": ['Ze zegt: "ik snap die brieven nooit"'],
                }
            ]
        }
    )
    case = CaseForChange.model_validate({"vision": 'Zodat niemand meer zegt: "ik word van het kastje naar de muur"'})
    assert [(f.item, f.field) for f in check(personas, RESEARCH)] == [("P1", "pains[0]")]
    assert [(f.item, f.field) for f in check(case, RESEARCH)] == [("", "vision")]


def test_ground_keeps_an_unverified_quotation_in_the_text_and_warns_in_the_steps_language():
    output = Ideation.model_validate(
        {
            "ideas": [
                {
                    "id": "I1",
                    "title": "Terugbelgarantie",
                    "evidence": ["q1"],
                    "pitch": 'Omdat klanten zeggen "ik word nooit teruggebeld door jullie", bellen we terug.',
                }
            ]
        }
    )
    grounded, warnings = ground(output, RESEARCH, "nl")
    assert "ik word nooit teruggebeld door jullie" in grounded.ideas[0].pitch
    assert len(warnings) == 1 and "niet geverifieerd" in warnings[0] and "I1 · pitch" in warnings[0]


def test_ground_clears_an_invented_quote_field_but_keeps_a_real_one_with_an_ellipsis():
    output = Personas.model_validate(
        {
            "personas": [
                {
                    "id": "P1",
                    "name": "Ria",
                    "human_contact_need": 5,
                    "evidence": ["q1"],
                    "quote": "Ik heb drie keer gebeld … het maar betaald",
                },
                {
                    "id": "P2",
                    "name": "Tom",
                    "human_contact_need": 3,
                    "evidence": ["q2"],
                    "quote": "My monthly instalment went up by fifty euros",
                },
            ]
        }
    )
    grounded, warnings = ground(output, RESEARCH)
    assert grounded.personas[0].quote and grounded.personas[1].quote == ""
    assert len(warnings) == 1 and "P2" in warnings[0]


def test_unmark_drops_the_quotation_marks_and_labels_the_words():
    text = 'Omdat, zoals een klant zei, "ik voel me een nummer", vertrouwen daalt.'
    assert unmark(text, quotations(text), "unverified") == (
        "Omdat, zoals een klant zei, ik voel me een nummer (unverified), vertrouwen daalt."
    )


def test_an_editors_insertion_in_brackets_is_a_gap_but_a_bracketed_quotation_is_still_checked():
    assert stands_in("[De bot] snapte niet dat ik ging verhuizen", RESEARCH["q3"])
    assert not stands_in("[ik wil gewoon een mens spreken]", RESEARCH["q3"])


MARKS = [('"', '"'), ("“", "”"), ("„", "”"), ("„", "“"), ("« ", " »"), ("‘", "’"), ("'", "'")]


def research_of_the_prompts() -> dict[str, str]:
    from conftest import ROOT

    pattern = re.compile(r"^\[(q[0-9a-f]{6,})\][^\n]*\n```text\n(.*?)\n```", re.MULTILINE | re.DOTALL)
    found = {}
    for prompt in sorted((ROOT / "tests" / "data" / "quotations" / "prompts").glob("*.txt")):
        found.update(dict(pattern.findall(prompt.read_text(encoding="utf-8"))))
    return found


def test_any_run_of_words_from_the_research_passes_in_any_marks_and_one_changed_word_is_flagged():
    """Property check over the example research: 400 random runs of 4–14 words, quoted in a random style
    after a speech verb (sometimes with a line break or an ellipsis), pass; the same runs with one word
    replaced by a word from elsewhere are flagged."""
    research = research_of_the_prompts()
    rng = random.Random(24)
    ids = sorted(research)
    for _ in range(400):
        quote_id = rng.choice(ids)
        words = research[quote_id].split()
        if len(words) < 6:
            continue
        size = rng.randint(4, min(14, len(words)))
        start = rng.randint(0, len(words) - size)
        run = words[start : start + size]
        if any(re.search(r"[\"“”„«»]|^['’‘]|['’‘][.,!?]?$", word) for word in run):
            continue  # a run cut through the research's own quotation marks is not how anyone quotes
        opener, closer = rng.choice(MARKS)
        spoken = " ".join(run)
        if size > 8 and rng.random() < 0.3:
            spoken = " ".join(run[:3]) + " … " + " ".join(run[-3:])
        elif rng.random() < 0.2:
            spoken = " ".join(run[:2]) + "\n" + " ".join(run[2:])
        item = {
            "id": "T1",
            "label": "x",
            "evidence": [quote_id],
            "insight": f"Een klant zei: {opener}{spoken}{closer}.",
        }
        output = ResearchSynthesis.model_validate({"themes": [item]})
        assert check(output, research) == [], spoken
        position = rng.randrange(len(run))
        replacement = "vijfenzeventig" if run[position].lower() != "vijfenzeventig" else "drieënzestig"
        altered = " ".join([*run[:position], replacement, *run[position + 1 :]])
        item["insight"] = f"Een klant zei: {opener}{altered}{closer}."
        output = ResearchSynthesis.model_validate({"themes": [item]})
        assert [f.reason for f in check(output, research)] in (["not_found"], ["translated"]), altered
