"""Figure of question 05: one row per dated event, a dot for a month, a bar for a year or a period."""
from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.axes import Axes

from ._axes import axes_or_new, require_rows, wrap
from .theme import OKABE_ITO

__all__ = ["plot_timeline"]


def plot_timeline(
    events: pd.DataFrame,
    *,
    label: str = "event_en",
    group: str | None = "subject_en",
    width: int = 44,
    ax: Axes | None = None,
) -> Axes:
    """One row per dated event: a dot for a month, a bar for a whole year or a multi-year period.

    Labels are written next to the marks (left of late events, right of early ones), so no text
    competes with the axis.

    Parameters
    ----------
    events : DataFrame
        :func:`ecoanalysis.timeline_events` (``date_start``, ``date_end``, ``precision``).
    label : str
        Label column; ``group`` (if given and present) is added in parentheses.
    width : int
        Wrap labels at this many characters.
    ax : matplotlib Axes, optional
        Draw here; default a new one-column figure whose height fits the events.

    Returns
    -------
    matplotlib Axes
    """
    require_rows(events, ("date_start", "date_end", "precision", label), "plot_timeline")
    data = events.reset_index(drop=True)
    texts = _event_texts(data, label, group, width)
    heights = [1.0 + 0.55 * t.count("\n") for t in texts]
    total = sum(heights)
    ax = axes_or_new(ax, 0.55 + 0.15 * total)
    first = data["date_start"].min()
    last = data["date_end"].max()
    middle = first + (last - first) * 0.45
    cursor = total
    for (_, row), text, height in zip(data.iterrows(), texts, heights):
        yy = cursor - height / 2
        cursor -= height
        start, end = row["date_start"], row["date_end"]
        point = row["precision"] == "month" and (end - start).days < 32
        centre = start + (end - start) / 2
        if point:
            ax.plot(centre, yy, "o", color=OKABE_ITO[4], markersize=3.5, zorder=3)
        else:
            ax.plot([start, end], [yy, yy], color=OKABE_ITO[0], lw=3.5, solid_capstyle="butt", zorder=2)
        if centre > middle:
            ax.annotate(text, (start, yy), xytext=(-4, 0), textcoords="offset points", ha="right", va="center", fontsize=6)
        else:
            ax.annotate(text, (end, yy), xytext=(4, 0), textcoords="offset points", ha="left", va="center", fontsize=6)
    _year_axis(ax, first, last)
    ax.set_ylim(-0.2, total + 0.2)
    return ax


def _event_texts(data: pd.DataFrame, label: str, group: str | None, width: int) -> list[str]:
    texts = []
    for _, row in data.iterrows():
        text = str(row[label])
        if group and group in data and pd.notna(row[group]):
            text += f" ({row[group]})"
        texts.append(wrap(text, width))
    return texts


def _year_axis(ax: Axes, first: pd.Timestamp, last: pd.Timestamp) -> None:
    """No y axis; one x tick per year, from a little before the first January to after the last December."""
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_xlim(pd.Timestamp(year=first.year, month=1, day=1) - pd.Timedelta(days=60),
                pd.Timestamp(year=last.year, month=12, day=31) + pd.Timedelta(days=60))
    ax.xaxis.set_major_locator(mdates.YearLocator(1))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.tick_params(axis="x", labelsize=6.5, rotation=90)
    ax.grid(axis="x", color="0.93", lw=0.4)
    ax.set_xlabel("year (dot: month given; bar: year or period)")
