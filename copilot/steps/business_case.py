"""The AI-03 business-case calculator: contacts per year, minutes per contact, the cost of a minute, the share of
contacts an idea affects and the share of their time it saves give a yearly benefit; with one-off and yearly
costs, a payback period. Every input is a range (cautious, optimistic) and so is every result.

The cautious end of a result uses the pessimistic end of every input: the low benefit multiplies the low ends,
the low net gain is the low benefit minus the high yearly costs, the slow payback divides the high one-off costs
by that. Payback is counted up to `HORIZON_MONTHS`: a case whose net gain is nothing (benefits at or below the
yearly costs) or that needs longer than that "does not pay back within five years" — shown as the horizon itself
in the step's `payback_months` (see `payback_range`), so a deck never prints an infinite or negative period.

Pure arithmetic over plain numbers; where the numbers come from is `steps.contact_exports` and
`steps.business_case_draft`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from copilot.errors import StepError
from copilot.i18n import field_label
from copilot.steps.schemas import CaseInputs, Range

HORIZON_MONTHS = 60  # five years: beyond this a business case is not a payback but a hope
PERCENT = ("share_affected", "time_saved")
INPUTS = (
    "contacts_per_year",
    "minutes_per_contact",
    "cost_per_minute",
    "share_affected",
    "time_saved",
    "one_off_costs",
    "yearly_costs",
)


@dataclass(frozen=True)
class Span:
    """A cautious and an optimistic number."""

    low: float
    high: float

    def __mul__(self, other: Span) -> Span:
        return Span(self.low * other.low, self.high * other.high)


@dataclass(frozen=True)
class Result:
    benefit: Span  # per year
    one_off_costs: Span
    yearly_costs: Span
    net: Span  # benefit minus yearly costs: cautious = low benefit − high costs
    payback: tuple[float | None, float | None]  # months (fast, slow); None: not within HORIZON_MONTHS
    has_costs: bool  # whether any cost was entered: without costs there is no payback to speak of


def span(inputs: CaseInputs, name: str) -> Span:
    return Span(getattr(inputs, f"{name}_low"), getattr(inputs, f"{name}_high"))


def check(inputs: CaseInputs, language: str) -> None:
    """Raise a StepError in the person's language naming the first input that cannot be used."""
    for name in INPUTS:
        low, high = getattr(inputs, f"{name}_low"), getattr(inputs, f"{name}_high")
        for end, value in (("low", low), ("high", high)):
            label = field_label(f"{name}_{end}", language)  # as the editor labels the box to correct
            if not math.isfinite(value):
                raise StepError(key="calculator_not_a_number", input=label)
            if value < 0:
                raise StepError(key="calculator_negative", input=label, value=_plain(value))
            if name in PERCENT and value > 100:
                raise StepError(key="calculator_over_100", input=label, value=_plain(value))
        if low > high:
            label = field_label(name, language)
            raise StepError(key="calculator_low_above_high", input=label, low=_plain(low), high=_plain(high))


def calculate(inputs: CaseInputs, language: str = "en") -> Result:
    """The yearly benefit, the costs and the payback period (months) of `inputs`, each as a range."""
    check(inputs, language)
    share = Span(span(inputs, "share_affected").low / 100, span(inputs, "share_affected").high / 100)
    saved = Span(span(inputs, "time_saved").low / 100, span(inputs, "time_saved").high / 100)
    benefit = (
        span(inputs, "contacts_per_year")
        * share
        * saved
        * span(inputs, "minutes_per_contact")
        * span(inputs, "cost_per_minute")
    )
    one_off, yearly = span(inputs, "one_off_costs"), span(inputs, "yearly_costs")
    net = Span(benefit.low - yearly.high, benefit.high - yearly.low)
    payback = (_months(one_off.low, net.high), _months(one_off.high, net.low))
    has_costs = one_off.high > 0 or yearly.high > 0
    return Result(benefit, one_off, yearly, net, payback, has_costs)


def _months(one_off: float, net_per_year: float) -> float | None:
    if net_per_year <= 0:
        return None
    months = 12 * one_off / net_per_year
    return months if months <= HORIZON_MONTHS else None


def payback_range(result: Result) -> Range | None:
    """The step's `payback_months`: whole months, rounded up; the horizon where it is not reached within it
    (`HORIZON_MONTHS`–`HORIZON_MONTHS` when not even the optimistic case pays back); None without costs."""
    if not result.has_costs:
        return None
    fast, slow = (HORIZON_MONTHS if m is None else math.ceil(m) for m in result.payback)
    return Range(low=fast, high=slow)


def _plain(value: float) -> str:
    return f"{value:g}"


# --- numbers as a CX professional writes them -----------------------------------------------------------------


def number(value: float, language: str, decimals: int = 0) -> str:
    """12400 -> "12.400" (nl) or "12,400" (en); 0.75 -> "0,75" / "0.75"."""
    # half up, as a spreadsheet rounds (and the deck's charts): 130.5k is "131k" in the table and the chart alike
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}"
    if language == "nl":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def between(low: float, high: float, language: str, decimals: int = 0) -> str:
    """ "12.400–15.800", or one number when both ends are the same."""
    if number(low, language, decimals) == number(high, language, decimals):
        return number(low, language, decimals)
    return f"{number(low, language, decimals)}–{number(high, language, decimals)}"


def compact(low: float, high: float, language: str) -> str:
    """A range as people say it on a slide, in one unit chosen by its high end: "950–4.800", "45k–120k",
    "0,8–1,2 mln" (nl) / "0.8–1.2m" (en)."""
    if high >= 1_000_000:
        scale, decimals, unit = 1_000_000, 1, " mln" if language == "nl" else "m"
    elif high >= 100_000:
        scale, decimals, unit = 1000, 0, "k"
    else:
        scale, decimals, unit = 1, 0, ""

    def one(value: float) -> str:
        text = number(value / scale, language, decimals)
        return text.removesuffix(",0").removesuffix(".0") if decimals else text

    if one(low) == one(high):
        return f"{one(low)}{unit}"
    return f"{one(low)}{unit}–{one(high)}{unit}" if unit == "k" else f"{one(low)}–{one(high)}{unit}"


def money(low: float, high: float, language: str, symbol: str) -> str:
    """A range of money: "€ 120k–180k" (nl), "£120k–180k" (en); no symbol when the currency is not set."""
    return with_currency(compact(low, high, language), language, symbol)


def with_currency(amount: str, language: str, symbol: str) -> str:
    """The symbol before an amount as each language writes it: "€ 17.028" (nl), "€17,028" (en)."""
    if not symbol:
        return amount
    return f"{symbol.strip()} {amount}" if language == "nl" else f"{symbol}{amount}"


MONTHS = {
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
    "nl": "jan feb mrt apr mei jun jul aug sep okt nov dec".split(),
}


def day(when: date, language: str) -> str:
    """ "1 Jan 2026" / "1 jan 2026": a date a reader does not have to decode."""
    return f"{when.day} {MONTHS.get(language, MONTHS['en'])[when.month - 1]} {when.year}"
