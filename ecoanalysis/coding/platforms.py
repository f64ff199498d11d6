"""Table 1 of the report (national AI open innovation platforms) joined to its hand-written codebook.

``data/raw/codebook_platforms.csv`` has the columns in :data:`PLATFORM_CODEBOOK_COLUMNS`; ``host_kind`` is
one of :data:`~ecoanalysis.coding.rules.HOST_KIND_DEFINITIONS`.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import config
from ._csv import CodebookError, _parse_int, _read_csv_rows
from .rules import HOST_KINDS

#: Hand-written companion of table 1.
PLATFORM_CODEBOOK_PATH = config.PLATFORM_CODEBOOK_PATH

#: Columns of ``data/raw/codebook_platforms.csv``: ``number`` is the row number in table 1 and
#: ``host_zh`` must equal the host the document model reads from that row (cross-check).
PLATFORM_CODEBOOK_COLUMNS: tuple[str, ...] = ("number", "host_zh", "host_en", "host_kind", "domain_en")


def read_platform_codebook(path: str | Path = PLATFORM_CODEBOOK_PATH) -> pd.DataFrame:
    """Read ``codebook_platforms.csv`` and check its vocabulary and keys.

    Parameters
    ----------
    path : str or Path
        The platform codebook.

    Returns
    -------
    DataFrame
        Columns :data:`PLATFORM_CODEBOOK_COLUMNS` (``number`` as ``int64``, the rest ``str``) and ``row``.

    Raises
    ------
    CodebookError
        Listing every problem at once.
    """
    path = Path(path)
    records, row_numbers, header_problems, problems = _read_csv_rows(path, PLATFORM_CODEBOOK_COLUMNS)
    if header_problems:
        raise CodebookError(header_problems, path)
    seen: dict[int, int] = {}
    for record, row in zip(records, row_numbers):
        number = _parse_int(record["number"].strip())
        if number is None or number < 1:
            problems.append(f"{path}:{row}: number: {record['number']!r} is not a table row number (an integer >= 1)")
        elif number in seen:
            problems.append(f"{path}:{row}: number: duplicates row {seen[number]}")
        else:
            seen[number] = row
        if record["host_kind"].strip() not in HOST_KINDS:
            problems.append(f"{path}:{row}: host_kind: {record['host_kind']!r} is not one of {', '.join(HOST_KINDS)}")
        for field in ("host_zh", "host_en", "domain_en"):
            if not record[field].strip():
                problems.append(f"{path}:{row}: {field}: is blank")
    if problems:
        raise CodebookError(problems, path)
    frame = pd.DataFrame(records, columns=list(PLATFORM_CODEBOOK_COLUMNS), dtype=str)
    frame = frame.apply(lambda column: column.str.strip())
    frame["number"] = frame["number"].astype("int64")
    frame.insert(0, "row", pd.Series(row_numbers, dtype="int64"))
    return frame


def join_platforms(platforms: pd.DataFrame, codebook: pd.DataFrame, *, source: str | Path = PLATFORM_CODEBOOK_PATH) -> tuple[pd.DataFrame, list[str]]:
    """Join table 1 as read by the document model to its hand-written codebook.

    Parameters
    ----------
    platforms : DataFrame
        Table 1 rows with ``number``, ``host_zh``, ``domain_zh``, ``platform_zh``, ``line``.
    codebook : DataFrame
        As returned by :func:`read_platform_codebook`.
    source : str or Path
        File name used in the messages.

    Returns
    -------
    joined : DataFrame
        ``number, host_zh, host_en, host_kind, domain_zh, domain_en, platform_zh, line`` sorted by number.
    problems : list of str
        Table rows without a codebook row and vice versa, and host names that disagree.
    """
    problems: list[str] = []
    coded = codebook.set_index("number")
    table_numbers = set(int(n) for n in platforms["number"])
    for record in platforms.to_dict("records"):
        number = int(record["number"])
        if number not in coded.index:
            problems.append(f"{source}: table 1 row {number} ({record['host_zh']}, line {record['line']}) has no codebook row")
        elif coded.at[number, "host_zh"] != record["host_zh"]:
            problems.append(
                f"{source}:{coded.at[number, 'row']}: host_zh: the codebook says {coded.at[number, 'host_zh']!r} "
                f"but table 1 row {number} (line {record['line']}) reads {record['host_zh']!r}"
            )
    for number in coded.index:
        if number not in table_numbers:
            problems.append(f"{source}:{coded.at[number, 'row']}: number: table 1 has no row {number}")
    joined = platforms.merge(codebook.drop(columns=["row", "host_zh"]), on="number", how="inner", validate="one_to_one")
    joined = joined.sort_values("number", kind="mergesort").reset_index(drop=True)
    columns = ["number", "host_zh", "host_en", "host_kind", "domain_zh", "domain_en", "platform_zh", "line"]
    return joined[columns], problems
