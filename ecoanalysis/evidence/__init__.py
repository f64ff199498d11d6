"""Corroboration stage: hold the report's claims against independent evidence.

Modules, in the order data flows through them:

``snapshot``    a local git mirror -> compact, pseudonymous tables in ``data/raw/evidence/`` (the only writer there)
``_identity``   alias rules and pseudonymous author keys, bots excluded
``metrics``     named counting definitions computed from the snapshots at a claim's cut-off
``verdicts``    tolerance from a claim's bound and written precision; consistent / inconsistent / bracketed / not_checkable
``statements``  the hand-written public statements, validated
``tables``      the ``evidence`` and ``corroboration`` tables the claims build writes

Only the build (``ecoanalysis.dataset.pipeline``) and the command line import this package.
"""
from __future__ import annotations

__all__ = ["snapshot", "metrics", "verdicts", "statements", "tables"]
