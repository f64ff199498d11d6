"""The precedence of the readers, in one place.

:data:`WHOLE_READERS` lists the whole-mention readers in the order they are tried for each numeral
core (the first that answers decides); the date-like readers (ISO dates, date codes, quarters, 首个,
fixed phrases, 翻一番) live here, the name readers in :mod:`.names`. :func:`_read_tail` dispatches
what follows a number to the tail readers of :mod:`.tails`, one per group of ``_TAIL_RE``.
"""
from __future__ import annotations

import datetime
import re
import string
from typing import Any, NamedTuple

from ._lexicon import (
    DATE_CODE_PARTICLES, CODE_LEAD, ENUMERATION_OPENERS, YEAR_MARKS, POSTAL_CODE_LENGTH, DOUBLING_COUNTER,
    FIRST_RANK_NOT_AFTER, FIRST_RANK_WORD, FIXED_PHRASES, MIXED_FRACTION_WORD, PER_WORD, SHORT_QUARTER_WORD, UNIT_WORDS,
)
from .clock import CLOCK_TRIGGER_CHARS
from .draft import NOT_A_QUANTITY, Draft
from .idioms import DIGIT_COUNT_FIRST, _read_counted, _read_digit_count, _read_doubling, _read_idiom_word
from .prefixes import _read_prefix_qualifier
from .ratios import CN_RATIO_NEIGHBOURS, RATIO_NEIGHBOURS, _read_cn_ratio_part, _read_ratio_part
from .rates import DISTANCE_BASE_FIRST, NETWORK_GRADE_LAST, SPACED_PER, read_network_grade
from ._lexicon import BRACKETED_DATE_CLOSE, ROUTE_WORD
from .datelines import ERA_DATE_SEPARATORS, read_bracketed_date, read_era_slash_date, read_month_day_slash
from .periods import (
    FISCAL_YEAR_BEFORE, PERIOD_CODE_AFTER, PERIOD_LETTERS, PERIOD_YEAR_WORD, QUARTER_MONTHS, read_first_quarter,
    read_bare_period_code, read_fiscal_year, read_quarter_code,
)
from .yearpairs import PAIR_SEPARATORS, STRADDLING_FIRST_CHARS, read_year_pair, read_year_with_word
from .stamps import MARK_LAST_CHARS, YEAR_BRACKET_OPEN, follows_mark, read_bracketed_year, read_copyright_year
from .codes import (
    CODE_MIN_LENGTH,
    TYRE_SIZE_AFTER,
    TYRE_WIDTH_DIGITS,
    _read_tyre_size,
    ZERO_SERIAL_AFTER,
    DAY_DOT_CHARS,
    _read_dotted_day,
    FORMULA_NEIGHBOURS,
    ROUND_THE_CLOCK_AFTER,
    SERIAL_AFTER,
    SERIAL_FIRST_CHARS,
    _read_formula,
    _read_enumeration_marker,
    _read_marked_year,
    _read_postal_code,
    _read_page_number,
    PAGE_DASHES,
    _read_security_code,
    SECURITY_CODE_AFTER,
    SECURITY_CODE_BEFORE,
    _read_serial_label,
    ISSN_DIGITS,
    _read_article_code,
    _read_serial_past_the_days,
    _read_zero_code,
)
from .fractions import SLASHES
from .contacts import LOCAL_NUMBER_DIGITS, PHONE_AFTER, PHONE_MIN_DIGITS, TOLL_FREE_LEADS, _read_phone, _read_web_or_time
from .names import (
    CITATION_BEFORE,
    cites_after_bracket,
    DOTTED_CODE_AFTER,
    NAMED_FOLLOWERS,
    NAMED_LITERAL_FIRST_CHARS,
    _LIST_MARKER_OPEN,
    _NAME_GLUE_BEFORE,
    _read_ascii_name,
    MODEL_SUFFIX_FIRST,
    model_suffix_at,
    _read_quoted_name, _read_route, QUOTE_CLOSERS, closes_quote_soon,
    _read_dotted_code, _read_citation, _read_reference_locator,
    REFERENCE_AFTER,
    _read_by_neighbours,
    MAGNITUDE_UNIT_SECOND_CHARS,
    _read_list_marker,
    _read_named_numeral,
    SECTION_SIGN,
    _read_section_number,
    _read_set_phrase,
)
from .markers import stands_alone
from .unitheaders import UNIT_HEADER_BEFORE, UNIT_HEADER_PAST_SPACE, read_unit_header
from .numerals import CHINESE_DIGITS, FINANCIAL_NUMERALS, FULLWIDTH_TO_ASCII, MAGNITUDES, SECTION_MAGNITUDES
from .patterns import (
    YEAR_RANGE,
    _ASCII_LETTERS,
    _GAP_CHAR_SET,
    _NAMED_FIRST_CHARS,
    tail_may_follow,
    _WEB_GLUE,
    _CN_MAG_CHARS,
    _char_after_gap,
    is_han,
)


#: Separators of an ISO-style date written with digits (2021-03-15, 2021/03/15, 2021.03.15).
ISO_DATE_SEPARATORS = "-/."
#: 4-digit year, separator, month, the same separator, day: tried where an Arabic core starts with four
#: digits and a separator (the core regex itself stays lean); _iso_date checks it is a calendar date.
_ISO_DATE_RE = re.compile(
    rf"(?P<iso>[0-9０-９]{{4}}(?P<sep>[{re.escape(ISO_DATE_SEPARATORS)}])[0-9０-９]{{1,2}}(?P=sep)[0-9０-９]{{1,2}})"
    rf"(?![0-9０-９])"
)
_ISO_DATE_SEPARATOR_SET: frozenset[str] = frozenset(ISO_DATE_SEPARATORS)
#: Digits of a date code (YYYYMMDD).
DATE_CODE_LENGTH = 8
#: Where the first numeral character of each fixed phrase stands in it (数以千计: 2).
_FIXED_OFFSETS: dict[str, int] = {
    phrase: next(index for index, char in enumerate(phrase) if char in CHINESE_DIGITS or char in MAGNITUDES)
    for phrase in FIXED_PHRASES
}
#: The fixed phrases by their first numeral character, in lexicon order: only those can hold a core there.
_FIXED_BY_FIRST_CHAR: dict[str, tuple[str, ...]] = {
    char: tuple(phrase for phrase in FIXED_PHRASES if phrase[_FIXED_OFFSETS[phrase]] == char)
    for char in {phrase[_FIXED_OFFSETS[phrase]] for phrase in FIXED_PHRASES}
}
_FIXED_FIRST_CHARS: frozenset[str] = frozenset(_FIXED_BY_FIRST_CHAR)


def _fixed_trigger() -> Trigger:
    """Where a fixed phrase's core can stand: after the character before its numeral (成千上万: 成, 数以万计:
    以), before the character that ends its numeral run (十之八九: 之, 一多半: 多), or as the whole phrase
    (千千万万: its length)."""
    before, after, lengths = set(), set(), set()
    for phrase, offset in _FIXED_OFFSETS.items():
        run = offset
        while run < len(phrase) and (phrase[run] in CHINESE_DIGITS or phrase[run] in MAGNITUDES):
            run += 1
        if offset > 0:
            before.add(phrase[offset - 1])
        elif run < len(phrase):
            after.add(phrase[run])
        else:
            lengths.add(len(phrase))
    return Trigger(before=frozenset(before), after=frozenset(after), lengths=frozenset(lengths))


def _iso_date(match: re.Match) -> tuple[int, int] | None:
    """(year, month) of an _ISO_DATE_RE match if it is a calendar date in YEAR_RANGE, else None (2021-02-30)."""
    year_text, month_text, day_text = match.group("iso").translate(FULLWIDTH_TO_ASCII).split(match.group("sep"))
    return _calendar_date(int(year_text), int(month_text), int(day_text))


def _calendar_date(year: int, month: int, day: int) -> tuple[int, int] | None:
    """(year, month) if year-month-day is a real calendar day with the year in YEAR_RANGE, else None."""
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        return None
    try:
        datetime.date(year, month, day)
    except ValueError:
        return None  # 2021-02-30
    return year, month


def _set_quarter(draft: Draft, quarter: int) -> None:
    draft.unit = "date"
    draft.month = QUARTER_MONTHS * (quarter - 1) + 1
    draft.month_high = QUARTER_MONTHS * quarter


def _read_first_rank(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """首个, 首家, 首款, 居首位: a rank with value 1."""
    if core.lastgroup != "first":
        return None
    if core.group().endswith(SHORT_QUARTER_WORD):  # 今年首季, 首季度: the first quarter; 該劇首季: a season
        return read_first_quarter(text, core.start(), core.end())
    if text.endswith(FIRST_RANK_NOT_AFTER, 0, core.start()):
        return NOT_A_QUANTITY  # 把安全放在首位: a priority
    draft = Draft(core.start(), core.end(), 1.0)
    draft.unit = "rank"
    draft.counter = core.group()[len(FIRST_RANK_WORD):]
    return draft


def _read_iso_date(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """2021-03-15, 2021/3/15, 2021.03.15 (a calendar date; anything else keeps its number reading)."""
    start, end = core.span()
    if core.lastgroup != "arabic" or end - start < 4 or text[start + 4:start + 5] not in _ISO_DATE_SEPARATOR_SET:
        return None
    iso = _ISO_DATE_RE.match(text, start)
    year_month = None if iso is None else _iso_date(iso)
    if year_month is None:
        return None
    draft = Draft(start, iso.end(), float(year_month[0]))
    draft.unit = "date"
    draft.month = year_month[1]
    return draft


def _read_date_code(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """20250828: eight digits that form a calendar date (YYYYMMDD) are a date, not a count."""
    start, end = core.span()
    if core.lastgroup != "arabic" or end - start != DATE_CODE_LENGTH or not core.group().isdigit():
        return None
    numeral = core.group()
    after = _char_after_gap(text, end)
    if after not in DATE_CODE_PARTICLES and tail_may_follow(text, end):
        return None  # 20201231 元 is an amount
    date = _calendar_date(int(numeral[:4]), int(numeral[4:6]), int(numeral[6:]))
    if date is None:
        return None
    year, month = date
    draft = Draft(start, end, float(year))
    draft.unit = "date"
    draft.month = month
    draft.name_like = True  # a stamp that identifies a batch or file, not a date the text talks about
    return draft


def _read_fixed_phrase(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """Set expressions with a fixed reading (十之八九 = 80..90 %), from the lexicon."""
    start = core.start()
    if core.lastgroup != "cn" or text[start] not in _FIXED_FIRST_CHARS:
        return None
    for phrase in _FIXED_BY_FIRST_CHAR[text[start]]:
        reading = FIXED_PHRASES[phrase]
        begin = start - _FIXED_OFFSETS[phrase]  # 成千上万: the numeral 千 stands one character in
        if begin >= 0 and text.startswith(phrase, begin):
            draft = Draft(begin, begin + len(phrase), float(reading["value"]))
            draft.value_high = float(reading["value_high"]) if "value_high" in reading else None
            if reading["unit"] == "count" and text[draft.end:draft.end + 1] in SECTION_MAGNITUDES and draft.value_high:
                scale = MAGNITUDES[text[draft.end]]  # 百八十万 = 800,000..1,000,000: a section magnitude scales both ends
                draft.value, draft.value_high, draft.end = draft.value * scale, draft.value_high * scale, draft.end + 1
            draft.unit = None if reading["unit"] == "count" else reading["unit"]
            if draft.unit is not None or not _read_counted(text, draft, ""):  # 百儿八十块: the counter after a count
                draft.unit = reading["unit"]
            draft.bounds.append(reading.get("bound", "eq"))
            draft.qualifiers.append(phrase)
            if with_prefix:  # 年过半百 = more than 50, 近十之八九
                draft.start, _ = _read_prefix_qualifier(text, draft, draft.start)
            return draft
    return None


#: Words after a lone financial numeral that make it part of an amount: money (人民币陆元整, 拾圆), a fraction
#: (仟分之贰) or a whole number with a fraction (壹又二分之壹).
_FINANCIAL_FOLLOWERS: tuple[str, ...] = tuple(word for word, info in UNIT_WORDS.items() if info.currency) + (
    MIXED_FRACTION_WORD, "分之", "分 之", "分  之",
)


def _read_lone_financial(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """A lone financial numeral in prose (登陆, 入伍, 拾起) is a word character: no quantity, unless an amount
    goes on after it (陆元, 仟分之贰, 壹又二分之壹) or it stands alone (写法是叁)."""
    start, end = core.span()
    if core.lastgroup != "cn" or end - start != 1 or text[start] not in FINANCIAL_NUMERALS:
        return None
    if text[end:end + 8].lstrip(" ").startswith(_FINANCIAL_FOLLOWERS) or stands_alone(text, start, end):
        return None
    return NOT_A_QUANTITY


#: Whole-mention readers in order of precedence: the first that returns a draft (or NOT_A_QUANTITY)
#: decides the mention; when none does, the general reading (qualifiers, number, unit) follows.
#: Dates before names (2021-03-15 is no range), names and codes before numbers, set phrases last.
WHOLE_READERS: tuple[tuple[str, Any], ...] = (
    ("first", _read_first_rank),
    ("arabic", _read_article_code),  # 1004-129X(2004)06-0008-07: before the dates and ranges its parts would make
    ("arabic", _read_iso_date),
    ("arabic cn", read_year_pair),
    ("arabic", read_year_with_word),  # 2023财年
    ("arabic", _read_tyre_size),  # 245/45 R19: before the slash dates and fractions
    ("arabic", read_era_slash_date),  # 114/12/31: a date of the ROC era, before the fractions 12/31
    ("arabic", _read_date_code),
    ("arabic", read_copyright_year),  # © 2023: a stamp
    ("arabic", _read_dotted_day),  # 3·15晚会: the name of a day
    ("arabic", read_quarter_code),
    ("arabic", read_bare_period_code),  # Q3, H1, Q1-Q3: before the Latin names
    ("arabic", read_fiscal_year),  # FY2024: before the Latin names
    ("arabic cn", _read_named_numeral),
    ("arabic", _read_quoted_name),  # “保8”, 「保2」: a slogan
    ("cn", _read_lone_financial),
    ("arabic", _read_ratio_part),
    ("cn", _read_cn_ratio_part),  # 以三比零横扫
    ("arabic", _read_web_or_time),
    ("arabic", _read_formula),  # “1+N”, 1+1>2, 7×24小时: before the neighbours' reading of 24小时
    ("arabic", read_month_day_slash),  # 9/21: a month and a day where no fraction is read, after 7/24小时
    ("arabic cn", _read_by_neighbours),  # times of day, rate bases (每10万人), magnitude-led units (千瓦)
    ("cn", read_unit_header),  # 单位：亿元
    ("cn", read_network_grade),  # 千兆宽带: a name
    ("arabic", _read_phone),
    ("arabic", _read_citation),
    ("arabic", _read_reference_locator),
    ("arabic cn", read_bracketed_date),  # 今（20）日, 今（2025）年: a date, before the list marker (20)
    ("arabic", _read_security_code),  # 周大福(1929)跌1.5%: before a year in brackets
    ("arabic", read_bracketed_year),  # 年鉴（2022）: after 今（2025）年
    ("arabic", _read_list_marker),
    ("arabic", _read_enumeration_marker),
    ("arabic", _read_zero_code),
    ("arabic", _read_postal_code),
    ("arabic cn", _read_serial_label),
    ("arabic cn", _read_route),  # 302路公交车
    ("arabic", _read_page_number),
    ("arabic", _read_section_number),
    ("arabic", _read_marked_year),
    ("arabic", _read_ascii_name),
    ("arabic", _read_dotted_code),
    ("arabic", _read_serial_past_the_days),
    ("cn", _read_fixed_phrase),
    ("cn", _read_doubling),
    ("cn", _read_digit_count),
    ("cn word", _read_set_phrase),
    ("word", _read_idiom_word),
)
#: Characters next to Arabic digits that may start one of the whole-mention forms (names, codes, URLs,
#: citations, section numbers, dates); digits with none of them around skip the whole-mention readers.
_SPECIAL_BEFORE: frozenset[str] = (
    frozenset(string.ascii_letters) | _WEB_GLUE | frozenset("-[［【〔,.\n（(") | {PER_WORD, SECTION_SIGN} | RATIO_NEIGHBOURS
    | ENUMERATION_OPENERS | FORMULA_NEIGHBOURS | PAGE_DASHES
)
_SPECIAL_AFTER: frozenset[str] = (
    frozenset(string.ascii_letters) | _WEB_GLUE | frozenset("-]］,.") | _ISO_DATE_SEPARATOR_SET | CLOCK_TRIGGER_CHARS
    | REFERENCE_AFTER | RATIO_NEIGHBOURS | SERIAL_AFTER | FORMULA_NEIGHBOURS | ROUND_THE_CLOCK_AFTER | PAIR_SEPARATORS
    | STRADDLING_FIRST_CHARS
    | DAY_DOT_CHARS | {ROUTE_WORD[0]}
)


#: After a space before the core, the characters before it that let a whole-mention reader apply: a copyright
#: mark (© 2023), a name's first character (共 18页), 每 (每 10 股), a line start or a page's dash (- 12 -); after more
#: spaces the walk at the end decides.
_SPECIAL_BEFORE_SPACE: frozenset[str] = MARK_LAST_CHARS | _NAMED_FIRST_CHARS | PAGE_DASHES | {PER_WORD, "\n", ""}


def _may_be_special(text: str, start: int, end: int) -> bool:
    """Cheap test whether any whole-mention reader could apply to the Arabic core text[start:end]."""
    if start == 0:
        return True
    before, length = text[start - 1], end - start
    if before in _SPECIAL_BEFORE or text[end:end + 1] in _SPECIAL_AFTER or length in (8, 11):
        return True  # 8 and 11 digits: a date code, a phone
    if text[start] in CODE_LEAD and (length >= CODE_MIN_LENGTH or text[end:end + 1] == " ") or text[start] in _NAMED_FIRST_CHARS:
        return True  # 002309: a code; 海豹06 DM-i: a model; 360 公司: a name
    if length >= 4 and text[start + 4:start + 5] in _ISO_DATE_SEPARATOR_SET:
        return True
    if text[end + 2:end + 3] in PERIOD_LETTERS and text[end:end + 1] == PERIOD_YEAR_WORD:
        return True  # 09年2Q: a quarter after the year
    if before == " ":
        if text[start - 2:start - 1] in _SPECIAL_BEFORE_SPACE or length == POSTAL_CODE_LENGTH or cites_after_bracket(text, start):
            return True  # 阿拉尔 843300: a postal code; [2, 6]: a citation
    elif before in _NAMED_FIRST_CHARS or follows_mark(text, start):
        return True  # “四个全面”; ©2023
    if closes_quote_soon(text, end):
        return True  # “保8”: a quoted name
    if text[end:end + 1] == " " and text[end + 1:end + 2] in MODEL_SUFFIX_FIRST and model_suffix_at(text, end + 1):
        return True  # 小米14 Pro: a model's name
    left = start - 1
    while left >= 0 and text[left] in " \t\u3000":
        left -= 1
    return left < 0 or text[left] == "\n" or text[left] in PAGE_DASHES  # a section number at a line start, - 12 -


#: WHOLE_READERS by the kind of numeral core they apply to (arabic digits, Chinese numerals, 首个), in order.
_READERS_BY_KIND: dict[str, tuple[Any, ...]] = {
    kind: tuple(reader for kinds, reader in WHOLE_READERS if kind in kinds.split()) for kind in ("arabic", "cn", "first", "word")
}


class Trigger(NamedTuple):
    """What around a numeral core can make a whole-mention reader answer: the reader is tried when the
    character before the core, its first or last character, the character after it or its length is in the
    matching set. Each set is the one the reader's own first test uses, so the two cannot drift. After a space
    ``before`` is the two characters before the core (每 10股: "每 "), and its last character; likewise ``after`` is the
    space and the character after it (小米14 Pro: " P")."""

    before: frozenset[str] = frozenset()  # text[start - 1] ('' at the start of the text), or text[start - 2:start]
    first: frozenset[str] = frozenset()  # text[start]
    after: frozenset[str] = frozenset()  # text[end] ('' at the end of the text); after a space, its first character
    lengths: frozenset[int] = frozenset()  # end - start
    min_length: int = 0  # end - start at least this (0: no such test)
    last: frozenset[str] = frozenset()  # text[end - 1]
    spaced_first: frozenset[str] = frozenset()  # text[start] when a space follows the core (400 820 8820)
    # Conditions every answer needs besides one of those above (a reader whose first test asks for both):
    core_chars: frozenset[str] = frozenset()  # text[start] and text[end - 1] both in it (a core of these characters)
    near: frozenset[str] = frozenset()  # text[start] or a character of ``before`` in it
    after_required: frozenset[str] = frozenset()  # every character of ``after`` in it (a page number's gap or dash)
    # After a space, the characters before it with which ``before`` holds (empty: the space itself decides), for a
    # reader that looks past the space first (a line start past spaces, a unit header's word, a citation's digits)
    past_space: frozenset[str] = frozenset()
    after_han: bool = False  # also a CJK ideograph after the core (a word of a quotation before its closing mark)
    # After a space after the core, the characters after it with which ``after`` holds (empty: the space decides)
    after_space: frozenset[str] = frozenset()

    def holds(self, before: str, first: str, last: str, after: str, length: int) -> bool:
        if self.core_chars and (first not in self.core_chars or last not in self.core_chars):
            return False
        if self.near and first not in self.near and self.near.isdisjoint(before):
            return False
        if self.after_required and not self.after_required.issuperset(after):
            return False
        if self == ALWAYS:
            return True
        if self.past_space and len(before) == 2:
            before_holds = before[0] in self.past_space
        else:
            before_holds = before in self.before or before[-1:] in self.before
        if self.after_space and len(after) == 2:
            after_holds = after[1] in self.after_space
        else:
            after_holds = after[:1] in self.after
        after = after[:1]
        return (
            before_holds or first in self.first or last in self.last
            or after_holds or (after == " " and first in self.spaced_first)
            or length in self.lengths or 0 < self.min_length <= length or (self.after_han and is_han(after))
        )


#: The trigger of a reader whose first test looks further than the core's neighbours (set phrases look
#: back three characters, citations sixteen): tried for every core of its kinds.
ALWAYS = Trigger()
#: Triggers of the whole-mention readers; a reader not listed here is tried for every core of its kinds.
TRIGGERS: dict[Any, Trigger] = {
    _read_iso_date: Trigger(after=_ISO_DATE_SEPARATOR_SET),
    read_year_pair: Trigger(after=PAIR_SEPARATORS),
    read_year_with_word: Trigger(after=STRADDLING_FIRST_CHARS),
    read_era_slash_date: Trigger(after=ERA_DATE_SEPARATORS),
    read_month_day_slash: Trigger(after=SLASHES),
    _read_date_code: Trigger(lengths=frozenset({DATE_CODE_LENGTH})),
    read_copyright_year: Trigger(before=MARK_LAST_CHARS | {" ", "\u3000"}, past_space=MARK_LAST_CHARS),
    _read_dotted_day: Trigger(after=DAY_DOT_CHARS),
    read_bracketed_year: Trigger(before=YEAR_BRACKET_OPEN),
    read_quarter_code: Trigger(after=PERIOD_CODE_AFTER),
    read_bare_period_code: Trigger(before=PERIOD_LETTERS),
    read_fiscal_year: Trigger(before=FISCAL_YEAR_BEFORE),
    # the reader's second test: a literal-led name starts here, one starts before, or a [class]-led one's follower
    # (its first test: a name's first character at the numeral or before it)
    _read_named_numeral: Trigger(
        before=_NAMED_FIRST_CHARS | {f"{char} " for char in _NAMED_FIRST_CHARS}, first=NAMED_LITERAL_FIRST_CHARS, after=NAMED_FOLLOWERS,
        near=_NAMED_FIRST_CHARS,
    ),
    # the quotation goes on after the number with words, or closes right after it (“保8”, “双11”)
    _read_quoted_name: Trigger(after=QUOTE_CLOSERS, after_han=True),
    _read_web_or_time: Trigger(before=_WEB_GLUE, after=_WEB_GLUE),
    _read_formula: Trigger(before=FORMULA_NEIGHBOURS, after=FORMULA_NEIGHBOURS | ROUND_THE_CLOCK_AFTER),
    _read_list_marker: Trigger(before=_LIST_MARKER_OPEN),
    read_bracketed_date: Trigger(after=BRACKETED_DATE_CLOSE),
    _read_enumeration_marker: Trigger(before=ENUMERATION_OPENERS),
    _read_zero_code: Trigger(first=CODE_LEAD, after=ZERO_SERIAL_AFTER),
    _read_serial_label: Trigger(after=SERIAL_AFTER),
    _read_route: Trigger(after=frozenset({ROUTE_WORD[0]})),
    _read_marked_year: Trigger(after=YEAR_MARKS),
    _read_postal_code: Trigger(lengths=frozenset({POSTAL_CODE_LENGTH})),
    _read_page_number: Trigger(before=PAGE_DASHES | frozenset(" \t\u3000"), after_required=PAGE_DASHES | frozenset(" \t\u3000")),
    _read_security_code: Trigger(before=SECURITY_CODE_BEFORE, after=SECURITY_CODE_AFTER),
    # at the start of the text or a line, perhaps after spaces: gap characters cover them all
    _read_section_number: Trigger(before=_GAP_CHAR_SET | {"", SECTION_SIGN}, past_space=frozenset(" \t\u3000\n")),
    _read_ascii_name: Trigger(before=_NAME_GLUE_BEFORE | {"."}, after=_ASCII_LETTERS | {" "}, after_space=MODEL_SUFFIX_FIRST),  # 小米14 Pro
    _read_fixed_phrase: _fixed_trigger(),
    _read_lone_financial: Trigger(first=FINANCIAL_NUMERALS),
    _read_doubling: Trigger(after=frozenset({DOUBLING_COUNTER})),
    _read_digit_count: Trigger(after=DIGIT_COUNT_FIRST),
    _read_reference_locator: Trigger(after=REFERENCE_AFTER),
    _read_phone: Trigger(after=PHONE_AFTER, spaced_first=frozenset(TOLL_FREE_LEADS), lengths=frozenset({LOCAL_NUMBER_DIGITS}), min_length=PHONE_MIN_DIGITS),
    _read_citation: Trigger(before=CITATION_BEFORE, past_space=CITATION_BEFORE),
    _read_dotted_code: Trigger(after=DOTTED_CODE_AFTER),
    _read_serial_past_the_days: Trigger(after=SERIAL_FIRST_CHARS),
    _read_article_code: Trigger(lengths=frozenset({ISSN_DIGITS})),
    _read_tyre_size: Trigger(after=TYRE_SIZE_AFTER, lengths=frozenset({TYRE_WIDTH_DIGITS})),
    # a part of a ratio has a colon next to it
    _read_ratio_part: Trigger(before=RATIO_NEIGHBOURS, after=RATIO_NEIGHBOURS),
    _read_cn_ratio_part: Trigger(before=CN_RATIO_NEIGHBOURS, after=CN_RATIO_NEIGHBOURS),
    # times of day (时/点 after), rate bases (每 before), a magnitude that begins a unit word (千瓦)
    read_network_grade: Trigger(last=NETWORK_GRADE_LAST),
    read_unit_header: Trigger(before=UNIT_HEADER_BEFORE, core_chars=frozenset(_CN_MAG_CHARS), past_space=UNIT_HEADER_PAST_SPACE),  # magnitudes only
    _read_by_neighbours: Trigger(
        before=frozenset({PER_WORD, SPACED_PER}) | SLASHES,
        after=CLOCK_TRIGGER_CHARS | MAGNITUDE_UNIT_SECOND_CHARS | DISTANCE_BASE_FIRST,
    ),
}
#: Core lengths above every length a trigger names are one key in the dispatch table.
_LENGTH_CAP = 1 + max(length for trigger in TRIGGERS.values() for length in (*trigger.lengths, trigger.min_length))
#: The readers worth trying for each (kind, character before, first and last characters, character after, length),
#: filled as the cores come; emptied when it grows past _DISPATCH_SIZE (text with endless new neighbours).
_DISPATCH: dict[tuple[str, str, str, str, str, int], tuple[Any, ...]] = {}
_DISPATCH_SIZE = 1 << 16


def _candidate_readers(kind: str, text: str, start: int, end: int) -> tuple[Any, ...]:
    """The whole-mention readers, in order of precedence, whose trigger holds around text[start:end]."""
    length = end - start
    before = text[start - 1:start]
    if before == " ":
        before = text[start - 2:start]  # 每 10股: the character before the space too
    after = text[end:end + 1]
    if after == " ":
        after = text[end:end + 2]  # 小米14 Pro: the character after the space too
    key = (kind, before, text[start], text[end - 1], after, length if length < _LENGTH_CAP else _LENGTH_CAP)
    try:
        return _DISPATCH[key]
    except KeyError:
        if len(_DISPATCH) >= _DISPATCH_SIZE:
            _DISPATCH.clear()
        readers = _DISPATCH[key] = tuple(
            reader for reader in _READERS_BY_KIND[kind] if TRIGGERS.get(reader, ALWAYS).holds(*key[1:])
        )
        return readers
