"""Reflow: body lines into paragraphs (also across page and column breaks), pieces into text with an offset map."""
from __future__ import annotations

from .._text import display_width
from ._draft import Draft, Piece
from .roles import LEAD_IN, LIST_OPENER, PARAGRAPH_FINAL

#: A paragraph interrupted by unrelated lines continues on a line at least this fraction as wide as its
#: last line (text boxes such as the 概述 boxes are narrower, ~90 vs ~106, and must not be pulled in).
CONTINUATION_MIN_WIDTH_RATIO = 0.9
#: An interrupted paragraph only continues within this many raw lines (the longest gap in the report is
#: line 438 -> 468).
CONTINUATION_MAX_GAP = 40


def join_pieces(raw_text: str, pieces: list[Piece]) -> tuple[str, list[int]]:
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


def build_paragraphs(raw_text: str, classified: list[Draft]) -> list[Draft]:
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
    output: list[Draft] = []
    current: Draft | None = None  # body paragraph whose last line is the latest body line seen
    interrupted: list[Draft] = []  # open paragraphs cut off by a non-body line
    last_was_body = False
    for draft in classified:
        if draft.role != "body":
            if last_was_body and current is not None and _is_open(raw_text, current) and current not in interrupted:
                interrupted.append(current)
            output.append(draft)
            last_was_body = False
            continue
        line_piece = draft.pieces[0]
        text = raw_text[line_piece.start:line_piece.end]
        target: Draft | None = None
        if not (LEAD_IN.match(text) or LIST_OPENER.match(text)):
            if last_was_body and current is not None and _is_open(raw_text, current):
                target = current
            else:
                interrupted[:] = [
                    p for p in interrupted
                    if _is_open(raw_text, p) and line_piece.line - p.pieces[-1].line <= CONTINUATION_MAX_GAP
                ]
                target = _resumed_paragraph(raw_text, interrupted, text)
        if target is None:
            target = Draft("body", [line_piece])
            output.append(target)
        else:
            target.pieces.append(line_piece)
            if target in interrupted and not _is_open(raw_text, target):
                interrupted.remove(target)
        current = target
        last_was_body = True
    return output


def _is_open(raw_text: str, draft: Draft) -> bool:
    """The paragraph's last line does not end its sentence."""
    return raw_text[draft.pieces[-1].end - 1] not in PARAGRAPH_FINAL


def _resumed_paragraph(raw_text: str, interrupted: list[Draft], text: str) -> Draft | None:
    """The most recent interrupted paragraph that the body line ``text`` continues (rule 3), if any."""
    for candidate in reversed(interrupted):
        last = candidate.pieces[-1]
        wide_enough = display_width(text) >= CONTINUATION_MIN_WIDTH_RATIO * display_width(raw_text[last.start:last.end])
        if wide_enough or text[-1] in PARAGRAPH_FINAL:
            return candidate
    return None
