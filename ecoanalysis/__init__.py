"""ecoanalysis: every quantitative claim in the CAICT/Baidu 2021 industrial-intelligence ecosystem report.

Data flows one way through the modules::

    config -> document (load_report) -> engine (parse_quantity) -> mentions (extract_mentions)
           -> coding (codebook join) -> dataset (build, load_*: tables, workbook, datapackage)
           -> evidence (snapshots, counting definitions, verdicts; load_evidence, load_corroboration)
           -> analyses -> plotting

Later stages import earlier ones, never the reverse. Notebooks only call this public API.
"""
from __future__ import annotations

import importlib

from . import config
from ._provenance import RawDataChanged
from ._version import __version__

# Public name -> module that defines it. Modules load on first use (module __getattr__, PEP 562), so
# ``import ecoanalysis`` and ``python -m ecoanalysis extract --help`` do not pay for pandas, pandera,
# matplotlib, statsmodels or openpyxl until a function that needs them is called.
_LAZY: dict[str, str] = {
    "load_report": "document",
    "Report": "document",
    "Block": "document",
    "ReportFormatError": "document",
    "parse_quantity": "engine",
    "extract_mentions": "mentions",
    "Quantity": "engine",
    "CodebookError": "coding",
    "build": "dataset",
    "load_mentions": "dataset",
    "load_claims": "dataset",
    "load_accuracy_pairs": "dataset",
    "load_platforms": "dataset",
    "load_timeline": "dataset",
    "load_evidence": "dataset",
    "load_corroboration": "dataset",
    **{
        name: "analyses"
        for name in (
            "accuracy_changes", "accuracy_claims", "benford_test", "binomial_interval", "claim_inventory",
            "derived_ratios", "ecosystem_scale", "gain_vs_baseline_model", "implied_counts",
            "implied_previous_share", "platforms_by", "precision_mix", "repeated_claims",
            "round_number_heaping", "select_claims", "timeline_events",
        )
    },
    "missing_glyphs": "plotting",
    "save_figure": "plotting",
    "set_theme": "plotting",
}
#: Public submodules, also loaded on first use (``analysis`` is the deprecated name of ``analyses`` and warns).
_SUBMODULES = ("analyses", "analysis", "plotting")


def __getattr__(name: str):
    if name in _SUBMODULES:
        module = importlib.import_module(f".{name}", __name__)
    elif name in _LAZY:
        module = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = module  # later look-ups skip __getattr__
    return module


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


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
