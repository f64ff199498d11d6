"""The Makefile's promises that can be checked without running the notebooks: stamps, `make lab`."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from ecoanalysis import config

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def _dry_run(*args: str) -> str:
    result = subprocess.run(["make", "--dry-run", "--always-make", *args], cwd=config.ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_make_lab_adds_allow_root_only_for_root():
    commands = [line for line in _dry_run("lab").splitlines() if "jupyter lab" in line]
    assert len(commands) == 1
    assert ("--allow-root" in commands[0]) == (os.getuid() == 0)
    assert "MPLBACKEND" in commands[0]  # inline figures: the headless backend of the batch runs is dropped


def test_each_notebook_has_its_own_stamp_that_depends_on_its_inputs():
    database = subprocess.run(["make", "--print-data-base", "--question", "--no-builtin-rules"], cwd=config.ROOT,
                              capture_output=True, text=True, timeout=60).stdout
    rule = next(line for line in database.splitlines() if line.startswith("build/notebooks/%.ipynb:"))
    for prerequisite in ("notebooks/%.ipynb", "build/data.stamp", "ecoanalysis/dataset/pipeline.py", "data/processed/claims.csv"):
        assert prerequisite in rule.split(), (prerequisite, rule)
    data_rule = next(line for line in database.splitlines() if line.startswith("build/data.stamp:"))
    for prerequisite in ("data/raw/codebook.csv", "data/raw/MANIFEST.sha256"):
        assert prerequisite in data_rule.split(), (prerequisite, data_rule)
    # Every module of the package, in whatever folder, reruns the build (the Makefile walks the package).
    package = config.ROOT / "ecoanalysis"
    modules = {p.relative_to(config.ROOT).as_posix() for p in package.rglob("*") if p.suffix in (".py", ".toml") and "__pycache__" not in p.parts}
    assert {"ecoanalysis/coding/codebook.py", "ecoanalysis/dataset/pipeline.py", "ecoanalysis/engine/lexicon.toml"} <= modules
    assert modules <= set(data_rule.split()), sorted(modules - set(data_rule.split()))


def test_notebooks_run_through_the_runner_into_their_stamp():
    commands = [line for line in _dry_run("figures").splitlines() if "ecoanalysis._notebooks" in line]
    notebooks = sorted(config.NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))
    assert len(commands) == len(notebooks)
    for path in notebooks:
        assert any(f'"notebooks/{path.name}" "build/notebooks/{path.name}"' in line for line in commands), path.name
