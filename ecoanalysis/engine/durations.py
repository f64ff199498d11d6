"""Numbers that run on past their unit: a duration written in two units (有期徒刑二年六个月, 一年零三个月, 用时3小时
20分钟, 2小时08分15秒), one mention in the first unit with each smaller part added as its share of that unit
(lexicon [[duration_parts]]), as 五元三角 adds its 角 to the yuan (tails.py); and digits after a unit that are its
decimals (一米七五 = 1.75 m, 9秒83 = 9.83 s, and after the last part: 3分27秒46: [unit_decimals])."""
from __future__ import annotations

import re

from ._lexicon import DEGREE_DECIMAL_DIGITS, DEGREE_WORDS, DISCOUNT_WORD, DURATION_PARTS, MIXED_FRACTION_WORD, TENTHS_WORD
from ._lexicon import UNIT_DECIMAL_UNITS
from ._lexicon import UNIT_WORD_TUPLE
from .draft import Draft
from .numerals import CHINESE_DIGITS, FULLWIDTH_TO_ASCII, MAGNITUDES
from .patterns import _cn_to_number, unit_word_at

#: The links allowed between the two parts: 零 (一年零三个月) and 又 (两年又六个月).
_LINKS = "零" + MIXED_FRACTION_WORD

#: After each first unit: a link perhaps, a whole number (two Arabic digits or a short Chinese numeral) and the
#: word of a smaller unit not starting another word.
_PART_RES: dict[str, re.Pattern] = {
    unit: re.compile(
        rf"[{_LINKS}]?(?P<digits>[0-9０-９]{{1,2}}|[一二两三四五六七八九十]{{1,3}})(?P<word>"
        + "|".join(re.escape(w) + (f"(?![{guards[w]}])" if guards.get(w) else "") for w in sorted(parts, key=len, reverse=True))
        + ")"
    )
    for unit, (parts, guards) in DURATION_PARTS.items()
}

#: The first characters of the parts, so that most durations skip the match (its first test, without the call).
PART_FIRST_CHARS: frozenset[str] = frozenset("0123456789０１２３４５６７８９一二两三四五六七八九十" + _LINKS)


def read_duration_part(text: str, position: int, draft: Draft) -> int:
    """The smaller parts after a whole number of a duration's unit (二年六个月 = 2.5 年, 3小时20分 = 3.333 小时,
    2小时08分15秒): where the mention ends. A part as large as its unit (二年十二个月) or after a range, a fraction
    or a magnitude is not read."""
    if draft.value is None or draft.value != int(draft.value) or draft.value_high is not None or draft.scale != 1.0:
        return position
    unit, share = draft.counter, 1.0
    while unit in _PART_RES and (found := _PART_RES[unit].match(text, position)) is not None:
        digits = found.group("digits")
        part = int(digits.translate(FULLWIDTH_TO_ASCII)) if digits[0].isdigit() else _cn_to_number(digits)
        per_unit = DURATION_PARTS[unit][0][found.group("word")]
        if part is None or part != int(part) or not 0 < part < per_unit:
            break
        share /= per_unit
        draft.value = round(draft.value + part * share, 10)
        unit, position = found.group("word"), found.end()
    if share < 1.0 and unit in UNIT_DECIMAL_UNITS:  # 3分27秒46: the last part's decimals (hundredths of a second)
        decimals = _unit_decimals_at(text, position, unit)
        if decimals is not None:
            draft.value = round(draft.value + decimals[0] * share, 10)
            position = decimals[1]
    return position


#: The words of a duration's first unit that are read only with a part after them: 分 alone is a minute, a point
#: or a cent, but before a number of seconds (2分30秒) it can only be the minute.
_PART_LED_UNITS: tuple[str, ...] = tuple(unit for unit in _PART_RES if unit not in UNIT_WORD_TUPLE)
PART_LED_FIRST: frozenset[str] = frozenset(unit[0] for unit in _PART_LED_UNITS)


def read_part_led_duration(text: str, draft: Draft) -> bool:
    """2分30秒 = 2.5 分钟: a bare number, 分 and a part in seconds is one duration, read in place (True)."""
    if draft.unit is not None or draft.counter is not None:
        return False
    unit = next((word for word in _PART_LED_UNITS if text.startswith(word, draft.end)), None)
    if unit is None or _PART_RES[unit].match(text, draft.end + len(unit)) is None:
        return False
    draft.unit, draft.counter = "duration", unit
    end = read_duration_part(text, draft.end + len(unit), draft)
    if end == draft.end + len(unit):  # the part was not read (30 is not below 60 ...): not a duration after all
        draft.unit, draft.counter = None, None
        return False
    draft.end = end
    return True


_DECIMAL_DIGITS = "0-9０-９" + "".join(CHINESE_DIGITS)
#: The decimals each unit takes after it: the [unit_decimals] units and the degrees of a temperature.
_UNIT_DECIMALS_RES: dict[str, re.Pattern] = {
    unit: re.compile(f"[{_DECIMAL_DIGITS}]{{1,{digits}}}(?![{_DECIMAL_DIGITS}])")
    for unit, digits in UNIT_DECIMAL_UNITS.items() | {(word, DEGREE_DECIMAL_DIGITS) for word in DEGREE_WORDS}
}
#: After the decimals: what would make them a number of their own (1米3人, 100米20秒, 1米5万, 三米8折).
_OWN_NUMBER_AFTER = frozenset(MAGNITUDES) | frozenset("%％.．点") | {TENTHS_WORD, DISCOUNT_WORD}


def _unit_decimals_at(text: str, position: int, unit: str) -> tuple[float, int] | None:
    """The decimals written right after the unit word ``unit`` at ``position`` (the 75 of 一米七五) and where they end;
    None where no digits follow, or they begin a number of their own (1米3人, 100米20秒)."""
    found = _UNIT_DECIMALS_RES[unit].match(text, position)
    if found is None or text[found.end():found.end() + 1] in _OWN_NUMBER_AFTER or unit_word_at(text, found.end()) is not None:
        return None
    digits = "".join(str(CHINESE_DIGITS[c]) if c in CHINESE_DIGITS else c for c in found.group().translate(FULLWIDTH_TO_ASCII))
    return int(digits) / 10 ** len(digits), found.end()


def read_unit_decimals(text: str, position: int, draft: Draft) -> int:
    """一米七五 = 1.75 m, 1米8 = 1.8 m, 9秒83 = 9.83 s: digits right after a whole number of the unit are its
    decimals; where the mention ends."""
    if draft.value is None or draft.value != int(draft.value) or draft.value_high is not None or draft.scale != 1.0:
        return position
    decimals = _unit_decimals_at(text, position, draft.counter)
    if decimals is None:
        return position
    draft.value = round(draft.value + decimals[0], 10)
    return decimals[1]
