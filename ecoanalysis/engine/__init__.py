"""The quantity engine: finds every number mention in Chinese text and reads what it claims.

Pure Python (no pandas): :func:`parse_quantity` reads one expression into a frozen :class:`Quantity`,
:func:`scan` returns every mention of a text as :class:`Draft` objects; :mod:`ecoanalysis.mentions`
turns those into a DataFrame with provenance. Words live in ``lexicon.toml`` (see README.md there).
"""
from __future__ import annotations

from .draft import BOUNDS, CURRENCIES, UNITS, Draft, Quantity
from .pairs import SENTENCE_END
from .scanner import parse_quantity, scan

__all__ = ["BOUNDS", "CURRENCIES", "SENTENCE_END", "UNITS", "Draft", "Quantity", "parse_quantity", "scan"]
