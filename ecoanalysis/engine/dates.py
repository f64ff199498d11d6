"""Date words after a number, for the general reading (reading.py): 2019年 (3月, 底, 上半年, 第三季度),
3月 (今年3月 with the document year), a lone day of an unstated month (会议于22日召开), 2030年前后, and
the quarters written as a count (一季度, 前三季度).
"""
from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from ._lexicon import (
    DAY_FOLLOWERS,
    DAY_GUARD,
    DAY_OPENERS,
    DAY_SPAN_BEFORE,
    DAY_WORDS,
    FIRST_QUARTERS_WORD,
    MONTH_SUFFIX,
    RELATIVE_YEARS,
    SUFFIX_QUALIFIERS,
    YEAR_HALF_MONTHS,
    YEAR_PART_MONTHS,
)
from .draft import Draft
from .patterns import YEAR_RANGE, _GAP, _SUFFIX_RE, _alternation, _cn_to_number
from .readers import _set_quarter

if TYPE_CHECKING:
    from .reading import _Reading

#: Characters that may start a day-of-month word (日, 号): the date reading looks for a day only there.
DAY_FIRST_CHARS: frozenset[str] = frozenset(word[0] for word in DAY_WORDS)
_DAY_GUARD_CHARS: frozenset[str] = frozenset(DAY_GUARD)
_DAY_OPENER_WINDOW = max(len(word) for word in DAY_OPENERS)
MONTH_DAYS = 31


def day_of_month_end(text: str, start: int, end: int, day: float) -> int | None:
    """会议于22日召开, 国家统计局15日发布: where "N日" ends when it is a day of an unstated month, else None.

    The day is 1-31 with 日/号 glued after it, after a word that opens a point in time or before a word of
    reporting, a time of day or a preposition (记者23日从…获悉; lexicon [dates]); 3日内, 5日后 and 仅用3日就 are spans
    of days.
    """
    word = next((word for word in DAY_WORDS if text.startswith(word, end)), None)
    if word is None or text[end + len(word):end + len(word) + 1] in _DAY_GUARD_CHARS or not 1 <= day <= MONTH_DAYS:
        return None
    opened = start == 0 or text[max(0, start - _DAY_OPENER_WINDOW):start].endswith(DAY_OPENERS)
    if not opened and (not text.startswith(DAY_FOLLOWERS, end + len(word)) or text.endswith(DAY_SPAN_BEFORE, 0, start)):
        return None  # 仅用3日就完成: a span of days
    return end + len(word)


_RELATIVE_YEAR_RE = re.compile(rf"(?P<rel>{_alternation(RELATIVE_YEARS)}){_GAP}\Z")
#: The end of a day after its month: 日 or 号, or nothing before a word of reporting (11月14公布, 3月5日电).
_DAY_END = rf"(?:[日号]|(?=(?:{_alternation(DAY_FOLLOWERS)})))"
_DATE_RE = re.compile(
    rf"{_GAP}年(?:{_GAP}(?P<month>[0-9０-９]{{1,2}}|[一二三四五六七八九十]{{1,3}})"
    rf"(?:{_GAP}[-~～至到]{_GAP}(?P<month_high>[0-9０-９]{{1,2}}|[一二三四五六七八九十]{{1,3}}))?{_GAP}月"
    rf"(?:{MONTH_SUFFIX}|{_GAP}(?P<day>[0-9０-９]{{1,2}}|[一二三四五六七八九十]{{1,3}}){_GAP}{_DAY_END})?|(?P<part>[底末初])"
    rf"|(?P<half>{_alternation(YEAR_HALF_MONTHS)})"
    rf"|{_GAP}(?P<first_quarters>{FIRST_QUARTERS_WORD})?第?{_GAP}(?P<quarter>[1-4一二三四]){_GAP}季度)?"
)
QUARTER_WORD = "季度"
#: The words a date reading starts with (after the gap): 2019 年, 3 月, 22 日.
DATE_WORDS: frozenset[str] = frozenset("年月") | DAY_FIRST_CHARS

_MONTH_RE = re.compile(
    rf"{_GAP}月(?:{MONTH_SUFFIX}|{_GAP}(?P<day>[0-9０-９]{{1,2}}|[一二三四五六七八九十]{{1,3}}){_GAP}{_DAY_END})?"
)


def _small_number(numeral: str) -> int | None:
    value = _cn_to_number(numeral)
    return None if value is None else int(value)


def read_date(reading: _Reading, draft: Draft, next_char: str, *, year: int | None, with_prefix: bool) -> None:
    """Date words after the number: 2019 年 (3 月, 底, 第三季度), 3 月 (今年 3 月 with the document year).

    ``next_char`` is the first character after the number past the gap, one of DATE_WORDS.
    """
    text, value, numeral = reading.text, draft.value, reading.numeral
    whole = value is not None and math.isfinite(value) and value == int(value) and reading.span_kind is None
    if whole and next_char == "年" and YEAR_RANGE[0] <= value <= YEAR_RANGE[1] and len(numeral) == 4:
        date_match = _DATE_RE.match(text, reading.end)
        draft.unit = "date"
        if date_match.group("month"):
            draft.month = _small_number(date_match.group("month"))
            if date_match.group("month_high"):  # 2022年1-6月: January to June 2022
                draft.month_high, draft.value_high = _small_number(date_match.group("month_high")), value
                draft.bounds.append("range")
        elif date_match.group("part"):
            draft.month = YEAR_PART_MONTHS[date_match.group("part")]
        elif date_match.group("quarter"):  # 2021年第三季度 = July..September 2021
            _set_quarter(draft, _small_number(date_match.group("quarter")))
            if date_match.group("first_quarters"):  # 2024年前三季度 = January..September 2024
                draft.month = 1
        elif date_match.group("half"):  # 2023年上半年 = January..June 2023
            draft.month, draft.month_high = YEAR_HALF_MONTHS[date_match.group("half")]
        reading.position, reading.context = date_match.end(), True
        _read_date_suffix(reading, draft)
    elif whole and next_char in DAY_FIRST_CHARS:
        day_end = day_of_month_end(text, reading.start, reading.end, value) if with_prefix and not reading.rank else None
        if day_end is not None:  # 会议于22日召开: a day of an unstated month
            draft.unit, draft.value = "date", None
            reading.position, reading.context = day_end, True
    elif whole and next_char == "月" and 1 <= value <= 12 and "." not in numeral:
        month_match = _MONTH_RE.match(text, reading.end)
        if month_match is None:
            return
        draft.unit, draft.month, draft.value = "date", int(value), None
        reading.position, reading.context = month_match.end(), True
        if with_prefix:
            relative = _RELATIVE_YEAR_RE.search(text, max(0, reading.start - 6), reading.start)
            if relative is not None:
                reading.prefix_end = relative.start()
                if year is not None:
                    draft.value = float(year + RELATIVE_YEARS[relative.group("rel")])


def _read_date_suffix(reading: _Reading, draft: Draft) -> None:
    """2026年前后, 2030年左右: an approximate date (the other suffixes, 以上/以内, bound amounts, not dates)."""
    suffix = _SUFFIX_RE.match(reading.text, reading.position)
    if suffix is not None and SUFFIX_QUALIFIERS[suffix.group("suffix")] == "approx":
        draft.qualifiers.append(suffix.group("suffix"))
        draft.bounds.append("approx")
        reading.position = suffix.end()


def read_quarter_count(reading: _Reading, draft: Draft) -> None:
    """一季度 = the first quarter (months 1..3); 前三季度 = the first three quarters (months 1..9)."""
    quarter = int(draft.value)
    _set_quarter(draft, quarter)
    if reading.text[reading.prefix_end - 1:reading.prefix_end] == FIRST_QUARTERS_WORD:
        reading.prefix_end -= 1
        draft.month = 1
    draft.value, draft.counter = None, None
