"""Test statistics of a study (P<0.05, OR=1.52, r=0.82, χ²=6.35, HR值为0.75, 95%CI:1.21-1.90): the bare number
after a statistic's symbol is a dimensionless figure, unit `other` with the symbol, not a count; see [statistics].
Run after the scan, on the drafts in place.
"""
from __future__ import annotations

import re

from ._lexicon import STATISTIC_DISTRIBUTIVES, STATISTIC_LINKS, STATISTIC_SYMBOLS
from .draft import Draft
from .patterns import _alternation

# the symbol, perhaps 均 (P均<0.05), then perhaps a link, at the end of the text before a number (spaces allowed around the link)
_SYMBOL_BEFORE_RE = re.compile(
    rf"(?<![A-Za-z])(?P<symbol>{_alternation(STATISTIC_SYMBOLS)})(?:{_alternation(STATISTIC_DISTRIBUTIVES)})?"
    rf"\s*(?P<link>{_alternation(STATISTIC_LINKS)})?\s*\Z"
)
_WINDOW = 8
_FIRST_CHARS = frozenset(symbol[0] for symbol in STATISTIC_SYMBOLS)


def apply_statistics(text: str, drafts: list[Draft]) -> None:
    """Give a bare number right after a statistic's symbol (and a link or its own relation sign) unit `other`."""
    if not any(char in text for char in _FIRST_CHARS):
        return
    for draft in drafts:
        if not draft.is_bare_number():
            continue
        found = _SYMBOL_BEFORE_RE.search(text, max(0, draft.start - _WINDOW), draft.start)
        opens_with_sign = bool(draft.qualifiers) and text.startswith(draft.qualifiers[0], draft.start)  # P<0.05
        if found is None or (found.group("link") is None and not opens_with_sign):
            continue
        draft.unit, draft.unit_symbol = "other", found.group("symbol")
