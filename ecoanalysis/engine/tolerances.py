"""A mean and its spread written with ± (152.6±11.3 mmHg, (45.3±8.2)岁, （3.2±0.5）kg), as results tables and papers
print them: the unit written after the spread, or after the bracket closing both, belongs to both numbers. Run after
the scan, on the drafts in place.
"""
from __future__ import annotations

from ._lexicon import TOLERANCE_SIGNS, UNIT_WORDS
from .draft import Draft
from .patterns import unit_word_at

_CLOSERS = ")）"
_SIGN_FIRST = frozenset(sign[0] for sign in TOLERANCE_SIGNS)
_SPACES = " \u3000"


def _past_spaces(text: str, position: int) -> int:
    while position < len(text) and text[position] in _SPACES:
        position += 1
    return position


def _unit_after_bracket(text: str, draft: Draft) -> str | None:
    """The unit word after the bracket that closes right after ``draft`` (perhaps past spaces), or None."""
    position = _past_spaces(text, draft.end)
    if position == len(text) or text[position] not in _CLOSERS:
        return None
    word = unit_word_at(text, _past_spaces(text, position + 1))
    return word if word is not None and UNIT_WORDS[word].scale == 1.0 else None


def _copy_unit(source: Draft, draft: Draft) -> None:
    draft.unit, draft.unit_symbol, draft.counter, draft.currency = source.unit, source.unit_symbol, source.counter, source.currency


def _set_unit(word: str, draft: Draft) -> None:
    info = UNIT_WORDS[word]
    draft.unit, draft.unit_symbol, draft.counter, draft.currency = info.unit or "count", info.symbol, word, info.currency


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
        word = _unit_after_bracket(text, spread)
        if word is not None:  # (152.6±11.3) mmHg, 年龄（45.3±8.2）岁
            _set_unit(word, mean)
            _set_unit(word, spread)
