"""Question 07, who hosts the platforms: table 1 per domain and host kind."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from ._select import _as_tuple, _require
from ._specs import load_specs

__all__ = ["HostsResult", "academic_hosts", "host_kind_layout", "hosts_summary", "platforms_by"]


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


@dataclass(frozen=True)
class HostsResult:
    """What notebook 07 reports.

    ``most_common_kinds`` are the host kinds tied for the most platforms (``most_common_n`` each,
    ``most_common_share`` of all); ``other_kinds`` the remaining rows of ``by_kind``; ``multi_hosts``
    the hosts of more than one platform; ``academic`` the hosts whose name marks a university or research
    institute, by ``academic_markers``.
    """

    platforms: pd.DataFrame
    by_kind: pd.DataFrame
    by_domain: pd.DataFrame
    by_host: pd.DataFrame
    n_platforms: int
    n_domains: int
    most_common_kinds: tuple[str, ...]
    most_common_n: int
    most_common_share: float
    other_kinds: pd.DataFrame
    multi_hosts: pd.DataFrame
    academic: pd.DataFrame
    academic_markers: tuple[str, ...]


def hosts_summary(platforms: pd.DataFrame, *, specs=None) -> HostsResult:
    """Everything notebook 07 shows: table 1 per host kind, domain and host, and its academic hosts."""
    markers = (specs or load_specs()).academic_markers
    by_kind = platforms_by(platforms, by="host_kind")
    by_host = platforms_by(platforms, by="host_en")
    top = by_kind.iloc[0]
    tied = by_kind[by_kind["n"] == top["n"]]
    return HostsResult(
        platforms=platforms, by_kind=by_kind, by_domain=platforms_by(platforms, by="domain_en"), by_host=by_host,
        n_platforms=len(platforms), n_domains=int(platforms["domain_en"].nunique()),
        most_common_kinds=tuple(tied["host_kind"]), most_common_n=int(top["n"]), most_common_share=float(top["share"]),
        other_kinds=by_kind.iloc[len(tied):].reset_index(drop=True), multi_hosts=by_host[by_host["n"] > 1],
        academic=academic_hosts(platforms, markers=markers), academic_markers=tuple(markers),
    )
