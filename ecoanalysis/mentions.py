"""Number mentions as a table: the engine's readings of a string or a Report, with provenance.

:func:`extract_mentions` is the one place that turns :mod:`ecoanalysis.engine` output into a pandas
DataFrame. For a :class:`~ecoanalysis.document.Report` each row carries its raw-file provenance (line,
column, block, chapter, sentence); for a plain string the line/column of the string and the sentence.
"""
from __future__ import annotations

from operator import attrgetter
from typing import Any

import numpy as np
import pandas as pd

from .engine import SENTENCE_END, Draft, scan
from ._text import LineIndex
from .engine.scanner import cyclic_gc_paused

__all__ = ["MENTION_COLUMNS", "MENTION_DTYPES", "TEXT_MENTION_COLUMNS", "extract_mentions"]

#: Output columns in order with their pandas dtypes. Nullable dtypes throughout so that an empty result
#: has the same schema as a full one. For strings only the span columns are filled; the provenance
#: columns (line .. sentence) are for a Report.
MENTION_DTYPES: dict[str, str] = {
    "surface": "string",
    "char_start": "Int64",
    "char_end": "Int64",
    "line": "Int64",
    "col_start": "Int64",
    "line_end": "Int64",
    "col_end": "Int64",
    "block": "Int64",
    "block_role": "string",
    "chapter": "Int64",
    "sentence": "string",
    "value": "Float64",
    "value_high": "Float64",
    "month": "Int64",
    "month_high": "Int64",
    "unit": "string",
    "currency": "string",
    "unit_symbol": "string",
    "counter": "string",
    "bound": "string",
    "qualifier": "string",
    "pair_id": "Int64",
    "role": "string",
    "footnote": "Int64",
    "source_footnote": "Int64",
    "name_like": "boolean",
}

#: Ordered column names of :func:`extract_mentions`.
MENTION_COLUMNS: tuple[str, ...] = tuple(MENTION_DTYPES)

#: Columns that only a Report has (a plain string has no blocks or chapters).
REPORT_ONLY_COLUMNS: tuple[str, ...] = ("block", "block_role", "chapter")

#: Ordered column names of :func:`extract_mentions` for a plain string.
TEXT_MENTION_COLUMNS: tuple[str, ...] = tuple(c for c in MENTION_COLUMNS if c not in REPORT_ONLY_COLUMNS)


def extract_mentions(source: Any, *, year: int | None = None) -> pd.DataFrame:
    """One row per number mention, in order of appearance.

    Parameters
    ----------
    source : str or Report
        Any text, or the :class:`~ecoanalysis.document.Report` from ``load_report()`` (anything with
        ``raw_text`` and ``blocks`` whose items have ``text``, ``offsets``, ``id``, ``role``, ``chapter`` and
        ``footnote_refs``). For a Report every block is scanned and raw provenance is added.
    year : int, optional
        Year that resolves relative dates such as 今年 3 月. Defaults to ``source.year`` for a Report
        and to unknown (value NA, month kept) for a string.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`MENTION_COLUMNS` with dtypes :data:`MENTION_DTYPES` for a Report,
        :data:`TEXT_MENTION_COLUMNS` for a string (no block, block_role, chapter; 1-based ``line``,
        0-based columns, the sentence around each mention). For a string
        ``text[char_start:char_end] == surface``; for a Report the offsets point into ``raw_text``
        (first character .. last character + 1; the raw slice may contain the line breaks the block
        text reflowed away).
    """
    if isinstance(source, str):
        with cyclic_gc_paused():
            return _extract_text(source, year=year)
    if hasattr(source, "blocks") and hasattr(source, "raw_text"):
        with cyclic_gc_paused():
            return _extract_report(source, year=year)
    raise TypeError(f"extract_mentions expects a str or a Report, got {type(source).__name__}")


# --------------------------------------------------------------------------------------------------
# Rows and frames
# --------------------------------------------------------------------------------------------------


#: Provenance columns (line .. sentence, in MENTION_COLUMNS order): what a Report adds to the draft columns.
_PROVENANCE_COLUMNS: tuple[str, ...] = (
    MENTION_COLUMNS[MENTION_COLUMNS.index("line"):MENTION_COLUMNS.index("sentence") + 1]
)
#: Columns copied from a Draft attribute of the same name, each fetched for every draft in one C-level map.
_DRAFT_ATTRIBUTE_COLUMNS: tuple[str, ...] = (
    "value", "value_high", "month", "month_high", "unit", "currency", "unit_symbol", "counter", "bound",
    "pair_id", "role", "footnote", "name_like",
)
#: One getter per column (one map each is faster than one getter of every attribute and a transposing zip).
_DRAFT_GETTERS: tuple[tuple[str, attrgetter], ...] = tuple((name, attrgetter(name)) for name in _DRAFT_ATTRIBUTE_COLUMNS)
#: What the other columns are computed from (span, qualifiers, source footnote).
_START, _END, _QUALIFIERS, _SOURCE_FOOTNOTE = map(attrgetter, ("start", "end", "qualifiers", "source_footnote"))


def _draft_columns(text: str, drafts: list[Draft]) -> tuple[dict[str, list], list[int], list[int]]:
    """The columns read off finalised drafts (surface, value .. name_like; no offsets, no provenance), and the
    drafts' starts and ends (fresh lists)."""
    starts, ends = list(map(_START, drafts)), list(map(_END, drafts))
    columns: dict[str, list] = {"surface": [text[start:end] for start, end in zip(starts, ends)]}
    columns.update((name, list(map(getter, drafts))) for name, getter in _DRAFT_GETTERS)
    columns["qualifier"] = [" ".join(words) or None for words in map(_QUALIFIERS, drafts)]
    columns["source_footnote"] = [
        footnote if source is None else source for footnote, source in zip(columns["footnote"], map(_SOURCE_FOOTNOTE, drafts))
    ]
    return columns, starts, ends


# Column builders. They give exactly what pd.array(values, dtype=...) gives (None -> <NA>, NaN -> <NA> for
# floats, masked slots filled as pd.array fills them) but build the numpy data and mask directly: about
# twice as fast as pd.array's type inference over a list of Python objects, which was a tenth of the time.


def _objects(values: list) -> np.ndarray:
    """``values`` as a one-dimensional object array, element for element. np.array(values, dtype=object) gives
    the same but first asks every element whether it is a sequence, which is slow for None."""
    return np.fromiter(values, dtype=object, count=len(values))


def _int_array(values: Any) -> pd.api.extensions.ExtensionArray:
    size = len(values)
    if isinstance(values, np.ndarray):  # computed columns (line, col_start ...): int64, none missing
        return pd.arrays.IntegerArray(values, np.zeros(size, dtype=bool))
    missing = values.count(None)
    if missing == 0:
        return pd.arrays.IntegerArray(np.array(values, dtype=np.int64), np.zeros(size, dtype=bool))
    if missing == size:  # the provenance columns of a plain string
        return pd.arrays.IntegerArray(np.ones(size, dtype=np.int64), np.ones(size, dtype=bool))
    data = _objects(values)
    mask = np.equal(data, None)  # element by element: only None equals None
    data[mask] = 1
    return pd.arrays.IntegerArray(data.astype(np.int64), mask)


def _float_array(values: list) -> pd.api.extensions.ExtensionArray:
    data = np.array(values, dtype=np.float64)  # None becomes NaN
    return pd.arrays.FloatingArray(data, np.isnan(data))


def _bool_array(values: list) -> pd.api.extensions.ExtensionArray:
    return pd.arrays.BooleanArray(np.array(values, dtype=bool), np.zeros(len(values), dtype=bool))


def _string_array(values: list) -> pd.api.extensions.ExtensionArray:
    if values and values[0] is None and values.count(None) == len(values):  # (count compares every string with None)
        # All missing (block_role, sentence of a plain string): repeat one NA, ten times faster than
        # pd.array's check of every None, and the dtype is whatever pd.array gives for "string".
        return pd.array([None], dtype="string").take(np.zeros(len(values), dtype=np.intp))
    dtype = pd.api.types.pandas_dtype("string")  # what pd.array gives for "string", as pandas is set now
    if dtype.storage == "python":
        # the array pd.array builds (its None read as <NA>), but validated in one pass instead of copied by
        # ensure_string_array first: a third of the time for columns that are mostly None
        return pd.arrays.StringArray(_objects(values), dtype=dtype)
    return pd.array(_objects(values), dtype=dtype)


_COLUMN_BUILDERS = {"Int64": _int_array, "Float64": _float_array, "boolean": _bool_array, "string": _string_array}


def _frame(columns: dict[str, Any], names: tuple[str, ...] = MENTION_COLUMNS) -> pd.DataFrame:
    """The mentions frame with columns ``names`` from their values (lists, or int64 arrays), each built in one call."""
    arrays = {name: _COLUMN_BUILDERS[MENTION_DTYPES[name]](columns[name]) for name in names}
    return pd.DataFrame(arrays, copy=False)  # the arrays are fresh: no need to copy them again


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (from the previous 。！？； or block start to the next, inclusive) holding a span."""
    left = start
    while left > 0 and text[left - 1] not in SENTENCE_END:
        left -= 1
    right = end
    while right < len(text) and text[right] not in SENTENCE_END:
        right += 1
    if right < len(text):
        right += 1
    return text[left:right].strip()


def _extract_report(report: Any, *, year: int | None) -> pd.DataFrame:
    """Scan every block of a Report and add raw provenance."""
    if year is None:
        year = getattr(report, "year", None)
    columns: dict[str, list] = {name: [] for name in MENTION_COLUMNS}
    pair_base = 0
    for block in report.blocks:
        text: str = block.text
        if not text:
            continue
        drafts = scan(text, year=year, finalise=False)
        # Pair ids are numbered per block by _scan; make them unique across the report.
        block_pairs = {d.pair_id for d in drafts if d.pair_id is not None}
        for draft in drafts:
            if draft.pair_id is not None:
                draft.pair_id += pair_base
        pair_base += len(block_pairs)
        _attach_footnote_refs(text, drafts, getattr(block, "footnote_refs", ()) or ())
        for draft in drafts:
            draft.finalise()
            span = block.locate(draft.start, draft.end)  # the document model's one offset -> line/column map
            provenance = (  # _PROVENANCE_COLUMNS: line, col_start, line_end, col_end, block, block_role, chapter, sentence
                span.line_start, span.col_start, span.line_end, span.col_end, block.id, block.role, block.chapter,
                _sentence_around(text, draft.start, draft.end),
            )
            for name, value in zip(("char_start", "char_end", *_PROVENANCE_COLUMNS), (span.raw_start, span.raw_end, *provenance)):
                columns[name].append(value)
        for name, values in _draft_columns(text, drafts)[0].items():
            columns[name].extend(values)
    return _frame(columns)


def _attach_footnote_refs(text: str, drafts: list[Draft], refs: Any) -> None:
    """Link removed footnote markers to mentions.

    ``footnote`` is the marker glued right after a mention (27%3). ``source_footnote`` is the footnote that
    sources a mention: a marker covers every mention of its sentence written before it and after any earlier
    marker, because the report puts one marker at the end of the clause it cites (in "B 轮及以上融资笔数占总笔数的
    62.3%，较上一年增长 40% 以上 4" footnote 4, 数据来源：中国信息通信研究院, sources the 62.3 % too).
    """
    covered_until = 0
    for ref in sorted(refs, key=lambda ref: ref.offset):
        offset = ref.offset
        for draft in reversed(drafts):
            if draft.end <= offset:
                if not text[draft.end:offset].strip():
                    draft.footnote = ref.number
                break
        for draft in drafts:
            in_reach = covered_until <= draft.start and draft.end <= offset
            if in_reach and not any(char in SENTENCE_END for char in text[draft.end:offset]):
                draft.source_footnote = ref.number
        covered_until = offset


#: Code points of the sentence terminators, compared with a whole text at once.
_SENTENCE_END_POINTS: tuple[int, ...] = tuple(sorted(ord(char) for char in SENTENCE_END))


def _code_points(text: str) -> np.ndarray:
    """The text as one uint32 code point per character (lone surrogates kept as they are)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _sentences(text: str, points: np.ndarray, starts: list[int]) -> list[str]:
    """The sentence around each start: from after the previous terminator (。！？； ...) to the next one,
    inclusive, stripped; found by one searchsorted over the terminators, each sentence built once for the
    mentions in it that follow each other."""
    is_end = points == _SENTENCE_END_POINTS[0]
    for point in _SENTENCE_END_POINTS[1:]:
        is_end |= points == point
    ends = np.flatnonzero(is_end)
    ends += 1
    bounds = [0, *ends.tolist(), len(text)]  # sentence i runs from bounds[i] to bounds[i + 1]
    sentences: list[str] = []
    previous, sentence = -1, ""
    for index in np.searchsorted(ends, starts, side="right").tolist():
        if index != previous:
            previous, sentence = index, text[bounds[index]:bounds[index + 1]].strip()
        sentences.append(sentence)
    return sentences


def _extract_text(text: str, *, year: int | None) -> pd.DataFrame:
    """Mentions of a plain string: line/column of the string and the sentence, no block columns."""
    return _text_table(text, scan(text, year=year))


def _text_table(text: str, drafts: list[Draft]) -> pd.DataFrame:
    """The mentions table of a plain string from its finalised drafts."""
    points = _code_points(text)
    columns, starts, ends = _draft_columns(text, drafts)
    columns["char_start"], columns["char_end"] = starts, ends
    columns.update(LineIndex.spans_of_code_points(points, starts, ends))
    columns["sentence"] = _sentences(text, points, columns["char_start"])
    return _frame(columns, TEXT_MENTION_COLUMNS)
