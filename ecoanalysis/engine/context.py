"""Words after a number that are read by what stands before it (called from reading._apply_prefix): 每股十五仙 (cents of
a share), 升息1碼 (steps of a rate), 华氏98.6度 (degrees of temperature), 身高1.75m and 得分68.9分 (units of a stated
quantity), 时速350公里 (a speed), 比三十大 (a comparison).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ._lexicon import COMPARISON_WORD, DEGREE_WORDS, RATE_LI_WORD, RATE_STEP_WORD, SHARE_CENTS
from .draft import Draft
from .durations import PART_LED_FIRST, read_part_led_duration
from .prefixes import CONTEXT_UNIT_FIRST, read_comparison, read_context_unit, read_suffix_after_unit, read_temperature_degrees
from .rates import read_speed_context
from .ratesteps import read_rate_li, read_rate_steps
from .tails import read_share_cents

if TYPE_CHECKING:
    from .reading import _Reading


#: What may follow a number that read_in_context reads (仙 of 每股十五仙, 碼, 度, a context unit's first character); a
#: length (a speed's) and 比 before the number are its other triggers.
CONTEXT_AFTER_CHARS: frozenset[str] = (
    frozenset(SHARE_CENTS) | {RATE_STEP_WORD, RATE_LI_WORD} | DEGREE_WORDS | frozenset(CONTEXT_UNIT_FIRST) | PART_LED_FIRST
)
#: 升息 1 碼: Taiwan's wires space the step word off its number.
SPACED_RATE_STEP = " " + RATE_STEP_WORD


def read_in_context(reading: _Reading, draft: Draft) -> None:
    """Words after the number read by what stands before it: 每股十五仙, 华氏98.6度, 身高1.75m, 得分68.9分, 时速350公里,
    比三十大 (a comparison)."""
    text, char = reading.text, reading.text[draft.end:draft.end + 1]
    if char in SHARE_CENTS and read_share_cents(text, draft, reading.prefix_end):  # 每股十五仙
        reading.position, reading.context = draft.end, True
    elif (char == RATE_STEP_WORD or text.startswith(SPACED_RATE_STEP, draft.end)) and read_rate_steps(
        text, draft, reading.prefix_end
    ):
        reading.position, reading.context = draft.end, True  # 升息1碼 = 0.25 percentage point
    elif char == RATE_LI_WORD and read_rate_li(text, draft, reading.prefix_end):
        reading.position, reading.context = draft.end, True  # 利率维持1.5厘 = 1.5 %
    elif char in DEGREE_WORDS and (degrees_start := read_temperature_degrees(text, draft, reading.prefix_end)) is not None:
        reading.prefix_end, reading.position, reading.context = degrees_start, draft.end, True  # 华氏98.6度, 气温升高5度
    elif char in PART_LED_FIRST and read_part_led_duration(text, draft):
        read_suffix_after_unit(text, draft)  # 3分40秒以内
        reading.position, reading.context = draft.end, True  # 2分30秒: the minute of a duration in minutes and seconds
    elif char in CONTEXT_UNIT_FIRST and read_context_unit(text, draft, reading.prefix_end, magnitude_only=reading.magnitude_only):
        reading.position, reading.context = draft.end, True  # 身高1.75m, 得分68.9分
    read_speed_context(text, draft, reading.start)  # 时速350公里, 每小时能跑600公里, 达每秒45米
    if text[reading.prefix_end - 1:reading.prefix_end] == COMPARISON_WORD:
        comparison_start = read_comparison(text, draft, reading.prefix_end)
        if comparison_start is not None:  # 比三十大, 比10元高: the subject is above or below the number
            reading.prefix_end, reading.position, reading.context = comparison_start, draft.end, True
