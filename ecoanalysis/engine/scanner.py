"""The scanner of the quantity engine: find every number mention in Chinese text and read what it claims.

Public here: :func:`parse_quantity` (one expression, ``"超过 1 万项"`` -> a frozen :class:`Quantity`) and
:func:`scan` (every mention of a text as :class:`Draft` objects, which :mod:`ecoanalysis.mentions` turns
into a DataFrame). The words come from ``lexicon.toml`` (:mod:`._lexicon`); see README.md in this package.

How it works
------------
One compiled regular expression (:data:`_CORE_RE`) finds numeral *cores*: runs of Arabic digits, runs of
Chinese numeral characters (with 几 inside), or 首个/首家/首款. For every core:

1. the whole-mention readers of :data:`.readers.WHOLE_READERS` are tried in that order (dates, date codes,
   quarters, names, URLs and times, phone numbers, citations, list markers, section numbers, Latin names,
   fixed phrases, 翻一番, set phrases); the first that answers decides;
2. otherwise the general reading (:mod:`.reading`): the value (:func:`_read_number`), the words glued before it
   (:func:`_read_before`), date words (:func:`_read_date`), the tail (:func:`_read_tail`: magnitude,
   余/多/来, %, ‰, 个百分点, 成, 折, 分之, unit or counter, suffix qualifier), then sign, currency and
   qualifier before it (:func:`_apply_prefix`) and the footnote marker (:func:`_finish`);
3. :func:`_merge_range` joins ``A 到/至/~/- B``.

All patterns are linear (single character classes, bounded gaps, literal alternations). Afterwards the
items of a list share the unit written after the last (:func:`_share_list_units`) and before/after pairs
(由 80% 提升到 95%) are linked (:func:`_link_pairs`), both in :mod:`.pairs`. A numeral that cannot be read gets bound ``vague``
and no value.
"""
from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager

from ._lexicon import BRIDGED_ADJECTIVES, BRIDGED_ADVERBS, PREFIX_QUALIFIERS, RANGE_CONNECTORS
from .draft import Draft, Quantity
from .pairs import _link_pairs, _share_list_units
from .patterns import _CN_CHARS, _CORE_RE, _GAP, _RANGE_FIRST_CHARS, _alternation, _char_after_gap
from .reading import _read_one
from .spaced import SPACED_AFTER_CHARS, glue_spaced_core
from .variants import to_simplified

__all__ = ["parse_quantity", "scan"]

_RANGE_RE = re.compile(rf"{_GAP}(?P<conn>{_alternation(RANGE_CONNECTORS)}){_GAP}(?=[0-9０-９{_CN_CHARS}])")


def _merge_range(text: str, first: Draft, *, year: int | None, lenient: bool) -> None:
    """Extend ``first`` with a range connector and a second quantity (6 到 8 周, 2019-2021 年)."""
    # cheapest and most selective test first: most numbers are followed by no range connector
    if _char_after_gap(text, first.end) not in _RANGE_FIRST_CHARS or first.name_like or first.value is None:
        return
    if not _bounded_only_before(first):
        return
    connector = _RANGE_RE.match(text, first.end)
    if connector is None:
        return
    core = _CORE_RE.match(text, connector.end())
    if core is None or core.lastgroup == "first":
        return
    if core.lastgroup == "cn" and text[core.end():core.end() + 1] in SPACED_AFTER_CHARS:
        core = glue_spaced_core(text, core)
    second = _read_one(text, core, year=year, lenient=True, with_prefix=False)
    if second is None or second.name_like:
        return
    conn = connector.group("conn")
    if first.unit is not None and second.unit is not None and first.unit != second.unit:
        return
    if _merge_month_range(first, second, connector.group("conn")):
        return
    if first.unit == "date" and second.unit == "date" and second.value is None and second.month is not None:
        second.value = first.value  # 2020年11月28日-12月03日: the year written once
    if second.value is None:
        return
    if first.unit is not None and second.unit is None:
        if first.unit == "date":
            return
        second.unit = first.unit
    if first.counter is not None and second.counter is not None and first.counter != second.counter:
        return
    if first.unit is None and second.unit is not None:
        # 3-5% / 六至八成 / 3至8亿元: the unit and scale written once apply to both ends.
        first.unit, first.currency, first.unit_symbol = second.unit, second.currency, second.unit_symbol
        if second.scale_applied and not first.scale_applied and first.value * second.scale <= second.value:
            first.value *= second.scale
    low, high = (first.value, first.month or 0), (second.value, second.month or 0)
    if conn not in ("到", "至") and not low < high:
        return  # 3-1 is not a range (a dash between unrelated numbers)
    if low > high:
        return
    # the top of the range is the top of the second quantity when that names a span (三到十几个)
    first.value_high = second.value if second.value_high is None else second.value_high
    if first.unit == "date":
        first.month_high = second.month
    first.counter = first.counter or second.counter
    first.qualifiers.extend(second.qualifiers)
    first.bounds.append("range")
    first.end = second.end
    first.consumed = second.consumed
    first.footnote = first.footnote or second.footnote
    first.weak = False  # 六至八: the range is the context


#: Qualifiers written before a number; one of them before a range qualifies the whole range (约三至五成).
_PREFIX_WORDS: frozenset[str] = frozenset(PREFIX_QUALIFIERS) | frozenset(BRIDGED_ADVERBS) | frozenset(BRIDGED_ADJECTIVES)


def _bounded_only_before(draft: Draft) -> bool:
    """No bound yet, or only those of qualifiers before the number (not 以上, 左右, 余 after it, not a span)."""
    if "range" in draft.bounds or "vague" in draft.bounds:
        return False
    return all(qualifier in _PREFIX_WORDS for qualifier in draft.qualifiers)


def _merge_month_range(first: Draft, second: Draft, conn: str) -> bool:
    """1-6月, 1～9月: a bare month number before a month date is the start of a month range."""
    if first.unit is not None or first.counter is not None or second.unit != "date" or second.month is None:
        return False
    if second.month_high is not None or first.value is None or first.value != int(first.value):
        return False
    if not 1 <= first.value < second.month:
        return False
    first.unit, first.month, first.month_high = "date", int(first.value), second.month
    first.value = first.value_high = second.value
    first.bounds.append("range")
    first.end, first.consumed = second.end, second.consumed
    first.weak = False
    return True


def _scan(text: str, *, year: int | None, lenient: bool = False) -> list[Draft]:
    """All mention drafts of ``text`` in order of appearance (traditional characters read as simplified)."""
    text = to_simplified(text)
    drafts: list[Draft] = []
    resume = 0
    for core in _CORE_RE.finditer(text):
        if core.start() < resume:
            continue
        core_end = core.end()
        if core.lastgroup == "cn" and text[core_end:core_end + 1] in SPACED_AFTER_CHARS:
            core = glue_spaced_core(text, core)
            core_end = core.end()
        draft = _read_one(text, core, year=year, lenient=lenient, with_prefix=True)
        if draft is None:
            continue
        _merge_range(text, draft, year=year, lenient=lenient)
        if draft.weak:  # a bare Chinese numeral that no range (六至八) gave context
            continue
        if drafts and draft.start < drafts[-1].end:
            draft.start = drafts[-1].end  # a prefix never reaches into the previous mention
            while draft.start < draft.end and text[draft.start].isspace():
                draft.start += 1
        drafts.append(draft)
        resume = draft.consumed if draft.consumed > core_end else core_end
    _share_list_units(text, drafts)
    _link_pairs(text, drafts)
    return drafts


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a scan (or the table built from it) allocates.

    Drafts hold no reference cycles, so the collector has nothing to free during a scan, but each of its
    passes walks every draft made so far: on dense text (100,000 mentions) that was a third of the time.
    Memory is still freed by reference counting; the collector resumes afterwards (if it was running).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def scan(text: str, *, year: int | None = None, finalise: bool = True) -> list[Draft]:
    """Every mention of ``text`` in order of appearance, as :class:`Draft` objects.

    ``finalise=False`` leaves defaults unfilled so that a caller can still attach footnotes first.
    """
    with cyclic_gc_paused():
        drafts = _scan(text, year=year)
    if finalise:
        for draft in drafts:
            draft.finalise()
    return drafts


def parse_quantity(text: str, *, year: int | None = None) -> Quantity | None:
    """Read one quantity expression.

    Parameters
    ----------
    text : str
        An expression such as ``"超过 1 万项"``, ``"八成以上"``, ``"6 到 8 周"``, ``"百万级"``. Bare
        Chinese numerals (``"百万"``, ``"三"``) are accepted here, unlike in running text.
    year : int, optional
        Year that resolves relative dates (今年 3 月).

    Returns
    -------
    Quantity or None
        The first quantity in ``text`` (``start``/``end`` locate it), or ``None`` if there is none
        (``"一批"``, ``"零售"``, ``""``).
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_quantity expects a str, got {type(text).__name__}")
    drafts = _scan(text, year=year, lenient=True)
    if not drafts:
        return None
    draft = drafts[0]
    draft.finalise()
    return Quantity(
        surface=text[draft.start:draft.end],
        value=draft.value,
        value_high=draft.value_high,
        unit=draft.unit,
        counter=draft.counter,
        bound=draft.bound,
        month=draft.month,
        month_high=draft.month_high,
        footnote=draft.footnote,
        qualifier=" ".join(draft.qualifiers) or None,
        name_like=draft.name_like,
        currency=draft.currency,
        unit_symbol=draft.unit_symbol,
        start=draft.start,
        end=draft.end,
    )
