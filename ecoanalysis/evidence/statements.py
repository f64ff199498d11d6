"""The hand-written public statements (``data/raw/evidence/statements.csv``): read and validate, all problems at once.

One row per source per claim: ``mention_id``, ``source_url``, ``publisher``, ``title``, ``published`` and
``accessed`` (ISO dates, ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), ``value``/``value_high`` as the source
states it (blank for a date), ``value_date`` (the date a source gives, for date claims), ``unit``,
``bound`` (eq, gt, ge, lt, le, approx, range), ``as_of`` (the date the source's figure refers to, if it
says), a one-line ``summary`` in our own words and ``found_via``.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from pathlib import Path

from .. import config
from .._provenance import sidecar_sha256_problem

STATEMENTS_PATH = config.RAW_DIR / "evidence" / "statements.csv"
COLUMNS = ("mention_id", "source_url", "publisher", "title", "published", "accessed", "value", "value_high",
           "value_date", "unit", "bound", "as_of", "summary", "found_via")
REQUIRED = ("mention_id", "source_url", "publisher", "published", "accessed", "unit", "bound", "summary", "found_via")
STATEMENT_BOUNDS = ("eq", "gt", "ge", "lt", "le", "approx", "range")
STATEMENT_UNITS = ("count", "percent", "rank", "date")
_ISO = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_URL = re.compile(r"^https?://\S+$")


class StatementsError(ValueError):
    """Every problem of a statements file, each naming file, row and field."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the statements:\n  " + "\n  ".join(problems))


def _row_problems(row: dict[str, str], where: str, mention_ids: set[str] | None) -> list[str]:
    problems = [f"{where}: field {name}: missing" for name in REQUIRED if not (row.get(name) or "").strip()]
    url = (row.get("source_url") or "").strip()
    if url and not _URL.match(url):
        problems.append(f"{where}: field source_url: {url!r} is not an http(s) URL")
    for name in ("published", "accessed", "value_date", "as_of"):
        text = (row.get(name) or "").strip()
        if text and not _ISO.match(text):
            problems.append(f"{where}: field {name}: {text!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    if mention_ids is not None and row.get("mention_id") and row["mention_id"] not in mention_ids:
        problems.append(f"{where}: field mention_id: {row['mention_id']!r} is not a mention of the report")
    bound, unit = row.get("bound", ""), row.get("unit", "")
    if bound and bound not in STATEMENT_BOUNDS:
        problems.append(f"{where}: field bound: {bound!r} not one of {', '.join(STATEMENT_BOUNDS)}")
    if unit and unit not in STATEMENT_UNITS:
        problems.append(f"{where}: field unit: {unit!r} not one of {', '.join(STATEMENT_UNITS)}")
    if unit == "date" and not (row.get("value_date") or "").strip():
        problems.append(f"{where}: field value_date: a date statement needs the date the source gives")
    if unit and unit != "date":
        for name in ("value", "value_high"):
            text = (row.get(name) or "").strip()
            try:
                text and float(text)
            except ValueError:
                problems.append(f"{where}: field {name}: {text!r} is not a number")
        if not (row.get("value") or "").strip():
            problems.append(f"{where}: field value: a {unit} statement needs the value the source states")
    return problems


def _sidecar_problems(path: Path) -> list[str]:
    """The sidecar ``statements.meta.json``, if present, must record the file's sha256."""
    sidecar = path.with_name(path.stem + ".meta.json")
    if not sidecar.is_file():
        return []
    problem = sidecar_sha256_problem(path, path.read_bytes(), sidecar)
    return [] if problem is None else [problem]


def read_statements(path: str | Path = STATEMENTS_PATH, *, mention_ids: Iterable[str] | None = None) -> list[dict[str, str]]:
    """Rows of the statements file, validated; raise :class:`StatementsError` listing every problem.

    Parameters
    ----------
    path : path
        The statements CSV.
    mention_ids : iterable of str, optional
        The report's mention ids; each row's ``mention_id`` must be one of them.
    """
    path = Path(path)
    ids = set(mention_ids) if mention_ids is not None else None
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [name for name in COLUMNS if name not in (reader.fieldnames or [])]
        if missing:
            raise StatementsError([f"{path}: header: missing column(s) {', '.join(missing)}"])
        rows = list(reader)
    problems = _sidecar_problems(path)
    for number, row in enumerate(rows, start=2):  # line 1 is the header
        problems += _row_problems(row, f"{path}:{number}", ids)
    if problems:
        raise StatementsError(problems)
    return rows
