"""Question 03, how big are the ecosystems: size claims on one axis and the ratios between them."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ._select import LOWER_BOUNDS, PRECISION_CLASS, UPPER_BOUNDS, _claims_only, _normalise_text, _precision_class, _require, _select
from ._specs import RatioSpec, load_specs
from .inventory import precision_mix

__all__ = ["ScaleResult", "derived_ratios", "ecosystem_scale", "ratio_bound", "scale_summary"]


def ecosystem_scale(
    claims: pd.DataFrame,
    *,
    categories: Sequence[str] | None = None,
    units: Sequence[str] | None = ("count",),
) -> pd.DataFrame:
    """Size claims (developers, enterprises, models, partners...) ready to plot on a log axis.

    Parameters
    ----------
    claims : DataFrame
        Needs ``category``, ``unit``, ``value``, ``bound``.
    categories : sequence of str, optional
        Codebook categories that state a size; default ``[ecosystems] categories`` of
        ``data/raw/analysis_specs.toml`` (adoption and scale).
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
    categories = load_specs().size_categories if categories is None else categories
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
    result["is_lower_bound"] = result["bound"].isin(LOWER_BOUNDS)
    result["is_upper_bound"] = result["bound"].isin(UPPER_BOUNDS)
    return result.sort_values("value", ascending=False, kind="stable").reset_index(drop=True)



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



_RATIO_COLUMNS = [
    "name", "ratio", "ratio_bound", "caveat",
    "numerator_value", "numerator_bound", "numerator_mention_id",
    "denominator_value", "denominator_bound", "denominator_mention_id",
    "status", "note",
]


def derived_ratios(
    claims: pd.DataFrame,
    *,
    ratios: Sequence[RatioSpec] | None = None,
    strict: bool = True,
) -> pd.DataFrame:
    """Compute ratios between claims (models per developer, repositories per developer...).

    Parameters
    ----------
    claims : DataFrame
        Needs ``value``, ``bound`` and the columns the selections use.
    ratios : sequence of RatioSpec, optional
        Default: the ``[[ecosystems.ratios]]`` of ``data/raw/analysis_specs.toml``.
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
    for spec in load_specs().ratios if ratios is None else ratios:
        row: dict[str, object] = {"name": spec.name, "status": "ok", "note": spec.note}
        found = [_ratio_side(data, spec, side, strict, row) for side in ("numerator", "denominator")]
        if all(found) and row["denominator_value"] != 0:
            row["ratio"] = row["numerator_value"] / row["denominator_value"]
            row["ratio_bound"], row["caveat"] = ratio_bound(row["numerator_bound"], row["denominator_bound"])
        else:
            row["ratio"], row["ratio_bound"], row["caveat"] = np.nan, "undefined", ""
        rows.append(row)
    return pd.DataFrame(rows, columns=_RATIO_COLUMNS)


def _ratio_side(data: pd.DataFrame, spec: RatioSpec, side: str, strict: bool, row: dict) -> bool:
    """Fill ``row``'s ``{side}_*`` fields from the claim ``spec`` selects; False (and a status) if none fits."""
    selection = getattr(spec, side)
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
                           "Reconcile the ratio in data/raw/analysis_specs.toml ([[ecosystems.ratios]]) with the codebook wording.")
    elif not np.allclose(matched["value"].astype(float), float(matched["value"].iloc[0]), equal_nan=True):
        problem = f"{side} {dict(selection)} matches claims with different values {sorted(matched['value'].unique())}"
        if strict:
            raise ValueError(f"{spec.name}: {problem}; add a 'line' key to the selection.")
    if problem:
        row["status"] = problem
        for key in ("value", "bound", "mention_id"):
            row[f"{side}_{key}"] = np.nan
        return False
    first = matched.iloc[0]
    row[f"{side}_value"] = float(first["value"])
    row[f"{side}_bound"] = first["bound"]
    row[f"{side}_mention_id"] = first.get("mention_id", np.nan)
    return True


@dataclass(frozen=True)
class ScaleResult:
    """What notebook 03 reports.

    ``platforms`` holds the size claims of ``subjects`` (largest first, see :func:`ecosystem_scale`);
    ``largest`` is its first row; ``mix`` how each platform's figures are stated (claims per subject and
    precision class, wide); ``ratios`` is :func:`derived_ratios`.
    """

    subjects: tuple[str, ...]
    platforms: pd.DataFrame
    mix: pd.DataFrame
    ratios: pd.DataFrame
    n_figures: int
    n_platforms: int
    n_lower_bounds: int
    share_lower_bounds: float
    smallest_value: float
    largest: pd.Series


def scale_summary(claims: pd.DataFrame, *, specs=None) -> ScaleResult:
    """Everything notebook 03 shows, for the ``[ecosystems]`` subjects and ratios of the specifications.

    Raises
    ------
    LookupError
        If a subject named in the specifications has no size claim (the codebook wording changed).
    """
    specs = specs or load_specs()
    scale = ecosystem_scale(claims)
    missing = [s for s in specs.ecosystem_subjects if _normalise_text(s) not in set(scale["subject_en"].map(_normalise_text))]
    if missing:
        raise LookupError(f"{specs.path}: ecosystems.subjects: {missing} have no size claim; subjects with one: "
                          f"{sorted(scale['subject_en'].dropna().unique())}")
    platforms = scale[scale["subject_en"].isin(specs.ecosystem_subjects)].reset_index(drop=True)
    mix = precision_mix(platforms, by="subject_en").pivot_table(
        index="subject_en", columns="precision_class", values="n", observed=False, aggfunc="sum"
    )
    n_lower = int(platforms["is_lower_bound"].sum())
    return ScaleResult(
        subjects=specs.ecosystem_subjects, platforms=platforms, mix=mix,
        ratios=derived_ratios(claims, ratios=specs.ratios),
        n_figures=len(platforms), n_platforms=int(platforms["subject_en"].nunique()),
        n_lower_bounds=n_lower, share_lower_bounds=n_lower / len(platforms),
        smallest_value=float(platforms["value"].min()), largest=platforms.iloc[0],
    )
