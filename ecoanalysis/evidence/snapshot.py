"""Snapshot a local git mirror into compact, pseudonymous raw tables (``python -m ecoanalysis snapshot git``).

A snapshot is the one deliberate writer of ``data/raw/evidence/``. For a mirror of ``OWNER/NAME`` it writes

``OWNER+NAME.commits.csv.gz``
    one row per commit reachable from any ref (``record`` = ``commit``: abbreviated hash, parents, author
    key after the alias rules, a key of the bare e-mail address, author and committer time in Unix seconds with the ``+hhmm`` offset), one per ref (``record`` =
    ``ref``: full ref name, peeled target commit, the tag's or commit's date) and one ``head`` row naming
    the default branch. Identities are reduced to keys at this step (:mod:`._identity`).
``OWNER+NAME.files.csv.gz`` (only with ``track``)
    the text of each default-branch version of the tracked files (a README, a registry of groups). The
    numbers in them are read downstream (:func:`.metrics.load_numbers`), so a better engine never needs
    a new snapshot: raw data stay raw.

Each table gets a ``.meta.json`` sidecar (repository, mirror tip, snapshot date, rows, sha256, the command)
and ``data/raw/MANIFEST.sha256`` is updated last (every file replaced atomically on its own).
Output is deterministic: rows sorted, gzip header without name or time.
"""
from __future__ import annotations

import csv
import datetime
import gzip
import hashlib
import io
import json
import re
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import config
from .._atomic import write_file
from .._provenance import read_manifest
from . import _identity

EVIDENCE_DIR = config.EVIDENCE_DIR
COMMIT_COLUMNS = ("record", "id", "parents", "author_key", "email_key", "author_time", "author_tz", "committer_time",
                  "committer_tz", "target")
FILE_COLUMNS = ("path", "commit", "committer_time", "committer_tz", "text")
#: Shortest abbreviation kept (12 hex digits keep hashes of different repositories apart, too).
MIN_HASH_LENGTH = 12
#: Refs left out: GitHub's pull-request heads are proposals, not the project's history (merged ones
#: reach a branch anyway), and they would double the snapshots' size.
EXCLUDED_REFS = ("refs/pull/",)
_REF_SELECTION = tuple(f"--exclude={prefix}*" for prefix in EXCLUDED_REFS) + ("--all",)
_REPO = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*$")
_URL_REPO = re.compile(r"github\.com[:/](?P<repo>[^/]+/[^/]+?)(?:\.git)?/?$", re.IGNORECASE)


class SnapshotError(ValueError):
    """Every problem found with a snapshot request or a snapshot file, listed at once."""

    def __init__(self, problems: Sequence[str]):
        self.problems = list(problems)
        super().__init__("\n  ".join(["snapshot problems:"] + self.problems))


def stem(repo: str) -> str:
    """File stem of a repository's snapshot: ``OWNER+NAME``."""
    return repo.replace("/", "+")


def _git(git_dir: Path, *args: str) -> str:
    result = subprocess.run(["git", "--git-dir", str(git_dir), "-c", "i18n.logOutputEncoding=UTF-8", *args],
                            capture_output=True, check=True)
    return result.stdout.decode("utf-8", errors="replace")


def check_mirror(mirror: str | Path, repo: str) -> Path:
    """Return the git directory of ``mirror`` after checking that it is a git repository of ``repo``.

    The repository is identified by the ``origin`` remote's URL when there is one, else by the mirror's
    directory named ``OWNER+NAME`` (the layout of ``/work/.mirror``). Raises :class:`SnapshotError`.
    """
    mirror, problems = Path(mirror), []
    if not _REPO.match(repo or ""):
        problems.append(f"--repo {repo!r}: expected OWNER/NAME, e.g. xuperchain/xuperchain")
    if not mirror.is_dir():
        raise SnapshotError(problems + [f"{mirror}: no such directory"])
    try:
        git_dir = Path(subprocess.run(["git", "-C", str(mirror), "rev-parse", "--absolute-git-dir"],
                                      capture_output=True, check=True, text=True).stdout.strip())
    except subprocess.CalledProcessError:
        raise SnapshotError(problems + [f"{mirror}: not a git repository (git rev-parse failed)"]) from None
    if problems:
        raise SnapshotError(problems)
    url = subprocess.run(["git", "--git-dir", str(git_dir), "config", "--get", "remote.origin.url"],
                         capture_output=True, text=True).stdout.strip()
    if url:
        match = _URL_REPO.search(url)
        named = match.group("repo") if match else url
        where = f"remote origin {url}"
    else:
        owner_dir = next((p.name for p in [git_dir, *git_dir.parents] if "+" in p.name), None)
        named = owner_dir.replace("+", "/", 1) if owner_dir else None
        where = f"mirror directory {owner_dir}"
    if named is None:
        raise SnapshotError([f"{mirror}: cannot tell which repository this is (no origin remote, no OWNER+NAME directory)"])
    if named.lower() != repo.lower():
        raise SnapshotError([f"{mirror}: {where} is {named}, not the named repository {repo}"])
    return git_dir


@dataclass(frozen=True)
class _Commit:
    sha: str
    parents: tuple[str, ...]
    name: str
    email: str
    author_time: int
    author_tz: str
    committer_time: int
    committer_tz: str


def read_commits(git_dir: Path) -> list[_Commit]:
    """Every commit reachable from any ref, with full hashes and raw identities (never written)."""
    fields = "%H%x1f%P%x1f%an%x1f%ae%x1f%at%x1f%ai%x1f%ct%x1f%ci%x1e"
    out = _git(git_dir, "log", *_REF_SELECTION, "--no-color", f"--format={fields}")
    commits = []
    for record in out.split("\x1e"):
        record = record.strip("\n")
        if not record:
            continue
        sha, parents, name, email, at, ai, ct, ci = record.split("\x1f")
        commits.append(_Commit(sha, tuple(parents.split()), name, email, int(at), ai.split()[-1], int(ct), ci.split()[-1]))
    return commits


def read_refs(git_dir: Path) -> tuple[list[tuple[str, str, int, str]], str]:
    """``[(ref name, peeled commit, date, offset)]`` and the default branch (what HEAD points to)."""
    out = _git(git_dir, "for-each-ref", "--format=%(refname)%1f%(objectname)%1f%(*objectname)%1f%(creatordate:raw)")
    refs = []
    for line in out.splitlines():
        name, target, peeled, date = line.split("\x1f")
        if any(name.startswith(prefix) for prefix in EXCLUDED_REFS):
            continue
        seconds, offset = (date.split() + ["", ""])[:2]
        refs.append((name, peeled or target, int(seconds or 0), offset))
    head = _git(git_dir, "symbolic-ref", "HEAD").strip()
    return refs, head


def hash_length(hashes: Sequence[str], minimum: int = MIN_HASH_LENGTH) -> int:
    """Shortest prefix length (at least ``minimum``) that keeps every hash distinct."""
    ordered = sorted(set(hashes))
    length = minimum
    for left, right in zip(ordered, ordered[1:]):
        common = len(next((left[:i] for i in range(len(left), 0, -1) if right.startswith(left[:i])), ""))
        length = max(length, common + 1)
    return length


def commit_rows(commits: list[_Commit], refs, head: str, *, bots=None) -> tuple[list[tuple], int]:
    """Rows of the commits table (sorted) and the hash length used."""
    known = {c.sha for c in commits}
    length = hash_length(list(known))
    identities = [(c.name, c.email) for c in commits]
    keys = _identity.author_keys(identities, bots=bots)
    addresses = _identity.email_keys(identities, bots=bots)
    rows = [("commit", c.sha[:length], " ".join(p[:length] for p in c.parents), keys[(c.name, c.email)],
             addresses[(c.name, c.email)], c.author_time, c.author_tz, c.committer_time, c.committer_tz, "") for c in commits]
    rows += [("ref", name, "", "", "", "", "", seconds, offset, target[:length]) for name, target, seconds, offset in refs if target in known]
    rows.append(("head", "HEAD", "", "", "", "", "", "", "", head))
    # Commits in committer-time order compress best (a parent is usually the row before).
    return sorted(rows, key=lambda row: (row[0], row[7] if row[0] == "commit" else 0, row[1])), length


def file_rows(git_dir: Path, paths: Sequence[str], length: int) -> list[tuple]:
    """Every default-branch version of each tracked path: ``FILE_COLUMNS`` rows, sorted by path and time."""
    rows = []
    for path in paths:
        out = _git(git_dir, "log", "HEAD", "--format=%H%x1f%ct%x1f%ci", "--", path)
        for line in out.splitlines():
            sha, ct, ci = line.split("\x1f")
            try:
                text = _git(git_dir, "show", f"{sha}:{path}")
            except subprocess.CalledProcessError:
                continue  # the commit deleted the file
            rows.append((path, sha[:length], ct, ci.split()[-1], text))
    return sorted(rows, key=lambda row: (row[0], int(row[2]), row[1]))


def gzip_csv(columns: Sequence[str], rows: Sequence[tuple]) -> bytes:
    """CSV (``\\n`` line ends, minimal quoting) compressed with a fixed, nameless, time-free gzip header."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as archive:
        archive.write(text.getvalue().encode("utf-8"))
    return buffer.getvalue()


def _sidecar(name: str, data: bytes, rows: int, repo: str, tip: str, head: str, command: str, extra: dict) -> bytes:
    meta = {
        "file": name,
        "repository": repo,
        "source": f"https://github.com/{repo}",
        "default_branch": head,
        "mirror_tip": tip,
        "snapshot_date": datetime.date.today().isoformat(),
        "rows": rows,
        "bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "command": command,
        "licence": "Commit metadata (hashes, times, ref names) of a public repository; identities replaced by "
                   "pseudonymous keys; no names or e-mail addresses.",
        **extra,
    }
    return (json.dumps(meta, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


def manifest_bytes(updates: dict[str, bytes], manifest: Path = config.MANIFEST_PATH) -> bytes:
    """The manifest with the entries in ``updates`` (``{path relative to data/raw: content}``) set."""
    entries = read_manifest(manifest) if manifest.is_file() else {}
    entries.update({name: hashlib.sha256(data).hexdigest() for name, data in updates.items()})
    return "".join(f"{digest}  {name}\n" for name, digest in entries.items()).encode("utf-8")


def snapshot_git(mirror: str | Path, repo: str, *, track: Sequence[str] = (), out_dir: str | Path | None = None,
                 command: str | None = None) -> list[Path]:
    """Snapshot the mirror of ``repo`` into ``out_dir`` (default ``data/raw/evidence``) and update the manifest.

    Parameters
    ----------
    mirror : path
        A local (bare) clone of the repository.
    repo : str
        ``OWNER/NAME`` on GitHub; must match the mirror's origin remote or its ``OWNER+NAME`` directory.
    track : sequence of str
        Paths inside the repository whose versions on the default branch are parsed for numbers.
    out_dir : path, optional
        Where to write; the manifest is ``out_dir.parent / MANIFEST.sha256`` (the raw directory's).

    Returns
    -------
    list of Path
        The files written (tables, sidecars and, last, the manifest), each replaced atomically.
    """
    git_dir = check_mirror(mirror, repo)
    out_dir = Path(out_dir) if out_dir is not None else EVIDENCE_DIR
    manifest = out_dir.parent / config.MANIFEST_PATH.name
    command = command or f"python -m ecoanalysis snapshot git {mirror} --repo {repo}" + "".join(f" --track {t}" for t in track)
    commits = read_commits(git_dir)
    refs, head = read_refs(git_dir)
    rows, length = commit_rows(commits, refs, head)
    tip = _git(git_dir, "rev-parse", "HEAD").strip()
    extra = {"hash_length": length, "commits": sum(r[0] == "commit" for r in rows), "refs": sum(r[0] == "ref" for r in rows),
             "alias_rules": "ecoanalysis.evidence._identity (same e-mail, normalised name, name tokens, GitHub noreply handle)",
             "columns": list(COMMIT_COLUMNS)}
    tables = {f"{stem(repo)}.commits.csv.gz": (COMMIT_COLUMNS, rows, extra)}
    if track:
        absent = [path for path in track if not _git(git_dir, "log", "HEAD", "-1", "--format=%H", "--", path).strip()]
        if absent:
            raise SnapshotError([f"{mirror}: --track {path}: no version of this path on the default branch" for path in absent])
        versions = file_rows(git_dir, track, length)
        tables[f"{stem(repo)}.files.csv.gz"] = (FILE_COLUMNS, versions, {"tracked_paths": list(track), "hash_length": length,
                                                                        "columns": list(FILE_COLUMNS)})
    contents: dict[Path, bytes] = {}
    for name, (columns, table_rows, table_extra) in tables.items():
        data = gzip_csv(columns, table_rows)
        contents[out_dir / name] = data
        contents[out_dir / name.replace(".csv.gz", ".meta.json")] = _sidecar(name, data, len(table_rows), repo, tip, head, command, table_extra)
    relative = {f"{out_dir.name}/{path.name}": data for path, data in contents.items()}
    contents[manifest] = manifest_bytes(relative, manifest)
    out_dir.mkdir(parents=True, exist_ok=True)
    # Each file is replaced atomically; the manifest goes last, so a write killed half-way leaves tables the
    # manifest does not vouch for (verify_raw_dir reports them) rather than a manifest vouching for old tables.
    for path, data in contents.items():
        write_file(path, data)
    return list(contents)


def main(mirror: str, repo: str, *, track: Sequence[str] = ()) -> int:
    """Command-line entry: snapshot, print what was written, return an exit code."""
    try:
        written = snapshot_git(mirror, repo, track=track)
    except SnapshotError as error:
        print(error, file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0
