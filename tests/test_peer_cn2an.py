"""A peer's published suite: the numerals of cn2an's own tests (cn2an_test.py, shipped in its wheel), read back
by ``parse_quantity`` to the value cn2an expects.

The expected values are cn2an's, not ours: the dictionaries are read from the installed file with ``ast`` (never
executed). Forms the engine does not read on purpose are marked, each with the reason.
"""
from __future__ import annotations

import ast
import math
from pathlib import Path

import cn2an
import pytest

from ecoanalysis.engine import parse_quantity

PEER_FILE = Path(cn2an.__file__).with_name("cn2an_test.py")
#: The dictionaries of numeral -> value in Cn2anTest.setUp (the modes cn2an tests: strict, normal, smart).
PEER_DICTS = ("strict_data_dict", "normal_data_dict", "smart_data_dict")
#: Mixed forms cn2an's smart mode reads and the engine leaves to their first part: an Arabic number and a
#: magnitude, then more places in other script. They are not how prose writes amounts.
NOT_READ = {
    "一百点123": "Arabic decimals after a Chinese integer and 点",
    "1百01": "Arabic digits after a small magnitude that is not their place",
}


def _peer_cases() -> list[tuple[str, float]]:
    if not PEER_FILE.is_file():
        raise FileNotFoundError(f"{PEER_FILE}: cn2an's test file is missing; install the pinned cn2an (environment.yml)")
    tree = ast.parse(PEER_FILE.read_text(encoding="utf-8"))
    cases: list[tuple[str, float]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Attribute) and node.targets[0].attr in PEER_DICTS:
            cases.extend(ast.literal_eval(node.value).items())
    return cases


PEER_CASES = _peer_cases()


def test_peer_suite_is_read() -> None:
    # cn2an 0.5.24's three dictionaries hold 132 numerals; fewer means the file changed shape
    assert len(PEER_CASES) >= 130


@pytest.mark.parametrize(
    ("numeral", "expected"),
    [
        pytest.param(numeral, value, marks=pytest.mark.xfail(strict=True, reason=NOT_READ[numeral]))
        if numeral in NOT_READ else (numeral, value)
        for numeral, value in PEER_CASES
    ],
    ids=lambda item: item if isinstance(item, str) else "",
)
def test_peer_numeral(numeral: str, expected: float) -> None:
    quantity = parse_quantity(numeral)
    assert quantity is not None, f"{numeral!r} not read"
    assert math.isclose(quantity.value, expected, rel_tol=1e-9, abs_tol=1e-15), (numeral, quantity.value, expected)
