"""Whole-mention readers of digits that label, not count: serial labels (3号线, 1号楼, 24号文件), codes with a
leading zero (002309, 00700), enumeration markers inside a paragraph (原因是：1、…。2、…), formulas that name
a scheme (“1+N”体系, 1+1>2) and schedules of around the clock (7×24小时); and the names that a bare number
gives a programme (863计划) or a day (618大促).
"""
from __future__ import annotations

import re

from ._lexicon import (
    ADDRESS_BUILDINGS,
    ADDRESS_ROOM,
    ADDRESS_ROOM_GUARD,
    RANGE_CONNECTORS,
    ADDRESS_LABEL_PARTS,
    ADDRESS_LOCATIVES,
    ADDRESS_PARTS,
    ADDRESS_ZONES,
    STANDALONE_QUOTES,
    BOARD_CODE_LENGTHS,
    BOARD_MOVE_ADVERBS,
    BOARD_PRICE_MOVES,
    BOARD_SHARE_NOUNS_AFTER,
    BOARD_SHARE_WORDS,
    SHARE_CLASS_SUFFIXES,
    CLASSIFIER_DIVISIONS,
    MATCH_DIVISIONS,
    MATCH_WORDS,
    CODE_LEAD,
    COHORT_WORD,
    DAY_DOTS,
    DAY_FOLLOWERS,
    DAY_NAME_WORDS,
    DIVISION_AFTER,
    DIVISION_BEFORE,
    EDITION_COUNTERS,
    ENUMERATION_MARKS,
    ENUMERATION_OPENERS,
    EXCHANGE_SUFFIXES,
    FORMULA_PLUS,
    FORMULA_RELATIONS,
    HEADING_MAX_TITLE,
    HEADING_MIN_TITLE,
    HEADING_SENTENCE_MARKS,
    LIST_SEPARATORS,
    POSTAL_CODE_AFTER,
    POSTAL_CODE_LENGTH,
    PLAN_WORDS,
    CLASS_YEAR_WORDS,
    GRADE_WORDS,
    OCTANE_WORDS,
    PROGRAMME_WORDS,
    ROUND_THE_CLOCK,
    ROUND_THE_CLOCK_HOURS,
    SECURITY_CODE_LEADS,
    SECURITY_CODE_LENGTH,
    LABEL_WORDS,
    SERIAL_WORDS,
    LAYOUT_ROOMS,
    SESSION_COUNTER,
    RUN_WORDS,
    SESSION_WORDS,
    STATUTE_SECTION_NUMBERS,
    UNIT_WORD_TUPLE,
    STATUTE_WORDS,
    DECLARED_COUNT_NOUNS,
    COUNT_NOUN_LAST_CHARS,
    YEAR_MARKS,
)
from .draft import Draft, NOT_A_QUANTITY, _name_draft
from .numerals import MAGNITUDES
from .markers import VALUE_VERB_CHARS
from .models import MODEL_HYPHENS
from .patterns import MONTH_DAYS, SENTENCE_BREAKS, _CN_CHARS, _GAP_CHAR_SET, _GAP_MAX, _TAIL_FIRST_CHARS, YEAR_RANGE, _alternation, _char_after_gap, clause_before, is_han, unit_word_at

#: The character before a serial number that makes it an ordinal or a document number read elsewhere (第5号).
_SERIAL_NOT_BEFORE = frozenset("第月")
#: First characters of the serial words, for the readers' trigger.
SERIAL_FIRST_CHARS: frozenset[str] = frozenset(word[0] for word in SERIAL_WORDS)
#: Shortest code with a leading zero (00后 and 03日 are other words).
CODE_MIN_LENGTH = 3


#: What joins the items of a list of serials (5号、6号机组, 1号和2号线, 1、2号线): the list separators but spaces.
_SERIAL_SEPARATORS: frozenset[str] = LIST_SEPARATORS - frozenset(" 　")
#: After the number of a serial label, what the reader's trigger looks for: its serial word or a list separator.
SERIAL_AFTER: frozenset[str] = SERIAL_FIRST_CHARS | _SERIAL_SEPARATORS
_SERIAL_SEPARATOR_CLASS = f"[{re.escape(''.join(sorted(_SERIAL_SEPARATORS)))}]{{1,2}}"
_SERIAL_NUMBER = f"(?:[0-9０-９]+|[{_CN_CHARS}]+)"  # the numeral characters of the core
_SERIAL_WORD_ALT = "|".join(map(re.escape, SERIAL_WORDS))
#: The next item of a list of serials sharing the noun written after the last: separators, a number, 号.
_NEXT_SERIAL_RE = re.compile(rf"{_SERIAL_SEPARATOR_CLASS}{_SERIAL_NUMBER}(?:{_SERIAL_WORD_ALT})")
#: The next bare number of a list of serials sharing the 号 written after the last (1、2、3号线).
_BARE_SERIAL_RE = re.compile(rf"{_SERIAL_SEPARATOR_CLASS}{_SERIAL_NUMBER}(?={_SERIAL_SEPARATOR_CLASS}|{_SERIAL_WORD_ALT})")


#: The walks last made along a list of serials, by pattern: the text and, for each item end passed, where the walk
#: ends. Every later item of the same list finds its answer here, so a long list is walked once, not once per item.
#: Each record is a tuple stored whole and never edited, so threads sharing the cache read one record or another,
#: never a mix (at worst a walk is made twice).
_LAST_WALKS: dict[re.Pattern, tuple[str, dict[int, int]]] = {}


def _walk(text: str, position: int, pattern: re.Pattern) -> int:
    """Where repeated matches of ``pattern`` from ``position`` end (``position`` itself when none matches)."""
    walked = _LAST_WALKS.get(pattern)
    if walked is not None and walked[0] is text and position in walked[1]:
        return walked[1][position]
    passed = [position]
    while (item := pattern.match(text, passed[-1])) is not None:
        passed.append(item.end())
    _LAST_WALKS[pattern] = (text, dict.fromkeys(passed, passed[-1]))
    return passed[-1]


def _shared_serial_end(text: str, end: int) -> int | None:
    """1、2号线, 3和4号机组: where the 号 that the bare number ending at ``end`` shares with the last item ends."""
    position = _walk(text, end, _BARE_SERIAL_RE)
    word = next((word for word in SERIAL_WORDS if text.startswith(word, position)), None)
    return None if word is None or position == end else position + len(word)


def _read_serial_label(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """3号线, 1号楼, 24号文件, 一号文件: a number glued before 号 and a noun names a member of a series; so does every
    item of a list of them read as its last (5号、6号机组, 1号和2号线, 1、2号线 sharing 号). A day of the month
    (于3号召开, 3号上午, 5月3号, 3号和4号召开) and 第5号 are read elsewhere."""
    start, end = core.span()
    if text[start - 1:start] in _SERIAL_NOT_BEFORE:
        return None
    word = next((word for word in SERIAL_WORDS if text.startswith(word, end)), None)
    if word is not None and unit_word_at(text, end) not in (None, word):
        return None  # 五六十号人: a counter that begins with the serial word (号人) counts
    after = None if word is None else end + len(word)
    last = after if word is not None else _shared_serial_end(text, end) if text[end:end + 1] in _SERIAL_SEPARATORS else None
    if last is None:
        return None
    last = _walk(text, last, _NEXT_SERIAL_RE)
    if not is_han(text[last:last + 1]) or text.startswith(DAY_FOLLOWERS, last):
        return None
    if word in LAYOUT_ROOMS and text[last:last + 1] in _CN_CHARS and text[last + 1:last + 2] in LAYOUT_ROOMS:
        return None  # 三室两厅: a layout counts rooms
    return _name_draft(start, end if after is None else after, None)


#: How far before a number a label word may end (表 4-2, 附件：2), for the readers of labels here and in reading.py.
LABEL_WINDOW = 1 + max(len(word) for word in LABEL_WORDS)


def _read_serial_past_the_days(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """文件142号。, 142號 at the end of a text: a number before 号 too large for a day of a month is a serial wherever
    it stands (tried after the labels that take more of the text: 路56号, ICP备13012345号-2)."""
    start, end = core.span()
    word = next((word for word in SERIAL_WORDS if text.startswith(word, end)), None)
    if word is None or text[start - 1:start] in _SERIAL_NOT_BEFORE:
        return None
    if not core.group().isdigit() or int(core.group()) <= MONTH_DAYS:
        return None
    if text[max(0, start - LABEL_WINDOW):start].rstrip(" ：:").endswith(LABEL_WORDS):
        return None  # the general reading takes the label word too
    return _name_draft(start, end + len(word), None)


def heads_a_line(text: str, rank_start: int, end: int) -> bool:
    """Whether 第 N + a division word (text[rank_start:end]) heads a line of its own, a title ([headings]):
    only spaces before it on the line, a short title after it, no sentence mark, then a line break."""
    line_start = text.rfind("\n", 0, rank_start) + 1
    if text[line_start:rank_start].strip(" \t\u3000"):
        return False
    line_end = text.find("\n", end, end + HEADING_MAX_TITLE + 1)
    return line_end >= 0 and HEADING_SENTENCE_MARKS.isdisjoint(text[end:line_end])


#: The gap after a number, as far as _GAP_MAX characters (one C-level match instead of a walk).
_GAP_RUN_RE = re.compile(f"[{re.escape(''.join(sorted(_GAP_CHAR_SET)))}]{{0,{_GAP_MAX}}}")


def heading_after_break(text: str, end: int) -> bool:
    """Whether a line break follows the number ending at ``end`` and the next line is a heading ([headings]: a short
    title of two characters or more with no sentence mark, then a line break and more text), whose words are no
    counter or qualifier of the number (增长了12\n本章小结\n…; 出版12\n本\n at the end of a text is one phrase)."""
    stop = _GAP_RUN_RE.match(text, end).end()
    if "\n" not in text[end:stop] or not heads_a_line(text, stop, stop):
        return False
    line_end = text.find("\n", stop)
    return line_end - stop >= HEADING_MIN_TITLE and bool(text[line_end + 1:line_end + 2 + _GAP_MAX].strip())


_MATCH_WINDOW = 12


def names_text_part(text: str, rank_start: int, end: int, counter: str) -> bool:
    """Whether 第 N + a division counter (text[rank_start:end]) labels a part of a text (第三章, 本法第三条,
    第三条规定, a heading line 第三节管理层讨论与分析) rather than ranks what the counter counts (第三条高速公路,
    第二节车厢): [labels], [headings]."""
    if counter not in CLASSIFIER_DIVISIONS or heads_a_line(text, rank_start, end):
        return True  # 第三章, 第二部分, 第5页: parts of a text only; 第一篇总论 heading its line
    if counter in MATCH_DIVISIONS and any(word in clause_before(text, rank_start, _MATCH_WINDOW) for word in MATCH_WORDS):
        return False  # 比赛进行到第三节: a period of a match
    after = text[end:end + 1]
    if not is_han(after) or text.startswith(DIVISION_AFTER, end):
        return True
    return text[:rank_start].rstrip(" ").endswith(DIVISION_BEFORE)


def names_edition(text: str, start: int, end: int, counter: str | None) -> bool:
    """第六届论坛, 第十六届人大 (an edition or a term), 第二次会议, 第49次《报告》 (a session, an issue): 第 N and the
    counter from ``start`` to ``end`` name the event or the publication ([labels] edition_counters, session_words),
    unless a word of a run stands before (连续第八次会议: the times in a row, a rank)."""
    if text.endswith(RUN_WORDS, 0, start):
        return False
    if counter in EDITION_COUNTERS:
        return True
    return counter == SESSION_COUNTER and text.startswith(SESSION_WORDS, end)


def _read_postal_code(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """新疆 阿拉尔 843300; 重庆 400026): six digits after a place name and a space, before ; or )."""
    start, end = core.span()
    if end - start != POSTAL_CODE_LENGTH or not core.group().isdigit() or text[start - 1:start] != " ":
        return None
    place = text[start - 2:start - 1]
    if not is_han(place) or place in VALUE_VERB_CHARS or text[end:end + 1] not in POSTAL_CODE_AFTER:
        return None  # 共有 843300，is a count
    return _name_draft(start, end, None)


#: After a number, a hyphen and a serial with a leading zero: a document's or a filing's number (临2024-015).
ZERO_SERIAL_AFTER: frozenset[str] = frozenset("-")
_ZERO_SERIAL_RE = re.compile(rf"-[{''.join(sorted(CODE_LEAD))}][0-9]{{{CODE_MIN_LENGTH - 1},}}(?![0-9.])")


#: A tyre's size as the sidewall prints it (ISO metric): width in mm / aspect ratio, perhaps a space, the construction
#: (R, ZR) and the rim's diameter in inches, perhaps the load index and speed symbol (245/45 R19, 205/55R16 91V).
_TYRE_SIZE_RE = re.compile(r"[0-9]{3}[/／][0-9]{2}[ ]?Z?R[0-9]{2}(?:[ ][0-9]{2,3}[A-Z])?(?![0-9A-Za-z])")
TYRE_SIZE_AFTER: frozenset[str] = frozenset("/／")
TYRE_WIDTH_DIGITS = 3


def _read_tyre_size(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """245/45 R19, 205/55R16 91V: a tyre's size, one name (no fraction, no counts)."""
    found = _TYRE_SIZE_RE.match(text, core.start())
    return None if found is None else _consuming_name(core.start(), found.end())


def _read_zero_code(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """002309.SZ, 00700: three or more digits with a leading zero are a code, never a count; so is a number joined by
    a hyphen to such a serial (公告编号：临2024-015), where no range is written (a range never pads its end)."""
    numeral = core.group()
    if not numeral.isdigit():
        return None
    if text[core.end():core.end() + 1] in ZERO_SERIAL_AFTER:
        serial = _ZERO_SERIAL_RE.match(text, core.end())
        if serial is not None:
            return _name_draft(core.start(), serial.end(), None)
    if numeral[0] in CODE_LEAD and len(numeral) == CODE_MIN_LENGTH - 1 and _ends_a_model_name(text, core.start(), core.end()):
        return _name_draft(core.start(), core.end(), None)  # 海豹06 DM-i: a model's number, glued to its line's name
    if len(numeral) < CODE_MIN_LENGTH or numeral[0] not in CODE_LEAD:
        return None
    return _name_draft(core.start(), core.end(), None)


def _ends_a_model_name(text: str, start: int, end: int) -> bool:
    """Whether two digits with a leading zero between a Han name and a Latin suffix name a model (比亚迪海豹06 DM-i)."""
    before, after = text[start - 1:start], text[end:end + 2]
    if not (before and is_han(before)):
        return False
    return after[:1].isascii() and after[:1].isalpha() or (after[:1] == " " and after[1:].isascii() and after[1:].isalpha())


_OPEN_BRACKETS, _CLOSE_BRACKETS = "（(", "）)"
_SUFFIX_DOTS = ".．"
#: What stands next to a security code: a bracket before it, the dot of an exchange suffix after it.
SECURITY_CODE_BEFORE: frozenset[str] = frozenset(_OPEN_BRACKETS)
SECURITY_CODE_AFTER: frozenset[str] = frozenset(_SUFFIX_DOTS)


def _read_security_code(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """600519.SH, 300750.SZ, 宁德时代（300750）: six digits with an exchange suffix, or a board's code alone in
    brackets after a name, are a security's code (name-like; the suffix belongs to it)."""
    start, end = core.span()
    if end - start in BOARD_CODE_LENGTHS:
        return _read_board_code(text, start, end)
    if end - start != SECURITY_CODE_LENGTH or not core.group().isdigit():
        return None
    if text[end:end + 1] in SECURITY_CODE_AFTER:
        suffix = next((word for word in EXCHANGE_SUFFIXES if text.startswith(word, end + 1)), None)
        if suffix is not None and not text[end + 1 + len(suffix):end + 2 + len(suffix)].isalnum():
            return _name_draft(start, end + 1 + len(suffix), None)
    if (
        text[start - 1:start] in SECURITY_CODE_BEFORE and text[end:end + 1] in _CLOSE_BRACKETS and start > 1
        and text.startswith(SECURITY_CODE_LEADS, start)
    ):
        name_end = text[start - 2]
        if is_han(name_end) or name_end.isascii() and name_end.isalpha():
            return _name_draft(start, end, None)
    return None




#: The nouns of things counted, and the last characters of such nouns (人数, 总量): a figure in brackets after one counts.
_COUNT_NOUN_ENDS: tuple[str, ...] = (*DECLARED_COUNT_NOUNS, *COUNT_NOUN_LAST_CHARS)


def _read_board_code(text: str, start: int, end: int) -> Draft | None:
    """周大福(1929)跌1.5%, 美團（3690）則跌1.1%, 全國電(6281)則是屬於現金減資: a Taiwan or Hong Kong listing's code in
    brackets after its name, where its price moves right after (perhaps past an adverb) or (not a year) the sentence
    speaks of shares."""
    if text[start - 1:start] not in SECURITY_CODE_BEFORE or text[end:end + 1] not in _CLOSE_BRACKETS or start < 2:
        return None
    if not text[start:end].isdigit():
        return None
    share_class = next((suffix for suffix in SHARE_CLASS_SUFFIXES if text.endswith(suffix, 0, start - 1)), None)
    if share_class is not None and is_han(text[start - 2 - len(share_class):start - 1 - len(share_class)]):
        return _name_draft(start, end, None)  # 網易-S（9999）: a listing's share class, then its code
    if not is_han(text[start - 2]) or text.endswith(_COUNT_NOUN_ENDS, 0, start - 1):
        return None  # 用户数（1234）: a count after its noun
    move_at = end + 1 + (text[end + 1:end + 2] in BOARD_MOVE_ADVERBS and end + 1 < len(text))  # 美團（3690）則跌
    move = next((word for word in BOARD_PRICE_MOVES if text.startswith(word, move_at)), None)
    if text.startswith(BOARD_SHARE_NOUNS_AFTER, end + 1):
        return _name_draft(start, end, None)  # 碧桂園（2007）股價: the code, a year's digits or not
    if move is None or not any(char.isdigit() for char in text[move_at + len(move):move_at + 2 + len(move)]):
        if YEAR_RANGE[0] <= int(text[start:end]) <= YEAR_RANGE[1]:
            return None
        sentence_start = max(text.rfind(char, 0, start) for char in SENTENCE_BREAKS) + 1
        sentence_end = min((found for char in SENTENCE_BREAKS if (found := text.find(char, end)) >= 0), default=len(text))
        if not any(word in text[sentence_start:sentence_end] for word in BOARD_SHARE_WORDS):
            return None
    return _name_draft(start, end, None)


def names_before_code(text: str, previous: Draft, code: Draft) -> bool:
    """元大台灣50（0050）: whether ``previous``, a bare number glued to a name, is part of that name, since the name's
    code in brackets (name-like ``code``) follows it."""
    if not code.name_like or code.start != previous.end + 1 or text[previous.end:code.start] not in _OPEN_BRACKETS:
        return False
    if text[code.end:code.end + 1] not in _CLOSE_BRACKETS or not previous.is_bare_number() or previous.qualifiers:
        return False
    return previous.start > 0 and is_han(text[previous.start - 1]) and text[previous.start:previous.end].isdigit()




def extends_name(text: str, name: Draft, draft: Draft) -> bool:
    """波音757-200, A320-200: whether ``draft``, digits after a hyphen glued to the name-like ``name``, is the name's
    variant. If so, ``name`` takes it in (in place)."""
    if not name.name_like or draft.start != name.end + 1 or text[name.end:draft.start] not in MODEL_HYPHENS:
        return False
    if not draft.is_bare_number() or draft.qualifiers or not text[draft.start:draft.end].isdigit():
        return False
    name.end = name.consumed = draft.end
    return True


#: The dashes that frame a page number on a line of its own (- 12 -, — 3 —), as PDF text keeps a page's footer.
PAGE_DASHES: frozenset[str] = frozenset("-—–－")
_PAGE_NUMBER_RE = re.compile(r"[ \t\u3000]*[-—–－][ \t\u3000]*[0-9]{1,4}[ \t\u3000]{0,2}[-—–－][ \t\u3000]*(?:\n|\Z)")


def _read_page_number(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """- 12 -, — 3 —: a number framed by dashes on a line of its own is a page number (name-like), no quantity."""
    start, end = core.span()
    if PAGE_DASHES.isdisjoint(text[end:end + 3]):
        return None  # the closing dash, right after the number or past a space: the cheap test first
    line_start = text.rfind("\n", 0, start) + 1
    if start - line_start > 4 or not PAGE_DASHES.intersection(text[line_start:start]):
        return None
    page = _PAGE_NUMBER_RE.match(text, line_start)
    if page is None or page.end() <= start:
        return None
    return _name_draft(start, end, None)


#: Numbers that open no list item (lists of items count from 1), and a next figure followed by the list mark again.
_NO_ITEM_NUMBERS = frozenset({"0", "０"})
_FIGURE_LIST_RE = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?、")


def _read_enumeration_marker(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """原因是：1、子公司停产。2、…, (1.某大学;2.某研究所): a one- or two-digit number between a sentence or
    clause opener and an enumeration mark (a dot only before a Han character, perhaps past a space) opens a list
    item, no quantity."""
    start, end = core.span()
    if end - start > 2 or text[start - 1:start] not in ENUMERATION_OPENERS or start == 0:
        return None
    mark = text[end:end + 1]
    if mark not in ENUMERATION_MARKS:
        return None
    if core.group() in _NO_ITEM_NUMBERS or _FIGURE_LIST_RE.match(text, end + 1):
        return None  # （0、10、20、40 μmol/L）: figures listed; no list of items counts from 0, or runs 1、10、20
    after = end + 1 + (text[end + 1:end + 2] == " ")  # 注：1. 数据来源…；2. 部分数据…: a space after the dot
    return NOT_A_QUANTITY if mark == ENUMERATION_MARKS[0] or is_han(text[after:after + 1]) else None



#: The year word that may follow a marked year (2027E年).
_YEAR_WORD = "年"
#: Digits of a year.
_YEAR_DIGITS = 4


def _read_marked_year(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """2025E, 2026F, 2023A (estimate, forecast, actual) in research tables: the year, a date."""
    start, end = core.span()
    if end - start != _YEAR_DIGITS or text[end:end + 1] not in YEAR_MARKS or not core.group().isdigit():
        return None
    after = text[end + 1:end + 2]
    if after.isascii() and after.isalnum() or not YEAR_RANGE[0] <= int(core.group()) <= YEAR_RANGE[1]:
        return None  # 2025EV, 1024F...: a name
    stop = end + 1 + (after == _YEAR_WORD)
    draft = Draft(start, stop, float(core.group()))
    draft.unit = "date"
    return draft


_FORMULA_OPERAND = "(?:[0-9]+|[A-Za-z])"
#: Operands joined by plus signs, perhaps compared at the end: 1+N, 1+3+N, 1+1>2 (integers and single letters,
#: so that a decimal threshold such as PM2.5>75 stays a value).
_FORMULA_RE = re.compile(
    rf"{_FORMULA_OPERAND}(?:[{re.escape(FORMULA_PLUS)}]{_FORMULA_OPERAND})+"
    rf"(?:[{re.escape(FORMULA_RELATIONS)}]{_FORMULA_OPERAND})?(?![0-9A-Za-z.%])"
)
#: The characters next to the digits of a formula or a round-the-clock schedule, for the reader's trigger.
FORMULA_NEIGHBOURS: frozenset[str] = frozenset(FORMULA_PLUS)
ROUND_THE_CLOCK_AFTER: frozenset[str] = frozenset(
    next(char for char in word if not char.isdigit()) for word in ROUND_THE_CLOCK
)


#: An international telephone number after its plus sign (ITU-T E.164): a country code of one to three digits,
#: then groups joined by spaces or hyphens (+86 10 1234 5678, +1-650-253-0000, +86 (10) 12345678, (+852) 2345 6789), or all the
#: digits glued (+8613812345678); 8 to 15 digits in all.
_PHONE_GROUP = r"(?:\([0-9]{1,4}\)|[0-9]{1,8})"
_INTERNATIONAL_PHONE_RE = re.compile(
    rf"[1-9][0-9]{{0,2}}(?:[)）][ ]?|[ \-]){_PHONE_GROUP}(?:[ \-]{_PHONE_GROUP}){{0,4}}(?![0-9])|[1-9][0-9]{{7,14}}(?![0-9])"
)
_PHONE_DIGITS = range(8, 16)


def _international_phone(text: str, start: int) -> int | None:
    """The end of the international phone number whose plus sign stands right before ``start``, or None."""
    if start > 1 and text[start - 2].isascii() and text[start - 2].isalnum():
        return None  # 3+2, A+1: a sum or a name
    phone = _INTERNATIONAL_PHONE_RE.match(text, start)
    if phone is None or sum(char.isdigit() for char in phone.group()) not in _PHONE_DIGITS:
        return None
    groups = re.split(r"[ \-]", phone.group())[1:]
    if all(len(group) == 3 for group in groups[1:]) and _char_after_gap(text, phone.end()) in _TAIL_FIRST_CHARS:
        return None  # +12345678元, +12 345 678元 (thousands spaced, as PDF text writes them): an amount
    return phone.end()


def _read_formula(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """“1+N”体系, 1+X证书, 1+1>2 (one name-like row for the whole formula), 7×24小时, 24/7 (a schedule) and
    international phone numbers (+86 10 12345678)."""
    start, end = core.span()
    if text[start - 1:start] in FORMULA_PLUS:
        phone_end = _international_phone(text, start)
        if phone_end is not None:
            return _consuming_name(start - 1, phone_end)
    after = text[end:end + 1]
    if after in ROUND_THE_CLOCK_AFTER and text.startswith(ROUND_THE_CLOCK, start) and not text[start - 1:start].isdigit():
        stop = start + len(next(word for word in ROUND_THE_CLOCK if text.startswith(word, start)))
        stop += next((len(word) for word in ROUND_THE_CLOCK_HOURS if text.startswith(word, stop)), 0)
        return _consuming_name(start, stop)
    if after not in FORMULA_NEIGHBOURS and text[start - 1:start] not in FORMULA_NEIGHBOURS:
        return None
    begin = start
    if text[start - 1:start] in FORMULA_NEIGHBOURS:  # N+1: the formula began with an operand before the core
        begin = start - 1
        while begin > 0 and (text[begin - 1].isascii() and text[begin - 1].isalnum() or text[begin - 1] in FORMULA_PLUS):
            begin -= 1
    if begin > 0 and (text[begin - 1].isascii() and text[begin - 1].isalnum() or text[begin - 1] == "."):
        return None  # part of a longer Latin token or a decimal
    formula = _FORMULA_RE.match(text, begin)
    if formula is None or formula.end() <= start:
        return None
    return _consuming_name(begin, formula.end())


def _consuming_name(start: int, end: int) -> Draft:
    draft = _name_draft(start, end, None)
    draft.consumed = end
    return draft


#: First characters of the programme and day-name words: the general reading's cheap test before the call.
#: Words after a bare number of three or four digits that make it a name: programmes (863计划), sections of a
#: statute (232条款, 301调查) and grades of a material (304不锈钢).
_NAMING_WORDS: tuple[str, ...] = PROGRAMME_WORDS + STATUTE_WORDS + GRADE_WORDS
#: The sections of trade law known by their numbers (201, 232, 301, 337): their statute noun may come a few words
#: later (232半导体调查), a phrase of Han characters only.
STATUTE_SECTIONS: frozenset[str] = frozenset(STATUTE_SECTION_NUMBERS)
_STATUTE_LATER_RE = re.compile(rf"[\u4e00-\u9fff]{{0,8}}?(?:{'|'.join(map(re.escape, STATUTE_WORDS))})")
#: A programme's number listed before another's that takes the naming word (985、211高校, 863和973计划).
_LIST_LINKS = "、/和与及"
_LISTED_PROGRAMME_RE = re.compile(f"[{_LIST_LINKS}]([0-9]{{3,4}})")
PROGRAMME_OR_DAY_AFTER: frozenset[str] = frozenset(
    word[0] for word in (*_NAMING_WORDS, *PLAN_WORDS, *CLASS_YEAR_WORDS, *DAY_NAME_WORDS, COHORT_WORD, *OCTANE_WORDS)
) | frozenset(_LIST_LINKS) | frozenset(STANDALONE_QUOTES.values())
_COHORT_DIGITS = 2
#: Before a cohort's two digits, what makes them part of another number or an ordinal (1.80后, 第10后).
_COHORT_NOT_BEFORE = frozenset("0123456789.第前")


def names_programme_or_day(text: str, start: int, end: int) -> bool:
    """863计划, 211工程, 985高校 (a bare number of three or four digits naming a programme), 232条款, 301调查 (a section
    of a statute), 2030议程 (a plan named by its target year), 2024届 (a class named by its year), 618大促, 315晚会, 11.11期间 (a number that reads as a month
    and day naming that day) and 80后 (a cohort)."""
    numeral = text[start:end]
    if len(numeral) == _COHORT_DIGITS and numeral.isdigit() and text.startswith(COHORT_WORD, end):
        return text[start - 1:start] not in _COHORT_NOT_BEFORE or start == 0  # 80后, 00后
    if _DAY_POINT in numeral:
        return text.startswith(DAY_NAME_WORDS, end) and reads_as_month_day(numeral)
    if len(numeral) == _COHORT_DIGITS and numeral.isdigit() and text.startswith(OCTANE_WORDS, end):
        return True  # 95無鉛汽油: the octane grade
    if not (3 <= len(numeral) <= 4 and numeral.isdigit()):
        return False
    if start > 0 and text[end:end + 1] == STANDALONE_QUOTES.get(text[start - 1]):
        return text.startswith(PROGRAMME_WORDS, end + 1)  # “996”工作制, “863”计划
    if text.startswith(_NAMING_WORDS, end):
        return True
    listed = _LISTED_PROGRAMME_RE.match(text, end)
    if listed is not None and text.startswith(PROGRAMME_WORDS, listed.end()):
        return True  # 985、211高校: the naming word after the last number names every number of the list
    if numeral in STATUTE_SECTIONS and not text.startswith(UNIT_WORD_TUPLE, end) and _STATUTE_LATER_RE.match(text, end):
        return True  # 發起232半導體產業調查: a known section with its statute noun later in the phrase
    if text.startswith((*PLAN_WORDS, *CLASS_YEAR_WORDS), end):  # 健康中国2030规划纲要, 2024届毕业生: named by a year
        return len(numeral) == 4 and YEAR_RANGE[0] <= int(numeral) <= YEAR_RANGE[1]
    return text.startswith(DAY_NAME_WORDS, end) and reads_as_month_day(numeral)


_DAY_POINT = "."


def reads_as_month_day(numeral: str) -> bool:
    """618 (6 and 18), 1111, 315, and 6.18, 11.11 with a point between: three or four digits that read as a month and
    a day; 2023 is no day."""
    month_part, point, day_part = numeral.partition(_DAY_POINT)
    if point and len(day_part) == 2 and 1 <= len(month_part) <= 2:  # 11.11期间, 6.18大促: the day written as a decimal
        numeral = month_part + day_part
    if not (3 <= len(numeral) <= 4 and numeral.isdigit()):
        return False
    month, day = int(numeral[:-2]), int(numeral[-2:])
    return 1 <= month <= 12 and 1 <= day <= 31


DAY_DOT_CHARS: frozenset[str] = frozenset(DAY_DOTS)
_DOTTED_DAY_RE = re.compile(rf"[0-9]{{1,2}}[{re.escape(DAY_DOTS)}](?P<day>[0-9]{{1,2}})(?![0-9])")
#: Numbers joined by the same dots (30·60, 1·3·5): quoted alone, they name a goal or a slogan, whatever their values.
_DOTTED_NUMBERS_RE = re.compile(rf"[0-9]+(?:[{re.escape(DAY_DOTS)}][0-9]+)+")
#: After the day, what makes a month·day the name of an event's day: a word, a closing quotation mark, a mark of
#: punctuation or the end of the text (“6·18”, 今年6·18期间; not a unit or a sign: 3·5%).
_DOTTED_DAY_CLOSERS = frozenset("”」』’\"'，。、；：！？,;:!?)）") | {""}


def _read_dotted_day(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """3·15晚会, 9·11事件, “7·20”暴雨: a month and a day joined by a middle dot name the day of an event (name-like);
    numbers so joined that make up a whole quotation name a goal (“30·60”)."""
    start, end = core.span()
    if core.lastgroup != "arabic" or text[end:end + 1] not in DAY_DOT_CHARS or not core.group().isdigit():
        return None
    slogan = _DOTTED_NUMBERS_RE.match(text, start)
    if slogan is not None and start > 0 and text[slogan.end():slogan.end() + 1] == STANDALONE_QUOTES.get(text[start - 1]):
        return _name_draft(start, slogan.end(), None)  # “30·60”目标: the whole quotation is the slogan
    dotted = _DOTTED_DAY_RE.match(text, start)
    if dotted is None or dotted.start() != start or not 1 <= int(core.group()) <= 12 or not 1 <= int(dotted.group("day")) <= 31:
        return None
    after = text[dotted.end():dotted.end() + 1]
    if not (is_han(after) or after in _DOTTED_DAY_CLOSERS) or after in MAGNITUDES:
        return None  # 3·5亿元: the middle dot of a decimal before a magnitude (reading.py)
    return _name_draft(start, dotted.end(), None)


#: What stands before 第N of an enumeration ("firstly"): the start of the text or of a sentence, clause or line.
_POINT_OPENERS = frozenset("。；;：:！？!?\n“\"")
#: What follows it: a comma or an enumeration comma, never a counter (第一，要坚持; 排名第一，is a rank).
_POINT_CLOSERS = frozenset("，,、：:")
_LIST_NUMERAL_CHARS = frozenset(_CN_CHARS) | frozenset("0123456789０１２３４５６７８９")


def opens_a_point(text: str, rank_start: int, end: int) -> bool:
    """Whether 第N at ``rank_start`` opens a point of an argument (。第一，要坚持; 第二、完善机制): an ordinal of the
    text's own points, not a rank a reader counts."""
    if text[end:end + 1] not in _POINT_CLOSERS or text[end + 1:end + 2] in _LIST_NUMERAL_CHARS:
        return False  # 第三、四季度, 第1、2名: a list of ordinals
    left = rank_start
    while left > 0 and text[left - 1] in " \t\u3000":  # a walk, not a copy of the text before: linear on 第一，第一，...
        left -= 1
    return left == 0 or text[left - 1] in _POINT_OPENERS

#: An ISSN (1004-129X: four digits, a hyphen, three digits and a check digit or X) and, in a Chinese journal's article
#: number, the year in brackets, the issue and the pages after it (1004-129X(2004)06-0008-07): a code, no counts.
_ARTICLE_CODE_RE = re.compile(r"[0-9]{4}-[0-9]{3}[0-9Xx](?![0-9])(?:[(（][0-9]{4}[)）][0-9]{1,2}(?:-[0-9]{1,4}){0,2})?")
ISSN_DIGITS = 4


def _read_article_code(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """1004-129X, 1004-129X(2004)06-0008-07: an ISSN and the article number built on it (name-like)."""
    start = core.start()
    if core.lastgroup != "arabic" or text[core.end():core.end() + 1] != "-" or (start and text[start - 1].isdigit()):
        return None
    code = _ARTICLE_CODE_RE.match(text, start)
    if code is None:
        return None
    # a range of years or amounts has the same digits (2019-2021年, 1000-2000元): an X check digit, the article's
    # bracketed year or a word naming the code before tells the code
    named = any(word in text[max(0, start - _CODE_WORD_WINDOW):start] for word in _CODE_WORDS)
    if text[start + 8] not in "Xx" and code.end() == start + 9 and not named:
        return None
    return _name_draft(start, code.end(), None)


_CODE_WORDS = ("ISSN", "刊号", "编号", "編號")
_CODE_WORD_WINDOW = 8

_ADDRESS_NUMBER = "[0-9０-９]+"
_ADDRESS_SEGMENT = rf"第?{_ADDRESS_NUMBER}(?:{_alternation(ADDRESS_PARTS)})"
_ADDRESS_LINK = _alternation(RANGE_CONNECTORS)
#: Numbered parts of an address in a row (6号楼2单元, 第3排12号, A区3栋至8栋), a numbered building before a locative
#: (2栋楼下) and a room of three digits or more (1502房).
_ADDRESS_RE = re.compile(
    rf"(?:[A-Za-z][{ADDRESS_ZONES}]|{_ADDRESS_SEGMENT})(?:(?:{_ADDRESS_LINK})?{_ADDRESS_SEGMENT})+"
    rf"|{_ADDRESS_NUMBER}(?:{_alternation(ADDRESS_BUILDINGS)})(?=[{ADDRESS_LOCATIVES}])"
    rf"|[0-9０-９]{{3,5}}{ADDRESS_ROOM}(?![{ADDRESS_ROOM_GUARD}])"
)
#: The parts that only label (a serial, a stairwell, a room, a row): a chain of counters alone (共有12栋6层住宅楼, 第28层至
#: 第35层) counts or ranks, and names no place.
_LABEL_PART_RE = re.compile(rf"[0-9０-９](?:{_alternation(ADDRESS_LABEL_PARTS)})|^[A-Za-z]|(?:{_alternation(ADDRESS_BUILDINGS)})$")


def _names_a_place(address: str) -> bool:
    """Whether a chain of numbered parts holds a part that only labels, opens with a lettered zone (A区3栋至8栋) or is a
    numbered building before a locative (2栋楼下)."""
    return _LABEL_PART_RE.search(address) is not None


_ADDRESS_FIRST = frozenset(part[0] for part in ADDRESS_PARTS)
_ADDRESS_LAST = frozenset(part[-1] for part in ADDRESS_PARTS) | frozenset(ADDRESS_ZONES)
#: How far around a mention an address it belongs to is looked for (A区3栋至8栋, 3栋2单元501室).
_ADDRESS_REACH = 8


def apply_address_labels(text: str, drafts: list[Draft]) -> None:
    """The numbers of an address or a seat are labels, no counts (6号楼2单元, 第3排12号, A区3栋至8栋, 2栋楼下, 1502房):
    every mention inside one becomes name-like, in place. Only mentions with an address part right after them or right
    before them are looked at, in a short window: most numbers have neither."""
    for draft in drafts:
        if draft.name_like or not (
            text[draft.end:draft.end + 1] in _ADDRESS_FIRST or text[draft.start - 1:draft.start] in _ADDRESS_LAST
            or (draft.counter is not None and draft.counter[0] in _ADDRESS_FIRST)
        ):
            continue
        window_start = max(0, draft.start - _ADDRESS_REACH)
        for match in _ADDRESS_RE.finditer(text, window_start, draft.end + _ADDRESS_REACH):
            if match.start() <= draft.start < match.end() and _names_a_place(match.group()):
                draft.name_like, draft.unit, draft.counter, draft.bounds = True, "other", None, []
                break
