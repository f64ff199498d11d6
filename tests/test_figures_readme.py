"""figures/README.md and the notebooks agree: every listed figure is saved by the notebook the README names,
and every figure a notebook saves is listed."""
from __future__ import annotations

import re

import pytest

from ecoanalysis import config
from ecoanalysis.plotting import FIGURE_NAME_PATTERN

README = config.ROOT / "figures" / "README.md"
NOTEBOOKS = sorted(config.NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))
SAVED = re.compile(r"""save_figure\([^,]+,\s*\\?["'](fig\d\d-[a-z0-9-]+)\\?["']""")
FILE = re.compile(r"\b(fig\d\d-[a-z0-9-]+)\.(png|svg)\b")
NOTEBOOK = re.compile(r"notebooks/(\d\d-[a-z0-9-]+\.ipynb)")


def _readme_rows() -> list[tuple[set[tuple[str, str]], list[str]]]:
    rows = []
    for line in README.read_text(encoding="utf-8").splitlines():
        if line.startswith("|") and FILE.search(line):
            rows.append((set(FILE.findall(line)), NOTEBOOK.findall(line)))
    return rows


def _saved_by(path) -> set[str]:
    return set(SAVED.findall(path.read_text(encoding="utf-8")))


def test_readme_exists_and_lists_figures():
    assert README.exists()
    assert _readme_rows(), "figures/README.md lists no fig*.png/svg files"


@pytest.mark.parametrize("row", range(len(_readme_rows()) if README.exists() else 0))
def test_each_listed_figure_is_saved_by_its_notebook(row):
    files, notebooks = _readme_rows()[row]
    assert len(notebooks) == 1, f"README row for {sorted(files)} must name exactly one notebook, names {notebooks}"
    notebook = config.NOTEBOOKS_DIR / notebooks[0]
    assert notebook.exists(), f"README names {notebook.name}, which does not exist"
    saved = _saved_by(notebook)
    for name, suffix in files:
        assert FIGURE_NAME_PATTERN.fullmatch(name), name
        assert name in saved, f"README says {notebook.name} writes {name}.{suffix}; it saves {sorted(saved)}"


def test_every_listed_figure_has_png_and_svg():
    for files, _ in _readme_rows():
        for name in {name for name, _ in files}:
            assert {(name, "png"), (name, "svg")} <= files, f"README must list both {name}.png and {name}.svg"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_saved_figure_is_listed(path):
    listed = {name for files, _ in _readme_rows() for name, _ in files}
    saved = _saved_by(path)
    assert saved, f"{path.name} saves no figure"
    assert saved <= listed, f"{path.name} saves {sorted(saved - listed)}, not listed in figures/README.md"
    for files, notebooks in _readme_rows():
        for name, _ in files:
            if name in saved:
                assert notebooks == [path.name], f"{name} is saved by {path.name} but README attributes it to {notebooks}"
