"""Question 02, how large are the accuracy gains: accuracy claims, change measures, the gain-on-baseline model."""
from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .._measures import log_odds_change, relative_change, relative_error_reduction
from ._select import LOWER_BOUNDS, _claims_only, _precision_class, _require
from ._specs import load_specs
from ._stats import SmallSampleWarning, binomial_interval, ols_line

__all__ = ["AccuracyResult", "GainModel", "accuracy_changes", "accuracy_claims", "accuracy_summary", "gain_vs_baseline_model"]


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
    result["is_lower_bound"] = result["bound"].isin(LOWER_BOUNDS)
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
    """Regress the accuracy gain on the baseline accuracy (OLS, as statsmodels computes it).

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
    allowed = ("pp_change", "log_odds_change", "relative_error_reduction")
    if outcome not in allowed:
        raise ValueError(f"outcome must be one of {allowed}; got {outcome!r}.")
    data = accuracy_changes(pairs)
    data = data[data["unit"] == "percent"].dropna(subset=["before", outcome])
    n = len(data)
    if n < 3:
        raise ValueError(f"gain_vs_baseline_model needs at least 3 percent pairs to estimate a slope with an error; got {n}.")
    fit, coefficients = ols_line(data["before"], data[outcome], alpha=alpha)
    small = n < min_n
    note = (
        f"OLS of {outcome} on the baseline from n = {n} pairs"
        + (f" (fewer than {min_n}: descriptive only, the interval is wide and the p-value meaningless)" if small else "")
        + ". A gain measured as after - before falls mechanically as the baseline rises (ceiling, regression "
        "to the mean), so a negative slope is expected even without any real relation."
    )
    if small:
        warnings.warn(note, SmallSampleWarning, stacklevel=2)
    return GainModel(outcome=outcome, n=n, coefficients=coefficients, r_squared=float(fit.rsquared),
                     residual_df=int(fit.df_resid), small_sample=small, note=note)


@dataclass(frozen=True)
class AccuracyResult:
    """What notebook 02 reports.

    ``best_by_points`` and ``best_by_errors`` are the percent pairs (rows of ``percent_pairs``) with the
    largest gain in percentage points and in relative error reduction (the first stated in the report if
    tied: 70 -> 90 % comes before 60 -> 80 % in one sentence, though both pairs are on line 856).
    ``slope_points`` / ``slope_log_odds`` are the ``before`` rows of the two models' coefficient tables.
    ``intervals`` holds the binomial intervals of the accuracy claims the specifications name, at
    ``sample_sizes`` plus the stated ``daily_volume``; ``interval_claim`` is the first of those claims and
    ``half_width_daily`` / ``half_width_smallest`` its interval half-widths (pp) at the daily volume and
    at the smallest sample size.
    """

    accuracy: pd.DataFrame
    n_lower_bounds: int
    percent_pairs: pd.DataFrame
    other_pairs: pd.DataFrame
    rankings: pd.DataFrame
    best_by_points: pd.Series
    best_by_errors: pd.Series
    rankings_agree: bool
    model_points: GainModel
    model_log_odds: GainModel
    slope_points: pd.Series
    slope_log_odds: pd.Series
    interval_claims: pd.DataFrame
    interval_claim: pd.Series
    interval_claim_is_lower_bound: bool
    daily_volume: int
    smallest_sample: int
    intervals: pd.DataFrame
    half_width_daily: float
    half_width_smallest: float


def _rankings(percent_pairs: pd.DataFrame) -> pd.DataFrame:
    """Metrics ordered by each change measure, largest first (rank 1, 2, ...)."""
    order = pd.DataFrame({
        measure: percent_pairs.sort_values(measure, ascending=False, kind="stable")["metric_en"].to_list()
        for measure in ("pp_change", "relative_error_reduction", "log_odds_change")
    })
    order.index = [f"rank {i + 1}" for i in range(len(order))]
    return order


def _first_largest(changes: pd.DataFrame, measure: str, position: pd.Series) -> pd.Series:
    """The pair with the largest ``measure``; among ties the one stated first (``position`` by ``pair_id``)."""
    largest = changes[np.isclose(changes[measure], changes[measure].max())]
    order = largest["pair_id"].map(position).fillna(np.inf) if "pair_id" in largest else pd.Series(0, index=largest.index)
    return changes.loc[order.sort_values(kind="stable").index[0]]


def _report_positions(pairs: pd.DataFrame, claims: pd.DataFrame) -> pd.Series:
    """Raw offset (``char_start``) of each pair's before mention, by ``pair_id``; empty if either is unknown."""
    if not {"pair_id", "before_mention_id"} <= set(pairs) or not {"mention_id", "char_start"} <= set(claims):
        return pd.Series(dtype=float)
    offsets = claims.drop_duplicates("mention_id").set_index("mention_id")["char_start"]
    return pd.Series(pairs["before_mention_id"].map(offsets).to_numpy(), index=pairs["pair_id"].to_numpy())


def accuracy_summary(claims: pd.DataFrame, pairs: pd.DataFrame, *, specs=None) -> AccuracyResult:
    """Everything notebook 02 shows: accuracy claims, change measures, gain models, sampling intervals.

    The claims whose sampling error is shown and their daily volume are the ``[accuracy]`` selections of
    ``data/raw/analysis_specs.toml`` (or ``specs``, an :class:`~ecoanalysis.analyses.AnalysisSpecs`).
    The gain models are fitted on a handful of pairs; their :class:`SmallSampleWarning` is kept in
    ``GainModel.note`` and ``small_sample`` instead of being raised again here.
    """
    specs = specs or load_specs()
    changes = accuracy_changes(pairs)
    percent = changes[changes["unit"] == "percent"].reset_index(drop=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SmallSampleWarning)
        model_points = gain_vs_baseline_model(pairs, outcome="pp_change")
        model_log_odds = gain_vs_baseline_model(pairs, outcome="log_odds_change")
    chosen = specs.interval_claims.apply(claims)
    volume = int(specs.daily_volume.apply(claims)["value"].iloc[0])
    sizes = (*specs.sample_sizes, volume)
    intervals = pd.concat(
        [binomial_interval(row.value, n=sizes).assign(metric_en=row.metric_en, bound=row.bound) for row in chosen.itertuples()],
        ignore_index=True,
    )
    first = chosen.iloc[0]
    main = intervals[intervals["metric_en"] == first["metric_en"]].set_index("n")
    position = _report_positions(pairs, claims)
    best_points, best_errors = (_first_largest(percent, m, position) for m in ("pp_change", "relative_error_reduction"))
    accuracy = accuracy_claims(claims)
    return AccuracyResult(
        accuracy=accuracy, n_lower_bounds=int(accuracy["is_lower_bound"].sum()),
        percent_pairs=percent, other_pairs=changes[changes["unit"] != "percent"].reset_index(drop=True),
        rankings=_rankings(percent), best_by_points=best_points, best_by_errors=best_errors,
        rankings_agree=bool(best_points["metric_en"] == best_errors["metric_en"]),
        model_points=model_points, model_log_odds=model_log_odds,
        slope_points=model_points.coefficients.set_index("term").loc["before"],
        slope_log_odds=model_log_odds.coefficients.set_index("term").loc["before"],
        interval_claims=chosen, interval_claim=first, interval_claim_is_lower_bound=bool(first["bound"] in LOWER_BOUNDS),
        daily_volume=volume, smallest_sample=min(sizes), intervals=intervals,
        half_width_daily=float(main.loc[volume, "half_width_pp"]), half_width_smallest=float(main.loc[min(sizes), "half_width_pp"]),
    )
