"""Chinese numeral parsing (ecoanalysis._numerals), checked against two independent formatters."""
from __future__ import annotations

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecoanalysis.engine.numerals import cn_to_number, parse_arabic, parse_chinese_integer, parse_chinese_wildcard

DIGITS = "零一二三四五六七八九"


def simple_chinese(n: int) -> str:
    """An independent, textbook formatter: 4-digit groups joined by 万/亿, 零 for skipped places."""
    if n == 0:
        return "零"

    def group(value: int) -> str:  # 0 < value < 10000
        out, zero = "", False
        for power, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            digit = value // power % 10
            if digit == 0:
                zero = bool(out)
                continue
            if zero:
                out += "零"
                zero = False
            out += DIGITS[digit] + unit
        return out

    groups = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    units = ["", "万", "亿", "万亿"]
    out = ""
    for index in range(len(groups) - 1, -1, -1):
        value = groups[index]
        if value == 0:
            if out and not out.endswith("零"):
                out += "零"
            continue
        if out and value < 1000 and not out.endswith("零"):
            out += "零"
        out += group(value) + units[index]
    return out.rstrip("零")


@pytest.mark.parametrize(
    ("numeral", "expected"),
    [
        ("零", 0), ("〇", 0), ("十", 10), ("十五", 15), ("二十", 20), ("一百零五", 105), ("两千零八", 2008),
        ("三千四百万", 34_000_000), ("十五万六千", 156_000), ("百万", 1_000_000), ("千万", 10_000_000),
        ("万", 10_000), ("亿", 100_000_000), ("一万亿", 10**12), ("三亿四千万", 340_000_000),
        ("二〇一九", 2019), ("一万五", 15_000), ("三千五", 3500), ("一万零五", 10_005),
        ("壹万贰仟叁佰肆拾伍", 12_345), ("玖佰", 900), ("两", 2), ("十四", 14), ("一万亿零一亿", 10**12 + 10**8),
        ("一亿亿", 10**16), ("十二万三千四百五十六亿七千八百九十万一千二百三十四", 12_345_678_901_234),
    ],
)
def test_parse_chinese_integer(numeral: str, expected: int) -> None:
    assert parse_chinese_integer(numeral) == expected


@pytest.mark.parametrize("numeral", ["", "abc", "一二万", "十x"])
def test_parse_chinese_integer_rejects(numeral: str) -> None:
    assert parse_chinese_integer(numeral) is None


@pytest.mark.parametrize(
    ("numeral", "expected"),
    [
        ("1.9亿", 1.9e8), ("1.9 亿", 1.9e8), ("12万", 120_000), ("4.2万亿", 4.2e12), ("2,500", 2500.0),
        ("２０１９", 2019.0), ("６２．３", 62.3), ("四点五", 4.5), ("一点九亿", 1.9e8), ("零点五", 0.5),
        ("三千四百万", 3.4e7), ("1 万", 10_000.0),
    ],
)
def test_cn_to_number(numeral: str, expected: float) -> None:
    assert cn_to_number(numeral) == pytest.approx(expected)


@pytest.mark.parametrize("numeral", ["", "四点", "1.9x", "点"])
def test_cn_to_number_rejects(numeral: str) -> None:
    assert cn_to_number(numeral) is None


def test_parse_arabic() -> None:
    assert parse_arabic("1,234.5") == 1234.5
    assert parse_arabic("x") is None


@pytest.mark.parametrize("n", [0, 7, 10, 11, 101, 1010, 10_001, 100_000_001, 10**12, 10**15 + 7, 2008])
def test_own_formatter_examples(n: int) -> None:
    assert parse_chinese_integer(simple_chinese(n)) == n


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_roundtrip_cn2an_oracle(n: int) -> None:
    assert parse_chinese_integer(cn2an.an2cn(n)) == n
    assert parse_chinese_integer(cn2an.an2cn(n, "up")) == n


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_roundtrip_own_formatter(n: int) -> None:
    assert parse_chinese_integer(simple_chinese(n)) == n


# 几 as a wildcard digit: (numeral, low, high); None where 几 is no digit.
WILDCARD_NUMERALS = [
    ("十几", 11, 19), ("二十几", 21, 29), ("几十", 20, 90), ("几百", 200, 900), ("几千", 2000, 9000),
    ("几百万", 2_000_000, 9_000_000), ("十几万", 110_000, 190_000), ("二十几万", 210_000, 290_000),
    ("几十几", 21, 99), ("一百几十", 110, 190), ("三百几", 310, 390), ("一万几", 11_000, 19_000),
]


@pytest.mark.parametrize(("numeral", "low", "high"), WILDCARD_NUMERALS)
def test_parse_chinese_wildcard(numeral: str, low: int, high: int) -> None:
    assert parse_chinese_wildcard(numeral) == (low, high)


@pytest.mark.parametrize("numeral", ["", "几", "一几", "几个", "十几个", "十五", "几" * 100])
def test_parse_chinese_wildcard_rejects(numeral: str) -> None:
    assert parse_chinese_wildcard(numeral) is None


@pytest.mark.parametrize("numeral", ["十几", "二十几", "几十", "几百万", "十几万", "一百几十"])
def test_wildcard_span_covers_every_digit(numeral: str) -> None:
    # every reading with 几 replaced by a digit it may stand for lies within (low, high), and both ends occur
    low, high = parse_chinese_wildcard(numeral)
    digits = "二三四五六七八九" if numeral.startswith("几") else "一二三四五六七八九"
    values = [parse_chinese_integer(numeral.replace("几", digit)) for digit in digits]
    assert min(values) == low and max(values) == high
