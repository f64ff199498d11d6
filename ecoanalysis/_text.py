"""Small text helpers shared by every stage: decoding files, display width, raw line/column, numbers.

One copy of each: the document model, the codebook, the claims tables and the extract command all
import them from here, so a fix in one place reaches every caller.
"""
from __future__ import annotations

import math
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

#: Byte-order marks that say how a text file is encoded (UTF-32 first: its LE mark starts like UTF-16's).
BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

#: Byte that marks a file as binary: text without a UTF-16/32 byte-order mark never contains NUL.
NUL = b"\x00"

#: Largest magnitude below which an integral float is written as an integer (beyond it, repr is exact).
INTEGER_DISPLAY_LIMIT = 1e15


class TextDecodeError(ValueError):
    """A file is not text in a supported encoding; the message names the file, byte offset and line."""


def decode_text(data: bytes, source: str | Path, *, what: str = "the file") -> str:
    """Decode a text file's bytes: UTF-8, or UTF-16/UTF-32 when a byte-order mark says so.

    A leading byte-order mark is dropped. Without one, the file must be UTF-8 and free of NUL bytes.

    Parameters
    ----------
    data : bytes
        The file's content.
    source : str or Path
        The file, named in the messages.
    what : str
        What the file is, for the hint ("save the codebook as UTF-8").

    Raises
    ------
    TextDecodeError
        Naming the file, the byte offset and the line of the first undecodable byte, with a hint.
    """
    encoding, skip = "utf-8", 0
    for mark, name in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            encoding, skip = name, len(mark)
            break
    if skip == 0:
        nul_at = data.find(NUL)
        if nul_at >= 0:
            raise TextDecodeError(
                f"{source}: looks like a binary file (NUL byte at byte offset {nul_at}); expected UTF-8 text"
            )
    try:
        return data[skip:].decode(encoding)
    except UnicodeDecodeError as error:
        offset = skip + error.start
        line = data.count(b"\n", 0, offset) + 1 if encoding == "utf-8" else None
        where = f"byte offset {offset}" + (f" (line {line})" if line else "")
        raise TextDecodeError(
            f"{source}: not valid {encoding.upper().replace('-LE', '').replace('-BE', '')} at {where}: "
            f"{error.reason} (byte 0x{data[offset]:02x}); save {what} as UTF-8 "
            "(in a spreadsheet program: 'CSV UTF-8'; or iconv -f GB18030 -t UTF-8)"
        ) from None


def display_width(text: str) -> int:
    """Width of ``text`` in monospace cells (and spreadsheet character widths): wide CJK characters count two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


class LineIndex:
    """Maps 0-based character offsets of a text to 1-based lines and 0-based columns.

    Parameters
    ----------
    text : str
        The text; lines end at ``\\n``.
    """

    __slots__ = ("starts",)

    def __init__(self, text: str):
        starts = [0]
        position = text.find("\n")
        while position >= 0:
            starts.append(position + 1)
            position = text.find("\n", position + 1)
        self.starts: tuple[int, ...] = tuple(starts)

    @classmethod
    def of_code_points(cls, points: np.ndarray) -> LineIndex:
        """The index of the text whose code points are ``points`` (one uint32 per character): the same line
        starts as ``LineIndex(text)``, found in one numpy pass (for long texts with many lines)."""
        import numpy as np  # here, so that importing this module stays cheap

        index = cls.__new__(cls)
        index.starts = (0, *(np.flatnonzero(points == ord("\n")) + 1).tolist())
        return index

    @staticmethod
    def spans_of_code_points(points: np.ndarray, starts: Sequence[int], ends: Sequence[int]) -> dict[str, np.ndarray]:
        """``LineIndex.of_code_points(points).spans(starts, ends)``, the line starts kept in numpy (no tuple made
        and read back)."""
        import numpy as np  # here, so that importing this module stays cheap

        line_starts = np.flatnonzero(points == ord("\n"))
        line_starts += 1
        return _spans(np.concatenate(([0], line_starts)).astype(np.int64, copy=False), starts, ends)

    def line(self, offset: int) -> int:
        """1-based line of the character at ``offset``."""
        return bisect_right(self.starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        """``(line, column)`` of the character at ``offset``: 1-based line, 0-based column."""
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1]

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """``(line, col_start, line_end, col_end)`` of the half-open span ``[start, end)``.

        ``col_end`` is the column after the last character, on ``line_end`` (the line of ``end - 1``).
        """
        line, col_start = self.position(start)
        line_end, col_last = self.position(end - 1)
        return line, col_start, line_end, col_last + 1

    def spans(self, starts: Sequence[int], ends: Sequence[int]) -> dict[str, np.ndarray]:
        """:meth:`span` of every ``(start, end)`` pair, as int64 columns ``line``, ``col_start``, ``line_end``,
        ``col_end`` (one binary search per column, for the many mentions of a long text)."""
        import numpy as np  # here, so that importing this module stays cheap

        return _spans(np.asarray(self.starts, dtype=np.int64), starts, ends)


def _spans(line_starts: np.ndarray, starts: Sequence[int], ends: Sequence[int]) -> dict[str, np.ndarray]:
    """:meth:`LineIndex.spans` given the line starts as an int64 array."""
    import numpy as np  # here, so that importing this module stays cheap

    first, last = np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64) - 1
    line = np.searchsorted(line_starts, first, side="right").astype(np.int64)
    line_end = np.searchsorted(line_starts, last, side="right").astype(np.int64)
    return {
        "line": line, "col_start": first - line_starts[line - 1],
        "line_end": line_end, "col_end": last - line_starts[line_end - 1] + 1,
    }


def format_number(value: object) -> str:
    """Write a number exactly and briefly: ``""`` if missing, ``320`` if integral, else the shortest repr.

    The shortest round-trip representation (``repr``) is exact and identical on every platform, unlike
    ``%g`` formats, which either round or print noise digits. A missing value (``None``, ``nan``,
    ``pd.NA``) is the empty string everywhere: in CSV cells, in a codebook template and in messages,
    which say "no value" themselves where that reads better.
    """
    try:
        number = float(value)  # type: ignore[arg-type]
    except TypeError:
        return ""  # None or pd.NA
    if math.isnan(number):
        return ""
    if number.is_integer() and abs(number) < INTEGER_DISPLAY_LIMIT:
        return str(int(number))
    return repr(number)
