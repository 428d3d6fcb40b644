"""Property: whatever bytes or text a research file holds, a loader gives readable chunks or a ResearchFileError
that names the file — never another exception, never an empty chunk."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copilot.errors import ResearchFileError
from copilot.research.loaders import load_file

SUFFIXES = [".txt", ".md", ".csv", ".vtt", ".srt", ".docx", ".xlsx", ".pdf"]
LINES = st.lists(
    st.one_of(
        st.text(max_size=120),
        st.sampled_from(["Vraag: Hoe ging het?", "A: Prima, dank u.", "- Wat ging mis?", "* De app.", "", "# Kop"]),
        st.sampled_from(["Sanne (interviewer): Hoe?", "Tom: Slecht.", "id;nps;opmerking", "1;3;Te duur en traag"]),
        st.sampled_from(["WEBVTT", "00:00:01.000 --> 00:00:02.000", "1", "00:00:01,000 --> 00:00:02,000"]),
    ),
    max_size=30,
)
RELAXED = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(name: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            chunks = load_file(path, Path(tmp))
        except ResearchFileError as error:
            assert str(error).startswith(name.split(".")[0]) or ".columns.yaml" in str(error)
            return
        assert chunks
        for chunk in chunks:
            assert chunk.text.strip() and chunk.source == name and chunk.id.startswith("q")
            chunk.text.encode("utf-8")  # storable as it is


@RELAXED
@given(st.sampled_from(SUFFIXES), st.binary(max_size=3000))
def test_any_bytes_give_chunks_or_a_research_file_error(suffix: str, data: bytes):
    _check(f"bestand{suffix}", data)


@RELAXED
@given(st.sampled_from([".txt", ".md", ".csv", ".vtt", ".srt"]), LINES, st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_any_text_gives_chunks_or_a_research_file_error(suffix: str, lines: list[str], encoding: str):
    _check(f"notities{suffix}", "\n".join(lines).encode(encoding, "replace"))
