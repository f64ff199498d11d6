"""Coding: the human judgement (``data/raw/codebook*.csv``) joined to the engine's mentions and checked.

* :mod:`~ecoanalysis.coding.rules`: the vocabularies, definitions and coding rules a coder applies;
* :mod:`~ecoanalysis.coding.codebook`: the mention codebook's format, row checks and join;
* :mod:`~ecoanalysis.coding.platforms`: the codebook of table 1 (host kinds, English names).

Every problem of a codebook is reported at once in one :class:`CodebookError`.
"""
from __future__ import annotations

from ._csv import CodebookError
from .codebook import (
    apply_codebook,
    assign_mention_ids,
    check_codebook_rows,
    check_pairs,
    codebook_template,
    join_codebook,
    make_mention_id,
    read_codebook,
    read_codebook_with_problems,
)
from .platforms import PLATFORM_CODEBOOK_COLUMNS, PLATFORM_CODEBOOK_PATH, join_platforms, read_platform_codebook
from .rules import (
    AS_OF_RANGE,
    CATEGORIES,
    CATEGORY_DEFINITIONS,
    CLAIM_REQUIRED_FIELDS,
    CODEBOOK_COLUMNS,
    CODED_COLUMNS,
    CODING_RULES,
    FIRST_DATA_ROW,
    HOST_KIND_DEFINITIONS,
    HOST_KINDS,
    KEY_COLUMNS,
    KIND_DEFINITIONS,
    KINDS,
    ROLES,
    VALUE_RELATIVE_TOLERANCE,
)

__all__ = [
    "CodebookError",
    "apply_codebook",
    "assign_mention_ids",
    "check_codebook_rows",
    "check_pairs",
    "codebook_template",
    "join_codebook",
    "make_mention_id",
    "read_codebook",
    "read_codebook_with_problems",
    "PLATFORM_CODEBOOK_COLUMNS",
    "PLATFORM_CODEBOOK_PATH",
    "join_platforms",
    "read_platform_codebook",
    "AS_OF_RANGE",
    "CATEGORIES",
    "CATEGORY_DEFINITIONS",
    "CLAIM_REQUIRED_FIELDS",
    "CODEBOOK_COLUMNS",
    "CODED_COLUMNS",
    "CODING_RULES",
    "FIRST_DATA_ROW",
    "HOST_KIND_DEFINITIONS",
    "HOST_KINDS",
    "KEY_COLUMNS",
    "KIND_DEFINITIONS",
    "KINDS",
    "ROLES",
    "VALUE_RELATIVE_TOLERANCE",
]
