"""Every numbered notebook runs clean, top to bottom, and writes its figures (into a temporary directory)."""
from __future__ import annotations

import json
import os
import re

import nbformat
import pytest
from nbclient import NotebookClient

from ecoanalysis import config

NOTEBOOKS = sorted(config.NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))
FIGURE_NAME = re.compile(r"""save_figure\([^,]+,\s*["'](fig\d\d-[a-z0-9-]+)["']""")


def test_there_are_numbered_notebooks():
    assert len(NOTEBOOKS) >= 7, [p.name for p in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_stored_without_outputs(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, f"{path.name}: stored with outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_executes_and_writes_its_figures(path, tmp_path, monkeypatch):
    monkeypatch.setenv("ECOANALYSIS_FIGURES_DIR", str(tmp_path))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    expected = set(FIGURE_NAME.findall(path.read_text(encoding="utf-8")))
    assert expected, f"{path.name} saves no figure"
    for name in expected:
        for suffix in (".png", ".svg"):
            written = tmp_path / f"{name}{suffix}"
            assert written.stat().st_size > 0, f"{path.name} did not write {name}{suffix}"
            # Figures are a pure function of data and code: the committed file is exactly what the notebook makes.
            committed = config.ROOT / "figures" / written.name
            assert written.read_bytes() == committed.read_bytes(), f"figures/{written.name} is stale: run `make`"
