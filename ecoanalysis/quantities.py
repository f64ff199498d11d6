"""The quantity engine: find every number mention in Chinese text and read what it claims.

Two public functions:

* :func:`parse_quantity` reads one expression (``"超过 1 万项"``, ``"八成以上"``, ``"6 到 8 周"``) into a
  frozen :class:`Quantity`.
* :func:`extract_mentions` returns one row per number mention of a string or of the :class:`Report` from
  :func:`ecoanalysis.document.load_report` (then with raw-file provenance), columns
  :data:`MENTION_COLUMNS`.

How it works
------------
One compiled regular expression (:data:`_CORE_RE`) finds numeral *cores*: runs of Arabic digits or of
Chinese numeral characters. For every core a few anchored ``match`` calls (all patterns are linear: no
nested unbounded quantifiers, whitespace gaps are bounded) read what is glued to it:

* before it (:data:`PREFIX_QUALIFIERS`, the vague prefixes 数/几/上 of :data:`VAGUE_PREFIXES`, 第 for ranks,
  今年 for relative dates);
* after it (magnitudes 万/亿, 余/多 before or after the magnitude (10 余万, 17 万多), %, 成, 倍, 个百分点,
  X分之Y, 级, a counter from :data:`COUNTERS`, a trailing qualifier from :data:`SUFFIX_QUALIFIERS`, a
  footnote marker), and a date tail (年, 月, 年底);
* a range connector (到, 至, ~, -) followed by a second quantity.

Three forms are whole mentions by themselves: an ISO-style date (2021-03-15, 2021/3/15, 2021.03.15,
tried where an Arabic core starts with four digits and a separator; a string that is not a calendar
date keeps its plain-number reading), a Chinese numeral with the wildcard digit 几 (十几, 二十几,
一百几十: vague, low..high) and "the first" written 首个/首家/首款 (a rank with value 1, like 第一;
:data:`FIRST_RANK_COUNTERS`).

Chinese numeral runs are only quantities in context: :data:`SET_PHRASES` (一批, 零售, 百度, ...) and list
ordinals (一是) are left out, and a bare single numeral character needs a counter, unit or qualifier.
Digits inside names (5G, Apollo6.0, RK18, 360 公司, 十四五, figure labels, and a Latin word, a space and
a number that nothing marks as an amount: iPhone 12, Windows 10, GB/T 20000-2014) are kept as rows with
``name_like = True``. Finally before/after pairs (由 80% 提升到 95%) are linked (:data:`CHANGE_VERBS`).
"""
from __future__ import annotations

import datetime
import math
import re
import string
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from . import config
from ._numerals import (
    CHINESE_DIGITS,
    FULLWIDTH_TO_ASCII,
    MAGNITUDES,
    WILDCARD_DIGIT,
    cn_to_number,
    parse_arabic,
    parse_chinese_wildcard,
)

__all__ = [
    "BOUNDS",
    "MENTION_COLUMNS",
    "MENTION_DTYPES",
    "UNITS",
    "Quantity",
    "extract_mentions",
    "parse_quantity",
]

# --------------------------------------------------------------------------------------------------
# Vocabularies
# --------------------------------------------------------------------------------------------------

#: What a mention measures. ``other`` covers digits inside names and units outside this list (公里, 美元).
UNITS: tuple[str, ...] = (
    "count", "percent", "percentage_point", "multiple", "date", "currency_cny", "duration", "area_m2",
    "rank", "other",
)

#: How the stated number relates to the true amount. ``range``: value..value_high stated; ``vague``:
#: an order of magnitude such as 数千 or 百万级 (value = low end, value_high = top end).
BOUNDS: tuple[str, ...] = ("eq", "gt", "ge", "lt", "le", "approx", "range", "vague")

#: Output columns in order with their pandas dtypes. Nullable dtypes throughout so that an empty result
#: has the same schema as a full one. For strings only the span columns are filled; the provenance
#: columns (line .. sentence) are for a Report.
MENTION_DTYPES: dict[str, str] = {
    "surface": "string",
    "char_start": "Int64",
    "char_end": "Int64",
    "line": "Int64",
    "col_start": "Int64",
    "line_end": "Int64",
    "col_end": "Int64",
    "block": "Int64",
    "block_role": "string",
    "chapter": "Int64",
    "sentence": "string",
    "value": "Float64",
    "value_high": "Float64",
    "month": "Int64",
    "month_high": "Int64",
    "unit": "string",
    "counter": "string",
    "bound": "string",
    "qualifier": "string",
    "pair_id": "Int64",
    "role": "string",
    "footnote": "Int64",
    "source_footnote": "Int64",
    "name_like": "boolean",
}

#: Ordered column names of :func:`extract_mentions`.
MENTION_COLUMNS: tuple[str, ...] = tuple(MENTION_DTYPES)

#: Qualifiers written before the number, with the bound they express. Longest alternatives are tried
#: first by the regex built from this; a few carry a lookbehind so that verbs ending in the same
#: character (通过, 经过, 到达, 节约, 最近) are not read as qualifiers.
PREFIX_QUALIFIERS: dict[str, str] = {
    "不超过": "le", "不高于": "le", "最多": "le", "至多": "le",
    "不低于": "ge", "不少于": "ge", "至少": "ge", "最少": "ge",
    "不足": "lt", "不到": "lt", "低于": "lt", "小于": "lt", "少于": "lt", "未满": "lt",
    "超过": "gt", "超出": "gt", "突破": "gt", "大于": "gt", "高于": "gt", "多于": "gt", "逾": "gt",
    "超": "gt", "过": "gt",
    "将近": "approx", "接近": "approx", "大约": "approx", "约": "approx", "近": "approx",
    "达到": "eq", "高达": "eq", "多达": "eq", "达": "eq",
}

#: Lookbehind guards for single-character qualifiers that are also the last character of common verbs.
PREFIX_QUALIFIER_GUARDS: dict[str, str] = {
    "过": "通经透度错路跨越不超",  # 通过 (through), 经过, 不过 ... are not "over"
    "达": "到传表发抵通送下",  # 到达, 表达, 发达 ...
    "约": "节制签预契公条",  # 节约 30% is "save 30%"
    "近": "附最邻将接",  # 附近 (nearby); 将近/接近 are matched as wholes
    "超": "高赶",  # 高超 (superb)
}

#: Qualifiers written after the number (or after its counter/percent sign), with their bound.
SUFFIX_QUALIFIERS: dict[str, str] = {
    "及以上": "ge", "及以下": "le", "以上": "gt", "以下": "lt", "以内": "le", "左右": "approx",
    "上下": "approx", "+": "gt", "＋": "gt",
}

#: Qualifiers between the number and its counter: 500 余所, 65000 多名, 17 万多幢 (all "more than").
INFIX_QUALIFIERS: dict[str, str] = {"余": "gt", "多": "gt"}

#: Precedence when several qualifiers apply: the most informative bound wins (超过 10 个以上 -> gt).
BOUND_PRECEDENCE: tuple[str, ...] = ("range", "vague", "le", "lt", "ge", "gt", "approx", "eq")

#: Vague prefixes before a bare magnitude: 数千 = 1000..10000, 上千 ("up to thousands"); 几 is the
#: wildcard digit (几十 = 20..90, see :func:`ecoanalysis._numerals.parse_chinese_wildcard`).
VAGUE_PREFIXES: frozenset[str] = frozenset("数几上")

#: Words after a 几 that make it no digit: 几乎 (almost), 几何 (geometry).
WILDCARD_GUARD = "乎何"

#: "The first ..." written with 首 and a counter (全球首个, 国内首家, 首款): a rank with value 1, like 第一.
#: Only these counters: 首先 (firstly), 首都, 首页, 首批, 首次 ... are not read as ranks.
FIRST_RANK_WORD = "首"
FIRST_RANK_COUNTERS: tuple[str, ...] = ("个", "家", "款")

#: Suffix that turns a bare magnitude into an order of magnitude: 百万级 = 10^6..10^7.
ORDER_OF_MAGNITUDE_SUFFIX = "级"

#: Percent signs (the PDF has both).
PERCENT_SIGNS: frozenset[str] = frozenset("%％")

#: 成 is tenths: 八成 = 80 %.
TENTHS_PERCENT = 10.0

#: Measure words and counted nouns that may follow a number, each with a lookahead guard listing the
#: characters that would make it the start of an ordinary word instead (项目, 所以, 场景, 支持, ...).
#: Keys are matched longest first. 大 covers 三大不同, 14 大行业; 大洲/大类 are kept whole.
COUNTERS: dict[str, str] = {
    "个百分点": "", "个工作日": "", "平方公里": "", "平方米": "", "个月": "", "小时": "", "分钟": "",
    "人次": "", "大洲": "", "大类": "", "层面": "", "体系": "", "基地": "", "平台": "", "中心": "",
    "美元": "", "公里": "", "平米": "", "万元": "",
    "个": "", "家": "居", "所": "以有需在谓属得", "项": "目", "位": "列于置", "名": "单称义列片字",
    "次": "数", "种": "类子植", "类": "似比", "款": "式项", "场": "景所地", "路": "口线径", "辆": "",
    "张": "", "幢": "", "栋": "", "篇": "章", "人": "工民才们类员口", "件": "", "台": "湾",
    "套": "餐", "条": "件例款", "座": "谈", "批": "准评", "层": "级次", "级": "别", "大": "于约概量幅多型小学会赛力数",
    "点": "击赞评", "届": "", "期": "间待望货", "轮": "廓", "年": "", "周": "期边围年", "天": "然下气津",
    "日": "常益本", "秒": "", "元": "素宇旦", "吨": "", "米": "", "亩": "", "户": "外口籍", "例": "如",
    "支": "持撑付", "部": "门署分", "组": "织成件合建", "份": "额", "块": "链", "颗": "", "只": "是要有能",
    "倍": "", "㎡": "",
}

#: Counters that make a mention a duration rather than a count.
DURATION_COUNTERS: frozenset[str] = frozenset({"年", "个月", "周", "天", "日", "小时", "分钟", "秒", "个工作日"})

#: Counters that make a mention an amount of money in yuan.
CURRENCY_COUNTERS: frozenset[str] = frozenset({"元", "万元"})

#: Counters that make a mention an area in square metres.
AREA_M2_COUNTERS: frozenset[str] = frozenset({"平方米", "平米", "㎡"})

#: Counters that are physical or foreign units: unit ``other`` (their scale is not normalised).
OTHER_UNIT_COUNTERS: frozenset[str] = frozenset({"平方公里", "公里", "米", "吨", "亩", "美元"})

#: Relative year words before a month (今年 3 月), as offsets from the document's year.
RELATIVE_YEARS: dict[str, int] = {"今年": 0, "本年": 0, "去年": -1, "前年": -2, "明年": 1}

#: Year parts after 年 with the month they stand for (2020 年底 = December 2020).
YEAR_PART_MONTHS: dict[str, int] = {"底": 12, "末": 12, "初": 1}

#: Plausible calendar years: a 4-digit number in this range followed by 年 is a date, else a duration.
YEAR_RANGE: tuple[int, int] = (1900, 2100)

#: Range connectors between two numbers (6 到 8 周, 六至八, 3~5, 2019-2021).
RANGE_CONNECTORS: tuple[str, ...] = ("到", "至", "~", "～", "〜", "-", "－", "—", "–")

#: Set phrases containing numeral characters that are not quantities (regular-expression fragments;
#: lookaheads keep the real quantities 一体系, 一个百分点 and 一点五). Checked at the first and last
#: character of every Chinese numeral run.
SET_PHRASES: tuple[str, ...] = (
    "另一方面", "一方面", "一系列", "一站式", "一对一", "一人一面", "一带一路", "一企一档", "一链一档",
    "一国两制", "千家万户", "千方百计", "百花齐放", "百家争鸣", "一成不变", "十牛科技", "小零科技",
    "十全十美", "五湖四海", "四面八方", "三心二意", "一目了然", "一如既往", "一揽子", "一次性",
    "二次开发", "二次定制", "二维码", "进一步", "一体(?!系)", "一个(?!百分点)", "一点(?![零〇一二两三四五六七八九])",
    "新一[代轮]", "[上下这另每任同唯统单之其]一", "其[二三四五]", "万物", "万众", "万一", "一批", "一流",
    "一边", "一起", "一般", "一些", "一定", "一直", "一旦", "一致", "一同", "一切", "一样", "一下", "一举",
    "一向", "一贯", "一再", "一手", "一线", "一员", "一环", "一键", "一期", "一道", "一并", "一心", "一番",
    "一身", "一侧", "一头", "一度", "一席", "一刀切", "一经", "一律", "一味", "一面", "零售", "零门槛",
    "零算法", "零距离", "零部件", "零件", "零星", "零散", "零碎", "零食", "零钱", "从零", "归零", "清零",
    "百度", "百分百", "十分", "十足", "两者", "两岸", "两会", "三维", "三农", "千万(?=[不别要])",
)

#: Characters after a Chinese numeral that make it a list ordinal (一是 ..., 二则 ..., 一来 ...).
LIST_ORDINAL_FOLLOWERS: frozenset[str] = frozenset("是则来")

#: Separators of an ISO-style date written with digits (2021-03-15, 2021/03/15, 2021.03.15).
ISO_DATE_SEPARATORS = "-/."

#: Numerals that are names rather than quantities (kept as rows with name_like = True).
NAMED_NUMERALS: tuple[str, ...] = (
    r"第十四个五年规划", r"十四五", r"十三五", r"360[ ]?(?=公司|集团|安全|浏览器)",
)

#: Words before a number that make it a figure/table label (图 1, 表 1): name_like.
LABEL_WORDS: frozenset[str] = frozenset("图表")

#: Verbs of change that link a before value to an after value: 由 80% 提升到 95%.
CHANGE_VERBS: tuple[str, ...] = (
    "提升", "提高", "增加", "增长", "上升", "跃升", "攀升", "扩大", "下降", "降低", "减少", "缩短", "缩减",
    "缩小", "增", "减", "升", "降",
)

#: Words that open the before value of a change (由 ..., 从 ...).
CHANGE_OPENERS: frozenset[str] = frozenset("由从")

#: How far (characters) the before value may stand from 由/从, and the after value from the verb.
PAIR_WINDOW = 16

#: Sentence terminators for the ``sentence`` column and for pair windows.
SENTENCE_END: frozenset[str] = frozenset("。！？；!?;")

#: "Worth": an amount written right after it is money even when 元 is left out (价值千万级的技术资源).
WORTH_WORD = "价值"

#: Characters before a lone 1-2 digit number that make it a value rather than a footnote marker.
VALUE_VERB_CHARS: frozenset[str] = frozenset("为达是有共计约近超过到至于了第和与及或、（(：:")

# --------------------------------------------------------------------------------------------------
# Regular expressions (all linear: single character classes, bounded gaps, literal alternations)
# --------------------------------------------------------------------------------------------------

#: A PDF gap between number and unit: a few spaces, possibly a line break ("超过 3 亿\n元规模").
_GAP = r"[ \t\u3000\xa0\r\n]{0,8}"
#: The characters and the length bound of _GAP, for the pre-filters below.
_GAP_CHARS = " \t\u3000\xa0\r\n"
_GAP_MAX = 8


def _alternation(words: Any) -> str:
    """Regex alternation of literal words, longest first so that 不超过 beats 超过."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def _first_chars(patterns: Any) -> frozenset[str]:
    """Characters a match of any of ``patterns`` can start with (each starts with a literal or a [class])."""
    chars: set[str] = set()
    for pattern in patterns:
        if pattern.startswith("["):
            chars.update(pattern[1:pattern.index("]")])
        else:
            if pattern[0] in "\\()|.?*+{^$":
                raise ValueError(f"pattern must start with a literal character or a [class]: {pattern!r}")
            chars.add(pattern[0])
    return frozenset(chars)


def _guarded(word: str, guards: dict[str, str], *, behind: bool) -> str:
    escaped = re.escape(word)
    chars = guards.get(word, "")
    if not chars:
        return escaped
    return f"(?<![{chars}]){escaped}" if behind else f"{escaped}(?![{chars}])"


_CN_DIGIT_CHARS = "".join(CHINESE_DIGITS)
_CN_MAG_CHARS = "".join(MAGNITUDES)
_CN_CHARS = _CN_DIGIT_CHARS + _CN_MAG_CHARS
_ARABIC = r"[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?"
#: Every character a numeral core can start with. The leading lookahead of _CORE_RE repeats it because
#: re only skips ahead quickly to a candidate position when the pattern starts with one character set,
#: not with an alternation of groups: it halves the time of finditer over running text.
_CORE_FIRST_CHARS = f"0-9０-９{_CN_CHARS}{FIRST_RANK_WORD}"
#: 首 as a measure word (一首歌, 这首, 每首) is not "first"; the counters keep their COUNTERS guards (首家居).
_FIRST_RANK = (
    rf"(?<![{_CN_CHARS}0-9０-９这那每哪几数]){FIRST_RANK_WORD}"
    rf"(?:{'|'.join(_guarded(w, COUNTERS, behind=False) for w in FIRST_RANK_COUNTERS)})"
)
_CORE_RE = re.compile(
    rf"(?=[{_CORE_FIRST_CHARS}])"
    rf"(?:(?P<arabic>{_ARABIC})"
    rf"|(?P<cn>[{_CN_CHARS}]+(?:点[{_CN_DIGIT_CHARS}]+[{_CN_MAG_CHARS}]*"
    rf"|(?<=[{_CN_MAG_CHARS}]){WILDCARD_DIGIT}(?![{WILDCARD_GUARD}])[{_CN_MAG_CHARS}]*)?)"
    rf"|(?P<first>{_FIRST_RANK}))"
)
#: 4-digit year, separator, month, the same separator, day: tried where an Arabic core starts with four
#: digits and a separator (the core regex itself stays lean); _iso_date checks it is a calendar date.
_ISO_DATE_RE = re.compile(
    rf"(?P<iso>[0-9０-９]{{4}}(?P<sep>[{re.escape(ISO_DATE_SEPARATORS)}])[0-9０-９]{{1,2}}(?P=sep)[0-9０-９]{{1,2}})"
    rf"(?![0-9０-９])"
)
_ISO_DATE_SEPARATOR_SET: frozenset[str] = frozenset(ISO_DATE_SEPARATORS)


_PREFIX_RE = re.compile(
    "(?P<q>"
    + "|".join(_guarded(w, PREFIX_QUALIFIER_GUARDS, behind=True) for w in sorted(PREFIX_QUALIFIERS, key=len, reverse=True))
    + rf"){_GAP}\Z"
)
_RELATIVE_YEAR_RE = re.compile(rf"(?P<rel>{_alternation(RELATIVE_YEARS)}){_GAP}\Z")
_COUNTER_ALT = "|".join(_guarded(w, COUNTERS, behind=False) for w in sorted(COUNTERS, key=len, reverse=True))
_TAIL_MAG_CHARS = "十百千万萬亿億"
_SECTION_MAG_CHARS = "万萬亿億"
_TAIL_RE = re.compile(
    # a magnitude (at most 万亿-style compounds), then 余/多 (17 万多); or 余/多 then 万/亿 (10 余万, 十多亿)
    rf"(?:{_GAP}(?:(?P<mag>[{_TAIL_MAG_CHARS}]{{1,4}})(?![{_TAIL_MAG_CHARS}度])(?:{_GAP}(?P<infix>余|多(?!少)))?"
    rf"|(?P<infix2>余|多(?!少))(?:{_GAP}(?P<mag2>[{_SECTION_MAG_CHARS}]{{1,2}})(?![{_TAIL_MAG_CHARS}度]))?))?"
    rf"(?:{_GAP}(?:(?P<pct>[%％])|(?P<pp>个百分点|百分点)|(?P<cheng>成)(?![为功立本员果熟长型效绩交都就千])"
    rf"|(?P<frac>分之)|(?P<counter>{_COUNTER_ALT})))?"
    rf"(?:{_GAP}(?P<suffix>及以上|及以下|以上|以下|以内|左右|上下|[+＋](?![0-9０-９])))?"
)
_DATE_RE = re.compile(
    rf"{_GAP}年(?:{_GAP}(?P<month>[0-9０-９]{{1,2}}|[一二三四五六七八九十]{{1,3}}){_GAP}月"
    rf"(?:{_GAP}(?P<day>[0-9０-９]{{1,2}}|[一二三四五六七八九十]{{1,3}}){_GAP}[日号])?|(?P<part>[底末初]))?"
)
_MONTH_RE = re.compile(
    rf"{_GAP}月(?:{_GAP}(?P<day>[0-9０-９]{{1,2}}|[一二三四五六七八九十]{{1,3}}){_GAP}[日号])?"
)
_RANGE_RE = re.compile(rf"{_GAP}(?P<conn>{_alternation(RANGE_CONNECTORS)}){_GAP}(?=[0-9０-９{_CN_CHARS}])")
# Pre-filters. Most numbers are followed by none of the tails, preceded by no qualifier and not part of a
# range, and re.match costs far more than a set lookup. Each set holds every character the first (or, for
# prefixes, last) word of the pattern can start (end) with, once the bounded gap is skipped, so a character
# outside it proves that the pattern cannot match there; otherwise the pattern decides as before.
_TAIL_FIRST_CHARS: frozenset[str] = (
    frozenset(_TAIL_MAG_CHARS) | frozenset(INFIX_QUALIFIERS) | PERCENT_SIGNS
    | frozenset("个百成分")  # 个百分点 / 百分点, 成, 分之
    | frozenset(word[0] for word in COUNTERS) | frozenset(word[0] for word in SUFFIX_QUALIFIERS)
)
_RANGE_FIRST_CHARS: frozenset[str] = frozenset(connector[0] for connector in RANGE_CONNECTORS)
_PREFIX_LAST_CHARS: frozenset[str] = frozenset(word[-1] for word in PREFIX_QUALIFIERS)
#: _PREFIX_RE is searched for in the characters right before the number (qualifier plus gap).
_PREFIX_WINDOW = 6
_FOOTNOTE_RE = re.compile(r"[ ]?(?P<fn>[1-9])(?=[。，；：、,.;:）)\s]|\Z)")
_SET_PHRASE_RE = re.compile("|".join(SET_PHRASES))
_SET_PHRASE_FIRST_CHARS = _first_chars(SET_PHRASES)  # cheap pre-filter before each match call
_SET_PHRASE_LOOKBACK = 3  # the numeral stands at most 3 characters into a set phrase (一带一路)
_NAMED_RE = re.compile("|".join(NAMED_NUMERALS))
_NAMED_FIRST_CHARS = _first_chars(NAMED_NUMERALS)  # cheap pre-filter before each match call
_NAMED_LOOKBACK = 1  # 第 before 十四个五年规划
_CHANGE_RE = re.compile(rf"(?:{_alternation(CHANGE_VERBS)})了?{_GAP}(?:到|至|为)")
_ASCII_NAME_CHAR = re.compile(r"[A-Za-z0-9]")


# --------------------------------------------------------------------------------------------------
# Public dataclass
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quantity:
    """One quantity expression as read by the engine.

    Attributes
    ----------
    surface : str
        The expression as written (qualifiers, number, unit or counter; no footnote marker).
    value : float or None
        The number with magnitudes applied (1 万 -> 10000); percentages in percent units (八成 -> 80);
        a date's year; the low end of a range or vague amount. ``None`` for a relative date whose year
        is unknown, or digits in a name that do not parse.
    value_high : float or None
        Upper end of a range or vague amount.
    unit : str
        One of :data:`UNITS`.
    counter : str or None
        Measure word or counted noun (家, 所, 项, 周, 元, 平方米, ...).
    bound : str
        One of :data:`BOUNDS`.
    month : int or None
        Month of a date.
    month_high : int or None
        Month of the last date of a date range (2017 年 11 月至 2019 年 8 月 -> 8).
    footnote : int or None
        Footnote marker glued to the number (``27%3`` -> 3).
    qualifier : str or None
        The qualifier words as written, space-joined when there are several (``"超过"``, ``"以上"``,
        ``"+"``, ``"近"``).
    name_like : bool
        Digits that belong to a name (5G, Apollo6.0, 360 公司, 十四五, 图 1) rather than a quantity.
    start, end : int
        Half-open span of ``surface`` in the text that was parsed.
    """

    surface: str
    value: float | None
    value_high: float | None
    unit: str
    counter: str | None
    bound: str
    month: int | None = None
    month_high: int | None = None
    footnote: int | None = None
    qualifier: str | None = None
    name_like: bool = False
    start: int = 0
    end: int = 0


# --------------------------------------------------------------------------------------------------
# Scanner
# --------------------------------------------------------------------------------------------------


class _Draft:
    """A mention being assembled (mutable, cheap; becomes a row or a Quantity)."""

    __slots__ = (
        "start", "end", "value", "value_high", "unit", "counter", "bound", "month", "month_high", "footnote", "source_footnote",
        "qualifiers", "bounds", "name_like", "scale_applied", "scale", "consumed", "pair_id", "role", "weak",
    )

    def __init__(self, start: int, end: int, value: float | None) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.value_high: float | None = None
        self.unit: str | None = None  # None = no explicit unit (becomes count)
        self.counter: str | None = None
        self.bound = "eq"
        self.month: int | None = None
        self.month_high: int | None = None
        self.footnote: int | None = None
        self.source_footnote: int | None = None  # set for a Report only (see _attach_footnote_refs)
        self.qualifiers: list[str] = []
        self.bounds: list[str] = []
        self.name_like = False
        self.scale_applied = False  # a magnitude or unit scale was applied (for range inheritance)
        self.scale = 1.0  # the scale applied (万 -> 10^4, 成 -> 10)
        self.consumed = end  # scanning resumes here (past a footnote marker)
        self.pair_id: int | None = None
        self.role: str | None = None
        self.weak = False  # a bare Chinese numeral: kept only if a range gives it context (六至八)

    def final_bound(self) -> str:
        if not self.bounds:
            return "eq"
        for bound in BOUND_PRECEDENCE:
            if bound in self.bounds:
                return bound
        return "eq"


def _phrase_covering(text: str, position: int, pattern: re.Pattern, first_chars: frozenset[str], lookback: int) -> re.Match | None:
    """A match of ``pattern`` starting at most ``lookback`` characters before ``position`` and covering it."""
    for back in range(lookback + 1):
        begin = position - back
        if begin < 0:
            break
        if text[begin] not in first_chars:  # cheap pre-filter before each match call
            continue
        match = pattern.match(text, begin)
        if match is not None and match.end() > position:
            return match
    return None


def _is_set_phrase(text: str, position: int) -> bool:
    """Whether the numeral character at ``position`` belongs to a set phrase (一批, 零售, 百度...)."""
    return _phrase_covering(text, position, _SET_PHRASE_RE, _SET_PHRASE_FIRST_CHARS, _SET_PHRASE_LOOKBACK) is not None


def _named_numeral(text: str, start: int) -> re.Match | None:
    """The name (十四五, 第十四个五年规划, 图 1...) whose numeral starts at ``start``, if any."""
    return _phrase_covering(text, start, _NAMED_RE, _NAMED_FIRST_CHARS, _NAMED_LOOKBACK)


#: How many distinct numeral strings the parse caches keep. Running text repeats the same few hundred
#: numerals (years, 1-2 digit counts, 一/两/百万), so a small cache answers most cores without parsing.
_NUMERAL_CACHE_SIZE = 4096

# Pure str -> float|None functions, so caching cannot change a result.
_parse_arabic = lru_cache(maxsize=_NUMERAL_CACHE_SIZE)(parse_arabic)
_cn_to_number = lru_cache(maxsize=_NUMERAL_CACHE_SIZE)(cn_to_number)


def _char_after_gap(text: str, position: int) -> str:
    """The first character from ``position`` on after at most _GAP_MAX gap characters ('' if none)."""
    return text[position:position + _GAP_MAX + 1].lstrip(_GAP_CHARS)[:1]


def _small_number(numeral: str) -> int | None:
    value = _cn_to_number(numeral)
    return None if value is None else int(value)


def _read_core(text: str, core: re.Match) -> float | None:
    numeral = core.group()
    if core.lastgroup == "arabic":
        return _parse_arabic(numeral)
    return _cn_to_number(numeral)


def _iso_date(match: re.Match) -> tuple[int, int] | None:
    """(year, month) of an _ISO_DATE_RE match if it is a calendar date in YEAR_RANGE, else None (2021-02-30)."""
    year_text, month_text, day_text = match.group("iso").translate(FULLWIDTH_TO_ASCII).split(match.group("sep"))
    year, month, day = int(year_text), int(month_text), int(day_text)
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        return None
    try:
        datetime.date(year, month, day)
    except ValueError:
        return None
    return year, month


#: ASCII letters, and what may stand right before the digits of an ASCII name (5G, Apollo6.0, GPT-3).
_ASCII_LETTERS: frozenset[str] = frozenset(string.ascii_letters)
_NAME_GLUE_BEFORE: frozenset[str] = _ASCII_LETTERS | {"-"}
#: Characters of the Latin word before "word number" names (GB/T 20000-2014, iPhone 12).
_LATIN_WORD_CHARS: frozenset[str] = _ASCII_LETTERS | frozenset(string.digits) | {"/", "-", "_"}


def _latin_name_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Span of a "Latin word, space, number" name (iPhone 12, GB/T 20000-2014); text[start - 2] is a letter."""
    left = start - 2
    while left > 0 and text[left - 1] in _LATIN_WORD_CHARS:
        left -= 1
    while text[left] not in _ASCII_LETTERS:  # the word starts with a letter, not with / or -
        left += 1
    right = end
    while right < len(text) and (
        (text[right].isascii() and text[right].isalnum())
        or (text[right] in "-./" and right + 1 < len(text) and text[right + 1].isascii() and text[right + 1].isdigit())
    ):
        right += 1
    return left, right


def _ascii_name_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Span of an ASCII name token around digits (5G, RK18, Apollo6.0, GPT-3), or None."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    glued_before = bool(before) and before.isascii() and before.isalpha()
    if not glued_before and before == "-" and start > 1 and text[start - 2].isascii() and text[start - 2].isalpha():
        glued_before = True
    glued_after = bool(after) and after.isascii() and after.isalpha()
    if not (glued_before or glued_after):
        return None
    left = start
    while left > 0 and (text[left - 1].isascii() and (text[left - 1].isalnum() or text[left - 1] == "-")):
        left -= 1
    right = end
    while right < len(text) and text[right].isascii() and (
        text[right].isalnum() or (text[right] == "." and right + 1 < len(text) and text[right + 1].isdigit())
    ):
        right += 1
    while left < start and text[left] == "-":
        left += 1
    return left, right


def _read_one(text: str, core: re.Match, *, year: int | None, lenient: bool, with_prefix: bool) -> _Draft | None:
    """Read the quantity around one numeral core, or None when it is not a quantity."""
    start, end = core.span()
    kind = core.lastgroup
    is_arabic = kind == "arabic"
    numeral = core.group()

    if kind == "first":  # 首个, 首家, 首款
        draft = _Draft(start, end, 1.0)
        draft.unit = "rank"
        draft.counter = numeral[len(FIRST_RANK_WORD):]
        return draft
    if is_arabic and end - start >= 4 and text[start + 4:start + 5] in _ISO_DATE_SEPARATOR_SET:
        iso = _ISO_DATE_RE.match(text, start)  # 2021-03-15, 2021/3/15, 2021.03.15
        year_month = None if iso is None else _iso_date(iso)
        if year_month is not None:
            draft = _Draft(start, iso.end(), float(year_month[0]))
            draft.unit = "date"
            draft.month = year_month[1]
            return draft

    # The membership tests in front of _named_numeral and _ascii_name_span are cheap pre-filters that skip
    # a function call for nearly every number (this function runs once per numeral core).
    named = None
    if with_prefix and not _NAMED_FIRST_CHARS.isdisjoint(text[max(0, start - _NAMED_LOOKBACK):start + 1]):
        named = _named_numeral(text, start)
        if named is not None:
            draft = _Draft(named.start(), named.end(), _read_core(text, core))
            surface = text[named.start():named.end()].rstrip()
            draft.end = draft.consumed = named.start() + len(surface)
            if surface.startswith("第"):
                draft.value = _cn_to_number(surface[1:3])
            draft.unit = "other"
            draft.name_like = True
            return draft

    if is_arabic:
        name_span = None
        if (start > 0 and text[start - 1] in _NAME_GLUE_BEFORE) or text[end:end + 1] in _ASCII_LETTERS:
            name_span = _ascii_name_span(text, start, end)
        if name_span is not None:
            draft = _Draft(name_span[0], name_span[1], _read_core(text, core))
            draft.unit = "other"
            draft.name_like = True
            return draft
    else:
        if _is_set_phrase(text, start) or (end - start > 1 and _is_set_phrase(text, end - 1)):
            return None
        if end - start == 1 and end < len(text) and text[end] in LIST_ORDINAL_FOLLOWERS and numeral in CHINESE_DIGITS:
            return None

    value = _parse_arabic(numeral) if is_arabic else _cn_to_number(numeral)  # _read_core without the call
    wildcard = None
    if value is None and not is_arabic and WILDCARD_DIGIT in numeral:
        wildcard = parse_chinese_wildcard(numeral)  # 十几, 二十几, 一百几十: (low, high)
        if wildcard is not None:
            value = float(wildcard[0])
    draft = _Draft(start, end, value)
    has_context = False
    magnitude_only = (not is_arabic) and all(char in MAGNITUDES for char in numeral)
    if wildcard is not None:
        draft.value_high = float(wildcard[1])
        draft.qualifiers.append(WILDCARD_DIGIT)
        draft.bounds.append("vague")
        has_context = True

    # ---- before the number -------------------------------------------------------------------
    prefix_end = start
    vague_prefix = None
    rank = False
    if with_prefix:
        if magnitude_only and start > 0 and text[start - 1] in VAGUE_PREFIXES and not (
            text[start - 1] == "上" and start > 1 and text[start - 2] == "以"
        ):
            vague_prefix = text[start - 1]
            prefix_end = start - 1
            if vague_prefix == WILDCARD_DIGIT:
                span = parse_chinese_wildcard(vague_prefix + numeral)  # 几十 = 20..90, 几百万
                if span is not None:
                    draft.value, draft.value_high = float(span[0]), float(span[1])
        elif wildcard is not None and start > 0 and text[start - 1] == WILDCARD_DIGIT and numeral[0] in MAGNITUDES:
            span = parse_chinese_wildcard(WILDCARD_DIGIT + numeral)  # 几十几 = 21..99: one wildcard qualifier
            if span is not None:
                draft.value, draft.value_high = float(span[0]), float(span[1])
                prefix_end = start - 1
        elif start > 0 and (text[start - 1] == "第" or (text[start - 1] == " " and start > 1 and text[start - 2] == "第")):
            rank = True
            prefix_end = start - 1 if text[start - 1] == "第" else start - 2
        elif is_arabic and start > 0:
            before = text[max(0, start - 2):start].rstrip(" ")
            if before and before[-1] in LABEL_WORDS:
                draft.start = text.rfind(before[-1], max(0, start - 2), start)
                draft.unit = "other"
                draft.name_like = True
                draft.consumed = end
                return draft

    # ---- after the number: date forms first ---------------------------------------------------
    position = end
    next_char = text[end:end + _GAP_MAX + 1].lstrip(_GAP_CHARS)[:1]  # _char_after_gap(text, end), inlined
    whole = value is not None and math.isfinite(value) and value == int(value)
    if wildcard is not None:
        whole = False  # 十几 is no year and no month
    is_year = whole and YEAR_RANGE[0] <= value <= YEAR_RANGE[1] and len(numeral) == 4
    date_match = _DATE_RE.match(text, position) if is_year and next_char == "年" else None
    if date_match is not None:
        draft.unit = "date"
        if date_match.group("month"):
            draft.month = _small_number(date_match.group("month"))
        elif date_match.group("part"):
            draft.month = YEAR_PART_MONTHS[date_match.group("part")]
        position = date_match.end()
        has_context = True
    elif whole and 1 <= value <= 12 and "." not in numeral:
        month_match = _MONTH_RE.match(text, position) if next_char == "月" else None
        if month_match is not None:
            draft.unit = "date"
            draft.month = int(value)
            draft.value = None
            position = month_match.end()
            has_context = True
            if with_prefix:
                relative = _RELATIVE_YEAR_RE.search(text, max(0, start - 6), start)
                if relative is not None:
                    prefix_end = relative.start()
                    if year is not None:
                        draft.value = float(year + RELATIVE_YEARS[relative.group("rel")])

    # (no date here means position == end, so next_char is still the character after the gap)
    if draft.unit != "date" and next_char in _TAIL_FIRST_CHARS:
        tail = _TAIL_RE.match(text, position)
        if tail.end() > position:
            position = tail.end()
            mag, infix, infix2, mag2, pct, pp, cheng, frac, counter, suffix = tail.groups()
            mag = mag or mag2
            infix = infix or infix2
            if mag and draft.value is not None:
                scale = 1
                for char in mag:
                    scale *= MAGNITUDES[char]
                draft.value *= scale
                if draft.value_high is not None:
                    draft.value_high *= scale
                draft.scale *= scale
                draft.scale_applied = True
                has_context = True
            if infix:
                draft.qualifiers.append(infix)
                draft.bounds.append(INFIX_QUALIFIERS[infix])
                has_context = True
            if pct:
                draft.unit = "percent"
                has_context = True
            elif pp:
                draft.unit = "percentage_point"
                draft.counter = None
                has_context = True
            elif cheng:
                draft.unit = "percent"
                if draft.value is not None:
                    draft.value *= TENTHS_PERCENT
                if draft.value_high is not None:
                    draft.value_high *= TENTHS_PERCENT
                draft.scale *= TENTHS_PERCENT
                draft.scale_applied = True
                has_context = True
            elif frac:
                numerator = _CORE_RE.match(text, tail.end())
                if numerator is None or numerator.lastgroup != "arabic" and numerator.lastgroup != "cn":
                    position = tail.start("frac")
                else:
                    numerator_value = _read_core(text, numerator)
                    if numerator_value is not None and draft.value:
                        if draft.value_high:  # 十几分之一: a larger denominator gives the smaller share
                            draft.value, draft.value_high = (
                                numerator_value / draft.value_high * 100.0, numerator_value / draft.value * 100.0,
                            )
                        else:
                            draft.value = numerator_value / draft.value * 100.0
                    else:
                        draft.value = draft.value_high = None
                    draft.unit = "percent"
                    position = numerator.end()
                    has_context = True
            elif counter:
                has_context = True
                if counter == "倍":
                    draft.unit = "multiple"
                elif counter == "级" and (magnitude_only or mag):
                    draft.bounds.append("vague")
                    draft.qualifiers.append(ORDER_OF_MAGNITUDE_SUFFIX)
                    if draft.value is not None and draft.value_high is None:
                        draft.value_high = draft.value * 10
                elif counter == "万元":
                    draft.counter = "元"
                    draft.unit = "currency_cny"
                    if draft.value is not None:
                        draft.value *= 10_000
                    if draft.value_high is not None:
                        draft.value_high *= 10_000
                else:
                    draft.counter = counter
                    if counter in DURATION_COUNTERS:
                        draft.unit = "duration"
                    elif counter in CURRENCY_COUNTERS:
                        draft.unit = "currency_cny"
                    elif counter in AREA_M2_COUNTERS:
                        draft.unit = "area_m2"
                    elif counter in OTHER_UNIT_COUNTERS:
                        draft.unit = "other"
            if suffix:
                draft.qualifiers.append(suffix)
                draft.bounds.append(SUFFIX_QUALIFIERS[suffix])
                has_context = True
    draft.end = position

    # ---- qualifiers before the number -----------------------------------------------------------
    if with_prefix:
        if vague_prefix is not None:
            draft.qualifiers.insert(0, vague_prefix)
            draft.bounds.append("vague")
            if draft.value is not None and draft.value_high is None:
                draft.value_high = draft.value * 10
            has_context = True
        qualifier = None
        # Pre-filter: the last non-gap character of the window must end a qualifier.
        if text[max(0, prefix_end - _PREFIX_WINDOW):prefix_end].rstrip(_GAP_CHARS)[-1:] in _PREFIX_LAST_CHARS:
            qualifier = _PREFIX_RE.search(text, max(0, prefix_end - _PREFIX_WINDOW), prefix_end)
        if qualifier is not None:
            word = qualifier.group("q")
            bound = PREFIX_QUALIFIERS[word]
            if word == "近" and draft.unit == "duration":
                bound = "eq"  # 近 6 年 = "the last six years", not "nearly six"
            draft.qualifiers.insert(0, word)
            draft.bounds.append(bound)
            prefix_end = qualifier.start()
            has_context = True
        if rank:
            draft.unit = "rank"
            has_context = True
        if draft.unit is None and draft.counter is None and text.endswith(WORTH_WORD, 0, prefix_end):
            draft.unit = "currency_cny"  # 价值千万级的技术资源: an amount of money with 元 left implicit
        draft.start = prefix_end

    if not is_arabic and not has_context and not lenient:
        # A bare Chinese numeral is a quantity only when it is a real multi-character number such as
        # 十五万六千; single characters and bare magnitudes (千万 "by all means") need context.
        if len(numeral) < 2 or magnitude_only or not any(char in MAGNITUDES for char in numeral):
            draft.weak = True

    if not has_context and is_arabic and start > 1 and text[start - 2] in _ASCII_LETTERS and text[start - 1] == " " and (
        with_prefix
    ):
        # A Latin word, a space and a number that nothing marks as an amount is a name: iPhone 12,
        # Windows 10, Python 3, GB/T 20000-2014 (with a counter, unit or % it stays one: AI 4000 种).
        left, right = _latin_name_span(text, start, end)
        draft = _Draft(left, right, value)
        draft.unit = "other"
        draft.name_like = True
        return draft

    if is_arabic and not has_context and with_prefix and _looks_like_footnote_marker(text, start, end, numeral):
        return None

    draft.consumed = draft.end
    # ---- footnote marker glued after a percent sign or trailing qualifier (27%3, 40% 以上 4) ----
    if draft.unit == "percent" or (draft.qualifiers and draft.end == position and text[draft.end - 1:draft.end] in "上下右内+＋%％"):
        footnote = _FOOTNOTE_RE.match(text, draft.end)
        if footnote is not None:
            draft.footnote = int(footnote.group("fn"))
            draft.consumed = footnote.end()
    return draft


def _looks_like_footnote_marker(text: str, start: int, end: int, numeral: str) -> bool:
    """A lone 1-2 digit number after 'CJK + space' and before punctuation is a footnote marker (形态 1。)."""
    if end - start > 2 or start < 2 or text[start - 1] != " ":
        return False
    previous = text[start - 2]
    if not ("\u4e00" <= previous <= "\u9fff") or previous in VALUE_VERB_CHARS:
        return False
    return end < len(text) and text[end] in "。，；："


def _merge_range(text: str, first: _Draft, *, year: int | None, lenient: bool) -> None:
    """Extend ``first`` with a range connector and a second quantity (6 到 8 周, 2019-2021 年)."""
    if first.name_like or first.bounds:
        return
    if _char_after_gap(text, first.end) not in _RANGE_FIRST_CHARS:
        return
    connector = _RANGE_RE.match(text, first.end)
    if connector is None:
        return
    core = _CORE_RE.match(text, connector.end())
    if core is None or core.lastgroup == "first":
        return
    second = _read_one(text, core, year=year, lenient=True, with_prefix=False)
    if second is None or second.name_like or first.value is None or second.value is None:
        return
    conn = connector.group("conn")
    if first.unit is not None and second.unit is not None and first.unit != second.unit:
        return
    if first.unit is not None and second.unit is None:
        if first.unit == "date":
            return
        second.unit = first.unit
    if first.counter is not None and second.counter is not None and first.counter != second.counter:
        return
    if first.unit is None and second.unit is not None:
        # 3-5% / 六至八成 / 3至8亿元: the unit and scale written once apply to both ends.
        first.unit = second.unit
        if second.scale_applied and not first.scale_applied and first.value * second.scale <= second.value:
            first.value *= second.scale
    if conn not in ("到", "至") and not (first.value < second.value):
        return  # 3-1 is not a range (a dash between unrelated numbers)
    if first.value > second.value:
        return
    # the top of the range is the top of the second quantity when that names a span (三到十几个)
    first.value_high = second.value if second.value_high is None else second.value_high
    if first.unit == "date":
        first.month_high = second.month
    first.counter = first.counter or second.counter
    first.qualifiers.extend(second.qualifiers)
    first.bounds.append("range")
    first.end = second.end
    first.consumed = second.consumed
    first.footnote = first.footnote or second.footnote


def _scan(text: str, *, year: int | None, lenient: bool = False) -> list[_Draft]:
    """All mention drafts of ``text`` in order of appearance."""
    drafts: list[_Draft] = []
    resume = 0
    for core in _CORE_RE.finditer(text):
        if core.start() < resume:
            continue
        draft = _read_one(text, core, year=year, lenient=lenient, with_prefix=True)
        if draft is None:
            continue
        _merge_range(text, draft, year=year, lenient=lenient)
        if draft.weak and "range" not in draft.bounds:
            continue
        if drafts and draft.start < drafts[-1].end:
            draft.start = drafts[-1].end  # a prefix never reaches into the previous mention
            while draft.start < draft.end and text[draft.start].isspace():
                draft.start += 1
        drafts.append(draft)
        resume = max(draft.consumed, core.end())
    _link_pairs(text, drafts)
    return drafts


def _link_pairs(text: str, drafts: list[_Draft], first_pair_id: int = 0) -> int:
    """Link before/after values of a change (由 80% 提升到 95%). Returns the next free pair id."""
    pair_id = first_pair_id
    if len(drafts) < 2 or ("由" not in text and "从" not in text):
        return pair_id
    ends = [draft.end for draft in drafts]
    for change in _CHANGE_RE.finditer(text):
        verb_start = change.start()
        index = bisect_right(ends, verb_start) - 1
        if index < 0:
            continue
        # Candidates for the before value: mentions between the nearest 由/从 and the verb.
        opener = -1
        for position in range(verb_start - 1, max(-1, verb_start - 2 * PAIR_WINDOW), -1):
            char = text[position]
            if char in SENTENCE_END or char == "，":
                break
            if char in CHANGE_OPENERS:
                opener = position
                break
        if opener < 0:
            continue
        # Candidates for the before value: unpaired, not name-like mentions after the opener and up to
        # the verb; the last non-date one, else the last one. Drafts are in order of start, so walk back
        # from the verb only as far as the opener (slicing drafts here would make the scan quadratic).
        before = last_candidate = None
        for candidate_index in range(index, -1, -1):
            draft = drafts[candidate_index]
            if draft.start <= opener:
                break
            if draft.pair_id is not None or draft.name_like:
                continue
            last_candidate = last_candidate or draft
            if draft.unit != "date":
                before = draft
                break
        before = before or last_candidate
        if before is None:
            continue
        if before.start - opener > PAIR_WINDOW:
            continue
        after = None
        for after_index in range(index + 1, len(drafts)):
            draft = drafts[after_index]
            if draft.start < change.end():
                continue
            gap = text[change.end():draft.start]
            if draft.start - change.end() > PAIR_WINDOW or any(char in SENTENCE_END or char == "，" for char in gap):
                break
            if draft.unit == before.unit and not draft.name_like:
                after = draft
                break
        if after is None:
            continue
        before.pair_id, before.role = pair_id, "before"
        after.pair_id, after.role = pair_id, "after"
        pair_id += 1
    return pair_id


def _finalise(draft: _Draft) -> None:
    if draft.unit is None:
        draft.unit = "count"
    draft.bound = draft.final_bound()


# --------------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------------


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
    _finalise(draft)
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
        start=draft.start,
        end=draft.end,
    )


def extract_mentions(source: Any, *, year: int | None = None) -> pd.DataFrame:
    """One row per number mention, in order of appearance.

    Parameters
    ----------
    source : str or Report
        Any text, or the :class:`~ecoanalysis.document.Report` from ``load_report()`` (anything with
        ``raw_text`` and ``blocks`` whose items have ``text``, ``offsets``, ``id``, ``role``, ``chapter`` and
        ``footnote_refs``). For a Report every block is scanned and raw provenance is added.
    year : int, optional
        Year that resolves relative dates such as 今年 3 月. Defaults to ``source.year`` for a Report
        and to unknown (value NA, month kept) for a string.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`MENTION_COLUMNS` with dtypes :data:`MENTION_DTYPES`. For a string,
        ``text[char_start:char_end] == surface``; for a Report the offsets point into ``raw_text``
        (first character .. last character + 1; the raw slice may contain the line breaks the block
        text reflowed away).
    """
    if isinstance(source, str):
        rows = []
        for draft in _scan(source, year=year):
            _finalise(draft)
            rows.append(_row(source, draft, draft.start, draft.end, _NO_PROVENANCE))
        return _frame(rows)
    if hasattr(source, "blocks") and hasattr(source, "raw_text"):
        return _extract_report(source, year=year)
    raise TypeError(f"extract_mentions expects a str or a Report, got {type(source).__name__}")


# --------------------------------------------------------------------------------------------------
# Rows and frames
# --------------------------------------------------------------------------------------------------


#: Provenance columns (line .. sentence, in MENTION_COLUMNS order) of a mention found in a plain string.
_PROVENANCE_COLUMNS: tuple[str, ...] = (
    MENTION_COLUMNS[MENTION_COLUMNS.index("line"):MENTION_COLUMNS.index("sentence") + 1]
)
_NO_PROVENANCE: tuple[None, ...] = (None,) * len(_PROVENANCE_COLUMNS)


def _row(text: str, draft: _Draft, offset_start: int, offset_end: int, provenance: tuple) -> tuple:
    """One output row as a tuple in MENTION_COLUMNS order (``provenance``: the _PROVENANCE_COLUMNS values)."""
    return (
        text[draft.start:draft.end], offset_start, offset_end,
        *provenance,
        draft.value, draft.value_high, draft.month, draft.month_high, draft.unit, draft.counter, draft.bound,
        " ".join(draft.qualifiers) or None, draft.pair_id, draft.role, draft.footnote,
        draft.footnote if draft.source_footnote is None else draft.source_footnote,
        draft.name_like,
    )


# Column builders. They give exactly what pd.array(values, dtype=...) gives (None -> <NA>, NaN -> <NA> for
# floats, masked slots filled as pd.array fills them) but build the numpy data and mask directly: about
# twice as fast as pd.array's type inference over a list of Python objects, which was a tenth of the time.


def _int_array(values: list) -> pd.api.extensions.ExtensionArray:
    size = len(values)
    missing = values.count(None)
    if missing == 0:
        return pd.arrays.IntegerArray(np.array(values, dtype=np.int64), np.zeros(size, dtype=bool))
    if missing == size:  # the provenance columns of a plain string
        return pd.arrays.IntegerArray(np.ones(size, dtype=np.int64), np.ones(size, dtype=bool))
    mask = np.array([value is None for value in values], dtype=bool)
    data = np.array([1 if value is None else value for value in values], dtype=np.int64)
    return pd.arrays.IntegerArray(data, mask)


def _float_array(values: list) -> pd.api.extensions.ExtensionArray:
    data = np.array([math.nan if value is None else value for value in values], dtype=np.float64)
    return pd.arrays.FloatingArray(data, np.isnan(data))


def _bool_array(values: list) -> pd.api.extensions.ExtensionArray:
    return pd.arrays.BooleanArray(np.array(values, dtype=bool), np.zeros(len(values), dtype=bool))


def _string_array(values: list) -> pd.api.extensions.ExtensionArray:
    if values and values.count(None) == len(values):
        # All missing (block_role, sentence of a plain string): repeat one NA, ten times faster than
        # pd.array's check of every None, and the dtype is whatever pd.array gives for "string".
        return pd.array([None], dtype="string").take(np.zeros(len(values), dtype=np.intp))
    return pd.array(values, dtype="string")


_COLUMN_BUILDERS = {"Int64": _int_array, "Float64": _float_array, "boolean": _bool_array, "string": _string_array}


def _frame(rows: list[tuple]) -> pd.DataFrame:
    """The mentions frame from row tuples (transposed once with zip, each column built in one call)."""
    columns = [list(column) for column in zip(*rows)] if rows else [[] for _ in MENTION_COLUMNS]
    arrays = {
        name: _COLUMN_BUILDERS[MENTION_DTYPES[name]](values) for name, values in zip(MENTION_COLUMNS, columns)
    }
    return pd.DataFrame(arrays, copy=False)  # the arrays are fresh: no need to copy them again


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (from the previous 。！？； or block start to the next, inclusive) holding a span."""
    left = start
    while left > 0 and text[left - 1] not in SENTENCE_END:
        left -= 1
    right = end
    while right < len(text) and text[right] not in SENTENCE_END:
        right += 1
    if right < len(text):
        right += 1
    return text[left:right].strip()


def _extract_report(report: Any, *, year: int | None) -> pd.DataFrame:
    """Scan every block of a Report and add raw provenance."""
    if year is None:
        year = getattr(report, "year", None)
    raw_text: str = report.raw_text
    line_starts = [0]
    line_starts.extend(index + 1 for index, char in enumerate(raw_text) if char == "\n")
    rows = []
    pair_base = 0
    for block in report.blocks:
        text: str = block.text
        if not text:
            continue
        drafts = _scan(text, year=year)
        # Pair ids are numbered per block by _scan; make them unique across the report.
        block_pairs = {d.pair_id for d in drafts if d.pair_id is not None}
        for draft in drafts:
            if draft.pair_id is not None:
                draft.pair_id += pair_base
        pair_base += len(block_pairs)
        _attach_footnote_refs(text, drafts, getattr(block, "footnote_refs", ()) or ())
        for draft in drafts:
            _finalise(draft)
            raw_start = block.offsets[draft.start]
            raw_last = block.offsets[draft.end - 1]
            line = bisect_right(line_starts, raw_start)
            line_end = bisect_right(line_starts, raw_last)
            provenance = (  # _PROVENANCE_COLUMNS: line, col_start, line_end, col_end, block, block_role, chapter, sentence
                line,
                raw_start - line_starts[line - 1],
                line_end,
                raw_last + 1 - line_starts[line_end - 1],
                block.id,
                block.role,
                block.chapter,
                _sentence_around(text, draft.start, draft.end),
            )
            rows.append(_row(text, draft, raw_start, raw_last + 1, provenance))
    return _frame(rows)


def _attach_footnote_refs(text: str, drafts: list[_Draft], refs: Any) -> None:
    """Link removed footnote markers to mentions.

    ``footnote`` is the marker glued right after a mention (27%3). ``source_footnote`` is the footnote that
    sources a mention: a marker covers every mention of its sentence written before it and after any earlier
    marker, because the report puts one marker at the end of the clause it cites (in "B 轮及以上融资笔数占总笔数的
    62.3%，较上一年增长 40% 以上 4" footnote 4, 数据来源：中国信息通信研究院, sources the 62.3 % too).
    """
    covered_until = 0
    for ref in sorted(refs, key=lambda ref: ref.offset):
        offset = ref.offset
        for draft in reversed(drafts):
            if draft.end <= offset:
                if not text[draft.end:offset].strip():
                    draft.footnote = ref.number
                break
        for draft in drafts:
            in_reach = covered_until <= draft.start and draft.end <= offset
            if in_reach and not any(char in SENTENCE_END for char in text[draft.end:offset]):
                draft.source_footnote = ref.number
        covered_until = offset
