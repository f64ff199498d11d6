"""The engine's cheap pre-filters only skip work: switched off, every mention reads the same.

``reading._may_have_prefix``, ``reading._may_continue`` and ``readers._may_be_special`` each restate, in a
few character tests, when a group of readers can apply, and ``readers._candidate_readers`` tries only the whole-mention readers whose
declared trigger (``readers.TRIGGERS``) holds around a core. A reader that learns a new trigger without its
pre-filter or its declared trigger learning it too would be silently skipped; running the readers
unconditionally is the independent reference.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from ecoanalysis import config
from ecoanalysis.engine import readers, reading, scanner

CASES_DIR = Path(__file__).parent / "cases"


def _texts() -> list[str]:
    texts = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        with open(path, "rb") as handle:
            texts += [case["text"] for case in tomllib.load(handle)["case"]]
    report = config.REPORT_PATH.read_text(encoding="utf-8")
    return texts + report.split("\n\n")


def _readings(texts: list[str]) -> list[list[dict]]:
    return [[{slot: getattr(draft, slot) for slot in draft.__slots__} for draft in scanner.scan(text, year=2021)] for text in texts]


def _every_reader(kind: str, *args) -> tuple:
    """The dispatch switched off: every whole-mention reader of the core's kind, in order."""
    return readers._READERS_BY_KIND[kind]


_SWITCHED_OFF = {
    "_may_have_prefix": {"_may_have_prefix": lambda *args: True},
    "_may_be_special": {"_may_be_special": lambda *args: True},
    "_candidate_readers": {"_candidate_readers": _every_reader},
    "_may_continue": {"_may_continue": lambda *args: True},
    "all": {
        "_may_have_prefix": lambda *args: True, "_may_be_special": lambda *args: True, "_candidate_readers": _every_reader,
        "_may_continue": lambda *args: True,
    },
}


@pytest.mark.parametrize("prefilter", list(_SWITCHED_OFF))
def test_switching_a_prefilter_off_changes_no_reading(monkeypatch, prefilter):
    texts = _texts()
    filtered = _readings(texts)
    for name, replacement in _SWITCHED_OFF[prefilter].items():
        monkeypatch.setattr(reading, name, replacement)
    unfiltered = _readings(texts)
    assert sum(map(len, filtered)) > 500  # the texts hold many mentions, so the comparison means something
    differing = [text for text, a, b in zip(texts, filtered, unfiltered) if a != b]
    assert not differing, f"{len(differing)} texts read differently without {prefilter}, e.g. {differing[0][:80]!r}"
