"""Build the claims dataset: report -> mentions -> codebook join -> ``data/processed/``.

:func:`build` loads the report (:func:`ecoanalysis.document.load_report`), extracts every number mention
(:func:`ecoanalysis.quantities.extract_mentions`), joins the mentions to the hand-written codebook
(:mod:`ecoanalysis.codebook`) and writes, into the processed directory (``config.PROCESSED_DIR``, which
honours ``ECOANALYSIS_PROCESSED_DIR``):

===========================  ==========================================================================
``mentions.csv``             every mention with its position, parse and the coder's judgement
``claims.csv``               the mentions coded as claims
``accuracy_pairs.csv``       every before->after pair among the claims, with derived measures
``platforms.csv``            table 1 of the report with the hand-coded host kinds
``timeline.csv``             every date coded as a claim, in time order
``ecoanalysis-claims.xlsx``  the same tables in a workbook whose first sheet documents them
``datapackage.json``         Frictionless Data Package describing the CSV files (schemas, hashes, sources)
===========================  ==========================================================================

Guarantees
----------
* Fail loudly and completely: every codebook problem is reported at once in one
  :class:`~ecoanalysis.codebook.CodebookError`; every table is validated against its pandera model
  (:mod:`ecoanalysis.schemas`) with ``lazy=True``.
* Every raw file listed in ``data/raw/MANIFEST.sha256`` is verified before the build reads any of them.
* The whole set or nothing: every output is written into a staging directory beside the processed
  directory, read back and validated, and the two directories are exchanged in one atomic step
  (:func:`ecoanalysis._atomic.publish_directory`). A reader sees the old set or the new one, never a mix;
  leftovers of a killed build are removed by the next one.
* Deterministic: a rebuild from the same inputs writes byte-identical files (stable sorts, fixed float
  formatting, ``\\n`` line ends, no timestamps, fixed zip entry times in the workbook).

The loaders (:func:`load_mentions`, :func:`load_claims`, :func:`load_accuracy_pairs`,
:func:`load_platforms`, :func:`load_timeline`) return validated DataFrames with the declared dtypes and
rebuild first when an output is missing, older than an input (a raw file or a pipeline source file) or
differs from the hash recorded in ``datapackage.json``.
"""
from __future__ import annotations

import datetime
import hashlib
import io
import json
import math
import sys
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .. import config
from ..coding import codebook as cb
from . import schemas
from .._atomic import OutputError, check_publishable, publish_directory, write_stdout
from .._measures import log_odds_change, midpoint, percentage_point_change, relative_change, relative_error_reduction
from .._provenance import RawDataChanged, sha256_file, verify_file, verify_raw_dir
from .._text import display_width, format_number

#: The quantity engine's unit for percentages (values in percent units) and for calendar dates.
PERCENT_UNIT = "percent"
DATE_UNIT = "date"

#: Output file names (besides the CSV files named after the tables).
WORKBOOK_NAME = "ecoanalysis-claims.xlsx"
DATAPACKAGE_NAME = "datapackage.json"

#: Name of the data package.
PACKAGE_NAME = "ecoanalysis-claims"

#: Licences of the data package. The tables quote sentences of a copyrighted report; the coding and
#: the code are the project's (MIT, as in pyproject.toml).
PACKAGE_LICENSES: tuple[dict[str, str], ...] = (
    {
        "name": "other-at",
        "title": "Quotations (column sentence and the surfaces) are copyright the report's producers and are "
        "included for research and verification purposes only; the coding and derived values are MIT licensed.",
    },
)

#: Fixed time stamps so that rebuilding the workbook gives identical bytes (zip entries and core properties).
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)
WORKBOOK_TIMESTAMP = datetime.datetime(2021, 1, 1, 0, 0, 0)

#: Widest column in the workbook, in character widths (longer text such as sentences is cut off visually).
MAX_COLUMN_WIDTH = 60

#: Pipeline source files whose change makes the processed outputs stale (plotting/analysis do not).
PIPELINE_MODULES: tuple[str, ...] = (
    "config.py",
    "_provenance.py",
    "document.py",
    "engine/numerals.py",
    "engine/scanner.py",
    "engine/lexicon.toml",
    "engine/_lexicon.py",
    "mentions.py",
    "coding/codebook.py",
    "dataset/schemas.py",
    "_measures.py",
    "_atomic.py",
    "_text.py",
    "dataset/pipeline.py",
    "evidence/__init__.py",
    "evidence/_identity.py",
    "evidence/snapshot.py",
    "evidence/metrics.py",
    "evidence/verdicts.py",
    "evidence/statements.py",
    "evidence/tables.py",
)

#: Property of ``datapackage.json`` holding the fingerprint of the inputs a build read (see input_fingerprint).
FINGERPRINT_PROPERTY = "ecoanalysis_inputs_sha256"

#: Every output file: the tables of ``schemas.TABLES`` (a new table joins the set by being added there),
#: the workbook and the package descriptor. They are published together, as one set.
OUTPUT_FILES: tuple[str, ...] = tuple(spec.path for spec in schemas.TABLES.values()) + (WORKBOOK_NAME, DATAPACKAGE_NAME)


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote.

    Attributes
    ----------
    out_dir : Path
        The processed directory.
    paths : dict of str to Path
        Output file name -> path.
    tables : dict of str to DataFrame
        Table name -> the validated table as written.
    """

    out_dir: Path
    paths: dict[str, Path]
    tables: dict[str, pd.DataFrame] = field(repr=False)

    @property
    def counts(self) -> dict[str, int]:
        """Number of mentions and of mentions of each kind."""
        kinds = self.tables["mentions"]["kind"].value_counts()
        return {"mentions": len(self.tables["mentions"])} | {kind: int(kinds.get(kind, 0)) for kind in cb.KINDS}

    @property
    def summary(self) -> str:
        """One line: counts of mentions, claims, noise and structural mentions."""
        counts = self.counts
        return (
            f"{counts['mentions']} mentions: {counts['claim']} claims, {counts['noise']} noise, "
            f"{counts['structural']} structural; {len(self.tables['accuracy_pairs'])} before->after pairs, "
            f"{len(self.tables['timeline'])} dated events, {len(self.tables['platforms'])} platforms -> {self.out_dir}"
        )


# ---------------------------------------------------------------------------------------------------
# Derived tables
# ---------------------------------------------------------------------------------------------------


def _platform_rows(report: Any) -> pd.DataFrame:
    """Return table 1 as read by the document model: number, host_zh, domain_zh, platform_zh, line."""
    rows = [
        {"number": row.number, "host_zh": row.host, "domain_zh": row.domain, "platform_zh": row.name, "line": row.line}
        for row in report.platforms
    ]
    return pd.DataFrame(rows, columns=["number", "host_zh", "domain_zh", "platform_zh", "line"])


def _as_float(value: Any) -> float:
    """``value`` as a float, ``nan`` for any kind of missing value (``pd.NA`` included)."""
    return math.nan if pd.isna(value) else float(value)


def derive_accuracy_pairs(claims: pd.DataFrame, *, source: str | Path = config.CODEBOOK_PATH) -> tuple[pd.DataFrame, list[str]]:
    """Return one row per before->after pair among ``claims`` with its derived measures.

    Parameters
    ----------
    claims : DataFrame
        Coded claims (columns of the claims table plus ``codebook_row`` if available), each pair with exactly
        one ``before`` and one ``after`` mention (checked by :func:`ecoanalysis.codebook.check_pairs`).
    source : str or Path
        Codebook file name used in the messages.

    Returns
    -------
    pairs : DataFrame
        Columns of the ``accuracy_pairs`` table. ``before``/``after`` are the values as stated (the low end
        of a range, whose top is in ``before_high``/``after_high``), so every number can be found in the
        report; the derived measures take a range at its midpoint. The percentage measures (pp_change,
        relative_error_reduction, log_odds_change) are filled for percent units only.
    problems : list of str
        Pairs whose two mentions disagree on unit, category, subject or metric_en.
    """
    rows: list[dict[str, Any]] = []
    problems: list[str] = []
    paired = claims[claims["pair_id"].notna() & claims["role"].notna()]
    for pair_id, members in paired.groupby("pair_id", sort=True):
        by_role = {role: group.iloc[0] for role, group in members.groupby("role")}
        if set(by_role) != set(cb.ROLES) or len(members) != 2:
            continue  # reported by codebook.check_pairs
        before, after = by_role["before"], by_role["after"]
        row_of_after = after.get("codebook_row")
        where = f"{source}:{row_of_after}" if row_of_after is not None and not pd.isna(row_of_after) else str(source)
        disagreements = [name for name in ("unit", "category", "subject", "metric_en") if before[name] != after[name]]
        if disagreements:
            problems.append(
                f"{where}: {'/'.join(disagreements)}: pair {pair_id} ({before['mention_id']} -> {after['mention_id']}) "
                "needs the same " + ", ".join(f"{name} ({before[name]!r} vs {after[name]!r})" for name in disagreements)
            )
            continue
        before_value = midpoint(_as_float(before["value"]), _as_float(before["value_high"]))
        after_value = midpoint(_as_float(after["value"]), _as_float(after["value_high"]))
        # A stated range (6 到 8 周) is shown as stated; only the derived measures use its midpoint.
        is_percent = before["unit"] == PERCENT_UNIT
        rows.append(
            {
                "pair_id": pair_id,
                "category": after["category"],
                "subject": after["subject"],
                "subject_en": after["subject_en"],
                "metric_en": after["metric_en"],
                "line": before["line"],
                "before": _as_float(before["value"]),
                "before_high": _as_float(before["value_high"]),
                "after": _as_float(after["value"]),
                "after_high": _as_float(after["value_high"]),
                "unit": before["unit"],
                "pp_change": percentage_point_change(before_value, after_value) if is_percent else math.nan,
                "relative_error_reduction": relative_error_reduction(before_value, after_value) if is_percent else math.nan,
                "log_odds_change": log_odds_change(before_value, after_value) if is_percent else math.nan,
                "relative_change": relative_change(before_value, after_value),
                "before_mention_id": before["mention_id"],
                "after_mention_id": after["mention_id"],
                "sentence": before["sentence"],
            }
        )
    columns = schemas.TABLES["accuracy_pairs"].columns
    return pd.DataFrame(rows, columns=columns), problems


def derive_timeline(claims: pd.DataFrame) -> pd.DataFrame:
    """Return every date among ``claims`` (unit ``date``) as an event: year, month, end of a period, subject.

    ``year``/``year_end`` come from ``value``/``value_high``; ``month`` from ``month``; ``month_end`` from the
    engine's ``month_high`` (or ``month_end``) column where it has one.
    """
    dates = claims[claims["unit"] == DATE_UNIT]
    end_month_column = next((name for name in ("month_high", "month_end") if name in dates.columns), None)
    timeline = pd.DataFrame(
        {
            "mention_id": dates["mention_id"],
            "line": dates["line"],
            "year": dates["value"],
            "month": dates["month"],
            "year_end": dates["value_high"],
            "month_end": dates[end_month_column] if end_month_column else pd.NA,
            "subject": dates["subject"],
            "subject_en": dates["subject_en"],
            "event_en": dates["metric_en"],
            "sentence": dates["sentence"],
        }
    )
    return timeline


def _sorted(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    spec = schemas.TABLES[table]
    return frame.sort_values(list(spec.sort_by), kind="mergesort", na_position="last").reset_index(drop=True)


def build_tables(report: Any, mentions: pd.DataFrame, codebook_path: Path, platform_codebook_path: Path) -> dict[str, pd.DataFrame]:
    """Join and derive every processed table, validated; raise one CodebookError listing every problem.

    Parameters
    ----------
    report : Report
        The parsed report (for table 1).
    mentions : DataFrame
        ``extract_mentions(report)``.
    codebook_path, platform_codebook_path : Path
        The two hand-written codebooks.

    Returns
    -------
    dict of str to DataFrame
        Table name -> validated table in output order.
    """
    problems: list[str] = []
    try:
        codebook, read_problems = cb.read_codebook_with_problems(codebook_path)
        problems += read_problems
        coded, mention_problems = cb.join_codebook(mentions, codebook, source=codebook_path)
        problems += mention_problems
    except cb.CodebookError as error:
        problems += error.problems
        coded = None
    try:
        platforms, platform_problems = cb.join_platforms(
            _platform_rows(report), cb.read_platform_codebook(platform_codebook_path), source=platform_codebook_path
        )
        problems += platform_problems
    except cb.CodebookError as error:
        problems += error.problems
        platforms = None

    pairs = None
    if coded is not None and not problems:
        claims_with_rows = coded[coded["kind"] == "claim"]
        pairs, pair_problems = derive_accuracy_pairs(claims_with_rows, source=codebook_path)
        problems += pair_problems
    if problems:
        raise cb.CodebookError(problems)

    # The engine's glued marker becomes footnote_marker; what sources a claim is the footnote of its clause.
    coded = coded.rename(columns={"footnote": "footnote_marker", "source_footnote": "footnote"})
    mentions_table = _sorted("mentions", schemas.conform("mentions", coded))
    claims_table = mentions_table[mentions_table["kind"] == "claim"].reset_index(drop=True)
    tables = {
        "mentions": mentions_table,
        "claims": _sorted("claims", schemas.conform("claims", claims_table)),
        "accuracy_pairs": _sorted("accuracy_pairs", schemas.conform("accuracy_pairs", pairs)),
        "platforms": _sorted("platforms", schemas.conform("platforms", platforms)),
        "timeline": _sorted("timeline", schemas.conform("timeline", derive_timeline(claims_table))),
    }
    tables.update(_evidence_tables(tables["claims"], mentions_table["mention_id"]))
    return {name: schemas.validate(name, table) for name, table in tables.items()}


def _evidence_tables(claims: pd.DataFrame, mention_ids: pd.Series) -> dict[str, pd.DataFrame]:
    """The corroboration stage's tables (evidence, corroboration), conformed to their contracts and sorted."""
    from ..evidence.tables import evidence_tables

    frames = evidence_tables(claims, mention_ids=mention_ids)
    return {name: _sorted(name, schemas.conform(name, frame)) for name, frame in frames.items()}


def _evidence_sources() -> list[tuple[str, Path]]:
    """(title, path) of each evidence table: git snapshots (titled from their sidecars) and the hand-written files."""
    sources = []
    for path in _evidence_inputs():
        if path.name.endswith(".csv.gz"):
            meta = json.loads(path.with_name(path.name.replace(".csv.gz", ".meta.json")).read_text(encoding="utf-8"))
            sources.append((f"Git snapshot of {meta['repository']} at {meta['mirror_tip'][:12]} ({meta['snapshot_date']})", path))
        elif path.suffix == ".csv":
            sources.append((f"Hand-written evidence file {path.name}", path))
    return sources


def _evidence_inputs() -> list[Path]:
    """Every file in data/raw/evidence/ (snapshots, sidecars, hand-written evidence): inputs of the build."""
    return sorted(p for p in config.EVIDENCE_DIR.glob("*") if p.is_file()) if config.EVIDENCE_DIR.is_dir() else []


# ---------------------------------------------------------------------------------------------------
# Serialisation
# ---------------------------------------------------------------------------------------------------

#: CSV spelling of booleans (also among Frictionless' default true/false values).
CSV_TRUE, CSV_FALSE = "true", "false"


def csv_bytes(table: str, frame: pd.DataFrame) -> bytes:
    """Serialise a validated table to UTF-8 CSV bytes, deterministically."""
    text = frame.copy()
    for spec in schemas.TABLES[table].fields:
        column = frame[spec.name]
        if spec.type == "number":
            text[spec.name] = [format_number(value) for value in column]
        elif spec.type == "boolean":
            text[spec.name] = ["" if pd.isna(value) else (CSV_TRUE if value else CSV_FALSE) for value in column]
        elif spec.type == "integer":
            text[spec.name] = ["" if pd.isna(value) else str(int(value)) for value in column]
        else:
            text[spec.name] = ["" if pd.isna(value) else str(value) for value in column]
    buffer = io.StringIO()
    text.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def read_csv_table(table: str, source: str | Path | bytes) -> pd.DataFrame:
    """Read a processed CSV (path or bytes) into a validated DataFrame with the declared dtypes."""
    return schemas.validate(table, _typed_table(table, source))


def _typed_table(table: str, source: str | Path | bytes) -> pd.DataFrame:
    """A processed CSV as a DataFrame with the declared dtypes (not validated)."""
    handle = io.BytesIO(source) if isinstance(source, bytes) else source
    # Everything as text first so that no value is guessed (a subject such as "NA" stays text).
    raw = pd.read_csv(handle, dtype=str, keep_default_na=False, na_values=[], encoding="utf-8")
    spec = schemas.TABLES[table]
    if list(raw.columns) != spec.columns:
        raise ValueError(f"{source if not isinstance(source, bytes) else table}: columns {list(raw.columns)} differ from {spec.columns}")
    typed = pd.DataFrame(index=raw.index)
    booleans = {CSV_TRUE: True, CSV_FALSE: False}
    for field_spec in spec.fields:
        cells = raw[field_spec.name]
        if field_spec.type == "string":
            typed[field_spec.name] = cells.where(cells != "", None).astype("str")
        elif field_spec.type == "integer":
            typed[field_spec.name] = pd.array([None if cell == "" else int(cell) for cell in cells], dtype="Int64")
        elif field_spec.type == "number":
            typed[field_spec.name] = pd.array([math.nan if cell == "" else float(cell) for cell in cells], dtype="float64")
        else:
            typed[field_spec.name] = pd.array([None if cell == "" else booleans[cell] for cell in cells], dtype="boolean")
    return schemas.conform(table, typed)


def _cell_value(value: Any) -> Any:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):  # numpy scalars -> Python scalars
        return value.item()
    return value


def _number_format(spec: schemas.FieldSpec, value: Any, unit: Any) -> str | None:
    """Number format of one cell: by the field's display hint, and for values by the row's unit."""
    if spec.type not in ("integer", "number") or value is None:
        return None
    display = spec.display
    if spec.unit == "see unit":
        display = "percent" if unit == PERCENT_UNIT else "year" if unit == DATE_UNIT else "count"
    if display == "count":
        return "#,##0" if float(value).is_integer() else "#,##0.0##"
    return schemas.DISPLAY_FORMATS.get(display or "", None)


class _FixedTimeZipFile(zipfile.ZipFile):
    """A ZipFile that stamps every entry with :data:`ZIP_TIMESTAMP`, so identical content gives identical bytes."""

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):  # noqa: D102
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            info = zipfile.ZipInfo(zinfo_or_arcname, date_time=ZIP_TIMESTAMP)
            info.compress_type = self.compression
            info.external_attr = 0o600 << 16
            zinfo_or_arcname = info
        return super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):  # noqa: D102
        # openpyxl streams worksheets through temporary files; store their content, not their mtime.
        with open(filename, "rb") as handle:
            data = handle.read()
        return self.writestr(arcname or Path(filename).name, data, compress_type, compresslevel)


def _readme_rows(metadata: dict[str, Any], tables: dict[str, pd.DataFrame]) -> list[tuple[str, list[Any]]]:
    """Rows of the README sheet as (style, cells); style is title, heading, header or text."""
    rows: list[tuple[str, list[Any]]] = [
        ("title", [metadata["title_zh"]]),
        ("subtitle", [metadata["title_en"]]),
        ("text", [f"{', '.join(metadata['producers'])}, {metadata['year']}"]),
        ("text", []),
        ("heading", ["About this workbook"]),
        ("text", ["What", "Every number in the report, located in the raw text, parsed, and coded by hand as claim, structural or noise."]),
        ("text", ["How built", f"python -m ecoanalysis build (ecoanalysis {_version()}): the document model reflows the PDF text, the quantity engine parses every number, and the codebook adds the human judgement; the build fails on any disagreement."]),
        ("text", ["Report file", metadata["report_file"], metadata["report_sha256"]]),
        ("text", ["Codebook", metadata["codebook_file"], metadata["codebook_sha256"]]),
        ("text", ["Platform codebook", metadata["platform_codebook_file"], metadata["platform_codebook_sha256"]]),
        ("text", ["Values", "Percentages are in percent units (95 means 95 %) and shown with a % sign; ranges keep their low end in value and high end in value_high."]),
        ("text", ["Licence", PACKAGE_LICENSES[0]["title"]]),
        ("text", []),
        ("heading", ["Tables"]),
        ("header", ["sheet", "rows", "title", "description"]),
    ]
    rows += [("text", [name, len(tables[name]), spec.title, spec.description]) for name, spec in schemas.TABLES.items()]
    rows += [("text", []), ("heading", ["Data dictionary"])]
    dictionary = schemas.data_dictionary()
    rows.append(("header", list(dictionary.columns)))
    rows += [("text", list(record)) for record in dictionary.itertuples(index=False)]
    for heading, definitions in (
        ("Kinds (column kind)", cb.KIND_DEFINITIONS),
        ("Categories (column category)", cb.CATEGORY_DEFINITIONS),
        ("Host kinds (platforms, column host_kind)", cb.HOST_KIND_DEFINITIONS),
        ("Coding rules", cb.CODING_RULES),
    ):
        rows += [("text", []), ("heading", [heading])]
        rows += [("text", [name, definition]) for name, definition in definitions.items()]
    return rows


def workbook_bytes(tables: dict[str, pd.DataFrame], metadata: dict[str, Any]) -> bytes:
    """Return the workbook: a README sheet, then one sheet per table (frozen header, widths, number formats)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook()
    readme = workbook.active
    readme.title = "README"
    styles = {"title": Font(bold=True, size=14), "subtitle": Font(italic=True, size=12), "heading": Font(bold=True, size=12), "header": Font(bold=True)}
    for number, (style, cells) in enumerate(_readme_rows(metadata, tables), start=1):
        for column, value in enumerate(cells, start=1):
            cell = readme.cell(row=number, column=column, value=value)
            if style in styles:
                cell.font = styles[style]
    for letter, width in zip("ABCDEFG", (22, 22, 12, 22, 12, 30, 90)):
        readme.column_dimensions[letter].width = width

    bold = Font(bold=True)
    for name, frame in tables.items():
        spec = schemas.TABLES[name]
        sheet = workbook.create_sheet(name)
        sheet.append(spec.columns)
        for cell in sheet[1]:
            cell.font = bold
            cell.alignment = Alignment(vertical="top")
        units = frame["unit"].tolist() if "unit" in frame.columns else [None] * len(frame)
        columns = [frame[column].tolist() for column in spec.columns]
        for row_index in range(len(frame)):
            values = [_cell_value(column[row_index]) for column in columns]
            sheet.append(values)
            for column_index, (field_spec, value) in enumerate(zip(spec.fields, values), start=1):
                number_format = _number_format(field_spec, value, units[row_index])
                if number_format:
                    sheet.cell(row=row_index + 2, column=column_index).number_format = number_format
        for column_index, (field_spec, column) in enumerate(zip(spec.fields, columns), start=1):
            widest = max([display_width(field_spec.name)] + [display_width(str(v)) for v in column if _cell_value(v) is not None])
            sheet.column_dimensions[get_column_letter(column_index)].width = min(widest + 2, MAX_COLUMN_WIDTH)
        sheet.freeze_panes = "A2"
        if len(frame):
            sheet.auto_filter.ref = sheet.dimensions

    workbook.properties.creator = "ecoanalysis"
    workbook.properties.title = f"{metadata['title_en']}: quantitative claims"
    workbook.properties.created = WORKBOOK_TIMESTAMP
    workbook.properties.modified = WORKBOOK_TIMESTAMP
    buffer = io.BytesIO()
    # ExcelWriter directly rather than Workbook.save, which stamps the current time into the properties.
    with _FixedTimeZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).write_data()
    return buffer.getvalue()


def _version() -> str:
    # Imported at call time: ecoanalysis/__init__.py imports this module before defining __version__.
    from .. import __version__

    return __version__


def _source_entry(title: str, path: Path, sha256: str) -> dict[str, Any]:
    try:
        shown = path.resolve().relative_to(config.ROOT).as_posix()
    except ValueError:
        shown = path.name  # outside the repository (e.g. a test fixture): the name is the stable part
    return {"title": title, "path": shown, "hash": f"sha256:{sha256}"}


def datapackage_bytes(csv_contents: dict[str, bytes], metadata: dict[str, Any]) -> bytes:
    """Return ``datapackage.json``: one tabular resource per CSV with schema, sha256 and size; sources; licences."""
    resources = []
    for name, spec in schemas.TABLES.items():
        data = csv_contents[name]
        resources.append(
            {
                "name": name,
                "title": spec.title,
                "description": spec.description,
                "path": spec.path,
                "profile": "tabular-data-resource",
                "scheme": "file",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": len(data),
                "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
                "schema": schemas.table_schema(name),
            }
        )
    package = {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": f"Quantitative claims in 《{metadata['title_zh']}》",
        "description": (
            f"Every number in the report '{metadata['title_en']}' ({', '.join(metadata['producers'])}, "
            f"{metadata['year']}), located in the raw text, parsed and coded; built by ecoanalysis {_version()} "
            f"(python -m ecoanalysis build). The workbook {WORKBOOK_NAME} holds the same tables with a data "
            "dictionary. Source paths are relative to the repository root."
        ),
        "version": _version(),
        "keywords": ["artificial intelligence", "industrial intelligence", "China", "claims", "CAICT", "Baidu"],
        "licenses": [dict(licence) for licence in PACKAGE_LICENSES],
        "sources": [
            _source_entry(f"{metadata['title_zh']} (text extracted from the PDF)", metadata["report_path"], metadata["report_sha256"]),
            _source_entry("Codebook: the coder's judgement of every mention", metadata["codebook_path"], metadata["codebook_sha256"]),
            _source_entry("Codebook of table 1 (host kinds, English names)", metadata["platform_codebook_path"], metadata["platform_codebook_sha256"]),
            *[_source_entry(title, path, sha256_file(path)) for title, path in _evidence_sources()],
        ],
        "resources": resources,
        FINGERPRINT_PROPERTY: metadata["inputs_sha256"],
    }
    return (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _recorded_sha256(path: Path) -> str:
    """sha256 of an input file; a file in data/raw/ that the manifest lists must match it (RawDataChanged)."""
    path = Path(path)
    if path.resolve().parent != config.RAW_DIR.resolve():
        return sha256_file(path)  # an input outside data/raw/ (a test fixture) has no manifest entry
    return verify_file(path, config.MANIFEST_PATH, required=False)


def _metadata(report: Any, codebook_path: Path, platform_codebook_path: Path) -> dict[str, Any]:
    sidecar = json.loads(config.REPORT_SIDECAR_PATH.read_text(encoding="utf-8"))
    report_path = Path(getattr(report, "path", config.REPORT_PATH))
    return {
        "title_zh": sidecar["title_zh"],
        "title_en": sidecar["title_en"],
        "producers": [f"{p['name_en']} ({p['name_zh']})" for p in sidecar["producers"]],
        "year": sidecar["year"],
        "report_path": report_path,
        "report_file": report_path.name,
        "report_sha256": getattr(report, "sha256", None) or sha256_file(report_path),
        "codebook_path": codebook_path,
        "codebook_file": codebook_path.name,
        "codebook_sha256": _recorded_sha256(codebook_path),
        "platform_codebook_path": platform_codebook_path,
        "platform_codebook_file": platform_codebook_path.name,
        "platform_codebook_sha256": _recorded_sha256(platform_codebook_path),
        "inputs_sha256": input_fingerprint([report_path, config.REPORT_SIDECAR_PATH, codebook_path, platform_codebook_path, *_evidence_inputs()]),
    }


# ---------------------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------------------


def build(
    *,
    report: Any = None,
    codebook: str | Path | None = None,
    platform_codebook: str | Path | None = None,
    out_dir: str | Path | None = None,
    progress: bool = True,
) -> BuildResult:
    """Build every processed output, all or nothing.

    Parameters
    ----------
    report : Report, str or Path, optional
        The parsed report, or the path of a report text; default :func:`ecoanalysis.load_report` ()
        (checked against the manifest).
    codebook : str or Path, optional
        The codebook CSV; default ``data/raw/codebook.csv``.
    platform_codebook : str or Path, optional
        The codebook of table 1; default ``data/raw/codebook_platforms.csv``.
    out_dir : str or Path, optional
        Where to write; default ``config.PROCESSED_DIR`` (``ECOANALYSIS_PROCESSED_DIR`` if set).
    progress : bool
        Show a progress bar on standard error.

    Returns
    -------
    BuildResult

    Raises
    ------
    RawDataChanged
        If any file listed in ``data/raw/MANIFEST.sha256`` differs from its checksum (checked before
        anything is read); nothing is written.
    CodebookError
        Listing every codebook problem; nothing is written.
    pandera.errors.SchemaErrors
        If a table breaks its contract; nothing is written.
    OutputError
        If the processed directory (or its parent) is read-only or not a directory; nothing is written.
    """
    from tqdm.auto import tqdm  # only a build shows progress; the loaders stay light

    from ..document import load_report
    from ..mentions import extract_mentions

    out_dir = Path(out_dir) if out_dir is not None else Path(config.PROCESSED_DIR)
    codebook_path = Path(codebook) if codebook is not None else config.CODEBOOK_PATH
    platform_codebook_path = Path(platform_codebook) if platform_codebook is not None else cb.PLATFORM_CODEBOOK_PATH
    config.require_data()
    verify_raw_dir(config.RAW_DIR, config.MANIFEST_PATH)  # every raw file, before any is read: the sidecar's year goes into the outputs too
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    check_publishable(out_dir)  # a read-only target fails now, not after the work
    steps = ["load report", "extract mentions", "join codebook", "serialise", "validate and publish"]
    with tqdm(total=len(steps), desc="build", unit="step", file=sys.stderr, disable=not progress, leave=False) as bar:

        def step(name: str) -> None:
            bar.set_postfix_str(name)

        step(steps[0])
        if report is None or isinstance(report, (str, Path)):
            report = load_report(report)
        bar.update()

        step(steps[1])
        mentions = extract_mentions(report)
        bar.update()

        step(steps[2])
        for path in (codebook_path, platform_codebook_path):
            if not path.exists():
                raise FileNotFoundError(f"{path}: codebook not found; see ecoanalysis.codebook for its format")
        tables = build_tables(report, mentions, codebook_path, platform_codebook_path)
        bar.update()

        step(steps[3])
        metadata = _metadata(report, codebook_path, platform_codebook_path)
        csv_contents = {name: csv_bytes(name, table) for name, table in tables.items()}
        contents: dict[str, bytes] = {schemas.TABLES[name].path: data for name, data in csv_contents.items()}
        contents[WORKBOOK_NAME] = workbook_bytes(tables, metadata)
        contents[DATAPACKAGE_NAME] = datapackage_bytes(csv_contents, metadata)
        bar.update()

        step(steps[4])
        publish_directory(contents, out_dir, check=_read_back_check(tables))
        bar.update()
    return BuildResult(out_dir=out_dir, paths={name: out_dir / name for name in contents}, tables=tables)


def _read_back_check(tables: dict[str, pd.DataFrame]):
    """A check for every staged file: it must load back into exactly the validated tables."""
    table_of_file = {schemas.TABLES[name].path: name for name in tables}

    def check(staged: Path, name: str) -> None:
        if name in table_of_file:
            table = table_of_file[name]
            pd.testing.assert_frame_equal(read_csv_table(table, staged), tables[table])
        elif name == DATAPACKAGE_NAME:
            json.loads(staged.read_text(encoding="utf-8"))
        elif name == WORKBOOK_NAME:
            with zipfile.ZipFile(staged) as archive:
                bad = archive.testzip()
                if bad is not None:
                    raise zipfile.BadZipFile(f"{staged}: corrupt entry {bad}")

    return check


def main(*, quiet: bool = False) -> int:
    """Command-line entry (``python -m ecoanalysis build``): build, print the summary, return an exit code."""
    from ..evidence.snapshot import SnapshotError
    from ..evidence.statements import StatementsError

    try:
        result = build(progress=not quiet)
    except (cb.CodebookError, RawDataChanged, FileNotFoundError, OutputError, SnapshotError, StatementsError) as error:
        # Input and output problems get a message, not a traceback; anything else is a bug and keeps its traceback.
        print(f"build failed: {error}", file=sys.stderr)
        return 1
    except OSError as error:  # disk full, permission denied while publishing: nothing was published
        print(f"build failed: cannot write {error.filename or config.PROCESSED_DIR}: {error.strerror or error}; "
              "the previous outputs are unchanged", file=sys.stderr)
        return 1
    return write_stdout(result.summary + "\n")


# ---------------------------------------------------------------------------------------------------
# Loaders
# ---------------------------------------------------------------------------------------------------


def input_fingerprint(raw_inputs: Iterable[str | Path] | None = None) -> str:
    """sha256 over the contents of the raw inputs and the pipeline's source files.

    Processed data are a pure function of these files, so the fingerprint (recorded in ``datapackage.json``)
    says whether outputs are current. Contents, not modification times, are compared: a fresh clone has
    arbitrary mtimes, and a rebuild that changes nothing must not be needed.
    """
    if raw_inputs is None:
        raw_inputs = [config.REPORT_PATH, config.REPORT_SIDECAR_PATH, config.CODEBOOK_PATH, cb.PLATFORM_CODEBOOK_PATH, *_evidence_inputs()]
    package_dir = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for role, path in [("raw", Path(p)) for p in raw_inputs] + [("code", package_dir / n) for n in PIPELINE_MODULES]:
        content = sha256_file(path) if path.exists() else "missing"
        digest.update(f"{role}:{path.name}:{content}\n".encode("utf-8"))
    return digest.hexdigest()


def outputs_are_current(out_dir: str | Path | None = None) -> bool:
    """Whether every output exists, was built from the current inputs and matches the hashes in ``datapackage.json``."""
    out_dir = Path(out_dir) if out_dir is not None else Path(config.PROCESSED_DIR)
    outputs = [out_dir / name for name in OUTPUT_FILES]
    if not all(path.exists() for path in outputs):
        return False
    try:
        package = json.loads((out_dir / DATAPACKAGE_NAME).read_text(encoding="utf-8"))
        recorded = {resource["path"]: resource["hash"] for resource in package["resources"]}
        fingerprint = package[FINGERPRINT_PROPERTY]
    except (ValueError, KeyError, TypeError):
        return False
    if fingerprint != input_fingerprint():
        return False
    # Builds publish whole sets, but a table edited by hand (or copied in from elsewhere) no longer matches.
    return all(recorded.get(spec.path) == f"sha256:{sha256_file(out_dir / spec.path)}" for spec in schemas.TABLES.values())


def _load(table: str, out_dir: str | Path | None) -> pd.DataFrame:
    if out_dir is None:
        config.require_data()
    out_dir = Path(out_dir) if out_dir is not None else Path(config.PROCESSED_DIR)
    if not outputs_are_current(out_dir):
        build(out_dir=out_dir, progress=False)
    # outputs_are_current has just checked the file's sha256 against datapackage.json: these are the bytes
    # the build validated (and read back into the validated table), so validating again would only cost time.
    return _typed_table(table, out_dir / schemas.TABLES[table].path)


def load_evidence(*, out_dir: str | Path | None = None) -> pd.DataFrame:
    """Return every evidence row (validated; rebuilt first if stale). See ``schemas.EVIDENCE_FIELDS``."""
    return _load("evidence", out_dir)


def load_corroboration(*, out_dir: str | Path | None = None) -> pd.DataFrame:
    """Return one row per claim examined against independent evidence. See ``schemas.CORROBORATION_FIELDS``."""
    return _load("corroboration", out_dir)


def load_mentions(*, out_dir: str | Path | None = None) -> pd.DataFrame:
    """Return every number mention (validated; rebuilt first if stale). See ``schemas.MENTION_FIELDS``."""
    return _load("mentions", out_dir)


def _as_list(selection: str | Iterable[str] | None) -> list[str] | None:
    if selection is None:
        return None
    return [selection] if isinstance(selection, str) else list(selection)


def load_claims(
    category: str | Iterable[str] | None = None,
    subject: str | Iterable[str] | None = None,
    *,
    out_dir: str | Path | None = None,
) -> pd.DataFrame:
    """Return the quantitative claims, optionally of some categories and subjects.

    Parameters
    ----------
    category : str or iterable of str, optional
        Keep claims of these categories (see ``codebook.CATEGORY_DEFINITIONS``).
    subject : str or iterable of str, optional
        Keep claims whose ``subject`` or ``subject_en`` is one of these (exact match).
    out_dir : str or Path, optional
        Processed directory; default ``config.PROCESSED_DIR``.

    Raises
    ------
    ValueError
        For an unknown category, listing the valid ones.
    """
    categories = _as_list(category)
    if categories is not None:
        unknown = [name for name in categories if name not in cb.CATEGORIES]
        if unknown:
            raise ValueError(f"unknown categor{'ies' if len(unknown) > 1 else 'y'} {', '.join(map(repr, unknown))}; valid: {', '.join(cb.CATEGORIES)}")
    claims = _load("claims", out_dir)
    if categories is not None:
        claims = claims[claims["category"].isin(categories)]
    subjects = _as_list(subject)
    if subjects is not None:
        claims = claims[claims["subject"].isin(subjects) | claims["subject_en"].isin(subjects)]
    return claims.reset_index(drop=True)


def load_accuracy_pairs(*, out_dir: str | Path | None = None) -> pd.DataFrame:
    """Return every before->after pair with its derived measures (validated; rebuilt first if stale)."""
    return _load("accuracy_pairs", out_dir)


def load_platforms(*, out_dir: str | Path | None = None) -> pd.DataFrame:
    """Return table 1, the national AI open innovation platforms (validated; rebuilt first if stale)."""
    return _load("platforms", out_dir)


def load_timeline(*, out_dir: str | Path | None = None) -> pd.DataFrame:
    """Return every dated event in time order (validated; rebuilt first if stale)."""
    return _load("timeline", out_dir)
