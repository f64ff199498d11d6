"""Codebook: the human judgement that turns number mentions into claims.

The quantity engine (:func:`ecoanalysis.quantities.extract_mentions`) finds every number in the report
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

Table 1 of the report (the national AI open innovation platforms) has its own small hand-written
codebook, ``data/raw/codebook_platforms.csv``, with the columns in :data:`PLATFORM_CODEBOOK_COLUMNS`;
``host_kind`` is one of :data:`HOST_KIND_DEFINITIONS`.
"""
from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .. import config
from .._text import TextDecodeError, decode_text, format_number

#: Columns of ``data/raw/codebook.csv``, in the recommended order.
CODEBOOK_COLUMNS: tuple[str, ...] = (
    "line",
    "surface",
    "occurrence",
    "value",
    "kind",
    "category",
    "subject",
    "subject_en",
    "metric_en",
    "as_of",
    "role",
    "pair",
    "note",
)

#: Columns that identify a mention; together unique in the codebook.
KEY_COLUMNS: tuple[str, ...] = ("line", "surface", "occurrence")

KIND_DEFINITIONS: dict[str, str] = {
    "claim": (
        "A quantitative assertion about the world (a count, share, rate, amount, duration, multiple, rank, or "
        "the date of an event) that a reader could cite or check."
    ),
    "structural": (
        "The report's own framing rather than the world: counts of its own points (四点特征, 三大不同, "
        "三层面、一体系, 四种典型生态运行模式), and numbers inside a title or name (一基地两平台三中心, "
        "第十四个五年规划, 2035 年远景目标纲要, 5G, Apollo6.0, 360 公司, 瑞芯微 RK18)."
    ),
    "noise": (
        "Numbers that organise the document: page and table-of-contents numbers, section labels (01, 02), "
        "figure and table labels (图 1, 表 1), footnote markers and the numbers of the footnotes, table row "
        "numbers (1..15 in table 1), list ordinals (一是, 二是), and dates of cited sources."
    ),
}
KINDS: tuple[str, ...] = tuple(KIND_DEFINITIONS)

CATEGORY_DEFINITIONS: dict[str, str] = {
    "adoption": (
        "How many use, join or are served by a platform or product: developers, enterprise users, customers, "
        "partners, member companies, deployments, regions or industries covered, chips adapted, countries "
        "and institutions taking part."
    ),
    "scale": (
        "The size of an asset or of an activity at a point in time: models, technical capabilities, API calls "
        "per day, buildings and data layers, cameras, code repositories, commits, stars, standards, patents, "
        "products on a marketplace, competitions held."
    ),
    "accuracy": (
        "The quality of an AI system's output: accuracy, recognition, detection and recall rates, coverage of a "
        "knowledge base, precision gains, and before->after changes of these."
    ),
    "funding": (
        "Money put into firms or research: financing rounds and their shares, investment, R&D spending as a "
        "share of revenue, resources given to start-ups valued in money."
    ),
    "growth": (
        "A rate of change over time of some quantity: year-on-year growth, growth of resources, daily "
        "additions of developers or repositories."
    ),
    "efficiency": (
        "Time, cost or labour saved and productivity gained: faster inference, shorter set-up periods, fewer "
        "staff needed, higher labour productivity or tuning efficiency."
    ),
    "education": (
        "Teaching and training: teachers and talent trained, universities offering courses, courses, learners "
        "and learning sessions, practical cases opened for teaching."
    ),
    "economy": (
        "Effects on the wider economy: jobs created, tax paid, size of an industry cluster in money, "
        "enterprises incubated, output value."
    ),
    "recognition": (
        "Standing relative to others: awards and prizes, competition titles, rankings (first in China), "
        "'first' claims that come with a number."
    ),
    "date": "When something happened or will happen: launches, releases, policy publications, agreements, founding years.",
    "other": "A claim that fits none of the categories above; the note says why.",
}
CATEGORIES: tuple[str, ...] = tuple(CATEGORY_DEFINITIONS)

#: Roles of the two mentions of a before->after pair (e.g. 由原来的 80% 提升到 95%).
ROLES: tuple[str, ...] = ("before", "after")

#: Rules for the borderline cases; each key names the case, the value says how to code it.
CODING_RULES: dict[str, str] = {
    "one row per mention": (
        "Every mention the engine reports gets exactly one row, also noise: the build fails on a missing or an "
        "extra row, so the codebook is a complete audit of the engine's output."
    ),
    "split mentions": (
        "A number split from its unit by a line or page break (320 万 broken after 320) is one mention, coded at "
        "the line of its first character."
    ),
    "relative dates": (
        f"The report was published in {config.REPORT_YEAR}. 今年 3 月 is March {config.REPORT_YEAR}; 上一年 is the "
        "year before the year the sentence is about; 截至目前 and 目前 are coded as_of "
        f"{config.REPORT_YEAR}."
    ),
    "recent years": (
        "近 6 年 means 'the last six years' up to the report: the 6 is a structural duration that qualifies "
        "another figure (R&D share of revenue), not a claim of its own."
    ),
    "as_of": (
        "as_of is the year the figure refers to when the report gives it (截至 2020 年底 -> 2020; 2020 年，平台学习"
        f"资源增长 180% -> 2020) or implies it (目前 -> {config.REPORT_YEAR}); otherwise blank. For a forecast "
        "(到 2035 年 ... 提高 27%) it is the target year."
    ),
    "qualifying years": (
        "A year or month that only says when another figure applies (截至 2020 年底, 2020 年，...) is structural, "
        "and its year goes into the as_of of that figure. A date is a date claim when something happened "
        "then (2017 年 4 月，Apollo 正式发布全球开放计划)."
    ),
    "cited sources": (
        "Dates and numbers in footnote references (2020 年 12 月 in a bibliography entry) are noise; the "
        "footnote number itself is carried by the mention it is glued to (column footnote), not coded."
    ),
    "names": (
        "Numbers inside names, titles and slogans (5G, Apollo6.0, RK18, 360 公司, 十四五, 一基地两平台三中心, "
        "《...（2019-2021 年）》) are structural, even when they look like dates."
    ),
    "lists and ordinals": (
        "一是/二是, chapter numbers (01, 02), table row numbers (1..15 in table 1) and page numbers are noise."
    ),
    "repeated figures": (
        "A figure repeated in another place (飞桨 320 万开发者) is coded as a claim each time, with the same "
        "subject and metric_en, so that consistency can be checked."
    ),
    "vague quantities": (
        "Approximate words that the engine parses (数千, 百万级, 近百种, 八成以上) are claims when they assert a size; "
        "value is what the engine parsed (the lower bound), the qualifier column keeps the vagueness."
    ),
    "before and after": (
        "In 由 X 提升到 Y the engine pairs X (before) and Y (after). Where it cannot infer the roles, the coder sets "
        "role on both rows and, if needed, the same pair label; a lone improvement (提升 60%) is not a pair. Example "
        "the engine misses: 大恒图像's set-up period, 6 到 8 周 (before) -> 2 周 (after), in different sentences. Both "
        "rows of a pair get the same category, subject and metric_en."
    ),
    "firsts": (
        "第一 and 首个/首家 ('the first ...') are rank claims (unit rank, value 1, category recognition); the metric_en "
        "says what ranking is claimed. 首先, 首都 and 首次 are not ranks."
    ),
    "subjects": (
        "subject names the system or organisation the way the report does (飞桨, not PaddlePaddle; 山东电力 AI 中台); "
        "the same thing gets the same subject everywhere."
    ),
}

#: Relative tolerance when comparing the coder's value with the engine's parse.
VALUE_RELATIVE_TOLERANCE = 1e-9

#: Fields a claim cannot do without.
CLAIM_REQUIRED_FIELDS: tuple[str, ...] = ("category", "subject", "metric_en")

#: Plausible range of as_of years (the report covers policy from the 2010s to 2035 targets).
AS_OF_RANGE = (1900, 2100)

#: Codebook columns carried into the coded mentions (the key columns and value are checked, not carried).
CODED_COLUMNS: tuple[str, ...] = ("kind", "category", "subject", "subject_en", "metric_en", "as_of", "note")

#: CSV line of the first data row: line 1 is the header.
FIRST_DATA_ROW = 2

# ---------------------------------------------------------------------------------------------------
# Table 1: national AI open innovation platforms
# ---------------------------------------------------------------------------------------------------

#: Hand-written companion of table 1.
PLATFORM_CODEBOOK_PATH = config.PLATFORM_CODEBOOK_PATH

#: Columns of ``data/raw/codebook_platforms.csv``: ``number`` is the row number in table 1 and
#: ``host_zh`` must equal the host the document model reads from that row (cross-check).
PLATFORM_CODEBOOK_COLUMNS: tuple[str, ...] = ("number", "host_zh", "host_en", "host_kind", "domain_en")

#: The report's own typology of host organisations (人工智能公司、互联网公司 ... 垂直领域的行业公司),
#: with device makers split out because their platforms grow out of hardware.
HOST_KIND_DEFINITIONS: dict[str, str] = {
    "ai_company": "A company founded on AI technology itself (speech, vision, marketing intelligence), such as iFlytek or SenseTime.",
    "internet_platform": "An internet or cloud platform company whose AI platform builds on consumer-internet and cloud services, such as Baidu or Tencent.",
    "device_maker": "A maker of hardware devices (cameras, telecoms equipment, phones, home appliances) whose AI platform grows out of its devices.",
    "vertical_industry": "A company from a vertical industry (education, finance) that hosts a platform for its own sector.",
}
HOST_KINDS: tuple[str, ...] = tuple(HOST_KIND_DEFINITIONS)


class CodebookError(ValueError):
    """The codebook and the engine's mentions disagree; ``problems`` lists every disagreement."""

    def __init__(self, problems: Iterable[str], source: str | Path | None = None):
        self.problems = list(problems)
        self.source = str(source) if source is not None else None
        where = f" in {self.source}" if self.source else ""
        count = len(self.problems)
        header = f"{count} codebook problem{'s' if count != 1 else ''}{where}:"
        super().__init__(header + "\n  " + "\n  ".join(self.problems))


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
        row = record["row"]

        def problem(field: str, message: str) -> None:
            problems.append(f"{source}:{row}: {field}: {message}")

        line, occurrence = _parse_int(record["line"]), _parse_int(record["occurrence"])
        if line is None or line < 1:
            problem("line", f"{record['line']!r} is not a line number (an integer >= 1)")
        if occurrence is None or occurrence < 0:
            problem("occurrence", f"{record['occurrence']!r} is not an occurrence (an integer >= 0)")
        if record["surface"] == "":
            problem("surface", "is blank")
        if record["value"] and _parse_float(record["value"]) is None:
            problem("value", f"{record['value']!r} is not a number")

        kind = record["kind"]
        if kind not in KINDS:
            problem("kind", f"{kind!r} is not one of {', '.join(KINDS)}" if kind else f"is blank; use one of {', '.join(KINDS)}")
        category = record["category"]
        if category and category not in CATEGORIES:
            problem("category", f"{category!r} is not one of {', '.join(CATEGORIES)}")
        if kind == "claim":
            for field in CLAIM_REQUIRED_FIELDS:
                if not record[field]:
                    problem(field, "a claim needs one" + (f" (one of {', '.join(CATEGORIES)})" if field == "category" else ""))
            if not record["value"]:
                problem("value", "a claim needs the value the coder read, to cross-check the engine")
        elif kind in KINDS and category:
            problem("category", f"only claims have a category, but this row is {kind}")
        if record["role"] and record["role"] not in ROLES:
            problem("role", f"{record['role']!r} is not one of {', '.join(ROLES)}")
        if record["as_of"]:
            year = _parse_int(record["as_of"])
            if year is None or not AS_OF_RANGE[0] <= year <= AS_OF_RANGE[1]:
                problem("as_of", f"{record['as_of']!r} is not a year between {AS_OF_RANGE[0]} and {AS_OF_RANGE[1]}")

        key = (record["line"], record["surface"], record["occurrence"])
        if key in first_row_of_key:
            problem(
                "line/surface/occurrence",
                f"duplicates the key of row {first_row_of_key[key]} "
                f"({make_mention_id(line, record['surface'], occurrence) if line is not None and occurrence is not None else key})",
            )
        else:
            first_row_of_key[key] = row
    return problems


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

    by_key: dict[str, int] = {}
    for position, record in enumerate(codebook.to_dict("records")):
        line, occurrence = _parse_int(record["line"]), _parse_int(record["occurrence"])
        if line is None or occurrence is None:
            continue  # already reported by check_codebook_rows
        by_key.setdefault(make_mention_id(line, record["surface"], occurrence), position)

    surfaces_on_line: dict[int, list[str]] = {}
    for mention_id, line in zip(mentions["mention_id"], mentions["line"]):
        surfaces_on_line.setdefault(int(line), []).append(mention_id)

    matched_positions: list[int | None] = []
    for mention in mentions.to_dict("records"):
        position = by_key.get(mention["mention_id"])
        matched_positions.append(position)
        if position is None:
            sentence = str(mention.get("sentence") or "")
            context = f"; sentence: {sentence[:60]}" if sentence else ""
            problems.append(
                f"{source}: mention {mention['mention_id']} has no codebook row "
                f"(line {mention['line']}, surface {mention['surface']!r}, {_parsed(mention.get('value'))}{context})"
            )
            continue
        record = codebook.iloc[position]
        if record["value"]:
            coded_value = _parse_float(record["value"])
            if coded_value is not None and not _values_agree(coded_value, mention.get("value")):
                problems.append(
                    f"{source}:{record['row']}: value: the codebook says {record['value']} but the engine parsed "
                    f"{mention['surface']!r} (mention {mention['mention_id']}) as {format_number(mention.get('value')) or 'no value'}"
                )

    matched = {position for position in matched_positions if position is not None}
    for position, record in enumerate(codebook.to_dict("records")):
        line, occurrence = _parse_int(record["line"]), _parse_int(record["occurrence"])
        if position in matched or line is None or occurrence is None:
            continue
        key = make_mention_id(line, record["surface"], occurrence)
        if by_key.get(key) != position:
            continue  # a duplicated key, already reported
        nearby = surfaces_on_line.get(line, [])
        hint = f"; the engine finds {', '.join(nearby)} on that line" if nearby else "; the engine finds no mention on that line"
        problems.append(
            f"{source}:{record['row']}: line/surface/occurrence: no mention {key} in the report{hint}"
        )

    coded = mentions.copy()
    rows = [codebook.iloc[p] if p is not None else None for p in matched_positions]

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
    problems.extend(check_pairs(coded, source))
    return coded, problems


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
