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
        raise ResearchFileError(
            path, f"is not a valid WebVTT file ({error})", "Check that its first line is WEBVTT, or export it again."
        ) from error
    timings = sum(1 for line in text.split("\n") if "-->" in line)
    if len(captions) < timings:  # webvtt skips a cue it cannot parse; a file half read is worse than an error
        raise ResearchFileError(
            path,
            f"{timings - len(captions)} of {timings} subtitles could not be read",
            "Check their time lines (00:01:02.000 --> 00:01:05.000), or export the subtitles again.",
        )
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
        raise ResearchFileError(
            path,
            f"the subtitle block {_where(error)}could not be read",
            "Fix or remove it (a number, a line '00:01:02,000 --> 00:01:05,000', then the text), or export it again.",
        ) from error
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
