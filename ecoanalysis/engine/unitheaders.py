"""Bare magnitudes that state a unit, not an amount: the unit header of a table (单位：亿元, 金额单位：人民币万元, 单位为
万吨) and a magnitude with its unit word alone in brackets (营业收入（百万元）, 投资额（亿元）). declared.py gives the
numbers under such a header or in such a row their unit; here the header itself yields no row.
"""
from __future__ import annotations

import re

from ._lexicon import CURRENCY_PREFIXES, UNIT_HEADER_LINKS, UNIT_HEADER_WORDS, UNIT_WORDS
from .draft import Draft, NOT_A_QUANTITY
from .patterns import _CN_MAG_CHARS, _alternation, _char_before_gap

#: 单位：亿元, 金额单位：人民币万元: the header word, a link, perhaps a currency, then the bare magnitude.
_UNIT_HEADER_RE = re.compile(
    rf"(?:{_alternation(UNIT_HEADER_WORDS)})[ \u3000]*(?:{_alternation(UNIT_HEADER_LINKS)})[\s\u3000]*"
    rf"(?:{_alternation(CURRENCY_PREFIXES)})?[\s\u3000]*\Z"
)
_UNIT_HEADER_LAST_CHARS: frozenset[str] = frozenset(word[-1] for word in (*UNIT_HEADER_LINKS, *CURRENCY_PREFIXES))
_UNIT_HEADER_WINDOW = 12
#: What may stand between the header's link and the magnitude: spaces, and a line break (单位：\n亿元).
_UNIT_HEADER_GAP = " \u3000\r\n"
#: （亿元）, (百万美元), （万吨）: a magnitude and a unit word alone in brackets annotate a unit (a table row's, a
#: column's), never an amount; a leading 十 is also the digit ten (（十家）: ten of them).
_BRACKETED_UNIT_RE = re.compile(rf"[百佰千仟万萬亿億兆]{{1,3}}(?:{_alternation(UNIT_WORDS)})[）)]")
_UNIT_BRACKETS = "（("
#: The character right before a magnitude of a unit header: the header's last character, a gap before it, a bracket.
UNIT_HEADER_BEFORE: frozenset[str] = _UNIT_HEADER_LAST_CHARS | frozenset(_UNIT_HEADER_GAP) | frozenset(_UNIT_BRACKETS)
#: Before the space before a magnitude, what lets it be a header's (the reader looks past the gap first).
UNIT_HEADER_PAST_SPACE: frozenset[str] = _UNIT_HEADER_LAST_CHARS | frozenset(_UNIT_HEADER_GAP)


def read_unit_header(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """单位：亿元, 单位为万吨, 营业收入（百万元）: a bare magnitude in a unit header or a bracketed unit is no quantity."""
    start = core.start()
    if text[start - 1:start] not in UNIT_HEADER_BEFORE or core.lastgroup != "cn":
        return None
    if core.group().strip(_CN_MAG_CHARS):  # not magnitudes only (one C-level strip, no generator)
        return None
    if text[start - 1] in _UNIT_BRACKETS:
        return NOT_A_QUANTITY if _BRACKETED_UNIT_RE.match(text, start) else None
    if _char_before_gap(text, start, 3, _UNIT_HEADER_GAP) not in _UNIT_HEADER_LAST_CHARS:
        return None
    header = _UNIT_HEADER_RE.search(text, max(0, start - _UNIT_HEADER_WINDOW), start)
    return None if header is None else NOT_A_QUANTITY
