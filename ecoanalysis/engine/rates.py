"""Rates. Their bases, which are no quantities: 每百户, 每十万人, 每10万人口 (after 每) and 15.1/10万 (after a
number and a slash); magnitudes that begin a unit word with no number before them (大兆瓦); grades of network
speed written as magnitudes (千兆宽带), which are names. Compound units, numerator/denominator (250Wh/kg,
3000元/吨, 120公里/小时: `read_per_unit`), and speeds whose period is stated before the number (时速350公里,
每小时600公里: `read_speed_context`).
"""
from __future__ import annotations

import re

from ._lexicon import (
    DISTANCE_BASE_NOUNS, DISTANCE_BASE_UNITS, NETWORK_GRADES, PER_UNIT_BEFORE_CLASSES, PER_UNIT_CLASSES, PER_UNIT_DEFAULT_CLASS, PER_UNIT_EXTRA, PER_UNIT_LATIN, PER_UNIT_SLASHES,
    PER_UNIT_BASE_COUNTERS, PER_UNIT_BASE_MAGNITUDES, PER_UNIT_SYMBOLS, PER_WORD, RATIO_LEVEL_ENDS, RATIO_LEVEL_VERB_MAX, SPEED_AFTER, SPEED_PER_DURATIONS, SPEED_WINDOW, SPEED_WORDS, UNIT_WORDS,
)
from .draft import Draft, NOT_A_QUANTITY, _name_draft
from .numerals import CHINESE_DIGITS, MAGNITUDES
from .patterns import CLAUSE_ENDS, _alternation

#: Leading characters of a bare magnitude that still reads as a denominator (十万 in 每十万人).
_DENOMINATOR_LEAD = "十拾"
#: Durations after 每 + magnitude state a period (每十年, 每百天), which is a quantity.
_DURATION_WORDS: tuple[str, ...] = tuple(word for word, info in UNIT_WORDS.items() if info.unit == "duration")


#: 每 and the one space PDF text puts after it (每 10 股): what a rate's base stands right after.
SPACED_PER = PER_WORD + " "
#: Arabic rate bases are powers of ten (每10股, 每100元, 每1000人); 每3人 or 每15分钟 are amounts.
_POWER_OF_TEN_RE = re.compile(r"10{1,5}")


def read_rate_denominator(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """每百户, 每千人口, 每十万人, 每10万人口, 每10股: a bare magnitude or a power of ten after 每 is the base
    of a rate, no quantity (with a duration after it, 每十年, 每10天, it is a period and stays)."""
    start = core.start()
    if text[start - 1:start] != PER_WORD and text[start - 2:start] != SPACED_PER:  # 每10股, 每 10 股 (PDF text)
        return None
    numeral, end = core.group(), core.end()
    if core.lastgroup == "arabic" and _PER_BASE_UNIT_RE.match(text, end) is not None:
        return NOT_A_QUANTITY  # 收购价为每50公斤130元: the amount a price is given per, no quantity
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


#: 每 and a power of ten right before a magnitude (每10万人: the 万 of the base).
_PER_POWER_BEFORE_RE = re.compile(rf"{PER_WORD} ?10{{1,5}} ?\Z")
_PER_POWER_WINDOW = 9
BASE_LAST_CHARS = frozenset("0 ")  # 每10万, PDF text's 每 10 万


def ends_rate_base(text: str, start: int) -> bool:
    """Whether a magnitude starting at ``start`` is the end of a rate's base after 每 and a power of ten (每10万人口:
    no 万人口 of its own; the 10 before it is no quantity either, see :func:`read_rate_denominator`)."""
    return text[start - 1:start] in BASE_LAST_CHARS and _PER_POWER_BEFORE_RE.search(text, max(0, start - _PER_POWER_WINDOW), start) is not None


def read_slash_base(text: str, core: re.Match) -> Draft | None:
    """15.1/10万, 3.2/100万: a power of ten with a magnitude after a number and a slash is the base of the
    rate ("per 100,000"), no quantity; 1/10 and 3/100 stay fractions. After a unit and a slash, a bare
    magnitude or a power of ten before a unit is the base too (12.5kWh/百公里, 15kWh/100km)."""
    end = core.end()
    after_unit = not text[core.start() - 2:core.start() - 1].isdigit()
    if core.lastgroup == "cn":
        return NOT_A_QUANTITY if after_unit and all(char in MAGNITUDES for char in core.group()) else None
    if core.lastgroup != "arabic" or not _POWER_OF_TEN_RE.fullmatch(core.group()):
        return None
    if text[end:end + 1] in MAGNITUDES or (after_unit and _unit_word_at(text, end)):
        return NOT_A_QUANTITY
    return None


#: A rate's base after a number and a slash: a power of ten with a magnitude (472.15/10万, 15.7/100万).
_RATE_BASE_RE = re.compile(rf"[{PER_UNIT_SLASHES}](?P<base>10{{0,4}}[{''.join(word for word in MAGNITUDES if MAGNITUDES[word] >= 10**4)}])")
RATE_BASE_FIRST: frozenset[str] = frozenset(PER_UNIT_SLASHES)


def read_rate_per_base(text: str, position: int, draft: Draft) -> int:
    """发病率为472.15/10万, 死亡率为15.7/10万: a bare number before a slash and a base (a power of ten with a magnitude)
    is a rate per that base, unit rate with the symbol 1/10万, its surface taking the base; where the mention ends."""
    found = _RATE_BASE_RE.match(text, position)
    if found is None or draft.unit is not None or draft.counter is not None or draft.value is None:
        return position
    draft.unit, draft.unit_symbol = PER_UNIT_DEFAULT_CLASS, f"1/{found.group('base')}"
    return found.end()


def _unit_word_at(text: str, position: int) -> bool:
    return any(text.startswith(word, position) for word, _ in _PER_UNITS)


DISTANCE_BASE_FIRST: frozenset[str] = frozenset(word[0] for word in DISTANCE_BASE_UNITS)


def read_distance_base(text: str, core: re.Match) -> Draft | None:
    """百公里油耗, 百公里加速: a bare magnitude and a length before a word of consumption or acceleration is the
    distance a figure is per (``[per_unit]`` distance_base_nouns), no quantity."""
    end = core.end()
    if core.lastgroup != "cn" or not all(char in MAGNITUDES for char in core.group()):
        return None
    length = next((word for word in DISTANCE_BASE_UNITS if text.startswith(word, end)), None)
    if length is None or not text.startswith(DISTANCE_BASE_NOUNS, end + len(length)):
        return None
    return NOT_A_QUANTITY


#: Unit words that begin with a magnitude character (兆瓦, 千瓦时, 千克): with no numeral before, no quantity.
MAGNITUDE_UNIT_WORDS: tuple[str, ...] = tuple(word for word in UNIT_WORDS if word[0] in MAGNITUDES and len(word) > 1)


#: Denominators after the slash, longest first (元/千瓦时 is per kWh, not per 千), with the word each stands for.
_PER_UNITS: tuple[tuple[str, str], ...] = tuple(sorted(
    [(word, word) for word in UNIT_WORDS if not UNIT_WORDS[word].before]
    + [(word, word) for word in PER_UNIT_EXTRA if word not in UNIT_WORDS] + list(PER_UNIT_LATIN.items()),
    key=lambda pair: len(pair[0]), reverse=True,
))


def _denominator_at(text: str, position: int) -> tuple[str, str] | None:
    """(as written, the word it stands for) of the denominator at ``position``; a Latin one runs on into no letter."""
    for written, word in _PER_UNITS:
        if text.startswith(written, position):
            follower = text[position + len(written):position + len(written) + 1]
            if written.isascii() and follower and (follower.isascii() and follower.isalnum() or follower in "²³"):
                continue  # kg, not the start of kgce; h, not hr; s, not the s² of an acceleration
            return written, word
    return None


def _denominator_symbol(word: str) -> tuple[str, str]:
    """The unit class and symbol of a denominator word: its [[unit]] row's, or a duration's, or the word itself."""
    info = UNIT_WORDS.get(word)
    unit = "duration" if info is None or word in PER_UNIT_SYMBOLS else info.unit or "count"
    if info is not None and info.scale == 1.0 and (info.symbol or info.currency):
        return unit, info.symbol or info.currency
    return unit, PER_UNIT_SYMBOLS.get(word, word)


def _compound(draft: Draft, denominator_class: str, denominator: str) -> None:
    """Make the draft's unit the compound of its own and the denominator (Wh/kg, CNY/t, km/h)."""
    numerator_class = draft.unit or "count"
    numerator = draft.unit_symbol or draft.currency or draft.counter
    draft.unit = PER_UNIT_CLASSES.get(f"{numerator_class}/{denominator_class}", PER_UNIT_DEFAULT_CLASS)
    draft.unit_symbol = f"{numerator}/{denominator}"


def read_per_unit(text: str, position: int, draft: Draft) -> int:
    """"/unit" after a unit or counter (3000元/吨, 250Wh/kg, 12米/秒): the mention states a rate in a compound
    unit, its surface takes the denominator, the value stays the numerator's. Where it ends (``position`` if none)."""
    if text[position:position + 1] not in PER_UNIT_SLASHES or draft.counter is None:
        return position
    base = _BASE_MAGNITUDE_RE.match(text, position + 1) or _BASE_DIGITS_RE.match(text, position + 1)
    at = position + 1 if base is None else base.end()  # 12.3部/百人, 156毫克/100毫升: a rate per a round base
    found = _denominator_at(text, at)
    if found is None:
        return position
    written, word = found
    unit, symbol = _denominator_symbol(word)
    if base is not None:  # 百 -> 100; a power of ten written in digits stays as written
        symbol = f"{int(MAGNITUDES[base.group()]) if base.group() in MAGNITUDES else base.group()}{symbol}"
    _compound(draft, unit, symbol)
    return at + len(written)


#: A bare magnitude before a counter of people or households as a rate's denominator (部/百人, 张/千人, 人/万人, 台/百户):
#: the round base a penetration rate is given per (a unit after it, kWh/百公里, is the distance base of `read_slash_base`).
_BASE_MAGNITUDE_RE = re.compile(f"[{''.join(PER_UNIT_BASE_MAGNITUDES)}](?=[{''.join(PER_UNIT_BASE_COUNTERS)}])")
#: A power of ten before a unit word as a rate's denominator (血液酒精含量为156毫克/100毫升 = mg/100mL).
_BASE_DIGITS_RE = re.compile(r"10{1,4}(?=[\u4e00-\u9fff])")


#: The unit words 每 may name right before a number as the rate's denominator (每立方米, 每千克, 每平方米).
_PER_BEFORE_WORDS: tuple[str, ...] = tuple(
    word for word, info in UNIT_WORDS.items() if info.unit in PER_UNIT_BEFORE_CLASSES and info.scale == 1.0 and not info.latin
)
#: The digits of an amount a rate may be given per, between 每 and its unit (每50公斤130元: CNY per 50 kg).
_PER_BASE_DIGITS = 4
#: Han characters that may stand between the unit and an amount of money: the thing priced, a verb of a price or a
#: link (每吨钢材3000元, 每公升調漲0.3元, 每公升將為31.2元); another quantity is a rate only right after the unit.
_PER_BEFORE_WORDS_MAX = 4
_PER_BEFORE_RE = re.compile(
    rf"{PER_WORD}(?P<base>[0-9]{{1,{_PER_BASE_DIGITS}}})?(?P<word>{_alternation(_PER_BEFORE_WORDS)})"
    rf"[\u4e00-\u9fff]{{0,{_PER_BEFORE_WORDS_MAX}}}\Z"
)
_PER_BEFORE_WINDOW = len(PER_WORD) + _PER_BASE_DIGITS + max(map(len, _PER_BEFORE_WORDS)) + _PER_BEFORE_WORDS_MAX
#: A unit of such a base with a number right after it (每50公斤130元), which the base is read before.
_PER_BASE_UNIT_RE = re.compile(rf"(?:{_alternation(_PER_BEFORE_WORDS)})(?=[0-9０-９])")


def per_word_near(text: str, start: int) -> bool:
    """Whether 每 stands close enough before ``start`` to open a denominator written first: the callers' pre-filter."""
    return PER_WORD in text[max(0, start - _PER_BEFORE_WINDOW):start]


def read_per_unit_before(text: str, draft: Draft, *ends: int) -> None:
    """每立方米75微克, 超过每立方米75微克, 每千克30元: 每 and a unit ending at one of ``ends`` (the number's start, its
    qualifier's) is the denominator of the amount's rate (µg/m³, CNY/kg), written first, perhaps with the amount it
    is given per (每50公斤130元 = CNY/50kg); the draft in place."""
    if draft.unit in (None, "count", "rate", "percent") or draft.unit_symbol and "/" in draft.unit_symbol:
        return
    for end in ends:
        found = _PER_BEFORE_RE.search(text, max(0, end - _PER_BEFORE_WINDOW), end)
        if found is not None and found.end("word") < end and draft.unit != "currency":
            continue  # 每100克含能量1680千焦: words between make a price per unit only (每吨钢材3000元)
        if found is not None:
            unit, symbol = _denominator_symbol(found.group("word"))
            _compound(draft, unit, (found.group("base") or "") + symbol)  # CNY/kg; per 50 kg: CNY/50kg
            return


#: Words before the number that state a speed's period (时速 -> 小时, 每小时 -> 小时).
_SPEED_WORDS: dict[str, str] = {**SPEED_WORDS, **{PER_WORD + word: word for word in SPEED_PER_DURATIONS}}
#: The classes a word of period before the number makes a rate of: a speed (length), a flow (volume), an output per
#: period (mass: 每小时180吨 = t/h).
PER_PERIOD_CLASSES = frozenset({"length", "volume", "mass"})
#: The words after a length that name it a speed, longest first (的时速 before 时速).
_SPEED_AFTER_LONGEST_FIRST: tuple[str, ...] = tuple(sorted(SPEED_AFTER, key=len, reverse=True))
#: What the speed word must not be separated from the number by: a clause end or another number.
_SPEED_STOP_RE = re.compile(f"[0-9０-９{re.escape(''.join(sorted(CHINESE_DIGITS.keys() | CLAUSE_ENDS)))}]")


def read_speed_context(text: str, draft: Draft, number_start: int) -> None:
    """时速可达350公里, 每小时能跑600公里, 达每秒45米: a length after a word stating the speed's period in its clause
    (no number or clause end between; a qualifier may be), or right before 的时速 (跑出486.1公里的时速), is a speed in
    that period (km/h); a volume so placed is a flow (每秒1.2万立方米 = m³/s)."""
    if draft.unit not in PER_PERIOD_CLASSES or draft.unit_symbol is None or "/" in draft.unit_symbol:
        return
    after = next((SPEED_AFTER[word] for word in _SPEED_AFTER_LONGEST_FIRST if text.startswith(word, draft.end)), None)
    if after is not None:
        _compound(draft, *_denominator_symbol(after))  # 跑出486.1公里的时速
        return
    window = text[max(0, number_start - SPEED_WINDOW):number_start]
    stops = list(_SPEED_STOP_RE.finditer(window))
    window = window[stops[-1].end():] if stops else window
    word = next((_SPEED_WORDS[word] for word in _SPEED_WORDS if word in window), None)
    if word is not None:
        _compound(draft, *_denominator_symbol(word))


#: Last characters of the network grades (the 兆 of 千兆), for the reader's trigger.
NETWORK_GRADE_LAST: frozenset[str] = frozenset(word[-1] for word in NETWORK_GRADES)


def read_network_grade(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """千兆宽带, 千兆光网, “双千兆”, 可达千兆: a bare magnitude before 兆 names a grade of network speed, as 5G names a
    generation (name-like, no count); 千兆瓦 and 千兆字节 are magnitudes of a unit word led by 兆."""
    start, end = core.span()
    if core.group() not in NETWORK_GRADES or text.startswith(MAGNITUDE_UNIT_WORDS, end - 1):
        return None
    return _name_draft(start, end, None)


#: Between a price per unit and the level it moves to: a verb of the move ending in 至 or 到 (从每公斤25元漲到48元), the
#: same gap as a named ratio's ([ratios] level_ends, level_verb_max).
_PRICE_MOVE_RE = re.compile(rf"[\u4e00-\u9fff]{{0,{RATIO_LEVEL_VERB_MAX}}}[{''.join(RATIO_LEVEL_ENDS)}]")


def apply_rate_moves(text: str, drafts: list[Draft]) -> None:
    """从每公斤25元漲到48元, 由每小时180吨提高到220吨: the level a rate moves to, in the rate's numerator, is per the same
    denominator (in place)."""
    for previous, draft in zip(drafts, drafts[1:]):
        if previous.unit not in _RATE_UNITS or "/" not in (previous.unit_symbol or "") or draft.unit in _RATE_UNITS:
            continue
        numerator = draft.unit_symbol or draft.currency
        if numerator is None or previous.unit_symbol.split("/", 1)[0] != numerator:
            continue
        if _PRICE_MOVE_RE.fullmatch(text, previous.end, draft.start) is not None:
            draft.unit, draft.unit_symbol = previous.unit, previous.unit_symbol


#: The compound classes a move keeps (a rate; a speed or a data rate has a class of its own).
_RATE_UNITS = frozenset({"rate", "speed", "data_rate"})


#: What the "one" of a spoken price is: 一 with a unit or a counter right after an amount of money (三十多块一斤).
_SPOKEN_PER_ONE = "一"


def apply_spoken_prices(text: str, drafts: list[Draft]) -> list[Draft]:
    """猪肉涨到三十多块一斤, 五块钱一个, 两百元一晚: money glued before 一 and a unit or counter is a price per that unit, as
    30元/斤 is; the 一斤 is its denominator, no row. The drafts, without those denominators."""
    kept: list[Draft] = []
    for draft in drafts:
        previous = kept[-1] if kept else None
        if (
            previous is not None and previous.unit == "currency" and draft.start == previous.end
            and draft.value == 1 and text.startswith(_SPOKEN_PER_ONE, draft.start) and draft.counter is not None
            and set(draft.bounds) <= {"eq"} and draft.value_high is None
        ):
            _compound(previous, "count" if draft.unit == "count" else draft.unit, draft.unit_symbol or draft.counter)
            previous.end = previous.consumed = draft.end
            continue
        kept.append(draft)
    return kept
