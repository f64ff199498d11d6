"""Ages said with no 岁: 年过六十, 年近七十 after 年 and a qualifier of reaching, and in speech a bare number with an
approximating suffix said of a person (他看上去三十出头, 爷爷今年都七十好几了, 三十出头的年轻人): durations; see [ages]. Run after the
scan, on the drafts in place.
"""
from __future__ import annotations

import re

from ._lexicon import (
    AGE_NOT_BEFORE_YEAR,
    AGE_OLDEST,
    AGE_PERSON_NOUNS,
    AGE_SPOKEN_ADVERBS,
    AGE_SPOKEN_OPENERS,
    AGE_SPOKEN_SUFFIXES,
    AGE_YEAR_QUALIFIERS,
    AGE_YEAR_WORD,
)
from .draft import Draft
from .patterns import SENTENCE_BREAKS, _alternation

_SPOKEN_BEFORE_RE = re.compile(
    rf"(?:{_alternation(AGE_SPOKEN_OPENERS)})(?:{_alternation(AGE_SPOKEN_ADVERBS)})?\Z"
)
_SPOKEN_WINDOW = max(map(len, AGE_SPOKEN_OPENERS)) + max(map(len, AGE_SPOKEN_ADVERBS))


def _after_year_and_qualifier(text: str, draft: Draft) -> bool:
    """年过六十, 年近七十: the draft opens with a qualifier of reaching right after 年, itself after no year word."""
    if not draft.qualifiers or draft.qualifiers[0] not in AGE_YEAR_QUALIFIERS:
        return False
    if not text.startswith(draft.qualifiers[0], draft.start) or text[draft.start - 1:draft.start] != AGE_YEAR_WORD:
        return False
    before = text[draft.start - 2:draft.start - 1]
    return not (before and (before in AGE_NOT_BEFORE_YEAR or before.isdigit()))


#: 的 and a noun of a person after a spoken age (三十出头的年轻人).
_PERSON_AFTER: tuple[str, ...] = tuple(f"的{noun}" for noun in AGE_PERSON_NOUNS)


def _spoken_of_a_person(text: str, draft: Draft) -> bool:
    """他看上去三十出头, 今年都七十好几了, 三十出头的年轻人: a suffix of approximation at the end, and an opener (and an
    adverb) right before or 的 and a noun of a person right after."""
    if not text.endswith(AGE_SPOKEN_SUFFIXES, draft.start, draft.end):
        return False
    if text.startswith(_PERSON_AFTER, draft.end):
        return True
    return _SPOKEN_BEFORE_RE.search(text, max(0, draft.start - _SPOKEN_WINDOW), draft.start) is not None


def apply_implied_ages(text: str, drafts: list[Draft]) -> None:
    """Make durations of the bare numbers that are ages said with no 岁 (in place). A spoken age later in the sentence
    of one is an age too (她看上去三十出头，其实都四十好几了)."""
    last_age: Draft | None = None
    for draft in drafts:
        if not draft.is_bare_number() or draft.value is None or draft.value > AGE_OLDEST:
            continue  # 一千出头的人口: no age
        if _after_year_and_qualifier(text, draft) or _spoken_of_a_person(text, draft) or (
            last_age is not None and _same_sentence(text, last_age.end, draft.start)
            and text.endswith(AGE_SPOKEN_SUFFIXES, draft.start, draft.end)
        ):
            draft.unit, last_age = "duration", draft


def _same_sentence(text: str, start: int, end: int) -> bool:
    """Whether no mark that ends a sentence stands in text[start:end]."""
    return not any(mark in text[start:end] for mark in SENTENCE_BREAKS)
