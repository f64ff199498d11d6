"""``python -m ecoanalysis extract``: outputs, per-file line/col, and all-or-nothing failure handling."""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from ecoanalysis import _extract_files as extract_files
from ecoanalysis._extract_files import InputError, main, mentions_of_text, read_text_file


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


# ---------------------------------------------------------------------------------------------------
# -o never destroys what the path points at
# ---------------------------------------------------------------------------------------------------


def _extract(*args: str, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "ecoanalysis", "extract", *args]
    return subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, timeout=120)


def _refused(files, out, capsys, fragment: str) -> None:
    assert main([str(p) for p in files], output_format="csv", output=str(out)) == 1
    err = capsys.readouterr().err
    assert str(out) in err and fragment in err and "nothing written" in err, err


def test_a_symlink_target_is_refused_and_left_alone(text_files, tmp_path, capsys) -> None:
    pointee = tmp_path / "pointee.csv"
    pointee.write_text("keep me\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(pointee)
    _refused(text_files, link, capsys, "symbolic link")
    assert link.is_symlink() and pointee.read_text(encoding="utf-8") == "keep me\n"


def test_a_fifo_and_a_device_are_refused(text_files, tmp_path, capsys) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    _refused(text_files, fifo, capsys, "FIFO")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    device = tmp_path / "full"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # the same device as /dev/full
    except PermissionError:
        pytest.skip("creating a device node needs root")
    _refused(text_files, device, capsys, "character device")
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_an_input_named_as_output_is_refused(text_files, tmp_path, capsys) -> None:
    original = text_files[0].read_bytes()
    _refused(text_files, text_files[0], capsys, "is also an input")
    other_spelling = tmp_path / "." / text_files[0].name
    _refused(text_files, other_spelling, capsys, "is also an input")
    hard_link = tmp_path / "same-inode.txt"
    os.link(text_files[0], hard_link)
    _refused(text_files, hard_link, capsys, "is also an input")
    assert text_files[0].read_bytes() == original


def test_a_read_only_target_is_refused_even_for_root(text_files, tmp_path, capsys) -> None:
    out = tmp_path / "out.csv"
    out.write_text("previous\n", encoding="utf-8")
    out.chmod(0o444)
    _refused(text_files, out, capsys, "read-only (mode 0444)")
    assert out.read_text(encoding="utf-8") == "previous\n" and stat.S_IMODE(out.stat().st_mode) == 0o444


def test_an_existing_target_keeps_its_mode(text_files, tmp_path) -> None:
    out = tmp_path / "out.csv"
    out.write_text("previous\n", encoding="utf-8")
    out.chmod(0o640)
    assert main([str(text_files[0])], output_format="csv", output=str(out)) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640 and "超过 610 万" in out.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "out.csv"]


def test_a_missing_directory_is_an_error_and_is_not_created(text_files, tmp_path, capsys) -> None:
    out = tmp_path / "no-such-dir" / "out.csv"
    _refused(text_files, out, capsys, "does not exist; create it first")
    assert not out.parent.exists()


def test_dash_writes_to_standard_output(text_files) -> None:
    result = _extract(str(text_files[0]), "-o", "-")
    assert result.returncode == 0, result.stderr
    assert "超过 610 万" in result.stdout.decode("utf-8") and not Path("-").exists()


def test_a_closed_pipe_ends_with_one_line_and_no_traceback(tmp_path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("累计学习人次超过 610 万。\n" * 3000, encoding="utf-8")  # far more output than a pipe buffers
    process = subprocess.Popen(
        [sys.executable, "-m", "ecoanalysis", "extract", str(big), "-o", "-"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout.read(100)  # like `| head`: read a little, then go away
    process.stdout.close()
    err = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=120) == 1
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1 and "broken pipe" in err, err


def test_a_full_standard_output_ends_with_one_line(text_files) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    with open("/dev/full", "wb") as full:
        result = _extract(str(text_files[0]), stdout=full)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 1 and "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert "No space left on device" in err


def test_utf16_with_a_byte_order_mark_is_read(tmp_path) -> None:
    for encoding in ("utf-16", "utf-16-be", "utf-32"):
        source = tmp_path / f"{encoding}.txt"
        prefix = "\ufeff" if encoding == "utf-16-be" else ""  # the utf-16/32 codecs write their own mark
        source.write_text(prefix + "这里没有数字\n累计学习人次超过 610 万。\n", encoding=encoding)
        frame = mentions_of_text(read_text_file(source), str(source))
        assert frame["surface"].tolist() == ["超过 610 万"] and frame["line"].tolist() == [2], encoding


def test_a_decode_error_names_the_file_and_the_byte_offset(tmp_path) -> None:
    text = "累计学习人次\n超过 610 万".encode("utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(text + b"\xff")
    with pytest.raises(InputError, match=rf"{bad}: not valid UTF-8 at byte offset {len(text)} \(line 2\)"):
        read_text_file(bad)
    with_mark = tmp_path / "bom.txt"
    with_mark.write_bytes(b"\xef\xbb\xbf" + text + b"\xff")
    with pytest.raises(InputError, match=f"byte offset {3 + len(text)} "):  # counted from the file's first byte
        read_text_file(with_mark)


def test_an_xlsx_too_large_for_a_sheet_is_refused_before_any_work_is_wasted(text_files, tmp_path, monkeypatch, capsys) -> None:
    assert extract_files.XLSX_MAX_ROWS == 1_048_576  # Excel's specification: rows per worksheet
    monkeypatch.setattr(extract_files, "XLSX_MAX_ROWS", 2)  # the header and one mention fit, two do not
    monkeypatch.setattr(extract_files, "_serialise", lambda *a: pytest.fail("serialised a workbook that cannot fit"))
    out = tmp_path / "out.xlsx"
    assert main([str(text_files[0]), str(text_files[1])], output_format="xlsx", output=str(out)) == 1
    err = capsys.readouterr().err
    assert "2 mentions do not fit in one xlsx sheet" in err and "use --format csv" in err
    assert not out.exists()
