"""Organisations' masters as the deck meets them, built from python-pptx's own template with lxml — no binary
blobs: two masters in one file, 16:9 and 4:3, Dutch and German layout names with trailing spaces and numbering,
a logo in a bottom corner, a band and cover artwork, a title layout without a title placeholder, a .potx, and a
LibreOffice-made copy.

    .venv/bin/python tests/master_fixtures.py OUT_DIR      # writes every master, to open in PowerPoint
"""

from __future__ import annotations

import copy
import subprocess
import sys
import zipfile
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.oxml.shapes.autoshape import CT_Shape
from pptx.oxml.shapes.picture import CT_Picture
from pptx.parts.slide import SlideLayoutPart, SlideMasterPart
from pptx.util import Emu

EMU = 914400
LAYOUT_ID = 2147483700  # ids of added masters and layouts: above python-pptx's own (2147483648…)


def logo_png(path: Path, colour: str = "#C2410C", text: str = "LOGO") -> Path:
    """A small wordmark-like picture, as organisations put in a corner of every slide."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (360, 140), colour)
    ImageDraw.Draw(image).text((40, 50), text, fill="white")
    image.save(path)
    return path


def add_picture(owner, png: Path, x: float, y: float, w: float, h: float, name: str = "Logo") -> None:
    """A picture on a master or layout (python-pptx only adds them to slides)."""
    _, rId = owner.part.get_or_add_image_part(str(png))
    tree = owner.shapes._spTree
    pic = CT_Picture.new_pic(tree.max_shape_id + 1, name, name, rId, *(int(v * EMU) for v in (x, y, w, h)))
    tree.insert_element_before(pic, "p:extLst")


def add_band(owner, x: float, y: float, w: float, h: float, colour: str = "0B4F4A", name: str = "Band") -> None:
    """A filled rectangle drawn by the master or layout itself (a brand band or artwork)."""
    tree = owner.shapes._spTree
    sp = CT_Shape.new_autoshape_sp(tree.max_shape_id + 1, name, "rect", *(int(v * EMU) for v in (x, y, w, h)))
    properties = sp.find(qn("p:spPr"))
    fill = etree.SubElement(properties, qn("a:solidFill"))
    etree.SubElement(fill, qn("a:srgbClr"), val=colour)
    properties.insert(2, fill)  # after xfrm and prstGeom
    tree.insert_element_before(sp, "p:extLst")


def remove_placeholders(layout, *kinds: str) -> None:
    for sp in list(layout.shapes._spTree.iterchildren(qn("p:sp"))):
        ph = sp.find(f".//{qn('p:ph')}")
        if ph is not None and ph.get("type", "obj") in kinds:
            sp.getparent().remove(sp)


def widen(prs, width: float = 13.333) -> None:
    """Make a 4:3 template 16:9, stretching every master and layout position with it."""
    factor = width * EMU / prs.slide_width
    prs.slide_width = Emu(int(width * EMU))
    for master in prs.slide_masters:
        for element in [master._element, *(layout._element for layout in master.slide_layouts)]:
            for tag in ("a:off", "a:ext"):
                for node in element.iter(qn(tag)):
                    key = "x" if tag == "a:off" else "cx"
                    node.set(key, str(int(int(node.get(key)) * factor)))


def keep_layouts(master, names: dict[str, str]) -> None:
    """Keep the layouts named in `names` (python-pptx's English names), renamed; remove the others."""
    for layout in list(master.slide_layouts):
        if layout.name in names:
            layout.name = names[layout.name]
        else:
            master.slide_layouts.remove(layout)


def name_theme(master, name: str) -> None:
    theme = master.part.part_related_by(RT.THEME)
    theme._blob = theme.blob.replace(b'name="Office Theme"', f'name="{name}"'.encode())


def add_master(prs, names: dict[str, str], theme_name: str):
    """A second master in the same file: a copy of the first (before it was trimmed) with its own theme and
    layouts, as a file gets one when slides from another template are pasted in."""
    package, source = prs.part.package, prs.slide_master.part
    n = len(prs.slide_masters) + 1
    theme = Part(PackURI(f"/ppt/theme/theme{n + 10}.xml"), CT.OFC_THEME, package, source.part_related_by(RT.THEME).blob)
    element = copy.deepcopy(source._element)
    layout_list = element.find(qn("p:sldLayoutIdLst"))
    for child in list(layout_list):
        layout_list.remove(child)
    part = SlideMasterPart(PackURI(f"/ppt/slideMasters/slideMaster{n}.xml"), CT.PML_SLIDE_MASTER, package, element)
    part.relate_to(theme, RT.THEME)
    next_id = LAYOUT_ID + 20 * n
    for k, layout in enumerate(prs.slide_master.slide_layouts):
        if layout.name not in names:
            continue
        copied = copy.deepcopy(layout.part._element)
        uri = PackURI(f"/ppt/slideLayouts/slideLayout{100 * n + k}.xml")
        layout_part = SlideLayoutPart(uri, CT.PML_SLIDE_LAYOUT, package, copied)
        layout_part.relate_to(part, RT.SLIDE_MASTER)
        rId = part.relate_to(layout_part, RT.SLIDE_LAYOUT)
        etree.SubElement(layout_list, qn("p:sldLayoutId"), {"id": str(next_id + k), qn("r:id"): rId})
        layout_part.slide_layout.name = names[layout.name]
    rId = prs.part.relate_to(part, RT.SLIDE_MASTER)
    masters = prs.part._element.find(qn("p:sldMasterIdLst"))
    etree.SubElement(masters, qn("p:sldMasterId"), {"id": str(next_id - 1), qn("r:id"): rId})
    master = prs.slide_masters[len(prs.slide_masters) - 1]
    name_theme(master, theme_name)
    return master


def two_masters(path: Path) -> Path:
    """16:9, Dutch: master 1 an old one with only picture and two-column layouts; master 2 the house style with
    'Tekstdia: titel ' (trailing space), 'Tekstdia: titel met tekst', '1_Sectiekop', 'Alleen titel 2' and a logo
    bottom right, where the master's own slide number would be."""
    prs = Presentation()
    widen(prs)
    good = {
        "Title Slide": "Tekstdia: titel ",
        "Title and Content": "Tekstdia: titel met tekst",
        "Section Header": "1_Sectiekop",
        "Title Only": "Alleen titel 2",
        "Blank": "Leeg",
    }
    house = add_master(prs, good, "Huisstijl 2024")
    keep_layouts(
        prs.slide_master, {"Picture with Caption": "Afbeelding met bijschrift", "Two Content": "Twee objecten"}
    )
    name_theme(prs.slide_master, "Kantoor oud")
    add_picture(house, logo_png(path.with_suffix(".logo.png")), 11.35, 6.72, 1.6, 0.62)
    for layout in house.slide_layouts:  # a slide of each layout, as in a real file (and so LibreOffice keeps them)
        slide = prs.slides.add_slide(layout)
        if slide.shapes.title is not None:
            slide.shapes.title.text = "Voorbeeld"
    prs.slides.add_slide(prs.slide_masters[0].slide_layouts[0])
    prs.save(str(path))
    return path


def german_potx(path: Path) -> Path:
    """4:3, German, saved as a template (.potx): the cover 'Titelfolie' has artwork on its left and no title
    placeholder; a logo bottom left on the master; a band along the top of the content layout."""
    prs = Presentation()
    keep_layouts(
        prs.slide_master,
        {
            "Title Slide": "Titelfolie",
            "Title and Content": "Titel und Inhalt",
            "Section Header": "Abschnittsüberschrift",
            "Title Only": "Nur Titel",
            "Blank": "Leer",
        },
    )
    name_theme(prs.slide_master, "Firmenvorlage")
    add_picture(prs.slide_master, logo_png(path.with_suffix(".logo.png"), "#1D4ED8"), 0.3, 6.85, 1.4, 0.5)
    cover = prs.slide_layouts[0]
    remove_placeholders(cover, "ctrTitle", "title")
    add_band(cover, 0, 0, 3.6, 7.5, "1D4ED8", "Artwork")
    add_band(prs.slide_layouts[1], 0, 0, 10, 0.25, "1D4ED8", "Band")
    pptx = path.with_suffix(".pptx")
    prs.save(str(pptx))
    return as_potx(pptx, path)


def as_potx(pptx: Path, potx: Path) -> Path:
    """The same package as a PowerPoint template: only its main content type differs."""
    with zipfile.ZipFile(pptx) as source, zipfile.ZipFile(potx, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"presentationml.presentation.main+xml", b"presentationml.template.main+xml")
            target.writestr(item, data)
    return potx


def libreoffice_made(source: Path, out_dir: Path) -> Path:
    """`source` opened and saved again by LibreOffice Impress: its own XML, its own layout names, one master per
    master page in use."""
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = out_dir / "lo-profile"
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{profile}",
            "--convert-to",
            "pptx:Impress MS PowerPoint 2007 XML",
            "--outdir",
            str(out_dir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    made = out_dir / (source.stem + ".pptx")
    assert made.exists(), "LibreOffice did not write the .pptx"
    return made


def inches(shape) -> tuple[float, float, float, float]:
    return tuple(Emu(v or 0).inches for v in (shape.left, shape.top, shape.width, shape.height))


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    print(two_masters(out / "twee-masters.pptx"))
    print(german_potx(out / "vorlage.potx"))
    print(libreoffice_made(out / "twee-masters.pptx", out / "libreoffice"))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "masters"))
