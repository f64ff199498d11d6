"""The general reading of one numeral core, for cores no whole-mention reader claimed: the value and
its Arabic continuation (1 056, 1亿2000万, 1/3), the words before it, date words, the tail, then
sign, currency and qualifier before it and a footnote marker after it.
"""
from __future__ import annotations

import re

from ._lexicon import (
    HALF_GUARD,
    ZERO_WORD_BEFORE,
    DISCOUNT_GUARD,
    DISCOUNT_WORD,
    DIVISION_COUNTERS,
    DOCUMENT_NUMBER_WORDS,
    HALF_PERCENT,
    HALF_WORD,
    INFIX_QUALIFIERS,
    LABEL_CODE_COPULAS,
    LABEL_CODE_NOUN_ENDS,
    LABEL_WORDS,
    PERCENTAGE_POINT_WORDS,
    PERCENT_SIGNS,
    PERMILLE_SIGN,
    RANK_WORD,
    SHORT_QUARTER_WORD,
    TENTHS_GUARD,
    TENTHS_WORD,
    UNIT_GUARDS,
    UNIT_WORDS,
    SPOKEN_MAGNITUDE_UNITS,
    VAGUE_PREFIXES,
    VAGUE_PREFIX_NOT_AFTER,
    VAGUE_PREFIX_NOT_BEFORE,
    WILDCARD_INTENSIFIER,
    WORTH_WORD,
)
from .draft import Draft, NOT_A_QUANTITY, _name_draft
from .codes import LABEL_WINDOW, opens_a_point, PROGRAMME_OR_DAY_AFTER, STATUTE_SECTIONS, heading_after_break, names_edition, names_programme_or_day, names_text_part
from .markers import looks_like_footnote_marker, numeral_stands_alone
from .names import _is_index_or_version
from .numerals import CHINESE_DIGITS, DECIMAL_POINT_WORD, FINANCIAL_NUMERALS, LIANG, MAGNITUDES, NO_LIANG_AFTER, SECTION_MAGNITUDES, WILDCARD_DIGIT
from .patterns import _ASCII_LETTERS, _CN_MAG_CHARS, _GAP, _GAP_CHAR_SET, _GAP_MAX, _SUFFIX_ALT
from .patterns import _TAIL_FIRST_CHARS, _TAIL_MAG_CHARS, _alternation, _by_first_char_alternation, _char_after_gap
from .patterns import _char_before_gap, _guarded_split, _infix_pattern
from .patterns import _cn_to_number, _parse_approximate_range, _parse_arabic, _parse_chinese_wildcard
from .prefixes import (
    COMPARISON_WORD,
    _may_have_prefix,
    _read_currency_prefix,
    _read_top_rank,
    _read_prefix_qualifier,
    _read_sign,
    NEGATIVE_GROWTH_LAST,
    TOP_RANK_OR_SPACE,
    top_rank_before,
)
from .readers import _candidate_readers, _may_be_special, _set_quarter
from .centuries import PERIOD_FIRST_CHARS, read_period
from .dates import DATE_WORDS, MONTHS_COUNTER, QUARTER_WORD, read_date, read_first_months, read_quarter_count, read_relative_year, read_short_quarter, relative_year_before
from .fractions import FRACTION_PART_AFTER_SPACE, FRACTION_PART_TRIGGERS, SLASHES
from .fractions import may_start_fraction_part, read_fraction_part, read_slash_fraction
from .models import TITLE_OPENERS, fills_title, model_line_before, title_opened_at
from .latin import NOTATION_AFTER_SPACE, NOTATION_TRIGGERS, latin_name_span, may_start_notation, notation_magnitude, read_notation
from .mixed import MIXED_AFTER_SPACE, MIXED_TRIGGERS, may_start_mixed, read_mixed_magnitudes
from .spaced import SPACED_DECIMAL_TRIGGERS, read_spaced_arabic, read_spaced_discount
from .tails import _read_tail, tail_fields_getter
from .trillion import MONEY_TRILLION, money_trillion_value, read_trillion_after_currency
from .context import CONTEXT_AFTER_CHARS, SPACED_RATE_STEP, read_in_context
from .rates import PER_PERIOD_CLASSES, RATE_BASE_FIRST, per_word_near, read_per_unit_before, read_rate_per_base


def _unit_pattern(word: str) -> tuple[str, str]:
    """The pattern of a unit word as (its first character, the rest): the guards, and the characters that
    must stand before the word (its ``after``), checked once its first character is matched."""
    first, rest = _guarded_split(word, UNIT_GUARDS, behind=False)
    if UNIT_WORDS[word].after:
        rest = f"(?<=[{UNIT_WORDS[word].after}]{re.escape(word[0])}){rest}"
    if UNIT_WORDS[word].before:  # t/h: a unit only before the slash of a compound
        rest = f"{rest}(?=[{re.escape(UNIT_WORDS[word].before)}])"
    if word[-1].isdigit():  # m2, km2: a symbol's exponent, not the start of a code (07m22021)
        rest += "(?![0-9])"
    return first, rest + "(?![A-Za-z])" if UNIT_WORDS[word].latin else rest


_COUNTER_ALT = _by_first_char_alternation(_unit_pattern(w) for w in sorted(UNIT_WORDS, key=len, reverse=True))
#: Unit words that begin with a magnitude character (千瓦, 千克, 千米): the magnitude run stops before them, so
#: 1200万千瓦 is 1200 x 10^4 kW, 0.75千分点 0.075 pp; a unit carrying its magnitude as a scale (万元) is no such word.
_MAGNITUDE_LED_UNITS: tuple[str, ...] = tuple(w for w, info in UNIT_WORDS.items() if w[0] in MAGNITUDES and info.scale <= 1.0) + tuple(
    w for w in PERCENTAGE_POINT_WORDS if w[0] in MAGNITUDES  # 0.2百分点: percentage points, not 0.2百 (20)
)
_MAG_UNIT_FREE = rf"(?!{_alternation(_MAGNITUDE_LED_UNITS)})"
_MAG_ONE = rf"{_MAG_UNIT_FREE}(?:[{_TAIL_MAG_CHARS}]|{MONEY_TRILLION})"  # 3兆元: 兆 = 10^12 before money
#: A run of magnitudes, one space of PDF text allowed between a magnitude and a higher one after it, as compounds
#: rise (1.2万 亿元 = 1.2万亿元, 3千 万元; not 亿 亿 or 億 万); _read_tail drops the space.
_MAG_SPACED = "(?:[万萬][ \u3000][亿億]|[十百千][ \u3000][万萬亿億])"
_MAG_RUN = rf"(?:(?:{_MAG_ONE}){{0,2}}{_MAG_SPACED}|(?:{_MAG_ONE}){{1,4}})"
#: 个百分点 as typed with spaces between its characters (六 个 百 分 点); one or two spaces at most.
_SPACED_PP_ALT = "|".join(
    "[ ]{0,2}".join(re.escape(char) for char in word) for word in sorted(PERCENTAGE_POINT_WORDS, key=len, reverse=True)
)
#: 分 with 之 left out, as Cantonese and quick speech say a share (三分一 = 1/3, 五分二): one Chinese digit after it that
#: ends the phrase (no Han character after it: 十分一致 is "very consistent").
_SPOKEN_FRACTION = rf"分(?=[{''.join(digit for digit, value in CHINESE_DIGITS.items() if value)}](?![\u4e00-\u9fff]))"
_INFIX_ALT = "|".join(_infix_pattern(w) for w in sorted(INFIX_QUALIFIERS, key=len, reverse=True))
_SECTION_MAG_CHARS = "万萬亿億"
_TAIL_RE = re.compile(
    # a magnitude (at most 万亿-style compounds), then 余/多 (17 万多), perhaps a higher section magnitude after
    # it (3万多亿, 3百多万: mag3); or 余/多 then 万/亿 (10 余万, 十多亿)
    rf"(?:{_GAP}(?:(?P<mag>{_MAG_RUN})(?!{_MAG_UNIT_FREE}[{_TAIL_MAG_CHARS}]|(?<![{_SECTION_MAG_CHARS}])度)(?:{_GAP}(?P<infix>{_INFIX_ALT})"
    rf"(?:{_GAP}(?P<mag3>[{_SECTION_MAG_CHARS}]{{1,2}})(?!{_MAG_UNIT_FREE}[{_TAIL_MAG_CHARS}]|(?<![{_SECTION_MAG_CHARS}])度))?)?"
    rf"|(?P<infix2>{_INFIX_ALT})(?:{_GAP}(?P<mag2>[{_SECTION_MAG_CHARS}]{{1,2}})(?!{_MAG_UNIT_FREE}[{_TAIL_MAG_CHARS}]|(?<![{_SECTION_MAG_CHARS}])度))?))?"
    rf"(?:{_GAP}(?:(?P<pct>{_alternation(PERCENT_SIGNS)})|(?P<pp>{_SPACED_PP_ALT})"
    rf"|(?P<cheng>{TENTHS_WORD})(?![{TENTHS_GUARD}])"
    rf"|(?P<frac>分[ ]{{0,2}}之|{_SPOKEN_FRACTION})|(?P<permille>{PERMILLE_SIGN})|(?P<zhe>{DISCOUNT_WORD})(?![{DISCOUNT_GUARD}])"
    rf"|(?P<counter>{_COUNTER_ALT})))?"
    rf"(?:{_GAP}(?P<suffix>{_SUFFIX_ALT}))?"
)
_TAIL_FIELDS = tail_fields_getter(_TAIL_RE)
_FOOTNOTE_RE = re.compile(r"[ ]?(?P<fn>[1-9])(?=[。，；：、,;:）)\s]|[.](?!\d)|\Z)")
_FOOTNOTE_FIRST: frozenset[str] = frozenset(" 123456789")  # what a match of _FOOTNOTE_RE begins with
_LABEL_LAST_CHARS: frozenset[str] = frozenset(word[-1] for word in LABEL_WORDS)
#: Between a label word and its digits: a space or a colon (图 3, 股票代码：600519).
_LABEL_GAP = " ：:"
#: Nouns of numbering (ending in 号 or 码), which may stand before their digits with a copula (验证码是4827).
_CODE_NOUNS: tuple[str, ...] = tuple(word for word in LABEL_WORDS if word[-1] in LABEL_CODE_NOUN_ENDS)
_LABEL_BEFORE_GAP_CHARS: frozenset[str] = _LABEL_LAST_CHARS | frozenset(LABEL_CODE_COPULAS)
_LABEL_BEFORE_CHARS: frozenset[str] = _LABEL_BEFORE_GAP_CHARS | frozenset(_LABEL_GAP)
#: After a label's digits: more parts (表 4-2, 1.3) and a closing 号 with a serial (京ICP备12345678号-1).
_LABEL_TAIL_RE = re.compile(r"(?:[-－.．—–][0-9０-９]+)*(?:[ ]?号(?:[-－][0-9０-９]+)?)?")  # 图1—1: a dash of a figure's number too


#: Unit words of an ordinal (楼, a floor): after a label of an address they label too (政府大樓 19 樓).
_ORDINAL_UNIT_WORDS: frozenset[str] = frozenset(word for word, info in UNIT_WORDS.items() if info.unit == "rank")

#: Characters that are both the digit ten and a magnitude (十万 = 一十万).
_TEN_CHARS = "十拾"


_CONTINUATION_TRIGGERS: frozenset[str] = NOTATION_TRIGGERS | MIXED_TRIGGERS | SLASHES | SPACED_DECIMAL_TRIGGERS
#: After a space, what may begin a continuation (2.3 ×10^5, 7 万 5 千, thousands 1 056) or a joined fraction (1 3/5).
_SPACED_GROUP_FIRST: frozenset[str] = frozenset("0123456789")
_AFTER_SPACE_CONTINUATION: frozenset[str] = (
    NOTATION_AFTER_SPACE | MIXED_AFTER_SPACE | _SPACED_GROUP_FIRST | FRACTION_PART_AFTER_SPACE | frozenset(" .．")
)


def _may_continue(text: str, end: int) -> bool:
    """Cheap test whether a continuation (:func:`_read_arabic_continuation`) or a joined fraction may follow the
    Arabic number ending at ``end``: most are followed by a word, or by a space and a word (1200 家)."""
    char = text[end:end + 1]
    if char == " ":
        return text[end + 1:end + 2] in _AFTER_SPACE_CONTINUATION
    return char in _CONTINUATION_TRIGGERS or char in FRACTION_PART_TRIGGERS


def _read_arabic_continuation(text: str, draft: Draft) -> bool:
    """Extend an Arabic number: PDF thousands spaces (1 056), compound magnitudes (1亿2000万, 3万4000),
    a slash fraction (1/3 = 33.3 %). Returns whether the continuation makes it a quantity."""
    start, end = draft.start, draft.end
    char = text[end:end + 1]
    if char not in _CONTINUATION_TRIGGERS:  # most numbers: a unit, a word or punctuation follows
        return False
    if char in NOTATION_TRIGGERS and draft.value is not None and may_start_notation(text, end):
        notation = read_notation(text, start, end, draft.value)
        if notation is not None:
            draft.value, draft.end = notation
            draft.consumed = draft.end
            if (magnitude := notation_magnitude(text, draft.end)) is not None:
                draft.scale, draft.scale_applied = float(magnitude), True
            return True
    if char in MIXED_TRIGGERS and draft.value is not None and may_start_mixed(text, end):
        mixed = read_mixed_magnitudes(text, end, draft.value, _MAGNITUDE_LED_UNITS)
        if mixed is not None:
            draft.value, draft.end, draft.scale = mixed
            draft.consumed, draft.scale_applied = draft.end, True
            return True
    if char == " " and (discount := read_spaced_discount(text, start, end)) is not None:  # 7 2 折 = 72 %
        (draft.value, draft.end), draft.consumed = discount, discount[1]
        return True
    if char in SPACED_DECIMAL_TRIGGERS and (spaced := read_spaced_arabic(text, start, end)) is not None:
        draft.value, draft.end = spaced  # 1 056 (PDF thousands), 12 . 5 %, 3·5%
        draft.consumed = draft.end
        return False
    if char in SLASHES:
        fraction = read_slash_fraction(text, start)
        # a share is written before 的 and its noun (1/3的企业); before a counter or a unit the slash joins two
        # amounts of it (单价5/10元, 3/5次: a list sharing the unit), no fraction
        if fraction is not None and _TAIL_RE.match(text, fraction[1]).group("counter") is None:
            draft.value, draft.unit = fraction[0], "percent"
            draft.end = draft.consumed = fraction[1]
            return True
    return False


_ZERO = "零"


def _before_magnitude_led_unit(text: str, start: int, end: int, numeral: str) -> tuple[int, int, str]:
    """Give back a trailing magnitude that begins a unit word (一千二百万千瓦: 千 belongs to 千瓦), the 零 of a word
    before the numeral (找零两角), and a trailing 两 that cannot be a digit (三十两, 二两: NO_LIANG_AFTER) unless in a
    span (一两个, 三两天). The 零 goes first: once it is given back, 两 is the numeral's only digit."""
    if len(numeral) > 1 and numeral[-1] in MAGNITUDES and text.startswith(_MAGNITUDE_LED_UNITS, end - 1):
        if len(numeral) == 2 and numeral[0] in CHINESE_DIGITS and text.startswith(SPOKEN_MAGNITUDE_UNITS, end - 1):
            return start, end, numeral  # 五千米 = 5000 m, as it is spoken
        return start, end - 1, numeral[:-1]
    if len(numeral) > 1 and numeral[0] == _ZERO and CHINESE_DIGITS.get(numeral[1]) and (
        numeral[1] in FINANCIAL_NUMERALS or numeral[2:3] in MAGNITUDES and numeral[2:3] or text[start - 1:start] in ZERO_WORD_BEFORE
    ):
        return start + 1, end, numeral[1:]  # 找零叁拾元, 找零捌角: no numeral opens with 零, which ends the word before it
    if len(numeral) > 1 and numeral[-1] == LIANG and numeral[-2] in NO_LIANG_AFTER and _parse_approximate_range(numeral) is None:
        return start, end - 1, numeral[:-1]
    return start, end, numeral


class _Reading:
    """What the general reading of one numeral core has found so far (beside the Draft it fills)."""

    __slots__ = (
        "text", "start", "end", "numeral", "is_arabic", "magnitude_only", "span_kind", "context", "prefix_end",
        "vague_prefix", "rank", "position", "year",
    )

    def __init__(self, text: str, start: int, end: int, numeral: str, is_arabic: bool) -> None:
        self.text, self.start, self.end, self.numeral, self.is_arabic = text, start, end, numeral, is_arabic
        self.magnitude_only = (not is_arabic) and not numeral.strip(_CN_MAG_CHARS)  # every character a magnitude
        self.span_kind: str | None = None  # "wildcard" (十几) or "adjacent" (七八): no year, no month
        self.context = False  # something marks the numeral as an amount (unit, qualifier, date word ...)
        self.prefix_end = start  # where the words before the number begin
        self.vague_prefix: str | None = None
        self.rank = False
        self.position = end  # where the words after the number end
        self.year: int | None = None  # the document year (今年一季度)


def _read_one(text: str, core: re.Match, *, year: int | None, lenient: bool, with_prefix: bool) -> Draft | None:
    """Read the quantity around one numeral core, or None when it is not a quantity."""
    start, end = core.span()
    kind = core.lastgroup
    readers = _candidate_readers(kind, text, start, end)  # first: for most Arabic cores no trigger holds, and then
    if readers and (kind != "arabic" or _may_be_special(text, start, end)):  # _may_be_special need not be asked
        for reader in readers:
            found = reader(text, core, with_prefix)
            if found is not None:
                if found is NOT_A_QUANTITY:
                    return None
                if found.unit == "date" and found.value is None and found.month is not None and with_prefix:
                    relative = relative_year_before(text, found.start, year)  # 今年上半年: in the document's year
                    if relative is not None:
                        found.start, found.value = relative
                return found
    numeral = core.group()
    if kind != "arabic":
        numeral = numeral.replace(" ", "")  # 一百 五 十 二, glued by the scanner (spaced.py)
        start, end, numeral = _before_magnitude_led_unit(text, start, end, numeral)
    reading = _Reading(text, start, end, numeral, kind == "arabic")
    reading.year = year
    draft = _read_number(reading)
    if with_prefix:
        label = _read_before(reading, draft)
        if label is not None:
            return label
    after = text[reading.end:reading.end + 1]
    next_char = after
    if after in _GAP_CHAR_SET:  # (most have no gap, or one space: no call)
        next_char = text[reading.end + 1:reading.end + 2]
        if next_char in _GAP_CHAR_SET:
            next_char = _char_after_gap(text, reading.end)
    if next_char and after in _GAP_CHAR_SET and "\n" in text[reading.end:reading.end + _GAP_MAX] and (
        heading_after_break(text, reading.end)  # (a line break in the gap right after the number only)
    ):
        next_char = ""  # 增长了12\n本章小结\n: the next line is a heading, not the number's tail
    if next_char in PERIOD_FIRST_CHARS and read_period(reading, draft, year=year, with_prefix=with_prefix):
        pass  # 21世纪, 20世纪90年代, 上世纪80年代: a century or a decade
    elif next_char in DATE_WORDS:  # 2019 年, 3 月
        read_date(reading, draft, next_char, year=year, with_prefix=with_prefix)
    if draft.unit != "date" and next_char in _TAIL_FIRST_CHARS:
        tail = _TAIL_RE.match(text, reading.position)
        if tail.end() > reading.position:
            fields = _TAIL_FIELDS(tail.groups())
            reading.position, tail_context = _read_tail(text, tail, fields, draft, magnitude_only=reading.magnitude_only)
            reading.context = reading.context or tail_context
    elif next_char in RATE_BASE_FIRST and draft.unit is None:
        reading.position = read_rate_per_base(text, reading.position, draft)  # 发病率为472.15/10万
    draft.end = reading.position
    if with_prefix:
        replaced = _apply_prefix(reading, draft)
        if replaced is not None:
            return replaced
    return _finish(reading, draft, lenient=lenient, with_prefix=with_prefix)


_POINTS = frozenset(".．")


def _leads_with_point(text: str, start: int) -> bool:
    """Whether the point before the digits at ``start`` begins a decimal (.5, -.5, 增长.5%), not the end of
    a code or a run of points (2.5.1, A.5, ...5)."""
    before = text[start - 2:start - 1] if start > 1 else ""
    return not ((before.isascii() and before.isalnum()) or before in _POINTS)


def _half_of_magnitude(text: str, end: int, numeral: str) -> bool:
    """一亿半, 两万半: one digit and 万 or 亿, then 半 (a half of the magnitude), not 半 starting a word (半导体)."""
    if len(numeral) != 2 or numeral[0] not in CHINESE_DIGITS or numeral[1] not in SECTION_MAGNITUDES:
        return False
    follower = text[end + 1:end + 2]
    return text[end:end + 1] == HALF_WORD and not (follower and follower in HALF_GUARD)


def _read_number(reading: _Reading) -> Draft:
    """The numeral's value: plain, an adjacent-digit span (七八), a 几 span (十几), an Arabic continuation."""
    numeral, text = reading.numeral, reading.text
    if reading.is_arabic and reading.start > 0 and text[reading.start - 1] in _POINTS and numeral.isdigit() and _leads_with_point(text, reading.start):
        reading.start = reading.prefix_end = reading.start - 1  # .5, -.5: a decimal written without its 0
        numeral = reading.numeral = "0." + numeral
    value = _parse_arabic(numeral) if reading.is_arabic else _cn_to_number(numeral)
    if value is None and not reading.is_arabic:
        value = money_trillion_value(text, numeral, reading.end)  # 三兆元, 兆美元: 10^12 before money
    span = None
    if not reading.is_arabic and len(numeral) > 1:
        span = _parse_approximate_range(numeral)  # 七八, 一两万, 二三十: (low, high)
        reading.span_kind = None if span is None else "adjacent"
        if span is None and value is None and WILDCARD_DIGIT in numeral:
            span = _parse_chinese_wildcard(numeral)  # 十几, 二十几, 一百几十: (low, high)
            reading.span_kind = None if span is None else "wildcard"
    intensified = span is None and numeral[-1] in MAGNITUDES and text.startswith(WILDCARD_INTENSIFIER + WILDCARD_DIGIT, reading.end)
    if intensified:  # 五十好几 reads as 五十几 = 51..59, 一百好几十 as 一百几十 = 110..190
        lower = reading.end + 2
        while text[lower:lower + 1] in MAGNITUDES:
            lower += 1
        if lower > reading.end + 2 or numeral[-1] in _TEN_CHARS:
            span = _parse_chinese_wildcard(numeral + text[reading.end + 1:lower])
        if span is not None:
            reading.span_kind, reading.end = "wildcard", lower
    draft = Draft(reading.start, reading.end, value if span is None else float(span[0]))
    if span is not None:
        draft.value_high = float(span[1])
        draft.bounds.append("range")  # 几 is a digit left open, 七八 two digits side by side: both a span
        if reading.span_kind == "wildcard":
            draft.qualifiers.append(WILDCARD_INTENSIFIER + WILDCARD_DIGIT if intensified else WILDCARD_DIGIT)
            reading.context = True
    elif value is None and not reading.is_arabic:
        draft.bounds.append("vague")  # 一二三十, a run past MAX_NUMERAL_CHARS: no value, never a wrong one
    if reading.is_arabic:
        if not _may_continue(text, draft.end):
            return draft  # reading.end and reading.position are still draft.end
        reading.context = _read_arabic_continuation(text, draft)
    elif numeral == "一" and text[reading.end:reading.end + 1] == HALF_WORD:  # 一半 = 50 %
        draft.value, draft.unit = HALF_PERCENT, "percent"
        draft.end += 1
        reading.context = True
    elif value is not None and _half_of_magnitude(text, reading.end, numeral):  # 一亿半 = 1.5亿, 两万半 = 2.5万
        draft.value = value + MAGNITUDES[numeral[-1]] / 2
        draft.end += 1
    if text[draft.end:draft.end + 1] in FRACTION_PART_TRIGGERS and draft.value is not None and draft.unit is None and draft.value_high is None and draft.value == int(draft.value) and (
        may_start_fraction_part(text, draft.end)
    ):
        part = read_fraction_part(text, draft.start, draft.end)  # 三又二分之一 = 3.5, 1 3/5 = 1.6
        if part is not None:
            draft.value += part[0]
            draft.end = draft.consumed = part[1]
            reading.context = True
    reading.end = reading.position = draft.end
    return draft


#: Units no denominator written first makes a rate of (read_per_unit_before decides the rest).
_NO_PER_UNITS = frozenset({None, "count", "rate", "percent"})


def _completes_word(text: str, start: int, before: str) -> bool:
    """Whether the vague prefix ``before`` (right before ``start``) ends the word or verb before it: 以上, 走上."""
    preceding = text[start - 2:start - 1]
    return bool(preceding) and preceding in VAGUE_PREFIX_NOT_AFTER.get(before, "")


def _read_before(reading: _Reading, draft: Draft) -> Draft | None:
    """Words glued before the number: 数/几/上 (vague), 第 (rank), 图/表 (a label, returned as a name)."""
    text, start = reading.text, reading.start
    before = text[start - 1] if start > 0 else ""
    if reading.magnitude_only and before in VAGUE_PREFIXES and not _completes_word(text, start, before) and (
        not text.startswith(VAGUE_PREFIX_NOT_BEFORE, reading.end)
    ):
        reading.vague_prefix, reading.prefix_end = before, start - 1
        if before == WILDCARD_DIGIT:
            if text[start - 2:start - 1] == WILDCARD_INTENSIFIER:  # 好几百 reads as 几百
                reading.vague_prefix, reading.prefix_end = WILDCARD_INTENSIFIER + before, start - 2
            span = _parse_chinese_wildcard(before + reading.numeral)  # 几十 = 20..90, 几百万
            if span is not None:
                draft.value, draft.value_high = float(span[0]), float(span[1])
    elif reading.span_kind == "wildcard" and before == WILDCARD_DIGIT and reading.numeral[0] in MAGNITUDES:
        span = _parse_chinese_wildcard(WILDCARD_DIGIT + reading.numeral)  # 几十几 = 21..99: one wildcard qualifier
        if span is not None:
            draft.value, draft.value_high = float(span[0]), float(span[1])
            reading.prefix_end = start - 1
    elif before == RANK_WORD or (before == " " and text[start - 2:start - 1] == RANK_WORD):
        reading.rank = True
        reading.prefix_end = start - 1 if before == RANK_WORD else start - 2
    elif (
        reading.is_arabic and start > 0 and text[start - 1] in _LABEL_BEFORE_CHARS
        and _char_before_gap(text, start, LABEL_WINDOW, _LABEL_GAP) in _LABEL_BEFORE_GAP_CHARS
    ):
        near = text[max(0, start - LABEL_WINDOW - 1):start].rstrip(_LABEL_GAP)
        words = LABEL_WORDS
        if near[-1:] in LABEL_CODE_COPULAS:  # 验证码是4827: only a noun of numbering takes a copula
            near, words = near[:-1], _CODE_NOUNS
        # one C-level endswith over all the words first: most spaces before a number follow no label
        word = next((word for word in words if near.endswith(word)), None) if near.endswith(words) else None
        label = None if word is None else _LABEL_TAIL_RE.match(text, reading.end)
        tail = None if label is None else _TAIL_RE.match(text, label.end())
        # 图 3, 表 4-2, 附件 2; and an ordinal after a label of an address (政府大樓 19 樓: the floor of a named building)
        if tail is not None and (tail.end() == label.end() or tail.group("counter") in _ORDINAL_UNIT_WORDS):
            return _name_draft(max(0, start - LABEL_WINDOW - 1) + len(near) - len(word), label.end(), draft.value)
    if reading.is_arabic and (
        _is_index_or_version(text, start, reading.end)
        or ((text[reading.end:reading.end + 1] in PROGRAMME_OR_DAY_AFTER or text[start:reading.end] in STATUTE_SECTIONS)
            and names_programme_or_day(text, start, reading.end))
    ):
        return _name_draft(start, reading.end, draft.value)
    return None


def _apply_prefix(reading: _Reading, draft: Draft) -> Draft | None:
    """Vague prefix, minus sign, currency, qualifier and rank before the number; a label or quarter replaces it."""
    text = reading.text
    if draft.counter is None and draft.unit is None and text.startswith(SHORT_QUARTER_WORD, draft.end + (text[draft.end:draft.end + 1] in " \u3000")) and (
        (season := read_short_quarter(reading, draft)) is not None  # (its first test, without the call; 第3 季 of PDF text)
    ):
        return season  # 第三季业绩 (a quarter), 首三季, 这档节目第三季 (a season: a label)
    words_before = _may_have_prefix(text, reading.prefix_end)
    before = text[reading.prefix_end - 1:reading.prefix_end]  # (for the two tests below: no prefix read yet)
    if reading.vague_prefix is not None:
        draft.qualifiers.insert(0, reading.vague_prefix)
        draft.bounds.append("range" if reading.vague_prefix.endswith(WILDCARD_DIGIT) else "vague")
        if draft.value is not None and draft.value_high is None:
            draft.value_high = draft.value * 10
        reading.context = True
    elif not reading.rank and before in TOP_RANK_OR_SPACE and top_rank_before(text, reading.prefix_end):
        reading.prefix_end, found_rank = _read_top_rank(text, draft, reading.prefix_end)  # 位居前三
        reading.context = reading.context or found_rank
    elif words_before or before in NEGATIVE_GROWTH_LAST:
        sign_at = _read_sign(text, draft, reading.prefix_end)  # -3.5%, 负12.6%, 负增长3.2%
        reading.context = reading.context or sign_at < reading.prefix_end  # 负五: a sign makes a bare numeral a number
        reading.prefix_end = sign_at
    if words_before:
        reading.prefix_end, found_currency = _read_currency_prefix(text, draft, reading.prefix_end)
        if found_currency and draft.unit == "currency" and read_trillion_after_currency(text, draft):
            reading.position = draft.end  # 新台幣1兆: 10^12
        reading.prefix_end, found_qualifier = _read_prefix_qualifier(text, draft, reading.prefix_end)
        reading.context = reading.context or found_currency or found_qualifier
    if text[draft.end:draft.end + 1] in CONTEXT_AFTER_CHARS or draft.unit in PER_PERIOD_CLASSES or text[
        reading.prefix_end - 1:reading.prefix_end] == COMPARISON_WORD or text.startswith(SPACED_RATE_STEP, draft.end):
        read_in_context(reading, draft)
    if draft.unit not in _NO_PER_UNITS and per_word_near(text, reading.start):
        read_per_unit_before(text, draft, reading.start, reading.prefix_end)  # 每立方米75微克, 每千克30元
    if reading.rank:
        if draft.counter in DIVISION_COUNTERS and names_text_part(text, reading.prefix_end, draft.end, draft.counter) or (
            names_edition(text, reading.prefix_end, draft.end, draft.counter)  # 第一节, 本法第三条 (第三条高速公路 is a rank), 第六届论坛
        ):
            return _name_draft(reading.prefix_end, draft.end, draft.value)
        if draft.counter is None and opens_a_point(text, reading.prefix_end, draft.end):
            return _name_draft(reading.prefix_end, draft.end, draft.value)  # 。第一，要坚持: "firstly"
        word_at = draft.end + (text[draft.end:draft.end + 1] in " \u3000")  # 第 1185 號: spaced as wires write it
        number_word = next((word for word in DOCUMENT_NUMBER_WORDS if text.startswith(word, word_at)), None)
        if draft.counter is None and number_word is not None:  # 2024年第5号公告: a document's number
            return _name_draft(reading.prefix_end, word_at + len(number_word), draft.value)
        if draft.counter == QUARTER_WORD and draft.value in (1, 2, 3, 4):  # 第三季度: a quarter, year unstated
            _set_quarter(draft, int(draft.value))
            draft.value, draft.counter = None, None
            read_relative_year(reading, draft)  # 去年第四季度
            draft.start = reading.prefix_end
            return draft
        draft.unit = "rank"
        reading.context = True
    elif draft.counter == QUARTER_WORD and draft.value in (1, 2, 3, 4):
        read_quarter_count(reading, draft)
    elif draft.counter == MONTHS_COUNTER:
        read_first_months(reading, draft)  # 前9个月
    if draft.unit is None and draft.counter is None and text.endswith(WORTH_WORD, 0, reading.prefix_end):
        draft.unit, draft.currency = "currency", "CNY"  # 价值千万级的技术资源: money with 元 left implicit
    draft.start = reading.prefix_end
    return None


def _finish(reading: _Reading, draft: Draft, *, lenient: bool, with_prefix: bool) -> Draft | None:
    """Weak bare numerals, Latin names (iPhone 12), footnote markers (形态 1。), a marker glued after (27%3)."""
    text, start, end, numeral = reading.text, reading.start, reading.end, reading.numeral
    if not reading.is_arabic and not reading.context and not lenient:
        # A bare Chinese numeral is a quantity only when it is a real multi-character number such as
        # 十五万六千; single characters and bare magnitudes (千万 "by all means") need context.
        # An unreadable run without context is no quantity either (一五一十 "in full detail"). A leading
        # 十 is the digit ten as well as a magnitude, so 十万 and 十亿 are numbers by themselves.
        if len(numeral) < 2 or (reading.magnitude_only and numeral[0] not in _TEN_CHARS) or not any(char in MAGNITUDES for char in numeral) or (
            draft.value is None
        ):
            # 零点五 is a number by itself; so is a numeral standing alone (a line, “五”, 是五。: markers.py)
            alone = draft.value is not None and numeral_stands_alone(text, start, end, numeral)
            draft.weak = DECIMAL_POINT_WORD not in numeral and not alone
    if reading.is_arabic and not reading.context and with_prefix and start > 1:
        if text[start - 2] in _ASCII_LETTERS and (text[start - 1] == " " or text[start - 1] == "." and text[start - 3:start - 2] in _ASCII_LETTERS):
            # A Latin word, a space and a number that nothing marks as an amount is a name: iPhone 12,
            # Windows 10, Python 3, GB/T 20000-2014, and a dot for the space (ID.4) (with a counter, unit or % it stays one:
            # AI 4000 种).
            left, right = latin_name_span(text, start, end)
            return _name_draft(left, right, draft.value)
        if (line_start := model_line_before(text, start)) is not None:
            return _name_draft(line_start, end, draft.value)  # 骁龙845, 国窖1573: a model of a product line
        if looks_like_footnote_marker(text, start, end, numeral):
            return None
    if (not reading.context or draft.unit == "date" or not reading.is_arabic) and with_prefix and (
        title_end := title_opened_at(text, start, end)
    ) is not None:  # (a year opening the title too: 《2024年世界能源展望》; Chinese numerals with a counter: 《百年孤独》)
        return _name_draft(start - 1, title_end, draft.value)  # 《2018城市商业魅力排行榜》: a work's title
    if with_prefix and text[draft.start - 1:draft.start] in TITLE_OPENERS and fills_title(text, draft.start, draft.end):
        return _name_draft(draft.start - 1, draft.end + 1, draft.value)  # 《十年》, 《1984》: the whole title
    draft.consumed = draft.end
    glued = draft.qualifiers and draft.end == reading.position and text[draft.end - 1:draft.end] in "上下右内+＋%％"
    after_unit = draft.unit not in _COUNT_LIKE_UNITS and draft.counter is not None and text.endswith(draft.counter, 0, draft.end)
    if (draft.unit == "percent" or glued or after_unit) and text[draft.end:draft.end + 1] in _FOOTNOTE_FIRST:  # 27%3, 40% 以上 4
        footnote = _FOOTNOTE_RE.match(text, draft.end)  # 128.6亿元1
        if footnote is not None:
            draft.footnote = int(footnote.group("fn"))
            draft.consumed = footnote.end()
    return draft


#: Units after which a glued digit is no footnote marker but may be read on (3个1, 2021年1月).
_COUNT_LIKE_UNITS = frozenset({None, "count", "date", "rank", "duration"})
