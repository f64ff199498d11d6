"""The claims dataset: coded mentions -> validated tables -> ``data/processed/`` (CSV, workbook, datapackage).

* :mod:`~ecoanalysis.dataset.schemas`: pandera models and field descriptions, the contract of every table;
* :mod:`~ecoanalysis.dataset.tables`: the derived tables (claims, accuracy pairs, platforms, timeline);
* :mod:`~ecoanalysis.dataset.writers`: CSV, the workbook and ``datapackage.json``, byte for byte reproducible;
* :mod:`~ecoanalysis.dataset.pipeline`: the build (all or nothing) and the fingerprint of its inputs;
* :mod:`~ecoanalysis.dataset.load`: the loaders, which rebuild first when an output is stale.
"""
from __future__ import annotations

from .pipeline import BuildResult, build, code_files, input_fingerprint, main, raw_inputs
from .load import (
    load_accuracy_pairs,
    load_claims,
    load_corroboration,
    load_evidence,
    load_mentions,
    load_platforms,
    load_timeline,
    outputs_are_current,
)
from .tables import DATE_UNIT, PERCENT_UNIT, build_tables, derive_accuracy_pairs, derive_timeline
from .writers import (
    DATAPACKAGE_NAME,
    FINGERPRINT_PROPERTY,
    OUTPUT_FILES,
    WORKBOOK_NAME,
    WORKBOOK_TIMESTAMP,
    csv_bytes,
    datapackage_bytes,
    read_csv_table,
    workbook_bytes,
)

__all__ = [
    "BuildResult", "build", "code_files", "input_fingerprint", "main", "raw_inputs",
    "load_accuracy_pairs", "load_claims", "load_corroboration", "load_evidence", "load_mentions",
    "load_platforms", "load_timeline", "outputs_are_current",
    "DATE_UNIT", "PERCENT_UNIT", "build_tables", "derive_accuracy_pairs", "derive_timeline",
    "DATAPACKAGE_NAME", "FINGERPRINT_PROPERTY", "OUTPUT_FILES", "WORKBOOK_NAME", "WORKBOOK_TIMESTAMP",
    "csv_bytes", "datapackage_bytes", "read_csv_table", "workbook_bytes",
]
