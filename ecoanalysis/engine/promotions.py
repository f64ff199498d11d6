"""A shop's promotion "spend X, get Y off" (满300减50, 满200元立减30): both figures are money; see [promotions].
Run after the currency declarations, on the drafts in place.
"""
from __future__ import annotations

import re

from ._lexicon import PROMOTION_LINKS, PROMOTION_THRESHOLD
from .declared import _local_currency
from .draft import Draft
from .patterns import _alternation

_LINK_RE = re.compile(rf"\s*(?:{_alternation(PROMOTION_LINKS)})\s*\Z")
_DEFAULT_CURRENCY = "CNY"


def _is_money_or_bare(draft: Draft) -> bool:
    return draft.is_bare_number() or draft.unit == "currency" and draft.value is not None and not draft.name_like


def _text_currency(text: str, drafts: list[Draft]) -> str:
    """The currency of the text's money already read, else of its place, else the yuan."""
    for draft in drafts:
        if draft.unit == "currency" and draft.currency is not None:
            return draft.currency
    return _local_currency(text) or _DEFAULT_CURRENCY


def apply_promotions(text: str, drafts: list[Draft]) -> None:
    """Make money of both figures of 满X减Y (in place): the currency written with either, else the text's."""
    if PROMOTION_THRESHOLD not in text:
        return
    for threshold, deduction in zip(drafts, drafts[1:]):
        if PROMOTION_THRESHOLD not in threshold.qualifiers or not _LINK_RE.match(text[threshold.end:deduction.start]):
            continue
        if not (_is_money_or_bare(threshold) and _is_money_or_bare(deduction)):
            continue
        written = [draft.currency for draft in (threshold, deduction) if draft.unit == "currency"]
        currency = written[0] if written and written[0] else _text_currency(text, drafts)
        for draft in (threshold, deduction):
            if draft.unit != "currency":
                draft.unit, draft.currency = "currency", currency
