"""Names a bare number belongs to: the model of a product line (骁龙845, 昇腾910, 国窖1573) and the title of a work it
opens (《2018城市商业魅力排行榜》) or makes up alone (《十年》): name-like rows, not counts."""
from __future__ import annotations

from ._lexicon import HYPHEN_MODEL_LINES, MODEL_LINES, TITLE_MARKS, TITLE_MAX
from .patterns import is_han
from .variants import to_simplified

#: The lines as the scanner sees them (traditional characters of the variants table read as simplified).
_LINES: tuple[str, ...] = tuple(dict.fromkeys(to_simplified(line) for line in MODEL_LINES))
_LONGEST = max(map(len, _LINES))
#: The opening marks of a work's title (《, 〈): the cheap first test of :func:`fills_title`.
TITLE_OPENERS: frozenset[str] = frozenset(TITLE_MARKS)
#: Last characters of the lines: the cheap first test.
MODEL_LINE_LAST: frozenset[str] = frozenset(line[-1] for line in _LINES)
#: The designations written with a hyphen (歼-20), as the scanner sees them.
_HYPHEN_LINES: tuple[str, ...] = tuple(dict.fromkeys(to_simplified(line) for line in HYPHEN_MODEL_LINES))
#: The hyphens inside a model's name: after a designation (歼-20) and before a variant (波音757-200, codes.py).
MODEL_HYPHENS = "-－"


def model_line_before(text: str, start: int) -> int | None:
    """Where the name of a product line standing right before the number at ``start`` begins (骁龙845, 昇腾 910:
    one space allowed; 歼-20: a designation and its hyphen), or None."""
    if text[start - 1:start] in MODEL_HYPHENS and start > 1:
        line = next((line for line in _HYPHEN_LINES if text.endswith(line, 0, start - 1)), None)
        return None if line is None else start - 1 - len(line)
    end = start - 1 if text[start - 1:start] == " " else start
    if text[end - 1:end] not in MODEL_LINE_LAST or not text.endswith(_LINES, max(0, end - _LONGEST), end):
        return None
    return end - len(next(line for line in _LINES if text.endswith(line, 0, end)))


def title_opened_at(text: str, start: int, end: int) -> int | None:
    """Where the title ends (after its closing mark) when the bare number text[start:end] opens a work's title and
    words of the title follow it (《2018城市商业魅力排行榜》), or None."""
    close = TITLE_MARKS.get(text[start - 1:start])
    if close is None or not is_han(text[end:end + 1]):
        return None
    found = text.find(close, end, end + TITLE_MAX)
    return None if found < 0 or "\n" in text[end:found] else found + 1


def fills_title(text: str, start: int, end: int) -> bool:
    """Whether the mention text[start:end] is a work's whole title, between its marks (《十年》, 《1984》, 《2046》)."""
    close = TITLE_MARKS.get(text[start - 1:start]) if start > 0 else None
    return close is not None and text[end:end + 1] == close
