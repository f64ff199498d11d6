"""Every numbered notebook runs clean, top to bottom, and writes its figures (into a temporary directory)."""
from __future__ import annotations

import json
import re
import subprocess

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


def _small_notebook(path, *sources):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# a title")]
                                        + [nbformat.v4.new_code_cell(source) for source in sources])
    nbformat.write(notebook, path)
    return path


def test_the_runner_writes_what_nbconvert_writes(tmp_path):
    """`make` runs notebooks with ecoanalysis._notebooks: its copy is nbconvert's, byte for byte."""
    source = _small_notebook(tmp_path / "small.ipynb", "print('一', 2)", "import sys; sys.stderr.write('warn\\n')",
                             "{'a': 1.5}", "from IPython.display import HTML; HTML('<b>x</b>')")
    python = config.ROOT / ".venv" / "bin" / "python"
    run = subprocess.run([str(python), "-m", "ecoanalysis._notebooks", str(source), str(tmp_path / "ours.ipynb")],
                         check=True, timeout=120, capture_output=True, text=True)
    assert "TCP" not in run.stderr  # the kernel is reached over IPC, so ipykernel has no transport warning
    subprocess.run([str(python.parent / "jupyter"), "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=600",
                    "--ExecutePreprocessor.record_timing=False", "--log-level=WARN", "--output-dir", str(tmp_path / "nbconvert"),
                    str(source)], check=True, timeout=120)
    ours = (tmp_path / "ours.ipynb").read_bytes()
    assert ours == (tmp_path / "nbconvert" / "small.ipynb").read_bytes()
    outputs = [cell["outputs"] for cell in json.loads(ours)["cells"] if cell["cell_type"] == "code"]
    assert outputs[0][0]["text"] == ["一 2\n"] and outputs[1][0]["name"] == "stderr"
    assert outputs[2][0]["data"]["text/plain"] == ["{'a': 1.5}"] and "text/html" in outputs[3][0]["data"]


def test_the_runner_stops_on_a_cell_error_and_writes_no_copy(tmp_path):
    source = _small_notebook(tmp_path / "broken.ipynb", "x = 1", "1 / 0", "y = 2")
    python = config.ROOT / ".venv" / "bin" / "python"
    result = subprocess.run([str(python), "-m", "ecoanalysis._notebooks", str(source), str(tmp_path / "out.ipynb")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "ZeroDivisionError" in result.stderr
    assert not (tmp_path / "out.ipynb").exists()
