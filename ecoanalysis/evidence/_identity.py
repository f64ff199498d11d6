"""Reduce commit identities (name, e-mail) to pseudonymous author keys.

Alias rules, applied transitively (two identities linked by any rule are one person):

1. the same e-mail address, compared case-insensitively;
2. the same normalised name: Unicode NFKC, case-folded, punctuation and separators (``.``, ``_``, ``-``)
   read as spaces, runs of spaces collapsed;
3. the same name tokens in another order (``Wang Yucao`` and ``Yucao Wang``);
4. GitHub's noreply address ``12345+handle@users.noreply.github.com`` (or ``handle@users.noreply...``)
   is the account ``handle``, which also matches a name written as that handle.

Names too generic to identify anyone (``root``, ``admin``; see ``GENERIC_NAMES``) link nothing by name.
Bots (a named list, ``data/raw/evidence/bots.csv``) get the key ``bot`` and count as nobody.
A key is the first 12 hex digits of sha256 over a fixed salt and the group's smallest canonical
identity, so it is stable across snapshots and reveals no address or name.
"""
from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from .. import config

#: Hand-written list of bot accounts (pattern, kind, note); data, not code.
BOTS_PATH = config.RAW_DIR / "evidence" / "bots.csv"
#: Key of every commit whose author is a bot.
BOT_KEY = "bot"
KEY_LENGTH = 12
_SALT = "ecoanalysis-evidence-author-v1:"
GENERIC_NAMES = frozenset({"root", "admin", "administrator", "user", "ubuntu", "unknown", "localhost", "test", "git"})
_NOREPLY = re.compile(r"^(?:\d+\+)?(?P<handle>[^@]+)@users\.noreply\.github\.com$")
_SEPARATORS = re.compile(r"[\s._\-]+")
_DROP = re.compile(r"[^\w\s]")


def normalise_email(email: str) -> str:
    """Lower-cased, stripped e-mail address."""
    return (email or "").strip().strip("<>").lower()


def github_handle(email: str) -> str | None:
    """The GitHub account of a noreply address, lower-cased; ``None`` for any other address."""
    match = _NOREPLY.match(normalise_email(email))
    return match.group("handle") if match else None


def normalise_name(name: str) -> str:
    """NFKC, case-folded, separators read as spaces, other punctuation dropped, spaces collapsed."""
    text = unicodedata.normalize("NFKC", name or "").casefold()
    text = _DROP.sub(" ", _SEPARATORS.sub(" ", text))
    return " ".join(text.split())


def name_tokens(name: str) -> str:
    """The normalised name's tokens in sorted order (order-free comparison)."""
    return " ".join(sorted(normalise_name(name).split()))


def read_bots(path: Path = BOTS_PATH) -> list[re.Pattern]:
    """Compiled patterns of the bot list (matched against the normalised e-mail and the normalised name)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return [re.compile(row["pattern"], re.IGNORECASE) for row in csv.DictReader(handle)]


def is_bot(name: str, email: str, bots: Iterable[re.Pattern]) -> bool:
    texts = (normalise_email(email), normalise_name(name), (name or "").strip().lower())
    return any(pattern.search(text) for pattern in bots for text in texts)


def _labels(name: str, email: str) -> list[str]:
    """The labels through which an identity links to others (one per alias rule that applies)."""
    labels = []
    address = normalise_email(email)
    if address:
        labels.append("email:" + address)
    handle = github_handle(email)
    if handle:
        labels.append("handle:" + handle)
    normalised = normalise_name(name)
    if normalised and normalised not in GENERIC_NAMES:
        labels.append("tokens:" + name_tokens(name))
        if " " not in normalised:
            labels.append("handle:" + normalised)  # a one-word name may be the GitHub handle
    return labels


def author_keys(identities: Iterable[tuple[str, str]], *, bots: Iterable[re.Pattern] | None = None) -> dict[tuple[str, str], str]:
    """Map each ``(name, email)`` to its pseudonymous key, after the alias rules (union-find over labels)."""
    bots = list(read_bots() if bots is None else bots)
    parent: dict[str, str] = {}

    def find(label: str) -> str:
        while parent.setdefault(label, label) != label:
            parent[label] = parent[parent[label]]
            label = parent[label]
        return label

    people = {}
    for name, email in sorted(set(identities)):
        if is_bot(name, email, bots):
            people[(name, email)] = None
            continue
        labels = _labels(name, email) or ["anonymous:" + name + "\x00" + email]
        people[(name, email)] = labels[0]
        for label in labels[1:]:
            first, other = find(labels[0]), find(label)
            parent[max(first, other)] = min(first, other)
    keys = {}
    for identity, label in people.items():
        if label is None:
            keys[identity] = BOT_KEY
        else:
            digest = hashlib.sha256((_SALT + find(label)).encode("utf-8")).hexdigest()
            keys[identity] = digest[:KEY_LENGTH]
    return keys


def email_keys(identities: Iterable[tuple[str, str]], *, bots: Iterable[re.Pattern] | None = None) -> dict[tuple[str, str], str]:
    """Map each ``(name, email)`` to a key of its e-mail address alone (no alias rules), ``bot`` for bots.

    Counting these keys gives what a count of distinct addresses would: the figure the alias rules are
    measured against.
    """
    bots = list(read_bots() if bots is None else bots)
    keys = {}
    for name, email in set(identities):
        if is_bot(name, email, bots):
            keys[(name, email)] = BOT_KEY
        else:
            digest = hashlib.sha256((_SALT + "address:" + normalise_email(email)).encode("utf-8")).hexdigest()
            keys[(name, email)] = digest[:KEY_LENGTH]
    return keys
