"""The bases of rates, which are no quantities: 每百户, 每十万人, 每10万人口 (after 每) and 15.1/10万 (after a
number and a slash); magnitudes that begin a unit word with no number before them (大兆瓦); and grades of network
speed written as magnitudes (千兆宽带), which are names.
"""
from __future__ import annotations

import re

from ._lexicon import NETWORK_GRADES, PER_WORD, UNIT_WORDS
from .draft import Draft, NOT_A_QUANTITY, _name_draft
from .numerals import MAGNITUDES

#: Leading characters of a bare magnitude that still reads as a denominator (十万 in 每十万人).
_DENOMINATOR_LEAD = "十拾"
#: Durations after 每 + magnitude state a period (每十年, 每百天), which is a quantity.
_DURATION_WORDS: tuple[str, ...] = tuple(word for word, info in UNIT_WORDS.items() if info.unit == "duration")


#: Arabic rate bases are powers of ten (每10股, 每100元, 每1000人); 每3人 or 每15分钟 are amounts.
_POWER_OF_TEN_RE = re.compile(r"10{1,5}")


def read_rate_denominator(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """每百户, 每千人口, 每十万人, 每10万人口, 每10股: a bare magnitude or a power of ten after 每 is the base
    of a rate, no quantity (with a duration after it, 每十年, 每10天, it is a period and stays)."""
    start = core.start()
    if start == 0 or text[start - 1] != PER_WORD:
        return None
    numeral, end = core.group(), core.end()
    if core.lastgroup == "arabic":  # 每10万人口, 每100元, 每10股: a power of ten, perhaps with magnitudes
        if not _POWER_OF_TEN_RE.fullmatch(numeral):
            return None
        while text[end:end + 1] in MAGNITUDES:
            end += 1
        return None if text.startswith(_DURATION_WORDS, end) else NOT_A_QUANTITY
    body = numeral[1:] if len(numeral) > 1 and numeral[0] in _DENOMINATOR_LEAD else numeral
    if not all(char in MAGNITUDES for char in body) or text.startswith(_DURATION_WORDS, end):
        return None
    return NOT_A_QUANTITY


def read_slash_base(text: str, core: re.Match) -> Draft | None:
    """15.1/10万, 3.2/100万: a power of ten with a magnitude after a number and a slash is the base of the
    rate ("per 100,000"), no quantity; 1/10 and 3/100 stay fractions."""
    end = core.end()
    if core.lastgroup != "arabic" or not _POWER_OF_TEN_RE.fullmatch(core.group()) or text[end:end + 1] not in MAGNITUDES:
        return None
    return NOT_A_QUANTITY


#: Unit words that begin with a magnitude character (兆瓦, 千瓦时, 千克): with no numeral before, no quantity.
MAGNITUDE_UNIT_WORDS: tuple[str, ...] = tuple(word for word in UNIT_WORDS if word[0] in MAGNITUDES and len(word) > 1)


#: First characters of the network grades (千兆), for the reader's first test.
NETWORK_GRADE_FIRST: frozenset[str] = frozenset(word[0] for word in NETWORK_GRADES)


def read_network_grade(text: str, core: re.Match) -> Draft | None:
    """千兆宽带, 千兆光网, “双千兆”, 可达千兆: a bare magnitude before 兆 names a grade of network speed, as 5G names a
    generation (name-like, no count); 千兆瓦 and 千兆字节 are magnitudes of a unit word led by 兆."""
    start, end = core.span()
    if core.group() not in NETWORK_GRADES or text.startswith(MAGNITUDE_UNIT_WORDS, end - 1):
        return None
    return _name_draft(start, end, None)
