"""Tolerance and verdict rules: mechanical, from the claim's own bound and precision.

A claim becomes an interval of values it is consistent with:

* ``eq``: half a step of its last written digit either side (7.7 万 -> [76,500, 77,500); 37 -> [36.5, 37.5));
  the step of ``660`` is 10 (a trailing zero is read as rounding), of ``320 万`` 100,000;
* ``gt``/``ge``/``lt``/``le``: the open or closed half-line (超过 16 万 -> (160,000, inf));
* ``approx``: one whole step either side; ``range``: from the low end to the high end, half a step out;
* a date: every day of the month or year written (2019 年 5 月 -> 2019-05-01 .. 2019-05-31).

Evidence is an interval too (a point for a measured count or a dated day, a half-line for a lower bound,
a month for a source that gives only the month). Then ``consistent`` if the evidence lies inside the claim's
interval, ``inconsistent`` if the two are disjoint, and ``not_checkable`` otherwise (the evidence neither
confirms nor contradicts: a lower bound below the claim). No evidence is ``not_checkable``, never inconsistent.
(:mod:`.tables` adds one rule of time: a count stated before the claim's year and lower, or after it and higher,
is what growth allows, so it does not contradict a cumulative claim either.)
"""
from __future__ import annotations

import calendar
import datetime
import math
import re
from dataclasses import dataclass

from ..dataset.schemas import VERDICTS

__all__ = ["VERDICTS", "Interval", "precision_step", "count_interval", "date_interval", "parse_iso_date", "verdict", "bracketed"]
INF = math.inf
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def contains(self, other: "Interval") -> bool:
        low_ok = other.low > self.low or (other.low == self.low and (not self.low_open or other.low_open))
        high_ok = other.high < self.high or (other.high == self.high and (not self.high_open or other.high_open))
        return low_ok and high_ok

    def disjoint(self, other: "Interval") -> bool:
        def before(a: Interval, b: Interval) -> bool:  # a entirely below b
            return a.high < b.low or (a.high == b.low and (a.high_open or b.low_open))
        return before(self, other) or before(other, self)


def precision_step(surface: str, value: float) -> float:
    """Size of one unit of the last written digit, in the value's unit (7.7 万 -> 1,000; 660 -> 10)."""
    digits = _NUMBER.findall(surface or "")
    if not digits or not value:
        magnitude = 10 ** math.floor(math.log10(abs(value))) if value else 1.0
        return 1.0 if abs(value) < 10 else float(magnitude)
    written = digits[0]
    scale = value / float(written) if float(written) else 1.0
    if "." in written:
        step = 10.0 ** -len(written.split(".")[1])
    else:
        zeros = len(written) - len(written.rstrip("0")) if written.strip("0") else 0
        step = 10.0 ** zeros
    return step * scale


def count_interval(value: float, bound: str, *, value_high: float | None = None, step: float = 1.0) -> Interval:
    """The values a count or percentage written with ``bound`` and precision ``step`` is consistent with."""
    if bound == "gt":
        return Interval(value, INF, low_open=True)
    if bound == "ge":
        return Interval(value, INF)
    if bound == "lt":
        return Interval(-INF, value, high_open=True)
    if bound == "le":
        return Interval(-INF, value)
    if bound == "approx":
        return Interval(value - step, value + step)
    if bound == "range" and value_high is not None and not _missing(value_high):
        return Interval(value - step / 2, value_high + step / 2, high_open=True)
    return Interval(value - step / 2, value + step / 2, high_open=True)


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or str(value) in ("<NA>", "nan", "")


def date_interval(year: int, month: int | None = None, day: int | None = None, *,
                  year_end: int | None = None, month_end: int | None = None) -> Interval:
    """Days (proleptic ordinals) covered by a date written to the year, month or day (or a range of them)."""
    start = datetime.date(int(year), int(month or 1), int(day or 1))
    end_year = int(year_end) if not _missing(year_end) else int(year)
    end_month = int(month_end) if not _missing(month_end) else (int(month) if not _missing(month) else None)
    if not _missing(day) and _missing(year_end):
        end = start
    elif end_month is not None:
        end = datetime.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    else:
        end = datetime.date(end_year, 12, 31)
    return Interval(start.toordinal(), end.toordinal())


def parse_iso_date(text: str) -> Interval:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as the interval of days it covers."""
    parts = [int(p) for p in str(text).split("-")]
    return date_interval(*parts)


def verdict(claim: Interval, evidence: Interval | None) -> str:
    """``consistent``, ``inconsistent`` or ``not_checkable`` for one piece of evidence."""
    if evidence is None:
        return "not_checkable"
    if claim.contains(evidence):
        return "consistent"
    if claim.disjoint(evidence):
        return "inconsistent"
    return "not_checkable"


def side(claim: Interval, evidence: Interval) -> int:
    """-1 if the evidence lies entirely below the claim, +1 above, 0 otherwise."""
    if evidence.high < claim.low or (evidence.high == claim.low and (evidence.high_open or claim.low_open)):
        return -1
    if evidence.low > claim.high or (evidence.low == claim.high and (evidence.low_open or claim.high_open)):
        return 1
    return 0


def bracketed(claim: Interval, dated: list[tuple[datetime.date, Interval]]) -> bool:
    """Whether dated observations of a growing figure fall below the claim earlier and above it later."""
    below = [when for when, ev in dated if side(claim, ev) < 0]
    above = [when for when, ev in dated if side(claim, ev) > 0]
    return bool(below and above and min(below) <= max(above))
