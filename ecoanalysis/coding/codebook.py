"""Codebook: the human judgement that turns number mentions into claims.

The quantity engine (:func:`ecoanalysis.mentions.extract_mentions`) finds every number in the report
mechanically. Whether a number is a claim about the world, a page number or part of a name, what it
measures and whom it is about, is decided by a person and recorded in ``data/raw/codebook.csv``. The
pipeline only reads that file (``data/raw/`` is immutable input); this module checks it against the
engine's output and joins the two.

Codebook format (``data/raw/codebook.csv``)
-------------------------------------------
UTF-8 CSV (a byte-order mark, as Excel writes it, is tolerated), comma separated, one header row with
exactly the columns in :data:`CODEBOOK_COLUMNS` (any order), then one row per number mention that the
engine finds in the report, no more and no less. Blank cells mean "not given".

========== ========================================================================================
column     meaning
========== ========================================================================================
line       1-based raw line of the mention's first character (a number split from its unit by a line
           or page break is one mention, coded at the line of its first character)
surface    the mention exactly as the engine reports it (spaces inside, such as ``320 万``, kept)
occurrence 0-based index among mentions with the same ``line`` and ``surface``, in reading order
value      the value the coder read, in the engine's units (``320 万`` -> 3200000, ``95%`` -> 95, a
           date -> its year, a range -> its low end). Required for claims, optional otherwise; the
           build fails if it disagrees with the engine (relative tolerance 1e-9)
kind       one of :data:`KIND_DEFINITIONS`: ``claim``, ``structural`` or ``noise``
category   claims only, one of :data:`CATEGORY_DEFINITIONS`
subject    claims: what the figure is about, named as the report names it (飞桨, Apollo 开发者社区,
           海淀城市大脑, 灵医智惠 CDSS, 山东电力 AI 中台)
subject_en English name of the subject
metric_en  claims: what is measured, in English ("registered developers", "daily API calls")
as_of      the year the figure refers to (four digits), blank if the report neither gives nor implies it
role       ``before`` or ``after``: overrides the engine for before->after pairs it cannot infer
pair       pair label overriding the engine's ``pair_id`` (optional; both mentions of a pair get it)
note       free text: why a borderline case was coded as it was
========== ========================================================================================

The key of a row is (``line``, ``surface``, ``occurrence``); ``mention_id`` is
``f"{line}:{surface}:{occurrence}"``. The borderline cases are settled by :data:`CODING_RULES`.

:func:`apply_codebook` reports every problem of a codebook at once in one :class:`CodebookError`:
a mention without a row, a row without a mention, a value that disagrees with the engine, a word
outside a vocabulary, a claim without subject, category or metric, a duplicated key, or a broken
before->after pair.

The vocabularies and rules live in :mod:`ecoanalysis.coding.rules`; table 1 of the report has its own
small codebook (:mod:`ecoanalysis.coding.platforms`).
"""
from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from .. import config
from .._text import format_number
from ._csv import CodebookError, _parse_float, _parse_int, _read_csv_rows
from .rules import (
    AS_OF_RANGE,
    CATEGORIES,
    CLAIM_REQUIRED_FIELDS,
    CODEBOOK_COLUMNS,
    KINDS,
    ROLES,
    VALUE_RELATIVE_TOLERANCE,
)


def make_mention_id(line: int, surface: str, occurrence: int) -> str:
    """Return the mention id ``"{line}:{surface}:{occurrence}"``."""
    return f"{int(line)}:{surface}:{int(occurrence)}"


def assign_mention_ids(mentions: pd.DataFrame) -> pd.DataFrame:
    """Return ``mentions`` in reading order with ``occurrence`` and ``mention_id`` columns.

    Parameters
    ----------
    mentions : DataFrame
        The engine's output for a report: needs ``line``, ``surface`` and ``char_start``.

    Returns
    -------
    DataFrame
        A copy sorted by ``char_start`` (stable), with ``occurrence`` (0-based among mentions with the
        same line and surface) and ``mention_id``, and a fresh ``RangeIndex``.
    """
    ordered = mentions.sort_values("char_start", kind="mergesort").reset_index(drop=True)
    ordered["occurrence"] = ordered.groupby(["line", "surface"], sort=False).cumcount().astype("int64")
    ordered["mention_id"] = [
        make_mention_id(line, surface, occurrence)
        for line, surface, occurrence in zip(ordered["line"], ordered["surface"], ordered["occurrence"])
    ]
    return ordered


def read_codebook(path: str | Path = config.CODEBOOK_PATH) -> pd.DataFrame:
    """Read the codebook exactly as written: every cell a string, plus its CSV line number.

    Parameters
    ----------
    path : str or Path
        The codebook CSV (default ``data/raw/codebook.csv``).

    Returns
    -------
    DataFrame
        Columns :data:`CODEBOOK_COLUMNS` as ``str`` (blank cells are empty strings; whitespace around a
        cell is removed except in ``surface``, which must match the engine exactly) and ``row``, the CSV
        line on which the record starts.

    Raises
    ------
    CodebookError
        If the header lacks a column or has an unknown one, or a row has the wrong number of cells.
    """
    frame, problems = read_codebook_with_problems(path)
    if problems:
        raise CodebookError(problems, path)
    return frame


def read_codebook_with_problems(path: str | Path) -> tuple[pd.DataFrame, list[str]]:
    """:func:`read_codebook` without raising on row problems: the frame and the problems found reading it.

    Raises
    ------
    CodebookError
        If the header (or the encoding) makes the rows unreadable.
    """
    path = Path(path)
    records, row_numbers, header_problems, row_problems = _read_csv_rows(path, CODEBOOK_COLUMNS)
    if header_problems:
        raise CodebookError(header_problems, path)
    frame = pd.DataFrame(records, columns=list(CODEBOOK_COLUMNS), dtype=str)
    for column in CODEBOOK_COLUMNS:
        if column != "surface":
            frame[column] = frame[column].str.strip()
    frame.insert(0, "row", pd.Series(row_numbers, dtype="int64"))
    return frame, row_problems



def _values_agree(coded: float, parsed: object) -> bool:
    if parsed is None or pd.isna(parsed):
        return False
    return math.isclose(coded, float(parsed), rel_tol=VALUE_RELATIVE_TOLERANCE, abs_tol=0.0)


def _parsed(number: object) -> str:
    """The engine's parse in a message: the package's one number format (blank if missing), in words."""
    shown = format_number(number)
    return f"parsed value {shown}" if shown else "no parsed value"


def check_codebook_rows(codebook: pd.DataFrame, source: str | Path) -> list[str]:
    """Check each codebook row on its own: key syntax, vocabularies, required fields, duplicates.

    Parameters
    ----------
    codebook : DataFrame
        As returned by :func:`read_codebook`.
    source : str or Path
        File name used in the messages.

    Returns
    -------
    list of str
        One ``"{file}:{row}: {field}: {what is wrong}"`` message per problem, in row order.
    """
    problems: list[str] = []
    first_row_of_key: dict[tuple[str, str, str], int] = {}
    for record in codebook.to_dict("records"):
        found = _key_problems(record) + _judgement_problems(record)
        key = (record["line"], record["surface"], record["occurrence"])
        if key in first_row_of_key:
            shown = _row_mention_id(record) or key
            found.append(("line/surface/occurrence", f"duplicates the key of row {first_row_of_key[key]} ({shown})"))
        else:
            first_row_of_key[key] = record["row"]
        problems += [f"{source}:{record['row']}: {field}: {message}" for field, message in found]
    return problems


def _key_problems(record: dict[str, str]) -> list[tuple[str, str]]:
    """(field, message) for each malformed key cell or value of one codebook row."""
    found = []
    line, occurrence = _parse_int(record["line"]), _parse_int(record["occurrence"])
    if line is None or line < 1:
        found.append(("line", f"{record['line']!r} is not a line number (an integer >= 1)"))
    if occurrence is None or occurrence < 0:
        found.append(("occurrence", f"{record['occurrence']!r} is not an occurrence (an integer >= 0)"))
    if record["surface"] == "":
        found.append(("surface", "is blank"))
    if record["value"] and _parse_float(record["value"]) is None:
        found.append(("value", f"{record['value']!r} is not a number"))
    return found


def _judgement_problems(record: dict[str, str]) -> list[tuple[str, str]]:
    """(field, message) for each judgement cell of one row outside its vocabulary, or missing for a claim."""
    found = []
    kind, category = record["kind"], record["category"]
    if kind not in KINDS:
        found.append(("kind", f"{kind!r} is not one of {', '.join(KINDS)}" if kind else f"is blank; use one of {', '.join(KINDS)}"))
    if category and category not in CATEGORIES:
        found.append(("category", f"{category!r} is not one of {', '.join(CATEGORIES)}"))
    if kind == "claim":
        for field in CLAIM_REQUIRED_FIELDS:
            if not record[field]:
                found.append((field, "a claim needs one" + (f" (one of {', '.join(CATEGORIES)})" if field == "category" else "")))
        if not record["value"]:
            found.append(("value", "a claim needs the value the coder read, to cross-check the engine"))
    elif kind in KINDS and category:
        found.append(("category", f"only claims have a category, but this row is {kind}"))
    if record["role"] and record["role"] not in ROLES:
        found.append(("role", f"{record['role']!r} is not one of {', '.join(ROLES)}"))
    if record["as_of"]:
        year = _parse_int(record["as_of"])
        if year is None or not AS_OF_RANGE[0] <= year <= AS_OF_RANGE[1]:
            found.append(("as_of", f"{record['as_of']!r} is not a year between {AS_OF_RANGE[0]} and {AS_OF_RANGE[1]}"))
    return found


def join_codebook(
    mentions: pd.DataFrame, codebook: pd.DataFrame, *, source: str | Path = config.CODEBOOK_PATH
) -> tuple[pd.DataFrame, list[str]]:
    """Join the engine's mentions to the codebook and list every disagreement.

    Parameters
    ----------
    mentions : DataFrame
        The engine's output for the report (``line``, ``surface``, ``char_start``, ``value``; ``role`` and
        ``pair_id`` if the engine pairs mentions). ``occurrence`` and ``mention_id`` are added if absent.
    codebook : DataFrame
        As returned by :func:`read_codebook`.
    source : str or Path
        File name used in the messages.

    Returns
    -------
    coded : DataFrame
        One row per mention in reading order: the mention's columns plus :data:`CODED_COLUMNS`, with
        ``role`` and ``pair_id`` overridden by the codebook where it gives them, and ``codebook_row`` (the
        CSV line, ``<NA>`` for an uncoded mention). Coded columns are ``str`` with ``<NA>`` for blank;
        ``as_of`` is ``Int64``.
    problems : list of str
        Every problem found, empty when the codebook is complete and consistent.
    """
    if "mention_id" not in mentions.columns or "occurrence" not in mentions.columns:
        mentions = assign_mention_ids(mentions)
    else:
        mentions = mentions.sort_values("char_start", kind="mergesort").reset_index(drop=True)
    problems = check_codebook_rows(codebook, source)
    by_key = _row_position_by_key(codebook)
    positions, match_problems = _match_mentions(mentions, codebook, by_key, source)
    problems += match_problems
    problems += _rows_without_mention(mentions, codebook, by_key, set(positions) - {None}, source)
    coded = _with_coded_columns(mentions, [codebook.iloc[p] if p is not None else None for p in positions])
    problems.extend(check_pairs(coded, source))
    return coded, problems


def _row_position_by_key(codebook: pd.DataFrame) -> dict[str, int]:
    """mention_id -> position of the first codebook row with that key (malformed keys are left out)."""
    by_key: dict[str, int] = {}
    for position, record in enumerate(codebook.to_dict("records")):
        mention_id = _row_mention_id(record)
        if mention_id is not None:  # malformed keys: reported by check_codebook_rows
            by_key.setdefault(mention_id, position)
    return by_key


def _row_mention_id(record: dict[str, str]) -> str | None:
    """The mention id a codebook row's key names, or None when its line or occurrence is not an integer."""
    line, occurrence = _parse_int(record["line"]), _parse_int(record["occurrence"])
    return make_mention_id(line, record["surface"], occurrence) if line is not None and occurrence is not None else None


def _match_mentions(
    mentions: pd.DataFrame, codebook: pd.DataFrame, by_key: dict[str, int], source: str | Path
) -> tuple[list[int | None], list[str]]:
    """The codebook row position of each mention (None if uncoded), and the uncoded or misread mentions."""
    positions: list[int | None] = []
    problems: list[str] = []
    for mention in mentions.to_dict("records"):
        position = by_key.get(mention["mention_id"])
        positions.append(position)
        if position is None:
            sentence = str(mention.get("sentence") or "")
            context = f"; sentence: {sentence[:60]}" if sentence else ""
            problems.append(
                f"{source}: mention {mention['mention_id']} has no codebook row "
                f"(line {mention['line']}, surface {mention['surface']!r}, {_parsed(mention.get('value'))}{context})"
            )
            continue
        record = codebook.iloc[position]
        coded_value = _parse_float(record["value"]) if record["value"] else None
        if coded_value is not None and not _values_agree(coded_value, mention.get("value")):
            problems.append(
                f"{source}:{record['row']}: value: the codebook says {record['value']} but the engine parsed "
                f"{mention['surface']!r} (mention {mention['mention_id']}) as {format_number(mention.get('value')) or 'no value'}"
            )
    return positions, problems


def _rows_without_mention(
    mentions: pd.DataFrame, codebook: pd.DataFrame, by_key: dict[str, int], matched: set[int], source: str | Path
) -> list[str]:
    """A problem for each codebook row whose key names no mention, with the mentions found on its line."""
    ids_on_line: dict[int, list[str]] = {}
    for mention_id, line in zip(mentions["mention_id"], mentions["line"]):
        ids_on_line.setdefault(int(line), []).append(mention_id)
    problems = []
    for position, record in enumerate(codebook.to_dict("records")):
        key = _row_mention_id(record)
        if position in matched or key is None or by_key.get(key) != position:
            continue  # matched, malformed or a duplicated key: the last two already reported
        nearby = ids_on_line.get(int(record["line"]), [])
        hint = f"; the engine finds {', '.join(nearby)} on that line" if nearby else "; the engine finds no mention on that line"
        problems.append(f"{source}:{record['row']}: line/surface/occurrence: no mention {key} in the report{hint}")
    return problems


def _with_coded_columns(mentions: pd.DataFrame, rows: list[pd.Series | None]) -> pd.DataFrame:
    """``mentions`` plus the judgement of each one's codebook row (``rows``, None for an uncoded mention)."""
    coded = mentions.copy()

    def column(name: str) -> pd.Series:
        values = [(r[name] if r is not None and r[name] != "" else None) for r in rows]
        return pd.Series(values, index=coded.index, dtype="str")

    for name in ("kind", "category", "subject", "subject_en", "metric_en", "note"):
        coded[name] = column(name)
    coded["as_of"] = pd.array(
        [(_parse_int(r["as_of"]) if r is not None and r["as_of"] else None) for r in rows], dtype="Int64"
    )
    coded["codebook_row"] = pd.array([(int(r["row"]) if r is not None else None) for r in rows], dtype="Int64")

    engine_role = coded["role"] if "role" in coded.columns else pd.Series(None, index=coded.index, dtype="str")
    engine_pair = coded["pair_id"] if "pair_id" in coded.columns else pd.Series(None, index=coded.index, dtype="object")
    coded_role, coded_pair = column("role"), column("pair")
    coded["role"] = coded_role.where(coded_role.notna(), engine_role.astype("str").where(engine_role.notna()))
    coded["pair_id"] = coded_pair.where(coded_pair.notna(), _engine_pair_labels(coded, engine_pair))
    return coded


def _engine_pair_labels(coded: pd.DataFrame, engine_pair: pd.Series) -> pd.Series:
    """Label each engine pair by the mention_id of its first (before) mention.

    The engine numbers pairs in reading order, so its numbers shift when a pair is found earlier in the
    text; the first mention's id is stable and says where to look (``854:80%:0``).
    """
    labels = pd.Series(None, index=coded.index, dtype="str")
    present = engine_pair.notna()
    for _, members in coded[present].groupby(engine_pair[present], sort=False):
        labels.loc[members.index] = members["mention_id"].iloc[0]
    return labels


def check_pairs(coded: pd.DataFrame, source: str | Path) -> list[str]:
    """Check that every before->after pair among the claims has exactly one before and one after.

    Parameters
    ----------
    coded : DataFrame
        Output of the join (``kind``, ``role``, ``pair_id``, ``mention_id``, ``codebook_row``).
    source : str or Path
        File name used in the messages.

    Returns
    -------
    list of str
        One message per broken pair or stray role.
    """
    problems: list[str] = []

    def where(mention: pd.Series) -> str:
        row = mention["codebook_row"]
        return f"{source}:{row}" if not pd.isna(row) else f"{source}: mention {mention['mention_id']}"

    claims = coded[coded["kind"] == "claim"]
    for _, mention in claims[claims["role"].notna() & claims["pair_id"].isna()].iterrows():
        problems.append(
            f"{where(mention)}: pair: mention {mention['mention_id']} has role {mention['role']} but no pair; "
            "give both mentions of the pair the same pair label"
        )
    paired = coded[coded["pair_id"].notna()]
    for pair_id, members in paired.groupby("pair_id", sort=True):
        kinds = set(members["kind"].dropna())
        if "claim" not in kinds:
            continue  # pairs among noise or structural mentions are not claims and are not tabulated
        first = members.iloc[0]
        if kinds != {"claim"}:
            problems.append(
                f"{where(first)}: kind: pair {pair_id} mixes kinds ({', '.join(sorted(kinds))}); "
                "both mentions of a before->after pair must be claims"
            )
            continue
        roles = sorted(members["role"].fillna("(none)"))
        if roles != ["after", "before"]:
            ids = ", ".join(members["mention_id"])
            problems.append(
                f"{where(first)}: role: pair {pair_id} ({ids}) has roles {', '.join(roles)}; "
                "it needs exactly one before and one after"
            )
    return problems


def apply_codebook(mentions: pd.DataFrame, path: str | Path = config.CODEBOOK_PATH) -> pd.DataFrame:
    """Read the codebook at ``path``, join it to ``mentions`` and fail on any problem.

    Parameters
    ----------
    mentions : DataFrame
        The engine's output for the report.
    path : str or Path
        The codebook CSV.

    Returns
    -------
    DataFrame
        The coded mentions (see :func:`join_codebook`).

    Raises
    ------
    CodebookError
        Listing every problem at once.
    """
    codebook, problems = read_codebook_with_problems(path)
    coded, join_problems = join_codebook(mentions, codebook, source=path)
    problems += join_problems
    if problems:
        raise CodebookError(problems, path)
    return coded


def codebook_template(mentions: pd.DataFrame, *, kind: str = "") -> pd.DataFrame:
    """Return a codebook skeleton for ``mentions``: one row per mention, keys and parsed value filled in.

    Coders start from this (``codebook_template(extract_mentions(load_report())).to_csv(...)``) and fill in
    the judgement columns. The pipeline itself never writes the codebook.

    Parameters
    ----------
    mentions : DataFrame
        The engine's output for the report.
    kind : str, optional
        Pre-filled ``kind`` of every row (the tests use ``"noise"`` to get a complete, valid codebook).

    Returns
    -------
    DataFrame
        Columns :data:`CODEBOOK_COLUMNS`, all ``str``.
    """
    ordered = assign_mention_ids(mentions) if "mention_id" not in mentions.columns else mentions
    template = pd.DataFrame(
        {
            "line": ordered["line"].astype("int64").astype(str),
            "surface": ordered["surface"].astype(str),
            "occurrence": ordered["occurrence"].astype("int64").astype(str),
            "value": [format_number(v) for v in ordered["value"]],
        }
    )
    for column in CODEBOOK_COLUMNS[4:]:
        template[column] = kind if column == "kind" else ""
    return template[list(CODEBOOK_COLUMNS)].astype(str)
