"""Data contracts of the processed tables: one source of truth for types, units and descriptions.

Every processed table is described once, as a :class:`TableSpec` in :data:`TABLES` whose fields are
:class:`FieldSpec` objects. From that single description this module generates

* a strict pandera ``DataFrameModel`` per table (:data:`MODELS`, e.g. :data:`MentionsModel`): typed
  columns, vocabularies as ``isin`` checks, ranges, and the primary key as ``Config.unique``;
* the Frictionless Table Schema of each table (:func:`table_schema`), used for ``datapackage.json``;
* the data dictionary in the README sheet of the workbook (:func:`data_dictionary`);
* the pandas dtypes used to read the CSV files back (:func:`pandas_dtypes`).

Types follow Table Schema: ``string`` -> ``str``, ``integer`` -> nullable ``Int64``, ``number`` ->
``float64``, ``boolean`` -> nullable ``boolean``. Missing values are ``<NA>``/``NaN`` in pandas and
empty cells in the CSV files.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from ..coding.rules import CATEGORIES, HOST_KINDS, KINDS, ROLES
from ..engine import BOUNDS, CURRENCIES, UNITS

#: pandas dtype for each Table Schema type.
PANDAS_DTYPES: dict[str, str] = {"string": "str", "integer": "Int64", "number": "float64", "boolean": "boolean"}

#: How a number is shown in the workbook (see :data:`FieldSpec.display`).
DISPLAY_FORMATS: dict[str, str] = {
    "count": "#,##0.##",
    "integer": "0",
    "year": "0",
    "percent": '0.0"%"',
    "percentage_points": '+0.0" pp";-0.0" pp";0" pp"',
    "fraction": "0.000",
    # A share stored as a fraction (0.75) shown as a percent (75.0%): Excel's % format multiplies by 100.
    "fraction_percent": "0.0%",
}


@dataclass(frozen=True)
class FieldSpec:
    """One column of a processed table.

    Attributes
    ----------
    name : str
        Column name.
    type : str
        Table Schema type: ``string``, ``integer``, ``number`` or ``boolean``.
    description : str
        What the column holds, for the data dictionary and ``datapackage.json``.
    unit : str or None
        Unit of the values (``None`` for text and codes; ``"see unit"`` where each row says).
    required : bool
        Whether a value is mandatory (not null).
    enum : tuple or None
        The allowed values, if the column is a vocabulary.
    minimum, maximum : int or float or None
        Inclusive bounds.
    display : str or None
        Number format in the workbook, a key of :data:`DISPLAY_FORMATS`.
    """

    name: str
    type: str
    description: str
    unit: str | None = None
    required: bool = False
    enum: tuple | None = None
    minimum: float | None = None
    maximum: float | None = None
    display: str | None = None


@dataclass(frozen=True)
class TableSpec:
    """One processed table: its file, title, description, fields, primary key and row order."""

    name: str
    title: str
    description: str
    fields: tuple[FieldSpec, ...]
    primary_key: tuple[str, ...]
    sort_by: tuple[str, ...] = field(default_factory=tuple)

    @property
    def path(self) -> str:
        """File name in the processed directory."""
        return f"{self.name}.csv"

    @property
    def columns(self) -> list[str]:
        """Column names in order."""
        return [spec.name for spec in self.fields]

    def field(self, name: str) -> FieldSpec:
        """Return the spec of column ``name``."""
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(f"{self.name} has no column {name!r}; columns: {', '.join(self.columns)}")


def _with(fields: tuple[FieldSpec, ...], **changes: dict[str, Any]) -> tuple[FieldSpec, ...]:
    """Return ``fields`` with some specs changed, e.g. ``_with(fields, kind={"enum": ("claim",)})``."""
    return tuple(replace(spec, **changes[spec.name]) if spec.name in changes else spec for spec in fields)


_MENTION_ID = FieldSpec(
    "mention_id", "string", 'Stable id of the mention, "{line}:{surface}:{occurrence}" (occurrence: 0-based among mentions with the same line and surface).', required=True
)
_SUBJECT = FieldSpec("subject", "string", "What the figure is about, named as the report names it (飞桨, 海淀城市大脑).")
_SUBJECT_EN = FieldSpec("subject_en", "string", "English name of the subject.")
_SENTENCE = FieldSpec("sentence", "string", "The sentence of the report that contains the mention (reflowed: line breaks of the PDF removed).", required=True)

MENTION_FIELDS: tuple[FieldSpec, ...] = (
    _MENTION_ID,
    FieldSpec("line", "integer", "1-based line of the report text where the mention's first character is.", "line", required=True, minimum=1, display="integer"),
    FieldSpec("line_end", "integer", "1-based line of the mention's last character (differs from line when a line or page break splits it).", "line", required=True, minimum=1, display="integer"),
    FieldSpec("col_start", "integer", "0-based column of the first character within line.", "character", required=True, minimum=0, display="integer"),
    FieldSpec("col_end", "integer", "0-based column just past the last character within line_end (half-open).", "character", required=True, minimum=0, display="integer"),
    FieldSpec("char_start", "integer", "0-based offset of the first character in the decoded report text.", "character", required=True, minimum=0, display="integer"),
    FieldSpec("char_end", "integer", "Offset just past the last character in the decoded report text (half-open).", "character", required=True, minimum=0, display="integer"),
    FieldSpec("chapter", "integer", "Chapter of the report the mention is in (0 = cover, front matter and preface; 1-5 as in the table of contents).", required=True, minimum=0, display="integer"),
    FieldSpec("surface", "string", "The mention as written (spaces inside kept, e.g. 320 万).", required=True),
    FieldSpec("value", "number", "Parsed value in the unit given by unit: percent in percent units (95 means 95 %), the low end of a range, the year of a date.", "see unit", display="count"),
    FieldSpec("value_high", "number", "High end of a range (6 到 8 周 -> 8); blank for a single value.", "see unit", display="count"),
    FieldSpec("month", "integer", "Month of a date (1-12); blank otherwise.", "month", minimum=1, maximum=12, display="integer"),
    FieldSpec("month_high", "integer", "Month of the last date of a date range (2017 年 11 月至 2019 年 8 月 -> 8); blank otherwise.", "month", minimum=1, maximum=12, display="integer"),
    FieldSpec("unit", "string", "Normalised unit of value, from the quantity engine's vocabulary.", enum=tuple(UNITS)),
    FieldSpec("currency", "string", "ISO 4217 code of an amount of money (unit currency: 元 -> CNY, 美元 -> USD) or of the money a rate prices (unit rate: 3000元/吨 -> CNY); blank otherwise.", enum=tuple(CURRENCIES)),
    FieldSpec("unit_symbol", "string", "Symbol of the physical or compound unit value is stated in (kW, kWh, t, GB, m², km²; km/h, Wh/kg, CNY/t for a speed or rate written numerator/denominator); blank for counts, percentages, money and dates."),
    FieldSpec("counter", "string", "Measure word or counted noun written after the number (家, 项, 名开发者)."),
    FieldSpec("bound", "string", "What a qualifier says about the true figure relative to value, from the quantity engine's vocabulary.", enum=tuple(BOUNDS)),
    FieldSpec("qualifier", "string", "The qualifier as written (超过, 约, 以上, 近, 多)."),
    FieldSpec(
        "footnote", "integer",
        "Number of the footnote that sources the mention: the report puts one marker at the end of the clause it cites, "
        "so a marker covers every mention of its sentence written before it (62.3 % and 40 % 以上 4 are both sourced by footnote 4).",
        minimum=1, display="integer",
    ),
    FieldSpec("footnote_marker", "integer", "Number of the footnote marker glued right after this very mention in the text (27%3 -> 3; blank for 62.3 %, whose marker follows 40 % 以上).", minimum=1, display="integer"),
    FieldSpec("pair_id", "string", "Label shared by the before and after mentions of a before->after pair (由 80% 提升到 95%)."),
    FieldSpec("role", "string", "Role in a before->after pair.", enum=ROLES),
    FieldSpec("name_like", "boolean", "True when the engine judges the number to be part of a name (5G, Apollo6.0, 360 公司)."),
    FieldSpec("kind", "string", "Coder's judgement: claim (an assertion about the world), structural (the report's own framing, numbers in names and titles) or noise (page, section, figure, footnote and list numbers).", required=True, enum=KINDS),
    FieldSpec("category", "string", "Coder's category of a claim (see the category definitions); blank for other kinds.", enum=CATEGORIES),
    _SUBJECT,
    _SUBJECT_EN,
    FieldSpec("metric_en", "string", 'What the figure measures, in English ("registered developers").'),
    FieldSpec("as_of", "integer", "Year the figure refers to, given or implied by the report; blank if neither.", "year", minimum=1900, maximum=2100, display="year"),
    FieldSpec("note", "string", "Coder's note on a borderline case."),
    _SENTENCE,
)

CLAIM_FIELDS: tuple[FieldSpec, ...] = _with(
    MENTION_FIELDS,
    kind={"enum": ("claim",), "description": "Always claim in this table."},
    category={"required": True, "description": "Coder's category of the claim (see the category definitions)."},
    subject={"required": True},
    metric_en={"required": True},
    value={"required": True},
)

ACCURACY_PAIR_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("pair_id", "string", "Label of the before->after pair.", required=True),
    FieldSpec("category", "string", "Category of the pair's claims.", required=True, enum=CATEGORIES),
    replace(_SUBJECT, required=True),
    _SUBJECT_EN,
    FieldSpec("metric_en", "string", "What is measured, in English.", required=True),
    FieldSpec("line", "integer", "Line of the before mention in the report text.", "line", required=True, minimum=1, display="integer"),
    FieldSpec("before", "number", "Value before, as stated (the low end of a range: 6 到 8 周 -> 6).", "see unit", required=True, display="count"),
    FieldSpec("before_high", "number", "High end of the before value when the report gives a range (6 到 8 周 -> 8); blank otherwise.", "see unit", display="count"),
    FieldSpec("after", "number", "Value after, as stated (the low end of a range).", "see unit", required=True, display="count"),
    FieldSpec("after_high", "number", "High end of the after value when the report gives a range; blank otherwise.", "see unit", display="count"),
    FieldSpec("unit", "string", "Unit of before and after.", required=True, enum=tuple(UNITS)),
    FieldSpec("pp_change", "number", "after - before, for percentages only.", "percentage points", display="percentage_points"),
    FieldSpec(
        "relative_error_reduction", "number",
        "Share of the errors removed, (after - before) / (100 - before), for percentages only: 80 % -> 95 % removes 0.75 of the errors.",
        "fraction", maximum=1, display="fraction_percent",
    ),
    FieldSpec("log_odds_change", "number", "logit(after/100) - logit(before/100), for percentages strictly between 0 and 100.", "natural log of the odds ratio", display="fraction"),
    FieldSpec("relative_change", "number", "(after - before) / before, any unit, a range taken at its midpoint (2 weeks after 6 to 8 weeks: (2 - 7) / 7 = -0.714).", "fraction", display="fraction_percent"),
    FieldSpec("before_mention_id", "string", "mention_id of the before mention (see mentions).", required=True),
    FieldSpec("after_mention_id", "string", "mention_id of the after mention (see mentions).", required=True),
    _SENTENCE,
)

PLATFORM_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("number", "integer", "Row number in table 1 of the report.", required=True, minimum=1, display="integer"),
    FieldSpec("host_zh", "string", "Host organisation (依托单位) as written in the table.", required=True),
    FieldSpec("host_en", "string", "English name of the host organisation.", required=True),
    FieldSpec("host_kind", "string", "Kind of host organisation (see the host kind definitions).", required=True, enum=HOST_KINDS),
    FieldSpec("domain_zh", "string", "Domain of the platform as written (自动驾驶).", required=True),
    FieldSpec("domain_en", "string", "Domain of the platform in English.", required=True),
    FieldSpec("platform_zh", "string", "Full name of the platform as written in the table.", required=True),
    FieldSpec("line", "integer", "Line of the table row in the report text.", "line", required=True, minimum=1, display="integer"),
)

TIMELINE_FIELDS: tuple[FieldSpec, ...] = (
    _MENTION_ID,
    FieldSpec("line", "integer", "Line of the date in the report text.", "line", required=True, minimum=1, display="integer"),
    FieldSpec("year", "integer", "Year of the event (the start year of a period).", "year", required=True, minimum=1900, maximum=2100, display="year"),
    FieldSpec("month", "integer", "Month of the event (1-12), blank if the report gives only the year.", "month", minimum=1, maximum=12, display="integer"),
    FieldSpec("year_end", "integer", "End year of a period (2019-2021 年), blank for a point in time.", "year", minimum=1900, maximum=2100, display="year"),
    FieldSpec("month_end", "integer", "End month of a period, blank if not given.", "month", minimum=1, maximum=12, display="integer"),
    replace(_SUBJECT, required=True),
    _SUBJECT_EN,
    FieldSpec("event_en", "string", "What happened, in English (the codebook's metric_en).", required=True),
    _SENTENCE,
)

#: Verdicts of the corroboration stage (see ecoanalysis.evidence.verdicts).
VERDICTS: tuple[str, ...] = ("consistent", "inconsistent", "bracketed", "not_checkable")
EVIDENCE_KINDS: tuple[str, ...] = ("git", "file_history", "statement")

EVIDENCE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("evidence_id", "string", "Id of the evidence row (ev001, ...), in the order of mention_id, kind, scope and definition.", required=True),
    FieldSpec("mention_id", "string", "mention_id of the claim the evidence is held against (see claims).", required=True),
    FieldSpec("kind", "string", "git: measured on repository snapshots; file_history: a number read from versions of a file; statement: a dated public statement.", required=True, enum=EVIDENCE_KINDS),
    FieldSpec("definition", "string", "Counting definition (commits_any_branch, authors_default_branch, release_tags, first_commit, readme_value, registry_groups) or public_statement.", required=True),
    FieldSpec("description", "string", "What the definition counts, or the statement summarised in our words.", required=True),
    FieldSpec("scope", "string", "Named set of repositories measured (data/raw/evidence/scopes.csv); blank for statements."),
    FieldSpec("repositories", "string", "Repositories whose snapshots were read, space-separated (a fork stands for upstream where scopes.csv says so)."),
    FieldSpec("missing_repositories", "integer", "Repositories of the scope without a snapshot: when above 0 a count is only a lower bound (bound ge).", "repositories", required=True, minimum=0, display="integer"),
    FieldSpec("source_url", "string", "Address of a public statement."),
    FieldSpec("publisher", "string", "Publisher of a public statement."),
    FieldSpec("source_date", "string", "Date of the evidence (ISO): the cut-off for a git count, the version for a file, publication for a statement.", required=True),
    FieldSpec("value", "number", "The evidence's value (a count or percent); blank for a date.", "see unit", display="count"),
    FieldSpec("value_high", "number", "High end when the source gives a range.", "see unit", display="count"),
    FieldSpec("value_date", "string", "The date the evidence gives (ISO, as precise as the source), for date claims."),
    FieldSpec("unit", "string", "Unit of value: count, percent, rank or date.", required=True, enum=("count", "percent", "rank", "date")),
    FieldSpec("bound", "string", "What the evidence says about the true figure: eq, or ge for a lower bound (a scope only partly covered), gt etc. as a source states.", required=True, enum=tuple(BOUNDS)),
    FieldSpec("verdict", "string", "Verdict of this evidence against the claim's tolerance.", required=True, enum=VERDICTS),
    FieldSpec("ratio", "number", "value / the claim's value (1 = agreement); blank for dates.", "ratio", minimum=0, display="fraction"),
    FieldSpec("days_off", "number", "For dates: days from the claim's period to the evidence (negative: earlier, 0: inside).", "days", display="integer"),
    FieldSpec("note", "string", "Caveat of the definition, the file version, or how a statement was found."),
)

CORROBORATION_FIELDS: tuple[FieldSpec, ...] = (
    _MENTION_ID,
    FieldSpec("line", "integer", "Line of the claim in the report text.", "line", required=True, minimum=1, display="integer"),
    FieldSpec("surface", "string", "The claim as written.", required=True),
    replace(_SUBJECT_EN, required=True),
    FieldSpec("metric_en", "string", "What the claim measures.", required=True),
    FieldSpec("unit", "string", "Unit of the claim.", required=True, enum=tuple(UNITS)),
    FieldSpec("claim_value", "number", "The claim's value (the year of a date).", "see unit", required=True, display="count"),
    FieldSpec("claim_value_high", "number", "High end of a range claim.", "see unit", display="count"),
    FieldSpec("claim_bound", "string", "The claim's bound.", enum=tuple(BOUNDS)),
    FieldSpec("as_of", "integer", "Year the claim refers to.", "year", minimum=1900, maximum=2100, display="year"),
    FieldSpec("cutoff", "string", "Instant the evidence is measured at: 1 January after as_of, 00:00 +08:00 (截至 2020 年底 -> 2021-01-01T00:00:00+08:00)."),
    FieldSpec("tolerance_low", "number", "Lowest value consistent with the claim (its bound and written precision: 7.7 万 -> 76,500); blank if unbounded or a date.", "see unit", display="count"),
    FieldSpec("tolerance_high", "number", "Highest value consistent with the claim (exclusive for a rounded figure); blank if unbounded or a date.", "see unit", display="count"),
    FieldSpec("tolerance_from", "string", "First day consistent with a date claim (2019 年 5 月 -> 2019-05-01)."),
    FieldSpec("tolerance_to", "string", "Last day consistent with a date claim (2019 年 5 月 -> 2019-05-31)."),
    FieldSpec("verdict", "string", "consistent, inconsistent, bracketed (dated sources below before and above after) or not_checkable.", required=True, enum=VERDICTS),
    FieldSpec("summary", "string", "Which definitions agree, e.g. consistent only if commits on every branch count.", required=True),
    FieldSpec("n_evidence", "integer", "Number of evidence rows.", "rows", required=True, minimum=0, display="integer"),
    FieldSpec("evidence_ids", "string", "evidence_id of every evidence row behind the verdict, space-separated."),
    FieldSpec("sources", "string", "Repositories and publishers of the evidence."),
)

TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec(
            "mentions", "Number mentions",
            "Every number the quantity engine finds in the report, with its position in the raw text, its parse and the coder's judgement.",
            MENTION_FIELDS, ("mention_id",), ("char_start",),
        ),
        TableSpec(
            "claims", "Quantitative claims",
            "The mentions coded as claims: figures the report asserts about the world, with subject, category and metric.",
            CLAIM_FIELDS, ("mention_id",), ("char_start",),
        ),
        TableSpec(
            "accuracy_pairs", "Before-after pairs",
            "Every before->after pair among the claims (由 80% 提升到 95%), with derived measures of the change.",
            ACCURACY_PAIR_FIELDS, ("pair_id",), ("line", "pair_id"),
        ),
        TableSpec(
            "platforms", "National AI open innovation platforms (table 1)",
            "Table 1 of the report: the 15 national new-generation AI open innovation platforms and their hosts.",
            PLATFORM_FIELDS, ("number",), ("number",),
        ),
        TableSpec(
            "timeline", "Dated events",
            "Every date coded as a claim, in time order: launches, policies, agreements.",
            TIMELINE_FIELDS, ("mention_id",), ("year", "month", "line", "mention_id"),
        ),
        TableSpec(
            "evidence", "Independent evidence",
            "Every figure measured on a repository snapshot under a named counting definition, and every dated public statement, with its verdict against the claim.",
            EVIDENCE_FIELDS, ("evidence_id",), ("evidence_id",),
        ),
        TableSpec(
            "corroboration", "Claims held against independent evidence",
            "One row per claim examined: its tolerance, verdict, summary across definitions and the evidence rows behind it.",
            CORROBORATION_FIELDS, ("mention_id",), ("line", "mention_id"),
        ),
    )
}
TABLE_NAMES: tuple[str, ...] = tuple(TABLES)


def _pandera_field(spec: FieldSpec) -> Any:
    import pandera.pandas as pa

    checks: dict[str, Any] = {}
    if spec.enum is not None:
        checks["isin"] = list(spec.enum)
    if spec.minimum is not None:
        checks["ge"] = spec.minimum
    if spec.maximum is not None:
        checks["le"] = spec.maximum
    return pa.Field(
        nullable=not spec.required,
        description=spec.description,
        metadata={"unit": spec.unit, "type": spec.type},
        **checks,
    )


def _model(table: TableSpec) -> Any:
    """Generate the strict pandera model of ``table`` from its field specs."""
    import pandera.pandas as pa
    from pandera.typing import Series

    # The annotation of each Table Schema type.
    types = {"string": Series[str], "integer": Series[pd.Int64Dtype], "number": Series[float], "boolean": Series[pd.BooleanDtype]}
    namespace: dict[str, Any] = {
        "__annotations__": {spec.name: types[spec.type] for spec in table.fields},
        "__doc__": f"{table.title}: {table.description}",
        "Config": type("Config", (), {"strict": True, "coerce": False, "ordered": True, "unique": list(table.primary_key), "name": table.name}),
    }
    namespace.update({spec.name: _pandera_field(spec) for spec in table.fields})
    class_name = "".join(part.capitalize() for part in table.name.split("_")) + "Model"
    return type(class_name, (pa.DataFrameModel,), namespace)


#: Module attributes generated on first use (PEP 562): the loaders read checked tables without pandera,
#: so a notebook's kernel does not import it; the build and the tests that validate do.
_MODEL_NAMES = {"MentionsModel": "mentions", "ClaimsModel": "claims", "AccuracyPairsModel": "accuracy_pairs",
                "PlatformsModel": "platforms", "TimelineModel": "timeline"}


def __getattr__(name: str) -> Any:
    if name == "MODELS":
        globals()["MODELS"] = {table: _model(spec) for table, spec in TABLES.items()}
        return globals()["MODELS"]
    if name in _MODEL_NAMES:
        return __getattr__("MODELS")[_MODEL_NAMES[name]]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def pandas_dtypes(table: str) -> dict[str, str]:
    """Return ``{column: pandas dtype}`` of ``table``."""
    return {spec.name: PANDAS_DTYPES[spec.type] for spec in TABLES[table].fields}


def conform(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` with exactly the columns of ``table``, in order, cast to their declared dtypes.

    Parameters
    ----------
    table : str
        A key of :data:`TABLES`.
    frame : DataFrame
        Must have every column of the table; extra columns are dropped.

    Returns
    -------
    DataFrame
        A new frame with a fresh ``RangeIndex``.
    """
    spec = TABLES[table]
    missing = [name for name in spec.columns if name not in frame.columns]
    if missing:
        raise KeyError(f"{table}: missing column(s) {', '.join(missing)}")
    result = pd.DataFrame(index=pd.RangeIndex(len(frame)))
    for field_spec in spec.fields:
        column = frame[field_spec.name].reset_index(drop=True)
        if field_spec.type == "string":
            # Missing stays missing (not the text "None"), and empty text counts as missing, as in the CSV.
            values = [None if (value is None or (not isinstance(value, str) and pd.isna(value))) else str(value) for value in column]
            result[field_spec.name] = pd.Series([v if v != "" else None for v in values], dtype="str")
        elif field_spec.type == "integer":
            result[field_spec.name] = pd.to_numeric(column, errors="raise").astype("Int64")
        elif field_spec.type == "number":
            result[field_spec.name] = pd.to_numeric(column, errors="raise").astype("float64")
        else:
            result[field_spec.name] = column.astype("boolean")
    return result


def validate(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Validate ``frame`` against the model of ``table``, reporting every failure at once.

    Raises
    ------
    pandera.errors.SchemaErrors
        With all failure cases (``lazy=True``).
    """
    return __getattr__("MODELS")[table].validate(frame, lazy=True)


def table_schema(table: str) -> dict[str, Any]:
    """Return the Frictionless Table Schema of ``table``.

    Every field has ``name``, ``type``, ``description``, ``unit`` (a custom property, omitted for text and
    codes) and ``constraints`` (``required``, ``enum``, ``minimum``, ``maximum``, ``unique`` for a one-column
    key); the schema has ``primaryKey`` and ``missingValues`` (empty cells).
    """
    spec = TABLES[table]
    fields = []
    for field_spec in spec.fields:
        descriptor: dict[str, Any] = {"name": field_spec.name, "type": field_spec.type, "description": field_spec.description}
        if field_spec.unit is not None:
            descriptor["unit"] = field_spec.unit
        constraints: dict[str, Any] = {"required": field_spec.required}
        if field_spec.enum is not None:
            constraints["enum"] = list(field_spec.enum)
        if field_spec.minimum is not None:
            constraints["minimum"] = field_spec.minimum
        if field_spec.maximum is not None:
            constraints["maximum"] = field_spec.maximum
        if spec.primary_key == (field_spec.name,):
            constraints["unique"] = True
        descriptor["constraints"] = constraints
        fields.append(descriptor)
    return {"fields": fields, "missingValues": [""], "primaryKey": list(spec.primary_key)}


def data_dictionary() -> pd.DataFrame:
    """Return every field of every table: table, field, type, unit, required, allowed values, description."""
    rows = []
    for table in TABLES.values():
        for field_spec in table.fields:
            limits = []
            if field_spec.minimum is not None:
                limits.append(f">= {field_spec.minimum:g}")
            if field_spec.maximum is not None:
                limits.append(f"<= {field_spec.maximum:g}")
            rows.append(
                {
                    "table": table.name,
                    "field": field_spec.name,
                    "type": field_spec.type,
                    "unit": field_spec.unit or "",
                    "required": "yes" if field_spec.required else "no",
                    "allowed values": ", ".join(map(str, field_spec.enum)) if field_spec.enum else " and ".join(limits),
                    "description": field_spec.description,
                }
            )
    return pd.DataFrame(rows)
