"""Question 07, who hosts the platforms: table 1 per domain and host kind."""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ._select import _as_tuple, _require
from ._specs import load_specs

__all__ = ["academic_hosts", "host_kind_layout", "platforms_by"]


def academic_hosts(platforms: pd.DataFrame, *, markers: Sequence[str] | None = None) -> pd.DataFrame:
    """Table 1 rows whose host name (``host_zh``) marks a university or research institute.

    Read from the report's own host names, independently of the hand-coded ``host_kind``.

    Parameters
    ----------
    platforms : DataFrame
    markers : sequence of str, optional
        Words that mark an academic host (大学, 研究院 ...); default ``[hosts] academic_markers`` of
        ``data/raw/analysis_specs.toml``.
    """
    _require(platforms, ("host_zh",), "academic_hosts")
    markers = tuple(load_specs().academic_markers if markers is None else markers)
    names = platforms["host_zh"].astype(str)
    mask = names.apply(lambda name: any(marker in name for marker in markers))
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


def host_kind_layout(platforms: pd.DataFrame, *, kind_order: Sequence[str] | None = None) -> tuple[pd.DataFrame, tuple[str, ...], pd.Series]:
    """Table 1 arranged as a host-kind matrix: rows sorted by kind, then host, then domain.

    Parameters
    ----------
    platforms : DataFrame
        Needs ``domain_en``, ``host_en``, ``host_kind``.
    kind_order : sequence of str, optional
        Column order; default: most platforms first (ties alphabetically).

    Returns
    -------
    (DataFrame, tuple of str, Series)
        The rows with ``kind_position`` (column index of their kind), the kinds in column order, and the
        number of platforms per kind.
    """
    _require(platforms, ("domain_en", "host_en", "host_kind"), "host_kind_layout")
    counts = platforms["host_kind"].value_counts(sort=False)
    if kind_order is None:
        kind_order = sorted(counts.index, key=lambda k: (-counts[k], str(k)))
    position = {kind: i for i, kind in enumerate(kind_order)}
    rows = platforms.assign(kind_position=platforms["host_kind"].map(position))
    rows = rows.sort_values(["kind_position", "host_en", "domain_en"], kind="stable").reset_index(drop=True)
    return rows, tuple(kind_order), counts
