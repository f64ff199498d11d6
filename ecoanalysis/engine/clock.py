"""Times of day and spans of hours, name-like: they name moments, like 20:47, and count nothing.

上午10点, 5日9时30分, 凌晨3时许, 8点半 are times of day (not 3点意见, a count of points); 8时至20时, 08时-20时 and
20-8时降水量 are spans of the clock (the rainfall from 20:00 to 08:00), not ranges of a count.
"""
from __future__ import annotations

import re

from ._lexicon import CLOCK_AFTER, CLOCK_BEFORE, CLOCK_MARKS_AFTER, CLOCK_HOUR_GUARD, CLOCK_QUARTERS, CLOCK_WORDS, RANGE_CONNECTORS
from .draft import Draft, _name_draft
from .patterns import _alternation, _cn_to_number, _parse_arabic

HOURS_IN_DAY = 24
_CLOCK_WORD_FIRST: frozenset[str] = frozenset(word[0] for word in CLOCK_WORDS)
#: The characters after a number that may begin a time: a clock word, or a connector before the second hour.
CLOCK_TRIGGER_CHARS: frozenset[str] = _CLOCK_WORD_FIRST | frozenset(word[0] for word in RANGE_CONNECTORS)
_CLOCK_BEFORE_WINDOW = max(len(word) for word in CLOCK_BEFORE)
_CLOCK_NUMERAL = "(?:[0-9０-９]{1,2}|[零〇一二三四五六七八九十]{1,3})"  # (full-width digits too: １０时３５分)
_CONNECTOR = _alternation(RANGE_CONNECTORS)
#: 时, the hour of a 24-hour clock: a bare span of hours ends with it (8-20时; 3-5点 may count points).
_HOUR_WORD = CLOCK_WORDS[0]
#: After N 时/点: minutes (30分), one of the clock words (半, 许, 钟, 整), or a connector and the hour that ends a
#: span (8时至20时).
_CLOCK_TAIL_RE = re.compile(
    rf"{_CLOCK_NUMERAL}分|{_alternation(CLOCK_AFTER)}|{_alternation(CLOCK_QUARTERS)}"
    # minutes said with no 分, which hold 十 as no decimal does (晚上七点四十, 七点四十五)
    rf"|[二三四五]?十[一二三四五六七八九]?(?![零〇一二两三四五六七八九十百千万亿])"
    rf"|(?:{_CONNECTOR})(?P<until>{_CLOCK_NUMERAL})(?:{_alternation(CLOCK_WORDS)})"
)

#: After the first hour of a bare span: the connector, the second hour and 时 (20-8时).
_HOUR_SPAN_RE = re.compile(rf"(?:{_CONNECTOR})(?P<until>{_CLOCK_NUMERAL}){_HOUR_WORD}(?![{CLOCK_HOUR_GUARD}])")


def _is_hour(numeral: str | None) -> bool:
    if numeral is None:
        return True  # no second hour to check
    hour = _parse_arabic(numeral) if numeral[0].isdigit() else _cn_to_number(numeral)
    return hour is not None and hour == int(hour) and 0 <= hour <= HOURS_IN_DAY


def read_clock_time(text: str, core: re.Match, with_prefix: bool, hour: float | None) -> Draft | None:
    """A time of day or a span of hours starting with the number ``core`` (its value ``hour``), name-like; None
    when none is written there."""
    start, end = core.span()
    if not with_prefix or hour is None or hour != int(hour) or not 0 <= hour <= HOURS_IN_DAY:
        return None
    if text[end:end + 1] not in _CLOCK_WORD_FIRST:
        span = _HOUR_SPAN_RE.match(text, end)
        return None if span is None or not _is_hour(span.group("until")) else _name_draft(start, span.end(), None)
    word = next((word for word in CLOCK_WORDS if text.startswith(word, end)), None)
    if word is None:
        return None
    after = end + len(word)
    tail = _CLOCK_TAIL_RE.match(text, after)
    if tail is not None and not _is_hour(tail.group("until")):
        return None
    if tail is None and not text[max(0, start - _CLOCK_BEFORE_WINDOW):start].endswith(CLOCK_BEFORE) and not (
        text.startswith(CLOCK_MARKS_AFTER, after)  # 不到9點就賣完, 12点前退房
    ):
        return None
    return _name_draft(start, after if tail is None else tail.end(), None)
