"""Data flows one way: no module imports a later stage (the order of docs/architecture.md).

Imports are read from the source with ``ast``, so an import made at call time inside a function counts
too. Every module of the package must belong to a stage, so a new module cannot escape the check.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import ecoanalysis

PACKAGE = Path(ecoanalysis.__file__).parent

#: Stages in data-flow order, each with the modules (``ecoanalysis.``-relative, packages end in ``/``)
#: that belong to it. Shared helpers come first; the CLI and the package's own ``__init__`` last.
STAGES: list[tuple[str, tuple[str, ...]]] = [
    ("paths and helpers", ("config", "_version", "_deprecated", "_provenance", "_text", "_atomic", "_measures")),
    ("document model", ("document/",)),
    ("engine", ("engine/",)),
    ("mentions", ("mentions", "quantities")),  # quantities: the deprecated alias of engine + mentions
    ("coding", ("coding/", "codebook")),  # codebook: deprecated alias of coding/
    ("dataset", ("dataset/", "schemas", "claims")),  # schemas, claims: deprecated aliases of dataset/
    ("evidence", ("evidence/",)),
    ("analyses", ("analyses/", "analysis")),
    ("figures", ("plotting/",)),
    ("command line", ("_extract_files", "_notebooks", "__main__", "__init__")),
]


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if len(parts) > 1:
        return parts[0] + "/"
    return parts[0]


def _stage_of(module: str) -> int:
    for index, (_, members) in enumerate(STAGES):
        if module in members:
            return index
    raise LookupError(module)


def _imported_modules(path: Path) -> set[str]:
    """Package modules ``path`` imports, as stage-list names (``analyses/``, ``config`` ...)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package_parts = path.relative_to(PACKAGE).parent.parts
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package_parts[: len(package_parts) - (node.level - 1)])
            elif node.module and node.module.split(".")[0] == "ecoanalysis":
                base, node_module = [], node.module.split(".", 1)[1] if "." in node.module else ""
                targets = [node_module] if node_module else [alias.name for alias in node.names]
                found.update(_top(base, t) for t in targets)
                continue
            else:
                continue
            targets = [node.module] if node.module else [alias.name for alias in node.names]
            found.update(_top(base, t) for t in targets)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("ecoanalysis."):
                    found.add(_top([], alias.name.split(".", 1)[1]))
    return {name for name in found if name}


def _top(base: list[str], dotted: str) -> str:
    parts = [*base, *dotted.split(".")]
    if not parts or parts == [""]:
        return "__init__"
    first = parts[0]
    return first + "/" if (PACKAGE / first).is_dir() else first


#: Modules allowed to call the evidence stage (the build; see test_no_module_imports_a_later_stage).
BUILD_ORCHESTRATES = ("dataset/pipeline.py",)

MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_module_belongs_to_a_stage():
    unplaced = sorted({_module_name(p) for p in MODULES} - {m for _, members in STAGES for m in members})
    assert not unplaced, f"add {unplaced} to STAGES (and docs/architecture.md)"


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_no_module_imports_a_later_stage(path):
    own = _stage_of(_module_name(path))
    later = {
        module: STAGES[_stage_of(module)][0]
        for module in _imported_modules(path)
        if module in {m for _, members in STAGES for m in members} and _stage_of(module) > own
    }
    # The one exemption: the build orchestrates the dataset and evidence stages, running the evidence stage on
    # the claims it has just made (at call time; see dataset/pipeline.py). It stays in the dataset stage because
    # the dataset's loaders rebuild stale outputs: staging the build after evidence would move the exemption there.
    if path.relative_to(PACKAGE).as_posix() in BUILD_ORCHESTRATES:
        later.pop("evidence/", None)
    assert not later, f"{path.relative_to(PACKAGE)} ({STAGES[own][0]}) imports later stage(s) {later}"


def test_the_stage_list_matches_docs_architecture():
    """The plan block of docs/architecture.md lists the stages' folders in the order of STAGES."""
    text = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    plan = text.split("ecoanalysis/\n", 1)[1].split("```", 1)[0]
    listed = [line.split()[0] for line in plan.splitlines() if line.strip()]
    expected = ["config.py", "document/", "engine/", "mentions.py", "coding/", "dataset/", "evidence/", "analyses/", "plotting/", "__main__.py"]
    assert listed == expected
    order = [_stage_of(name.removesuffix(".py")) for name in listed]
    assert order == sorted(order) and len(set(order)) == len(STAGES)


def test_imports_are_read_with_their_stage():
    # analyses/_specs.py reads config (paths) and coding (host kinds): both earlier stages.
    imported = _imported_modules(PACKAGE / "analyses" / "_specs.py")
    assert {"config", "coding/", "analyses/"} <= imported
    assert {"analyses/"} <= _imported_modules(PACKAGE / "plotting" / "hosts.py")


def test_the_only_exemption_is_the_build_calling_evidence():
    """Without the exemption exactly one module would break the order: the build, by calling the evidence stage."""
    breaking = {}
    for path in MODULES:
        own = _stage_of(_module_name(path))
        later = {m for m in _imported_modules(path) if m in {n for _, ms in STAGES for n in ms} and _stage_of(m) > own}
        if later:
            breaking[path.relative_to(PACKAGE).as_posix()] = later
    assert breaking == {"dataset/pipeline.py": {"evidence/"}}


def test_no_module_reads_the_package_version_from_the_package():
    """The version lives in _version.py: no stage imports the package's __init__ (the old claims._version cycle)."""
    importing_init = [p.relative_to(PACKAGE).as_posix() for p in MODULES if "__init__" in _imported_modules(p)]
    assert importing_init == []
