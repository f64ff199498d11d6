"""Figure of question 04: (a) the previous year's share under each reading of a growth claim, (b) the
whole counts consistent with each rounded percentage of a total."""
from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ._axes import axes_or_new, new_figure, require_rows, wrap
from .theme import OKABE_ITO

__all__ = ["funding_readings_figure", "plot_count_ranges", "plot_previous_share"]

_READING_LABELS = {
    "relative growth of the share": "previous year,\nrelative reading",
    "percentage-point growth of the share": "previous year,\npoint reading",
    "growth in the number of B-round-and-later deals": "previous year,\ndeal-count reading",
}


def plot_previous_share(previous: pd.DataFrame, share_now: float, *, ax: Axes | None = None, title: str | None = None) -> Axes:
    """This year's stated share as a bar, and under it the upper bound each reading puts on last year's.

    Parameters
    ----------
    previous : DataFrame
        :func:`ecoanalysis.implied_previous_share`.
    share_now : float
        The stated share this year (percent).
    ax : matplotlib Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib Axes
    """
    require_rows(previous, ("reading", "implied_previous_share_upper_bound"), "plot_previous_share")
    ax = axes_or_new(ax, 1.8)
    names = ["this year\n(stated)"] + [_READING_LABELS.get(r, wrap(r, 22)) for r in previous["reading"]]
    bounds = [share_now] + list(previous["implied_previous_share_upper_bound"].astype(float))
    y = list(range(len(names)))[::-1]
    for i, (yy, value) in enumerate(zip(y, bounds)):
        if i == 0:
            ax.barh(yy, value, color=OKABE_ITO[4], height=0.6)
            ax.text(value + 1.5, yy, f"{value:g} %", va="center", fontsize=6.5)
        elif np.isfinite(value):
            ax.barh(yy, value, color=OKABE_ITO[0], alpha=0.35, height=0.6, linewidth=0)
            ax.annotate("", xy=(max(value - 12, 0), yy), xytext=(value, yy),
                        arrowprops={"arrowstyle": "-|>", "color": OKABE_ITO[5], "lw": 1.0, "mutation_scale": 7, "shrinkA": 0, "shrinkB": 0})
            ax.plot([value, value], [yy - 0.3, yy + 0.3], color=OKABE_ITO[5], lw=1.2)
            ax.text(value + 1.5, yy, f"below {value:.1f} %", va="center", fontsize=6.5)
        else:
            ax.text(1.5, yy, "not identified without deal totals", va="center", fontsize=6.5, style="italic", color="0.3")
    ax.set_yticks(y, names, fontsize=6.5)
    ax.tick_params(axis="y", length=0)
    ax.set_xlim(0, 100)
    ax.set_ylim(-0.6, len(names) - 0.4)
    ax.set_xlabel("share of deals at B round or later (%)")
    if title:
        ax.set_title(title, loc="left", fontsize=7)
    return ax


def plot_count_ranges(counts: pd.DataFrame, *, total_label: str = "members", ax: Axes | None = None,
                      title: str | None = None) -> Axes:
    """One row per rounded share: the range of whole counts that round to it, and the exact implied count.

    Parameters
    ----------
    counts : DataFrame
        :func:`ecoanalysis.implied_counts`.
    total_label : str
        What the total counts (x-axis label).
    ax : matplotlib Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib Axes
    """
    require_rows(counts, ("share", "total", "implied_count", "count_min", "count_max"), "plot_count_ranges")
    ax = axes_or_new(ax, 0.6 + 0.3 * len(counts))
    total = int(counts["total"].iloc[0])
    yb = list(range(len(counts)))[::-1]
    for yy, (_, row) in zip(yb, counts.iterrows()):
        lo, hi = row["count_min"], row["count_max"]
        if not (pd.isna(lo) or pd.isna(hi)):
            ax.plot([int(lo) - 0.5, int(hi) + 0.5], [yy, yy], color=OKABE_ITO[1], lw=5, solid_capstyle="butt")
            text = f"{int(lo)}" if int(lo) == int(hi) else f"{int(lo)}–{int(hi)}"
            ax.text(int(lo) - 1.5, yy, text, va="center", ha="right", fontsize=6.5)
        ax.plot(row["implied_count"], yy, "|", color=OKABE_ITO[5], markersize=8, mew=1.4)
    ax.axvline(total, color="0.4", lw=0.7, linestyle="--")
    ax.text(total - 0.5, len(counts) - 0.5, f"all {total}", fontsize=6.5, va="center", ha="right", color="0.3")
    ax.set_yticks(yb, [f"{s:g} %" for s in counts["share"]], fontsize=6.5)
    ax.tick_params(axis="y", length=0)
    low_edge = float(np.nanmin(counts["implied_count"].astype(float)))
    ax.set_xlim(low_edge - 0.1 * total, total + 0.03 * total)
    ax.set_ylim(-0.6, len(counts) - 0.2)
    ax.set_xlabel(f"{total_label} (companies)")
    if title:
        ax.set_title(title, loc="left", fontsize=7)
    return ax


def funding_readings_figure(previous: pd.DataFrame, share_now: float, growth_lower_bound: float, counts: pd.DataFrame,
                            *, total_label: str = "members") -> Figure:
    """Panels (a) :func:`plot_previous_share` and (b) :func:`plot_count_ranges`, one column wide.

    ``growth_lower_bound`` (percent) is the stated growth, quoted in panel (a)'s title.
    """
    require_rows(previous, ("reading", "implied_previous_share_upper_bound"), "funding_readings_figure")
    require_rows(counts, ("share", "total", "implied_count", "count_min", "count_max"), "funding_readings_figure")
    fig, (top, bottom) = new_figure(3.2, nrows=2, height_ratios=[1.2, 1])
    plot_previous_share(previous, share_now, ax=top, title=f"a  share before “growth of {growth_lower_bound:g} % or more”")
    total = int(counts["total"].iloc[0])
    plot_count_ranges(counts, total_label=total_label, ax=bottom, title=f"b  counts of {total} that round to each share")
    return fig
