"""Figure of question 07: table 1 as a dot matrix, one row per platform, one column per host kind."""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.axes import Axes

from ..analyses._specs import load_specs
from ..analyses.hosts import host_kind_layout
from ._axes import axes_or_new, require_rows
from .theme import OKABE_ITO

__all__ = ["plot_platform_hosts"]

# Colour of the n-th column, in palette order that keeps neighbouring columns distinct.
_KIND_COLOURS = [OKABE_ITO[i] for i in (4, 0, 2, 6, 1, 5)]


def plot_platform_hosts(platforms: pd.DataFrame, *, kind_order: Sequence[str] | None = None, ax: Axes | None = None) -> Axes:
    """Dot matrix of table 1: one row per platform domain (with its host), one column per host kind.

    Parameters
    ----------
    platforms : DataFrame
        :func:`ecoanalysis.load_platforms` (``domain_en``, ``host_en``, ``host_kind``).
    kind_order : sequence of str, optional
        Column order; default: most platforms first.
    ax : matplotlib Axes, optional
        Draw here; default a new one-column figure whose height fits the platforms.

    Returns
    -------
    matplotlib Axes

    Notes
    -----
    Column labels are the ``[hosts.kind_labels]`` of ``data/raw/analysis_specs.toml``.
    """
    require_rows(platforms, ("domain_en", "host_en", "host_kind"), "plot_platform_hosts")
    data, kind_order, counts = host_kind_layout(platforms, kind_order=kind_order)
    labels = load_specs().host_kind_labels
    n = len(data)
    ax = axes_or_new(ax, 0.75 + 0.16 * n)
    y = list(range(n))[::-1]
    for yy, (_, row) in zip(y, data.iterrows()):
        ax.plot(row["kind_position"], yy, "o", color=_KIND_COLOURS[int(row["kind_position"]) % len(_KIND_COLOURS)], markersize=5)
        ax.axhline(yy, color="0.93", lw=0.4, zorder=0)
    ax.set_yticks(y, [f"{d} ({h})" for d, h in zip(data["domain_en"], data["host_en"])], fontsize=6)
    ax.set_xticks(range(len(kind_order)), [f"{labels.get(k, k)} ({counts[k]})" for k in kind_order],
                  fontsize=6.5, rotation=40, ha="right", rotation_mode="anchor")
    ax.set_xlim(-0.5, len(kind_order) - 0.5)
    ax.set_ylim(-0.7, n - 0.3)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel("host kind (platforms)")
    return ax
