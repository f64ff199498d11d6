"""Date words after a number, for the general reading (reading.py): 2019年 (3月, 底, 上半年, 第三季度),
3月 (今年3月 with the document year), a lone day of an unstated month (会议于22日召开), 2030年前后, and
the quarters written as a count (一季度, 前三季度) and 第N季 without 度 (第三季业绩, 首三季; a season of a series otherwise).
"""
from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from ._lexicon import (
    CONTEXT_UNITS,
    DAY_BOUND_BEFORE,
    DAY_FOLLOWERS,
    DAY_FREQUENCY_COUNTERS,
    DAY_GUARD,
    DAY_OPENERS,
    DAY_SPAN_BEFORE,
    DATE_WORDS,
    DAY_WORDS,
    FIRST_MONTHS_AFTER,
    FIRST_MONTHS_BEFORE,
    FIRST_QUARTERS_WORDS,
    LIST_SEPARATORS,
    EARLY_YEAR_MIN,
    YEARS_BETWEEN,
    MINGUO_SPAN_AFTER,
    YEAR_POINT_VERBS,
    MINGUO_SPAN_BEFORE,
    MONTH_SPAN_AFTER,
    MONTH_SPAN_BEFORE,
    MONTH_SPAN_GUARD,
    MONTH_SUFFIX,
    RANGE_CONNECTORS,
    MONTHS_COUNTER,
    RELATIVE_YEARS,
    SHORT_QUARTER_GUARD,
    SHORT_QUARTER_WORD,
    INFIX_QUALIFIERS,
    SUFFIX_QUALIFIERS,
    TOP_RANK_GUARD,
    UNIT_GUARDS,
    UNIT_WORDS,
    YEAR_HALF_MONTHS,
    YEAR_PART_GUARD,
    YEAR_PART_MONTHS,
)
from .draft import Draft, _name_draft
from .periods import names_a_period
from .prefixes import settle_near_duration
from .eras import YEAR_WORD, common_era_start, date_words_follow, era_start, gregorian, is_bare_minguo_year, reign_era_start
from .numerals import LIANG, MAGNITUDES
from .patterns import MONTH_DAYS, YEAR_RANGE, _GAP, _SUFFIX_RE, _alternation, _cn_to_number, clause_before, is_han
from .readers import QUARTER_MONTHS, _set_quarter
from .yearpairs import short_year

if TYPE_CHECKING:
    from .reading import _Reading

#: Characters that may start a day-of-month word (日, 号): the date reading looks for a day only there.
DAY_FIRST_CHARS: frozenset[str] = frozenset(word[0] for word in DAY_WORDS)
#: After a lone day, the characters that make it a span of days, or another word (日本, 日常: the unit guard).
_DAY_GUARD_CHARS: frozenset[str] = frozenset(DAY_GUARD) | frozenset("".join(UNIT_GUARDS.get(word, "") for word in DAY_WORDS))
#: Unit words that begin with a day word (日元): after a number they are the unit, never a day (10日元 = 10 JPY).
_DAY_LED_UNITS: tuple[str, ...] = tuple(word for word in UNIT_WORDS if len(word) > 1 and word[0] in DAY_FIRST_CHARS)
_DAY_OPENER_WINDOW = max(len(word) for word in DAY_OPENERS)
_DAY_WORD = DAY_WORDS[0]
#: A count of times after N日 ([dates] day_frequency_counters): 一日3次, 一日三餐, 两日一次, and a range of them (一日2~4次).
_FREQUENCY_COUNT = "[0-9０-９一二两三四五六七八九十]{1,3}"
_FREQUENCY_RE = re.compile(
    rf"{_FREQUENCY_COUNT}(?:(?:{_alternation(RANGE_CONNECTORS)}){_FREQUENCY_COUNT})?(?:{_alternation(DAY_FREQUENCY_COUNTERS)})"
)
#: One space of PDF text between a day and 日 (今天 (11 日) 发布); a line break ends the phrase.
_INLINE_SPACES: frozenset[str] = frozenset(" \u3000\xa0")


def day_of_month_end(text: str, start: int, end: int, day: float) -> int | None:
    """会议于22日召开, 国家统计局15日发布: where "N日" ends when it is a day of an unstated month, else None.

    The day is 1-31 with 日/号 after it (a space between, as PDF text has: (11 日)), after a word that opens a
    point in time or before a word of reporting, a time of day or a preposition (记者23日从…获悉; lexicon [dates]),
    or for 日 between two words where a month was named shortly before (社科院22日上调); 3日内, 5日后 and 仅用3日就
    are spans of days.
    """
    at = end + 1 if text[end:end + 1] in _INLINE_SPACES else end
    word = next((word for word in DAY_WORDS if text.startswith(word, at)), None)
    if word is None or text[at + len(word):at + len(word) + 1] in _DAY_GUARD_CHARS or not 1 <= day <= MONTH_DAYS:
        return None
    if text.startswith(_DAY_LED_UNITS, at):
        return None
    day_end = at + len(word)
    if _FREQUENCY_RE.match(text, day_end):
        return None  # 一日3次, 一日三餐: the period of a frequency
    if text.endswith(DAY_BOUND_BEFORE, 0, start):
        return None  # 不得少于二十日: a bounded span of days (the 于 of the comparative opens no date)
    if start == 0 or text[max(0, start - _DAY_OPENER_WINDOW):start].endswith(DAY_OPENERS):
        return day_end
    if text.endswith(DAY_SPAN_BEFORE, 0, start):
        return None  # 仅用3日就完成: a span of days
    if text.startswith(DAY_FOLLOWERS, day_end) or _between_words(text, start, day_end, word):
        return day_end
    return None


def _between_words(text: str, start: int, day_end: int, word: str) -> bool:
    """社科院22日上调: 日 with a word just before the number and one just after (a subject, then its verb), in a
    text that has named a month shortly before (新华社北京4月22日电 …), the month a lone day refers back to; without
    one, 春节7日假期 is a span of days."""
    before = text[start - 1:start]
    if word != _DAY_WORD or not is_han(before) or not is_han(text[day_end:day_end + 1]):
        return False
    return _NAMED_MONTH_RE.search(text, max(0, start - _MONTH_WINDOW), start) is not None


#: A month named before a lone day (4月22日电, 11月份): the month the day refers back to, within _MONTH_WINDOW.
_NAMED_MONTH_RE = re.compile(r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月")
_MONTH_WINDOW = 300


_RELATIVE_YEAR_RE = re.compile(rf"(?P<rel>{_alternation(RELATIVE_YEARS)}){_GAP}\Z")
#: How far before a number a relative year word (今年) is looked for: the word and a short gap.
_RELATIVE_YEAR_WINDOW = 6
#: The end of a day after its month: 日 or 号, or nothing before a word of reporting (11月14公布, 3月5日电).
_DAY_END = rf"(?:[日号]|(?=(?:{_alternation(DAY_FOLLOWERS)})))"
#: 底, 末, 初 after 年, not starting another word (年初步, 年底蕴: [dates] year_part_guard).
_YEAR_PART = "|".join(
    f"{re.escape(part)}(?![{re.escape(YEAR_PART_GUARD[part])}])" if YEAR_PART_GUARD.get(part) else re.escape(part)
    for part in YEAR_PART_MONTHS
)
#: The connectors of a range of months or quarters written after its year (2023年1—11月, 2023年1—3季度), from [ranges] (the
#: dashes and tildes, 至 and 到).
_PERIOD_RANGE_CONNECTORS = _alternation(RANGE_CONNECTORS)
_DATE_RE = re.compile(
    rf"{_GAP}年(?:{_GAP}(?P<month>[0-9０-９]{{1,2}}|[一二三四五六七八九十]{{1,3}})"
    rf"(?:{_GAP}(?:{_PERIOD_RANGE_CONNECTORS}){_GAP}(?P<month_high>[0-9０-９]{{1,2}}|[一二三四五六七八九十]{{1,3}}))?{_GAP}月"
    rf"(?:{MONTH_SUFFIX}|{_GAP}(?P<day>[0-9０-９]{{1,2}}|[一二三四五六七八九十]{{1,3}}){_GAP}{_DAY_END})?|(?P<part>{_YEAR_PART})"
    rf"|(?P<half>{_alternation(YEAR_HALF_MONTHS)})"
    rf"|(?P<quarters>{_GAP}(?P<first_quarters>{_alternation(FIRST_QUARTERS_WORDS)})?(?P<ordinal>第)?{_GAP}"
    rf"(?P<quarter>[1-4一二三四])(?:{_GAP}(?:{_PERIOD_RANGE_CONNECTORS}){_GAP}第?{_GAP}(?P<quarter_high>[1-4一二三四])|(?P<next_quarter>[二三四]))?"
    rf"{_GAP}{SHORT_QUARTER_WORD}(?:(?P<full>度)|(?![{SHORT_QUARTER_GUARD}])))"
    # a quarter in the Latin letter of brokers' tables (2024年Q3, 2025年 Q1): the same quarter
    rf"|{_GAP}[Qq](?P<latin_quarter>[1-4])(?![0-9A-Za-z]|[.．][0-9]))?"
)
QUARTER_WORD = "季度"
_SHORT_QUARTER_GUARD_CHARS: frozenset[str] = frozenset(SHORT_QUARTER_GUARD) | {QUARTER_WORD[-1]}

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
    if whole and next_char == "年":
        _read_year(reading, draft, with_prefix=with_prefix)
    elif whole and next_char in DAY_FIRST_CHARS:
        day_end = day_of_month_end(text, reading.start, reading.end, value) if with_prefix and not reading.rank else None
        if day_end is not None:  # 会议于22日召开: a day of an unstated month
            draft.unit, draft.value = "date", None
            reading.position, reading.context = day_end, True
    elif whole and next_char == "月" and _read_month_span(reading, draft):
        pass  # 咳嗽2月余: more than two months
    elif whole and next_char == "月" and 1 <= value <= 12 and "." not in numeral:
        month_match = _MONTH_RE.match(text, reading.end)
        if month_match is None:
            return
        draft.unit, draft.month, draft.value = "date", int(value), None
        reading.position, reading.context = month_match.end(), True
        if with_prefix:
            months_start = _first_months_start(text, reading.start, int(value), month_match)
            if months_start is not None:  # 今年前8月 = January..August, one period (eq) like 前三季度 and 上半年
                draft.month, draft.month_high, reading.prefix_end = 1, int(value), months_start
            relative = _RELATIVE_YEAR_RE.search(text, max(0, reading.prefix_end - 6), reading.prefix_end)
            if relative is not None:
                reading.prefix_end = relative.start()
                if year is not None:
                    draft.value = float(year + RELATIVE_YEARS[relative.group("rel")])
                    draft.value_high = draft.value if draft.month_high is not None and "range" in draft.bounds else None


def _read_month_span(reading: _Reading, draft: Draft) -> bool:
    """N月余 (病程3月余), 有期徒刑8月: months counted with 个 left out, a duration (bounded by the qualifier after 月).
    Whether read."""
    text = reading.text
    month_at = text.index("月", reading.end)
    qualifier = next((word for word in MONTH_SPAN_AFTER if text.startswith(word, month_at + 1)), None)
    if qualifier is None:
        if not text.endswith(MONTH_SPAN_BEFORE, 0, reading.start) or text[month_at + 1:month_at + 2] in MONTH_SPAN_GUARD_AFTER:
            return False
        draft.unit, draft.counter = "duration", "月"  # 有期徒刑8月
        reading.position, reading.context = month_at + 1, True
        return True
    follower = text[month_at + 1 + len(qualifier):month_at + 2 + len(qualifier)]
    if follower and follower in MONTH_SPAN_GUARD:
        return False  # 3月余额: the balance of March
    draft.unit, draft.counter = "duration", "月"
    draft.qualifiers.append(qualifier)
    draft.bounds.append(INFIX_QUALIFIERS[qualifier])
    reading.position, reading.context = month_at + 1 + len(qualifier), True
    return True


#: After 月, what makes it a month of the calendar even after a word of a term (月份, 月底).
MONTH_SPAN_GUARD_AFTER = frozenset(MONTH_SUFFIX) | frozenset(YEAR_PART_MONTHS)


#: 前 before N月 (今年前8月: the first eight months), not ending another word (目前, 此前, 提前: [numerals]
#: top_rank_guard; 年 aside, which ends the year the months are of).
_FIRST_MONTHS_WORD = FIRST_QUARTERS_WORDS[0]
_FIRST_MONTHS_GUARD = frozenset(TOP_RANK_GUARD) - {YEAR_WORD}


def _first_months_start(text: str, start: int, month: int, month_match: re.Match) -> int | None:
    """Where 前 of 前N月 (the first N months of a year) begins, or None (a day follows, N < 2, another word)."""
    if month < 2 or month_match.group("day") or text[start - 1:start] != _FIRST_MONTHS_WORD:
        return None
    return None if text[start - 2:start - 1] in _FIRST_MONTHS_GUARD and start >= 2 else start - 1


def _read_year(reading: _Reading, draft: Draft, *, with_prefix: bool) -> None:
    """2019 年 (3 月, 底, 上半年, 第三季度); a year of the Republic of China era (民國100年, 105年底: eras.py)."""
    text = reading.text
    date_match = _DATE_RE.match(text, reading.end)
    in_range = YEAR_RANGE[0] <= draft.value <= YEAR_RANGE[1] or _is_early_year(reading, draft)
    if not (in_range and _writes_a_year(reading, draft)) and not _read_minguo_year(
        reading, draft, date_match, with_prefix=with_prefix
    ) and not _read_short_year(reading, draft):
        return
    draft.unit = "date"
    if date_match.group("month"):
        draft.month = _small_number(date_match.group("month"))
        if date_match.group("month_high"):  # 2022年1-6月: January to June 2022
            draft.month_high, draft.value_high = _small_number(date_match.group("month_high")), draft.value
            draft.bounds.append("range")
    elif date_match.group("part"):
        draft.month = YEAR_PART_MONTHS[date_match.group("part")]
    elif date_match.group("half"):  # 2023年上半年 = January..June 2023
        draft.month, draft.month_high = YEAR_HALF_MONTHS[date_match.group("half")]
    reading.position, reading.context = date_match.end(), True
    if date_match.group("quarter"):
        reading.position = _read_year_quarter(text, draft, date_match)
    elif date_match.group("latin_quarter"):
        _set_quarter(draft, int(date_match.group("latin_quarter")))
    _read_date_suffix(reading, draft)


def _is_early_year(reading: _Reading, draft: Draft) -> bool:
    """1684年, 1894年: four digits before the years of [dates], no round hundred, and no word of a span after 年
    (1500年的历史 and 1000年来 are spans)."""
    if not EARLY_YEAR_MIN <= draft.value < YEAR_RANGE[0] or draft.value % 100 == 0 or not reading.is_arabic:
        return False
    after_year = reading.text.find(YEAR_WORD, reading.end) + len(YEAR_WORD)
    return not reading.text.startswith(_EARLY_SPAN_AFTER, after_year)


#: The words of a span after an early year's 年, but 间 "in the years", which a range of years ends in (1405年至1433年间).
_EARLY_SPAN_AFTER: tuple[str, ...] = tuple(word for word in MINGUO_SPAN_AFTER if word != YEARS_BETWEEN)


def _writes_a_year(reading: _Reading, draft: Draft) -> bool:
    """2023年, 二〇二三年: four digits; 两千零二十三年, 一千九百九十八年: a year spelled with magnitudes, as it is
    spoken. A round number so spelled (两千年, 一千九百年来) and a span (两千零二十年的历史, 年来) stay durations."""
    spelled = not reading.is_arabic and any(char in MAGNITUDES for char in reading.numeral)
    if not spelled:
        return len(reading.numeral) == 4
    if draft.value % 100 == 0:
        return False
    after_year = reading.text.find(YEAR_WORD, reading.end) + len(YEAR_WORD)
    return not reading.text.startswith(MINGUO_SPAN_AFTER, after_year)


def _read_short_year(reading: _Reading, draft: Draft) -> bool:
    """23年上半年, 24年一季度, 98年底: two Arabic digits before 年 and a word placing a point in the year are a year
    written short (2023, 2024, 1998: the POSIX pivot), since a span of years takes no such word; not after a word of
    a span (近23年)."""
    text, numeral = reading.text, reading.numeral
    if len(numeral) != 2 or not numeral.isdigit() or text.endswith(MINGUO_SPAN_BEFORE, 0, reading.start):
        return False
    if not placed_in_year(text, text.index(YEAR_WORD, reading.end) + 1):
        return False
    draft.value = float(short_year(int(draft.value)))
    return True


def _read_minguo_year(reading: _Reading, draft: Draft, date_match: re.Match, *, with_prefix: bool) -> bool:
    """民國100年 = 2011, 105年底 = December 2016, 一一四年度: the Gregorian year set as the draft's value, the era
    word taken into the mention; a year of the Common Era as written after 公元 (公元前221年 = -221) or a verb placing it
    (建于1056年); False when the number is no year (运营了100年)."""
    text = reading.text
    common_era = common_era_start(text, reading.start)
    if common_era is not None:  # 公元105年: a Gregorian year as written; 公元前221年: before the era
        era_at, before_era = common_era
        reading.prefix_end = era_at if with_prefix else reading.prefix_end
        if before_era:
            draft.value = -draft.value
        return True
    reign = reign_era_start(text, reading.start)
    if reign is not None:  # 康熙二十三年 = 1684: year N of a reign era
        reading.prefix_end = reign[0] if with_prefix else reading.prefix_end
        draft.value = float(reign[1] + draft.value - 1)
        return True
    if text.endswith(YEAR_POINT_VERBS, 0, reading.start) and not text.startswith(
        MINGUO_SPAN_AFTER, text.index(YEAR_WORD, reading.end) + len(YEAR_WORD)
    ):
        return True  # 建于1056年, 出生于701年: a year placed by its verb, whatever its digits
    era = era_start(text, reading.start)
    if era is None:
        point_in_year = placed_in_year(text, text.index(YEAR_WORD, reading.end) + 1)
        if not is_bare_minguo_year(
            text, reading.start, reading.numeral, draft.value, point_in_year=point_in_year, placed=placed_in_year
        ):
            return False
    elif with_prefix:
        reading.prefix_end = era
    draft.value = gregorian(draft.value)
    return True


def placed_in_year(text: str, after_year: int) -> bool:
    """Whether the 年 ending at ``after_year`` is followed by words placing a point in the year: a month, 底/初,
    上半年, a quarter (第三季, 前三季度), or one of [minguo] after_year (年度, 全年)."""
    date_match = _DATE_RE.match(text, after_year - 1)
    quarter = date_match.group("quarter") and (
        date_match.group("full") or date_match.group("ordinal") or date_match.group("first_quarters")
    )
    placed = bool(
        date_match.group("month") or date_match.group("part") or date_match.group("half") or quarter
        or date_match.group("latin_quarter")
    )
    placed = placed or _QUARTER_LIST_RE.match(text, after_year) is not None  # 114年第1、2季 (pairs.py reads the list)
    return date_words_follow(text, after_year - 1, date_words=placed)


#: A list of quarters after 年 (114年第1、2季, 2024年第一、二季度): it places points in the year, as one quarter does.
_QUARTER_LIST_RE = re.compile(
    rf"{_GAP}第?[1-4一二三四](?:[{re.escape(''.join(sorted(LIST_SEPARATORS)))}]{{1,2}}第?[1-4一二三四])+{_GAP}{SHORT_QUARTER_WORD}"
)


def _read_year_quarter(text: str, draft: Draft, date_match: re.Match) -> int:
    """2021年第三季度 = July..September 2021, 2024年前三季度 = January..September 2024; 2023年第三季 and 2022年首三季
    (季 without 度) are quarters too unless a series is spoken of. Returns where the date ends."""
    full = date_match.group("full")
    if not full and not (date_match.group("ordinal") or date_match.group("first_quarters")):
        return date_match.start("quarters")  # 2023年四季: no ordinal, no quarter written so
    if not full and not names_a_period(text, date_match.start("quarters"), date_match.end()):
        return date_match.start("quarters")  # 该剧2023年第三季播出: the season of a series
    quarter, high = _small_number(date_match.group("quarter")), date_match.group("quarter_high") or date_match.group("next_quarter")
    if high is not None and (not full or date_match.group("first_quarters") or _small_number(high) <= quarter):
        return date_match.start("quarters")  # 2024年四至三季度: no range of quarters
    _set_quarter(draft, quarter if high is None else _small_number(high))
    if high is not None:  # 2024年一至三季度, 2024年二三季度: the second to the third quarter, a range
        draft.month, draft.value_high = QUARTER_MONTHS * (quarter - 1) + 1, draft.value
        draft.bounds.append("range")
    elif date_match.group("first_quarters"):
        draft.month = 1
    return date_match.end()


def read_short_quarter(reading: _Reading, draft: Draft) -> Draft | None:
    """第三季, 首三季, 前三季 (季 without 度, Hong Kong and Taiwan usage): a quarter or the first N quarters where a
    period is spoken of (第三季业绩, 今年第二季, 首三季盈利); else the season of a series, a label, never a rank."""
    text = reading.text
    end = draft.end + (text[draft.end:draft.end + 1] in " \u3000")  # 第3 季: one space of PDF or wire text
    if not text.startswith(SHORT_QUARTER_WORD, end) or text[end + 1:end + 2] in _SHORT_QUARTER_GUARD_CHARS:
        return None
    first = not reading.rank and text[reading.start - 1:reading.start] in FIRST_QUARTERS_WORDS
    if not (reading.rank or first) or draft.value_high is not None or draft.value is None:
        return None
    opener = reading.prefix_end if reading.rank else reading.start - 1
    word_end = end + len(SHORT_QUARTER_WORD)
    if draft.value not in (1, 2, 3, 4) or not names_a_period(text, opener, word_end):
        return _name_draft(opener, word_end, draft.value)  # 这档节目第三季, 第六季: a season
    quarter = Draft(opener, word_end, None)
    _set_quarter(quarter, int(draft.value))
    if first:  # 首三季 = January..September
        quarter.month = 1
    return quarter


def _read_date_suffix(reading: _Reading, draft: Draft) -> None:
    """2026年前后, 2030年左右: an approximate date (the other suffixes, 以上/以内, bound amounts, not dates)."""
    suffix = _SUFFIX_RE.match(reading.text, reading.position)
    if suffix is not None and SUFFIX_QUALIFIERS[suffix.group("suffix")] == "approx":
        draft.qualifiers.append(suffix.group("suffix"))
        draft.bounds.append("approx")
        reading.position = suffix.end()


#: The words speaking of a run of quarters before N季 or N季度 (连续三季度, 连蚀四季), from the lexicon's 季.
_QUARTER_RUN = CONTEXT_UNITS[SHORT_QUARTER_WORD]
_QUARTER_RUN_RE = re.compile(_alternation(_QUARTER_RUN.nouns))


def read_quarter_count(reading: _Reading, draft: Draft) -> None:
    """一季度 = the first quarter (months 1..3); 前三季度 = the first three quarters (months 1..9); 二三季度, two
    digits side by side, the second and third quarters (months 4..9, a range). 两季度 and 连续三季度 are a number of
    quarters (a duration), not the N-th: 两 is no ordinal, and a run of quarters is spoken of ([[context_unit]] 季)."""
    if reading.numeral.startswith(LIANG) or _QUARTER_RUN_RE.search(clause_before(reading.text, reading.start, _QUARTER_RUN.window)):
        draft.unit = "duration"
        settle_near_duration(reading.text, draft)  # 近三季度: the last three quarters
        return
    quarter = int(draft.value)
    _set_quarter(draft, quarter)
    if draft.value_high in (2, 3, 4) and draft.value_high > quarter:  # 二三季度, 三四季度
        _set_quarter(draft, int(draft.value_high))
        draft.month = QUARTER_MONTHS * (quarter - 1) + 1
    elif reading.text[reading.prefix_end - 1:reading.prefix_end] in FIRST_QUARTERS_WORDS:
        reading.prefix_end -= 1
        draft.month = 1
    draft.value, draft.value_high, draft.counter = None, None, None
    read_relative_year(reading, draft)  # 今年一季度, 今年前三季度


def relative_year_before(text: str, start: int, year: int | None) -> tuple[int, float | None] | None:
    """今年, 去年, 明年 ... right before ``start`` (a gap between): where the word starts and the year it names
    (None without a document year); None when no such word stands there."""
    relative = _RELATIVE_YEAR_RE.search(text, max(0, start - _RELATIVE_YEAR_WINDOW), start)
    if relative is None:
        return None
    return relative.start(), None if year is None else float(year + RELATIVE_YEARS[relative.group("rel")])


def read_relative_year(reading: _Reading, draft: Draft) -> None:
    """A quarter after 今年, 去年 ... (今年一季度, 去年第四季度) is in that year of the document's."""
    found = relative_year_before(reading.text, reading.prefix_end, reading.year)
    if found is not None:
        reading.prefix_end, draft.value = found


def read_first_months(reading: _Reading, draft: Draft) -> None:
    """前9个月 (首10個月) opening a clause or after a word of the year (今年前10个月, 本財政年度首10個月) is months
    1..N of the year, one period (eq, like 前三季度 and 上半年), as 前N月 is; after another word 前 says "before"
    (上市前3个月) and the span stays a duration."""
    text, start, value = reading.text, reading.prefix_end, draft.value
    if draft.counter != MONTHS_COUNTER or value is None or value != int(value) or not 2 <= value <= 12:
        return
    if text[start - 1:start] not in FIRST_QUARTERS_WORDS or draft.qualifiers:
        return
    before = text[start - 2:start - 1]
    if start >= 2 and before.isalnum() and not text.endswith(FIRST_MONTHS_AFTER, 0, start - 1) and not text.startswith(
        FIRST_MONTHS_BEFORE, draft.end
    ):
        return  # (中国神华前11个月商品煤产量: a figure of the year so far follows)
    draft.unit, draft.month, draft.month_high = "date", 1, int(value)
    draft.value, draft.value_high, draft.counter = None, None, None
    reading.prefix_end = start - 1
    read_relative_year(reading, draft)  # 今年前10个月
