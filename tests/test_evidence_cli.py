"""The snapshot command line, and the README figures read from the Paddle snapshot."""
from __future__ import annotations

import subprocess
import sys

import pytest

import ecoanalysis
from ecoanalysis import config

PADDLE_MIRROR = config.MIRRORS_DIR / "pangyoki+Paddle" / "repo"


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "ecoanalysis", *args], capture_output=True, text=True, cwd=cwd)


def test_snapshot_of_a_plain_directory_fails_with_a_message(tmp_path):
    result = run("snapshot", "git", str(tmp_path), "--repo", "xuperchain/xuperchain")
    assert result.returncode == 1
    assert f"{tmp_path}: not a git repository" in result.stderr and "Traceback" not in result.stderr


def test_snapshot_needs_the_repository_name():
    result = run("snapshot", "git", "/nonexistent")
    assert result.returncode == 2 and "--repo" in result.stderr


def _readme_rows() -> list[dict[str, str]]:
    from ecoanalysis.evidence import metrics

    return metrics.load_numbers("pangyoki/Paddle")  # the README versions of the snapshot, read by the engine


def test_readme_developer_figures_match_the_evidence():
    # Independent reading: the developer figure is the number right after the word 开发者 or right before it.
    rows = [r for r in _readme_rows() if r["path"] == "README_cn.md" and r["kind"] == "mention"
            and (r["context_before"].rstrip().endswith("开发者") or r["context_after"].lstrip().startswith("开发者"))]
    latest = max(rows, key=lambda r: int(r["committer_time"]))
    evidence = ecoanalysis.load_evidence()
    readme = evidence[(evidence["mention_id"] == "629:320 万:0") & (evidence["kind"] == "file_history")]
    assert readme.sort_values("source_date")["value"].iloc[-1] == float(latest["value"])
    assert sorted(set(readme["value"])) == sorted({float(r["value"]) for r in rows})


@pytest.mark.skipif(not PADDLE_MIRROR.is_dir(), reason=f"mirror {PADDLE_MIRROR} not on this machine")
def test_readme_numbers_are_in_the_file_the_mirror_holds():
    rows = [r for r in _readme_rows() if r["kind"] == "mention" and r["unit"] == "count" and "万" in r["surface"]]
    for row in rows[-5:]:
        text = subprocess.run(["git", "--git-dir", str(PADDLE_MIRROR), "show", f"{row['commit']}:{row['path']}"],
                              capture_output=True, text=True, check=True).stdout
        assert text.splitlines()[int(row["line"]) - 1].count(row["surface"]) >= 1, row
