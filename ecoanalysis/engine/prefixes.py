"""Readers of what stands before a number: the minus sign (-, −, 负), a currency written before it
(人民币, $, US$) and a qualifier with its bound (超过, 约, 至少).
"""
from __future__ import annotations

import re
import string

from ._lexicon import (
    AGE_WORDS,
    NEAR_LASTING_VERBS,
    ANGLE_SIGN,
    ASPECT_MARKER,
    ASPECT_MIN_WORD,
    BRIDGE_STOP,
    CHANGE_LEVEL_VERBS,
    CHANGE_VERBS,
    BRIDGED_ADJECTIVES,
    BRIDGE_MODALS,
    BRIDGED_ADVERBS,
    COMPARISON_ADJECTIVES,
    COMPARISON_AFTER,
    COMPARISON_GUARD_BEFORE,
    COMPARISON_WORD,
    CONTEXT_UNITS,
    CURRENCY_PREFIXES,
    CURRENCY_PREFIX_GUARD,
    DEGREE_GUARD,
    DEGREE_WORDS,
    GENERIC_CURRENCY_WORDS,
    LINKING_VERBS,
    MINUS_SIGNS,
    NEGATIVE_GROWTH_WORDS,
    MINUS_GUARD_BEFORE,
    PLUS_MINUS_WORDS,
    COMPARED_ADVERBS,
    COMPARED_CLAUSE_MAX,
    COMPARED_FIGURE_MARKS,
    OVER_OF_COMPARED_NOUN_MAX,
    LEVEL_COMPARATIVES,
    LEVEL_MODIFIER_MAX,
    LEVEL_NOUNS,
    OVER_OF_EQUIVALENCE_WORDS,
    OVER_OF_LINK,
    OVER_OF_NOT_BEFORE,
    OVER_OF_NOUN_MAX,
    OVER_OF_SHARE_UNITS,
    OVER_NOUN_MAX,
    OVER_NOUN_WORDS,
    OVER_OF_WORDS,
    OVER_PER_COUNTER_MAX,
    PER_WORD,
    PREFIX_NEEDS_AFTER,
    PREFIX_NEEDS_ROUND,
    CAPACITY_WORDS,
    LAST_EVENT_COUNTERS,
    LAST_EVENT_MAX,
    PREFIX_QUALIFIERS,
    PREFIX_GUARD_NOUNS,
    PREFIX_QUALIFIER_GUARDS,
    SUFFIX_QUALIFIERS,
    TOP_RANK_COUNTERS,
    TOP_RANK_GUARD,
    RANK_WORD,
    TEMPERATURE_NOUN_WINDOW,
    TEMPERATURE_SENTENCE_WINDOW,
    TEMPERATURE_NOUNS,
    TEMPERATURE_VERBS_AFTER,
    TEMPERATURE_SCALES,
    TOP_RANK_WORD,
)
from .draft import Draft
from .durations import read_unit_decimals
from .numerals import FULLWIDTH_TO_ASCII, MAGNITUDES
from .patterns import _CN_CHARS, _GAP, _MINUS_WORDS, _alternation, _by_first_char_alternation, _char_before_gap, _guarded
from .patterns import _GAP_CHAR_SET, _GAP_CHARS, _SUFFIX_RE, _guarded_split, clause_before, is_han, sentence_before
from .models import model_line_before



def _guarded_prefix(word: str) -> tuple[str, str]:
    """:func:`_guarded_split` for a prefix qualifier, with the nouns after which its guard does not hold
    ([qualifiers.prefix_guard_nouns]: 进度过九成 is 过 after the noun 进度, where 度过三年 is a verb)."""
    first, rest = _guarded_split(word, PREFIX_QUALIFIER_GUARDS, behind=True)
    nouns = PREFIX_GUARD_NOUNS.get(word)
    if not nouns:
        return first, rest
    first_escaped, rest_escaped = re.escape(first), re.escape(word[1:])
    by_width: dict[int, list[str]] = {}
    for noun in nouns:  # a look-behind holds words of one width
        by_width.setdefault(len(noun), []).append(re.escape(noun) + first_escaped)
    after_noun = "|".join(f"(?<={'|'.join(words)})" for words in by_width.values())
    return first, f"(?:{after_noun}){rest_escaped}|{rest}"


_PREFIX_RE = re.compile(
    "(?P<q>"
    + _by_first_char_alternation(_guarded_prefix(w) for w in sorted(PREFIX_QUALIFIERS, key=len, reverse=True))
    + rf")(?P<aspect>{ASPECT_MARKER})?{_GAP}\Z"
)
_PREFIX_LAST_CHARS: frozenset[str] = frozenset(word[-1] for word in PREFIX_QUALIFIERS) | {ASPECT_MARKER}
#: A round number: one digit or none, then magnitudes only (一千, 两万, 十万, 100万), for [qualifiers.needs_round].
_ROUND_NUMBER_RE = re.compile(r"(?:[一二两三四五六七八九]|\d{1,4}|十(?=[百千万亿]))[十百千万亿]+(?![零〇一二两三四五六七八九十几多余\d.点])")
#: _PREFIX_RE is searched for in the characters right before the number (qualifier, 了, gap).
_PREFIX_WINDOW = 7

#: A bound word, a verb, the number: 至少配备2名, 最高可达30千瓦 (see [qualifiers.bridged] in the lexicon).
_BRIDGE_VERB_CHAR = rf"(?![{_CN_CHARS}{BRIDGE_STOP}])[\u4e00-\u9fff]"
#: After a modal the verb phrase may be an adverb and a verb (最多可连续飞行55分钟): up to _MODAL_PHRASE_MAX characters.
_MODAL_PHRASE_MAX = 4
_MODAL_PHRASE = rf"(?:{_alternation(BRIDGE_MODALS)}){_BRIDGE_VERB_CHAR}{{1,{_MODAL_PHRASE_MAX}}}"
_BRIDGED_RE = re.compile(
    rf"(?:(?P<adverb>{_alternation(BRIDGED_ADVERBS)})(?:{_MODAL_PHRASE}|{_BRIDGE_VERB_CHAR}{{1,3}})"
    rf"|(?P<adjective>{_alternation(BRIDGED_ADJECTIVES)})(?:{_alternation(LINKING_VERBS)}|{_MODAL_PHRASE})){_GAP}\Z"
)
_BRIDGED_FIRST_CHARS: frozenset[str] = frozenset(word[0] for word in (*BRIDGED_ADVERBS, *BRIDGED_ADJECTIVES))
_BRIDGED_WINDOW = 2 + max(_MODAL_PHRASE_MAX + max(map(len, BRIDGE_MODALS)), *(len(verb) for verb in LINKING_VERBS)) + 1


#: One character of the noun phrase between a qualifier and 的: a Han character or a Latin letter (全国GDP),
#: no numeral, no 的, no punctuation: the phrase stays within its clause and crosses no other number.
_OVER_OF_NOUN_CHAR = rf"(?:(?![{_CN_CHARS}{OVER_OF_LINK}])[\u4e00-\u9fffA-Za-z])"
#: A rank inside the noun phrase (相当于第二名的两倍多): 第 and its numeral, not another number of the clause; and a
#: year (相当于2019年同期的80%), the time the share is of.
_OVER_OF_RANK = rf"{RANK_WORD}[{_CN_CHARS}0-9０-９]{{1,4}}|[0-9０-９]{{4}}年"
#: A qualifier, a noun phrase, 的, the number: 不超过总额的5%, 约为上年的1.5倍 ([qualifiers.over_of]).
_OVER_OF_RE = re.compile(
    "(?P<q>" + "|".join(_guarded(w, PREFIX_QUALIFIER_GUARDS, behind=True) for w in sorted(OVER_OF_WORDS, key=len, reverse=True))
    + rf")(?![{OVER_OF_NOT_BEFORE}])(?:{_OVER_OF_RANK}|{_OVER_OF_NOUN_CHAR}){{1,{OVER_OF_NOUN_MAX}}}{OVER_OF_LINK}{_GAP}\Z"
)
#: The link word ends the window before the number; _may_have_prefix lets it through.
_OVER_OF_LAST_CHARS: frozenset[str] = frozenset(OVER_OF_LINK[-1])
_OVER_OF_WINDOW = max(len(word) for word in OVER_OF_WORDS) + OVER_OF_NOUN_MAX + len(OVER_OF_LINK) + 1


_MINUS_CHARS: frozenset[str] = frozenset(sign for sign in MINUS_SIGNS if len(sign) == 1)
NEGATIVE_GROWTH_LAST: frozenset[str] = frozenset(word[-1] for word in NEGATIVE_GROWTH_WORDS)
_NEGATIVE_GROWTH_UNITS = frozenset({"percent", "percentage_point"})
_MINUS_LAST_CHARS: frozenset[str] = frozenset(sign[-1] for sign in MINUS_SIGNS)


def _is_sign_word(sign: str) -> bool:
    """负, 零下: written words, unlike the dashes, never a range connector."""
    return all(map(is_han, sign))
#: Characters before a hyphen that make it a range dash or part of a name (2019-2021, GPT-3, (a)-1).
_NOT_SIGN_BEFORE = frozenset(string.ascii_letters + string.digits + "０１２３４５６７８９)）]］%％‰")


#: Before a dash spaced off its number (下降- 3.5%, 为 - 3.2亿元), what makes the dash a sign: a word of
#: the sentence or an opening mark; elsewhere (a line start, a bullet) it is a list dash.
_SPACED_SIGN_OPENERS = frozenset("：:=（(")
_COLUMN_GAPS = frozenset(" \t\u3000")


def _signs_after_word(before: str) -> bool:
    return bool(before) and (is_han(before) or before in _SPACED_SIGN_OPENERS)


def _read_sign(text: str, draft: Draft, prefix_end: int) -> int:
    """A minus sign right before the number (-3.5%, 负 12.6%, 增长-2.1%, 零下 5℃) negates it (never a date's).

    A dash after a digit, a Latin letter or a closing bracket is a range or part of a name (2019-2021,
    GPT-3); the words 负 and 零下 are signs wherever they stand, also with a space before the number.
    """
    if draft.unit == "date" or prefix_end == 0:
        return prefix_end
    end = prefix_end
    if text[end - 1] == " " and end > 1:
        end -= 1  # 负 12.6%
    if draft.unit in _NEGATIVE_GROWTH_UNITS and text[end - 1] in NEGATIVE_GROWTH_LAST and text.endswith(NEGATIVE_GROWTH_WORDS, 0, end):
        sign = next(word for word in NEGATIVE_GROWTH_WORDS if text.endswith(word, 0, end))
        draft.value = None if draft.value is None else -draft.value  # 负增长3.2% = -3.2 %
        return end - len(sign)
    if text[end - 1] not in _MINUS_LAST_CHARS:
        return prefix_end
    sign = next((word for word in _MINUS_WORDS if text.endswith(word, 0, end)), None)
    if sign is None or text.endswith(PLUS_MINUS_WORDS, 0, end):
        return prefix_end  # 正负3%: plus or minus, a tolerance
    sign_at = end - len(sign)
    before = text[max(0, sign_at - 8):sign_at].rstrip(" ")[-1:]
    # A dash glued to its number with a space before it opens a column of a table (1.42% -0.04%), not a range.
    column = end == prefix_end and text[sign_at - 1:sign_at] in _COLUMN_GAPS
    if not _is_sign_word(sign) and before and before in _NOT_SIGN_BEFORE and not column:
        return prefix_end
    if end == prefix_end and draft.unit is None and draft.counter is None and model_line_before(text, prefix_end) is not None:
        return prefix_end  # 歼-20: the hyphen of a designation (气温一直-20℃ keeps its sign)
    if _is_sign_word(sign) and text[sign_at - 1:sign_at] in MINUS_GUARD_BEFORE:
        return prefix_end  # 胜负3场: the end of another word
    if end < prefix_end and not _is_sign_word(sign) and not _signs_after_word(before):
        return prefix_end  # "- 3" at the start of a line is a list bullet, "a - 3" no sign
    if draft.value is not None:
        draft.value = -draft.value
    if draft.value_high is not None:
        draft.value, draft.value_high = -draft.value_high, draft.value
    return sign_at


_CURRENCY_PREFIX_RE = re.compile(
    rf"(?<![{CURRENCY_PREFIX_GUARD}])(?P<cur>{_alternation(CURRENCY_PREFIXES)})[ \u3000]?\Z"
)
_CURRENCY_PREFIX_LAST: frozenset[str] = frozenset(word[-1] for word in CURRENCY_PREFIXES)


def _read_currency_prefix(text: str, draft: Draft, prefix_end: int) -> tuple[int, bool]:
    """Money written before the number (人民币 3500 亿元, ￥200, US$3.5 亿): its ISO 4217 code."""
    if _char_before_gap(text, prefix_end, 2, " \u3000") not in _CURRENCY_PREFIX_LAST:
        return prefix_end, False
    currency = _CURRENCY_PREFIX_RE.search(text, max(0, prefix_end - 5), prefix_end)
    if currency is None:
        return prefix_end, False
    code = CURRENCY_PREFIXES[currency.group("cur")]
    if draft.unit == "rate" and draft.currency is not None:  # 人民币18.50元/股: a price per share, the money said twice
        if draft.currency != code and draft.counter not in GENERIC_CURRENCY_WORDS:
            return prefix_end, False
        if draft.unit_symbol and draft.unit_symbol.startswith(draft.currency + "/"):
            draft.unit_symbol = code + draft.unit_symbol[len(draft.currency):]  # 港币0.63元/股: HKD/股
        draft.currency = code
        return currency.start(), True
    if draft.counter is not None and draft.unit != "currency":
        return prefix_end, False  # 10亿美元3家: a count of 家
    generic = draft.unit == "currency" and draft.counter in GENERIC_CURRENCY_WORDS  # 港币0.63元: HK$
    if draft.unit in (None, "count", "currency") and (draft.currency in (None, code) or generic):
        draft.unit, draft.currency = "currency", code
    return currency.start(), True


#: 每 and the counter a price is per, between a qualifier and the number (不低于每股12元).
_PER_PHRASE_RE = re.compile(rf"{PER_WORD}(?:(?![{_CN_CHARS}])[\u4e00-\u9fff]){{1,{OVER_PER_COUNTER_MAX}}}\Z")
#: How far before the number 每 may stand: _may_have_prefix looks for it there.
PER_PHRASE_WINDOW = 1 + OVER_PER_COUNTER_MAX


#: After a number: a noun phrase and 的 before another number (两位分析师平均预估的444家). A qualifier before the
#: first number then compares with the later one (446家，高于两位分析师平均预估的444家): it bounds neither.
_NOUN_OF_NUMBER_RE = re.compile(  # the later number is no name glued to letters (超330个城市的5G-A网络: 5G)
    rf"{_OVER_OF_NOUN_CHAR}{{1,{OVER_OF_COMPARED_NOUN_MAX}}}{OVER_OF_LINK}[0-9０-９{_CN_CHARS}](?![0-9０-９.]*[A-Za-z])"
)


#: After a number: 的 and a noun of a level (八成的合理水平, 0.2毫克/千克的国家标准): the level's own figure.
_NUMBER_OF_LEVEL_RE = re.compile(
    rf"{OVER_OF_LINK}[\u4e00-\u9fff]{{0,{LEVEL_MODIFIER_MAX}}}?(?:{_alternation(LEVEL_NOUNS)})"
)


#: 近 before a duration names the last N years (近三年, 近十年), but before a bare magnitude of a hundred or more
#: (近百年, 近千小时) it is "nearly": nobody counts "the last hundred hours".
_ROUND_NEAR = 100
_NEAR_WORD = "近"


def _names_last_periods(text: str, draft: Draft) -> bool:
    """Whether 近 before this duration names the last N periods (近三年) rather than "nearly" (近百年, 近三十岁,
    历时近两年, and after the aspect marker of any verb: 持续了近3个小时, 快了近1秒)."""
    if MAGNITUDES.get(text[draft.start:draft.start + 1], 0) >= _ROUND_NEAR or draft.counter in AGE_WORDS:
        return False
    near_at = text.rfind(_NEAR_WORD, max(0, draft.start - len(_NEAR_WORD) - 1), draft.start + 1)
    if near_at < 0:
        return True
    return not (text.endswith(NEAR_LASTING_VERBS, 0, near_at) or text.endswith(ASPECT_MARKER, 0, near_at))  # 持续了近3个小时


def _counts_last_events(draft: Draft) -> bool:
    """近三届, 近五次, 近10场: a small count of editions, times or games, no magnitude (近16万次 is nearly so many)."""
    return draft.counter in LAST_EVENT_COUNTERS and not draft.scale_applied and draft.value is not None and draft.value < LAST_EVENT_MAX


def settle_near_duration(text: str, draft: Draft) -> None:
    """近 read before the number was known to be a duration (近11季, 近三季度: its unit came later): the last N."""
    if draft.unit == "duration" and draft.qualifiers[:1] == [_NEAR_WORD] and "approx" in draft.bounds and _names_last_periods(text, draft):
        draft.bounds[draft.bounds.index("approx")] = "eq"

#: After a rank or a date, 的 and another number (第二名的两倍多, 约为2022年的3倍): the rank or the year is the noun phrase
#: the qualifier reaches over.
_OF_NUMBER_RE = re.compile(rf"{OVER_OF_LINK}[0-9０-９{_CN_CHARS}]")


def _read_prefix_qualifier(text: str, draft: Draft, prefix_end: int) -> tuple[int, bool]:
    """A qualifier before the number (超过, 约合, 至少, 不足), or before 每 + counter (不低于每股12元): its bound."""
    if text[draft.end:draft.end + 1] not in _GAP_CHARS and _NOUN_OF_NUMBER_RE.match(text, draft.end):
        return prefix_end, False  # 高于两位分析师平均预估的444家: 两位 is part of the compared noun phrase
    if (draft.unit == "date" or text.startswith(RANK_WORD, prefix_end)) and _OF_NUMBER_RE.match(text, draft.end):
        return prefix_end, False  # 相当于第二名的两倍多, 约为2022年的3倍: the rank or year is the compared noun phrase
    window_start = max(0, prefix_end - PER_PHRASE_WINDOW)
    if PER_WORD in text[window_start:prefix_end]:
        per = _PER_PHRASE_RE.search(text, window_start, prefix_end)
        if per is not None:
            start, found = _read_direct_qualifier(text, draft, per.start())
            if found:
                return start, True
    return _read_direct_qualifier(text, draft, prefix_end)


def _read_direct_qualifier(text: str, draft: Draft, prefix_end: int) -> tuple[int, bool]:
    """A qualifier right before ``prefix_end`` (past the gap), over a verb, or over "noun 的": its bound."""
    # Pre-filter: the last non-gap character of the window must end a qualifier.
    last = _char_before_gap(text, prefix_end, _PREFIX_WINDOW)
    if last in _OVER_OF_LAST_CHARS:
        return _read_over_of_qualifier(text, draft, prefix_end)
    if last not in _PREFIX_LAST_CHARS:
        return _read_bridged_qualifier(text, draft, prefix_end)
    qualifier = _PREFIX_RE.search(text, max(0, prefix_end - _PREFIX_WINDOW), prefix_end)
    if qualifier is None or (qualifier.group("aspect") and len(qualifier.group("q")) < ASPECT_MIN_WORD):
        return _read_bridged_qualifier(text, draft, prefix_end)  # 过了3天: no bound
    word = qualifier.group("q")
    bound = PREFIX_QUALIFIERS[word]
    if word in PREFIX_NEEDS_AFTER and not (text[draft.end:draft.end + 1] or "\0") in PREFIX_NEEDS_AFTER[word]:
        return prefix_end, False  # 快3秒: "faster", not 快一年了 "almost a year"
    if word in PREFIX_NEEDS_ROUND and not _ROUND_NUMBER_RE.match(text, prefix_end):
        return prefix_end, False  # 小三, 小一班: a name, not 小一千 "nearly a thousand"
    if word in LEVEL_COMPARATIVES and text[draft.end:draft.end + 1] == OVER_OF_LINK and _NUMBER_OF_LEVEL_RE.match(text, draft.end):
        return prefix_end, False  # 远低于八成的合理水平: the level's figure, compared with
    if word == _NEAR_WORD and (draft.unit == "duration" or _counts_last_events(draft)) and _names_last_periods(text, draft):
        bound = "eq"  # 近 6 年, 近十年, 近三届 = "the last six, ten years, three editions"; 近百年 = nearly a hundred
    if word in CAPACITY_WORDS and draft.bounds:
        bound = "eq"  # 可高达120摄氏度以上: the suffix bounds it
    if bound == "eq" or word in LINKING_VERBS:  # 达, 可达: a linking verb, perhaps after a bound word (最高可达)
        start, bridged = _read_bridged_qualifier(text, draft, prefix_end)
        if bridged:
            return start, True
    draft.qualifiers.insert(0, word)
    draft.bounds.append(bound)
    return qualifier.start(), True


def _read_bridged_qualifier(text: str, draft: Draft, prefix_end: int) -> tuple[int, bool]:
    """A bound word separated from the number by a verb (至少配备2名, 最高可达30千瓦), or a word of equivalence
    by a noun phrase before a share (相当于本地生产总值22%): its bound."""
    if draft.unit in _SHARE_UNITS:
        start, found = _read_over_noun_qualifier(text, draft, prefix_end)
        if found:
            return start, True
    match = _search_window(text, prefix_end, _BRIDGED_WINDOW, _BRIDGED_FIRST_CHARS, _BRIDGED_RE)
    if match is None:
        return prefix_end, False
    word = match.group("adverb") or match.group("adjective")
    return _take_qualifier(draft, match, word, BRIDGED_ADVERBS.get(word) or BRIDGED_ADJECTIVES[word])


def _search_window(text: str, end: int, window: int, first_chars: frozenset[str], pattern: re.Pattern) -> re.Match | None:
    """``pattern`` searched in the ``window`` characters before ``end``, when one of ``first_chars`` is there."""
    start = max(0, end - window)
    if first_chars.isdisjoint(text[start:end]):
        return None
    return pattern.search(text, start, end)


def _take_qualifier(draft: Draft, match: re.Match, word: str, bound: str) -> tuple[int, bool]:
    """Record the qualifier ``word`` found by ``match`` and its bound; the mention now starts where the match does."""
    draft.qualifiers.insert(0, word)
    draft.bounds.append(bound)
    return match.start(), True


_SHARE_UNITS = frozenset({"percent", "multiple"})
_OVER_NOUN_FIRST: frozenset[str] = frozenset(word[0] for word in OVER_NOUN_WORDS)
_OVER_NOUN_WINDOW = max(map(len, OVER_NOUN_WORDS)) + OVER_NOUN_MAX + 2
_OVER_NOUN_RE = re.compile(
    rf"(?P<q>{_alternation(OVER_NOUN_WORDS)})(?:{_OVER_OF_RANK}|{_OVER_OF_NOUN_CHAR}){{1,{OVER_NOUN_MAX}}}[ \u3000]?\Z"
)


def _read_over_noun_qualifier(text: str, draft: Draft, prefix_end: int) -> tuple[int, bool]:
    """相当于本地生产总值22%, 约占全球市场份额三成: a word of equivalence over a noun phrase before a share."""
    match = _search_window(text, prefix_end, _OVER_NOUN_WINDOW, _OVER_NOUN_FIRST, _OVER_NOUN_RE)
    if match is None:
        return prefix_end, False
    return _take_qualifier(draft, match, match.group("q"), PREFIX_QUALIFIERS[match.group("q")])


def _read_over_of_qualifier(text: str, draft: Draft, prefix_end: int) -> tuple[int, bool]:
    """A qualifier before "noun 的" (不超过总额的5%, 约为上年的1.5倍, 相当于全国的三分之一): its bound. A comparative
    bounds only a share or multiple there: 超过河钢集团的4376万吨 names the figure compared with (no bound)."""
    match = _OVER_OF_RE.search(text, max(0, prefix_end - _OVER_OF_WINDOW), prefix_end)
    if match is None:
        return prefix_end, False
    if match.group("q") not in OVER_OF_EQUIVALENCE_WORDS and draft.unit not in OVER_OF_SHARE_UNITS:
        return prefix_end, False
    if match.group("q") in LEVEL_COMPARATIVES and _compares_stated_figure(text, match.start(), draft.unit):
        return prefix_end, False  # 总有效率为91.7%，高于对照组的75.0%: the control group's own rate
    return _take_qualifier(draft, match, match.group("q"), PREFIX_QUALIFIERS[match.group("q")])


_CLAUSE_COMMAS = frozenset("，,")


def _compares_stated_figure(text: str, word_at: int, unit: str | None) -> bool:
    """Whether the comparative at ``word_at`` opens a clause after one stating a figure of the same ``unit``."""
    adverb = next((word for word in COMPARED_ADVERBS if text.endswith(word, 0, word_at)), "")
    comma_at = word_at - len(adverb) - 1  # 显著高于对照组的28.6%
    while comma_at >= 0 and text[comma_at] in " \u3000":
        comma_at -= 1
    if comma_at < 0 or text[comma_at] not in _CLAUSE_COMMAS:
        return False
    clause = clause_before(text, comma_at, COMPARED_CLAUSE_MAX)
    return any(mark in clause for mark in COMPARED_FIGURE_MARKS.get(unit, ()))


#: The character before a number that may end 前 of the top N, or its PDF space (排名 前 9).
TOP_RANK_OR_SPACE = frozenset({TOP_RANK_WORD, " "})


def top_rank_before(text: str, prefix_end: int) -> bool:
    """Whether 前 stands right before ``prefix_end``, or one space before it."""
    return text[prefix_end - 1:prefix_end] == TOP_RANK_WORD or text[prefix_end - 2:prefix_end] == TOP_RANK_WORD + " "


def _read_top_rank(text: str, draft: Draft, prefix_end: int) -> tuple[int, bool]:
    """前 N with no counter or a counter of places (位居前三, 前十名, 前5位): the top N, a rank of at most N."""
    word_at = prefix_end - len(TOP_RANK_WORD) - (text[prefix_end - 1:prefix_end] == " ")  # 排名 前 9: PDF spacing
    if word_at < 0 or not text.startswith(TOP_RANK_WORD, word_at) or draft.unit is not None or draft.value is None:
        return prefix_end, False
    if draft.counter is not None and draft.counter not in TOP_RANK_COUNTERS:
        return prefix_end, False  # 前三家, 前两年: a count or a span
    if word_at > 0 and text[word_at - 1] in TOP_RANK_GUARD:
        return prefix_end, False  # 目前, 此前, 之前: another word
    draft.unit = "rank"
    draft.qualifiers.insert(0, TOP_RANK_WORD)
    draft.bounds.append("le")
    return word_at, True


_SCALE_RE = re.compile(rf"(?P<scale>{_alternation(TEMPERATURE_SCALES)})[ \u3000]?\Z")
_SCALE_WINDOW = 1 + max(len(word) for word in TEMPERATURE_SCALES)


#: The nouns that make a bare 度 another quantity (用电量300度: kWh), which a temperature carried over must not meet.
_OTHER_DEGREE_NOUNS: tuple[str, ...] = CONTEXT_UNITS["度"].nouns
#: The verbs of a change or a move of a level ([change]).
_CHANGE_WORDS: tuple[str, ...] = CHANGE_VERBS + CHANGE_LEVEL_VERBS


def _temperature_carried(text: str, prefix_end: int, clause: str) -> bool:
    """Whether a temperature named earlier in the sentence carries over to this clause's bare 度 (最低气温为9.8度，部分
    地区更跌至5度以下): a temperature noun in the sentence before, a verb of change in the clause (the temperature
    moves on: 跌至, 升至, 回升) and no noun of another quantity of 度 (用电量) in it."""
    if not any(verb in clause for verb in _CHANGE_WORDS) or any(noun in clause for noun in _OTHER_DEGREE_NOUNS):
        return False
    sentence = sentence_before(text, prefix_end, TEMPERATURE_SENTENCE_WINDOW)
    return any(noun in sentence for noun in TEMPERATURE_NOUNS)


def read_temperature_degrees(text: str, draft: Draft, prefix_end: int) -> int | None:
    """N度 where a temperature is spoken of ([temperature_degrees]): a scale before the number (华氏98.6度 = °F)
    or a temperature noun earlier in the clause (气温升高5度). Where the mention starts, None if not read."""
    end = draft.end
    follower = text[end + 1:end + 2]
    degree = text[end:end + 1]
    if degree not in DEGREE_WORDS or draft.counter is not None or draft.unit not in (None, "count"):
        return None
    if follower and follower in DEGREE_GUARD:
        return None  # 度电, 45度角
    scale = _SCALE_RE.search(text, max(0, prefix_end - _SCALE_WINDOW), prefix_end)
    if scale is not None:
        draft.unit_symbol, start = TEMPERATURE_SCALES[scale.group("scale")], scale.start()
    else:
        clause = clause_before(text, prefix_end, TEMPERATURE_NOUN_WINDOW) + text[prefix_end:end]  # 零下5度: its sign too
        start = prefix_end
        spoken_of = text.startswith(TEMPERATURE_VERBS_AFTER, end + 1) or (  # 再用180度烤8分钟
            any(noun in clause for noun in TEMPERATURE_NOUNS)
            and not any(noun in clause for noun in _OTHER_DEGREE_NOUNS)  # 空调每天耗电3度: kWh
        )
        if not spoken_of and not _temperature_carried(text, prefix_end, clause):
            if degree != ANGLE_SIGN:
                return None
            draft.unit, draft.unit_symbol, draft.counter, draft.end = "angle", degree, degree, end + 1  # 转动了90°
            read_suffix_after_unit(text, draft)
            return start
    draft.unit, draft.counter = "temperature", degree
    draft.end = read_unit_decimals(text, end + 1, draft)  # 发烧三十八度五 = 38.5 度, as 一米七五 is said
    read_suffix_after_unit(text, draft)
    return start


#: First characters of the words of [[context_unit]], for the general reading's cheap test.
CONTEXT_UNIT_FIRST: frozenset[str] = frozenset(word[0] for word in CONTEXT_UNITS)


_NUMBER_BEFORE_RE = re.compile(r"[0-9０-９][0-9０-９.．]*\Z")


def _small_whole_number_before(text: str, end: int, limit: int) -> bool:
    """Whether the number ending at ``end`` may be read otherwise: a whole number of at most ``limit`` (5g; not
    0.25g, 500g) or one in Chinese numerals, which no decimal point or size tells apart (七分熟)."""
    found = _NUMBER_BEFORE_RE.search(text, max(0, end - 12), end)
    if found is None:
        return True
    digits = found.group().translate(FULLWIDTH_TO_ASCII)
    return digits.isdigit() and int(digits) <= limit


def context_unit_at(text: str, start: int, end: int) -> str | None:
    """The word of [[context_unit]] right after the number text[start:end] where its quantity is spoken of: a noun
    of it earlier in the clause (身高1.75m, 综合得分68.9分), an adjective of size after the word (3m高) or a word naming
    the quantity after it (438.20分的总成绩); else None."""
    word = next((word for word in CONTEXT_UNITS if text.startswith(word, end)), None)
    if word is None:
        return None
    info, follower = CONTEXT_UNITS[word], text[end + len(word):end + len(word) + 1]
    if (follower.isascii() and (follower.isalpha() or follower.isdigit() and word.isascii())) or (
        follower and follower in info.guard and not text.startswith(info.guard_except, end + len(word))
    ):
        return None  # 5min, 3m2; 5分钟, 三分之一 (600-650分之间 stands; 5金3银 is a tally)
    if follower and follower in info.adjectives:
        return word  # 3m高
    if info.after_words and text.startswith(info.after_words, end + len(word)):
        return word  # 438.20分的总成绩
    if info.ambiguous_max is not None and not _small_whole_number_before(text, end, info.ambiguous_max):
        return word  # 每片0.25g, 500g: no network generation is written so
    clause = clause_before(text, start, info.window)
    return word if any(noun in clause for noun in info.nouns) else None


def read_context_unit(text: str, draft: Draft, prefix_end: int, *, magnitude_only: bool) -> bool:
    """身高1.75m, 载重10t, 得分68.9分: a unit word of [[context_unit]] where its quantity is spoken of; a bare magnitude
    (十分重要, 万分感谢) is an adverb of degree. Whether the draft was given the unit."""
    if draft.unit is not None or draft.counter is not None or draft.value is None or magnitude_only:
        return False
    # the window reaches from the number, over a qualifier already read (近11季: 近 speaks of the last quarters)
    word = context_unit_at(text, prefix_end, draft.end) or (draft.start > prefix_end and context_unit_at(text, draft.start, draft.end))
    if not word:
        return False
    info = CONTEXT_UNITS[word]
    draft.unit, draft.unit_symbol, draft.counter = info.unit, info.symbol, word
    settle_near_duration(text, draft)  # 近11季: the last eleven quarters, as 近三年
    draft.end += len(word)
    read_suffix_after_unit(text, draft)
    return True


def read_suffix_after_unit(text: str, draft: Draft) -> None:
    """A suffix qualifier after a unit read from context (海拔3000m以上, 评分4.5分以上, 气温30度以上)."""
    suffix = _SUFFIX_RE.match(text, draft.end)
    if suffix is not None:
        draft.qualifiers.append(suffix.group("suffix"))
        draft.bounds.append(SUFFIX_QUALIFIERS[suffix.group("suffix")])
        draft.end = suffix.end()


def read_comparison(text: str, draft: Draft, prefix_end: int) -> int | None:
    """比三十大, 比10元高, 比5%低 ([qualifiers.comparison]): 比 before the number and a comparative adjective after it
    ending the phrase bound the subject (gt, lt). A counter that is the adjective (大) is given back. Where the
    mention starts, None if no comparison is read."""
    if text[prefix_end - 2:prefix_end - 1] in COMPARISON_GUARD_BEFORE and prefix_end > 1:
        return None  # 占比30%, 对比3家
    end = draft.end
    if draft.counter in COMPARISON_ADJECTIVES and text.endswith(draft.counter, 0, end):
        end -= len(draft.counter)  # 三十大: 大 is the adjective, not the counter of 十大
    adjective = text[end:end + 1]
    follower = text[end + 1:end + 2]
    if adjective not in COMPARISON_ADJECTIVES or (is_han(follower) and follower not in COMPARISON_AFTER):
        return None
    if draft.bounds or draft.value is None or draft.unit == "date":
        return None  # 比三十多: 多 was read as "more than" already; 比2019年高: a time compared, no bound
    if end < draft.end:
        draft.counter = None
    draft.qualifiers[:0] = [COMPARISON_WORD]
    draft.qualifiers.append(adjective)
    draft.bounds.append(COMPARISON_ADJECTIVES[adjective])
    draft.end = end + 1
    return prefix_end - len(COMPARISON_WORD)


#: Characters that can end a minus sign, a currency written before the number or a qualifier.
_PREFIX_END_CHARS: frozenset[str] = _MINUS_LAST_CHARS | _CURRENCY_PREFIX_LAST | _PREFIX_LAST_CHARS | _OVER_OF_LAST_CHARS


_BRIDGED_OR_PER_WINDOW = max(_BRIDGED_WINDOW, _OVER_NOUN_WINDOW, PER_PHRASE_WINDOW)
_MAY_HAVE_PREFIX_WINDOW = max(_PREFIX_WINDOW, _BRIDGED_OR_PER_WINDOW)


def _char_class(chars: frozenset[str]) -> str:
    return "".join(map(re.escape, sorted(chars)))


#: The two tests of _may_have_prefix as one search of the window before the number (``\Z`` is its end):
#: a character ending a prefix, then gap characters only, in the last _PREFIX_WINDOW characters
#: (``_char_before_gap(text, prefix_end, _PREFIX_WINDOW) in _PREFIX_END_CHARS``); or the first character of a
#: bridged qualifier, of a word of equivalence over a noun (相当于) or 每 in the last _BRIDGED_OR_PER_WINDOW characters.
_MAY_HAVE_PREFIX_RE = re.compile(
    rf"[{_char_class(_PREFIX_END_CHARS)}][{_char_class(_GAP_CHAR_SET)}]{{0,{_PREFIX_WINDOW - 1}}}\Z"
    rf"|[{_char_class(_BRIDGED_FIRST_CHARS | _OVER_NOUN_FIRST | {PER_WORD})}](?=.{{0,{_BRIDGED_OR_PER_WINDOW - 1}}}\Z)",
    re.DOTALL,
)


def _may_have_prefix(text: str, prefix_end: int) -> bool:
    """Cheap test whether a sign, a currency or a qualifier may stand before ``prefix_end``.

    One pre-filter for the three readers of :mod:`.prefixes`: each first looks at the last character
    before the number that is not a gap (the sign past one space, the currency past spaces, the qualifier
    past _PREFIX_WINDOW gap characters) and the bridged qualifier (至少配备2名) or a price's rate phrase
    (不低于每股12元) needs one of its first characters in its window; when none of these can hold, none of the
    readers can change the draft. Both tests are one regex search (_MAY_HAVE_PREFIX_RE).
    """
    window_start = prefix_end - _MAY_HAVE_PREFIX_WINDOW
    return _MAY_HAVE_PREFIX_RE.search(text, window_start if window_start > 0 else 0, prefix_end) is not None
