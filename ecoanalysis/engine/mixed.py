"""Arabic digits written among Chinese magnitudes: 5万4千6百, 1亿2000万, 3万4000, 1千零20, 7 万 5 千 4 百, with
thousands groups as Taiwan writes them (2兆1,617億元, 3萬4,000元), and Chinese places after an Arabic magnitude
(100万三千, 200亿零四千230).

The run after an Arabic core is cut into tokens (magnitude, 零, Arabic number, each after at most one
space) and read by :func:`.numerals.read_magnitude_tokens`; the longest prefix of the run that makes a
numeral is taken. Digits followed by a date word or a separator (1万2019年, 3万4.5) end the run, and digits
after a space end it unless a magnitude follows them (7万 5千 4百 is one number, 12万 3400 two).
"""
from __future__ import annotations

import re

from .numerals import CHINESE_DIGITS, MAGNITUDES, SMALL_MAGNITUDES, read_magnitude_tokens

_MAG_CHARS = "".join(MAGNITUDES)
_ZERO = "零"
_THOUSANDS = ","
#: A Chinese digit counts among the places only before a small magnitude of its own (100万三千 = 1,003,000, as cn2an
#: reads it); 3万四 stays unread, since the elision 一万五 is a rule of spoken numerals, not of digits.
_CN_PLACE_DIGITS = "".join(char for char, digit in CHINESE_DIGITS.items() if 0 < digit < 10)
_FIRST_CHARS: frozenset[str] = frozenset(_MAG_CHARS)
_SECOND_CHARS: frozenset[str] = frozenset("0123456789 " + _ZERO + _MAG_CHARS + _CN_PLACE_DIGITS)
#: The characters right after the Arabic core that a mixed run may begin with.
MIXED_TRIGGERS: frozenset[str] = _FIRST_CHARS | {" "}
#: What may follow that space (7 万 5 千).
MIXED_AFTER_SPACE: frozenset[str] = _FIRST_CHARS
_TOKEN_RE = re.compile(
    rf"[ ]?(?:(?P<mag>[{_MAG_CHARS}])|(?P<zero>{_ZERO})|(?P<cn>[{_CN_PLACE_DIGITS}])(?=[{''.join(SMALL_MAGNITUDES)}])"
    rf"|(?P<num>(?:[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+)(?:\.[0-9]+)?)(?![0-9.,年月日号:%]))"
)
#: Tokens read at most: 5亿零1万零4千零6百零5 has 13; a longer run is no numeral and is left unread.
_MAX_TOKENS = 14
#: Prefixes of the run tried, longest first: a real numeral reads whole or after giving back one or two
#: tokens (3万4人), so runs like 5万 5万 5万 ... cost a bounded few parses per core.
_MAX_TRIES = 3


def may_start_mixed(text: str, end: int) -> bool:
    """Cheap test whether a mixed run may follow the Arabic number ending at ``end``: a magnitude (after at
    most one space) and then a digit, 零, a space or another magnitude (1200万元 is no mixed run)."""
    if text[end:end + 1] == " ":
        end += 1
    return text[end:end + 1] in _FIRST_CHARS and text[end + 1:end + 2] in _SECOND_CHARS


def read_mixed_magnitudes(text: str, end: int, value: float, unit_words: tuple[str, ...]) -> tuple[float, int, int] | None:
    """(value, end, the first magnitude) of the mixed numeral whose Arabic head ``value`` ends at ``end``.

    ``None`` unless at least one Arabic number follows the first magnitude (1亿2000万; a plain 1200万 is
    the tail's business) and the tokens make a numeral. A magnitude that begins one of ``unit_words``
    (千瓦, 千克) ends the run: it belongs to the unit.
    """
    tokens: list[int | float | str] = [value]
    ends = [end]
    spaced = [False]  # whether the token stands after a space
    position = end
    while True:
        token = _TOKEN_RE.match(text, position)
        if token is None:
            break
        if len(tokens) == _MAX_TOKENS:
            return None  # 1亿21亿21亿2...: too long to be one numeral
        if token.group("mag"):
            if text.startswith(unit_words, token.start("mag")):
                break
            tokens.append(token.group("mag"))
        elif token.group("zero"):
            tokens.append(0)
        elif token.group("cn"):
            tokens.append(CHINESE_DIGITS[token.group("cn")])
        else:
            tokens.append(float(token.group("num").replace(_THOUSANDS, "")))  # 2兆1,617億: thousands groups
        ends.append(token.end())
        spaced.append(text[position] == " ")
        position = token.end()
    if len(tokens) < 3 or not isinstance(tokens[1], str):
        return None
    for size in range(len(tokens), max(2, len(tokens) - _MAX_TRIES), -1):
        if not any(not isinstance(token, str) and token != 0 for token in tokens[2:size]):
            return None  # no number after the first magnitude
        if tokens[size - 1] == 0 and not isinstance(tokens[size - 1], float):
            continue  # a run does not end in 零
        if spaced[size - 1] and not isinstance(tokens[size - 1], str):
            continue  # 12万 3400: after a space, digits need their magnitude (7万 5千), else two cells
        number = read_magnitude_tokens(tokens[:size])
        if number is not None:
            return number, ends[size - 1], MAGNITUDES[tokens[1]]
    return None
