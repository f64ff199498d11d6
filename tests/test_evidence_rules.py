"""Alias rules, the cut-off's time zone, and the verdict table: each bound inside and just outside its tolerance."""
from __future__ import annotations

import datetime
import math

import pytest

from ecoanalysis.evidence import _identity, metrics, verdicts
from ecoanalysis.evidence.verdicts import Interval, count_interval, date_interval, precision_step, verdict

BOTS = _identity.read_bots()


def keys(*identities):
    result = _identity.author_keys(identities, bots=BOTS)
    return [result[identity] for identity in identities]


@pytest.mark.parametrize("first, second", [
    (("Wang Yucao", "wyc@example.org"), ("wyc", "WYC@Example.org")),                 # same e-mail, any case
    (("Wang Yucao", "a@example.org"), ("wang.yucao", "b@example.org")),              # same normalised name
    (("Wang Yucao", "a@example.org"), ("Yucao  WANG", "c@example.org")),             # same tokens, other order
    (("yucaowang", "a@example.org"), ("Someone", "12345+yucaowang@users.noreply.github.com")),  # noreply handle
    (("X", "12345+handle@users.noreply.github.com"), ("Y", "handle@users.noreply.github.com")),  # with and without id
])
def test_alias_rules_join_one_person(first, second):
    one, other = keys(first, second)
    assert one == other and len(one) == _identity.KEY_LENGTH and one != _identity.BOT_KEY


def test_links_are_transitive():
    # a~b by e-mail, b~c by name: one person although a and c share nothing.
    a, b, c = keys(("Ann Lee", "x@example.org"), ("alee", "x@example.org"), ("alee", "y@example.org"))
    assert a == b == c


@pytest.mark.parametrize("first, second", [
    (("Wang Yucao", "a@example.org"), ("Wang Yu", "b@example.org")),
    (("root", "a@example.org"), ("root", "b@example.org")),  # a generic name identifies nobody
])
def test_different_people_stay_apart(first, second):
    one, other = keys(first, second)
    assert one != other


@pytest.mark.parametrize("bot", [("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com"),
                                 ("paddle-bot", "x@example.org"), ("GitHub", "noreply@github.com")])
def test_bots_are_nobody(bot):
    assert keys(bot) == [_identity.BOT_KEY]


def test_key_reveals_no_identity_and_is_stable():
    (key,) = keys(("Wang Yucao", "wyc@example.org"))
    assert "wyc" not in key and key == keys(("Wang Yucao", "wyc@example.org"))[0]


def test_cutoff_is_midnight_in_china():
    cutoff = metrics.cutoff_for(2020)
    assert cutoff.isoformat() == "2021-01-01T00:00:00+08:00"
    assert cutoff.astimezone(datetime.timezone.utc).isoformat() == "2020-12-31T16:00:00+00:00"


def test_commits_around_the_cutoff_are_counted_in_beijing_time():
    cst, est = datetime.timezone(datetime.timedelta(hours=8)), datetime.timezone(datetime.timedelta(hours=-5))
    times = {
        "a": datetime.datetime(2020, 12, 31, 23, 59, tzinfo=cst),   # before
        "b": datetime.datetime(2021, 1, 1, 0, 0, tzinfo=cst),       # at the cut-off: after
        "c": datetime.datetime(2020, 12, 31, 11, 30, tzinfo=est),   # 2021-01-01 00:30 in Beijing: after
        "d": datetime.datetime(2020, 12, 31, 10, 30, tzinfo=est),   # 23:30 in Beijing: before
    }
    history = metrics.History("t/t", parents={"a": (), "b": ("a",), "c": ("b",), "d": ("c",)},
                              author={k: k for k in times}, author_time={k: int(t.timestamp()) for k, t in times.items()},
                              committer_time={k: int(t.timestamp()) for k, t in times.items()},
                              refs={"refs/heads/main": ("d", 0)}, head="refs/heads/main")
    assert metrics.measure("commits_default_branch", [history], 2020) == 2


@pytest.mark.parametrize("surface, value, step", [
    ("7.7 万", 77000, 1000), ("320 万", 3_200_000, 100_000), ("660 次", 660, 10), ("37 人", 37, 1),
    ("12 万家", 120_000, 10_000), ("两批", 2, 1), ("65000 多名", 65000, 1000),
])
def test_precision_step_is_the_last_written_digit(surface, value, step):
    assert precision_step(surface, value) == pytest.approx(step)


def point(x):
    return Interval(x, x)


# bound, value, step, inside, just outside
VERDICT_TABLE = [
    ("eq", 77000, 1000, 76500, 76499),
    ("eq", 77000, 1000, 77499, 77500),
    ("eq", 37, 1, 37, 38),
    ("gt", 160000, 10000, 160001, 160000),
    ("ge", 160000, 10000, 160000, 159999),
    ("lt", 100, 10, 99, 100),
    ("le", 100, 10, 100, 101),
    ("approx", 270, 10, 280, 281),
    ("approx", 270, 10, 260, 259),
]


@pytest.mark.parametrize("bound, value, step, inside, outside", VERDICT_TABLE)
def test_verdict_inside_and_just_outside_each_bound(bound, value, step, inside, outside):
    claim = count_interval(value, bound, step=step)
    assert verdict(claim, point(inside)) == "consistent"
    assert verdict(claim, point(outside)) == "inconsistent"


def test_range_claims_and_lower_bound_evidence():
    claim = count_interval(6, "range", value_high=8, step=1)
    assert verdict(claim, point(8.4)) == "consistent" and verdict(claim, point(8.5)) == "inconsistent"
    more_than = count_interval(5000, "gt", step=1000)
    assert verdict(more_than, Interval(867, math.inf)) == "not_checkable"     # a lower bound below the claim
    assert verdict(more_than, Interval(6000, math.inf)) == "consistent"       # a lower bound above it
    assert verdict(count_interval(37, "eq"), Interval(58, math.inf)) == "inconsistent"
    assert verdict(more_than, None) == "not_checkable"                        # missing evidence


def test_dates_take_the_precision_written():
    may = date_interval(2019, 5)
    assert verdict(may, verdicts.parse_iso_date("2019-05-01")) == "consistent"
    assert verdict(may, verdicts.parse_iso_date("2019-05-31")) == "consistent"
    assert verdict(may, verdicts.parse_iso_date("2019-06-01")) == "inconsistent"
    assert verdict(may, verdicts.parse_iso_date("2019-04-30")) == "inconsistent"
    assert verdict(may, verdicts.parse_iso_date("2019-05")) == "consistent"
    assert verdict(may, verdicts.parse_iso_date("2019")) == "not_checkable"   # a year neither confirms nor contradicts May
    period = date_interval(2017, 11, year_end=2019, month_end=8)
    assert verdict(period, verdicts.parse_iso_date("2019-08-29")) == "consistent"
    assert verdict(period, verdicts.parse_iso_date("2019-09-01")) == "inconsistent"


def test_bracketed_needs_lower_before_and_higher_after():
    claim = count_interval(3_200_000, "eq", step=100_000)
    early, late = datetime.date(2021, 3, 1), datetime.date(2022, 3, 31)
    assert verdicts.bracketed(claim, [(early, point(2_650_000)), (late, point(4_060_000))])
    assert not verdicts.bracketed(claim, [(early, point(4_060_000)), (late, point(2_650_000))])
    assert not verdicts.bracketed(claim, [(early, point(2_650_000))])


def test_email_keys_ignore_the_alias_rules():
    identities = [("Wang Yucao", "a@example.org"), ("Yucao Wang", "b@example.org"), ("wyc", "A@example.org")]
    addresses = _identity.email_keys(identities, bots=BOTS)
    people = _identity.author_keys(identities, bots=BOTS)
    assert addresses[identities[0]] == addresses[identities[2]] != addresses[identities[1]]
    assert len(set(people.values())) == 1 and len(set(addresses.values())) == 2


def test_a_scope_read_one_history_at_a_time_counts_a_shared_commit_once():
    # Two repositories share commit "b" (a split-out core keeps its parent's history); the scope has 3 commits.
    when = int(datetime.datetime(2020, 6, 1, tzinfo=datetime.timezone.utc).timestamp())
    first = metrics.History("t/one", parents={"a": (), "b": ("a",)}, author={"a": "x", "b": "y"},
                            committer_time={"a": when, "b": when}, author_time={"a": when, "b": when - 86400},
                            refs={"refs/heads/main": ("b", 0), "refs/tags/v1": ("a", when)}, head="refs/heads/main")
    second = metrics.History("t/two", parents={"b": (), "c": ("b",)}, author={"b": "y", "c": "bot"},
                             committer_time={"b": when, "c": when}, author_time={"b": when - 86400, "c": when},
                             refs={"refs/heads/main": ("c", 0), "refs/tags/v2": ("c", when)}, head="refs/heads/main")
    expected = {"commits_any_ref": 3, "authors_any_branch": 2, "release_tags": 2,
                "first_commit": datetime.date(2020, 5, 31)}
    for definition, value in expected.items():
        parts = [metrics.measure_part(definition, history, 2020) for history in (first, second)]
        assert metrics.combine(definition, parts) == value
        assert metrics.measure(definition, [first, second], 2020) == value
