"""Colours and fonts for the shapes the renderer draws itself, read from a theme part; and the Box it measures in."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from lxml import etree
from pptx.oxml.ns import qn

from copilot import palette as cx_palette  # `palette` is also a Style field


@dataclass(frozen=True)
class Style:
    """Colours (hex RGB) and fonts for the shapes the renderer draws itself."""

    font: str = "Arial"
    ink: str = cx_palette.INK  # body text
    muted: str = cx_palette.MUTED
    accent: str = cx_palette.ACCENT
    accent_soft: str = cx_palette.ACCENT_SOFT
    warning: str = cx_palette.WARNING  # assumptions
    card: str = cx_palette.CARD
    palette: tuple[str, ...] = field(default=cx_palette.SERIES)

    @classmethod
    def from_theme_xml(cls, xml: bytes) -> Style:
        """Accent colours, text colour and body font from a theme part; defaults for whatever it lacks."""
        root = etree.fromstring(xml)
        scheme = root.find(f".//{qn('a:clrScheme')}")
        colours = {child.tag.split("}")[1]: _colour(child) for child in scheme} if scheme is not None else {}
        style = cls()
        palette = tuple(c for c in (colours.get(f"accent{n}") for n in range(1, 7)) if c)
        if palette:
            style = replace(style, accent=palette[0], accent_soft=blend(palette[0], "FFFFFF", 0.9), palette=palette)
        ink = colours.get("dk1")
        if ink and luminance(ink) < 0.2:
            style = replace(style, ink=ink, muted=blend(ink, "FFFFFF", 0.35))
        latin = root.find(f".//{qn('a:minorFont')}/{qn('a:latin')}")
        if latin is not None and latin.get("typeface"):
            style = replace(style, font=latin.get("typeface"))
        return style

    def on(self, fill: str) -> str:
        """Text colour that reads best on `fill`: white or ink, whichever contrasts more (WCAG ratio)."""
        return "FFFFFF" if contrast("FFFFFF", fill) > contrast(self.ink, fill) else self.ink


def _colour(element) -> str | None:
    for child in element:
        if child.tag == qn("a:srgbClr"):
            return child.get("val", "").upper() or None
        if child.tag == qn("a:sysClr"):
            return child.get("lastClr", "").upper() or None
    return None


def luminance(hex_colour: str) -> float:
    """Relative luminance (WCAG) of a hex colour, 0 (black) to 1 (white)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, 1 (none) to 21 (black on white)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def blend(colour: str, other: str, amount: float) -> str:
    """`colour` moved `amount` (0..1) of the way towards `other`."""
    a = [int(colour[i : i + 2], 16) for i in (0, 2, 4)]
    b = [int(other[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(x + (y - x) * amount):02X}" for x, y in zip(a, b, strict=True))


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide, in inches."""

    x: float
    y: float
    w: float
    h: float

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w
