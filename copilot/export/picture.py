"""Picture slides: an image (a network drawing, a photo of the wall) fitted inside the body, aspect kept."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, UnidentifiedImageError
from pptx.util import Inches

from copilot.errors import CopilotError
from copilot.export.deckspec import ImageSlide
from copilot.export.theme import Box


def blob(spec: ImageSlide) -> bytes:
    """The picture's bytes, read from its path when it is given as one."""
    if isinstance(spec.image, (str, Path)):
        path = Path(spec.image)
        try:
            return path.read_bytes()
        except OSError as error:
            raise CopilotError(
                f"{path}: the picture for slide '{spec.title}' cannot be read ({error.strerror})."
            ) from None
    return bytes(spec.image or b"")


def placed(data: bytes, box: Box, title: str = "") -> Box:
    """Where the picture goes: as large as fits in `box` with its own aspect ratio, centred."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
    except (UnidentifiedImageError, OSError):
        raise CopilotError(
            f"The picture for slide '{title}' is not a PNG or JPEG image: save it as one and export again."
        ) from None
    scale = min(box.w / width, box.h / height)
    w, h = width * scale, height * scale
    return Box(box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h)


def draw(slide, spec: ImageSlide, box: Box) -> bool:
    """Add the picture to `slide` inside `box`; False when the slide has no picture."""
    data = blob(spec)
    if not data:
        return False
    where = placed(data, box, spec.title)
    slide.shapes.add_picture(io.BytesIO(data), Inches(where.x), Inches(where.y), Inches(where.w), Inches(where.h))
    return True
