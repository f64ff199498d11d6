"""Two years joined by a separator (lexicon ``[dates]`` year_pair_*): 2016-20年 and 2019～22年 (a span of years),
2023/24财年 and 二零一九/二零年度 (a fiscal, school or sports year straddling two), 25至26财年 (two-digit years before
such a word), and 2023/12 or 2021-03 (ISO 8601's year and month); and one year before such a word (2023财年,
2024赛季, 2022会计年度)."""
from __future__ import annotations

import re
import string

from ._lexicon import SHORT_YEAR_METRICS, YEAR_HALF_MONTHS, YEAR_PAIR_SEPARATORS, YEAR_PAIR_WORD_SEPARATORS, YEAR_PAIR_WORDS, YEAR_PERIOD_WORDS
from .draft import Draft
from .eras import YEAR_WORD
from .numerals import CHINESE_DIGITS, FULLWIDTH_TO_ASCII
from .patterns import YEAR_RANGE

#: Characters before a year that make the pair part of a code or a longer date (V1/2023-24, 5/2023/12).
_YEAR_PAIR_GLUE: frozenset[str] = frozenset(string.ascii_letters + string.digits + "/-.／－")
_MONTHS_IN_YEAR = 12
_YEAR_DIGITS = 4
_SHORT_YEAR_DIGITS = 2
#: The POSIX pivot for two-digit years (strptime's %y): below it 20yy, from it 19yy.
_SHORT_YEAR_PIVOT = 69
#: The words of a year that straddles two: every year word but 年 itself (25至26年 is a span of 25 to 26 years).
_STRADDLING_WORDS: tuple[str, ...] = tuple(word for word in YEAR_PAIR_WORDS if word != "年")

_ARABIC = "[0-9０-９]"
_CN_DIGIT = "[" + "".join(char for char, digit in CHINESE_DIGITS.items() if char in "〇零○一二三四五六七八九") + "]"
_SEPARATORS = re.escape("".join(sorted(YEAR_PAIR_SEPARATORS | YEAR_PAIR_WORD_SEPARATORS)))
_PAIR_RE = {
    kind: re.compile(
        rf"(?P<first>{digit}{{2}}(?:{digit}{{2}})?)(?P<sep>[{_SEPARATORS}])(?P<next>{digit}{{4}}|{digit}{{1,2}})"
        rf"(?!{digit}|[{_SEPARATORS}.．]{digit})"
    )
    for kind, digit in (("arabic", _ARABIC), ("cn", _CN_DIGIT))
}
#: The separators a reader checks first (its Trigger in readers.TRIGGERS).
PAIR_SEPARATORS: frozenset[str] = YEAR_PAIR_SEPARATORS | YEAR_PAIR_WORD_SEPARATORS


def _digits(numeral: str) -> str:
    return "".join(str(CHINESE_DIGITS.get(char, char)) for char in numeral.translate(FULLWIDTH_TO_ASCII))


def short_year(two_digits: int) -> int:
    """The year a two-digit year stands for (the POSIX pivot: 23 -> 2023, 98 -> 1998)."""
    return (1900 if two_digits >= _SHORT_YEAR_PIVOT else 2000) + two_digits


def read_year_pair(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """2016-20年, 2023/24财年, 二零一九/二零年度, 25至26财年 (a span of years); 2023/12, 2021-03 (a year and a month).

    The rules are the lexicon's (``year_pair_*``): a year word after the pair makes it a span of years
    whatever the second number; without one, only Arabic digits and the next year (2023/24) do, and a month
    1..12 is a month of that year. A full second year with a year word is left to the range merger (2020-2025年).
    """
    start, end = core.span()
    pattern = _PAIR_RE.get(core.lastgroup)
    if pattern is None or end - start not in (_YEAR_DIGITS, _SHORT_YEAR_DIGITS) or start and text[start - 1] in _YEAR_PAIR_GLUE:
        return None
    pair = pattern.match(text, start)
    if pair is None or pair.end("first") != end:
        return None
    first, second = _digits(pair.group("first")), _digits(pair.group("next"))
    if len(first) == len(second) == _SHORT_YEAR_DIGITS and text.startswith(YEAR_WORD, pair.end()) and text.startswith(
        SHORT_YEAR_METRICS, pair.end() + len(YEAR_WORD)
    ) and int(first) < int(second):  # 上调公司24-26年EPS预测: the years of a forecast
        draft = Draft(start, pair.end() + len(YEAR_WORD), float(short_year(int(first))))
        draft.unit, draft.value_high = "date", float(short_year(int(second)))
        draft.bounds.append("range")
        return draft
    words = YEAR_PAIR_WORDS if len(first) == _YEAR_DIGITS else _STRADDLING_WORDS
    word = next((word for word in words if text.startswith(word, pair.end())), "")
    if not word and (core.lastgroup == "cn" or pair.group("sep") in YEAR_PAIR_WORD_SEPARATORS or len(first) < _YEAR_DIGITS):
        return None
    if len(first) == _SHORT_YEAR_DIGITS:
        return _short_pair(start, pair.end() + len(word), int(first), second)
    year = int(first)
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        return None
    high = int(second) if len(second) == _YEAR_DIGITS else year - year % 100 + int(second) if len(second) == 2 else None
    if high is not None and len(second) == 2 and high <= year:
        high += 100  # 1998-02年: the span crosses a century
    draft = Draft(start, pair.end() + len(word), float(year))
    draft.unit = "date"
    if high is not None and (high == year + 1 or word and high <= YEAR_RANGE[1] and len(second) == 2):
        if word or len(second) == _YEAR_DIGITS or int(second) > _MONTHS_IN_YEAR:  # 2011/12 alone: December 2011
            draft.value_high = float(high)
            draft.bounds.append("range")
            return draft
    if word or not 1 <= int(second) <= _MONTHS_IN_YEAR:
        return None
    draft.month = int(second)
    return draft


def _short_pair(start: int, end: int, first: int, second: str) -> Draft | None:
    """25至26财年: two two-digit years, the second the next one, before a word of a straddling year."""
    if len(second) != _SHORT_YEAR_DIGITS or int(second) != (first + 1) % 100:
        return None
    year = short_year(first)
    draft = Draft(start, end, float(year))
    draft.unit, draft.value_high = "date", float(year + 1)
    draft.bounds.append("range")
    return draft


#: The words of a straddling year that do not begin with 年 (2023年度 is the date reader's), and their first
#: characters: the trigger of read_year_with_word (readers.TRIGGERS).
_YEAR_NAMING_WORDS: tuple[str, ...] = tuple(word for word in _STRADDLING_WORDS if not word.startswith("年")) + tuple(
    sorted(YEAR_PERIOD_WORDS, key=len, reverse=True)
)
STRADDLING_FIRST_CHARS: frozenset[str] = frozenset(word[0] for word in _YEAR_NAMING_WORDS)


def read_year_with_word(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """2023财年, 2024赛季, 2022会计年度, 2024全年, 2023上半年: a year of four digits before a word of a fiscal, school or
    sports year or of a period of it (a date; 2023年度 is read with 年 by the date reader)."""
    start, end = core.span()
    if core.lastgroup != "arabic" or end - start != _YEAR_DIGITS or start and text[start - 1] in _YEAR_PAIR_GLUE:
        return None
    word = next((word for word in _YEAR_NAMING_WORDS if text.startswith(word, end)), None)
    year = int(core.group().translate(FULLWIDTH_TO_ASCII)) if word is not None else 0
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        return None
    draft = Draft(start, end + len(word), float(year))
    draft.unit = "date"
    if word in YEAR_HALF_MONTHS:  # 2023上半年: January..June
        draft.month, draft.month_high = YEAR_HALF_MONTHS[word]
    return draft
