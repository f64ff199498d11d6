"""The day of the month in brackets, as Taiwan wires write it inside 今日, 昨日, 明日 and 前日: 經濟部今（20）日公布
("today, the 20th"), 昨（二十）日. A date with no value (the month is unstated), like a lone day (dates.py); the
surface is the bracket and 日. The words are the lexicon's ``[dates]`` bracketed_day_*.
"""
from __future__ import annotations

import re

from ._lexicon import BRACKETED_DAY_BEFORE, BRACKETED_DAY_CLOSE, BRACKETED_DAY_OPEN, DAY_WORDS
from .draft import Draft
from .patterns import _cn_to_number, _parse_arabic

_DAY_WORD = DAY_WORDS[0]
MONTH_DAYS = 31


def read_bracketed_day(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """今（20）日, 昨（二十）日: a day of an unstated month (unit date, no value), else None."""
    start, end = core.span()
    if text[end:end + 1] not in BRACKETED_DAY_CLOSE or text[end + 1:end + 2] != _DAY_WORD:
        return None
    if text[start - 1:start] not in BRACKETED_DAY_OPEN or start < 2 or text[start - 2] not in BRACKETED_DAY_BEFORE:
        return None
    numeral = core.group()
    value = _parse_arabic(numeral) if core.lastgroup == "arabic" else _cn_to_number(numeral)
    if value is None or value != int(value) or not 1 <= value <= MONTH_DAYS:
        return None
    draft = Draft(start - 1, end + 2, None)
    draft.unit = "date"
    draft.consumed = end + 2
    return draft
