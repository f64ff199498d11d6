"""Derived measures of a before->after change (pure functions, one formula each).

Percentages are in percent units throughout (95 means 95 %), as in the mentions table. Each function
returns ``nan`` where its measure is undefined, so that the result can go straight into a float column.
"""
from __future__ import annotations

import math

#: Percentages are bounded by this value (percent units).
FULL_PERCENT = 100.0


def percentage_point_change(before: float, after: float) -> float:
    """Return ``after - before`` in percentage points (80 % -> 95 % is +15 pp)."""
    return float(after) - float(before)


def relative_error_reduction(before: float, after: float) -> float:
    """Return the share of errors removed, ``(after - before) / (100 - before)``.

    An accuracy of 80 % leaves 20 % errors; at 95 % 5 % remain, so 15 of the 20 points (0.75) are
    removed. Undefined (``nan``) when ``before`` is already 100 %.

    Examples
    --------
    >>> relative_error_reduction(80, 95)
    0.75
    """
    remaining = FULL_PERCENT - float(before)
    if remaining == 0:
        return math.nan
    return (float(after) - float(before)) / remaining


def logit(percent: float) -> float:
    """Return the log odds ``ln(p / (1 - p))`` of a percentage ``percent`` (``p = percent / 100``)."""
    share = float(percent) / FULL_PERCENT
    if not 0.0 < share < 1.0:
        return math.nan
    return math.log(share / (1.0 - share))


def log_odds_change(before: float, after: float) -> float:
    """Return ``logit(after / 100) - logit(before / 100)``; ``nan`` at 0 % or 100 %.

    Unlike the percentage-point change, the log-odds change treats 80 -> 95 and 95 -> 98.8 as the same
    step (both multiply the odds by about 4.75).
    """
    return logit(after) - logit(before)


def relative_change(before: float, after: float) -> float:
    """Return ``(after - before) / before`` for any unit; ``nan`` when ``before`` is 0.

    Examples
    --------
    >>> relative_change(7, 2)  # 6 to 8 weeks (midpoint 7) down to 2 weeks
    -0.7142857142857143
    """
    if float(before) == 0:
        return math.nan
    return (float(after) - float(before)) / float(before)


def midpoint(low: float, high: float | None) -> float:
    """Return the midpoint of a range, or ``low`` when there is no (finite) high end."""
    if high is None or (isinstance(high, float) and math.isnan(high)):
        return float(low)
    return (float(low) + float(high)) / 2.0
