"""The report-specific choices of the analyses, read from ``data/raw/analysis_specs.toml``.

Which subjects a figure compares, which claims a ratio divides and which sentence a question reads are
judgements about one report, so they live in a data file next to the codebook rather than in Python. The
file is checked as a whole when first used; every problem is reported at once with the file and key.
"""
from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import config
from ..coding.rules import CATEGORIES, HOST_KINDS
from ._select import select_claims

__all__ = ["AnalysisSpecs", "AnalysisSpecsError", "RatioSpec", "Selection", "load_specs"]


class AnalysisSpecsError(ValueError):
    """``analysis_specs.toml`` is missing a key or holds a value of the wrong type."""


@dataclass(frozen=True)
class Selection:
    """Claims chosen by column values (``equals``) and text fragments (``contains``), see :func:`select_claims`."""

    equals: Mapping[str, object] = field(default_factory=dict)
    contains: Mapping[str, str] = field(default_factory=dict)
    expect: int | None = None

    def apply(self, claims: pd.DataFrame) -> pd.DataFrame:
        """The matching claims, in report order (raises LookupError unless ``expect`` rows match)."""
        return select_claims(claims, expect=self.expect, contains=dict(self.contains), **dict(self.equals))


@dataclass(frozen=True)
class RatioSpec:
    """A derived ratio: which claim is the numerator and which the denominator.

    ``numerator`` and ``denominator`` are column -> value selections on the claims table, usually
    ``{"subject_en": ..., "metric_en": ...}``; text is compared case- and whitespace-insensitively.
    A ``line`` key can disambiguate a figure stated more than once.
    """

    name: str
    numerator: Mapping[str, object]
    denominator: Mapping[str, object]
    note: str = ""


@dataclass(frozen=True)
class AnalysisSpecs:
    """Everything ``analysis_specs.toml`` holds, checked."""

    path: Path
    interval_claims: Selection
    daily_volume: Selection
    sample_sizes: tuple[int, ...]
    ecosystem_subjects: tuple[str, ...]
    size_categories: tuple[str, ...]
    ratios: tuple[RatioSpec, ...]
    funding: Mapping[str, Selection]
    timeline_years: tuple[int, int]
    academic_markers: tuple[str, ...]
    host_kind_labels: Mapping[str, str]


#: Selections notebook 04 reads, by key under ``[funding]``.
FUNDING_KEYS = ("share", "growth", "research_share", "members", "member_shares")


class _Reader:
    """Walks the parsed TOML, collecting every problem as ``file: key: message``."""

    def __init__(self, path: Path, document: Mapping[str, object]):
        self.path, self.document, self.problems = path, document, []

    def get(self, key: str, kind: type | tuple[type, ...], default: object = ...) -> object:
        node: object = self.document
        for part in key.split("."):
            if not isinstance(node, Mapping) or part not in node:
                if default is not ...:
                    return default
                self.problems.append(f"{self.path}: {key}: missing")
                return kind() if isinstance(kind, type) else kind[0]()
            node = node[part]
        if not isinstance(node, kind) or isinstance(node, bool):
            self.problems.append(f"{self.path}: {key}: expected {getattr(kind, '__name__', kind)}, got {node!r}")
            return kind() if isinstance(kind, type) else kind[0]()
        return node

    def strings(self, key: str) -> tuple[str, ...]:
        values = self.get(key, list)
        if not values or not all(isinstance(value, str) and value.strip() for value in values):
            self.problems.append(f"{self.path}: {key}: expected a non-empty list of non-empty strings, got {values!r}")
        return tuple(values)

    def selection(self, key: str) -> Selection:
        equals = self.get(f"{key}.equals", dict, {})
        contains = self.get(f"{key}.contains", dict, {})
        expect = self.get(f"{key}.expect", int, None)
        if not equals and not contains:
            self.problems.append(f"{self.path}: {key}: a selection needs 'equals' or 'contains'")
        return Selection(equals=equals, contains=contains, expect=expect)

    def ratio(self, index: int, entry: object) -> RatioSpec:
        key = f"ecosystems.ratios[{index}]"
        if not isinstance(entry, Mapping):
            self.problems.append(f"{self.path}: {key}: expected a table, got {entry!r}")
            return RatioSpec("", {}, {})
        sub = _Reader(self.path, {"ratio": entry})
        spec = RatioSpec(sub.get("ratio.name", str), sub.get("ratio.numerator", dict),
                         sub.get("ratio.denominator", dict), sub.get("ratio.note", str, ""))
        self.problems += [problem.replace(": ratio.", f": {key}.") for problem in sub.problems]
        return spec


@functools.lru_cache(maxsize=4)
def load_specs(path: str | Path | None = None) -> AnalysisSpecs:
    """Read and check ``analysis_specs.toml`` (default :data:`ecoanalysis.config.ANALYSIS_SPECS_PATH`).

    Raises
    ------
    FileNotFoundError
        If the file does not exist.
    AnalysisSpecsError
        Listing every missing key or mistyped value, each as ``file: key: problem``.
    """
    path = Path(config.ANALYSIS_SPECS_PATH if path is None else path)
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise AnalysisSpecsError(f"{path}: not valid TOML: {error}") from None
    read = _Reader(path, document)
    start, end = read.get("timeline.start", int), read.get("timeline.end", int)
    specs = AnalysisSpecs(
        path=path,
        interval_claims=read.selection("accuracy.interval_claims"),
        daily_volume=read.selection("accuracy.daily_volume"),
        sample_sizes=tuple(read.get("accuracy.sample_sizes", list)),
        ecosystem_subjects=read.strings("ecosystems.subjects"),
        size_categories=read.strings("ecosystems.categories"),
        ratios=tuple(read.ratio(i, entry) for i, entry in enumerate(read.get("ecosystems.ratios", list))),
        funding={key: read.selection(f"funding.{key}") for key in FUNDING_KEYS},
        timeline_years=(start, end),
        academic_markers=read.strings("hosts.academic_markers"),
        host_kind_labels=read.get("hosts.kind_labels", dict),
    )
    unknown_categories = sorted(set(specs.size_categories) - set(CATEGORIES))
    if unknown_categories:
        read.problems.append(f"{path}: ecosystems.categories: {unknown_categories} are not codebook categories ({', '.join(CATEGORIES)})")
    unknown = sorted(set(specs.host_kind_labels) - set(HOST_KINDS))
    if unknown:
        read.problems.append(f"{path}: hosts.kind_labels: {unknown} are not codebook host kinds ({', '.join(HOST_KINDS)})")
    if not all(isinstance(n, int) and n > 0 for n in specs.sample_sizes):
        read.problems.append(f"{path}: accuracy.sample_sizes: expected positive whole numbers, got {list(specs.sample_sizes)}")
    if read.problems:
        raise AnalysisSpecsError(f"{len(read.problems)} problem(s) in the analysis specifications:\n" + "\n".join(read.problems))
    return specs
