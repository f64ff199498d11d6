"""The parts of a ratio written with colons (三次产业结构为7.1∶38.3∶54.6, 之比为3:2): each part a row in
unit ``ratio``, not a count. The ratio colon ∶ always makes a ratio; the ASCII and full-width colons only
after a ratio word (比例, 之比, 结构 ...: lexicon ``[ratios]``), since 20:47 is a time of day, or where no part
after a colon has the two digits of a time (车桩比2:1, 以3:2获胜).
"""
from __future__ import annotations

import re

from ._lexicon import RATIO_AFTER_LINK, RATIO_COLONS, RATIO_CONTEXT_COLONS, RATIO_NAMED_LINKS, RATIO_NAMED_WORDS, RATIO_NOT_NAMED
from ._lexicon import DATE_WORDS, RATIO_WORD_COLONS, RATIO_WORDS, SCORE_NOUNS
from ._lexicon import SCORE_DASHES, SCORE_RESULTS, SCORE_WORDS
from ._lexicon import QUAKE_DECIMAL_WORDS, QUAKE_MAX, QUAKE_NOUNS, QUAKE_SCALE_WORDS, QUAKE_WINDOW
from ._lexicon import RATIO_WORD_WINDOW, UNIT_WORDS
from ._lexicon import RATIO_COMPARED_END, RATIO_COMPARED_OPENERS, RATIO_LEVEL_ENDS, RATIO_LEVEL_VERB_MAX
from .clock import HOURS_IN_DAY
from .draft import Draft
from .numerals import CHINESE_DIGITS, FULLWIDTH_TO_ASCII
from .patterns import _WORD_TAIL_FIRST_CHARS, _alternation, _cn_to_number, sentence_before, unit_word_at
from .prefixes import _read_prefix_qualifier

_NUMBER = r"[0-9０-９]+(?:[.．][0-9０-９]+)?"
_ALL_COLONS = "".join(RATIO_COLONS) + "".join(RATIO_CONTEXT_COLONS) + "".join(RATIO_WORD_COLONS) + "".join(SCORE_DASHES)
#: The colons as a regex character class body (the dashes escaped).
_COLON_CLASS = re.escape(_ALL_COLONS)
#: Characters next to a ratio part: the readers' trigger.
RATIO_NEIGHBOURS: frozenset[str] = frozenset(_ALL_COLONS)
#: Characters next to a part said in Chinese numerals (三比零).
CN_RATIO_NEIGHBOURS: frozenset[str] = frozenset("".join(RATIO_WORD_COLONS))
_PART_RE = re.compile(_NUMBER)
#: At most 12 parts: a ratio has a few (7.1∶38.3∶54.6), and the bound keeps a colon run thousands of parts long from
#: being matched once per part.
_CHAIN_RE = re.compile(rf"{_NUMBER}(?:[{_COLON_CLASS}]{_NUMBER}){{1,11}}(?![0-9０-９.．])")
_CHAIN_BEFORE_RE = re.compile(rf"(?:{_NUMBER}[{_COLON_CLASS}])+\Z")
#: Characters that end the clause a ratio word must stand in.
_CLAUSE_END = "。；;！？\n"
_LOOKBACK = 48


def _chain_start(text: str, start: int) -> int:
    """Where the colon chain that the part at ``start`` belongs to begins."""
    window_start = max(0, start - _LOOKBACK)
    before = _CHAIN_BEFORE_RE.search(text, window_start, start)
    return start if before is None else before.start()


def _is_ratio(text: str, chain: re.Match) -> bool:
    """The ratio colon, or a ratio word before the chain in its clause or right after it (按1:1配比, 1:1的比例); with 比
    as a colon, a chain of short parts that ends the figure (以3比1战胜, not 3比2020年)."""
    if any(dash in chain.group() for dash in SCORE_DASHES):
        return _is_score(text, chain)
    if any(colon in chain.group() for colon in RATIO_WORD_COLONS):
        return _ends_the_figure(text, chain.end()) and all(
            len(whole) <= _RATIO_PART_MAX_DIGITS for whole in _part_wholes(chain)
        )
    if any(colon in chain.group() for colon in RATIO_COLONS):
        return True
    window = text[max(0, chain.start() - RATIO_WORD_WINDOW):chain.start()]
    clause = window[max(window.rfind(end) for end in _CLAUSE_END) + 1:]
    after = chain.end() + (1 if text.startswith(RATIO_AFTER_LINK, chain.end()) else 0)
    return any(word in clause for word in RATIO_WORDS) or text.startswith(RATIO_WORDS, after) or _no_time_of_day(chain)


def _is_score(text: str, chain: re.Match) -> bool:
    """以108-102战胜, 比分为3-1, 以6-4、7-6战胜: two whole numbers of at most three digits joined by a dash, ending the
    figure, in a clause that speaks of a result (before the score or after it): a score ([ratios] score_words)."""
    parts = re.split(f"[{_COLON_CLASS}]", chain.group())
    if len(parts) != 2 or not all(part.isdigit() and len(part) <= _RATIO_PART_MAX_DIGITS for part in parts):
        return False
    if any(colon in chain.group() for colon in _ALL_COLONS if colon not in SCORE_DASHES):
        return False
    if not _ends_the_figure(text, chain.end()):
        return False
    window = text[max(0, chain.start() - RATIO_WORD_WINDOW):chain.start()]
    clause = window[max(window.rfind(end) for end in _SCORE_CLAUSE_END) + 1:]
    after = text[chain.end():chain.end() + RATIO_WORD_WINDOW]  # 以6-4、7-6战胜: the result after a list of scores
    after = after[:min((at for at in map(after.find, _SCORE_CLAUSE_END) if at >= 0), default=len(after))]
    return any(word in clause or word in after for word in SCORE_WORDS)


#: Characters that end the clause a score's word must stand in (a comma too: 比分为3-1，随后…).
_SCORE_CLAUSE_END = _CLAUSE_END + "，,"


#: A part of a time of day after its colon: two digits (20:47, 8:05).
_CLOCK_PART_RE = re.compile(r"[0-9０-９]{2}")
#: The last hour of a day on a clock.
_LAST_HOUR = HOURS_IN_DAY - 1
#: Parts of four digits or more are codes and editions (ISO 9001:2015, localhost:8080), not terms of a ratio.
_RATIO_PART_MAX_DIGITS = 3


def _ends_the_figure(text: str, end: int) -> bool:
    """Whether nothing that continues a figure stands at ``end``: no unit or counter word, date word, magnitude,
    percent sign or other word of a number's tail (3比2020年, 比5%, 比3家 compare; 以3比1战胜 ends)."""
    if text.startswith(SCORE_RESULTS, end):
        return True  # 1比1平, 2-2平: a draw, no 平 of housing
    char = text[end:end + 1]
    return char not in _WORD_TAIL_FIRST_CHARS and char not in DATE_WORDS and unit_word_at(text, end) is None


def _part_wholes(chain: re.Match) -> list[str]:
    """The whole-number digits of each part of a colon chain."""
    return [part.split(".")[0].split("．")[0] for part in re.split(f"[{_COLON_CLASS}]", chain.group())]


def _no_time_of_day(chain: re.Match) -> bool:
    """Whether a colon chain cannot be a time of day, so it is a ratio or a score (车桩比2:1, 以3:2获胜, 1:1.5, 25:21): a
    first part above the hours of a day or a part after a colon that is not two digits, and no part long enough to
    be a code."""
    parts = re.split(f"[{_COLON_CLASS}]", chain.group())
    wholes = _part_wholes(chain)
    if any(len(whole) > _RATIO_PART_MAX_DIGITS for whole in wholes):
        return False
    hour = int(wholes[0].translate(FULLWIDTH_TO_ASCII))
    if hour > _LAST_HOUR and not (hour == _LAST_HOUR + 1 and parts[1:] == ["00"]):
        return True  # 以25:21拿下: no hour of the day is 25 (24:00 closes a day's schedule)
    return any(_CLOCK_PART_RE.fullmatch(part) is None for part in parts[1:])


def _read_ratio_part(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """One part of a ratio (7.1∶38.3∶54.6, 比例为3:2): its value, unit ratio."""
    start = core.start()
    if text[start - 1:start] not in RATIO_NEIGHBOURS and text[core.end():core.end() + 1] not in RATIO_NEIGHBOURS:
        part = _PART_RE.match(text, start)  # 7.1∶: the core may stop at the decimal point
        if part is None or text[part.end():part.end() + 1] not in RATIO_NEIGHBOURS:
            return None
    begin = _chain_start(text, start)
    chain = _CHAIN_RE.match(text, begin)
    if chain is None or chain.end() <= start or not _is_ratio(text, chain):
        return None
    part = _PART_RE.match(text, start)
    draft = Draft(start, part.end(), float(part.group().translate(FULLWIDTH_TO_ASCII)))
    draft.unit = "ratio"
    draft.consumed = part.end()
    if with_prefix:  # 约为1：1.2: the qualifier before the ratio bounds every part; the first one starts at it
        qualifier_start, _ = _read_prefix_qualifier(text, draft, begin)
        draft.start = qualifier_start if begin == start else start
    return draft


#: A score or a ratio said in Chinese numerals with 比 between (以三比零横扫, 二比一逆转, 六比四): small numbers each side.
_CN_PART = f"[{''.join(CHINESE_DIGITS)}十]{{1,3}}"
_CN_CHAIN_RE = re.compile(rf"{_CN_PART}(?:(?:{_alternation(RATIO_WORD_COLONS)}){_CN_PART})+")
_CN_CHAIN_BEFORE_RE = re.compile(rf"(?:{_CN_PART}(?:{_alternation(RATIO_WORD_COLONS)}))+\Z")
#: What may not stand before the first part: 无比, 对比, 相比 ... make 比 a word of comparison (the characters of `not_named`,
#: and 不: 不比).
_CN_CHAIN_NOT_AFTER = frozenset(RATIO_NOT_NAMED) | {"不"}


def _read_cn_ratio_part(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """One side of a score or a ratio said in Chinese numerals (以三比零横扫 = 3 and 0, unit ratio), where the chain ends the
    figure (no unit or counter after it: 三比二十个 is no score)."""
    start, end = core.span()
    before = _CN_CHAIN_BEFORE_RE.search(text, max(0, start - _LOOKBACK), start)
    begin = start if before is None else before.start()
    if text[begin - 1:begin] in _CN_CHAIN_NOT_AFTER and begin > 0:
        return None
    chain = _CN_CHAIN_RE.match(text, begin)
    if chain is None or chain.end() < end or not _ends_the_figure(text, chain.end()):
        return None
    value = _cn_to_number(core.group())
    if value is None or not 0 <= value < 100:
        return None
    draft = Draft(start, end, float(value))
    draft.unit = "ratio"
    if with_prefix and begin == start:  # 约为三比一: the qualifier before the chain bounds it
        draft.start, _ = _read_prefix_qualifier(text, draft, start)
    return draft


#: The character before a ratio word that ends a unit word (卢 of 卢比, the rupee): that 比 names no ratio.
_UNITS_ENDING_IN_RATIO_WORD = sorted(
    {word[-len(ratio) - 1] for ratio in RATIO_NAMED_WORDS for word in UNIT_WORDS if len(word) > len(ratio) and word.endswith(ratio)}
)
#: A noun that names the unit of the bare number right after it, perhaps past a link, at the end of the text before
#: the number: a ratio word (the group ``ratio``; a one-character word, 比, ends a noun only after a Han character of it:
#: 收入比, 车桩比; a longer one, 系数, is a noun itself: 库存系数, Cronbach's α系数) or a noun of a rating (``score``:
#: 豆瓣评分8.9, 综合得分为92.5). One pattern, so each bare number costs one search.
_NAMED_BEFORE_RE = re.compile(
    rf"(?:(?P<ratio>(?<=[\u4e00-\u9fff])(?<![{RATIO_NOT_NAMED}{''.join(_UNITS_ENDING_IN_RATIO_WORD)}])"
    rf"(?:{_alternation(word for word in RATIO_NAMED_WORDS if len(word) == 1)})"
    rf"|{_alternation(word for word in RATIO_NAMED_WORDS if len(word) > 1)})"
    rf"|(?P<score>{_alternation(SCORE_NOUNS)}))"
    rf"(?:{_alternation(RATIO_NAMED_LINKS)})?\s*\Z"
)
#: Between a named number and a later bare one of the same quantity: a change to a level (下降至), or a clause of
#: comparison ending in 的 (，较2008年的), in one sentence.
_SAME_QUANTITY_GAP_RE = re.compile(
    rf"[\u4e00-\u9fff]{{0,{RATIO_LEVEL_VERB_MAX}}}[{RATIO_LEVEL_ENDS}]"
    rf"|[，,]?(?:{_alternation(RATIO_COMPARED_OPENERS)})[^{_CLAUSE_END}，,]{{0,16}}{RATIO_COMPARED_END}"
)
_NAMED_WORD_FIRST = frozenset(word[0] for word in (*RATIO_NAMED_WORDS, *SCORE_NOUNS, *QUAKE_SCALE_WORDS))
_NAMED_WINDOW = 8
#: A word of an earthquake's scale right before a bare number, perhaps past a link (發生規模6.2地震, 芮氏規模5.8).
_QUAKE_SCALE_BEFORE_RE = re.compile(
    rf"(?:{_alternation(QUAKE_SCALE_WORDS)})(?:{_alternation(RATIO_NAMED_LINKS)})?\s*\Z"
)
_QUAKE_NOUN_LEN = max(map(len, QUAKE_NOUNS))


def _names_quake_magnitude(text: str, draft: Draft) -> bool:
    """Whether the bare number is an earthquake's magnitude with 级 left out: a word of the scale right before it and a
    word of a quake in its sentence before it or right after it (規模6.2地震, 強震規模7.2)."""
    if draft.value is None or not 0 <= draft.value < QUAKE_MAX:
        return False  # 地震后投资规模为300: a size
    scale = _QUAKE_SCALE_BEFORE_RE.search(text, max(0, draft.start - _NAMED_WINDOW), draft.start)
    if scale is None:
        return False
    if scale.group().startswith(QUAKE_DECIMAL_WORDS) and not any(dot in text[draft.start:draft.end] for dot in ".．"):
        return False  # 地震后重建规模为3: a size
    around = sentence_before(text, draft.start, QUAKE_WINDOW) + text[draft.end:draft.end + _QUAKE_NOUN_LEN + 1]
    return any(noun in around for noun in QUAKE_NOUNS)


def apply_named_units(text: str, drafts: list[Draft]) -> None:
    """A bare number right after a noun of ratio ending in 比 or 系数 (城乡居民收入比为2.39) is in unit ratio, and one
    after a noun of a rating (豆瓣评分8.9) a score; one after a word of a quake's scale (規模6.2地震) a grade, in place."""
    if _NAMED_WORD_FIRST.isdisjoint(text):
        return
    named: Draft | None = None  # the last number a noun named
    for draft in drafts:
        if not draft.is_bare_number():
            continue
        found = _NAMED_BEFORE_RE.search(text, max(0, draft.start - _NAMED_WINDOW), draft.start)
        if _names_quake_magnitude(text, draft):
            draft.unit = "other"  # 花蓮近海發生規模6.2地震: a grade, as 6.2级 is
        elif found is not None:
            draft.unit, named = found.lastgroup, draft  # ratio or score
        elif named is not None and _SAME_QUANTITY_GAP_RE.fullmatch(text, named.end, draft.start):
            draft.unit = named.unit  # 收入比由3.10下降至2.45, 基尼系数为0.468，较2008年的0.491
