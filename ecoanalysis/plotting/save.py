"""Byte-reproducible saving and the glyph check: the only place the package writes figures.

:func:`save_figure` strips every timestamp and version string matplotlib would embed and fixes the SVG id
salt, so re-running a notebook changes no committed figure unless the figure itself changed.
:func:`missing_glyphs` lets a test prove that no character fell back to a tofu box.
"""
from __future__ import annotations

import io
import os
import re
import uuid
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path

import matplotlib
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .. import config

__all__ = ["FIGURE_NAME_PATTERN", "MIN_PNG_DPI", "SUPPORTED_FORMATS", "SVG_HASHSALT", "missing_glyphs", "save_figure"]

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


_GLYPH_WARNING = re.compile(r"Glyph (\d+) .*missing from (?:current )?font")


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
    fig : matplotlib.figure.Figure or Axes
        Figure to save (for an Axes, the figure it is drawn on).
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
    if isinstance(fig, Axes):  # plot_* functions return their Axes; save the figure it is drawn on
        fig = fig.figure
    if not isinstance(fig, Figure):
        raise TypeError(f"save_figure expects a matplotlib Figure (or an Axes of one), got {type(fig).__name__}.")

    directory = Path(config.FIGURES_DIR if directory is None else directory)
    directory.mkdir(parents=True, exist_ok=True)

    staged = _render_staged(fig, directory, name, formats, dpi)
    for temp_path, final_path in staged:
        os.replace(temp_path, final_path)
    return [final_path for _, final_path in staged]


def _render_staged(fig: Figure, directory: Path, name: str, formats: Sequence[str], dpi: int) -> list[tuple[Path, Path]]:
    """Render every format to a hidden temporary file next to its target; on any failure remove them all."""
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
                    fig.savefig(stream, format=fmt, dpi=dpi, metadata=_METADATA[fmt], bbox_inches="tight", pad_inches=0.02)
    except BaseException:
        for temp_path, _ in staged:
            temp_path.unlink(missing_ok=True)
        raise
    return staged


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

