"""Git snapshots: checksums, independent counts, byte-identical rebuilds, and bad mirrors."""
from __future__ import annotations

import csv
import datetime
import gzip
import hashlib
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ecoanalysis import config
from ecoanalysis._provenance import read_manifest
from ecoanalysis.evidence import metrics
from ecoanalysis.evidence.snapshot import SnapshotError, check_mirror, snapshot_git

MIRRORS = config.MIRRORS_DIR
XUPERCHAIN_MIRROR = MIRRORS / "xuperchain+xuperchain" / "repo"
COMMUNITY_MIRROR = MIRRORS / "PaddlePaddle+community" / "repo"
SNAPSHOTS = sorted(config.EVIDENCE_DIR.glob("*.csv.gz"))
EMAIL = re.compile(rb"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
CUTOFF_2020 = datetime.datetime(2021, 1, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=8))).timestamp()
needs_mirror = pytest.mark.skipif(not XUPERCHAIN_MIRROR.is_dir(), reason=f"mirror {XUPERCHAIN_MIRROR} not on this machine")


def rows_of(path: Path) -> list[dict[str, str]]:
    """The snapshot read with the csv module only."""
    return list(csv.DictReader(io.StringIO(gzip.decompress(path.read_bytes()).decode("utf-8"))))


def test_every_snapshot_matches_its_sidecar_and_the_manifest():
    manifest = read_manifest()
    assert len(SNAPSHOTS) >= 40
    for path in SNAPSHOTS:
        meta = json.loads(path.with_name(path.name.replace(".csv.gz", ".meta.json")).read_text(encoding="utf-8"))
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert meta["sha256"] == digest == manifest[f"evidence/{path.name}"], path
        assert meta["rows"] == len(rows_of(path)) and meta["bytes"] == path.stat().st_size
        assert re.fullmatch(r"[0-9a-f]{40}", meta["mirror_tip"]) and meta["command"].startswith("python -m ecoanalysis snapshot git")


def test_snapshots_hold_no_address_and_stay_small():
    assert sum(p.stat().st_size for p in SNAPSHOTS) < 6_000_000
    for path in SNAPSHOTS:
        assert not EMAIL.search(gzip.decompress(path.read_bytes())), path


def _walk(rows: list[dict[str, str]], tips: list[str]) -> set[str]:
    parents = {r["id"]: r["parents"].split() for r in rows if r["record"] == "commit"}
    seen, stack = set(), list(tips)
    while stack:
        commit = stack.pop()
        if commit in parents and commit not in seen:
            seen.add(commit)
            stack += parents[commit]
    return seen


def test_xuperchain_counts_agree_with_an_independent_walk():
    path = config.EVIDENCE_DIR / "xuperchain+xuperchain.commits.csv.gz"
    rows = rows_of(path)
    head = next(r["target"] for r in rows if r["record"] == "head")
    tip = next(r["target"] for r in rows if r["record"] == "ref" and r["id"] == head)
    branch_tips = [r["target"] for r in rows if r["record"] == "ref" and r["id"].startswith("refs/heads/")]
    committed = {r["id"]: int(r["committer_time"]) for r in rows if r["record"] == "commit"}
    author = {r["id"]: r["author_key"] for r in rows if r["record"] == "commit"}
    default = {c for c in _walk(rows, [tip]) if committed[c] < CUTOFF_2020}
    branches = {c for c in _walk(rows, branch_tips) if committed[c] < CUTOFF_2020}
    tags = [r for r in rows if r["record"] == "ref" and r["id"].startswith("refs/tags/") and int(r["committer_time"]) < CUTOFF_2020]
    history = [metrics.load_history("xuperchain/xuperchain")]
    assert metrics.measure("commits_default_branch", history, 2020) == len(default)
    assert metrics.measure("commits_any_branch", history, 2020) == len(branches)
    assert metrics.measure("authors_any_branch", history, 2020) == len({author[c] for c in branches} - {"bot"})
    assert metrics.measure("release_tags", history, 2020) == len(tags)
    address = {r["id"]: r["email_key"] for r in rows if r["record"] == "commit"}
    assert metrics.measure("emails_any_branch", history, 2020) == len({address[c] for c in branches} - {"bot"})


@needs_mirror
def test_default_branch_count_agrees_with_git_itself():
    counted = subprocess.run(["git", "--git-dir", str(XUPERCHAIN_MIRROR), "rev-list", "--count", "--before=2021-01-01T00:00:00+08:00", "HEAD"],
                             capture_output=True, text=True, check=True).stdout.strip()
    assert metrics.measure("commits_default_branch", [metrics.load_history("xuperchain/xuperchain")], 2020) == int(counted)


def _raw_copy(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    (raw / "evidence").mkdir(parents=True)
    shutil.copy(config.MANIFEST_PATH, raw / config.MANIFEST_PATH.name)
    return raw / "evidence"


@needs_mirror
def test_snapshot_rebuild_is_byte_identical(tmp_path):
    out = _raw_copy(tmp_path)
    snapshot_git(XUPERCHAIN_MIRROR, "xuperchain/xuperchain", out_dir=out)
    name = "xuperchain+xuperchain.commits.csv.gz"
    assert (out / name).read_bytes() == (config.EVIDENCE_DIR / name).read_bytes()
    assert read_manifest(out.parent / "MANIFEST.sha256")[f"evidence/{name}"] == read_manifest()[f"evidence/{name}"]


@pytest.mark.skipif(not COMMUNITY_MIRROR.is_dir(), reason=f"mirror {COMMUNITY_MIRROR} not on this machine")
def test_tracked_file_rebuild_is_byte_identical(tmp_path):
    out = _raw_copy(tmp_path)
    snapshot_git(COMMUNITY_MIRROR, "PaddlePaddle/community", out_dir=out, track=["ppsigs/ppsig-list.md"])
    for name in ("PaddlePaddle+community.commits.csv.gz", "PaddlePaddle+community.files.csv.gz"):
        assert (out / name).read_bytes() == (config.EVIDENCE_DIR / name).read_bytes()


def test_ppsig_registry_rows_counted_independently():
    # Independent count: the last registry version before the cut-off, read with the csv module, and its
    # Markdown table rows whose first cell is a number (no engine involved).
    versions = [r for r in rows_of(config.EVIDENCE_DIR / "PaddlePaddle+community.files.csv.gz")
                if int(r["committer_time"]) < metrics.cutoff_for(2021).timestamp()]
    last = max(versions, key=lambda r: int(r["committer_time"]))
    groups = {line.split("|")[1].strip() for line in last["text"].splitlines()
              if line.lstrip().startswith("|") and line.split("|")[1].strip().isdigit()}
    corroboration = __import__("ecoanalysis").load_evidence()
    registry = corroboration[corroboration["definition"] == "registry_groups"]
    assert registry["value"].tolist() == [float(len(groups))]


def test_not_a_git_repository_is_refused_and_nothing_written(tmp_path):
    out = _raw_copy(tmp_path)
    (tmp_path / "plain").mkdir()
    with pytest.raises(SnapshotError, match="plain: not a git repository"):
        snapshot_git(tmp_path / "plain", "xuperchain/xuperchain", out_dir=out)
    with pytest.raises(SnapshotError, match="no such directory"):
        snapshot_git(tmp_path / "missing", "xuperchain/xuperchain", out_dir=out)
    assert list(out.iterdir()) == []


@needs_mirror
def test_a_mirror_of_another_repository_is_refused(tmp_path):
    out = _raw_copy(tmp_path)
    with pytest.raises(SnapshotError, match="xuperchain/xuperchain, not the named repository PaddlePaddle/Paddle"):
        snapshot_git(XUPERCHAIN_MIRROR, "PaddlePaddle/Paddle", out_dir=out)
    assert list(out.iterdir()) == []


def test_remote_url_names_the_repository(tmp_path):
    repo = tmp_path / "clone"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "remote", "add", "origin", "https://github.com/someone/else.git"], check=True)
    with pytest.raises(SnapshotError) as error:
        check_mirror(repo, "bad name")
    assert "--repo 'bad name': expected OWNER/NAME" in str(error.value)
    with pytest.raises(SnapshotError, match="remote origin https://github.com/someone/else.git is someone/else, not the named repository x/y"):
        check_mirror(repo, "x/y")
    assert check_mirror(repo, "someone/else").name == ".git"


def test_sha256_disagreeing_with_the_sidecar_is_reported(tmp_path):
    name = "xuperchain+xuperchain.commits"
    shutil.copy(config.EVIDENCE_DIR / f"{name}.csv.gz", tmp_path)
    meta = json.loads((config.EVIDENCE_DIR / f"{name}.meta.json").read_text(encoding="utf-8"))
    meta["sha256"] = "0" * 64
    (tmp_path / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    pattern = re.escape(f"{name}.csv.gz: sha256 is ") + "[0-9a-f]{64}" + re.escape(f" but {name}.meta.json field sha256 records ") + "0{64}"
    with pytest.raises(SnapshotError, match=pattern):
        metrics.load_history("xuperchain/xuperchain", directory=tmp_path)


def test_fork_stands_for_upstream_by_verified_hashes():
    # scopes.csv names upstream PaddlePaddle/Paddle commits (seen in another copy) that must be in the fork's develop.
    with open(config.EVIDENCE_DIR / "scopes.csv", encoding="utf-8", newline="") as handle:
        note = next(r["note"] for r in csv.DictReader(handle) if r["scope"] == "paddle")
    verified = re.findall(r"\b[0-9a-f]{12}\b", note)
    assert len(verified) >= 2
    rows = rows_of(config.EVIDENCE_DIR / "pangyoki+Paddle.commits.csv.gz")
    head = next(r["target"] for r in rows if r["record"] == "head")
    tip = next(r["target"] for r in rows if r["record"] == "ref" and r["id"] == head)
    assert set(verified) <= _walk(rows, [tip])


@pytest.mark.skipif(not COMMUNITY_MIRROR.is_dir(), reason=f"mirror {COMMUNITY_MIRROR} not on this machine")
def test_tracking_a_path_that_never_existed_is_refused(tmp_path):
    out = _raw_copy(tmp_path)
    with pytest.raises(SnapshotError, match="--track no/such.md: no version of this path on the default branch"):
        snapshot_git(COMMUNITY_MIRROR, "PaddlePaddle/community", out_dir=out, track=["no/such.md"])
    assert list(out.iterdir()) == []
