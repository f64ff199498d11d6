"""Counting definitions: every figure computed from the snapshots, each under a named definition.

A definition reads one or more repository histories (:class:`History`, from a ``*.commits.csv.gz``
snapshot) and a cut-off instant and returns a number (a count) or a date. Several repositories are
combined by set union (a commit or an author key counted once however many repositories hold it).
"""
from __future__ import annotations

import csv
import datetime
import gzip
import io
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .._provenance import sidecar_sha256_problem
from .._text import format_number
from .snapshot import EVIDENCE_DIR, SnapshotError, stem

#: Time zone of the report's dates (China Standard Time).
CST = datetime.timezone(datetime.timedelta(hours=8))


def cutoff_for(as_of: int) -> datetime.datetime:
    """The instant a figure "as of" year ``as_of`` (截至 2020 年底) refers to: next 1 January, 00:00 +08:00."""
    return datetime.datetime(int(as_of) + 1, 1, 1, tzinfo=CST)


def year_start(as_of: int) -> datetime.datetime:
    return datetime.datetime(int(as_of), 1, 1, tzinfo=CST)


@dataclass
class History:
    """One repository's commit graph as a snapshot holds it."""

    repo: str
    parents: dict[str, tuple[str, ...]] = field(default_factory=dict)
    author: dict[str, str] = field(default_factory=dict)
    address: dict[str, str] = field(default_factory=dict)
    author_time: dict[str, int] = field(default_factory=dict)
    committer_time: dict[str, int] = field(default_factory=dict)
    refs: dict[str, tuple[str, int]] = field(default_factory=dict)
    head: str = ""
    #: Commit sets already walked (see :func:`_commit_set`), and already cut to a time window (:func:`_window`).
    commit_sets: dict[str, set[str]] = field(default_factory=dict, repr=False, compare=False)
    windows: dict[tuple[str, float, float], set[str]] = field(default_factory=dict, repr=False, compare=False)

    def reachable(self, tips: Iterable[str]) -> set[str]:
        """Every commit reachable from ``tips`` through parent links (the tips included)."""
        seen: set[str] = set()
        stack = [tip for tip in tips if tip in self.parents]
        while stack:
            commit = stack.pop()
            if commit not in seen:
                seen.add(commit)
                stack.extend(p for p in self.parents[commit] if p in self.parents)
        return seen

    def tips(self, prefix: str) -> list[str]:
        return [target for name, (target, _) in self.refs.items() if name.startswith(prefix)]


def open_snapshot(path: Path) -> io.TextIOWrapper:
    """A snapshot's CSV text, streamed from its gzip, after checking its sha256 against its sidecar (SnapshotError)."""
    path = Path(path)
    sidecar = path.with_name(path.name.replace(".csv.gz", ".meta.json"))
    if not sidecar.is_file():
        raise SnapshotError([f"{path}: sidecar {sidecar.name} not found"])
    data = path.read_bytes()
    if problem := sidecar_sha256_problem(path, data, sidecar):
        raise SnapshotError([problem])
    # Streamed rather than decompressed whole: the largest history is read row by row.
    return io.TextIOWrapper(gzip.GzipFile(fileobj=io.BytesIO(data)), encoding="utf-8", newline="")


def read_snapshot_bytes(path: Path) -> bytes:
    """The decompressed bytes of a snapshot after checking its sha256 against its sidecar (SnapshotError)."""
    with open_snapshot(path) as text:
        return text.buffer.read()


def iter_rows(path: Path) -> Iterator[dict[str, str]]:
    """A checked snapshot's rows, one at a time."""
    with open_snapshot(path) as text:
        yield from csv.DictReader(text)


def read_rows(path: Path) -> list[dict[str, str]]:
    return list(iter_rows(path))


def history_path(repo: str, directory: Path = EVIDENCE_DIR) -> Path:
    """Where the commit snapshot of ``repo`` is (or would be)."""
    return Path(directory) / f"{stem(repo)}.commits.csv.gz"


def load_history(repo: str, *, directory: Path = EVIDENCE_DIR) -> History | None:
    """The history of ``repo`` from its snapshot, or ``None`` if there is no snapshot."""
    path = history_path(repo, directory)
    if not path.is_file():
        return None
    history = History(repo)
    intern = sys.intern
    # One string object per hash and per key (sys.intern): a hash is stored as a commit and again as each
    # child's parent, a key once per commit, and the largest scope holds ~67k commits at once. Rows are
    # read as lists, not dicts (csv.DictReader costs the build a third of a second on 130k rows).
    with open_snapshot(path) as text:
        rows = csv.reader(text)
        column = {name: index for index, name in enumerate(next(rows, []))}
        record, ident, target = column["record"], column["id"], column["target"]
        parents, author, email = column["parents"], column["author_key"], column.get("email_key")
        author_time, committer_time = column["author_time"], column["committer_time"]
        for row in rows:
            if row[record] == "commit":
                commit = intern(row[ident])
                history.parents[commit] = tuple(intern(parent) for parent in row[parents].split())
                history.author[commit] = intern(row[author])
                history.address[commit] = intern((row[email] if email is not None else "") or row[author])
                history.author_time[commit] = int(row[author_time])
                history.committer_time[commit] = int(row[committer_time])
            elif row[record] == "ref":
                history.refs[row[ident]] = (row[target], int(row[committer_time] or 0))
            else:
                history.head = row[target]
    return history


def _before(history: History, commits: set[str], end: datetime.datetime, start: datetime.datetime | None = None) -> set[str]:
    hi, lo, times = end.timestamp(), start.timestamp() if start else float("-inf"), history.committer_time
    return {c for c in commits if lo <= times[c] < hi}


def _window(h: History, which: str, end: datetime.datetime, start: datetime.datetime | None) -> set[str]:
    """The commits of ``h`` in scope ``which`` committed in [start, end), cut once per history however many
    definitions ask (commits and authors of one scope and year share it). The set is shared: do not modify it."""
    key = (which, start.timestamp() if start else float("-inf"), end.timestamp())
    if key not in h.windows:
        h.windows[key] = _before(h, _commit_set(h, which), end, start)
    return h.windows[key]


def _default_branch(h: History) -> set[str]:
    return h.reachable([h.refs[h.head][0]] if h.head in h.refs else [])


def _any_branch(h: History) -> set[str]:
    return h.reachable(h.tips("refs/heads/"))


def _any_ref(h: History) -> set[str]:
    return set(h.parents)


_COMMIT_SETS: dict[str, Callable[[History], set[str]]] = {
    "default_branch": _default_branch,
    "any_branch": _any_branch,
    "any_ref": _any_ref,
}


def _commit_set(h: History, which: str) -> set[str]:
    """The commits of ``h`` in scope ``which``, walked once per history however many definitions ask."""
    if which not in h.commit_sets:
        h.commit_sets[which] = _COMMIT_SETS[which](h)
    return h.commit_sets[which]


@dataclass(frozen=True)
class Definition:
    """A named way of counting: what it counts, in words, and how.

    ``part`` reads one history (with the year's start and the cut-off) and returns what that history adds:
    a set of commits or keys, a count, an earliest time. ``combine`` turns the parts of every repository of
    a scope into the figure (a union of sets, a sum, a minimum), so that histories can be read one at a time.
    """

    name: str
    description: str
    unit: str
    part: Callable[[History, datetime.datetime, datetime.datetime], object]
    combine: Callable[[list], object]


def _union_size(parts: list[set[str]]) -> int:
    return len(set().union(*parts) - {"bot"})


def _commits(which: str, in_year: bool):
    return lambda h, start, end: _window(h, which, end, start if in_year else None)


def _authors(which: str, in_year: bool, attribute: str = "author"):
    def part(h, start, end):
        key = getattr(h, attribute)
        return {key[c] for c in _window(h, which, end, start if in_year else None)}
    return part


def _tags(in_year: bool):
    def part(h, start, end):
        lo = start.timestamp() if in_year else float("-inf")
        return sum(1 for name, (_, when) in h.refs.items() if name.startswith("refs/tags/") and lo <= when < end.timestamp())
    return part


def _first_commit(h, start, end):
    return min((h.author_time[c] for c in _commit_set(h, "default_branch")), default=None)


def _first_tag(h, start, end):
    return min((when for name, (_, when) in h.refs.items() if name.startswith("refs/tags/")), default=None)


def _earliest_date(parts: list[int | None]) -> datetime.date | None:
    times = [t for t in parts if t is not None]
    return _date(min(times)) if times else None


def _date(seconds: int) -> datetime.date:
    return datetime.datetime.fromtimestamp(seconds, CST).date()


_SCOPE_WORDS = {"default_branch": "reachable from the default branch", "any_branch": "on any branch",
                "any_ref": "reachable from any branch or tag"}

DEFINITIONS: dict[str, Definition] = {}
for _which, _words in _SCOPE_WORDS.items():
    # A commit hash is never "bot", so one union rule serves commits and author keys alike.
    DEFINITIONS[f"commits_{_which}"] = Definition(f"commits_{_which}", f"commits {_words}, committed before the cut-off", "count", _commits(_which, False), _union_size)
    DEFINITIONS[f"commits_{_which}_in_year"] = Definition(f"commits_{_which}_in_year", f"commits {_words}, committed in the claim's year", "count", _commits(_which, True), _union_size)
    DEFINITIONS[f"authors_{_which}"] = Definition(f"authors_{_which}", f"distinct author keys (bots excluded) of commits {_words} before the cut-off", "count", _authors(_which, False), _union_size)
    DEFINITIONS[f"authors_{_which}_in_year"] = Definition(f"authors_{_which}_in_year", f"distinct author keys of commits {_words} in the claim's year", "count", _authors(_which, True), _union_size)
DEFINITIONS["emails_any_branch"] = Definition("emails_any_branch", "distinct author e-mail addresses (no alias rules, bots excluded) of commits on any branch before the cut-off", "count", _authors("any_branch", False, "address"), _union_size)
DEFINITIONS["release_tags"] = Definition("release_tags", "tags created before the cut-off", "count", _tags(False), sum)
DEFINITIONS["release_tags_in_year"] = Definition("release_tags_in_year", "tags created in the claim's year", "count", _tags(True), sum)
DEFINITIONS["first_commit"] = Definition("first_commit", "date (+08:00) of the earliest authored commit on the default branch", "date", _first_commit, _earliest_date)
DEFINITIONS["first_tag"] = Definition("first_tag", "date (+08:00) of the earliest tag", "date", _first_tag, _earliest_date)


def _spec(definition: str) -> Definition:
    try:
        return DEFINITIONS[definition]
    except KeyError:
        raise KeyError(f"unknown counting definition {definition!r}; known: {', '.join(DEFINITIONS)}") from None


def measure_part(definition: str, history: History, as_of: int):
    """What one history adds to ``definition`` for a claim as of year ``as_of`` (see :func:`combine`)."""
    return _spec(definition).part(history, year_start(as_of), cutoff_for(as_of))


def combine(definition: str, parts: list):
    """Value of ``definition`` over the parts of every history of a scope (from :func:`measure_part`)."""
    return _spec(definition).combine(list(parts))


def measure(definition: str, histories: list[History], as_of: int):
    """Value of ``definition`` over ``histories`` for a claim as of year ``as_of``."""
    return combine(definition, [measure_part(definition, h, as_of) for h in histories])


#: Columns of :func:`load_numbers`' rows: where a number stands (file version and line) and how it reads.
NUMBER_COLUMNS = ("path", "commit", "committer_time", "committer_tz", "kind", "line", "surface", "value", "value_high",
                  "unit", "counter", "bound", "context_before", "context_after")
#: Characters of context kept on each side of a number (enough for 开发者 before or after it).
CONTEXT_CHARS = 8
#: The first cell of a Markdown table row: a numbered registry lists its entries as | 1 | ... |.
_TABLE_ROW = re.compile(r"^\s*\|\s*(?P<first>[^|]*?)\s*\|")


def load_numbers(repo: str, *, directory: Path = EVIDENCE_DIR) -> list[dict[str, str]]:
    """Numbers in every snapshotted version of the tracked files of ``repo`` (empty if none were tracked).

    The snapshot holds the files' text; the numbers are read here, by the package's own engine, so that
    they are a pure function of raw data and code.
    """
    path = Path(directory) / f"{stem(repo)}.files.csv.gz"
    if not path.is_file():
        return []
    rows = [row for version in read_rows(path) for row in number_rows(version)]
    rows.sort(key=lambda row: (row["path"], int(row["committer_time"]), row["commit"], row["kind"], int(row["line"]), row["surface"]))
    return rows


def number_rows(version: dict[str, str]) -> list[dict[str, str]]:
    """The numbers of one file version: engine mentions (names, URLs, codes left out) and table indexes."""
    from ..engine import parse_quantity
    from ..mentions import extract_mentions

    text = version["text"]
    where = {name: version[name] for name in ("path", "commit", "committer_time", "committer_tz")}
    rows = []
    for m in extract_mentions(text).itertuples(index=False):
        if _cell(m.unit) == "" or _cell(m.name_like) == "True":
            continue
        before = text[max(0, m.char_start - CONTEXT_CHARS):m.char_start].replace("\n", " ")
        after = text[m.char_end:m.char_end + CONTEXT_CHARS].replace("\n", " ")
        rows.append({**where, "kind": "mention", "line": str(m.line), "surface": m.surface, "value": format_number(m.value),
                     "value_high": format_number(m.value_high), "unit": m.unit, "counter": _cell(m.counter),
                     "bound": _cell(m.bound), "context_before": before, "context_after": after})
    for number, line in enumerate(text.splitlines(), start=1):
        match = _TABLE_ROW.match(line)
        quantity = parse_quantity(match.group("first")) if match and match.group("first").isdigit() else None
        if quantity is not None and quantity.unit == "count":
            rows.append({**where, "kind": "table_index", "line": str(number), "surface": match.group("first"),
                         "value": format_number(quantity.value), "value_high": "", "unit": "count", "counter": "",
                         "bound": "eq", "context_before": "", "context_after": ""})
    return rows


def _cell(value) -> str:
    return "" if value is None or str(value) == "<NA>" else str(value)
