"""The scanner of the quantity engine: find every number mention in Chinese text and read what it claims.

Public here: :func:`parse_quantity` (one expression, ``"超过 1 万项"`` -> a frozen :class:`Quantity`) and
:func:`scan` (every mention of a text as :class:`Draft` objects, which :mod:`ecoanalysis.mentions` turns
into a DataFrame). The words come from ``lexicon.toml`` (:mod:`._lexicon`); see README.md in this package.

How it works
------------
One compiled regular expression (:data:`_CORE_RE`) finds numeral *cores*: runs of Arabic digits, runs of
Chinese numeral characters (with 几 inside), or 首个/首家/首款. For every core:

1. the whole-mention readers of :data:`.readers.WHOLE_READERS` are tried in that order (dates, date codes,
   quarters, names, URLs and times, phone numbers, citations, list markers, section numbers, Latin names,
   fixed phrases, 翻一番, set phrases); the first that answers decides;
2. otherwise the general reading (:mod:`.reading`): the value (:func:`_read_number`), the words glued before it
   (:func:`_read_before`), date words (:func:`_read_date`), the tail (:func:`_read_tail`: magnitude,
   余/多/来, %, ‰, 个百分点, 成, 折, 分之, unit or counter, suffix qualifier), then sign, currency and
   qualifier before it (:func:`_apply_prefix`) and the footnote marker (:func:`_finish`);
3. :func:`_merge_range` joins ``A 到/至/~/- B``.

All patterns are linear (single character classes, bounded gaps, literal alternations). Afterwards the
items of a list share the unit written after the last (:func:`share_lists`) and before/after pairs
(由 80% 提升到 95%) are linked (:func:`_link_pairs`), both in :mod:`.pairs`. A numeral that cannot be read gets bound ``vague``
and no value.
"""
from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager

from ._lexicon import (
    CHANGE_LEVEL_RATIO,
    CHANGE_LEVEL_VERBS,
    CHANGE_VERBS,
    RATE_LI_WORD,
    RATE_STEP_WORD,
    BRIDGED_ADJECTIVES, BRIDGED_ADVERBS, MINUS_SIGNS, OVER_OF_LINK, PLUS_SIGNS, PREFIX_QUALIFIERS, RANGE_CONNECTORS,
    RANGE_OPEN_AFTER, SCORE_DASHES, YI_WORD_HEADS, COMMON_ERA_WORDS, BEFORE_COMMON_ERA_WORDS,
    DEGREE_WORDS, DIVISION_COUNTERS, LIST_SEPARATORS, NEXT_YEAR_WORDS, RANK_WORD, SUFFIX_QUALIFIERS, YEARS_BETWEEN,
)
from .codes import apply_address_labels, extends_name, names_before_code, names_text_part
from .declared import apply_country_currency, apply_declared_currency, apply_exchange_rates
from .tolerances import share_tolerance_units
from .draft import Draft, Quantity
from .eras import YEAR_WORD, era_range_start, read_bare_era_years
from .pairs import _link_pairs, quarter_of, share_lists
from .prefixes import CONTEXT_UNIT_FIRST, read_context_unit, read_temperature_degrees
from .numerals import CHINESE_DIGITS, MAGNITUDES, scaled
from .dates import QUARTER_WORD, relative_year_before
from .patterns import CLAUSE_ENDS, MONTH_DAYS, _CN_CHARS, _CORE_RE, _GAP, _GAP_CHAR_SET, _GAP_MAX, _RANGE_FIRST_CHARS, YEAR_RANGE, _alternation
from .patterns import _SUFFIX_RE, _char_after_gap, _char_before_gap, _cn_to_number
from .reading import _read_one
from .readers import QUARTER_MONTHS, _set_quarter
from .ratesteps import read_rate_steps
from .rates import BASE_LAST_CHARS, apply_rate_moves, apply_spoken_prices, ends_rate_base, per_word_near, read_per_unit_before
from .spaced import SPACED_AFTER_CHARS, glue_spaced_core
from .variants import to_simplified, writes_traditional
from .ages import apply_implied_ages
from .promotions import apply_promotions
from .ratios import apply_named_units
from .statistics import apply_statistics

__all__ = ["parse_quantity", "scan"]

#: Magnitudes a Chinese second end may end with that the first end shares (三到五万家, 两到三亿元); 十 is a
#: digit of the number (十到二十万 = 10^5..2x10^5 shares 万 only).
_TRAILING_MAGNITUDES: dict[str, int] = {char: scale for char, scale in MAGNITUDES.items() if scale >= 100}
#: What stands after a bare Chinese numeral that may be an item of a list sharing the unit of the last (三、四成).
_LIST_MARKS: frozenset[str] = LIST_SEPARATORS - _GAP_CHAR_SET
_LINE_SPACES = " \t\u3000"


def _opens_enumeration(text: str, draft: Draft) -> bool:
    """一、 at the start of the text, of a line or of a clause marks an item of an enumeration (一、二十家企业入选;
    原因如下：一、…), no item of a list sharing a unit; unless the next number of the list follows it in counting
    (五、六月份, 三、四成: the items of one list)."""
    before = _char_before_gap(text, draft.start, _GAP_MAX + 1, _LINE_SPACES)
    if before != "" and before not in CLAUSE_ENDS:
        return False
    following = _CORE_RE.match(text, draft.end + 1)
    if following is None or following.lastgroup != "cn" or draft.value is None:
        return True
    successor = _cn_to_number(following.group())
    return successor != draft.value + 1


#: The minus signs and words, which may open the second end of a range (-550万元至-820万元, 零下30℃至零下25℃).
_RANGE_MINUS = _alternation(MINUS_SIGNS)
#: Plus signs and words, which open the second end of a range crossing zero (负5%到正12%, 零下5至零上3摄氏度).
_RANGE_PLUS = _alternation(PLUS_SIGNS)
#: A word of the Common Era opening a range's second end, matched ahead only (its reader takes it as a prefix).
_ERA_AHEAD = rf"(?:{_alternation(COMMON_ERA_WORDS + BEFORE_COMMON_ERA_WORDS)})[0-9０-９{_CN_CHARS}]"
_RANGE_RE = re.compile(
    rf"{_GAP}(?P<conn>{_alternation(RANGE_CONNECTORS)}){_GAP}(?P<next_year>{_alternation(NEXT_YEAR_WORDS)})?"
    # the era of a year written again at the second end (公元前202年至公元8年), read with it
    rf"(?:(?P<minus>{_RANGE_MINUS})|(?P<plus>{_RANGE_PLUS})|(?P<rank>{RANK_WORD}))?(?=[0-9０-９{_CN_CHARS}]|{_ERA_AHEAD})"
)


#: What must follow a draft for _merge_range to find a connector: a gap, or a connector's first character.
_RANGE_OR_GAP_CHARS: frozenset[str] = _RANGE_FIRST_CHARS | _GAP_CHAR_SET


def _merge_range(text: str, first: Draft, *, year: int | None, lenient: bool) -> None:
    """Extend ``first`` with a range connector and a second quantity (6 到 8 周, 2019-2021 年)."""
    # cheapest and most selective test first: most numbers are followed by no range connector
    if _char_after_gap(text, first.end) not in _RANGE_FIRST_CHARS or first.name_like:
        return
    if first.value is None and (first.unit != "date" or first.month is None):
        return  # a month of an unstated year may still open a range (1月至6月)
    if not _bounded_only_before(first):
        return
    connector = _RANGE_RE.match(text, first.end)
    if connector is None or not _connector_fits(text, connector, first):
        return
    if first.unit == "date" and _merge_written_day(text, first, connector.end()):
        return  # 1月1号至3号, 一月一号到三号: the second day read here, before 三号 can name a member of a series
    second, trailing = _read_second_end(text, connector.end(), year=year, context_start=first.start)
    if second is None:
        return
    if _merge_day_range(text, first, second):
        return
    if connector.group("next_year") and not _into_next_year(first, second):
        return
    conn = connector.group("conn")
    if first.unit == "ratio" and conn in SCORE_DASHES:
        return  # 比分为2-3: the two sides of a score, no range
    if conn in _COLUMN_DASHES and _EQUALS & {_char_before_gap(text, first.start, _GAP_MAX), _char_after_gap(text, second.end)}:
        return  # 增长率=6.77‰-7.37‰=-0.6‰: a subtraction, no range
    if connector.group("minus") and not _negate_second_end(first, second):
        return
    if _merge_quarter_range(text, first, second, year=year):
        return
    if first.unit == "rank" and second.unit in (None, "duration") and second.value_high is None:
        second.unit = "rank"  # 第3到5位, 第三至第五名, 第2至4年: after 第 both ends are ordinals
    if first.unit is not None and second.unit is not None and first.unit != second.unit and not _shares_the_rate(first, second):
        return
    if first.unit == "percentage_point" and second.unit is None and text.startswith(RATE_LI_WORD, second.end):
        return  # 下調25個基點至5.25厘: a change in points, then the level reached in 厘 (a rate of its own)
    if _merge_month_range(text, first, second, year=year) or _merge_yearless_months(first, second):
        return
    if first.unit == "date" and second.unit == "date" and second.value is None and second.month is not None:
        second.value = first.value  # 2020年11月28日-12月03日: the year written once
    if second.value is None or first.value is None or _change_then_level(text, conn, first, second):
        return  # 11月至2019年8月: a month of an unstated year is no end of a range in a stated one
    if first.unit is not None and second.unit is None:
        if not _takes_first_unit(first, second):
            return
        second.unit = first.unit
    if first.counter is not None and second.counter is not None and first.counter != second.counter:
        return
    saved = tuple(getattr(first, field) for field in _END_FIELDS)
    if _share_the_written_unit(text, conn, first, second, trailing):
        _close_range(text, first, second)
    else:  # 5000多-3.5毛: no range, and the first end stays as it was read
        for field, value in zip(_END_FIELDS, saved):
            setattr(first, field, value)


#: What _share_the_written_unit may change in a first end, restored when no range comes of it.
_END_FIELDS: tuple[str, ...] = ("unit", "currency", "unit_symbol", "value", "start", "scale", "scale_applied")


def _share_the_written_unit(text: str, conn: str, first: Draft, second: Draft, trailing: float) -> bool:
    """Give ``first`` the unit and magnitude written once after the second end (3至8亿元, 20~29‰), and whether the
    two ends then make a range in order (3-1 is not one: a dash between unrelated numbers)."""
    if first.unit is None and second.unit is not None:
        _adopt_unit(text, first, second)
        if second.scale_applied and second.scale < 1 and not first.scale_applied:
            first.value = scaled(first.value, second.scale)  # 20~29‰: the per-mille sign written once, after the range
    scale = second.scale if second.scale_applied else trailing  # 3至8亿元, 3-5万台; 三到五万家, 两到三亿元
    if not first.scale_applied and 1 < scale and first.value < scale and first.value * scale <= second.value:
        first.value = scaled(first.value, scale)  # the magnitude written once applies to the low end too
        first.scale, first.scale_applied = scale, True
    low, high = (first.value, first.month or 0), (second.value, second.month or 0)
    if conn not in ("到", "至") and not low < high:
        return False
    return low <= high


#: Change verbs (and 了) that may stand right before the change of "change 至 level" ([change] level_*).
_LEVEL_VERBS: tuple[str, ...] = tuple(f"{verb}{aspect}" for verb in (*CHANGE_VERBS, *CHANGE_LEVEL_VERBS) for aspect in ("", "了"))
_LEVEL_CONNECTORS = frozenset("至到")
_NO_LEVEL_UNITS = frozenset({"multiple", "percentage_point", "percent"})


def _shares_the_rate(first: Draft, second: Draft) -> bool:
    """每斤一块二到一块五: whether the second end, money in the first end's currency, is per the same base as the first end's
    rate (its 每斤 written once, before the range). If so it takes the rate's unit (in place)."""
    if first.unit != "rate" or second.unit != "currency" or first.currency != second.currency or not first.unit_symbol:
        return False
    second.unit, second.unit_symbol = first.unit, first.unit_symbol
    return True


def _takes_first_unit(first: Draft, second: Draft) -> bool:
    """Whether the second end of a range, with no unit of its own, is in the first end's unit (2%至5, 3千瓦到5)."""
    if first.unit == "date" or (second.counter is not None and first.counter is None):
        return False  # 增长1.4%至860万台: a share, then a count of 台, are no range
    # 增长16%至2.3亿: a share (or a multiple) takes no 万 or 亿, so the second end is the level reached
    return not (first.unit in _NO_LEVEL_UNITS and second.scale_applied and not first.scale_applied)


def _change_then_level(text: str, conn: str, first: Draft, second: Draft) -> bool:
    """PMI下跌4.3至57.8, 增加1.6万人至227万人: after a change verb, the change and the level it reaches (no range)."""
    if conn not in _LEVEL_CONNECTORS or first.value is None or first.value <= 0:
        return False  # a qualified change is one too (减少约1,500人至3,830,100人)
    if (first.unit, first.counter) != (second.unit, second.counter) or second.unit in _NO_LEVEL_UNITS:
        return False  # 增长2至20%, 增长1至10倍: the unit written once after a range; a multiple or a share is no level
    return second.value > CHANGE_LEVEL_RATIO * first.value and text.endswith(_LEVEL_VERBS, 0, first.start)


def _close_range(text: str, first: Draft, second: Draft) -> None:
    """Make ``first`` the range from itself to ``second`` (their values, units and spans already agree)."""
    # the top of the range is the top of the second quantity when that names a span (三到十几个)
    first.value_high = second.value if second.value_high is None else second.value_high
    if first.unit == "date":
        first.month_high = second.month_high or second.month  # 2023年第四季度至2024年第一季度: to March
    first.counter = first.counter or second.counter
    first.qualifiers.extend(second.qualifiers)
    first.bounds.append("range")
    first.end = second.end
    first.consumed = second.consumed
    first.footnote = first.footnote or second.footnote
    first.weak = False  # 六至八: the range is the context
    if text[first.end:first.end + 1] == RATE_STEP_WORD:
        read_rate_steps(text, first, first.start)  # 升息1至2碼: 0.25..0.5 percentage point
    if per_word_near(text, first.start):
        read_per_unit_before(text, first, first.start)  # 每吨3000-3500元: the unit came with the second end
    if first.unit == "rank" and first.counter in DIVISION_COUNTERS and names_text_part(text, first.start, first.end, first.counter):
        first.unit, first.name_like, first.counter = "other", True, None  # 第一至第三章, 第5-8页: parts of a text


def _connector_fits(text: str, connector: re.Match, first: Draft) -> bool:
    """Whether the sign or 第 after the connector may open the second end after ``first``."""
    if connector.group("minus") and (first.value is None or first.value >= 0 or connector.group("conn") == "-"):
        return False  # a minus sign opens the second end only after a negative first (-550万元至-820万元)
    if connector.group("plus") and (first.value is None or first.value >= 0 or connector.group("conn") == "-"):
        return False  # a plus sign opens the second end only where the range crosses zero (负5%到正12%)
    if connector.group("rank") and first.unit != "rank" and quarter_of(text, first) is None:
        return False  # 第 opens the second end only after a rank or a quarter (第三至第五名, 第一季度至第三季度)
    conn_start, conn_end = connector.span("conn")
    if connector.group("conn") in _COLUMN_DASHES and conn_start > first.end and conn_end == connector.end():
        # a dash spaced off the first number and glued to the second is its minus sign: columns of a table
        # (1,567 -1,890); years keep their range (2019 -2021年)
        return first.unit == "date" or first.value is not None and YEAR_RANGE[0] <= first.value <= YEAR_RANGE[1]
    return True


_COLUMN_DASHES = frozenset("-－−")
_EQUALS = frozenset("=＝")


#: Qualifiers written before a number; one of them before a range qualifies the whole range (约三至五成).
_PREFIX_WORDS: frozenset[str] = frozenset(PREFIX_QUALIFIERS) | frozenset(BRIDGED_ADVERBS) | frozenset(BRIDGED_ADJECTIVES)


def _negate_second_end(first: Draft, second: Draft) -> bool:
    """-550万元至-820万元: the minus sign after the connector; the ends written by size (a loss of 550 to 820)
    make the range -820..-550. False when the second end has no single value to negate."""
    if second.value is None or second.value_high is not None:
        return False
    second.value = -second.value
    if first.value > second.value:
        first.value, second.value = second.value, first.value
    return True


def _adopt_unit(text: str, first: Draft, second: Draft) -> None:
    """3-5% / 六至八成 / 3至8亿元 / 2018 - 2027年: the unit written once after the range applies to both ends. A
    year takes no sign: the dash before it was a separator (规模 - 2018 - 2027年)."""
    first.unit, first.currency, first.unit_symbol = second.unit, second.currency, second.unit_symbol
    if first.unit == "date" and first.value is not None and second.value is not None and first.value < YEAR_RANGE[0]:
        era = era_range_start(text, first.start, first.value, second.value)  # 民國100至105年: both of the era
        if era is not None:
            first.value, first.start = era
    if first.unit == "date" and first.value is not None and first.value < 0:
        first.value = -first.value
        while first.start < first.end and not text[first.start].isdigit():
            first.start += 1


#: The digits of a year written in full, which a range of 年 followed by 间 is written in (1840年至1842年间).
_FULL_YEAR_DIGITS = 4


def _read_years_between(text: str, draft: Draft) -> None:
    """1840年至1842年间, 1368年至1644年间: a range of four-digit numbers of 年 followed by 间 "in the years" is a range of
    years, whatever the digits (in place)."""
    if draft.unit != "duration" or draft.value_high is None or "range" not in draft.bounds:
        return
    low, high = draft.value, draft.value_high
    if not all(value == int(value) and len(str(int(value))) == _FULL_YEAR_DIGITS for value in (low, high)):
        return
    if text[draft.end - 1:draft.end] == YEAR_WORD and low < high:
        draft.unit, draft.counter = "date", None


def _into_next_year(first: Draft, second: Draft) -> bool:
    """10月至次年4月, 2023年10月至翌年3月: the second end's month is of the year after the first's. With the first year
    stated the second end takes the next (2024), and the merge goes on as for any range of dates (True); with none, the
    months make one range across the turn of the year (month 10 .. month 4, no value), joined here. False when the merge
    is done: joined here, or the ends are no months."""
    if first.unit != "date" or second.unit != "date" or first.month is None or second.month is None or second.value is not None:
        return False
    if first.value is not None:
        second.value = first.value + 1
        return True
    first.month_high = second.month
    first.bounds.append("range")
    first.end, first.consumed = second.end, second.consumed
    return False  # (joined: nothing more to merge)


def _read_second_in_context(text: str, context_start: int, second: Draft) -> None:
    """A unit word after the second end read by what stands before the whole range (评分0~1分, 身高1.7~1.8m, 气温下降8到
    10度, 零下5度至零下2度, 用电量在200到300度之间): a temperature's, or the noun that makes it a unit."""
    after = text[second.end:second.end + 1]
    if after in DEGREE_WORDS and read_temperature_degrees(text, second, context_start) is not None:
        return
    if after in CONTEXT_UNIT_FIRST:  # (度 of 用电量200到300度 too, where no temperature is spoken of)
        magnitude_only = all(char in MAGNITUDES for char in text[second.start:second.end])
        read_context_unit(text, second, context_start, magnitude_only=magnitude_only)


_ERA_WORDS_LONGEST_FIRST: tuple[str, ...] = tuple(sorted(COMMON_ERA_WORDS + BEFORE_COMMON_ERA_WORDS, key=len, reverse=True))


def _read_second_end(text: str, position: int, *, year: int | None, context_start: int) -> tuple[Draft | None, float]:
    """The quantity after a range connector (the 8 of 6 到 8 周), or None when there is none to join; and
    the magnitude a Chinese numeral ends with (五万 -> 10^4, 五千万 -> 10^7, 二十万 -> 10^4), else 1. A bare second end
    takes a unit word read by what stands before ``context_start``, the range's start (评分0~1分)."""
    era = next((word for word in _ERA_WORDS_LONGEST_FIRST if text.startswith(word, position)), "")
    core = _CORE_RE.match(text, position + len(era))  # 至公元8年: the era read as the year's prefix
    if core is None or core.lastgroup == "first":
        return None, 1.0
    if core.lastgroup == "cn" and text[core.end():core.end() + 1] in SPACED_AFTER_CHARS:
        core = glue_spaced_core(text, core)
    second = _read_one(text, core, year=year, lenient=True, with_prefix=bool(era))
    if second is None or second.name_like:
        return None, 1.0
    if second.is_bare_number():
        _read_second_in_context(text, context_start, second)
    if second.counter == QUARTER_WORD and second.value in (1, 2, 3, 4) and second.value_high is None:
        _set_quarter(second, int(second.value))  # 至三季度: a quarter, as 三季度 is before a connector
        second.value = second.counter = None
    trailing, numeral = 1.0, core.group() if core.lastgroup == "cn" else ""
    while numeral and numeral[-1] in _TRAILING_MAGNITUDES:
        trailing, numeral = trailing * _TRAILING_MAGNITUDES[numeral[-1]], numeral[:-1]
    return second, trailing


def _bounded_only_before(draft: Draft) -> bool:
    """No bound yet, or only those of qualifiers before the number or of approximations inside it (10余万至20万人),
    not 以上 or 左右 after it, nor a span."""
    if "range" in draft.bounds or "vague" in draft.bounds:
        return False
    return all(qualifier in _PREFIX_WORDS or qualifier in RANGE_OPEN_AFTER for qualifier in draft.qualifiers)


def _merge_quarter_range(text: str, first: Draft, second: Draft, *, year: int | None) -> bool:
    """一至三季度, 1-3季度, 第一至第三季度: a bare number or rank of 1..4 before a quarter is the first quarter
    of a range of quarters (months 1..9), in the year of a relative year word before it (今年一至三季度) or else
    the second end's (unstated: None)."""
    last = quarter_of(text, second)
    if last is None or first.unit not in (None, "rank") or first.counter is not None or first.value_high is not None:
        return False
    if first.value not in (1, 2, 3) or first.value >= last or first.bounds:
        return False
    first.unit, first.month, first.month_high = "date", QUARTER_MONTHS * (int(first.value) - 1) + 1, second.month_high
    _close_date_range(text, first, second, year)
    return True


def _close_date_range(text: str, first: Draft, second: Draft, year: int | None) -> None:
    """Make ``first`` (its months set) the range that ends with ``second``, in the year of the second or of a
    relative year word before it."""
    first.value = first.value_high = second.value
    _read_relative_year(text, first, year)
    first.bounds.append("range")
    first.end, first.consumed = second.end, second.consumed
    first.weak = False


def _read_relative_year(text: str, first: Draft, year: int | None) -> None:
    """今年一至三季度, 今年1-6月: a relative year word before a range of months or quarters whose year is unstated."""
    relative = relative_year_before(text, first.start, year) if first.value is None else None
    if relative is not None:
        first.start, first.value = relative
        first.value_high = first.value


def _merge_yearless_months(first: Draft, second: Draft) -> bool:
    """1月至6月, 今年1月至6月 (no document year): two months of one unstated year make a month range; so do two
    quarters (一季度至三季度: months 1..9)."""
    if first.unit != "date" or second.unit != "date" or first.value is not None or second.value is not None:
        return False
    if first.month is None or second.month is None or first.month >= second.month:
        return False
    if first.month_high is not None and (second.month_high is None or "range" in first.bounds):
        return False
    first.month_high = second.month_high or second.month
    first.bounds.append("range")
    first.end, first.consumed = second.end, second.consumed
    return True


#: The day that ends a date's surface (10月1日, 十月一号), for ranges of days within one month.
_DAY_AT_END_RE = re.compile(rf"(?:.*月)?\s*([0-9０-９]{{1,2}}|[{_CN_CHARS}]{{1,3}})\s*[日号]")


_DAY_COUNTERS = frozenset("日号")


def _day_at_end(text: str, draft: Draft) -> int | None:
    """The day of the month that ends the draft's surface (10月1日 -> 1), or None."""
    match = _DAY_AT_END_RE.fullmatch(text, draft.start, draft.end)
    day = None if match is None else _cn_to_number(match.group(1))
    return None if day is None else int(day)


#: A day of the month alone after a range connector (至3号, 到三号, -4日), not a serial before its noun (3号线).
_DAY_ALONE_RE = re.compile(rf"\s*([0-9０-９]{{1,2}}|[{_CN_CHARS}]{{1,3}})\s*[日号](?![线楼院馆厅机文])")


def _merge_written_day(text: str, first: Draft, position: int) -> bool:
    """10月1日-4日, 1月1号至3号: a day after the connector, later than the first day of a date, makes one range of the
    first's month (in place)."""
    if first.month is None or first.month_high is not None or first.value_high is not None:
        return False
    found = _DAY_ALONE_RE.match(text, position)
    low = _day_at_end(text, first)
    high = None if found is None else _cn_to_number(found.group(1))
    if low is None or high is None or not low < high <= MONTH_DAYS:
        return False
    first.value_high, first.month_high = first.value, first.month
    first.bounds.append("range")
    first.end = first.consumed = found.end()
    return True


def _merge_day_range(text: str, first: Draft, second: Draft) -> bool:
    """10月1日-4日, 2023年10月1日至10月4日: days of one month (the month, and the year, written once or twice) make
    one date range; the months and years of both ends are those of the first."""
    if first.unit != "date" or first.month is None or first.month_high is not None or second.value_high is not None:
        return False
    if second.unit == "date":
        if second.value not in (None, first.value) or second.month not in (None, first.month) or second.month_high is not None:
            return False
    elif second.unit != "duration" or second.qualifiers or second.counter not in _DAY_COUNTERS:
        return False  # the second end read alone: 4日 a duration, 4日内 within four days
    low, high = _day_at_end(text, first), _day_at_end(text, second)
    if low is None or high is None or not low < high:
        return False
    first.value_high, first.month_high = first.value, first.month
    first.bounds.append("range")
    first.end, first.consumed = second.end, second.consumed
    return True


def _merge_month_range(text: str, first: Draft, second: Draft, *, year: int | None) -> bool:
    """1-6月, 1～9月: a bare month number before a month date is the start of a month range (今年1-6月: in the year of
    the relative year word before it)."""
    if first.unit is not None or first.counter is not None or second.unit != "date" or second.month is None:
        return False
    if second.month_high is not None or first.value is None or first.value != int(first.value):
        return False
    if not 1 <= first.value < second.month:
        return False
    first.unit, first.month, first.month_high = "date", int(first.value), second.month
    _close_date_range(text, first, second, year)
    return True


#: The brackets of a gloss after an amount (its value in another currency or unit) and how far they may reach.
_GLOSS_OPEN, _GLOSS_CLOSE, _GLOSS_MAX = "（(", "）)", 40
#: The suffixes that reach back over a gloss are words of two characters or more (左右, 以下, 以上; not 内, 多).
_GLOSS_SUFFIX_MIN = 2


def _bound_over_gloss(text: str, drafts: list[Draft]) -> None:
    """降至2150万美元(约1.54亿元人民币)左右, 1000元(月均83元)以下: a suffix qualifier after a bracketed gloss bounds the
    amount before the bracket too (the gloss's own bound is read inside it)."""
    for draft in drafts:
        if text[draft.end:draft.end + 1] not in _GLOSS_OPEN or draft.bounds:
            continue
        close = next((at for at in range(draft.end + 1, min(len(text), draft.end + _GLOSS_MAX)) if text[at] in _GLOSS_CLOSE), None)
        if close is None:
            continue
        suffix = _SUFFIX_RE.match(text, close + 1)
        if suffix is not None and suffix.start("suffix") == close + 1 and len(suffix.group("suffix")) >= _GLOSS_SUFFIX_MIN:
            draft.qualifiers.append(suffix.group("suffix"))
            draft.bounds.append(SUFFIX_QUALIFIERS[suffix.group("suffix")])


_YI = "一"
#: The characters before 一 that end a word with it (统一, 唯一), from the lexicon; never the empty string.
_YI_HEADS = frozenset(YI_WORD_HEADS)
#: The digits after such a 一 that begin a number of their own (统一六国); a magnitude after it is the number's own
#: (约合一百二十: 一百二十).
_YI_NEXT_DIGITS = frozenset(char for char, value in CHINESE_DIGITS.items() if 2 <= value <= 9)


def _chinese_core(text: str, core: re.Match) -> re.Match | None:
    """A core of Chinese numerals as it is read: past the 一 of a word before it (统一六国), over the spaced pieces that
    continue it (一百 五 十), or None when it is the magnitude of a rate's base (每10万人口)."""
    start = core.start()
    if text[start] == _YI and text[start + 1:start + 2] in _YI_NEXT_DIGITS and text[start - 1:start] in _YI_HEADS:
        core = _CORE_RE.match(text, start + 1) or core  # 统一六国: 一 ends the word 统一
    if text[core.end():core.end() + 1] in SPACED_AFTER_CHARS:
        core = glue_spaced_core(text, core)
    start = core.start()
    if text[start - 1:start] in BASE_LAST_CHARS and ends_rate_base(text, start):
        return None
    return core


def _scan(text: str, *, year: int | None, lenient: bool = False) -> list[Draft]:
    """All mention drafts of ``text`` in order of appearance (traditional characters read as simplified)."""
    simplified = to_simplified(text)
    traditional = simplified is not text and writes_traditional(text)  # the same object: no variant in it
    text = simplified
    drafts: list[Draft] = []
    resume = 0
    for core in _CORE_RE.finditer(text):
        if core.start() < resume:
            if core.end() <= resume or core.lastgroup != "cn" or (core := _CORE_RE.match(text, resume)) is None:
                continue  # a Chinese core the last mention ends inside goes on after it (三块五 | 一斤)
        if core.lastgroup == "cn" and (
            text[core.start() + 1:core.start() + 2] in _YI_NEXT_DIGITS or text[core.end():core.end() + 1] in SPACED_AFTER_CHARS
            or text[core.start() - 1:core.start()] in BASE_LAST_CHARS  # the cheap tests of _chinese_core, inline
        ):
            core = _chinese_core(text, core)
            if core is None:
                continue  # 每10万人口: the base's magnitude
        core_end = core.end()
        draft = _read_one(text, core, year=year, lenient=lenient, with_prefix=True)
        if draft is None:
            continue
        if text[draft.end:draft.end + 1] in _RANGE_OR_GAP_CHARS:  # _merge_range's first test, without the call
            _merge_range(text, draft, year=year, lenient=lenient)
            if text.startswith(YEARS_BETWEEN, draft.end):
                _read_years_between(text, draft)  # 1840年至1842年间
        if draft.weak and (text[draft.end:draft.end + 1] not in _LIST_MARKS or _opens_enumeration(text, draft)):
            continue  # a bare Chinese numeral that no range (六至八) gave context, nor a list (三、四成: below)
        if drafts and draft.start < drafts[-1].end:
            draft.start = drafts[-1].end  # a prefix never reaches into the previous mention
            while draft.start < draft.end and text[draft.start].isspace():
                draft.start += 1
            if text.startswith(OVER_OF_LINK, draft.start):  # 相当于第二名的两倍多: 的 links the previous mention
                draft.start += len(OVER_OF_LINK)
        if draft.name_like and drafts and names_before_code(text, drafts[-1], draft):
            drafts[-1].name_like = True  # 元大台灣50（0050）
        if drafts and (_joins_spoken_pair(text, drafts[-1], draft) or extends_name(text, drafts[-1], draft)):
            resume = draft.consumed if draft.consumed > core_end else core_end
            continue  # 十蚊八蚊, 三年五年: one approximate range; 波音757-200: one name
        drafts.append(draft)
        resume = draft.consumed if draft.consumed > core_end else core_end
    drafts = share_lists(text, drafts)  # units, quarters, ranks, dates; the weak dropped (三、四、五成 kept); bounds
    share_tolerance_units(text, drafts)  # (152.6±11.3) mmHg
    apply_address_labels(text, drafts)  # 6号楼2单元, 第3排12号
    _bound_over_gloss(text, drafts)  # 2150万美元(约1.54亿元人民币)左右
    apply_declared_currency(text, drafts, traditional=traditional)  # （人民币，下同）, 单位：亿港元
    apply_country_currency(text, drafts)  # 墨西哥央行……500亿比索
    apply_exchange_rates(text, drafts)  # 美元兑人民币报7.1234
    apply_statistics(text, drafts)  # P<0.05, OR=1.52
    apply_promotions(text, drafts)  # 满300减50
    apply_named_units(text, drafts)  # 城乡居民收入比为2.39, 豆瓣评分8.9
    drafts = apply_spoken_prices(text, drafts)  # 三十多块一斤
    apply_rate_moves(text, drafts)  # 从每公斤25元涨到48元
    apply_implied_ages(text, drafts)  # 年过六十, 他看上去三十出头
    if traditional:
        read_bare_era_years(text, drafts)  # 台灣112年經濟成長率
    _link_pairs(text, drafts)
    return drafts


#: The largest value of either number of a spoken pair (十块八块, 三年五年): small round figures only.
_SPOKEN_PAIR_MAX = 10
#: Ordinals and dates name one thing each, and two of them side by side are no pair of round figures.
_NO_PAIR_UNITS = frozenset({"rank", "date"})


def _joins_spoken_pair(text: str, previous: Draft, draft: Draft) -> bool:
    """十蚊八蚊, 十天八天, 三年五年, 一年两年: two small numbers in Chinese numerals, each with the same counter and nothing
    between, say "about that many": ``previous`` becomes the range of both (8..10 HKD), in place. Whether joined."""
    if previous.end != draft.start or previous.counter is None or previous.counter != draft.counter:
        return False
    if previous.unit in _NO_PAIR_UNITS or previous.name_like or draft.name_like:
        return False  # 第一名第二名: two ranks
    if previous.value is None or draft.value is None or previous.value == draft.value or previous.value_high or draft.value_high:
        return False
    if max(previous.value, draft.value) > _SPOKEN_PAIR_MAX or previous.bounds or draft.bounds:
        return False
    if any(char.isdigit() for char in text[previous.start:draft.end]):
        return False  # 3天5天: digits list figures, they do not approximate
    previous.value, previous.value_high = min(previous.value, draft.value), max(previous.value, draft.value)
    previous.bounds.append("range")
    previous.end = previous.consumed = draft.end
    return True


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a scan (or the table built from it) allocates.

    Drafts hold no reference cycles, so the collector has nothing to free during a scan, but each of its
    passes walks every draft made so far: on dense text (100,000 mentions) that was a third of the time.
    Memory is still freed by reference counting; the collector resumes afterwards (if it was running).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def scan(text: str, *, year: int | None = None, finalise: bool = True) -> list[Draft]:
    """Every mention of ``text`` in order of appearance, as :class:`Draft` objects.

    ``finalise=False`` leaves defaults unfilled so that a caller can still attach footnotes first.
    """
    with cyclic_gc_paused():
        drafts = _scan(text, year=year)
    if finalise:
        for draft in drafts:
            draft.finalise()
    return drafts


def parse_quantity(text: str, *, year: int | None = None) -> Quantity | None:
    """Read one quantity expression.

    Parameters
    ----------
    text : str
        An expression such as ``"超过 1 万项"``, ``"八成以上"``, ``"6 到 8 周"``, ``"百万级"``. Bare
        Chinese numerals (``"百万"``, ``"三"``) are accepted here, unlike in running text.
    year : int, optional
        Year that resolves relative dates (今年 3 月).

    Returns
    -------
    Quantity or None
        The first quantity in ``text`` (``start``/``end`` locate it), or ``None`` if there is none
        (``"一批"``, ``"零售"``, ``""``).
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_quantity expects a str, got {type(text).__name__}")
    drafts = _scan(text, year=year, lenient=True)
    if not drafts:
        return None
    draft = drafts[0]
    draft.finalise()
    return Quantity(
        surface=text[draft.start:draft.end],
        value=draft.value,
        value_high=draft.value_high,
        unit=draft.unit,
        counter=draft.counter,
        bound=draft.bound,
        month=draft.month,
        month_high=draft.month_high,
        footnote=draft.footnote,
        qualifier=" ".join(draft.qualifiers) or None,
        name_like=draft.name_like,
        currency=draft.currency,
        unit_symbol=draft.unit_symbol,
        start=draft.start,
        end=draft.end,
    )
