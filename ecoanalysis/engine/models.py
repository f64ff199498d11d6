"""Models of a product line named by a number glued after the line (骁龙845, 昇腾910, 国窖1573): names, not counts."""
from __future__ import annotations

from ._lexicon import MODEL_LINES
from .variants import to_simplified

#: The lines as the scanner sees them (traditional characters of the variants table read as simplified).
_LINES: tuple[str, ...] = tuple(dict.fromkeys(to_simplified(line) for line in MODEL_LINES))
_LONGEST = max(map(len, _LINES))
#: Last characters of the lines: the cheap first test.
MODEL_LINE_LAST: frozenset[str] = frozenset(line[-1] for line in _LINES)


def model_line_before(text: str, start: int) -> int | None:
    """Where the name of a product line standing right before the number at ``start`` begins (骁龙845, 昇腾 910:
    one space allowed), or None."""
    end = start - 1 if text[start - 1:start] == " " else start
    if text[end - 1:end] not in MODEL_LINE_LAST or not text.endswith(_LINES, max(0, end - _LONGEST), end):
        return None
    return end - len(next(line for line in _LINES if text.endswith(line, 0, end)))
