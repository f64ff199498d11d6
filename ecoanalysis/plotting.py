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
    "cjk_font_path",
    "missing_glyphs",
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
