"""A deck master (`DeckMaster`): a .pptx or .potx theme file (ours, or a team's own) the renderer starts from.
Not a research theme (`steps.schemas.Theme`, `research.themes`): this one is PowerPoint's.

The renderer needs three kinds of slide: a title slide, a section divider and a content slide. layouts.py
picks the master and the layout for each; free_area.py measures what the master and layout draw themselves
(logos, bands, artwork) so content, titles and footers stay off it. Colours and fonts for the renderer's own
shapes come from the chosen master's theme XML.
"""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from copilot.errors import ThemeError
from copilot.export import free_area, layouts
from copilot.export.layouts import BODY_TYPES, TITLE_TYPES
from copilot.export.style import Box, Style, blend, contrast, luminance

DEFAULT_THEME = Path(__file__).resolve().parents[2] / "workshop_templates" / "themes" / "default.pptx"
FOOTER_ZONE = 0.7  # inches kept free at the bottom for the deck title and slide number
FOOTER_HEIGHT = 0.3

__all__ = [
    "BODY_TYPES", "DEFAULT_THEME", "TITLE_TYPES", "Box", "Style", "DeckMaster", "blend", "contrast", "luminance",
]  # fmt: skip


def _per_layout(method):
    """Measure once per layout: a deck asks for the same layout's areas on every slide."""

    def measured(self, layout):
        key = (method.__name__, id(layout._element))
        if key not in self._measured:
            self._measured[key] = method(self, layout)
        return self._measured[key]

    measured.__doc__, measured.__name__ = method.__doc__, method.__name__
    return measured


class DeckMaster:
    """A master opened for rendering: its slides removed, its master and layouts chosen, their free area known."""

    def __init__(self, path: Path | None = None, master: str | None = None) -> None:
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
        self.fit, self.fits = layouts.choose(self.presentation, master, self.path.name)
        self.master = self.fit.master
        self.style = Style.from_theme_xml(self.master.part.part_related_by(RT.THEME).blob)
        self.layouts = self.fit.layouts
        self._obstacles: dict[int, list[free_area.Obstacle]] = {}
        self._measured: dict[tuple[str, int], object] = {}

    def _remove_slides(self) -> None:
        slide_ids = self.presentation.slides._sldIdLst
        for slide_id in list(slide_ids):
            self.presentation.part.drop_rel(slide_id.rId)
            slide_ids.remove(slide_id)

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
        styles = self.master.element.find(qn("p:txStyles"))
        if styles is None:
            return None
        is_title = placeholder.placeholder_format.type in TITLE_TYPES
        return _level_one_size(styles.find(qn("p:titleStyle" if is_title else "p:bodyStyle")))

    def title_size(self) -> float | None:
        """The master's title size (pt), for a title placed where a layout has none."""
        title = self.placeholder(self.master, *TITLE_TYPES)
        return self.font_size(title) if title is not None else None

    # --- what the master draws, and the room it leaves -------------------------------------------

    def obstacles(self, layout) -> list[free_area.Obstacle]:
        """The pictures and shapes every slide of `layout` shows (the master's unless the layout hides them)."""
        key = id(layout._element)
        if key not in self._obstacles:
            self._obstacles[key] = free_area.obstacles(layout, self.width, self.height)
        return self._obstacles[key]

    def _blocking(self, layout) -> list[Box]:
        return [o.box for o in self.obstacles(layout)]

    @property
    def margin(self) -> float:
        return max(0.35, min(0.6, self.width * 0.045))

    @_per_layout
    def title_area(self, layout) -> Box:
        """Where a slide's title goes when `layout` has no title placeholder: the master's title area, or the
        top of the slide; in either case clear of the layout's pictures and shapes."""
        title = self.placeholder(self.master, *TITLE_TYPES)
        box = _box(title) if title is not None else Box(self.margin, 0.35, self.width - 2 * self.margin, 0.95)
        free = free_area.free_box(box, self._blocking(layout), min_h=min(box.h, 0.5))
        if free.w >= box.w * 0.5:
            return free
        band = Box(self.margin, self.margin, self.width - 2 * self.margin, self.height - 2 * self.margin)
        free = free_area.free_box(band, self._blocking(layout), min_h=min(box.h, 0.9))
        return Box(free.x, free.y, free.w, min(free.h, box.h))

    @_per_layout
    def cover_area(self, layout) -> Box:
        """Where a cover's title and subtitle go when `layout` has no title placeholder: the lower middle of the
        largest free part of the slide."""
        band = Box(self.margin, self.margin, self.width - 2 * self.margin, self.height - 2 * self.margin)
        free = free_area.free_box(band, self._blocking(layout), min_w=min(band.w, 3.0))
        y = free.y + max(0.0, free.h * 0.5 - 1.3)
        return Box(free.x, y, free.w, min(2.6, free.bottom - y))

    @_per_layout
    def footer_placeholders(self, layout) -> dict:
        """The footer and slide-number placeholders a slide of `layout` can fill: the layout's, else the master's;
        one that sits on a logo or band of the master is left out (the footer is then drawn beside it)."""
        found = {}
        blocking = self._blocking(layout)
        for kind in (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER):
            placeholder = self.placeholder(layout, kind) or self.placeholder(self.master, kind)
            if placeholder is not None and not any(free_area.touches(_box(placeholder), b) for b in blocking):
                found[kind] = placeholder
        return found

    @_per_layout
    def footer_boxes(self, layout) -> tuple[Box | None, Box | None]:
        """(deck title, slide number) boxes where the renderer draws its own footer: the bottom strip beside the
        content, clear of logos; the number is left out when there is no room for both."""
        box = self.content_box(layout)
        strip = Box(box.x, self.height - 0.5, max(0.0, self.width - self.margin - box.x), FOOTER_HEIGHT)
        free = free_area.free_box(strip, self._blocking(layout), gap=0.08, min_h=FOOTER_HEIGHT)
        if free.w < 0.6:
            return None, None
        if free.w < 2.5:
            return Box(free.x, free.y, free.w, FOOTER_HEIGHT), None
        number = Box(free.right - 0.8, free.y, 0.8, FOOTER_HEIGHT)
        return Box(free.x, free.y, min(free.w - 1.0, box.w * 0.7), FOOTER_HEIGHT), number

    @_per_layout
    def content_box(self, layout) -> Box:
        """Where slide content goes under a layout: its body placeholder, or below its title, clear of the
        footer and of every picture and shape the master and layout draw."""
        title = self.placeholder(layout, *TITLE_TYPES)
        title_box = _box(title) if title is not None else self.title_area(layout)
        bodies = [_box(p) for p in layout.placeholders if p.placeholder_format.type in BODY_TYPES]
        # as wide as the title and every body (LibreOffice writes half-width bodies into its layouts); the whole
        # width between the margins when those are narrow (a caption layout): its empty placeholders are removed
        x = min(b.x for b in [title_box, *bodies])
        right = max(b.right for b in [title_box, *bodies])
        if right - x < 0.6 * self.width:
            x, right = min(x, self.margin), max(right, self.width - self.margin)
        w = right - x
        y = title_box.bottom + 0.1 if title_box.y < self.height / 2 else self.margin
        big = [b for b in bodies if b.h >= 0.4 * self.height]
        if big and big[0].y > y:
            y = big[0].y
        x = max(x, 0.3)
        w = min(w, self.width - x - 0.3)
        bottom = self.height - FOOTER_ZONE
        footers = [_box(p) for p in self.footer_placeholders(layout).values()]
        tops = [f.y for f in footers if f.y > self.height * 0.7]
        if tops:
            bottom = min(bottom, min(tops) - 0.1)
        region = Box(x, y, w, max(0.5, bottom - y))
        free = free_area.free_box(region, self._blocking(layout), min_w=min(region.w, 2.5), min_h=min(region.h, 1.5))
        return free if free.w > 0 else region


def _box(shape) -> Box:
    return Box(_inches(shape.left), _inches(shape.top), _inches(shape.width), _inches(shape.height))


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
