"""The report as a structured document: blocks with roles, an exact offset map, footnotes and table 1.

The raw text is what a PDF extractor produced from the published report, so reading order and line
structure are only approximately right (see the sidecar's ``extraction_caveats``). This module turns it
into :class:`Block` objects without inventing or dropping any character: every character of every
``Block.text`` maps back to ``Report.raw_text`` through ``Block.offsets``.

Pipeline (all in :func:`load_report`)
-------------------------------------
1. Read the bytes, check UTF-8, emptiness and (``verify=True``) the checksum in the manifest.
2. Split into *regions*: the cover title (lines before ``编委会``), the editorial board (the ``编委会`` line
   and the following lines laid out in space-separated columns), the table of contents (everything after
   the board up to the first line longer than :data:`TOC_MAX_LINE_CHARS`), and the body.
3. Classify each non-blank body line (running header, page number, section label, caption, table header
   or row, footnote, figure text, heading or body). Headings of levels 1 and 2 are matched against titles
   taken from the table of contents; level-3 headings (subsections, case titles) by shape.
4. Reflow body lines into paragraphs (rules in :func:`_build_paragraphs`), including paragraphs that a page
   or column break interrupted with unrelated lines. A short unpunctuated line is a level-3 heading
   unless it is about as wide as an unfinished body line before it or the line after it
   (:func:`_continues_running_text`), which keeps narrow text boxes and intros together.
5. Remove footnote markers from paragraphs and link them to the footnotes; parse table 1.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from . import config
from ._provenance import RawDataChanged, read_manifest, verify_file
from ._text import LineIndex, display_width

__all__ = [
    "ROLES",
    "CHAPTER_TITLES",
    "Block",
    "Footnote",
    "FootnoteRef",
    "PlatformRow",
    "Report",
    "ReportFormatError",
    "Span",
    "load_report",
]

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

#: Chapter titles as printed. The TOC lists them but its layout is scrambled (numbers, page numbers and
#: titles are extracted in unrelated orders, some titles split over two lines), so the numbering cannot be
#: read off the TOC reliably; load_report checks that every title occurs in the TOC text and in the body.
#: Chapter 0 is the preface (序言/前言), whose title is 产业智能化是智能经济发展的主引擎.
CHAPTER_TITLES: Mapping[int, str] = MappingProxyType({
    0: "产业智能化是智能经济发展的主引擎",
    1: "以生态系统构建加速产业智能化发展",
    2: "新型平台企业作为生态重要力量将发挥倍增效应",
    3: "百度加速构建产业智能化生态共同体",
    4: "百度产业智能化生态共同体的运行模式及实践",
    5: "产业智能化生态构建的政策建议",
})

#: First line of the editorial board; everything before it is the cover title.
EDITORIAL_BOARD_MARKER = "编委会"
#: Editorial-board lines are laid out in columns separated by runs of spaces.
EDITORIAL_COLUMN_GAP = re.compile(r"\S\s{3,}\S")
#: TOC entries are short; the first longer line is the start of the body (the foreword).
TOC_MAX_LINE_CHARS = 30
#: Words that label a page or part rather than head it (printed next to the preface text).
LABEL_WORDS = frozenset({"前言", "序言", "目录", "CONTENTS"})

#: A line holding only page numbers ("12", "07 08") or a section label ("01").
NUMBERS_ONLY = re.compile(r"\d{1,3}(?:\s+\d{1,3})*")
#: Section labels are single zero-padded numbers printed right after a section heading.
SECTION_LABEL = re.compile(r"0[1-9]")
#: Figure and table captions: 图 1：… / 表 1：…
CAPTION = re.compile(r"[图表]\s*\d+\s*[：:]")
#: Header of table 1.
TABLE_HEADER = re.compile(r"序号\s+\S")
#: A table row starts with its row number.
TABLE_ROW = re.compile(r"\d{1,2}\s+\S")
#: Rows of table 1: 1 依托百度公司建设自动驾驶国家新一代人工智能开放创新平台.
PLATFORM_ROW = re.compile(r"(?P<number>\d{1,2})\s+依托\s*(?P<host>.+?)\s*建设\s*(?P<name>(?P<domain>.+?)" + r"国家新一代人工智能开放创新平台)")
#: Footnotes in this report are source citations "N title，publisher，YYYY 年 M 月" or "N 数据来源：X".
#: Requiring the citation shape keeps body lines that happen to start with a digit out.
FOOTNOTE_LINE = re.compile(r"(?P<number>[1-9])\s+(?P<text>(?:.+，\s*\d{4}\s*年\s*\d{1,2}\s*月)|(?:数据来源\s*[：:].+))")
#: Date at the end of a citation footnote.
FOOTNOTE_DATE = re.compile(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月$")
#: "数据来源：publisher" footnotes.
FOOTNOTE_DATA_SOURCE = re.compile(r"数据来源\s*[：:]\s*(?P<publisher>.+)")
#: A footnote marker candidate: one digit right before punctuation (or the end of the block). Whether it is
#: really a marker is decided by what precedes it (see _is_marker_context): "形态 1。", "27%3。", "以上 4，".
FOOTNOTE_MARKER = re.compile(r"(?P<space> ?)(?P<number>[1-9])(?=[。，；：！？、,;:]|$)")

#: Sentence-final punctuation: a body line ending in one of these closes its paragraph.
PARAGRAPH_FINAL = "。！？：!?"
#: Punctuation a heading never ends with (a line ending in it is running text).
NON_HEADING_END = "。，、；：！？,;:!?"
#: Bold lead-in labels start a paragraph: "共创共治  生态系统具有…" (2-8 CJK chars, then 2+ spaces).
LEAD_IN = re.compile(r"[\u4e00-\u9fff]{2,8}\s{2,}\S")
#: Enumerations start a paragraph: 一是…, 二是…, 一方面…, 另一方面….
LIST_OPENER = re.compile(r"(?:[一二三四五六七八九十]是|一方面|另一方面)")
#: Level-3 headings are at most this wide (display width, CJK = 2); a full body line is ~100-112.
HEADING_MAX_WIDTH = 90
#: Figure labels extracted one or two characters per line (资/本/支/持, AI).
FIGURE_TEXT_MAX_CHARS = 2
#: A paragraph interrupted by unrelated lines continues on a line at least this fraction as wide as its
#: last line (text boxes such as the 概述 boxes are narrower, ~90 vs ~106, and must not be pulled in).
CONTINUATION_MIN_WIDTH_RATIO = 0.9
#: An interrupted paragraph only continues within this many raw lines (the longest gap in the report is
#: line 438 -> 468).
CONTINUATION_MAX_GAP = 40

#: Neighbouring lines of one paragraph are at most this many raw lines apart (text, blank, text).
NEIGHBOUR_MAX_DISTANCE = 2
#: ... and at least this fraction as wide as each other (a heading is much narrower than body text).
NEIGHBOUR_WIDTH_RATIO = 0.8
#: Narrow paragraphs (the chapter 3 intro at lines 421-427 is 84 wide) are wider than any two stacked
#: headings (e.g. 持续提升协同创新能力 / 加快推进应用场景拓展 at lines 994/996, width 20).
NARROW_PARAGRAPH_MIN_WIDTH = 60

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


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


# --------------------------------------------------------------------------------------------------
# Reading and verification


def load_report(path: str | Path | None = None, *, verify: bool = True) -> Report:
    """Read the report text and return it as a structured :class:`Report`.

    Parameters
    ----------
    path : str or Path, optional
        Defaults to ``config.REPORT_PATH``.
    verify : bool
        Check the file against ``data/raw/MANIFEST.sha256``. If the file's name is listed there, its hash
        must match that entry; otherwise (e.g. a copy under another name) its hash must match the
        manifest entry of the report itself. Pass ``verify=False`` to read any other text, such as an
        edited copy.

    Raises
    ------
    ReportFormatError
        The file is empty or not UTF-8 (the message names the file and the byte offset).
    RawDataChanged
        ``verify=True`` and the checksum differs from the manifest (the message names both hashes).
    FileNotFoundError
        The file does not exist.
    """
    if path is None:
        config.require_data()
    path = Path(config.REPORT_PATH if path is None else path)
    data = path.read_bytes()
    if not data.strip():
        raise ReportFormatError(f"{path}: file is empty ({len(data)} bytes, no text); expected the report text")
    try:
        raw_text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ReportFormatError(
            f"{path}: not UTF-8 at byte offset {error.start} (byte 0x{data[error.start]:02x}: {error.reason}); "
            "the report text must be UTF-8"
        ) from None
    sha256 = hashlib.sha256(data).hexdigest()
    if verify:
        _verify_checksum(path, sha256)
    return _parse(path, sha256, raw_text)


def _verify_checksum(path: Path, actual: str, manifest: Path = config.MANIFEST_PATH) -> None:
    # A copy under another name is fine if it is byte-identical to the recorded report.
    listed = path.name if manifest.is_file() and path.name in read_manifest(manifest) else config.REPORT_PATH.name
    verify_file(path, manifest, listed_as=listed, actual=actual)


# --------------------------------------------------------------------------------------------------
# Parsing


@dataclass
class _Piece:
    """Raw characters ``raw_text[start:end]`` (one stripped line or part of one) from 1-based ``line``."""

    line: int
    start: int
    end: int


@dataclass
class _Draft:
    """A block under construction."""

    role: str
    pieces: list[_Piece]
    level: int | None = None
    chapter: int | None = None

    @property
    def first_line(self) -> int:
        return self.pieces[0].line


def _strip_piece(raw_text: str, line: int, start: int, end: int) -> _Piece | None:
    """The stripped part of ``raw_text[start:end]``, or None if it is blank."""
    segment = raw_text[start:end]
    stripped = segment.strip()
    if not stripped:
        return None
    lead = len(segment) - len(segment.lstrip())
    return _Piece(line, start + lead, start + lead + len(stripped))


def _reflow(raw_text: str, pieces: list[_Piece]) -> tuple[str, list[int]]:
    """Join pieces by the reflow rule and return the text and its offset map."""
    chars: list[str] = []
    offsets: list[int] = []
    for piece in pieces:
        if chars and _is_ascii_alnum(chars[-1]) and _is_ascii_alnum(raw_text[piece.start]):
            # Two ASCII words from different lines would fuse ("AI" + "Studio"); the space maps to the
            # raw whitespace right after the first word so offsets stay monotonic within a piece run.
            chars.append(" ")
            offsets.append(offsets[-1] + 1)
        chars.extend(raw_text[piece.start:piece.end])
        offsets.extend(range(piece.start, piece.end))
    return "".join(chars), offsets


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _parse(path: Path, sha256: str, raw_text: str) -> Report:
    lines = raw_text.split("\n")
    line_index = LineIndex(raw_text)
    line_starts = line_index.starts

    def piece(number: int) -> _Piece | None:
        start = line_starts[number - 1]
        return _strip_piece(raw_text, number, start, start + len(lines[number - 1]))

    def stripped(number: int) -> str:
        return lines[number - 1].strip()

    count = len(lines)
    drafts: list[_Draft] = []

    # Regions -------------------------------------------------------------------------------------
    board_line = next((n for n in range(1, count + 1) if stripped(n) == EDITORIAL_BOARD_MARKER), None)
    number = 1
    if board_line is not None:
        cover = [p for n in range(1, board_line) if (p := piece(n))]
        if cover:
            drafts.append(_Draft("heading", cover, level=0, chapter=0))
        drafts.append(_Draft("editorial_board", [piece(board_line)], chapter=0))
        number = board_line + 1
        while number <= count and (not stripped(number) or EDITORIAL_COLUMN_GAP.search(stripped(number))):
            if stripped(number):
                drafts.append(_Draft("editorial_board", [piece(number)], chapter=0))
            number += 1
    report_title = "".join(stripped(n) for n in range(1, board_line or 1))

    toc_start = number
    while number <= count and len(stripped(number)) <= TOC_MAX_LINE_CHARS:
        number += 1
    toc_lines = [n for n in range(toc_start, number) if stripped(n)]
    if not any(stripped(n) in LABEL_WORDS for n in toc_lines):
        # No 目录/CONTENTS: this text has no table of contents; treat everything as body.
        toc_lines, number = [], toc_start
    for n in toc_lines:
        drafts.append(_Draft("toc", [piece(n)], chapter=0))
    body_start = number

    # Titles from the TOC: chapter titles are checked against it, other entries are section titles.
    toc_text = "".join(stripped(n) for n in toc_lines)
    chapter_titles = {k: t for k, t in CHAPTER_TITLES.items() if t in toc_text}
    section_titles = {
        stripped(n) for n in toc_lines
        if not NUMBERS_ONLY.fullmatch(stripped(n)) and stripped(n) not in LABEL_WORDS
        and not any(stripped(n) in title for title in CHAPTER_TITLES.values())
    }

    # Body lines ------------------------------------------------------------------------------------
    classified: list[_Draft] = []  # one draft per non-blank line (or heading / split line)
    in_table = False
    number = body_start
    while number <= count:
        text = stripped(number)
        if not text:
            number += 1
            continue
        line_piece = piece(number)
        previous = classified[-1] if classified else None
        role: str | None = None
        if report_title and text.replace(" ", "") == report_title * max(1, len(text.replace(" ", "")) // len(report_title)):
            role = "running_header"
        elif NUMBERS_ONLY.fullmatch(text):
            after_heading = previous is not None and (
                previous.role == "section_label" or (previous.role == "heading" and previous.level == 2)
            )
            role = "section_label" if SECTION_LABEL.fullmatch(text) and after_heading else "page_number"
        elif text in LABEL_WORDS:
            role = "section_label"
        elif CAPTION.match(text):
            role = "caption"
            in_table = False
        elif TABLE_HEADER.match(text):
            role = "table_header"
            in_table = True
        elif in_table and TABLE_ROW.match(text):
            role = "table_row"
        elif FOOTNOTE_LINE.fullmatch(text):
            role = "footnote"
        elif len(text) <= FIGURE_TEXT_MAX_CHARS:
            role = "figure_text"
        if role is not None:
            classified.append(_Draft(role, [line_piece]))
            number += 1
            continue

        title_match = _match_title(raw_text, lines, line_starts, number, chapter_titles, section_titles)
        if title_match is not None:
            title, level, heading_pieces, rest_piece, last_line = title_match
            chapter = next((k for k, t in chapter_titles.items() if t == title), None) if level == 1 else None
            classified.append(_Draft("heading", heading_pieces, level=level, chapter=chapter))
            if rest_piece is not None:
                classified.append(_Draft("body", [rest_piece]))
            number = last_line + 1
            continue

        if _looks_like_subheading(text) and not _continues_running_text(lines, number, previous):
            classified.append(_Draft("heading", [line_piece], level=3))
        else:
            classified.append(_Draft("body", [line_piece]))
        number += 1

    paragraphs = _build_paragraphs(raw_text, classified)

    # Chapters by position: a level-1 heading opens its chapter.
    current_chapter = 0
    for draft in paragraphs:
        if draft.role == "heading" and draft.level == 1 and draft.chapter is not None:
            current_chapter = draft.chapter
        draft.chapter = current_chapter
    drafts.extend(paragraphs)

    # Blocks, footnotes and table 1 ---------------------------------------------------------------
    footnotes = _parse_footnotes(raw_text, [d for d in drafts if d.role == "footnote"])
    blocks: list[Block] = []
    linked: set[int] = set()
    for block_id, draft in enumerate(drafts):
        text, offsets = _reflow(raw_text, draft.pieces)
        refs: list[FootnoteRef] = []
        if draft.role == "body":
            text, offsets, refs = _remove_footnote_markers(text, offsets, footnotes, linked, line_index)
        block_lines = tuple(dict.fromkeys(p.line for p in draft.pieces))
        blocks.append(Block(
            id=block_id, role=draft.role, text=text, lines=block_lines, offsets=tuple(offsets),
            level=draft.level if draft.role == "heading" else None, chapter=draft.chapter,
            footnote_refs=tuple(refs), _lines=line_index,
        ))

    platforms = tuple(
        PlatformRow(int(m["number"]), m["host"], m["domain"], m["name"], block.lines[0])
        for block in blocks if block.role == "table_row" and (m := PLATFORM_ROW.fullmatch(block.text))
    )
    chapters = {b.chapter: b.text for b in blocks if b.role == "heading" and b.level == 1}
    return Report(
        path=path, sha256=sha256, raw_text=raw_text, lines=tuple(lines), blocks=tuple(blocks),
        footnotes=MappingProxyType(footnotes), platforms=platforms, chapters=MappingProxyType(chapters),
    )


def _match_title(raw_text, lines, line_starts, number, chapter_titles, section_titles):
    """Match a TOC title starting at raw line ``number``, possibly continuing on the next raw line.

    Titles set in large type are split over two adjacent lines ("新型平台企业作为" / "生态重要力量…"), and
    the extractor sometimes glues the body's first line to the title's last line after a space
    ("加速产业智能化发展 产业智能化生态系统是由…"), so a title may end inside a line at a space.

    Returns
    -------
    tuple or None
        ``(title, level, heading pieces, rest-of-line piece or None, last raw line used)``.
    """
    candidates = [(t, 1) for t in chapter_titles.values()] + [(t, 2) for t in section_titles]
    first = lines[number - 1].strip()
    for title, level in sorted(candidates, key=lambda c: -len(c[0])):
        if not title.startswith(first[: len(title)]) or not first:
            continue
        start = line_starts[number - 1]
        if first == title:
            return title, level, [_strip_piece(raw_text, number, start, start + len(lines[number - 1]))], None, number
        if len(first) < len(title) and title.startswith(first) and number < len(lines):
            remainder = title[len(first):]
            second_raw = lines[number]  # the next raw line, no blank line in between
            second = second_raw.strip()
            next_start = line_starts[number]
            if second == remainder or (second.startswith(remainder) and second[len(remainder):][:1].isspace()):
                first_piece = _strip_piece(raw_text, number, start, start + len(lines[number - 1]))
                lead = len(second_raw) - len(second_raw.lstrip())
                title_end = next_start + lead + len(remainder)
                second_piece = _Piece(number + 1, next_start + lead, title_end)
                rest = _strip_piece(raw_text, number + 1, title_end, next_start + len(second_raw))
                return title, level, [first_piece, second_piece], rest, number + 1
    return None


def _looks_like_subheading(text: str) -> bool:
    """A level-3 heading: a short line that is not running text, a lead-in paragraph or a list item."""
    return (
        display_width(text) <= HEADING_MAX_WIDTH
        and text[-1] not in NON_HEADING_END
        and not LEAD_IN.match(text)
        and not LIST_OPENER.match(text)
        and not text[0].isdigit()
    )


def _continues_running_text(lines: list[str], number: int, previous: _Draft | None) -> bool:
    """Whether a short, unpunctuated line is really a line of a narrow paragraph (text box, intro).

    Lines of a narrow paragraph are as wide as their neighbours: either the body line just before
    (within :data:`NEIGHBOUR_MAX_DISTANCE` raw lines) is unfinished and about as wide, or the line after is
    about as wide and the line itself is too wide for a heading printed next to another heading.
    """
    width = display_width(lines[number - 1].strip())
    if previous is not None and previous.role == "body" and number - previous.pieces[-1].line <= NEIGHBOUR_MAX_DISTANCE:
        previous_text = lines[previous.pieces[-1].line - 1].strip()
        if previous_text[-1] not in PARAGRAPH_FINAL and width >= NEIGHBOUR_WIDTH_RATIO * display_width(previous_text):
            return True
    if width < NARROW_PARAGRAPH_MIN_WIDTH:
        return False
    following = [lines[n].strip() for n in range(number, min(number + NEIGHBOUR_MAX_DISTANCE, len(lines)))]
    following = [text for text in following if text]
    return bool(following) and abs(display_width(following[0]) - width) <= (1 - NEIGHBOUR_WIDTH_RATIO) * width


def _build_paragraphs(raw_text: str, classified: list[_Draft]) -> list[_Draft]:
    """Merge consecutive body lines into paragraphs; other drafts pass through unchanged.

    Rules, in order, for each body line:

    1. It starts a new paragraph if it opens with a lead-in label (``共创共治  …``) or an enumeration
       (``一是``, ``一方面``).
    2. It continues the current paragraph if that paragraph's last line came directly before it (only
       blank lines between) and did not end in sentence-final punctuation (。！？：).
    3. Otherwise it continues the most recent *interrupted* paragraph (one that was still open when a
       non-body line came), if that paragraph's last line is at most :data:`CONTINUATION_MAX_GAP` lines
       back and this line is at least :data:`CONTINUATION_MIN_WIDTH_RATIO` as wide as it or ends its
       sentence. This joins paragraphs split by page breaks, headings, captions, figure labels and even by
       a text box of narrower lines (515 -> 530 across the 概述 box at 523-529).
    4. Otherwise it starts a new paragraph.

    A leading space in the raw line is *not* used: it marks the first line of a page or column, which is
    as often a continuation (line 530) as a new paragraph.
    """
    output: list[_Draft] = []
    current: _Draft | None = None  # body paragraph whose last line is the latest body line seen
    interrupted: list[_Draft] = []  # open paragraphs cut off by a non-body line
    last_was_body = False

    def is_open(draft: _Draft) -> bool:
        last = draft.pieces[-1]
        return raw_text[last.end - 1] not in PARAGRAPH_FINAL

    for draft in classified:
        if draft.role != "body":
            if last_was_body and current is not None and is_open(current) and current not in interrupted:
                interrupted.append(current)
            output.append(draft)
            last_was_body = False
            continue
        line_piece = draft.pieces[0]
        text = raw_text[line_piece.start:line_piece.end]
        strong_start = bool(LEAD_IN.match(text) or LIST_OPENER.match(text))
        target: _Draft | None = None
        if not strong_start:
            if last_was_body and current is not None and is_open(current):
                target = current
            else:
                interrupted[:] = [p for p in interrupted if is_open(p) and line_piece.line - p.pieces[-1].line <= CONTINUATION_MAX_GAP]
                for candidate in reversed(interrupted):
                    last = candidate.pieces[-1]
                    wide_enough = display_width(text) >= CONTINUATION_MIN_WIDTH_RATIO * display_width(raw_text[last.start:last.end])
                    if wide_enough or text[-1] in PARAGRAPH_FINAL:
                        target = candidate
                        break
        if target is None:
            target = _Draft("body", [line_piece])
            output.append(target)
        else:
            target.pieces.append(line_piece)
            if target in interrupted and not is_open(target):
                interrupted.remove(target)
        current = target
        last_was_body = True
    return output


def _parse_footnotes(raw_text: str, drafts: list[_Draft]) -> dict[int, Footnote]:
    footnotes: dict[int, Footnote] = {}
    for draft in drafts:
        line_piece = draft.pieces[0]
        match = FOOTNOTE_LINE.fullmatch(raw_text[line_piece.start:line_piece.end])
        number, text = int(match["number"]), match["text"].strip()
        title = publisher = date = None
        if source := FOOTNOTE_DATA_SOURCE.fullmatch(text):
            publisher = source["publisher"].strip()
        else:
            *title_parts, publisher, date_text = [part.strip() for part in text.split("，")]
            title = "，".join(title_parts) or None
            when = FOOTNOTE_DATE.search(date_text)
            date = f"{int(when['year']):04d}-{int(when['month']):02d}"
        footnotes[number] = Footnote(number, text, line_piece.line, title, publisher, date)
    return footnotes


def _is_marker_context(text: str, space_start: int, has_space: bool) -> bool:
    """A marker is glued to a percentage ("27%3") or follows a CJK word after one space ("形态 1")."""
    if space_start == 0:
        return False
    before = text[space_start - 1]
    if before == "%":
        return True
    return has_space and bool(_CJK.match(before))


def _remove_footnote_markers(text, offsets, footnotes, linked, line_index):
    """Drop footnote markers (and the one space the PDF puts before some) from a body block.

    A marker is one digit that names an existing footnote not linked yet, sits right before punctuation
    or the end of the block and follows ``%`` or ``CJK-word + space`` (:func:`_is_marker_context`), so
    numbers such as ``提升到 95%，`` or ``加快 3 倍`` are never taken for markers.
    """
    refs: list[FootnoteRef] = []
    kept_text: list[str] = []
    kept_offsets: list[int] = []
    cursor = 0
    for match in FOOTNOTE_MARKER.finditer(text):
        number = int(match["number"])
        if number not in footnotes or number in linked:
            continue
        if not _is_marker_context(text, match.start(), bool(match["space"])):
            continue
        linked.add(number)
        kept_text.append(text[cursor:match.start()])
        kept_offsets.extend(offsets[cursor:match.start()])
        raw = offsets[match.start("number")]
        line, column = line_index.position(raw)
        refs.append(FootnoteRef(number, len("".join(kept_text)), line, column))
        cursor = match.end()
    if not refs:
        return text, offsets, refs
    kept_text.append(text[cursor:])
    kept_offsets.extend(offsets[cursor:])
    return "".join(kept_text), kept_offsets, refs
