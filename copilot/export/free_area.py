"""Where a layout leaves room: its master's and its own pictures and shapes (logos, bands, artwork) measured,
and the largest rectangle of a region that none of them touches.

Placeholders are not obstacles (a slide shows only the ones it fills); a picture or shape covering most of the
slide is a background that text is meant to sit on; hidden and invisible shapes (no fill, no line, no text)
are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass

from pptx.oxml.ns import qn

from copilot.export.style import Box

BACKGROUND = 0.6  # a shape covering this much of the slide is a background, not an obstacle
GAP = 0.12  # inches kept between content and an obstacle


@dataclass(frozen=True)
class Obstacle:
    """A picture or shape on the master or layout that content must stay off."""

    box: Box
    name: str
    kind: str  # picture, shape, group, graphic, line
    on: str  # master or layout


def obstacles(layout, width: float, height: float) -> list[Obstacle]:
    """The pictures and shapes shown on every slide of `layout`: its own, and its master's unless it hides them."""
    found = [_obstacle(shape, "layout", width, height) for shape in layout.shapes]
    if layout._element.get("showMasterSp") not in ("0", "false"):
        found += [_obstacle(shape, "master", width, height) for shape in layout.slide_master.shapes]
    return [o for o in found if o is not None]


def _obstacle(shape, on: str, width: float, height: float) -> Obstacle | None:
    if shape.is_placeholder:
        return None
    element = shape._element
    properties = element.find(f".//{qn('p:cNvPr')}")
    if properties is not None and properties.get("hidden") in ("1", "true"):
        return None
    box = Box(_in(shape.left), _in(shape.top), _in(shape.width), _in(shape.height))
    if box.w <= 0 and box.h <= 0:
        return None
    if box.w * box.h >= BACKGROUND * width * height:
        return None
    tag = element.tag.split("}")[1]
    kind = {"pic": "picture", "grpSp": "group", "graphicFrame": "graphic", "cxnSp": "line"}.get(tag, "shape")
    if kind == "shape" and _invisible(element):
        return None
    return Obstacle(box, shape.name or kind, kind, on)


def _invisible(element) -> bool:
    """A shape with no fill, no outline and no text: a leftover frame nobody sees."""
    if "".join(element.itertext()).strip():
        return False
    properties = element.find(qn("p:spPr"))
    styled = element.find(qn("p:style")) is not None
    if properties is None:
        return not styled
    filled = properties.find(qn("a:noFill")) is None and (
        styled
        or any(properties.find(qn(f"a:{k}")) is not None for k in ("solidFill", "gradFill", "blipFill", "pattFill"))
    )
    line = properties.find(qn("a:ln"))
    outlined = (line is not None and line.find(qn("a:noFill")) is None) or (line is None and styled)
    return not filled and not outlined


def touches(a: Box, b: Box, gap: float = 0.0) -> bool:
    """Whether two boxes overlap (or come closer than `gap`)."""
    return a.x < b.right + gap and b.x < a.right + gap and a.y < b.bottom + gap and b.y < a.bottom + gap


def free_box(region: Box, blocking: list[Box], gap: float = GAP, min_w: float = 0.0, min_h: float = 0.0) -> Box:
    """The largest rectangle inside `region` at least `gap` away from every box in `blocking`; `region` itself
    when nothing is in the way. Candidate edges are the region's and the obstacles' (few: a master has a handful
    of shapes), so trying every pair of them finds the best rectangle exactly."""
    inside = [b for b in blocking if touches(region, b, gap)]
    if not inside:
        return region
    xs = sorted({region.x, region.right, *(v for b in inside for v in (b.x - gap, b.right + gap))})
    ys = sorted({region.y, region.bottom, *(v for b in inside for v in (b.y - gap, b.bottom + gap))})
    xs = [x for x in xs if region.x <= x <= region.right]
    ys = [y for y in ys if region.y <= y <= region.bottom]
    best, best_area = None, -1.0
    for i, left in enumerate(xs):
        for right in xs[i + 1 :]:
            w = right - left
            if w < min_w - 1e-6:
                continue
            columns = [b for b in inside if b.x - gap < right and left < b.right + gap]
            for j, top in enumerate(ys):
                for bottom in ys[j + 1 :]:
                    h = bottom - top
                    if h < min_h - 1e-6 or w * h <= best_area:
                        continue
                    if any(b.y - gap < bottom and top < b.bottom + gap for b in columns):
                        break  # a taller rectangle from this top hits the same obstacle
                    best, best_area = Box(left, top, w, h), w * h
    return best or Box(region.x, region.y, 0.0, 0.0)


def _in(emu) -> float:
    return (emu or 0) / 914400
