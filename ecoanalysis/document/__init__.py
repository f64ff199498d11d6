"""The report as a structured document: blocks with roles, an exact offset map, footnotes and table 1.

The raw text is what a PDF extractor produced from the published report, so reading order and line
structure are only approximately right (see the sidecar's ``extraction_caveats``). This package turns it
into :class:`Block` objects without inventing or dropping any character: every character of every
``Block.text`` maps back to ``Report.raw_text`` through ``Block.offsets``.

Pipeline (all in :func:`load_report`, module :mod:`.load`)
---------------------------------------------------------
1. Read the bytes, check UTF-8, emptiness and (``verify=True``) the checksum in the manifest.
2. Split off the front matter (:mod:`.regions`): the cover title (lines before ``编委会``), the editorial
   board (the ``编委会`` line and the following lines laid out in space-separated columns), the table of
   contents (everything after the board up to the first line longer than ``TOC_MAX_LINE_CHARS``); the rest
   is the body.
3. Classify each non-blank body line (:mod:`.roles`: running header, page number, section label, caption,
   table header or row, footnote, figure text, heading or body). Headings of levels 1 and 2 are matched
   against titles taken from the table of contents; level-3 headings (subsections, case titles) by shape.
4. Reflow body lines into paragraphs (:mod:`.reflow`), including paragraphs that a page or column break
   interrupted with unrelated lines. A short unpunctuated line is a level-3 heading unless it is about as
   wide as an unfinished body line before it or the line after it, which keeps narrow text boxes and
   intros together.
5. Remove footnote markers from paragraphs and link them to the footnotes (:mod:`.footnotes`); parse
   table 1 (:mod:`.table`). The objects returned are in :mod:`.model`.
"""
from __future__ import annotations

from .footnotes import FOOTNOTE_DATA_SOURCE, FOOTNOTE_DATE, FOOTNOTE_LINE, FOOTNOTE_MARKER
from .load import load_report
from .model import ROLES, Block, Footnote, FootnoteRef, PlatformRow, Report, ReportFormatError, Span
from .reflow import CONTINUATION_MAX_GAP, CONTINUATION_MIN_WIDTH_RATIO
from .regions import CHAPTER_TITLES, EDITORIAL_BOARD_MARKER, EDITORIAL_COLUMN_GAP, TOC_MAX_LINE_CHARS
from .roles import (
    CAPTION,
    FIGURE_TEXT_MAX_CHARS,
    HEADING_MAX_WIDTH,
    LABEL_WORDS,
    LEAD_IN,
    LIST_OPENER,
    NARROW_PARAGRAPH_MIN_WIDTH,
    NEIGHBOUR_MAX_DISTANCE,
    NEIGHBOUR_WIDTH_RATIO,
    NON_HEADING_END,
    NUMBERS_ONLY,
    PARAGRAPH_FINAL,
    SECTION_LABEL,
)
from .table import PLATFORM_ROW, TABLE_HEADER, TABLE_ROW

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
