"""The document model: roles, reflow, offset map, footnotes, table 1 and bad input.

Expected line numbers are looked up in the raw file (``line_of``) rather than typed in, so that a test
fails for the right reason if the parser and the raw text disagree.
"""
from __future__ import annotations

import hashlib
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecoanalysis import RawDataChanged, config, load_report
from ecoanalysis.document import CHAPTER_TITLES, NUMBERS_ONLY, ROLES, PlatformRow, ReportFormatError

REPORT_SHA256 = "9702e44705d36c66694496465723b55ef9d6ee37b95ce458c3b060589de6cd6c"


def body_containing(report, needle):
    hits = [b for b in report.blocks if b.role == "body" and needle in b.text]
    assert len(hits) == 1, f"expected one body block containing {needle!r}, found {[b.lines for b in hits]}"
    return hits[0]


# --- structure ----------------------------------------------------------------------------------


def test_report_metadata(report):
    assert report.year == config.REPORT_YEAR == 2021
    assert report.sha256 == REPORT_SHA256
    assert report.path == config.REPORT_PATH
    assert report.raw_text == config.REPORT_PATH.read_text(encoding="utf-8")
    assert report.lines[312] == report.raw_text.split("\n")[312]


def test_every_block_has_a_known_role_and_ids_follow_file_order(report):
    assert [b.id for b in report.blocks] == list(range(len(report.blocks)))
    assert {b.role for b in report.blocks} <= set(ROLES)
    first_lines = [b.lines[0] for b in report.blocks]
    assert first_lines == sorted(first_lines)
    for block in report.blocks:
        assert block.text, block
        assert (block.level is not None) == (block.role == "heading"), block
        assert block.chapter in range(6), block


def test_offset_map_invariant_for_every_block(report):
    raw = report.raw_text
    for block in report.blocks:
        assert len(block.offsets) == len(block.text)
        for char, offset in zip(block.text, block.offsets):
            # Reflow may only insert a space between ASCII words; it maps to the raw line break.
            assert raw[offset] == char or (char == " " and raw[offset].isspace()), (block.id, char, offset)


def test_nothing_dropped_but_whitespace_and_footnote_markers(report):
    raw = report.raw_text
    used: list[int] = [o for b in report.blocks for o in b.offsets if not raw[o].isspace()]
    assert len(used) == len(set(used)), "a raw character belongs to two blocks"
    line_starts = [0]
    for line in report.lines:
        line_starts.append(line_starts[-1] + len(line) + 1)
    marker_offsets = {line_starts[ref.line - 1] + ref.col for b in report.blocks for ref in b.footnote_refs}
    missing = {i for i, char in enumerate(raw) if not char.isspace()} - set(used)
    assert missing == marker_offsets
    assert sorted(raw[i] for i in missing) == ["1", "2", "3", "4"]


def test_front_matter_roles(report, raw_lines, line_of):
    cover = report.blocks[0]
    assert (cover.role, cover.level, cover.text) == ("heading", 0, "科创驱动，融通发展：产业智能化生态研究报告")
    board = report.blocks_with_role("editorial_board")
    board_lines = [n for b in board for n in b.lines]
    assert board_lines[0] == line_of("编委会")
    assert line_of("主   编") in board_lines and line_of("刘   涛") in board_lines
    toc = report.blocks_with_role("toc")
    assert {b.text for b in toc} >= {"目录", "CONTENTS", "序言", "12", "生态重要力量将发挥倍增效应"}
    assert max(n for b in toc for n in b.lines) < min(b.lines[0] for b in report.blocks_with_role("body"))


def test_page_numbers_running_header_and_labels(report, line_of):
    header = report.block_at(line_of("研究报告科创驱动"))
    assert header.role == "running_header"
    assert report.block_at(line_of("07 08")).role == "page_number"
    assert [b.text for b in report.blocks_with_role("section_label")][:4] == ["前言", "03", "02", "01"]
    for block in report.blocks_with_role("body") + report.headings():
        assert not NUMBERS_ONLY.fullmatch(block.text.strip()), block


def test_figure_text_and_captions(report):
    vertical = [b.text for b in report.blocks_with_role("figure_text")]
    assert "".join(vertical) == "资本支持AI人才培养"
    captions = [b.text for b in report.blocks_with_role("caption")]
    assert [c.split("：")[0] for c in captions] == ["图 1", "表 1", "图 2", "图 3", "图 4", "图 5", "图 6", "图 7", "图 8"]


# --- headings and chapters ----------------------------------------------------------------------


def test_chapters_match_the_table_of_contents_and_appear_in_order(report):
    toc_text = "".join(b.text for b in report.blocks_with_role("toc"))
    assert dict(report.chapters) == dict(CHAPTER_TITLES)
    for title in report.chapters.values():
        assert title in toc_text
    level1 = report.headings(level=1)
    assert [(h.chapter, h.text) for h in level1] == sorted(report.chapters.items())


def test_chapter_headings_split_over_lines_and_glued_to_body(report, line_of):
    chapter1 = report.headings(level=1)[1]
    assert chapter1.lines == (line_of(" 以生态系统构建"), line_of("加速产业智能化发展 产业智能化生态系统"))
    following = report.blocks[chapter1.id + 1]
    assert following.role == "body" and following.chapter == 1
    assert following.text.startswith("产业智能化生态系统是由智能技术的提供者")
    assert following.locate(0, 1).line_start == chapter1.lines[-1]
    chapter5 = report.headings(level=1)[5]
    assert report.blocks[chapter5.id + 1].text.startswith("围绕大数据智能、混合增强智能")


def test_section_headings_are_the_toc_entries(report):
    toc_entries = {b.text for b in report.blocks_with_role("toc")}
    sections = report.headings(level=2)
    assert len(sections) == 18
    assert {s.text for s in sections} <= toc_entries
    chapter_of = {s.text: s.chapter for s in sections}
    assert chapter_of["智能经济的内涵与特征"] == 0
    assert chapter_of["产业智能化生态系统的构成要素"] == 1
    assert chapter_of["人工智能开放平台支持政策加速出台"] == 2
    assert chapter_of["百度产业智能化生态共同体特征"] == 3
    assert chapter_of["构建协调发展的特色区域运行模式"] == 4
    assert chapter_of["推进行业创新平台建设"] == 5


def test_subheadings_include_case_titles_and_not_narrow_paragraphs(report):
    titles = [h.text for h in report.headings(level=3)]
    assert "融通创新运行模式概述" in titles
    assert "智能制造：飞桨助力大恒图像智能质检" in titles
    assert "特色区域运行模式典型案例" in titles
    assert all(len(t) <= 45 for t in titles)
    intro = body_containing(report, "百度作为国内最早布局人工智能的骨干企业")
    assert intro.text.endswith("构建起交互赋能、良性循环的产业智能化生态共同体。")


def test_body_chapters_follow_headings(report):
    assert body_containing(report, "飞桨已集聚").chapter == 4
    assert body_containing(report, "埃森哲报告显示").chapter == 0
    assert body_containing(report, "跨部门的共享共用").chapter == 5


# --- reflow -------------------------------------------------------------------------------------


def test_sentence_across_lines_reads_as_one_paragraph_and_maps_back(report, raw_lines, line_of):
    first, second = line_of("飞桨已集聚 320 万开发者"), line_of("12 万家，基于飞桨")
    block = body_containing(report, "飞桨已集聚")
    assert "目前，飞桨已集聚 320 万开发者，服务企业12 万家，基于飞桨开源深度学习平台产生了 36 万个模型。" in block.text
    assert {first, second} <= set(block.lines)
    start = block.text.index("12 万家")
    span = block.locate(start, start + len("12 万家"))
    assert (span.line_start, span.col_start, span.line_end, span.col_end) == (second, 0, second, len("12 万家"))
    start = block.text.index("320 万")
    span = block.locate(start, start + len("320 万"))
    assert span.line_start == span.line_end == first
    assert raw_lines[first - 1][span.col_start:span.col_end] == "320 万"
    assert report.raw_text[span.raw_start:span.raw_end] == "320 万"
    # a span across the line break covers the raw newline and blank line
    span = block.locate(block.text.index("服务企业"), block.text.index("12 万家") + len("12 万家"))
    assert (span.line_start, span.line_end) == (first, second)


@pytest.mark.parametrize(
    ("end_of_first", "start_of_continuation", "joined"),
    [
        ("深度学习专利申请数", "量中国第一", "深度学习专利申请数量中国第一，"),  # across a heading and a text box
        ("Apollo 平台、", "小度助手等。", "大数据平台、Apollo 平台、小度助手等。"),  # across headings, captions, 3 paragraphs
        ("验证设备检测", "效果的概率", "外派工程师现场验证设备检测效果的概率"),  # across a caption
        ("水平、加快工", "业强市建设", "加快工业强市建设提供有力支撑"),  # across a heading and a caption
    ],
)
def test_paragraph_continues_after_unrelated_lines(report, line_of, end_of_first, start_of_continuation, joined):
    block = body_containing(report, joined)
    assert line_of(end_of_first) in block.lines and line_of(start_of_continuation) in block.lines


def test_text_box_is_not_pulled_into_an_interrupted_paragraph(report, line_of):
    box = body_containing(report, "近年来，百度与合作伙伴、用户共同探索")
    assert box.lines == tuple(range(line_of("近年来，百度与合作伙伴"), line_of("高质量发展保驾护航") + 1, 2))
    assert box.text.endswith("保驾护航。")


def test_paragraph_starts_at_lead_ins_and_enumerations(report):
    for lead in ("共创共治  ", "价值互惠  ", "协同演进  ", "科创驱动  ", "底座赋能  ", "开放共享  "):
        assert body_containing(report, lead).text.startswith(lead)
    for item in ("一是数据驱动", "二是人机协同", "三是跨界融合", "四是共创分享", "一方面，百度依托"):
        assert body_containing(report, item).text.startswith(item)


def test_every_paragraph_ends_a_sentence(report):
    assert [b.lines for b in report.blocks_with_role("body") if b.text[-1] not in "。！？："] == []


def test_spaces_inside_lines_are_kept(report):
    assert "以“数据 + 算力 + 算法”定义" not in body_containing(report, "一是数据驱动").text
    assert "由“数据 + 算力 + 算法”定义" in body_containing(report, "一是数据驱动").text
    assert "推理速度可加快 3 倍" in body_containing(report, "推理速度可加快").text


# --- footnotes ----------------------------------------------------------------------------------


def test_four_footnotes_with_source_lines(report, line_of):
    footnotes = report.footnotes
    assert sorted(footnotes) == [1, 2, 3, 4]
    assert footnotes[1].line == line_of(" 1 新基建，新机遇")
    assert footnotes[2].line == line_of("2 新基建，新机遇")
    assert footnotes[3].line == line_of("3 人工智能：助力中国经济增长")
    assert footnotes[4].line == line_of("4 数据来源")
    assert [b.lines[0] for b in report.blocks_with_role("footnote")] == [footnotes[n].line for n in (1, 2, 3, 4)]
    three = footnotes[3]
    assert (three.title, three.publisher, three.date) == ("人工智能：助力中国经济增长", "埃森哲", "2017-07")
    assert "埃森哲" in three.text and "2017 年 7 月" in three.text
    assert (footnotes[1].title, footnotes[1].publisher, footnotes[1].date) == (
        "新基建，新机遇：中国智能经济发展白皮书", "中国发展研究基金会 & 百度", "2020-12")
    assert (footnotes[4].title, footnotes[4].publisher, footnotes[4].date) == (None, "中国信息通信研究院", None)


@pytest.mark.parametrize(
    ("number", "raw_context", "marker_at", "clean"),
    [
        (1, "经济形态 1。", "经济形态 1".rindex("1"), "的经济形态。简言之"),
        (2, "典型应用 2。", "典型应用 2".rindex("2"), "为代表的典型应用。根据历史经验"),
        (3, "高 27%3。", "高 27%3".rindex("3"), "提高 27%。同时人工智能"),
        (4, "40% 以上 4，", "40% 以上 4".rindex("4"), "较上一年增长 40% 以上，巨额融资"),
    ],
)
def test_footnote_markers_are_removed_and_linked(report, raw_lines, line_of, number, raw_context, marker_at, clean):
    line = line_of(raw_context)
    block = report.block_at(line)
    assert block.role == "body" and clean in block.text
    (ref,) = [r for r in block.footnote_refs if r.number == number]
    assert (ref.line, ref.col) == (line, raw_lines[line - 1].index(raw_context) + marker_at)
    assert raw_lines[ref.line - 1][ref.col] == str(number)
    # the marker sat right after the text it was glued to
    assert block.text[: ref.offset].endswith(clean[: clean.index("。") if "。" in clean else clean.index("，")])


def test_exactly_four_markers_and_no_real_number_taken_for_one(report):
    refs = [r for b in report.blocks for r in b.footnote_refs]
    assert sorted(r.number for r in refs) == [1, 2, 3, 4]
    assert "提升到 95%，" in report.raw_text and "提升到 95%，" in body_containing(report, "提升到 95%，").text
    assert "5 大洲、22 个国家" in body_containing(report, "5 大洲").text


# --- table 1 ------------------------------------------------------------------------------------


def test_table_1_has_fifteen_platforms(report, raw_lines, line_of):
    rows = report.platforms
    assert [r.number for r in rows] == list(range(1, 16))
    assert rows[0] == PlatformRow(1, "百度公司", "自动驾驶", "自动驾驶国家新一代人工智能开放创新平台", line_of("1 依托百度公司"))
    assert rows[7].host == "360 公司" and rows[7].domain == "安全大脑"
    assert rows[14].host == "小米公司" and rows[14].domain == "智能家居"
    for row in rows:
        assert raw_lines[row.line - 1].startswith(f"{row.number} 依托")
        assert row.name == f"{row.domain}国家新一代人工智能开放创新平台"
    header = report.blocks_with_role("table_header")
    assert [b.text for b in header] == ["序号 国家新一代人工智能开放创新平台"]
    assert len(report.blocks_with_role("table_row")) == 15


# --- lookup helpers -----------------------------------------------------------------------------


def test_block_at_and_role_lookup(report, line_of):
    assert report.block_at(line_of("飞桨已集聚")) is report.block_at(line_of("12 万家，基于飞桨"))
    assert report.block_at(1) is None  # blank first line
    with pytest.raises(ValueError, match="line 0"):
        report.block_at(0)
    with pytest.raises(ValueError, match="unknown role"):
        report.blocks_with_role("paragraph")
    block = report.blocks[0]
    with pytest.raises(ValueError, match="outside"):
        block.locate(3, 3)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_locate_returns_the_raw_text_of_any_span(report, data):
    block = report.blocks[data.draw(st.integers(0, len(report.blocks) - 1), label="block id")]
    start = data.draw(st.integers(0, len(block.text) - 1), label="start")
    end = data.draw(st.integers(start + 1, len(block.text)), label="end")
    span = block.locate(start, end)
    assert (span.raw_start, span.raw_end) == (block.offsets[start], block.offsets[end - 1] + 1)
    interleaved = any(  # another block's lines inside this block's line range (page-break continuation)
        other is not block and block.lines[0] < line < block.lines[-1] for other in report.blocks for line in other.lines
    )
    if not block.footnote_refs and not interleaved:
        raw_piece = report.raw_text[span.raw_start:span.raw_end]
        assert "".join(raw_piece.split()) == "".join(block.text[start:end].split())
    assert report.lines[span.line_start - 1][span.col_start] == block.text[start]
    assert report.lines[span.line_end - 1][span.col_end - 1] == block.text[end - 1]


# --- bad input ----------------------------------------------------------------------------------


def test_not_utf8_names_file_and_byte_offset(tmp_path):
    bad = tmp_path / "report-gbk.txt"
    bad.write_bytes("产业智能化".encode("utf-8") + "生态".encode("gbk"))
    with pytest.raises(ReportFormatError, match=r"report-gbk\.txt.*byte offset 15"):
        load_report(bad, verify=False)
    assert issubclass(ReportFormatError, ValueError)


@pytest.mark.parametrize("content", [b"", b"\n \n\t\n"])
def test_empty_file_is_an_error(tmp_path, content):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(content)
    with pytest.raises(ReportFormatError, match=r"empty\.txt.*empty"):
        load_report(empty, verify=True)


def test_modified_report_fails_verification_naming_both_hashes(tmp_path):
    copy = tmp_path / config.REPORT_PATH.name
    copy.write_bytes(config.REPORT_PATH.read_bytes().replace("320 万开发者".encode(), "330 万开发者".encode()))
    with pytest.raises(RawDataChanged) as caught:
        load_report(copy)
    message = str(caught.value)
    assert str(copy) in message and REPORT_SHA256 in message
    actual = hashlib.sha256(copy.read_bytes()).hexdigest()
    assert actual in message
    # verify=False reads it, and the edit shows
    assert "330 万开发者" in body_containing(load_report(copy, verify=False), "飞桨已集聚").text


def test_copy_under_another_name(tmp_path):
    same = tmp_path / "my-copy.txt"
    shutil.copyfile(config.REPORT_PATH, same)
    assert load_report(same).sha256 == REPORT_SHA256  # byte-identical copy verifies
    same.write_bytes(same.read_bytes() + b"\n")
    with pytest.raises(RawDataChanged, match=REPORT_SHA256):
        load_report(same)
    assert len(load_report(same, verify=False).platforms) == 15
