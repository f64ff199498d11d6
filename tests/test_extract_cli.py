"""``python -m ecoanalysis extract``: outputs, per-file line/col, and all-or-nothing failure handling."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from ecoanalysis._extract_files import main


@pytest.fixture()
def text_files(tmp_path: Path) -> list[Path]:
    first = tmp_path / "a.txt"
    first.write_text("这里没有数字\n累计学习人次超过 610 万。\n", encoding="utf-8")
    second = tmp_path / "b.txt"
    second.write_text("\ufeff数千家基层医疗机构", encoding="utf-8")
    return [first, second]


def test_csv_with_file_line_col(text_files, tmp_path) -> None:
    out = tmp_path / "out.csv"
    assert main([str(p) for p in text_files], output_format="csv", output=str(out)) == 0
    frame = pd.read_csv(out)
    assert frame.columns[0] == "file"
    first = frame[frame["surface"] == "超过 610 万"].iloc[0]
    assert (first["line"], first["col_start"], first["line_end"], first["col_end"]) == (2, 6, 2, 14)
    assert first["value"] == 6_100_000
    second = frame[frame["file"] == str(text_files[1])].iloc[0]
    assert second["surface"] == "数千家" and second["line"] == 1 and second["col_start"] == 0


def test_json_and_xlsx(text_files, tmp_path) -> None:
    out = tmp_path / "out.json"
    assert main([str(text_files[0])], output_format="json", output=str(out)) == 0
    records = json.loads(out.read_text(encoding="utf-8"))
    assert records[0]["surface"] == "超过 610 万" and records[0]["unit"] == "count"
    xlsx = tmp_path / "out.xlsx"
    assert main([str(text_files[0])], output_format="xlsx", output=str(xlsx)) == 0
    assert pd.read_excel(xlsx)["surface"].tolist() == ["超过 610 万"]
    assert main([str(text_files[0])], output_format="xlsx", output=None) == 2


def test_stdout_via_module(text_files) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ecoanalysis", "extract", str(text_files[0]), str(text_files[1])],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "超过 610 万" in result.stdout and "数千家" in result.stdout
    assert "extracting" in result.stderr  # progress bar for several files goes to stderr


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"ab\x00cd", "NUL byte at byte offset 2"), ("超过".encode("gbk"), "byte offset 0")],
)
def test_bad_inputs_write_nothing(tmp_path, text_files, capsys, content, expected) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    out = tmp_path / "out.csv"
    out.write_text("previous", encoding="utf-8")
    assert main([str(text_files[0]), str(bad)], output_format="csv", output=str(out)) == 1
    err = capsys.readouterr().err
    assert str(bad) in err and expected in err
    assert out.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["a.txt", "b.txt", "bad.txt", "out.csv"])


def test_missing_file(tmp_path, capsys) -> None:
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out.csv"
    assert main([str(missing)], output_format="csv", output=str(out)) == 1
    assert str(missing) in capsys.readouterr().err
    assert not out.exists()
