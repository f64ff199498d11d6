"""After the scan: list items share the unit written after the last (2.3个、2.4个和3.2个百分点), and
before/after pairs are linked (由 80% 提升到 95%).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from ._lexicon import CHANGE_OPENERS, CHANGE_VERBS, DIMENSION_MIN, DIMENSION_SEPARATORS, LIST_SEPARATORS, RANK_WORD, RESPECTIVELY_WORDS
from ._lexicon import SUFFIX_QUALIFIERS
from ._lexicon import SHORT_QUARTER_GUARD, SHORT_QUARTER_WORD
from .periods import names_a_period
from .dates import QUARTER_WORD
from .readers import QUARTER_MONTHS, _set_quarter
from .draft import Draft
from .eras import YEAR_WORD
from .numerals import CHINESE_DIGITS, MAGNITUDES, scaled
from .patterns import YEAR_RANGE, _CN_CHARS, _GAP, _GAP_CHARS, _GAP_MAX, _alternation, is_han

#: How far (characters) the before value may stand from 由/从, and the after value from the verb.
PAIR_WINDOW = 16

#: Sentence terminators for the ``sentence`` column and for pair windows.
SENTENCE_END: frozenset[str] = frozenset("。！？；!?;")
_CHANGE_RE = re.compile(rf"(?:{_alternation(CHANGE_VERBS)})了?{_GAP}(?:到|至|为)")
#: The longest match of _CHANGE_RE: verb, 了, the gap, 到.
_CHANGE_MAX_LENGTH = max(map(len, CHANGE_VERBS)) + 1 + _GAP_MAX + 1
# No change contains an opener (see _changes_near_openers).
assert not any(opener in "".join(CHANGE_VERBS) + "了到至为" + _GAP_CHARS for opener in CHANGE_OPENERS)


def _changes_near_openers(text: str) -> Iterator[re.Match]:
    """The matches of ``_CHANGE_RE.finditer(text)`` whose verb starts less than 2 * PAIR_WINDOW characters after
    an opener (由, 从) and before the next one, in order: the only changes _link_pairs can pair.

    No match contains an opener, so finditer restarted after each opener finds exactly the matches the one
    over the whole text finds there; only a few characters after each opener are searched.
    """
    openers = []
    for opener in CHANGE_OPENERS:
        position = text.find(opener)
        while position >= 0:
            openers.append(position)
            position = text.find(opener, position + 1)
    openers.sort()
    for index, opener in enumerate(openers):
        limit = opener + 2 * PAIR_WINDOW
        if index + 1 < len(openers):
            limit = min(limit, openers[index + 1])
        for change in _CHANGE_RE.finditer(text, opener + 1, limit + _CHANGE_MAX_LENGTH):
            if change.start() >= limit:
                break
            yield change


def _shares_unit(item: Draft, last: Draft) -> bool:
    if item.name_like or item.unit == "date" or item.bounds and "range" in item.bounds:
        return False
    if item.unit is None and item.counter is None:
        return True
    return last.unit == "percentage_point" and item.unit is None and item.counter == "个"


def share_lists(text: str, drafts: list[Draft]) -> list[Draft]:
    """The list passes after the scan, in order: units (2.3个、2.4个和3.2个百分点), quarters and ranks (二、三季度,
    第一、二名), months and years (5、6月份), then, the bare numerals no list gave context dropped (三、四、五成 kept),
    bounds and hedges (分别超过…, 50%和20%左右). Returns the drafts kept.

    Each pass acts only where a draft follows its neighbour in a list: the neighbours are found in one walk
    (:func:`_list_links`), found again only where a pass moved an end or dropped drafts."""
    links = _list_links(text, drafts)
    _share_list_units(text, drafts, links)
    if _share_list_ordinals(text, drafts, links):
        links = _list_links(text, drafts)  # 第1、2季: the last item took 季
    _share_list_dates(text, drafts, links)
    kept = [draft for draft in drafts if not draft.weak]
    if len(kept) < len(drafts):
        links = _list_links(text, kept)
    _share_list_bounds(text, kept, links)
    return kept


def _list_links(text: str, drafts: list[Draft]) -> list[int]:
    """The indices, in order, of the drafts that follow their neighbour in a list (:func:`_list_gap`)."""
    return [
        index for index, (item, after) in enumerate(zip(drafts, drafts[1:]), 1)
        if 0 < after.start - item.end <= 3 and _list_gap(text, item, after)  # (_list_gap's first test, without the call)
    ]


def _share_list_units(text: str, drafts: list[Draft], links: list[int]) -> None:
    """Give the items of a list the unit, and the magnitude, written once after its last item."""
    for index in reversed(links):
        last = drafts[index]
        if (last.unit is None and last.counter is None and not last.scale_applied) or last.unit in ("date", "other"):
            continue  # (54.62、59.35、64.41万亿: a magnitude alone is shared too)
        if last.name_like:
            continue
        item_index = index - 1
        while item_index >= 0:
            item, after = drafts[item_index], drafts[item_index + 1]
            if not _list_gap(text, item, after) or not _shares_unit(item, last):
                break  # (2021 30%, 10 20 30亿元: numbers apart by spaces only are table cells, not a list)
            factor = _digit_factor(text, item, last) if not item.scale_applied else None
            if item.weak and factor is None:
                break  # 三、四十五岁: no digit and magnitudes to read the lone digit by
            if factor is not None:  # 三、四、五成, 约三、四百人, 约三、四万元: a lone digit is read as the last item is
                item.value, item.scale, item.scale_applied, item.weak = item.value * factor, factor, True, False
            item.unit, item.currency, item.unit_symbol = last.unit, last.currency, last.unit_symbol
            item.counter = last.counter
            if last.scale_applied and not item.scale_applied and item.value is not None:
                # 4665、2611亿千瓦时, 三、四成: the magnitude (亿, 成, 万元) written once applies to every item
                item.value = scaled(item.value, last.scale)
                item.scale, item.scale_applied = last.scale, True
            item_index -= 1


def _share_list_dates(text: str, drafts: list[Draft], links: list[int]) -> None:
    """5、6月份, 2022、2023年: bare numbers listed before a month or a year are months (of the same year, where
    the last names one) or years too; lists ending in a quarter are read by :func:`_share_list_ordinals`."""
    for index in reversed(links):
        last = drafts[index]
        if text[last.start - 1] not in LIST_SEPARATORS:
            continue  # only the last item of a list can share its month or year
        kind = _date_kind(text, last)
        if kind is None:
            continue
        first = index
        while first > 0 and _list_gap(text, drafts[first - 1], drafts[first]) and _is_bare_integer(drafts[first - 1]) and (
            _fits(drafts[first - 1].value, kind)
        ):
            first -= 1
            item = drafts[first]
            item.unit, item.weak = "date", False  # 五、六月份: a bare numeral in the list is an item of it
            if kind == "month":
                item.month, item.value = int(item.value), last.value
        if kind == "month" and first < index:
            _give_year_before(text, drafts, first, index)


def _give_year_before(text: str, drafts: list[Draft], first: int, last: int) -> None:
    """2023年5、6月, 2024年三、四季度: the year written right before the list's first item dates every item."""
    year = drafts[first - 1] if first > 0 else None
    if year is None or year.end != drafts[first].start or _date_kind(text, year) != "year":
        return
    for item in drafts[first:last + 1]:
        if item.value is None:
            item.value = year.value


def _date_kind(text: str, draft: Draft) -> str | None:
    if draft.unit != "date" or draft.name_like or draft.bounds:
        return None
    if draft.month is not None:
        return "month" if draft.month_high is None else None
    if draft.value is not None and text[draft.end - 1] == YEAR_WORD and draft.value in _FITS["year"]:
        return "year"  # 2023年, 二〇二三年, 114年 (of the ROC era, read as 2025)
    return None


_FITS = {"month": range(1, 13), "year": range(YEAR_RANGE[0], YEAR_RANGE[1] + 1)}


def _fits(value: float, kind: str) -> bool:
    return value == int(value) and int(value) in _FITS[kind]


def _is_bare_integer(item: Draft) -> bool:
    """A plain list item (:func:`_is_bare`) of at most four digits, with no counter and no qualifier."""
    return (
        (_is_bare(item) or _is_bare(item, "count")) and item.counter is None and not item.qualifiers
        and item.value is not None and item.end - item.start <= 4
    )


def _digit_factor(text: str, item: Draft, last: Draft) -> float | None:
    """What a lone Chinese digit before the last item of a list is multiplied by to read as that item does: the last
    item's value over its digit when its numeral is one digit and magnitudes (三、四百人: 100, 三、四成: 10, 三、四万元:
    10^4, 一、两个月: 1); None when either is another numeral (三、四十五岁)."""
    if text[item.end - 1:item.end] not in CHINESE_DIGITS or text[item.end - 2:item.end - 1] in _CN_CHARS:
        return None
    if last.value is None or last.value_high is not None:
        return None
    position = next((index for index in range(last.start, last.end) if text[index] in _CN_CHARS), None)
    if position is None or not CHINESE_DIGITS.get(text[position]):
        return None
    end = position + 1
    while end < last.end and text[end] in MAGNITUDES:
        end += 1
    if text[end:end + 1] in _CN_CHARS:
        return None
    return last.value / CHINESE_DIGITS[text[position]]


def quarter_of(text: str, draft: Draft) -> int | None:
    """The quarter a draft names (一季度, 第三季度, 2023年第一季度: a date of three months ending in 季度), else None."""
    if draft.unit != "date" or draft.month is None or draft.month_high != draft.month + QUARTER_MONTHS - 1:
        return None
    return draft.month_high // QUARTER_MONTHS if text.endswith(QUARTER_WORD, 0, draft.end) else None


def _is_bare(draft: Draft, unit: str | None = None) -> bool:
    """A draft of that unit (None: none written yet) with no bound, no span and no name: a plain list item."""
    return draft.unit == unit and not draft.bounds and draft.value_high is None and not draft.name_like


def _share_list_ordinals(text: str, drafts: list[Draft], links: list[int]) -> bool:
    """二、三季度, 第二、三季度: the bare numbers of a list ending in a quarter name quarters too (Q2, Q3); 第一、二名,
    第1、2、3位: 第 written once before a list makes every item a rank, with the counter written after the last.
    Returns whether a list's last item was extended (第1、2季: by 季)."""
    extended = False
    for index in reversed(links):
        last = drafts[index]
        if text[last.start - 1] not in LIST_SEPARATORS or quarter_of(text, last) is None:
            continue  # (the cheap test first: only the last item of a list can share its quarter)
        first = index
        for item_index in range(index - 1, -1, -1):
            item = drafts[item_index]
            if not _list_gap(text, item, drafts[item_index + 1]) or not (_is_bare(item) or _is_bare(item, "rank")):
                break
            if item.counter is not None or item.value not in (1, 2, 3, 4):
                break
            _set_quarter(item, int(item.value))
            item.value, item.weak, first = last.value, False, item_index
        if first < index:
            _give_year_before(text, drafts, first, index)
    for index in (link - 1 for link in links):
        first = drafts[index]
        if first.unit != "rank" or not _is_bare(first, "rank") or first.counter is not None or not text.startswith(RANK_WORD, first.start):
            continue  # 第3名和5名: a rank with its own counter is written with its own 第
        items = [first]
        while index + len(items) < len(drafts) and _list_gap(text, items[-1], drafts[index + len(items)]):
            if not _is_bare(drafts[index + len(items)]):
                break
            items.append(drafts[index + len(items)])
        if len(items) > 1 and _names_short_quarters(text, items):
            _set_short_quarters(text, drafts, index, items)
            extended = True
            continue  # 114年第1、2季: quarters, 季 written once after the last
        if len(items) == 1 or items[-1].counter is None:
            continue  # 第一、二、三产业: no counter after the last item, no list of ranks
        for item in items[1:]:
            item.unit, item.weak = "rank", False
        first.counter = items[-1].counter
    return extended


def _names_short_quarters(text: str, items: list[Draft]) -> bool:
    """第1、2季经济成长率: a list of ranks 1..4 with 季 (Hong Kong and Taiwan usage) after the last names quarters
    where its clause speaks of a period (periods.names_a_period)."""
    last = items[-1]
    if last.counter is not None or not text.startswith(SHORT_QUARTER_WORD, last.end):
        return False
    if text[last.end + 1:last.end + 2] in SHORT_QUARTER_GUARD and text[last.end + 1:last.end + 2]:
        return False  # 季节, 季军: another word
    if any(item.value not in (1, 2, 3, 4) for item in items):
        return False
    return names_a_period(text, items[0].start, last.end + len(SHORT_QUARTER_WORD))


def _set_short_quarters(text: str, drafts: list[Draft], index: int, items: list[Draft]) -> None:
    for item in items:
        _set_quarter(item, int(item.value))
        item.value, item.weak = None, False
    items[-1].end = items[-1].consumed = items[-1].end + len(SHORT_QUARTER_WORD)
    _give_year_before(text, drafts, index, index + len(items) - 1)


def _list_gap(text: str, item: Draft, after: Draft) -> bool:
    """Whether ``item`` and ``after`` are neighbours in a list (、 和 及 between them, not spaces only; a times sign
    between the sides of a size)."""
    if not 0 < after.start - item.end <= 3:
        return False  # (most neighbours: apart by more than a separator, which no slice needs to show)
    gap = text[item.end:after.start]
    if gap in DIMENSION_SEPARATORS:  # 4917×1860×1772mm, 160×75×8mm: the sides of a size, those before the last of two digits or more
        return item.value is not None and item.value >= DIMENSION_MIN and after.value is not None
    return bool(gap.strip(" \u3000")) and LIST_SEPARATORS.issuperset(gap)


def _share_list_bounds(text: str, drafts: list[Draft], links: list[int]) -> None:
    """分别超过1500亿元、2000亿元和4000亿元: a qualifier after 分别 ("respectively") bounds every item; one before a
    pair joined by a slash (低于140/90毫米汞柱, a blood pressure) bounds both; a hedge after the last item (50%和20%左右)
    approximates every item."""
    for index in (link - 1 for link in links):
        first = drafts[index]
        if len(first.bounds) == 1 and first.qualifiers and text[first.end:drafts[index + 1].start] in _PAIR_SLASHES:
            second = drafts[index + 1]  # 低于140/90毫米汞柱: one reading of two figures, bounded together
            # (a numerator below its denominator writes a fraction instead: 超过1/3)
            larger_first = second.value is not None and first.value is not None and first.value > second.value
            if not second.bounds and not second.name_like and larger_first:
                second.qualifiers.append(first.qualifiers[0])
                second.bounds.append(first.bounds[0])
            continue
        if len(first.bounds) != 1 or not first.qualifiers or not _respectively_before(text, first.start):
            continue
        if not text.startswith(first.qualifiers[0], first.start):
            continue  # the qualifier must be the first thing after 分别
        for item_index in range(index + 1, len(drafts)):
            item = drafts[item_index]
            if not _list_gap(text, drafts[item_index - 1], item) or item.bounds or item.name_like:
                break
            item.qualifiers.append(first.qualifiers[0])
            item.bounds.append(first.bounds[0])
    _share_list_hedge(text, drafts, links)


#: The slash joining the two figures of one reading (140/90毫米汞柱).
_PAIR_SLASHES = ("/", "／")
#: How far before the qualifier "respectively" may stand, a verb between (各买超逾14万张, 分别增长超过3%).
_RESPECTIVELY_WINDOW = 4


def _respectively_before(text: str, start: int) -> bool:
    """Whether 分别, 依次 or 各 stands right before ``start``, or before a short verb there (各买超逾14万张)."""
    window = text[max(0, start - _RESPECTIVELY_WINDOW - 2):start]
    for word in RESPECTIVELY_WORDS:
        at = window.rfind(word)
        if at >= 0 and len(window) - at - len(word) <= _RESPECTIVELY_WINDOW and all(map(is_han, window[at:])):
            return True
    return False


#: Suffix qualifiers that hedge (左右, 上下, 前后): after the last item of a list they hedge every item.
_HEDGE_SUFFIXES: frozenset[str] = frozenset(word for word, bound in SUFFIX_QUALIFIERS.items() if bound == "approx")


def _share_list_hedge(text: str, drafts: list[Draft], links: list[int]) -> None:
    """50%和20%左右, 3万、5万和8万吨上下: a hedge after the last item of a list approximates every item that is
    written with the same unit, joined by 、 和 及 and bounded by nothing of its own (达到 states it: 达到50%和20%左右). A bound word (以上, 以内)
    states a threshold and stays with its own item."""
    for index in reversed(links):
        last = drafts[index]
        hedge = last.qualifiers[-1] if last.qualifiers else None
        if hedge not in _HEDGE_SUFFIXES or not text.endswith(hedge, 0, last.end) or last.unit in (None, "date"):
            continue
        for item_index in range(index - 1, -1, -1):
            item, after = drafts[item_index], drafts[item_index + 1]
            if not _list_gap(text, item, after) or set(item.bounds) - {"eq"} or item.name_like or item.value is None:
                break
            if (item.unit, item.counter, item.currency) != (last.unit, last.counter, last.currency):
                break
            item.qualifiers.append(hedge)
            item.bounds.append("approx")


def _link_pairs(text: str, drafts: list[Draft], first_pair_id: int = 0) -> int:
    """Link before/after values of a change (由 80% 提升到 95%). Returns the next free pair id."""
    pair_id = first_pair_id
    if len(drafts) < 2:
        return pair_id
    ends = [draft.end for draft in drafts]
    for change in _changes_near_openers(text):
        verb_start = change.start()
        index = bisect_right(ends, verb_start) - 1
        if index < 0:
            continue
        # Candidates for the before value: mentions between the nearest 由/从 and the verb.
        opener = -1
        for position in range(verb_start - 1, max(-1, verb_start - 2 * PAIR_WINDOW), -1):
            char = text[position]
            if char in SENTENCE_END or char == "，":
                break
            if char in CHANGE_OPENERS:
                opener = position
                break
        if opener < 0:
            continue
        # Candidates for the before value: unpaired, not name-like mentions after the opener and up to
        # the verb; the last non-date one, else the last one. Drafts are in order of start, so walk back
        # from the verb only as far as the opener (slicing drafts here would make the scan quadratic).
        before = last_candidate = None
        for candidate_index in range(index, -1, -1):
            draft = drafts[candidate_index]
            if draft.start <= opener:
                break
            if draft.pair_id is not None or draft.name_like:
                continue
            last_candidate = last_candidate or draft
            if draft.unit != "date":
                before = draft
                break
        before = before or last_candidate
        if before is None:
            continue
        if before.start - opener > PAIR_WINDOW:
            continue
        after = None
        for after_index in range(index + 1, len(drafts)):
            draft = drafts[after_index]
            if draft.start < change.end():
                continue
            gap = text[change.end():draft.start]
            if draft.start - change.end() > PAIR_WINDOW or any(char in SENTENCE_END or char == "，" for char in gap):
                break
            if draft.unit == before.unit and not draft.name_like:
                after = draft
                break
        if after is None:
            continue
        before.pair_id, before.role = pair_id, "before"
        after.pair_id, after.role = pair_id, "after"
        pair_id += 1
    return pair_id
