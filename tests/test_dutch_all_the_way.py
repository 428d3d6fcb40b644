"""Dutch all the way (issue 21): a Dutch prompt and a Dutch deck speak Dutch in every word of ours — the answer's
schema, its choices, where a quote stands ("beurt 3", "rij 12", "pagina 52"), every label — while research
quotes and what people wrote stay as written, in whatever language they are."""

from __future__ import annotations

import json
from collections import Counter
from contextlib import suppress
from pathlib import Path

import pytest
from deck_words import as_written, foreign, slide_texts, word_list

from copilot.errors import StepError
from copilot.export.from_session import build_deck
from copilot.export.render import render
from copilot.i18n import place_label
from copilot.prompts import templates
from copilot.research.retrieval import Retriever
from copilot.session import Session
from copilot.steps.answer_labels import choice_for
from copilot.steps.answers import read_answer
from copilot.steps.catalogue import STEPS
from copilot.steps.drafting import can_draft, draft_step
from copilot.steps.engine import prepare
from copilot.steps.schema_text import answer_schema, dutch_description, models_of, schema_text
from copilot.steps.schemas import SCHEMAS, StakeholderMap
from copilot.steps.schemas.examples import EXAMPLES
from copilot.workshop import load_format

ROOT = Path(__file__).resolve().parents[1]
PROMPTS = ROOT / "prompts"
FORMATS = sorted((ROOT / "workshop_templates").glob("*.yaml"))
ENGLISH = word_list("english_in_dutch.txt")


def english(text: str, written: str) -> Counter:
    return foreign(text, written, ENGLISH)


def free_texts(value) -> list[str]:
    """The texts people write in an example session (not its fixed choices: those are shown translated)."""
    if isinstance(value, dict):
        return [t for v in value.values() for t in free_texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in free_texts(v)]
    return [value] if isinstance(value, str) and (" " in value or len(value) > 15) else []


@pytest.fixture(scope="module")
def written(example_store) -> str:
    return as_written([c.text for c in example_store.chunks()] + free_texts(EXAMPLES))


@pytest.fixture(scope="module")
def dutch_decks(example_store, tmp_path_factory) -> dict[str, list[str]]:
    """Every shipped workshop format as a Dutch deck, from one session: the steps the research drafts offline,
    and the example content (written by people, kept as written) for the steps only a model or people fill."""
    folder = tmp_path_factory.mktemp("dutch-decks")
    session = Session.create(folder / "s.cxsession", "Klantcontact 2027", "nl")
    workshops = [load_format(path) for path in FORMATS]
    for workshop in workshops:
        for step_id in workshop.steps:
            if session.is_locked(step_id):
                continue
            if can_draft(step_id):
                with suppress(StepError):  # e.g. nothing to draft from yet: the example content below fills it
                    draft_step(step_id, example_store, session, workshop)
            if session.status(step_id) == "empty":
                schema = STEPS[step_id].schema
                session.save_edit(step_id, schema.model_validate(EXAMPLES[schema.__name__]))
            session.lock(step_id)
    decks = {}
    for workshop in workshops:
        path = folder / f"{workshop.id}.pptx"
        render(build_deck(session, workshop, "nl"), path)
        decks[workshop.id] = slide_texts(path)
    session.close()
    return decks


def test_the_word_scan_finds_the_leaks_the_issue_saw_and_leaves_research_alone():
    written = as_written(["Chatbot was fine in English but the human agent started in Dutch."])
    assert english('"stance":{"enum":["supportive","neutral"]}', written) == Counter(supportive=1, neutral=1)
    assert english("— interviews/interview_09_expat_move_en.txt, page 52", written) == Counter(page=1)
    assert english("[qe2db03a09d] “Chatbot was fine in English but the human agent started in Dutch.”", written) == {}
    assert english("Menselijk contact: houdt mensen", written) == {}


@pytest.mark.parametrize("step_id", sorted(STEPS))
def test_every_dutch_prompt_speaks_dutch_outside_the_research_and_the_keys(tmp_path, example_store, written, step_id):
    session = Session.create(tmp_path / "s.cxsession", "Klantcontact 2027", "nl")
    template = templates(PROMPTS, "nl")[step_id]
    for used in template.meta.uses:
        schema = STEPS[used].schema
        session.save_edit(used, schema.model_validate(EXAMPLES[schema.__name__]))
        session.lock(used)
    prepared = prepare(step_id, session, Retriever(example_store), language="nl")
    found = english(prepared.prompt.as_text(), written)
    assert not found, f"{step_id}: English in the Dutch prompt: {dict(found)}"


@pytest.mark.parametrize("format_path", FORMATS, ids=lambda p: p.stem)
def test_every_dutch_deck_speaks_dutch_outside_the_research(dutch_decks, written, format_path):
    texts = dutch_decks[format_path.stem]
    found = Counter()
    for text in texts:
        found += english(text, written)
    assert not found, f"{format_path.stem}: English in the Dutch deck: {dict(found)}"


def test_every_field_of_every_step_schema_has_a_dutch_description():
    missing = [
        f"{model.__name__}.{field}"
        for schema in SCHEMAS.values()
        for model in models_of(schema).values()
        for field in model.model_fields
        if not dutch_description(model, field)
    ]
    assert not missing, f"add these to copilot/locales/schema_nl.yaml: {missing}"


def test_a_dutch_prompt_offers_dutch_choices_and_its_answer_is_read_back_to_the_canonical_values():
    text = schema_text(StakeholderMap, "nl")
    assert '"voorstander"' in text and '"tegenstander"' in text and '"supportive"' not in text
    assert '"stance":' in text and '"cares_about":' in text  # the keys the reader expects stay
    answer = (
        '{"stakeholders": [{"id": "S1", "role": "Teamleiders", "power": 3, "interest": 4, "stance": "voorstander"},'
        ' {"id": "S2", "role": "Ondernemingsraad", "power": 4, "interest": 5, "stance": "tegenstander"},'
        ' {"id": "S3", "role": "Directie", "power": 5, "interest": 3, "stance": "niet op de hoogte"}]}'
    )
    reading = read_answer(answer, StakeholderMap)
    assert [s.stance for s in reading.output.stakeholders] == ["supportive", "resistant", "unaware"]


def test_an_english_prompt_keeps_the_english_schema():
    assert '"supportive"' in schema_text(StakeholderMap, "en")


def test_a_place_in_a_research_file_reads_in_dutch_and_stays_stored_in_english():
    assert place_label("turn 3", "nl") == "beurt 3"
    assert place_label("table 2, row 12", "nl") == "tabel 2, rij 12"
    assert place_label("page 52–53", "nl") == "pagina 52–53"
    assert place_label("sheet Omzet, row 4", "nl") == "blad Omzet, rij 4"
    assert place_label("slide 7", "nl") == "dia 7"
    assert place_label("turn 3", "en") == "turn 3"


def enums_of(node) -> list[list]:
    if isinstance(node, dict):
        return ([node["enum"]] if "enum" in node else []) + [e for v in node.values() for e in enums_of(v)]
    return [e for v in node for e in enums_of(v)] if isinstance(node, list) else []


def test_a_dutch_providers_schema_allows_the_dutch_choices_and_its_answer_reads_back_to_the_canonical_ones():
    import jsonschema

    schema = answer_schema(StakeholderMap, "nl")
    assert enums_of(schema) == [["niet op de hoogte", "tegenstander", "neutraal", "voorstander", "trekker"]]
    assert json.loads(schema_text(StakeholderMap, "nl")) == schema  # the prompt shows what the provider enforces
    answer = {"stakeholders": [{"id": "S1", "role": "Directie", "power": 5, "interest": 3, "stance": "trekker"}]}
    jsonschema.validate(answer, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"stakeholders": [{**answer["stakeholders"][0], "stance": "supportive"}]}, schema)
    assert read_answer(json.dumps(answer), StakeholderMap).output.stakeholders[0].stance == "leading"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_dutch_choice_stands_for_one_canonical_value_and_reads_back_to_it(name):
    schema = SCHEMAS[name]
    for english, dutch in zip(enums_of(schema.model_json_schema()), enums_of(answer_schema(schema, "nl")), strict=True):
        assert len(set(dutch)) == len(dutch), f"{name}: two choices share a Dutch label: {dutch}"
        field = "_"  # no synonyms: the Dutch label alone must lead back
        assert [choice_for(label, tuple(english), field) for label in dutch] == english
