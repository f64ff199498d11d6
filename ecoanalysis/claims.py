"""Deprecated: the build, tables, writers and loaders moved to :mod:`ecoanalysis.dataset` (same names; warns)."""
from ._deprecated import moved

_MODULES = ("pipeline", "load", "tables", "writers")
__getattr__ = moved("ecoanalysis.claims", "ecoanalysis.dataset", tuple(f"ecoanalysis.dataset.{m}" for m in _MODULES))
