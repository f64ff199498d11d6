"""An installed copy (``pip install .``), run outside the clone: extract works, the data are found or explained."""
from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ecoanalysis import config

CLAIMS_COUNT = "import ecoanalysis as e; print(len(e.load_claims()))"


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A non-editable install of the package's sources into a directory of its own (no dependencies)."""
    work = tmp_path_factory.mktemp("install")
    source = work / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(config.ROOT / name, source / name)
    shutil.copytree(config.ROOT / "ecoanalysis", source / "ecoanalysis", ignore=shutil.ignore_patterns("__pycache__"))
    target = work / "site"
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(source)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (target / "ecoanalysis" / "config.py").is_file() and not (target / "data").exists()
    return target


def _run(installed: Path, code: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("ECOANALYSIS_")}
    environment |= {"PYTHONPATH": str(installed), **env}
    return subprocess.run([sys.executable, *code], capture_output=True, text=True, timeout=300, cwd=cwd, env=environment)


def test_the_installed_copy_is_the_one_imported(installed, tmp_path):
    result = _run(installed, ["-c", "import ecoanalysis; print(ecoanalysis.__file__)"], tmp_path)
    assert result.stdout.strip() == str(installed / "ecoanalysis" / "__init__.py"), result.stderr


def test_without_data_the_message_says_how_to_point_the_package_at_them(installed, tmp_path):
    result = _run(installed, ["-c", CLAIMS_COUNT], tmp_path)
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("ecoanalysis.config.DataNotFound: ecoanalysis cannot find its data at")
    assert f"export {config.DATA_ENV}=/path/to/ecoanalysis/data" in last and "pip install -e" in last


def test_with_ecoanalysis_data_the_claims_load_from_another_directory(installed, tmp_path):
    data = tmp_path / "data"  # a copy, so that a rebuild (if the committed tables are stale) stays here
    shutil.copytree(config.DATA_DIR, data, ignore=shutil.ignore_patterns(".*"))
    with open(config.CODEBOOK_PATH, encoding="utf-8-sig", newline="") as handle:
        expected = sum(row["kind"] == "claim" for row in csv.DictReader(handle))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = _run(installed, ["-c", CLAIMS_COUNT], elsewhere, ECOANALYSIS_DATA=str(data))
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) == expected > 100


def test_extract_needs_no_data(installed, tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("累计学习人次超过 610 万。\n", encoding="utf-8")
    result = _run(installed, ["-m", "ecoanalysis", "extract", "a.txt"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "超过 610 万" in result.stdout
