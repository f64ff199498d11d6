"""Reading the hand-written codebooks: every cell a string, every problem named by file, line and field."""
from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable
from pathlib import Path

from .._text import TextDecodeError, decode_text


class CodebookError(ValueError):
    """The codebook and the engine's mentions disagree; ``problems`` lists every disagreement."""

    def __init__(self, problems: Iterable[str], source: str | Path | None = None):
        self.problems = list(problems)
        self.source = str(source) if source is not None else None
        where = f" in {self.source}" if self.source else ""
        count = len(self.problems)
        header = f"{count} codebook problem{'s' if count != 1 else ''}{where}:"
        super().__init__(header + "\n  " + "\n  ".join(self.problems))



def _read_csv_rows(path: Path, expected: tuple[str, ...]) -> tuple[list[dict[str, str]], list[int], list[str], list[str]]:
    """Read a hand-written CSV as strings, remembering the CSV line where each record starts.

    Returns the records, their line numbers, the header problems (which make the rows unreadable:
    undecodable file, missing or unknown columns) and the row problems (a row with the wrong number of
    cells, which the other rows' checks need not wait for).
    """
    try:
        text = decode_text(path.read_bytes(), path, what="the codebook")
    except TextDecodeError as error:
        return [], [], [str(error)], []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration:
        return [], [], [f"{path}:1: header: the file is empty; expected columns {', '.join(expected)}"], []
    records: list[dict[str, str]] = []
    row_numbers: list[int] = []
    cell_counts: dict[int, int] = {}
    previous_end = reader.line_num
    for cells in reader:
        start = previous_end + 1
        previous_end = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue  # blank lines are allowed, e.g. at the end of a hand-edited file
        if len(cells) != len(header):
            cell_counts[start] = len(cells)
        records.append({name: (cells[i] if i < len(cells) else "") for i, name in enumerate(header)})
        row_numbers.append(start)
    header_problems = _header_problems(path, header, expected, cell_counts, len(records))
    if header_problems:
        return records, row_numbers, header_problems, []
    row_problems = [
        f"{path}:{row}: row: {count} cells but the header has {len(header)} columns (a comma inside a cell needs quotes)"
        for row, count in cell_counts.items()
    ]
    return records, row_numbers, [], row_problems


def _header_problems(path: Path, header: list[str], expected: tuple[str, ...], cell_counts: dict[int, int], rows: int) -> list[str]:
    """One message per header problem; rows that all disagree with a broken header are part of its message."""
    missing = [name for name in expected if name not in header]
    unknown = [name for name in header if name not in expected]
    duplicated = sorted({name for name in header if header.count(name) > 1})
    problems = []
    if missing:
        counts = set(cell_counts.values())
        every_row = f"; every row has {counts.pop()} cells, so the header row lost the name" if rows and len(cell_counts) == rows and len(counts) == 1 else ""
        problems.append(f"{path}:1: header: missing column(s) {', '.join(missing)}{every_row}")
    if unknown:
        problems.append(f"{path}:1: header: unknown column(s) {', '.join(unknown)}; expected {', '.join(expected)}")
    if duplicated:
        problems.append(f"{path}:1: header: duplicated column(s) {', '.join(duplicated)}")
    return problems



def _parse_int(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return None


def _parse_float(text: str) -> float | None:
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None
