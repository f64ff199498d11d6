"""Whole-mention readers of digits that reach someone or something: URLs and e-mail addresses (the whole token,
name-like), clock times (20:47) and telephone numbers (13812345678, 010-12345678, 400-123-4567, and a local number
listed after one). Kept apart from names.py, which holds the other names a number gives.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ._lexicon import IDENTIFIER_SCHEMES, UNIT_WORDS
from .draft import Draft, _name_draft
from .numerals import MAGNITUDES
from .patterns import _TAIL_FIRST_CHARS, _WEB_GLUE, _char_after_gap

_WEB_TOKEN_RE = re.compile(r"[!-~]+")
_WEB_START_RE = re.compile(
    r"[A-Za-z][A-Za-z0-9+.\-]*://|www\.|[A-Za-z0-9._%+\-]+@(?=[A-Za-z0-9\-]+\.)"
    rf"|(?<![A-Za-z])(?:{'|'.join(IDENTIFIER_SCHEMES)}):"  # arXiv:2404.14219, doi:10.1000/182
)
#: A time of day; 24:00 closes a day's schedule (营业时间9:00-24:00).
_TIME_RE = re.compile(r"(?:(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?|24:00)(?![0-9])")
#: Mobile, area code and local, 400/800 lines, and China's country code with an area code in brackets before the
#: local number ((8610)66229359). The area code may be in brackets ((010) 6552 8888) and the local number written
#: in two groups (021-6888 1234, 0755-8888-1234; 400 820 8820), as contact lines print them.
_LOCAL = r"(?:[0-9]{7,8}|[0-9]{3,4}[ -][0-9]{4})"
#: First digits of the toll-free lines (400, 800), the only phones whose first digit run a space may follow (400 820 8820).
TOLL_FREE_LEADS = "48"
_PHONE = (
    rf"(?:1[3-9][0-9]{{9}}|0[1-9][0-9]{{1,2}}(?:-|[)）] ?){_LOCAL}|[{TOLL_FREE_LEADS}]00[- ]?[0-9]{{3}}[- ]?[0-9]{{4}}"
    rf"|86[1-9][0-9]{{1,2}}[)）][0-9]{{7,8}}"
    # Hong Kong, Macau and Taiwan by their country codes in brackets ((852) 3600 3600, (886)2-2345-6789)
    rf"|(?<=[(（])(?:852|853|886)[)）] ?[0-9]{{1,4}}[ -]?[0-9]{{3,4}}[ -]?[0-9]{{4}})"
)
_PHONE_RE = re.compile(rf"{_PHONE}(?![0-9])")
#: A month and a day written with a slash before a clock time (3/7 10:22), as posts and wires stamp them.
_MONTH_DAY_STAMP_RE = re.compile(
    r"(1[0-2]|0?[1-9])/(?:3[01]|[12][0-9]|0?[1-9])(?=[ \u3000]?(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?![0-9]))"
)
_STAMP_NOT_BEFORE = frozenset("0123456789/.")


#: The run of printable ASCII last found by _web_token: text, start, end and where URLs or addresses may begin in
#: it. Every core of one long run (a URL with many numbers, 30/40%30/40%...) reuses it: one walk per run. The
#: record is a tuple replaced whole, never edited, so a thread reads an old record or a new one, never a mix.
_LAST_WEB_TOKEN: list[tuple] = [(None, 0, 0, ())]


def _web_token(text: str, start: int) -> tuple[int, int, tuple[int, ...]] | None:
    """(start, end, beginnings of URLs and e-mail addresses) of the printable ASCII run holding ``start``."""
    cached_text, left, right, starts = _LAST_WEB_TOKEN[0]
    if cached_text is text and left <= start < right:
        return left, right, starts
    left = start
    while left > 0 and "!" <= text[left - 1] <= "~":
        left -= 1
    token = _WEB_TOKEN_RE.match(text, left)
    if token is None:
        return None
    starts = tuple(left + match.start() for match in _WEB_START_RE.finditer(token.group()))
    _LAST_WEB_TOKEN[0] = (text, left, token.end(), starts)
    return left, token.end(), starts


def _read_web_or_time(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """Digits of a URL, an e-mail address (name-like, the whole token) or a clock time 20:47 (name-like); a month and
    day stamped before a clock time (3/7 10:22: a date)."""
    start, end = core.span()
    if core.lastgroup != "arabic":
        return None
    if not ((start > 0 and text[start - 1] in _WEB_GLUE) or text[end:end + 1] in _WEB_GLUE):
        return None
    if text[end:end + 1] == ":" and (start == 0 or not text[start - 1].isdigit()):
        clock = _TIME_RE.match(text, start)
        if clock is not None:
            return _name_draft(start, clock.end(), None)
    if text[end:end + 1] == "/" and (start == 0 or text[start - 1] not in _STAMP_NOT_BEFORE):
        stamp = _MONTH_DAY_STAMP_RE.match(text, start)
        if stamp is not None:  # 3/7 10:22: a post's month and day before its time, no fraction
            draft = Draft(start, stamp.end(), None)
            draft.unit, draft.month = "date", int(stamp.group(1))
            return draft
    token = _web_token(text, start)
    if token is None:  # full-width digits
        return None
    left, right, starts = token
    # A URL starts at its scheme (RFC 3986: a letter, then letters, digits, + - .) or at www., an e-mail
    # address at its local part; "]" (legal only around an IPv6 host) ends it. So the Markdown or prose
    # glued around it, "[docs](http://...)", is not part of it.
    index = bisect_right(starts, start) - 1
    if index < 0:
        return None
    begin = starts[index]
    close = text.find("]", begin, right)
    finish = close if close >= 0 else right
    surface = text[begin:finish].rstrip(".,;:!?)(")
    if begin + len(surface) < end:
        return None
    return _name_draft(begin, begin + len(surface), None)


#: What a phone number's first digit run is followed by (010-, 400-; a space only after a toll-free line's 400 or 800:
#: TOLL_FREE_LEADS) or how long it is at least (13812345678, 4001234567): a core with neither can only be a local
#: number listed after a phone (LOCAL_NUMBER_DIGITS).
PHONE_AFTER: frozenset[str] = frozenset("-)）")
_CLOSERS = frozenset(")）")
PHONE_MIN_DIGITS = 10
LOCAL_NUMBER_DIGITS = 8


def _read_phone(text: str, core: re.Match, with_prefix: bool) -> Draft | None:
    """Telephone numbers (13812345678, 010-12345678, 400-123-4567): name-like."""
    start, end = core.span()
    if end - start < PHONE_MIN_DIGITS and end - start != LOCAL_NUMBER_DIGITS and text[end:end + 1] not in PHONE_AFTER and not (
        text[end:end + 1] == " " and text[start] in TOLL_FREE_LEADS
    ):
        return None
    if core.lastgroup != "arabic" or (start > 0 and text[start - 1].isdigit()):
        return None
    phone = _PHONE_RE.match(text, start) if text[start] in "0148" else None
    if phone is None:
        return _read_second_phone(text, core) if core.end() - start == LOCAL_NUMBER_DIGITS else None
    if _unit_follows(text, phone.end()):
        return None  # 13000000000 元 is an amount (010-68523741或访问 is a phone: 或 ends no amount)
    # (010) 6552 8888, (8610)66229359: the bracket opening the area code belongs to the number
    opened = start > 0 and text[start - 1] in "(（" and not _CLOSERS.isdisjoint(phone.group())
    return _name_draft(start - opened, phone.end(), None)


#: What makes a phone-shaped number an amount: a magnitude or a unit or counter word after it.
_AMOUNT_WORDS: tuple[str, ...] = tuple(sorted((*UNIT_WORDS, *MAGNITUDES), key=len, reverse=True))


def _unit_follows(text: str, end: int) -> bool:
    if _char_after_gap(text, end) not in _TAIL_FIRST_CHARS:
        return False
    position = end
    while text[position:position + 1] in (" ", "\u3000"):
        position += 1
    return text.startswith(_AMOUNT_WORDS, position)


#: A local number (8 digits) listed after a phone number (010-12345678、87654321, 010-63074375 63072334) or after a
#: country and area code in brackets ((8610)66229359: China's 86 and Beijing's 10).
_SECOND_PHONE_RE = re.compile(rf"{_PHONE}[、/，,或 ]\Z|[(（]86[1-9][0-9]{{1,2}}[)）]\Z")
_SECOND_PHONE_WINDOW = 20


def _read_second_phone(text: str, core: re.Match) -> Draft | None:
    start, end = core.span()
    if _unit_follows(text, end):
        return None
    if _SECOND_PHONE_RE.search(text, max(0, start - _SECOND_PHONE_WINDOW), start) is None:
        return None
    return _name_draft(start, end, None)
