"""Walking a widget tree: every widget an app shows, for checks that must not miss one (untrusted text)."""

from __future__ import annotations

from collections.abc import Iterator

import ipywidgets as w


def walk(root: w.Widget) -> Iterator[w.Widget]:
    """`root` and every widget inside it (children of boxes, accordions and tabs), each once."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        widget = stack.pop()
        if id(widget) in seen:
            continue
        seen.add(id(widget))
        yield widget
        stack.extend(reversed(getattr(widget, "children", ()) or ()))


def html_widgets(root: w.Widget) -> Iterator[w.HTML]:
    """Every widget whose value the browser reads as HTML."""
    return (widget for widget in walk(root) if isinstance(widget, w.HTML | w.HTMLMath))
