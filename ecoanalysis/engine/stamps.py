"""Years that stamp a document rather than date what it tells: the year after a copyright mark (© 2023, Copyright
2019-2023; lexicon ``[dates]`` copyright_marks), a date flagged name-like; and a year alone in round brackets
(中国统计年鉴（2022）, 报告(2023), （2021）第3期), the edition or volume year of a title or a case: a date; and the days of a
week in brackets after a word of the week (周报（12.11-12.17）), a range of dates."""
from __future__ import annotations

import re

from ._lexicon import COPYRIGHT_MARKS, WEEK_WORDS
from .draft import Draft, _name_draft
from .numerals import FULLWIDTH_TO_ASCII
from .patterns import YEAR_RANGE, _alternation

#: The last character of each mark, and the space that may follow it: the reader's trigger (readers.TRIGGERS).
MARK_LAST_CHARS: frozenset[str] = frozenset(mark[-1] for mark in COPYRIGHT_MARKS)
_MARK_RE = re.compile(rf"(?:{_alternation(COPYRIGHT_MARKS)})[ \u3000]?\Z")
_MARK_WINDOW = 1 + max(len(mark) for mark in COPYRIGHT_MARKS)
#: A second year after the first (© 2019-2023): the span of the copyright.
_LAST_YEAR_RE = re.compile(r"[-–—~～][0-9０-９]{4}(?![0-9０-９])")
_YEAR_DIGITS = 4


def follows_mark(text: str, start: int) -> bool:
    """Whether a copyright mark (and at most one space) stands right before ``start``: the cheap first test."""
    before = text[start - 1:start]
    if before in (" ", "\u3000"):
        before = text[start - 2:start - 1]
    return before in MARK_LAST_CHARS


def read_copyright_year(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """© 2023, Copyright 2019-2023: the year (or years) of a copyright notice, a date flagged name-like."""
    start, end = core.span()
    if core.lastgroup != "arabic" or end - start != _YEAR_DIGITS or not core.group().isdigit() or not follows_mark(text, start):
        return None  # (four characters of a decimal, ４８.６, are no year)
    if _MARK_RE.search(text, max(0, start - _MARK_WINDOW), start) is None:
        return None
    year = int(core.group().translate(FULLWIDTH_TO_ASCII))
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        return None
    draft = Draft(start, end, float(year))
    draft.unit, draft.name_like = "date", True
    last = _LAST_YEAR_RE.match(text, end)
    if last is not None and year < int(last.group()[1:].translate(FULLWIDTH_TO_ASCII)) <= YEAR_RANGE[1]:
        draft.value_high = float(last.group()[1:].translate(FULLWIDTH_TO_ASCII))
        draft.end = draft.consumed = last.end()
        draft.bounds.append("range")
    return draft


#: Round brackets around a year alone: the triggers of read_bracketed_year (readers.TRIGGERS).
YEAR_BRACKET_OPEN: frozenset[str] = frozenset("（(")
_YEAR_BRACKET_CLOSE: frozenset[str] = frozenset("）)")


def read_bracketed_year(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """中国统计年鉴（2022）, （2021）第3期: four digits of a year alone in round brackets are that year (a date)."""
    start, end = core.span()
    if core.lastgroup != "arabic" or start == 0 or text[start - 1:start] not in YEAR_BRACKET_OPEN:
        return None
    if end - start != _YEAR_DIGITS or not core.group().isdigit() or text[end:end + 1] not in _YEAR_BRACKET_CLOSE:
        return _read_bracketed_week(text, start)
    year = int(core.group().translate(FULLWIDTH_TO_ASCII))
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        return None
    case = _CASE_NUMBER_RE.match(text, end + 1)
    if case is not None:  # （2023）京0105刑初1234号: the year heads the number of a court case, a label
        return _name_draft(start - 1, case.end(), None)
    draft = Draft(start, end, float(year))
    draft.unit = "date"
    return draft


#: After a bracketed year, the rest of a court case's number: the court's code (a place, digits) and the kind of case
#: (刑初, 民终, 行再 ...), its serial and 号: （2023）京0105刑初1234号, (2022)沪01民终5678号.
_CASE_NUMBER_RE = re.compile(r"[\u4e00-\u9fff]{1,3}[0-9]{0,6}[\u4e00-\u9fff]{1,4}[0-9]{1,6}号")


#: month.day-month.day closed by a bracket: the days of a week (12.11-12.17, 3.4-3.10).
_WEEK_RE = re.compile(
    r"(?P<month>1[0-2]|[1-9])\.(?P<day>[0-3][0-9]|[1-9])[-–~～至](?P<month_high>1[0-2]|[1-9])\.(?P<day_high>[0-3][0-9]|[1-9])[）)]"
)
_MAX_DAY = 31
#: How far before the number a week word may end: the bracket, one space and the longest word.
_WEEK_WINDOW = 2 + max(map(len, WEEK_WORDS))


def _read_bracketed_week(text: str, start: int) -> Draft | None:
    """宏观经济周报（12.11-12.17）: month.day to month.day in brackets after a word of the week, a range of dates within
    one year (months in order, days of the calendar)."""
    week = _WEEK_RE.match(text, start)
    if week is None or not text[max(0, start - _WEEK_WINDOW):start - 1].rstrip(" \u3000").endswith(WEEK_WORDS):
        return None
    month, month_high = int(week.group("month")), int(week.group("month_high"))
    if month_high < month or not (1 <= int(week.group("day")) <= _MAX_DAY and 1 <= int(week.group("day_high")) <= _MAX_DAY):
        return None
    draft = Draft(start, week.end() - 1, None)
    draft.unit, draft.month, draft.month_high = "date", month, month_high
    draft.consumed = draft.end
    draft.bounds.append("range")
    return draft
