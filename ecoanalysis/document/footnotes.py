"""Footnotes: the citation lines at the foot of a page, and the markers in the body that point to them."""
from __future__ import annotations

import re
from collections.abc import Mapping

from .._text import LineIndex
from ._draft import Draft
from .model import Footnote, FootnoteRef

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

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def parse_footnotes(raw_text: str, drafts: list[Draft]) -> dict[int, Footnote]:
    """The footnotes of the footnote drafts, by number, with title, publisher and date where cited."""
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


def remove_footnote_markers(
    text: str, offsets: list[int], footnotes: Mapping[int, Footnote], linked: set[int], line_index: LineIndex
) -> tuple[str, list[int], list[FootnoteRef]]:
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
