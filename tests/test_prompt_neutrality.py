"""Prompts fit any organisation: no sector, country or currency of the example corpus in the templates or in
the schema text that goes into every prompt, and each language's templates speak only that language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from copilot.prompts import templates
from copilot.settings import Organisation, Workspace, organisation
from copilot.steps.schemas import SCHEMAS

PROMPTS = Path(__file__).resolve().parents[1] / "prompts"

# words of the example corpus (an energy supplier in the Netherlands) that must not become everyone's default
SECTOR_WORDS = {
    "energy",
    "energie",
    "electricity",
    "stroom",
    "gas",
    "billing",
    "bill",
    "bills",
    "instalment",
    "instalments",
    "termijnbedrag",
    "jaarafrekening",
    "afrekening",
    "facturatie",
    "meter",
    "meters",
    "tariff",
    "tariffs",
    "tarief",
    "tarieven",
    "arrears",
    "achterstand",
    "betalingsachterstand",
    "betalingsachterstanden",
    "kwh",
    "windkracht",
    "euro",
    "euros",
    "eur",
    "works",
    "ondernemingsraad",
    "mt",
    "mt-overleg",
    "verhuizen",
    "verhuizing",
    "deceased",
    "overleden",
}
# words that only one of the two languages uses, so one in the other language's template is a slip
DUTCH_WORDS = {
    "de",
    "het",
    "een",
    "en",
    "niet",
    "voor",
    "met",
    "wat",
    "wie",
    "hoe",
    "welke",
    "ook",
    "bij",
    "naar",
    "geen",
    "klant",
    "klanten",
    "zijn",
    "wordt",
    "elke",
    "elk",
    "geef",
    "als",
    "dat",
    "deze",
    "onderzoek",
    "citaten",
    "antwoord",
    "zodat",
    "kunnen",
    "medewerkers",
    "organisatie",
    "hoogstens",
    "fase",
    "fases",
}
ENGLISH_WORDS = {
    "the",
    "and",
    "with",
    "which",
    "what",
    "every",
    "should",
    "would",
    "from",
    "their",
    "this",
    "that",
    "each",
    "who",
    "when",
    "where",
    "people",
    "quotes",
    "only",
    "answer",
    "how",
    "might",
    "customer",
    "customers",
    "research",
    "give",
    "not",
    "organisation",
    "stage",
    "stages",
}


def _enum_values() -> set[str]:
    """Values the schema fixes in English ("supportive", "one-off"): templates in any language quote them."""
    found: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "enum":
                    found.update(str(v) for v in value)
                elif key == "const":
                    found.add(str(value))
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for schema in SCHEMAS.values():
        walk(schema.model_json_schema())
    return found


ENUMS = _enum_values()


def prose(text: str) -> str:
    """What a model reads as words: no Jinja code, no `field names`, no quoted schema values."""
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", text, flags=re.DOTALL)
    text = re.sub(r"`[^`]*`", " ", text)
    return re.sub(r'"([^"]*)"', lambda m: " " if m.group(1) in ENUMS else f" {m.group(1)} ", text)


def template_text(path: Path) -> str:
    """The body and every free text of the front matter (titles, descriptions, defaults, the query)."""
    raw = path.read_text(encoding="utf-8")
    _, front, body = raw.split("---", 2)
    meta = yaml.safe_load(front)
    texts = [meta["title"], body, meta.get("retrieval", {}).get("query", "")]
    for spec in meta.get("inputs", {}).values():
        texts += [str(spec.get("description", "")), str(spec.get("default", ""))]
    return "\n".join(texts)


def words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'-]*", text)}


def schema_text() -> str:
    return "\n".join(json.dumps(s.model_json_schema(), ensure_ascii=False) for s in SCHEMAS.values())


@pytest.mark.parametrize(
    "path", sorted([*PROMPTS.glob("en/*.md"), *PROMPTS.glob("nl/*.md")]), ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_no_template_carries_the_example_corpus_sector_country_or_currency(path):
    text = template_text(path)
    assert not words(prose(text)) & SECTOR_WORDS, f"{path.name}: {sorted(words(prose(text)) & SECTOR_WORDS)}"
    assert "€" not in text


@pytest.mark.parametrize("path", sorted(PROMPTS.glob("en/*.md")), ids=lambda p: p.name)
def test_english_templates_contain_no_dutch(path):
    assert not words(prose(template_text(path))) & DUTCH_WORDS


@pytest.mark.parametrize("path", sorted(PROMPTS.glob("nl/*.md")), ids=lambda p: p.name)
def test_dutch_templates_contain_no_english_outside_field_names_and_schema_values(path):
    assert not words(prose(template_text(path))) & ENGLISH_WORDS


def test_the_schema_text_every_prompt_carries_names_no_sector_currency_or_dutch():
    text = schema_text()
    descriptions = " ".join(re.findall(r'"description": "([^"]*)"', text))
    assert not words(descriptions) & SECTOR_WORDS, sorted(words(descriptions) & SECTOR_WORDS)
    assert not words(descriptions) & DUTCH_WORDS, sorted(words(descriptions) & DUTCH_WORDS)
    assert "€" not in text


def test_the_word_lists_catch_what_the_issue_saw():
    """The scan is only as good as its lists: the leaks found in a real workshop are caught."""
    assert words(prose('default: "a question about the bill or instalment"')) & SECTOR_WORDS
    assert words(prose('e.g. "manager Billing", the works council')) & SECTOR_WORDS
    assert words(prose("before the MT of 9 Dec")) & SECTOR_WORDS
    assert words(prose("a question starting 'How might we' (Dutch: 'Hoe kunnen we')")) & DUTCH_WORDS
    assert words(prose('`stance`: "supportive" (steunt) of "the customer"')) & ENGLISH_WORDS
    assert not words(prose('`stance`: "supportive" (steunt)')) & ENGLISH_WORDS


def test_workspace_settings_give_sector_and_currency_and_nothing_is_guessed_without_them(tmp_path, monkeypatch):
    monkeypatch.delenv("CX_COPILOT_SECTOR", raising=False)
    monkeypatch.delenv("CX_COPILOT_CURRENCY", raising=False)
    workspace = Workspace(tmp_path)
    assert organisation(workspace) == Organisation("", "")
    (tmp_path / "settings.yaml").write_text("sector: a municipality\ncurrency: GBP\n", encoding="utf-8")
    assert organisation(workspace) == Organisation("a municipality", "GBP")
    monkeypatch.setenv("CX_COPILOT_CURRENCY", "ZAR")
    assert organisation(workspace).currency == "ZAR"


def test_a_settings_file_with_a_typo_is_a_clear_error_in_both_languages(tmp_path):
    from copilot.errors import StepError

    (tmp_path / "settings.yaml").write_text("sektor: a municipality\n", encoding="utf-8")
    with pytest.raises(StepError) as raised:
        organisation(Workspace(tmp_path))
    assert "settings.yaml" in raised.value.say("en") and "sektor" in raised.value.say("en")
    assert "instellingen" in raised.value.say("nl") and "sektor" in raised.value.say("nl")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_templates_render_neutral_words_without_settings_and_the_workspace_words_with_them(language):
    found = templates(PROMPTS, language)
    journey = found["SD-04"].render(evidence=[], schema="{}")
    assert "bill" not in journey.user.lower() and "termijnbedrag" not in journey.user.lower()
    case = found["AI-03"]
    from copilot.prompt_tests import example_steps

    neutral = case.render(evidence=[], schema="{}", **example_steps(case)).user
    priced = case.render(
        evidence=[], schema="{}", currency="GBP", sector="a housing association", **example_steps(case)
    )
    assert "GBP" not in neutral and "GBP" in priced.user
    assert "a housing association" in priced.system
    briefed = found["SD-04"].render(evidence=[], schema="{}", brief="How might we help tenants report repairs")
    assert "tenants report repairs" in briefed.user
