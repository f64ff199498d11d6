"""Readers of what follows a number: magnitudes, fractions (分之), discounts (折), counters and
units (with their scale, currency and symbol), half durations (个半月) and 成 digits, and the tail dispatch
:func:`_read_tail` that applies what ``_TAIL_RE`` found.
"""
from __future__ import annotations

import math
import re
from operator import itemgetter

from ._lexicon import (
    DURATION_PARTS,
    UNIT_DECIMAL_UNITS,
    PER_UNIT_SLASHES,
    CHENG_DIGIT_FOLLOWERS,
    COUNTED_MAGNITUDE_COUNTER,
    COUNTED_MAGNITUDES,
    FRACTION_SUFFIXES,
    FRACTION_SUFFIX_GUARDS,
    GE_DURATIONS,
    HALF_AFTER_UNITS,
    HALF_GUARD,
    HALF_WORD,
    SHARE_CENTS,
    INFIX_GUARDS,
    INFIX_QUALIFIERS,
    MEASURE_ADJECTIVES,
    MEASURE_APPROX_WORD,
    MIXED_FRACTION_WORD,
    COUNTERS_IN_CONTEXT,
    DECLARED_COUNT_NOUNS,
    MONEY_COUNTERS,
    MONEY_IMPLICIT_SUBUNITS,
    MONEY_SUBUNITS,
    MORE_GUARD,
    ORDER_OF_MAGNITUDE_BARE_ONLY,
    ORDER_OF_MAGNITUDE_WORDS,
    PERCENTAGE_POINT_WORDS,
    RATE_POINT_GUARD,
    RATE_POINT_NOUNS,
    RATE_POINT_WINDOW,
    RATE_POINT_WORD,
    SUFFIX_NOT_AFTER,
    SUFFIX_QUALIFIERS,
    UNIT_GUARDS,
    UNIT_WORDS,
    WITHIN_UNITS,
    WITHIN_WORD,
    TENTHS_WORD,
)
from ._lexicon import CounterInContext, MoneyCounter
from .draft import Draft
from .durations import PART_FIRST_CHARS, read_duration_part, read_unit_decimals
from .latin import may_start_notation, read_notation
from .rates import read_per_unit
from .spaced import SPACED_AFTER_CHARS, glue_spaced_core
from .numerals import CHINESE_DIGITS, FULLWIDTH_TO_ASCII, LIANG, MAGNITUDES, WILDCARD_DIGIT, magnitude_scale, scaled
from .numerals import parse_approximate_range, parse_chinese_wildcard
from .patterns import _CN_CHARS, _CORE_RE, _MINUS_WORDS, _SUFFIX_FIRST_CHARS, _SUFFIX_RE, _char_after_gap, _cn_to_number
from .patterns import _parse_arabic, clause_before, is_han, sentence_before, unit_word_at

#: A numerator that begins with the wildcard 几 (百分之几十 = 20..90 %, 千分之几: a few per mille, vague).
_WILDCARD_NUMERATOR_RE = re.compile(rf"(?P<cn>{WILDCARD_DIGIT}[{_CN_CHARS}{WILDCARD_DIGIT}]*)")

#: Suffix that turns a bare magnitude into an order of magnitude: 百万级 = 10^6..10^7 (the shortest of
#: [order_of_magnitude] words, the one a counter may be).
ORDER_OF_MAGNITUDE_SUFFIX = ORDER_OF_MAGNITUDE_WORDS[-1]


def _scale(draft: Draft, factor: float) -> None:
    """Multiply both ends of a draft by ``factor`` (a magnitude, 成 as tenths, 万元)."""
    if draft.value is not None:
        draft.value = scaled(draft.value, factor)
    if draft.value_high is not None:
        draft.value_high = scaled(draft.value_high, factor)
    draft.scale *= factor
    draft.scale_applied = True


def _share(numerator: float, denominator: float) -> float:
    """numerator / denominator in percent; over a power of ten (百分之, 千分之, 万分之) as the decimal figure written
    (万分之三点五 = 0.035 %, not 0.034999999999999996)."""
    if denominator >= 10 and math.log10(denominator).is_integer():
        return scaled(numerator, 100.0 / denominator)
    return numerator / denominator * 100.0


#: The 之 of X分之Y; a share said without it (三分一) is read only as a spoken Chinese fraction below one.
FRACTION_LINK = "之"


def _spoken_share(text: str, draft: Draft, numerator: re.Match) -> bool:
    """Whether 三分一 (分 with 之 left out) is a share: a denominator in Chinese numerals and a smaller numerator."""
    denominator_digits = text[draft.start:draft.end]
    if any(char.isdigit() for char in denominator_digits) or draft.value is None:
        return False
    value = _cn_to_number(numerator.group())
    return value is not None and 0 < value < draft.value


def _read_fraction(text: str, tail: re.Match, draft: Draft) -> tuple[int, bool]:
    """X 分之 Y (百分之二十, 千分之三, 三分之一, 百分之负十): Y / X as a percentage; a suffix qualifier may follow."""
    after = tail.end() + len(text[tail.end():tail.end() + 2]) - len(text[tail.end():tail.end() + 2].lstrip(" "))
    sign = next((word for word in _MINUS_WORDS if text.startswith(word, after)), "")
    numerator = _CORE_RE.match(text, after + len(sign))  # 百分之 2, 五 分之 一: spaces as in typed text
    if numerator is None:
        numerator = _WILDCARD_NUMERATOR_RE.match(text, after + len(sign))
    if numerator is None or numerator.lastgroup not in ("arabic", "cn"):
        return tail.start("frac"), False
    if not tail.group("frac").endswith(FRACTION_LINK) and not _spoken_share(text, draft, numerator):
        return tail.start("frac"), False  # 3分1秒, 一分一: no share said with 之 left out
    if numerator.lastgroup == "cn" and text[numerator.end():numerator.end() + 1] in SPACED_AFTER_CHARS:
        numerator = glue_spaced_core(text, numerator)  # 百分之五 十
    span = _numeral_span(numerator.group().replace(" ", ""), numerator.lastgroup == "arabic")
    position = numerator.end()
    if span is None and numerator.lastgroup == "cn" and numerator.group()[-1] in MAGNITUDES and text.startswith("分", position):
        # 百分之七十百分位: the last magnitude begins the next word (百分位), the numerator is 七十
        span, position = _numeral_span(numerator.group()[:-1].replace(" ", ""), False), position - 1
    if span is not None and numerator.lastgroup == "arabic" and may_start_notation(text, position):
        notation = read_notation(text, numerator.start(), position, span[0])  # 百分之15K, 百分之1.2e3
        if notation is not None:
            span, position = (notation[0], notation[0]), notation[1]
    if span is not None and draft.value:
        if draft.value_high:  # 十几分之一: a larger denominator gives the smaller share
            draft.value, draft.value_high = span[0] / draft.value_high * 100.0, span[1] / draft.value * 100.0
        else:
            low, high = _share(span[0], draft.value), _share(span[1], draft.value)
            draft.value, draft.value_high = low, (high if high != low else None)
            if draft.value_high is not None:
                draft.bounds.append("range")  # 百分之二三十
    else:
        draft.value = draft.value_high = None
        draft.bounds.append("vague")
    draft.unit = "percent"
    if sign and draft.value is not None:
        draft.value = -draft.value
    suffix = _SUFFIX_RE.match(text, position)
    if suffix is not None:
        draft.qualifiers.append(suffix.group("suffix"))
        draft.bounds.append(SUFFIX_QUALIFIERS[suffix.group("suffix")])
        position = suffix.end()
    elif _fraction_suffix_at(text, position):
        draft.qualifiers.append(text[position])  # 三分之一强, 四分之一弱
        draft.bounds.append(FRACTION_SUFFIXES[text[position]])
        position += 1
    return position, True


def _fraction_suffix_at(text: str, position: int) -> bool:
    """强 or 弱 right after a fraction (三分之一强), not the start of a word (三分之一强度)."""
    char, follower = text[position:position + 1], text[position + 1:position + 2]
    return bool(char) and char in FRACTION_SUFFIXES and not (follower and follower in FRACTION_SUFFIX_GUARDS.get(char, ""))


def _read_discount(draft: Draft) -> None:
    """8 折 = 80 %, 八五折 = 85 % (the digits name tenths and hundredths of the full price), 8.5 折 = 85 %,
    十折 = 100 % (ten tenths: the full price)."""
    draft.unit = "percent"
    if draft.value is None:
        return
    factor = 10.0 if draft.value <= 10 else 1.0
    _scale(draft, factor)


def _read_order_of_magnitude(draft: Draft, word: str = ORDER_OF_MAGNITUDE_SUFFIX) -> None:
    """级 after a magnitude (百万级, 千亿元级, 千亿元级别): the order of magnitude, value..value x 10 (vague)."""
    draft.bounds.append("vague")
    draft.qualifiers.append(word)
    if draft.value is not None and draft.value_high is None:
        draft.value_high = draft.value * 10


def _read_counter(counter: str, draft: Draft, *, magnitude_only: bool, mag: str | None) -> None:
    """A counter or unit word after the number: its unit class, currency, symbol and scale."""
    if counter in ORDER_OF_MAGNITUDE_WORDS and (magnitude_only or mag):
        _read_order_of_magnitude(draft, counter)  # 百万级, 百万量级
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


#: Duration words after 个半 and 个多 (两个半月, 一个半小时, 两个多月).
_HALF_DURATION_LEAD = "个半"
_HALF_DURATION_RE = re.compile(f"{_HALF_DURATION_LEAD}(?P<word>{'|'.join(sorted(GE_DURATIONS, key=len, reverse=True))})")
_MORE_DURATION_RE = re.compile(f"(?P<word>{'|'.join(sorted(GE_DURATIONS, key=len, reverse=True))})")
#: Percentage-point words after 个多 (两个多百分点 = more than 2 percentage points).
_MORE_PP_WORDS: tuple[str, ...] = tuple(word for word in PERCENTAGE_POINT_WORDS if not word.startswith(COUNTED_MAGNITUDE_COUNTER))


def _is_rate_point(text: str, position: int, draft: Draft) -> bool:
    """毛利率上升0.5个点: 个点 where a rate is spoken of earlier in the clause ([rate_points]), not 3个点位."""
    follower = text[position + 1:position + 2]
    if draft.value is None or follower and follower in RATE_POINT_GUARD:
        return False
    clause = clause_before(text, draft.start, RATE_POINT_WINDOW)
    return any(noun in clause for noun in RATE_POINT_NOUNS)


#: What the first test of each reading of _read_after_unit looks at right after the unit: 来, 多/余, 点, 半, and the
#: magnitude of 一个亿 (most units are followed by none of them).
_AFTER_UNIT_FIRST: frozenset[str] = (
    frozenset({MEASURE_APPROX_WORD, RATE_POINT_WORD, HALF_WORD}) | frozenset(INFIX_QUALIFIERS) | frozenset(COUNTED_MAGNITUDES)
)


def _read_after_unit(text: str, position: int, draft: Draft) -> int:
    """多/余 after the unit (两成多, 一倍多, 一年多: more than) and 半 (一年半 = 1.5 years, 两倍半, 两个半月)."""
    char = text[position:position + 1]
    if char not in _AFTER_UNIT_FIRST:
        return position
    follower = text[position + 1:position + 2]
    if draft.counter == COUNTED_MAGNITUDE_COUNTER and draft.value is not None:
        counted = _read_counted_magnitude(text, position, draft)
        if counted:
            return counted
    if char == MEASURE_APPROX_WORD and follower and follower in MEASURE_ADJECTIVES and draft.unit_symbol:
        draft.qualifiers.append(char)  # 两米来高, 三公斤来重: about
        draft.bounds.append("approx")
        return position + 1
    if char == MEASURE_APPROX_WORD and draft.counter == "个":
        duration = _MORE_DURATION_RE.match(text, position + 1)
        if duration is not None:  # 一个来月, 两个来小时: about
            draft.qualifiers.append(char)
            draft.bounds.append("approx")
            draft.counter, draft.unit = "个" + duration.group("word"), "duration"
            return duration.end()
    # only the "more than" words: 三年来 is "over the past three years", not "about three"
    # (before a digit a plus sign joins two figures, 12GB+256GB: [qualifiers.infix_guard])
    guarded = follower and (follower in MORE_GUARD or follower in INFIX_GUARDS.get(char, ""))
    if char and INFIX_QUALIFIERS.get(char) == "gt" and not guarded:
        draft.qualifiers.append(char)
        draft.bounds.append(INFIX_QUALIFIERS[char])
        duration = _MORE_DURATION_RE.match(text, position + 1) if draft.counter == "个" else None
        if duration is not None:  # 两个多月, 一个多小时
            draft.counter, draft.unit = "个" + duration.group("word"), "duration"
            return duration.end()
        point = next((w for w in _MORE_PP_WORDS if text.startswith(w, position + 1)), None) if draft.counter == "个" else None
        if point is not None:  # 两个多百分点
            draft.counter, draft.unit = None, "percentage_point"
            return position + 1 + len(point)
        return position + 1
    if char == RATE_POINT_WORD and draft.counter == COUNTED_MAGNITUDE_COUNTER and _is_rate_point(text, position, draft):
        draft.counter, draft.unit = None, "percentage_point"  # 毛利率上升0.5个点
        return position + 1
    if char == HALF_WORD and draft.unit in HALF_AFTER_UNITS and not (follower and follower in HALF_GUARD) and draft.value is not None:
        draft.value += 0.5
        return position + 1
    if draft.counter == "个" and draft.value is not None and text.startswith(_HALF_DURATION_LEAD, position - 1):
        half = _HALF_DURATION_RE.match(text, position - 1)
        if half is not None:
            draft.value += 0.5
            draft.counter = "个" + half.group("word")
            draft.unit = "duration"
            return half.end()
    return position


_SUBUNIT_DIGITS = "1-9１-９" + "".join(char for char, digit in CHINESE_DIGITS.items() if digit)
#: 零 may stand between the unit and a subunit, as in a written amount (叁拾元零伍角 = 30.5 元, 五元零五分 = 5.05 元).
_SUBUNIT_ZERO = "零"
#: After each main money unit: 又 or 零 perhaps, one digit and a subunit word not starting another word (3分钟).
_SUBUNIT_RES: dict[str, re.Pattern] = {
    unit: re.compile(
        rf"[{MIXED_FRACTION_WORD}{_SUBUNIT_ZERO}]?(?P<digit>[{_SUBUNIT_DIGITS}]|[0-9０-９]{{2}})(?P<word>"
        + "|".join(re.escape(w) + (f"(?![{guards[w]}])" if guards.get(w) else "") for w in sorted(shares, key=len, reverse=True))
        + ")"
    )
    for unit, (_, shares, guards) in MONEY_SUBUNITS.items()
}


def _read_money_subunits(text: str, position: int, draft: Draft) -> int:
    """五元三角 = 5.3 元, 50元6角3分 = 50.63 元, 两美元又三美分: the subunits' digits after the main unit are added,
    larger subunits first (lexicon [[money_subunits]]); 三块五毛 makes 块 the yuan."""
    unit_scale = UNIT_WORDS[draft.counter].scale if draft.counter in UNIT_WORDS else 1.0  # (毛 = 0.1 元)
    if draft.counter not in _SUBUNIT_RES or draft.value is None or draft.value_high is not None or draft.scale != unit_scale:
        return position
    if round(draft.value / unit_scale, 9) != int(round(draft.value / unit_scale, 9)):
        return position  # subunits follow a whole number of units (1.5元6角 is no amount)
    currency, shares, _ = MONEY_SUBUNITS[draft.counter]
    last_share = None
    while (found := _SUBUNIT_RES[draft.counter].match(text, position)) is not None:
        share, digit = shares[found.group("word")], found.group("digit")
        if last_share is not None and share >= last_share:
            break
        value = CHINESE_DIGITS[digit] if digit in CHINESE_DIGITS else int(digit.translate(FULLWIDTH_TO_ASCII))
        if value * share >= 1:
            break  # two digits only where the subunit is a hundredth (3令吉35仙; 12元35角 is no amount)
        draft.value = round(draft.value + value * share, 10)
        last_share, position = share, found.end()
    if last_share is None and draft.counter in MONEY_IMPLICIT_SUBUNITS:
        position, last_share = _read_implicit_subunit(text, position, draft)
    if last_share is not None:
        draft.unit, draft.currency = "currency", currency
    return position


def _read_implicit_subunit(text: str, position: int, draft: Draft) -> tuple[int, float | None]:
    """两块五 = 2.5 元: one digit right after the unit, nothing counted after it, is that many of the unsaid subunit."""
    digit, follower = text[position:position + 1], text[position + 1:position + 2]
    share, followers = MONEY_IMPLICIT_SUBUNITS[draft.counter]
    # 两块五, 3块5: a digit written as the amount is (an Arabic one after Arabic digits); not 两, the weight 两 too
    arabic_before = text[position - len(draft.counter) - 1:position - len(draft.counter)].isdigit()
    tenth = (int(digit) if digit in _ARABIC_TENTHS else 0) if arabic_before else (CHINESE_DIGITS.get(digit) if digit != LIANG else 0)
    if follower == _ONE and unit_word_at(text, position + 2) is not None:
        follower = ""  # 三块五一斤: the 一 opens the unit the price is per
    if not tenth or follower in _IMPLICIT_NOT_BEFORE or (is_han(follower) and follower not in followers):
        return position, None
    draft.value = round(draft.value + tenth * share, 10)
    return position + 1, share


_ONE = "一"
#: After the digit of an unsaid subunit: what makes it a number of its own (3块50, 3块5.5, 两块五十).
_IMPLICIT_NOT_BEFORE = frozenset("0123456789.．%％") | frozenset(CHINESE_DIGITS) | frozenset(MAGNITUDES)


def _read_counted_magnitude(text: str, position: int, draft: Draft) -> int:
    """一个亿, 两个亿 (colloquial 1亿, 2亿), 三个多亿 (more than 3亿): where it ends, 0 if no magnitude follows."""
    more = INFIX_QUALIFIERS.get(text[position:position + 1]) == "gt"
    mag = text[position + more:position + more + 1]
    if not mag or mag not in COUNTED_MAGNITUDES:
        return 0
    if more:
        draft.qualifiers.append(text[position])
        draft.bounds.append("gt")
    _scale(draft, MAGNITUDES[mag])
    draft.counter = None
    return position + more + 1


def _read_cheng_digit(text: str, position: int, draft: Draft) -> int:
    """三成五 = 35 %, 七成 六 = 76 %: one more digit after 成 names the next tenth of it (not when a numeral or
    年 follows); 三成半 = 35 %: half a tenth (not 三成半导体)."""
    if draft.value is None or draft.value_high is not None:
        return position
    start = position + 1 if text[position:position + 1] == " " else position
    digit = text[start:start + 1]
    follower = text[start + 1:start + 2]
    if digit == HALF_WORD and start == position and not (follower and follower in HALF_GUARD):
        draft.value += 5.0
        return position + 1
    # 2成7 (Taiwan usage): an Arabic tenth only after an Arabic number (五成2 ends with a footnote marker)
    arabic_before = text[position - 2:position - 1] in _ARABIC_DIGITS
    tenth = CHINESE_DIGITS.get(digit) or (int(digit) if digit in _ARABIC_TENTHS and arabic_before else 0)
    if not tenth or (digit in _ARABIC_TENTHS and follower in ".．" and text[start + 2:start + 3].isdigit()):
        return position  # not 2成7.5: a decimal number follows
    if follower and follower not in CHENG_DIGIT_FOLLOWERS and not (start == position and _tenth_before_word(text, start)):
        return position  # 三成五十, 一成一败, 2成75: the digit begins another word or number
    draft.value += tenth
    return start + 1


def _tenth_before_word(text: str, at: int) -> bool:
    """三成五民众, 7成2受访市民: the digit at ``at``, glued after 成, is the tenth before a word of the sentence. 一 is left
    out, since it begins so many words (一成一败, 八成一致认为); a numeral after the digit makes it another number
    (三成五十), a counter or unit another quantity (六成两年有余, 3成6节)."""
    follower = text[at + 1:at + 2]
    if text[at - 1:at] != TENTHS_WORD or text[at] == "一" or not is_han(follower) or follower in _CN_CHARS:
        return False  # right after 成 only (五成之上两番: no tenth after the suffix)
    return unit_word_at(text, at + 1) is None  # (a counter its guard rules out is none: 三成五支持)




#: Arabic digits that may name the next tenth after 成 (2成7 = 27 %), as a Chinese digit does.
_ARABIC_TENTHS = frozenset("123456789")
_ARABIC_DIGITS = _ARABIC_TENTHS | {"0"}


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


def read_share_cents(text: str, draft: Draft, prefix_end: int) -> bool:
    """每股派息十五仙, 港币十五仙, 每股收益73.62分: a cent word after a number where a per-share amount is spoken
    of is money ([[share_cents]]); elsewhere it is another word (八仙过海, 得分73.62分). Returns whether it was read."""
    end = draft.end
    entry = SHARE_CENTS.get(text[end:end + 1])  # single characters (checked when the lexicon loads)
    if entry is None:
        return False
    word = entry["word"]
    follower = text[end + len(word):end + len(word) + 1]
    if draft.counter is not None or draft.value is None or (follower and follower in entry["guard"]):
        return False
    if draft.currency != entry["currency"]:
        clause = clause_before(text, prefix_end, entry["window"])  # not 每股收益下降，八仙...
        if draft.unit is not None or not any(before in clause for before in entry["before"]):
            return False
    draft.unit, draft.currency, draft.counter = "currency", entry["currency"], word
    _scale(draft, float(entry["scale"]))
    draft.end = end + len(word)
    return True


#: 成 is tenths: 八成 = 80 %.
TENTHS_PERCENT = 10.0


def _order_suffix_at(text: str, position: int) -> str | None:
    """级 or 级别 right after a unit (千亿元级, 千亿元级别), not 级 as the start of another word."""
    word = next((word for word in ORDER_OF_MAGNITUDE_WORDS if text.startswith(word, position)), None)
    follower = "" if word is None else text[position + len(word):position + len(word) + 1]
    return None if word is None or (follower and follower in UNIT_GUARDS.get(word, "")) else word


def _counts_money(text: str, position: int, draft: Draft, money: MoneyCounter) -> bool:
    """Whether the counter ending at ``position`` is the yuan ([[money_counter]]): no noun follows for it to count,
    and a word of money stands earlier in the sentence (工资一千块左右; not 一块蛋糕, 三块地)."""
    if text.startswith(money.price_moves, position):
        return True  # 从八块涨到十二块: a price that moves
    follower = text[position:position + 1]
    if follower and (is_han(follower) and follower not in money.followers or follower.isascii() and follower.isalpha()):
        return False  # a noun for it to count: 一块蛋糕, 1.6万块GPU
    if any(noun in clause_before(text, draft.start, money.window) for noun in DECLARED_COUNT_NOUNS):
        return False  # 集成电路产量为3514亿块: the output counted, pieces
    if draft.value is not None and draft.value >= money.anywhere_from:
        return True  # 这台电脑小一千块: pieces are not counted in hundreds
    if text.endswith(money.price_adverbs, 0, draft.start):
        return True  # 雞排才65塊: "only" marks a price
    sentence = sentence_before(text, draft.start, money.window)  # the sentence so far: 薪资很低，连一千块都拿不到
    if any(noun in sentence for noun in money.nouns):
        return True
    return _ITEM_RES[draft.counter].search(clause_before(text, draft.start, money.window)) is not None  # 一碗面28块


#: A numeral or a demonstrative and a counter of an item priced, for each [[money_counter]] word, from its
#: item_counters (一碗, 两杯, 3份, 那碗, 这杯; after a demonstrative not the general 个: 这个月, 那个人 price nothing).
_ITEM_RES: dict[str, re.Pattern] = {
    word: re.compile(
        f"(?:[0-9０-９]|[{''.join(CHINESE_DIGITS)}半])[{money.item_counters}]"
        f"|[{money.demonstratives}][{money.item_counters.replace(money.general_counter, '')}]"
    )
    for word, money in MONEY_COUNTERS.items()
}



def _read_counter_in_context(text: str, position: int, draft: Draft, word: CounterInContext) -> None:
    """呎 of a flat (實用面積四百五十呎 = ft²), 匹 of an engine (最大马力181匹, 1.5匹空调 = hp): the quantity a noun in the
    clause before, or right after the word ending at ``position``, speaks of."""
    if text.startswith(word.after_words, position) or any(
        noun in clause_before(text, draft.start, word.window) for noun in word.nouns
    ):
        draft.unit, draft.unit_symbol = word.unit, word.symbol


def _read_counter_tail(text: str, position: int, draft: Draft, counter: str, *, magnitude_only: bool, mag: str | None) -> int:
    """A counter or unit after the number, with money subunits, an order of magnitude and a rate's denominator
    after it: where the mention ends."""
    _read_counter(counter, draft, magnitude_only=magnitude_only, mag=mag)
    if counter in COUNTERS_IN_CONTEXT:
        _read_counter_in_context(text, position, draft, COUNTERS_IN_CONTEXT[counter])  # 實用面積四百五十呎, 马力181匹
    if counter in MONEY_COUNTERS and draft.unit in (None, "count") and _counts_money(text, position, draft, MONEY_COUNTERS[counter]):
        draft.unit, draft.currency = "currency", MONEY_COUNTERS[counter].currency  # 月薪三千块
    if draft.counter in _SUBUNIT_RES:  # (its first test, without the call)
        position = _read_money_subunits(text, position, draft)  # 五元三角, 50元6角3分
    elif draft.counter in DURATION_PARTS and draft.unit == "duration" and text[position:position + 1] in PART_FIRST_CHARS:
        position = read_duration_part(text, position, draft)  # 二年六个月, 3小时20分
    elif draft.counter in UNIT_DECIMAL_UNITS and draft.counter == text[position - 1:position]:
        position = read_unit_decimals(text, position, draft)  # 一米七五, 9秒83
    order = _order_suffix_at(text, position) if magnitude_only or (mag and draft.unit == "currency") else None
    if order is not None and (magnitude_only or order not in ORDER_OF_MAGNITUDE_BARE_ONLY):
        # 千亿元级, 百万美元级, 百万千瓦级, 千亿元级别: an order of magnitude (3亿元级别以上: the level stated)
        _read_order_of_magnitude(draft, order)
        position += len(order)
    if text[position:position + 1] not in PER_UNIT_SLASHES:  # (its first test, without the call)
        return position
    return read_per_unit(text, position, draft)  # 3000元/吨, 250Wh/kg: a compound unit


#: The groups of _TAIL_RE that _read_tail reads, in this order.
_TAIL_GROUPS = ("mag", "mag2", "mag3", "infix", "infix2", "pct", "permille", "pp", "cheng", "zhe", "frac", "counter", "suffix")


def tail_fields_getter(pattern: re.Pattern) -> itemgetter:
    """The getter of _TAIL_GROUPS from a match's groups() by position: one C call for all the groups (taking them
    by name costs four times as much; groupdict() as much again as the match)."""
    return itemgetter(*(pattern.groupindex[name] - 1 for name in _TAIL_GROUPS))


def _read_tail(text: str, tail: re.Match, fields: tuple[str | None, ...], draft: Draft, *, magnitude_only: bool) -> tuple[int, bool]:
    """Apply what _TAIL_RE found after a number (``fields``: its _TAIL_GROUPS); returns where the mention ends and
    whether it gave context."""
    mag, mag2, mag3, infix, infix2, pct, permille, pp, cheng, zhe, frac, counter, suffix = fields
    mag = mag or mag2
    mag = (mag.replace(" ", "").replace("\u3000", "") or None) if mag else None  # 1.2万 亿元: a space of PDF text
    infix = infix or infix2
    position = tail.end()
    if mag3 and magnitude_scale(mag3) > MAGNITUDES[mag[-1]]:
        mag += mag3  # 3万多亿 = more than 3万亿, 3百多万 = more than 300万: 余/多 inside the magnitude
    elif mag3:  # 3亿多万: no magnitude of a higher section; the mention ends at 余/多
        position, pct = tail.end("infix"), None
        permille = pp = cheng = zhe = frac = counter = suffix = None
    context = False
    if mag and draft.value is not None:
        _scale(draft, magnitude_scale(mag))
        context = True
    if infix:
        draft.qualifiers.append(infix)
        draft.bounds.append(INFIX_QUALIFIERS[infix])
        context = True
    if pct:
        draft.unit = "percent"
        context = True
    elif permille:
        draft.unit = "percent"
        _scale(draft, 0.1)
        context = True
    elif pp:
        draft.unit = "percentage_point"
        draft.counter = None
        context = True
    elif cheng:
        draft.unit = "percent"
        _scale(draft, TENTHS_PERCENT)
        position = _read_cheng_digit(text, position, draft)
        context = True
    elif zhe:
        _read_discount(draft)
        context = True
    elif frac:
        return _read_fraction(text, tail, draft)
    elif counter:
        position = _read_counter_tail(text, position, draft, counter, magnitude_only=magnitude_only, mag=mag)
        context = True
    if not suffix and (pct or cheng or counter):
        if text[position:position + 1] in _AFTER_UNIT_FIRST:  # (its first test, without the call)
            position = _read_after_unit(text, position, draft)
        after = _SUFFIX_RE.match(text, position) if _char_after_gap(text, position) in _SUFFIX_FIRST_CHARS else None
        if after is not None:
            suffix, position = after.group("suffix"), after.end()
        elif draft.unit in WITHIN_UNITS and text.startswith(WITHIN_WORD, position):
            suffix, position = WITHIN_WORD, position + len(WITHIN_WORD)  # 5分钟内销量: within, whatever follows
    not_after = SUFFIX_NOT_AFTER.get(suffix or "", "")
    if not_after and draft.start > 0 and text[draft.start - 1] in not_after:
        suffix = None  # 截至6月30日止六个月内: the period itself
    if suffix:
        draft.qualifiers.append(suffix)
        draft.bounds.append(SUFFIX_QUALIFIERS[suffix])
        context = True
    return position, context
