"""`cx-copilot theme check FILE`: what a master will do to a deck, for a facilitator to read before a workshop —
which master and layouts are used for what, the free area for content, what the master draws that content
keeps clear of, where footers go, and what is missing — in Dutch or English.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from copilot.i18n import t

if TYPE_CHECKING:  # python-pptx is imported only when a check runs: the CLI starts fast
    from copilot.export.theme import DeckMaster

CM = 2.54
theme_app = typer.Typer(help="Deck themes: check an organisation's master before a workshop.", no_args_is_help=True)


def _cm(inches: float, language: str) -> str:
    text = f"{inches * CM:.1f}"
    return text.replace(".", ",") if language == "nl" else text


def _ratio(aspect: float) -> str:
    for name, value in (("16:9", 16 / 9), ("16:10", 16 / 10), ("4:3", 4 / 3)):
        if abs(aspect - value) < 0.03:
            return name
    return f"{aspect:.2f}:1"


def _where(box, width: float, height: float) -> str:
    """Which part of the slide a box sits in: top left … bottom right."""
    cx, cy = (box.x + box.w / 2) / width, (box.y + box.h / 2) / height
    row = "top" if cy < 1 / 3 else "bottom" if cy > 2 / 3 else ""
    column = "left" if cx < 1 / 3 else "right" if cx > 2 / 3 else ""
    return "_".join(part for part in (row, column) if part) or "middle"


def report(theme: DeckMaster, language: str, master: str | None = None) -> list[str]:
    """The check as lines of text in `language` (nl or en)."""
    from copilot.export import layouts
    from copilot.export.layouts import TITLE_TYPES

    def say(key: str, **values) -> str:
        return t(f"theme_check.{key}", language, **values)

    ratio = _ratio(theme.width / theme.height)
    lines = [
        say(
            "file",
            file=theme.path.name,
            ratio=ratio,
            width=_cm(theme.width, language),
            height=_cm(theme.height, language),
        )
    ]
    fit = theme.fit
    head = say("masters", count=len(theme.fits), index=fit.index, name=fit.name)
    if len(theme.fits) > 1:
        head += " " + say("master_named" if master else "master_best")
    lines.append(head)
    for other in theme.fits:
        if other is not fit:
            note = say("master_unfit") if other.total < fit.total else ""
            lines.append(say("master_other", index=other.index, name=other.name, layouts=other.count, note=note))
    lines.append(say("layouts"))
    missing: list[str] = []
    for role in layouts.ROLES:
        layout = theme.layouts[role]
        has_title = theme.placeholder(layout, *TITLE_TYPES) is not None
        where = (
            "title_in_placeholder" if has_title else "title_on_cover" if role != "content" else "title_in_master_area"
        )
        lines.append(say("layout", role=say(f"role_{role}"), layout=layout.name) + f" — {say(where)}")
        if not has_title:
            missing.append(say("no_title", role=say(f"role_{role}"), layout=layout.name))
        named, _ = layouts.name_role(layout.name)
        if role != "section" and named != role and not (role == "content" and named == "title only"):
            missing.append(say("unnamed", role=say(f"role_{role}"), layout=layout.name))
    if fit.scores.get("section", 0) <= 0:
        missing.append(say("no_section"))
    content = theme.layouts["content"]
    if theme.placeholder(content, *layouts.BODY_TYPES) is None:
        missing.append(say("no_body", layout=content.name))
    box = theme.content_box(content)
    share = round(100 * box.w * box.h / (theme.width * theme.height))
    lines.append(
        say(
            "free_area",
            width=_cm(box.w, language),
            height=_cm(box.h, language),
            x=_cm(box.x, language),
            y=_cm(box.y, language),
            share=share,
        )
    )
    if share < 45:
        missing.append(say("small_area", share=share))
    obstacles = theme.obstacles(content)
    if obstacles:
        lines.append(say("avoided"))
    for o in obstacles:
        lines.append(
            say(
                "obstacle",
                name=o.name,
                kind=say(f"kind_{o.kind}"),
                on=say(f"on_{o.on}"),
                where=say(_where(o.box, theme.width, theme.height)),
                width=_cm(o.box.w, language),
                height=_cm(o.box.h, language),
            )
        )
    lines += _footers(theme, content, say, missing)
    lines.append(say("missing") if missing else say("missing_none"))
    lines += missing
    lines.append(say("ready", file=theme.path.name))
    return lines


def _footers(theme: DeckMaster, layout, say, missing: list[str]) -> list[str]:
    from pptx.enum.shapes import PP_PLACEHOLDER

    usable = theme.footer_placeholders(layout)
    lines = []
    for kind, key, which in (
        (PP_PLACEHOLDER.FOOTER, "footer", "footer_which"),
        (PP_PLACEHOLDER.SLIDE_NUMBER, "number", "number_which"),
    ):
        lines.append(say(f"{key}_placeholder" if kind in usable else f"{key}_drawn"))
        exists = theme.placeholder(layout, kind) or theme.placeholder(theme.master, kind)
        if exists is not None and kind not in usable:
            missing.append(say("footer_on_picture", which=say(which)))
        elif exists is None and kind == PP_PLACEHOLDER.FOOTER:
            missing.append(say("no_footer"))
    return lines


@theme_app.command("check")
def check(
    file: Path = typer.Argument(..., help="Your organisation's master: a .pptx or .potx file."),
    master: str | None = typer.Option(
        None, "--master", help="Which master to use (number or name) in a file with several."
    ),
    language: str | None = typer.Option(None, "--lang", help="nl or en; default: CX_COPILOT_LANG, else nl."),
) -> None:
    """Check a master before a workshop: which layouts are used for what, the free area, what is missing."""
    from copilot.errors import CopilotError
    from copilot.export.theme import DeckMaster
    from copilot.settings import default_language

    language = language.lower() if language else default_language()
    try:
        theme = DeckMaster(file, master)
    except CopilotError as error:
        typer.echo(error.say(language), err=True)
        raise typer.Exit(1) from None
    typer.echo("\n".join(report(theme, language, master)))
