"""Serialise the validated tables: CSV, the workbook with its README sheet, and ``datapackage.json``.

Deterministic: a rebuild from the same inputs writes byte-identical files (stable sorts, fixed float
formatting, ``\\n`` line ends, no timestamps, fixed zip entry times in the workbook).
"""
from __future__ import annotations

import datetime
import hashlib
import io
import json
import math
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd

from .. import coding as cb
from .. import config
from .._provenance import sha256_file
from .._text import display_width, format_number
from .._version import __version__
from . import schemas
from .tables import DATE_UNIT, PERCENT_UNIT

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

#: Property of ``datapackage.json`` holding the fingerprint of the inputs a build read (see input_fingerprint).
FINGERPRINT_PROPERTY = "ecoanalysis_inputs_sha256"

#: Every output file: the tables of ``schemas.TABLES`` (a new table joins the set by being added there),
#: the workbook and the package descriptor. They are published together, as one set.
OUTPUT_FILES: tuple[str, ...] = tuple(spec.path for spec in schemas.TABLES.values()) + (WORKBOOK_NAME, DATAPACKAGE_NAME)


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
        ("text", ["How built", f"python -m ecoanalysis build (ecoanalysis {__version__}): the document model reflows the PDF text, the quantity engine parses every number, and the codebook adds the human judgement; the build fails on any disagreement."]),
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
            f"{metadata['year']}), located in the raw text, parsed and coded; built by ecoanalysis {__version__} "
            f"(python -m ecoanalysis build). The workbook {WORKBOOK_NAME} holds the same tables with a data "
            "dictionary. Source paths are relative to the repository root."
        ),
        "version": __version__,
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
