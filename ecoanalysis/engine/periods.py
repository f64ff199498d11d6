"""Whether 第N季, 首N季 or 首季 (季 without 度, Hong Kong and Taiwan usage) names a quarter of a year or the season of
a series, by the words of its clause (the lexicon's ``[short_quarters]``); and 首季 (首季度), the first quarter, read
as a whole mention. Kept apart from dates.py so that the readers of readers.py can use it.
"""
from __future__ import annotations

from ._lexicon import (
    SEASON_WORDS, SHORT_QUARTER_FIGURE_AFTER, SHORT_QUARTER_GUARD, SHORT_QUARTER_PERIOD_AFTER, SHORT_QUARTER_YEAR_BEFORE,
)
from .draft import Draft, _name_draft
from .patterns import CLAUSE_ENDS

#: Months in a quarter (the one definition: readers, dates, pairs and the scanner take it from here).
QUARTER_MONTHS = 3
_FULL_QUARTER_SUFFIX = "度"

#: How far before and after 第N季 the clause is searched for words of a period or a series.
_SEASON_WINDOW = 20
_LONG_PERIOD_AFTER = tuple(word for word in SHORT_QUARTER_PERIOD_AFTER if len(word) > 1)


def _clause_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The clause's text before ``start`` and after ``end``, each at most _SEASON_WINDOW characters."""
    left = start
    while left > max(0, start - _SEASON_WINDOW) and text[left - 1] not in CLAUSE_ENDS:
        left -= 1
    right, stop = end, min(len(text), end + _SEASON_WINDOW)
    while right < stop and text[right] not in CLAUSE_ENDS:
        right += 1
    return text[left:start], text[end:right]


def names_a_period(text: str, start: int, end: int, *, year_before: bool = False) -> bool:
    """Whether 第N季 / 首N季 at text[start:end] is a quarter ([short_quarters]): no word of a series in its clause,
    and a year before it or a word of a period after it (right after, or later in the clause if long)."""
    before, after = _clause_around(text, start, end)
    if any(word in before or word in after for word in SEASON_WORDS):
        return False
    if year_before or before.endswith(SHORT_QUARTER_YEAR_BEFORE):
        return True
    if after[:1] in SHORT_QUARTER_FIGURE_AFTER and after:
        return True  # 第1季5.54%: the quarter's figure
    return after.startswith(SHORT_QUARTER_PERIOD_AFTER) or any(word in after for word in _LONG_PERIOD_AFTER)




def read_first_quarter(text: str, start: int, end: int) -> Draft:
    """首季, 首季度 (at text[start:end], 首 included): the first quarter (months 1..3) where a period is spoken of or
    度 follows (今年首季, 首季財報); else the first season of a series (該劇首季), a label."""
    if text[end:end + 1] == _FULL_QUARTER_SUFFIX:
        end += 1
    elif text[end:end + 1] in SHORT_QUARTER_GUARD and text[end:end + 1] or not names_a_period(text, start, end):
        return _name_draft(start, end, 1.0)
    draft = Draft(start, end, None)
    draft.unit, draft.month, draft.month_high = "date", 1, QUARTER_MONTHS
    return draft
