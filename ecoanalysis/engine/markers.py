"""Lone numbers: digits after a word that mark a footnote (形态 1。), not a quantity, and the characters that
rule it out; bare Chinese numerals that stand alone (a whole line, a quotation, 答案是五。) and so are read."""
from __future__ import annotations

from ._lexicon import STANDALONE_CLAUSE_ENDS, STANDALONE_COPULAS, STANDALONE_QUOTES
from .numerals import MAGNITUDES
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


_LINE_SPACE = " \t\u3000\r"


def stands_alone(text: str, start: int, end: int) -> bool:
    """Whether the bare numeral text[start:end] stands alone (lexicon [standalone]): the whole text or line
    (spaces aside), the whole of a quotation (“五”), or a copula's complement at a clause end (是五。) or
    before the next copula clause (是四不是五: 不是, 而是, 这是 ... one character and the copula)."""
    left, right = start - 1, end
    while left >= 0 and text[left] in _LINE_SPACE:
        left -= 1
    while right < len(text) and text[right] in _LINE_SPACE:
        right += 1
    before, after = text[left:left + 1] if left >= 0 else "", text[right:right + 1]
    if before in ("", "\n") and after in ("", "\n"):
        return True
    if before in STANDALONE_QUOTES and text[end:end + 1] == STANDALONE_QUOTES[before] and text[start - 1] == before:
        return True
    if not text.endswith(STANDALONE_COPULAS, 0, start):
        return False
    # the clause ends, or the next copula clause begins (答案是四不是五, 这是五那是四)
    return after == "" or after in STANDALONE_CLAUSE_ENDS or text.startswith(STANDALONE_COPULAS, end + 1)


def numeral_stands_alone(text: str, start: int, end: int, numeral: str) -> bool:
    """Whether the bare Chinese numeral text[start:end] stands alone and is a number by its shape: one digit
    or a numeral with magnitudes (七, 两, 三千二, 十万), not a bare magnitude (a line 万 is rather a unit header)
    nor digits read one by one (五一 is May Day, 二〇二一 a year)."""
    if len(numeral) > 1 and not any(char in MAGNITUDES for char in numeral):
        return False
    if all(char in MAGNITUDES for char in numeral) and numeral[0] not in "十拾":
        return False
    return stands_alone(text, start, end)
