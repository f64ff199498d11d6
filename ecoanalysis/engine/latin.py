"""Latin notations glued to an Arabic number: scientific notation (1.5e3, 1.2E-4, 2.3×10^5, 2.3×10⁵)
and the magnitude letters and words of the lexicon (40k, 3.2K = 3200, 3.2 billion; ``latin_magnitudes``)."""
from __future__ import annotations

import math
from decimal import Decimal
import re
import string

from ._lexicon import (
    LATIN_MAGNITUDE_WORDS, LATIN_MAGNITUDES, LATIN_MAGNITUDES_SPACED, RANGE_CONNECTORS, RESOLUTION_NUMBERS, SUFFIX_QUALIFIERS,
    WAN_LETTERS, WAN_NOUNS, WAN_WINDOW,
)
from .numerals import FULLWIDTH_TO_ASCII, scaled
from .patterns import _ASCII_LETTERS, _cn_to_number, clause_before

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_NOTATION_RE = re.compile(
    r"(?:[eE](?P<exp>[+\-－−]?[0-9０-９]{1,3})"
    r"|[ ]?[×xX*][ ]?10(?:\^(?P<pow>[+\-−]?[0-9]{1,3})|(?P<sup>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))"
    r"|\^(?P<power>[+\-]?[0-9]{1,2})"
    # a power said in words (10的8次方 = 10^8, 2的10次方 = 1024)
    r"|的(?P<power_words>[0-9]{1,2}|[一二两三四五六七八九十]{1,3})次方)"
    rf"|(?P<mag>[{''.join(LATIN_MAGNITUDES)}])|[ ](?P<spaced>[{''.join(LATIN_MAGNITUDES_SPACED)}])"
    rf"|[ ]?(?P<word>{'|'.join(LATIN_MAGNITUDE_WORDS)})"
    rf"|(?P<wan>[{''.join(WAN_LETTERS)}])"
)
#: The signs among the suffix qualifiers ("more than": 10w+) and among the range connectors (8k-15k, 3~5k).
_PLUS_SIGNS = frozenset(word for word, bound in SUFFIX_QUALIFIERS.items() if bound == "gt" and not word.isalnum())
_RANGE_SIGNS = frozenset(word for word in RANGE_CONNECTORS if not word.isalnum())
#: Every letter that scales the number before it, by its factor.
_MAGNITUDE_LETTERS: dict[str, int] = LATIN_MAGNITUDES | WAN_LETTERS
#: What may not follow the notation (it would be a longer Latin name or code: 2e5a, 40km, 3x10cm).
_NAME_AFTER = re.compile(r"[A-Za-z0-9０-９]")
_WORD_FIRST_CHARS: frozenset[str] = frozenset(word[0] for word in LATIN_MAGNITUDE_WORDS)
_FIRST_CHARS: frozenset[str] = frozenset("eE×xX*^的") | frozenset(LATIN_MAGNITUDES) | _WORD_FIRST_CHARS | frozenset(WAN_LETTERS)
_TIMES_CHARS: frozenset[str] = frozenset("×xX*") | _WORD_FIRST_CHARS | LATIN_MAGNITUDES_SPACED
#: The characters right after the number that a notation may begin with (a space before ×).
NOTATION_TRIGGERS: frozenset[str] = _FIRST_CHARS | {" "}
#: What may follow that space (2.3 ×10^5, 3 billion).
NOTATION_AFTER_SPACE: frozenset[str] = _TIMES_CHARS


def may_start_notation(text: str, end: int) -> bool:
    """Cheap test whether a notation may follow the number ending at ``end`` (a space only before ×)."""
    char = text[end:end + 1]
    return char in _FIRST_CHARS or (char == " " and text[end + 1:end + 2] in _TIMES_CHARS)


def read_notation(text: str, start: int, end: int, value: float) -> tuple[float, int] | None:
    """(value, end) of the number text[start:end] (= ``value``) with the notation after it, or None."""
    if start > 0 and text[start - 1].isascii() and text[start - 1].isalpha():
        return None  # v1e3, A40k: part of a Latin name
    notation = _NOTATION_RE.match(text, end)
    if notation is None or _NAME_AFTER.match(text, notation.end()):
        return None
    if notation.group("word"):
        return scaled(value, LATIN_MAGNITUDE_WORDS[notation.group("word")]), notation.end()  # 3.2 billion
    if notation.group("wan"):
        return _read_wan(text, start, notation, value)
    letter = notation.group("mag") or notation.group("spaced")  # 40k, 52.5 k
    if letter:
        if text[start:end].translate(FULLWIDTH_TO_ASCII) in RESOLUTION_NUMBERS and not _counts_online(text, start, notation.end()):
            return None  # 2K, 2.5K, 4K: a display resolution, a name (5k is 5000)
        return scaled(value, LATIN_MAGNITUDES[letter]), notation.end()
    if notation.group("power") or notation.group("power_words"):
        power = notation.group("power") or notation.group("power_words")
        try:
            number = value ** int(power if power[0] in "+-" or power.isdigit() else _cn_to_number(power))  # 2^5 = 32
        except (OverflowError, ZeroDivisionError):
            return None
        return (number, notation.end()) if isinstance(number, float) and math.isfinite(number) else None
    exponent = notation.group("exp") or notation.group("pow") or (notation.group("sup") or "").translate(_SUPERSCRIPTS)
    exponent = exponent.translate(FULLWIDTH_TO_ASCII).replace("−", "-")
    try:  # 2.3e5 exactly, not 2.3 * 10.0 ** 5; repr may itself hold an exponent (1.2345678901234568e+22)
        number = float(Decimal(repr(value)).scaleb(int(exponent)))
    except (ArithmeticError, ValueError):
        return None  # an exponent beyond any float (or too long to be a number): no notation
    return (number, notation.end()) if math.isfinite(number) and (number or not value) else None


def notation_magnitude(text: str, end: int) -> int | float | None:
    """The magnitude that a notation read up to ``end`` applied (40k: 1000, 10w: 10000, 3.2 billion: 1e9), else None:
    a range or a header's unit scales an amount without one (3-5k = 3000..5000)."""
    if (factor := _MAGNITUDE_LETTERS.get(text[end - 1:end])) is not None:
        return factor
    return next((factor for word, factor in LATIN_MAGNITUDE_WORDS.items() if text.endswith(word, 0, end)), None)


def _counts_online(text: str, start: int, end: int) -> bool:
    """Whether a magnitude letter ending at ``end`` counts, as said online: a plus sign after it (10w+, 8k+), a range
    of k it opens (8k-15k) or a noun of an audience or of pay before it (粉丝50w, 月薪8k: ``wan_nouns``)."""
    follower, letter = text[end:end + 1], text[end - 1]
    if follower in _PLUS_SIGNS:
        return True
    if letter in LATIN_MAGNITUDES and follower in _RANGE_SIGNS and text[end + 1:end + 2].isdigit():
        return True  # 8k-15k (a range of watts is as often written 65W-100W)
    if _NOUN_AFTER_RE.match(text, end):
        return True  # 100w播放, 50w-100w粉丝: the noun right after the figure or its range
    return any(noun in clause_before(text, start, WAN_WINDOW) for noun in WAN_NOUNS)


#: A noun of an audience or of pay right after a magnitude letter, or after the range it opens (50w-100w粉丝).
_NOUN_AFTER_RE = re.compile(
    rf"(?:(?:{'|'.join(map(re.escape, _RANGE_SIGNS))})[0-9]+(?:\.[0-9]+)?[{''.join(_MAGNITUDE_LETTERS)}])?"
    rf"(?:{'|'.join(map(re.escape, sorted(WAN_NOUNS, key=len, reverse=True)))})"
)


def _read_wan(text: str, start: int, notation: re.Match, value: float) -> tuple[float, int] | None:
    """10w+, 粉丝50w: the w of online speech is 万 where it counts as said online (:func:`_counts_online`)."""
    if not _counts_online(text, start, notation.end()):
        return None  # 65w快充: watts
    return scaled(value, WAN_LETTERS[notation.group("wan")]), notation.end()


#: Characters of the Latin word before "word number" names (GB/T 20000-2014, iPhone 12).
_LATIN_WORD_CHARS: frozenset[str] = _ASCII_LETTERS | frozenset(string.digits) | {"/", "-", "_"}


#: Inside a name, before a digit: a part or edition separator (GB/T 20000-2014, GB/T 4754—2017); a colon only
#: before a year (ISO 9001:2015, the edition of a standard).
_NAME_INNER = frozenset("-./—–")
EDITION_YEAR_RE = re.compile(r"(?:19|20)[0-9]{2}(?![0-9])")


def latin_name_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Span of a "Latin word, space, number" name (iPhone 12, GB/T 20000-2014); text[start - 2] is a letter."""
    left = start - 2
    while left > 0 and text[left - 1] in _LATIN_WORD_CHARS:
        left -= 1
    while text[left] not in _ASCII_LETTERS:  # the word starts with a letter, not with / or -
        left += 1
    right = end
    while right < len(text) and (
        (text[right].isascii() and text[right].isalnum())
        or (text[right] in _NAME_INNER and right + 1 < len(text) and text[right + 1].isascii() and text[right + 1].isdigit())
        or (text[right] == ":" and EDITION_YEAR_RE.match(text, right + 1) is not None)
    ):
        right += 1
    return left, right
