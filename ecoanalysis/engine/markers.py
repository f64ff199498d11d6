"""Lone digits after a word that mark a footnote (形态 1。), not a quantity, and the characters that rule it out."""
from __future__ import annotations

from .patterns import is_han

#: Characters before a lone 1-2 digit number that make it a value rather than a footnote marker, or before
#: digits glued to 指数 that make them an amount (为300指数).
VALUE_VERB_CHARS: frozenset[str] = frozenset("为达是有共计约近超过到至于了第和与及或、（(：:")


def looks_like_footnote_marker(text: str, start: int, end: int, numeral: str) -> bool:
    """A lone 1-2 digit number after 'CJK + space' and before punctuation is a footnote marker (形态 1。)."""
    if end - start > 2 or start < 2 or text[start - 1] != " ":
        return False
    previous = text[start - 2]
    if not is_han(previous) or previous in VALUE_VERB_CHARS:
        return False
    return end < len(text) and text[end] in "。，；："
