"""Years of the Republic of China era (民國紀年) as Taiwan writes them: year N is the Gregorian 1911 + N
(民國100年 = 2011, 105年底 = December 2016, 113年第3季, 一一四年度). The rule is the lexicon's ``[minguo]``:

- after the era word (民国, 民國) any year is one;
- without it, a year in the lexicon's range written with three digits one by one is one when written with Chinese
  digits (一一五年: no span of years is written so), or when a word placing a point in the year follows 年 (a month,
  底, 初, 上半年, 第三季, 年度, 全年, Q), since a span of years takes none of them (运营了100年, 105年来 stay durations);
- in a text that dates the present in years of the era (民國105年, or a year read by the rule above; a mainland
  text naming the era for its history, 始建于民国十年, does not), a two-digit
  year so placed (99年底), a bare year after a word opening a point in time or a range connector (自105年至112年,
  較113年, 105~112年), and a bare three-digit year with no word of a span after it (預測107年經濟成長).

A word before that makes the number a span of time (近, 历时, 经过 ...) rules the reading out; 公元/西元 before the
year make it a Gregorian year as written (公元105年). The first end of a range of years shares the era of the second
(民國100至105年: :func:`era_range_start`).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from ._lexicon import (
    BEFORE_COMMON_ERA_WORDS, COMMON_ERA_WORDS, MINGUO_AFTER_YEAR, MINGUO_BARE_YEARS, MINGUO_ERA_WORDS, MINGUO_OFFSET, MINGUO_OPENERS, MINGUO_SPAN_BEFORE,
    MINGUO_SPAN_AFTER, MINGUO_SPAN_AFTER_NOT, RANGE_CONNECTORS, REIGN_ERAS,
)
from .numerals import CHINESE_DIGITS, MAGNITUDES
from .patterns import _alternation, _cn_to_number

_ARABIC_DIGITS = "0123456789０１２３４５６７８９"
_CN_DIGIT_CHARS: frozenset[str] = frozenset(CHINESE_DIGITS) - frozenset(MAGNITUDES)
_ERA_RE = re.compile(rf"(?:{_alternation(MINGUO_ERA_WORDS)})[ \u3000]?\Z")
_COMMON_ERA_RE = re.compile(
    rf"(?:(?P<before>{_alternation(BEFORE_COMMON_ERA_WORDS)})|{_alternation(COMMON_ERA_WORDS)})[ \u3000]?\Z"
)
_ERA_WINDOW = max(len(word) for word in MINGUO_ERA_WORDS + COMMON_ERA_WORDS + BEFORE_COMMON_ERA_WORDS) + 1
#: Words before a bare year of the era in a text of the era: the openers, and a range connector (105~112年).
_OPENERS: tuple[str, ...] = MINGUO_OPENERS + tuple(RANGE_CONNECTORS)
_SPAN_WINDOW = max(len(word) for word in MINGUO_SPAN_BEFORE + _OPENERS)
YEAR_WORD = "年"


#: A bare year of the era has three digits; a digit or numeral before them makes them part of a longer number.
_YEAR_DIGITS = 3
_DIGIT_OR_NUMERAL: frozenset[str] = frozenset(_ARABIC_DIGITS) | frozenset(CHINESE_DIGITS)


#: The era word and the year after it (民國105年, 民国一百年, 民國101至106年).
_ERA_YEAR_RE = re.compile(
    rf"(?:{_alternation(MINGUO_ERA_WORDS)})[ \u3000]?(?P<year>[{_ARABIC_DIGITS}]{{1,3}}|[{''.join(sorted(CHINESE_DIGITS))}]{{1,5}})"
)


@lru_cache(maxsize=2)  # asked for every candidate year of one scan; only the text being read is worth keeping
def writes_present_era_years(text: str, point_in_year: Callable[[str, int], bool]) -> bool:
    """Whether ``text`` dates events of the present decades in the era (民國105年, 113年第3季: years in the
    lexicon's `bare_years`), as Taiwan writes; a mainland text naming the era for its history (始建于民国十年,
    民国时期) does not, so it is no sign that the text is from Taiwan."""
    low, high = MINGUO_BARE_YEARS
    for found in _ERA_YEAR_RE.finditer(text):
        digits = found.group("year")
        value = int(digits) if digits.isdigit() else _cn_to_number(digits)
        if value is not None and low <= value <= high:
            return True
    return _holds_placed_era_year(text, point_in_year)


def _three_digit_years(text: str) -> Iterator[tuple[str, int]]:
    """(digits, end) of each 年 after exactly three Arabic or three Chinese digits (never the two mixed: 0九〇年).

    The text is walked from one 年 to the next with str.find: a regex led by a lookbehind (no digit before the
    three) is tried at every position, and cost a tenth of the whole scan on the report."""
    position = text.find(YEAR_WORD, _YEAR_DIGITS)
    while position != -1:
        digits = text[position - _YEAR_DIGITS:position]
        if (all(char in _ARABIC_DIGITS for char in digits) or _CN_DIGIT_CHARS.issuperset(digits)) and (
            position == _YEAR_DIGITS or text[position - _YEAR_DIGITS - 1] not in _DIGIT_OR_NUMERAL
        ):
            yield digits, position + len(YEAR_WORD)
        position = text.find(YEAR_WORD, position + 1)


def _holds_placed_era_year(text: str, point_in_year: Callable[[str, int], bool]) -> bool:
    low, high = MINGUO_BARE_YEARS
    for digits, end in _three_digit_years(text):
        value = int(digits) if digits.isdigit() else _cn_to_number(digits)
        if value is not None and low <= value <= high and point_in_year(text, end):
            return True
    return False


def era_start(text: str, start: int) -> int | None:
    """Where the era word right before the year at ``start`` begins (民國100年), or None."""
    found = _ERA_RE.search(text, max(0, start - _ERA_WINDOW), start)
    return None if found is None else found.start()


_REIGN_RE = re.compile(rf"(?:{_alternation(REIGN_ERAS)})\Z")
_REIGN_LAST = frozenset(name[-1] for name in REIGN_ERAS)


def reign_era_start(text: str, start: int) -> tuple[int, int] | None:
    """(where the reign era right before the year at ``start`` begins, the Gregorian year of its first year) or None
    (康熙二十三年: 康熙 began in 1662, so year 23 is 1684)."""
    if text[start - 1:start] not in _REIGN_LAST:
        return None
    found = _REIGN_RE.search(text, max(0, start - _ERA_WINDOW), start)
    return None if found is None else (found.start(), REIGN_ERAS[found.group()])


def common_era_start(text: str, start: int) -> tuple[int, bool] | None:
    """(where 公元 or 西元 right before the year at ``start`` begins, whether it is 公元前: a year before the era) or None
    (公元105年: a Gregorian year; 公元前221年: the year -221)."""
    found = _COMMON_ERA_RE.search(text, max(0, start - _ERA_WINDOW), start)
    return None if found is None else (found.start(), found.group("before") is not None)


def _digit_by_digit(numeral: str) -> bool:
    """105, 一一四, 一〇五: Arabic digits, or Chinese digits one by one (not the two mixed)."""
    return all(char in _ARABIC_DIGITS for char in numeral) or all(char in _CN_DIGIT_CHARS for char in numeral)


def is_bare_minguo_year(
    text: str, start: int, numeral: str, value: float, *, point_in_year: bool, placed: Callable[[str, int], bool]
) -> bool:
    """Whether the number ``numeral`` (= ``value``) at ``start``, before 年, is a year of the era with no era word.

    ``point_in_year``: a word placing a point in the year follows this 年 (a month, 底, 第三季; see
    date_words_follow); ``placed(text, end)`` tells the same of any 年 ending at ``end`` (for writes_present_era_years).
    """
    low, high = MINGUO_BARE_YEARS
    if not (low <= value <= high and _digit_by_digit(numeral)):
        return False
    before = text[max(0, start - _SPAN_WINDOW):start]
    if before.endswith(MINGUO_SPAN_BEFORE):
        return False  # 近105年, 历时105年: a span of years
    if len(numeral) == 3 and (point_in_year or not numeral[0].isdigit()):
        return True  # 105年底, 一一四年度, 113年第3季; 一一五年: a span is never written digit by digit
    if len(numeral) not in (2, 3) or not writes_present_era_years(text, placed):
        return False
    if point_in_year or start == 0 or before.endswith(_OPENERS):
        return True  # 99年底, 自105年 in a text of the era
    after_year = text.find(YEAR_WORD, start + len(numeral)) + len(YEAR_WORD)
    return len(numeral) == 3 and not _span_word_at(text, after_year)  # 預測107年經濟成長; 105年來


def _span_word_at(text: str, position: int) -> bool:
    """Whether a word making N年 a span stands at ``position`` (105年來), not a word it begins (112年來台旅客: 來台)."""
    return text.startswith(MINGUO_SPAN_AFTER, position) and not text.startswith(MINGUO_SPAN_AFTER_NOT, position)


def read_bare_era_years(text: str, drafts: list) -> None:
    """In a text in traditional script (Taiwan's), a bare three-digit year of `bare_years` read as a span of years
    is a year of the era (台灣112年經濟成長率 = 2023), unless a word of a span stands before or after it (成立105年,
    112年來): Taiwan writes its years so, and a span of over a century is rare enough to be written with those words."""
    low, high = MINGUO_BARE_YEARS
    for draft in drafts:
        if draft.unit != "duration" or draft.counter != YEAR_WORD or draft.qualifiers or draft.value_high is not None:
            continue
        numeral = text[draft.start:draft.end - len(YEAR_WORD)]
        if len(numeral) != _YEAR_DIGITS or not numeral.isdigit() or not low <= draft.value <= high:
            continue
        if text.endswith(MINGUO_SPAN_BEFORE, 0, draft.start) or _span_word_at(text, draft.end):
            continue
        draft.unit, draft.counter, draft.value = "date", None, gregorian(draft.value)


def date_words_follow(text: str, year_end: int, *, date_words: bool) -> bool:
    """Whether 年 at ``year_end`` places a point in the year: ``date_words`` (a month, 底, 上半年, a quarter read
    by the date pattern) or one of the lexicon's ``after_year`` words (年度, 全年)."""
    return date_words or text.startswith(MINGUO_AFTER_YEAR, year_end + len(YEAR_WORD))


def gregorian(value: float) -> float:
    """The Gregorian year of year ``value`` of the era."""
    return float(value + MINGUO_OFFSET)


def era_range_start(text: str, start: int, low: float, high_year: float) -> tuple[float, int] | None:
    """民國100至105年, 105~112年 in a text of the era: the first end of a range of years whose second end is a year
    of the era (``high_year``, already Gregorian) is one too. Its Gregorian year and where the mention starts
    (the era word before it, if written), or None when ``low`` is no earlier year of the era."""
    low_bound, high_bound = MINGUO_BARE_YEARS
    era_year = high_year - MINGUO_OFFSET
    if not (low_bound <= low <= era_year <= high_bound or (era_start(text, start) is not None and 0 < low <= era_year)):
        return None
    era = era_start(text, start)
    return gregorian(low), start if era is None else era
