"""Analyses of the processed claim tables: every number a notebook reports comes from a function here.

The functions take the processed tables (``load_claims()``, ``load_accuracy_pairs()``,
``load_platforms()``, ``load_timeline()`` from :mod:`ecoanalysis.claims`) and return DataFrames or small
frozen dataclasses; none of them writes files or draws. Percentages are in percent units (95 means 95 %)
as in the tables; fractions (0.75) are named as such.

Functions that take the claims table keep only rows with ``kind == "claim"`` when a ``kind`` column is
present, so the mentions table (which also holds structural numbers and noise) can be passed as well.

Notebook map (one question each):

1. inventory         :func:`claim_inventory`, :func:`precision_mix`
2. accuracy          :func:`accuracy_claims`, :func:`accuracy_changes`, :func:`gain_vs_baseline_model`,
                     :func:`binomial_interval`
3. ecosystems        :func:`ecosystem_scale`, :func:`derived_ratios`
4. funding           :func:`implied_previous_share`, :func:`implied_counts`
5. timeline          :func:`timeline_events`
6. precision         :func:`round_number_heaping`, :func:`benford_test`, :func:`repeated_claims`
7. platforms         :func:`platforms_by`
"""
from __future__ import annotations

import math
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd

from ._measures import FULL_PERCENT, log_odds_change, percentage_point_change, relative_change, relative_error_reduction

__all__ = [
    "BENFORD_DIGITS",
    "ECOSYSTEM_SUBJECTS",
    "PRECISION_CLASS",
    "PRECISION_CLASSES",
    "RATIO_SPECS",
    "RESTATEMENT",
    "SAME_NUMBER",
    "ACADEMIC_HOST_MARKERS",
    "BenfordResult",
    "GainModel",
    "RatioSpec",
    "SmallSampleWarning",
    "accuracy_changes",
    "academic_hosts",
    "accuracy_claims",
    "benford_expected",
    "benford_power",
    "benford_test",
    "benford_values",
    "binomial_interval",
    "claim_inventory",
    "clause_with",
    "derived_ratios",
    "distinct_events",
    "ecosystem_scale",
    "first_significant_digit",
    "gain_vs_baseline_model",
    "implied_counts",
    "implied_previous_share",
    "log_odds_change",
    "percentage_point_change",
    "platforms_by",
    "precision_mix",
    "ratio_bound",
    "relative_change",
    "relative_error_reduction",
    "repeated_claims",
    "round_number_heaping",
    "select_claims",
    "significant_digits",
    "timeline_events",
]


#: How precise a stated figure is, by the quantity engine's ``bound`` code.
PRECISION_CLASS: dict[str, str] = {
    "eq": "exact",
    "gt": "lower bound",
    "ge": "lower bound",
    "lt": "upper bound",
    "le": "upper bound",
    "approx": "approximate",
    "range": "range",
    "vague": "vague",
}
#: Precision classes in display order (most to least precise).
PRECISION_CLASSES: tuple[str, ...] = ("exact", "lower bound", "upper bound", "approximate", "range", "vague")

#: ``repeated_claims`` label for one subject's figure stated again (same ``subject_en`` and ``metric_en``).
RESTATEMENT = "restatement"
#: ``repeated_claims`` label for one number stated for different subjects (same ``value`` and ``metric_en``).
SAME_NUMBER = "same number, different subject"

_LOWER_BOUNDS = frozenset({"gt", "ge"})
_UPPER_BOUNDS = frozenset({"lt", "le"})


class SmallSampleWarning(UserWarning):
    """An estimate was computed from fewer observations than it needs to be more than descriptive."""


# --------------------------------------------------------------------------------------------------
# helpers


def _require(data: pd.DataFrame, columns: Iterable[str], function: str) -> None:
    missing = [column for column in columns if column not in data.columns]
    if missing:
        raise KeyError(f"{function}() needs column(s) {missing}; the table has {list(data.columns)}.")


def _claims_only(claims: pd.DataFrame, kinds: Sequence[str] | None = ("claim",)) -> pd.DataFrame:
    if kinds is None or "kind" not in claims.columns:
        return claims
    return claims[claims["kind"].isin(list(kinds))]


def _as_tuple(names: str | Sequence[str] | None) -> tuple[str, ...]:
    if names is None:
        return ()
    if isinstance(names, str):
        return (names,)
    return tuple(names)


def _precision_class(bounds: pd.Series) -> pd.Series:
    unknown = sorted(set(bounds.dropna()) - set(PRECISION_CLASS))
    if unknown:
        raise ValueError(f"Unknown bound code(s) {unknown}; expected one of {sorted(PRECISION_CLASS)}.")
    return bounds.map(PRECISION_CLASS)


def _normalise_text(value: object) -> object:
    # Codebook wording is compared case- and whitespace-insensitively so "PaddlePaddle " still matches.
    if isinstance(value, str):
        return " ".join(value.split()).casefold()
    return value


def clause_with(sentence: str, surface: str) -> str:
    """Return the clause of ``sentence`` (split at ，；。：) that contains ``surface``, for quoting a claim.

    Raises
    ------
    LookupError
        If no clause contains ``surface``.
    """
    import re

    for clause in re.split(r"[，；。：,;]", str(sentence)):
        if surface in clause:
            return clause.strip()
    raise LookupError(f"{surface!r} is not in the sentence {sentence!r}.")


def select_claims(
    claims: pd.DataFrame,
    *,
    expect: int | None = None,
    contains: Mapping[str, str] | None = None,
    **equals: object,
) -> pd.DataFrame:
    """Select claims by column values, so notebooks never pick rows by position.

    Text is compared case- and whitespace-insensitively (as in :data:`RATIO_SPECS`).

    Parameters
    ----------
    claims : DataFrame
    expect : int, optional
        Raise a :class:`LookupError` unless exactly this many rows match; the message lists the
        candidates that match the first criterion, so codebook wording drift is easy to fix.
    contains : mapping of column -> str, optional
        Keep rows whose column contains the text (after normalisation).
    **equals
        ``column=value`` (or a list/tuple/set of accepted values), e.g. ``subject_en="Gitee", unit="percent"``.

    Returns
    -------
    DataFrame
        Matching rows (``kind == "claim"`` only, when present), in report order, index reset.
    """
    contains = dict(contains or {})
    _require(claims, [*equals, *contains], "select_claims")
    data = _claims_only(claims)
    if "line" in data:
        data = data.sort_values("line", kind="stable")
    mask = pd.Series(True, index=data.index)
    for column, wanted in equals.items():
        accepted = wanted if isinstance(wanted, (list, tuple, set, frozenset)) else [wanted]
        accepted = {_normalise_text(value) for value in accepted}
        mask &= data[column].map(_normalise_text).isin(accepted)
    for column, text in contains.items():
        needle = _normalise_text(text)
        mask &= data[column].map(lambda value: isinstance(value, str) and needle in _normalise_text(value))
    result = data[mask].reset_index(drop=True)
    if expect is not None and len(result) != expect:
        criteria = {**equals, **{f"{k} contains": v for k, v in contains.items()}}
        first = next(iter(equals.items()), None)
        shown = [c for c in ("mention_id", "subject_en", "metric_en", "value", "bound") if c in data]
        candidates = (
            data[data[first[0]].map(_normalise_text) == _normalise_text(first[1])][shown].to_string(index=False)
            if first is not None and not isinstance(first[1], (list, tuple, set, frozenset))
            else "(no simple first criterion)"
        )
        raise LookupError(
            f"select_claims: expected {expect} claim(s) matching {criteria}, found {len(result)}. "
            f"Claims matching the first criterion:\n{candidates}"
        )
    return result


# --------------------------------------------------------------------------------------------------
# 1. inventory


def claim_inventory(
    claims: pd.DataFrame,
    *,
    by: str | Sequence[str] = ("chapter", "category"),
    kinds: Sequence[str] | None = ("claim",),
) -> pd.DataFrame:
    """Count claims per group.

    Parameters
    ----------
    claims : DataFrame
        Claims (or mentions) table.
    by : str or sequence of str, default ("chapter", "category")
        Grouping columns.
    kinds : sequence of str or None, default ("claim",)
        Keep rows whose ``kind`` is in this list; ``None`` keeps every row (to count structural numbers
        and noise in the mentions table, pass ``by="kind", kinds=None``).

    Returns
    -------
    DataFrame
        The ``by`` columns, ``n`` and ``share`` (fraction of all counted rows), sorted by ``by``.
        Missing group values are kept as their own group.
    """
    by = _as_tuple(by)
    _require(claims, by, "claim_inventory")
    data = _claims_only(claims, kinds)
    counts = data.groupby(list(by), dropna=False, sort=True).size().rename("n").reset_index()
    counts["share"] = counts["n"] / counts["n"].sum() if len(data) else np.nan
    return counts


def precision_mix(claims: pd.DataFrame, *, by: str | Sequence[str] | None = None) -> pd.DataFrame:
    """Share of claims stated exactly, as lower or upper bounds, approximately, as ranges or vaguely.

    Bound codes are mapped to classes with :data:`PRECISION_CLASS` ("超过 95%" is a lower bound, "约 200
    家" approximate, "数千家" vague).

    Parameters
    ----------
    claims : DataFrame
        Needs ``bound``.
    by : str or sequence of str, optional
        Compute the mix within each group (e.g. ``"category"``).

    Returns
    -------
    DataFrame
        ``by`` columns, ``precision_class`` (ordered categorical, every class present, zero counts
        included), ``n`` and ``share`` (fraction within the group).

    Raises
    ------
    ValueError
        If a bound code is not in :data:`PRECISION_CLASS`.
    """
    by = _as_tuple(by)
    _require(claims, ("bound", *by), "precision_mix")
    data = _claims_only(claims).copy()
    data["precision_class"] = pd.Categorical(_precision_class(data["bound"]), categories=PRECISION_CLASSES, ordered=True)
    if by:
        counts = data.groupby([*by, "precision_class"], observed=False, dropna=False).size().rename("n").reset_index()
        totals = counts.groupby(list(by), dropna=False)["n"].transform("sum")
    else:
        counts = data["precision_class"].value_counts(sort=False).rename("n").rename_axis("precision_class").reset_index()
        totals = counts["n"].sum()
    counts["share"] = counts["n"] / totals
    return counts.sort_values([*by, "precision_class"], kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------------------------------
# 2. accuracy


def accuracy_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """Return the accuracy claims stated in percent, one row per mention, in report order.

    Parameters
    ----------
    claims : DataFrame
        Needs ``category``, ``unit``, ``value``, ``bound``.

    Returns
    -------
    DataFrame
        The identifying columns present (``mention_id``, ``line``, ``subject``, ``subject_en``,
        ``metric_en``, ``pair_id``, ``role``, ``surface``), ``value``, ``bound``, ``precision_class`` and
        ``is_lower_bound`` (most of the report's accuracy figures are "超过/大于 95%").
    """
    _require(claims, ("category", "unit", "value", "bound"), "accuracy_claims")
    data = _claims_only(claims)
    data = data[(data["category"] == "accuracy") & (data["unit"] == "percent")]
    keep = [c for c in ("mention_id", "line", "subject", "subject_en", "metric_en", "pair_id", "role", "surface") if c in data]
    result = data[[*keep, "value", "bound"]].copy()
    result["precision_class"] = _precision_class(result["bound"])
    result["is_lower_bound"] = result["bound"].isin(_LOWER_BOUNDS)
    sort = ["line"] if "line" in result else []
    return result.sort_values(sort, kind="stable").reset_index(drop=True) if sort else result.reset_index(drop=True)


def accuracy_changes(pairs: pd.DataFrame) -> pd.DataFrame:
    """(Re)compute every change measure for before->after pairs.

    Percentage-point change, relative error reduction and log-odds change are defined only for
    percentages and are ``nan`` for other units; the relative change is computed for every unit.

    Parameters
    ----------
    pairs : DataFrame
        Needs ``before``, ``after``, ``unit`` (the build's ``accuracy_pairs``). Optional
        ``before_high``/``after_high`` hold the top of a stated range; the measures then use the range's
        midpoint, as the build does.

    Returns
    -------
    DataFrame
        The identifying columns present (``pair_id``, ``category``, ``subject``, ``subject_en``,
        ``metric_en``, ``line``), ``unit``, ``before``, ``after`` (and ``before_high``/``after_high`` if
        given), ``pp_change``, ``relative_error_reduction``, ``log_odds_change``, ``relative_change``.
    """
    _require(pairs, ("before", "after", "unit"), "accuracy_changes")
    keep = [c for c in ("pair_id", "category", "subject", "subject_en", "metric_en", "line") if c in pairs]
    values = [c for c in ("before", "before_high", "after", "after_high") if c in pairs]
    result = pairs[[*keep, "unit", *values]].copy().reset_index(drop=True)

    def point(column: str) -> pd.Series:
        low = result[column].astype(float)
        high = result[f"{column}_high"].astype(float) if f"{column}_high" in result else pd.Series(np.nan, index=result.index)
        return ((low + high) / 2.0).where(high.notna(), low)

    before_point, after_point = point("before"), point("after")
    is_percent = result["unit"] == "percent"
    before = before_point.where(is_percent)
    after = after_point.where(is_percent)
    result["pp_change"] = after - before
    result["relative_error_reduction"] = relative_error_reduction(before.fillna(0), after.fillna(0)).where(is_percent)
    result["log_odds_change"] = log_odds_change(before.fillna(50), after.fillna(50)).where(is_percent)
    result["relative_change"] = relative_change(before_point, after_point)
    return result


@dataclass(frozen=True)
class GainModel:
    """OLS fit of a change measure on the baseline, with its sample-size caveat.

    Attributes
    ----------
    outcome : str
        Column regressed on ``before`` (``pp_change`` or ``log_odds_change``).
    n : int
        Number of pairs used.
    coefficients : DataFrame
        ``term`` (``intercept``, ``before``), ``estimate``, ``std_error``, ``ci_low``, ``ci_high``, ``p_value``.
    r_squared : float
    residual_df : int
    small_sample : bool
        True when ``n`` is below ``min_n``; the numbers are then descriptive, not evidence.
    note : str
        Plain-language caveat for the notebook.
    """

    outcome: str
    n: int
    coefficients: pd.DataFrame
    r_squared: float
    residual_df: int
    small_sample: bool
    note: str


def gain_vs_baseline_model(
    pairs: pd.DataFrame,
    *,
    outcome: str = "pp_change",
    min_n: int = 10,
    alpha: float = 0.05,
) -> GainModel:
    """Regress the accuracy gain on the baseline accuracy (statsmodels OLS).

    Only percent pairs are used. Shandong Electric's three pairs (80 -> 95, 70 -> 90, 60 -> 80) give a
    slope of -0.25 pp per baseline point, from three points.

    Parameters
    ----------
    pairs : DataFrame
        Needs ``before``, ``after``, ``unit``; the outcome is computed if absent.
    outcome : {"pp_change", "log_odds_change", "relative_error_reduction"}, default "pp_change"
    min_n : int, default 10
        Below this many pairs a :class:`SmallSampleWarning` is issued and ``small_sample`` is True.
    alpha : float, default 0.05
        For the confidence intervals.

    Returns
    -------
    GainModel

    Raises
    ------
    ValueError
        With fewer than 3 usable pairs (no residual degrees of freedom), or an unknown outcome.

    Notes
    -----
    ``pp_change = after - before`` contains ``-before``, so a negative slope appears from the ceiling
    and from regression to the mean even if the improvement has nothing to do with the baseline; the
    log-odds outcome removes the ceiling but not regression to the mean.
    """
    import statsmodels.api as sm

    allowed = ("pp_change", "log_odds_change", "relative_error_reduction")
    if outcome not in allowed:
        raise ValueError(f"outcome must be one of {allowed}; got {outcome!r}.")
    data = accuracy_changes(pairs)
    data = data[data["unit"] == "percent"].dropna(subset=["before", outcome])
    n = len(data)
    if n < 3:
        raise ValueError(f"gain_vs_baseline_model needs at least 3 percent pairs to estimate a slope with an error; got {n}.")
    design = sm.add_constant(data["before"].to_numpy(dtype=float), has_constant="add")
    fit = sm.OLS(data[outcome].to_numpy(dtype=float), design).fit()
    intervals = fit.conf_int(alpha=alpha)
    coefficients = pd.DataFrame(
        {
            "term": ["intercept", "before"],
            "estimate": fit.params,
            "std_error": fit.bse,
            "ci_low": intervals[:, 0],
            "ci_high": intervals[:, 1],
            "p_value": fit.pvalues,
        }
    )
    small = n < min_n
    note = (
        f"OLS of {outcome} on the baseline from n = {n} pairs"
        + (f" (fewer than {min_n}: descriptive only, the interval is wide and the p-value meaningless)" if small else "")
        + ". A gain measured as after - before falls mechanically as the baseline rises (ceiling, regression "
        "to the mean), so a negative slope is expected even without any real relation."
    )
    if small:
        warnings.warn(note, SmallSampleWarning, stacklevel=2)
    return GainModel(
        outcome=outcome,
        n=n,
        coefficients=coefficients,
        r_squared=float(fit.rsquared),
        residual_df=int(fit.df_resid),
        small_sample=small,
        note=note,
    )


_CONFINT_METHODS = ("normal", "agresti_coull", "beta", "wilson", "jeffreys", "binom_test")


def binomial_interval(
    share: float,
    n: int | Sequence[int] = (100, 1_000, 1_000_000),
    *,
    method: str = "wilson",
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Sampling uncertainty of a reported percentage for several possible sample sizes.

    "识别准确率超 95%" on "每天处理 100 万张过车数据": at n = 1,000,000 the 95 % interval is about
    +/-0.04 pp, so sampling error is irrelevant and the real uncertainty lies in what was counted as
    correct and on which test set. At n = 100 it is several points.

    Parameters
    ----------
    share : float
        Reported percentage (percent units).
    n : int or sequence of int, default (100, 1000, 1000000)
        Sample sizes to compare.
    method : str, default "wilson"
        Any method of :func:`statsmodels.stats.proportion.proportion_confint` (``"beta"`` is
        Clopper-Pearson).
    alpha : float, default 0.05

    Returns
    -------
    DataFrame
        ``share``, ``n``, ``successes`` (``share`` of ``n``, rounded to an integer), ``method``,
        ``ci_low``, ``ci_high`` (percent) and ``half_width_pp`` (half the interval, percentage points).
    """
    from statsmodels.stats.proportion import proportion_confint

    if method not in _CONFINT_METHODS:
        raise ValueError(f"method must be one of {_CONFINT_METHODS}; got {method!r}.")
    if not 0 <= share <= FULL_PERCENT:
        raise ValueError(f"share must be a percentage between 0 and 100; got {share}.")
    sizes = [int(n)] if np.ndim(n) == 0 else [int(size) for size in n]
    if any(size <= 0 for size in sizes):
        raise ValueError(f"Every n must be positive; got {sizes}.")
    rows = []
    for size in sizes:
        successes = int(round(share / FULL_PERCENT * size))
        low, high = proportion_confint(successes, size, alpha=alpha, method=method)
        rows.append(
            {
                "share": float(share),
                "n": size,
                "successes": successes,
                "method": method,
                "ci_low": 100.0 * float(low),
                "ci_high": 100.0 * float(high),
                "half_width_pp": 50.0 * (float(high) - float(low)),
            }
        )
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------------------
# 3. ecosystems


#: The platforms and communities whose size the ecosystem notebook compares, as the codebook names them
#: (``subject_en``, see build/codebook/GUIDE.md), in display order.
ECOSYSTEM_SUBJECTS: tuple[str, ...] = (
    "PaddlePaddle",
    "PaddlePaddle open-source community",
    "AI Studio",
    "Baidu AI Open Platform",
    "EasyDL",
    "Apollo open platform",
    "Apollo developer community",
    "Gitee",
    "XuperChain",
    "Baidu AI Cloud",
    "Baidu AI Accelerator",
)


def ecosystem_scale(
    claims: pd.DataFrame,
    *,
    categories: Sequence[str] = ("adoption", "scale"),
    units: Sequence[str] | None = ("count",),
) -> pd.DataFrame:
    """Size claims (developers, enterprises, models, partners...) ready to plot on a log axis.

    Parameters
    ----------
    claims : DataFrame
        Needs ``category``, ``unit``, ``value``, ``bound``.
    categories : sequence of str, default ("adoption", "scale")
    units : sequence of str or None, default ("count",)
        Keep only these units so counts are not mixed with percentages on one axis; None keeps all.

    Returns
    -------
    DataFrame
        Identifying columns present (``mention_id``, ``line``, ``category``, ``subject``,
        ``subject_en``, ``metric_en``, ``counter``, ``as_of``), ``value``, ``value_high``, ``unit``,
        ``bound``, ``precision_class``, ``is_lower_bound``, ``is_upper_bound``, sorted by value
        (largest first). Plot lower bounds as lower bounds (open marker or arrow), not as points.
        Rows without a value (vague figures) are dropped.
    """
    _require(claims, ("category", "unit", "value", "bound"), "ecosystem_scale")
    data = _claims_only(claims)
    data = data[data["category"].isin(list(categories)) & data["value"].notna()]
    if units is not None:
        data = data[data["unit"].isin(list(units))]
    keep = [c for c in ("mention_id", "line", "category", "subject", "subject_en", "metric_en", "counter", "as_of") if c in data]
    result = data[keep].copy()
    result["value"] = data["value"].astype(float)
    result["value_high"] = data["value_high"].astype(float) if "value_high" in data else np.nan
    result["unit"] = data["unit"]
    result["bound"] = data["bound"]
    result["precision_class"] = _precision_class(result["bound"])
    result["is_lower_bound"] = result["bound"].isin(_LOWER_BOUNDS)
    result["is_upper_bound"] = result["bound"].isin(_UPPER_BOUNDS)
    return result.sort_values("value", ascending=False, kind="stable").reset_index(drop=True)


@dataclass(frozen=True)
class RatioSpec:
    """A derived ratio: which claim is the numerator and which the denominator.

    ``numerator`` and ``denominator`` are column -> value selections on the claims table, usually
    ``{"subject_en": ..., "metric_en": ...}``; text is compared case- and whitespace-insensitively.
    A ``line`` key can disambiguate a figure stated more than once.
    """

    name: str
    numerator: Mapping[str, object]
    denominator: Mapping[str, object]
    note: str = ""


#: Ratios the ecosystem notebook reports. The selections must match the codebook's ``subject_en`` /
#: ``metric_en`` wording exactly (up to case and spaces); :func:`derived_ratios` raises a KeyError that
#: lists the candidates when one does not, so wording drift is caught rather than silently dropped.
RATIO_SPECS: tuple[RatioSpec, ...] = (
    RatioSpec(
        "PaddlePaddle models per developer",
        {"subject_en": "PaddlePaddle", "metric_en": "models"},
        {"subject_en": "PaddlePaddle", "metric_en": "developers"},
        "36 万 models / 320 万 developers (line 629-631).",
    ),
    RatioSpec(
        "PaddlePaddle enterprises served per developer",
        {"subject_en": "PaddlePaddle", "metric_en": "enterprises served"},
        {"subject_en": "PaddlePaddle", "metric_en": "developers"},
        "12 万 enterprises / 320 万 developers (line 629-631).",
    ),
    RatioSpec(
        "Gitee repositories per developer",
        {"subject_en": "Gitee", "metric_en": "code repositories"},
        {"subject_en": "Gitee", "metric_en": "developers"},
        "超过 1100 万 repositories / 超过 500 万 developers (line 709).",
    ),
    RatioSpec(
        "Gitee new repositories per new developer (daily)",
        {"subject_en": "Gitee", "metric_en": "new code repositories per day"},
        {"subject_en": "Gitee", "metric_en": "new developers per day"},
        "1.7 万 repositories / 5000 developers a day (line 707).",
    ),
    RatioSpec(
        "AI Open Platform daily API calls per developer",
        {"subject_en": "Baidu AI Open Platform", "metric_en": "daily API calls"},
        {"subject_en": "Baidu AI Open Platform", "metric_en": "developers"},
        "突破一万亿次 calls a day / 320 万 developers (lines 663-669).",
    ),
)


def ratio_bound(numerator_bound: str, denominator_bound: str) -> tuple[str, str]:
    """What the ratio of two stated figures is, given what each figure is.

    Dividing by a lower bound gives an upper bound, so the direction flips with the denominator; a
    ratio of two lower bounds is no bound at all.

    Parameters
    ----------
    numerator_bound, denominator_bound : str
        Bound codes (``eq``, ``gt``, ``ge``, ``lt``, ``le``, ``approx``, ``range``, ``vague``).

    Returns
    -------
    (str, str)
        ``ratio_bound`` (``eq``, ``gt`` = the ratio is at least this, ``lt`` = at most this, ``approx``,
        ``none`` = no bound, ``undefined``) and a caveat sentence.
    """
    top = PRECISION_CLASS.get(numerator_bound)
    bottom = PRECISION_CLASS.get(denominator_bound)
    if top is None or bottom is None:
        raise ValueError(f"Unknown bound code(s): {numerator_bound!r}, {denominator_bound!r}.")
    if "vague" in (top, bottom):
        return "undefined", "At least one side is a vague quantity (数千, 百万级); the ratio is an order of magnitude at most."
    if "range" in (top, bottom) or "approximate" in (top, bottom):
        return "approx", "At least one side is approximate or a range; the ratio is approximate."
    # +1: the stated figure is a lower bound (true value larger), -1: an upper bound, 0: exact.
    direction = {"exact": 0, "lower bound": 1, "upper bound": -1}
    combined = (direction[top], -direction[bottom])
    if combined == (0, 0):
        return "eq", "Both figures are stated without a qualifier, but as rounded headline numbers the ratio is only as exact as their rounding."
    if 1 in combined and -1 in combined:
        return "none", (
            "The two bounds pull in opposite directions (e.g. a lower bound divided by a lower bound): the "
            "ratio is not a bound, the true ratio may be larger or smaller."
        )
    if 1 in combined:
        return "gt", "The true ratio is at least this (numerator a lower bound or denominator an upper bound)."
    return "lt", "The true ratio is at most this (numerator an upper bound or denominator a lower bound)."


def _select(claims: pd.DataFrame, selection: Mapping[str, object]) -> pd.DataFrame:
    mask = pd.Series(True, index=claims.index)
    for column, wanted in selection.items():
        if column not in claims:
            raise KeyError(f"Ratio selection uses column {column!r}, which the claims table does not have.")
        mask &= claims[column].map(_normalise_text) == _normalise_text(wanted)
    return claims[mask]


def derived_ratios(
    claims: pd.DataFrame,
    *,
    ratios: Sequence[RatioSpec] = RATIO_SPECS,
    strict: bool = True,
) -> pd.DataFrame:
    """Compute ratios between claims (models per developer, repositories per developer...).

    Parameters
    ----------
    claims : DataFrame
        Needs ``value``, ``bound`` and the columns the selections use.
    ratios : sequence of RatioSpec, default :data:`RATIO_SPECS`
    strict : bool, default True
        Raise when a selection matches no claim, or claims with different values. With False such
        ratios get ``nan`` and the reason in ``status``.

    Returns
    -------
    DataFrame
        One row per ratio: ``name``, ``ratio``, ``ratio_bound`` (see :func:`ratio_bound`), ``caveat``,
        ``numerator_value``, ``numerator_bound``, ``numerator_mention_id``, ``denominator_value``,
        ``denominator_bound``, ``denominator_mention_id``, ``status`` (``ok`` or the problem), ``note``.
        When a figure is stated more than once with the same value, the earliest mention is used.

    Raises
    ------
    KeyError
        (strict) if a selection matches nothing; the message lists the metrics known for that subject.
    ValueError
        (strict) if a selection matches claims with different values.
    """
    _require(claims, ("value", "bound"), "derived_ratios")
    data = _claims_only(claims)
    if "line" in data:
        data = data.sort_values("line", kind="stable")
    rows = []
    for spec in ratios:
        row: dict[str, object] = {"name": spec.name, "status": "ok", "note": spec.note}
        sides = {}
        for side, selection in (("numerator", spec.numerator), ("denominator", spec.denominator)):
            matched = _select(data, selection)
            problem = None
            if matched.empty:
                problem = f"{side} {dict(selection)} matches no claim"
                if strict:
                    subject = selection.get("subject_en")
                    known = (
                        sorted(data.loc[data["subject_en"].map(_normalise_text) == _normalise_text(subject), "metric_en"].dropna().unique())
                        if subject is not None and "subject_en" in data and "metric_en" in data
                        else []
                    )
                    raise KeyError(f"{spec.name}: {problem}. Metrics coded for subject {subject!r}: {known}. "
                                   "Reconcile RATIO_SPECS with the codebook wording.")
            elif not np.allclose(matched["value"].astype(float), float(matched["value"].iloc[0]), equal_nan=True):
                problem = f"{side} {dict(selection)} matches claims with different values {sorted(matched['value'].unique())}"
                if strict:
                    raise ValueError(f"{spec.name}: {problem}; add a 'line' key to the selection.")
            if problem:
                row["status"] = problem
                sides[side] = None
                for key in ("value", "bound", "mention_id"):
                    row[f"{side}_{key}"] = np.nan
                continue
            first = matched.iloc[0]
            sides[side] = first
            row[f"{side}_value"] = float(first["value"])
            row[f"{side}_bound"] = first["bound"]
            row[f"{side}_mention_id"] = first.get("mention_id", np.nan)
        if sides["numerator"] is not None and sides["denominator"] is not None and row["denominator_value"] != 0:
            row["ratio"] = row["numerator_value"] / row["denominator_value"]
            row["ratio_bound"], row["caveat"] = ratio_bound(row["numerator_bound"], row["denominator_bound"])
        else:
            row["ratio"], row["ratio_bound"], row["caveat"] = np.nan, "undefined", ""
        rows.append(row)
    columns = [
        "name", "ratio", "ratio_bound", "caveat",
        "numerator_value", "numerator_bound", "numerator_mention_id",
        "denominator_value", "denominator_bound", "denominator_mention_id",
        "status", "note",
    ]
    return pd.DataFrame(rows, columns=columns)


# --------------------------------------------------------------------------------------------------
# 4. funding


def implied_previous_share(share: float = 62.3, growth_lower_bound: float = 40.0) -> pd.DataFrame:
    """What the previous year's share can have been, under each reading of "较上一年增长 40% 以上".

    The report: in 2020 B-round-and-later deals were 62.3 % of all AI deals, "较上一年增长 40% 以上".

    Parameters
    ----------
    share : float, default 62.3
        This year's share, percent.
    growth_lower_bound : float, default 40.0
        The stated growth ("40 % 以上" is a lower bound), percent.

    Returns
    -------
    DataFrame
        One row per reading: ``reading``, ``formula``, ``implied_previous_share_upper_bound`` (percent;
        the previous share was strictly below it; ``nan`` when not identified), ``comment``.
    """
    g = growth_lower_bound / FULL_PERCENT
    relative = share / (1.0 + g)
    points = share - growth_lower_bound
    rows = [
        {
            "reading": "relative growth of the share",
            "formula": f"previous < {share:g} / (1 + {g:g})",
            "implied_previous_share_upper_bound": relative,
            "comment": f"The share grew by more than {growth_lower_bound:g} % of itself: below {relative:.1f} % in the previous year.",
        },
        {
            "reading": "percentage-point growth of the share",
            "formula": f"previous < {share:g} - {growth_lower_bound:g}",
            "implied_previous_share_upper_bound": points if points >= 0 else np.nan,
            "comment": (
                f"The share rose by more than {growth_lower_bound:g} points: below {points:.1f} % before, i.e. it "
                "nearly tripled in a year." if points >= 0 else "Impossible: the growth exceeds the share."
            ),
        },
        {
            "reading": "growth in the number of B-round-and-later deals",
            "formula": f"B_now > (1 + {g:g}) B_prev; previous share = B_prev / N_prev",
            "implied_previous_share_upper_bound": np.nan,
            "comment": (
                "The previous share is not identified without the total number of deals in both years; only if "
                f"the total N was unchanged does it coincide with the relative reading (< {relative:.1f} %), and "
                "with fewer deals in total (the report says growth slowed) the bound is lower still."
            ),
        },
    ]
    return pd.DataFrame(rows)


def implied_counts(
    total: int = 268,
    shares: Sequence[float] = (95, 90, 100),
    *,
    decimals: int = 0,
    rounding: str = "nearest",
) -> pd.DataFrame:
    """Which whole counts out of ``total`` are consistent with each reported percentage.

    The AI accelerator's 268 member companies: "95 % 接入百度 AI 技术" is 254.6 companies, not a whole
    number; 254 and 255 both round to 95 %. "100 % 实现企业估值提升" is consistent with 267 of 268
    (99.6 % rounds to 100 %).

    Parameters
    ----------
    total : int, default 268
    shares : sequence of float, default (95, 90, 100)
        Reported percentages.
    decimals : int, default 0
        Decimals the percentages were reported with.
    rounding : {"nearest", "down"}, default "nearest"
        ``"nearest"``: k / total rounds half-up to the share; ``"down"``: the share is k / total truncated.

    Returns
    -------
    DataFrame
        ``share``, ``total``, ``implied_count`` (share x total / 100), ``implied_count_is_integer``,
        ``count_min``, ``count_max`` (the consistent whole counts form this range), ``n_consistent``,
        ``share_at_count_min``, ``share_at_count_max`` (percent, unrounded).
    """
    if rounding not in ("nearest", "down"):
        raise ValueError(f"rounding must be 'nearest' or 'down'; got {rounding!r}.")
    if float(total) != int(total) or total <= 0:
        raise ValueError(f"total must be a positive whole number of members; got {total}.")
    total = int(total)  # a count read from the claims table arrives as a float (268.0)
    step = Fraction(1, 10**decimals)
    rows = []
    for share in shares:
        exact = Fraction(str(share))  # str() so 62.3 is 623/10, not its binary approximation
        low, high = (exact - step / 2, exact + step / 2) if rounding == "nearest" else (exact, exact + step)
        # Consistent k satisfy low <= 100 k / total < high (half-open: half-up rounding).
        k_min = max(0, math.ceil(low * total / 100))
        k_max = min(total, math.ceil(high * total / 100) - 1)
        implied = exact * total / 100
        consistent = k_max >= k_min
        rows.append(
            {
                "share": float(share),
                "total": total,
                "implied_count": float(implied),
                "implied_count_is_integer": implied.denominator == 1,
                "count_min": k_min if consistent else pd.NA,
                "count_max": k_max if consistent else pd.NA,
                "n_consistent": max(0, k_max - k_min + 1),
                "share_at_count_min": 100.0 * k_min / total if consistent else np.nan,
                "share_at_count_max": 100.0 * k_max / total if consistent else np.nan,
            }
        )
    result = pd.DataFrame(rows)
    result["count_min"] = result["count_min"].astype("Int64")
    result["count_max"] = result["count_max"].astype("Int64")
    return result


# --------------------------------------------------------------------------------------------------
# 5. timeline


def timeline_events(timeline: pd.DataFrame, *, start: int = 2010, end: int = 2021) -> pd.DataFrame:
    """Dated events between ``start`` and ``end`` with real dates for plotting.

    An event is kept when its span (``year``..``year_end``) overlaps ``start``..``end``, so the
    plan "2020-2030 年" is kept for 2010-2021 while "2035 年远景目标" is not.

    Parameters
    ----------
    timeline : DataFrame
        Needs ``year``; uses ``month``, ``year_end``, ``month_end`` when present.
    start, end : int
        Inclusive years.

    Returns
    -------
    DataFrame
        The input columns plus ``date_start`` (first day of the month, or 1 January when only the year
        is given), ``date_end`` (last day of the end month/year, or of the start month/year for a
        point event) and ``precision`` (``"month"`` or ``"year"``), sorted by ``date_start`` then
        ``line``.
    """
    _require(timeline, ("year",), "timeline_events")
    if start > end:
        raise ValueError(f"start ({start}) is after end ({end}).")
    data = timeline.copy()

    def column(name: str) -> pd.Series:
        return data[name] if name in data else pd.Series(pd.NA, index=data.index)

    year = column("year").astype("Int64")
    month = column("month").astype("Int64")
    is_period = column("year_end").notna()
    year_end = column("year_end").astype("Int64").fillna(year)
    # A period without an end month ends in December; a point event ends with its own month (or year).
    default_end_month = month.fillna(12).where(~is_period, 12)
    month_end = column("month_end").astype("Int64").fillna(default_end_month)

    data["precision"] = np.where(month.notna(), "month", "year")
    data["date_start"] = pd.to_datetime(
        pd.DataFrame({"year": year, "month": month.fillna(1), "day": 1}).astype("int64")
    )
    end_first_day = pd.to_datetime(pd.DataFrame({"year": year_end, "month": month_end, "day": 1}).astype("int64"))
    data["date_end"] = end_first_day + pd.offsets.MonthEnd(0)
    keep = (year <= end) & (year_end >= start)
    data = data[keep.fillna(False).astype(bool)]
    sort = ["date_start", "line"] if "line" in data else ["date_start"]
    return data.sort_values(sort, kind="stable").reset_index(drop=True)


def distinct_events(events: pd.DataFrame) -> pd.DataFrame:
    """Drop restatements of an event: rows with the same dates, ``subject_en`` and ``event_en``.

    The report dates some events twice (the 14th five-year plan, "今年 3 月", in chapters 2 and 4); a
    timeline should show each once. Text is compared case- and whitespace-insensitively; the first
    mention (lowest ``line``) is kept.

    Returns
    -------
    DataFrame
        ``events`` without the repeats, in its original order, index reset, plus ``n_mentions`` (how
        many rows the kept event stands for).
    """
    _require(events, ("year",), "distinct_events")
    keys = [c for c in ("year", "month", "year_end", "month_end", "subject_en", "event_en") if c in events]
    data = events.copy()
    order = data.sort_values("line", kind="stable").index if "line" in data else data.index
    signature = pd.Series(
        ["\x1f".join("" if pd.isna(value) else str(_normalise_text(value)) for value in row) for row in data[keys].itertuples(index=False)],
        index=data.index,
    )
    counts = signature.map(signature.value_counts())
    first = ~signature.loc[order].duplicated(keep="first")
    keep = first.reindex(data.index)
    result = data[keep.to_numpy(dtype=bool)].copy()
    result["n_mentions"] = counts[keep.to_numpy(dtype=bool)].astype(int).to_numpy()
    return result.reset_index(drop=True)


# --------------------------------------------------------------------------------------------------
# 6. precision


def significant_digits(values) -> np.ndarray:
    """Number of significant digits of each value as it is written in shortest decimal form.

    320 万 (3,200,000) has 2, 62.3 has 3, 1266 has 4, 0.1125 has 4. ``nan`` and 0 give 0.
    """
    result = []
    for value in np.asarray(values, dtype=float).ravel():
        if not np.isfinite(value) or value == 0:
            result.append(0)
            continue
        # repr of a Python float is the shortest string that round-trips, so 0.3 stays "0.3".
        result.append(len(Decimal(repr(abs(float(value)))).normalize().as_tuple().digits))
    return np.asarray(result, dtype=int)


def _integer_digits(value: float) -> int:
    return len(str(int(abs(value)))) if abs(value) >= 1 else 0


def round_number_heaping(
    claims: pd.DataFrame,
    *,
    units: Sequence[str] | None = ("count",),
    multiples: Sequence[int] = (5, 10, 100, 1000),
) -> pd.DataFrame:
    """How often stated figures are round numbers, against what unrounded figures would give.

    For each multiple m, among whole values of at least m: the share divisible by m (an unrounded count
    is divisible by m with probability about 1/m). For significant digits, among whole values of at
    least 100: the share written with at most 1 or 2 significant digits (an unrounded D-digit count has
    at most s significant digits with probability 10^-(D-s)). "320 万 developers" is 3,200,000: divisible
    by 1000 and written with 2 significant digits.

    Parameters
    ----------
    claims : DataFrame
        Needs ``value`` and ``unit``; vague figures (``bound == "vague"``, 数千家) are excluded because
        they are round by construction, not by rounding.
    units : sequence of str or None, default ("count",)
    multiples : sequence of int, default (5, 10, 100, 1000)

    Returns
    -------
    DataFrame
        ``criterion``, ``n_eligible``, ``n_matching``, ``share``, ``expected_share_if_unrounded``.
    """
    _require(claims, ("value", "unit"), "round_number_heaping")
    data = _claims_only(claims)
    if units is not None:
        data = data[data["unit"].isin(list(units))]
    if "bound" in data:
        data = data[data["bound"] != "vague"]
    values = data["value"].dropna().astype(float).to_numpy()
    whole = values[np.isclose(values, np.round(values))]
    rows = []
    for m in multiples:
        eligible = whole[whole >= m]
        matching = int(np.sum(np.isclose(np.mod(eligible, m), 0)))
        rows.append(
            {
                "criterion": f"multiple of {m}",
                "n_eligible": len(eligible),
                "n_matching": matching,
                "share": matching / len(eligible) if len(eligible) else np.nan,
                "expected_share_if_unrounded": 1.0 / m,
            }
        )
    eligible = whole[whole >= 100]
    digits = significant_digits(eligible)
    lengths = np.array([_integer_digits(v) for v in eligible])
    for s in (1, 2):
        matching = int(np.sum(digits <= s))
        expected = float(np.mean(10.0 ** -(lengths - s).clip(min=0))) if len(eligible) else np.nan
        rows.append(
            {
                "criterion": f"at most {s} significant digit{'s' if s > 1 else ''}",
                "n_eligible": len(eligible),
                "n_matching": matching,
                "share": matching / len(eligible) if len(eligible) else np.nan,
                "expected_share_if_unrounded": expected,
            }
        )
    return pd.DataFrame(rows)


#: First significant digits 1-9.
BENFORD_DIGITS: tuple[int, ...] = tuple(range(1, 10))


def benford_expected() -> pd.Series:
    """Benford's first-digit probabilities ``log10(1 + 1/d)`` for d = 1..9 (they sum to 1)."""
    digits = np.array(BENFORD_DIGITS)
    return pd.Series(np.log10(1.0 + 1.0 / digits), index=pd.Index(digits, name="digit"), name="expected_share")


def first_significant_digit(values) -> np.ndarray:
    """First significant digit of each non-zero finite value (sign ignored; 0.1125 -> 1, 3.2e6 -> 3)."""
    digits = []
    for value in np.asarray(values, dtype=float).ravel():
        if np.isfinite(value) and value != 0:
            digits.append(Decimal(repr(abs(float(value)))).normalize().as_tuple().digits[0])
    return np.asarray(digits, dtype=int)


def benford_power(n: int, *, effect_size: float = 0.3, alpha: float = 0.05) -> float:
    """Power of the 8-df chi-square first-digit test with ``n`` values against deviation ``effect_size``.

    Uses :class:`statsmodels.stats.power.GofChisquarePower` (analytic, no simulation). ``effect_size``
    is Cohen's w = sqrt(sum((p1 - p0)^2 / p0)): 0.1 small, 0.3 medium, 0.5 large.
    """
    from statsmodels.stats.power import GofChisquarePower

    if n <= 0:
        raise ValueError(f"n must be positive; got {n}.")
    return float(GofChisquarePower().power(effect_size=effect_size, nobs=n, alpha=alpha, n_bins=len(BENFORD_DIGITS)))


@dataclass(frozen=True)
class BenfordResult:
    """First-digit test against Benford's law.

    Attributes
    ----------
    n : int
        Values with a first digit.
    table : DataFrame
        ``digit``, ``observed``, ``observed_share``, ``expected_share``, ``expected_count``.
    chi2, chi2_p : float
        Pearson chi-square statistic (8 df) and p-value.
    g, g_p : float
        Likelihood-ratio (G) statistic and p-value.
    cohens_w : float
        Observed deviation as Cohen's w, ``sqrt(chi2 / n)``.
    power : float
        Power at ``alpha`` to detect a deviation of ``effect_size``.
    effect_size, alpha : float
    min_detectable_w : float
        Smallest Cohen's w detected with 80 % power at this n.
    min_expected_count : float
        Smallest expected cell count (below 5 the chi-square approximation is rough).
    interpretation : str
    """

    n: int
    table: pd.DataFrame
    chi2: float
    chi2_p: float
    g: float
    g_p: float
    cohens_w: float
    power: float
    effect_size: float
    alpha: float
    min_detectable_w: float
    min_expected_count: float
    interpretation: str = field(repr=False)


def benford_values(
    claims: pd.DataFrame,
    *,
    units: Sequence[str] = ("count", "currency"),
) -> pd.DataFrame:
    """The figures a first-digit test may use: counts and money, each figure once, no vague amounts.

    Percentages (bounded by 100) and dates cannot follow Benford's law; vague amounts (数千, 百万级)
    state an order of magnitude, not a first digit. A figure restated with the same value (the same
    ``subject_en`` + ``metric_en``, a ``"restatement"`` in :func:`repeated_claims`) is kept once, at its
    first mention, so restatements do not count twice. The same number stated for a different subject
    (320 万 developers of PaddlePaddle and of the AI Open Platform) is a different figure and is kept.

    Returns
    -------
    DataFrame
        The kept claims (all columns), in report order.
    """
    _require(claims, ("value", "unit"), "benford_values")
    data = _claims_only(claims)
    data = data[data["unit"].isin(list(units)) & data["value"].notna()]
    if "bound" in data:
        data = data[data["bound"] != "vague"]
    if "line" in data:
        data = data.sort_values("line", kind="stable")
    drop: set = set()
    if "mention_id" in data and len(data):
        repeats = repeated_claims(data)
        repeats = repeats[(repeats["match_on"] == RESTATEMENT) & repeats["values_agree"].astype(bool)]
        for _, group in repeats.groupby("group", sort=False):
            drop.update(group["mention_id"].iloc[1:])
        data = data[~data["mention_id"].isin(drop)]
    return data.reset_index(drop=True)


def benford_test(values, *, effect_size: float = 0.3, alpha: float = 0.05) -> BenfordResult:
    """Compare the first significant digits of ``values`` with Benford's law, with the test's power.

    Parameters
    ----------
    values : array-like
        Claim values in natural units (zeros and nan are ignored). Pass each figure once (see
        :func:`repeated_claims`) and only counts or currency: percentages are bounded by 100 and years
        start with 1 or 2, so neither can follow Benford.
    effect_size : float, default 0.3
        Deviation (Cohen's w) for the power statement.
    alpha : float, default 0.05

    Returns
    -------
    BenfordResult

    Notes
    -----
    Benford's law is expected only for figures spanning several orders of magnitude produced by
    multiplicative processes. A report's headline figures are selected and rounded, so a deviation is
    not evidence of invented numbers, and with a few dozen values a non-significant result is no
    evidence of conformity either: the power statement says how large a deviation the test could see.
    """
    from scipy import stats
    from statsmodels.stats.power import GofChisquarePower

    digits = first_significant_digit(values)
    n = len(digits)
    if n == 0:
        raise ValueError("benford_test needs at least one non-zero value.")
    expected_share = benford_expected()
    observed = pd.Series(digits).value_counts().reindex(expected_share.index, fill_value=0)
    expected_count = expected_share * n
    # Renormalise so observed and expected totals agree to the bit (scipy checks the sums).
    expected_count = expected_count * (n / expected_count.sum())
    chi2, chi2_p = stats.chisquare(observed.to_numpy(), expected_count.to_numpy())
    g, g_p = stats.power_divergence(observed.to_numpy(), expected_count.to_numpy(), lambda_="log-likelihood")
    power = benford_power(n, effect_size=effect_size, alpha=alpha)
    try:
        min_w = float(GofChisquarePower().solve_power(effect_size=None, nobs=n, alpha=alpha, power=0.8, n_bins=9))
    except (ValueError, RuntimeError):  # the root finder can fail for tiny n
        min_w = np.nan
    table = pd.DataFrame(
        {
            "digit": expected_share.index.to_numpy(),
            "observed": observed.to_numpy(),
            "observed_share": observed.to_numpy() / n,
            "expected_share": expected_share.to_numpy(),
            "expected_count": expected_count.to_numpy(),
        }
    )
    min_expected = float(expected_count.min())
    verdict = "deviate from" if chi2_p < alpha else "show no detectable deviation from"
    interpretation = (
        f"The first digits of n = {n} figures {verdict} Benford's law (chi-square = {chi2:.2f}, 8 df, p = {chi2_p:.3g}; "
        f"G = {g:.2f}, p = {g_p:.3g}; observed Cohen's w = {np.sqrt(chi2 / n):.2f}). "
        f"At this n the test detects a deviation of w = {effect_size:g} with power {power:.2f} "
        f"(alpha = {alpha:g}); the smallest deviation found with 80 % power is w = {min_w:.2f}. "
        + ("Some expected counts are below 5, so the chi-square p-value is approximate. " if min_expected < 5 else "")
        + "Headline figures in a report are selected and rounded, and Benford's law presumes values spread over "
        "several orders of magnitude, so neither outcome says anything about whether the figures are accurate."
    )
    return BenfordResult(
        n=n,
        table=table,
        chi2=float(chi2),
        chi2_p=float(chi2_p),
        g=float(g),
        g_p=float(g_p),
        cohens_w=float(np.sqrt(chi2 / n)),
        power=power,
        effect_size=effect_size,
        alpha=alpha,
        min_detectable_w=min_w,
        min_expected_count=min_expected,
        interpretation=interpretation,
    )


def repeated_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """Figures the report states more than once, and numbers it attaches to more than one subject.

    Two kinds of group are reported, labelled in ``match_on``:

    * ``"restatement"`` (:data:`RESTATEMENT`): the same ``subject_en`` and ``metric_en``, i.e. the same
      figure stated again. ``values_agree`` says whether the statements agree.
    * ``"same number, different subject"`` (:data:`SAME_NUMBER`): the same ``value`` and ``metric_en`` but
      different subjects, e.g. 320 万 developers for both PaddlePaddle and the Baidu AI Open Platform. These
      are different figures that happen to coincide, not a restatement.

    Counters are not a key: 200 家 new enterprise customers a day and 约 200 家 financial customers share
    value and counter but nothing else. The before and after mentions of one ``pair_id`` are not a
    restatement and are never grouped.

    Returns
    -------
    DataFrame
        One row per mention in a group: ``match_on``, ``group`` (1, 2, ... in order of first appearance),
        ``n_in_group``, the mention's ``mention_id``, ``line``, ``subject_en``, ``metric_en``, ``value``,
        ``counter``, ``bound`` (those present), and per group ``values_agree``, ``bounds_agree``,
        ``subjects_agree``.
    """
    _require(claims, ("value",), "repeated_claims")
    data = _claims_only(claims)
    data = data[data["value"].notna()].copy()
    if "line" in data:
        data = data.sort_values("line", kind="stable")

    def nonblank(column: str) -> pd.Series:
        if column not in data:
            return pd.Series(False, index=data.index)
        return data[column].notna() & (data[column].astype(str).str.strip() != "")

    def subjects_agree(group: pd.DataFrame) -> bool:
        if "subject_en" not in group:
            return True
        return bool(group["subject_en"].map(_normalise_text).nunique(dropna=False) == 1)

    groups: list[tuple[str, pd.DataFrame]] = []
    key_sets = (
        (RESTATEMENT, ["subject_en", "metric_en"]),
        (SAME_NUMBER, ["value", "metric_en"]),
    )
    for label, keys in key_sets:
        mask = pd.Series(True, index=data.index)
        for key in keys:
            mask &= nonblank(key) if key != "value" else data["value"].notna()
        candidates = data[mask]
        if candidates.empty:
            continue
        normalised = candidates[keys].apply(lambda column: column.map(_normalise_text))
        for _, index in normalised.groupby(keys, sort=False).groups.items():
            if len(index) < 2:
                continue
            group = candidates.loc[list(index)]
            # The before and after of one pair (80% -> 95%) share subject and metric but are not a restatement.
            if "pair_id" in group and group["pair_id"].notna().all() and group["pair_id"].nunique() == 1:
                continue
            # One subject's figure stated twice is a restatement, found under the first key.
            if label == SAME_NUMBER and subjects_agree(group):
                continue
            groups.append((label, group))
    groups.sort(key=lambda item: item[1]["line"].min() if "line" in item[1] else 0)

    columns = [c for c in ("mention_id", "line", "subject_en", "metric_en", "value", "counter", "bound") if c in data]
    pieces = []
    for number, (label, group) in enumerate(groups, start=1):
        piece = group[columns].copy()
        piece.insert(0, "n_in_group", len(group))
        piece.insert(0, "group", number)
        piece.insert(0, "match_on", label)
        values = group["value"].astype(float).to_numpy()
        highs = group["value_high"].astype(float).to_numpy() if "value_high" in group else np.full(len(group), np.nan)
        piece["values_agree"] = bool(np.allclose(values, values[0]) and np.allclose(highs, highs[0], equal_nan=True))
        piece["bounds_agree"] = bool(group["bound"].nunique(dropna=False) == 1) if "bound" in group else pd.NA
        piece["subjects_agree"] = subjects_agree(group) if "subject_en" in group else pd.NA
        pieces.append(piece)
    if not pieces:
        return pd.DataFrame(columns=["match_on", "group", "n_in_group", *columns, "values_agree", "bounds_agree", "subjects_agree"])
    return pd.concat(pieces, ignore_index=True)


# --------------------------------------------------------------------------------------------------
# 7. platforms


#: Words in a Chinese host name that mark a university or research institute.
ACADEMIC_HOST_MARKERS: tuple[str, ...] = ("大学", "学院", "研究院", "研究所", "科学院", "实验室")


def academic_hosts(platforms: pd.DataFrame) -> pd.DataFrame:
    """Table 1 rows whose host name (``host_zh``) marks a university or research institute.

    Read from the report's own host names (:data:`ACADEMIC_HOST_MARKERS`), independently of the
    hand-coded ``host_kind``.
    """
    _require(platforms, ("host_zh",), "academic_hosts")
    names = platforms["host_zh"].astype(str)
    mask = names.apply(lambda name: any(marker in name for marker in ACADEMIC_HOST_MARKERS))
    return platforms[mask].reset_index(drop=True)


def platforms_by(platforms: pd.DataFrame, *, by: str | Sequence[str] = "domain_en") -> pd.DataFrame:
    """Count the national open innovation platforms (table 1) per domain or host kind.

    Parameters
    ----------
    platforms : DataFrame
        The platforms table.
    by : str or sequence of str, default "domain_en"
        E.g. ``"host_kind"``.

    Returns
    -------
    DataFrame
        ``by`` columns, ``n``, ``share`` and ``hosts`` (host_en names joined with "; ", in table order),
        largest groups first.
    """
    by = _as_tuple(by)
    _require(platforms, by, "platforms_by")
    data = platforms.sort_values("number", kind="stable") if "number" in platforms else platforms
    grouped = data.groupby(list(by), sort=False, dropna=False)
    result = grouped.size().rename("n").reset_index()
    result["share"] = result["n"] / result["n"].sum()
    if "host_en" in data:
        hosts = grouped["host_en"].agg(lambda names: "; ".join(map(str, names))).rename("hosts").reset_index()
        result = result.merge(hosts, on=list(by), how="left")
    return result.sort_values(["n", *by], ascending=[False, *([True] * len(by))], kind="stable").reset_index(drop=True)
