"""Deprecated: the codebook join and checks moved to :mod:`ecoanalysis.coding` (same names; warns)."""
from ._deprecated import moved

_MODULES = ("codebook", "platforms", "rules", "_csv")
__getattr__ = moved("ecoanalysis.codebook", "ecoanalysis.coding", tuple(f"ecoanalysis.coding.{m}" for m in _MODULES))
