"""The quantity engine on strings: real report fragments, general cases, properties and hang guards."""
from __future__ import annotations

import dataclasses
import math
from concurrent.futures import ThreadPoolExecutor
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
import cn2an
from hypothesis import given, settings
from hypothesis import strategies as st

from ecoanalysis import Quantity, extract_mentions, parse_quantity
from ecoanalysis.config import REPORT_PATH
from ecoanalysis import engine
from ecoanalysis.engine.scanner import scan
from ecoanalysis.engine import BOUNDS, UNITS
from ecoanalysis.mentions import MENTION_COLUMNS, MENTION_DTYPES, TEXT_MENTION_COLUMNS

NA = None

# Reading cases (report fragments, general usage, bugs) are data in tests/cases/, run by test_cases.py.


def test_only_wan_and_yi_follow_an_infix_qualifier() -> None:
    # 20 多千人: 千 after 多 is not taken as a magnitude (only 万/亿 follow 余/多: 10 余万)
    assert extract_mentions("来了 20 多千人").iloc[0][["surface", "value", "bound"]].tolist() == ["20 多", 20, "gt"]


@pytest.mark.parametrize("text", ["几乎所有企业", "几何建模", "几个方面", "还有几家", "几"])
def test_wildcard_alone_is_no_number(text: str) -> None:
    assert extract_mentions(text).empty


def test_parse_quantity_reads_the_whole_wildcard_numeral() -> None:
    quantity = parse_quantity("十几个")
    assert quantity == Quantity(
        surface="十几个", value=11.0, value_high=19.0, unit="count", counter="个", bound="range", qualifier="几",
        start=0, end=3,
    )


# ---- 首个/首家/首款 = "the first": rank 1 --------------------------------------------------------

FIRST_RANK_CASES = [
    ("国内首家上市的人工智能企业", "首家", "家"),
    ("全球首款量产芯片", "首款", "款"),
    ("首个", "首个", "个"),
    ("成为首个实现量产的企业，也是首家", "首个", "个"),
]


@pytest.mark.parametrize(("text", "surface", "counter"), FIRST_RANK_CASES)
def test_first_is_a_rank(text: str, surface: str, counter: str) -> None:
    row = extract_mentions(text).iloc[0]
    assert (row["surface"], row["value"], row["unit"], row["counter"], row["bound"]) == (surface, 1, "rank", counter, "eq")
    assert parse_quantity(text).unit == "rank"


@pytest.mark.parametrize(
    "text",
    ["首先是智能技术", "首都北京", "网站首页", "首批试点", "首次提出", "首", "把安全放在首位", "一首个性化的歌", "这首个人作品",
     "首家居品牌", "首款式", "项目一期"],
)
def test_not_first_ranks(text: str) -> None:
    assert extract_mentions(text).empty, extract_mentions(text)["surface"].tolist()


# ---- ISO-style dates and "Latin word + number" names (general text) -------------------------------

# (text, the only surface, year, month)
ISO_DATE_CASES = [
    ("2021-03-15", "2021-03-15", 2021, 3),
    ("于 2021-3-15 发布", "2021-3-15", 2021, 3),
    ("2021/03/15", "2021/03/15", 2021, 3),
    ("2021.03.15", "2021.03.15", 2021, 3),
    ("２０２１－０３－１５", "２０２１－０３－１５", NA, NA),  # full-width dashes are range connectors, not ISO separators
    ("2020-02-29 起", "2020-02-29", 2020, 2),  # a leap day
    ("2021-12-31。", "2021-12-31", 2021, 12),
]


@pytest.mark.parametrize(("text", "surface", "year", "month"), ISO_DATE_CASES)
def test_iso_dates(text: str, surface: str, year, month) -> None:
    frame = extract_mentions(text)
    if year is NA:
        assert surface not in frame["surface"].tolist()
        return
    assert frame["surface"].tolist() == [surface]
    row = frame.iloc[0]
    assert (row["value"], row["month"], row["unit"], row["bound"]) == (year, month, "date", "eq")


# (text, surface, year, first month, last month): periods of a year and a day of an unstated month
PERIOD_CASES = [
    ("2022年下半年以来，订单回升", "2022年下半年", 2022, 7, 12),
    ("2019年上半年", "2019年上半年", 2019, 1, 6),
    ("2025年前三季度累计完成投资", "2025年前三季度", 2025, 1, 9),
    ("2025年第三季度", "2025年第三季度", 2025, 7, 9),
    ("理事会于12日召开", "12日", NA, NA, NA),  # a day: the month is unstated, so no month
    # 第N季 without 度 where a period is spoken of (Hong Kong and Taiwan usage), 首三季 = the first three quarters
    ("集团今日公布第三季业绩", "第三季", NA, 7, 9),
    ("公司2023年第三季收入创新高", "2023年第三季", 2023, 7, 9),
    ("首三季盈利较去年同期上升8%", "首三季", NA, 1, 9),
    ("该行前三季营收同比增长5.1%", "前三季", NA, 1, 9),
    ("2022年首三季，本港出口货值下跌", "2022年首三季", 2022, 1, 9),
    ("截至第四季末，银行不良贷款率为1.2%", "第四季", NA, 10, 12),
]


@pytest.mark.parametrize(("text", "surface", "year", "month", "month_high"), PERIOD_CASES)
def test_periods(text: str, surface: str, year, month, month_high) -> None:
    row = extract_mentions(text).set_index("surface").loc[surface]
    assert row["unit"] == "date" and row["bound"] == "eq"
    for field, expected in (("value", year), ("month", month), ("month_high", month_high)):
        assert (pd.isna(row[field]) if expected is NA else row[field] == expected), (field, row[field])


def test_iso_date_range() -> None:
    row = extract_mentions("2021-03-01 至 2021-04-15").iloc[0]
    assert (row["value"], row["month"], row["value_high"], row["month_high"], row["bound"]) == (2021, 3, 2021, 4, "range")


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [("2021-02-30", ["2021", "02-30"]), ("2021-13-45", ["2021", "13-45"]), ("1800-01-01", ["1800", "01", "01"]),
     ("2021.3", ["2021.3"]), ("2019-2021 年", ["2019-2021 年"])],
)
def test_non_dates_that_look_like_iso(text: str, surfaces: list[str]) -> None:
    # not a calendar date (or not year-month-day): read as plain numbers, nothing of the text is skipped
    frame = extract_mentions(text)
    assert frame["surface"].tolist() == surfaces
    assert "date" not in set(frame["unit"]) or text == "2019-2021 年"


LATIN_NAME_CASES = [
    ("发布 iPhone 12 手机", "iPhone 12", 12),
    ("运行在 Windows 10 上", "Windows 10", 10),
    ("基于 Python 3 开发", "Python 3", 3),
    ("符合 GB/T 20000-2014 标准", "GB/T 20000-2014", 20000),
    ("Python 3.9", "Python 3.9", 3.9),
    ("Windows 2000 系统", "Windows 2000", 2000),
]


@pytest.mark.parametrize(("text", "surface", "value"), LATIN_NAME_CASES)
def test_latin_word_and_number_is_a_name(text: str, surface: str, value) -> None:
    frame = extract_mentions(text)
    assert frame["surface"].tolist() == [surface]
    row = frame.iloc[0]
    assert row["name_like"] and row["unit"] == "other" and row["value"] == value


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [("Star 超过 7.7 万", "超过 7.7 万", "count"), ("AI 4000 种疾病", "4000 种", "count"), ("GPU 8 块", "8 块", "count"),
     ("CPU 30%", "30%", "percent"), ("Q 3 万", "3 万", "count"), ("AI 100+", "100+", "count"),
     ("Fork 数 287 次", "287 次", "count"), ("Top 2021 年", "2021 年", "date"), ("AI 3 月", "3 月", "date")],
)
def test_latin_word_before_an_amount_is_no_name(text: str, surface: str, unit: str) -> None:
    frame = extract_mentions(text)
    assert frame["surface"].tolist() == [surface]
    assert not frame.loc[0, "name_like"] and frame.loc[0, "unit"] == unit


def test_month_of_dates() -> None:
    frame = extract_mentions("2017 年 11 月至 2019 年 8 月；二〇一九年三月；2020 年底")
    assert frame["month"].tolist() == [11, 3, 12]
    # A date range keeps the month of its last date too (科技部's two batches: Nov 2017 to Aug 2019).
    assert frame["value_high"].tolist()[0] == 2019 and frame["month_high"].tolist()[0] == 8
    assert frame["month_high"].isna().tolist()[1:] == [True, True]
    assert extract_mentions("2016年至2019年")["month_high"].isna().all()


def test_an_amount_after_worth_is_money() -> None:
    # 百度 AI 加速器 "开放价值千万级的技术资源": 元 is implicit after 价值.
    worth = parse_quantity("开放价值千万级的技术资源")
    assert (worth.unit, worth.value, worth.value_high, worth.bound) == ("currency", 1e7, 1e8, "vague")
    assert worth.currency == "CNY"
    assert parse_quantity("千万级的医学事实").unit == "count"


def test_relative_date_needs_year() -> None:
    unknown = extract_mentions("今年 3 月发布")
    assert unknown["surface"].tolist() == ["今年 3 月"]
    assert pd.isna(unknown.loc[0, "value"]) and unknown.loc[0, "month"] == 3
    known = extract_mentions("今年 3 月发布", year=2021)
    assert known.loc[0, "value"] == 2021
    assert extract_mentions("去年 5 月", year=2021).loc[0, "value"] == 2020


def test_footnote_markers_on_strings() -> None:
    frame = extract_mentions("提高 27%3。同时")
    assert frame["surface"].tolist() == ["27%"] and frame.loc[0, "footnote"] == 3 and frame.loc[0, "value"] == 27
    frame = extract_mentions("的 62.3%，较上一年增长 40% 以上 4，巨额")
    assert frame["surface"].tolist() == ["62.3%", "40% 以上"]
    assert pd.isna(frame.loc[0, "footnote"]) and frame.loc[1, "footnote"] == 4 and frame.loc[1, "bound"] == "ge"
    # a marker glued to words (形态 1。) is not a mention
    assert extract_mentions("智能化变革的经济形态 1。简言之").empty


def test_pairs() -> None:
    frame = extract_mentions("识别准确率由原来的 80%\n\n提升到 95%，烟火识别准确率由 70% 提升到 90%，导线异物识别准确率由 60% 提升到 80%。")
    assert frame["value"].tolist() == [80, 95, 70, 90, 60, 80]
    assert frame["pair_id"].tolist() == [0, 0, 1, 1, 2, 2]
    assert frame["role"].tolist() == ["before", "after"] * 3
    frame = extract_mentions("由 2018 年的 30 家增加到 2020 年的 96 家")
    paired = frame.dropna(subset=["pair_id"])
    assert paired["surface"].tolist() == ["30 家", "96 家"]
    assert frame[frame["unit"] == "date"]["pair_id"].isna().all()
    frame = extract_mentions("从 12 天缩短到 3 天")
    assert frame["role"].tolist() == ["before", "after"]
    assert extract_mentions("安装调试与人员培训周期缩减到 2 周。")["pair_id"].isna().all()


@pytest.mark.parametrize(
    ("text", "surface"),
    [("伴随着 5G、物联网", "5G"), ("Apollo6.0 EDU", "Apollo6.0"), ("瑞芯微 RK18 系", "RK18"), ("依托 360 公司建设", "360"),
     ("3D 孪生数字人", "3D"), ("十四五规划", "十四五"), ("第十四个五年规划和", "第十四个五年规划"), ("（详见表 1）", "表 1"),
     ("图 3：百度", "图 3"), ("GPT-3 模型", "GPT-3")],
)
def test_name_like(text: str, surface: str) -> None:
    frame = extract_mentions(text)
    assert frame["surface"].tolist() == [surface]
    assert frame.loc[0, "name_like"]
    assert frame.loc[0, "unit"] == "other"


@pytest.mark.parametrize(
    "text",
    ["一是数据驱动。二是人机协同。", "一批独角兽企业", "出台了一系列政策", "最活跃的开源社区之一", "一方面，另一方面，", "一站式交通管理",
     "软硬一体的全栈", "一对一专属服务", "“一人一面”", "零售、医疗", "零门槛 AI 开发平台", "面向零算法基础", "十牛科技、小零科技",
     "万物互联", "一起", "统一", "一般需要", "进一步深化", "一体化发展", "一带一路", "唯一", "新一代人工智能", "新一轮科技革命",
     "这一价值创造", "构成一个复杂的交互网络", "较上一年增长", "从零开始", "二次开发", "百度智能云", "项目一期", "“一企一档”、“一链一档”"],
)
def test_not_quantities(text: str) -> None:
    assert extract_mentions(text).empty, extract_mentions(text)["surface"].tolist()


def test_parse_quantity() -> None:
    quantity = parse_quantity("超过 1 万项")
    assert isinstance(quantity, Quantity)
    assert (quantity.value, quantity.unit, quantity.counter, quantity.bound, quantity.qualifier) == (10000, "count", "项", "gt", "超过")
    assert parse_quantity("八成以上").value == 80
    assert parse_quantity("6 到 8 周").value_high == 8
    assert parse_quantity("百万").value == 1e6  # bare numerals are accepted in a single expression
    assert parse_quantity("三").value == 3
    assert parse_quantity("一批") is None
    assert parse_quantity("") is None
    assert parse_quantity("27%3").footnote == 3
    assert parse_quantity("今年 3 月", year=2021).value == 2021
    with pytest.raises(dataclasses.FrozenInstanceError):
        quantity.value = 1  # a real reading is immutable
    assert quantity.value == 10000
    with pytest.raises(TypeError):
        parse_quantity(3)  # type: ignore[arg-type]


def test_schema_of_empty_and_full_frames() -> None:
    empty = extract_mentions("没有数字")
    full = extract_mentions("超过 1 万项")
    assert tuple(empty.columns) == TEXT_MENTION_COLUMNS == tuple(full.columns)
    assert empty.dtypes.astype(str).tolist() == full.dtypes.astype(str).tolist()
    assert {str(t) for t in full.dtypes} <= {"string", "Int64", "Float64", "boolean"}
    assert dict(zip(full.columns, full.dtypes.astype(str))) == {k: MENTION_DTYPES[k] for k in TEXT_MENTION_COLUMNS}
    assert set(TEXT_MENTION_COLUMNS) == set(MENTION_COLUMNS) - {"block", "block_role", "chapter"}


def test_plain_text_has_sentences_and_lines() -> None:
    text = "共有 3 家。\n收入增长 5%！最后 2 年"
    frame = extract_mentions(text)
    assert frame["sentence"].tolist() == ["共有 3 家。", "收入增长 5%！", "最后 2 年"]
    assert frame["line"].tolist() == [1, 2, 2] and frame["col_start"].tolist() == [3, 5, 11]


def test_bad_input_type() -> None:
    with pytest.raises(TypeError):
        extract_mentions(42)


# ---- properties ---------------------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_spans_slice_back(text: str) -> None:
    frame = extract_mentions(text)
    for surface, start, end in zip(frame["surface"], frame["char_start"], frame["char_end"]):
        assert text[start:end] == surface
    assert set(frame["bound"]) <= set(BOUNDS) and set(frame["unit"]) <= set(UNITS)


NUMERIC_ALPHABET = "0123456789０１２３４５６７８９.．,%％+ 　\n零〇一二两三四五六七八九十百千万亿点壹贰拾佰数近超过以上余多成倍级年月周家个到至-~第之分是批几首款/aZ"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=NUMERIC_ALPHABET, max_size=120))
def test_numeric_soup_spans_slice_back(text: str) -> None:
    frame = extract_mentions(text, year=2021)
    starts = frame["char_start"].tolist()
    assert starts == sorted(starts)
    for surface, start, end in zip(frame["surface"], frame["char_start"], frame["char_end"]):
        assert text[start:end] == surface


def _lexicon_marks() -> list[str]:
    """Every punctuation mark and symbol the lexicon file writes (brackets, quotes, colons, slashes, signs, ©, ℃ ...):
    the characters the readers' triggers look for next to a number."""
    lexicon = (Path(engine.__file__).parent / "lexicon.toml").read_text(encoding="utf-8")
    return sorted({char for char in lexicon if not char.isalnum() and not char.isspace()})


#: Numbers of the shapes a reader may take for another: four characters that are a decimal, not a year (48.6, ４８.６),
#: four digits, a decimal glued to a magnitude.
NUMBER_SHAPES = ("48.6", "４８.６", "2023", "0.03", "12.5万")


def test_every_mark_of_the_lexicon_around_every_number_shape_reads_without_error() -> None:
    # (P值为(0.03) and ©48.6 once raised ValueError: readers of a bracketed or a copyright year parsed four characters
    # as four digits)
    marks = _lexicon_marks()
    assert {"(", "（", "©", "[", "“"} <= set(marks) and len(marks) > 50
    for before in marks:
        for after in marks:
            for number in NUMBER_SHAPES:
                text = f"{before}{number}{after}"
                for draft in scan(text, year=2021):
                    assert 0 <= draft.start < draft.end <= len(text), text


#: The report's lines with a digit. Cut anywhere (inside a number too) they are the PDF text's cuts (a year cut to 017 年 by a
#: line break), where readers meet starts they never see in whole sentences.
REPORT_LINES = [line for line in REPORT_PATH.read_text(encoding="utf-8").splitlines() if any(c.isdigit() for c in line)]


def test_report_lines_cut_anywhere_read_without_error() -> None:
    cuts = [piece for line in REPORT_LINES for at in range(1, len(line)) for piece in (line[at:], line[:at])]
    assert len(cuts) > 2 * len(REPORT_LINES)
    for text in cuts:
        for draft in scan(text, year=2021):
            assert 0 <= draft.start < draft.end <= len(text)


# ---- linear time: adversarial inputs must finish (hang guard, not a timing assertion) ------------

ADVERSARIAL = {
    "one_100k": "一" * 100_000,
    "nine_100k": "9" * 100_000,
    "over_50k": "超过" * 50_000,
    "mixed": ("超过一万亿9,999.9%以上 4到" * 5_000),
    "commas": "，" * 100_000,
    "spaces": " " * 100_000 + "1",
    "digit_spaces": "1 " * 50_000,
    "newlines": ("3\n\n\n\n\n\n\n\n\n" * 10_000),
    "magnitudes": "万亿" * 50_000,
    "thousands": "1" + ",000" * 30_000,
    "wildcards": "十几" * 50_000,
    "wildcard_tails": "十几" + "万" * 100_000,
    "first_ranks": "首个" * 50_000,
    "iso_dates": "2021-03-15" * 10_000,
    "invalid_iso_dates": "2021-02-30 " * 10_000,  # each one restarts the core scan
    "latin_names": "a 1 " * 25_000,
    "long_latin_word": "x" * 100_000 + " 1 2",
}


#: Seconds an adversarial input may take in its own process before the test calls it a hang.
HANG_TIMEOUT = 60

_ADVERSARIAL_CHILD = """
import sys
from ecoanalysis import extract_mentions
text = sys.stdin.read()
frame = extract_mentions(text)
for surface, start, end in zip(frame["surface"], frame["char_start"], frame["char_end"]):
    assert text[start:end] == surface, (surface, start, end)
print(len(frame))
"""


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_inputs_finish(name: str) -> None:
    # A child process can be killed when it hangs; a thread cannot (future.result(timeout) only stops waiting).
    result = subprocess.run(
        [sys.executable, "-c", _ADVERSARIAL_CHILD], input=ADVERSARIAL[name], capture_output=True, text=True,
        encoding="utf-8", timeout=HANG_TIMEOUT, check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout.strip()) >= 0


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=NUMERIC_ALPHABET, max_size=120))
def test_surfaces_are_trimmed(text: str) -> None:
    for surface in extract_mentions(text)["surface"]:
        assert surface == surface.strip(), repr(surface)


# ---- round trip through the engine: numbers written in Chinese by cn2an.an2cn read back ---------------

@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["low", "up"]))
def test_engine_reads_chinese_integers(n: int, style: str) -> None:
    quantity = parse_quantity(cn2an.an2cn(n, style))
    assert quantity is not None and quantity.value == n and quantity.bound == "eq"


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=4), st.sampled_from(["low", "up"]))
def test_engine_reads_chinese_decimals(whole: int, places: int, style: str) -> None:
    fraction = 10 ** places
    arabic = f"{whole}.{(whole * 7919) % fraction:0{places}d}"  # a decimal with `places` digits after the point
    quantity = parse_quantity(cn2an.an2cn(arabic, style))
    assert quantity is not None and math.isclose(quantity.value, float(arabic), rel_tol=1e-12)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**8))
def test_engine_reads_chinese_numbers_in_a_sentence(n: int) -> None:
    text = f"去年共有{cn2an.an2cn(n)}家企业参与"
    rows = extract_mentions(text)
    assert rows["value"].tolist() == [n] and rows["counter"].tolist() == ["家"]


def test_negative_values_flow_into_pairs() -> None:
    frame = extract_mentions("利润率由-3.5%提升到2%")
    assert frame["value"].tolist() == [-3.5, 2] and frame["role"].tolist() == ["before", "after"]
    assert frame["pair_id"].tolist() == [0, 0]


def test_engine_imports_no_pandas() -> None:
    # ecoanalysis/__init__ imports pandas for the tables; the engine's own modules must not (issue 11)
    import ast
    from pathlib import Path

    import ecoanalysis.engine as engine

    for path in Path(engine.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        imported |= {(node.module or "").split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert not imported & {"pandas", "numpy"}, path


def test_spaced_digits_are_glued_only_before_a_unit() -> None:
    # 1 056份 is one number (a PDF thousands space); 12 345 和 678 are separate numbers
    assert extract_mentions("共回收问卷1 056份")["value"].tolist() == [1056]
    assert extract_mentions("分别为 12 345 和 678")["value"].tolist() == [12, 345, 678]


# ---- threads: the engine's memo caches (codes._LAST_WALKS, contacts._LAST_WEB_TOKEN) hold the last text --------

def test_threads_read_as_one_thread_does() -> None:
    # Texts that fill both caches (a list of serials, a URL with many numbers), read by threads switching as often
    # as the interpreter allows: each must read exactly as it does alone.
    # Texts of one shape with different numbers at the same places, so that a record taken from another thread's
    # text would give a wrong reading there.
    texts = [
        f"第{n}期：1、2、{n}、4号线开通，详见http://a.cn/{n}/{n * 7}/x.html，比例为{n}/{n + 40}%。" * 30
        for n in range(10, 30)
    ]
    alone = {text: extract_mentions(text) for text in texts}
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        with ThreadPoolExecutor(max_workers=6) as pool:
            together = list(pool.map(lambda text: (text, extract_mentions(text)), texts * 5))
    finally:
        sys.setswitchinterval(interval)
    assert all(len(alone[text]) > 20 for text in texts)
    for text, frame in together:
        pd.testing.assert_frame_equal(frame, alone[text])


@pytest.mark.parametrize(
    ("text", "written"),
    [("万分之三点五", "0.035"), ("百分之七", "7"), ("千分之零点八", "0.08"), ("百分之十二点五", "12.5")],
)
def test_a_share_over_a_power_of_ten_is_the_decimal_written(text: str, written: str) -> None:
    # 3.5 / 10000 * 100 is 0.034999999999999996 in binary floats; a reader checks the figure against the text
    (value,) = extract_mentions(text)["value"]
    assert value == float(written)
