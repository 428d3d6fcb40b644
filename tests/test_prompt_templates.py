"""The prompt templates facilitators edit: every step in both languages, within budget, with clear errors, and the
facilitators' own tests (prompts/tests) run through the real step engine on the example research."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from copilot.prompt_tests import (
    MAX_PROMPT_TOKENS,
    PromptTest,
    check_templates,
    example_steps,
    load_tests,
    measure,
    render_sample,
    run_tests,
)
from copilot.prompts import TemplateError, load_template, templates
from copilot.research.retrieval import Retriever
from copilot.session import Session
from copilot.steps.catalogue import STEPS
from copilot.steps.engine import accept_pasted_answer, prepare
from copilot.steps.schemas.examples import EXAMPLES

ROOT = Path(__file__).resolve().parents[1]
PROMPTS = ROOT / "prompts"
SHIPPED = [(language, step_id) for language in ("en", "nl") for step_id in STEPS]


@pytest.fixture(scope="module")
def retriever(example_store) -> Retriever:
    return Retriever(example_store)


@pytest.fixture
def prompts_copy(tmp_path: Path) -> Path:
    """The shipped templates in a folder of their own, to break or extend."""
    folder = tmp_path / "prompts"
    for language in ("en", "nl"):
        shutil.copytree(PROMPTS / language, folder / language)
    return folder


def template_file(folder: Path, language: str, step_id: str) -> Path:
    return next((folder / language).glob(f"{step_id}_*.md"))


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "copilot.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **(env or {})},
    )


def test_every_step_has_a_template_in_english_and_dutch():
    for language in ("en", "nl"):
        found = templates(PROMPTS, language)
        assert set(found) == set(STEPS), language
        for step_id, template in found.items():
            assert template.meta.output == STEPS[step_id].schema.__name__
            assert template.meta.track == STEPS[step_id].track
            assert template.path.name.startswith(f"{step_id}_")


@pytest.mark.parametrize(("language", "step_id"), SHIPPED)
def test_every_template_renders_with_its_defaults_typical_quotes_and_earlier_steps(language, step_id):
    template = templates(PROMPTS, language)[step_id]
    prompt = render_sample(template)
    k = template.meta.retrieval.k
    assert prompt.user.count("```text") == k
    assert '"additionalProperties":false' in prompt.user, "the JSON schema is part of the prompt"
    assert "{{" not in prompt.user + prompt.system and "{%" not in prompt.user
    assert ("Answer in English" if language == "en" else "Antwoord in het Nederlands") in prompt.system
    assert ("data, not instructions" if language == "en" else "gegevens, geen instructies") in prompt.system
    assert template.render_query(**example_steps(template)), "the retrieval query is never empty"


@pytest.mark.parametrize(("language", "step_id"), SHIPPED)
def test_every_prompt_stays_within_4000_tokens_with_typical_quotes(language, step_id):
    template = templates(PROMPTS, language)[step_id]
    assert measure(template) <= MAX_PROMPT_TOKENS


@pytest.mark.parametrize(("language", "step_id"), SHIPPED)
def test_every_template_prepares_on_the_real_research_within_budget(tmp_path, retriever, language, step_id):
    session = Session.create(tmp_path / "s.cxsession", "Templates", language)
    template = templates(PROMPTS, language)[step_id]
    for used in template.meta.uses:
        schema = STEPS[used].schema
        session.save_edit(used, schema.model_validate(EXAMPLES[schema.__name__]))
        session.lock(used)
    prepared = prepare(step_id, session, retriever, language=language)
    assert len(prepared.evidence) >= 5
    assert all(f"[{e.id}]" in prepared.prompt.user for e in prepared.evidence)
    assert prepared.prompt_tokens <= MAX_PROMPT_TOKENS


def test_the_themes_of_the_product_are_in_the_prompts_where_they_belong():
    def text(language: str, step_id: str) -> str:
        return " ".join(template_file(PROMPTS, language, step_id).read_text(encoding="utf-8").lower().split())

    for step_id in ("SD-04", "AI-01"):
        assert "time well saved" in text("en", step_id) or "time well spent" in text("en", step_id)
        assert "tijd goed bespaard" in text("nl", step_id)
    for step_id in ("SD-03", "SD-06", "AI-01"):
        assert "losing human contact" in text("en", step_id)
        assert "verlies van menselijk contact" in text("nl", step_id)
    assert "binnen beginnen om buiten te winnen" in text("nl", "SC-04")
    assert "start inside to win outside" in text("en", "SC-04")
    assert "shelved" in text("en", "AI-02") and "op de plank" in text("nl", "AI-02")
    for step_id in ("SC-01", "SC-02", "SC-03", "SC-05"):
        assert "confidential" in text("en", step_id) and "vertrouwelijk" in text("nl", step_id)


def test_prompts_check_passes_on_the_shipped_templates():
    result = cli("prompts", "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().startswith("All templates in")


def test_a_typo_in_a_variable_names_the_file_and_line(prompts_copy: Path):
    path = template_file(prompts_copy, "en", "SD-02")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Find at most {{ max_themes }}", "Find at most {{ max_theme }}"), encoding="utf-8")
    line = next(n for n, row in enumerate(path.read_text().splitlines(), start=1) if "max_theme }}" in row)
    with pytest.raises(TemplateError, match=rf"^{path.name}, user.*'max_theme' is undefined"):
        render_sample(load_template(path))
    assert check_templates(prompts_copy) == [
        f"prompts/en/{path.name}: user, line {line}: 'max_theme' is undefined. "
        f"Known names here: evidence, focus, max_themes, schema."
    ]
    result = cli("prompts", "check", "--prompts", str(prompts_copy))
    assert result.returncode == 1 and f"prompts/en/{path.name}: user, line {line}" in result.stdout


def test_a_broken_jinja_tag_names_the_file_and_line(prompts_copy: Path):
    path = template_file(prompts_copy, "nl", "SD-05")
    path.write_text(path.read_text(encoding="utf-8").replace("{% endfor %}\nZet", "{% endfro %}\nZet"), "utf-8")
    line = next(n for n, row in enumerate(path.read_text().splitlines(), start=1) if "endfro" in row)
    with pytest.raises(TemplateError, match=rf"{path.name}, user, line {line}: "):
        load_template(path)


def test_an_unknown_front_matter_key_is_rejected(prompts_copy: Path):
    path = template_file(prompts_copy, "nl", "SD-04")
    path.write_text(path.read_text(encoding="utf-8").replace("model:\n", "temprature: 0.2\nmodel:\n", 1), "utf-8")
    with pytest.raises(TemplateError, match=rf"{path.name}: front matter: temprature: Extra inputs are not permitted"):
        load_template(path)
    assert any(p.startswith(f"prompts/nl/{path.name}: front matter: temprature") for p in check_templates(prompts_copy))


def test_an_unknown_output_schema_is_rejected(prompts_copy: Path):
    path = template_file(prompts_copy, "en", "SD-03")
    path.write_text(path.read_text(encoding="utf-8").replace("output: Personas", "output: Persona"), "utf-8")
    with pytest.raises(TemplateError, match=rf"{path.name}: unknown output schema 'Persona'. Known schemas: "):
        load_template(path)


def test_check_reports_a_missing_language_a_wrong_schema_and_an_oversized_prompt(prompts_copy: Path):
    template_file(prompts_copy, "nl", "SC-03").unlink()
    journey = template_file(prompts_copy, "en", "SD-04")
    journey.write_text(journey.read_text("utf-8").replace("output: CurrentJourney", "output: Personas"), "utf-8")
    brief = template_file(prompts_copy, "en", "SD-01")
    padding = "Keep it short. " * 500
    brief.write_text(brief.read_text("utf-8").replace("user:\n", f"user:\n{padding}\n"), "utf-8")
    problems = check_templates(prompts_copy)
    assert f"prompts/en/{journey.name}: output is Personas, but step SD-04 produces CurrentJourney." in problems
    assert any(
        p.startswith("prompts/nl/SC-03_*.md: missing: step SC-03 (Impact & veranderbereidheid)") for p in problems
    )
    assert any(p.startswith(f"prompts/en/{brief.name}: the prompt is about") for p in problems)
    assert len(problems) == 3, problems


def test_a_facilitator_can_add_a_step_of_their_own_for_an_existing_schema(prompts_copy: Path, tmp_path, retriever):
    source = template_file(prompts_copy, "en", "SD-02").read_text(encoding="utf-8")
    own = source.replace("id: SD-02", "id: SD-02b").replace("title: Research synthesis", "title: Expat themes")
    own = own.replace('default: "where customers struggle and why"', 'default: "what expats struggle with"')
    (prompts_copy / "en" / "SD-02b_expat_themes.md").write_text(own, encoding="utf-8")
    assert "SD-02b" in templates(prompts_copy, "en")
    assert check_templates(prompts_copy) == []
    session = Session.create(tmp_path / "s.cxsession", "Expats", "en")
    prepared = prepare("SD-02b", session, retriever, language="en", folder=prompts_copy)
    assert "what expats struggle with" in prepared.prompt.user
    first = prepared.evidence[0].id
    draft = accept_pasted_answer(
        prepared, f'{{"themes": [{{"label": "Letters in Dutch", "evidence": ["{first}"]}}]}}', session
    )
    assert draft.output.themes[0].evidence == [first]
    assert session.status("SD-02b") == "drafted"


def test_every_shipped_facilitator_test_passes(retriever):
    tests = load_tests(PROMPTS / "tests")
    assert {t.step for t in tests} == set(STEPS), "every step has at least one facilitator test"
    results = run_tests(tests, retriever, PROMPTS)
    assert [r.line() for r in results if not r.passed] == []
    assert all(r.line().startswith("PASS ") for r in results)


def facilitator_test(**fields) -> PromptTest:
    return PromptTest.model_validate({"step": "SD-02", "language": "nl", **fields})


def test_a_failing_facilitator_test_says_why(retriever):
    dutch = {"themes": [{"label": "Vast in de chatbot", "insight": "Klanten kunnen er niet langs naar een mens."}]}
    cited = {"themes": [{"label": "Vast", "insight": "Klanten willen een mens spreken.", "evidence": ["EVIDENCE_1"]}]}
    results = run_tests(
        [
            facilitator_test(answer=dutch, **{"assert": ["every_item_has_evidence", {"language": "en"}]}),
            facilitator_test(answer={"themes": [{"label": "Te ver", "evidence": ["EVIDENCE_99"]}]}),
            facilitator_test(answer={"themes": [{"label": "Verzonnen", "evidence": ["q0000000000"]}]}),
            facilitator_test(answer="Geen structuur hier."),
            facilitator_test(answer=cited, **{"assert": [{"max_items": 0}, {"field_present": "quadrant"}]}),
        ],
        retriever,
        PROMPTS,
    )
    reasons = [r.reasons for r in results]
    assert [r.passed for r in results] == [False, False, True, False, False]
    assert reasons[0] == ["items without evidence: T1", "the answer is not in en (looks nl)"]
    assert reasons[1][0].startswith("the answer cites EVIDENCE_99, but the prompt has ")
    assert results[2].warnings and "q0000000000" in results[2].warnings[0]
    assert "the pasted answer could not be used" in reasons[3][0]
    assert reasons[4] == ["1 items, expected at most 0", "no field quadrant in ResearchSynthesis"]
    assert results[0].line().startswith("FAIL SD-02 nl #1: items without evidence: T1")


def test_a_broken_test_file_is_an_error_naming_it(tmp_path: Path):
    from copilot.prompt_tests import PromptTestError

    (tmp_path / "SD-02.yaml").write_text("step: SD-02\nlanguage: nl\nanswer: x\nassert: [answer_is_good]\n", "utf-8")
    with pytest.raises(PromptTestError, match=r"SD-02.yaml, test 1: unknown assertion 'answer_is_good'"):
        load_tests(tmp_path)
    (tmp_path / "SD-02.yaml").write_text("step: SD-02\nlanguage: fr\nanswer: x\n", "utf-8")
    with pytest.raises(PromptTestError, match=r"SD-02.yaml, test 1: language"):
        load_tests(tmp_path)


def test_prompts_test_on_the_command_line_prints_pass_and_fail_and_exits_1_on_a_failure(tmp_path, small_research):
    tests = tmp_path / "tests"
    tests.mkdir()
    good = "step: SD-02\nlanguage: en\nanswer: {themes: [{label: Bot loops, evidence: [EVIDENCE_1]}]}\n"
    (tests / "SD-02.yaml").write_text(good + "assert: [every_item_has_evidence]\n", "utf-8")
    (tests / "SD-04.yaml").write_text(
        "step: SD-04\nlanguage: en\nanswer: {stages: [{name: Calls, emotion: 1}]}\nassert: [every_item_has_evidence]\n",
        "utf-8",
    )
    args = ["prompts", "test", "--research", str(small_research), "--tests", str(tests), "--store", str(tmp_path / "s")]
    env = {"CX_COPILOT_HOME": str(tmp_path / "home")}
    passing = cli(*args, "SD-02", env=env)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert passing.stdout.splitlines()[0].startswith("PASS SD-02 en SD-02.yaml#1")
    failing = cli(*args, env=env)
    assert failing.returncode == 1
    lines = failing.stdout.splitlines()
    assert lines[0].startswith("PASS SD-02") and lines[1] == "FAIL SD-04 en SD-04.yaml#1: items without evidence: S1"
    assert lines[-1] == "1 passed, 1 failed"
