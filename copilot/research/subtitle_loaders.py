"""Subtitle files (.vtt from Teams, Zoom or a transcription tool; .srt) read into cues for the loaders, which
merge them into turns. Libraries are imported when a file is read; their errors become ResearchFileErrors here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from copilot.errors import ResearchFileError
from copilot.research.reading import read_text


@dataclass(frozen=True)
class Cue:
    """One subtitle: its time span in seconds, its text on one line, and the VTT voice (`<v Name>`) if any."""

    start: float
    end: float
    text: str
    voice: str = ""


def read_vtt(path: Path) -> list[Cue]:
    import webvtt
    from webvtt.errors import MalformedCaptionError, MalformedFileError

    text = read_text(path)
    try:
        captions = webvtt.from_string(text).captions
    except (MalformedFileError, MalformedCaptionError) as error:
        raise ResearchFileError(path, key="bad_vtt", detail=error) from error
    timings = sum(1 for line in text.split("\n") if "-->" in line)
    if len(captions) < timings:  # webvtt skips a cue it cannot parse; a file half read is worse than an error
        raise ResearchFileError(path, key="lost_cues", lost=timings - len(captions), total=timings)
    cues = [
        Cue(c.start_in_seconds, c.end_in_seconds, " ".join(c.text.split()), " ".join((c.voice or "").split()))
        for c in captions
    ]
    return [cue for cue in cues if cue.text]


def read_srt(path: Path) -> list[Cue]:
    import pysrt

    text = read_text(path)
    try:
        items = pysrt.SubRipFile.from_string(text, error_handling=pysrt.SubRipFile.ERROR_RAISE)
    except pysrt.Error as error:
        raise ResearchFileError(path, key="bad_srt_block", where=_where(error)) from error
    cues = [
        Cue(item.start.ordinal / 1000, item.end.ordinal / 1000, " ".join(item.text_without_tags.split()))
        for item in items
    ]
    return [cue for cue in cues if cue.text]


def _where(error: Exception) -> str:
    """Where the bad block starts ("at line 12 "): pysrt passes the index of the line after it, and the block."""
    if len(error.args) >= 2 and isinstance(error.args[0], int) and isinstance(error.args[1], str):
        block_lines = error.args[1].count("\n")
        return f"at line {error.args[0] - block_lines + 1} "
    return ""
