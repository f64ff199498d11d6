"""The engine's cheap pre-filters only skip work: switched off, every mention reads the same.

``reading._may_have_prefix`` and ``readers._may_be_special`` each restate, in a few character tests, when
a group of readers can apply. A reader that learns a new trigger without its pre-filter learning it too
would be silently skipped; running the readers unconditionally is the independent reference.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from ecoanalysis import config
from ecoanalysis.engine import reading, scanner

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


@pytest.mark.parametrize("prefilter", ["_may_have_prefix", "_may_be_special"])
def test_switching_a_prefilter_off_changes_no_reading(monkeypatch, prefilter):
    texts = _texts()
    filtered = _readings(texts)
    monkeypatch.setattr(reading, prefilter, lambda *args: True)
    unfiltered = _readings(texts)
    assert sum(map(len, filtered)) > 500  # the texts hold many mentions, so the comparison means something
    differing = [text for text, a, b in zip(texts, filtered, unfiltered) if a != b]
    assert not differing, f"{len(differing)} texts read differently without {prefilter}, e.g. {differing[0][:80]!r}"
