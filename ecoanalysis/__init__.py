"""ecoanalysis: every quantitative claim in the CAICT/Baidu 2021 industrial-intelligence ecosystem report.

Data flows one way through the modules::

    config -> document (load_report) -> quantities (parse_quantity, extract_mentions)
           -> codebook -> claims (build, load_*: tables, workbook, datapackage)
           -> evidence (snapshots, counting definitions, verdicts; load_evidence, load_corroboration)
           -> analyses -> plotting

Later stages import earlier ones, never the reverse. Notebooks only call this public API.
"""
from __future__ import annotations

from . import config
from ._provenance import RawDataChanged
from .document import Block, Report, ReportFormatError, load_report
from .quantities import Quantity, extract_mentions, parse_quantity
from .codebook import CodebookError
from .claims import build, load_accuracy_pairs, load_claims, load_corroboration, load_evidence, load_mentions, load_platforms, load_timeline
from . import analyses, plotting
from .analyses import (
    accuracy_changes,
    accuracy_claims,
    benford_test,
    binomial_interval,
    claim_inventory,
    derived_ratios,
    ecosystem_scale,
    gain_vs_baseline_model,
    implied_counts,
    implied_previous_share,
    platforms_by,
    precision_mix,
    repeated_claims,
    round_number_heaping,
    select_claims,
    timeline_events,
)
from .plotting import missing_glyphs, save_figure, set_theme

__version__ = "0.1.0"


def __getattr__(name: str):
    # ecoanalysis.analysis is the deprecated name of ecoanalysis.analyses; imported (and warning) on first use.
    if name == "analysis":
        import importlib

        return importlib.import_module(f"{__name__}.analysis")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    # paths and raw data
    "config",
    "RawDataChanged",
    # document model
    "load_report",
    "Report",
    "Block",
    "ReportFormatError",
    # quantity engine
    "parse_quantity",
    "extract_mentions",
    "Quantity",
    # claims dataset
    "build",
    "load_mentions",
    "load_claims",
    "load_accuracy_pairs",
    "load_platforms",
    "load_timeline",
    "load_evidence",
    "load_corroboration",
    "CodebookError",
    # analyses
    "analyses",
    "analysis",
    "select_claims",
    "claim_inventory",
    "precision_mix",
    "accuracy_claims",
    "accuracy_changes",
    "gain_vs_baseline_model",
    "binomial_interval",
    "ecosystem_scale",
    "derived_ratios",
    "implied_previous_share",
    "implied_counts",
    "timeline_events",
    "round_number_heaping",
    "benford_test",
    "repeated_claims",
    "platforms_by",
    # figures
    "plotting",
    "set_theme",
    "save_figure",
    "missing_glyphs",
]
