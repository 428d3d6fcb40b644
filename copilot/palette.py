"""The colours of CX Copilot, once: the notebook pictures (matplotlib, '#RRGGBB') and the deck (python-pptx,
'RRGGBB') both read them here, so a picture in the room and its slide look alike. Hex RGB without '#'."""

from __future__ import annotations

INK = "1F2A44"  # text and lines
MUTED = "6B7280"
LIGHT = "9CA3AF"
GRID = "E5E7EB"
CARD = "F7F8FA"
ACCENT = "0F766E"
ACCENT_SOFT = "E6F2F1"
WARNING = "B45309"  # assumptions: an item without research evidence
AMBER = "D97706"
INDIGO = "4F46E5"
ROSE = "BE123C"
SKY = "0284C7"
LIME = "65A30D"
SERIES = (ACCENT, AMBER, INDIGO, ROSE, SKY, LIME)  # chart series, in order
NO_STANCE = "CBD5E1"

# stakeholder stances along the engagement scale, in its order
STANCES = {
    "unaware": "9CA3AF",
    "resistant": "C2410C",
    "neutral": "D4A017",
    "supportive": "2BA399",
    "leading": "0B5D56",
}
# scores 1–5: coral (a problem) through sand to green-teal (ready)
HEAT_SCALE = ("EE9A8A", "F7DFA0", "86C9B4")


def web(colour: str) -> str:
    """'1F2A44' → '#1F2A44', as matplotlib and HTML take it."""
    return colour if colour.startswith("#") else f"#{colour}"
