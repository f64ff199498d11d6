"""Patterns shared by the readers: the numeral core (:data:`_CORE_RE`), the PDF gap, the pre-filter
character sets and the cached numeral parsers.

All patterns are linear (single character classes, bounded gaps, literal alternations) and are built
from the lexicon, so no word is typed here.
"""
from __future__ import annotations

import re
import string
from functools import lru_cache
from typing import Any

from ._lexicon import is_han_char
from ._lexicon import (
    CLOCK_QUARTER_ENDS,
    DISCOUNT_GUARD,
    DISCOUNT_WORD,
    FIRST_RANK_COUNTERS,
    IDIOM_WORDS,
    INFIX_AFTER,
    INFIX_GUARDS,
    FIRST_RANK_WORD,
    INFIX_QUALIFIERS,
    MINUS_SIGNS,
    NAMED_NUMERALS,
    PERCENTAGE_POINT_WORDS,
    PERCENT_SIGNS,
    PERMILLE_SIGN,
    RANGE_CONNECTORS,
    SUFFIX_GUARDS,
    SUFFIX_QUALIFIERS,
    TENTHS_GUARD,
    TENTHS_WORD,
    UNIT_GUARDS,
    UNIT_WORDS,
    UNIT_WORD_TUPLE,
    GE_DURATIONS,
    WILDCARD_GUARD,
)
from .numerals import (
    CHINESE_DIGITS,
    MAGNITUDES,
    NOT_AFTER_DECIMALS,
    NO_DECIMAL_DIGITS,
    TENS_CHARACTERS,
    WILDCARD_DIGIT,
    WORD_DIGITS,
    cn_to_number,
    parse_approximate_range,
    parse_arabic,
    parse_chinese_wildcard,
)

#: Plausible calendar years: a 4-digit number in this range followed by 年 is a date, else a duration.
YEAR_RANGE: tuple[int, int] = (1900, 2100)


#: A PDF gap between number and unit: a few spaces, possibly a line break ("超过 3 亿\n元规模").
#: Days in the longest month: a day of the month is 1..31.
MONTH_DAYS = 31
_GAP = r"[ \t\u3000\xa0\r\n]{0,8}"
#: The characters and the length bound of _GAP, for the pre-filters below.
_GAP_CHARS = " \t\u3000\xa0\r\n"
_GAP_CHAR_SET: frozenset[str] = frozenset(_GAP_CHARS)
_GAP_MAX = 8
#: What ends a clause: a comma, a colon, a sentence mark or a line break. The context words of a reading (每股
#: before a cent word, a temperature noun, a noun of money, a speed's period) count only within the clause.
CLAUSE_ENDS: frozenset[str] = frozenset("，,。；;：:！？!?\n")
_CLAUSE_END_RE = re.compile(f"[{re.escape(''.join(sorted(CLAUSE_ENDS)))}]")


def clause_before(text: str, position: int, window: int) -> str:
    """The clause's text before ``position``, at most ``window`` characters."""
    return _CLAUSE_END_RE.split(text[max(0, position - window):position])[-1]


def _alternation(words: Any) -> str:
    """Regex alternation of literal words, longest first so that 不超过 beats 超过."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def _by_first_char_alternation(alternatives: Any) -> str:
    """An ordered alternation of ``(first character, rest)`` pairs, each meaning the pattern ``first + rest``,
    factored by the first character: ``(?:万(?:元|吨)|亿(?:元))`` for 万元|万吨|亿元.

    It matches exactly what the plain alternation matches: at any position only the alternatives that begin
    with the character there can match, and those keep their order. But re skips an alternative that begins
    with a literal after one comparison, so a failing match costs one test per distinct first character
    instead of a try of every word (the unit words are a few hundred).
    """
    return "(?:" + "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in _by_first(alternatives).items()) + ")"


def _by_first(alternatives: Any) -> dict[str, list[str]]:
    """The rests of ``(first character, rest)`` pairs grouped by first character, each group in order."""
    groups: dict[str, list[str]] = {}
    for first, rest in alternatives:
        groups.setdefault(first, []).append(rest)
    return groups


#: Characters with a meaning in a regular expression, and the quantifiers.
_REGEX_SPECIAL = frozenset("\\[](){}|.?*+^$")
_QUANTIFIERS = ("?", "*", "+", "{")


def _by_second_char_alternation(first: str, patterns: list[str]) -> str:
    """The ordered alternation of regex fragments that can all match at a position holding ``first``, with each
    run of those that begin with ``first`` and one more literal character factored by that character (as
    :func:`_by_first_char_alternation` factors words): the same matches, one test per distinct second character."""
    runs: list[str] = []
    pairs: list[tuple[str, str]] = []
    for pattern in patterns:
        if pattern[:1] == first and pattern[1:2] not in _REGEX_SPECIAL | {""} and pattern[2:3] not in _QUANTIFIERS:
            pairs.append((pattern[1], pattern[2:]))
            continue
        if pairs:
            runs.append(re.escape(first) + _by_first_char_alternation(pairs))
            pairs = []
        runs.append(pattern)
    if pairs:
        runs.append(re.escape(first) + _by_first_char_alternation(pairs))
    return "|".join(runs)


def _first_chars(patterns: Any) -> frozenset[str]:
    """Characters a match of any of ``patterns`` can start with (each starts with a literal or a [class])."""
    chars: set[str] = set()
    for pattern in patterns:
        if pattern.startswith("["):
            chars.update(pattern[1:pattern.index("]")])
        else:
            if pattern[0] in "\\()|.?*+{^$":
                raise ValueError(f"pattern must start with a literal character or a [class]: {pattern!r}")
            chars.add(pattern[0])
    return frozenset(chars)


#: Characters that end a sentence or a line, for readers that look back over the sentence so far.
SENTENCE_BREAKS = "。！？!?\n"


def sentence_before(text: str, position: int, window: int) -> str:
    """The sentence's text before ``position``, at most ``window`` characters (past clause commas: 工资不高，连一千块)."""
    before = text[max(0, position - window):position]
    return before[max(map(before.rfind, SENTENCE_BREAKS)) + 1:]


#: Whether a character is a CJK unified ideograph (defined with the lexicon, which derives its classes with it).
is_han = is_han_char


def _guarded(word: str, guards: dict[str, str], *, behind: bool) -> str:
    escaped = re.escape(word)
    chars = guards.get(word, "")
    if not chars:
        return escaped
    return f"(?<![{chars}]){escaped}" if behind else f"{escaped}(?![{chars}])"


def _guarded_split(word: str, guards: dict[str, str], *, behind: bool) -> tuple[str, str]:
    """:func:`_guarded` as (the word's first character, the rest of the pattern), for
    :func:`_by_first_char_alternation`; a guard behind the word is checked once its first character is matched."""
    rest = re.escape(word[1:])
    chars = guards.get(word, "")
    if not chars:
        return word[0], rest
    return word[0], (f"(?<![{chars}]{re.escape(word[0])}){rest}" if behind else f"{rest}(?![{chars}])")


_CN_DIGIT_CHARS = "".join(char for char in CHINESE_DIGITS if char not in WORD_DIGITS)
_CN_MAG_CHARS = "".join(MAGNITUDES)
#: Digits after the decimal word 点 (not 两: numerals.NO_DECIMAL_DIGITS).
_CN_DECIMAL_DIGIT_CHARS = "".join(char for char in CHINESE_DIGITS if char not in NO_DECIMAL_DIGITS)
_CN_CHARS = _CN_DIGIT_CHARS + _CN_MAG_CHARS + "".join(TENS_CHARACTERS)
#: Thousands separators: the ASCII comma between ASCII digits; the full-width comma only between full-width
#: digits with exactly three after it (４，５６５), since ， is also the Chinese comma between list items (3，4).
_ARABIC = r"[0-9０-９]+(?:,[0-9]{3}(?![0-9])|，[０-９]{3}(?![0-9０-９]))*(?:[.．][0-9０-９]+)?"
assert _ARABIC.startswith("[0-9０-９]+") and len(FIRST_RANK_WORD) == 1
#: Every character a numeral core can start with. _CORE_RE begins by matching it, because re skips ahead
#: to a candidate position at C speed only when the pattern starts with one character set (a leading
#: lookahead or an alternation of groups makes it try the whole pattern at every position: three times
#: slower over running text). The branch is then chosen by a lookbehind on that first character.
_CORE_FIRST_CHARS = f"0-9０-９{_CN_CHARS}{FIRST_RANK_WORD}"
#: 首 as a measure word (一首歌, 这首, 每首) is not "first"; the counters keep their COUNTERS guards (首家居).
_FIRST_RANK_REST = (
    rf"(?<![{_CN_CHARS}0-9０-９这那每哪几数]{FIRST_RANK_WORD})"
    rf"(?:{'|'.join(_guarded(w, UNIT_GUARDS, behind=False) for w in FIRST_RANK_COUNTERS)})"
)
def _word_branch(word: str) -> tuple[str, str]:
    """A word of the lexicon's [words] as (first character, pattern of the rest) for the core's word branch, with
    its guards (大半 not in 大半年, 俩 not in 伎俩; a word ending in 成 or 折 also takes their guards: 半成品) and,
    if it has one, the characters it must follow (打对折). The first character is already matched, so the
    lookbehinds that guard the word's start include it."""
    entry = IDIOM_WORDS[word]
    first = re.escape(word[0])
    before = entry.get("guard_before", "")
    after = entry.get("guard", "") + {TENTHS_WORD: TENTHS_GUARD, DISCOUNT_WORD: DISCOUNT_GUARD}.get(word[-1], "")
    rest = (f"(?<![{before}]{first})" if before else "") + (f"(?<=[{entry['after']}]{first})" if entry.get("after") else "")
    # a counted word (数家, 若干项, 个把月) is a core only where a counter can follow: 数据 is not tried at all
    counted = f"(?=[{_COUNTER_FIRST_CHARS}])" if entry.get("counted") else ""
    return word[0], rest + re.escape(word[1:]) + (f"(?![{after}])" if after else "") + counted


#: What a counter or unit after a counted word can begin with (idioms._read_counted): the lexicon's units
#: and the durations that 个 makes counters (个把月).
_COUNTER_FIRST_CHARS = "".join(re.escape(char) for char in sorted({word[0] for word in (*UNIT_WORDS, *GE_DURATIONS)}))


def _word_rest_alternation() -> str:
    """The words of [words] after their first character: ``(?<=大)(?:半|...)|(?<=俩)(?:...)``, longest first."""
    groups = _by_first(_word_branch(word) for word in sorted(IDIOM_WORDS, key=len, reverse=True))
    return "|".join(f"(?<={re.escape(first)})(?:{'|'.join(rests)})" for first, rests in groups.items())


#: Idiom words with no numeral character (大半, 过半数, 俩, 数倍, 个把): one core each, read whole.
_WORD_FIRST_CHARS = "".join(sorted({word[0] for word in IDIOM_WORDS}))
_WORD_DIGIT_CHARS = "".join(sorted(WORD_DIGITS))
#: The kind of a core is its ``lastgroup`` (arabic, cn, first, word): an empty group closing its branch.
#: What no decimal stands before: a magnitude that never scales one (七点四十) or a quarter hour (九点一刻).
_NO_DECIMAL_BEFORE = "".join(sorted(NOT_AFTER_DECIMALS)) + CLOCK_QUARTER_ENDS
_CORE_RE = re.compile(
    rf"[{_CORE_FIRST_CHARS}{_WORD_FIRST_CHARS}]"
    rf"(?:(?<=[0-9０-９])[0-9０-９]*{_ARABIC[len('[0-9０-９]+'):]}(?P<arabic>)"
    # 几 inside a run (十几, 二十几万, 一百几十): the whole run is one core, so that 十几十几... is one
    # unreadable numeral rather than thousands of mentions; 俩 starts one only before a magnitude (俩千)
    rf"|(?:(?<=[{_CN_CHARS}])|(?<=[{_WORD_DIGIT_CHARS}])(?=[{_CN_MAG_CHARS}]))"
    rf"(?:[{_CN_CHARS}]|{WILDCARD_DIGIT}(?![{WILDCARD_GUARD}]))*"
    # (no decimal before 十 or 刻: 七点四十 and 九点一刻 are times of day, clock.py)
    rf"(?:点(?:[{_CN_DECIMAL_DIGIT_CHARS}]|{WILDCARD_DIGIT}(?![{WILDCARD_GUARD}]))+(?![{_NO_DECIMAL_BEFORE}])[{_CN_MAG_CHARS}]*)?(?P<cn>)"
    rf"|(?<={FIRST_RANK_WORD}){_FIRST_RANK_REST}(?P<first>)"
    rf"|(?:{_word_rest_alternation()})(?P<word>))"
)


def _infix_pattern(word: str) -> str:
    """An infix qualifier (余, 多, 来, 把) with its guards; 把 only right after a magnitude written alone
    (百把人, not 三百把椅子)."""
    pattern = _guarded(word, INFIX_GUARDS, behind=False)
    after = INFIX_AFTER.get(word)
    if after:
        pattern = f"(?<=[{after}])(?<![{_CN_CHARS}0-9０-９][{after}]){pattern}"
    return pattern
_TAIL_MAG_CHARS = "十百千万萬亿億"
_SUFFIX_ALT = _by_first_char_alternation(
    (first, rest + ("(?![0-9０-９])" if w in "+＋" else ""))
    for w in sorted(SUFFIX_QUALIFIERS, key=len, reverse=True)
    for first, rest in [_guarded_split(w, SUFFIX_GUARDS, behind=False)]
)
#: The gap before a suffix qualifier holds no ideographic space: that space separates the phrases of a headline
#: (科指升逾2%　内房股造好: 内 begins the next phrase, no "within").
_SUFFIX_RE = re.compile(rf"[ \t\xa0\r\n]{{0,8}}(?P<suffix>{_SUFFIX_ALT})")
#: What the first character after the gap must be for _SUFFIX_RE to match (see _char_after_gap).
_SUFFIX_FIRST_CHARS: frozenset[str] = frozenset(word[0] for word in SUFFIX_QUALIFIERS)
# Pre-filters. Most numbers are followed by none of the tails, preceded by no qualifier and not part of a
# range, and re.match costs far more than a set lookup. Each set holds every character the first (or, for
# prefixes, last) word of the pattern can start (end) with, once the bounded gap is skipped, so a character
# outside it proves that the pattern cannot match there; otherwise the pattern decides as before.
_WORD_TAIL_FIRST_CHARS: frozenset[str] = (  # the tails other than units and counters
    frozenset(_TAIL_MAG_CHARS) | frozenset(INFIX_QUALIFIERS) | PERCENT_SIGNS
    | frozenset(word[0] for word in PERCENTAGE_POINT_WORDS) | {TENTHS_WORD, "分", PERMILLE_SIGN, DISCOUNT_WORD}
    | frozenset(word[0] for word in SUFFIX_QUALIFIERS)
)
_TAIL_FIRST_CHARS: frozenset[str] = _WORD_TAIL_FIRST_CHARS | frozenset(word[0] for word in UNIT_WORDS)
#: The characters that begin a tail only as the first character of a unit or counter word (方 of 方呎, 米 of 米).
_UNIT_ONLY_FIRST_CHARS: frozenset[str] = _TAIL_FIRST_CHARS - _WORD_TAIL_FIRST_CHARS
_RANGE_FIRST_CHARS: frozenset[str] = frozenset(connector[0] for connector in RANGE_CONNECTORS)
_NAMED_FIRST_CHARS = _first_chars(NAMED_NUMERALS)  # cheap pre-filter before each match call
_NAMED_LOOKBACK = 1  # 第 before 十四个五年规划


def named_lookback(text: str, start: int) -> int:
    """How far before the numeral at ``start`` a named-numeral pattern may begin: one character (第十四个五年规划),
    or two past the space of PDF text (第 2 页 共 18 页: 共 and its space)."""
    return _NAMED_LOOKBACK + 1 if text[start - 1:start] == " " else _NAMED_LOOKBACK

_ASCII_NAME_CHAR = re.compile(r"[A-Za-z0-9]")


#: How many distinct numeral strings the parse caches keep. Running text repeats the same few hundred
#: numerals (years, 1-2 digit counts, 一/两/百万), so a small cache answers most cores without parsing.
_NUMERAL_CACHE_SIZE = 4096

# Pure functions of a str returning a float, a tuple of ints or None (immutable), so caching cannot
# change a result.
_parse_arabic = lru_cache(maxsize=_NUMERAL_CACHE_SIZE)(parse_arabic)
_cn_to_number = lru_cache(maxsize=_NUMERAL_CACHE_SIZE)(cn_to_number)
_parse_approximate_range = lru_cache(maxsize=_NUMERAL_CACHE_SIZE)(parse_approximate_range)
_parse_chinese_wildcard = lru_cache(maxsize=_NUMERAL_CACHE_SIZE)(parse_chinese_wildcard)


def _char_after_gap(text: str, position: int) -> str:
    """The first character from ``position`` on after at most _GAP_MAX gap characters ('' if none)."""
    char = text[position:position + 1]
    if char not in _GAP_CHAR_SET:  # most numbers have no gap after them ("" is not in the set either)
        return char
    char = text[position + 1:position + 2]
    if char not in _GAP_CHAR_SET:  # or one space (PDF text: 1200 家)
        return char
    return text[position:position + _GAP_MAX + 1].lstrip(_GAP_CHARS)[:1]



_UNIT_WORDS_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _word in sorted(UNIT_WORD_TUPLE, key=len, reverse=True):
    _UNIT_WORDS_BY_FIRST[_word[0]] = _UNIT_WORDS_BY_FIRST.get(_word[0], ()) + (_word,)


def unit_word_at(text: str, position: int) -> str | None:
    """The longest unit or counter word written at ``position`` that its guard lets stand (支持 has no 支), or None."""
    for word in _UNIT_WORDS_BY_FIRST.get(text[position:position + 1], ()):
        if text.startswith(word, position):
            follower = text[position + len(word):position + len(word) + 1]
            if not (follower and follower in UNIT_GUARDS.get(word, "")):
                return word
    return None


def tail_may_follow(text: str, position: int) -> bool:
    """Whether a tail (magnitude, qualifier, percent, unit or counter) may begin after the gap at ``position``: the
    first-character test, and for a character that only begins unit words, one of them written there (20250828方面
    has none; 20201231 元 has one)."""
    char = _char_after_gap(text, position)
    if char not in _TAIL_FIRST_CHARS:
        return False
    return char not in _UNIT_ONLY_FIRST_CHARS or text.startswith(UNIT_WORD_TUPLE, text.index(char, position))


def _char_before_gap(text: str, position: int, window: int, gap: str = _GAP_CHARS) -> str:
    """The last character before ``position`` that is not one of ``gap``, within ``window`` characters ('' if
    none): ``text[max(0, position - window):position].rstrip(gap)[-1:]``, without slicing in the usual cases
    of no gap or one space."""
    if position > 0 and window > 0:
        char = text[position - 1]
        if char not in gap:
            return char
        if position > 1 and window > 1 and text[position - 2] not in gap:
            return text[position - 2]
    return text[max(0, position - window):position].rstrip(gap)[-1:]


#: ASCII letters, and what may stand right before the digits of an ASCII name (5G, Apollo6.0, GPT-3).
_ASCII_LETTERS: frozenset[str] = frozenset(string.ascii_letters)


#: Characters around digits that may make them part of a URL, an e-mail address or a clock time.
_WEB_GLUE = frozenset("/:@=?&_#~")
_MINUS_WORDS: tuple[str, ...] = tuple(sorted(MINUS_SIGNS, key=len, reverse=True))
