"""The codebook join: every disagreement between the hand-written codebook and the engine is reported at once."""
from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from ecoanalysis import coding as cb

CODEBOOK_NAME = "codebook.csv"


def _mentions(rows: list[tuple[int, str, float, int]], **extra_columns: list) -> pd.DataFrame:
    """A tiny mentions frame: (line, surface, value, char_start) per mention, plus optional engine columns."""
    frame = pd.DataFrame(rows, columns=["line", "surface", "value", "char_start"])
    frame["sentence"] = "句子"
    for name, values in extra_columns.items():
        frame[name] = values
    return frame


SAMPLE_MENTIONS = _mentions(
    [(10, "320 万", 3_200_000.0, 100), (10, "12", 12.0, 110), (10, "12", 12.0, 120), (20, "95%", 95.0, 300)]
)

VALID_ROWS = [
    {"line": "10", "surface": "320 万", "occurrence": "0", "value": "3200000", "kind": "claim", "category": "adoption",
     "subject": "飞桨", "subject_en": "PaddlePaddle", "metric_en": "developers", "as_of": "2021"},
    {"line": "10", "surface": "12", "occurrence": "0", "kind": "noise"},
    {"line": "10", "surface": "12", "occurrence": "1", "value": "12", "kind": "structural"},
    {"line": "20", "surface": "95%", "occurrence": "0", "value": "95", "kind": "claim", "category": "accuracy",
     "subject": "海淀城市大脑", "metric_en": "recognition accuracy"},
]


def _write_codebook(directory: Path, rows: list[dict[str, str]], *, columns=cb.CODEBOOK_COLUMNS, bom: bool = False) -> Path:
    path = directory / CODEBOOK_NAME
    frame = pd.DataFrame([{column: row.get(column, "") for column in columns} for row in rows], columns=list(columns))
    frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8-sig" if bom else "utf-8")
    return path


def _problems(mentions: pd.DataFrame, path: Path) -> list[str]:
    with pytest.raises(cb.CodebookError) as raised:
        cb.apply_codebook(mentions, path)
    assert str(path) in str(raised.value)
    return raised.value.problems


def test_vocabularies_are_defined_once():
    assert cb.CATEGORIES == tuple(cb.CATEGORY_DEFINITIONS)
    assert set(cb.CATEGORIES) == {
        "adoption", "scale", "accuracy", "funding", "growth", "efficiency", "education", "economy", "recognition", "date", "other"
    }
    assert cb.KINDS == ("claim", "structural", "noise")
    assert all(definition.strip() for definition in cb.CATEGORY_DEFINITIONS.values())
    assert set(cb.CODEBOOK_COLUMNS) >= set(cb.KEY_COLUMNS) | {"value", "kind", "category", "subject", "metric_en", "as_of", "role", "pair", "note"}


def test_coding_rules_settle_the_known_borderline_cases():
    rules = " ".join(cb.CODING_RULES.values())
    assert "近 6 年" in rules and "last six years" in rules
    assert "今年 3 月" in rules and "March 2021" in rules
    assert "line or page break" in rules


def test_mention_ids_count_occurrences_of_the_same_surface_on_a_line():
    shuffled = SAMPLE_MENTIONS.sample(frac=1, random_state=0)
    ids = cb.assign_mention_ids(shuffled)["mention_id"].tolist()
    assert ids == ["10:320 万:0", "10:12:0", "10:12:1", "20:95%:0"]


def test_a_complete_codebook_joins(tmp_path):
    coded = cb.apply_codebook(SAMPLE_MENTIONS, _write_codebook(tmp_path, VALID_ROWS))
    assert coded["kind"].tolist() == ["claim", "noise", "structural", "claim"]
    assert coded.loc[0, "subject"] == "飞桨" and coded.loc[0, "as_of"] == 2021
    assert pd.isna(coded.loc[1, "subject"]) and pd.isna(coded.loc[3, "as_of"])
    assert coded["codebook_row"].tolist() == [2, 3, 4, 5]


def test_a_byte_order_mark_from_a_spreadsheet_is_tolerated(tmp_path):
    coded = cb.apply_codebook(SAMPLE_MENTIONS, _write_codebook(tmp_path, VALID_ROWS, bom=True))
    assert len(coded) == 4


def test_a_mention_without_a_row_is_named(tmp_path):
    problems = _problems(SAMPLE_MENTIONS, _write_codebook(tmp_path, VALID_ROWS[:2] + VALID_ROWS[3:]))
    assert len(problems) == 1
    assert "mention 10:12:1 has no codebook row" in problems[0] and "line 10" in problems[0]


def test_a_row_without_a_mention_is_named_with_row_number_and_a_hint(tmp_path):
    extra = {"line": "10", "surface": "320万", "occurrence": "0", "kind": "noise"}
    problems = _problems(SAMPLE_MENTIONS, _write_codebook(tmp_path, VALID_ROWS + [extra]))
    assert len(problems) == 1
    assert f"{CODEBOOK_NAME}:6: line/surface/occurrence: no mention 10:320万:0" in problems[0]
    assert "10:320 万:0" in problems[0]  # the hint lists what the engine does find on that line


def test_a_value_that_disagrees_with_the_engine_names_row_and_field(tmp_path):
    rows = [dict(row) for row in VALID_ROWS]
    rows[0]["value"] = "320"
    problems = _problems(SAMPLE_MENTIONS, _write_codebook(tmp_path, rows))
    assert len(problems) == 1
    assert f"{CODEBOOK_NAME}:2: value:" in problems[0] and "320" in problems[0] and "3200000" in problems[0]


def test_values_agree_within_the_relative_tolerance(tmp_path):
    rows = [dict(row) for row in VALID_ROWS]
    rows[0]["value"] = repr(3_200_000 * (1 + cb.VALUE_RELATIVE_TOLERANCE / 10))
    assert len(cb.apply_codebook(SAMPLE_MENTIONS, _write_codebook(tmp_path, rows))) == 4
    rows[0]["value"] = repr(3_200_000 * (1 + cb.VALUE_RELATIVE_TOLERANCE * 10))
    assert len(_problems(SAMPLE_MENTIONS, _write_codebook(tmp_path, rows))) == 1


def test_every_problem_is_reported_at_once(tmp_path):
    rows = [dict(row) for row in VALID_ROWS]
    rows[0].update(kind="claim", category="popularity", subject="", value="abc")  # 3 problems
    rows[1].update(kind="nosie")
    rows[2].update(category="scale", role="during", as_of="21")
    rows[3].update(metric_en="")
    rows.append(dict(VALID_ROWS[1]))  # duplicated key
    problems = _problems(SAMPLE_MENTIONS, _write_codebook(tmp_path, rows))
    expected = [
        ":2: value: 'abc' is not a number",
        ":2: category: 'popularity' is not one of",
        ":2: subject: a claim needs one",
        ":3: kind: 'nosie' is not one of claim, structural, noise",
        ":4: category: only claims have a category",
        ":4: role: 'during' is not one of before, after",
        ":4: as_of: '21' is not a year",
        ":5: metric_en: a claim needs one",
        ":6: line/surface/occurrence: duplicates the key of row 3",
    ]
    for fragment in expected:
        assert any(fragment in problem for problem in problems), (fragment, problems)
    assert len(problems) == len(expected)


def test_header_problems_are_reported_before_anything_else(tmp_path):
    columns = tuple(name for name in cb.CODEBOOK_COLUMNS if name != "note") + ("subjet",)
    with pytest.raises(cb.CodebookError) as raised:
        cb.read_codebook(_write_codebook(tmp_path, VALID_ROWS, columns=columns))
    message = str(raised.value)
    assert "missing column(s) note" in message and "unknown column(s) subjet" in message


def test_engine_pairs_and_codebook_overrides(tmp_path):
    mentions = _mentions(
        [(30, "80%", 80.0, 10), (30, "95%", 95.0, 20), (31, "70%", 70.0, 40), (31, "90%", 90.0, 50)],
        role=["before", "after", None, None],
        pair_id=[0.0, 0.0, math.nan, math.nan],
    )
    claim = {"kind": "claim", "category": "accuracy", "subject": "山东电力 AI 中台", "metric_en": "recognition accuracy"}
    rows = [
        {"line": "30", "surface": "80%", "occurrence": "0", "value": "80", **claim},
        {"line": "30", "surface": "95%", "occurrence": "0", "value": "95", **claim},
        {"line": "31", "surface": "70%", "occurrence": "0", "value": "70", "role": "before", "pair": "smoke", **claim},
        {"line": "31", "surface": "90%", "occurrence": "0", "value": "90", "role": "after", "pair": "smoke", **claim},
    ]
    (tmp_path / "first").mkdir()
    coded, problems = cb.join_codebook(mentions, cb.read_codebook(_write_codebook(tmp_path / "first", rows)), source="cb")
    assert problems == []
    # An engine pair is labelled by the mention_id of its before mention; a coder's label wins where given.
    assert coded["pair_id"].tolist() == ["30:80%:0", "30:80%:0", "smoke", "smoke"]
    assert coded["role"].tolist() == ["before", "after", "before", "after"]

    rows[3]["role"] = "before"
    rows[1]["pair"] = ""
    (tmp_path / "second").mkdir()
    coded, problems = cb.join_codebook(mentions, cb.read_codebook(_write_codebook(tmp_path / "second", rows)), source="cb")
    assert len(problems) == 1 and "pair smoke" in problems[0] and "exactly one before and one after" in problems[0]


def test_a_role_without_a_pair_is_a_problem(tmp_path):
    rows = [dict(row) for row in VALID_ROWS]
    rows[3]["role"] = "after"
    problems = _problems(SAMPLE_MENTIONS, _write_codebook(tmp_path, rows))
    assert len(problems) == 1 and ":5: pair: mention 20:95%:0 has role after but no pair" in problems[0]


def test_template_covers_every_mention_and_is_a_valid_codebook_once_kinds_are_filled(tmp_path):
    template = cb.codebook_template(SAMPLE_MENTIONS, kind="noise")
    assert list(template.columns) == list(cb.CODEBOOK_COLUMNS)
    assert template["value"].tolist() == ["3200000", "12", "12", "95"]
    path = tmp_path / CODEBOOK_NAME
    template.to_csv(path, index=False)
    assert (cb.apply_codebook(SAMPLE_MENTIONS, path)["kind"] == "noise").all()


def test_the_platform_codebook_covers_table_1(report):
    platforms = cb.read_platform_codebook()
    assert platforms["number"].tolist() == list(range(1, 16))
    assert set(platforms["host_kind"]) <= set(cb.HOST_KINDS)
    rows = pd.DataFrame(
        [{"number": r.number, "host_zh": r.host, "domain_zh": r.domain, "platform_zh": r.name, "line": r.line} for r in report.platforms]
    )
    joined, problems = cb.join_platforms(rows, platforms)
    assert problems == []
    assert len(joined) == 15
    assert joined.set_index("number").loc[1, ["host_en", "host_kind"]].tolist() == ["Baidu", "internet_platform"]


def test_platform_codebook_problems_are_listed(tmp_path):
    path = tmp_path / "codebook_platforms.csv"
    path.write_text("number,host_zh,host_en,host_kind,domain_en\n1,百度公司,Baidu,search_engine,autonomous driving\n1,百度公司,,ai_company,x\n", encoding="utf-8")
    with pytest.raises(cb.CodebookError) as raised:
        cb.read_platform_codebook(path)
    problems = raised.value.problems
    assert any(":2: host_kind: 'search_engine'" in p for p in problems)
    assert any(":3: number: duplicates row 2" in p for p in problems)
    assert any(":3: host_en: is blank" in p for p in problems)


def test_a_codebook_saved_as_gb18030_is_one_message_with_file_and_byte_offset(tmp_path):
    path = _write_codebook(tmp_path, VALID_ROWS)
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("gb18030"))
    first_wide = text.encode("utf-8").index("万".encode("utf-8"))  # the header and the first row's ASCII agree
    problems = _problems(SAMPLE_MENTIONS, path)
    assert len(problems) == 1
    assert f"{path}: not valid UTF-8 at byte offset {first_wide} (line 2)" in problems[0] and "save the codebook as UTF-8" in problems[0]


def test_a_row_with_the_wrong_number_of_cells_does_not_hide_the_other_rows_problems(tmp_path):
    rows = [dict(row) for row in VALID_ROWS]
    rows[1]["kind"] = "nosie"
    rows[3]["metric_en"] = ""
    path = _write_codebook(tmp_path, rows)
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[3] += ",an unquoted, comma"  # row 3 (the third mention) gets two extra cells
    path.write_text("\n".join(lines), encoding="utf-8")
    problems = _problems(SAMPLE_MENTIONS, path)
    assert len(problems) == 3, problems
    assert f"{CODEBOOK_NAME}:4: row: 15 cells but the header has 13 columns" in problems[0]
    assert any(":3: kind: 'nosie'" in p for p in problems) and any(":5: metric_en: a claim needs one" in p for p in problems)


def test_a_header_that_lost_a_column_name_is_one_message_not_one_per_row(tmp_path):
    path = _write_codebook(tmp_path, VALID_ROWS)
    header, *rows = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join([header.removesuffix(",note"), *rows]), encoding="utf-8")
    problems = _problems(SAMPLE_MENTIONS, path)
    assert problems == [f"{path}:1: header: missing column(s) note; every row has 13 cells, so the header row lost the name"]


def test_messages_show_a_missing_parsed_value_as_no_value(tmp_path):
    mentions = _mentions([(10, "数千", math.nan, 100)])
    problems = _problems(mentions, _write_codebook(tmp_path, []))
    assert "parsed value no value" not in problems[0] and "parsed value nothing" not in problems[0]
    assert "(line 10, surface '数千', no parsed value;" in problems[0]
    template = cb.codebook_template(mentions)
    assert template.loc[0, "value"] == ""  # the same formatter: missing is blank in files
