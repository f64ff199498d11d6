"""Data contracts: the pandera models, the Table Schemas and the data dictionary come from one description."""
from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
import pytest

pytest.importorskip("ecoanalysis.engine", reason="the schemas take the unit and bound vocabularies from the quantity engine")

from ecoanalysis import coding as cb  # noqa: E402
from ecoanalysis import engine as quantities  # noqa: E402
from ecoanalysis.dataset import schemas  # noqa: E402


#: How pandera names the dtype of each Table Schema type.
PANDERA_DTYPE_NAMES = {"string": ("str", "string[python]"), "integer": ("Int64",), "number": ("float64",), "boolean": ("boolean",)}


def _platform_rows(count: int = 2) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "number": range(1, count + 1),
            "host_zh": "百度公司",
            "host_en": "Baidu",
            "host_kind": "internet_platform",
            "domain_zh": "自动驾驶",
            "domain_en": "autonomous driving",
            "platform_zh": "自动驾驶国家新一代人工智能开放创新平台",
            "line": 337,
        }
    )
    return schemas.conform("platforms", frame)


def test_every_table_has_a_model_a_key_and_described_fields():
    assert set(schemas.MODELS) == set(schemas.TABLES) == {"mentions", "claims", "accuracy_pairs", "platforms", "timeline", "evidence", "corroboration"}
    for name, table in schemas.TABLES.items():
        assert table.primary_key and set(table.primary_key) <= set(table.columns), name
        assert set(table.sort_by) <= set(table.columns), name
        assert len(set(table.columns)) == len(table.columns), name
        for spec in table.fields:
            assert spec.type in schemas.PANDAS_DTYPES, (name, spec.name)
            assert spec.description.strip().endswith((".", ")")), (name, spec.name)
            assert spec.display is None or spec.display in schemas.DISPLAY_FORMATS, (name, spec.name)


def test_mentions_columns_are_those_of_the_brief():
    assert schemas.TABLES["mentions"].columns == [
        "mention_id", "line", "line_end", "col_start", "col_end", "char_start", "char_end", "chapter", "surface", "value",
        "value_high", "month", "month_high", "unit", "currency", "unit_symbol", "counter", "bound", "qualifier", "footnote", "footnote_marker", "pair_id", "role", "name_like", "kind",
        "category", "subject", "subject_en", "metric_en", "as_of", "note", "sentence",
    ]
    assert schemas.TABLES["claims"].columns == schemas.TABLES["mentions"].columns


def test_vocabularies_come_from_the_modules_that_own_them():
    mentions = schemas.TABLES["mentions"]
    assert mentions.field("unit").enum == tuple(quantities.UNITS)
    assert mentions.field("bound").enum == tuple(quantities.BOUNDS)
    assert mentions.field("kind").enum == cb.KINDS
    assert mentions.field("category").enum == cb.CATEGORIES
    assert schemas.TABLES["platforms"].field("host_kind").enum == cb.HOST_KINDS


def test_models_follow_the_field_specs():
    for name, table in schemas.TABLES.items():
        schema = schemas.MODELS[name].to_schema()
        assert list(schema.columns) == table.columns, name
        assert schema.strict is True and schema.unique == list(table.primary_key), name
        for spec in table.fields:
            column = schema.columns[spec.name]
            assert column.nullable == (not spec.required), (name, spec.name)
            assert column.description == spec.description, (name, spec.name)
            assert column.metadata["unit"] == spec.unit, (name, spec.name)
            isin = [check for check in column.checks if check.name == "isin"]
            if spec.enum is None:
                assert not isin, (name, spec.name)
            else:
                assert list(isin[0].statistics["allowed_values"]) == list(spec.enum), (name, spec.name)


def test_table_schema_matches_the_model():
    for name, table in schemas.TABLES.items():
        descriptor = schemas.table_schema(name)
        assert descriptor["primaryKey"] == list(table.primary_key)
        assert [f["name"] for f in descriptor["fields"]] == table.columns
        model_columns = schemas.MODELS[name].to_schema().columns
        for field in descriptor["fields"]:
            column = model_columns[field["name"]]
            assert field["description"] == column.description
            assert field["constraints"]["required"] == (not column.nullable)
            assert field["type"] == column.metadata["type"]
            assert str(column.dtype) in PANDERA_DTYPE_NAMES[field["type"]], (name, field["name"], column.dtype)


def test_a_valid_table_passes_and_keeps_its_dtypes():
    validated = schemas.validate("platforms", _platform_rows())
    assert validated.dtypes.astype(str).to_dict() == {
        "number": "Int64", "host_zh": "str", "host_en": "str", "host_kind": "str", "domain_zh": "str",
        "domain_en": "str", "platform_zh": "str", "line": "Int64",
    }


def test_validation_is_strict_and_reports_every_failure():
    broken = _platform_rows(3)
    broken.loc[1, "host_kind"] = "search_engine"  # vocabulary
    broken.loc[2, "number"] = 1  # duplicated key
    broken.loc[0, "host_en"] = None  # required
    with pytest.raises(pa.errors.SchemaErrors) as raised:
        schemas.validate("platforms", broken)
    failures = raised.value.failure_cases
    assert "search_engine" in set(failures["failure_case"].astype(str))
    assert {"host_kind", "host_en", "number"} <= set(failures["column"].dropna())
    with pytest.raises(pa.errors.SchemaErrors):
        schemas.validate("platforms", _platform_rows().assign(extra=1))


def test_conform_orders_casts_and_treats_empty_text_as_missing():
    frame = _platform_rows().iloc[:, ::-1].assign(extra="dropped")
    frame["host_en"] = ["", "Baidu"]
    conformed = schemas.conform("platforms", frame)
    assert list(conformed.columns) == schemas.TABLES["platforms"].columns
    assert pd.isna(conformed.loc[0, "host_en"])
    with pytest.raises(KeyError, match="missing column"):
        schemas.conform("platforms", frame.drop(columns="line"))


def test_data_dictionary_lists_every_field_of_every_table():
    dictionary = schemas.data_dictionary()
    expected = sum(len(table.fields) for table in schemas.TABLES.values())
    assert len(dictionary) == expected
    assert dictionary["description"].str.len().min() > 10
    row = dictionary[(dictionary["table"] == "accuracy_pairs") & (dictionary["field"] == "pp_change")].iloc[0]
    assert row["unit"] == "percentage points"
