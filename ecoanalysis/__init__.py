"""ecoanalysis: every quantitative claim in the CAICT/Baidu 2021 industrial-intelligence ecosystem report.

Data flows one way through the modules::

    config -> document (load_report) -> quantities (parse_quantity, extract_mentions)
           -> codebook -> build (claims tables, workbook, datapackage) -> analysis -> plotting

Later stages import earlier ones, never the reverse. Notebooks only call this public API.
"""
from __future__ import annotations

from . import config
from ._provenance import RawDataChanged
from .document import Block, Report, load_report

__version__ = "0.1.0"

__all__ = [
    "Block",
    "Report",
    "load_report",
    "RawDataChanged",
    "config",
]
