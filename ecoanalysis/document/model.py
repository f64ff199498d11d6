"""The document model's public objects: blocks, spans, footnotes, table-1 rows and the report itself."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from .. import config
from .._text import LineIndex

#: Every role a block can have. ``heading`` blocks carry a ``level``: 0 = the report title on the cover,
#: 1 = chapter title (the preface title counts as chapter 0), 2 = section, 3 = subsection or case title.
ROLES: tuple[str, ...] = (
    "heading",
    "body",
    "caption",
    "table_header",
    "table_row",
    "footnote",
    "page_number",
    "toc",
    "editorial_board",
    "running_header",
    "section_label",
    "figure_text",
)


class ReportFormatError(ValueError):
    """The file cannot be read as the report's text (not UTF-8, empty, ...)."""


@dataclass(frozen=True)
class Span:
    """Where a piece of a block comes from in the raw file.

    Attributes
    ----------
    line_start, line_end : int
        1-based raw line numbers of the first and last character.
    col_start, col_end : int
        0-based columns in those raw lines; ``col_end`` is exclusive.
    raw_start, raw_end : int
        Half-open character offsets into ``Report.raw_text``.
    """

    line_start: int
    col_start: int
    line_end: int
    col_end: int
    raw_start: int
    raw_end: int


@dataclass(frozen=True)
class FootnoteRef:
    """A footnote marker removed from a block.

    Attributes
    ----------
    number : int
        The footnote it points to (a key of ``Report.footnotes``).
    offset : int
        Position in ``Block.text`` where the marker was removed (right after the text it was glued to).
    line, col : int
        1-based raw line and 0-based column of the marker digit.
    """

    number: int
    offset: int
    line: int
    col: int


@dataclass(frozen=True)
class Footnote:
    """One footnote (all are source citations).

    Attributes
    ----------
    number : int
    text : str
        The footnote without its number, e.g. ``人工智能：助力中国经济增长，埃森哲，2017 年 7 月``.
    line : int
        1-based raw line.
    title, publisher : str or None
        Parsed from ``title，publisher，date``; ``数据来源：X`` footnotes have only a publisher.
    date : str or None
        ``YYYY-MM``.
    """

    number: int
    text: str
    line: int
    title: str | None
    publisher: str | None
    date: str | None


@dataclass(frozen=True)
class PlatformRow:
    """A row of table 1 (national new-generation AI open innovation platforms).

    ``host`` is kept exactly as printed, so row 8 is ``"360 公司"`` with the PDF's space between the
    digits and the CJK word (consistent with the no-invention reflow rule; strip it downstream if needed).
    """

    number: int
    host: str
    domain: str
    name: str
    line: int


@dataclass(frozen=True)
class Block:
    """A reflowed unit of the document (paragraph, heading, caption, table row, ...).

    Attributes
    ----------
    id : int
        0-based position in ``Report.blocks``.
    role : str
        One of :data:`ROLES`.
    text : str
        Reflowed text with footnote markers removed.
    lines : tuple of int
        1-based raw lines that contributed, in reading order (not necessarily contiguous).
    offsets : tuple of int
        ``offsets[i]`` is the offset in ``Report.raw_text`` of ``text[i]``. A space inserted between two
        ASCII letters/digits from different lines maps to the raw whitespace character (the line break)
        that follows the first of them.
    level : int or None
        Heading level (see :data:`ROLES`); ``None`` for other roles.
    chapter : int or None
        Chapter the block belongs to by position (0 = cover, front matter and preface).
    footnote_refs : tuple of FootnoteRef
    """

    id: int
    role: str
    text: str
    lines: tuple[int, ...]
    offsets: tuple[int, ...]
    level: int | None = None
    chapter: int | None = None
    footnote_refs: tuple[FootnoteRef, ...] = ()
    _lines: LineIndex | None = field(default=None, repr=False, compare=False)

    def locate(self, start: int, end: int) -> Span:
        """Map the half-open span ``text[start:end]`` to raw lines, columns and offsets.

        Raises
        ------
        ValueError
            If the span is empty or outside the text.
        """
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"block {self.id}: span [{start}, {end}) is empty or outside text of length {len(self.text)}")
        raw_start = self.offsets[start]
        raw_last = self.offsets[end - 1]
        line_start, col_start, line_end, col_end = self._lines.span(raw_start, raw_last + 1)
        return Span(
            line_start=line_start,
            col_start=col_start,
            line_end=line_end,
            col_end=col_end,
            raw_start=raw_start,
            raw_end=raw_last + 1,
        )


@dataclass(frozen=True)
class Report:
    """The parsed report.

    Attributes
    ----------
    path : Path
    sha256 : str
        Of the file's bytes.
    raw_text : str
        The decoded file.
    lines : tuple of str
        ``raw_text.split("\\n")``; line ``n`` (1-based) is ``lines[n - 1]``.
    blocks : tuple of Block
        In file order.
    footnotes : Mapping[int, Footnote]
    platforms : tuple of PlatformRow
        Table 1.
    chapters : Mapping[int, str]
        Chapter number -> title for the chapters found as headings (0 = preface).
    """

    path: Path
    sha256: str
    raw_text: str
    lines: tuple[str, ...]
    blocks: tuple[Block, ...]
    footnotes: Mapping[int, Footnote]
    platforms: tuple[PlatformRow, ...]
    chapters: Mapping[int, str]

    @property
    def year(self) -> int:
        """Publication year (``config.REPORT_YEAR``), used to resolve relative dates such as 今年."""
        return config.REPORT_YEAR

    def blocks_with_role(self, role: str) -> list[Block]:
        """Blocks with ``role``, in file order."""
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}; expected one of {ROLES}")
        return [block for block in self.blocks if block.role == role]

    def headings(self, level: int | None = None) -> list[Block]:
        """Heading blocks in file order, optionally only those of one level."""
        return [b for b in self.blocks if b.role == "heading" and (level is None or b.level == level)]

    def block_at(self, line: int) -> Block | None:
        """The block that contains raw ``line`` (1-based), or ``None`` for blank lines."""
        if not 1 <= line <= len(self.lines):
            raise ValueError(f"{self.path}: line {line} outside 1..{len(self.lines)}")
        for block in self.blocks:
            if line in block.lines:
                return block
        return None
