"""Traditional characters read as simplified ones (the ``[variants]`` table of the lexicon), and the points
written between Chinese digits read as 点 (``[decimal_points]``: 七二九．二億 = 七二九点二亿, 百分之十二．五 = 百分之十二点五).

The mapping is one character to one character, so every span found in the mapped text slices the
original text too; the qualifiers and counters a draft records come out in their simplified form.
"""
from __future__ import annotations

import re

from ._lexicon import (
    CHINESE_DECIMAL_NUMERATOR_AFTER, CHINESE_DECIMAL_POINTS, CHINESE_DECIMAL_THEN, TRADITIONAL_MIN_SHARE,
    TRADITIONAL_MIN_VARIANTS, VARIANTS,
)
from .numerals import CHINESE_DIGITS, MAGNITUDES

#: Full-width Latin letters (ＧＢ, １５Ｋ, ｋｍ) are read as ASCII letters: an encoding variant, like the
#: full-width digits that numerals.py reads itself (those stay, as the cores keep them).
_FULLWIDTH_LETTERS: dict[str, str] = {
    chr(ord(letter) - ord("A") + ord("Ａ")): letter for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
} | {chr(ord(letter) - ord("a") + ord("ａ")): letter for letter in "abcdefghijklmnopqrstuvwxyz"}
_ALL_VARIANTS: dict[str, str] = VARIANTS | _FULLWIDTH_LETTERS
_VARIANT_TABLE = str.maketrans(_ALL_VARIANTS)
_VARIANT_RE = re.compile(f"[{''.join(_ALL_VARIANTS)}]")


_DIGITS = "".join(sorted(CHINESE_DIGITS))
_AFTER_FRACTION = "".join(sorted(MAGNITUDES)) + CHINESE_DECIMAL_THEN
#: The fraction after a point, then a magnitude or %; the whole part before the point must end in a digit or in 十
#: (十．九二％, 二十．五％). The points are found with str.find: a regex led by a character set tests every
#: character of the text, thirty times slower over a report than finding its few points.
_FRACTION_THEN_RE = re.compile(f"[{_DIGITS}]+[{re.escape(_AFTER_FRACTION)}]")
_WHOLE_PART_LAST = frozenset(_DIGITS) | {"十"}


def _decimal_points(text: str) -> list[int]:
    """Where a point stands between the Chinese digits of a decimal (五.五%, 七二九．二億)."""
    found = []
    for point in CHINESE_DECIMAL_POINTS:
        position = text.find(point, 1)
        while position != -1:
            if text[position - 1] in _WHOLE_PART_LAST and _FRACTION_THEN_RE.match(text, position + 1) is not None:
                found.append(position)
            position = text.find(point, position + 1)
    return found


#: 百分之十二．五: a point between the Chinese digits of a share's numerator (magnitudes inside: 十二).
_NUMERATOR_POINT_RE = re.compile(
    f"(?<={re.escape(CHINESE_DECIMAL_NUMERATOR_AFTER)})(?P<whole>[{_DIGITS}{''.join(sorted(MAGNITUDES))}]+)"
    f"[{re.escape(CHINESE_DECIMAL_POINTS)}](?=[{_DIGITS}]+(?![{''.join(sorted(MAGNITUDES))}]))"
)
_DECIMAL_POINT_WORD = "点"


def to_simplified(text: str) -> str:
    """``text`` with every variant character mapped, and a point between two Chinese digits read as 点; the
    same object when it holds none (the usual case, found by one C-level search, far cheaper than translating)."""
    if _VARIANT_RE.search(text) is not None:
        text = text.translate(_VARIANT_TABLE)
    if not any(point in text for point in CHINESE_DECIMAL_POINTS):
        return text  # both readings below need a point: a few C-level finds
    points = _decimal_points(text)
    if points:
        chars = list(text)
        for position in points:
            chars[position] = _DECIMAL_POINT_WORD
        text = "".join(chars)
    if CHINESE_DECIMAL_NUMERATOR_AFTER in text and _NUMERATOR_POINT_RE.search(text) is not None:
        text = _NUMERATOR_POINT_RE.sub(rf"\g<whole>{_DECIMAL_POINT_WORD}", text)
    return text


_TRADITIONAL_RE = re.compile(f"[{''.join(VARIANTS)}]")
_HAN_RE = re.compile("[\u4e00-\u9fff]")


def writes_traditional(text: str) -> bool:
    """Whether ``text`` is written in traditional characters ([traditional_script]: enough of its Han characters
    are ones the simplified reading changes), as Hong Kong, Macau and Taiwan write."""
    variants = len(_TRADITIONAL_RE.findall(text))
    if variants < TRADITIONAL_MIN_VARIANTS:
        return False
    return variants >= TRADITIONAL_MIN_SHARE * len(_HAN_RE.findall(text))
