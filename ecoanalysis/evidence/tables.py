"""Evidence and corroboration tables: each claim held against the snapshots and the public statements.

Inputs, all in ``data/raw/evidence/`` and covered by the manifest:

``checks.csv``      hand-written: which claim is measured on which scope under which counting definitions
``scopes.csv``      hand-written: the repositories of each scope (a repository without snapshot makes every
                    count over the scope a lower bound)
``statements.csv``  hand-written public statements (:mod:`.statements`)
``*.csv.gz``        the snapshots (:mod:`.snapshot`)

:func:`evidence_tables` returns ``{"evidence": ..., "corroboration": ...}`` as plain frames; the claims
build conforms and validates them against :mod:`ecoanalysis.dataset.schemas`.
"""
from __future__ import annotations

import csv
import datetime
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .. import config
from ..dataset import schemas
from .._provenance import verify_file
from . import metrics, verdicts
from .snapshot import EVIDENCE_DIR
from .statements import StatementsError, read_statements

CHECKS_PATH = EVIDENCE_DIR / "checks.csv"
SCOPES_PATH = EVIDENCE_DIR / "scopes.csv"
#: Subjects of the report that have a snapshot: every claim about them is examined, checkable or not.
SUBJECTS_WITH_SNAPSHOTS = ("XuperChain", "PaddlePaddle", "PaddlePaddle open-source community", "Apollo open platform",
                           "Apollo developer community")
FILE_DEFINITIONS = {
    "readme_value": "the figure README_cn.md states next to the keyword, per distinct value (first and last version seen)",
    "registry_groups": "numbered rows of the PPSIG registry table in its last version before the cut-off",
}
STATEMENT_DEFINITION = "public_statement"
_EVIDENCE_COLUMNS = [spec.name for spec in schemas.TABLES["evidence"].fields if spec.name != "evidence_id"]
_CORROBORATION_COLUMNS = schemas.TABLES["corroboration"].columns


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_scopes(path: Path = SCOPES_PATH) -> dict[str, list[dict[str, str]]]:
    scopes: dict[str, list[dict[str, str]]] = {}
    for row in _read_csv(path):
        scopes.setdefault(row["scope"], []).append(row)
    return scopes


def _snapshot_of(member: dict[str, str]) -> str:
    return member["snapshot_of"] or member["repository"]  # a fork stands for its upstream (scopes.csv says which and why)


def _has_history(member: dict[str, str], directory: Path) -> bool:
    return metrics.history_path(_snapshot_of(member), directory).is_file()


def _git_values(checks: list[dict[str, str]], by_id: pd.DataFrame, scopes, directory: Path) -> dict[tuple[int, str], object]:
    """The figure of every git check and definition, ``{(check number, definition): value}``.

    Each snapshot is read once and dropped before the next, however many scopes and checks name it: a
    history gives its part of every figure that needs it (:func:`metrics.measure_part`), and the parts of a
    scope's repositories are combined at the end. So one history is held at a time, never a whole scope.
    """
    asks: dict[str, list[tuple[int, str, int]]] = {}
    parts: dict[tuple[int, str], list] = {}
    for number, check in enumerate(checks):
        if not check["scope"] or check["definitions"] in FILE_DEFINITIONS:
            continue
        as_of = int(by_id.loc[check["mention_id"], "as_of"])
        for definition in check["definitions"].split():
            parts[number, definition] = []
            for member in scopes[check["scope"]]:
                if _has_history(member, directory):
                    asks.setdefault(_snapshot_of(member), []).append((number, definition, as_of))
    for repo, wanted in asks.items():
        history = metrics.load_history(repo, directory=directory)
        for number, definition, as_of in wanted:
            parts[number, definition].append(metrics.measure_part(definition, history, as_of))
        del history  # before the next one is read
    return {key: metrics.combine(key[1], found) for key, found in parts.items() if found}


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def _git_rows(number: int, check: dict[str, str], claim: pd.Series, members, values, directory: Path) -> list[dict]:
    found = [m["repository"] for m in members if _has_history(m, directory)]
    if not found:
        return []
    missing = len(members) - len(found)
    rows = []
    for definition in check["definitions"].split():
        spec = metrics.DEFINITIONS[definition]
        value = values[number, definition]
        if value is None:
            continue
        partial = bool(missing) or check["scope_covers"] == "part"
        row = {"kind": "git", "definition": definition, "description": spec.description, "scope": check["scope"],
               "repositories": " ".join(found), "missing_repositories": missing,
               "source_date": _iso(metrics.cutoff_for(int(claim["as_of"])).date()), "unit": spec.unit,
               "note": check["note"] or None}
        if spec.unit == "date":
            row.update(value_date=value.isoformat(), source_date=value.isoformat(), bound="le" if partial else "eq")
        else:
            row.update(value=float(value), bound="ge" if partial else "eq")
        rows.append(row)
    return rows


class _NumbersOnce(dict):
    """:func:`metrics.load_numbers` of each repository, read (and run through the engine) once per build."""

    def __init__(self, directory: Path):
        super().__init__()
        self.directory = directory

    def __missing__(self, repo: str) -> list[dict[str, str]]:
        self[repo] = metrics.load_numbers(repo, directory=self.directory)
        return self[repo]


def _readme_rows(check, claim, members, numbers: _NumbersOnce) -> list[dict]:
    repo, label = members[0]["snapshot_of"] or members[0]["repository"], members[0]["repository"]
    cutoff = metrics.cutoff_for(int(claim["as_of"])).timestamp()
    keyword, runs = check["keyword"], []
    for row in numbers[repo]:
        adjacent = row["context_after"].lstrip().startswith(keyword) or row["context_before"].rstrip().endswith(keyword)
        if row["kind"] == "mention" and adjacent and int(row["committer_time"]) < cutoff:
            day = datetime.datetime.fromtimestamp(int(row["committer_time"]), metrics.CST).date()
            if runs and runs[-1]["value"] == float(row["value"]) and runs[-1]["bound"] == row["bound"]:
                runs[-1]["last"] = day
            else:
                runs.append({"value": float(row["value"]), "bound": row["bound"] or "eq", "first": day, "last": day})
    return [{"kind": "file_history", "definition": "readme_value", "description": FILE_DEFINITIONS["readme_value"],
             "scope": check["scope"], "repositories": label, "missing_repositories": 0, "source_date": run["first"].isoformat(),
             "unit": "count", "value": run["value"], "bound": run["bound"],
             "note": f"README_cn.md states it from {run['first']} to {run['last']}"} for run in runs]


def _registry_rows(check, claim, members, numbers: _NumbersOnce) -> list[dict]:
    repo = members[0]["repository"]
    cutoff = metrics.cutoff_for(int(claim["as_of"])).timestamp()
    versions: dict[tuple[int, str], set[float]] = {}
    for row in numbers[repo]:
        if row["kind"] == "table_index" and int(row["committer_time"]) < cutoff:
            versions.setdefault((int(row["committer_time"]), row["commit"]), set()).add(float(row["value"]))
    if not versions:
        return []
    (when, commit), indices = max(versions.items())
    day = datetime.datetime.fromtimestamp(when, metrics.CST).date().isoformat()
    return [{"kind": "file_history", "definition": "registry_groups", "description": FILE_DEFINITIONS["registry_groups"],
             "scope": check["scope"], "repositories": repo, "missing_repositories": 0, "source_date": day, "unit": "count",
             "value": float(len(indices)), "bound": "eq", "note": f"ppsigs/ppsig-list.md at commit {commit} ({day})"}]


def _verify_hand_written(directory: Path) -> None:
    """The hand-written evidence files must match the manifest (RawDataChanged), as every raw input does."""
    manifest = Path(directory).parent / config.MANIFEST_PATH.name
    for name in (CHECKS_PATH.name, SCOPES_PATH.name, "statements.csv", "bots.csv"):
        verify_file(Path(directory) / name, manifest, listed_as=f"{Path(directory).name}/{name}", required=manifest.is_file())


def _statement_row(statement: dict[str, str]) -> dict:
    row = {"kind": "statement", "definition": STATEMENT_DEFINITION, "description": statement["summary"],
           "source_url": statement["source_url"], "publisher": statement["publisher"],
           "source_date": statement["published"], "unit": statement["unit"], "bound": statement["bound"],
           "missing_repositories": 0, "note": f"found via {statement['found_via']}; accessed {statement['accessed']}",
           "observed": statement["as_of"] or statement["published"]}
    if statement["unit"] == "date":
        row["value_date"] = statement["value_date"]
    else:
        row["value"] = float(statement["value"])
        row["value_high"] = float(statement["value_high"]) if statement["value_high"] else None
    return row


def claim_interval(claim: pd.Series) -> verdicts.Interval:
    """The values (or days) the claim is consistent with, from its bound and written precision."""
    if claim["unit"] == "date":
        return verdicts.date_interval(int(claim["value"]), None if pd.isna(claim["month"]) else int(claim["month"]),
                                      year_end=None if pd.isna(claim["value_high"]) else int(claim["value_high"]),
                                      month_end=None if pd.isna(claim["month_high"]) else int(claim["month_high"]))
    high = None if pd.isna(claim["value_high"]) else float(claim["value_high"])
    step = verdicts.precision_step(claim["surface"], float(claim["value"]))
    return verdicts.count_interval(float(claim["value"]), claim["bound"] or "eq", value_high=high, step=step)


def evidence_interval(row: dict) -> verdicts.Interval:
    if row["unit"] == "date":
        days = verdicts.parse_iso_date(row["value_date"])
        return verdicts.Interval(-verdicts.INF, days.high) if row["bound"] == "le" else days
    value, high = row["value"], row.get("value_high")
    step = verdicts.precision_step(f"{value:.0f}" if float(value).is_integer() else repr(value), value)
    return verdicts.count_interval(value, row["bound"], value_high=high, step=step) if row["bound"] != "eq" else verdicts.Interval(value, value)


def _claim_rows(claims: pd.DataFrame, checks, statements) -> pd.DataFrame:
    examined = {c["mention_id"] for c in checks} | {s["mention_id"] for s in statements}
    examined |= set(claims.loc[claims["subject_en"].isin(SUBJECTS_WITH_SNAPSHOTS), "mention_id"])
    unknown = sorted(examined - set(claims["mention_id"]))
    if unknown:
        raise ValueError(f"{CHECKS_PATH}: mention_id(s) not among the claims: {', '.join(unknown)}")
    return claims[claims["mention_id"].isin(examined)]


def _inputs(claims: pd.DataFrame, mention_ids: Iterable[str] | None, directory: Path):
    """Checks and statements validated against the report's mentions, kept where the mention is a claim."""
    known = set(claims["mention_id"]) if mention_ids is None else set(mention_ids)
    checks, scopes = _read_csv(directory / CHECKS_PATH.name), read_scopes(directory / SCOPES_PATH.name)
    problems = _check_problems(checks, known, scopes, directory / CHECKS_PATH.name)
    if problems:
        raise StatementsError(problems)
    statements = read_statements(directory / "statements.csv", mention_ids=known)
    coded = set(claims["mention_id"])
    return [c for c in checks if c["mention_id"] in coded], [s for s in statements if s["mention_id"] in coded]


def _check_problems(checks: list[dict[str, str]], known: set[str], scopes: dict, path: Path) -> list[str]:
    """Every problem of checks.csv: unknown mention, scope or counting definition, a scope without definitions."""
    problems = []
    for number, check in enumerate(checks, start=2):
        where = f"{path}:{number}"
        if check["mention_id"] not in known:
            problems.append(f"{where}: field mention_id: {check['mention_id']!r} is not a mention of the report")
        if check["scope"] and check["scope"] not in scopes:
            problems.append(f"{where}: field scope: {check['scope']!r} is not a scope of {SCOPES_PATH.name} ({', '.join(scopes)})")
        if check["scope_covers"] not in ("all", "part", ""):
            problems.append(f"{where}: field scope_covers: {check['scope_covers']!r} is not all or part")
        names = check["definitions"].split()
        if check["scope"] and not names:
            problems.append(f"{where}: field definitions: a scope needs at least one counting definition")
        for name in names:
            if name not in metrics.DEFINITIONS and name not in FILE_DEFINITIONS:
                problems.append(f"{where}: field definitions: unknown counting definition {name!r}")
        if not check["scope"] and not check["note"]:
            problems.append(f"{where}: field note: a claim without scope needs the reason it cannot be checked")
    return problems


def build_evidence(claims: pd.DataFrame, *, mention_ids: Iterable[str] | None = None, directory: Path = EVIDENCE_DIR) -> pd.DataFrame:
    """One row per evidence item and counting definition, with its verdict against the claim.

    Parameters
    ----------
    claims : DataFrame
        The claims table (``mention_id``, ``surface``, ``value``, ``bound``, ``as_of``, ...).
    mention_ids : iterable of str, optional
        Every mention id of the report (default: the claims'); checks and statements must name one of them,
        and those whose mention is not coded as a claim are left out.
    directory : Path
        The evidence directory (snapshots and hand-written files).
    """
    _verify_hand_written(directory)
    checks, statements = _inputs(claims, mention_ids, directory)
    scopes = read_scopes(directory / SCOPES_PATH.name)
    by_id = claims.set_index("mention_id")
    values, numbers = _git_values(checks, by_id, scopes, directory), _NumbersOnce(directory)
    rows = []
    for number, check in enumerate(checks):
        if not check["scope"]:
            continue
        claim, members = by_id.loc[check["mention_id"]], scopes[check["scope"]]
        if check["definitions"] == "readme_value":
            found = _readme_rows(check, claim, members, numbers)
        elif check["definitions"] == "registry_groups":
            found = _registry_rows(check, claim, members, numbers)
        else:
            found = _git_rows(number, check, claim, members, values, directory)
        rows += [{"mention_id": check["mention_id"], **row} for row in found]
    rows += [{"mention_id": s["mention_id"], **_statement_row(s)} for s in statements]
    for row in rows:
        claim = by_id.loc[row["mention_id"]]
        interval = claim_interval(claim)
        row["verdict"] = verdicts.verdict(interval, evidence_interval(row))
        if row["verdict"] == "inconsistent" and _grew_since(row, claim, interval):
            row["verdict"] = "not_checkable"
            row["note"] = f"{row['note']}; dated outside the claim's year on the side a growing count allows: no contradiction"
        if row["unit"] != "date" and claim["unit"] != "date" and claim["value"]:
            row["ratio"] = row["value"] / float(claim["value"])
        if row["unit"] == "date" and claim["unit"] == "date":
            row["days_off"] = float(verdicts.side(interval, evidence_interval(row)) and _days_off(interval, evidence_interval(row)))
    frame = pd.DataFrame(rows, columns=_EVIDENCE_COLUMNS).sort_values(["mention_id", "kind", "scope", "definition", "source_url", "source_date"],
                                           na_position="last", kind="mergesort").reset_index(drop=True)
    frame.insert(0, "evidence_id", [f"ev{n:03d}" for n in range(1, len(frame) + 1)])
    return frame


def _grew_since(row: dict, claim: pd.Series, interval: verdicts.Interval) -> bool:
    """A statement of a cumulative count dated before the claim's year and lower, or after it and higher."""
    if row["kind"] != "statement" or row["unit"] != "count" or pd.isna(claim["as_of"]):
        return False
    observed = verdicts.parse_iso_date(row["observed"])
    start, end = metrics.year_start(int(claim["as_of"])).date(), metrics.cutoff_for(int(claim["as_of"])).date()
    direction = verdicts.side(interval, evidence_interval(row))
    return (observed.high < start.toordinal() and direction < 0) or (observed.low >= end.toordinal() and direction > 0)


def _days_off(claim: verdicts.Interval, evidence: verdicts.Interval) -> float:
    """Days from the claim's interval to the evidence (negative: earlier)."""
    if evidence.high < claim.low:
        return evidence.high - claim.low
    return evidence.low - claim.high if evidence.low > claim.high else 0.0


_SYMBOLS = {"eq": "=", "ge": "≥", "gt": ">", "le": "≤", "lt": "<", "approx": "≈", "range": "in"}


def _label(row) -> str:
    """``definition [scope] = value`` or ``publisher (date) = value``, with the evidence's bound as its symbol."""
    name = {"statement": f"{row['publisher']} ({row['source_date']})",
            "file_history": f"{row['definition']} ({row['source_date']})"}.get(row["kind"], row["definition"])
    scope = f" [{row['scope']}]" if isinstance(row.get("scope"), str) else ""
    value = row["value_date"] if row["unit"] == "date" else f"{row['value']:,.10g}"
    return f"{name}{scope} {_SYMBOLS.get(row['bound'], row['bound'])} {value}"


def _labels(rows: pd.DataFrame) -> str:
    return "; ".join(sorted({_label(r) for _, r in rows.iterrows()}))


def claim_verdict(claim: pd.Series, rows: pd.DataFrame) -> tuple[str, str]:
    """The claim's verdict and a one-line summary from its evidence rows."""
    if rows.empty:
        return "not_checkable", "no evidence"
    consistent = rows[rows["verdict"] == "consistent"]
    inconsistent = rows[rows["verdict"] == "inconsistent"]
    interval = claim_interval(claim)
    dated = [(_first_day(r["source_date"]), evidence_interval(r)) for _, r in rows.iterrows()
             if r["kind"] != "git" and r["unit"] != "date"]
    if consistent.empty and verdicts.bracketed(interval, dated):
        return "bracketed", "dated sources lower before and higher after, none stating it: " + _labels(rows)
    if consistent.empty and inconsistent.empty:
        return "not_checkable", "the evidence neither confirms nor contradicts it: " + _labels(rows)
    if inconsistent.empty:
        return "consistent", "consistent under every definition that decides: " + _labels(consistent)
    if consistent.empty:
        return "inconsistent", "inconsistent under every definition that decides: " + _labels(inconsistent)
    return "consistent", f"consistent only if {' or '.join(sorted({_label(r) for _, r in consistent.iterrows()}))} counts; inconsistent under {_labels(inconsistent)}"


def _first_day(text: str) -> datetime.date:
    """First day of an ISO date written to the year, month or day."""
    return datetime.date.fromordinal(int(verdicts.parse_iso_date(str(text)).low))


def build_corroboration(claims: pd.DataFrame, evidence: pd.DataFrame, *, mention_ids: Iterable[str] | None = None,
                        directory: Path = EVIDENCE_DIR) -> pd.DataFrame:
    """One row per claim examined: its tolerance, verdict, summary and the ids of its evidence rows."""
    checks, statements = _inputs(claims, mention_ids, directory)
    reasons = {c["mention_id"]: c["note"] for c in checks if not c["scope"]}
    out = []
    for _, claim in _claim_rows(claims, checks, statements).iterrows():
        rows = evidence[evidence["mention_id"] == claim["mention_id"]]
        verdict, summary = claim_verdict(claim, rows)
        if verdict == "not_checkable" and rows.empty:
            summary = reasons.get(claim["mention_id"]) or "no counting definition or public statement found"
        interval = claim_interval(claim)
        is_date = claim["unit"] == "date"
        out.append({
            "mention_id": claim["mention_id"], "line": claim["line"], "surface": claim["surface"],
            "subject_en": claim["subject_en"], "metric_en": claim["metric_en"], "unit": claim["unit"],
            "claim_value": claim["value"], "claim_value_high": claim["value_high"], "claim_bound": claim["bound"],
            "as_of": claim["as_of"],
            "cutoff": None if is_date or pd.isna(claim["as_of"]) else metrics.cutoff_for(int(claim["as_of"])).isoformat(),
            "tolerance_low": None if is_date or interval.low == -verdicts.INF else interval.low,
            "tolerance_high": None if is_date or interval.high == verdicts.INF else interval.high,
            "tolerance_from": datetime.date.fromordinal(int(interval.low)).isoformat() if is_date else None,
            "tolerance_to": datetime.date.fromordinal(int(interval.high)).isoformat() if is_date else None,
            "verdict": verdict, "summary": summary, "n_evidence": len(rows),
            "evidence_ids": " ".join(rows["evidence_id"]) or None,
            "sources": _sources(rows),
        })
    return pd.DataFrame(out, columns=_CORROBORATION_COLUMNS).sort_values(["line", "mention_id"], kind="mergesort").reset_index(drop=True)


def _sources(rows: pd.DataFrame) -> str | None:
    """Publishers and repositories behind a verdict, each once (a long list of repositories shortened)."""
    repositories = list(dict.fromkeys(repo for text in rows["repositories"].dropna() for repo in text.split()))
    named = repositories if len(repositories) <= 3 else repositories[:1] + [f"{len(repositories) - 1} more repositories"]
    return "; ".join(named + sorted(set(rows["publisher"].dropna()))) or None


def evidence_tables(claims: pd.DataFrame, *, mention_ids: Iterable[str] | None = None,
                    directory: Path = EVIDENCE_DIR) -> dict[str, pd.DataFrame]:
    """``{"evidence": ..., "corroboration": ...}`` for the claims table (unvalidated frames)."""
    evidence = build_evidence(claims, mention_ids=mention_ids, directory=directory)
    return {"evidence": evidence,
            "corroboration": build_corroboration(claims, evidence, mention_ids=mention_ids, directory=directory)}
