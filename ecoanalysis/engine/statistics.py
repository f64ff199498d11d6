"""Test statistics of a study (P<0.05, OR=1.52, r=0.82, χ²=6.35, HR值为0.75, F统计量为45.7, 95%CI:1.21-1.90): the bare
number after a statistic's symbol is a dimensionless figure, unit `other` with the symbol, not a count; an interval
in brackets after one (95%置信区间为[1.2, 3.4]) is one range. See [statistics]. Run after the scan, on the drafts in place.
"""
from __future__ import annotations

import re

from ._lexicon import STATISTIC_DISTRIBUTIVES, STATISTIC_LINKS, STATISTIC_SYMBOLS, STATISTIC_WORDS
from ._lexicon import STATISTIC_INTERVAL_CLOSERS, STATISTIC_INTERVAL_OPENERS, STATISTIC_INTERVAL_SEPARATORS
from .draft import Draft
from .patterns import _alternation

# the symbol, perhaps 均 (P均<0.05), then perhaps a link, at the end of the text before a number (spaces allowed around the link)
_SYMBOL_BEFORE_RE = re.compile(
    rf"(?<![A-Za-z])(?P<symbol>{_alternation((*STATISTIC_SYMBOLS, *STATISTIC_WORDS))})(?:{_alternation(STATISTIC_DISTRIBUTIVES)})?"
    rf"\s*(?P<link>{_alternation(STATISTIC_LINKS)})?\s*(?P<opener>[{re.escape(STATISTIC_INTERVAL_OPENERS)}])?\s*\Z"
)
_WINDOW = 8
_FIRST_CHARS = frozenset(symbol[0] for symbol in (*STATISTIC_SYMBOLS, *STATISTIC_WORDS))


def apply_statistics(text: str, drafts: list[Draft]) -> None:
    """Give a bare number right after a statistic's symbol (and a link or its own relation sign) unit `other`."""
    if not any(char in text for char in _FIRST_CHARS):
        return
    index = 0
    while index < len(drafts):
        draft = drafts[index]
        index += 1
        if not draft.is_bare_number():
            continue
        found = _SYMBOL_BEFORE_RE.search(text, max(0, draft.start - _WINDOW), draft.start)
        opens_with_sign = bool(draft.qualifiers) and text.startswith(draft.qualifiers[0], draft.start)  # P<0.05
        if found is None or (found.group("link") is None and found.group("opener") is None and not opens_with_sign):
            continue
        draft.unit, draft.unit_symbol = "other", STATISTIC_WORDS.get(found.group("symbol"), found.group("symbol"))
        opener = found.group("opener") or found.group("link")
        if opener and opener in STATISTIC_INTERVAL_OPENERS and index < len(drafts) and _closes_interval(text, draft, drafts[index]):
            del drafts[index]  # [1.2, 3.4]: the second end is part of the range


def _closes_interval(text: str, low: Draft, high: Draft) -> bool:
    """Whether ``high`` is the second end of an interval in brackets that ``low`` opens: a separator between them, a
    closing bracket after it. If so, ``low`` becomes the range (in place)."""
    if not high.is_bare_number() or high.value_high is not None or low.value_high is not None:
        return False
    if text[low.end:high.start] not in STATISTIC_INTERVAL_SEPARATORS or text[high.end:high.end + 1] not in STATISTIC_INTERVAL_CLOSERS:
        return False
    if high.value < low.value:
        return False
    low.value_high, low.end, low.consumed = high.value, high.end, high.consumed
    low.bounds.append("range")
    return True
