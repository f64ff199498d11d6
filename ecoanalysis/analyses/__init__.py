"""Analyses of the processed claim tables: every number a notebook reports comes from a function here.

The functions take the processed tables (``load_claims()``, ``load_accuracy_pairs()``, ``load_platforms()``,
``load_timeline()``) and return DataFrames or small frozen dataclasses; none of them writes files or draws.
Percentages are in percent units (95 means 95 %) as in the tables; fractions (0.75) are named as such.
Functions that take the claims table keep only rows with ``kind == "claim"`` when a ``kind`` column is
present, so the mentions table (which also holds structural numbers and noise) can be passed as well.

One module per notebook question. Its ``*_summary`` function returns a frozen result object holding
every table the notebook shows and every number its prose quotes, so the notebook computes nothing.
Report-specific choices (ratios, subjects, selections) are data in
``data/raw/analysis_specs.toml`` (:func:`load_specs`):

====  ==============  ===========================================================================
 01   ``inventory``   :func:`inventory_summary`; :func:`claim_inventory`, :func:`precision_mix`
 02   ``accuracy``    :func:`accuracy_summary`; :func:`accuracy_changes`, :func:`gain_vs_baseline_model`
 03   ``scale``       :func:`scale_summary`; :func:`ecosystem_scale`, :func:`derived_ratios`
 04   ``funding``     :func:`funding_summary`; :func:`implied_previous_share`, :func:`implied_counts`
 05   ``timeline``    :func:`timeline_summary`; :func:`timeline_events`, :func:`distinct_events`
 06   ``precision``   :func:`precision_summary`; :func:`round_number_heaping`, :func:`benford_test`
 07   ``hosts``       :func:`hosts_summary`; :func:`platforms_by`, :func:`academic_hosts`
 --   ``_select``     :func:`select_claims`, :func:`clause_with`, precision classes
 --   ``_stats``      :func:`binomial_interval`, :func:`benford_test`, significant digits
====  ==============  ===========================================================================
"""
from __future__ import annotations

from .._measures import log_odds_change, percentage_point_change, relative_change, relative_error_reduction
from ._select import PRECISION_CLASS, PRECISION_CLASSES, clause_with, select_claims
from ._specs import AnalysisSpecs, AnalysisSpecsError, RatioSpec, Selection, load_specs
from ._stats import (
    BENFORD_DIGITS,
    BenfordResult,
    SmallSampleWarning,
    benford_expected,
    benford_power,
    benford_test,
    binomial_interval,
    first_significant_digit,
    significant_digits,
)
from .inventory import InventoryResult, claim_inventory, inventory_summary, precision_mix, precision_table
from .accuracy import AccuracyResult, GainModel, accuracy_changes, accuracy_claims, accuracy_summary, gain_vs_baseline_model
from .scale import ScaleResult, derived_ratios, ecosystem_scale, ratio_bound, scale_summary
from .funding import FundingResult, funding_summary, implied_counts, implied_previous_share
from .timeline import TimelineResult, distinct_events, timeline_events, timeline_summary
from .precision import (
    RESTATEMENT,
    SAME_NUMBER,
    CoincidentNumber,
    PrecisionResult,
    benford_values,
    precision_summary,
    repeated_claims,
    round_number_heaping,
)
from .hosts import HostsResult, academic_hosts, host_kind_layout, hosts_summary, platforms_by

__all__ = [
    "ACADEMIC_HOST_MARKERS",
    "BENFORD_DIGITS",
    "ECOSYSTEM_SUBJECTS",
    "PRECISION_CLASS",
    "PRECISION_CLASSES",
    "RATIO_SPECS",
    "RESTATEMENT",
    "SAME_NUMBER",
    "AccuracyResult",
    "AnalysisSpecs",
    "AnalysisSpecsError",
    "BenfordResult",
    "CoincidentNumber",
    "FundingResult",
    "GainModel",
    "HostsResult",
    "InventoryResult",
    "PrecisionResult",
    "RatioSpec",
    "ScaleResult",
    "Selection",
    "SmallSampleWarning",
    "TimelineResult",
    "academic_hosts",
    "accuracy_changes",
    "accuracy_claims",
    "accuracy_summary",
    "benford_expected",
    "benford_power",
    "benford_test",
    "benford_values",
    "binomial_interval",
    "claim_inventory",
    "clause_with",
    "derived_ratios",
    "distinct_events",
    "ecosystem_scale",
    "first_significant_digit",
    "funding_summary",
    "gain_vs_baseline_model",
    "host_kind_layout",
    "hosts_summary",
    "implied_counts",
    "implied_previous_share",
    "inventory_summary",
    "load_specs",
    "log_odds_change",
    "percentage_point_change",
    "platforms_by",
    "precision_mix",
    "precision_summary",
    "precision_table",
    "ratio_bound",
    "relative_change",
    "relative_error_reduction",
    "repeated_claims",
    "round_number_heaping",
    "scale_summary",
    "select_claims",
    "significant_digits",
    "timeline_events",
    "timeline_summary",
]

# Constants that used to be typed in Python and now come from analysis_specs.toml, read on first use.
_FROM_SPECS = {
    "RATIO_SPECS": "ratios",
    "ECOSYSTEM_SUBJECTS": "ecosystem_subjects",
    "ACADEMIC_HOST_MARKERS": "academic_markers",
}


def __getattr__(name: str):
    if name in _FROM_SPECS:
        return getattr(load_specs(), _FROM_SPECS[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
