"""The analyses on the real, committed tables: every expected value is read from the report, not typed in."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import ecoanalysis as eco
from ecoanalysis import analysis as an
from ecoanalysis.codebook import HOST_KINDS


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return eco.load_claims()


@pytest.fixture(scope="module")
def mentions() -> pd.DataFrame:
    return eco.load_mentions()


def _value(text: str) -> float:
    """Parse a fragment quoted from the report with the engine (the independent path to an expected value)."""
    return eco.parse_quantity(text).value


def test_inventory_counts_every_coded_claim_once(claims, mentions):
    inventory = eco.claim_inventory(claims, by="category")
    assert inventory["n"].sum() == (mentions["kind"] == "claim").sum() == len(claims)
    assert dict(zip(inventory["category"], inventory["n"])) == claims["category"].value_counts().to_dict()


def test_precision_mix_matches_the_bounds_the_engine_read(claims):
    mix = eco.precision_mix(claims).set_index("precision_class")["n"]
    assert mix["lower bound"] == claims["bound"].isin(["gt", "ge"]).sum()
    assert mix["exact"] == (claims["bound"] == "eq").sum()
    assert mix["vague"] == (claims["bound"] == "vague").sum()


def test_accuracy_pairs_are_the_shandong_sentence_and_their_measures_recompute(line_of):
    pairs = eco.load_accuracy_pairs()
    percent = pairs[pairs["unit"] == "percent"]
    # 各类施工车辆识别准确率由原来的 80% 提升到 95%，烟火识别准确率由 70% 提升到 90%，导线异物识别准确率由 60% 提升到 80%
    assert set(percent["line"]) <= {line_of("由原来的 80%"), line_of("烟火识别准确率由 70%")}
    assert sorted(zip(percent["before"], percent["after"])) == [(60, 80), (70, 90), (80, 95)]
    recomputed = eco.accuracy_changes(pairs)
    for column in ("pp_change", "relative_error_reduction", "log_odds_change", "relative_change"):
        np.testing.assert_allclose(recomputed[column].to_numpy(float), pairs[column].to_numpy(float), equal_nan=True)
    vehicles = percent.set_index("before").loc[80]
    assert vehicles["relative_error_reduction"] == pytest.approx(0.75)
    assert vehicles["log_odds_change"] == pytest.approx(math.log(19 / 4))


def test_gain_model_on_the_real_pairs_reports_its_tiny_n():
    with pytest.warns(an.SmallSampleWarning):
        model = eco.gain_vs_baseline_model(eco.load_accuracy_pairs())
    assert model.n == 3 and model.residual_df == 1
    slope = model.coefficients.set_index("term").loc["before", "estimate"]
    # Three points (80, 15), (70, 20), (60, 20): least squares slope -0.25 pp per baseline point.
    assert slope == pytest.approx(np.polyfit([80, 70, 60], [15, 20, 20], 1)[0])


def test_paddle_ratios_come_from_the_report_figures(claims):
    ratios = eco.derived_ratios(claims).set_index("name")
    developers, models, enterprises = _value("320 万开发者"), _value("36 万个模型"), _value("12 万家")
    assert ratios.loc["PaddlePaddle models per developer", "ratio"] == pytest.approx(models / developers)
    assert ratios.loc["PaddlePaddle enterprises served per developer", "ratio"] == pytest.approx(enterprises / developers)
    # 超过 1100 万 repositories over 超过 500 万 developers: a ratio of two lower bounds is no bound at all.
    assert ratios.loc["Gitee repositories per developer", "ratio_bound"] == "none"
    assert ratios.loc["AI Open Platform daily API calls per developer", "ratio_bound"] == "gt"


def test_funding_readings_use_the_stated_share_and_growth(claims):
    share = an.select_claims(claims, unit="percent", contains={"sentence": "B 轮及以上融资"}, bound="eq", expect=1)["value"].iloc[0]
    growth = an.select_claims(claims, unit="percent", contains={"sentence": "B 轮及以上融资"}, bound="gt", expect=1)["value"].iloc[0]
    assert (share, growth) == (_value("62.3%"), _value("40% 以上"))
    readings = eco.implied_previous_share(share, growth).set_index("reading")
    bounds = readings["implied_previous_share_upper_bound"]
    assert bounds.iloc[0] == pytest.approx(share / (1 + growth / 100))
    assert bounds.iloc[1] == pytest.approx(share - growth)
    assert math.isnan(bounds.iloc[2])


def test_accelerator_shares_turned_into_member_counts(claims):
    accelerator = an.select_claims(claims, subject_en="Baidu AI Accelerator")
    members = accelerator[accelerator["unit"] == "count"]["value"].iloc[0]
    shares = accelerator[accelerator["unit"] == "percent"]["value"].tolist()
    assert members == _value("268 家成员企业") and shares == [95, 90, 100]
    counts = eco.implied_counts(members, shares).set_index("share")
    assert counts.loc[95, "implied_count"] == pytest.approx(members * 0.95)
    # 100 % rounds from 267/268 too, so "100 %" does not prove that every member's valuation rose.
    assert counts.loc[100, "count_min"] == members - 1


def test_the_repeated_320_wan_developer_figure_is_found_and_agrees(claims, line_of):
    repeats = eco.repeated_claims(claims)
    developers = repeats[(repeats["value"] == _value("320 万")) & (repeats["metric_en"] == "developers")]
    assert sorted(developers["line"]) == sorted([line_of("飞桨已集聚 320 万开发者"), line_of("增长到 320 万")])
    assert developers["values_agree"].all()


def test_benford_uses_each_count_once_and_is_honest_about_power(claims):
    values = an.benford_values(claims)
    result = eco.benford_test(values["value"])
    assert result.n == len(values) == values["value"].notna().sum()
    assert 0 < result.power < 0.8  # at this n a medium deviation is missed more often than a test should allow
    assert "power" in result.interpretation


def test_timeline_covers_the_dated_events_2010_to_2021(line_of):
    events = eco.timeline_events(eco.load_timeline(), start=2010, end=2021)
    assert events["year"].min() == _value("2010 年") and events["year"].max() == 2021
    assert line_of("2017 年 4 月，Apollo 正式发布全球开放计划") in set(events["line"])


def test_platform_hosts_sum_to_table_1(report):
    by_kind = eco.platforms_by(eco.load_platforms(), by="host_kind")
    assert by_kind["n"].sum() == len(report.platforms)
    assert set(by_kind["host_kind"]) <= set(HOST_KINDS)


def test_implied_counts_refuses_a_fractional_membership():
    with pytest.raises(ValueError, match="whole number"):
        eco.implied_counts(268.5, [95])
