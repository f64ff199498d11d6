"""Steps of an interest rate as Taiwan's central bank counts them: 1碼 = 0.25 percentage point (升息1碼, 降息2碼 =
0.5 percentage point), read where a change of an interest rate is spoken of earlier in the clause (the lexicon's
``[rate_steps]``); elsewhere 碼 is a yard or a code and stays unread. Annual rates in 厘 as Hong Kong writes them
(``[rate_li]``: 利率维持1.5厘 = 1.5 %, 减息0.25厘 = 0.25 percentage point).
"""
from __future__ import annotations

import re

from ._lexicon import (
    RATE_LI_CHANGE_NOUNS, RATE_LI_CHANGE_VERBS, RATE_LI_GUARD, RATE_LI_LEVEL_LINKS, RATE_LI_LEVEL_NOUNS, RATE_LI_MONTHLY_NOUNS, RATE_LI_WINDOW, RATE_LI_WORD,
    RATE_STEP_NOUNS, RATE_STEP_POINTS, RATE_STEP_WINDOW, RATE_STEP_WORD, LIST_SEPARATORS,
)
from .draft import Draft
from .numerals import scaled
from .patterns import clause_before


def speaks_of_a_rate_change(text: str, position: int) -> bool:
    """Whether a change of an interest rate is spoken of in the clause before ``position`` (升息, 利率 ...)."""
    clause = clause_before(text, position, RATE_STEP_WINDOW)
    return any(noun in clause for noun in RATE_STEP_NOUNS)


def read_rate_steps(text: str, draft: Draft, prefix_end: int) -> bool:
    """升息1碼: the number of quarter-points as percentage points (0.25), the word taken into the mention."""
    end = draft.end + (text[draft.end:draft.end + 1] == " ")  # 升息 1 碼: spaced off its number
    if text[end:end + 1] != RATE_STEP_WORD or draft.counter is not None or draft.unit not in (None, "count"):
        return False
    if draft.value is None or draft.scale_applied:
        return False
    if not speaks_of_a_rate_change(text, prefix_end):
        return False
    draft.value *= RATE_STEP_POINTS
    if draft.value_high is not None:
        draft.value_high *= RATE_STEP_POINTS
    draft.unit, draft.counter, draft.end = "percentage_point", RATE_STEP_WORD, end + 1
    return True


#: The percent of one 厘 of a monthly interest rate.
MONTHLY_LI_PERCENT = 0.1
#: A link to the level reached at the end of the clause, perhaps before the earlier items of a list that shares the 厘
#: (下調至5.625、5.75及5.875厘: each a level).
_LEVEL_LINK_RE = re.compile(
    rf"[{re.escape(RATE_LI_LEVEL_LINKS)}](?:[0-9０-９.．]+[{re.escape(''.join(sorted(LIST_SEPARATORS)))}]+)*\Z"
)


def read_rate_li(text: str, draft: Draft, prefix_end: int) -> bool:
    """利率维持1.5厘 = 1.5 %, 减息0.25厘 = 0.25 percentage point: an annual interest rate in 厘, the word taken in;
    月息8厘 = 0.8 % (a month)."""
    end = draft.end
    after = text[end + 1:end + 2]
    if text[end:end + 1] != RATE_LI_WORD or (after and after in RATE_LI_GUARD) or draft.value is None:
        return False
    if draft.counter is not None or draft.unit not in (None, "count") or draft.scale_applied:
        return False
    clause = clause_before(text, prefix_end, RATE_LI_WINDOW)
    if any(noun in clause for noun in RATE_LI_MONTHLY_NOUNS):
        draft.unit = "percent"  # 月息8厘 = 0.8 % a month: a monthly rate counts 厘 as a tenth of a percent
        draft.value = scaled(draft.value, MONTHLY_LI_PERCENT)
        if draft.value_high is not None:
            draft.value_high = scaled(draft.value_high, MONTHLY_LI_PERCENT)
    elif not any(noun in clause for noun in (*RATE_LI_CHANGE_NOUNS, *RATE_LI_LEVEL_NOUNS)):
        return False
    elif _LEVEL_LINK_RE.search(clause) is not None:
        draft.unit = "percent"  # 下調25個基點至5.25厘: the level reached
    elif clause[-1:] in RATE_LI_CHANGE_VERBS or any(noun in clause for noun in RATE_LI_CHANGE_NOUNS):
        draft.unit = "percentage_point"  # 减息0.25厘, 將減0.125厘
    else:
        draft.unit = "percent"
    draft.counter, draft.end = RATE_LI_WORD, end + 1
    return True
