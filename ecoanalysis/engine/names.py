"""Whole-mention readers for digits that name rather than count: URLs, e-mail addresses, clock times,
phone numbers, citation markers [2], list markers (1), section numbers 1.1 at line start, Latin names
GPT-3, named numerals 十四五 and set phrases 一批/第三方.

Each reader answers ``Draft`` (a name-like mention), :data:`NOT_A_QUANTITY` (no row) or ``None``
(not this idiom).
"""
from __future__ import annotations

import re

from ._lexicon import (
    QUOTED_NAME_MAX,
    TITLE_MARKS,
    TITLE_MAX,
    STANDALONE_QUOTES,
    DAY_WORDS,
    DISCOUNT_WORD,
    INDEX_NAMES,
    INDEX_WORDS,
    LIST_ORDINAL_FOLLOWERS,
    NAMED_NUMERALS,
    NAMED_NUMERAL_FOLLOWERS,
    PER_WORD,
    PERCENTAGE_POINT_WORDS,
    PERCENT_SIGNS,
    PERMILLE_SIGN,
    LINE_WORDS,
    SERVICE_NUMBER_LENGTH,
    SERVICE_NUMBER_OPENERS,
    SERVICE_WORDS,
    RANKING_WORDS,
    ROUTE_OPENERS,
    ROUTE_VEHICLES,
    ROUTE_WORD,
    MODEL_SUFFIXES,
    SET_PHRASES,
    SUFFIX_QUALIFIERS,
    TENTHS_WORD,
    UNIT_GUARDS,
    UNIT_WORDS,
    VERSION_NOT_AFTER,
    VERSION_WORDS,
)
from .fractions import SLASHES
from .latin import EDITION_YEAR_RE, read_notation
from .rates import DISTANCE_BASE_FIRST, MAGNITUDE_UNIT_WORDS, SPACED_PER, read_distance_base, read_rate_denominator, read_slash_base
from .markers import VALUE_VERB_CHARS
from .clock import CLOCK_TRIGGER_CHARS, read_clock_time
from .draft import Draft, NOT_A_QUANTITY, _name_draft
from .numerals import CHINESE_DIGITS, MAGNITUDES
from .patterns import _ASCII_LETTERS, _NAMED_FIRST_CHARS, _GAP_CHARS, _TAIL_FIRST_CHARS, named_lookback
from .patterns import _alternation, _by_second_char_alternation, _char_after_gap, _cn_to_number
from .patterns import _first_chars, _guarded, _parse_arabic, is_han
from .codes import reads_as_month_day
from .prefixes import context_unit_at

def _by_first_char(patterns: tuple[str, ...]) -> dict[str, re.Pattern]:
    """One regex per first character, of the patterns that can start with it (in their order): a match at
    a position tries only the few patterns that can begin there."""
    groups: dict[str, list[str]] = {}
    for pattern in patterns:
        for char in _first_chars([pattern]):
            groups.setdefault(char, []).append(pattern)
    return {char: re.compile(_by_second_char_alternation(char, group)) for char, group in groups.items()}


_SET_PHRASES_BY_FIRST = _by_first_char(SET_PHRASES)
_SET_PHRASE_LOOKBACK = 3  # the numeral stands at most 3 characters into a set phrase (一带一路)
_NAMED_BY_FIRST = _by_first_char(NAMED_NUMERALS)
def _unit_word(word: str) -> str:
    """The pattern of a unit word with what its row asks of its neighbours: its guard, the character it must stand
    right after (``after``: 亿度, the space of 7 d) and the one it must stand right before (``before``: t/h)."""
    info = UNIT_WORDS[word]
    pattern = _guarded(word, UNIT_GUARDS, behind=False)
    if info.after:
        pattern = f"(?<=[{re.escape(info.after)}]){pattern}"
    return pattern + (f"(?=[{re.escape(info.before)}])" if info.before else "")


_LATIN_UNIT_RE = re.compile(
    "|".join(
        _unit_word(w) + "(?![A-Za-z])" + ("(?![0-9])" if w[-1].isdigit() else "")
        # (and the symbols led by a Latin letter: m³, km², hm²)
        for w in sorted((w for w in UNIT_WORDS if UNIT_WORDS[w].latin or w[0] in _ASCII_LETTERS), key=len, reverse=True)
    )
)


def _phrase_covering(text: str, position: int, by_first: dict[str, re.Pattern], lookback: int) -> re.Match | None:
    """A match of the patterns ``by_first`` starting at most ``lookback`` characters before ``position`` and
    covering it."""
    begin, lowest = position, (position - lookback if position > lookback else 0)
    while begin >= lowest:
        pattern = by_first.get(text[begin])  # cheap pre-filter before each match call
        if pattern is not None:
            match = pattern.match(text, begin)
            if match is not None and match.end() > position:
                return match
        begin -= 1
    return None


def _read_core(text: str, core: re.Match) -> float | None:
    numeral = core.group()
    if core.lastgroup == "arabic":
        return _parse_arabic(numeral)
    return _cn_to_number(numeral)
_NAME_GLUE_BEFORE: frozenset[str] = _ASCII_LETTERS | {"-"}


#: The longest stretch a Latin name reaches on either side of its digits: names are short (GPT-4, RK3588, Apollo6.0),
#: and the cap keeps a run of letters and digits thousands long from being walked once per number in it.
_NAME_MAX = 64


#: Inside a name, before a digit: a decimal point (Apollo6.0) and the dashes before a standard's edition year
#: (GB/T4754—2017, either length); a colon only before a year (ISO9001:2015, not 5G:3项).
_NAME_INNER = frozenset(".—–")


def _ascii_name_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Span of an ASCII name token around digits (5G, RK18, Apollo6.0, GPT-3), or None."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    glued_before = bool(before) and before.isascii() and before.isalpha()
    if not glued_before and before == "-" and start > 1 and text[start - 2].isascii() and text[start - 2].isalpha():
        glued_before = True
    glued_after = bool(after) and after.isascii() and after.isalpha()
    if not (glued_before or glued_after):
        return None
    left, lowest = start, max(0, start - _NAME_MAX)
    while left > lowest and text[left - 1].isascii() and (
        text[left - 1].isalnum() or text[left - 1] == "-" or (text[left - 1] == "/" and text[left - 2:left - 1].isascii() and text[left - 2:left - 1].isalpha())
    ):
        left -= 1  # GB/T4754: the slash of a standard's prefix
    right, highest = end, min(len(text), end + _NAME_MAX)
    while right < highest and (
        (text[right].isascii() and text[right].isalnum())
        or (text[right] in _NAME_INNER and right + 1 < len(text) and text[right + 1].isdigit())
        or (text[right] == ":" and EDITION_YEAR_RE.match(text, right + 1) is not None)
    ):
        right += 1
    while left < start and text[left] == "-":
        left += 1
    return left, right


#: First characters of the named-numeral patterns that start with a literal (第, 十 of 十四五, 3 of 360, “);
#: the [class]-led patterns need one of NAMED_NUMERAL_FOLLOWERS after the numeral.
NAMED_LITERAL_FIRST_CHARS: frozenset[str] = frozenset(p[0] for p in NAMED_NUMERALS if not p.startswith("["))
NAMED_FOLLOWERS: frozenset[str] = frozenset(NAMED_NUMERAL_FOLLOWERS)
#: Characters before the numeral that belong to a name (第十四个五年规划, “四个全面”, 国发〔2023〕16号).
_NAME_OPENERS = frozenset("第“〔")


def _read_named_numeral(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """十四五, 第十四个五年规划, 360 公司: numerals that are names."""
    start, end = core.span()
    lookback = named_lookback(text, start)
    before = text[start - lookback if start > lookback else 0:start]
    if not with_prefix or (text[start] not in _NAMED_FIRST_CHARS and _NAMED_FIRST_CHARS.isdisjoint(before)):
        return None
    if (
        text[start] not in NAMED_LITERAL_FIRST_CHARS and _NAMED_FIRST_CHARS.isdisjoint(before)
        and text[end:end + 1] not in NAMED_FOLLOWERS
    ):
        return None  # only a [class]-led pattern could start here, and its follower is missing
    named = _phrase_covering(text, start, _NAMED_BY_FIRST, lookback)  # the name (十四五, 第十四个五年规划, 图 1...)
    if named is None:
        return None
    begin = named.start()
    if begin < start and text[begin] not in _NAME_OPENERS:
        begin = start  # 的二十大: the context character before the numeral is not part of the name
    surface = text[begin:named.end()].rstrip()
    draft = _name_draft(begin, begin + len(surface), _read_core(text, core))
    if surface.startswith("第"):
        draft.value = _cn_to_number(surface[1:3])
    return draft



#: The brackets of citation markers: square ones, and the lenticular and tortoise-shell ones of Chinese typesetting
#: (【1】, 〔3〕; 〔2023〕 of a document number has four digits, a label read elsewhere).
_CITATION_OPEN = "[［【〔"
_CITATION_CLOSE = "]］】〕"
_CITATION_OPEN_SET = frozenset(_CITATION_OPEN)
_CITATION_SEPARATORS = ",，-–—~、 "
_CITATION_RE = re.compile(
    rf"[{re.escape(_CITATION_OPEN)}][0-9]{{1,3}}(?:[{re.escape(_CITATION_SEPARATORS)}]+[0-9]{{1,3}})*[ ]?[{re.escape(_CITATION_CLOSE)}]"
)
_CITATION_LOOKBACK = 16
#: What stands right before digits inside a citation marker: its bracket, a digit or a separator.
CITATION_BEFORE: frozenset[str] = frozenset(_CITATION_OPEN + "0123456789" + _CITATION_SEPARATORS)


def cites_after_bracket(text: str, start: int) -> bool:
    """Whether a citation's opening bracket stands in the _CITATION_LOOKBACK characters before ``start``."""
    return not _CITATION_OPEN_SET.isdisjoint(text[max(0, start - _CITATION_LOOKBACK):start])


def _read_citation(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """Citation markers [2], [19], [2,6], [3-5]: no quantity."""
    start = core.start()
    if text[start - 1:start] not in CITATION_BEFORE or core.lastgroup != "arabic":
        return None
    if text[start - 1] in _CITATION_OPEN:
        begin = start - 1  # [2: the bracket right before, the nearest one
    else:
        window = text[max(0, start - _CITATION_LOOKBACK):start]
        bracket = max(window.rfind(open_bracket) for open_bracket in _CITATION_OPEN)
        if bracket < 0:
            return None
        begin = start - len(window) + bracket
    citation = _CITATION_RE.match(text, begin)
    return NOT_A_QUANTITY if citation is not None and citation.end() > start else None


#: The locator of a journal article in a reference list: year or volume, issue in brackets, pages after a
#: colon (2021(3): 45-58; 2020, 12(4): 1-10; 2019，35（2）：7): a name, not counts.
_REFERENCE_RE = re.compile(
    r"[0-9]{1,4}(?:[ ]?[,，][ ]?[0-9]{1,4})?[ ]?[(（][0-9]{1,3}[)）][ ]?[:：][ ]?[0-9]{1,5}(?:[ ]?[-–—~][ ]?[0-9]{1,5})?"
    r"(?![0-9])"
)
#: What follows the first number of a reference locator: the issue's bracket or the comma before the volume.
REFERENCE_AFTER: frozenset[str] = frozenset("(（,，")


def _read_reference_locator(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """A journal reference's year, volume, issue and pages (经济研究, 2021(3): 45-58): one name-like row."""
    if text[core.end():core.end() + 1] not in REFERENCE_AFTER:
        return None
    locator = _REFERENCE_RE.match(text, core.start())
    if locator is None:
        return None
    draft = _name_draft(core.start(), locator.end(), None)
    draft.consumed = locator.end()
    return draft


#: 1.1 数据来源, 2. 方法, 3、, a dotted number glued to its heading (1.1风电), and § numbers (§3 会计数据).
#: A numbered paragraph runs to three digits (182. 总收入预计为…, as budget speeches and white papers number them).
#: A bare integer spaced off a line (1 新基建...) stays a number: it is as often a footnote or a table row.
_SECTION_RE = re.compile(
    r"[0-9]{1,2}(?:\.[0-9]{1,2})+(?:[ \t\u3000]|、(?![0-9０-９])|(?=[\u4e00-\u9fff]))|[0-9]{1,3}[.．、](?![0-9０-９])"
)
_SIGNED_SECTION_RE = re.compile(r"[0-9]{1,2}(?:\.[0-9]{1,2})*(?![0-9.])")
SECTION_SIGN = "§"
_LIST_COMMA = "、"
#: Words that, after the number, make it an amount or a date after all (5 家企业, 1.5 亿元, 12 月).
_TAIL_WORD_RE = re.compile(
    "|".join(_unit_word(word) for word in sorted(UNIT_WORDS, key=len, reverse=True))
    + "|" + _alternation((
        *SUFFIX_QUALIFIERS, *PERCENTAGE_POINT_WORDS, *PERCENT_SIGNS, *MAGNITUDES, *DAY_WORDS, TENTHS_WORD,
        DISCOUNT_WORD, PERMILLE_SIGN, "分之", "年", "月",
    ))
)


_LIST_MARKER_OPEN = frozenset("（(")
_LIST_MARKER_CLOSE = frozenset("）)")


def _read_list_marker(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """List markers (1), （2）: a one- or two-digit number alone in brackets is no quantity."""
    start, end = core.span()
    if end - start > 2 or start == 0 or text[start - 1] not in _LIST_MARKER_OPEN:
        return None
    return NOT_A_QUANTITY if text[end:end + 1] in _LIST_MARKER_CLOSE else None


def _read_section_number(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """Section and list numbers at the start of a line or block (1.1 数据来源, 2. 方法, 3、, §3): name-like."""
    start = core.start()
    if core.lastgroup != "arabic" or not with_prefix:
        return None
    signed = text[start - 1:start] == SECTION_SIGN  # §3 会计数据
    left = start - signed
    while left > 0 and text[left - 1] in " \t\u3000":
        left -= 1
    if left > 0 and text[left - 1] != "\n":
        return None
    section = (_SIGNED_SECTION_RE if signed else _SECTION_RE).match(text, start)
    if section is None:
        return None
    after = section.end()
    while text[after:after + 1] in _GAP_CHARS and after < len(text):
        after += 1
    if not section.group().endswith(_LIST_COMMA) and _TAIL_WORD_RE.match(text, after) is not None:
        return None  # 2. 5万人 may be a spaced decimal; after 、 (2、 大模型) nothing but a list item follows
    begin = start - signed
    surface = text[begin:section.end()].rstrip(" \t\u3000.．、")
    return _name_draft(begin, begin + len(surface), None)


QUOTE_OPENERS: frozenset[str] = frozenset(STANDALONE_QUOTES)
QUOTE_CLOSERS: frozenset[str] = frozenset(STANDALONE_QUOTES.values())


def closes_quote_soon(text: str, end: int) -> bool:
    """Whether a closing quotation mark stands within QUOTED_NAME_MAX characters after ``end`` (the first test)."""
    return not QUOTE_CLOSERS.isdisjoint(text[end:end + QUOTED_NAME_MAX + 1])


def _read_quoted_name(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """“保8”, 「保2」, “双11”: a bare Arabic number in a short quotation with words of its own names a slogan, and
    one that reads as a month and a day names that day (“618”, “1111”)."""
    start, end = core.span()
    if core.lastgroup != "arabic" or not closes_quote_soon(text, end):
        return None
    right = end
    while right < len(text) and right - end < QUOTED_NAME_MAX and is_han(text[right]):
        right += 1
    left = start
    while left > 0 and start - left < TITLE_MAX and is_han(text[left - 1]):
        left -= 1  # (a work's title may run longer before its number: 《中国教育现代化2035》)
    if left == 0 or text[right:right + 1] != STANDALONE_QUOTES.get(text[left - 1]):
        return None  # no quotation
    if start - left > QUOTED_NAME_MAX and text[left - 1] not in TITLE_MARKS:
        return None  # a long run before a quotation mark's number: no short slogan
    if (left, right) == (start, end) and not reads_as_month_day(core.group()):
        return None  # “30”: the number cited as itself; “618”, “520” name a day (a festival)
    if right > end and _TAIL_WORD_RE.match(text, end) is not None:
        return None  # “5个”: a counter after the number
    return _name_draft(left - 1, right + 1, _read_core(text, core))


#: A product line's word after a model's number (骁龙8 Gen 3, 小米14 Pro), perhaps with its own number (Gen 3).
MODEL_SUFFIX_FIRST: frozenset[str] = frozenset(word[0] for word in MODEL_SUFFIXES)
_MODEL_SUFFIX_RE = re.compile(rf"(?:{_alternation(MODEL_SUFFIXES)})(?![A-Za-z])(?: [0-9]+(?![0-9.]))?")


def model_suffix_at(text: str, position: int) -> bool:
    """Whether a product line's word (Pro, Gen, Max ...) begins at ``position``."""
    return _MODEL_SUFFIX_RE.match(text, position) is not None


def _read_ascii_name(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """Digits glued to Latin letters (5G, RK18, Apollo6.0, GPT-3) unless the letters are a unit (100GB)."""
    start, end = core.span()
    if core.lastgroup != "arabic":
        return None
    if text[end:end + 1] == " " and (suffix := _MODEL_SUFFIX_RE.match(text, end + 1)) is not None:
        span = _ascii_name_span(text, start, end)
        return _name_draft(start if span is None else span[0], max(suffix.end(), 0 if span is None else span[1]), None)
    if text[start - 1:start] == "." and text[start - 2:start - 1] in _ASCII_LETTERS and text[start - 3:start - 2] not in _ASCII_LETTERS:
        return _name_draft(start - 2, end, None)  # 附录B.2, 图A.1: one letter and a point label a part
    if not ((start > 0 and text[start - 1] in _NAME_GLUE_BEFORE) or text[end:end + 1] in _ASCII_LETTERS):
        return None
    if text[end:end + 1] in _ASCII_LETTERS and (_LATIN_UNIT_RE.match(text, end) or context_unit_at(text, start, end)) and not (
        start > 0 and text[start - 1] in _ASCII_LETTERS
    ):
        return None  # 100GB, 5EFLOPS: a number and its unit
    if read_notation(text, start, end, 1.0) is not None:
        return None  # 1.5e3, 40k: a number in Latin notation (latin.py)
    span = _ascii_name_span(text, start, end)
    return None if span is None else _name_draft(span[0], span[1], _read_core(text, core))


#: Three or more dot-separated digit groups: a version, an address or a code (2.3.1, 192.168.1.1).
_DOTTED_CODE_RE = re.compile(r"[0-9]+(?:\.[0-9]+){2,}")
DOTTED_CODE_AFTER: frozenset[str] = frozenset(".")


def _read_dotted_code(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """2.3.1, 192.168.1.1: digits with two or more dots name a version or an address; no decimal is read."""
    start, end = core.span()
    if text[end:end + 1] not in DOTTED_CODE_AFTER or core.lastgroup != "arabic" or not text[end + 1:end + 2].isdigit():
        return None
    if start > 0 and (text[start - 1].isdigit() or text[start - 1] == "."):
        return None
    code = _DOTTED_CODE_RE.match(text, start)
    return None if code is None else _name_draft(start, code.end(), None)


def _read_set_phrase(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """Chinese numerals inside set phrases (一批, 零售, 百度, 第三方) and list ordinals (一是): no quantity; also a
    word of [words] that begins one (半斤八两)."""
    start, end = core.span()
    if core.lastgroup == "word":
        return NOT_A_QUANTITY if _phrase_covering(text, start, _SET_PHRASES_BY_FIRST, _SET_PHRASE_LOOKBACK) else None
    if core.lastgroup != "cn":
        return None
    # A set phrase may begin at the numeral's last character, but not when a magnitude stands before
    # that character: then it is the units digit of the number (三十一个省份 = 31, not 三十 + 一个).
    last_is_units_digit = text[end - 2] in MAGNITUDES if end - start > 1 else True
    # whether a set phrase (一批, 零售, 百度...) covers the first or the last character of the numeral
    if _phrase_covering(text, start, _SET_PHRASES_BY_FIRST, _SET_PHRASE_LOOKBACK) is not None or (
        not last_is_units_digit and _phrase_covering(text, end - 1, _SET_PHRASES_BY_FIRST, _SET_PHRASE_LOOKBACK) is not None
    ):
        return NOT_A_QUANTITY
    if end - start == 1 and end < len(text) and text[end] in LIST_ORDINAL_FOLLOWERS and core.group() in CHINESE_DIGITS:
        return NOT_A_QUANTITY
    return None


#: The second characters of the units a magnitude begins (千瓦, 兆瓦): a lone magnitude before one is the prefix.
MAGNITUDE_UNIT_SECOND_CHARS: frozenset[str] = frozenset(word[1] for word in MAGNITUDE_UNIT_WORDS)


def _is_index_or_version(text: str, start: int, end: int) -> bool:
    """Whether the Arabic number text[start:end] names an index (沪深300指数, 上证50), a version (2.0版), a
    ranking list (世界500强) or a telephone line (12345热线)."""
    if text[end:end + 1] in _NAME_AFTER_CHARS and text.startswith(LINE_WORDS, end):
        return text[start:end].isdigit()  # 12345热线
    if text[end:end + 1] in _NAME_AFTER_CHARS and text.startswith(SERVICE_WORDS, end) and _is_service_number(text[start:end]):
        return True  # 12306平台: a service number names the service
    if text.endswith(_WHOLE_DECIMAL, start, end) and _is_bare_version(text, start, end):
        return True  # 工业4.0, 电力模块3.0
    if start == 0 or not (
        text[start - 1] in _INDEX_BEFORE_CHARS or text[start - 2:start] in _SPACED_INDEX_BEFORE
        or text[end:end + 1] in _NAME_AFTER_CHARS
    ):
        return False
    return _is_index_name(text, start, end) or _is_version(text, start, end) or text.startswith(RANKING_WORDS, end)


#: How a round figure of thousands ends, which no service number does.
_ROUND_THOUSANDS = "000"


def _is_service_number(digits: str) -> bool:
    """12306, 12315, 95588: five digits opening with 12, 95 or 96, and no round figure (12000)."""
    return (
        digits.isdigit() and len(digits) == SERVICE_NUMBER_LENGTH and digits.startswith(SERVICE_NUMBER_OPENERS)
        and not digits.endswith(_ROUND_THOUSANDS)
    )


#: How a version without a version word ends: a whole number written with .0 (工业4.0).
_WHOLE_DECIMAL = ".0"
_BARE_VERSION_RE = re.compile(r"[1-9][0-9]?\.0")


def _is_bare_version(text: str, start: int, end: int) -> bool:
    """工业4.0, 电力模块3.0, 夜拍模式 2.0: N.0 after a noun (one space allowed), not after a value verb (为3.0) or a
    noun of measure (评分4.0), nor before a unit or another digit."""
    before, after = text[start - 1:start], _char_after_gap(text, end)  # 3.0 個: a unit spaced off is a unit
    if before == " ":
        before = text[start - 2:start - 1]
    if not is_han(before) or before in VALUE_VERB_CHARS or before in VERSION_NOT_AFTER:
        return False
    if _BARE_VERSION_RE.fullmatch(text, start, end) is None or after.isdigit() or after in _TAIL_FIRST_CHARS:
        return False
    return not _among_decimal_values(text, start, end)


#: A list item written with a decimal that is not .0, before or after "noun N.0" in the same list.
_DECIMAL_ITEM = r"[0-9]+\.[0-9]*[1-9]"
_NEXT_DECIMAL_ITEM_RE = re.compile(rf"[、][\u4e00-\u9fff]{{0,12}}{_DECIMAL_ITEM}")
_PREVIOUS_DECIMAL_ITEM_RE = re.compile(rf"{_DECIMAL_ITEM}[、][\u4e00-\u9fff]{{0,12}}\Z")
_LIST_ITEM_WINDOW = 24


def _among_decimal_values(text: str, start: int, end: int) -> bool:
    """电子产业60.4、机械产业60.0、交通产业59.5: N.0 in a list of values written with other decimals is a value."""
    return (
        _NEXT_DECIMAL_ITEM_RE.match(text, end) is not None
        or _PREVIOUS_DECIMAL_ITEM_RE.search(text, max(0, start - _LIST_ITEM_WINDOW), start) is not None
    )


def _is_version(text: str, start: int, end: int) -> bool:
    """2.0版, 3.1.2版本, 工业4.0时代: a dotted number before a version word names a version or stage."""
    return "." in text[start:end] and text.startswith(VERSION_WORDS, end)


#: Pre-filter of the index and version names: the character before the digits may end an index family
#: (沪深300, 沪深 300) or the one after may start 指数 or a version word (300指数, 2.0版).
_INDEX_BEFORE_CHARS: frozenset[str] = frozenset(word[-1] for word in INDEX_NAMES)
_SPACED_INDEX_BEFORE: frozenset[str] = frozenset(char + " " for char in _INDEX_BEFORE_CHARS)
_NAME_AFTER_CHARS: frozenset[str] = frozenset(
    word[0] for word in (*INDEX_WORDS, *VERSION_WORDS, *RANKING_WORDS, *LINE_WORDS, *SERVICE_WORDS)
)
_INDEX_NAME_WINDOW = 1 + max(len(word) for word in INDEX_NAMES)


def _is_index_name(text: str, start: int, end: int) -> bool:
    """沪深300指数, 上证50, 沪深 300 指数: the number of an index family, or glued before 指数, names the index."""
    if start == 0:
        return False
    near = text[max(0, start - _INDEX_NAME_WINDOW):start].rstrip(" ")
    if near.endswith(INDEX_NAMES):
        return True
    if not text.startswith(INDEX_WORDS, end + (text[end:end + 1] == " ")):
        return False
    before = text[start - 1]  # glued: 共有 300 指数 is a count of indices
    return is_han(before) and before not in VALUE_VERB_CHARS


def _read_by_neighbours(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """The readers keyed on one character next to the core, behind one call (it runs for every core):
    a time of day (时/点 after it), the base of a rate (每 or 15.1/ before it), a network grade (千兆宽带), a unit
    header (单位：before it)."""
    start, end = core.span()
    if text[end:end + 1] in CLOCK_TRIGGER_CHARS:
        found = read_clock_time(text, core, with_prefix, _read_core(text, core))
        if found is not None:
            return found
    if text[start - 1:start] == PER_WORD or text[start - 2:start] == SPACED_PER:  # 每10股, PDF text's 每 10 股
        return read_rate_denominator(text, core, with_prefix)
    if text[start - 1:start] in SLASHES and start >= 2 and not text[start - 2].isspace():
        return read_slash_base(text, core)  # 15.1/10万, 12.5kWh/百公里
    if text[end:end + 1] in DISTANCE_BASE_FIRST and (base := read_distance_base(text, core)) is not None:
        return base  # 百公里油耗
    if end - start == 1 and text[end:end + 1] in MAGNITUDE_UNIT_SECOND_CHARS and text.startswith(MAGNITUDE_UNIT_WORDS, start):
        return NOT_A_QUANTITY  # 大兆瓦风机, 以千瓦计: the magnitude is the unit's prefix, no number is written
    return None


def _read_route(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """302路公交车, 公交302路, 乘坐1路: a number before 路 naming a route of public transport (a label)."""
    start, end = core.span()
    if not text.startswith(ROUTE_WORD, end):
        return None
    after = end + len(ROUTE_WORD)
    if text.startswith(ROUTE_VEHICLES, after) or text.endswith(ROUTE_OPENERS, 0, start):
        return _name_draft(start, after, None)
    return None
