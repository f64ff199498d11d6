"""Deprecated: the table contracts moved to :mod:`ecoanalysis.dataset.schemas` (same names; warns)."""
from ._deprecated import moved

__getattr__ = moved("ecoanalysis.schemas", "ecoanalysis.dataset.schemas", ("ecoanalysis.dataset.schemas",))
