"""The one shared figure helper: theme, CJK font, byte-reproducible saving, glyph check.

Every notebook starts with :func:`set_theme` and ends each figure with :func:`save_figure`; nothing else
in the package writes figures. Three properties are guaranteed here rather than in each notebook:

* **Readable at one-column width.** Figures are sized for :data:`COLUMN_WIDTH_IN` (3.5 in) with 7.5-9 pt
  text and the colour-blind-safe :data:`OKABE_ITO` palette.
* **Chinese renders.** The labels are English, but subject names such as 飞桨 or 海淀城市大脑 are drawn in
  some figures. :func:`set_theme` registers Noto Sans CJK SC, which ships inside the ``mplfonts`` package,
  and puts it behind the Latin font as a per-glyph fallback; SVGs store glyphs as paths so a viewer
  needs no CJK font. :func:`missing_glyphs` lets a test prove that nothing fell back to tofu boxes.
* **Byte-identical rebuilds.** :func:`save_figure` strips every timestamp and version string matplotlib
  would embed and fixes the SVG id salt, so re-running a notebook changes no committed figure unless the
  figure itself changed.
"""
from __future__ import annotations

import importlib.util
import io
import os
import re
import uuid
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path

import matplotlib
from matplotlib import font_manager
from matplotlib.figure import Figure

from . import config

__all__ = [
    "CJK_FONT_FAMILY",
    "COLUMN_WIDTH_IN",
    "FIGURE_NAME_PATTERN",
    "LATIN_FONT_FAMILY",
    "MIN_PNG_DPI",
    "OKABE_ITO",
    "PAGE_WIDTH_IN",
    "SVG_HASHSALT",
    "HOST_KIND_LABELS",
    "PRECISION_COLOURS",
    "cjk_font_path",
    "missing_glyphs",
    "plot_accuracy_gains",
    "plot_claim_inventory",
    "plot_ecosystem_scale",
    "plot_funding_readings",
    "plot_platform_hosts",
    "plot_precision",
    "plot_timeline",
    "save_figure",
    "set_theme",
]

#: Okabe & Ito (2008) colour-blind-safe qualitative palette, black moved last so it is used least.
OKABE_ITO: tuple[str, ...] = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#F0E442",  # yellow
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#000000",  # black
)

#: Width of one journal column in inches; the default figure width.
COLUMN_WIDTH_IN = 3.5
#: Width of a two-column (full page) figure in inches.
PAGE_WIDTH_IN = 7.2

#: Latin font: ships with matplotlib, so it is the same on every machine.
LATIN_FONT_FAMILY = "DejaVu Sans"
#: Family name of the CJK fallback font registered from ``mplfonts``.
CJK_FONT_FAMILY = "Noto Sans CJK SC"
_CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"

#: Fixed salt for the ids matplotlib writes into SVGs (otherwise random per process).
SVG_HASHSALT = "ecoanalysis"
#: PNGs are written at this resolution or higher.
MIN_PNG_DPI = 300
#: ``fig`` + two-digit number + lower-case kebab-case short name, e.g. ``fig03-accuracy-gains``.
FIGURE_NAME_PATTERN = re.compile(r"^fig\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$")

SUPPORTED_FORMATS = ("png", "svg", "pdf")

# Metadata that would otherwise embed the matplotlib version or the current time. ``None`` tells
# matplotlib to omit the key.
_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None},
    "pdf": {"CreationDate": None, "Producer": None, "Creator": None},
}

# Backends that mean "a human is watching": leave them alone so plots still show inline in Jupyter.
_INTERACTIVE_BACKEND_MARKERS = ("inline", "ipympl", "widget", "nbagg")

_GLYPH_WARNING = re.compile(r"Glyph (\d+) .*missing from (?:current )?font")


def cjk_font_path() -> Path:
    """Return the path of the Noto Sans CJK SC font file shipped inside the ``mplfonts`` package.

    The package is located without importing it (importing ``mplfonts`` changes global rcParams).

    Returns
    -------
    pathlib.Path
        Path to ``NotoSansCJKsc-Regular.otf``.

    Raises
    ------
    FileNotFoundError
        If ``mplfonts`` is not installed or no longer ships the font.
    """
    spec = importlib.util.find_spec("mplfonts")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(
            "The mplfonts package is not installed; it provides the CJK font (Noto Sans CJK SC) "
            "that figures with Chinese labels need. Install the project's dependencies."
        )
    for location in spec.submodule_search_locations:
        path = Path(location) / "fonts" / _CJK_FONT_FILE
        if path.is_file():
            return path
    raise FileNotFoundError(f"mplfonts is installed but {_CJK_FONT_FILE} was not found in its fonts/ directory.")


def _register_cjk_font() -> str:
    """Add the CJK font to matplotlib's font manager once and return its family name."""
    path = cjk_font_path()
    already = any(Path(entry.fname) == path for entry in font_manager.fontManager.ttflist)
    if not already:
        font_manager.fontManager.addfont(str(path))
    return CJK_FONT_FAMILY


def _use_agg_unless_interactive() -> None:
    """Switch to the Agg backend unless a notebook backend is active.

    Agg makes scripts, tests and headless notebook execution independent of any display; but inside
    Jupyter the inline backend must stay or figures would stop showing. Saved files are identical either
    way because :func:`save_figure` always renders PNG with Agg and SVG/PDF with their own backends.
    """
    backend = matplotlib.get_backend().lower()
    if any(marker in backend for marker in _INTERACTIVE_BACKEND_MARKERS):
        return
    matplotlib.use("Agg")


def set_theme(*, font_size: float = 8.0, palette: Sequence[str] = OKABE_ITO) -> None:
    """Apply the house style: seaborn "ticks", one-column sizes, colour-blind palette, CJK fallback.

    Call once at the top of every notebook. Safe to call repeatedly.

    Parameters
    ----------
    font_size : float, default 8.0
        Base font size in points for labels; tick and legend labels are 0.5 pt smaller and titles 1 pt
        larger, which stays legible when the figure is printed at :data:`COLUMN_WIDTH_IN`.
    palette : sequence of str, default :data:`OKABE_ITO`
        Colour cycle.

    Notes
    -----
    * The backend becomes Agg unless a Jupyter backend (inline, ipympl) is already active.
    * ``font.family`` is ``[LATIN_FONT_FAMILY, CJK_FONT_FAMILY]`` rather than the generic
      ``"sans-serif"`` with the CJK font appended to ``font.sans-serif``: matplotlib resolves a generic
      family to a single font, so per-glyph fallback only works between families listed explicitly in
      ``font.family``.
    * ``svg.fonttype = "path"`` stores glyphs as outlines, so Chinese renders on machines without the font.
    """
    import seaborn as sns  # imported here so that importing the package stays light

    _use_agg_unless_interactive()
    cjk_family = _register_cjk_font()
    sns.set_theme(context="paper", style="ticks", palette=list(palette))
    small = font_size - 0.5
    matplotlib.rcParams.update(
        {
            "font.family": [LATIN_FONT_FAMILY, cjk_family],
            "font.sans-serif": [LATIN_FONT_FAMILY, cjk_family, *matplotlib.rcParamsDefault["font.sans-serif"]],
            "font.size": font_size,
            "axes.labelsize": font_size,
            "axes.titlesize": font_size + 1,
            "figure.titlesize": font_size + 1,
            "xtick.labelsize": small,
            "ytick.labelsize": small,
            "legend.fontsize": small,
            "legend.title_fontsize": font_size,
            "axes.linewidth": 0.6,
            "grid.linewidth": 0.4,
            "lines.linewidth": 1.2,
            "lines.markersize": 4.0,
            "xtick.major.width": 0.6,
            "ytick.major.width": 0.6,
            "xtick.major.size": 3.0,
            "ytick.major.size": 3.0,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "figure.figsize": (COLUMN_WIDTH_IN, COLUMN_WIDTH_IN * 0.7),
            "figure.dpi": 150,
            "figure.constrained_layout.use": True,
            "savefig.dpi": MIN_PNG_DPI,
            "svg.fonttype": "path",
            "svg.hashsalt": SVG_HASHSALT,
            # Type 3 subsets handle the CFF-flavoured Noto .otf; Type 42 cannot embed it.
            "pdf.fonttype": 3,
            "axes.unicode_minus": True,
        }
    )


def _check_name(name: str) -> None:
    if not isinstance(name, str) or not FIGURE_NAME_PATTERN.fullmatch(name):
        raise ValueError(
            f"Figure name {name!r} is invalid: use 'figNN-short-name' (two-digit number, lower-case words "
            "joined by hyphens, no extension), e.g. 'fig03-accuracy-gains'."
        )


def _check_formats(formats: Iterable[str]) -> tuple[str, ...]:
    if isinstance(formats, str):
        formats = (formats,)
    formats = tuple(dict.fromkeys(fmt.lower().lstrip(".") for fmt in formats))
    unknown = [fmt for fmt in formats if fmt not in SUPPORTED_FORMATS]
    if not formats or unknown:
        raise ValueError(f"formats must be a non-empty subset of {SUPPORTED_FORMATS}; got unknown {unknown}.")
    return formats


def save_figure(
    fig: Figure,
    name: str,
    *,
    directory: str | os.PathLike | None = None,
    formats: Sequence[str] = ("png", "svg"),
    dpi: int = MIN_PNG_DPI,
) -> list[Path]:
    """Write ``fig`` as ``{directory}/{name}.{format}`` for each format, byte-identically on rebuild.

    This is the only function in the package that writes figures. All formats are rendered to temporary
    files in the target directory first and moved into place only when every format succeeded, so a
    failure leaves no new or half-written file behind (an existing older figure is kept as it was).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        Figure to save.
    name : str
        ``figNN-short-name``, e.g. ``"fig03-accuracy-gains"``; no extension.
    directory : path-like, optional
        Output directory; created if missing. Defaults to ``config.FIGURES_DIR`` (looked up at call time,
        so the ``ECOANALYSIS_FIGURES_DIR`` environment variable and test monkeypatching are honoured).
    formats : sequence of {"png", "svg", "pdf"}, default ("png", "svg")
    dpi : int, default 300
        PNG resolution; must be at least :data:`MIN_PNG_DPI`. Vector formats ignore it.

    Returns
    -------
    list of pathlib.Path
        The written files, in the order of ``formats``.

    Raises
    ------
    ValueError
        If the name does not match :data:`FIGURE_NAME_PATTERN`, a format is unsupported or ``dpi`` < 300.
    """
    _check_name(name)
    formats = _check_formats(formats)
    if dpi < MIN_PNG_DPI:
        raise ValueError(f"dpi must be at least {MIN_PNG_DPI} for publication PNGs; got {dpi}.")
    if not isinstance(fig, Figure):
        raise TypeError(f"save_figure expects a matplotlib Figure, got {type(fig).__name__}.")

    directory = Path(config.FIGURES_DIR if directory is None else directory)
    directory.mkdir(parents=True, exist_ok=True)

    # Fixed here, not only in set_theme, so files are reproducible even if a notebook forgot the theme.
    reproducible_rc = {"svg.hashsalt": SVG_HASHSALT, "svg.fonttype": "path", "pdf.fonttype": 3}
    staged: list[tuple[Path, Path]] = []
    try:
        with matplotlib.rc_context(reproducible_rc):
            for fmt in formats:
                # A unique hidden name in the same directory keeps os.replace atomic; "xb" (unlike
                # tempfile.mkstemp's 0600) gives the file the usual umask-derived permissions.
                temp_path = directory / f".{name}.{fmt}.{os.getpid()}-{uuid.uuid4().hex}.tmp"
                staged.append((temp_path, directory / f"{name}.{fmt}"))
                with open(temp_path, "xb") as stream:
                    fig.savefig(
                        stream,
                        format=fmt,
                        dpi=dpi,
                        metadata=_METADATA[fmt],
                        bbox_inches="tight",
                        pad_inches=0.02,
                    )
    except BaseException:
        for temp_path, _ in staged:
            temp_path.unlink(missing_ok=True)
        raise
    for temp_path, final_path in staged:
        os.replace(temp_path, final_path)
    return [final_path for _, final_path in staged]


def missing_glyphs(fig: Figure, *, formats: Sequence[str] = ("png", "svg")) -> list[str]:
    """Render ``fig`` in memory and return the characters no configured font could draw.

    Matplotlib draws a tofu box and warns ``Glyph N (...) missing from font(s) ...`` for each character
    that neither the Latin font nor the CJK fallback contains. This captures those warnings, so a test can
    assert ``missing_glyphs(fig) == []``.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    formats : sequence of {"png", "svg", "pdf"}, default ("png", "svg")
        Renderers to exercise; each resolves fonts separately.

    Returns
    -------
    list of str
        Missing characters, de-duplicated, in order of first occurrence.
    """
    formats = _check_formats(formats)
    missing: dict[str, None] = {}
    with matplotlib.rc_context({"svg.fonttype": "path"}):
        for fmt in formats:
            with warnings.catch_warnings(record=True) as caught:
                # "always" because the default filter would report each glyph only once per process.
                warnings.simplefilter("always")
                fig.savefig(io.BytesIO(), format=fmt)
            for warning in caught:
                match = _GLYPH_WARNING.search(str(warning.message))
                if match:
                    missing[chr(int(match.group(1)))] = None
    return list(missing)


# --------------------------------------------------------------------------------------------------
# Figure functions used by the numbered notebooks. Each takes the DataFrame an analysis function
# returns, draws one publication figure at one-column width and returns the Figure; none saves.

#: Colour of each precision class (Okabe-Ito, so colour-blind safe), shared by every figure.
PRECISION_COLOURS: dict[str, str] = {
    "exact": OKABE_ITO[4],
    "lower bound": OKABE_ITO[0],
    "upper bound": OKABE_ITO[6],
    "approximate": OKABE_ITO[2],
    "range": OKABE_ITO[1],
    "vague": "#999999",
}

#: Readable names of the platform host kinds (codebook ``HOST_KIND_DEFINITIONS``).
HOST_KIND_LABELS: dict[str, str] = {
    "ai_company": "AI company",
    "internet_platform": "internet platform",
    "device_maker": "device maker",
    "vertical_industry": "vertical industry",
}


def _wrap(text: object, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(str(text), width=width, break_long_words=False)) or str(text)


def _require_rows(data, columns: Iterable[str], function: str) -> None:
    missing = [column for column in columns if column not in data.columns]
    if missing:
        raise KeyError(f"{function}() needs column(s) {missing}; the table has {list(data.columns)}.")
    if len(data) == 0:
        raise ValueError(f"{function}() got an empty table: nothing to plot.")


def _new_figure(height: float, width: float = COLUMN_WIDTH_IN, **subplots):
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(figsize=(width, height), layout="constrained", **subplots)
    return fig, axes


def plot_claim_inventory(mix: "pd.DataFrame", *, group: str = "category") -> Figure:
    """Horizontal stacked bars: claims per ``group`` (category), split by precision class.

    Parameters
    ----------
    mix : DataFrame
        :func:`ecoanalysis.analysis.precision_mix` with ``by=group`` (columns ``group``,
        ``precision_class``, ``n``).
    group : str, default "category"

    Returns
    -------
    Figure
    """
    from .analyses import PRECISION_CLASSES

    _require_rows(mix, (group, "precision_class", "n"), "plot_claim_inventory")
    table = mix.pivot_table(index=group, columns="precision_class", values="n", aggfunc="sum", observed=False).fillna(0)
    classes = [c for c in PRECISION_CLASSES if c in table.columns and table[c].sum() > 0]
    table = table[classes]
    table = table.loc[table.sum(axis=1).sort_values(kind="stable").index]
    fig, ax = _new_figure(0.45 + 0.17 * len(table))
    left = [0.0] * len(table)
    labels = [str(name) for name in table.index]
    for cls in classes:
        values = table[cls].to_numpy(dtype=float)
        ax.barh(labels, values, left=left, color=PRECISION_COLOURS[cls], label=cls, height=0.7, linewidth=0)
        left = [a + b for a, b in zip(left, values)]
    for y, total in enumerate(left):
        ax.text(total + 0.4, y, f"{total:.0f}", va="center", ha="left", fontsize=6.5)
    ax.set_xlabel("claims (number of mentions)")
    ax.set_xlim(0, max(left) * 1.12)
    ax.legend(title="stated as", loc="lower right", frameon=False, fontsize=6.5, title_fontsize=7)
    ax.tick_params(axis="y", length=0)
    return fig


def plot_accuracy_gains(changes: "pd.DataFrame", *, label: str | None = None) -> Figure:
    """Three panels, one row per before->after pair: percentage points, errors removed, log odds.

    Parameters
    ----------
    changes : DataFrame
        :func:`ecoanalysis.analysis.accuracy_changes` (percent pairs; other units are dropped), with
        ``before``, ``after``, ``pp_change``, ``relative_error_reduction``, ``log_odds_change``.
    label : str, optional
        Column used as row label (wrapped); default ``metric_en`` if present. The before->after
        values are always added to the label.

    Returns
    -------
    Figure
    """
    columns = ("before", "after", "unit", "pp_change", "relative_error_reduction", "log_odds_change")
    _require_rows(changes, columns, "plot_accuracy_gains")
    data = changes[changes["unit"] == "percent"].reset_index(drop=True)
    if data.empty:
        raise ValueError("plot_accuracy_gains() got no percent pairs: nothing to plot.")
    label = label or ("metric_en" if "metric_en" in data else None)
    names = [
        (_wrap(row[label], 20) + "\n" if label else "") + f"{row['before']:g} → {row['after']:g} %"
        for _, row in data.iterrows()
    ]
    fig, axes = _new_figure(0.7 + 0.42 * len(data), ncols=3, sharey=True)
    panels = (
        ("pp_change", 1.0, "gain\n(pp)"),
        ("relative_error_reduction", 100.0, "errors\nremoved (%)"),
        ("log_odds_change", 1.0, "log odds\nratio"),
    )
    y = list(range(len(data)))[::-1]
    for ax, (column, scale, xlabel), colour in zip(axes, panels, (OKABE_ITO[4], OKABE_ITO[5], OKABE_ITO[2])):
        values = data[column].to_numpy(dtype=float) * scale
        ax.hlines(y, 0, values, color=colour, linewidth=1.0)
        ax.plot(values, y, "o", color=colour, markersize=4)
        for yy, value in zip(y, values):
            ax.annotate(f"{value:.2f}" if scale == 1.0 and column == "log_odds_change" else f"{value:.0f}",
                        (value, yy), xytext=(0, 4), textcoords="offset points", ha="center", fontsize=6)
        ax.set_xlabel(xlabel, fontsize=7)
        ax.set_xlim(0, max(values.max() * 1.3, 1e-9))
        ax.set_ylim(-0.6, len(data) - 0.4)
        ax.tick_params(axis="x", labelsize=6.5)
    axes[0].set_yticks(y, names, fontsize=6.5)
    axes[0].tick_params(axis="y", length=0)
    return fig


_RANK = {"exact": 0, "lower bound": 1, "upper bound": 2, "approximate": 3, "range": 4, "vague": 5}


def plot_ecosystem_scale(
    scale: "pd.DataFrame",
    *,
    group: str = "subject_en",
    label: str = "metric_en",
    colour_by: str = "category",
    group_order: Sequence[str] | None = None,
    xlabel: str = "stated figure (count, log scale)",
) -> Figure:
    """Dot plot of size claims on a log axis, grouped by platform, with lower bounds drawn as bounds.

    Exact figures are filled circles; lower bounds (超过, 余, +) are open circles with an arrow to the
    right (the true value is larger); approximate figures open diamonds; vague ones (数千, 百万级) grey
    open squares at their order of magnitude; ranges a line from low to high.

    Parameters
    ----------
    scale : DataFrame
        :func:`ecoanalysis.analysis.ecosystem_scale` (``value``, ``value_high``, ``precision_class``,
        the ``group`` and ``label`` columns).
    group, label : str
        Row groups (bold headers) and row labels.
    colour_by : str
        Column whose values get one colour each (default: the claim category, adoption vs scale), so
        that colour carries information instead of repeating the group headers.
    group_order : sequence of str, optional
        Order of the groups from top to bottom; default: by largest figure.
    xlabel : str

    Returns
    -------
    Figure
    """
    import numpy as np
    from matplotlib.lines import Line2D

    _require_rows(scale, (group, label, "value", "precision_class"), "plot_ecosystem_scale")
    data = scale[scale["value"] > 0].copy()
    if group_order is None:
        group_order = list(data.groupby(group, sort=False)["value"].max().sort_values(ascending=False).index)
    group_order = [g for g in group_order if g in set(data[group])]
    rows: list[tuple[str, object]] = []  # ("header", name) or ("claim", Series)
    for name in group_order:
        rows.append(("header", name))
        members = data[data[group] == name].sort_values("value", ascending=False, kind="stable")
        rows.extend(("claim", row) for _, row in members.iterrows())
    texts = [_wrap(item, 34) if kind == "header" else _wrap(item[label], 34) for kind, item in rows]
    heights = [1.0 + 0.6 * (text.count("\n")) for text in texts]
    total_height = sum(heights)
    fig, ax = _new_figure(0.7 + 0.118 * total_height)
    colour_values = list(dict.fromkeys(data[colour_by])) if colour_by in data else []
    colours = {value: OKABE_ITO[i % len(OKABE_ITO)] for i, value in enumerate(colour_values)}
    xmin = 10 ** np.floor(np.log10(data["value"].min()))
    top_value = data["value"].max()
    if "value_high" in data and data["value_high"].notna().any():
        top_value = max(top_value, data["value_high"].max())
    xmax = 10 ** (np.ceil(np.log10(top_value)) + 1.2)
    arrow = 10 ** (0.07 * np.log10(xmax / xmin))  # an arrow spans 7 % of the axis
    ticks, labels, header_ticks = [], [], []
    cursor = total_height
    for (kind, item), text, height in zip(rows, texts, heights):
        y = cursor - height / 2
        cursor -= height
        ticks.append(y)
        labels.append(text)
        if kind == "header":
            header_ticks.append(len(ticks) - 1)
            continue
        colour = colours.get(item[colour_by], "0.2") if colour_by in item else "0.2"
        value = float(item["value"])
        cls = item["precision_class"]
        ax.axhline(y, color="0.92", linewidth=0.4, zorder=0)
        if cls in ("lower bound", "upper bound"):
            end = value * arrow if cls == "lower bound" else value / arrow
            ax.annotate("", xy=(end, y), xytext=(value, y),
                        arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 0.8, "mutation_scale": 5, "shrinkA": 0, "shrinkB": 0})
            ax.plot(value, y, "o", mfc="white", mec=colour, mew=1.0, markersize=3.5, zorder=3)
        elif cls == "approximate":
            ax.plot(value, y, "D", mfc="white", mec=colour, mew=1.0, markersize=3.2, zorder=3)
        elif cls == "vague":
            ax.plot(value, y, "s", mfc="white", mec="0.45", mew=1.0, markersize=3.2, zorder=3)
        elif cls == "range" and np.isfinite(item.get("value_high", np.nan)):
            ax.hlines(y, value, float(item["value_high"]), color=colour, linewidth=2)
        else:
            ax.plot(value, y, "o", color=colour, markersize=3.5, zorder=3)
    n = total_height
    ax.set_xscale("log")
    ax.set_xlim(xmin * 0.7, xmax)
    ax.set_ylim(-0.2, n + 0.2)
    ax.set_yticks(ticks, labels, fontsize=6)
    for index in header_ticks:
        tick = ax.get_yticklabels()[index]
        tick.set_fontweight("bold")
        tick.set_fontsize(6.5)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel(xlabel)
    handles = [
        Line2D([], [], marker="o", color="0.3", linestyle="", markersize=4, label="exact"),
        Line2D([], [], marker="$\\circ\\!\\rightarrow$", color="0.3", linestyle="", markersize=9, label="lower bound"),
        Line2D([], [], marker="D", mfc="white", mec="0.3", linestyle="", markersize=3.5, label="approximate"),
        Line2D([], [], marker="s", mfc="white", mec="0.45", linestyle="", markersize=3.5, label="vague (order of magnitude)"),
    ]
    present = set(data["precision_class"])
    keep = [h for h, cls in zip(handles, ("exact", "lower bound", "approximate", "vague")) if cls in present]
    keep += [Line2D([], [], marker="s", color=colour, linestyle="", markersize=4, label=str(value)) for value, colour in colours.items()]
    fig.legend(handles=keep, loc="outside lower center", ncols=min(len(keep), 3), frameon=False, fontsize=6,
               handletextpad=0.1, columnspacing=0.8)
    return fig


_READING_LABELS = {
    "relative growth of the share": "previous year,\nrelative reading",
    "percentage-point growth of the share": "previous year,\npoint reading",
    "growth in the number of B-round-and-later deals": "previous year,\ndeal-count reading",
}


def plot_funding_readings(previous: "pd.DataFrame", share_now: float, counts: "pd.DataFrame", *, total_label: str = "members") -> Figure:
    """Two panels: (a) the previous year's share under each reading of the growth claim, (b) the whole
    counts consistent with each rounded percentage of a total.

    Parameters
    ----------
    previous : DataFrame
        :func:`ecoanalysis.analysis.implied_previous_share`.
    share_now : float
        The stated share this year (percent).
    counts : DataFrame
        :func:`ecoanalysis.analysis.implied_counts`.
    total_label : str
        What the total counts (x-axis label of panel b).

    Returns
    -------
    Figure
    """
    import numpy as np
    import pandas as pd

    _require_rows(previous, ("reading", "implied_previous_share_upper_bound"), "plot_funding_readings")
    _require_rows(counts, ("share", "total", "implied_count", "count_min", "count_max"), "plot_funding_readings")
    fig, (top, bottom) = _new_figure(3.2, nrows=2, height_ratios=[1.2, 1])
    names = ["this year\n(stated)"] + [_READING_LABELS.get(r, _wrap(r, 22)) for r in previous["reading"]]
    bounds = [share_now] + list(previous["implied_previous_share_upper_bound"].astype(float))
    y = list(range(len(names)))[::-1]
    for i, (yy, value) in enumerate(zip(y, bounds)):
        if i == 0:
            top.barh(yy, value, color=OKABE_ITO[4], height=0.6)
            top.text(value + 1.5, yy, f"{value:g} %", va="center", fontsize=6.5)
        elif np.isfinite(value):
            top.barh(yy, value, color=OKABE_ITO[0], alpha=0.35, height=0.6, linewidth=0)
            top.annotate("", xy=(max(value - 12, 0), yy), xytext=(value, yy),
                         arrowprops={"arrowstyle": "-|>", "color": OKABE_ITO[5], "lw": 1.0, "mutation_scale": 7, "shrinkA": 0, "shrinkB": 0})
            top.plot([value, value], [yy - 0.3, yy + 0.3], color=OKABE_ITO[5], lw=1.2)
            top.text(value + 1.5, yy, f"below {value:.1f} %", va="center", fontsize=6.5)
        else:
            top.text(1.5, yy, "not identified without deal totals", va="center", fontsize=6.5, style="italic", color="0.3")
    top.set_yticks(y, names, fontsize=6.5)
    top.tick_params(axis="y", length=0)
    top.set_xlim(0, 100)
    top.set_ylim(-0.6, len(names) - 0.4)
    top.set_xlabel("share of deals at B round or later (%)")
    top.set_title("a  share before “growth of 40 % or more”", loc="left", fontsize=7)

    total = int(counts["total"].iloc[0])
    yb = list(range(len(counts)))[::-1]
    for yy, (_, row) in zip(yb, counts.iterrows()):
        lo, hi = row["count_min"], row["count_max"]
        if not (pd.isna(lo) or pd.isna(hi)):
            bottom.plot([int(lo) - 0.5, int(hi) + 0.5], [yy, yy], color=OKABE_ITO[1], lw=5, solid_capstyle="butt")
            text = f"{int(lo)}" if int(lo) == int(hi) else f"{int(lo)}–{int(hi)}"
            bottom.text(int(lo) - 1.5, yy, text, va="center", ha="right", fontsize=6.5)
        bottom.plot(row["implied_count"], yy, "|", color=OKABE_ITO[5], markersize=8, mew=1.4)
    bottom.axvline(total, color="0.4", lw=0.7, linestyle="--")
    bottom.text(total - 0.5, len(counts) - 0.5, f"all {total}", fontsize=6.5, va="center", ha="right", color="0.3")
    bottom.set_yticks(yb, [f"{s:g} %" for s in counts["share"]], fontsize=6.5)
    bottom.tick_params(axis="y", length=0)
    low_edge = float(np.nanmin(counts["implied_count"].astype(float)))
    bottom.set_xlim(low_edge - 0.1 * total, total + 0.03 * total)
    bottom.set_ylim(-0.6, len(counts) - 0.2)
    bottom.set_xlabel(f"{total_label} (companies)")
    bottom.set_title(f"b  counts of {total} that round to each share", loc="left", fontsize=7)
    return fig


def plot_timeline(events: "pd.DataFrame", *, label: str = "event_en", group: str | None = "subject_en", width: int = 44) -> Figure:
    """One row per dated event: a dot for a month, a bar for a whole year or a multi-year period.

    Labels are written next to the marks (left of late events, right of early ones), so no text
    competes with the axis.

    Parameters
    ----------
    events : DataFrame
        :func:`ecoanalysis.analysis.timeline_events` (``date_start``, ``date_end``, ``precision``).
    label : str
        Label column; ``group`` (if given and present) is added in parentheses.
    width : int
        Wrap labels at this many characters.

    Returns
    -------
    Figure
    """
    import matplotlib.dates as mdates
    import pandas as pd

    _require_rows(events, ("date_start", "date_end", "precision", label), "plot_timeline")
    data = events.reset_index(drop=True)
    texts = []
    for _, row in data.iterrows():
        text = str(row[label])
        if group and group in data and pd.notna(row[group]):
            text += f" ({row[group]})"
        texts.append(_wrap(text, width))
    heights = [1.0 + 0.55 * t.count("\n") for t in texts]
    total = sum(heights)
    fig, ax = _new_figure(0.55 + 0.15 * total)
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
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_xlim(pd.Timestamp(year=first.year, month=1, day=1) - pd.Timedelta(days=60),
                pd.Timestamp(year=last.year, month=12, day=31) + pd.Timedelta(days=60))
    ax.xaxis.set_major_locator(mdates.YearLocator(1))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.tick_params(axis="x", labelsize=6.5, rotation=90)
    ax.grid(axis="x", color="0.93", lw=0.4)
    ax.set_xlabel("year (dot: month given; bar: year or period)")
    ax.set_ylim(-0.2, total + 0.2)
    return fig


def plot_precision(mix: "pd.DataFrame", heaping: "pd.DataFrame", benford_table: "pd.DataFrame") -> Figure:
    """Three panels: (a) how claims are stated, (b) round-number heaping against unrounded figures,
    (c) first digits against Benford's law.

    Parameters
    ----------
    mix : DataFrame
        :func:`ecoanalysis.analysis.precision_mix` (no grouping).
    heaping : DataFrame
        :func:`ecoanalysis.analysis.round_number_heaping`.
    benford_table : DataFrame
        ``BenfordResult.table`` from :func:`ecoanalysis.analysis.benford_test`.

    Returns
    -------
    Figure
    """
    _require_rows(mix, ("precision_class", "n", "share"), "plot_precision")
    _require_rows(heaping, ("criterion", "share", "expected_share_if_unrounded"), "plot_precision")
    _require_rows(benford_table, ("digit", "observed_share", "expected_share"), "plot_precision")
    fig, (a, b, c) = _new_figure(4.6, nrows=3, height_ratios=[1, 1.05, 1])
    classes = [str(x) for x in mix["precision_class"]]
    shares = 100 * mix["share"].astype(float)
    a.barh(classes[::-1], shares[::-1], color=[PRECISION_COLOURS.get(x, "0.5") for x in classes[::-1]], height=0.65)
    for yy, (share, count) in enumerate(zip(shares[::-1], mix["n"][::-1])):
        a.text(share + 1, yy, f"{share:.0f} % ({count})", va="center", fontsize=6.5)
    a.set_xlim(0, max(shares.max() * 1.3, 10))
    a.set_xlabel("share of claims (%)")
    a.tick_params(axis="y", length=0)
    a.set_title("a  how the claims are stated", loc="left", fontsize=7)

    criteria = list(heaping["criterion"])[::-1]
    yy = list(range(len(criteria)))
    b.hlines(yy, 100 * heaping["expected_share_if_unrounded"][::-1], 100 * heaping["share"][::-1], color="0.75", lw=1)
    b.plot(100 * heaping["expected_share_if_unrounded"][::-1], yy, "o", mfc="white", mec="0.35", markersize=4, label="if unrounded")
    b.plot(100 * heaping["share"][::-1], yy, "o", color=OKABE_ITO[5], markersize=4, label="stated figures")
    b.set_yticks(yy, criteria, fontsize=6.5)
    b.tick_params(axis="y", length=0)
    b.set_xlim(0, 100)
    b.set_xlabel("share of whole-number counts (%)")
    b.legend(loc="lower right", frameon=False, fontsize=6.5, handletextpad=0.2)
    b.set_title("b  round numbers", loc="left", fontsize=7)

    c.bar(benford_table["digit"], 100 * benford_table["observed_share"], color=OKABE_ITO[1], width=0.7, label="stated figures")
    c.plot(benford_table["digit"], 100 * benford_table["expected_share"], "o-", color="0.2", markersize=3, lw=0.8, label="Benford's law")
    c.set_xticks(list(benford_table["digit"]))
    c.set_xlabel("first significant digit")
    c.set_ylabel("share (%)")
    c.legend(frameon=False, fontsize=6.5)
    c.set_title("c  first digits", loc="left", fontsize=7)
    return fig


def plot_platform_hosts(platforms: "pd.DataFrame", *, kind_order: Sequence[str] | None = None) -> Figure:
    """Dot matrix of table 1: one row per platform domain (with its host), one column per host kind.

    Parameters
    ----------
    platforms : DataFrame
        :func:`ecoanalysis.load_platforms` (``domain_en``, ``host_en``, ``host_kind``).
    kind_order : sequence of str, optional
        Column order; default: most platforms first.

    Returns
    -------
    Figure
    """
    _require_rows(platforms, ("domain_en", "host_en", "host_kind"), "plot_platform_hosts")
    counts = platforms["host_kind"].value_counts(sort=False)
    if kind_order is None:
        kind_order = sorted(counts.index, key=lambda k: (-counts[k], str(k)))
    position = {kind: i for i, kind in enumerate(kind_order)}
    data = platforms.assign(_x=platforms["host_kind"].map(position))
    data = data.sort_values(["_x", "host_en", "domain_en"], kind="stable").reset_index(drop=True)
    n = len(data)
    fig, ax = _new_figure(0.75 + 0.16 * n)
    y = list(range(n))[::-1]
    for yy, (_, row) in zip(y, data.iterrows()):
        colour = OKABE_ITO[[4, 0, 2, 6, 1, 5][int(row["_x"]) % 6]]
        ax.plot(row["_x"], yy, "o", color=colour, markersize=5)
        ax.axhline(yy, color="0.93", lw=0.4, zorder=0)
    ax.set_yticks(y, [f"{d} ({h})" for d, h in zip(data["domain_en"], data["host_en"])], fontsize=6)
    ax.set_xticks(range(len(kind_order)), [f"{HOST_KIND_LABELS.get(k, k)} ({counts[k]})" for k in kind_order],
                  fontsize=6.5, rotation=40, ha="right", rotation_mode="anchor")
    ax.set_xlim(-0.5, len(kind_order) - 0.5)
    ax.set_ylim(-0.7, n - 0.3)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel("host kind (platforms)")
    return fig
