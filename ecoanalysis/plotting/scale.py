"""Figure of question 03: every size claim of every platform on one log axis, bounds drawn as bounds."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from ._axes import axes_or_new, require_rows, wrap
from .theme import OKABE_ITO

__all__ = ["plot_ecosystem_scale"]



def plot_ecosystem_scale(
    scale: pd.DataFrame,
    *,
    group: str = "subject_en",
    label: str = "metric_en",
    colour_by: str = "category",
    group_order: Sequence[str] | None = None,
    xlabel: str = "stated figure (count, log scale)",
    ax: Axes | None = None,
) -> Axes:
    """Dot plot of size claims on a log axis, grouped by platform, with lower bounds drawn as bounds.

    Exact figures are filled circles; lower bounds (超过, 余, +) are open circles with an arrow to the
    right (the true value is larger); approximate figures open diamonds; vague ones (数千, 百万级) grey
    open squares at their order of magnitude; ranges a line from low to high.

    Parameters
    ----------
    scale : DataFrame
        :func:`ecoanalysis.ecosystem_scale` (``value``, ``value_high``, ``precision_class``, the
        ``group`` and ``label`` columns).
    group, label : str
        Row groups (bold headers) and row labels.
    colour_by : str
        Column whose values get one colour each (default: the claim category, adoption vs scale), so
        that colour carries information instead of repeating the group headers.
    group_order : sequence of str, optional
        Order of the groups from top to bottom; default: by largest figure.
    xlabel : str
    ax : matplotlib Axes, optional
        Draw here (the legend goes below its figure); default a new figure whose height fits the rows.

    Returns
    -------
    matplotlib Axes
    """
    require_rows(scale, (group, label, "value", "precision_class"), "plot_ecosystem_scale")
    data = scale[scale["value"] > 0].copy()
    rows = _rows(data, group, group_order)
    texts = [wrap(item, 34) if kind == "header" else wrap(item[label], 34) for kind, item in rows]
    heights = [1.0 + 0.6 * (text.count("\n")) for text in texts]
    total_height = sum(heights)
    ax = axes_or_new(ax, 0.7 + 0.118 * total_height)
    colours = {value: OKABE_ITO[i % len(OKABE_ITO)] for i, value in enumerate(dict.fromkeys(data[colour_by] if colour_by in data else []))}
    xmin, xmax, arrow = _log_limits(data)
    ticks, header_ticks, cursor = [], [], total_height
    for (kind, item), height in zip(rows, heights):
        ticks.append(cursor - height / 2)
        cursor -= height
        if kind == "header":
            header_ticks.append(len(ticks) - 1)
        else:
            _draw_claim(ax, item, ticks[-1], colours.get(item[colour_by], "0.2") if colour_by in item else "0.2", arrow)
    ax.set_xscale("log")
    ax.set_xlim(xmin * 0.7, xmax)
    ax.set_ylim(-0.2, total_height + 0.2)
    _label_rows(ax, ticks, texts, header_ticks)
    ax.set_xlabel(xlabel)
    _legend(ax, set(data["precision_class"]), colours)
    return ax


def _log_limits(data: pd.DataFrame) -> tuple[float, float, float]:
    """Decade below the smallest figure, 1.2 decades above the largest (room for arrows), and the factor
    an arrow spans (7 % of the axis)."""
    xmin = 10 ** np.floor(np.log10(data["value"].min()))
    top_value = data["value"].max()
    if "value_high" in data and data["value_high"].notna().any():
        top_value = max(top_value, data["value_high"].max())
    xmax = 10 ** (np.ceil(np.log10(top_value)) + 1.2)
    return xmin, xmax, 10 ** (0.07 * np.log10(xmax / xmin))


def _label_rows(ax: Axes, ticks: list[float], texts: list[str], header_ticks: list[int]) -> None:
    """Row labels at ``ticks``, the group headers among them in bold."""
    ax.set_yticks(ticks, texts, fontsize=6)
    for index in header_ticks:
        tick = ax.get_yticklabels()[index]
        tick.set_fontweight("bold")
        tick.set_fontsize(6.5)
    ax.tick_params(axis="y", length=0)


def _rows(data: pd.DataFrame, group: str, group_order: Sequence[str] | None) -> list[tuple[str, object]]:
    """("header", group name) followed by ("claim", row) for its claims, largest first, group by group."""
    if group_order is None:
        group_order = list(data.groupby(group, sort=False)["value"].max().sort_values(ascending=False).index)
    present = set(data[group])
    rows: list[tuple[str, object]] = []
    for name in (g for g in group_order if g in present):
        rows.append(("header", name))
        members = data[data[group] == name].sort_values("value", ascending=False, kind="stable")
        rows.extend(("claim", row) for _, row in members.iterrows())
    return rows


def _draw_claim(ax: Axes, item: pd.Series, y: float, colour: str, arrow: float) -> None:
    value = float(item["value"])
    cls = item["precision_class"]
    ax.axhline(y, color="0.92", linewidth=0.4, zorder=0)
    if cls in ("lower bound", "upper bound"):
        end = value * arrow if cls == "lower bound" else value / arrow
        ax.annotate("", xy=(end, y), xytext=(value, y), arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 0.8, "mutation_scale": 5, "shrinkA": 0, "shrinkB": 0})
        ax.plot(value, y, "o", mfc="white", mec=colour, mew=1.0, markersize=3.5, zorder=3)
    elif cls == "approximate":
        ax.plot(value, y, "D", mfc="white", mec=colour, mew=1.0, markersize=3.2, zorder=3)
    elif cls == "vague":
        ax.plot(value, y, "s", mfc="white", mec="0.45", mew=1.0, markersize=3.2, zorder=3)
    elif cls == "range" and np.isfinite(item.get("value_high", np.nan)):
        ax.hlines(y, value, float(item["value_high"]), color=colour, linewidth=2)
    else:
        ax.plot(value, y, "o", color=colour, markersize=3.5, zorder=3)


def _legend(ax: Axes, present: set, colours: dict) -> None:
    handles = [
        Line2D([], [], marker="o", color="0.3", linestyle="", markersize=4, label="exact"),
        Line2D([], [], marker="$\\circ\\!\\rightarrow$", color="0.3", linestyle="", markersize=9, label="lower bound"),
        Line2D([], [], marker="D", mfc="white", mec="0.3", linestyle="", markersize=3.5, label="approximate"),
        Line2D([], [], marker="s", mfc="white", mec="0.45", linestyle="", markersize=3.5, label="vague (order of magnitude)"),
    ]
    keep = [h for h, cls in zip(handles, ("exact", "lower bound", "approximate", "vague")) if cls in present]
    keep += [Line2D([], [], marker="s", color=colour, linestyle="", markersize=4, label=str(value)) for value, colour in colours.items()]
    ax.figure.legend(handles=keep, loc="outside lower center", ncols=min(len(keep), 3), frameon=False, fontsize=6,
                     handletextpad=0.1, columnspacing=0.8)
