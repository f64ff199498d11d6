"""fig08: evidence ÷ claim for every checked claim, one mark per counting definition or statement."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ._axes import require_rows as _require_rows
from .theme import OKABE_ITO, PAGE_WIDTH_IN

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes

#: Colour of each verdict (Okabe–Ito: green agrees, vermillion disagrees, orange brackets, grey unknown).
VERDICT_COLOURS = {"consistent": OKABE_ITO[2], "bracketed": OKABE_ITO[0], "inconsistent": OKABE_ITO[5], "not_checkable": "0.6"}
_X_LIMITS = (0.02, 50.0)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _draw_marks(ax: "Axes", marks: "pd.DataFrame") -> None:
    claims = list(dict.fromkeys(marks["claim"]))
    position = {claim: len(claims) - 1 - i for i, claim in enumerate(claims)}
    for claim, group in marks.groupby("claim", sort=False):
        y = position[claim]
        low, high = group["band_low"].iloc[0], group["band_high"].iloc[0]
        ax.fill_betweenx([y - 0.32, y + 0.32], max(low, _X_LIMITS[0]), min(high, _X_LIMITS[1]), color="0.88", lw=0, zorder=0)
        offsets = [0.0] if len(group) == 1 else [(-0.25 + 0.5 * i / (len(group) - 1)) for i in range(len(group))]
        for offset, row in zip(offsets, group.itertuples()):
            x = min(max(row.ratio, _X_LIMITS[0] * 1.05), _X_LIMITS[1] / 1.05)
            ax.plot(x, y + offset, ">" if row.lower_bound else "o", color=VERDICT_COLOURS[row.verdict],
                    markersize=3.2, markeredgewidth=0.3, markeredgecolor="black", zorder=3)
    ax.axvline(1.0, color="black", lw=0.6, zorder=1)
    ax.set_xscale("log")
    ax.set_xlim(*_X_LIMITS)
    ax.set_ylim(-0.7, len(claims) - 0.3)
    ax.set_yticks(range(len(claims)), [_clip(c, 70) for c in claims[::-1]], fontsize=5)
    claim_verdict = {_clip(c, 70): v for c, v in zip(marks["claim"], marks["claim_verdict"])}
    for label in ax.get_yticklabels():  # the label's colour is the claim's verdict over all its sources
        label.set_color(VERDICT_COLOURS[claim_verdict[label.get_text()]] if label.get_text() in claim_verdict else "black")
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel("evidence ÷ claim (log scale; 1 = agreement; grey band = the claim's tolerance; ▸ = lower bound)", fontsize=6)
    for verdict, colour in VERDICT_COLOURS.items():
        ax.plot([], [], "o", color=colour, markersize=3.5, label=verdict.replace("_", " "))
    ax.legend(fontsize=5, loc="lower right", frameon=False, title="marks: verdict of each source\nlabels: verdict of the claim", title_fontsize=5)


def _draw_table(ax: "Axes", table: "pd.DataFrame") -> None:
    ax.axis("off")
    cells = [[str(r.line), _clip(r.claim, 58), r.verdict.replace("_", " "), _clip(r.sources, 44)] for r in table.itertuples()]
    drawn = ax.table(cellText=cells, colLabels=["line", "claim", "claim verdict", "sources"], loc="upper center",
                     cellLoc="left", colLoc="left", colWidths=[0.05, 0.47, 0.1, 0.38])
    drawn.auto_set_font_size(False)
    drawn.set_fontsize(4.2)
    for (row, column), cell in drawn.get_celld().items():
        cell.set_linewidth(0.2)
        cell.set_height(1.0 / (len(cells) + 1))
        if row > 0 and column == 2:
            cell.get_text().set_color(VERDICT_COLOURS[table["verdict"].iloc[row - 1]])


def plot_corroboration(data: "pd.DataFrame", *, table: "pd.DataFrame | None" = None, ax: "Axes | None" = None) -> "Axes":
    """Evidence ÷ claim on a log axis, one row per claim, one mark per definition, coloured by verdict.

    Parameters
    ----------
    data : DataFrame
        :func:`ecoanalysis.analyses.corroboration.corroboration_marks` (``claim``, ``ratio``, ``verdict``,
        ``lower_bound``, ``band_low``, ``band_high``).
    table : DataFrame, optional
        :func:`~ecoanalysis.analyses.corroboration.verdict_table`; drawn under the marks when ``ax`` is not given.
    ax : matplotlib Axes, optional
        Where to draw the marks (the table then needs a figure of its own).

    Returns
    -------
    Axes
        The axes of the marks (``ax.figure`` is the figure to save).
    """
    _require_rows(data, ("claim", "ratio", "verdict", "lower_bound", "band_low", "band_high"), "plot_corroboration")
    if ax is None:
        import matplotlib.pyplot as plt

        n_claims, n_rows = data["claim"].nunique(), 0 if table is None else len(table) + 1
        fig = plt.figure(figsize=(PAGE_WIDTH_IN, 0.9 + 0.16 * n_claims + 0.095 * n_rows), layout="constrained")
        ratios = [0.16 * n_claims + 0.6] + ([0.095 * n_rows] if n_rows else [])
        axes = fig.subplots(len(ratios), 1, height_ratios=ratios, squeeze=False)[:, 0]
        ax = axes[0]
        if table is not None:
            _draw_table(axes[1], table)
    _draw_marks(ax, data)
    return ax
