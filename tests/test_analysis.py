"""Analysis functions on small tables typed in from the report (line numbers are those of the raw text).

These pin down each function's logic on a table whose every row is known; ``tests/test_analysis_real.py`` runs
the same functions on the real processed tables.
"""
from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from ecoanalysis import analyses as an

CLAIM_COLUMNS = [
    "mention_id", "line", "chapter", "surface", "value", "value_high", "unit", "counter", "bound",
    "pair_id", "role", "kind", "category", "subject", "subject_en", "metric_en", "as_of",
]


def _claim(line, surface, value, unit, counter, bound, category, subject, subject_en, metric_en,
           *, value_high=np.nan, pair_id=None, role=None, kind="claim", chapter="2", as_of=2020):
    return {
        "mention_id": f"{line}:{surface}:0", "line": line, "chapter": chapter, "surface": surface,
        "value": value, "value_high": value_high, "unit": unit, "counter": counter, "bound": bound,
        "pair_id": pair_id, "role": role, "kind": kind, "category": category, "subject": subject,
        "subject_en": subject_en, "metric_en": metric_en, "as_of": as_of,
    }


@pytest.fixture
def claims() -> pd.DataFrame:
    """Claims as printed in the report (values in natural units, percent in percent units)."""
    rows = [
        _claim(272, "62.3%", 62.3, "percent", None, "eq", "funding", "人工智能投融资", "AI financing", "share of B-round-and-later deals", chapter="1"),
        _claim(272, "40%", 40.0, "percent", None, "gt", "growth", "人工智能投融资", "AI financing", "growth of B-round-and-later deals", chapter="1"),
        _claim(554, "200 余所", 200.0, "count", "所高校", "gt", "education", "百度", "Baidu", "universities offering AI courses"),
        _claim(592, "200 所", 200.0, "count", "所高校", "gt", "education", "百度", "Baidu", "universities offering AI courses"),
        _claim(629, "320 万", 3_200_000.0, "count", "开发者", "eq", "scale", "飞桨", "PaddlePaddle", "developers"),
        _claim(631, "12 万", 120_000.0, "count", "家", "eq", "adoption", "飞桨", "PaddlePaddle", "enterprises served"),
        _claim(631, "36 万", 360_000.0, "count", "个模型", "eq", "scale", "飞桨", "PaddlePaddle", "models"),
        _claim(663, "320 万", 3_200_000.0, "count", None, "eq", "scale", "百度 AI 开放平台", "Baidu AI Open Platform", "developers"),
        _claim(667, "一万亿次", 1e12, "count", "次", "gt", "scale", "百度 AI 开放平台", "Baidu AI Open Platform", "daily API calls"),
        _claim(707, "5000 名", 5000.0, "count", "名开发者", "eq", "scale", "Gitee", "Gitee", "new developers per day"),
        _claim(707, "1.7 万", 17_000.0, "count", "代码仓库", "eq", "scale", "Gitee", "Gitee", "new code repositories per day"),
        _claim(709, "500 万", 5_000_000.0, "count", "开发者", "gt", "scale", "Gitee", "Gitee", "developers"),
        _claim(709, "1100 万", 11_000_000.0, "count", None, "gt", "scale", "Gitee", "Gitee", "code repositories"),
        _claim(709, "24%", 24.0, "percent", None, "eq", "adoption", "Gitee", "Gitee", "share of traffic from abroad"),
        _claim(718, "1266 个", 1266.0, "count", "个", "eq", "scale", "超级链", "XuperChain", "GitHub stars"),
        _claim(718, "287 次", 287.0, "count", "次", "eq", "scale", "超级链", "XuperChain", "forks"),
        _claim(718, "37 人", 37.0, "count", "人", "eq", "scale", "超级链", "XuperChain", "contributors"),
        _claim(738, "268 家", 268.0, "count", "家", "eq", "scale", "百度 AI 加速器", "Baidu AI Accelerator", "member companies"),
        _claim(740, "95%", 95.0, "percent", None, "eq", "adoption", "百度 AI 加速器", "Baidu AI Accelerator", "members using Baidu AI"),
        _claim(801, "95%", 95.0, "percent", None, "gt", "accuracy", "海淀城市大脑", "Haidian City Brain", "muck-truck recognition accuracy", chapter="3"),
        _claim(828, "96%", 96.0, "percent", None, "gt", "accuracy", "灵医智惠 CDSS", "Lingyi Zhihui CDSS", "knowledge-graph accuracy", chapter="3"),
        _claim(832, "数千家", 1000.0, "count", "家", "vague", "adoption", "灵医智惠 CDSS", "Lingyi Zhihui CDSS", "primary-care institutions", chapter="3"),
        _claim(840, "6 到 8 周", 6.0, "duration", "周", "range", "efficiency", "大恒图像", "Daheng Imaging", "installation and training time", value_high=8.0, pair_id="daheng-setup", role="before", chapter="3"),
        _claim(842, "2 周", 2.0, "duration", "周", "eq", "efficiency", "大恒图像", "Daheng Imaging", "installation and training time", pair_id="daheng-setup", role="after", chapter="3"),
        _claim(854, "80%", 80.0, "percent", None, "eq", "accuracy", "山东电力", "Shandong Electric Power", "construction-vehicle recognition accuracy", pair_id="sd-vehicles", role="before", chapter="3"),
        _claim(856, "95%", 95.0, "percent", None, "eq", "accuracy", "山东电力", "Shandong Electric Power", "construction-vehicle recognition accuracy", pair_id="sd-vehicles", role="after", chapter="3"),
        _claim(856, "70%", 70.0, "percent", None, "eq", "accuracy", "山东电力", "Shandong Electric Power", "smoke and fire recognition accuracy", pair_id="sd-fire", role="before", chapter="3"),
        _claim(856, "90%", 90.0, "percent", None, "eq", "accuracy", "山东电力", "Shandong Electric Power", "smoke and fire recognition accuracy", pair_id="sd-fire", role="after", chapter="3"),
        _claim(856, "60%", 60.0, "percent", None, "eq", "accuracy", "山东电力", "Shandong Electric Power", "foreign-object recognition accuracy", pair_id="sd-foreign", role="before", chapter="3"),
        _claim(856, "80%", 80.0, "percent", None, "eq", "accuracy", "山东电力", "Shandong Electric Power", "foreign-object recognition accuracy", pair_id="sd-foreign", role="after", chapter="3"),
        # Not claims: a section number and a name that contains a number.
        _claim(633, "02", 2.0, "other", None, "eq", None, None, None, None, kind="structural"),
        _claim(685, "6.0", 6.0, "other", None, "eq", None, None, None, None, kind="noise"),
    ]
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


@pytest.fixture
def shandong_pairs() -> pd.DataFrame:
    """The three before->after accuracy pairs of Shandong Electric Power (lines 854-856)."""
    return pd.DataFrame(
        {
            "pair_id": ["sd-vehicles", "sd-fire", "sd-foreign"],
            "subject_en": ["Shandong Electric Power"] * 3,
            "metric_en": ["construction-vehicle recognition accuracy", "smoke and fire recognition accuracy", "foreign-object recognition accuracy"],
            "unit": ["percent"] * 3,
            "line": [854, 856, 856],
            "before": [80.0, 70.0, 60.0],
            "after": [95.0, 90.0, 80.0],
        }
    )


# ------------------------------------------------------------------------------------------ inventory


def test_claim_inventory_counts_only_claims(claims):
    inventory = an.claim_inventory(claims, by="category")
    counts = dict(zip(inventory["category"], inventory["n"]))
    assert counts["accuracy"] == 8
    assert counts["scale"] == 12
    assert inventory["n"].sum() == 30  # the structural and noise rows are left out
    assert inventory["share"].sum() == pytest.approx(1.0)


def test_claim_inventory_by_kind_on_mentions(claims):
    inventory = an.claim_inventory(claims, by="kind", kinds=None)
    assert dict(zip(inventory["kind"], inventory["n"])) == {"claim": 30, "noise": 1, "structural": 1}


def test_precision_mix_maps_bounds_to_classes(claims):
    mix = an.precision_mix(claims).set_index("precision_class")
    assert list(mix.index) == list(an.PRECISION_CLASSES)
    assert mix.loc["lower bound", "n"] == 8  # 40% 以上, 200 余所, 超过 200 所, 一万亿, 500 万, 1100 万, 超 95%, 大于 96%
    assert mix.loc["exact", "n"] == 20
    assert mix.loc["range", "n"] == 1 and mix.loc["vague", "n"] == 1
    assert mix.loc["upper bound", "n"] == 0
    assert mix["share"].sum() == pytest.approx(1.0)


def test_precision_mix_by_group_sums_to_one_per_group(claims):
    mix = an.precision_mix(claims, by="category")
    assert mix.groupby("category")["share"].sum().to_numpy() == pytest.approx(1.0)
    accuracy = mix[mix["category"] == "accuracy"].set_index("precision_class")["n"]
    assert accuracy["exact"] == 6 and accuracy["lower bound"] == 2


def test_precision_mix_rejects_unknown_bound(claims):
    claims.loc[0, "bound"] = "about"
    with pytest.raises(ValueError, match="about"):
        an.precision_mix(claims)


# ------------------------------------------------------------------------------------------- accuracy


def test_measures_of_80_to_95():
    assert an.percentage_point_change(80, 95) == 15
    assert an.relative_error_reduction(80, 95) == pytest.approx(0.75)
    assert an.log_odds_change(80, 95) == pytest.approx(math.log(19) - math.log(4))
    assert an.log_odds_change(80, 95) == pytest.approx(1.5581, abs=1e-4)
    assert an.relative_change(80, 95) == pytest.approx(0.1875)


def test_measures_are_vectorised_and_keep_the_index(shandong_pairs):
    before = shandong_pairs.set_index("pair_id")["before"]
    after = shandong_pairs.set_index("pair_id")["after"]
    assert an.percentage_point_change(before, after).tolist() == [15, 20, 20]
    reduction = an.relative_error_reduction(before, after)
    assert list(reduction.index) == ["sd-vehicles", "sd-fire", "sd-foreign"]
    assert reduction.to_numpy() == pytest.approx([0.75, 2 / 3, 0.5])
    assert an.log_odds_change([80, 70, 60], [95, 90, 80]) == pytest.approx(
        [math.log(19 / 4), math.log(9 / (7 / 3)), math.log(4 / 1.5)]
    )


def test_measures_at_the_limits_are_nan_and_bad_percentages_raise():
    assert math.isnan(an.relative_error_reduction(100, 100))
    assert math.isnan(an.log_odds_change(0, 50))
    with pytest.raises(ValueError, match="between 0 and 100"):
        an.percentage_point_change(80, 105)


def test_accuracy_claims_are_percent_accuracy_figures(claims):
    accuracy = an.accuracy_claims(claims)
    assert len(accuracy) == 8
    assert accuracy["line"].is_monotonic_increasing
    lower = accuracy[accuracy["is_lower_bound"]]
    assert lower["subject_en"].tolist() == ["Haidian City Brain", "Lingyi Zhihui CDSS"]


def test_accuracy_changes_are_the_hand_computed_measures(shandong_pairs):
    # 大恒图像: "6 到 8 周" -> "2 周", stored as stated (before 6, before_high 8).
    daheng = pd.DataFrame([{"pair_id": "daheng-setup", "unit": "duration", "line": 840, "before": 6.0, "before_high": 8.0, "after": 2.0}])
    pairs = pd.concat([shandong_pairs.assign(before_high=np.nan, after_high=np.nan), daheng], ignore_index=True)
    changes = an.accuracy_changes(pairs).set_index("pair_id")
    # 80 -> 95: +15 pp, error 20 -> 5 (RER 0.75), odds 4 -> 19
    # 70 -> 90: +20 pp, error 30 -> 10 (RER 2/3), odds 7/3 -> 9
    # 60 -> 80: +20 pp, error 40 -> 20 (RER 1/2), odds 1.5 -> 4
    shandong = changes.loc[["sd-vehicles", "sd-fire", "sd-foreign"]]
    assert shandong["pp_change"].tolist() == [15.0, 20.0, 20.0]
    assert shandong["relative_error_reduction"].to_numpy() == pytest.approx([0.75, 2 / 3, 0.5])
    assert shandong["log_odds_change"].to_numpy() == pytest.approx([math.log(19 / 4), math.log(9 / (7 / 3)), math.log(4 / 1.5)])
    assert shandong["relative_change"].to_numpy() == pytest.approx([15 / 80, 20 / 70, 20 / 60])
    row = changes.loc["daheng-setup"]
    assert math.isnan(row["pp_change"]) and math.isnan(row["log_odds_change"]) and math.isnan(row["relative_error_reduction"])
    assert (row["before"], row["before_high"], row["after"]) == (6.0, 8.0, 2.0)  # the stated values are kept
    assert row["relative_change"] == pytest.approx((2 - 7) / 7)  # the range enters at its midpoint, 7 weeks


def test_accuracy_changes_without_high_columns(shandong_pairs):
    changes = an.accuracy_changes(shandong_pairs)
    assert "before_high" not in changes and changes["pp_change"].tolist() == [15.0, 20.0, 20.0]


def test_gain_vs_baseline_on_shandong_pairs(shandong_pairs):
    with pytest.warns(an.SmallSampleWarning, match="n = 3"):
        model = an.gain_vs_baseline_model(shandong_pairs)
    assert model.n == 3 and model.small_sample and model.residual_df == 1
    estimates = model.coefficients.set_index("term")["estimate"]
    # gains 15, 20, 20 at baselines 80, 70, 60: slope -50/200, intercept 18.33 + 0.25 * 70
    assert estimates["before"] == pytest.approx(-0.25)
    assert estimates["intercept"] == pytest.approx(35.8333, abs=1e-4)
    assert model.r_squared == pytest.approx(0.75)
    ci = model.coefficients.set_index("term").loc["before", ["ci_low", "ci_high"]]
    assert ci["ci_low"] < 0 < ci["ci_high"]  # one residual df: the slope is not distinguishable from 0


def test_gain_vs_baseline_log_odds_outcome(shandong_pairs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", an.SmallSampleWarning)
        model = an.gain_vs_baseline_model(shandong_pairs, outcome="log_odds_change")
    y = np.array([math.log(19 / 4), math.log(9 * 3 / 7), math.log(4 / 1.5)])
    slope = np.polyfit([80, 70, 60], y, 1)[0]
    assert model.coefficients.set_index("term").loc["before", "estimate"] == pytest.approx(slope)


def test_gain_vs_baseline_needs_three_pairs_and_no_warning_when_large(shandong_pairs):
    with pytest.raises(ValueError, match="at least 3"):
        an.gain_vs_baseline_model(shandong_pairs.iloc[:2])
    with warnings.catch_warnings():
        warnings.simplefilter("error", an.SmallSampleWarning)
        model = an.gain_vs_baseline_model(shandong_pairs, min_n=3)
    assert not model.small_sample


def test_binomial_interval_for_95_percent_of_a_million_images():
    table = an.binomial_interval(95, (100, 1_000, 1_000_000)).set_index("n")
    assert table["successes"].tolist() == [95, 950, 950_000]
    # Wald half-width 1.96 * sqrt(.95 * .05 / n); Wilson is indistinguishable at n = 1e6.
    wald = 100 * stats.norm.ppf(0.975) * math.sqrt(0.95 * 0.05 / 1_000_000)
    assert table.loc[1_000_000, "half_width_pp"] == pytest.approx(wald, rel=1e-3)
    assert table.loc[1_000_000, "half_width_pp"] < 0.05
    assert table.loc[100, "half_width_pp"] > 4
    assert table["half_width_pp"].is_monotonic_decreasing
    assert (table["ci_low"] < 95).all() and (table["ci_high"] > 95).all()


def test_binomial_interval_clopper_pearson_matches_beta_quantiles():
    row = an.binomial_interval(95, 100, method="beta").iloc[0]
    assert row["ci_low"] == pytest.approx(100 * stats.beta.ppf(0.025, 95, 6))
    assert row["ci_high"] == pytest.approx(100 * stats.beta.ppf(0.975, 96, 5))
    with pytest.raises(ValueError, match="method"):
        an.binomial_interval(95, 100, method="exact")


def test_wilson_interval_is_statsmodels_proportion_confint_to_the_bit():
    # The package writes Wilson's formula out (statsmodels costs a kernel 0.6 s to import); statsmodels is the reference.
    from statsmodels.stats.proportion import proportion_confint

    for share, n in [(95, 100), (95, 1_000_000), (99.9, 137), (0, 10), (100, 10), (50, 3), (33.3, 12_345)]:
        for alpha in (0.05, 0.1, 0.01):
            row = an.binomial_interval(share, n, alpha=alpha).iloc[0]
            low, high = proportion_confint(row["successes"], n, alpha=alpha, method="wilson")
            assert (row["ci_low"], row["ci_high"]) == (100.0 * low, 100.0 * high), (share, n, alpha)


def test_ols_line_is_statsmodels_ols_to_the_bit():
    import statsmodels.api as sm
    from ecoanalysis.analyses._stats import ols_line

    rng = np.random.default_rng(7)
    lines = [([85.0, 90.0, 95.0], [10.0, 5.0, 3.0]), ([60, 80, 90, 95], [10, 5, 4, 1])]
    lines += [(rng.normal(50, 20, n), rng.normal(5, 3, n)) for n in (4, 10, 50)]
    for x, y in lines:
        for alpha in (0.05, 0.1):
            fit, table = ols_line(x, y, alpha=alpha)
            ref = sm.OLS(np.asarray(y, dtype=float), sm.add_constant(np.asarray(x, dtype=float))).fit()
            ci = ref.conf_int(alpha=alpha)
            assert (fit.rsquared, fit.df_resid) == (ref.rsquared, ref.df_resid)
            for column, expected in [("estimate", ref.params), ("std_error", ref.bse), ("ci_low", ci[:, 0]),
                                     ("ci_high", ci[:, 1]), ("p_value", ref.pvalues)]:
                assert np.array_equal(table[column].to_numpy(), expected), (column, len(x), alpha)


# ----------------------------------------------------------------------------------------- ecosystems


def test_ecosystem_scale_keeps_counts_and_flags_lower_bounds(claims):
    scale = an.ecosystem_scale(claims)
    assert set(scale["unit"]) == {"count"}  # 24% of Gitee traffic and 95% of members are not plotted as counts
    assert scale["value"].is_monotonic_decreasing
    gitee = scale[(scale["subject_en"] == "Gitee") & (scale["metric_en"] == "developers")].iloc[0]
    assert gitee["value"] == 5_000_000 and gitee["is_lower_bound"] and not gitee["is_upper_bound"]
    paddle = scale[(scale["subject_en"] == "PaddlePaddle") & (scale["metric_en"] == "developers")].iloc[0]
    assert not paddle["is_lower_bound"]
    assert "education" not in set(scale["category"])


def test_derived_ratios_from_report_figures(claims):
    ratios = an.derived_ratios(claims).set_index("name")
    assert (ratios["status"] == "ok").all()
    models = ratios.loc["PaddlePaddle models per developer"]
    assert models["ratio"] == pytest.approx(0.1125) and models["ratio_bound"] == "eq"
    assert ratios.loc["PaddlePaddle enterprises served per developer", "ratio"] == pytest.approx(0.0375)
    gitee = ratios.loc["Gitee repositories per developer"]
    assert gitee["ratio"] == pytest.approx(2.2)
    assert gitee["ratio_bound"] == "none"  # 超过 1100 万 / 超过 500 万 is not a bound
    assert ratios.loc["Gitee new repositories per new developer (daily)", "ratio"] == pytest.approx(3.4)
    calls = ratios.loc["AI Open Platform daily API calls per developer"]
    assert calls["ratio"] == pytest.approx(312_500) and calls["ratio_bound"] == "gt"


def test_derived_ratios_report_unmatched_wording(claims):
    spec = an.RatioSpec("stars per contributor", {"subject_en": "XuperChain", "metric_en": "stars"},
                        {"subject_en": "XuperChain", "metric_en": "contributors"})
    with pytest.raises(KeyError, match="GitHub stars"):
        an.derived_ratios(claims, ratios=[spec])
    lenient = an.derived_ratios(claims, ratios=[spec], strict=False).iloc[0]
    assert math.isnan(lenient["ratio"]) and "numerator" in lenient["status"]


def test_derived_ratio_selection_ignores_case_and_spacing(claims):
    spec = an.RatioSpec("forks per star", {"subject_en": "xuperchain", "metric_en": " GitHub  stars"},
                        {"subject_en": "XuperChain", "metric_en": "forks"})
    row = an.derived_ratios(claims, ratios=[spec]).iloc[0]
    assert row["ratio"] == pytest.approx(1266 / 287)


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [
        ("eq", "eq", "eq"),
        ("gt", "eq", "gt"),
        ("eq", "gt", "lt"),
        ("gt", "gt", "none"),
        ("lt", "lt", "none"),
        ("gt", "lt", "gt"),
        ("le", "ge", "lt"),
        ("approx", "eq", "approx"),
        ("range", "gt", "approx"),
        ("vague", "eq", "undefined"),
    ],
)
def test_ratio_bound_combines_bounds(numerator, denominator, expected):
    assert an.ratio_bound(numerator, denominator)[0] == expected


# -------------------------------------------------------------------------------------------- funding


def test_implied_previous_share_under_each_reading():
    table = an.implied_previous_share(62.3, 40.0).set_index("reading")
    bounds = table["implied_previous_share_upper_bound"]
    assert bounds["relative growth of the share"] == pytest.approx(62.3 / 1.4)
    assert bounds["relative growth of the share"] == pytest.approx(44.5)
    assert bounds["percentage-point growth of the share"] == pytest.approx(22.3)
    assert math.isnan(bounds["growth in the number of B-round-and-later deals"])
    assert list(table.columns) == ["formula", "implied_previous_share_upper_bound", "comment"]


def test_implied_counts_for_the_268_accelerator_members():
    table = an.implied_counts(268, [95, 90, 100]).set_index("share")
    assert table.loc[95.0, "implied_count"] == pytest.approx(254.6)
    assert table.loc[90.0, "implied_count"] == pytest.approx(241.2)
    assert not table.loc[95.0, "implied_count_is_integer"]
    assert table.loc[100.0, "implied_count_is_integer"]
    assert (table.loc[95.0, "count_min"], table.loc[95.0, "count_max"]) == (254, 255)
    assert (table.loc[90.0, "count_min"], table.loc[90.0, "count_max"]) == (240, 242)
    # 267 of 268 is 99.63 %, which rounds to 100 %: "100 %" does not prove every member.
    assert (table.loc[100.0, "count_min"], table.loc[100.0, "count_max"]) == (267, 268)
    # Every count in the range really rounds to the share, and its neighbours do not.
    for share, row in table.iterrows():
        for k in range(int(row["count_min"]), int(row["count_max"]) + 1):
            assert math.floor(100 * k / 268 + 0.5) == share
        assert math.floor(100 * (row["count_min"] - 1) / 268 + 0.5) != share


def test_implied_counts_truncation_reading():
    row = an.implied_counts(268, [95], rounding="down").iloc[0]
    # 95 % <= k / 268 < 96 %: 254.6 <= k < 257.28
    assert (row["count_min"], row["count_max"], row["n_consistent"]) == (255, 257, 3)


# ------------------------------------------------------------------------------------------- timeline


@pytest.fixture
def timeline() -> pd.DataFrame:
    rows = [
        ("683:2017 年 4 月:0", 683, 2017, 4, None, None, "Apollo", "global open programme announced"),
        ("503:2010 年:0", 503, 2010, None, None, None, "Baidu", "starts working on AI"),
        ("322:2035 年:0", 322, 2035, None, None, None, "China", "long-range objectives"),
        ("326:2017 年 11 月:0", 326, 2017, 11, 2019, 8, "Ministry of Science and Technology", "two platform lists published"),
        ("382:2020-2030 年:0", 382, 2020, None, 2030, None, "Hubei", "AI development plan period"),
        ("714:2019 年 5 月:0", 714, 2019, 5, None, None, "XuperChain", "open-sourced"),
        ("761:2021 年 3 月:0", 761, 2021, 3, None, None, "Baidu AI Cloud", "full-stack AI development mode launched"),
    ]
    frame = pd.DataFrame(rows, columns=["mention_id", "line", "year", "month", "year_end", "month_end", "subject_en", "event_en"])
    for column in ("year", "month", "year_end", "month_end"):
        frame[column] = frame[column].astype("Int64")
    return frame


def test_timeline_events_filter_by_overlap_and_sort(timeline):
    events = an.timeline_events(timeline, start=2010, end=2021)
    assert events["line"].tolist() == [503, 683, 326, 714, 382, 761]  # 2035 dropped, 2020-2030 kept
    assert events["date_start"].is_monotonic_increasing


def test_timeline_events_dates_and_precision(timeline):
    events = an.timeline_events(timeline).set_index("line")
    assert events.loc[503, "precision"] == "year"
    assert events.loc[503, "date_start"] == pd.Timestamp("2010-01-01")
    assert events.loc[503, "date_end"] == pd.Timestamp("2010-12-31")
    assert events.loc[683, "date_end"] == pd.Timestamp("2017-04-30")
    assert events.loc[326, "date_end"] == pd.Timestamp("2019-08-31")
    assert events.loc[382, "date_end"] == pd.Timestamp("2030-12-31")
    assert an.timeline_events(timeline, start=2018, end=2019)["line"].tolist() == [326, 714]


# ------------------------------------------------------------------------------------------ precision


def test_significant_and_first_digits():
    assert an.significant_digits([3.2e6, 62.3, 1266, 0.1125, 1.9e8]).tolist() == [2, 3, 4, 4, 2]
    assert an.first_significant_digit([0.1125, 3.2e6, 62.3, 0, np.nan, -7, 0.3]).tolist() == [1, 3, 6, 7, 3]


def test_round_number_heaping_on_report_counts():
    values = [3.2e6, 1.2e5, 3.6e5, 5000, 17_000, 1266, 287, 37]
    frame = pd.DataFrame({"value": values, "unit": "count", "bound": "eq", "kind": "claim"})
    frame.loc[len(frame)] = [1000.0, "count", "vague", "claim"]  # 数千家: round by construction, excluded
    table = an.round_number_heaping(frame).set_index("criterion")
    assert (table.loc["multiple of 10", "n_eligible"], table.loc["multiple of 10", "n_matching"]) == (8, 5)
    assert (table.loc["multiple of 100", "n_eligible"], table.loc["multiple of 100", "n_matching"]) == (7, 5)
    assert (table.loc["multiple of 1000", "n_eligible"], table.loc["multiple of 1000", "n_matching"]) == (6, 5)
    assert table.loc["multiple of 1000", "expected_share_if_unrounded"] == pytest.approx(0.001)
    assert table.loc["at most 1 significant digit", "n_matching"] == 1  # 5000
    assert table.loc["at most 2 significant digits", "n_matching"] == 5
    expected = np.mean([1e-5, 1e-4, 1e-4, 1e-2, 1e-3, 1e-2, 1e-1])
    assert table.loc["at most 2 significant digits", "expected_share_if_unrounded"] == pytest.approx(expected)


def test_benford_expected_proportions():
    expected = an.benford_expected()
    assert expected.sum() == pytest.approx(1.0)
    assert expected[1] == pytest.approx(math.log10(2))
    assert expected[9] == pytest.approx(math.log10(10 / 9))
    assert expected.is_monotonic_decreasing


def test_benford_test_accepts_benford_data_and_rejects_all_nines():
    counts = np.round(an.benford_expected().to_numpy() * 1000).astype(int)
    conforming = np.repeat(np.arange(1, 10), counts) * 10.0
    result = an.benford_test(conforming)
    assert result.n == counts.sum()
    assert result.chi2_p > 0.99 and result.g_p > 0.99
    assert result.table["observed"].tolist() == counts.tolist()
    deviant = an.benford_test(np.full(50, 9.5e4))
    assert deviant.chi2_p < 1e-10 and deviant.g_p < 1e-10
    assert "deviate from" in deviant.interpretation


def test_benford_statistics_match_scipy_and_power_matches_noncentral_chi2():
    values = [3.2e6, 1.2e5, 3.6e5, 5000, 17_000, 1266, 287, 37, 268, 210, 65_000, 97, 221, 308, 57, 5e6, 1.1e7, 1.3e5]
    result = an.benford_test(values)
    digits = an.first_significant_digit(values)
    observed = np.bincount(digits, minlength=10)[1:]
    expected = an.benford_expected().to_numpy() * len(values)
    assert result.chi2 == pytest.approx(stats.chisquare(observed, expected)[0])
    assert result.g == pytest.approx(2 * np.sum(observed[observed > 0] * np.log(observed[observed > 0] / expected[observed > 0])))
    n, w = len(values), 0.3
    critical = stats.chi2.ppf(0.95, 8)
    assert result.power == pytest.approx(1 - stats.ncx2.cdf(critical, 8, n * w**2), abs=1e-6)
    assert result.power < 0.5  # 18 figures cannot detect a medium deviation
    assert result.min_expected_count < 5 and "approximate" in result.interpretation
    assert f"n = {n}" in result.interpretation


def test_benford_power_grows_with_n():
    assert an.benford_power(30) < an.benford_power(100) < an.benford_power(1000)
    assert an.benford_power(1000) > 0.99


def test_repeated_claims_separates_restatements_from_coincident_numbers(claims):
    repeated = an.repeated_claims(claims)
    # 320 万 developers: PaddlePaddle (629) and the AI Open Platform (663) are different figures.
    developers = repeated[repeated["value"] == 3_200_000]
    assert developers["match_on"].unique().tolist() == ["same number, different subject"] == [an.SAME_NUMBER]
    assert developers["line"].tolist() == [629, 663]
    assert developers["values_agree"].all() and not developers["subjects_agree"].any()
    # 200 余所 / 超过 200 所 universities, both Baidu: one figure stated twice.
    universities = repeated[repeated["line"].isin([554, 592])]
    assert universities["match_on"].unique().tolist() == ["restatement"] == [an.RESTATEMENT]
    assert universities["values_agree"].all() and universities["bounds_agree"].all()
    assert universities["group"].nunique() == 1 and (universities["n_in_group"] == 2).all()
    # The before/after mentions of a pair (Shandong 80% -> 95%, 大恒 6-8 -> 2 weeks) are not restatements.
    assert not repeated["line"].isin([840, 842, 854]).any()
    assert repeated["group"].nunique() == 2


def test_repeated_claims_ignores_a_shared_value_and_counter(claims):
    # 200 家 new enterprise customers a day (Gitee) and 约 200 家 financial customers share value and counter only.
    extra = pd.DataFrame([
        _claim(707, "200 家", 200.0, "count", "家", "eq", "adoption", "Gitee", "Gitee", "new enterprise customers per day"),
        _claim(779, "约 200 家", 200.0, "count", "家", "approx", "adoption", "百度智能金融", "Baidu smart-finance solutions", "financial customers"),
    ], columns=CLAIM_COLUMNS)
    repeated = an.repeated_claims(pd.concat([claims, extra], ignore_index=True))
    assert not repeated["line"].isin([707, 779]).any()
    assert set(repeated["match_on"]) == {an.RESTATEMENT, an.SAME_NUMBER}


def test_repeated_claims_flags_disagreeing_restatement(claims):
    # Hypothetical restatement with a different value, to check the flag (the report has none).
    extra = claims[claims["line"] == 629].copy()
    extra["line"], extra["mention_id"], extra["value"], extra["bound"] = 900, "900:300 万:0", 3_000_000.0, "gt"
    repeated = an.repeated_claims(pd.concat([claims, extra], ignore_index=True))
    paddle = repeated[(repeated["match_on"] == "restatement") & (repeated["subject_en"] == "PaddlePaddle")]
    assert paddle["line"].tolist() == [629, 900]
    assert not paddle["values_agree"].any() and not paddle["bounds_agree"].any() and paddle["subjects_agree"].all()


# ------------------------------------------------------------------------------------------ platforms


@pytest.fixture
def platforms() -> pd.DataFrame:
    """Table 1 of the report (lines 326-367) as coded in data/raw/codebook_platforms.csv."""
    rows = [
        (1, "Baidu", "internet_platform", "autonomous driving"),
        (2, "iFlytek", "ai_company", "intelligent speech"),
        (3, "Alibaba Cloud", "internet_platform", "city brain"),
        (4, "Tencent", "internet_platform", "medical imaging"),
        (5, "SenseTime", "ai_company", "intelligent vision"),
        (6, "Mininglamp Technology", "ai_company", "marketing intelligence"),
        (7, "Hikvision", "device_maker", "video perception"),
        (8, "Qihoo 360", "internet_platform", "security brain"),
        (9, "Huawei", "device_maker", "basic software and hardware"),
        (10, "JD.com", "internet_platform", "intelligent supply chain"),
        (11, "TAL Education Group", "vertical_industry", "smart education"),
        (12, "Yitu Technology", "ai_company", "visual computing"),
        (13, "Ping An Insurance", "vertical_industry", "inclusive finance"),
        (14, "Megvii", "ai_company", "image perception"),
        (15, "Xiaomi", "device_maker", "smart home"),
    ]
    return pd.DataFrame(rows, columns=["number", "host_en", "host_kind", "domain_en"])


def test_platforms_by_host_kind(platforms):
    table = an.platforms_by(platforms, by="host_kind")
    assert table["host_kind"].tolist() == ["ai_company", "internet_platform", "device_maker", "vertical_industry"]
    assert table["n"].tolist() == [5, 5, 3, 2]
    assert table["share"].sum() == pytest.approx(1.0)
    assert table.set_index("host_kind").loc["device_maker", "hosts"] == "Hikvision; Huawei; Xiaomi"


def test_academic_hosts_reads_the_chinese_host_names():
    table = pd.DataFrame({"host_zh": ["百度公司", "清华大学", "中国科学院自动化研究所", "商汤集团"]})
    assert an.academic_hosts(table)["host_zh"].tolist() == ["清华大学", "中国科学院自动化研究所"]


def test_clause_with_quotes_the_clause_of_a_claim():
    sentence = "百度从 2010 年起深耕人工智能，近 6 年研发投入均达到营业额的 15% 以上，已在 AI 芯片……形成全栈能力。"
    assert an.clause_with(sentence, "15% 以上") == "近 6 年研发投入均达到营业额的 15% 以上"
    with pytest.raises(LookupError):
        an.clause_with(sentence, "20%")


def test_platforms_by_domain_has_one_platform_each(platforms):
    table = an.platforms_by(platforms)
    assert len(table) == 15 and (table["n"] == 1).all()
    with pytest.raises(KeyError, match="domain_zh"):
        an.platforms_by(platforms, by="domain_zh")


# ----------------------------------------------------------------- selection and de-duplication helpers


def test_select_claims_by_value_and_text(claims):
    gitee = an.select_claims(claims, subject_en="gitee ", unit="percent", expect=1)
    assert gitee["value"].tolist() == [24.0]
    shandong = an.select_claims(claims, category="accuracy", bound=["eq"], contains={"metric_en": "Smoke and fire"})
    assert shandong["value"].tolist() == [70.0, 90.0]
    assert an.select_claims(claims, value=6.0)["line"].tolist() == [840]  # the noise row 685 "6.0" is not a claim


def test_select_claims_reports_candidates_when_count_is_wrong(claims):
    with pytest.raises(LookupError, match="new developers per day"):
        an.select_claims(claims, subject_en="Gitee", metric_en="daily developers", expect=1)


def test_benford_values_drop_restatements_vague_and_percent(claims):
    values = an.benford_values(claims)
    assert set(values["unit"]) == {"count"}
    assert "vague" not in set(values["bound"])
    # 320 万 developers of PaddlePaddle and of the AI Open Platform are two figures: both kept.
    assert values.loc[values["value"] == 3_200_000, "line"].tolist() == [629, 663]
    # 200 余所 / 超过 200 所 universities are one Baidu figure restated: kept once, at its first mention.
    assert values.loc[values["value"] == 200, "line"].tolist() == [554]


def test_distinct_events_keeps_first_mention_and_counts():
    events = pd.DataFrame(
        {
            "line": [497, 320, 683],
            "year": pd.array([2021, 2021, 2017], dtype="Int64"),
            "month": pd.array([3, 3, 4], dtype="Int64"),
            "subject_en": ["China", "china", "Apollo open platform"],
            "event_en": ["14th five-year plan published", "14th five-year plan  published", "global opening"],
        }
    )
    result = an.distinct_events(events)
    assert result["line"].tolist() == [320, 683]
    assert result["n_mentions"].tolist() == [2, 1]
