"""Question 06, how precise are the claims: round-number heaping, first digits, repeated figures."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ._select import _claims_only, _normalise_text, _require
from ._stats import BenfordResult, benford_test, round_number_shares
from .inventory import precision_mix

__all__ = [
    "RESTATEMENT",
    "SAME_NUMBER",
    "CoincidentNumber",
    "PrecisionResult",
    "benford_values",
    "precision_summary",
    "repeated_claims",
    "round_number_heaping",
]

#: ``repeated_claims`` label for one subject's figure stated again (same ``subject_en`` and ``metric_en``).
RESTATEMENT = "restatement"
#: ``repeated_claims`` label for one number stated for different subjects (same ``value`` and ``metric_en``).
SAME_NUMBER = "same number, different subject"


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
    return round_number_shares(data["value"].dropna().astype(float).to_numpy(), multiples=multiples)



def benford_values(
    claims: pd.DataFrame,
    *,
    units: Sequence[str] = ("count", "currency_cny"),
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

    columns = [c for c in ("mention_id", "line", "subject_en", "metric_en", "value", "counter", "bound") if c in data]
    pieces = []
    for number, (label, group) in enumerate(_repeat_groups(data), start=1):
        piece = group[columns].copy()
        piece.insert(0, "n_in_group", len(group))
        piece.insert(0, "group", number)
        piece.insert(0, "match_on", label)
        values = group["value"].astype(float).to_numpy()
        highs = group["value_high"].astype(float).to_numpy() if "value_high" in group else np.full(len(group), np.nan)
        piece["values_agree"] = bool(np.allclose(values, values[0]) and np.allclose(highs, highs[0], equal_nan=True))
        piece["bounds_agree"] = bool(group["bound"].nunique(dropna=False) == 1) if "bound" in group else pd.NA
        piece["subjects_agree"] = _subjects_agree(group) if "subject_en" in group else pd.NA
        pieces.append(piece)
    if not pieces:
        return pd.DataFrame(columns=["match_on", "group", "n_in_group", *columns, "values_agree", "bounds_agree", "subjects_agree"])
    return pd.concat(pieces, ignore_index=True)


def _subjects_agree(group: pd.DataFrame) -> bool:
    if "subject_en" not in group:
        return True
    return bool(group["subject_en"].map(_normalise_text).nunique(dropna=False) == 1)


def _nonblank(data: pd.DataFrame, column: str) -> pd.Series:
    if column == "value":
        return data["value"].notna()
    if column not in data:
        return pd.Series(False, index=data.index)
    return data[column].notna() & (data[column].astype(str).str.strip() != "")


def _repeat_groups(data: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """Groups of two or more claims sharing a key, labelled, ordered by first line."""
    groups: list[tuple[str, pd.DataFrame]] = []
    for label, keys in ((RESTATEMENT, ["subject_en", "metric_en"]), (SAME_NUMBER, ["value", "metric_en"])):
        mask = pd.Series(True, index=data.index)
        for key in keys:
            mask &= _nonblank(data, key)
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
            if label == SAME_NUMBER and _subjects_agree(group):
                continue
            groups.append((label, group))
    groups.sort(key=lambda item: item[1]["line"].min() if "line" in item[1] else 0)
    return groups



@dataclass(frozen=True)
class CoincidentNumber:
    """One number stated for several subjects with the same metric: ``mentions`` are (subject_en, line)."""

    value: float
    metric_en: str
    mentions: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class PrecisionResult:
    """What notebook 06 reports.

    ``share_by_class`` maps each precision class to its fraction of claims; ``multiples_of_100`` and
    ``two_significant_digits`` are the rows of ``heaping`` for those criteria; ``benford`` is the
    first-digit test on ``benford_input``; ``n_restated`` figures are restated, ``n_restated_agreeing``
    of them always with the same value; ``coincident`` lists the numbers shared by different subjects.
    """

    mix: pd.DataFrame
    share_by_class: dict[str, float]
    heaping: pd.DataFrame
    multiples_of_100: pd.Series
    two_significant_digits: pd.Series
    benford_input: pd.DataFrame
    benford: BenfordResult
    repeats: pd.DataFrame
    n_restated: int
    n_restated_agreeing: int
    coincident: tuple[CoincidentNumber, ...]


def precision_summary(claims: pd.DataFrame) -> PrecisionResult:
    """Everything notebook 06 shows: precision mix, round-number heaping, first digits, repeated figures."""
    mix = precision_mix(claims)
    heaping = round_number_heaping(claims).set_index("criterion", drop=False)
    benford_input = benford_values(claims)
    repeats = repeated_claims(claims)
    groups = repeats.drop_duplicates("group")
    restated = groups[groups["match_on"] == RESTATEMENT]
    coincident = tuple(
        CoincidentNumber(float(group["value"].iloc[0]), str(group["metric_en"].iloc[0]),
                         tuple(zip(group["subject_en"].astype(str), group["line"].astype(int))))
        for _, group in repeats[repeats["match_on"] == SAME_NUMBER].groupby("group", sort=False)
    )
    return PrecisionResult(
        mix=mix, share_by_class={str(c): float(s) for c, s in zip(mix["precision_class"], mix["share"])},
        heaping=heaping.reset_index(drop=True), multiples_of_100=heaping.loc["multiple of 100"],
        two_significant_digits=heaping.loc["at most 2 significant digits"],
        benford_input=benford_input, benford=benford_test(benford_input["value"]), repeats=repeats,
        n_restated=len(restated), n_restated_agreeing=int(restated["values_agree"].sum()), coincident=coincident,
    )
