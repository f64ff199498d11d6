"""Shared fixtures: the parsed report and the raw lines it came from (read independently)."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from ecoanalysis import config, load_report
from ecoanalysis.document import Report


@pytest.fixture(scope="session")
def report() -> Report:
    """The committed report, parsed once per test session (verified against the manifest)."""
    return load_report()


@pytest.fixture(scope="session")
def raw_lines() -> list[str]:
    """The report's raw lines, read without the package so tests can derive expectations from them."""
    return config.REPORT_PATH.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="session")
def line_of(raw_lines: list[str]) -> Callable[[str], int]:
    """Return the 1-based number of the only raw line containing ``needle`` (fails if not exactly one)."""

    def find(needle: str) -> int:
        hits = [number for number, line in enumerate(raw_lines, start=1) if needle in line]
        assert len(hits) == 1, f"expected one raw line containing {needle!r}, found {hits}"
        return hits[0]

    return find
