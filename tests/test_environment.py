"""The conda route and the pip route must install the same packages, at pinned versions."""
from __future__ import annotations

import re
import tomllib

import pytest
import yaml

from ecoanalysis import config

# Conda-only plumbing that has no counterpart in pyproject.toml.
CONDA_ONLY = {"python", "pip"}


def _name(requirement: str) -> str:
    """Normalise a requirement string to its PEP 503 project name."""
    name = re.split(r"[<>=!~;\[ ]", requirement.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def _pyproject_names() -> set[str]:
    project = tomllib.loads((config.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {_name(r) for r in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        names |= {_name(r) for r in extra}
    return names


def _environment_names() -> set[str]:
    environment = yaml.safe_load((config.ROOT / "environment.yml").read_text(encoding="utf-8"))
    names = set()
    for dependency in environment["dependencies"]:
        if isinstance(dependency, dict):
            names |= {_name(r) for r in dependency.get("pip", []) if not r.startswith("-")}
        else:
            names.add(_name(dependency))
    return names - CONDA_ONLY


def test_environment_yml_and_pyproject_name_the_same_packages():
    pyproject, environment = _pyproject_names(), _environment_names()
    assert pyproject == environment, (
        f"only in pyproject.toml: {sorted(pyproject - environment)}; "
        f"only in environment.yml: {sorted(environment - pyproject)}"
    )


def test_every_declared_package_is_pinned_in_the_constraints_file():
    pins = {}
    for line in (config.ROOT / "requirements" / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if "==" in line:
            name, version = line.split("==", 1)
            pins[_name(name)] = version.strip()
    missing = sorted(_pyproject_names() - set(pins))
    assert not missing, f"declared but not pinned in requirements/constraints.txt: {missing}"


def test_the_public_api_is_flat_and_complete():
    import ecoanalysis

    missing = [name for name in ecoanalysis.__all__ if not hasattr(ecoanalysis, name)]
    assert not missing, missing
    assert len(set(ecoanalysis.__all__)) == len(ecoanalysis.__all__)
    for name in ("load_report", "parse_quantity", "extract_mentions", "build", "load_claims", "save_figure"):
        assert getattr(ecoanalysis, name).__doc__, f"{name} has no docstring"


def _load_writer():
    import importlib.util

    spec = importlib.util.spec_from_file_location("write_environment", config.ROOT / "requirements" / "write_environment.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_environment_yml_is_what_the_generator_writes_from_the_pins():
    assert (config.ROOT / "environment.yml").read_text(encoding="utf-8") == _load_writer().render(), (
        "environment.yml is out of step with pyproject.toml or requirements/constraints.txt: "
        "run python requirements/write_environment.py"
    )


def test_the_conda_route_pins_the_same_versions_as_the_pip_route():
    pins = {}
    for line in (config.ROOT / "requirements" / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if "==" in line:
            name, version = line.split("==", 1)
            pins[_name(name)] = version.strip()
    environment = yaml.safe_load((config.ROOT / "environment.yml").read_text(encoding="utf-8"))
    entries = [d for d in environment["dependencies"] if isinstance(d, str)]
    entries += [r for d in environment["dependencies"] if isinstance(d, dict) for r in d["pip"] if not r.startswith("-")]
    unpinned, wrong = [], []
    for entry in entries:
        name = _name(entry)
        if name in CONDA_ONLY:
            continue
        if "==" not in entry:
            unpinned.append(entry)
        elif entry.split("==", 1)[1].strip() != pins[name]:
            wrong.append((entry, pins[name]))
    assert not unpinned and not wrong, (unpinned, wrong)


HEAVY = ("pandas", "numpy", "matplotlib", "pandera", "statsmodels", "seaborn", "openpyxl", "scipy")


@pytest.mark.parametrize(
    "statement",
    ["import ecoanalysis", "from ecoanalysis.__main__ import main\ntry:\n    main(['extract', '--help'])\nexcept SystemExit:\n    pass"],
    ids=["import", "extract --help"],
)
def test_importing_the_package_or_asking_for_help_loads_no_heavy_library(statement):
    import subprocess
    import sys

    code = f"{statement}\nimport sys\nprint('loaded:', *[m for m in {HEAVY!r} if m in sys.modules], file=sys.stderr)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=config.ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "loaded:", result.stderr


def test_lazy_names_resolve_to_the_defining_modules():
    import ecoanalysis
    from ecoanalysis import document
    from ecoanalysis.dataset import load

    assert ecoanalysis.load_claims is load.load_claims and ecoanalysis.Report is document.Report
    assert set(ecoanalysis.__all__) <= set(dir(ecoanalysis))
    with pytest.raises(AttributeError, match="has no attribute 'load_claim'"):
        ecoanalysis.load_claim


@pytest.mark.parametrize(
    "old, replacement, name, new",
    [
        ("claims", "ecoanalysis.dataset", "load_claims", "ecoanalysis.dataset.load"),
        ("claims", "ecoanalysis.dataset", "input_fingerprint", "ecoanalysis.dataset.pipeline"),
        ("codebook", "ecoanalysis.coding", "join_codebook", "ecoanalysis.coding.codebook"),
        ("codebook", "ecoanalysis.coding", "HOST_KINDS", "ecoanalysis.coding.rules"),
        ("schemas", "ecoanalysis.dataset.schemas", "TABLES", "ecoanalysis.dataset.schemas"),
    ],
)
def test_the_moved_modules_warn_name_their_replacement_and_give_the_same_objects(old, replacement, name, new):
    import importlib
    import sys

    sys.modules.pop(f"ecoanalysis.{old}", None)  # the warning comes with the first import
    with pytest.warns(DeprecationWarning, match=f"ecoanalysis.{old} is deprecated; use {replacement} "):
        alias = importlib.import_module(f"ecoanalysis.{old}")
    assert getattr(alias, name) is getattr(importlib.import_module(new), name)
    with pytest.raises(AttributeError, match=replacement):
        alias.no_such_name
