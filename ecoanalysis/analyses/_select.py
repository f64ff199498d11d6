"""Claim selection shared by every analysis: column checks, the claims-only filter, text matching, precision classes.

Text from the codebook is compared case- and whitespace-insensitively everywhere, so a stray space in a
codebook cell never silently drops a claim.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

__all__ = ["PRECISION_CLASS", "PRECISION_CLASSES", "clause_with", "select_claims"]


#: How precise a stated figure is, by the quantity engine's ``bound`` code.
PRECISION_CLASS: dict[str, str] = {
    "eq": "exact",
    "gt": "lower bound",
    "ge": "lower bound",
    "lt": "upper bound",
    "le": "upper bound",
    "approx": "approximate",
    "range": "range",
    "vague": "vague",
}
#: Precision classes in display order (most to least precise).
PRECISION_CLASSES: tuple[str, ...] = ("exact", "lower bound", "upper bound", "approximate", "range", "vague")

LOWER_BOUNDS = frozenset({"gt", "ge"})
UPPER_BOUNDS = frozenset({"lt", "le"})


def _require(data: pd.DataFrame, columns: Iterable[str], function: str) -> None:
    missing = [column for column in columns if column not in data.columns]
    if missing:
        raise KeyError(f"{function}() needs column(s) {missing}; the table has {list(data.columns)}.")


def _claims_only(claims: pd.DataFrame, kinds: Sequence[str] | None = ("claim",)) -> pd.DataFrame:
    if kinds is None or "kind" not in claims.columns:
        return claims
    return claims[claims["kind"].isin(list(kinds))]


def _as_tuple(names: str | Sequence[str] | None) -> tuple[str, ...]:
    if names is None:
        return ()
    if isinstance(names, str):
        return (names,)
    return tuple(names)


def _precision_class(bounds: pd.Series) -> pd.Series:
    unknown = sorted(set(bounds.dropna()) - set(PRECISION_CLASS))
    if unknown:
        raise ValueError(f"Unknown bound code(s) {unknown}; expected one of {sorted(PRECISION_CLASS)}.")
    return bounds.map(PRECISION_CLASS)


def _normalise_text(value: object) -> object:
    # Codebook wording is compared case- and whitespace-insensitively so "PaddlePaddle " still matches.
    if isinstance(value, str):
        return " ".join(value.split()).casefold()
    return value


def clause_with(sentence: str, surface: str) -> str:
    """Return the clause of ``sentence`` (split at ，；。：) that contains ``surface``, for quoting a claim.

    Raises
    ------
    LookupError
        If no clause contains ``surface``.
    """
    for clause in re.split(r"[，；。：,;]", str(sentence)):
        if surface in clause:
            return clause.strip()
    raise LookupError(f"{surface!r} is not in the sentence {sentence!r}.")


def select_claims(
    claims: pd.DataFrame,
    *,
    expect: int | None = None,
    contains: Mapping[str, str] | None = None,
    **equals: object,
) -> pd.DataFrame:
    """Select claims by column values, so notebooks never pick rows by position.

    Text is compared case- and whitespace-insensitively (as in the ratio specifications of ``analysis_specs.toml``).

    Parameters
    ----------
    claims : DataFrame
    expect : int, optional
        Raise a :class:`LookupError` unless exactly this many rows match; the message lists the
        candidates that match the first criterion, so codebook wording drift is easy to fix.
    contains : mapping of column -> str, optional
        Keep rows whose column contains the text (after normalisation).
    **equals
        ``column=value`` (or a list/tuple/set of accepted values), e.g. ``subject_en="Gitee", unit="percent"``.

    Returns
    -------
    DataFrame
        Matching rows (``kind == "claim"`` only, when present), in report order, index reset.
    """
    contains = dict(contains or {})
    _require(claims, [*equals, *contains], "select_claims")
    data = _claims_only(claims)
    if "line" in data:
        data = data.sort_values("line", kind="stable")
    mask = pd.Series(True, index=data.index)
    for column, wanted in equals.items():
        accepted = wanted if isinstance(wanted, (list, tuple, set, frozenset)) else [wanted]
        accepted = {_normalise_text(value) for value in accepted}
        mask &= data[column].map(_normalise_text).isin(accepted)
    for column, text in contains.items():
        needle = _normalise_text(text)
        mask &= data[column].map(lambda value: isinstance(value, str) and needle in _normalise_text(value))
    result = data[mask].reset_index(drop=True)
    if expect is not None and len(result) != expect:
        criteria = {**equals, **{f"{k} contains": v for k, v in contains.items()}}
        first = next(iter(equals.items()), None)
        shown = [c for c in ("mention_id", "subject_en", "metric_en", "value", "bound") if c in data]
        candidates = (
            data[data[first[0]].map(_normalise_text) == _normalise_text(first[1])][shown].to_string(index=False)
            if first is not None and not isinstance(first[1], (list, tuple, set, frozenset))
            else "(no simple first criterion)"
        )
        raise LookupError(
            f"select_claims: expected {expect} claim(s) matching {criteria}, found {len(result)}. "
            f"Claims matching the first criterion:\n{candidates}"
        )
    return result




def _select(claims: pd.DataFrame, selection: Mapping[str, object]) -> pd.DataFrame:
    mask = pd.Series(True, index=claims.index)
    for column, wanted in selection.items():
        if column not in claims:
            raise KeyError(f"Ratio selection uses column {column!r}, which the claims table does not have.")
        mask &= claims[column].map(_normalise_text) == _normalise_text(wanted)
    return claims[mask]

