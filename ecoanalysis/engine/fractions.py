"""Fractions written with a slash (1/3, ３／５, 16/5, 1 3/5) and whole numbers with a fraction joined by 又
(三又二分之一 = 3.5, 1又1/2 = 1.5, 三百五十 又 3分 之1).

A fraction alone is a share, in percent (1/3 = 33.3 %); a whole number and a fraction make a count.
"""
from __future__ import annotations

import re

from ._lexicon import FRACTION_SHARE_BEFORE, FRACTION_SHARE_MAX_DENOMINATOR, MIXED_FRACTION_WORD, RANK_WORD
from .numerals import MAGNITUDES
from .patterns import _CORE_RE, _cn_to_number, _parse_arabic

_DIGITS = "0-9０-９"
#: A magnitude after the denominator makes it the base of a rate (3/10万 = 3 per 100,000), no fraction.
_SLASH_RE = re.compile(
    rf"(?P<num>[{_DIGITS}]{{1,3}})[/／](?P<den>[{_DIGITS}]{{1,4}})(?![{_DIGITS}/／{''.join(sorted(MAGNITUDES))}])"
)
#: A whole number, one space and a fraction (1 3/5 = 1.6; after a whole number it is no date, so 4 6/3 = 6).
_SPACED_PART_RE = re.compile(rf"[ ](?P<num>[{_DIGITS}]{{1,2}})[/／](?P<den>[{_DIGITS}]{{1,2}})(?![{_DIGITS}/／])")
#: Denominators of fractions written with a slash in prose (1/3, 3/4, 1/100); larger ones are more often
#: dates (3/15) or ratios of codes, so they keep their plain reading.
FRACTION_DENOMINATORS: frozenset[int] = frozenset(range(2, 11)) | {100, 1000}
#: An improper fraction (16/5) is read only when its numerator cannot be a month: 5/3 may be a date.
MONTHS = 12
_GAP = "[ ]{0,2}"
_MIXED_RE = re.compile(rf"{_GAP}{MIXED_FRACTION_WORD}{_GAP}")
_OF_RE = re.compile(rf"{_GAP}分{_GAP}之{_GAP}")
#: The slashes of a fraction.
SLASHES = frozenset("/／")
#: Minus signs that may stand before a fraction (-3/2); a dash glued to a word before it is a hyphen.
_MINUS_CHARS = frozenset("-－−")
_PART_FIRST: frozenset[str] = frozenset(MIXED_FRACTION_WORD + "0123456789０１２３４５６７８９")
#: The characters right after the whole number that a joined fraction may begin with.
FRACTION_PART_TRIGGERS: frozenset[str] = frozenset(MIXED_FRACTION_WORD + " ")
#: What may follow that space (1 3/5, 三百五十 又 3分 之1).
FRACTION_PART_AFTER_SPACE: frozenset[str] = _PART_FIRST


def may_start_fraction_part(text: str, end: int) -> bool:
    """Cheap test whether a fraction may be joined to the whole number ending at ``end`` (又, or a space and
    a digit)."""
    char = text[end:end + 1]
    if char == " ":
        char = text[end + 1:end + 2]
    return char in _PART_FIRST


def _fraction(numerator: int, denominator: int, *, proper: bool, month_free: bool = False, share: bool = False) -> float | None:
    if share and 0 < numerator < denominator <= FRACTION_SHARE_MAX_DENOMINATOR:
        return numerator / denominator  # 仅为日本的约1/20: a share is called for
    if denominator not in FRACTION_DENOMINATORS or numerator <= 0:
        return None
    if numerator >= denominator and (proper or (numerator <= MONTHS and not month_free)):
        return None
    return numerator / denominator


def read_slash_fraction(text: str, start: int) -> tuple[float, int] | None:
    """(share in percent, end) of the slash fraction starting at ``start`` (1/3 -> 33.3), or None.

    Not after another slash or a dash glued to a word (2021-3/4, A-1/2: parts of a date or code), nor after
    第, where the slash joins two ordinals (第3/4季度 = the third and fourth quarters). After a minus sign
    (-3/2) the fraction is signed, so it cannot be a date: an improper one is read too."""
    before = text[start - 1:start] if start else ""
    signed = before in _MINUS_CHARS and not text[start - 2:start - 1].isalnum()
    if before == "/" or before == RANK_WORD or (before in _MINUS_CHARS and not signed):
        return None
    match = _SLASH_RE.match(text, start)
    if match is None:
        return None
    numerator = int(match.group("num"))
    share = _fraction(numerator, int(match.group("den")), proper=False, month_free=signed, share=before in FRACTION_SHARE_BEFORE)
    return None if share is None else (share * 100.0, match.end())


def read_fraction_part(text: str, start: int, end: int) -> tuple[float, int] | None:
    """(fraction, end) of a fraction joined to the whole number text[start:end]: 又二分之一, 又1/2, and
    after one or two Arabic digits a space (1 3/5; 2021 3/5 is a year and a date). After a whole number a
    slash fraction is no date, so it may be improper (1 4/3 = 2.33)."""
    spaced = _SPACED_PART_RE.match(text, end) if end - start <= 2 and text[start:end].isdigit() else None
    if spaced is not None:
        share = _fraction(int(spaced.group("num")), int(spaced.group("den")), proper=False, month_free=True)
        return None if share is None else (share, spaced.end())
    joined = _MIXED_RE.match(text, end)
    if joined is None:
        return None
    slash = _SLASH_RE.match(text, joined.end())
    if slash is not None:
        share = _fraction(int(slash.group("num")), int(slash.group("den")), proper=False, month_free=True)
        return None if share is None else (share, slash.end())
    denominator = _CORE_RE.match(text, joined.end())
    of = None if denominator is None else _OF_RE.match(text, denominator.end())
    numerator = None if of is None else _CORE_RE.match(text, of.end())
    if numerator is None or "first" in (denominator.lastgroup, numerator.lastgroup):
        return None
    low, high = (_value(core) for core in (numerator, denominator))
    if low is None or high is None or not 0 < low < high:
        return None
    return low / high, numerator.end()


def _value(core: re.Match) -> float | None:
    return _parse_arabic(core.group()) if core.lastgroup == "arabic" else _cn_to_number(core.group())

