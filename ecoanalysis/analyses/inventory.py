"""Question 01, what does the report quantify: claims per chapter, category and subject, and how they are stated."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ._select import PRECISION_CLASSES, _as_tuple, _claims_only, _precision_class, _require

__all__ = ["InventoryResult", "claim_inventory", "inventory_summary", "precision_mix", "precision_table"]


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



def precision_table(mix: pd.DataFrame, *, group: str = "category") -> pd.DataFrame:
    """:func:`precision_mix` by ``group`` as a wide table: one row per group (smallest total first), one
    column per precision class that occurs (display order), claim counts as cells."""
    _require(mix, (group, "precision_class", "n"), "precision_table")
    table = mix.pivot_table(index=group, columns="precision_class", values="n", aggfunc="sum", observed=False).fillna(0)
    classes = [c for c in PRECISION_CLASSES if c in table.columns and table[c].sum() > 0]
    table = table[classes]
    return table.loc[table.sum(axis=1).sort_values(kind="stable").index]


@dataclass(frozen=True)
class InventoryResult:
    """What notebook 01 reports: the tables it shows and the numbers its result quotes.

    ``n_by_class`` and ``share_by_class`` map every precision class to its claim count and fraction;
    ``top_*`` name the chapter, category and subject with the most claims (first in sort order if tied);
    ``most_common`` and ``runner_up`` are the two most frequent precision classes (``"none"`` if absent).
    """

    kinds: pd.DataFrame
    by_chapter: pd.DataFrame
    by_category: pd.DataFrame
    by_subject: pd.DataFrame
    mix: pd.DataFrame
    mix_by_category: pd.DataFrame
    n_mentions: int
    n_by_kind: dict[str, int]
    top_chapter: pd.Series
    top_category: pd.Series
    top_subject: pd.Series
    n_by_class: dict[str, int]
    share_by_class: dict[str, float]
    most_common: str
    runner_up: str


def inventory_summary(mentions: pd.DataFrame, claims: pd.DataFrame) -> InventoryResult:
    """Everything notebook 01 shows: mentions by kind, claims by chapter, category and subject, precision mix."""
    _require(claims, ("chapter", "category", "subject", "subject_en", "bound"), "inventory_summary")
    kinds = claim_inventory(mentions, by="kind", kinds=None)
    by_chapter = claim_inventory(claims, by="chapter")
    by_category = claim_inventory(claims, by="category").sort_values("n", ascending=False, kind="stable")
    by_subject = claim_inventory(claims, by=["subject", "subject_en"]).sort_values("n", ascending=False, kind="stable")
    mix = precision_mix(claims)
    ranked = mix[mix["n"] > 0].sort_values("n", ascending=False, kind="stable")["precision_class"].astype(str).to_list()
    ranked += ["none", "none"]
    return InventoryResult(
        kinds=kinds,
        by_chapter=by_chapter,
        by_category=by_category.reset_index(drop=True),
        by_subject=by_subject.reset_index(drop=True),
        mix=mix,
        mix_by_category=precision_mix(claims, by="category"),
        n_mentions=len(mentions),
        n_by_kind={str(k): int(n) for k, n in zip(kinds["kind"], kinds["n"])},
        # astype(object) keeps a row's counts whole numbers next to its float share.
        top_chapter=by_chapter.sort_values("n", ascending=False, kind="stable").astype(object).iloc[0],
        top_category=by_category.astype(object).iloc[0],
        top_subject=by_subject.astype(object).iloc[0],
        n_by_class={str(c): int(n) for c, n in zip(mix["precision_class"], mix["n"])},
        share_by_class={str(c): float(s) for c, s in zip(mix["precision_class"], mix["share"])},
        most_common=ranked[0],
        runner_up=ranked[1],
    )
