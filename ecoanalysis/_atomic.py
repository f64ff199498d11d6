"""All-or-nothing replacement of a set of output files.

Every file is first written to a temporary file in its target directory (so that the final
``os.replace`` is an atomic rename on the same file system), then every temporary file is checked,
and only then are they renamed over the targets, in the given order. A failure or an exception
before the renames leaves every previous output untouched and removes the temporary files.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

#: Prefix of temporary files, so that leftovers of a killed build are recognisable (and ignorable).
TEMP_PREFIX = ".tmp-"

#: Permission bits of a new output file before the umask is applied (as ``open(..., "w")`` would give).
DEFAULT_FILE_MODE = 0o666


def _current_umask() -> int:
    # os.umask can only be read by setting it; set it straight back.
    mask = os.umask(0)
    os.umask(mask)
    return mask


def replace_all(contents: Mapping[Path, bytes], check: Callable[[Path, Path], None] | None = None) -> None:
    """Write ``contents`` to their paths so that either all files are replaced or none is.

    Parameters
    ----------
    contents : Mapping[Path, bytes]
        Target path -> bytes, in the order in which the targets are replaced (put the file that
        describes the others, such as ``datapackage.json``, last).
    check : callable, optional
        ``check(temporary_path, target_path)`` is called for every temporary file once all are written,
        before any target is replaced; an exception aborts the whole write.

    Raises
    ------
    Exception
        Whatever writing or ``check`` raised; the targets are then unchanged.
    """
    mode = DEFAULT_FILE_MODE & ~_current_umask()
    temporary: dict[Path, Path] = {}
    try:
        for target, data in contents.items():
            target = Path(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            descriptor, name = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{target.name}.", dir=target.parent)
            temporary[target] = Path(name)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(name, mode)  # mkstemp creates 0600; outputs should be readable like any other file
        if check is not None:
            for target, path in temporary.items():
                check(path, target)
        for target, path in temporary.items():
            os.replace(path, target)
    finally:
        for path in temporary.values():
            if path.exists():
                path.unlink()
    for directory in {target.parent for target in temporary}:
        _fsync_directory(directory)


def _fsync_directory(directory: Path) -> None:
    """Persist the renames in ``directory`` (a no-op where directories cannot be opened, e.g. Windows)."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
