"""Blocks under construction: the raw lines, pieces of them, and drafts that collect pieces.

Every later step works on :class:`Piece` offsets into the raw text, never on copies of it, so the
finished :class:`~ecoanalysis.document.Block` can map each of its characters back to the file.
"""
from __future__ import annotations

from dataclasses import dataclass

from .._text import LineIndex


@dataclass
class Piece:
    """Raw characters ``raw_text[start:end]`` (one stripped line or part of one) from 1-based ``line``."""

    line: int
    start: int
    end: int


@dataclass
class Draft:
    """A block under construction: its role and the pieces it is made of, in reading order."""

    role: str
    pieces: list[Piece]
    level: int | None = None
    chapter: int | None = None


def strip_piece(raw_text: str, line: int, start: int, end: int) -> Piece | None:
    """The stripped part of ``raw_text[start:end]``, or None if it is blank."""
    segment = raw_text[start:end]
    stripped = segment.strip()
    if not stripped:
        return None
    lead = len(segment) - len(segment.lstrip())
    return Piece(line, start + lead, start + lead + len(stripped))


class RawLines:
    """The raw text with 1-based access to each line, stripped as text or as a :class:`Piece`.

    Parameters
    ----------
    text : str
        The decoded file; lines end at ``\\n``.
    """

    def __init__(self, text: str):
        self.text = text
        self.lines = text.split("\n")
        self.index = LineIndex(text)
        self.starts = self.index.starts
        self.count = len(self.lines)

    def stripped(self, number: int) -> str:
        """Line ``number`` without leading and trailing whitespace."""
        return self.lines[number - 1].strip()

    def piece(self, number: int) -> Piece | None:
        """Line ``number`` as a stripped piece, or None if it is blank."""
        start = self.starts[number - 1]
        return strip_piece(self.text, number, start, start + len(self.lines[number - 1]))
