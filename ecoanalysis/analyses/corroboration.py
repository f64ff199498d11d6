"""Do independent sources agree with the report? Frames for notebook 08 and fig08.

:func:`corroboration_marks` gives one mark per counting definition or statement of each checked count
claim, as evidence ÷ claim (1 = agreement) with the claim's tolerance band on the same scale;
:func:`verdict_table` gives one row per claim with its verdict and sources; :func:`verdict_counts` the
tally the notebook's prose quotes.
"""
from __future__ import annotations

import math

import pandas as pd

#: Verdicts in display order.
VERDICT_ORDER = ("consistent", "bracketed", "inconsistent", "not_checkable")


def claim_label(row) -> str:
    """Short label of a claim: what is measured, for whom, and the figure as written."""
    return f"{row['subject_en']}: {row['metric_en']} ({row['surface']})"


def corroboration_marks(corroboration: pd.DataFrame, evidence: pd.DataFrame) -> pd.DataFrame:
    """One row per evidence item of a count (or percent, rank) claim: ratio to the claim, verdict, band.

    Parameters
    ----------
    corroboration, evidence : DataFrame
        :func:`ecoanalysis.load_corroboration` and :func:`ecoanalysis.load_evidence`.

    Returns
    -------
    DataFrame
        ``mention_id``, ``claim`` (label), ``claim_verdict``, ``evidence_id``, ``definition`` (with its scope or
        the publisher), ``ratio``, ``lower_bound`` (the evidence is only a lower bound), ``verdict``,
        ``band_low``/``band_high`` (the tolerance as ratios; ``inf`` when the claim is open above).
        Date claims are left out (their evidence is a day, not a multiple).
    """
    claims = corroboration[corroboration["unit"] != "date"].set_index("mention_id")
    rows = evidence[evidence["mention_id"].isin(claims.index) & evidence["ratio"].notna()].copy()
    rows = rows[rows["ratio"] > 0]
    claim = claims.loc[rows["mention_id"]]
    value = claim["claim_value"].to_numpy()
    rows["claim"] = [claim_label(c) for _, c in claim.reset_index().iterrows()]
    rows["claim_verdict"] = claim["verdict"].to_numpy()
    rows["band_low"] = (claim["tolerance_low"].fillna(-math.inf).to_numpy() / value).clip(min=0)
    rows["band_high"] = claim["tolerance_high"].fillna(math.inf).to_numpy() / value
    rows["lower_bound"] = rows["bound"].isin(["ge", "gt"])
    rows["definition"] = [
        f"{r.definition} [{r.scope}]" if isinstance(r.scope, str) else f"{r.publisher} ({r.source_date})"
        for r in rows.itertuples()
    ]
    columns = ["mention_id", "claim", "claim_verdict", "evidence_id", "definition", "ratio", "lower_bound", "verdict", "band_low", "band_high"]
    return rows[columns].sort_values(["mention_id", "evidence_id"], kind="mergesort").reset_index(drop=True)


def verdict_table(corroboration: pd.DataFrame, *, checked_only: bool = False) -> pd.DataFrame:
    """One row per claim: label, verdict, number of evidence rows and sources, in the report's order."""
    table = corroboration if not checked_only else corroboration[corroboration["verdict"] != "not_checkable"]
    return pd.DataFrame({
        "line": table["line"].to_numpy(),
        "claim": [claim_label(r) for _, r in table.iterrows()],
        "verdict": table["verdict"].to_numpy(),
        "evidence": table["n_evidence"].to_numpy(),
        "sources": table["sources"].fillna("").to_numpy(),
        "summary": table["summary"].to_numpy(),
    })


def verdict_counts(corroboration: pd.DataFrame) -> pd.Series:
    """Number of claims per verdict, in :data:`VERDICT_ORDER`."""
    return corroboration["verdict"].value_counts().reindex(VERDICT_ORDER, fill_value=0)


def snapshot_inventory(*, directory=None) -> pd.DataFrame:
    """One row per repository of the evidence scopes: snapshot file, commits, refs, mirror tip, or missing.

    Parameters
    ----------
    directory : path, optional
        The evidence directory (default ``config.EVIDENCE_DIR``).
    """
    import json
    from pathlib import Path

    from .. import config
    from ..evidence.tables import read_scopes

    directory = Path(directory) if directory is not None else config.EVIDENCE_DIR
    rows = {}
    for scope, members in read_scopes(directory / "scopes.csv").items():
        for member in members:
            source = member["snapshot_of"] or member["repository"]
            sidecar = directory / f"{source.replace('/', '+')}.commits.meta.json"
            meta = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.is_file() else {}
            row = rows.setdefault(member["repository"], {
                "repository": member["repository"], "snapshot_of": source, "scopes": [],
                "commits": meta.get("commits"), "refs": meta.get("refs"),
                "mirror_tip": (meta.get("mirror_tip") or "")[:12] or None, "snapshot_date": meta.get("snapshot_date"),
                "mirrored": bool(meta),
            })
            row["scopes"].append(scope)
    table = pd.DataFrame(rows.values())
    table["scopes"] = table["scopes"].map(" ".join)
    return table.astype({"commits": "Int64", "refs": "Int64"})


def definitions_of(evidence: pd.DataFrame, mention_id: str) -> pd.DataFrame:
    """The evidence of one claim: definition, scope, value (or date), bound and verdict, one row each."""
    rows = evidence[evidence["mention_id"] == mention_id]
    return rows[["evidence_id", "kind", "definition", "scope", "publisher", "source_date", "value", "value_date", "bound",
                 "missing_repositories", "verdict"]].reset_index(drop=True)
