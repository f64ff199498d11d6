"""Front matter: the cover title, the editorial board and the table of contents, before the body.

The table of contents also supplies the titles that body headings of levels 1 and 2 are matched against.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

from ._draft import Draft, RawLines
from .roles import LABEL_WORDS, NUMBERS_ONLY

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


@dataclass
class FrontMatter:
    """What comes before the body, and what the body's headings are matched against.

    Attributes
    ----------
    drafts : list of Draft
        Cover title, editorial board and TOC entries, in file order (all in chapter 0).
    report_title : str
        The cover title's lines joined (empty without an editorial board); running headers repeat it.
    body_start : int
        1-based raw line where the body begins.
    chapter_titles : dict of int to str
        The :data:`CHAPTER_TITLES` that the TOC lists.
    section_titles : set of str
        The other TOC entries: section titles.
    """

    drafts: list[Draft]
    report_title: str
    body_start: int
    chapter_titles: dict[int, str]
    section_titles: set[str]


def read_front_matter(raw: RawLines) -> FrontMatter:
    """Split off the cover, the editorial board and the table of contents (each optional)."""
    drafts, board_line, number = _cover_and_board(raw)
    report_title = "".join(raw.stripped(n) for n in range(1, board_line or 1))
    toc_lines, body_start = _table_of_contents(raw, number)
    drafts.extend(Draft("toc", [raw.piece(n)], chapter=0) for n in toc_lines)
    toc_text = "".join(raw.stripped(n) for n in toc_lines)
    chapter_titles = {k: t for k, t in CHAPTER_TITLES.items() if t in toc_text}
    section_titles = {
        raw.stripped(n) for n in toc_lines
        if not NUMBERS_ONLY.fullmatch(raw.stripped(n)) and raw.stripped(n) not in LABEL_WORDS
        and not any(raw.stripped(n) in title for title in CHAPTER_TITLES.values())
    }
    return FrontMatter(drafts, report_title, body_start, chapter_titles, section_titles)


def _cover_and_board(raw: RawLines) -> tuple[list[Draft], int | None, int]:
    """Drafts of the cover title and the editorial board, the board's line and the first line after it."""
    board_line = next((n for n in range(1, raw.count + 1) if raw.stripped(n) == EDITORIAL_BOARD_MARKER), None)
    if board_line is None:
        return [], None, 1
    drafts: list[Draft] = []
    cover = [p for n in range(1, board_line) if (p := raw.piece(n))]
    if cover:
        drafts.append(Draft("heading", cover, level=0, chapter=0))
    drafts.append(Draft("editorial_board", [raw.piece(board_line)], chapter=0))
    number = board_line + 1
    while number <= raw.count and (not raw.stripped(number) or EDITORIAL_COLUMN_GAP.search(raw.stripped(number))):
        if raw.stripped(number):
            drafts.append(Draft("editorial_board", [raw.piece(number)], chapter=0))
        number += 1
    return drafts, board_line, number


def _table_of_contents(raw: RawLines, start: int) -> tuple[list[int], int]:
    """Non-blank TOC lines from ``start`` and the first body line.

    The TOC is the run of short lines; without a 目录/CONTENTS label among them the text has no table of
    contents and everything from ``start`` is body.
    """
    number = start
    while number <= raw.count and len(raw.stripped(number)) <= TOC_MAX_LINE_CHARS:
        number += 1
    toc_lines = [n for n in range(start, number) if raw.stripped(n)]
    if not any(raw.stripped(n) in LABEL_WORDS for n in toc_lines):
        return [], start
    return toc_lines, number
