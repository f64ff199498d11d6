"""The analyses on the real, committed tables, against values quoted from the report.

Every expected number is a literal copied from the report (the quoted fragment is in a comment next to it)
or is read from a raw file without the package, so the tests do not reuse the engine that built the tables.
"""
from __future__ import annotations

import csv
import math
from collections import Counter

import numpy as np
import pandas as pd
import pytest

import ecoanalysis as eco
from ecoanalysis import analyses as an
from ecoanalysis import config
from ecoanalysis.coding import HOST_KINDS


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return eco.load_claims()


@pytest.fixture(scope="module")
def mentions() -> pd.DataFrame:
    return eco.load_mentions()


def test_inventory_counts_every_coded_claim_once(claims):
    # Independent path: the hand-coded codebook, read with the csv module.
    with open(config.CODEBOOK_PATH, encoding="utf-8", newline="") as handle:
        coded = Counter(row["category"] for row in csv.DictReader(handle) if row["kind"] == "claim")
    inventory = eco.claim_inventory(claims, by="category")
    assert dict(zip(inventory["category"], inventory["n"])) == dict(coded)
    assert inventory["n"].sum() == sum(coded.values())


def test_precision_mix_matches_the_bounds_the_engine_read(claims):
    mix = eco.precision_mix(claims).set_index("precision_class")["n"]
    assert mix["lower bound"] == claims["bound"].isin(["gt", "ge"]).sum()
    assert mix["exact"] == (claims["bound"] == "eq").sum()
    assert mix["vague"] == (claims["bound"] == "vague").sum()


def test_accuracy_pairs_are_the_shandong_sentence_with_hand_computed_measures(line_of):
    pairs = eco.load_accuracy_pairs()
    percent = pairs[pairs["unit"] == "percent"]
    # 各类施工车辆识别准确率由原来的 80% 提升到 95%，烟火识别准确率由 70% 提升到 90%，导线异物识别准确率由 60% 提升到 80%
    assert set(percent["line"]) <= {line_of("由原来的 80%"), line_of("烟火识别准确率由 70%")}
    assert sorted(zip(percent["before"], percent["after"])) == [(60, 80), (70, 90), (80, 95)]
    # Hand-computed: 80 -> 95 is +15 pp, error 20 -> 5 (RER 0.75), odds 4 -> 19; 70 -> 90 is +20 pp, error
    # 30 -> 10 (RER 2/3), odds 7/3 -> 9; 60 -> 80 is +20 pp, error 40 -> 20 (RER 0.5), odds 1.5 -> 4.
    expected = {
        80: (15, 0.75, math.log(19 / 4), 15 / 80),
        70: (20, 2 / 3, math.log(9 / (7 / 3)), 20 / 70),
        60: (20, 0.5, math.log(4 / 1.5), 20 / 60),
    }
    columns = ["pp_change", "relative_error_reduction", "log_odds_change", "relative_change"]
    for table in (percent.set_index("before"), eco.accuracy_changes(percent).set_index("before")):
        for before, values in expected.items():
            assert table.loc[before, columns].to_numpy(float) == pytest.approx(values)


def test_a_stated_range_is_kept_as_stated_and_measured_at_its_midpoint():
    pairs = eco.load_accuracy_pairs()
    # 一般需要 6 到 8 周时间进行安装调试与人员培训 ... (2 周)
    daheng = pairs[pairs["unit"] == "duration"].iloc[0]
    assert (daheng["before"], daheng["after"]) == (6, 2)
    assert daheng["relative_change"] == pytest.approx((2 - 7) / 7)
    assert eco.accuracy_changes(pairs[pairs["unit"] == "duration"])["relative_change"].iloc[0] == pytest.approx((2 - 7) / 7)


def test_gain_model_on_the_real_pairs_reports_its_tiny_n():
    with pytest.warns(an.SmallSampleWarning):
        model = eco.gain_vs_baseline_model(eco.load_accuracy_pairs())
    assert model.n == 3 and model.residual_df == 1
    slope = model.coefficients.set_index("term").loc["before", "estimate"]
    # Three points (80, 15), (70, 20), (60, 20): least squares slope -0.25 pp per baseline point.
    assert slope == pytest.approx(np.polyfit([80, 70, 60], [15, 20, 20], 1)[0])


def test_paddle_ratios_come_from_the_report_figures(claims):
    ratios = eco.derived_ratios(claims).set_index("name")
    developers = 3_200_000  # 飞桨已集聚 320 万开发者
    enterprises = 120_000  # 服务企业 12 万家
    models = 360_000  # 产生了 36 万个模型
    assert ratios.loc["PaddlePaddle models per developer", "ratio"] == pytest.approx(models / developers)
    assert ratios.loc["PaddlePaddle enterprises served per developer", "ratio"] == pytest.approx(enterprises / developers)
    # 超过 1100 万 repositories over 超过 500 万 developers: a ratio of two lower bounds is no bound at all.
    assert ratios.loc["Gitee repositories per developer", "ratio_bound"] == "none"
    assert ratios.loc["AI Open Platform daily API calls per developer", "ratio_bound"] == "gt"


def test_funding_readings_use_the_stated_share_and_growth(claims):
    share = an.select_claims(claims, unit="percent", contains={"sentence": "B 轮及以上融资"}, bound="eq", expect=1)["value"].iloc[0]
    growth = an.select_claims(claims, unit="percent", contains={"sentence": "B 轮及以上融资"}, bound="ge", expect=1)["value"].iloc[0]
    assert (share, growth) == (62.3, 40)  # 的 62.3%，较上一年增长 40% 以上
    readings = eco.implied_previous_share(share, growth).set_index("reading")
    bounds = readings["implied_previous_share_upper_bound"]
    assert bounds.iloc[0] == pytest.approx(share / (1 + growth / 100))
    assert bounds.iloc[1] == pytest.approx(share - growth)
    assert math.isnan(bounds.iloc[2])


def test_accelerator_shares_turned_into_member_counts(claims):
    accelerator = an.select_claims(claims, subject_en="Baidu AI Accelerator")
    members = accelerator[accelerator["unit"] == "count"]["value"].iloc[0]
    shares = accelerator[accelerator["unit"] == "percent"]["value"].tolist()
    assert members == 268 and shares == [95, 90, 100]  # 百度 AI 加速器 268 家成员企业
    counts = eco.implied_counts(members, shares).set_index("share")
    assert counts.loc[95, "implied_count"] == pytest.approx(members * 0.95)
    # 100 % rounds from 267/268 too, so "100 %" does not prove that every member's valuation rose.
    assert counts.loc[100, "count_min"] == members - 1


def test_the_two_320_wan_developer_figures_are_the_same_number_for_different_subjects(claims, line_of):
    repeats = eco.repeated_claims(claims)
    # 飞桨已集聚 320 万开发者 (PaddlePaddle) / 平台开发者规模持续快速增长到 320 万 (Baidu AI Open Platform)
    developers = repeats[(repeats["value"] == 3_200_000) & (repeats["metric_en"] == "developers")]
    assert sorted(developers["line"]) == sorted([line_of("飞桨已集聚 320 万开发者"), line_of("增长到 320 万")])
    assert developers["match_on"].unique().tolist() == ["same number, different subject"]
    assert developers["values_agree"].all() and not developers["subjects_agree"].any()
    assert developers["subject_en"].nunique() == 2
    # Both are separate figures, so both stay in the first-digit test.
    kept = an.benford_values(claims)
    assert sorted(kept.loc[kept["value"] == 3_200_000, "line"]) == sorted(developers["line"])


def test_no_restatement_joins_different_subjects_or_only_a_counter(claims, line_of):
    repeats = eco.repeated_claims(claims)
    assert set(repeats["match_on"]) <= {"restatement", "same number, different subject"}
    assert repeats.loc[repeats["match_on"] == "restatement", "subjects_agree"].all()
    # Gitee 日均增加 ... 200 家企业客户 and 智慧金融领域拥有约 200 家金融客户 share only value and counter.
    assert not repeats["line"].isin([line_of("200 家企业客户"), line_of("约 200 家金融客户")]).any()


def test_benford_uses_each_count_once_and_is_honest_about_power(claims):
    values = an.benford_values(claims)
    result = eco.benford_test(values["value"])
    assert result.n == len(values) == values["value"].notna().sum()
    assert 0 < result.power < 0.8  # at this n a medium deviation is missed more often than a test should allow
    assert "power" in result.interpretation


def test_timeline_covers_the_dated_events_2010_to_2021(line_of):
    events = eco.timeline_events(eco.load_timeline(), start=2010, end=2021)
    assert events["year"].min() == 2010 and events["year"].max() == 2021  # 百度从 2010 年起深耕人工智能
    assert line_of("2017 年 4 月，Apollo 正式发布全球开放计划") in set(events["line"])


def test_platform_hosts_sum_to_table_1(report):
    by_kind = eco.platforms_by(eco.load_platforms(), by="host_kind")
    assert by_kind["n"].sum() == len(report.platforms)
    assert set(by_kind["host_kind"]) <= set(HOST_KINDS)


def test_implied_counts_refuses_a_fractional_membership():
    with pytest.raises(ValueError, match="whole number"):
        eco.implied_counts(268.5, [95])


# ------------------------------------------------------------------ the notebooks' result objects


def test_inventory_summary_counts_kinds_from_the_codebook(mentions, claims):
    with open(config.CODEBOOK_PATH, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    result = an.inventory_summary(mentions, claims)
    assert result.n_by_kind == dict(Counter(row["kind"] for row in rows))
    assert result.n_mentions == len(rows)
    categories = Counter(row["category"] for row in rows if row["kind"] == "claim")
    assert result.top_category["category"] == max(categories, key=categories.get)
    assert result.top_category["n"] == max(categories.values())
    assert sum(result.n_by_class.values()) == sum(categories.values())
    assert result.most_common == "exact" and result.runner_up == "lower bound"


def test_accuracy_summary_intervals_at_the_stated_daily_volume():
    result = an.accuracy_summary(eco.load_claims(), eco.load_accuracy_pairs())
    assert result.daily_volume == 1_000_000  # 每天处理 100 万张过车数据
    assert result.interval_claim["value"] == 95 and result.interval_claim_is_lower_bound  # 识别准确率超 95%
    # Wilson half-width at n = 10^6, by hand: z sqrt(p q / n) to first order.
    assert result.half_width_daily == pytest.approx(1.959964 * math.sqrt(0.95 * 0.05 / 1e6) * 100, rel=1e-3)
    assert result.smallest_sample == 100 and result.half_width_smallest > 4
    # 80 -> 95 removes 75 % of errors, the most; 70 -> 90 and 60 -> 80 gain 20 pp, the first of them is reported.
    assert (result.best_by_errors["before"], result.best_by_errors["after"]) == (80, 95)
    assert (result.best_by_points["before"], result.best_by_points["after"]) == (70, 90)
    assert not result.rankings_agree
    assert result.slope_points["estimate"] == pytest.approx(np.polyfit([80, 70, 60], [15, 20, 20], 1)[0])
    assert result.model_points.small_sample


def test_scale_summary_covers_every_listed_platform(claims):
    result = an.scale_summary(claims)
    assert set(result.platforms["subject_en"]) == set(result.subjects)
    assert result.n_figures == len(result.platforms) and result.n_platforms == len(result.subjects)
    assert result.largest["value"] == result.platforms["value"].max()
    assert list(result.ratios["name"]) == [spec.name for spec in an.load_specs().ratios]


def test_funding_summary_reads_the_report_sentences(claims):
    result = an.funding_summary(claims)
    assert (result.share_now, result.growth_lower_bound) == (62.3, 40)  # 的 62.3%，较上一年增长 40% 以上
    assert result.bound_relative == pytest.approx(62.3 / 1.4)
    assert result.bound_points == pytest.approx(22.3)
    assert result.fold_points == pytest.approx(62.3 / 22.3)
    assert "15%" in result.research_clause and result.research_is_lower_bound  # 研发投入均达到营业额的 15% 以上
    assert result.total == 268 and list(result.counts["share"]) == [95, 90, 100]
    assert result.short_of_all == 1  # 267 of 268 is 99.6 %, which rounds to 100 %


def test_timeline_summary_keeps_each_event_once(line_of):
    timeline = eco.load_timeline()
    result = an.timeline_summary(timeline)
    assert (result.start, result.end) == (2010, 2021)
    assert len(result.events) == len(result.distinct) + int((result.distinct["n_mentions"] - 1).sum())
    assert len(result.events) + len(result.outside) == len(timeline)
    assert result.first["year"] == 2010  # 百度从 2010 年起深耕人工智能
    assert result.busiest_year["n"] == result.per_year["n"].max()


def test_precision_summary_lists_the_320_wan_developers_as_a_coincidence(claims, line_of):
    result = an.precision_summary(claims)
    developers = [c for c in result.coincident if c.value == 3_200_000 and c.metric_en == "developers"]
    assert len(developers) == 1
    assert sorted(line for _, line in developers[0].mentions) == sorted([line_of("飞桨已集聚 320 万开发者"), line_of("增长到 320 万")])
    assert result.benford.n == len(an.benford_values(claims))
    assert result.multiples_of_100["criterion"] == "multiple of 100"


def test_hosts_summary_against_the_platform_codebook():
    with open(config.PLATFORM_CODEBOOK_PATH, encoding="utf-8", newline="") as handle:
        kinds = Counter(row["host_kind"] for row in csv.DictReader(handle))
    result = an.hosts_summary(eco.load_platforms())
    top = max(kinds.values())
    assert set(result.most_common_kinds) == {kind for kind, n in kinds.items() if n == top}
    assert result.most_common_n == top and result.n_platforms == sum(kinds.values())
    assert dict(zip(result.other_kinds["host_kind"], result.other_kinds["n"])) == {k: n for k, n in kinds.items() if n < top}
