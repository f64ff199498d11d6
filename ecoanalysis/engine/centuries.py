"""Centuries and decades for the general reading (reading.py): 21世纪 = 2001..2100, 20世纪90年代 = 1990..1999,
上世纪80年代 (the century before the document year's), 2010年代, and a decade whose century is unstated (90年代: the
latest such decade up to the document year; no value without one).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ._lexicon import CENTURY_MAX, CENTURY_WORD, DECADE_WORD, RELATIVE_CENTURIES
from .draft import Draft
from .patterns import _GAP, _alternation, _cn_to_number, _parse_arabic

if TYPE_CHECKING:
    from .reading import _Reading

#: The first characters of the period words after a number, for the general reading's cheap test.
PERIOD_FIRST_CHARS: frozenset[str] = frozenset({CENTURY_WORD[0], DECADE_WORD[0]})
YEARS_IN_CENTURY = 100
YEARS_IN_DECADE = 10
_PERIOD_RE = re.compile(rf"{_GAP}(?:(?P<century>{CENTURY_WORD})|(?P<decade>{DECADE_WORD}))")
#: A decade after its century: 20世纪90年代, 二十世纪九十年代.
_DECADE_AFTER_RE = re.compile(rf"{_GAP}(?P<tens>[0-9０-９][0０]|[一二三四五六七八九]?十){_GAP}{DECADE_WORD}")
_RELATIVE_CENTURY_RE = re.compile(rf"(?P<rel>{_alternation(RELATIVE_CENTURIES)}){_GAP}\Z")
#: How far before the number a relative century word (上世纪, 本世纪) is looked for.
_RELATIVE_WINDOW = max(map(len, RELATIVE_CENTURIES)) + 2


def _tens(numeral: str) -> int | None:
    """The tens of a decade as written after its century: 90, ９０, 九十."""
    value = _parse_arabic(numeral) if numeral[0].isdigit() else _cn_to_number(numeral)
    return None if value is None else int(value)


def _set_period(draft: Draft, first: int | None, years: int) -> None:
    draft.unit, draft.counter = "date", None
    draft.value = None if first is None else float(first)
    draft.value_high = None if first is None else float(first + years - 1)
    draft.bounds.append("range")


def read_period(reading: _Reading, draft: Draft, *, year: int | None, with_prefix: bool) -> bool:
    """N世纪 (with a decade after it), N0年代: a century or a decade, a date range. Whether the draft was read so."""
    value, text = draft.value, reading.text
    if value is None or value != int(value) or draft.value_high is not None or reading.span_kind is not None:
        return False
    period = _PERIOD_RE.match(text, reading.end)
    if period is None:
        return False
    value = int(value)
    if period.group("century"):
        if not 1 <= value <= CENTURY_MAX:
            return False
        base, end = YEARS_IN_CENTURY * (value - 1), period.end()
        decade = _DECADE_AFTER_RE.match(text, end)
        tens = None if decade is None else _tens(decade.group("tens"))
        if tens is not None:  # 20世纪90年代 = 1990..1999
            _set_period(draft, base + tens, YEARS_IN_DECADE)
            end = decade.end()
        else:  # 21世纪 = 2001..2100
            _set_period(draft, base + 1, YEARS_IN_CENTURY)
    elif value % YEARS_IN_DECADE or not (value < YEARS_IN_CENTURY or 1000 <= value <= 9990):
        return False
    else:
        end = period.end()
        _set_period(draft, _decade_start(reading, value, year, with_prefix=with_prefix), YEARS_IN_DECADE)
    reading.position, reading.context = end, True
    return True


def _decade_start(reading: _Reading, value: int, year: int | None, *, with_prefix: bool) -> int | None:
    """The first year of N0年代: 2010年代 = 2010; 上世纪80年代 = 1980 (document year 2021); 90年代 alone the latest
    1990 up to the document year; None where no year resolves the century."""
    if value >= YEARS_IN_CENTURY:
        return value
    relative = None
    if with_prefix:
        relative = _RELATIVE_CENTURY_RE.search(reading.text, max(0, reading.start - _RELATIVE_WINDOW), reading.start)
    if relative is not None:
        reading.prefix_end = relative.start()
    if year is None:
        return None
    base = (year // YEARS_IN_CENTURY) * YEARS_IN_CENTURY
    if relative is not None:
        return base + YEARS_IN_CENTURY * RELATIVE_CENTURIES[relative.group("rel")] + value
    return base + value if base + value <= year else base - YEARS_IN_CENTURY + value
