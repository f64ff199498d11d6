"""Figures: the house theme, byte-reproducible saving, and one module of figures per notebook question.

Every notebook starts with :func:`set_theme` and ends each figure with :func:`save_figure`; nothing else
in the package writes figures. Plot functions follow seaborn: ``plot_x(data, *, ax=None, ...)`` draws on
the Axes it is given (or on a new one-column figure sized to the data) and returns the Axes; the data
they draw is already shaped by the analysis function that feeds them. A figure of several panels is
assembled by one small ``*_figure`` function, which returns the Figure.

====  ===============  =========================================================================
 --   ``theme``        :func:`set_theme`, palette, sizes, CJK font
 --   ``save``         :func:`save_figure`, :func:`missing_glyphs`
 01   ``inventory``    :func:`plot_claim_inventory`
 02   ``accuracy``     :func:`plot_gain`, :func:`accuracy_gains_figure`
 03   ``scale``        :func:`plot_ecosystem_scale`
 04   ``funding``      :func:`plot_previous_share`, :func:`plot_count_ranges`, :func:`funding_readings_figure`
 05   ``timeline``     :func:`plot_timeline`
 06   ``precision``    :func:`plot_precision_mix`, :func:`plot_round_numbers`, :func:`plot_first_digits`,
                       :func:`precision_figure`
 07   ``hosts``        :func:`plot_platform_hosts`
====  ===============  =========================================================================
"""
from __future__ import annotations

import functools
import warnings

from .save import FIGURE_NAME_PATTERN, MIN_PNG_DPI, SUPPORTED_FORMATS, SVG_HASHSALT, missing_glyphs, save_figure
from .theme import (
    CJK_FONT_FAMILY,
    COLUMN_WIDTH_IN,
    LATIN_FONT_FAMILY,
    OKABE_ITO,
    PAGE_WIDTH_IN,
    PRECISION_COLOURS,
    cjk_font_path,
    set_theme,
)
from .inventory import plot_claim_inventory
from .accuracy import accuracy_gains_figure, plot_gain
from .scale import plot_ecosystem_scale
from .funding import funding_readings_figure, plot_count_ranges, plot_previous_share
from .timeline import plot_timeline
from .precision import plot_first_digits, plot_precision_mix, plot_round_numbers, precision_figure
from .hosts import plot_platform_hosts

__all__ = [
    "CJK_FONT_FAMILY",
    "COLUMN_WIDTH_IN",
    "FIGURE_NAME_PATTERN",
    "LATIN_FONT_FAMILY",
    "MIN_PNG_DPI",
    "OKABE_ITO",
    "PAGE_WIDTH_IN",
    "PRECISION_COLOURS",
    "SUPPORTED_FORMATS",
    "SVG_HASHSALT",
    "accuracy_gains_figure",
    "cjk_font_path",
    "funding_readings_figure",
    "missing_glyphs",
    "plot_claim_inventory",
    "plot_count_ranges",
    "plot_ecosystem_scale",
    "plot_first_digits",
    "plot_gain",
    "plot_platform_hosts",
    "plot_precision_mix",
    "plot_previous_share",
    "plot_round_numbers",
    "plot_timeline",
    "precision_figure",
    "save_figure",
    "set_theme",
]


def _renamed(new, old: str):
    @functools.wraps(new)
    def deprecated(*args, **kwargs):
        warnings.warn(f"ecoanalysis.plotting.{old} is deprecated; use ecoanalysis.plotting.{new.__name__}.",
                      DeprecationWarning, stacklevel=2)
        return new(*args, **kwargs)

    return deprecated


# The multi-panel figures had plot_* names before plot_* functions took ax=; the old names still work.
plot_accuracy_gains = _renamed(accuracy_gains_figure, "plot_accuracy_gains")
plot_precision = _renamed(precision_figure, "plot_precision")


def plot_funding_readings(previous, share_now, counts, *, total_label="members"):
    """Deprecated: use :func:`funding_readings_figure`, which takes the stated growth explicitly."""
    warnings.warn("ecoanalysis.plotting.plot_funding_readings is deprecated; use "
                  "ecoanalysis.plotting.funding_readings_figure.", DeprecationWarning, stacklevel=2)
    relative = previous.set_index("reading")["implied_previous_share_upper_bound"]["relative growth of the share"]
    growth = round(100.0 * (share_now / relative - 1.0), 9)  # the relative reading is share / (1 + growth)
    return funding_readings_figure(previous, share_now, growth, counts, total_label=total_label)
