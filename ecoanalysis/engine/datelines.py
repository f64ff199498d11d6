"""Dates as Taiwan writes them: a date of the era with slashes (114/12/31 = 31 December 2025), a month and a day with a
slash (9/21, where no fraction is read), and a day, month or
year in brackets, as Taiwan wires write them inside 今日, 昨日, 本月, 今年, 去年: 經濟部今（20）日
公布 ("today, the 20th"), 昨（二十）日, 上（11）月, 今（2025）年, 明（115）年度. A day is a date with no value (the month is
unstated), like a lone day (dates.py); a month keeps its month; a year its value, a year of the Republic of China era
(115) read as its Gregorian year (eras.py). The surface is the bracket and the date word; the words are the lexicon's
``[dates]`` bracketed_*.
"""
from __future__ import annotations

import datetime
import re

from ._lexicon import BRACKETED_DATE_BEFORE, BRACKETED_DAY_ALONE_BEFORE, BRACKETED_DATE_CLOSE, BRACKETED_DATE_OPEN, FRACTION_SHARE_BEFORE, MINGUO_BARE_YEARS, MINGUO_DATE_SEPARATORS
from .draft import Draft
from .eras import gregorian, is_bare_minguo_year
from .fractions import SLASHES, _fraction
from .numerals import MAGNITUDES
from .patterns import MONTH_DAYS, YEAR_RANGE, _cn_to_number, _parse_arabic

YEAR_MONTHS = 12
_DAY, _MONTH, _YEAR = "日", "月", "年"


def read_bracketed_date(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """今（20）日, 昨（二十）日, 上（11）月, 今（2025）年: a date (see the module), else None."""
    start, end = core.span()
    word = text[end + 1:end + 2]
    if text[end:end + 1] in BRACKETED_DATE_CLOSE and word not in BRACKETED_DATE_BEFORE and text[start - 2:start - 1] in BRACKETED_DAY_ALONE_BEFORE:
        return _bracketed_day_alone(text, core)  # 經濟部統計處今(20)公佈: 日 left out after the bracket
    if text[end:end + 1] not in BRACKETED_DATE_CLOSE or word not in BRACKETED_DATE_BEFORE:
        return None
    if text[start - 1:start] not in BRACKETED_DATE_OPEN or start < 2 or text[start - 2] not in BRACKETED_DATE_BEFORE[word]:
        return None
    numeral = core.group()
    value = _parse_arabic(numeral) if core.lastgroup == "arabic" else _cn_to_number(numeral)
    if value is None or value != int(value):
        return None
    draft = Draft(start - 1, end + 2, None)
    draft.unit, draft.consumed = "date", end + 2
    if word == _DAY and 1 <= value <= MONTH_DAYS:
        return draft
    if word == _MONTH and 1 <= value <= YEAR_MONTHS:
        draft.month = int(value)
        return draft
    if word == _YEAR and len(numeral) == 4 and YEAR_RANGE[0] <= value <= YEAR_RANGE[1]:
        draft.value = float(value)
        return draft
    if word == _YEAR and is_bare_minguo_year(text, start, numeral, value, point_in_year=True, placed=_never):
        draft.value = gregorian(value)  # 明（115）年: the year after this one, 115 of the era
        return draft
    return None


def _bracketed_day_alone(text: str, core: re.Match) -> Draft | None:
    """今(20)公布: the day of the month in brackets after 今 or 昨, 日 left out: a date with no value, as 今（20）日."""
    start, end = core.span()
    if text[start - 1:start] not in BRACKETED_DATE_OPEN or core.lastgroup != "arabic" or not core.group().isdigit():
        return None
    if not 1 <= int(core.group()) <= MONTH_DAYS:
        return None
    draft = Draft(start - 1, end + 1, None)
    draft.unit, draft.consumed = "date", end + 1
    return draft


def _never(text: str, end: int) -> bool:
    return False


#: 114/12/31: a date of the Republic of China era written with slashes ([minguo] slash_date_separators).
_ERA_DATE_RE = re.compile(
    rf"(?P<year>[0-9]{{3}})(?P<sep>[{re.escape(MINGUO_DATE_SEPARATORS)}])(?P<month>[0-9]{{1,2}})(?P=sep)(?P<day>[0-9]{{1,2}})"
    rf"(?![0-9.])"
)
ERA_DATE_SEPARATORS: frozenset[str] = frozenset(MINGUO_DATE_SEPARATORS)


def read_era_slash_date(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """114/12/31 = 31 December 2025: a year of the era, a month and a day of the calendar; else None."""
    start, end = core.span()
    if end - start != 3 or core.lastgroup != "arabic" or text[end:end + 1] not in ERA_DATE_SEPARATORS:
        return None
    if text[start - 1:start].isdigit() or text[start - 1:start] in ERA_DATE_SEPARATORS:
        return None  # part of a longer code (1.114.12.31)
    found = _ERA_DATE_RE.match(text, start)
    if found is None or not MINGUO_BARE_YEARS[0] <= int(found.group("year")) <= MINGUO_BARE_YEARS[1]:
        return None
    year = int(gregorian(int(found.group("year"))))
    try:
        datetime.date(year, int(found.group("month")), int(found.group("day")))
    except ValueError:
        return None  # 105/13/40: no day of the calendar
    draft = Draft(start, found.end(), float(year))
    draft.unit, draft.month, draft.consumed = "date", int(found.group("month")), found.end()
    return draft


#: 9/21, 12/31: a month and a day with a slash; not followed by more of a code, a share or a magnitude (3/10万).
_MONTH_DAY_RE = re.compile(rf"(?P<month>[0-9]{{1,2}})[/／](?P<day>[0-9]{{1,2}})(?![0-9/／.．%％{''.join(sorted(MAGNITUDES))}])")
#: Before a month and day: what makes the digits part of a code, a longer date or a label (A1/2, 2021/9/21, 第3/4季度).
_MONTH_DAY_NOT_AFTER = frozenset("/／-－.．:：#_") | frozenset("第")
_LEAP_YEAR = 2000  # any leap year: whether the day exists in its month


def read_month_day_slash(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """威盛9/1減資, 於9/21開始交易: a month and a day with a slash where no fraction is read (fractions.py: a
    denominator of 2..10, 100 or 1000, and no improper one a month could start) is a date of an unstated year."""
    start, end = core.span()
    if core.lastgroup != "arabic" or end - start > 2 or text[end:end + 1] not in SLASHES:
        return None
    before = text[start - 1:start] if start else ""
    if before.isascii() and before.isalnum() or before in _MONTH_DAY_NOT_AFTER or before.isdigit():
        return None
    found = _MONTH_DAY_RE.match(text, start)
    if found is None or text[found.end():found.end() + 1].isascii() and text[found.end():found.end() + 1].isalpha():
        return None
    month, day = int(found.group("month")), int(found.group("day"))
    if _fraction(month, day, proper=False, share=before in FRACTION_SHARE_BEFORE) is not None:
        return None  # 1/3, 3/4, 的约1/20: a share
    try:
        datetime.date(_LEAP_YEAR, month, day)
    except ValueError:
        return None  # 13/5, 2/30: no day of the calendar
    draft = Draft(start, found.end(), None)
    draft.unit, draft.month, draft.consumed = "date", month, found.end()
    return draft
