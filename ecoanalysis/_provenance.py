"""Checksums of the immutable raw inputs.

The manifest is a plain ``sha256sum``-compatible file (``<hex>  <name>``) so that it can also be
checked without Python: ``cd data/raw && sha256sum -c MANIFEST.sha256``.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from . import config


class RawDataChanged(RuntimeError):
    """A raw input no longer matches the checksum recorded in the manifest."""


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sidecar_sha256_problem(path: Path, data: bytes, sidecar: Path) -> str | None:
    """Why ``data`` (the bytes of ``path``) does not match the sha256 its JSON ``sidecar`` records, or None."""
    recorded = json.loads(sidecar.read_text(encoding="utf-8")).get("sha256")
    actual = hashlib.sha256(data).hexdigest()
    return None if recorded == actual else f"{path}: sha256 is {actual} but {sidecar.name} field sha256 records {recorded}"


def read_manifest(manifest: Path = config.MANIFEST_PATH) -> dict[str, str]:
    """Return ``{file name: sha256}`` from the manifest."""
    entries: dict[str, str] = {}
    for number, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            digest, name = line.split(maxsplit=1)
        except ValueError:
            raise ValueError(f"{manifest}:{number}: expected '<sha256>  <file name>', got {line!r}") from None
        entries[name.strip().lstrip("*")] = digest
    return entries


def verify_file(
    path: Path,
    manifest: Path = config.MANIFEST_PATH,
    *,
    listed_as: str | None = None,
    actual: str | None = None,
    required: bool = True,
) -> str:
    """Check one file against the manifest and return its sha256.

    Parameters
    ----------
    path : Path
        The file to check.
    manifest : Path
        The checksum manifest.
    listed_as : str, optional
        Manifest entry to compare with (default: the file's own name), e.g. the report's entry for a
        byte-identical copy under another name.
    actual : str, optional
        The file's sha256 if the caller has already computed it.
    required : bool
        Whether a file missing from the manifest (or a missing manifest) is an error; if not, its hash is
        returned unchecked.

    Raises
    ------
    RawDataChanged
        If the hash differs from the manifest (naming the file and both hashes), or the entry is missing and
        ``required``.
    """
    path = Path(path)
    actual = actual or sha256_file(path)
    name = listed_as or path.name
    if not manifest.is_file():
        if required:
            raise RawDataChanged(f"{path}: cannot verify, manifest {manifest} not found; pass verify=False to skip")
        return actual
    expected = read_manifest(manifest).get(name)
    if expected is None:
        if required:
            raise RawDataChanged(f"{path}: {name} is not listed in {manifest}; raw files must be recorded in the manifest")
        return actual
    if actual != expected:
        raise RawDataChanged(
            f"{path}: sha256 is {actual} but {manifest.name} records {expected} for {name}. "
            "data/raw/ is immutable; if this edit is deliberate, update the manifest in the same commit "
            "(or pass verify=False to read a modified copy)."
        )
    return actual


def verify_raw_dir(raw_dir: Path = config.RAW_DIR, manifest: Path = config.MANIFEST_PATH) -> dict[str, str]:
    """Re-hash every file in ``raw_dir`` and compare with the manifest; report every mismatch at once."""
    recorded = read_manifest(manifest)
    # Subdirectories (evidence/) are listed by their path relative to raw_dir, as the manifest names them.
    present = {p.relative_to(raw_dir).as_posix(): p for p in sorted(raw_dir.rglob("*")) if p.is_file() and p != manifest}
    problems = []
    for name in sorted(set(recorded) | set(present)):
        if name not in present:
            problems.append(f"{raw_dir / name}: listed in {manifest.name} but missing")
        elif name not in recorded:
            problems.append(f"{present[name]}: present but not listed in {manifest.name}")
        else:
            actual = sha256_file(present[name])
            if actual != recorded[name]:
                problems.append(f"{present[name]}: sha256 is {actual} but {manifest.name} records {recorded[name]}")
    if problems:
        raise RawDataChanged("raw data differs from the manifest:\n  " + "\n  ".join(problems))
    return recorded
