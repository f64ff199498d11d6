"""Generic statistics with no knowledge of the report: binomial intervals, significant digits, Benford's law."""
from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Sequence
from decimal import Decimal

import numpy as np
import pandas as pd

from .._measures import FULL_PERCENT

__all__ = [
    "BENFORD_DIGITS",
    "BenfordResult",
    "SmallSampleWarning",
    "benford_expected",
    "benford_power",
    "benford_test",
    "binomial_interval",
    "first_significant_digit",
    "ols_line",
    "round_number_shares",
    "significant_digits",
]


class SmallSampleWarning(UserWarning):
    """An estimate was computed from fewer observations than it needs to be more than descriptive."""




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
        low, high = _proportion_interval(successes, size, alpha, method)
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



def _proportion_interval(successes: int, size: int, alpha: float, method: str) -> tuple[float, float]:
    """``statsmodels.stats.proportion.proportion_confint`` (two-sided); Wilson's interval, the default,
    is its closed formula written out (statsmodels and scipy.stats cost a kernel 0.6 s to import)."""
    if method != "wilson":
        from statsmodels.stats.proportion import proportion_confint

        return proportion_confint(successes, size, alpha=alpha, method=method)
    from scipy import special

    share, crit = np.float64(successes) / np.float64(size), -special.ndtri(alpha / 2.0)
    crit2 = crit**2
    denom = 1 + crit2 / size
    center = (share + crit2 / (2 * size)) / denom
    dist = crit * np.sqrt(share * (1.0 - share) / size + crit2 / (4.0 * size**2)) / denom
    return float(np.clip(center - dist, 0, 1)), float(np.clip(center + dist, 0, 1))


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



def round_number_shares(values, *, multiples: Sequence[int] = (5, 10, 100, 1000)) -> pd.DataFrame:
    """Share of whole ``values`` that are round, against the share unrounded values would give.

    For each multiple m, among whole values of at least m: the share divisible by m (about 1/m if
    unrounded). Among whole values of at least 100: the share written with at most 1 or 2 significant
    digits (an unrounded D-digit whole number has at most s of them with probability 10^-(D-s)).

    Returns
    -------
    DataFrame
        ``criterion``, ``n_eligible``, ``n_matching``, ``share``, ``expected_share_if_unrounded``.
    """
    values = np.asarray(values, dtype=float)
    values = values[np.isfinite(values)]
    whole = values[np.isclose(values, np.round(values))]
    rows = []
    for m in multiples:
        eligible = whole[whole >= m]
        matching = int(np.sum(np.isclose(np.mod(eligible, m), 0)))
        rows.append(_share_row(f"multiple of {m}", len(eligible), matching, 1.0 / m))
    eligible = whole[whole >= 100]
    digits = significant_digits(eligible)
    lengths = np.array([_integer_digits(v) for v in eligible])
    for s in (1, 2):
        expected = float(np.mean(10.0 ** -(lengths - s).clip(min=0))) if len(eligible) else np.nan
        rows.append(_share_row(f"at most {s} significant digit{'s' if s > 1 else ''}", len(eligible), int(np.sum(digits <= s)), expected))
    return pd.DataFrame(rows)


def _share_row(criterion: str, eligible: int, matching: int, expected: float) -> dict[str, object]:
    return {
        "criterion": criterion,
        "n_eligible": eligible,
        "n_matching": matching,
        "share": matching / eligible if eligible else np.nan,
        "expected_share_if_unrounded": expected,
    }


@dataclass(frozen=True)
class LineFit:
    """What :func:`ols_line` reports of a fit besides the coefficient table."""

    rsquared: float
    df_resid: float


def _pinv(design: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Moore-Penrose pseudo-inverse and singular values, as ``statsmodels.tools.tools.pinv_extended``."""
    u, s, vt = np.linalg.svd(design, False)
    singular = np.copy(s)
    cutoff = 1e-15 * np.maximum.reduce(s)
    for i in range(min(u.shape[0], vt.shape[1])):
        s[i] = 1.0 / s[i] if s[i] > cutoff else 0.0
    return np.dot(np.transpose(vt), np.multiply(s[:, np.newaxis], np.transpose(u))), singular


def ols_line(x, y, *, alpha: float = 0.05) -> tuple[LineFit, pd.DataFrame]:
    """Straight-line OLS of ``y`` on ``x``: the fit and its coefficient table.

    The arithmetic of ``statsmodels.OLS(y, add_constant(x)).fit()`` (pseudo-inverse, t-based intervals and
    p-values), written out with numpy and ``scipy.special``: statsmodels' regression modules cost a
    notebook's kernel 0.7 s to import, and a straight line needs none of them. A test holds every figure
    against statsmodels.

    Returns
    -------
    (LineFit, DataFrame)
        ``rsquared`` and ``df_resid``, and ``term`` (``intercept``, ``before``), ``estimate``,
        ``std_error``, ``ci_low``, ``ci_high``, ``p_value`` at level ``alpha``.
    """
    from scipy import special

    endog = np.asarray(y, dtype=float)
    design = np.column_stack([np.ones_like(endog), np.asarray(x, dtype=float)])
    pinv, singular = _pinv(design)
    params = np.dot(pinv, endog)
    resid = endog - np.dot(design, params)
    df_resid = float(len(endog) - np.linalg.matrix_rank(np.diag(singular)))
    ssr = np.dot(resid, resid)
    bse = np.sqrt(np.diag(np.dot(pinv, np.transpose(pinv)) * (ssr / df_resid)))
    centered = endog - np.average(endog)
    q = special.stdtrit(df_resid, 1 - alpha / 2)
    coefficients = pd.DataFrame(
        {
            "term": ["intercept", "before"],
            "estimate": params,
            "std_error": bse,
            "ci_low": params - q * bse,
            "ci_high": params + q * bse,
            "p_value": special.stdtr(df_resid, -np.abs(params / bse)) * 2,
        }
    )
    return LineFit(rsquared=float(1 - ssr / np.sum(centered**2)), df_resid=df_resid), coefficients


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
    table = pd.DataFrame(
        {
            "digit": expected_share.index.to_numpy(),
            "observed": observed.to_numpy(),
            "observed_share": observed.to_numpy() / n,
            "expected_share": expected_share.to_numpy(),
            "expected_count": expected_count.to_numpy(),
        }
    )
    fields = dict(
        n=n, table=table, chi2=float(chi2), chi2_p=float(chi2_p), g=float(g), g_p=float(g_p),
        cohens_w=float(np.sqrt(chi2 / n)), power=benford_power(n, effect_size=effect_size, alpha=alpha),
        effect_size=effect_size, alpha=alpha, min_detectable_w=_min_detectable_w(n, alpha),
        min_expected_count=float(expected_count.min()),
    )
    return BenfordResult(**fields, interpretation=_benford_interpretation(**fields))


def _min_detectable_w(n: int, alpha: float) -> float:
    from statsmodels.stats.power import GofChisquarePower

    try:
        return float(GofChisquarePower().solve_power(effect_size=None, nobs=n, alpha=alpha, power=0.8, n_bins=len(BENFORD_DIGITS)))
    except (ValueError, RuntimeError):  # the root finder can fail for tiny n
        return np.nan


def _benford_interpretation(*, n, chi2, chi2_p, g, g_p, cohens_w, power, effect_size, alpha, min_detectable_w,
                            min_expected_count, **_) -> str:
    verdict = "deviate from" if chi2_p < alpha else "show no detectable deviation from"
    return (
        f"The first digits of n = {n} figures {verdict} Benford's law (chi-square = {chi2:.2f}, 8 df, p = {chi2_p:.3g}; "
        f"G = {g:.2f}, p = {g_p:.3g}; observed Cohen's w = {cohens_w:.2f}). "
        f"At this n the test detects a deviation of w = {effect_size:g} with power {power:.2f} "
        f"(alpha = {alpha:g}); the smallest deviation found with 80 % power is w = {min_detectable_w:.2f}. "
        + ("Some expected counts are below 5, so the chi-square p-value is approximate. " if min_expected_count < 5 else "")
        + "Headline figures in a report are selected and rounded, and Benford's law presumes values spread over "
        "several orders of magnitude, so neither outcome says anything about whether the figures are accurate."
    )
