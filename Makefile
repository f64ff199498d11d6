# Two entry points, as in the README:
#   make        set up .venv if needed, rebuild data/processed/ and every figure (the main job)
#   make test   set up .venv if needed, run the test suite
# Only Python >= 3.11 with pip and venv is assumed; everything else comes from the project's files.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# Run notebooks headless and keep Jupyter from writing into $HOME-specific places that vary.
export MPLBACKEND := Agg
export PYTHONHASHSEED := 0
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: all setup data figures test bench clean-build lock
.DELETE_ON_ERROR:

all: data figures

setup: $(STAMP)

# Reinstall whenever the declared dependencies or the pinned versions change.
$(STAMP): pyproject.toml requirements/constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e '.[notebooks,test]'
	touch $(STAMP)

data: $(STAMP)
	$(BIN)/python -m ecoanalysis build

# Notebooks are stored without outputs; executed copies go to build/ (ignored by git) and their
# figures to figures/. nbconvert stops on the first cell error, and so does this loop.
figures: data
	@set -e; for nb in notebooks/[0-9][0-9]-*.ipynb; do \
	  [ -e "$$nb" ] || continue; \
	  echo "executing $$nb"; \
	  $(BIN)/jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
	    --ExecutePreprocessor.record_timing=False --output-dir build/notebooks "$$nb"; \
	done

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py

# Refresh the pinned versions from the current environment (a deliberate act, committed with its reason).
lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable | LC_ALL=C sort > requirements/constraints.txt
