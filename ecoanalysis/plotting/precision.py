"""Figure of question 06: (a) how claims are stated, (b) round numbers, (c) first digits against Benford."""
from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ._axes import axes_or_new, new_figure, require_rows
from .theme import OKABE_ITO, PRECISION_COLOURS

__all__ = ["plot_first_digits", "plot_precision_mix", "plot_round_numbers", "precision_figure"]


def plot_precision_mix(mix: pd.DataFrame, *, ax: Axes | None = None, title: str | None = None) -> Axes:
    """Bars of the share of claims in each precision class, labelled "share % (count)".

    ``mix`` is :func:`ecoanalysis.precision_mix` without grouping.
    """
    require_rows(mix, ("precision_class", "n", "share"), "plot_precision_mix")
    ax = axes_or_new(ax, 1.5)
    classes = [str(x) for x in mix["precision_class"]]
    shares = 100 * mix["share"].astype(float)
    ax.barh(classes[::-1], shares[::-1], color=[PRECISION_COLOURS.get(x, "0.5") for x in classes[::-1]], height=0.65)
    for yy, (share, count) in enumerate(zip(shares[::-1], mix["n"][::-1])):
        ax.text(share + 1, yy, f"{share:.0f} % ({count})", va="center", fontsize=6.5)
    ax.set_xlim(0, max(shares.max() * 1.3, 10))
    ax.set_xlabel("share of claims (%)")
    ax.tick_params(axis="y", length=0)
    if title:
        ax.set_title(title, loc="left", fontsize=7)
    return ax


def plot_round_numbers(heaping: pd.DataFrame, *, ax: Axes | None = None, title: str | None = None) -> Axes:
    """Per criterion, the share of stated figures that are round against the share if unrounded.

    ``heaping`` is :func:`ecoanalysis.round_number_heaping`.
    """
    require_rows(heaping, ("criterion", "share", "expected_share_if_unrounded"), "plot_round_numbers")
    ax = axes_or_new(ax, 1.5)
    criteria = list(heaping["criterion"])[::-1]
    yy = list(range(len(criteria)))
    ax.hlines(yy, 100 * heaping["expected_share_if_unrounded"][::-1], 100 * heaping["share"][::-1], color="0.75", lw=1)
    ax.plot(100 * heaping["expected_share_if_unrounded"][::-1], yy, "o", mfc="white", mec="0.35", markersize=4, label="if unrounded")
    ax.plot(100 * heaping["share"][::-1], yy, "o", color=OKABE_ITO[5], markersize=4, label="stated figures")
    ax.set_yticks(yy, criteria, fontsize=6.5)
    ax.tick_params(axis="y", length=0)
    ax.set_xlim(0, 100)
    ax.set_xlabel("share of whole-number counts (%)")
    ax.legend(loc="lower right", frameon=False, fontsize=6.5, handletextpad=0.2)
    if title:
        ax.set_title(title, loc="left", fontsize=7)
    return ax


def plot_first_digits(benford_table: pd.DataFrame, *, ax: Axes | None = None, title: str | None = None) -> Axes:
    """Bars of the observed first-digit shares and Benford's expected shares as a line.

    ``benford_table`` is ``BenfordResult.table`` from :func:`ecoanalysis.benford_test`.
    """
    require_rows(benford_table, ("digit", "observed_share", "expected_share"), "plot_first_digits")
    ax = axes_or_new(ax, 1.5)
    ax.bar(benford_table["digit"], 100 * benford_table["observed_share"], color=OKABE_ITO[1], width=0.7, label="stated figures")
    ax.plot(benford_table["digit"], 100 * benford_table["expected_share"], "o-", color="0.2", markersize=3, lw=0.8, label="Benford's law")
    ax.set_xticks(list(benford_table["digit"]))
    ax.set_xlabel("first significant digit")
    ax.set_ylabel("share (%)")
    ax.legend(frameon=False, fontsize=6.5)
    if title:
        ax.set_title(title, loc="left", fontsize=7)
    return ax


def precision_figure(mix: pd.DataFrame, heaping: pd.DataFrame, benford_table: pd.DataFrame) -> Figure:
    """Three panels: :func:`plot_precision_mix`, :func:`plot_round_numbers`, :func:`plot_first_digits`."""
    require_rows(mix, ("precision_class", "n", "share"), "precision_figure")
    require_rows(heaping, ("criterion", "share", "expected_share_if_unrounded"), "precision_figure")
    require_rows(benford_table, ("digit", "observed_share", "expected_share"), "precision_figure")
    fig, (a, b, c) = new_figure(4.6, nrows=3, height_ratios=[1, 1.05, 1])
    plot_precision_mix(mix, ax=a, title="a  how the claims are stated")
    plot_round_numbers(heaping, ax=b, title="b  round numbers")
    plot_first_digits(benford_table, ax=c, title="c  first digits")
    return fig
