"""Currencies declared for the amounts after them: （人民币，下同）, 单位：亿港元, 币种：人民币, 以下金额均为港元.

After the scan, :func:`apply_declared_currency` gives the generic 元 and the bare amounts in a declaration's
scope the declared currency (and, under a unit header, the header's magnitude); see ``[declared_currency]``
in lexicon.toml for the forms and their scope.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from ._lexicon import (
    CURRENCY_PREFIXES, DECLARED_BELOW_LINKS, EXCHANGE_LINKS, EXCHANGE_WINDOW, DECLARED_BELOW_OPENERS, DECLARED_BELOW_WINDOW, DECLARED_CURRENCY_HEADERS,
    DECLARED_COUNT_NOUNS, DECLARED_HEADER_ENDS, DECLARED_MONEY_NOUNS, DECLARED_MONEY_NOUNS_AFTER, DECLARED_ROW_LABEL_MAX, PRICE_LINKS, PRICE_NOUNS, DECLARED_ROW_UNITS, MAINLAND_WORDS, REGIONAL_WORDS, SPEAKS_FROM, TRADITIONAL_NOT_WITH,
    DECLARED_SAME_BELOW, DECLARED_SEPARATORS, GENERIC_CURRENCY_WORDS, MINGUO_CURRENCY, SHARED_CURRENCIES, UNIT_HEADER_LINKS, UNIT_HEADER_WORDS,
    UNIT_WORDS,
)
from .dates import placed_in_year
from .draft import Draft
from .eras import writes_present_era_years
from .numerals import MAGNITUDES, scaled
from .pairs import SENTENCE_END
from .patterns import YEAR_RANGE, _alternation, clause_before, sentence_before

_MONEY_WORDS = [word for word, info in UNIT_WORDS.items() if info.unit == "currency"]
_SPACE = "[ \u3000]*"
_OPEN_BRACKETS = "（("
#: A header, an opener of what follows or a bracket; then the money; then perhaps "same below".
_DECLARATION_RE = re.compile(
    rf"(?:(?P<head>{_alternation((*UNIT_HEADER_WORDS, *DECLARED_CURRENCY_HEADERS))}){_SPACE}"
    rf"(?:{_alternation(UNIT_HEADER_LINKS)})[ \u3000\r\n]*"
    rf"|(?P<below>{_alternation(DECLARED_BELOW_OPENERS)})(?P<between>[^\s，。；：,;:!?！？]{{0,{DECLARED_BELOW_WINDOW}}}?)"
    rf"(?:{_alternation(DECLARED_BELOW_LINKS)}){_SPACE}"
    rf"|(?P<bracket>[{_OPEN_BRACKETS}]){_SPACE})"
    rf"(?:(?P<prefix>{_alternation(CURRENCY_PREFIXES)}){_SPACE})?(?P<mag>[{''.join(MAGNITUDES)}]{{0,3}})"
    rf"(?P<unit>{_alternation(_MONEY_WORDS)})?"
    rf"(?P<same>{_SPACE}[{DECLARED_SEPARATORS}]{_SPACE}(?:{_alternation(DECLARED_SAME_BELOW)}))?"
)
#: Words one of which a text must hold to declare a currency (a cheap test before the search).
_TRIGGERS: tuple[str, ...] = (*UNIT_HEADER_WORDS, *DECLARED_CURRENCY_HEADERS, *DECLARED_SAME_BELOW, *DECLARED_BELOW_OPENERS)
#: Where a declaration can begin. A plain alternation of literals lets the regex engine skip to the next
#: first character; the named groups of _DECLARATION_RE defeat that, and searching the report with it alone
#: cost a tenth of the whole scan.
_DECLARATION_START_RE = re.compile(
    _alternation((*UNIT_HEADER_WORDS, *DECLARED_CURRENCY_HEADERS, *DECLARED_BELOW_OPENERS, *_OPEN_BRACKETS))
)
#: A blank line or a full stop ends a header's table: after a full stop, running prose has resumed.
_BLOCK_END_RE = re.compile(rf"\n[ \t\u3000\r]*\n|[{re.escape(DECLARED_HEADER_ENDS)}]")
#: How far back in its clause a bare amount looks for a noun of money (营业收入50.43亿).
_MONEY_NOUN_WINDOW = 16
#: What ends the sentence that a money amount's continuation must share with it (a line break too: a table row).
_SENTENCE_ENDS: frozenset[str] = SENTENCE_END | {"\n"}


#: The currency in force where no declaration is: 元 alone is CNY (README), so a bare amount of money is too.
_DEFAULT_CURRENCY = "CNY"


class Declaration(NamedTuple):
    """What a declaration says and where it holds (``annotates``: the end of the amount it stands right after)."""

    start: int
    end: int
    annotates: int
    currency: str | None  # None: the generic 元 of a unit header (单位：万元), CNY unless another declaration says
    scale: float | None  # the magnitude of a unit header; None: the currency only
    unit: str = "currency"  # a table row's other unit (毛利率（%）: percent), which declares no currency


_DEFAULT_DECLARATION = Declaration(0, 0, -1, _DEFAULT_CURRENCY, None)
#: The magnitudes that end an amount of money written without a unit (千亿, 3万).
_SECTION_MAGNITUDES = frozenset("万萬亿億")
#: Magnitudes that make a bare Chinese numeral an amount after a noun of money (工资两千五, 房租一千二); an Arabic
#: number needs 万 or 亿 (营业收入50.43亿; 营收1200 may be a code or a count).
_SPOKEN_MAGNITUDES = frozenset("千仟百佰")


def _generic(word: str) -> bool:
    """元, 万元, 块钱: a money word that says only "yuan" (the magnitude of 万元 is in the value)."""
    return (word if UNIT_WORDS[word].scale == 1.0 else word[-1]) in GENERIC_CURRENCY_WORDS


def _declaration(text: str, match: re.Match) -> Declaration | None:
    prefix, unit, head, below = match.group("prefix", "unit", "head", "below")
    if match.group("bracket") and not match.group("same"):
        return _row_declaration(text, match)  # else a bracketed currency alone (（人民币）) annotates one amount
    if prefix is None and unit is None:
        return None  # no money named
    currency = CURRENCY_PREFIXES[prefix] if prefix else None if _generic(unit) else UNIT_WORDS[unit].currency
    states_unit = unit is not None and (head in UNIT_HEADER_WORDS or below is not None and any(
        word in match.group("between") for word in UNIT_HEADER_WORDS))
    scale = None
    if states_unit:
        scale = UNIT_WORDS[unit].scale
        for char in match.group("mag"):
            scale *= MAGNITUDES[char]
    if match.group("same") or below:
        end = len(text)
    else:
        block_end = _BLOCK_END_RE.search(text, match.end())
        end = len(text) if block_end is None else block_end.start()
    opening = match.start() - (0 if match.group("bracket") else 1)
    annotates = opening if opening >= 0 and text[opening] in _OPEN_BRACKETS else -1
    return Declaration(match.end(), end, annotates, currency, scale)


_CLOSE_BRACKETS = "）)"
#: What a table row's bracketed unit ends with before its numbers (元） 12,345, %) -0.5): a cheap test for a text.
_ROW_UNIT_HINT_RE = re.compile(
    rf"(?:{_alternation([*_MONEY_WORDS, *DECLARED_ROW_UNITS])})[{_CLOSE_BRACKETS}][ \t\u3000]+[-−－0-9０-９]"
)
_ROW_LABEL_NOT = frozenset("0123456789０１２３４５６７８９。，；：,;:!?！？、（()）")


def _row_declaration(text: str, match: re.Match) -> Declaration | None:
    """营业收入（百万元） 12,345 15,678, 毛利率（%） 23.5 24.1: a table row's label and bracketed unit declare the bare
    numbers to the end of its line; None for any other bracket."""
    prefix, unit, after = match.group("prefix"), match.group("unit"), match.end()
    row_unit = "currency" if unit is not None or prefix is not None else DECLARED_ROW_UNITS.get(text[after:after + 1])
    if row_unit is None or (row_unit != "currency" and match.group("mag")):
        return None
    after += row_unit != "currency"
    if text[after:after + 1] not in _CLOSE_BRACKETS:
        return None
    line_start = text.rfind("\n", 0, match.start()) + 1
    label = text[line_start:match.start()].strip(" \t\u3000")
    if not 0 < len(label) <= DECLARED_ROW_LABEL_MAX or not _ROW_LABEL_NOT.isdisjoint(label):
        return None
    line_end = text.find("\n", after)
    line_end = len(text) if line_end < 0 else line_end
    if row_unit != "currency":
        return Declaration(after + 1, line_end, -1, None, None, row_unit)
    currency = CURRENCY_PREFIXES[prefix] if prefix else None if unit is None or _generic(unit) else UNIT_WORDS[unit].currency
    scale = 1.0 if unit is None else UNIT_WORDS[unit].scale
    for char in match.group("mag") if unit is not None else "":
        scale *= MAGNITUDES[char]
    return Declaration(after + 1, line_end, -1, currency, scale)


def _local_currency(text: str) -> str | None:
    """The currency of the generic 元 in a text from Taiwan (dating the present in years of the ROC era) or from a place
    of [[speaks_from]] (naming the place or its institutions as its own, never the renminbi or the mainland)."""
    if writes_present_era_years(text, placed_in_year):
        return MINGUO_CURRENCY
    named: dict[str, bool] = {}  # the places share words of the mainland: each is searched for once
    for currency, local_words, not_with in SPEAKS_FROM:
        # the words of the mainland first: a mainland text names one early, and the search stops there
        if not _names_any(text, not_with, named) and _names_any(text, local_words, named):
            return currency
    return None


#: What a line placed on the mainland by its vocabulary decides: the renminbi, no declaration.
_MAINLAND = "CNY"


def _place_by_vocabulary(line: str) -> str | None:
    """The currency of the place whose regional words a line uses most, when they outnumber its words of mainland
    usage; the renminbi when those win or the line names it; None on a tie (the line decides nothing)."""
    if any(word in line for word in TRADITIONAL_NOT_WITH):
        return _MAINLAND
    mainland = sum(word in line for word in MAINLAND_WORDS)
    best, local = mainland, _MAINLAND if mainland else None
    for currency, words, not_after in REGIONAL_WORDS:
        count = sum(_uses(line, word, not_after) for word in words)
        if count > best:
            best, local = count, currency
        elif count == best and local != currency:
            local = None if count else local  # a tie between two places, or a place and the mainland
    return local


def _uses(line: str, word: str, not_after: str) -> bool:
    """Whether ``line`` uses ``word`` other than right after one of ``not_after`` (按年增长 is no Taiwan 年增)."""
    position = line.find(word)
    while position > 0 and line[position - 1] in not_after:
        position = line.find(word, position + 1)
    return position != -1


def _places_of_lines(text: str) -> list[Declaration]:
    """A traditional-script text placed line by line by its regional vocabulary (mainland news is published in that
    script too, and a digest mixes sources): each stretch of lines from Hong Kong, Macau or Taiwan declares that
    place's dollar. A line that decides nothing keeps the place of the line before (a paragraph broken by PDF text),
    except at the start of the text or of an item (a Markdown heading, # ...), where it takes the place most lines of
    the text decide: a digest's own place."""
    lines = text.splitlines(keepends=True)
    decided = [_place_by_vocabulary(line) for line in lines]
    votes = Counter(place for place in decided if place is not None)
    usual = votes.most_common(1)[0][0] if votes else None
    found: list[Declaration] = []
    place, start, position = None, 0, 0
    for line, decision in zip(lines, decided):
        if decision is None and (place is None or line.startswith(_HEADING_MARK)):
            decision = usual
        if decision is not None and decision != place:
            if place not in (None, _MAINLAND):
                found.append(Declaration(start, position, -1, place, None))
            place, start = decision, position
        position += len(line)
    if place not in (None, _MAINLAND):
        found.append(Declaration(start, len(text), -1, place, None))
    return found


#: The start of an item of a digest (Markdown headings: # 恒指半日升341點).
_HEADING_MARK = "#"


def _names_any(text: str, words: tuple[str, ...], named: dict[str, bool]) -> bool:
    """Whether ``text`` holds one of ``words``. A word one of whose characters the text lacks is not searched for:
    a character is found (or missed) several times faster than a word of several characters (RMB in Chinese text).
    ``named`` remembers, for this text, the words already looked for."""
    for word in words:
        found = named.get(word)
        if found is None:
            found = named[word] = all(char in text for char in word) and word in text
        if found:
            return True
    return False


def declarations(text: str, *, traditional: bool = False) -> list[Declaration]:
    """The currency declarations of ``text`` in order: a text from Taiwan or Hong Kong (:func:`_local_currency`)
    declares its dollar for the whole of it, before any written one."""
    local = _local_currency(text)
    found = [Declaration(0, len(text), -1, local, None)] if local is not None else []
    if local is None and traditional:
        found = _places_of_lines(text)
    if not any(word in text for word in _TRIGGERS) and _ROW_UNIT_HINT_RE.search(text) is None:
        return found
    position = 0
    while (start := _DECLARATION_START_RE.search(text, position)) is not None:
        match = _DECLARATION_RE.match(text, start.start())  # what finditer would find, tried only where one can begin
        if match is None:
            position = start.start() + 1
            continue
        declaration = _declaration(text, match)
        if declaration is not None:
            found.append(declaration)
        position = match.end()
    return found


def _in_force(text: str, found: list[Declaration], draft: Draft) -> tuple[str | None, float | None, bool]:
    """(currency, scale, whether any declaration holds) at the draft: the latest of each kind in force."""
    currency, scale, held = None, None, False
    for declaration in found:
        if declaration.unit != "currency":
            continue
        annotated = declaration.annotates >= 0 and text[draft.end:declaration.annotates].strip() == ""
        if (declaration.start <= draft.start or annotated and draft.end <= declaration.annotates) and draft.start < declaration.end:
            held = True
            currency = declaration.currency or currency
            scale = declaration.scale if declaration.scale is not None else scale
    return currency, scale, held


def _states_currency(text: str, draft: Draft) -> bool:
    """Whether a money mention names its currency (美元, 元人民币, 港币0.63元) rather than the generic 元."""
    if draft.counter not in GENERIC_CURRENCY_WORDS:
        return True
    surface = text[draft.start:draft.end]
    return any(word in surface for word in CURRENCY_PREFIXES)


def _is_year(draft: Draft) -> bool:
    value = draft.value
    return value == int(value) and YEAR_RANGE[0] <= value <= YEAR_RANGE[1] and draft.value_high is None


def _names_money_before(text: str, start: int) -> bool:
    """Whether the clause before ``start`` names money (营业收入, 净利润): what makes a bare 50.43亿 an amount of it; a
    noun of things counted nearer the number names what it counts (2024年入境旅客人次达3,490万: visitors, whatever
    年入 reads as)."""
    clause = clause_before(text, start, _MONEY_NOUN_WINDOW)
    money_at = max(map(clause.rfind, DECLARED_MONEY_NOUNS))
    return money_at >= 0 and money_at > max(map(clause.rfind, DECLARED_COUNT_NOUNS))


def _names_money_in_sentence(text: str, start: int) -> bool:
    """Whether the sentence before ``start`` names money and its own clause no thing counted: the topic a spoken amount
    in a later clause goes on with (年终奖发了两个月工资，大概一万五左右吧)."""
    sentence = sentence_before(text, start, _SENTENCE_WINDOW)
    return any(noun in sentence for noun in DECLARED_MONEY_NOUNS) and not _names_count_before(text, start)


_SENTENCE_WINDOW = 40


def _names_money_after(text: str, end: int) -> bool:
    """Whether a noun of money follows the amount ending at ``end`` as what it measures (五十万年薪, 两万年终奖)."""
    return text.startswith(DECLARED_MONEY_NOUNS_AFTER, end)


_PRICED_RE = re.compile(rf"(?:{_alternation(PRICE_NOUNS)})(?:{_alternation(PRICE_LINKS)})?\Z")
_PRICE_WINDOW = max(map(len, PRICE_NOUNS)) + max(map(len, PRICE_LINKS))


def _priced_right_before(text: str, start: int) -> bool:
    """Whether a noun of a price or of pay ends right before ``start``, perhaps past a link (房租4500, 原价为1299)."""
    return _PRICED_RE.search(text, max(0, start - _PRICE_WINDOW), start) is not None


def _names_count_before(text: str, start: int) -> bool:
    """Whether the clause before ``start`` names things counted (观影人次, 活跃用户, 用户数): a bare amount there is
    no money, even right after money."""
    clause = clause_before(text, start, _MONEY_NOUN_WINDOW)
    return any(noun in clause for noun in DECLARED_COUNT_NOUNS)


def _takes_declaration(draft: Draft) -> bool:
    """Whether a declaration can change the mention: money with its currency (the generic 元 takes the declared one), or
    a bare amount (a header's unit, or money after a noun of money); a unit, a counter, a name or no value keep it."""
    if draft.currency is not None and draft.unit in ("currency", "rate"):
        return True
    return draft.unit is None and draft.counter is None and not draft.name_like and draft.value is not None


def _declare(text: str, draft: Draft, currency: str | None, scale: float | None, *, after_money: bool) -> None:
    """Give one mention in a declaration's scope (one that takes it: :func:`_takes_declaration`) the declared
    currency (and magnitude)."""
    if draft.currency is not None and draft.unit in ("currency", "rate"):
        if currency is not None and currency != draft.currency and not _states_currency(text, draft):
            if draft.unit_symbol is not None and draft.unit_symbol.startswith(f"{draft.currency}/"):
                draft.unit_symbol = currency + draft.unit_symbol[len(draft.currency):]  # CNY/股 -> HKD/股
            draft.currency = currency
        return
    if scale is None:  # a currency only: a bare amount with its own magnitude (营业收入50.43亿) is money
        # 50.43亿, 千亿, 一万出头 (a suffix after the magnitude)
        surface = text[draft.start:draft.end]
        magnitude = draft.scale_applied or not _SECTION_MAGNITUDES.isdisjoint(surface) or (
            not _SPOKEN_MAGNITUDES.isdisjoint(surface) and not any(char.isdigit() for char in surface)
        )
        if currency is not None and magnitude and (
            after_money or _names_money_before(text, draft.start) or _names_money_after(text, draft.end)
            or not any(char.isdigit() for char in surface) and _names_money_in_sentence(text, draft.start)  # spoken
        ) or currency is not None and _priced_right_before(text, draft.start):
            draft.unit, draft.currency = "currency", currency  # 营业收入50.43亿; 房租4500
        return
    if not draft.scale_applied:
        if _is_year(draft):
            return  # a column head (2023): a year, not an amount in the header's unit
        draft.value = scaled(draft.value, scale)
        draft.value_high = None if draft.value_high is None else scaled(draft.value_high, scale)
    draft.unit, draft.currency = "currency", currency or "CNY"


def _declare_row_units(drafts: list[Draft], found: list[Declaration]) -> None:
    """The bare numbers of a table row whose label declares a share or multiple (毛利率（%） 23.5 24.1) take it."""
    for declaration in found:
        if declaration.unit == "currency":
            continue
        for draft in drafts:
            in_row = declaration.start <= draft.start < declaration.end
            if in_row and draft.unit is None and _takes_declaration(draft) and not _is_year(draft):
                draft.unit = declaration.unit


def apply_declared_currency(text: str, drafts: list[Draft], *, traditional: bool = False) -> None:
    """The generic 元 and bare amounts after a currency declaration take the declared currency (in place);
    ``traditional``: the text is written in traditional script (variants.writes_traditional)."""
    if not drafts:
        return
    # with no declaration the renminbi is in force, as for the generic 元: a bare amount with a magnitude after a
    # noun of money is yuan (财政收入迈过千亿, 营业收入50.43亿)
    found = declarations(text, traditional=traditional) or [_DEFAULT_DECLARATION._replace(end=len(text))]
    _declare_row_units(drafts, found)
    previous: Draft | None = None
    for draft in drafts:
        if not _takes_declaration(draft):
            previous = draft
            continue
        currency, scale, held = _in_force(text, found, draft)
        if held:
            # a bare amount right after money in the same sentence continues it (净利润3.2亿，扣非后2.9亿)
            after_money = previous is not None and previous.unit == "currency" and _SENTENCE_ENDS.isdisjoint(
                text[previous.end:draft.start]
            ) and not _names_count_before(text, draft.start)
            _declare(text, draft, currency, scale, after_money=after_money)
        previous = draft


_COUNTRY_RES = {word: re.compile(_alternation(countries)) for word, countries in SHARED_CURRENCIES.items()}


def apply_country_currency(text: str, drafts: list[Draft]) -> None:
    """A name of money several countries share (比索, 克朗, 里亚尔 ...) written alone takes the code of the country
    named nearest before it on its line (墨西哥央行……500亿比索 = MXN), in place; see [[shared_currency]]."""
    for draft in drafts:
        countries = SHARED_CURRENCIES.get(draft.counter) if draft.unit == "currency" else None
        if countries is None:
            continue
        line_start = text.rfind("\n", 0, draft.start) + 1
        named = [match.group() for match in _COUNTRY_RES[draft.counter].finditer(text, line_start, draft.start)]
        if named:
            draft.currency = countries[named[-1]]


_YUAN = "CNY"
_CURRENCY_CODES: dict[str, str] = {word: info.currency for word, info in UNIT_WORDS.items() if info.currency} | CURRENCY_PREFIXES
_EXCHANGE_RE = re.compile(
    rf"(?P<base>{_alternation(_CURRENCY_CODES)})(?:{_alternation(EXCHANGE_LINKS)})(?P<quote>{_alternation(_CURRENCY_CODES)})"
)


def apply_exchange_rates(text: str, drafts: list[Draft]) -> None:
    """美元兑人民币中间价报7.1234: a bare number after a pair of currencies in its clause is the rate (CNY/USD), in place."""
    if not any(link in text for link in EXCHANGE_LINKS):
        return  # (one pass over the text: most have no pair of currencies at all)
    for draft in drafts:
        if not draft.is_bare_number():
            continue
        pairs = list(_EXCHANGE_RE.finditer(clause_before(text, draft.start, EXCHANGE_WINDOW)))
        if not pairs:
            continue
        base, quote = _CURRENCY_CODES[pairs[-1].group("base")], _CURRENCY_CODES[pairs[-1].group("quote")]
        if base == _YUAN:  # 人民币兑美元6.9: the mainland press quotes the other money in yuan either way round
            base, quote = quote, base
        if base != quote:
            draft.unit, draft.currency, draft.unit_symbol = "rate", quote, f"{quote}/{base}"
