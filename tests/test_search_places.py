"""`cx-copilot search` names a quote's place in the language asked for, as the deck does: "rij 4", not "row 4"."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from copilot.cli import app


def search(*args: str) -> str:
    result = CliRunner().invoke(app, ["search", "talk to a person", "-k", "1", "--filter", "segment=expat", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_search_prints_dutch_places_for_dutch_and_english_ones_for_english(workspace, small_research: Path):
    assert CliRunner().invoke(app, ["ingest", str(small_research), "--lang", "en"]).exit_code == 0
    assert "— survey.csv, rij 4" in search()  # Dutch is the default, as for the deck
    assert "— survey.csv, rij 4" in search("--lang", "nl")
    assert "— survey.csv, row 4" in search("--lang", "en")
    assert '"location": "row 4"' in search("--json", "--lang", "nl")  # scripts read the place as it is stored
