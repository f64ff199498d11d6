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

.PHONY: all setup data figures test bench lab clean-build lock
.DELETE_ON_ERROR:

# Two notebooks (or a notebook and the build's tail) at a time: the machines this runs on have two cores.
JOBS ?= 2
MAKEFLAGS += --jobs=$(JOBS) --output-sync=target

# What the outputs are a function of. A stamp records when each step last ran from these inputs, so a
# `make` with nothing changed does nothing; any change reruns exactly what depends on it.
RAW_FILES  := $(wildcard data/raw/* data/raw/evidence/*)
SOURCES    := $(shell find ecoanalysis -type f ! -name '*.pyc' ! -path '*/__pycache__/*' 2>/dev/null)
NOTEBOOKS  := $(wildcard notebooks/[0-9][0-9]-*.ipynb)
# Longest first: two at a time, the longest notebook started last would run alone at the end. Each run
# records its duration in whole seconds (build/notebooks/NAME.seconds); a notebook never timed (a fresh
# clone) counts as 0, and equal times keep the order of the names.
EXECUTED   := $(shell for nb in $(NOTEBOOKS:notebooks/%.ipynb=%); do \
                printf '%s %s\n' "$$(cat build/notebooks/$$nb.seconds 2>/dev/null || echo 0)" "build/notebooks/$$nb.ipynb"; \
              done | LC_ALL=C sort -k1,1nr -k2,2 | cut -d' ' -f2)
DATA_STAMP := build/data.stamp

all: data figures

setup: $(STAMP)

# Reinstall whenever the declared dependencies or the pinned versions change.
$(STAMP): pyproject.toml requirements/constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e '.[notebooks,test]'
	touch $(STAMP)

data: $(DATA_STAMP)

# The build verifies data/raw/ against its manifest and publishes data/processed/ as one set.
$(DATA_STAMP): $(STAMP) $(RAW_FILES) $(SOURCES)
	$(BIN)/python -m ecoanalysis build
	@mkdir -p $(@D) && touch $@

# Notebooks are stored without outputs; executed copies go to build/notebooks/ (ignored by git) and
# double as stamps: a notebook runs again only when it, the library or data/processed/ changed.
# The copies are what `jupyter nbconvert --to notebook --execute` writes, byte for byte, without its start-up
# (ecoanalysis/_notebooks.py). A run stops on the first cell error and then writes no copy, so a failed
# notebook reruns next time.
figures: $(EXECUTED)

build/notebooks/%.ipynb: notebooks/%.ipynb $(DATA_STAMP) $(SOURCES) $(wildcard data/processed/*)
	@echo "executing $<"
	@mkdir -p $(@D) && date +%s > $(@D)/$*.start
	$(BIN)/python -m ecoanalysis._notebooks "$<" "$@"
	@echo $$(( $$(date +%s) - $$(cat $(@D)/$*.start) )) > $(@D)/$*.seconds && rm -f $(@D)/$*.start

# The README's interactive command. JupyterLab refuses to start as root unless told it may.
lab: $(STAMP)
	env -u MPLBACKEND $(BIN)/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root)

test: $(STAMP)
	$(BIN)/python -m pytest

# Every benchmark, with benchmarks/README.md written from their output.
bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

# Refresh the pinned versions from the current environment (a deliberate act, committed with its reason).
lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable | LC_ALL=C sort > requirements/constraints.txt
	$(BIN)/python requirements/write_environment.py
