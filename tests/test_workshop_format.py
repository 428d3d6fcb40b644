from pathlib import Path

import pytest

from copilot.errors import WorkshopFormatError
from copilot.workshop import formats, load_format

ROOT = Path(__file__).resolve().parents[1]


def test_every_shipped_workshop_format_loads():
    found = formats(ROOT / "workshop_templates")
    assert "journey_pain_points_90" in found
    for path in found.values():
        assert load_format(path).agenda


def test_the_pain_point_workshop_takes_ninety_minutes_with_a_timetable():
    workshop = load_format(ROOT / "workshop_templates" / "journey_pain_points_90.yaml")
    assert workshop.minutes == 90
    assert workshop.steps == ["SD-02", "SD-03", "SD-04", "SD-05"]
    assert workshop.timetable("nl")[1] == ("0:10", "SD-02 Onderzoekssynthese", 25)


def test_an_unknown_step_id_names_the_file_the_field_and_the_known_ids(tmp_path: Path):
    path = tmp_path / "mine.yaml"
    path.write_text("id: mine\ntitle: {en: Mine}\nagenda:\n  - step: SD-99\n    minutes: 10\n", encoding="utf-8")
    with pytest.raises(WorkshopFormatError, match=r"mine.yaml: agenda.0: .*unknown step 'SD-99' \(known: SD-01"):
        load_format(path)


def test_a_typo_in_a_key_is_reported_not_ignored(tmp_path: Path):
    path = tmp_path / "typo.yaml"
    path.write_text("id: t\ntitle: {en: T}\nagenda:\n  - step: SD-02\n    minuten: 10\n", encoding="utf-8")
    with pytest.raises(WorkshopFormatError, match="typo.yaml: .*minuten"):
        load_format(path)


def test_broken_yaml_is_reported_with_the_file_name(tmp_path: Path):
    path = tmp_path / "broken.yaml"
    path.write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(WorkshopFormatError, match="broken.yaml: is not valid YAML"):
        load_format(path)
