"""Deprecated: the quantity engine moved to :mod:`ecoanalysis.engine` and :mod:`ecoanalysis.mentions`.

Import ``Quantity`` and ``parse_quantity`` from ``ecoanalysis`` (or ``ecoanalysis.engine``) and
``extract_mentions``, ``MENTION_COLUMNS`` from ``ecoanalysis`` (or ``ecoanalysis.mentions``).
"""
from __future__ import annotations

import warnings

from .engine import BOUNDS, UNITS, Quantity, parse_quantity
from .mentions import MENTION_COLUMNS, MENTION_DTYPES, extract_mentions

__all__ = ["BOUNDS", "MENTION_COLUMNS", "MENTION_DTYPES", "UNITS", "Quantity", "extract_mentions", "parse_quantity"]

warnings.warn(
    "ecoanalysis.quantities is deprecated: use ecoanalysis.engine (Quantity, parse_quantity, UNITS, BOUNDS) "
    "and ecoanalysis.mentions (extract_mentions, MENTION_COLUMNS)",
    DeprecationWarning,
    stacklevel=2,
)
