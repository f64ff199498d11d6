"""A mean and its spread written with ± (152.6±11.3 mmHg, (45.3±8.2)岁, （3.2±0.5）kg), as results tables and papers
print them: the unit written after the spread, or after the bracket closing both, belongs to both numbers. Run after
the scan, on the drafts in place.
"""
from __future__ import annotations

from ._lexicon import CONTEXT_UNITS, PERCENT_SIGNS, TOLERANCE_SIGNS, UNIT_WORDS
from .draft import Draft
from .patterns import unit_word_at
from .rates import read_per_unit

_CLOSERS = ")）"
_SIGN_FIRST = frozenset(sign[0] for sign in TOLERANCE_SIGNS)
_SPACES = " \u3000"


def _past_spaces(text: str, position: int) -> int:
    while position < len(text) and text[position] in _SPACES:
        position += 1
    return position


def _word_after_bracket(text: str, draft: Draft) -> tuple[str, int] | None:
    """The unit word after the bracket that closes right after ``draft`` (perhaps past spaces) and where it starts:
    a unit or counter word of no magnitude, a percent sign, or a [[context_unit]] word, whose quantity the mean ± SD
    itself speaks of ((3.2±1.1)分, (1.75±0.08)m). The bracket parts the word from the digits as a space does, so a
    word that must follow a space (7 d) may follow it too ((7.5±2.1)d). None if there is none."""
    position = _past_spaces(text, draft.end)
    if position == len(text) or text[position] not in _CLOSERS:
        return None
    position = _past_spaces(text, position + 1)
    word = unit_word_at(text, position)
    if word is not None:
        return (word, position) if UNIT_WORDS[word].scale == 1.0 else None
    char = text[position:position + 1]
    if char in PERCENT_SIGNS:
        return char, position
    follower = text[position + 1:position + 2]
    if char not in CONTEXT_UNITS or (follower.isascii() and follower.isalnum()) or (follower and follower in CONTEXT_UNITS[char].guard):
        return None  # (3±1)分之一, (5±1)min
    return char, position


def _copy_unit(source: Draft, draft: Draft) -> None:
    draft.unit, draft.unit_symbol, draft.counter, draft.currency = source.unit, source.unit_symbol, source.counter, source.currency


def _set_unit(text: str, word: str, position: int, draft: Draft) -> None:
    """Give ``draft`` the unit ``word`` written at ``position``, and the denominator after it ((16.8±2.4)mmol/L)."""
    if word in PERCENT_SIGNS:
        draft.unit = "percent"
        return
    if word in UNIT_WORDS:
        unit = UNIT_WORDS[word]
        draft.unit, draft.unit_symbol, draft.counter, draft.currency = unit.unit or "count", unit.symbol, word, unit.currency
    else:  # a word of [[context_unit]]: (3.2±1.1)分
        draft.unit, draft.unit_symbol, draft.counter = CONTEXT_UNITS[word].unit, CONTEXT_UNITS[word].symbol, word
    read_per_unit(text, position + len(word), draft)


def share_tolerance_units(text: str, drafts: list[Draft]) -> None:
    """152.6±11.3 mmHg, (152.6±11.3) mmHg: the mean takes the spread's unit, or both the unit after their bracket."""
    for mean, spread in zip(drafts, drafts[1:]):
        if text[mean.end:mean.end + 1] not in _SIGN_FIRST and text[mean.end + 1:mean.end + 2] not in _SIGN_FIRST:
            continue  # (the cheap test: no sign right after the mean, nor after one space)
        if text[mean.end:spread.start].strip(_SPACES) not in TOLERANCE_SIGNS or not mean.is_bare_number():
            continue
        if not spread.is_bare_number():
            _copy_unit(spread, mean)  # 152.6±11.3 mmHg
            continue
        found = _word_after_bracket(text, spread)
        if found is not None:  # (152.6±11.3) mmHg, 年龄（45.3±8.2）岁, (1.2±0.4)%
            _set_unit(text, *found, mean)
            _set_unit(text, *found, spread)
