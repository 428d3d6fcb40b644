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


def test_every_field_a_person_edits_has_a_label_in_both_languages():
    import typing

    from pydantic import BaseModel

    from copilot.i18n import keys
    from copilot.steps.catalogue import STEPS

    def fields(model: type[BaseModel], seen: set) -> set[str]:
        if model in seen:
            return set()
        seen.add(model)
        names = set(model.model_fields)
        for info in model.model_fields.values():
            for inner in (info.annotation, *typing.get_args(info.annotation)):
                for candidate in (inner, *typing.get_args(inner)):
                    if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                        names |= fields(candidate, seen)
        return names

    seen: set = set()
    every = set().union(*(fields(info.schema, seen) for info in STEPS.values()))
    for language in ("en", "nl"):
        missing = sorted(name for name in every if f"fields.{name}" not in keys(language))
        assert not missing, f"no {language} label for: {', '.join(missing)}"
