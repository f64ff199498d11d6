"""The shared small helpers (ecoanalysis._text): one copy each, checked against independent computations."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from ecoanalysis import _text, config, document
from ecoanalysis.coding import codebook
from ecoanalysis.dataset import writers


def test_line_index_agrees_with_the_raw_lines_of_the_report(raw_lines):
    index = _text.LineIndex(config.REPORT_PATH.read_text(encoding="utf-8"))
    offset = 0
    for number, line in enumerate(raw_lines, start=1):
        assert index.position(offset) == (number, 0)
        if line:
            assert index.position(offset + len(line) - 1) == (number, len(line) - 1)
        offset += len(line) + 1


def test_line_index_of_code_points_finds_the_same_line_starts():
    import numpy as np

    for text in ("", "ab", "ab\n", "\n\nx\n320\n万人\n", config.REPORT_PATH.read_text(encoding="utf-8")):
        points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        assert _text.LineIndex.of_code_points(points).starts == _text.LineIndex(text).starts


def test_a_span_across_a_line_break_ends_on_its_last_character():
    index = _text.LineIndex("ab\n320\n万人")
    assert index.span(3, 8) == (2, 0, 3, 1)  # "320\n万": ends after 万 on line 3
    assert index.span(3, 6) == (2, 0, 2, 3)


def test_display_width_counts_wide_characters_twice():
    assert _text.display_width("飞桨 320 万") == 2 * 3 + 5
    assert _text.display_width("ＡＩ") == 4 and _text.display_width("AI") == 2


def test_one_number_format_everywhere_missing_is_blank():
    for missing in (None, math.nan, pd.NA, float("nan")):
        assert _text.format_number(missing) == ""
    assert _text.format_number(3_200_000.0) == "3200000" and _text.format_number(62.3) == "62.3"
    assert _text.format_number(1e15 - 1) == "999999999999999" and float(_text.format_number(1e15)) == 1e15 and float(_text.format_number(2.5e20)) == 2.5e20
    # The formatter used for CSV cells, codebook templates and messages is this one, not a copy.
    assert writers.format_number is _text.format_number and codebook.format_number is _text.format_number
    assert not hasattr(codebook, "_format_number") and not hasattr(writers, "_display_width")
    assert not hasattr(document, "_display_width")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("超过 610 万".encode("utf-16"), "超过 610 万"),
        ("\ufeff超过".encode("utf-16-be"), "超过"),
        ("超过".encode("utf-32"), "超过"),
        (b"\xef\xbb\xbf" + "超过".encode("utf-8"), "超过"),
    ],
)
def test_a_byte_order_mark_chooses_the_encoding(data, expected):
    assert _text.decode_text(data, "f.txt") == expected


def test_decode_errors_name_the_file_offset_and_line():
    with pytest.raises(_text.TextDecodeError, match=r"f.txt: not valid UTF-8 at byte offset 5 \(line 2\)"):
        _text.decode_text(b"ab\ncd\xfe", "f.txt")
    with pytest.raises(_text.TextDecodeError, match=r"f.txt: not valid UTF-16 at byte offset 4"):
        _text.decode_text(b"\xff\xfea\x00\x00\xd8", "f.txt")
    with pytest.raises(_text.TextDecodeError, match="NUL byte at byte offset 1"):
        _text.decode_text(b"a\x00b", "f.txt")


def test_line_index_spans_gives_every_span_as_columns():
    # 一0 二1 \n2 三3 四4 五5 \n6 \n7 六8: lines start at 0, 3, 7 and 8
    columns = _text.LineIndex("一二\n三四五\n\n六").spans([0, 3, 4], [2, 6, 9])
    assert {name: values.tolist() for name, values in columns.items()} == {
        "line": [1, 2, 2], "col_start": [0, 0, 1], "line_end": [1, 2, 4], "col_end": [2, 3, 1],
    }
