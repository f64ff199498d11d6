"""Figure of question 01: how many claims each category holds, and how they are stated."""
from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes

from ..analyses.inventory import precision_table
from ._axes import axes_or_new, require_rows
from .theme import PRECISION_COLOURS

__all__ = ["plot_claim_inventory"]


def plot_claim_inventory(mix: pd.DataFrame, *, group: str = "category", ax: Axes | None = None) -> Axes:
    """Horizontal stacked bars: claims per ``group`` (category), split by precision class.

    Parameters
    ----------
    mix : DataFrame
        :func:`ecoanalysis.precision_mix` with ``by=group`` (columns ``group``, ``precision_class``, ``n``).
    group : str, default "category"
    ax : matplotlib Axes, optional
        Draw here; default a new one-column figure whose height fits the groups.

    Returns
    -------
    matplotlib Axes
    """
    require_rows(mix, (group, "precision_class", "n"), "plot_claim_inventory")
    table = precision_table(mix, group=group)
    ax = axes_or_new(ax, 0.45 + 0.17 * len(table))
    left = [0.0] * len(table)
    labels = [str(name) for name in table.index]
    for cls in table.columns:
        values = table[cls].to_numpy(dtype=float)
        ax.barh(labels, values, left=left, color=PRECISION_COLOURS[cls], label=cls, height=0.7, linewidth=0)
        left = [a + b for a, b in zip(left, values)]
    for y, total in enumerate(left):
        ax.text(total + 0.4, y, f"{total:.0f}", va="center", ha="left", fontsize=6.5)
    ax.set_xlabel("claims (number of mentions)")
    ax.set_xlim(0, max(left) * 1.12)
    ax.legend(title="stated as", loc="lower right", frameon=False, fontsize=6.5, title_fontsize=7)
    ax.tick_params(axis="y", length=0)
    return ax
