"""The quantity engine on the real report (via load_report): provenance, footnotes, pairs, dates."""
from __future__ import annotations

import pytest

try:
    from ecoanalysis.document import load_report
except ImportError as error:  # pragma: no cover - only while document.py is being written
    pytest.skip(f"ecoanalysis.document is not importable yet: {error}", allow_module_level=True)

from ecoanalysis import config, extract_mentions
from ecoanalysis.mentions import MENTION_COLUMNS


@pytest.fixture(scope="module")
def report():
    return load_report()


@pytest.fixture(scope="module")
def mentions(report):
    return extract_mentions(report)


@pytest.fixture(scope="module")
def raw_lines() -> list[str]:
    return config.REPORT_PATH.read_text(encoding="utf-8").split("\n")


def find_line(raw_lines: list[str], needle: str) -> int:
    hits = [number for number, line in enumerate(raw_lines, start=1) if needle in line]
    assert len(hits) == 1, (needle, hits)
    return hits[0]


def test_columns(mentions) -> None:
    assert tuple(mentions.columns) == MENTION_COLUMNS
    assert len(mentions) > 200
    assert mentions["line"].notna().all() and mentions["block"].notna().all() and mentions["sentence"].notna().all()


def test_every_mention_points_at_its_raw_text(mentions, report, raw_lines) -> None:
    for row in mentions.itertuples():
        raw = report.raw_text[row.char_start:row.char_end]
        # the raw slice equals the surface once the reflowed-away line breaks are removed
        assert "".join(raw.split()) == "".join(row.surface.split()), (row.surface, raw)
        assert raw_lines[row.line - 1][row.col_start] == row.surface[0]
        assert raw_lines[row.line_end - 1][row.col_end - 1] == row.surface[-1]
        assert row.surface.strip() in row.sentence or "".join(row.surface.split()) in "".join(row.sentence.split())


def test_320_wan_on_its_line(mentions, raw_lines) -> None:
    line = find_line(raw_lines, "飞桨已集聚 320 万开发者")
    assert line == 629
    rows = mentions[(mentions["line"] == line) & (mentions["surface"] == "320 万")]
    assert len(rows) == 1 and rows.iloc[0]["value"] == 3_200_000
    assert raw_lines[line - 1][rows.iloc[0]["col_start"]:].startswith("320 万")


def test_footnotes(mentions) -> None:
    share = mentions[mentions["surface"] == "62.3%"].iloc[0]
    assert share["footnote"] is None or str(share["footnote"]) == "<NA>"
    over = mentions[mentions["surface"] == "40% 以上"].iloc[0]
    assert over["footnote"] == 4 and over["bound"] == "ge" and over["value"] == 40
    productivity = mentions[mentions["surface"] == "27%"].iloc[0]
    assert productivity["footnote"] == 3


def test_a_footnote_sources_every_earlier_mention_of_its_sentence(mentions, report) -> None:
    # Footnote 4 (数据来源：中国信息通信研究院) closes the clause that gives both funding figures.
    assert report.footnotes[4].publisher == "中国信息通信研究院"
    share = mentions[mentions["surface"] == "62.3%"].iloc[0]
    over = mentions[mentions["surface"] == "40% 以上"].iloc[0]
    assert share["source_footnote"] == 4 and over["source_footnote"] == 4
    # ...but not the mentions after the marker or in other sentences.
    after_marker = mentions[(mentions["block"] == share["block"]) & (mentions["char_start"] > over["char_end"])]
    assert after_marker["source_footnote"].isna().all()
    sourced = mentions.dropna(subset=["source_footnote"])
    assert set(sourced["source_footnote"]) <= set(report.footnotes)
    assert (sourced["line"] <= sourced["source_footnote"].map(lambda n: next(
        ref.line for block in report.blocks for ref in block.footnote_refs if ref.number == n))).all()


def test_shandong_pairs(mentions) -> None:
    block = mentions[mentions["sentence"].str.contains("烟火识别准确率", na=False)]
    paired = block.dropna(subset=["pair_id"])
    assert paired["value"].tolist() == [80, 95, 70, 90, 60, 80]
    assert paired["role"].tolist() == ["before", "after"] * 3
    assert paired["pair_id"].nunique() == 3
    assert mentions["pair_id"].dropna().nunique() == 3  # no other pairs in the report


def test_this_year_resolves(mentions) -> None:
    rows = mentions[mentions["surface"] == "今年 3 月"]
    assert len(rows) == 2
    assert (rows["value"] == 2021).all() and (rows["month"] == 3).all() and (rows["unit"] == "date").all()


def test_line_break_cases(mentions) -> None:
    over = mentions[mentions["surface"].str.startswith("超过 3 亿", na=False)].iloc[0]
    assert over["value"] == 3e8 and over["unit"] == "currency" and over["currency"] == "CNY" and over["line_end"] == over["line"] + 2
    disease = mentions[(mentions["counter"] == "种") & (mentions["value"] == 4000)].iloc[0]
    assert disease["bound"] == "gt"


def test_name_like_and_left_out(mentions) -> None:
    names = set(mentions.loc[mentions["name_like"], "surface"])
    assert {"5G", "Apollo6.0", "RK18", "360", "3D", "第十四个五年规划"} <= names
    surfaces = set(mentions["surface"])
    assert not surfaces & {"一批", "一系列", "之一", "零售", "十牛", "一是", "一方面"}
    assert {"一基地", "两平台", "三中心", "三层面", "一体系", "四点", "两批", "5 大洲", "三类", "四项"} <= surfaces


def test_first_ranks(mentions, raw_lines) -> None:
    # 首个 ("the first") is rank 1, like 第一; 首先 ("firstly", line 252) is not.
    first = mentions[mentions["surface"] == "首个"]
    assert first["line"].tolist() == [534, 594, 596, 685, 781, 810]
    assert (first["unit"] == "rank").all() and (first["value"] == 1).all() and (first["counter"] == "个").all()
    for row in first.itertuples():
        assert raw_lines[row.line - 1][row.col_start:row.col_end] == "首个"
    assert not mentions["surface"].str.contains("首先", na=False).any()
