"""Every path the package uses, resolved from this file so code runs from any working directory.

The figures and processed-data directories can be redirected with the environment variables
``ECOANALYSIS_FIGURES_DIR`` and ``ECOANALYSIS_PROCESSED_DIR`` (the tests do this so that executing a
notebook or a build never touches the committed outputs).
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

DATA_DIR = ROOT / "data"
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
