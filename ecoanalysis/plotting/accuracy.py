"""Figure of question 02: one before -> after pair per row, its gain on three scales."""
from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ._axes import axes_or_new, new_figure, require_rows, wrap
from .theme import OKABE_ITO

__all__ = ["GAIN_MEASURES", "accuracy_gains_figure", "pair_labels", "plot_gain"]

#: The three scales of a gain: column, factor to the plotted unit, axis label, colour.
GAIN_MEASURES: dict[str, tuple[float, str, str]] = {
    "pp_change": (1.0, "gain\n(pp)", OKABE_ITO[4]),
    "relative_error_reduction": (100.0, "errors\nremoved (%)", OKABE_ITO[5]),
    "log_odds_change": (1.0, "log odds\nratio", OKABE_ITO[2]),
}
_COLUMNS = ("before", "after", "unit", "pp_change", "relative_error_reduction", "log_odds_change")


def pair_labels(changes: pd.DataFrame, *, label: str | None = None) -> list[str]:
    """Row labels: ``label`` (default ``metric_en``) wrapped, then "before → after %"."""
    label = label or ("metric_en" if "metric_en" in changes else None)
    return [
        (wrap(row[label], 20) + "\n" if label else "") + f"{row['before']:g} → {row['after']:g} %"
        for _, row in changes.iterrows()
    ]


def plot_gain(
    changes: pd.DataFrame,
    *,
    measure: str = "pp_change",
    ax: Axes | None = None,
    label: str | None = None,
    label_rows: bool = True,
) -> Axes:
    """Lollipops of one change measure, one row per percent pair (first pair on top).

    Parameters
    ----------
    changes : DataFrame
        Percent pairs from :func:`ecoanalysis.accuracy_changes` (``unit == "percent"``).
    measure : {"pp_change", "relative_error_reduction", "log_odds_change"}
    ax : matplotlib Axes, optional
    label : str, optional
        Row label column (see :func:`pair_labels`).
    label_rows : bool, default True
        Write the row labels on this Axes (off for the inner panels of a shared-y figure).

    Returns
    -------
    matplotlib Axes
    """
    require_rows(changes, _COLUMNS, "plot_gain")
    if measure not in GAIN_MEASURES:
        raise ValueError(f"measure must be one of {list(GAIN_MEASURES)}; got {measure!r}.")
    scale, xlabel, colour = GAIN_MEASURES[measure]
    ax = axes_or_new(ax, 0.7 + 0.42 * len(changes))
    y = list(range(len(changes)))[::-1]
    values = changes[measure].to_numpy(dtype=float) * scale
    ax.hlines(y, 0, values, color=colour, linewidth=1.0)
    ax.plot(values, y, "o", color=colour, markersize=4)
    for yy, value in zip(y, values):
        ax.annotate(f"{value:.2f}" if measure == "log_odds_change" else f"{value:.0f}",
                    (value, yy), xytext=(0, 4), textcoords="offset points", ha="center", fontsize=6)
    ax.set_xlabel(xlabel, fontsize=7)
    ax.set_xlim(0, max(values.max() * 1.3, 1e-9))
    ax.set_ylim(-0.6, len(changes) - 0.4)
    ax.tick_params(axis="x", labelsize=6.5)
    if label_rows:
        _label_rows(ax, changes, label)
    return ax


def _label_rows(ax: Axes, changes: pd.DataFrame, label: str | None) -> None:
    ax.set_yticks(list(range(len(changes)))[::-1], pair_labels(changes, label=label), fontsize=6.5)
    ax.tick_params(axis="y", length=0)


def accuracy_gains_figure(changes: pd.DataFrame, *, label: str | None = None) -> Figure:
    """Three panels sharing the rows: percentage points, errors removed, log odds (:func:`plot_gain`).

    Parameters
    ----------
    changes : DataFrame
        :func:`ecoanalysis.accuracy_changes`; pairs in other units than percent are left out.
    label : str, optional
        Row label column; default ``metric_en`` if present.

    Returns
    -------
    Figure
    """
    require_rows(changes, _COLUMNS, "accuracy_gains_figure")
    data = changes[changes["unit"] == "percent"].reset_index(drop=True)
    if data.empty:
        raise ValueError("accuracy_gains_figure() got no percent pairs: nothing to plot.")
    fig, axes = new_figure(0.7 + 0.42 * len(data), ncols=3, sharey=True)
    for ax, measure in zip(axes, GAIN_MEASURES):
        plot_gain(data, measure=measure, ax=ax, label_rows=False)
    _label_rows(axes[0], data, label)
    return fig
