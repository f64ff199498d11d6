"""Derived measures of a before->after change (pure functions, one formula each).

Percentages are in percent units throughout (95 means 95 %), as in the mentions table. Each function
takes scalars, arrays or Series (returning the same kind, keeping a Series' index) and gives ``nan``
where its measure is undefined, so that results go straight into a float column. The build stores
these measures in ``accuracy_pairs.csv`` and the analyses recompute them with the same code.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

#: Percentages are bounded by this value (percent units).
FULL_PERCENT = 100.0


def _percent_array(values, name: str):
    # Lists become arrays; Series and scalars pass through so that results keep their index.
    if isinstance(values, (list, tuple)):
        values = np.asarray(values, dtype=float)
    check = np.asarray(values, dtype=float)
    if np.any((check < 0) | (check > FULL_PERCENT)):
        raise ValueError(f"{name} must be percentages between 0 and 100 (percent units, 95 means 95 %).")
    return values


def percentage_point_change(before, after):
    """Return ``after - before`` in percentage points (80 % -> 95 % is +15 pp). Vectorised.

    Parameters
    ----------
    before, after : float, array-like or Series
        Percentages in percent units.

    Raises
    ------
    ValueError
        If a value lies outside 0-100.
    """
    return _percent_array(after, "after") - _percent_array(before, "before")


def relative_error_reduction(before, after):
    """Return the share of errors removed, ``(after - before) / (100 - before)``. Vectorised.

    80 % -> 95 % leaves 5 of the 20 error points, so 0.75 of the errors are removed. ``nan`` where
    ``before`` is 100 % (no errors to remove), matching the build's stored column.
    """
    before = _percent_array(before, "before")
    after = _percent_array(after, "after")
    remaining = FULL_PERCENT - before
    with np.errstate(divide="ignore", invalid="ignore"):
        result = (after - before) / np.where(np.asarray(remaining) == 0, np.nan, remaining)
    if isinstance(before, pd.Series) or isinstance(after, pd.Series):
        index = before.index if isinstance(before, pd.Series) else after.index
        return pd.Series(np.asarray(result, dtype=float), index=index)
    return result if np.ndim(result) else float(result)


def _logit_percent(percent):
    share = np.asarray(percent, dtype=float) / FULL_PERCENT
    with np.errstate(divide="ignore", invalid="ignore"):
        odds = np.log(share / (1.0 - share))
    # 0 % and 100 % have infinite log odds; nan keeps them out of means and regressions.
    return np.where((share > 0) & (share < 1), odds, np.nan)


def log_odds_change(before, after):
    """Return ``logit(after/100) - logit(before/100)``, the log of the odds ratio. Vectorised.

    80 % -> 95 %: ``ln(19) - ln(4) = 1.558``. Unlike percentage points, equal log-odds steps are equally
    hard near the ceiling and in the middle. ``nan`` at exactly 0 % or 100 %.
    """
    before = _percent_array(before, "before")
    after = _percent_array(after, "after")
    result = _logit_percent(after) - _logit_percent(before)
    if isinstance(before, pd.Series) or isinstance(after, pd.Series):
        index = before.index if isinstance(before, pd.Series) else after.index
        return pd.Series(result, index=index)
    return result if np.ndim(result) else float(result)


def relative_change(before, after):
    """Return ``(after - before) / before`` for any unit (6-8 weeks, midpoint 7 -> 2 weeks: -0.714). Vectorised.

    ``nan`` where ``before`` is 0.
    """
    if isinstance(before, (list, tuple)):
        before = np.asarray(before, dtype=float)
    if isinstance(after, (list, tuple)):
        after = np.asarray(after, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        denominator = np.where(np.asarray(before, dtype=float) == 0, np.nan, before)
        result = (np.asarray(after, dtype=float) - np.asarray(before, dtype=float)) / denominator
    if isinstance(before, pd.Series) or isinstance(after, pd.Series):
        index = before.index if isinstance(before, pd.Series) else after.index
        return pd.Series(result, index=index)
    return result if np.ndim(result) else float(result)



def midpoint(low: float, high: float | None) -> float:
    """Return the midpoint of a range, or ``low`` when there is no (finite) high end."""
    if high is None or (isinstance(high, float) and math.isnan(high)):
        return float(low)
    return (float(low) + float(high)) / 2.0
