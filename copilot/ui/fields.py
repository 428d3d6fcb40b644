"""One widget per schema field, chosen from its type: text, a slider for a 1–5 scale, a dropdown for a fixed
vocabulary, a checkbox, lines for a list of texts. Every step's editor is built from these, so a new field
in a schema shows up in the notebook without UI code."""

from __future__ import annotations

import types
import typing
from html import escape
from typing import Any, Literal

import ipywidgets as w
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from copilot.i18n import choice_label, field_label, t

LONG_TEXT = 60  # a description longer than this suggests a paragraph, not a line


def _bounds(info: FieldInfo) -> tuple[int | None, int | None]:
    low = high = None
    for constraint in info.metadata:
        low = getattr(constraint, "ge", low)
        high = getattr(constraint, "le", high)
    return low, high


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(the type inside Optional[...], whether None is allowed)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def editable(info: FieldInfo) -> bool:
    """Whether widgets can edit this field: plain values, lists of texts, and a nested group of plain values
    (e.g. ADKAR scores). Lists of nested items get editors of their own; anything else is kept as it is."""
    annotation, _ = _unwrap(info.annotation)
    origin = typing.get_origin(annotation)
    if origin is list:
        return typing.get_args(annotation) in ((str,),)
    if _is_model(annotation):
        return all(_plain(sub) for sub in annotation.model_fields.values())
    return _plain(info)


def _plain(info: FieldInfo) -> bool:
    annotation, _ = _unwrap(info.annotation)
    origin = typing.get_origin(annotation)
    return (
        annotation in (str, int, float, bool)
        or origin is Literal
        or (origin is list and typing.get_args(annotation) in ((str,),))
    )


def blank(model: type, **values: Any):
    """A valid new item with empty text, the lowest score and the first choice, for a person to fill in."""
    data = {}
    for name, info in model.model_fields.items():
        if name in values or not info.is_required():
            continue
        annotation, optional = _unwrap(info.annotation)
        origin = typing.get_origin(annotation)
        if optional:
            data[name] = None
        elif _is_model(annotation):
            data[name] = blank(annotation)
        elif origin is Literal:
            data[name] = typing.get_args(annotation)[0]
        elif origin is list:
            data[name] = []
        elif annotation in (int, float):
            data[name] = _bounds(info)[0] or 0
        else:
            data[name] = {bool: False, str: ""}.get(annotation, "")
    return model.model_validate({**data, **values})


class FieldWidget:
    """A widget for one field, converting between the widget's value and the field's value.

    `widget` is the input (or, for a group, the box of its inputs); `view` is what a card shows: the input
    with what helps to read it (a slider's end labels).
    """

    def __init__(self, name: str, info: FieldInfo, value: Any, language: str) -> None:
        self.name = name
        self.parts: list[FieldWidget] = []
        self.view: w.Widget | None = None
        annotation, self.optional = _unwrap(info.annotation)
        origin = typing.get_origin(annotation)
        label = field_label(name, language)
        style = {"description_width": "140px"}
        wide = w.Layout(width="98%")
        if _is_model(annotation):  # a group of values, e.g. the five ADKAR scores
            self.model = annotation
            current = value if value is not None else blank(annotation)
            self.parts = [
                FieldWidget(sub, subinfo, getattr(current, sub), language)
                for sub, subinfo in annotation.model_fields.items()
            ]
            heading = w.HTML(f"<b>{escape(label)}</b>")
            heading.add_class("cx-group-label")
            self.widget = w.VBox([heading, *(p.view for p in self.parts)])
            self.widget.add_class("cx-group")
            self.kind = "group"
        elif origin is Literal:
            values = ([""] if self.optional else []) + list(typing.get_args(annotation))
            options = [(choice_label(v, language), v) for v in values]
            self.widget = w.Dropdown(
                options=options,
                value=value if value in values else ("" if self.optional else values[0]),
                description=label,
                style=style,
                layout=wide,
            )
            self.kind = "choice"
        elif annotation is bool:
            self.widget = w.Checkbox(value=bool(value), description=label, indent=False)
            self.kind = "bool"
        elif annotation is int:
            low, high = _bounds(info)
            if low is not None and high is not None and high - low <= 10:
                self.widget = w.IntSlider(
                    value=value if value is not None else low,
                    min=low,
                    max=high,
                    description=label,
                    style=style,
                    continuous_update=False,
                    layout=w.Layout(width="420px", max_width="70%"),
                )
                ends = w.Label(t("ui.scale_ends_signed" if low < 0 else "ui.scale_ends", language, low=low, high=high))
                ends.add_class("cx-scale-ends")
                self.view = w.HBox([self.widget, ends], layout=w.Layout(align_items="center"))
            else:
                self.widget = w.IntText(value=value or 0, description=label, style=style)
            self.kind = "int"
        elif annotation is float:
            self.widget = w.FloatText(value=value or 0.0, description=label, style=style)
            self.kind = "float"
        elif origin is list:
            self.widget = w.Textarea(
                value="\n".join(value or []),
                description=label,
                style=style,
                placeholder=t("ui.one_per_line", language),
                continuous_update=False,
                layout=w.Layout(width="98%", height="64px"),
            )
            self.kind = "lines"
        else:
            long = len(info.description or "") > LONG_TEXT or name in {"insight", "description", "pitch", "why"}
            cls = w.Textarea if long else w.Text
            self.widget = cls(
                value=value or "",
                description=label,
                style=style,
                continuous_update=False,
                layout=w.Layout(width="98%", height="56px") if long else wide,
            )
            self.kind = "text"
        if self.kind != "group":
            # a box has no description, and ipywidgets' box view fails to render with a tooltip (issue 25)
            self.widget.tooltip = info.description or ""
        self.view = self.view or self.widget
        self.widget.add_class(f"cx-field-{self.kind}")  # for people's style sheets, and the browser tests

    def value(self) -> Any:
        if self.kind == "group":
            group = self.model.model_validate({part.name: part.value() for part in self.parts})
            # an optional group left as it was blank (a payback not estimated, a calculator not used) stays None
            return None if self.optional and group == blank(self.model) else group
        raw = self.widget.value
        if self.kind == "lines":
            return [line.strip() for line in raw.splitlines() if line.strip()]
        if self.kind == "choice" and raw == "" and self.optional:
            return None
        if self.kind == "text":
            return raw.strip()
        return raw

    def observe(self, callback) -> None:
        for widget in self.widgets():
            widget.observe(lambda _: callback(), names="value")

    def widgets(self) -> list[w.Widget]:
        """The input widgets (one, or one per value of a group)."""
        return [x for part in self.parts for x in part.widgets()] if self.kind == "group" else [self.widget]
