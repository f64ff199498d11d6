"""Modules that moved: a thin alias at the old name warns once and hands every look-up to the new modules."""
from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable
from typing import Any


def moved(old: str, replacement: str, modules: tuple[str, ...]) -> Callable[[str], Any]:
    """Warn that ``old`` is deprecated and return the module ``__getattr__`` that finds names in ``modules``.

    Parameters
    ----------
    old : str
        The deprecated module's name (``ecoanalysis.claims``).
    replacement : str
        What to import instead, named in the warning.
    modules : tuple of str
        Where the names live now, searched in this order.
    """
    # stacklevel 3: the warning points at the import of the alias, not at the alias or this helper.
    warnings.warn(f"{old} is deprecated; use {replacement} (same names).", DeprecationWarning, stacklevel=3)

    def __getattr__(name: str) -> Any:
        for module in modules:
            found = importlib.import_module(module)
            if hasattr(found, name):
                return getattr(found, name)
        raise AttributeError(f"module {old!r} has no attribute {name!r} (see {replacement})")

    return __getattr__
