"""The house style: seaborn "ticks", one-column sizes, the colour-blind-safe palette, a CJK fallback font.

* **seaborn's look without seaborn.** The "ticks" style in the "paper" context is written out below as
  the rcParams seaborn 0.13 sets (:data:`SEABORN_TICKS_PAPER`; a test compares them with seaborn's own), so
  a notebook's kernel does not import seaborn, and scipy.stats with it, only to set a few rcParams.

* **Readable at one-column width.** Figures are sized for :data:`COLUMN_WIDTH_IN` (3.5 in) with 7.5-9 pt
  text and the colour-blind-safe :data:`OKABE_ITO` palette.
* **Chinese renders.** The labels are English, but subject names such as 飞桨 or 海淀城市大脑 are drawn in
  some figures. :func:`set_theme` registers Noto Sans CJK SC, which ships inside the ``mplfonts`` package,
  and puts it behind the Latin font as a per-glyph fallback; SVGs store glyphs as paths so a viewer
  needs no CJK font.
"""
from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path

import matplotlib
from matplotlib import font_manager

from .save import MIN_PNG_DPI, SVG_HASHSALT

__all__ = [
    "CJK_FONT_FAMILY",
    "COLUMN_WIDTH_IN",
    "LATIN_FONT_FAMILY",
    "OKABE_ITO",
    "PAGE_WIDTH_IN",
    "PRECISION_COLOURS",
    "SEABORN_TICKS_PAPER",
    "cjk_font_path",
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


#: What ``seaborn.set_theme(context="paper", style="ticks")`` sets (seaborn 0.13), bar two entries that
#: :func:`_house_rc` always overrides (the font lists) and ``image.cmap`` (seaborn's "rocket" colormap
#: exists only once seaborn is imported; no figure here draws an image, so matplotlib's default stays).
SEABORN_TICKS_PAPER: dict[str, object] = {
    # axes_style("ticks")
    "figure.facecolor": "white", "axes.facecolor": "white", "axes.edgecolor": ".15", "axes.labelcolor": ".15",
    "axes.axisbelow": True, "axes.grid": False, "grid.color": ".8", "grid.linestyle": "-", "text.color": ".15",
    "xtick.color": ".15", "ytick.color": ".15", "xtick.direction": "out", "ytick.direction": "out",
    "xtick.top": False, "ytick.right": False, "xtick.bottom": True, "ytick.left": True,
    "axes.spines.left": True, "axes.spines.bottom": True, "axes.spines.right": True, "axes.spines.top": True,
    "lines.solid_capstyle": "round", "patch.edgecolor": "w", "patch.force_edgecolor": True,
    # plotting_context("paper"): seaborn's "notebook" sizes scaled by 0.8
    "axes.linewidth": 1.0, "grid.linewidth": 0.8, "lines.linewidth": 1.2000000000000002,
    "lines.markersize": 4.800000000000001, "patch.linewidth": 0.8, "xtick.major.width": 1.0, "ytick.major.width": 1.0,
    "xtick.minor.width": 0.8, "ytick.minor.width": 0.8, "xtick.major.size": 4.800000000000001,
    "ytick.major.size": 4.800000000000001, "xtick.minor.size": 3.2, "ytick.minor.size": 3.2,
    "font.size": 9.600000000000001, "axes.labelsize": 9.600000000000001, "axes.titlesize": 9.600000000000001,
    "xtick.labelsize": 8.8, "ytick.labelsize": 8.8, "legend.fontsize": 8.8, "legend.title_fontsize": 9.600000000000001,
}


# Backends that mean "a human is watching": leave them alone so plots still show inline in Jupyter.
_INTERACTIVE_BACKEND_MARKERS = ("inline", "ipympl", "widget", "nbagg")

#: Colour of each precision class (Okabe-Ito, so colour-blind safe), shared by every figure.
PRECISION_COLOURS: dict[str, str] = {
    "exact": OKABE_ITO[4],
    "lower bound": OKABE_ITO[0],
    "upper bound": OKABE_ITO[6],
    "approximate": OKABE_ITO[2],
    "range": OKABE_ITO[1],
    "vague": "#999999",
}


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
    from cycler import cycler
    from matplotlib.colors import to_rgb

    _use_agg_unless_interactive()
    cjk_family = _register_cjk_font()
    matplotlib.rcParams.update(SEABORN_TICKS_PAPER)
    matplotlib.rcParams["axes.prop_cycle"] = cycler("color", [to_rgb(colour) for colour in palette])  # as seaborn's set_palette
    matplotlib.rcParams.update(_house_rc(font_size, cjk_family))


def _house_rc(font_size: float, cjk_family: str) -> dict[str, object]:
    small = font_size - 0.5
    return {
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
