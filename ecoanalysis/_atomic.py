"""Safe outputs: one file replaced atomically, a whole directory of outputs swapped in one step, stdout.

* :func:`write_file` replaces one output file (``extract -o``) through a temporary file in the same
  directory and one rename, after :func:`check_output_path` has refused anything it could destroy:
  a symbolic link, a FIFO, a device, a directory, a read-only file or one of the inputs.
* :func:`publish_directory` replaces a whole set of outputs (``data/processed/``): every file is
  written into a staging directory beside the target, checked, and the two directories are exchanged
  in one atomic ``renameat2(RENAME_EXCHANGE)`` (Linux). A reader sees the old set or the new one,
  never a mix; a killed build leaves at most a stale staging directory, removed by the next build.
* :func:`write_stdout` ends quietly, with one line on standard error, when standard output is a
  closed pipe (``| head``) or a full device.

Read-only-ness is judged by the permission bits, not by trying: root may write anywhere, yet a file
or directory whose owner removed its write bits was marked "do not write here".
"""
from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

#: Prefix of temporary files, so that leftovers of a killed write are recognisable (and git-ignored).
TEMP_PREFIX = ".tmp-"

#: Name parts of the directories beside a published directory: the new set being written, and (where
#: directories cannot be exchanged atomically) the old set on its way out. Both are git-ignored.
STAGING_MARK = ".staging-"
RETIRED_MARK = ".old-"

#: Permission bits of a new output file before the umask is applied (as ``open(..., "w")`` would give).
DEFAULT_FILE_MODE = 0o666
DEFAULT_DIRECTORY_MODE = 0o777

#: Any write bit.
WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH

_FILE_KINDS = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a directory",
}


class OutputError(OSError):
    """An output cannot be written safely; the message names the path and what to do instead."""


def _current_umask() -> int:
    # os.umask can only be read by setting it; set it straight back.
    mask = os.umask(0)
    os.umask(mask)
    return mask


def is_read_only(mode: int) -> bool:
    """Whether permission bits ``mode`` carry no write bit at all (``chmod a-w``)."""
    return not mode & WRITE_BITS


# ---------------------------------------------------------------------------------------------------
# One file
# ---------------------------------------------------------------------------------------------------


def check_output_path(path: str | Path, *, inputs: Iterable[str | Path] = ()) -> os.stat_result | None:
    """Refuse an output path whose replacement would destroy something; return the existing file's stat.

    Raises
    ------
    OutputError
        If ``path`` is a symbolic link, not a regular file (FIFO, device, socket, directory), read-only
        by its permission bits, one of ``inputs`` (same resolved path or same file), or if its directory
        is missing, not a directory or read-only.
    """
    path = Path(path)
    try:
        existing = os.lstat(path)
    except FileNotFoundError:
        existing = None
    if existing is not None:
        if stat.S_ISLNK(existing.st_mode):
            raise OutputError(f"{path}: is a symbolic link; refusing to replace it (name the file it points to, or a new file)")
        if not stat.S_ISREG(existing.st_mode):
            kind = _FILE_KINDS.get(stat.S_IFMT(existing.st_mode), "not a regular file")
            raise OutputError(
                f"{path}: is {kind}, not a regular file; refusing to write over it "
                "(to write to standard output, use -o - or leave -o out)"
            )
        if is_read_only(existing.st_mode):
            raise OutputError(
                f"{path}: is read-only (mode {stat.S_IMODE(existing.st_mode):04o}); refusing to overwrite it "
                "(make it writable with chmod u+w, or choose another name)"
            )
        if any(_same_file(source, path, existing) for source in inputs):
            raise OutputError(f"{path}: is also an input file; refusing to overwrite an input (choose another output name)")
    _check_directory(path.absolute().parent, path)
    return existing


def _same_file(source: str | Path, path: Path, existing: os.stat_result) -> bool:
    """Whether ``source`` names the file ``path`` (same resolved path, or a hard link to it)."""
    try:
        return Path(source).resolve() == path.resolve() or os.path.samestat(os.stat(source), existing)
    except OSError:
        return False


def _check_directory(directory: Path, target: Path | None = None) -> None:
    """Refuse a missing, non-directory or read-only ``directory`` (where ``target`` is to be written)."""
    prefix = f"{target}: cannot write there: " if target is not None else ""
    try:
        info = os.stat(directory)
    except FileNotFoundError:
        raise OutputError(f"{prefix}directory {directory} does not exist; create it first (mkdir -p {directory})") from None
    if not stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{prefix}{directory} is not a directory")
    if is_read_only(info.st_mode):
        raise OutputError(
            f"{prefix}directory {directory} is read-only (mode {stat.S_IMODE(info.st_mode):04o}); make it writable or write elsewhere"
        )


def write_file(path: str | Path, data: bytes, *, inputs: Iterable[str | Path] = ()) -> None:
    """Replace ``path`` with ``data`` atomically, keeping an existing file's mode (and owner, where allowed).

    Raises
    ------
    OutputError
        From :func:`check_output_path`; nothing is written.
    OSError
        If writing fails (disk full, ...); the target is then unchanged and no temporary file is left.
    """
    path = Path(path)
    existing = check_output_path(path, inputs=inputs)
    descriptor, name = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{path.name}.", dir=path.absolute().parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if existing is None:
            os.chmod(name, DEFAULT_FILE_MODE & ~_current_umask())  # mkstemp creates 0600
        else:
            os.chmod(name, stat.S_IMODE(existing.st_mode))
            with contextlib.suppress(OSError):
                os.chown(name, existing.st_uid, existing.st_gid)
        os.replace(name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
        raise
    _fsync_directory(path.absolute().parent)


# ---------------------------------------------------------------------------------------------------
# A whole directory
# ---------------------------------------------------------------------------------------------------


def _no_step(name: str) -> None:
    """Default publishing-step hook: nothing (the tests pass one that kills the process)."""


def publish_directory(
    contents: Mapping[str, bytes],
    out_dir: str | Path,
    *,
    check: Callable[[Path, str], None] | None = None,
    on_step: Callable[[str], None] | None = None,
) -> Path:
    """Replace the whole set of files in ``out_dir`` by ``contents``, in one step or not at all.

    Parameters
    ----------
    contents : Mapping[str, bytes]
        File name -> bytes: every output of the set. Files of ``out_dir`` not named here are carried over.
    out_dir : str or Path
        The published directory (created if missing; its parent must exist).
    check : callable, optional
        ``check(staged_path, name)`` for every staged file once all are written; an exception aborts
        the publication and leaves ``out_dir`` untouched.
    on_step : callable, optional
        Called with the name of each publishing step before it runs (a test hook).

    Returns
    -------
    Path
        The resolved published directory.

    Raises
    ------
    OutputError
        If ``out_dir`` or its parent is read-only or not a directory.
    OSError
        If writing fails (disk full, permissions); ``out_dir`` is then unchanged.
    """
    out_dir = check_publishable(out_dir)
    on_step = on_step or _no_step
    with _lock(out_dir):
        remove_stale(out_dir)
        on_step("create staging directory")
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}{STAGING_MARK}", dir=out_dir.parent))
        try:
            _stage(contents, out_dir, staging, check, on_step)
            on_step("swap")
            retired = _swap_in(staging, out_dir, on_step)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        _fsync_directory(out_dir.parent)
        on_step("remove old set")
        if retired is not None:
            shutil.rmtree(retired, ignore_errors=True)
    return out_dir


def check_publishable(out_dir: str | Path) -> Path:
    """Refuse a directory that :func:`publish_directory` must not replace; return its resolved path.

    Raises
    ------
    OutputError
        If ``out_dir`` is not a directory, is read-only by its permission bits, or its parent is missing or
        read-only.
    """
    out_dir = Path(out_dir).absolute()
    if out_dir.is_symlink():
        out_dir = out_dir.resolve()  # swap the real directory, keep the link
    _check_directory(out_dir.parent, out_dir)
    if out_dir.exists():
        mode = out_dir.stat().st_mode
        if not stat.S_ISDIR(mode):
            raise OutputError(f"{out_dir}: is not a directory")
        if is_read_only(mode):
            raise OutputError(
                f"{out_dir}: directory is read-only (mode {stat.S_IMODE(mode):04o}); "
                "make it writable (chmod u+w) or build elsewhere (ECOANALYSIS_PROCESSED_DIR)"
            )
    return out_dir


def _stage(contents: Mapping[str, bytes], out_dir: Path, staging: Path, check, on_step) -> None:
    """Write the new set (and carry over foreign files) into ``staging``, synced and checked."""
    file_mode = DEFAULT_FILE_MODE & ~_current_umask()
    directory_mode = stat.S_IMODE(out_dir.stat().st_mode) if out_dir.exists() else DEFAULT_DIRECTORY_MODE & ~_current_umask()
    os.chmod(staging, directory_mode)  # mkdtemp creates 0700
    for name, data in contents.items():
        on_step(f"write {name}")
        with open(staging / name, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(staging / name, file_mode)
    if out_dir.exists():
        for other in sorted(set(os.listdir(out_dir)) - set(contents)):
            on_step(f"carry over {other}")
            source = out_dir / other
            if source.is_dir() and not source.is_symlink():
                shutil.copytree(source, staging / other, symlinks=True)
            else:
                shutil.copy2(source, staging / other, follow_symlinks=False)
    if check is not None:
        for name in contents:
            on_step(f"check {name}")
            check(staging / name, name)
    _fsync_directory(staging)


def _swap_in(staging: Path, out_dir: Path, on_step: Callable[[str], None]) -> Path | None:
    """Put ``staging`` in the place of ``out_dir``; return where the old set now is (None if there was none)."""
    if not out_dir.exists():
        os.rename(staging, out_dir)
        return None
    if _exchange(staging, out_dir):
        return staging
    # No atomic exchange on this system: two renames, with the old set kept until the new one is in place.
    retired = out_dir.parent / f".{out_dir.name}{RETIRED_MARK}{staging.name.rsplit('-', 1)[-1]}"
    os.rename(out_dir, retired)
    on_step("rename new set into place")  # killed here: no set at all until remove_stale moves the old one back
    try:
        os.rename(staging, out_dir)
    except BaseException:
        os.rename(retired, out_dir)
        raise
    return retired


def _exchange(first: Path, second: Path) -> bool:
    """Exchange two directory entries atomically (Linux ``renameat2``); False where that is unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False  # kernel or file system without RENAME_EXCHANGE
    raise OSError(code, os.strerror(code), str(second))


def remove_stale(out_dir: str | Path) -> list[Path]:
    """Remove what killed publications of ``out_dir`` left beside it; return what was removed.

    A retired old set is moved back first if the new set never arrived (only possible without the
    atomic exchange).
    """
    out_dir = Path(out_dir).absolute()
    removed = []
    if not out_dir.parent.is_dir():
        return removed
    for entry in sorted(out_dir.parent.iterdir()):
        name = entry.name
        if name.startswith(f".{out_dir.name}{RETIRED_MARK}") and not out_dir.exists():
            os.rename(entry, out_dir)
        elif name.startswith((f".{out_dir.name}{STAGING_MARK}", f".{out_dir.name}{RETIRED_MARK}")):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    if out_dir.is_dir():
        for entry in out_dir.iterdir():
            if entry.name.startswith(TEMP_PREFIX) and entry.is_file():
                entry.unlink()  # left by builds before the staging directory existed
                removed.append(entry)
    return removed


@contextlib.contextmanager
def _lock(out_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock beside ``out_dir``, so that two builds never publish (or clean up) at once."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no concurrent-build protection
        yield
        return
    with open(out_dir.parent / f".{out_dir.name}.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


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


# ---------------------------------------------------------------------------------------------------
# Standard output
# ---------------------------------------------------------------------------------------------------


def write_stdout(data: bytes | str) -> int:
    """Write ``data`` to standard output; return 0, or 1 after one line on stderr if stdout is closed or full."""
    if isinstance(data, str):
        data = data.encode(sys.stdout.encoding or "utf-8", errors="replace")
    try:
        sys.stdout.flush()
        remaining = memoryview(data)
        while remaining:
            # A pipe whose reader has gone returns a short write first and EPIPE only on the next one.
            written = sys.stdout.buffer.write(remaining)
            remaining = remaining[written if written is not None else len(remaining):]
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        _detach_stdout()
        print("error: standard output was closed before everything was written (broken pipe)", file=sys.stderr)
        return 1
    except OSError as error:
        _detach_stdout()
        print(f"error: cannot write to standard output: {error.strerror or error}", file=sys.stderr)
        return 1
    return 0


def _detach_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush does not fail a second time."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
