"""Which of a master's layouts serves title, section and content slides — on real organisations' masters.

A layout is scored per role by its name (Dutch, English or German, as PowerPoint, LibreOffice or a designer
named it: trailing spaces, "1_" copies and numbering ignored) and by its placeholders (title, subtitle, body,
picture). A file with several masters is scored master by master and the best fitting one is used, unless the
person names one (`--master`: its number, or its name as shown in PowerPoint's Slide Master view).
Nothing here refuses a master that has layouts: a layout without a title still gets its title (see chrome.py).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn

from copilot.errors import ThemeError

ROLES = ("title", "section", "content")
TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
BODY_TYPES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
FOOTER_TYPES = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)

# exact names (normalised: see `normalise`), best first
# fmt: off
NAMES = {
    "title": (
        "title slide", "title", "titeldia", "titel dia", "titelpagina", "titelslide", "titel", "titelfolie",
        "tekstdia titel", "cover", "voorblad", "omslag", "openingsdia", "deckblatt",
    ),
    "section": (
        "section header", "section", "section title", "sectiekop", "sectie", "sectietitel", "hoofdstuk",
        "hoofdstukdia", "tussendia", "tussenblad", "scheidingsdia", "abschnittsuberschrift", "abschnitt",
        "kapitel", "kapiteltrenner", "trennfolie", "divider", "chapter",
    ),
    "content": (
        "title and content", "content", "title content", "titel en object", "titel en inhoud", "titel en tekst",
        "titel met tekst", "tekstdia titel met tekst", "titel met inhoud", "titel und inhalt", "titel und text",
        "titel und objekt", "title and text", "title and body", "inhoud", "inhalt", "tekst", "text", "tekstdia",
    ),
    "title only": ("title only", "alleen titel", "titel alleen", "nur titel", "titel only"),
    "blank": ("blank", "blank slide", "leeg", "lege dia", "leer", "leere folie"),
}
# words that say what a layout is for, when the name is not one of the above
WORDS = {
    "title": {"title", "titel", "titeldia", "titelfolie", "cover", "voorblad", "deckblatt", "opening"},
    "section": {
        "section", "sectie", "sectiekop", "hoofdstuk", "tussendia", "abschnitt", "abschnittsuberschrift",
        "kapitel", "divider", "chapter", "scheiding",
    },
    "content": {"content", "inhoud", "object", "inhalt", "objekt", "tekst", "text", "body", "bullets", "opsomming"},
    "only": {"only", "alleen", "nur"},
    "other": {
        "2", "two", "twee", "zwei", "comparison", "vergelijking", "vergleich", "picture", "afbeelding", "bild",
        "foto", "photo", "caption", "bijschrift", "beschriftung", "quote", "citaat", "zitat", "agenda", "end",
        "einde", "slot", "ende", "contact", "kolommen", "columns", "spalten", "vertical", "verticaal", "vertikal",
    },
}
# fmt: on


def normalise(name: str) -> str:
    """A layout name as compared: lower case, accents and punctuation gone, PowerPoint's "1_" copy prefix and
    trailing numbering dropped. 'Tekstdia: titel ' → 'tekstdia titel'; '2_Titel en object (3)' → 'titel en object'."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("ß", "ss")
    text = re.sub(r"^\s*\d+_", "", text)
    text = re.sub(r"[^\w]+|_", " ", text).strip()
    text = re.sub(r"(\s+\d+)+$", "", text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Shape:
    """What a layout offers: its placeholders' kinds and the area (fraction of the slide) of its bodies."""

    titles: int = 0
    centre_title: bool = False
    subtitles: int = 0
    bodies: int = 0
    body_area: float = 0.0
    pictures: int = 0
    footers: int = 0


def shape_of(layout, slide_area: float) -> Shape:
    titles = subtitles = bodies = pictures = footers = 0
    centre, body_area = False, 0.0
    for placeholder in layout.placeholders:
        kind = placeholder.placeholder_format.type
        if kind in TITLE_TYPES:
            titles += 1
            centre = centre or kind == PP_PLACEHOLDER.CENTER_TITLE
        elif kind == PP_PLACEHOLDER.SUBTITLE:
            subtitles += 1
        elif kind in BODY_TYPES:
            bodies += 1
            area = (placeholder.width or 0) * (placeholder.height or 0) / slide_area if slide_area else 0
            body_area += area
        elif kind in (PP_PLACEHOLDER.PICTURE, PP_PLACEHOLDER.CHART, PP_PLACEHOLDER.TABLE, PP_PLACEHOLDER.MEDIA_CLIP):
            pictures += 1
        elif kind in FOOTER_TYPES:
            footers += 1
    return Shape(titles, centre, subtitles, bodies, body_area, pictures, footers)


def name_role(name: str) -> tuple[str | None, int]:
    """(role the name says, strength): 2 for a known name, 1 for a telling word, (None, 0) for neither."""
    text = normalise(name)
    for role, names in NAMES.items():
        if text in names:
            return role, 2
    words = set(text.split())
    if words & WORDS["other"]:
        return "other", 1
    if words & WORDS["section"]:
        return "section", 1
    if words & WORDS["title"] and words & WORDS["only"]:
        return "title only", 1
    if words & WORDS["title"] and (words & WORDS["content"] or {"met", "mit", "and", "en", "und"} & words):
        return "content", 1
    if words & WORDS["content"]:
        return "content", 1
    if words & WORDS["title"]:
        return "title", 1
    return None, 0


def score(role: str, name: str, shape: Shape) -> float:
    """How well a layout serves `role`; above zero means usable."""
    named, strength = name_role(name)
    points = 0.0
    if named == role:
        points += 3 * strength
    elif role == "content" and named == "title only":
        points += 2 * strength - 1
    elif named is not None:
        points -= 2 * strength
    if role == "title":
        points += (3 if shape.centre_title else 1.5 if shape.titles else 0) + (1.5 if shape.subtitles else 0)
        points -= 1.5 * max(0, shape.bodies - 1) + shape.pictures
        points += 0 if shape.titles else -2
    elif role == "section":
        if named != "section":  # without a telling name, any title-and-text layout could be a content one
            return -1.0
        points += (1.5 if shape.titles else 0) + (0.5 if shape.bodies <= 1 else -1)
    else:
        points += 7 if shape.titles else 0  # a designed title beats a placed one, even under a telling name
        if shape.bodies and shape.body_area >= 0.25:
            points += 3
        elif shape.bodies:
            points += 1
        points -= max(0, shape.bodies - 1) + 2 * shape.pictures + (1.5 if shape.subtitles else 0)
        points -= 5 if shape.centre_title else 0  # a cover's title sits mid-slide: no room below it
    return points


@dataclass
class MasterFit:
    """The layouts chosen on one master, with their scores; `total` says how well the master fits a deck."""

    index: int  # 1-based, as a person counts them
    name: str
    master: object
    count: int = 0  # layouts in the master
    layouts: dict[str, object] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)

    @property
    def total(self) -> float:
        return 2 * self.scores.get("content", -9) + self.scores.get("title", -9) + max(0, self.scores.get("section", 0))


def master_name(master, index: int) -> str:
    """A master's name as PowerPoint shows it: its own name, else its theme's; else "Master n"."""
    own = master._element.find(qn("p:cSld")).get("name", "").strip()
    if own:
        return own
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        theme = master.part.part_related_by(RT.THEME)
        found = re.search(rb'<a:theme[^>]*\sname="([^"]*)"', theme.blob[:2000])
        if found and found.group(1).strip():
            return found.group(1).decode("utf-8", "replace").strip()
    except KeyError:
        pass
    return f"Master {index}"


def fit_master(master, index: int, slide_area: float) -> MasterFit:
    layouts = list(master.slide_layouts)
    fit = MasterFit(index, master_name(master, index), master, len(layouts))
    for role in ROLES:
        ranked = sorted(
            ((score(role, layout.name, shape_of(layout, slide_area)), n, layout) for n, layout in enumerate(layouts)),
            key=lambda item: (-item[0], item[1]),
        )
        if ranked and (ranked[0][0] > 0 or role == "content"):
            fit.scores[role], _, fit.layouts[role] = ranked[0]
    if "title" not in fit.layouts and "content" in fit.layouts:  # a master with one layout serves every slide
        fit.layouts["title"], fit.scores["title"] = fit.layouts["content"], 0.0
    fit.layouts.setdefault("section", fit.layouts.get("title"))
    return fit


def choose(presentation, wanted: str | None = None, file_name: str = "") -> tuple[MasterFit, list[MasterFit]]:
    """(the master to use, every master's fit). `wanted` names one: its number, or (part of) its name."""
    area = presentation.slide_width * presentation.slide_height
    fits = [
        fit_master(master, n, area)
        for n, master in enumerate(presentation.slide_masters, start=1)
        if len(master.slide_layouts)
    ]
    if not fits:
        raise ThemeError(key="theme_no_layouts", file=file_name)
    if wanted:
        key = " ".join(str(wanted).casefold().split())
        names = {f.index: " ".join(f.name.casefold().split()) for f in fits}
        named = [f for f in fits if str(f.index) == key] or [f for f in fits if names[f.index] == key]
        named = named or [f for f in fits if key and key in names[f.index]]
        if not named:
            masters = ", ".join(f"{f.index} '{f.name}'" for f in fits)
            raise ThemeError(key="theme_unknown_master", file=file_name, master=wanted, masters=masters)
        return max(named, key=lambda f: (f.total, -f.index)), fits  # LibreOffice gives masters one name
    return max(fits, key=lambda f: (f.total, -f.index)), fits
