"""Dutch and English text for everything a person reads, kept in `locales/<lang>.yaml`."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

LOCALES = Path(__file__).parent / "locales"


@cache
def _strings(language: str) -> dict[str, str]:
    import yaml

    path = LOCALES / f"{language}.yaml"
    if not path.exists():
        raise ValueError(f"No translations for language {language!r} (looked for {path}).")
    return _flatten(yaml.safe_load(path.read_text(encoding="utf-8")) or {})


def _flatten(tree: dict, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = str(value)
    return flat


# "{n} {n|source|sources}": the word after the first bar when n is 1, else the one after the second
_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")


def t(key: str, language: str, **values: object) -> str:
    """The text for `key` in `language`, falling back to English, then to the key itself. A count's word
    is chosen in the text itself: "{n} {n|source|sources}" reads "1 source", "3 sources"."""
    text = _strings(language).get(key) or _strings("en").get(key) or key
    text = _PLURAL.sub(lambda m: m.group(2) if values.get(m.group(1)) == 1 else m.group(3), text)
    return text.format(**values) if values else text


def keys(language: str) -> set[str]:
    return set(_strings(language))


def field_label(name: str, language: str) -> str:
    """A schema field's label: translated in `fields.<name>` when there is one, else made readable."""
    key = f"fields.{name}"
    text = _strings(language).get(key) or _strings("en").get(key)
    return text or name.replace("_", " ").capitalize()


def choice_label(value: object, language: str) -> str:
    """A fixed choice (a stance, a lane, 30/60/90 days) as people read it; the value itself when untranslated."""
    if value in ("", None):
        return "—"
    return _strings(language).get(f"choices.{value}") or _strings("en").get(f"choices.{value}") or str(value)


# the words a research location is written with ("turn 12", "table 2, row 7", "sheet Q3, row 4", "page 3–4")
_PLACE = re.compile(r"\b(turn|row|table|page|paragraph|slide|answer|line)(?= \d)|^sheet(?= )")


def place_label(location: str, language: str) -> str:
    """A quote's place in its file as people read it ("beurt 12", "rij 7", "pagina 3"): the research store keeps
    it in English, so sessions and stores stay the same whatever language the deck is made in."""
    if not location:
        return location
    return _PLACE.sub(lambda m: t(f"places.{m.group(0)}", language), location)
