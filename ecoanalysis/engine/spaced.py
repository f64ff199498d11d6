"""Chinese numerals with spaces inside (PDF text, typed input): 一百 五 十 二, 三千 八百 九十六 万, 四百 点 五; and Arabic
numbers spaced by PDF text (:func:`read_spaced_arabic`: 1 056, 12 . 5 %, 3·5%).

Pieces of numeral characters separated by one or two spaces are one numeral only when every space
stands next to a magnitude (十 百 千 万 亿) or the decimal word 点, and the pieces together read as a
numeral. So 一 二 三 (digits of a list) and 一百 二百 (two numbers) stay apart; the longest run of pieces
that reads is taken.
"""
from __future__ import annotations

import re

from ._lexicon import CLOCK_QUARTER_ENDS, DISCOUNT_GUARD, DISCOUNT_WORD, WILDCARD_GUARD
from .numerals import CHINESE_DIGITS, DECIMAL_POINT_WORD, FULLWIDTH_TO_ASCII, MAGNITUDES, WILDCARD_DIGIT
from .patterns import _CN_CHARS, _CN_DIGIT_CHARS, _RANGE_FIRST_CHARS, _char_after_gap, _cn_to_number, tail_may_follow
from .patterns import _parse_chinese_wildcard

_PIECE_CHARS = rf"(?:[{_CN_CHARS}{DECIMAL_POINT_WORD}]|{WILDCARD_DIGIT}(?![{WILDCARD_GUARD}]))"
#: The next piece: after one or two spaces, or right after the core when it begins with 点 (四点 五).
_PIECE_RE = re.compile(rf"(?P<gap>[ ]{{1,2}}|(?={DECIMAL_POINT_WORD}))(?P<piece>{_PIECE_CHARS}+)")
_GLUE_CHARS = frozenset(MAGNITUDES) | {DECIMAL_POINT_WORD}
#: The whole glued numeral, matched again between its ends so that the readers get an ordinary core.
_GLUED_RE = re.compile(r"(?P<cn>.+)", re.S)
_MAX_PIECES = 12
#: The end of a quarter hour after a clock's 点 (九点一刻), where no glued decimal may end.
_QUARTER_ENDS = frozenset(CLOCK_QUARTER_ENDS)
#: Characters after a Chinese core that may begin a next piece.
SPACED_AFTER_CHARS = frozenset(" " + DECIMAL_POINT_WORD)


def _reads(numeral: str) -> bool:
    return _cn_to_number(numeral) is not None or _parse_chinese_wildcard(numeral) is not None


#: Before 折, a single digit, a space and a single digit of the same script are the tenths and hundredths
#: of one discount (7 2 折, 九 九 折 = 72 %, 99 %), as in 七二折.
_SPACED_DISCOUNT_RE = {
    arabic: re.compile(rf"[ ]{{1,2}}[{digits}](?=[ ]{{0,2}}{DISCOUNT_WORD}(?![{DISCOUNT_GUARD}]))")
    for arabic, digits in ((True, "0-9０-９"), (False, _CN_DIGIT_CHARS))
}


def spaced_discount_end(text: str, start: int, end: int) -> int | None:
    """Where the second digit of a spaced discount (7 2 折) ends when text[start:end] is its first, else None."""
    if end - start != 1:
        return None
    digit = text[start]
    pattern = _SPACED_DISCOUNT_RE[digit not in CHINESE_DIGITS]
    found = pattern.match(text, end)
    return None if found is None else found.end()


def read_spaced_discount(text: str, start: int, end: int) -> tuple[float, int] | None:
    """(value, end) of the Arabic digits of a spaced discount starting with text[start:end] (7 2 折: 72), or None."""
    discount_end = spaced_discount_end(text, start, end)
    if discount_end is None:
        return None
    return float(text[start:discount_end].replace(" ", "").translate(FULLWIDTH_TO_ASCII)), discount_end


def glue_spaced_core(text: str, core: re.Match) -> re.Match:
    """``core``, or a longer core over the spaced pieces of numeral that continue it."""
    discount_end = spaced_discount_end(text, core.start(), core.end())
    if discount_end is not None:
        return _GLUED_RE.match(text, core.start(), discount_end)
    ends: list[int] = []
    position = core.end()
    while len(ends) < _MAX_PIECES:
        piece = _PIECE_RE.match(text, position)
        if piece is None:
            break
        if piece.group("gap") and not (text[position - 1] in _GLUE_CHARS or text[piece.start("piece")] in _GLUE_CHARS):
            break  # 一 二: no magnitude at the space, two numbers or digits of a list
        ends.append(piece.end())
        position = piece.end()
    for end in reversed(ends):
        if text[end:end + 1] in _QUARTER_ENDS:
            continue  # 九点一刻: the 点 of a clock and a quarter hour, no decimal (clock.py)
        if _reads(text[core.start():end].replace(" ", "")):
            return _GLUED_RE.match(text, core.start(), end)
    return core


#: PDF thousands groups after the first 1-3 digits, the last perhaps with decimals (1 368.5万元).
_SPACED_GROUP_RE = re.compile(r"(?: [0-9]{3}(?![0-9]))+(?:\.[0-9]+)?")
#: A decimal point between spaces (letter-spaced PDF text: 12 . 5 %) or a middle dot (3·5%), read as one only
#: before a percent sign or a magnitude, where no other meaning (a list 1. 2., a day 3·15) is left.
_SPACED_DECIMAL_RE = re.compile(
    rf"(?:[ \u3000]{{0,2}}[.．][ \u3000]{{0,2}}|[·・])(?P<fraction>[0-9０-９]+)(?=[ \u3000]{{0,2}}[%％{''.join(sorted(MAGNITUDES))}])"
)
#: What may follow the Arabic digits of a spaced number.
SPACED_DECIMAL_TRIGGERS: frozenset[str] = frozenset(" \u3000.．·・")


def read_spaced_arabic(text: str, start: int, end: int) -> tuple[float, int] | None:
    """(value, end) of the Arabic digits text[start:end] continued by PDF thousands groups (1 056份) or by a decimal
    point spaced off or written as a middle dot (12 . 5 %, 3·5%); None when neither follows."""
    digits = text[start:end]
    if not digits.isdigit():
        return None
    if text[end:end + 1] == " " and end - start <= 3 and (start == 0 or not text[start - 1].isdigit()):
        groups = _SPACED_GROUP_RE.match(text, end)
        # what must follow for them to be one number: a tail (a unit word written there, not only its first
        # character: 1 056约为 stays two, though 约 begins 约旦第纳尔) or a range connector
        if groups is not None and (
            tail_may_follow(text, groups.end()) or _char_after_gap(text, groups.end()) in _RANGE_FIRST_CHARS
        ):
            return float(text[start:groups.end()].replace(" ", "")), groups.end()
    decimal = _SPACED_DECIMAL_RE.match(text, end)
    if decimal is None:
        return None
    return float(f"{digits}.{decimal.group('fraction')}".translate(FULLWIDTH_TO_ASCII)), decimal.end()
