"""The top of a track app: the track, the chosen workshop format (the title follows the choice), what the
track is for in the chosen language, the format picker, what the format builds on, and its agenda."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as w

from copilot.i18n import t
from copilot.steps.catalogue import STEPS
from copilot.workbench import Workbench


class TrackHeader(w.VBox):
    def __init__(
        self,
        bench: Workbench,
        track: str,
        formats: dict[str, str],
        language: w.ToggleButtons,
        on_format: Callable[[str], None],
    ) -> None:
        """`formats`: workshop id → its name in the current language."""
        super().__init__(layout=w.Layout(width="100%"))
        self.add_class("cx-header")
        lang = bench.language
        workshop = bench.workshop
        mode = t("ui.status_model", lang, model=bench.model_status()) if bench.model_status() else ""
        title = w.HTML(
            f"<div class='cx-brand'>{escape(t('ui.app_title', lang))} · {escape(t(f'track.{track}', lang))}</div>"
            f"<div class='cx-title'>{escape(workshop.name(lang) if workshop else bench.session.title)}</div>"
            f"<div><span class='cx-badge'>{escape(mode or t('ui.status_offline_short', lang))}</span></div>"
        )
        top = w.HBox([title, language], layout=w.Layout(justify_content="space-between", width="100%"))
        intro = w.HTML(f"<div class='cx-intro'>{escape(t(f'ui.track_intro.{track}', lang))}</div>")
        self.format = w.Dropdown(
            options=[(name, workshop_id) for workshop_id, name in formats.items()],
            value=workshop.id if workshop and workshop.id in formats else next(iter(formats)),
            description=t("ui.format", lang),
            style={"description_width": "initial"},
            layout=w.Layout(width="auto", min_width="360px"),
        )
        self.format.observe(lambda change: on_format(change["new"]), names="value")
        self.children = [top, intro, self.format, *_builds_on(bench), _agenda(bench)]


def _builds_on(bench: Workbench) -> list[w.HTML]:
    """A note when the format starts later in the track: the earlier steps its questions read, and whether
    they are locked (a question for a step whose earlier steps are not locked cannot be prepared)."""
    workshop = bench.workshop
    if workshop is None:
        return []
    from copilot.prompts import templates
    from copilot.steps.engine import prompt_folder

    lang = bench.language
    try:
        known = templates(prompt_folder(), lang)
    except Exception:  # a facilitator's broken template is reported where the step is prepared
        return []
    inside = set(workshop.steps)
    earlier = [
        used
        for step_id in workshop.steps
        if step_id in known
        for used in known[step_id].meta.uses
        if used not in inside
    ]
    if not earlier:
        return []
    names = ", ".join(
        f"{used} {STEPS[used].name(lang) if used in STEPS else ''} "
        f"({t('ui.status.' + bench.status(used), lang)})".replace("  ", " ")
        for used in dict.fromkeys(earlier)
    )
    done = all(bench.status(used) == "locked" for used in earlier)
    key, kind = ("ui.builds_on_locked", "cx-ok") if done else ("ui.builds_on", "cx-warn")
    note = w.HTML(f"<div class='cx-note {kind}'>{escape(t(key, lang, steps=names))}</div>")
    note.add_class("cx-builds-on")
    return [note]


def _agenda(bench: Workbench) -> w.HTML:
    workshop = bench.workshop
    if workshop is None:
        return w.HTML()
    rows = "".join(
        f"<tr><td class='cx-agenda-time'>{escape(str(start))}</td><td>{escape(label)}</td>"
        f"<td class='cx-agenda-minutes'>{escape(str(minutes))} min</td></tr>"
        for start, label, minutes in workshop.timetable(bench.language)
    )
    return w.HTML(
        f"<details><summary><b>{escape(t('ui.agenda', bench.language))}</b></summary>"
        f"<table class='cx-agenda'>{rows}</table></details>"
    )
