"""Durations written in two units (有期徒刑二年六个月, 一年零三个月, 用时3小时20分钟, 1分30秒): one mention in the
first unit, with the second part added as its share of that unit (lexicon [[duration_parts]]), as 五元三角 adds its
角 to the yuan (tails.py)."""
from __future__ import annotations

import re

from ._lexicon import DURATION_PARTS, MIXED_FRACTION_WORD
from .draft import Draft
from .numerals import FULLWIDTH_TO_ASCII
from .patterns import _cn_to_number

#: The links allowed between the two parts: 零 (一年零三个月) and 又 (两年又六个月).
_LINKS = "零" + MIXED_FRACTION_WORD

#: After each first unit: a link perhaps, a whole number (two Arabic digits or a short Chinese numeral) and the
#: word of a smaller unit not starting another word.
_PART_RES: dict[str, re.Pattern] = {
    unit: re.compile(
        rf"[{_LINKS}]?(?P<digits>[0-9０-９]{{1,2}}|[一二两三四五六七八九十]{{1,3}})(?P<word>"
        + "|".join(re.escape(w) + (f"(?![{guards[w]}])" if guards.get(w) else "") for w in sorted(parts, key=len, reverse=True))
        + ")"
    )
    for unit, (parts, guards) in DURATION_PARTS.items()
}

#: The first characters of the parts, so that most durations skip the match (its first test, without the call).
PART_FIRST_CHARS: frozenset[str] = frozenset("0123456789０１２３４５６７８９一二两三四五六七八九十" + _LINKS)


def read_duration_part(text: str, position: int, draft: Draft) -> int:
    """The smaller part after a whole number of a duration's unit (二年六个月 = 2.5 年, 3小时20分 = 3.333 小时):
    where the mention ends. A part as large as the unit (二年十二个月) or after a range, a fraction or a magnitude
    is not read."""
    if draft.value is None or draft.value != int(draft.value) or draft.value_high is not None or draft.scale != 1.0:
        return position
    found = _PART_RES[draft.counter].match(text, position)
    if found is None:
        return position
    digits = found.group("digits")
    part = int(digits.translate(FULLWIDTH_TO_ASCII)) if digits[0].isdigit() else _cn_to_number(digits)
    per_unit = DURATION_PARTS[draft.counter][0][found.group("word")]
    if part is None or part != int(part) or not 0 < part < per_unit:
        return position
    draft.value = round(draft.value + part / per_unit, 10)
    return found.end()
