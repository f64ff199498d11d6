"""The engine against the case files in tests/cases/ (the specification, typed from how Chinese is read).

Each file says in its header which cases belong in it. A case names the text, the surface of the mention
checked and the expected fields; a field left out is expected empty. ``only = true``: the text gives just
that mention; ``month`` and ``month_high`` are checked only when a case gives them. not_a_number.toml uses
``none``, ``absent`` and ``name_like`` instead.
"""
from __future__ import annotations

import math
import tomllib
from pathlib import Path

import pandas as pd
import pytest

from ecoanalysis import extract_mentions, parse_quantity

CASES_DIR = Path(__file__).parent / "cases"
#: Fields a reading case checks; a field missing from a case must be empty in the row.
FIELDS = ("value", "value_high", "unit", "currency", "unit_symbol", "counter", "bound", "qualifier")
#: Fields checked only when a case gives them (the months of a date or a period: 一至三季度 = months 1..9).
OPTIONAL_FIELDS = ("month", "month_high")
#: The document year for relative dates (今年 3 月) unless a case says otherwise.
DEFAULT_YEAR = 2021


def _load(name: str) -> list[dict]:
    with open(CASES_DIR / name, "rb") as handle:
        return tomllib.load(handle)["case"]


def _ids(cases: list[dict]) -> list[str]:
    return [f"{index}:{case.get('surface') or case['text'][:12]}" for index, case in enumerate(cases)]


READING_CASES = [case for name in ("report.toml", "general.toml", "bugs.toml") for case in _load(name)]
NOT_A_NUMBER_CASES = _load("not_a_number.toml")


def _same(actual, expected) -> bool:
    if expected is None:
        return pd.isna(actual)
    if pd.isna(actual):
        return False
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        return math.isclose(float(actual), float(expected), rel_tol=1e-9)
    return actual == expected


def test_case_files_are_not_empty() -> None:
    assert len(_load("report.toml")) >= 80 and len(_load("general.toml")) >= 60
    assert len(_load("bugs.toml")) >= 20 and len(NOT_A_NUMBER_CASES) >= 15


@pytest.mark.parametrize("case", READING_CASES, ids=_ids(READING_CASES))
def test_reading(case: dict) -> None:
    frame = extract_mentions(case["text"], year=case.get("year", DEFAULT_YEAR))
    rows = frame[frame["surface"] == case["surface"]]
    assert len(rows) >= 1, f"{case['surface']!r} not found in {frame['surface'].tolist()}"
    row = rows.iloc[0]
    wrong = {field: (row[field], case.get(field)) for field in FIELDS if not _same(row[field], case.get(field))}
    wrong |= {field: (row[field], case[field]) for field in OPTIONAL_FIELDS if field in case and not _same(row[field], case[field])}
    assert not wrong, f"(actual, expected) by field: {wrong}"
    assert not row["name_like"]
    if case.get("only"):
        assert frame["surface"].tolist() == [case["surface"]]
        quantity = parse_quantity(case["text"])
        assert (quantity.surface, quantity.bound) == (case["surface"], case["bound"])


@pytest.mark.parametrize("case", NOT_A_NUMBER_CASES, ids=_ids(NOT_A_NUMBER_CASES))
def test_not_a_number(case: dict) -> None:
    frame = extract_mentions(case["text"])
    if case.get("none"):
        assert frame[~frame["name_like"]].empty, frame[["surface", "value", "unit"]].to_dict("records")
    if "absent" in case:
        assert case["absent"] not in frame["surface"].tolist()
    if case.get("name_like"):
        rows = frame[frame["surface"] == case["surface"]]
        assert len(rows) == 1 and bool(rows.iloc[0]["name_like"]), frame[["surface", "name_like"]].to_dict("records")
