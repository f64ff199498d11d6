"""Question 05, when did it happen: dated events with real dates, each event once."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ._select import _normalise_text, _require
from ._specs import load_specs
from .inventory import claim_inventory

__all__ = ["TimelineResult", "distinct_events", "timeline_events", "timeline_summary"]


def timeline_events(timeline: pd.DataFrame, *, start: int | None = None, end: int | None = None) -> pd.DataFrame:
    """Dated events between ``start`` and ``end`` with real dates for plotting.

    An event is kept when its span (``year``..``year_end``) overlaps ``start``..``end``, so the
    plan "2020-2030 年" is kept for 2010-2021 while "2035 年远景目标" is not.

    Parameters
    ----------
    timeline : DataFrame
        Needs ``year``; uses ``month``, ``year_end``, ``month_end`` when present.
    start, end : int, optional
        Inclusive years; default the ``[timeline]`` years of ``data/raw/analysis_specs.toml``.

    Returns
    -------
    DataFrame
        The input columns plus ``date_start`` (first day of the month, or 1 January when only the year
        is given), ``date_end`` (last day of the end month/year, or of the start month/year for a
        point event) and ``precision`` (``"month"`` or ``"year"``), sorted by ``date_start`` then
        ``line``.
    """
    _require(timeline, ("year",), "timeline_events")
    default_start, default_end = load_specs().timeline_years
    start, end = (default_start if start is None else start), (default_end if end is None else end)
    if start > end:
        raise ValueError(f"start ({start}) is after end ({end}).")
    data = timeline.copy()

    def column(name: str) -> pd.Series:
        return data[name] if name in data else pd.Series(pd.NA, index=data.index)

    year = column("year").astype("Int64")
    month = column("month").astype("Int64")
    is_period = column("year_end").notna()
    year_end = column("year_end").astype("Int64").fillna(year)
    # A period without an end month ends in December; a point event ends with its own month (or year).
    default_end_month = month.fillna(12).where(~is_period, 12)
    month_end = column("month_end").astype("Int64").fillna(default_end_month)

    data["precision"] = np.where(month.notna(), "month", "year")
    data["date_start"] = pd.to_datetime(
        pd.DataFrame({"year": year, "month": month.fillna(1), "day": 1}).astype("int64")
    )
    end_first_day = pd.to_datetime(pd.DataFrame({"year": year_end, "month": month_end, "day": 1}).astype("int64"))
    data["date_end"] = end_first_day + pd.offsets.MonthEnd(0)
    keep = (year <= end) & (year_end >= start)
    data = data[keep.fillna(False).astype(bool)]
    sort = ["date_start", "line"] if "line" in data else ["date_start"]
    return data.sort_values(sort, kind="stable").reset_index(drop=True)


def distinct_events(events: pd.DataFrame) -> pd.DataFrame:
    """Drop restatements of an event: rows with the same dates, ``subject_en`` and ``event_en``.

    The report dates some events twice (the 14th five-year plan, "今年 3 月", in chapters 2 and 4); a
    timeline should show each once. Text is compared case- and whitespace-insensitively; the first
    mention (lowest ``line``) is kept.

    Returns
    -------
    DataFrame
        ``events`` without the repeats, in its original order, index reset, plus ``n_mentions`` (how
        many rows the kept event stands for).
    """
    _require(events, ("year",), "distinct_events")
    keys = [c for c in ("year", "month", "year_end", "month_end", "subject_en", "event_en") if c in events]
    data = events.copy()
    order = data.sort_values("line", kind="stable").index if "line" in data else data.index
    signature = pd.Series(
        ["\x1f".join("" if pd.isna(value) else str(_normalise_text(value)) for value in row) for row in data[keys].itertuples(index=False)],
        index=data.index,
    )
    counts = signature.map(signature.value_counts())
    first = ~signature.loc[order].duplicated(keep="first")
    keep = first.reindex(data.index)
    result = data[keep.to_numpy(dtype=bool)].copy()
    result["n_mentions"] = counts[keep.to_numpy(dtype=bool)].astype(int).to_numpy()
    return result.reset_index(drop=True)



@dataclass(frozen=True)
class TimelineResult:
    """What notebook 05 reports.

    ``events`` are the dated statements within ``start``..``end`` (:func:`timeline_events`), ``distinct``
    each event once (:func:`distinct_events`), ``restated`` the events stated more than once, ``per_year``
    distinct events per start year, ``outside`` the dated claims outside the years. ``first``, ``last``
    and ``busiest_year`` are rows of ``distinct`` and ``per_year`` (``None`` when no event is dated).
    """

    start: int
    end: int
    events: pd.DataFrame
    distinct: pd.DataFrame
    restated: pd.DataFrame
    per_year: pd.DataFrame
    outside: pd.DataFrame
    first: pd.Series | None
    last: pd.Series | None
    busiest_year: pd.Series | None
    n_to_the_month: int
    n_periods: int


def timeline_summary(timeline: pd.DataFrame, *, specs=None) -> TimelineResult:
    """Everything notebook 05 shows, for the ``[timeline]`` years of the specifications."""
    start, end = (specs or load_specs()).timeline_years
    events = timeline_events(timeline, start=start, end=end)
    distinct = distinct_events(events)
    per_year = claim_inventory(distinct, by="year", kinds=None)
    key = "mention_id" if "mention_id" in timeline else None
    outside = timeline[~timeline[key].isin(events[key])] if key else timeline.iloc[0:0]
    has_events = not distinct.empty
    return TimelineResult(
        start=start, end=end, events=events, distinct=distinct,
        restated=distinct[distinct["n_mentions"] > 1], per_year=per_year, outside=outside,
        first=distinct.iloc[0] if has_events else None, last=distinct.iloc[-1] if has_events else None,
        busiest_year=per_year.sort_values("n", ascending=False, kind="stable").iloc[0] if has_events else None,
        n_to_the_month=int((distinct["precision"] == "month").sum()) if has_events else 0,
        n_periods=int(distinct["year_end"].notna().sum()) if has_events and "year_end" in distinct else 0,
    )
