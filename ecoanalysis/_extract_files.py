"""``python -m ecoanalysis extract FILE... [--format csv|xlsx|json] [-o OUT]``.

Writes the number mentions of any UTF-8 text files. Every input is read and checked first; if any
fails (unreadable, binary, not UTF-8) the command names it, writes nothing and exits non-zero. The
output is written to a temporary file next to the target and renamed over it, so a failure never leaves
a half-written file behind.
"""
from __future__ import annotations

import io
import sys
from bisect import bisect_right
from pathlib import Path

import pandas as pd

from ._atomic import replace_all
from .mentions import TEXT_MENTION_COLUMNS, extract_mentions

#: Output formats and whether they can go to standard output.
FORMATS: dict[str, bool] = {"csv": True, "json": True, "xlsx": False}

#: Byte that marks a file as binary: UTF-8 text never contains NUL.
NUL = b"\x00"


class InputError(Exception):
    """An input file cannot be used; the message names the file."""


def read_text_file(path: str | Path) -> str:
    """Read a UTF-8 text file (a leading BOM is dropped).

    Raises
    ------
    InputError
        If the file cannot be read, contains a NUL byte (binary), or is not valid UTF-8; the message
        names the file and, for decode errors, the byte offset.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read file: {error.strerror or error}") from error
    nul_at = data.find(NUL)
    if nul_at >= 0:
        raise InputError(f"{path}: looks like a binary file (NUL byte at byte offset {nul_at}); expected UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{path}: not valid UTF-8 at byte offset {error.start} ({error.reason}); re-encode the file as UTF-8"
        ) from error


def mentions_of_text(text: str, file_label: str) -> pd.DataFrame:
    """Mentions of one file's text with a ``file`` column and per-file line/column numbers.

    ``line``/``line_end`` are 1-based; ``col_start`` is the 0-based column of the first character and
    ``col_end`` the column after the last one, on ``line_end``.
    """
    frame = extract_mentions(text)
    line_starts = [0]
    line_starts.extend(index + 1 for index, char in enumerate(text) if char == "\n")
    starts = frame["char_start"].astype("int64").tolist()
    lasts = [end - 1 for end in frame["char_end"].astype("int64").tolist()]
    lines = [bisect_right(line_starts, offset) for offset in starts]
    line_ends = [bisect_right(line_starts, offset) for offset in lasts]
    frame["line"] = pd.array(lines, dtype="Int64")
    frame["col_start"] = pd.array([o - line_starts[n - 1] for o, n in zip(starts, lines)], dtype="Int64")
    frame["line_end"] = pd.array(line_ends, dtype="Int64")
    frame["col_end"] = pd.array([o + 1 - line_starts[n - 1] for o, n in zip(lasts, line_ends)], dtype="Int64")
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
        Output path; standard output when omitted (not allowed for xlsx).
    """
    if output_format not in FORMATS:
        print(f"error: unknown format {output_format!r}; choose from {', '.join(FORMATS)}", file=sys.stderr)
        return 2
    if output is None and not FORMATS[output_format]:
        print(f"error: --format {output_format} needs an output file (-o OUT)", file=sys.stderr)
        return 2

    texts: list[tuple[str, str]] = []
    errors: list[str] = []
    for name in files:
        try:
            texts.append((name, read_text_file(name)))
        except InputError as error:
            errors.append(str(error))
    if errors:
        for message in errors:
            print(f"error: {message}", file=sys.stderr)
        print("error: nothing written", file=sys.stderr)
        return 1

    frames = []
    iterator = texts
    if len(texts) > 1:
        from tqdm import tqdm

        iterator = tqdm(texts, desc="extracting", unit="file", file=sys.stderr)
    for name, text in iterator:
        frames.append(mentions_of_text(text, name))
    if frames:
        result = pd.concat(frames, ignore_index=True)
    else:
        result = mentions_of_text("", "")
    result = result[["file", *TEXT_MENTION_COLUMNS]]

    data = _serialise(result, output_format)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    try:
        replace_all({Path(output): data})
    except OSError as error:
        print(f"error: cannot write {output}: {error.strerror or error}", file=sys.stderr)
        return 1
    return 0
