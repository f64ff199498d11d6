"""Deprecated: the analyses moved to :mod:`ecoanalysis.analyses` (one module per notebook question).

``from ecoanalysis import analysis`` keeps working and gives the same functions, with a
:class:`DeprecationWarning`; import from ``ecoanalysis.analyses`` (or use ``ecoanalysis.<name>``) instead.
"""
from __future__ import annotations

import warnings

from . import analyses as _analyses
from .analyses import *  # noqa: F401,F403  (the deprecated module re-exports the package's names)

warnings.warn(
    "ecoanalysis.analysis is deprecated; use ecoanalysis.analyses (same names).",
    DeprecationWarning,
    stacklevel=2,
)

__all__ = list(_analyses.__all__)


def __getattr__(name: str):
    return getattr(_analyses, name)
