"""The engine's lexicon (ecoanalysis/engine/lexicon.toml): well-formed, shipped as package data, used by the engine."""
from __future__ import annotations

import re
import tomllib
from importlib import resources

from ecoanalysis import config
from ecoanalysis.engine import BOUNDS, CURRENCIES, UNITS, _lexicon


def test_lexicon_is_package_data() -> None:
    assert resources.files("ecoanalysis.engine").joinpath("lexicon.toml").is_file()
    pyproject = tomllib.loads((config.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "lexicon.toml" in pyproject["tool"]["setuptools"]["package-data"]["ecoanalysis.engine"]


def test_qualifier_bounds_are_bounds() -> None:
    for table in (_lexicon.PREFIX_QUALIFIERS, _lexicon.SUFFIX_QUALIFIERS, _lexicon.INFIX_QUALIFIERS):
        assert set(table.values()) <= set(BOUNDS)
    # 以上/以下/以内 include the number (statutory usage)
    assert [_lexicon.SUFFIX_QUALIFIERS[w] for w in ("以上", "以下", "以内")] == ["ge", "le", "le"]


def test_units_and_currencies() -> None:
    for word, info in _lexicon.UNIT_WORDS.items():
        assert info.unit is None or info.unit in UNITS, word
        # money always has its code, but a name several countries share may leave it to the country named
        assert (info.unit == "currency") == (info.currency is not None or word in _lexicon.SHARED_CURRENCIES), word
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in CURRENCIES)
    assert {"CNY", "USD", "EUR", "JPY", "KRW", "HKD", "GBP"} <= set(CURRENCIES)


def test_every_fixed_phrase_reads_with_a_known_unit_and_bound() -> None:
    for phrase, reading in _lexicon.FIXED_PHRASES.items():
        assert reading["unit"] in UNITS and reading.get("bound", "eq") in BOUNDS, phrase


def test_shared_currency_names_make_a_unit_word_for_each_country() -> None:
    # computed from the raw TOML, not from the loader under test
    rows = tomllib.loads(resources.files("ecoanalysis.engine").joinpath("lexicon.toml").read_text("utf-8"))["shared_currency"]
    for row in rows:
        assert _lexicon.UNIT_WORDS[row["word"]].currency == row.get("default")
        for country, code in row["countries"].items():
            assert _lexicon.UNIT_WORDS[country + row["word"]].currency == code
            assert code in CURRENCIES
