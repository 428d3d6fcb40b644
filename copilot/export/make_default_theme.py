"""Build the default deck theme, workshop_templates/themes/default.pptx: a 16:9 master designed for CX Copilot.

    .venv/bin/python -m copilot.export.make_default_theme [OUT]

It starts from python-pptx's own template (4:3, Calibri, Office colours) and makes it ours: widescreen, Arial
(LibreOffice draws it with the metric-compatible Liberation Sans, which is what text is measured with), a
calm ink-and-teal colour scheme, and five named layouts — "Title", "Section", "Content", "Title Only",
"Blank" — whose placeholders sit where the renderer expects them. Decoration (the accent band on the title
slide, the bar beside content titles, the coloured section background) lives in the layouts, so a team's own
master brings its own. python-pptx has no API for theme colours or layout decoration, so this script edits
that XML directly; it runs once, and the result is committed.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches

WIDTH, HEIGHT = Emu(12192000), Emu(6858000)  # PowerPoint's widescreen 13.333 × 7.5 in
W = WIDTH.inches
FONT = "Arial"
COLOURS = {  # theme colour slots
    "dk1": "1F2A44",  # ink: titles and body text
    "lt1": "FFFFFF",
    "dk2": "0B4F4A",  # deep teal
    "lt2": "F7F8FA",  # card grey
    "accent1": "0F766E",  # teal
    "accent2": "D97706",  # amber
    "accent3": "4F46E5",  # indigo
    "accent4": "BE123C",  # rose
    "accent5": "0284C7",  # sky
    "accent6": "65A30D",  # olive
    "hlink": "0F766E",
    "folHlink": "6B7280",
}
MUTED = "6B7280"
DEFAULT_OUT = Path(__file__).resolve().parents[2] / "workshop_templates" / "themes" / "default.pptx"

# layout name in python-pptx's template -> our name (the others are removed)
KEEP = {
    "Title Slide": "Title",
    "Section Header": "Section",
    "Title and Content": "Content",
    "Title Only": "Title Only",
    "Blank": "Blank",
}
FOOTER_TYPES = (PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)


def build(out: Path = DEFAULT_OUT) -> Path:
    """Write the default theme to `out`."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    prs.core_properties.title = "CX Copilot"
    prs.core_properties.author = "CX Copilot"
    _theme_xml(prs)
    master = prs.slide_master
    _master(master)
    for layout in list(prs.slide_layouts):
        if layout.name not in KEEP:
            prs.slide_layouts.remove(layout)
    for layout in prs.slide_layouts:
        layout.name = KEEP[layout.name]
        {"Title": _title, "Section": _section, "Content": _content, "Title Only": _content, "Blank": _blank}[
            layout.name
        ](prs, layout)
    out.parent.mkdir(parents=True, exist_ok=True)
    prs.save(str(out))
    return out


def _theme_xml(prs) -> None:
    part = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    root.set("name", "CX Copilot")
    scheme = root.find(f".//{qn('a:clrScheme')}")
    scheme.set("name", "CX Copilot")
    for slot, value in COLOURS.items():
        element = scheme.find(qn(f"a:{slot}"))
        for child in list(element):
            element.remove(child)
        etree.SubElement(element, qn("a:srgbClr")).set("val", value)
    fonts = root.find(f".//{qn('a:fontScheme')}")
    fonts.set("name", "CX Copilot")
    for kind in ("a:majorFont", "a:minorFont"):
        fonts.find(qn(kind)).find(qn("a:latin")).set("typeface", FONT)
    for effect in root.iter(qn("a:effectStyle")):  # flat: no shadows or glows on shapes
        for child in list(effect):
            effect.remove(child)
        etree.SubElement(effect, qn("a:effectLst"))
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _master(master) -> None:
    for placeholder in master.placeholders:
        kind = placeholder.placeholder_format.type
        if kind == PP_PLACEHOLDER.TITLE:
            _place(placeholder, 0.6, 0.4, W - 1.2, 0.9)
            _body_pr(placeholder, anchor="ctr")
        elif kind == PP_PLACEHOLDER.BODY:
            _place(placeholder, 0.6, 1.55, W - 1.2, 5.2)
        elif kind in FOOTER_TYPES:
            _footer_place(placeholder)
    styles = master.element.find(qn("p:txStyles"))
    title = styles.find(qn("p:titleStyle")).find(qn("a:lvl1pPr"))
    title.set("algn", "l")
    title.find(qn("a:defRPr")).set("sz", "2800")
    title.find(qn("a:defRPr")).set("b", "1")
    body = styles.find(qn("p:bodyStyle"))
    for level, size in zip(range(1, 10), (2000, 1800, 1600, 1400, 1400, 1400, 1400, 1400, 1400), strict=True):
        body.find(qn(f"a:lvl{level}pPr")).find(qn("a:defRPr")).set("sz", str(size))


def _title(prs, layout) -> None:
    for placeholder in layout.placeholders:
        kind = placeholder.placeholder_format.type
        if kind == PP_PLACEHOLDER.CENTER_TITLE:
            _place(placeholder, 1.0, 2.3, W - 2.0, 1.6)
            _body_pr(placeholder, anchor="b")
            _list_style(placeholder, size=4000, bold=True, align="l")
        elif kind == PP_PLACEHOLDER.SUBTITLE:
            _place(placeholder, 1.0, 4.05, W - 2.0, 1.2)
            _body_pr(placeholder, anchor="t")
            _list_style(placeholder, size=2000, colour=MUTED, align="l")
        elif kind in FOOTER_TYPES:
            _footer_place(placeholder)
    _decorate(prs, layout, 0, 0, 0.35, HEIGHT.inches)


def _section(prs, layout) -> None:
    layout.background.fill.solid()
    layout.background.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
    for placeholder in layout.placeholders:
        kind = placeholder.placeholder_format.type
        if kind == PP_PLACEHOLDER.TITLE:
            _place(placeholder, 1.0, 2.6, W - 2.0, 1.4)
            _body_pr(placeholder, anchor="b")
            _list_style(placeholder, size=3600, bold=True, scheme_colour="bg1", align="l")
        elif kind == PP_PLACEHOLDER.BODY:
            _place(placeholder, 1.0, 4.1, W - 2.0, 1.0)
            _body_pr(placeholder, anchor="t")
            _list_style(placeholder, size=1800, scheme_colour="bg1", align="l")
        elif kind in FOOTER_TYPES:
            _footer_place(placeholder)


def _content(prs, layout) -> None:
    for placeholder in layout.placeholders:
        kind = placeholder.placeholder_format.type
        if kind == PP_PLACEHOLDER.TITLE:
            _place(placeholder, 0.85, 0.4, W - 1.45, 0.9)
            _body_pr(placeholder, anchor="ctr")
        elif kind in (PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.BODY):
            _place(placeholder, 0.6, 1.55, W - 1.2, 5.2)
        elif kind in FOOTER_TYPES:
            _footer_place(placeholder)
    _decorate(prs, layout, 0.6, 0.55, 0.09, 0.62)


def _blank(prs, layout) -> None:
    for placeholder in layout.placeholders:
        _footer_place(placeholder)


# --- XML helpers -------------------------------------------------------------------------------


def _place(shape, x: float, y: float, w: float, h: float) -> None:
    shape.left, shape.top, shape.width, shape.height = Inches(x), Inches(y), Inches(w), Inches(h)


def _footer_place(placeholder) -> None:
    kind = placeholder.placeholder_format.type
    x = {PP_PLACEHOLDER.DATE: 0.6, PP_PLACEHOLDER.FOOTER: 4.17, PP_PLACEHOLDER.SLIDE_NUMBER: W - 3.6}[kind]
    _place(placeholder, x, 6.95, 3.0 if kind != PP_PLACEHOLDER.FOOTER else 5.0, 0.35)


def _body_pr(placeholder, anchor: str) -> None:
    body_pr = placeholder.text_frame._txBody.bodyPr
    body_pr.set("anchor", anchor)
    body_pr.set("lIns", str(Inches(0.02)))
    body_pr.set("rIns", str(Inches(0.02)))
    for autofit in ("a:normAutofit", "a:spAutoFit"):
        for element in body_pr.findall(qn(autofit)):
            body_pr.remove(element)


def _list_style(
    placeholder,
    size: int,
    bold: bool = False,
    colour: str | None = None,
    scheme_colour: str | None = None,
    align: str = "l",
) -> None:
    """The first level's paragraph style of a layout placeholder: what slides using the layout inherit."""
    tx_body = placeholder.text_frame._txBody
    old = tx_body.find(qn("a:lstStyle"))
    style = etree.Element(qn("a:lstStyle"))
    level = etree.SubElement(style, qn("a:lvl1pPr"), marL="0", indent="0", algn=align)
    etree.SubElement(level, qn("a:buNone"))
    run = etree.SubElement(level, qn("a:defRPr"), sz=str(size), b="1" if bold else "0")
    if colour or scheme_colour:
        fill = etree.SubElement(run, qn("a:solidFill"))
        if colour:
            etree.SubElement(fill, qn("a:srgbClr"), val=colour)
        else:
            etree.SubElement(fill, qn("a:schemeClr"), val=scheme_colour)
    old.addprevious(style)
    tx_body.remove(old)


def _decorate(prs, layout, x: float, y: float, w: float, h: float) -> None:
    """An accent-coloured rectangle on a layout. python-pptx adds shapes only to slides, so the shape is drawn
    on a scratch slide and its XML moved to the layout."""
    scratch = prs.slides.add_slide(layout)
    shape = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(x), Inches(y), Inches(w), Inches(h))
    shape.fill.solid()
    shape.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
    shape.line.fill.background()
    shape._element.remove(shape._element.find(qn("p:style")))  # no theme shadow
    shape.name = "Accent"
    element = copy.deepcopy(shape._element)
    tree = layout.shapes._spTree
    element.find(f".//{qn('p:cNvPr')}").set("id", str(max(int(i) for i in tree.xpath("//p:cNvPr/@id")) + 1))
    tree.insert(2, element)  # after the group properties: behind the placeholders
    slide_ids = prs.slides._sldIdLst
    for slide_id in list(slide_ids):
        prs.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT))
