"""Loaders of the processed tables: validated DataFrames, rebuilt first when an output is stale.

An output is stale when it is missing, was built from other inputs (the fingerprint recorded in
``datapackage.json`` differs from :func:`~ecoanalysis.dataset.pipeline.input_fingerprint`) or differs from
the hash recorded there.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .. import coding as cb
from .. import config
from .._provenance import sha256_file
from . import pipeline as _pipeline
from . import schemas
from .writers import DATAPACKAGE_NAME, FINGERPRINT_PROPERTY, OUTPUT_FILES, _typed_table


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
    if fingerprint != _pipeline.input_fingerprint():
        return False
    # Builds publish whole sets, but a table edited by hand (or copied in from elsewhere) no longer matches.
    return all(recorded.get(spec.path) == f"sha256:{sha256_file(out_dir / spec.path)}" for spec in schemas.TABLES.values())


def _load(table: str, out_dir: str | Path | None) -> pd.DataFrame:
    if out_dir is None:
        config.require_data()
    out_dir = Path(out_dir) if out_dir is not None else Path(config.PROCESSED_DIR)
    if not outputs_are_current(out_dir):
        _pipeline.build(out_dir=out_dir, progress=False)
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
        Keep claims of these categories (see ``coding.CATEGORY_DEFINITIONS``).
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
