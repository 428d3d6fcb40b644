"""The Jinja sandbox prompt templates render in, with limits: a template a facilitator (or anyone who can
edit the prompts folder) writes cannot hang the copilot or fill its memory.

Bounded: each `range` and all ranges of one render together, powers, repeated text (`"x" * n`, `"%9999999d"`,
`center(n)`…), every text a template builds, the output, and the time a render takes (checked on every line
of the compiled template, from any thread, so a loop that prints nothing is stopped too).
"""

from __future__ import annotations

import functools
import re
import sys
import threading
import time
from collections.abc import Iterator

from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import Namespace

MAX_RANGE = 10_000  # numbers in one range()
MAX_ITERATIONS = 100_000  # numbers all range() calls of one render may yield together
MAX_EXPONENT = 256
MAX_INT_BITS = 4_096
MAX_TEXT = 2_000_000  # characters in any text or list a template builds, and in its output
MAX_SECONDS = 3.0
WIDE_FORMAT = re.compile(r"(%[-#0 +]*\d{6,})|(\{[^{}]*:[^{}]*\d{6,}[^{}]*\})")


class LimitExceeded(Exception):
    """Raised inside a render; `PromptTemplate` turns it into a `TemplateError` naming file and part."""

    def __init__(self, key: str, **params) -> None:
        self.key, self.params = key, params
        super().__init__(key)


_budget = threading.local()  # per render, per thread: range numbers left and the deadline


def _spend(count: int = 1) -> None:
    left = getattr(_budget, "left", MAX_ITERATIONS) - count
    _budget.left = left
    if left < 0:
        raise LimitExceeded("template_range", count=f"> {MAX_ITERATIONS}", limit=MAX_ITERATIONS)


def bounded_range(*args: int) -> Iterator[int]:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise LimitExceeded("template_range", count=len(numbers), limit=MAX_RANGE)
    for number in numbers:  # counted as they are used, so nested ranges share one budget
        _spend()
        yield number


def _bounded_join(join):
    def bounded(parts):
        parts = list(parts)
        if sum(len(str(part)) for part in parts) > MAX_TEXT:  # `{% set b = a ~ a %}`, doubling line by line
            raise LimitExceeded("template_text", limit=MAX_TEXT)
        return join(parts) if join is not str else "".join(map(str, parts))

    bounded.bounded = True
    return bounded


def _too_big(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return value.bit_length() > MAX_INT_BITS
    return isinstance(value, str | list | tuple | dict) and len(value) > MAX_TEXT


def _check_args(args: tuple, kwargs: dict) -> None:
    """Widths and counts (`center(10**9)`, `"x".ljust(n)`) no larger than a text may be."""
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_TEXT:
            raise LimitExceeded("template_text", limit=MAX_TEXT)


def _check_format(text: object) -> None:
    """A format string with a huge width (`"%999999999d"`, `"{:>999999999}"`) would build a huge text."""
    if isinstance(text, str) and WIDE_FORMAT.search(text):
        raise LimitExceeded("template_text", limit=MAX_TEXT)


def _bounded_filter(name: str, function):
    @functools.wraps(function)  # keeps Jinja's pass_context markers
    def bounded(*args, **kwargs):
        values = [a for a in args if isinstance(a, str | int | float | list | tuple | dict)]  # not the context
        if name == "format" and values:
            _check_format(values[0])
        _check_args(tuple(values[1:]), kwargs)  # the first is the value being filtered
        result = function(*args, **kwargs)
        if _too_big(result):
            raise LimitExceeded("template_text", limit=MAX_TEXT)
        return result

    return bounded


class BoundedNamespace(Namespace):
    """`namespace()` whose attributes cannot hold a text that doubles itself past the limit."""

    def __setitem__(self, name, value) -> None:
        if _too_big(value):
            raise LimitExceeded("template_text", limit=MAX_TEXT)
        super().__setitem__(name, value)


class BoundedSandbox(SandboxedEnvironment):
    intercepted_binops = frozenset({"**", "*", "%", "+"})

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.globals["range"] = bounded_range
        self.globals["namespace"] = BoundedNamespace
        self.globals.pop("lipsum", None)  # lipsum(10**9) writes a billion paragraphs
        self.filters = {name: _bounded_filter(name, f) for name, f in self.filters.items()}

    def call_binop(self, context, operator: str, left, right):
        if operator == "**" and isinstance(right, int | float) and abs(right) > MAX_EXPONENT:
            raise LimitExceeded("template_power", limit=MAX_EXPONENT)
        if operator == "*":
            for size, times in ((left, right), (right, left)):
                if isinstance(size, str | list | tuple) and isinstance(times, int) and len(size) * times > MAX_TEXT:
                    raise LimitExceeded("template_text", limit=MAX_TEXT)
        if operator == "%":
            _check_format(left)
        try:
            result = super().call_binop(context, operator, left, right)
        except OverflowError:
            raise LimitExceeded("template_power", limit=MAX_EXPONENT) from None
        if _too_big(result):
            raise LimitExceeded("template_power" if isinstance(result, int) else "template_text", limit=MAX_TEXT)
        return result

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's own signature)
        if getattr(__obj, "__name__", "") != "bounded_range":
            _check_args(args, kwargs)
        if getattr(__obj, "__name__", "") in ("format", "format_map"):  # the sandbox wraps str.format
            _check_format(getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None))
        result = super().call(__context, __obj, *args, **kwargs)
        if _too_big(result):
            raise LimitExceeded("template_text", limit=MAX_TEXT)
        return result


def render_bounded(template, context: dict) -> str:
    """Render a compiled template within the limits; raises `LimitExceeded` (or Jinja's own errors)."""
    _budget.left = MAX_ITERATIONS
    deadline = time.monotonic() + MAX_SECONDS
    previous = sys.gettrace()

    def on_line(frame, event, arg):
        if event == "line" and time.monotonic() > deadline:
            raise LimitExceeded("template_timeout", seconds=MAX_SECONDS)
        return on_line

    def on_call(frame, event, arg):
        if frame.f_code.co_filename == "<template>":
            return on_line
        return previous(frame, event, arg) if previous else None

    # `a ~ b` compiles to a call of str_join in the template's own namespace: bounded there, for this template
    namespace = template.root_render_func.__globals__
    if not getattr(namespace.get("str_join"), "bounded", False):
        namespace["str_join"], namespace["markup_join"] = _bounded_join(str), _bounded_join(namespace["markup_join"])
    parts, size = [], 0
    sys.settrace(on_call)
    try:
        for part in template.generate(**context):
            size += len(part)
            if size > MAX_TEXT:
                raise LimitExceeded("template_text", limit=MAX_TEXT)
            parts.append(part)
    finally:
        sys.settrace(previous)
    return "".join(parts)
