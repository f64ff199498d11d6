"""``python -m ecoanalysis extract FILE... [--format csv|xlsx|json] [-o OUT]``.

Writes the number mentions of any text files (UTF-8, or UTF-16/UTF-32 with a byte-order mark). Every
input is read and checked first; if any fails (unreadable, binary, undecodable) the command names it,
writes nothing and exits non-zero. The output goes to standard output (``-o -`` or no ``-o``) or
replaces a regular file atomically (:func:`ecoanalysis._atomic.write_file`), which refuses to write
over a link, a device, a read-only file or an input.
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

import pandas as pd

from ._atomic import OutputError, check_output_path, write_file, write_stdout
from ._text import LineIndex, TextDecodeError, decode_text
from .quantities import MENTION_COLUMNS, extract_mentions

#: Output formats and whether they can go to standard output.
FORMATS: dict[str, bool] = {"csv": True, "json": True, "xlsx": False}

#: ``-o`` value meaning standard output.
STDOUT = "-"

#: Rows of one worksheet in the xlsx format (Excel's specification), the header row included.
XLSX_MAX_ROWS = 1_048_576


class InputError(Exception):
    """An input file cannot be used; the message names the file."""


def read_text_file(path: str | Path) -> str:
    """Read a text file: UTF-8, or UTF-16/UTF-32 with a byte-order mark (the mark is dropped).

    Raises
    ------
    InputError
        If the file cannot be read, contains a NUL byte without a UTF-16/32 byte-order mark (binary),
        or cannot be decoded; the message names the file and, for decode errors, the byte offset.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read file: {error.strerror or error}") from error
    try:
        return decode_text(data, path)
    except TextDecodeError as error:
        raise InputError(str(error)) from None


def mentions_of_text(text: str, file_label: str) -> pd.DataFrame:
    """Mentions of one file's text with a ``file`` column and per-file line/column numbers.

    ``line``/``line_end`` are 1-based; ``col_start`` is the 0-based column of the first character and
    ``col_end`` the column after the last one, on ``line_end``.
    """
    frame = extract_mentions(text)
    spans = LineIndex(text).spans(frame["char_start"].astype("int64").tolist(), frame["char_end"].astype("int64").tolist())
    for position, name in enumerate(("line", "col_start", "line_end", "col_end")):
        frame[name] = pd.array([span[position] for span in spans], dtype="Int64")
    frame.insert(0, "file", pd.array([file_label] * len(frame), dtype="string"))
    return frame


def _serialise(frame: pd.DataFrame, output_format: str) -> bytes:
    if output_format == "csv":
        return frame.to_csv(index=False).encode("utf-8")
    if output_format == "json":
        return frame.to_json(orient="records", force_ascii=False, indent=1).encode("utf-8")
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False, sheet_name="mentions", engine="openpyxl")
    return buffer.getvalue()


def main(files: list[str], *, output_format: str = "csv", output: str | None = None) -> int:
    """Run the extract command; returns the process exit status.

    Parameters
    ----------
    files : list of str
        UTF-8 text files.
    output_format : {"csv", "xlsx", "json"}
    output : str, optional
        Output path; standard output when omitted or ``"-"`` (not allowed for xlsx).
    """
    if output_format not in FORMATS:
        print(f"error: unknown format {output_format!r}; choose from {', '.join(FORMATS)}", file=sys.stderr)
        return 2
    to_stdout = output is None or output == STDOUT
    if to_stdout and not FORMATS[output_format]:
        print(f"error: --format {output_format} needs an output file (-o OUT)", file=sys.stderr)
        return 2
    errors: list[str] = []
    if not to_stdout:
        try:
            check_output_path(output, inputs=files)  # before the work, so a refused path costs nothing
        except OutputError as error:
            errors.append(str(error))
    texts: list[tuple[str, str]] = []
    for name in files:
        try:
            texts.append((name, read_text_file(name)))
        except InputError as error:
            errors.append(str(error))
    if errors:
        return _fail(errors)

    result = _extract_all(texts)
    if output_format == "xlsx" and len(result) + 1 > XLSX_MAX_ROWS:
        return _fail([
            f"{len(result):,} mentions do not fit in one xlsx sheet (at most {XLSX_MAX_ROWS - 1:,} rows below the "
            "header); use --format csv"
        ])
    data = _serialise(result, output_format)
    if to_stdout:
        return write_stdout(data)
    try:
        write_file(output, data, inputs=files)
    except OSError as error:
        return _fail([f"cannot write {output}: {error.strerror or error}" if not isinstance(error, OutputError) else str(error)])
    return 0


def _fail(messages: list[str]) -> int:
    for message in messages:
        print(f"error: {message}", file=sys.stderr)
    print("error: nothing written", file=sys.stderr)
    return 1


def _extract_all(texts: list[tuple[str, str]]) -> pd.DataFrame:
    """Mentions of every ``(name, text)``, in input order, with the output columns."""
    iterator = texts
    if len(texts) > 1:
        from tqdm import tqdm

        iterator = tqdm(texts, desc="extracting", unit="file", file=sys.stderr)
    frames = [mentions_of_text(text, name) for name, text in iterator]
    result = pd.concat(frames, ignore_index=True) if frames else mentions_of_text("", "")
    return result[["file", *MENTION_COLUMNS]]
