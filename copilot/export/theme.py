"""A deck theme: a .pptx master (ours, or a team's own) the renderer starts from.

The renderer needs three kinds of slide: a title slide, a section divider and a content slide. It finds the
layout for each by name — English or Dutch, as PowerPoint names them in either language — or else by its
placeholders, and reads the colours and fonts for its own shapes from the theme XML.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from copilot.errors import ThemeError

DEFAULT_THEME = Path(__file__).resolve().parents[2] / "workshop_templates" / "themes" / "default.pptx"
FOOTER_ZONE = 0.7  # inches kept free at the bottom for the deck title and slide number

# role -> layout names to look for, best first (compared case-insensitively); then layouts are recognised by
# their placeholders; then the last-resort names are tried
LAYOUT_NAMES = {
    "title": ("Title", "Title Slide", "Titel", "Titeldia", "Titelpagina", "Titelslide"),
    "section": ("Section", "Section Header", "Section Title", "Sectiekop", "Sectie", "Sectietitel", "Hoofdstuk"),
    "content": ("Content", "Title and Content", "Titel en object", "Titel en inhoud", "Titel en tekst"),
}
LAST_RESORT_NAMES = {"content": ("Title Only", "Alleen titel", "Blank", "Leeg", "Lege dia")}
TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
BODY_TYPES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)


@dataclass(frozen=True)
class Style:
    """Colours (hex RGB) and fonts for the shapes the renderer draws itself."""

    font: str = "Arial"
    ink: str = "1F2A44"  # body text
    muted: str = "6B7280"
    accent: str = "0F766E"
    accent_soft: str = "E6F2F1"
    warning: str = "B45309"  # assumptions
    card: str = "F7F8FA"
    palette: tuple[str, ...] = field(default=("0F766E", "D97706", "4F46E5", "BE123C", "0284C7", "65A30D"))

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


class Theme:
    """A master opened for rendering: its slides removed, its layouts looked up by role."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else DEFAULT_THEME
        if not self.path.exists():
            if path is None:  # an install without workshop_templates/: build the default in memory
                from copilot.export.make_default_theme import build

                self.path = build(Path(_scratch_dir()) / "default.pptx")
            else:
                raise ThemeError(f"{self.path}: no such theme file. Give the path of a .pptx or .potx master.")
        try:
            self.presentation = Presentation(_as_presentation(self.path))
        except Exception as error:  # python-pptx raises zipfile/KeyError/ValueError for files it cannot read
            raise ThemeError(
                f"{self.path.name}: cannot be opened as a PowerPoint master ({type(error).__name__}: {error}). "
                "Save it from PowerPoint as .pptx and try again."
            ) from None
        self._remove_slides()
        self.width = self.presentation.slide_width / 914400
        self.height = self.presentation.slide_height / 914400
        theme_part = self.presentation.slide_master.part.part_related_by(RT.THEME)
        self.style = Style.from_theme_xml(theme_part.blob)
        self.layouts = {role: self._find(role) for role in ("title", "content")}
        self.layouts["section"] = self._find("section", required=False) or self.layouts["title"]

    def _remove_slides(self) -> None:
        slide_ids = self.presentation.slides._sldIdLst
        for slide_id in list(slide_ids):
            self.presentation.part.drop_rel(slide_id.rId)
            slide_ids.remove(slide_id)

    def _find(self, role: str, required: bool = True):
        layouts = list(self.presentation.slide_layouts)
        by_name = {layout.name.strip().casefold(): layout for layout in layouts}
        for name in LAYOUT_NAMES[role]:
            if name.casefold() in by_name:
                return by_name[name.casefold()]
        for layout in layouts:  # a layout named otherwise, recognised by its placeholders
            types = {p.placeholder_format.type for p in layout.placeholders}
            if role == "title" and PP_PLACEHOLDER.CENTER_TITLE in types:
                return layout
            if role == "content" and PP_PLACEHOLDER.TITLE in types and types & set(BODY_TYPES):
                return layout
        for name in LAST_RESORT_NAMES.get(role, ()):
            if name.casefold() in by_name:
                return by_name[name.casefold()]
        if not required:
            return None
        wanted = [*LAYOUT_NAMES[role], *LAST_RESORT_NAMES.get(role, ())]
        names = ", ".join(f"'{layout.name}'" for layout in layouts) or "none"
        raise ThemeError(
            f"{self.path.name}: no '{role.capitalize()}' layout for {role} slides (looked for a layout named "
            f"{', '.join(repr(n) for n in wanted)}, or one with "
            f"{'a title placeholder' if role == 'title' else 'a title and a content placeholder'}). "
            f"Its layouts are: {names}. Rename one of them in PowerPoint (View › Slide Master) and try again."
        )

    def placeholder(self, layout, *types):
        """The layout's first placeholder of one of `types`, or None."""
        return next((p for p in layout.placeholders if p.placeholder_format.type in types), None)

    def font_size(self, placeholder) -> float | None:
        """The size (pt) a placeholder's text inherits: from its layout, its master, or the master's text styles."""
        node = placeholder
        while node is not None:
            size = _level_one_size(node._element.find(f"{qn('p:txBody')}/{qn('a:lstStyle')}"))
            if size:
                return size
            node = getattr(node, "_base_placeholder", None)
        styles = self.presentation.slide_master.element.find(qn("p:txStyles"))
        if styles is None:
            return None
        is_title = placeholder.placeholder_format.type in TITLE_TYPES
        return _level_one_size(styles.find(qn("p:titleStyle" if is_title else "p:bodyStyle")))

    def content_box(self, layout) -> Box:
        """Where slide content goes under a layout: its body placeholder, or below its title, clear of the footer."""
        title = self.placeholder(layout, *TITLE_TYPES)
        body = self.placeholder(layout, *BODY_TYPES)
        margin = max(0.35, min(0.6, self.width * 0.045))
        if body is not None:
            x, y, w = _inches(body.left), _inches(body.top), _inches(body.width)
        elif title is not None:
            x, w = _inches(title.left), _inches(title.width)
            y = _inches(title.top) + _inches(title.height) + 0.2
        else:
            x, y, w = margin, 1.55, self.width - 2 * margin
        if title is not None:
            y = max(y, _inches(title.top) + _inches(title.height) + 0.1)
        x = max(x, 0.3)
        w = min(w, self.width - x - 0.3)
        return Box(x, y, w, self.height - FOOTER_ZONE - y)


def _as_presentation(path: Path):
    """`path`, or for a PowerPoint template (.potx) the same package relabelled as a presentation, which is
    all python-pptx needs to open it."""
    if path.suffix.lower() != ".potx":
        return str(path)
    import io
    import zipfile

    source = zipfile.ZipFile(path)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"presentationml.template.main+xml", b"presentationml.presentation.main+xml")
            target.writestr(item, data)
    buffer.seek(0)
    return buffer


def _level_one_size(list_style) -> float | None:
    if list_style is None:
        return None
    level = list_style.find(f"{qn('a:lvl1pPr')}/{qn('a:defRPr')}")
    size = level.get("sz") if level is not None else None
    return int(size) / 100 if size else None


def _inches(emu) -> float:
    return (emu or 0) / 914400


def _scratch_dir() -> str:
    import tempfile

    return tempfile.mkdtemp(prefix="cx-theme-")
