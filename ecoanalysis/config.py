"""Every path the package uses, in one place, so code runs from any working directory.

The data directory is ``data/`` of the clone the package was imported from. An installed copy
(``pip install .``) has no clone around it: point it at one with the environment variable
``ECOANALYSIS_DATA`` (``export ECOANALYSIS_DATA=/path/to/ecoanalysis/data``). The figures and
processed-data directories can be redirected on their own with ``ECOANALYSIS_FIGURES_DIR`` and
``ECOANALYSIS_PROCESSED_DIR`` (the tests do this so that executing a notebook or a build never
touches the committed outputs).
"""
from __future__ import annotations

import os
from pathlib import Path

#: Environment variable naming the data directory (the one holding raw/ and processed/).
DATA_ENV = "ECOANALYSIS_DATA"

#: The repository root when the package runs from a clone (for an installed copy: site-packages).
ROOT = Path(__file__).resolve().parent.parent

DATA_DIR = Path(os.environ[DATA_ENV]).expanduser() if os.environ.get(DATA_ENV) else ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
PROCESSED_DIR = Path(os.environ.get("ECOANALYSIS_PROCESSED_DIR", DATA_DIR / "processed"))
FIGURES_DIR = Path(os.environ.get("ECOANALYSIS_FIGURES_DIR", ROOT / "figures"))
NOTEBOOKS_DIR = ROOT / "notebooks"

#: The report text as extracted from the published PDF (immutable input).
REPORT_PATH = RAW_DIR / "caict-baidu-2021-industrial-intelligence-ecosystem-report.txt"
#: Provenance sidecar of the report (title, producers, year, licence, sha256).
REPORT_SIDECAR_PATH = RAW_DIR / "caict-baidu-2021-industrial-intelligence-ecosystem-report.meta.json"
#: Hand-written codebook: one row per number mention (the only human judgement in the pipeline).
CODEBOOK_PATH = RAW_DIR / "codebook.csv"
#: Evidence snapshots and the hand-written evidence files (checks, scopes, statements, bots).
EVIDENCE_DIR = RAW_DIR / "evidence"
#: Where local git mirrors live (``OWNER+NAME/repo``); only the snapshot command and its tests read them.
MIRRORS_DIR = Path(os.environ.get("ECOANALYSIS_MIRRORS_DIR", "/work/.mirror"))
#: sha256 of every file in data/raw/ except itself.
MANIFEST_PATH = RAW_DIR / "MANIFEST.sha256"

#: Year the report was published; resolves relative dates such as 今年 3 月.
REPORT_YEAR = 2021
#: Hand-written codebook for table 1 (host names in English, kind of host).
PLATFORM_CODEBOOK_PATH = RAW_DIR / "codebook_platforms.csv"
#: Report-specific choices the analyses apply (ratio specifications, subjects a figure shows, selections).
ANALYSIS_SPECS_PATH = RAW_DIR / "analysis_specs.toml"


class DataNotFound(FileNotFoundError):
    """The package's data directory is missing; the message says how to point the package at it."""


def require_data() -> None:
    """Check that the raw data are where this module says, or explain how to point the package at them.

    ``python -m ecoanalysis extract`` needs no data directory; loading the report, the claims tables or
    building them does.

    Raises
    ------
    DataNotFound
        If ``RAW_DIR`` does not exist.
    """
    if RAW_DIR.is_dir():
        return
    if os.environ.get(DATA_ENV):
        why = f"{DATA_ENV} is set to {os.environ[DATA_ENV]!r}, which has no raw/ directory"
    else:
        why = f"this copy of ecoanalysis (in {ROOT}) is not inside a clone of the repository"
    raise DataNotFound(
        f"ecoanalysis cannot find its data at {RAW_DIR}: {why}. The report, codebook and processed tables "
        f"live in the repository's data/ directory: clone the repository and set {DATA_ENV} to that directory "
        f"(export {DATA_ENV}=/path/to/ecoanalysis/data), or install the clone in place with pip install -e "
        "/path/to/ecoanalysis. Extracting numbers from your own files (python -m ecoanalysis extract) needs no data."
    )
