"""Traditional characters read as simplified ones (the ``[variants]`` table of the lexicon).

The mapping is one character to one character, so every span found in the mapped text slices the
original text too; the qualifiers and counters a draft records come out in their simplified form.
"""
from __future__ import annotations

import re

from ._lexicon import VARIANTS

#: Full-width Latin letters (ＧＢ, １５Ｋ, ｋｍ) are read as ASCII letters: an encoding variant, like the
#: full-width digits that numerals.py reads itself (those stay, as the cores keep them).
_FULLWIDTH_LETTERS: dict[str, str] = {
    chr(ord(letter) - ord("A") + ord("Ａ")): letter for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
} | {chr(ord(letter) - ord("a") + ord("ａ")): letter for letter in "abcdefghijklmnopqrstuvwxyz"}
_ALL_VARIANTS: dict[str, str] = VARIANTS | _FULLWIDTH_LETTERS
_VARIANT_TABLE = str.maketrans(_ALL_VARIANTS)
_VARIANT_RE = re.compile(f"[{''.join(_ALL_VARIANTS)}]")


def to_simplified(text: str) -> str:
    """``text`` with every variant character mapped; the same object when it holds none (the usual case,
    found by one C-level search, far cheaper than translating)."""
    if _VARIANT_RE.search(text) is None:
        return text
    return text.translate(_VARIANT_TABLE)
