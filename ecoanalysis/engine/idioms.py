"""Whole-mention readers of approximate-number idioms: the lexicon's [words] with no numeral character
(大半, 过半数, 半数以上, 俩, 数倍, 翻番, 个把月) and N位数 (两位数增长 = 10..99).

A word keeps the qualifiers around it: a prefix qualifier before it (超过半数 = more than 50 %) and a
suffix after it (半数以上 = at least 50 %).
"""
from __future__ import annotations

import re

from ._lexicon import (
    DIGIT_COUNT_GROWTH_AFTER,
    DIGIT_COUNT_MAX,
    DIGIT_COUNT_RATE_BEFORE,
    DOUBLING_COUNTER,
    DOUBLING_VERB,
    PREFIX_QUALIFIERS,
    DIGIT_COUNT_WORD,
    GE_DURATIONS,
    IDIOM_WORDS,
    INFIX_QUALIFIERS,
    MORE_GUARD,
    RATE_STEP_POINTS,
    SUFFIX_QUALIFIERS,
    UNIT_GUARDS,
    UNIT_WORDS,
)
from .draft import NOT_A_QUANTITY, Draft
from .patterns import _GAP, _SUFFIX_RE, _alternation, _cn_to_number, _guarded, clause_before
from .prefixes import _read_prefix_qualifier
from .ratesteps import speaks_of_a_rate_change
from .tails import _read_counter_tail

#: After a counted word (个把): a duration word that 个 makes a counter of (个把月 = about 一个月), else
#: any unit or counter of the lexicon (个把人, 个把项目).
_COUNTED_DURATION_RE = re.compile(f"(?P<word>{_alternation(GE_DURATIONS)})")
_COUNTED_UNIT_RE = re.compile(
    "(?P<word>" + "|".join(
        _guarded(w, UNIT_GUARDS, behind=False) + ("(?![A-Za-z])" if UNIT_WORDS[w].latin else "")  # 半亿Paddle: no Pa
        for w in sorted(UNIT_WORDS, key=len, reverse=True)
    ) + ")"
)
#: The counter 个 that a duration word after 个把 takes (个把月 -> 个月).
_GE = "个"


def _read_counted(text: str, draft: Draft, word: str = _GE) -> bool:
    """The counter or unit after 个把 (个把月, 个把小时, 个把人), 若干 (若干家) or a count (半亿元); False when none
    follows. Only a word with 个 (个把) makes 个 + duration a counter."""
    duration = _COUNTED_DURATION_RE.match(text, draft.end) if word.startswith(_GE) else None
    if duration is not None:
        draft.unit, draft.counter = "duration", _GE + duration.group("word")
        draft.end = duration.end()
        return True
    unit = _COUNTED_UNIT_RE.match(text, draft.end)
    if unit is None:
        return False
    # the counter's own tail too: 百儿八十块 is money, as 三百块 is
    draft.end = _read_counter_tail(text, unit.end(), draft, unit.group("word"), magnitude_only=False, mag=None)
    return True


def _counts_halves(entry: dict, draft: Draft) -> bool:
    """Whether 半 halves what follows it: a unit of measure written in words (半斤, 半公里) or a counter of a vessel or a
    piece (半碗, 半根), not a coin or another counter (半圆, 半天, 半场)."""
    if draft.unit in entry["counted_classes"]:
        return not str(draft.counter).isascii()  # 半t is no unit spoken
    if draft.unit in (None, "count") and draft.counter in entry.get("counted_counters", ()):
        draft.unit = "count"
        return True
    return False


def _read_idiom_word(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """A word of the lexicon's [words] (大半 = more than 50 %, 俩 = 2, 数倍: a multiple, vague), with the
    qualifiers before and after it."""
    if core.lastgroup != "word":
        return None
    word = core.group()
    entry = IDIOM_WORDS[word]
    draft = Draft(core.start(), core.end(), float(entry["value"]) if "value" in entry else None)
    draft.value_high = float(entry["value_high"]) if "value_high" in entry else None
    draft.unit = entry.get("unit")
    draft.counter = entry.get("counter")
    draft.bounds.append(entry.get("bound", "eq"))
    if entry.get("digit_count"):  # 个位数 (single digits), as N位数
        settle_digit_count_unit(text, draft)
    if draft.unit == "date":  # 上半年: months of a year (the year before it is read with the document's, reading.py)
        draft.month, draft.month_high = entry["month"], entry["month_high"]
        draft.consumed = draft.end
        return draft
    draft.qualifiers.append(word)
    if entry.get("rate_steps"):  # 升息半码: half a step of a rate; elsewhere 半码 is no quantity
        if not speaks_of_a_rate_change(text, core.start()):
            return NOT_A_QUANTITY
        draft.value *= RATE_STEP_POINTS
    if entry.get("counted"):
        if not _read_counted(text, draft, word):
            return NOT_A_QUANTITY  # 个把 with no counter after it is no quantity (把握), nor 若干意见
        if "counted_classes" in entry and not _counts_halves(entry, draft):
            return NOT_A_QUANTITY  # 半 counts only a unit of measure in words (半斤), not a coin or counter (半圆, 半天)
    elif draft.unit is None:
        _read_counted(text, draft)  # 半亿元, 仨人: a counter or unit may follow a count
    more, follower = text[draft.end:draft.end + 1], text[draft.end + 1:draft.end + 2]
    if draft.unit == "duration" and more and INFIX_QUALIFIERS.get(more) == "gt" and not (follower and follower in MORE_GUARD):
        draft.qualifiers.append(more)  # 半年多, 半个多月: more than
        draft.bounds.append("gt")
        draft.end += 1
    suffix = _SUFFIX_RE.match(text, draft.end)
    if suffix is not None:
        draft.qualifiers.append(suffix.group("suffix"))
        draft.bounds.append(SUFFIX_QUALIFIERS[suffix.group("suffix")])
        draft.end = suffix.end()
    if with_prefix:
        draft.start, _ = _read_prefix_qualifier(text, draft, draft.start)
    draft.consumed = draft.end
    return draft


def _read_digit_count(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """两位数, 三位数 ("an N-digit number", 两位数增长): 10^(N-1) .. 10^N - 1, vague (like 数十)."""
    start, end = core.span()
    if core.lastgroup != "cn" or not text.startswith(DIGIT_COUNT_WORD, end):
        return None
    digits = _cn_to_number(core.group())
    if digits is None or digits != int(digits) or not 2 <= digits <= DIGIT_COUNT_MAX:
        return NOT_A_QUANTITY
    draft = Draft(start, end + len(DIGIT_COUNT_WORD), float(10 ** (int(digits) - 1)))
    draft.value_high = float(10 ** int(digits) - 1)
    draft.bounds.append("vague")
    draft.qualifiers.append(DIGIT_COUNT_WORD)
    settle_digit_count_unit(text, draft)
    if with_prefix:
        draft.start, _ = _read_prefix_qualifier(text, draft, draft.start)
    return draft


_RATE_CLAUSE_WINDOW = 12


def settle_digit_count_unit(text: str, draft: Draft) -> None:
    """两位数增长, 利润率仅为个位数: a count of digits where growth or a rate is spoken of is a percentage."""
    if text.startswith(DIGIT_COUNT_GROWTH_AFTER, draft.end) or any(
        word in clause_before(text, draft.start, _RATE_CLAUSE_WINDOW) for word in DIGIT_COUNT_RATE_BEFORE
    ):
        draft.unit = "percent"


#: The first character of the N位数 word: the trigger of _read_digit_count.
DIGIT_COUNT_FIRST: frozenset[str] = frozenset(DIGIT_COUNT_WORD[0])


#: 翻 (了) before the count of 番, perhaps with a qualifier between (翻了近两番, 翻将近一番).
_DOUBLING_RE = re.compile(
    rf"(?P<verb>{DOUBLING_VERB}了?){_GAP}(?P<qualifier>{_alternation(PREFIX_QUALIFIERS)})?{_GAP}\Z"
)
_DOUBLING_WINDOW = 4 + max(len(word) for word in PREFIX_QUALIFIERS)


_STILL_WORD = "还"


def _read_doubling(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """翻一番 = x 2, 翻两番 = x 4: 番 doubles once per count."""
    start, end = core.span()
    if core.lastgroup != "cn" or text[end:end + 1] != DOUBLING_COUNTER or start == 0:
        return None
    verb = _DOUBLING_RE.search(text, max(0, start - _DOUBLING_WINDOW), start)
    count = _cn_to_number(core.group())
    if verb is None or count is None or count != int(count) or not 1 <= count <= 10:
        return None
    draft = Draft(verb.start(), end + 1, float(2 ** int(count)))
    draft.unit = "multiple"
    draft.qualifiers.append(text[verb.start():end + 1])
    if verb.group("qualifier"):  # 翻了近两番: nearly x 4
        draft.bounds.append(PREFIX_QUALIFIERS[verb.group("qualifier")])
    more = end + 1 + (text[end + 1:end + 2] == _STILL_WORD)  # 翻了一番还多: 还 "still" before 多
    if INFIX_QUALIFIERS.get(text[more:more + 1]) == "gt":  # 翻了两番多: more than x 4
        draft.qualifiers.append(text[end + 1:more + 1])
        draft.bounds.append("gt")
        draft.end = draft.consumed = more + 1
    if with_prefix:  # 接近翻一番, 几乎翻了一番: a qualifier before the verb bounds the multiple
        draft.start, _ = _read_prefix_qualifier(text, draft, draft.start)
    return draft
