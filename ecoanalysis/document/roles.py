"""What each body line is: running header, page number, label, caption, table line, footnote, figure text,
heading (levels 1 to 3) or body text.

Levels 1 and 2 are the titles the table of contents lists (a title may run over two raw lines, or have the
body's first line glued to it); level 3 is recognised by shape: a short line that is not running text.
"""
from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import NamedTuple

from .._text import display_width
from ._draft import Draft, Piece, RawLines, strip_piece
from .footnotes import FOOTNOTE_LINE
from .table import TABLE_HEADER, TABLE_ROW

#: Words that label a page or part rather than head it (printed next to the preface text).
LABEL_WORDS = frozenset({"前言", "序言", "目录", "CONTENTS"})

#: A line holding only page numbers ("12", "07 08") or a section label ("01").
NUMBERS_ONLY = re.compile(r"\d{1,3}(?:\s+\d{1,3})*")
#: Section labels are single zero-padded numbers printed right after a section heading.
SECTION_LABEL = re.compile(r"0[1-9]")
#: Figure and table captions: 图 1：… / 表 1：…
CAPTION = re.compile(r"[图表]\s*\d+\s*[：:]")

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

#: Neighbouring lines of one paragraph are at most this many raw lines apart (text, blank, text).
NEIGHBOUR_MAX_DISTANCE = 2
#: ... and at least this fraction as wide as each other (a heading is much narrower than body text).
NEIGHBOUR_WIDTH_RATIO = 0.8
#: Narrow paragraphs (the chapter 3 intro at lines 421-427 is 84 wide) are wider than any two stacked
#: headings (e.g. 持续提升协同创新能力 / 加快推进应用场景拓展 at lines 994/996, width 20).
NARROW_PARAGRAPH_MIN_WIDTH = 60


class TitleMatch(NamedTuple):
    """A TOC title found in the body: its pieces, the rest of its last line, and that line."""

    title: str
    level: int
    pieces: list[Piece]
    rest: Piece | None
    last_line: int


def classify_body(
    raw: RawLines,
    start: int,
    *,
    report_title: str,
    chapter_titles: Mapping[int, str],
    section_titles: Collection[str],
) -> list[Draft]:
    """One draft per non-blank body line from raw line ``start`` (a title over two lines is one draft).

    A line's shape decides first (:func:`_shape_role`); then a TOC title makes a heading of level 1 or 2;
    then a short unpunctuated line is a level-3 heading unless it continues running text; the rest is body.
    """
    classified: list[Draft] = []
    in_table = False
    number = start
    while number <= raw.count:
        text = raw.stripped(number)
        if not text:
            number += 1
            continue
        previous = classified[-1] if classified else None
        role, in_table = _shape_role(text, previous, report_title, in_table)
        if role is not None:
            classified.append(Draft(role, [raw.piece(number)]))
            number += 1
            continue
        title = _match_title(raw, number, chapter_titles, section_titles)
        if title is not None:
            chapter = next((k for k, t in chapter_titles.items() if t == title.title), None) if title.level == 1 else None
            classified.append(Draft("heading", title.pieces, level=title.level, chapter=chapter))
            if title.rest is not None:
                classified.append(Draft("body", [title.rest]))
            number = title.last_line + 1
            continue
        if _looks_like_subheading(text) and not _continues_running_text(raw.lines, number, previous):
            classified.append(Draft("heading", [raw.piece(number)], level=3))
        else:
            classified.append(Draft("body", [raw.piece(number)]))
        number += 1
    return classified


def _shape_role(text: str, previous: Draft | None, report_title: str, in_table: bool) -> tuple[str | None, bool]:
    """The role a stripped line has by its shape alone (None if it has none), and whether a table is open after it.

    A caption closes table 1 and its header opens it, so only lines in between can be table rows.
    """
    if _is_running_header(text, report_title):
        return "running_header", in_table
    if NUMBERS_ONLY.fullmatch(text):
        after_heading = previous is not None and (
            previous.role == "section_label" or (previous.role == "heading" and previous.level == 2)
        )
        return ("section_label" if SECTION_LABEL.fullmatch(text) and after_heading else "page_number"), in_table
    if text in LABEL_WORDS:
        return "section_label", in_table
    if CAPTION.match(text):
        return "caption", False
    if TABLE_HEADER.match(text):
        return "table_header", True
    if in_table and TABLE_ROW.match(text):
        return "table_row", in_table
    if FOOTNOTE_LINE.fullmatch(text):
        return "footnote", in_table
    if len(text) <= FIGURE_TEXT_MAX_CHARS:
        return "figure_text", in_table
    return None, in_table


def _is_running_header(text: str, report_title: str) -> bool:
    """The report title repeated at the top of a page, once or several times, spaces aside."""
    if not report_title:
        return False
    compact = text.replace(" ", "")
    return compact == report_title * max(1, len(compact) // len(report_title))


def _match_title(
    raw: RawLines, number: int, chapter_titles: Mapping[int, str], section_titles: Collection[str]
) -> TitleMatch | None:
    """Match a TOC title starting at raw line ``number``, possibly continuing on the next raw line.

    Titles set in large type are split over two adjacent lines ("新型平台企业作为" / "生态重要力量…"), and
    the extractor sometimes glues the body's first line to the title's last line after a space
    ("加速产业智能化发展 产业智能化生态系统是由…"), so a title may end inside a line at a space.
    """
    candidates = [(t, 1) for t in chapter_titles.values()] + [(t, 2) for t in section_titles]
    first = raw.stripped(number)
    for title, level in sorted(candidates, key=lambda c: -len(c[0])):
        if not title.startswith(first[: len(title)]) or not first:
            continue
        if first == title:
            return TitleMatch(title, level, [raw.piece(number)], None, number)
        if len(first) < len(title) and title.startswith(first) and number < raw.count:
            remainder = title[len(first):]
            second_raw = raw.lines[number]  # the next raw line, no blank line in between
            second = second_raw.strip()
            next_start = raw.starts[number]
            if second == remainder or (second.startswith(remainder) and second[len(remainder):][:1].isspace()):
                lead = len(second_raw) - len(second_raw.lstrip())
                title_end = next_start + lead + len(remainder)
                second_piece = Piece(number + 1, next_start + lead, title_end)
                rest = strip_piece(raw.text, number + 1, title_end, next_start + len(second_raw))
                return TitleMatch(title, level, [raw.piece(number), second_piece], rest, number + 1)
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


def _continues_running_text(lines: list[str], number: int, previous: Draft | None) -> bool:
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
