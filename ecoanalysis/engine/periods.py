"""Whether 第N季, 首N季 or 首季 (季 without 度, Hong Kong and Taiwan usage) names a quarter of a year or the season of
a series, by the words of its clause (the lexicon's ``[short_quarters]``); 首季 (首季度), the first quarter, read
as a whole mention; and the period codes of brokers' notes (25Q2, 2025Q2, 2023H1, 2Q25, 09年2Q). Kept apart from
dates.py so that the readers of readers.py can use it.
"""
from __future__ import annotations

import re

from ._lexicon import SEASON_WORDS, SHORT_QUARTER_GUARD
from .draft import Draft, _name_draft
from .patterns import CLAUSE_ENDS

#: Months in a quarter (the one definition: readers, dates, pairs and the scanner take it from here).
QUARTER_MONTHS = 3
_FULL_QUARTER_SUFFIX = "度"

#: How far before and after 第N季 the clause is searched for words of a series.
_SEASON_WINDOW = 20


def _clause_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The clause's text before ``start`` and after ``end``, each at most _SEASON_WINDOW characters."""
    left = start
    while left > max(0, start - _SEASON_WINDOW) and text[left - 1] not in CLAUSE_ENDS:
        left -= 1
    right, stop = end, min(len(text), end + _SEASON_WINDOW)
    while right < stop and text[right] not in CLAUSE_ENDS:
        right += 1
    return text[left:start], text[end:right]


def names_a_period(text: str, start: int, end: int) -> bool:
    """Whether 第N季 / 首N季 at text[start:end] is a quarter ([short_quarters]): no word of a series in its clause and
    no title right before it (《乘风破浪》第三季). A quarter is what news and reports mean by it (第三季為4.8%,
    公布第3季財報, 前3季), so it is the reading wherever no series is spoken of."""
    before, after = _clause_around(text, start, end)
    if before.rstrip(" ").endswith(_TITLE_CLOSERS):
        return False
    return not any(word in before or word in after for word in SEASON_WORDS)


#: The closing marks of a title: a series named right before 第N季 is spoken of.
_TITLE_CLOSERS = ("》", "」", "』", "〉")




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


#: A quarter or a half written after a 2- or 4-digit year: 25Q2, 2025Q2, 2023H1 (2-digit years are 2000 + yy); a range
#: of them 2024Q1-Q3 (months 1..9).
QUARTER_LETTER = "Q"
#: The letters of a period code after a year and the months of each period: quarters (2025Q2) and halves (2023H1).
_PERIOD_MONTHS = {QUARTER_LETTER: QUARTER_MONTHS, "H": 2 * QUARTER_MONTHS}
PERIOD_LETTERS: frozenset[str] = frozenset(_PERIOD_MONTHS)
_QUARTER_CODE_RE = re.compile(
    rf"(?P<letter>[{''.join(sorted(_PERIOD_MONTHS))}])(?P<quarter>[1-4])(?:[-~～至到](?P=letter)?(?P<high>[1-4]))?"
    rf"(?![0-9A-Za-z])"
)


#: The period first (2Q25, 1H2024: brokers' notes) or after the year and 年 (09年2Q, 2009年2Q).
_PERIOD_FIRST_RE = re.compile(rf"(?P<letter>[{''.join(sorted(_PERIOD_MONTHS))}])(?P<year>[0-9]{{4}}|[0-9]{{2}})(?![0-9A-Za-z])")
PERIOD_YEAR_WORD = "年"
_PERIOD_AFTER_YEAR_RE = re.compile(rf"{PERIOD_YEAR_WORD}(?P<quarter>[1-4])(?P<letter>[{''.join(sorted(_PERIOD_MONTHS))}])(?![0-9A-Za-z])")
PERIOD_CODE_AFTER: frozenset[str] = PERIOD_LETTERS | {PERIOD_YEAR_WORD}


def _read_period_first(text: str, start: int, end: int) -> Draft | None:
    """2Q25 = the second quarter of 2025, 1H24 the first half of 2024; 09年2Q, 2009年2Q the second quarter of 2009."""
    first = _PERIOD_FIRST_RE.match(text, end) if end - start == 1 else None
    after = _PERIOD_AFTER_YEAR_RE.match(text, end) if end - start in (2, 4) else None
    if first is not None:
        letter, period, year, stop = first.group("letter"), int(text[start]), first.group("year"), first.end()
    elif after is not None:
        letter, period, year, stop = after.group("letter"), int(after.group("quarter")), text[start:end], after.end()
    else:
        return None
    months = _PERIOD_MONTHS[letter]
    if not 1 <= period * months <= 12:
        return None
    draft = Draft(start, stop, float(int(year) + (2000 if len(year) == 2 else 0)))
    draft.unit, draft.month, draft.month_high, draft.consumed = "date", months * (period - 1) + 1, months * period, stop
    return draft


def read_quarter_code(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """25Q2, 2025Q2: the second quarter of 2025 (a date, months 4..6); 2024Q1-Q3 months 1..9 of 2024 (a range);
    2023H1, 23H2: the first or second half of a year (months 1..6, 7..12); 2Q25 and 09年2Q (`_read_period_first`)."""
    start, end = core.span()
    if core.lastgroup != "arabic" or start > 0 and text[start - 1].isascii() and text[start - 1].isalnum():
        return None
    if text[end:end + 1] not in PERIOD_LETTERS or end - start not in (2, 4):
        return _read_period_first(text, start, end) if text[end:end + 1] in PERIOD_CODE_AFTER else None
    code = _QUARTER_CODE_RE.match(text, end)
    months = _PERIOD_MONTHS[code.group("letter")] if code is not None else 0
    if code is None or int(code.group("quarter")) * months > 12 or int(code.group("high") or 0) * months > 12:
        return None  # H3: no half of a year
    year = int(core.group()) + (2000 if end - start == 2 else 0)
    quarter, high = int(code.group("quarter")), int(code.group("high") or 0)
    draft = Draft(start, code.end() if high > quarter else code.end("quarter"), float(year))
    draft.unit, draft.month, draft.month_high = "date", months * (quarter - 1) + 1, months * quarter
    if high > quarter:  # 2024Q1-Q3: the first to the third quarter of 2024
        draft.month_high, draft.value_high = months * high, float(year)
        draft.bounds.append("range")
    return draft


#: A quarter or a half written alone, its year unstated (Q3营收, Q1-Q3, H1净利润): the letter right before the digit.
_BARE_PERIOD_RE = re.compile(
    rf"(?:[-~～至到](?P<letter>[{''.join(sorted(_PERIOD_MONTHS))}])?(?P<high>[1-4]))?(?![0-9A-Za-z])"
)


def read_bare_period_code(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """Q3, H1 (the third quarter, the first half of a year the text leaves unstated: a date with no value, as 三季度
    is), Q1-Q3 (months 1..9); not inside a longer Latin word (H1N1, RTX Q4000, AQ1)."""
    start, end = core.span()
    letter = text[start - 1:start]
    if core.lastgroup != "arabic" or end - start != 1 or letter not in _PERIOD_MONTHS:
        return None
    if start > 1 and text[start - 2].isascii() and text[start - 2].isalnum():
        return None
    months, period = _PERIOD_MONTHS[letter], int(core.group())
    tail = _BARE_PERIOD_RE.match(text, end)
    if tail is None or period * months > 12 or tail.group("letter") not in (None, letter):
        return None
    high = int(tail.group("high") or 0)
    draft = Draft(start - 1, tail.end() if high else end, None)
    draft.unit, draft.month, draft.month_high = "date", months * (period - 1) + 1, months * period
    if high:
        if high <= period or high * months > 12:
            return None
        draft.month_high = months * high
        draft.bounds.append("range")
    draft.consumed = draft.end
    return draft


#: FY2024, FY24: a fiscal year written as brokers and annual reports write it (a date, like 2024财年).
FISCAL_YEAR_MARK = "FY"
FISCAL_YEAR_BEFORE: frozenset[str] = frozenset(FISCAL_YEAR_MARK[-1] + FISCAL_YEAR_MARK[-1].lower())


def read_fiscal_year(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """FY2024, FY24 = the fiscal year 2024 (a date), FY2023/24 the one across 2023 and 2024; not inside a longer
    Latin word (XFY24)."""
    start, end = core.span()
    if core.lastgroup != "arabic" or end - start not in (2, 4) or text[start - 2:start].upper() != FISCAL_YEAR_MARK:
        return None
    before, after = text[start - 3:start - 2], text[end:end + 1]
    if before.isascii() and before.isalnum() or after.isascii() and after.isalnum():
        return None  # XFY24, FY24Q3: a longer name
    draft = Draft(start - 2, end, float(int(core.group()) + (2000 if end - start == 2 else 0)))
    draft.unit, draft.consumed = "date", end
    pair = _FISCAL_PAIR_RE.match(text, end)
    if pair is not None and int(pair.group("next")) == (draft.value + 1) % 100:  # FY2023/24: a year across two
        draft.value_high, draft.end, draft.consumed = draft.value + 1, pair.end(), pair.end()
        draft.bounds.append("range")
    return draft


_FISCAL_PAIR_RE = re.compile(r"[/／](?P<next>[0-9]{2})(?![0-9A-Za-z])")
