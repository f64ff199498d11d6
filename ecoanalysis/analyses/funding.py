"""Question 04, what do the funding figures imply: readings of a growth claim, whole counts behind rounded shares."""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import pandas as pd

from .._measures import FULL_PERCENT
from ._select import LOWER_BOUNDS, clause_with
from ._specs import load_specs

__all__ = ["FundingResult", "funding_summary", "implied_counts", "implied_previous_share"]


def implied_previous_share(share: float, growth_lower_bound: float) -> pd.DataFrame:
    """What the previous year's share can have been, under each reading of "较上一年增长 40% 以上".

    The report: in 2020 B-round-and-later deals were 62.3 % of all AI deals, "较上一年增长 40% 以上".

    Parameters
    ----------
    share : float
        This year's share, percent.
    growth_lower_bound : float
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
    total: int,
    shares: Sequence[float],
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
    total : int
        The whole the percentages are shares of (e.g. member companies).
    shares : sequence of float
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
    rows = [_consistent_counts(share, total, step, rounding) for share in shares]
    result = pd.DataFrame(rows)
    result["count_min"] = result["count_min"].astype("Int64")
    result["count_max"] = result["count_max"].astype("Int64")
    return result



def _consistent_counts(share: float, total: int, step: Fraction, rounding: str) -> dict[str, object]:
    """One row of :func:`implied_counts`: the whole counts k of ``total`` whose share rounds to ``share``."""
    exact = Fraction(str(share))  # str() so 62.3 is 623/10, not its binary approximation
    low, high = (exact - step / 2, exact + step / 2) if rounding == "nearest" else (exact, exact + step)
    # Consistent k satisfy low <= 100 k / total < high (half-open: half-up rounding).
    k_min = max(0, math.ceil(low * total / 100))
    k_max = min(total, math.ceil(high * total / 100) - 1)
    implied = exact * total / 100
    consistent = k_max >= k_min
    return {
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


@dataclass(frozen=True)
class FundingResult:
    """What notebook 04 reports.

    ``claims`` are the selected claims (share, growth, research share, member count, member shares);
    ``previous`` is :func:`implied_previous_share`, ``counts`` :func:`implied_counts` with the member
    shares' ``metric_en`` and ``surface``. ``bound_relative`` / ``bound_points`` are the previous year's
    upper bounds under the relative and the percentage-point reading, ``fold_points`` how many times the
    share would have grown under the latter. ``full_share`` is the row of ``counts`` for a stated 100 %
    (``None`` if there is none) and ``short_of_all`` how many members fewer than all still round to it.
    """

    claims: pd.DataFrame
    share_now: float
    share_as_of: object
    growth_lower_bound: float
    previous: pd.DataFrame
    bound_relative: float
    bound_points: float
    fold_points: float
    research_clause: str
    research_is_lower_bound: bool
    total: int
    counts: pd.DataFrame
    full_share: pd.Series | None
    short_of_all: int | None


def funding_summary(claims: pd.DataFrame, *, specs=None) -> FundingResult:
    """Everything notebook 04 shows, for the ``[funding]`` selections of the specifications."""
    chosen = {key: selection.apply(claims) for key, selection in (specs or load_specs()).funding.items()}
    share, growth = chosen["share"].iloc[0], chosen["growth"].iloc[0]
    research, shares = chosen["research_share"].iloc[0], chosen["member_shares"]
    previous = implied_previous_share(float(share["value"]), float(growth["value"]))
    readings = previous.set_index("reading")["implied_previous_share_upper_bound"]
    total = int(chosen["members"]["value"].iloc[0])
    counts = implied_counts(total, tuple(shares["value"])).assign(
        metric_en=shares["metric_en"].to_numpy(), surface=shares["surface"].to_numpy()
    )
    full = counts[counts["share"] == 100]
    full_share = full.iloc[0] if len(full) else None
    return FundingResult(
        claims=pd.concat(list(chosen.values()), ignore_index=True),
        share_now=float(share["value"]), share_as_of=share.get("as_of"), growth_lower_bound=float(growth["value"]),
        previous=previous, bound_relative=float(readings.iloc[0]), bound_points=float(readings.iloc[1]),
        fold_points=float(share["value"]) / float(readings.iloc[1]),
        research_clause=clause_with(research["sentence"], research["surface"]),
        research_is_lower_bound=bool(research["bound"] in LOWER_BOUNDS),
        total=total, counts=counts, full_share=full_share,
        short_of_all=None if full_share is None else total - int(full_share["count_min"]),
    )
