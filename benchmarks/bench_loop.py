"""The everyday loop: import time, ``extract --help``, ``make`` with nothing changed, a full rebuild, build memory.

Every figure is a ratio against a baseline measured in the same run, on the same machine:

* ``import ecoanalysis`` against ``import pandas`` (each in a fresh interpreter; median of several runs);
* ``python -m ecoanalysis extract --help`` against ``python -c pass`` (interpreter start-up);
* ``make`` with nothing changed against one ``python -m ecoanalysis build`` (what every ``make`` ran before);
* ``make`` after a codebook edit (``touch data/raw/codebook.csv``: the build and every notebook run again)
  against starting as many kernels through nbconvert (empty notebooks), two at a time as ``make`` does,
  measured just before and just after the rebuild (their mean);
* peak memory (max RSS) of the build against that of importing the libraries it uses.

Run from the repository root: ``.venv/bin/python benchmarks/bench_loop.py [--quick]`` (``--quick`` skips
the two ``make`` runs that execute notebooks). The build runs into a temporary directory; the ``make``
measurements use the repository itself and leave it as they found it (outputs are byte-identical).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
REPEATS = 7

TARGETS = {
    "import": "<= 1.3 x import pandas",
    "extract_help": "< 0.5 s",
    "make_noop": "<= 5 s",
    "rebuild": "<= 1.5 x starting the same number of kernels through nbconvert",
    "build_memory": "no worse than 142 MB",
}


def _wall(command: list[str], *, cwd: Path = ROOT, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr}")
    return elapsed


def _median_wall(command: list[str], repeats: int = REPEATS) -> float:
    return statistics.median(_wall(command) for _ in range(repeats))


def _import_seconds(module: str) -> float:
    """Median time of ``import module`` inside a fresh interpreter (start-up excluded)."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([PYTHON, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout) for _ in range(REPEATS)]
    return statistics.median(runs)


def _peak_rss_mib(command: list[str], env: dict[str, str] | None = None) -> float:
    """Max RSS of ``command`` (run from a fresh wrapper, so no earlier child counts)."""
    wrapper = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    result = subprocess.run([PYTHON, "-c", wrapper, *command], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return int(result.stdout) / 1024  # Linux reports KiB


def measure_imports() -> dict:
    ours, pandas = _import_seconds("ecoanalysis"), _import_seconds("pandas")
    return {"name": "import", "what": "import ecoanalysis", "seconds": ours, "baseline": "import pandas",
            "baseline_seconds": pandas, "ratio": ours / pandas}


def measure_extract_help() -> dict:
    ours = _median_wall([PYTHON, "-m", "ecoanalysis", "extract", "--help"])
    start_up = _median_wall([PYTHON, "-c", "pass"])
    return {"name": "extract_help", "what": "python -m ecoanalysis extract --help", "seconds": ours,
            "baseline": "python -c pass", "baseline_seconds": start_up, "ratio": ours / start_up}


def measure_build_memory(out_dir: Path) -> dict:
    env = os.environ | {"ECOANALYSIS_PROCESSED_DIR": str(out_dir)}
    build = _peak_rss_mib([PYTHON, "-m", "ecoanalysis", "build", "--quiet"], env)
    libraries = _peak_rss_mib([PYTHON, "-c", "import pandas, pandera.pandas, openpyxl, tqdm"])
    return {"name": "build_memory", "what": "python -m ecoanalysis build (max RSS, MiB)", "mib": build,
            "baseline": "import pandas, pandera, openpyxl, tqdm (max RSS, MiB)", "baseline_mib": libraries, "ratio": build / libraries}


def measure_make_noop(out_dir: Path) -> dict:
    env = os.environ | {"ECOANALYSIS_PROCESSED_DIR": str(out_dir)}
    one_build = _wall([PYTHON, "-m", "ecoanalysis", "build", "--quiet"], env=env)
    subprocess.run(["make"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)  # bring every stamp up to date
    noop = statistics.median(_wall(["make"]) for _ in range(3))
    return {"name": "make_noop", "what": "make, nothing changed", "seconds": noop,
            "baseline": "one python -m ecoanalysis build", "baseline_seconds": one_build, "ratio": noop / one_build}


def _empty_notebook_seconds(count: int, jobs: int) -> float:
    """Time to start and run ``count`` empty notebooks through nbconvert, ``jobs`` at a time."""
    import nbformat

    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        paths = []
        for number in range(count):
            path = work / f"empty-{number:02d}.ipynb"
            nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass")]), path)
            paths.append(path)
        nbconvert = [str(Path(PYTHON).parent / "jupyter"), "nbconvert", "--to", "notebook", "--execute", "--log-level=WARN",
                     "--output-dir", str(work / "out")]
        start = time.perf_counter()
        running: list[subprocess.Popen] = []
        for path in paths:
            while len(running) >= jobs:
                running.pop(0).wait()
            running.append(subprocess.Popen([*nbconvert, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        for process in running:
            process.wait()
        return time.perf_counter() - start


def measure_rebuild() -> dict:
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    subprocess.run(["make"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    # The baseline runs right before and right after the rebuild, and their mean is used, so that a change
    # in the load of a shared machine during the measurement weighs on both sides alike.
    before = _empty_notebook_seconds(len(notebooks), jobs=2)
    os.utime(ROOT / "data" / "raw" / "codebook.csv")  # an edit as make sees it; the content (and manifest) stay
    rebuild = _wall(["make"])
    after = _empty_notebook_seconds(len(notebooks), jobs=2)
    kernels = (before + after) / 2
    return {"name": "rebuild", "what": f"make after a codebook edit (build + {len(notebooks)} notebooks, 2 at a time)",
            "seconds": rebuild, "baseline": f"{len(notebooks)} empty notebooks through nbconvert, 2 at a time",
            "baseline_seconds": kernels, "ratio": rebuild / kernels,
            "note": f"baseline {before:.1f} s before and {after:.1f} s after the rebuild"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the make runs that execute notebooks")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON (for run_all.py)")
    args = parser.parse_args()
    out_dir = Path(tempfile.mkdtemp(prefix="bench-processed-")) / "processed"
    try:
        results = [measure_imports(), measure_extract_help(), measure_build_memory(out_dir)]
        if not args.quick:
            results += [measure_make_noop(out_dir), measure_rebuild()]
    finally:
        shutil.rmtree(out_dir.parent, ignore_errors=True)
    for result in results:
        result["target"] = TARGETS[result["name"]]
    if args.json:
        print(json.dumps(results, indent=1))
        return
    for result in results:
        value = f"{result['mib']:.0f} MiB" if "mib" in result else f"{result['seconds']:.3f} s"
        base = f"{result['baseline_mib']:.0f} MiB" if "mib" in result else f"{result['baseline_seconds']:.3f} s"
        print(f"{result['what']}: {value}; baseline {result['baseline']}: {base}; ratio {result['ratio']:.2f} (target {result['target']})")


if __name__ == "__main__":
    main()
