"""兆 before a word of money is 10^12 (3兆元, 1.2兆新台币, 10兆日元, 兆美元): Taiwan, Hong Kong and Japan count
money in 兆 = 万亿, and no amount of money is written with the SI prefix 兆 = 10^6 (a million 元 is 100万元), so a
currency after 兆 settles what a bare 五兆 leaves open (numerals.py). Before any other word 兆 keeps its SI reading
(兆瓦 = MW, 兆赫, 兆字节) or stays unread (五兆: vague).

The words of money are the lexicon's currency units ([[unit]] rows of class currency), none typed here.
"""
from __future__ import annotations

import re

from ._lexicon import UNIT_WORDS
from .draft import Draft
from .numerals import TRILLION_WORD, SECTION_MAGNITUDES, scaled
from .patterns import _alternation, _cn_to_number

MONEY_WORDS: tuple[str, ...] = tuple(sorted(
    (word for word, info in UNIT_WORDS.items() if info.unit == "currency" and not word.isascii()), key=len, reverse=True
))
#: 兆 followed by a word of money: the pattern the tail's magnitude run takes 兆 with (3兆元).
MONEY_TRILLION = rf"{TRILLION_WORD}(?=(?:{_alternation(MONEY_WORDS)}))"
_MONEY_TRILLION_RE = re.compile(MONEY_TRILLION)
TRILLION = SECTION_MAGNITUDES[TRILLION_WORD]


def money_trillion_value(text: str, numeral: str, end: int) -> float | None:
    """三兆元, 兆美元, 一点二兆新台币: the value of a Chinese numeral ending in 兆 before a word of money at ``end``
    (10^12 times what precedes 兆; 兆 alone is 10^12), or None."""
    if not numeral.endswith(TRILLION_WORD) or _MONEY_TRILLION_RE.match(text, end - 1) is None:
        return None
    head = numeral[:-1]
    if not head:
        return float(TRILLION)
    value = _cn_to_number(head)
    return None if value is None else float(value) * TRILLION


#: Unit words that begin with 兆 (兆瓦, 兆赫, 兆字节): after a number 兆 is their SI prefix, never 10^12.
_SI_MEGA_WORDS: tuple[str, ...] = tuple(word for word in UNIT_WORDS if word.startswith(TRILLION_WORD) and len(word) > 1)


def read_trillion_after_currency(text: str, draft: Draft) -> bool:
    """新台幣1兆, 日圓3.5兆: 兆 right after an amount whose currency is written before it is 10^12, taken into the
    mention; not where 兆 begins a unit word (兆瓦)."""
    end = draft.end
    if text[end:end + 1] != TRILLION_WORD or draft.value is None or draft.scale_applied or draft.counter is not None:
        return False
    if text.startswith(_SI_MEGA_WORDS, end):
        return False
    draft.value = scaled(draft.value, TRILLION)
    draft.value_high = None if draft.value_high is None else scaled(draft.value_high, TRILLION)
    draft.end, draft.scale_applied, draft.scale = end + 1, True, float(TRILLION)
    return True
