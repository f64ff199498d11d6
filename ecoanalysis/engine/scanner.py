"""The scanner of the quantity engine: find every number mention in Chinese text and read what it claims.

Public here: :func:`parse_quantity` (one expression, ``"超过 1 万项"`` -> a frozen :class:`Quantity`) and
:func:`scan` (every mention of a text as :class:`Draft` objects, which :mod:`ecoanalysis.mentions` turns
into a DataFrame). The words come from ``lexicon.toml`` (:mod:`._lexicon`); see README.md in this package.

How it works
------------
One compiled regular expression (:data:`_CORE_RE`) finds numeral *cores*: runs of Arabic digits, runs of
Chinese numeral characters (with 几 inside), or 首个/首家/首款. For every core:

1. the whole-mention readers of :data:`WHOLE_READERS` are tried in that order (dates, date codes,
   quarters, names, URLs and times, phone numbers, citations, list markers, section numbers, Latin names,
   fixed phrases, 翻一番, set phrases); the first that answers decides;
2. otherwise the general reading: the value (:func:`_read_number`), the words glued before it
   (:func:`_read_before`), date words (:func:`_read_date`), the tail (:func:`_read_tail`: magnitude,
   余/多/来, %, ‰, 个百分点, 成, 折, 分之, unit or counter, suffix qualifier), then sign, currency and
   qualifier before it (:func:`_apply_prefix`) and the footnote marker (:func:`_finish`);
3. :func:`_merge_range` joins ``A 到/至/~/- B``.

All patterns are linear (single character classes, bounded gaps, literal alternations). Afterwards the
items of a list share the unit written after the last (:func:`_share_list_units`) and before/after pairs
(由 80% 提升到 95%) are linked (:func:`_link_pairs`). A numeral that cannot be read gets bound ``vague``
and no value.
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

from ._lexicon import (
    DISCOUNT_GUARD,
    DISCOUNT_WORD,
    FIRST_RANK_COUNTERS,
    FIRST_RANK_WORD,
    HALF_GUARD,
    LIST_ORDINAL_FOLLOWERS,
    LIST_SEPARATORS,
    MORE_GUARD,
    NAMED_NUMERALS,
    PERCENT_SIGNS,
    PERCENTAGE_POINT_WORDS,
    PERMILLE_SIGN,
    RANGE_CONNECTORS,
    RANK_WORD,
    RELATIVE_YEARS,
    SET_PHRASES,
    TENTHS_GUARD,
    TENTHS_WORD,
    VAGUE_PREFIXES,
    WILDCARD_GUARD,
    WORTH_WORD,
    YEAR_PART_MONTHS,
    CHANGE_OPENERS,
    CHANGE_VERBS,
    CURRENCY_PREFIXES,
    DIVISION_COUNTERS,
    DOUBLING_COUNTER,
    DOUBLING_VERB,
    FIXED_PHRASES,
    HALF_PERCENT,
    HALF_WORD,
    LABEL_WORDS,
    INFIX_GUARDS,
    INFIX_QUALIFIERS,
    MINUS_SIGNS,
    PREFIX_QUALIFIER_GUARDS,
    PREFIX_QUALIFIERS,
    SUFFIX_QUALIFIERS,
    UNIT_GUARDS,
    UNIT_WORDS,
)
from .numerals import (
    CHINESE_DIGITS,
    FULLWIDTH_TO_ASCII,
    MAGNITUDES,
    WILDCARD_DIGIT,
    cn_to_number,
    parse_arabic,
    DECIMAL_POINT_WORD,
    TENS_CHARACTERS,
    parse_approximate_range,
    parse_chinese_wildcard,
)

__all__ = ["BOUNDS", "CURRENCIES", "UNITS", "Quantity", "parse_quantity", "scan"]

# --------------------------------------------------------------------------------------------------
# Vocabularies
# --------------------------------------------------------------------------------------------------

#: What a mention measures. Physical classes keep the value in the stated unit (``unit_symbol``: kW, GB,
#: m², ...); ``currency`` is money (``currency``: the ISO 4217 code); ``other`` covers digits in names.
UNITS: tuple[str, ...] = (
    "count", "percent", "percentage_point", "multiple", "date", "duration", "currency", "power", "energy",
    "mass", "data_size", "data_rate", "compute", "frequency", "area", "length", "volume", "temperature",
    "rank", "other",
)

#: ISO 4217 codes the lexicon knows (the values of the ``currency`` column).
CURRENCIES: tuple[str, ...] = tuple(sorted(
    {info.currency for info in UNIT_WORDS.values() if info.currency} | set(CURRENCY_PREFIXES.values())
))

#: How the stated number relates to the true amount. ``range``: value..value_high stated; ``vague``:
#: an order of magnitude such as 数千 or 百万级 (value = low end, value_high = top end).
BOUNDS: tuple[str, ...] = ("eq", "gt", "ge", "lt", "le", "approx", "range", "vague")


#: Precedence when several qualifiers apply: the most informative bound wins (超过 10 个以上 -> gt).
BOUND_PRECEDENCE: tuple[str, ...] = ("range", "vague", "le", "lt", "ge", "gt", "approx", "eq")

#: Suffix that turns a bare magnitude into an order of magnitude: 百万级 = 10^6..10^7.
ORDER_OF_MAGNITUDE_SUFFIX = "级"

#: 成 is tenths: 八成 = 80 %.
TENTHS_PERCENT = 10.0

#: Plausible calendar years: a 4-digit number in this range followed by 年 is a date, else a duration.
YEAR_RANGE: tuple[int, int] = (1900, 2100)

#: Separators of an ISO-style date written with digits (2021-03-15, 2021/03/15, 2021.03.15).
ISO_DATE_SEPARATORS = "-/."

#: How far (characters) the before value may stand from 由/从, and the after value from the verb.
PAIR_WINDOW = 16

#: Sentence terminators for the ``sentence`` column and for pair windows.
SENTENCE_END: frozenset[str] = frozenset("。！？；!?;")

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
_CN_CHARS = _CN_DIGIT_CHARS + _CN_MAG_CHARS + "".join(TENS_CHARACTERS)
_ARABIC = r"[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?"
#: Every character a numeral core can start with. The leading lookahead of _CORE_RE repeats it because
#: re only skips ahead quickly to a candidate position when the pattern starts with one character set,
#: not with an alternation of groups: it halves the time of finditer over running text.
_CORE_FIRST_CHARS = f"0-9０-９{_CN_CHARS}{FIRST_RANK_WORD}"
#: 首 as a measure word (一首歌, 这首, 每首) is not "first"; the counters keep their COUNTERS guards (首家居).
_FIRST_RANK = (
    rf"(?<![{_CN_CHARS}0-9０-９这那每哪几数]){FIRST_RANK_WORD}"
    rf"(?:{'|'.join(_guarded(w, UNIT_GUARDS, behind=False) for w in FIRST_RANK_COUNTERS)})"
)
_CORE_RE = re.compile(
    rf"(?=[{_CORE_FIRST_CHARS}])"
    rf"(?:(?P<arabic>{_ARABIC})"
    # 几 inside a run (十几, 二十几万, 一百几十): the whole run is one core, so that 十几十几... is one
    # unreadable numeral rather than thousands of mentions
    rf"|(?P<cn>[{_CN_CHARS}](?:[{_CN_CHARS}]|{WILDCARD_DIGIT}(?![{WILDCARD_GUARD}]))*"
    rf"(?:点[{_CN_DIGIT_CHARS}]+[{_CN_MAG_CHARS}]*)?)"
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
def _unit_pattern(word: str) -> str:
    pattern = _guarded(word, UNIT_GUARDS, behind=False)
    return pattern + "(?![A-Za-z])" if UNIT_WORDS[word].latin else pattern


_COUNTER_ALT = "|".join(_unit_pattern(w) for w in sorted(UNIT_WORDS, key=len, reverse=True))
_TAIL_MAG_CHARS = "十百千万萬亿億"
#: Unit words that begin with a magnitude character (千瓦, 千克, 千米): the magnitude run stops before them,
#: so 1200万千瓦 is 1200 x 10^4 kW, not 1200 x 10^7 of something.
_MAGNITUDE_LED_UNITS: tuple[str, ...] = tuple(
    w for w, info in UNIT_WORDS.items() if w[0] in _TAIL_MAG_CHARS and info.scale == 1.0
)
_MAG_UNIT_FREE = rf"(?!{_alternation(_MAGNITUDE_LED_UNITS)})"
_MAG_RUN = rf"(?:{_MAG_UNIT_FREE}[{_TAIL_MAG_CHARS}]){{1,4}}"
_INFIX_ALT = "|".join(_guarded(w, INFIX_GUARDS, behind=False) for w in sorted(INFIX_QUALIFIERS, key=len, reverse=True))
_SUFFIX_ALT = "|".join(
    re.escape(w) + ("(?![0-9０-９])" if w in "+＋" else "") for w in sorted(SUFFIX_QUALIFIERS, key=len, reverse=True)
)
_SECTION_MAG_CHARS = "万萬亿億"
_TAIL_RE = re.compile(
    # a magnitude (at most 万亿-style compounds), then 余/多 (17 万多); or 余/多 then 万/亿 (10 余万, 十多亿)
    rf"(?:{_GAP}(?:(?P<mag>{_MAG_RUN})(?!{_MAG_UNIT_FREE}[{_TAIL_MAG_CHARS}度])(?:{_GAP}(?P<infix>{_INFIX_ALT}))?"
    rf"|(?P<infix2>{_INFIX_ALT})(?:{_GAP}(?P<mag2>[{_SECTION_MAG_CHARS}]{{1,2}})(?![{_TAIL_MAG_CHARS}度]))?))?"
    rf"(?:{_GAP}(?:(?P<pct>{_alternation(PERCENT_SIGNS)})|(?P<pp>{_alternation(PERCENTAGE_POINT_WORDS)})"
    rf"|(?P<cheng>{TENTHS_WORD})(?![{TENTHS_GUARD}])"
    rf"|(?P<frac>分之)|(?P<permille>{PERMILLE_SIGN})|(?P<zhe>{DISCOUNT_WORD})(?![{DISCOUNT_GUARD}])"
    rf"|(?P<counter>{_COUNTER_ALT})))?"
    rf"(?:{_GAP}(?P<suffix>{_SUFFIX_ALT}))?"
)
_SUFFIX_RE = re.compile(rf"{_GAP}(?P<suffix>{_SUFFIX_ALT})")
_DATE_RE = re.compile(
    rf"{_GAP}年(?:{_GAP}(?P<month>[0-9０-９]{{1,2}}|[一二三四五六七八九十]{{1,3}})"
    rf"(?:{_GAP}[-~～至到]{_GAP}(?P<month_high>[0-9０-９]{{1,2}}|[一二三四五六七八九十]{{1,3}}))?{_GAP}月"
    rf"(?:{_GAP}(?P<day>[0-9０-９]{{1,2}}|[一二三四五六七八九十]{{1,3}}){_GAP}[日号])?|(?P<part>[底末初])"
    rf"|{_GAP}第?{_GAP}(?P<quarter>[1-4一二三四]){_GAP}季度)?"
)
#: A quarter written after a 2- or 4-digit year: 25Q2, 2025Q2 (2-digit years are 2000 + yy).
_QUARTER_CODE_RE = re.compile(r"Q(?P<quarter>[1-4])(?![0-9A-Za-z])")
QUARTER_MONTHS = 3
QUARTER_WORD = "季度"

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
    | frozenset(word[0] for word in PERCENTAGE_POINT_WORDS) | {TENTHS_WORD, "分", PERMILLE_SIGN, DISCOUNT_WORD}
    | frozenset(word[0] for word in UNIT_WORDS) | frozenset(word[0] for word in SUFFIX_QUALIFIERS)
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
_LATIN_UNIT_RE = re.compile(
    "|".join(re.escape(w) + "(?![A-Za-z])" for w in sorted((w for w in UNIT_WORDS if UNIT_WORDS[w].latin), key=len, reverse=True))
)
_LABEL_LAST_CHARS: frozenset[str] = frozenset(word[-1] for word in LABEL_WORDS)
_LABEL_WINDOW = 1 + max(len(word) for word in LABEL_WORDS)
_LABEL_TAIL_RE = re.compile(r"(?:[-－.．][0-9０-９]+)*")
_FRACTION_RE = re.compile(r"(?P<num>[0-9]{1,3})/(?P<den>[0-9]{1,4})(?![0-9/])")
#: Denominators of fractions written with a slash in prose (1/3, 3/4, 1/100); larger ones are more often
#: dates (3/15) or ratios of codes, so they keep their plain reading.
FRACTION_DENOMINATORS: frozenset[int] = frozenset(range(2, 11)) | {100, 1000}
_COMPOUND_RE = re.compile(
    r"(?P<section>[万萬亿億])(?P<num>[0-9]{1,4}(?:\.[0-9]+)?)(?P<mag>[千仟百佰十拾]?[万萬]?)(?![0-9.年月日号:%])"
)
_SPACED_GROUP_RE = re.compile(r"(?: [0-9]{3}(?![0-9]))+")
#: Where the first numeral character of each fixed phrase stands in it (数以千计: 2).
_FIXED_OFFSETS: dict[str, int] = {
    phrase: next(index for index, char in enumerate(phrase) if char in CHINESE_DIGITS or char in MAGNITUDES)
    for phrase in FIXED_PHRASES
}
_FIXED_FIRST_CHARS: frozenset[str] = frozenset(phrase[_FIXED_OFFSETS[phrase]] for phrase in FIXED_PHRASES)
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
    currency : str or None
        ISO 4217 code of an amount of money (CNY, USD, EUR, ...), when ``unit == "currency"``.
    unit_symbol : str or None
        Symbol of a physical unit (kW, kWh, t, GB, m², ...), the value being in that unit.
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
    currency: str | None = None
    unit_symbol: str | None = None
    start: int = 0
    end: int = 0


# --------------------------------------------------------------------------------------------------
# Scanner
# --------------------------------------------------------------------------------------------------


class Draft:
    """A mention being assembled (mutable, cheap; becomes a row or a Quantity)."""

    __slots__ = (
        "start", "end", "value", "value_high", "unit", "counter", "bound", "month", "month_high", "footnote", "source_footnote",
        "qualifiers", "bounds", "name_like", "scale_applied", "scale", "consumed", "pair_id", "role", "weak",
        "currency", "unit_symbol",
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
        self.currency: str | None = None  # ISO 4217 code of an amount of money
        self.unit_symbol: str | None = None  # kW, GB, m², ... of a physical unit

    def finalise(self) -> None:
        """Fill the defaults of an assembled mention: unit count when none was written, the final bound."""
        if self.unit is None:
            self.unit = "count"
        self.bound = self.final_bound()

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


# --------------------------------------------------------------------------------------------------
# Whole-mention readers, tried in the order of WHOLE_READERS before the general reading
# --------------------------------------------------------------------------------------------------

#: Returned by a whole-mention reader for numerals that are no quantity at all (no row).
NOT_A_QUANTITY = Draft(0, 0, None)


def _name_draft(start: int, end: int, value: float | None) -> Draft:
    draft = Draft(start, end, value)
    draft.unit = "other"
    draft.name_like = True
    return draft


def _set_quarter(draft: Draft, quarter: int) -> None:
    draft.unit = "date"
    draft.month = QUARTER_MONTHS * (quarter - 1) + 1
    draft.month_high = QUARTER_MONTHS * quarter


def _read_quarter_code(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """25Q2, 2025Q2: the second quarter of 2025 (a date, months 4..6)."""
    start, end = core.span()
    if core.lastgroup != "arabic" or end - start not in (2, 4) or text[end:end + 1] != "Q" or (
        start > 0 and text[start - 1].isascii() and text[start - 1].isalnum()
    ):
        return None
    code = _QUARTER_CODE_RE.match(text, end)
    if code is None:
        return None
    year = int(core.group()) + (2000 if end - start == 2 else 0)
    draft = Draft(start, code.end(), float(year))
    _set_quarter(draft, int(code.group("quarter")))
    return draft


def _read_first_rank(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """首个, 首家, 首款: a rank with value 1."""
    if core.lastgroup != "first":
        return None
    draft = Draft(core.start(), core.end(), 1.0)
    draft.unit = "rank"
    draft.counter = core.group()[len(FIRST_RANK_WORD):]
    return draft


def _read_iso_date(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """2021-03-15, 2021/3/15, 2021.03.15 (a calendar date; anything else keeps its number reading)."""
    start, end = core.span()
    if core.lastgroup != "arabic" or end - start < 4 or text[start + 4:start + 5] not in _ISO_DATE_SEPARATOR_SET:
        return None
    iso = _ISO_DATE_RE.match(text, start)
    year_month = None if iso is None else _iso_date(iso)
    if year_month is None:
        return None
    draft = Draft(start, iso.end(), float(year_month[0]))
    draft.unit = "date"
    draft.month = year_month[1]
    return draft


def _read_date_code(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """20250828: eight digits that form a calendar date (YYYYMMDD) are a date, not a count."""
    start, end = core.span()
    if core.lastgroup != "arabic" or end - start != 8 or not core.group().isdigit():
        return None
    numeral = core.group()
    if _char_after_gap(text, end) in _TAIL_FIRST_CHARS:
        return None  # 20201231 元 is an amount
    year, month, day = int(numeral[:4]), int(numeral[4:6]), int(numeral[6:])
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        return None
    try:
        datetime.date(year, month, day)
    except ValueError:
        return None
    draft = Draft(start, end, float(year))
    draft.unit = "date"
    draft.month = month
    return draft


def _read_named_numeral(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """十四五, 第十四个五年规划, 360 公司: numerals that are names."""
    start = core.start()
    if not with_prefix or _NAMED_FIRST_CHARS.isdisjoint(text[max(0, start - _NAMED_LOOKBACK):start + 1]):
        return None
    named = _named_numeral(text, start)
    if named is None:
        return None
    surface = text[named.start():named.end()].rstrip()
    draft = _name_draft(named.start(), named.start() + len(surface), _read_core(text, core))
    if surface.startswith("第"):
        draft.value = _cn_to_number(surface[1:3])
    return draft


#: Characters around digits that may make them part of a URL, an e-mail address or a clock time.
_WEB_GLUE = frozenset("/:@=?&_#~")
_WEB_TOKEN_RE = re.compile(r"[!-~]+")
_WEB_START_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://|www\.|[A-Za-z0-9._%+\-]+@(?=[A-Za-z0-9\-]+\.)")
_TIME_RE = re.compile(r"(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?(?![0-9])")
_PHONE_RE = re.compile(r"(?:1[3-9][0-9]{9}|0[1-9][0-9]{1,2}-[0-9]{7,8}|[48]00-?[0-9]{3}-?[0-9]{4})(?![0-9])")


def _read_web_or_time(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """Digits of a URL, an e-mail address (name-like, the whole token) or a clock time 20:47 (name-like)."""
    start, end = core.span()
    if core.lastgroup != "arabic":
        return None
    if not ((start > 0 and text[start - 1] in _WEB_GLUE) or text[end:end + 1] in _WEB_GLUE):
        return None
    if text[end:end + 1] == ":" and (start == 0 or not text[start - 1].isdigit()):
        clock = _TIME_RE.match(text, start)
        if clock is not None:
            return _name_draft(start, clock.end(), None)
    left = start
    while left > 0 and "!" <= text[left - 1] <= "~":
        left -= 1
    token = _WEB_TOKEN_RE.match(text, left)
    if token is None:  # full-width digits
        return None
    # A URL starts at its scheme (RFC 3986: a letter, then letters, digits, + - .) or at www., an e-mail
    # address at its local part; "]" (legal only around an IPv6 host) ends it. So the Markdown or prose
    # glued around it, "[docs](http://...)", is not part of it.
    word = token.group()
    begins = [m.start() for m in _WEB_START_RE.finditer(word) if m.start() <= start - left]
    if not begins:
        return None
    begin = left + begins[-1]
    close = text.find("]", begin, left + len(word))
    finish = close if close >= 0 else left + len(word)
    surface = text[begin:finish].rstrip(".,;:!?)(")
    if begin + len(surface) < end:
        return None
    return _name_draft(begin, begin + len(surface), None)


def _read_phone(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """Telephone numbers (13812345678, 010-12345678, 400-123-4567): name-like."""
    start = core.start()
    if core.lastgroup != "arabic" or text[start] not in "0148" or (start > 0 and text[start - 1].isdigit()):
        return None
    phone = _PHONE_RE.match(text, start)
    if phone is None or _char_after_gap(text, phone.end()) in _TAIL_FIRST_CHARS:
        return None  # 13000000000 元 is an amount
    return _name_draft(start, phone.end(), None)


_CITATION_RE = re.compile(r"[\[［](?:[0-9]{1,3}[,，\-–—~、 ]*)+[\]］]")
_CITATION_LOOKBACK = 16


def _read_citation(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """Citation markers [2], [19], [2,6], [3-5]: no quantity."""
    start = core.start()
    if core.lastgroup != "arabic" or start == 0:
        return None
    window = text[max(0, start - _CITATION_LOOKBACK):start]
    bracket = max(window.rfind("["), window.rfind("［"))
    if bracket < 0:
        return None
    begin = start - len(window) + bracket
    citation = _CITATION_RE.match(text, begin)
    return NOT_A_QUANTITY if citation is not None and citation.end() > start else None


_SECTION_RE = re.compile(r"[0-9]{1,2}(?:(?:\.[0-9]{1,2})+[ \t\u3000]|[.．、](?![0-9]))")


_LIST_MARKER_OPEN = frozenset("（(")
_LIST_MARKER_CLOSE = frozenset("）)")


def _read_list_marker(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """List markers (1), （2）: a one- or two-digit number alone in brackets is no quantity."""
    start, end = core.span()
    if end - start > 2 or start == 0 or text[start - 1] not in _LIST_MARKER_OPEN:
        return None
    return NOT_A_QUANTITY if text[end:end + 1] in _LIST_MARKER_CLOSE else None


def _read_section_number(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """Section and list numbers at the start of a line or block (1.1 数据来源, 2. 方法, 3、): name-like."""
    start = core.start()
    if core.lastgroup != "arabic" or not with_prefix:
        return None
    left = start
    while left > 0 and text[left - 1] in " \t\u3000":
        left -= 1
    if left > 0 and text[left - 1] != "\n":
        return None
    section = _SECTION_RE.match(text, start)
    if section is None or _char_after_gap(text, section.end()) in _TAIL_FIRST_CHARS | PERCENT_SIGNS:
        return None
    surface = text[start:section.end()].rstrip(" \t\u3000.．、")
    return _name_draft(start, start + len(surface), None)


def _read_ascii_name(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """Digits glued to Latin letters (5G, RK18, Apollo6.0, GPT-3) unless the letters are a unit (100GB)."""
    start, end = core.span()
    if core.lastgroup != "arabic":
        return None
    if not ((start > 0 and text[start - 1] in _NAME_GLUE_BEFORE) or text[end:end + 1] in _ASCII_LETTERS):
        return None
    if text[end:end + 1] in _ASCII_LETTERS and _LATIN_UNIT_RE.match(text, end) is not None and not (
        start > 0 and text[start - 1] in _ASCII_LETTERS
    ):
        return None  # 100GB, 5EFLOPS: a number and its unit
    span = _ascii_name_span(text, start, end)
    return None if span is None else _name_draft(span[0], span[1], _read_core(text, core))


def _read_fixed_phrase(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """Set expressions with a fixed reading (十之八九 = 80..90 %), from the lexicon."""
    start = core.start()
    if core.lastgroup != "cn" or text[start] not in _FIXED_FIRST_CHARS:
        return None
    for phrase, reading in FIXED_PHRASES.items():
        begin = start - _FIXED_OFFSETS[phrase]  # 成千上万: the numeral 千 stands one character in
        if begin >= 0 and text.startswith(phrase, begin):
            draft = Draft(begin, begin + len(phrase), float(reading["value"]))
            draft.value_high = float(reading["value_high"]) if "value_high" in reading else None
            draft.unit = reading["unit"]
            draft.bounds.append(reading.get("bound", "eq"))
            draft.qualifiers.append(phrase)
            return draft
    return None


_DOUBLING_RE = re.compile(rf"(?P<verb>{DOUBLING_VERB}了?){_GAP}\Z")


def _read_doubling(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """翻一番 = x 2, 翻两番 = x 4: 番 doubles once per count."""
    start, end = core.span()
    if core.lastgroup != "cn" or text[end:end + 1] != DOUBLING_COUNTER or start == 0:
        return None
    verb = _DOUBLING_RE.search(text, max(0, start - 4), start)
    count = _cn_to_number(core.group())
    if verb is None or count is None or count != int(count) or not 1 <= count <= 10:
        return None
    draft = Draft(verb.start(), end + 1, float(2 ** int(count)))
    draft.unit = "multiple"
    draft.qualifiers.append(text[verb.start():end + 1])
    return draft


def _read_set_phrase(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """Chinese numerals inside set phrases (一批, 零售, 百度, 第三方) and list ordinals (一是): no quantity."""
    start, end = core.span()
    if core.lastgroup != "cn":
        return None
    if _is_set_phrase(text, start) or (end - start > 1 and _is_set_phrase(text, end - 1)):
        return NOT_A_QUANTITY
    if end - start == 1 and end < len(text) and text[end] in LIST_ORDINAL_FOLLOWERS and core.group() in CHINESE_DIGITS:
        return NOT_A_QUANTITY
    return None


#: Whole-mention readers in order of precedence: the first that returns a draft (or NOT_A_QUANTITY)
#: decides the mention; when none does, the general reading (qualifiers, number, unit) follows.
#: Dates before names (2021-03-15 is no range), names and codes before numbers, set phrases last.
WHOLE_READERS: tuple[tuple[str, Any], ...] = (
    ("first", _read_first_rank),
    ("arabic", _read_iso_date),
    ("arabic", _read_date_code),
    ("arabic", _read_quarter_code),
    ("arabic cn", _read_named_numeral),
    ("arabic", _read_web_or_time),
    ("arabic", _read_phone),
    ("arabic", _read_citation),
    ("arabic", _read_list_marker),
    ("arabic", _read_section_number),
    ("arabic", _read_ascii_name),
    ("cn", _read_fixed_phrase),
    ("cn", _read_doubling),
    ("cn", _read_set_phrase),
)
#: Characters next to Arabic digits that may start one of the whole-mention forms (names, codes, URLs,
#: citations, section numbers, dates); digits with none of them around skip the whole-mention readers.
_SPECIAL_BEFORE: frozenset[str] = frozenset(string.ascii_letters) | _WEB_GLUE | frozenset("-[［,.\n（(")
_SPECIAL_AFTER: frozenset[str] = (
    frozenset(string.ascii_letters) | _WEB_GLUE | frozenset("-]］,.") | _ISO_DATE_SEPARATOR_SET
)


def _may_be_special(text: str, start: int, end: int) -> bool:
    """Cheap test whether any whole-mention reader could apply to the Arabic core text[start:end]."""
    if start == 0 or text[start - 1] in _SPECIAL_BEFORE or text[end:end + 1] in _SPECIAL_AFTER:
        return True
    left = start - 1
    while left >= 0 and text[left] in " \t\u3000":
        left -= 1
    if left < 0 or text[left] == "\n":
        return True  # a section number at the start of a line
    if end - start in (8, 11) or (end - start >= 4 and text[start + 4:start + 5] in _ISO_DATE_SEPARATOR_SET):
        return True
    return not _NAMED_FIRST_CHARS.isdisjoint(text[max(0, start - _NAMED_LOOKBACK):start + 1])


#: WHOLE_READERS by the kind of numeral core they apply to (arabic digits, Chinese numerals, 首个), in order.
_READERS_BY_KIND: dict[str, tuple[Any, ...]] = {
    kind: tuple(reader for kinds, reader in WHOLE_READERS if kind in kinds.split()) for kind in ("arabic", "cn", "first")
}


def _read_arabic_continuation(text: str, draft: Draft) -> bool:
    """Extend an Arabic number: PDF thousands spaces (1 056), compound magnitudes (1亿2000万, 3万4000),
    a slash fraction (1/3 = 33.3 %). Returns whether the continuation makes it a quantity."""
    start, end = draft.start, draft.end
    char = text[end:end + 1]
    if char == " " and end - start <= 3 and text[start:end].isdigit() and (start == 0 or not text[start - 1].isdigit()):
        groups = _SPACED_GROUP_RE.match(text, end)
        if groups is not None and _char_after_gap(text, groups.end()) in _TAIL_FIRST_CHARS | _RANGE_FIRST_CHARS:
            draft.value = float(text[start:groups.end()].replace(" ", ""))
            draft.end = draft.consumed = groups.end()
            return False
    elif char in _SECTION_MAG_CHARS and draft.value is not None:
        compound = _COMPOUND_RE.match(text, end)
        if compound is not None:
            section = MAGNITUDES[compound.group("section")]
            rest = float(compound.group("num")) * _magnitude_scale(compound.group("mag"))
            if rest < section:
                draft.value = draft.value * section + rest
                draft.scale, draft.scale_applied = section, True
                draft.end = draft.consumed = compound.end()
                return True
    elif char == "/" and (start == 0 or text[start - 1] not in "/-"):
        fraction = _FRACTION_RE.match(text, start)
        if fraction is not None:
            numerator, denominator = int(fraction.group("num")), int(fraction.group("den"))
            if 0 < numerator < denominator and denominator in FRACTION_DENOMINATORS:
                draft.value, draft.unit = numerator / denominator * 100.0, "percent"
                draft.end = draft.consumed = fraction.end()
                return True
    return False


def _before_magnitude_led_unit(text: str, start: int, end: int, numeral: str) -> tuple[int, int, str]:
    """Give back a trailing magnitude that begins a unit word (一千二百万千瓦: 千 belongs to 千瓦)."""
    if len(numeral) > 1 and numeral[-1] in _TAIL_MAG_CHARS and text.startswith(_MAGNITUDE_LED_UNITS, end - 1):
        return start, end - 1, numeral[:-1]
    return start, end, numeral


_MINUS_CHARS: frozenset[str] = frozenset(sign for sign in MINUS_SIGNS if len(sign) == 1)
_MINUS_WORDS: tuple[str, ...] = tuple(sorted(MINUS_SIGNS, key=len, reverse=True))
_MINUS_LAST_CHARS: frozenset[str] = frozenset(sign[-1] for sign in MINUS_SIGNS)


def _is_sign_word(sign: str) -> bool:
    """负, 零下: written words, unlike the dashes, never a range connector."""
    return all("\u4e00" <= char <= "\u9fff" for char in sign)
#: Characters before a hyphen that make it a range dash or part of a name (2019-2021, GPT-3, (a)-1).
_NOT_SIGN_BEFORE = frozenset(string.ascii_letters + string.digits + "０１２３４５６７８９)）]］%％")


def _read_sign(text: str, draft: Draft, prefix_end: int) -> int:
    """A minus sign right before the number (-3.5%, 负 12.6%, 增长-2.1%, 零下 5℃) negates it (never a date's).

    A dash after a digit, a Latin letter or a closing bracket is a range or part of a name (2019-2021,
    GPT-3); the words 负 and 零下 are signs wherever they stand, also with a space before the number.
    """
    if draft.unit == "date" or prefix_end == 0:
        return prefix_end
    end = prefix_end
    if text[end - 1] == " " and end > 1:
        end -= 1  # 负 12.6%
    if text[end - 1] not in _MINUS_LAST_CHARS:
        return prefix_end
    sign = next((word for word in _MINUS_WORDS if text.endswith(word, 0, end)), None)
    if sign is None or (end < prefix_end and sign in _MINUS_CHARS and not _is_sign_word(sign)):
        return prefix_end
    sign_at = end - len(sign)
    before = text[max(0, sign_at - 8):sign_at].rstrip(" ")[-1:]
    if not _is_sign_word(sign) and before and before in _NOT_SIGN_BEFORE:
        return prefix_end
    if draft.value is not None:
        draft.value = -draft.value
    if draft.value_high is not None:
        draft.value, draft.value_high = -draft.value_high, draft.value
    return sign_at


_CURRENCY_PREFIX_RE = re.compile(rf"(?P<cur>{_alternation(CURRENCY_PREFIXES)})[ \u3000]?\Z")
_CURRENCY_PREFIX_LAST: frozenset[str] = frozenset(word[-1] for word in CURRENCY_PREFIXES)


def _read_currency_prefix(text: str, draft: Draft, prefix_end: int) -> tuple[int, bool]:
    """Money written before the number (人民币 3500 亿元, ￥200, US$3.5 亿): its ISO 4217 code."""
    if text[max(0, prefix_end - 2):prefix_end].rstrip(" \u3000")[-1:] not in _CURRENCY_PREFIX_LAST:
        return prefix_end, False
    currency = _CURRENCY_PREFIX_RE.search(text, max(0, prefix_end - 5), prefix_end)
    if currency is None:
        return prefix_end, False
    code = CURRENCY_PREFIXES[currency.group("cur")]
    if draft.unit in (None, "count", "currency") and draft.currency in (None, code):
        draft.unit, draft.currency = "currency", code
    return currency.start(), True


def _read_prefix_qualifier(text: str, draft: Draft, prefix_end: int) -> tuple[int, bool]:
    """A qualifier before the number (超过, 约合, 至少, 不足): its bound."""
    # Pre-filter: the last non-gap character of the window must end a qualifier.
    if text[max(0, prefix_end - _PREFIX_WINDOW):prefix_end].rstrip(_GAP_CHARS)[-1:] not in _PREFIX_LAST_CHARS:
        return prefix_end, False
    qualifier = _PREFIX_RE.search(text, max(0, prefix_end - _PREFIX_WINDOW), prefix_end)
    if qualifier is None:
        return prefix_end, False
    word = qualifier.group("q")
    bound = PREFIX_QUALIFIERS[word]
    if word == "近" and draft.unit == "duration":
        bound = "eq"  # 近 6 年 = "the last six years", not "nearly six"
    draft.qualifiers.insert(0, word)
    draft.bounds.append(bound)
    return qualifier.start(), True


class _Reading:
    """What the general reading of one numeral core has found so far (beside the Draft it fills)."""

    __slots__ = (
        "text", "start", "end", "numeral", "is_arabic", "magnitude_only", "span_kind", "context", "prefix_end",
        "vague_prefix", "rank", "position",
    )

    def __init__(self, text: str, start: int, end: int, numeral: str, is_arabic: bool) -> None:
        self.text, self.start, self.end, self.numeral, self.is_arabic = text, start, end, numeral, is_arabic
        self.magnitude_only = (not is_arabic) and all(char in MAGNITUDES for char in numeral)
        self.span_kind: str | None = None  # "wildcard" (十几) or "adjacent" (七八): no year, no month
        self.context = False  # something marks the numeral as an amount (unit, qualifier, date word ...)
        self.prefix_end = start  # where the words before the number begin
        self.vague_prefix: str | None = None
        self.rank = False
        self.position = end  # where the words after the number end


def _read_one(text: str, core: re.Match, *, year: int | None, lenient: bool, with_prefix: bool) -> Draft | None:
    """Read the quantity around one numeral core, or None when it is not a quantity."""
    start, end = core.span()
    kind = core.lastgroup
    if kind != "arabic" or _may_be_special(text, start, end):
        for reader in _READERS_BY_KIND[kind]:
            found = reader(text, core, with_prefix)
            if found is not None:
                return None if found is NOT_A_QUANTITY else found
    numeral = core.group()
    if kind != "arabic":
        start, end, numeral = _before_magnitude_led_unit(text, start, end, numeral)
    reading = _Reading(text, start, end, numeral, kind == "arabic")
    draft = _read_number(reading)
    if with_prefix:
        label = _read_before(reading, draft)
        if label is not None:
            return label
    _read_date(reading, draft, year=year, with_prefix=with_prefix)
    next_char = _char_after_gap(text, reading.end)
    if draft.unit != "date" and next_char in _TAIL_FIRST_CHARS:
        tail = _TAIL_RE.match(text, reading.position)
        if tail.end() > reading.position:
            reading.position, tail_context = _read_tail(text, tail, draft, magnitude_only=reading.magnitude_only)
            reading.context = reading.context or tail_context
    draft.end = reading.position
    if with_prefix:
        replaced = _apply_prefix(reading, draft)
        if replaced is not None:
            return replaced
    return _finish(reading, draft, lenient=lenient, with_prefix=with_prefix)


def _read_number(reading: _Reading) -> Draft:
    """The numeral's value: plain, an adjacent-digit span (七八), a 几 span (十几), an Arabic continuation."""
    numeral, text = reading.numeral, reading.text
    value = _parse_arabic(numeral) if reading.is_arabic else _cn_to_number(numeral)
    span = None
    if not reading.is_arabic and len(numeral) > 1:
        span = parse_approximate_range(numeral)  # 七八, 一两万, 二三十: (low, high)
        reading.span_kind = None if span is None else "adjacent"
        if span is None and value is None and WILDCARD_DIGIT in numeral:
            span = parse_chinese_wildcard(numeral)  # 十几, 二十几, 一百几十: (low, high)
            reading.span_kind = None if span is None else "wildcard"
    draft = Draft(reading.start, reading.end, value if span is None else float(span[0]))
    if span is not None:
        draft.value_high = float(span[1])
        draft.bounds.append("range")  # 几 is a digit left open, 七八 two digits side by side: both a span
        if reading.span_kind == "wildcard":
            draft.qualifiers.append(WILDCARD_DIGIT)
            reading.context = True
    elif value is None and not reading.is_arabic:
        draft.bounds.append("vague")  # 一二三十, a run past MAX_NUMERAL_CHARS: no value, never a wrong one
    if reading.is_arabic:
        reading.context = _read_arabic_continuation(text, draft)
    elif numeral == "一" and text[reading.end:reading.end + 1] == HALF_WORD:  # 一半 = 50 %
        draft.value, draft.unit = HALF_PERCENT, "percent"
        draft.end += 1
        reading.context = True
    reading.end = reading.position = draft.end
    return draft


def _read_before(reading: _Reading, draft: Draft) -> Draft | None:
    """Words glued before the number: 数/几/上 (vague), 第 (rank), 图/表 (a label, returned as a name)."""
    text, start = reading.text, reading.start
    before = text[start - 1] if start > 0 else ""
    if reading.magnitude_only and before in VAGUE_PREFIXES and not (before == "上" and text[start - 2:start - 1] == "以"):
        reading.vague_prefix, reading.prefix_end = before, start - 1
        if before == WILDCARD_DIGIT:
            span = parse_chinese_wildcard(before + reading.numeral)  # 几十 = 20..90, 几百万
            if span is not None:
                draft.value, draft.value_high = float(span[0]), float(span[1])
    elif reading.span_kind == "wildcard" and before == WILDCARD_DIGIT and reading.numeral[0] in MAGNITUDES:
        span = parse_chinese_wildcard(WILDCARD_DIGIT + reading.numeral)  # 几十几 = 21..99: one wildcard qualifier
        if span is not None:
            draft.value, draft.value_high = float(span[0]), float(span[1])
            reading.prefix_end = start - 1
    elif before == RANK_WORD or (before == " " and text[start - 2:start - 1] == RANK_WORD):
        reading.rank = True
        reading.prefix_end = start - 1 if before == RANK_WORD else start - 2
    elif reading.is_arabic and start > 0 and text[start - 1] in _LABEL_LAST_CHARS | {" "}:
        near = text[max(0, start - _LABEL_WINDOW):start].rstrip(" ")
        word = next((word for word in LABEL_WORDS if near.endswith(word)), None)
        label = None if word is None else _LABEL_TAIL_RE.match(text, reading.end)
        if label is not None and _TAIL_RE.match(text, label.end()).end() == label.end():  # 图 3, 表 4-2, 附件 2
            return _name_draft(max(0, start - _LABEL_WINDOW) + len(near) - len(word), label.end(), draft.value)
    return None


def _read_date(reading: _Reading, draft: Draft, *, year: int | None, with_prefix: bool) -> None:
    """Date words after the number: 2019 年 (3 月, 底, 第三季度), 3 月 (今年 3 月 with the document year)."""
    text, value, numeral = reading.text, draft.value, reading.numeral
    whole = value is not None and math.isfinite(value) and value == int(value) and reading.span_kind is None
    next_char = _char_after_gap(text, reading.end)
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
        reading.position, reading.context = date_match.end(), True
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


def _apply_prefix(reading: _Reading, draft: Draft) -> Draft | None:
    """Vague prefix, minus sign, currency, qualifier and rank before the number; a label or quarter replaces it."""
    text = reading.text
    if reading.vague_prefix is not None:
        draft.qualifiers.insert(0, reading.vague_prefix)
        draft.bounds.append("range" if reading.vague_prefix == WILDCARD_DIGIT else "vague")
        if draft.value is not None and draft.value_high is None:
            draft.value_high = draft.value * 10
        reading.context = True
    else:
        reading.prefix_end = _read_sign(text, draft, reading.prefix_end)
    reading.prefix_end, found_currency = _read_currency_prefix(text, draft, reading.prefix_end)
    reading.prefix_end, found_qualifier = _read_prefix_qualifier(text, draft, reading.prefix_end)
    reading.context = reading.context or found_currency or found_qualifier
    if reading.rank:
        if draft.counter in DIVISION_COUNTERS:  # 第一节, 第 1259 条: the label of a part of a text
            return _name_draft(reading.prefix_end, draft.end, draft.value)
        if draft.counter == QUARTER_WORD and draft.value in (1, 2, 3, 4):  # 第三季度: a quarter, year unstated
            _set_quarter(draft, int(draft.value))
            draft.value, draft.counter, draft.start = None, None, reading.prefix_end
            return draft
        draft.unit = "rank"
        reading.context = True
    elif draft.counter == QUARTER_WORD and draft.value in (1, 2, 3, 4):
        _read_quarter_count(reading, draft)
    if draft.unit is None and draft.counter is None and text.endswith(WORTH_WORD, 0, reading.prefix_end):
        draft.unit, draft.currency = "currency", "CNY"  # 价值千万级的技术资源: money with 元 left implicit
    draft.start = reading.prefix_end
    return None


#: Before N 季度, 前 makes it the first N quarters (前三季度 = January..September).
FIRST_QUARTERS_WORD = "前"


def _read_quarter_count(reading: _Reading, draft: Draft) -> None:
    """一季度 = the first quarter (months 1..3); 前三季度 = the first three quarters (months 1..9)."""
    quarter = int(draft.value)
    _set_quarter(draft, quarter)
    if reading.text[reading.prefix_end - 1:reading.prefix_end] == FIRST_QUARTERS_WORD:
        reading.prefix_end -= 1
        draft.month = 1
    draft.value, draft.counter = None, None


def _finish(reading: _Reading, draft: Draft, *, lenient: bool, with_prefix: bool) -> Draft | None:
    """Weak bare numerals, Latin names (iPhone 12), footnote markers (形态 1。), a marker glued after (27%3)."""
    text, start, end, numeral = reading.text, reading.start, reading.end, reading.numeral
    if not reading.is_arabic and not reading.context and not lenient:
        # A bare Chinese numeral is a quantity only when it is a real multi-character number such as
        # 十五万六千; single characters and bare magnitudes (千万 "by all means") need context.
        # An unreadable run without context is no quantity either (一五一十 "in full detail").
        if len(numeral) < 2 or reading.magnitude_only or not any(char in MAGNITUDES for char in numeral) or (
            draft.value is None
        ):
            draft.weak = DECIMAL_POINT_WORD not in numeral  # 零点五 is a number by itself
    if reading.is_arabic and not reading.context and with_prefix and start > 1:
        if text[start - 2] in _ASCII_LETTERS and text[start - 1] == " ":
            # A Latin word, a space and a number that nothing marks as an amount is a name: iPhone 12,
            # Windows 10, Python 3, GB/T 20000-2014 (with a counter, unit or % it stays one: AI 4000 种).
            left, right = _latin_name_span(text, start, end)
            return _name_draft(left, right, draft.value)
        if _looks_like_footnote_marker(text, start, end, numeral):
            return None
    draft.consumed = draft.end
    glued = draft.qualifiers and draft.end == reading.position and text[draft.end - 1:draft.end] in "上下右内+＋%％"
    if draft.unit == "percent" or glued:  # 27%3, 40% 以上 4
        footnote = _FOOTNOTE_RE.match(text, draft.end)
        if footnote is not None:
            draft.footnote = int(footnote.group("fn"))
            draft.consumed = footnote.end()
    return draft


# --------------------------------------------------------------------------------------------------
# Readers of what follows a number (one per idiom; _TAIL_RE's groups say which applies)
# --------------------------------------------------------------------------------------------------


def _scale(draft: Draft, factor: float) -> None:
    """Multiply both ends of a draft by ``factor`` (a magnitude, 成 as tenths, 万元)."""
    if draft.value is not None:
        draft.value *= factor
    if draft.value_high is not None:
        draft.value_high *= factor
    draft.scale *= factor
    draft.scale_applied = True


def _read_fraction(text: str, tail: re.Match, draft: Draft) -> tuple[int, bool]:
    """X 分之 Y (百分之二十, 千分之三, 三分之一, 百分之负十): Y / X as a percentage; a suffix qualifier may follow."""
    sign = next((word for word in _MINUS_WORDS if text.startswith(word, tail.end())), "")
    numerator = _CORE_RE.match(text, tail.end() + len(sign))
    if numerator is None or numerator.lastgroup not in ("arabic", "cn"):
        return tail.start("frac"), False
    span = _numeral_span(numerator.group(), numerator.lastgroup == "arabic")
    if span is not None and draft.value:
        if draft.value_high:  # 十几分之一: a larger denominator gives the smaller share
            draft.value, draft.value_high = span[0] / draft.value_high * 100.0, span[1] / draft.value * 100.0
        else:
            low, high = span[0] / draft.value * 100.0, span[1] / draft.value * 100.0
            draft.value, draft.value_high = low, (high if high != low else None)
            if draft.value_high is not None:
                draft.bounds.append("range")  # 百分之二三十
    else:
        draft.value = draft.value_high = None
        draft.bounds.append("vague")
    draft.unit = "percent"
    if sign and draft.value is not None:
        draft.value = -draft.value
    position = numerator.end()
    suffix = _SUFFIX_RE.match(text, position)
    if suffix is not None:
        draft.qualifiers.append(suffix.group("suffix"))
        draft.bounds.append(SUFFIX_QUALIFIERS[suffix.group("suffix")])
        position = suffix.end()
    return position, True


def _read_discount(draft: Draft) -> None:
    """8 折 = 80 %, 八五折 = 85 % (the digits name tenths and hundredths of the full price), 8.5 折 = 85 %."""
    draft.unit = "percent"
    if draft.value is None:
        return
    factor = 10.0 if draft.value < 10 else 1.0
    _scale(draft, factor)


def _read_counter(counter: str, draft: Draft, *, magnitude_only: bool, mag: str | None) -> None:
    """A counter or unit word after the number: its unit class, currency, symbol and scale."""
    if counter == ORDER_OF_MAGNITUDE_SUFFIX and (magnitude_only or mag):
        draft.bounds.append("vague")
        draft.qualifiers.append(ORDER_OF_MAGNITUDE_SUFFIX)
        if draft.value is not None and draft.value_high is None:
            draft.value_high = draft.value * 10
        return
    info = UNIT_WORDS[counter]
    if info.scale != 1.0:
        _scale(draft, info.scale)
        counter = counter[-1]  # 万元 -> 元 (the magnitude is in the value)
    if info.unit != "multiple":
        draft.counter = counter
    if info.unit is not None:
        draft.unit = info.unit
        draft.currency = info.currency or draft.currency
        draft.unit_symbol = info.symbol


def _read_tail(text: str, tail: re.Match, draft: Draft, *, magnitude_only: bool) -> tuple[int, bool]:
    """Apply what _TAIL_RE found after a number; returns where the mention ends and whether it gave context."""
    groups = tail.groupdict()
    mag = groups["mag"] or groups["mag2"]
    infix = groups["infix"] or groups["infix2"]
    position = tail.end()
    context = False
    if mag and draft.value is not None:
        _scale(draft, _magnitude_scale(mag))
        context = True
    if infix:
        draft.qualifiers.append(infix)
        draft.bounds.append(INFIX_QUALIFIERS[infix])
        context = True
    if groups["pct"]:
        draft.unit = "percent"
        context = True
    elif groups["permille"]:
        draft.unit = "percent"
        _scale(draft, 0.1)
        context = True
    elif groups["pp"]:
        draft.unit = "percentage_point"
        draft.counter = None
        context = True
    elif groups["cheng"]:
        draft.unit = "percent"
        _scale(draft, TENTHS_PERCENT)
        position = _read_cheng_digit(text, position, draft)
        context = True
    elif groups["zhe"]:
        _read_discount(draft)
        context = True
    elif groups["frac"]:
        return _read_fraction(text, tail, draft)
    elif groups["counter"]:
        _read_counter(groups["counter"], draft, magnitude_only=magnitude_only, mag=mag)
        context = True
    if not groups["suffix"] and (groups["pct"] or groups["cheng"] or groups["counter"]):
        position = _read_after_unit(text, position, draft)
        suffix = _SUFFIX_RE.match(text, position)
        if suffix is not None:
            groups["suffix"], position = suffix.group("suffix"), suffix.end()
    if groups["suffix"]:
        draft.qualifiers.append(groups["suffix"])
        draft.bounds.append(SUFFIX_QUALIFIERS[groups["suffix"]])
        context = True
    return position, context


#: Duration words after 个半 (两个半月, 一个半小时).
_HALF_DURATION_RE = re.compile("个半(?P<word>月|小时|世纪)")


def _read_after_unit(text: str, position: int, draft: Draft) -> int:
    """多/余 after the unit (两成多, 一倍多, 一年多: more than) and 半 (一年半 = 1.5 years, 两个半月)."""
    char = text[position:position + 1]
    follower = text[position + 1:position + 2]
    # only the "more than" words: 三年来 is "over the past three years", not "about three"
    if char and INFIX_QUALIFIERS.get(char) == "gt" and not (follower and follower in MORE_GUARD):
        draft.qualifiers.append(char)
        draft.bounds.append(INFIX_QUALIFIERS[char])
        return position + 1
    if char == HALF_WORD and draft.unit == "duration" and not (follower and follower in HALF_GUARD) and draft.value is not None:
        draft.value += 0.5
        return position + 1
    if draft.counter == "个" and draft.value is not None:
        half = _HALF_DURATION_RE.match(text, position - 1)
        if half is not None:
            draft.value += 0.5
            draft.counter = "个月" if half.group("word") == "月" else half.group("word")
            draft.unit = "duration"
            return half.end()
    return position


def _read_cheng_digit(text: str, position: int, draft: Draft) -> int:
    """三成五 = 35 %: one more digit after 成 names the next tenth of it (not when a numeral or 年 follows)."""
    digit = text[position:position + 1]
    if digit not in CHINESE_DIGITS or CHINESE_DIGITS[digit] == 0 or draft.value is None or draft.value_high is not None:
        return position
    follower = text[position + 1:position + 2]
    if follower and (follower in _CN_CHARS or follower in UNIT_WORDS or follower in "点成"):
        return position
    draft.value += CHINESE_DIGITS[digit]
    return position + 1


def _magnitude_scale(mag: str) -> int:
    scale = 1
    for char in mag:
        scale *= MAGNITUDES[char]
    return scale


def _numeral_span(numeral: str, is_arabic: bool) -> tuple[float, float] | None:
    """(low, high) of a numeral: equal ends for a plain number, two ends for 二三十 or 十几."""
    if is_arabic:
        value = _parse_arabic(numeral)
        return None if value is None else (value, value)
    span = parse_approximate_range(numeral)
    if span is not None:
        return float(span[0]), float(span[1])
    value = _cn_to_number(numeral)
    if value is not None:
        return value, value
    wildcard = parse_chinese_wildcard(numeral)
    return None if wildcard is None else (float(wildcard[0]), float(wildcard[1]))


def _looks_like_footnote_marker(text: str, start: int, end: int, numeral: str) -> bool:
    """A lone 1-2 digit number after 'CJK + space' and before punctuation is a footnote marker (形态 1。)."""
    if end - start > 2 or start < 2 or text[start - 1] != " ":
        return False
    previous = text[start - 2]
    if not ("\u4e00" <= previous <= "\u9fff") or previous in VALUE_VERB_CHARS:
        return False
    return end < len(text) and text[end] in "。，；："


def _merge_range(text: str, first: Draft, *, year: int | None, lenient: bool) -> None:
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
    if second is None or second.name_like or first.value is None:
        return
    conn = connector.group("conn")
    if first.unit is not None and second.unit is not None and first.unit != second.unit:
        return
    if _merge_month_range(first, second, connector.group("conn")):
        return
    if first.unit == "date" and second.unit == "date" and second.value is None and second.month is not None:
        second.value = first.value  # 2020年11月28日-12月03日: the year written once
    if second.value is None:
        return
    if first.unit is not None and second.unit is None:
        if first.unit == "date":
            return
        second.unit = first.unit
    if first.counter is not None and second.counter is not None and first.counter != second.counter:
        return
    if first.unit is None and second.unit is not None:
        # 3-5% / 六至八成 / 3至8亿元: the unit and scale written once apply to both ends.
        first.unit, first.currency, first.unit_symbol = second.unit, second.currency, second.unit_symbol
        if second.scale_applied and not first.scale_applied and first.value * second.scale <= second.value:
            first.value *= second.scale
    low, high = (first.value, first.month or 0), (second.value, second.month or 0)
    if conn not in ("到", "至") and not low < high:
        return  # 3-1 is not a range (a dash between unrelated numbers)
    if low > high:
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
    first.weak = False  # 六至八: the range is the context


def _merge_month_range(first: Draft, second: Draft, conn: str) -> bool:
    """1-6月, 1～9月: a bare month number before a month date is the start of a month range."""
    if first.unit is not None or first.counter is not None or second.unit != "date" or second.month is None:
        return False
    if second.month_high is not None or first.value is None or first.value != int(first.value):
        return False
    if not 1 <= first.value < second.month:
        return False
    first.unit, first.month, first.month_high = "date", int(first.value), second.month
    first.value = first.value_high = second.value
    first.bounds.append("range")
    first.end, first.consumed = second.end, second.consumed
    first.weak = False
    return True


def _scan(text: str, *, year: int | None, lenient: bool = False) -> list[Draft]:
    """All mention drafts of ``text`` in order of appearance."""
    drafts: list[Draft] = []
    resume = 0
    for core in _CORE_RE.finditer(text):
        if core.start() < resume:
            continue
        draft = _read_one(text, core, year=year, lenient=lenient, with_prefix=True)
        if draft is None:
            continue
        _merge_range(text, draft, year=year, lenient=lenient)
        if draft.weak:  # a bare Chinese numeral that no range (六至八) gave context
            continue
        if drafts and draft.start < drafts[-1].end:
            draft.start = drafts[-1].end  # a prefix never reaches into the previous mention
            while draft.start < draft.end and text[draft.start].isspace():
                draft.start += 1
        drafts.append(draft)
        resume = max(draft.consumed, core.end())
    _share_list_units(text, drafts)
    _link_pairs(text, drafts)
    return drafts




def _shares_unit(item: Draft, last: Draft) -> bool:
    if item.name_like or item.unit == "date" or item.bounds and "range" in item.bounds:
        return False
    if item.unit is None and item.counter is None:
        return True
    return last.unit == "percentage_point" and item.unit is None and item.counter == "个"


def _share_list_units(text: str, drafts: list[Draft]) -> None:
    """Give the items of a list the unit written once after its last item."""
    for index in range(len(drafts) - 1, 0, -1):
        last = drafts[index]
        if (last.unit is None and last.counter is None) or last.unit in ("date", "other") or last.name_like:
            continue
        item_index = index - 1
        while item_index >= 0:
            item, after = drafts[item_index], drafts[item_index + 1]
            gap = text[item.end:after.start]
            if not gap or len(gap) > 3 or not LIST_SEPARATORS.issuperset(gap) or not _shares_unit(item, last):
                break
            item.unit, item.currency, item.unit_symbol = last.unit, last.currency, last.unit_symbol
            item.counter = last.counter
            item_index -= 1


def _link_pairs(text: str, drafts: list[Draft], first_pair_id: int = 0) -> int:
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


def scan(text: str, *, year: int | None = None, finalise: bool = True) -> list[Draft]:
    """Every mention of ``text`` in order of appearance, as :class:`Draft` objects.

    ``finalise=False`` leaves defaults unfilled so that a caller can still attach footnotes first.
    """
    drafts = _scan(text, year=year)
    if finalise:
        for draft in drafts:
            draft.finalise()
    return drafts


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
