"""The processed tables derived from the coded mentions: claims, accuracy pairs, platforms, timeline.

Pure functions of the engine's mentions and the two codebooks; every problem is collected and raised at
once as one :class:`~ecoanalysis.coding.CodebookError`.
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd

from .. import coding as cb
from .. import config
from .._measures import log_odds_change, midpoint, percentage_point_change, relative_change, relative_error_reduction
from . import schemas

#: Units with a meaning of their own downstream: percent measures (pp change ...) and dates (timeline).
PERCENT_UNIT = "percent"
DATE_UNIT = "date"


def _platform_rows(report: Any) -> pd.DataFrame:
    """Return table 1 as read by the document model: number, host_zh, domain_zh, platform_zh, line."""
    rows = [
        {"number": row.number, "host_zh": row.host, "domain_zh": row.domain, "platform_zh": row.name, "line": row.line}
        for row in report.platforms
    ]
    return pd.DataFrame(rows, columns=["number", "host_zh", "domain_zh", "platform_zh", "line"])


def _as_float(value: Any) -> float:
    """``value`` as a float, ``nan`` for any kind of missing value (``pd.NA`` included)."""
    return math.nan if pd.isna(value) else float(value)


def derive_accuracy_pairs(claims: pd.DataFrame, *, source: str | Path = config.CODEBOOK_PATH) -> tuple[pd.DataFrame, list[str]]:
    """Return one row per before->after pair among ``claims`` with its derived measures.

    Parameters
    ----------
    claims : DataFrame
        Coded claims (columns of the claims table plus ``codebook_row`` if available), each pair with exactly
        one ``before`` and one ``after`` mention (checked by :func:`ecoanalysis.coding.check_pairs`).
    source : str or Path
        Codebook file name used in the messages.

    Returns
    -------
    pairs : DataFrame
        Columns of the ``accuracy_pairs`` table. ``before``/``after`` are the values as stated (the low end
        of a range, whose top is in ``before_high``/``after_high``), so every number can be found in the
        report; the derived measures take a range at its midpoint. The percentage measures (pp_change,
        relative_error_reduction, log_odds_change) are filled for percent units only.
    problems : list of str
        Pairs whose two mentions disagree on unit, category, subject or metric_en.
    """
    rows: list[dict[str, Any]] = []
    problems: list[str] = []
    paired = claims[claims["pair_id"].notna() & claims["role"].notna()]
    for pair_id, members in paired.groupby("pair_id", sort=True):
        by_role = {role: group.iloc[0] for role, group in members.groupby("role")}
        if set(by_role) != set(cb.ROLES) or len(members) != 2:
            continue  # reported by coding.check_pairs
        before, after = by_role["before"], by_role["after"]
        disagreements = [name for name in ("unit", "category", "subject", "metric_en") if before[name] != after[name]]
        if disagreements:
            row_of_after = after.get("codebook_row")
            where = f"{source}:{row_of_after}" if row_of_after is not None and not pd.isna(row_of_after) else str(source)
            problems.append(
                f"{where}: {'/'.join(disagreements)}: pair {pair_id} ({before['mention_id']} -> {after['mention_id']}) "
                "needs the same " + ", ".join(f"{name} ({before[name]!r} vs {after[name]!r})" for name in disagreements)
            )
            continue
        rows.append(_pair_row(pair_id, before, after))
    columns = schemas.TABLES["accuracy_pairs"].columns
    return pd.DataFrame(rows, columns=columns), problems



def _pair_row(pair_id: str, before: pd.Series, after: pd.Series) -> dict[str, Any]:
    """One accuracy pair as stated (a range keeps its ends) with measures taken at each range's midpoint."""
    before_value = midpoint(_as_float(before["value"]), _as_float(before["value_high"]))
    after_value = midpoint(_as_float(after["value"]), _as_float(after["value_high"]))
    is_percent = before["unit"] == PERCENT_UNIT
    return {
        "pair_id": pair_id,
        "category": after["category"],
        "subject": after["subject"],
        "subject_en": after["subject_en"],
        "metric_en": after["metric_en"],
        "line": before["line"],
        "before": _as_float(before["value"]),
        "before_high": _as_float(before["value_high"]),
        "after": _as_float(after["value"]),
        "after_high": _as_float(after["value_high"]),
        "unit": before["unit"],
        "pp_change": percentage_point_change(before_value, after_value) if is_percent else math.nan,
        "relative_error_reduction": relative_error_reduction(before_value, after_value) if is_percent else math.nan,
        "log_odds_change": log_odds_change(before_value, after_value) if is_percent else math.nan,
        "relative_change": relative_change(before_value, after_value),
        "before_mention_id": before["mention_id"],
        "after_mention_id": after["mention_id"],
        "sentence": before["sentence"],
    }


def derive_timeline(claims: pd.DataFrame) -> pd.DataFrame:
    """Return every date among ``claims`` (unit ``date``) as an event: year, month, end of a period, subject.

    ``year``/``year_end`` come from ``value``/``value_high``; ``month`` from ``month``; ``month_end`` from the
    engine's ``month_high`` (or ``month_end``) column where it has one.
    """
    dates = claims[claims["unit"] == DATE_UNIT]
    end_month_column = next((name for name in ("month_high", "month_end") if name in dates.columns), None)
    timeline = pd.DataFrame(
        {
            "mention_id": dates["mention_id"],
            "line": dates["line"],
            "year": dates["value"],
            "month": dates["month"],
            "year_end": dates["value_high"],
            "month_end": dates[end_month_column] if end_month_column else pd.NA,
            "subject": dates["subject"],
            "subject_en": dates["subject_en"],
            "event_en": dates["metric_en"],
            "sentence": dates["sentence"],
        }
    )
    return timeline


def sort_table(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    spec = schemas.TABLES[table]
    return frame.sort_values(list(spec.sort_by), kind="mergesort", na_position="last").reset_index(drop=True)


def build_tables(report: Any, mentions: pd.DataFrame, codebook_path: Path, platform_codebook_path: Path) -> dict[str, pd.DataFrame]:
    """Join and derive the coded tables (conformed and sorted); raise one CodebookError listing every problem.

    Parameters
    ----------
    report : Report
        The parsed report (for table 1).
    mentions : DataFrame
        ``extract_mentions(report)``.
    codebook_path, platform_codebook_path : Path
        The two hand-written codebooks.

    Returns
    -------
    dict of str to DataFrame
        Table name -> table in output order: mentions, claims, accuracy_pairs, platforms, timeline. The
        build adds the evidence stage's tables and validates them all.
    """
    problems: list[str] = []
    try:
        codebook, read_problems = cb.read_codebook_with_problems(codebook_path)
        problems += read_problems
        coded, mention_problems = cb.join_codebook(mentions, codebook, source=codebook_path)
        problems += mention_problems
    except cb.CodebookError as error:
        problems += error.problems
        coded = None
    try:
        platforms, platform_problems = cb.join_platforms(
            _platform_rows(report), cb.read_platform_codebook(platform_codebook_path), source=platform_codebook_path
        )
        problems += platform_problems
    except cb.CodebookError as error:
        problems += error.problems
        platforms = None

    pairs = None
    if coded is not None and not problems:
        claims_with_rows = coded[coded["kind"] == "claim"]
        pairs, pair_problems = derive_accuracy_pairs(claims_with_rows, source=codebook_path)
        problems += pair_problems
    if problems:
        raise cb.CodebookError(problems)

    # The engine's glued marker becomes footnote_marker; what sources a claim is the footnote of its clause.
    coded = coded.rename(columns={"footnote": "footnote_marker", "source_footnote": "footnote"})
    mentions_table = sort_table("mentions", schemas.conform("mentions", coded))
    claims_table = mentions_table[mentions_table["kind"] == "claim"].reset_index(drop=True)
    tables = {
        "mentions": mentions_table,
        "claims": sort_table("claims", schemas.conform("claims", claims_table)),
        "accuracy_pairs": sort_table("accuracy_pairs", schemas.conform("accuracy_pairs", pairs)),
        "platforms": sort_table("platforms", schemas.conform("platforms", platforms)),
        "timeline": sort_table("timeline", schemas.conform("timeline", derive_timeline(claims_table))),
    }
    return tables
