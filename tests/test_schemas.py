"""Output schemas of every step: realistic answers fit, wrong scales and unknown keys do not, and an item
without evidence is always an assumption."""

import copy

import pytest
from pydantic import ValidationError

from copilot.steps.catalogue import STEPS
from copilot.steps.schemas import (
    SCHEMAS,
    BusinessCase,
    EngagementPlan,
    ImpactReadiness,
    Item,
    Prioritisation,
    ResearchSynthesis,
    StepOutput,
    Theme,
)
from copilot.steps.schemas.examples import EXAMPLES, example


def item_lists(output: StepOutput) -> dict[str, list[Item]]:
    return {
        name: value
        for name in type(output).model_fields
        if isinstance(value := getattr(output, name), list) and value and isinstance(value[0], Item)
    }


def with_change(name: str, path: tuple, value) -> dict:
    """The example of schema `name` with the value at `path` (keys and list indexes) replaced."""
    data = copy.deepcopy(EXAMPLES[name])
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


def test_every_step_of_the_catalogue_has_a_registered_schema():
    for info in STEPS.values():
        assert info.schema is not None, info.id
        assert SCHEMAS[info.schema.__name__] is info.schema
    assert len({info.schema for info in STEPS.values()}) == 16


def test_the_old_imports_still_work():
    synthesis = ResearchSynthesis(themes=[Theme(id="T1", label="Vast in de chatbot", evidence=["q61048e3b05"])])
    assert SCHEMAS["ResearchSynthesis"] is ResearchSynthesis and not synthesis.themes[0].assumption


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_a_realistic_answer_fits_its_schema(name):
    output = example(SCHEMAS[name])
    assert isinstance(output, StepOutput)
    assert item_lists(output), f"{name}'s example should hold items"
    assert SCHEMAS[name].model_validate(output.model_dump()) == output


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_unknown_keys_are_rejected_at_the_top_and_in_items(name):
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        SCHEMAS[name].model_validate({**EXAMPLES[name], "remarks": "typo"})
    list_name = next(key for key, value in EXAMPLES[name].items() if isinstance(value, list) and value)
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        SCHEMAS[name].model_validate(with_change(name, (list_name, 0, "evidense"), ["q61048e3b05"]))


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_items_without_evidence_are_assumptions_whatever_the_answer_says(name):
    data = copy.deepcopy(EXAMPLES[name])
    for value in data.values():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            value[0]["evidence"] = []
            value[0]["assumption"] = False
    output = SCHEMAS[name].model_validate(data)
    for items in item_lists(output).values():
        assert items[0].assumption
        for item in items:
            assert item.assumption == (not item.evidence)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_the_schema_the_model_sees_describes_every_field_and_allows_no_extras(name):
    schema = SCHEMAS[name].model_json_schema()
    for model in [schema, *schema.get("$defs", {}).values()]:
        assert model["additionalProperties"] is False, model["title"]
        for field, spec in model["properties"].items():
            assert spec.get("description"), f"{model['title']}.{field} has no description"
            assert "title" not in spec, "titles repeat the field name and cost prompt tokens"


@pytest.mark.parametrize(
    ("name", "path", "value"),
    [
        ("Personas", ("personas", 0, "human_contact_need"), 6),
        ("Personas", ("personas", 0, "human_contact_need"), 0),
        ("CurrentJourney", ("stages", 0, "emotion"), 3),
        ("CurrentJourney", ("stages", 0, "emotion"), -3),
        ("Prioritisation", ("scores", 0, "impact"), 6),
        ("Prioritisation", ("scores", 0, "effort"), 0),
        ("Prioritisation", ("scores", 0, "confidence"), 7),
        ("StakeholderMap", ("stakeholders", 0, "power"), 0),
        ("StakeholderMap", ("stakeholders", 0, "interest"), 6),
        ("InfluenceMap", ("links", 0, "strength"), 9),
        ("ImpactReadiness", ("groups", 0, "impact"), 6),
        ("ImpactReadiness", ("groups", 0, "adkar", "desire"), 0),
        ("ShelvedIdeas", ("ideas", 0, "viability_now"), 6),
        ("BusinessCase", ("risks", 0, "likelihood"), 0),
        ("Personas", ("personas", 0, "human_contact_need"), 4.5),
    ],
)
def test_scales_outside_their_range_are_rejected(name, path, value):
    with pytest.raises(ValidationError):
        SCHEMAS[name].model_validate(with_change(name, path, value))


@pytest.mark.parametrize(
    ("name", "path", "value"),
    [
        ("StakeholderMap", ("stakeholders", 0, "stance"), "hostile"),
        ("EngagementPlan", ("engagements", 0, "desired"), "enthusiastic"),
        ("Ideation", ("ideas", 0, "ai_role"), "chatbot"),
        ("Ideation", ("ideas", 0, "human_touch"), "removes"),
        ("AiOpportunityScan", ("touchpoints", 0, "pattern"), "full-AI"),
        ("CurrentJourney", ("stages", 0, "time_well"), "wasted"),
        ("ServiceBlueprint", ("fail_points", 0, "lane"), "middle office"),
        ("CaseForChange", ("shifts", 0, "side"), "both"),
        ("EngagementPlan", ("roadmap", 0, "horizon"), 45),
        ("ImpactReadiness", ("groups", 0, "first_barrier"), "motivation"),
    ],
)
def test_fixed_vocabularies_accept_only_their_words(name, path, value):
    with pytest.raises(ValidationError):
        SCHEMAS[name].model_validate(with_change(name, path, value))


def test_money_ranges_must_run_from_low_to_high_and_never_below_zero():
    with pytest.raises(ValidationError, match="low"):
        BusinessCase.model_validate(with_change("BusinessCase", ("payback_months",), {"low": 30, "high": 10}))
    with pytest.raises(ValidationError):
        BusinessCase.model_validate(with_change("BusinessCase", ("costs", 0, "amount"), {"low": -5, "high": 10}))
    assert BusinessCase.model_validate(with_change("BusinessCase", ("payback_months",), None)).payback_months is None


def test_the_first_adkar_barrier_is_the_first_element_at_three_or_lower_unless_the_team_says_otherwise():
    groups = ImpactReadiness.model_validate(EXAMPLES["ImpactReadiness"]).groups
    assert [g.first_barrier for g in groups] == ["desire", "awareness"]
    chosen = with_change("ImpactReadiness", ("groups", 0, "first_barrier"), "ability")
    assert ImpactReadiness.model_validate(chosen).groups[0].first_barrier == "ability"
    ready = with_change(
        "ImpactReadiness",
        ("groups", 0, "adkar"),
        dict.fromkeys(["awareness", "desire", "knowledge", "ability", "reinforcement"], 5),
    )
    assert ImpactReadiness.model_validate(ready).groups[0].first_barrier is None


def test_plan_dates_are_iso_dates_or_moments_in_words():
    engagements = EngagementPlan.model_validate(EXAMPLES["EngagementPlan"]).engagements
    assert engagements[0].date == "2026-12-09" and engagements[0].due.isoformat() == "2026-12-09"
    assert engagements[1].date == "week 3" and engagements[1].due is None


def test_an_idea_score_knows_its_quadrant_and_its_rice_score():
    scores = Prioritisation.model_validate(EXAMPLES["Prioritisation"]).scores
    assert scores[0].quadrant == "quick-win" and scores[0].rice == 30000 * 5 * 4 / 2
    assert scores[1].quadrant == "big-bet" and scores[1].rice is None
