"""Helpers shared by the figure modules: input checks, label wrapping, a new Axes when none is given."""
from __future__ import annotations

import textwrap
from collections.abc import Iterable

from matplotlib.axes import Axes

from .theme import COLUMN_WIDTH_IN


def wrap(text: object, width: int) -> str:
    return "\n".join(textwrap.wrap(str(text), width=width, break_long_words=False)) or str(text)


def require_rows(data, columns: Iterable[str], function: str) -> None:
    missing = [column for column in columns if column not in data.columns]
    if missing:
        raise KeyError(f"{function}() needs column(s) {missing}; the table has {list(data.columns)}.")
    if len(data) == 0:
        raise ValueError(f"{function}() got an empty table: nothing to plot.")


def new_figure(height: float, width: float = COLUMN_WIDTH_IN, **subplots):
    """A constrained-layout Figure ``width`` x ``height`` inches and its Axes (``plt.subplots``)."""
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(figsize=(width, height), layout="constrained", **subplots)
    return fig, axes


def axes_or_new(ax: Axes | None, height: float) -> Axes:
    """``ax`` itself, or the Axes of a new one-column Figure ``height`` inches tall (sized to the data)."""
    if ax is not None:
        return ax
    return new_figure(height)[1]
