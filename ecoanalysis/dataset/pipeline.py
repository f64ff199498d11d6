"""Build the claims dataset: report -> mentions -> codebook join -> tables -> ``data/processed/``.

:func:`build` loads the report (:func:`ecoanalysis.document.load_report`), extracts every number mention
(:func:`ecoanalysis.mentions.extract_mentions`), joins the mentions to the hand-written codebooks
(:mod:`ecoanalysis.coding`), derives the tables (:mod:`ecoanalysis.dataset.tables`), adds the evidence
stage's tables and writes, into the processed directory (``config.PROCESSED_DIR``, which honours
``ECOANALYSIS_PROCESSED_DIR``):

===========================  ==========================================================================
``mentions.csv``             every mention with its position, parse and the coder's judgement
``claims.csv``               the mentions coded as claims
``accuracy_pairs.csv``       every before->after pair among the claims, with derived measures
``platforms.csv``            table 1 of the report with the hand-coded host kinds
``timeline.csv``             every date coded as a claim, in time order
``evidence.csv``, ``corroboration.csv``  the evidence stage's tables (:mod:`ecoanalysis.evidence`)
``ecoanalysis-claims.xlsx``  the same tables in a workbook whose first sheet documents them
``datapackage.json``         Frictionless Data Package describing the CSV files (schemas, hashes, sources)
===========================  ==========================================================================

Guarantees
----------
* Fail loudly and completely: every codebook problem is reported at once in one
  :class:`~ecoanalysis.coding.CodebookError`; every table is validated against its pandera model
  (:mod:`ecoanalysis.dataset.schemas`) with ``lazy=True``.
* Every raw file listed in ``data/raw/MANIFEST.sha256`` is verified before the build reads any of them.
* The whole set or nothing: every output is written into a staging directory beside the processed
  directory, read back and validated, and the two directories are exchanged in one atomic step
  (:func:`ecoanalysis._atomic.publish_directory`). A reader sees the old set or the new one, never a mix.
* :func:`input_fingerprint` covers every raw file of the manifest and every module of the package, found by
  walking it, so no new module can escape the staleness check of the loaders.

The build is the one place where the dataset stage calls a later one: it orchestrates both stages, running
the evidence stage on the claims it has just made (imported at call time, so the dataset's other modules
and the loaders never load it). ``tests/test_stages.py`` names this single exemption.
"""
from __future__ import annotations

import hashlib
import json
import sys
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .. import coding as cb
from .. import config
from .._atomic import OutputError, check_publishable, publish_directory, write_stdout
from .._provenance import RawDataChanged, read_manifest, sha256_file, verify_file, verify_raw_dir
from . import schemas
from .tables import build_tables, sort_table
from .writers import (
    DATAPACKAGE_NAME,
    WORKBOOK_NAME,
    csv_bytes,
    datapackage_bytes,
    read_csv_table,
    workbook_bytes,
)

#: The package's own directory: every ``.py`` and ``.toml`` file below it is an input of the build.
PACKAGE_DIR = Path(__file__).resolve().parent.parent

#: Suffixes of the package files that the fingerprint covers (code, and language data such as lexicon.toml).
CODE_SUFFIXES: tuple[str, ...] = (".py", ".toml")


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
# Inputs and their fingerprint
# ---------------------------------------------------------------------------------------------------


def code_files(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """Every module and data file of the package (``.py``, ``.toml``), sorted by path relative to it."""
    found = [
        path for path in package_dir.rglob("*")
        if path.suffix in CODE_SUFFIXES and path.is_file() and "__pycache__" not in path.relative_to(package_dir).parts
    ]
    return sorted(found, key=lambda path: path.relative_to(package_dir).as_posix())


def raw_inputs(*extra: str | Path) -> list[Path]:
    """Every raw file listed in ``data/raw/MANIFEST.sha256``, the configured report and codebooks (which a
    test may point elsewhere) and ``extra`` inputs given to a build, each once, sorted by label."""
    listed = [config.RAW_DIR / name for name in read_manifest(config.MANIFEST_PATH)] if config.MANIFEST_PATH.exists() else []
    configured = [config.REPORT_PATH, config.REPORT_SIDECAR_PATH, config.CODEBOOK_PATH, config.PLATFORM_CODEBOOK_PATH]
    paths = {Path(path).resolve(): Path(path) for path in [*listed, *configured, *extra]}
    return sorted(paths.values(), key=lambda path: (_input_label(path), str(path.resolve())))


def _input_label(path: Path) -> str:
    """An input's name in the digest: its path below data/raw/, else (a test fixture) its file name."""
    try:
        return Path(path).resolve().relative_to(config.RAW_DIR.resolve()).as_posix()
    except ValueError:
        return Path(path).name


def input_fingerprint(raw: Iterable[str | Path] | None = None, *, package_dir: Path = PACKAGE_DIR) -> str:
    """sha256 over the contents of the raw inputs and of every module of the package.

    Processed data are a pure function of these files, so the fingerprint (recorded in ``datapackage.json``)
    says whether outputs are current. Contents, not modification times, are compared: a fresh clone has
    arbitrary mtimes, and a rebuild that changes nothing must not be needed. The package is walked (see
    :func:`code_files`), so a module added anywhere in it counts without being listed.

    Parameters
    ----------
    raw : iterable of str or Path, optional
        The raw inputs; default :func:`raw_inputs` (every file of the manifest).
    package_dir : Path
        The package to walk (tests point it at a copy).
    """
    raw = raw_inputs() if raw is None else [Path(path) for path in raw]
    digest = hashlib.sha256()
    for path in raw:
        content = sha256_file(path) if path.exists() else "missing"
        digest.update(f"raw:{_input_label(path)}:{content}\n".encode("utf-8"))
    for path in code_files(package_dir):
        digest.update(f"code:{path.relative_to(package_dir).as_posix()}:{sha256_file(path)}\n".encode("utf-8"))
    return digest.hexdigest()


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
        "inputs_sha256": input_fingerprint(raw_inputs(report_path, codebook_path, platform_codebook_path)),
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
    codebook, platform_codebook : str or Path, optional
        The codebook CSVs; default ``data/raw/codebook.csv`` and ``data/raw/codebook_platforms.csv``.
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

    out_dir = Path(out_dir) if out_dir is not None else Path(config.PROCESSED_DIR)
    codebook_path = Path(codebook) if codebook is not None else config.CODEBOOK_PATH
    platform_codebook_path = Path(platform_codebook) if platform_codebook is not None else cb.PLATFORM_CODEBOOK_PATH
    _check_before_reading(out_dir, codebook_path, platform_codebook_path)
    with tqdm(total=3, desc="build", unit="step", file=sys.stderr, disable=not progress, leave=False) as bar:
        bar.set_postfix_str("read and join")
        report, tables = _tables(report, codebook_path, platform_codebook_path)
        bar.update()
        bar.set_postfix_str("serialise")
        contents = _contents(tables, _metadata(report, codebook_path, platform_codebook_path))
        bar.update()
        bar.set_postfix_str("validate and publish")
        publish_directory(contents, out_dir, check=_read_back_check(tables))
        bar.update()
    return BuildResult(out_dir=out_dir, paths={name: out_dir / name for name in contents}, tables=tables)


def _check_before_reading(out_dir: Path, codebook_path: Path, platform_codebook_path: Path) -> None:
    """Fail before any work: missing data, a raw file that changed, a missing codebook, an unwritable target."""
    config.require_data()
    verify_raw_dir(config.RAW_DIR, config.MANIFEST_PATH)  # every raw file, before any is read: the sidecar's year goes into the outputs too
    for path in (codebook_path, platform_codebook_path):
        if not path.exists():
            raise FileNotFoundError(f"{path}: codebook not found; see ecoanalysis.coding.codebook for its format")
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    check_publishable(out_dir)  # a read-only target fails now, not after the work


def _tables(report: Any, codebook_path: Path, platform_codebook_path: Path) -> tuple[Any, dict[str, pd.DataFrame]]:
    """The report and every table of the dataset, the evidence stage's included, each validated."""
    from ..document import load_report
    from ..mentions import extract_mentions

    if report is None or isinstance(report, (str, Path)):
        report = load_report(report)
    tables = build_tables(report, extract_mentions(report), codebook_path, platform_codebook_path)
    tables.update(_evidence_tables(tables["claims"], tables["mentions"]["mention_id"]))
    return report, {name: schemas.validate(name, table) for name, table in tables.items()}


def _evidence_tables(claims: pd.DataFrame, mention_ids: pd.Series) -> dict[str, pd.DataFrame]:
    """The evidence stage's tables (evidence, corroboration), conformed to their contracts and sorted."""
    from ..evidence.tables import evidence_tables  # the documented call into the later stage (see the module doc)

    frames = evidence_tables(claims, mention_ids=mention_ids)
    return {name: sort_table(name, schemas.conform(name, frame)) for name, frame in frames.items()}


def _contents(tables: dict[str, pd.DataFrame], metadata: dict[str, Any]) -> dict[str, bytes]:
    """Output file name -> bytes: one CSV per table, the workbook and the package descriptor."""
    csv_contents = {name: csv_bytes(name, table) for name, table in tables.items()}
    contents: dict[str, bytes] = {schemas.TABLES[name].path: data for name, data in csv_contents.items()}
    contents[WORKBOOK_NAME] = workbook_bytes(tables, metadata)
    contents[DATAPACKAGE_NAME] = datapackage_bytes(csv_contents, metadata)
    return contents


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
    from ..evidence.snapshot import SnapshotError  # the evidence stage's input errors, reported like ours
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
