"""Figures: house theme, CJK rendering, byte-reproducible and atomic saving."""
from __future__ import annotations

import struct

import matplotlib
import matplotlib.colors
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from ecoanalysis import config, plotting  # noqa: E402

CHINESE_LABELS = ["飞桨", "灵医智惠", "海淀城市大脑"]


@pytest.fixture
def themed():
    """Apply the theme for one test and restore the global rcParams afterwards."""
    with matplotlib.rc_context():
        plotting.set_theme()
        yield
    plt.close("all")


@pytest.fixture
def figure(themed):
    fig, ax = plt.subplots()
    ax.bar(CHINESE_LABELS, [3.2, 0.36, 0.12])
    ax.set_ylabel("developers (millions)")
    ax.set_title("PaddlePaddle − scale")
    return fig


def _png_pixels_per_metre(data: bytes) -> tuple[int, int, int]:
    """Return (x, y, unit) of the PNG pHYs chunk; fails the test if the chunk is absent."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position = 8
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        if kind == b"pHYs":
            return struct.unpack(">IIB", data[position + 8 : position + 17])
        position += 12 + length
    raise AssertionError("PNG has no pHYs chunk, so its dpi is undefined")


def test_same_figure_saved_twice_is_byte_identical(figure, tmp_path):
    first = plotting.save_figure(figure, "fig01-scale", directory=tmp_path / "a", formats=("png", "svg", "pdf"))
    second = plotting.save_figure(figure, "fig01-scale", directory=tmp_path / "b", formats=("png", "svg", "pdf"))
    assert [p.name for p in first] == ["fig01-scale.png", "fig01-scale.svg", "fig01-scale.pdf"]
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_saved_files_carry_no_timestamp_or_version(figure, tmp_path):
    # Byte identity within one second could hide a timestamp, so check for the fields explicitly.
    png, svg, pdf = plotting.save_figure(figure, "fig01-scale", directory=tmp_path, formats=("png", "svg", "pdf"))
    assert b"Software" not in png.read_bytes()
    assert matplotlib.__version__.encode() not in png.read_bytes()
    assert b"<dc:date>" not in svg.read_bytes()
    assert b"/CreationDate" not in pdf.read_bytes()
    assert b"/Producer" not in pdf.read_bytes()


def test_svg_ids_use_the_fixed_salt(figure, tmp_path):
    # Without svg.hashsalt matplotlib salts ids with a fresh uuid4 on every save.
    with matplotlib.rc_context({"svg.hashsalt": None}):
        a = plotting.save_figure(figure, "fig01-scale", directory=tmp_path / "a", formats=("svg",))[0]
        b = plotting.save_figure(figure, "fig01-scale", directory=tmp_path / "b", formats=("svg",))[0]
    assert a.read_bytes() == b.read_bytes()


def test_png_resolution_is_at_least_300_dpi(figure, tmp_path):
    (png,) = plotting.save_figure(figure, "fig02-dpi", directory=tmp_path, formats=("png",))
    x, y, unit = _png_pixels_per_metre(png.read_bytes())
    assert unit == 1  # metres
    # 300 dpi is stored as 11811 px/m (299.9994 dpi); round like every image viewer does.
    assert round(x * 0.0254) >= 300 and round(y * 0.0254) >= 300


def test_dpi_below_300_is_refused(figure, tmp_path):
    with pytest.raises(ValueError, match="at least 300"):
        plotting.save_figure(figure, "fig02-dpi", directory=tmp_path, dpi=150)


def test_chinese_labels_have_no_missing_glyphs(figure):
    assert plotting.missing_glyphs(figure, formats=("png", "svg", "pdf")) == []


def test_missing_glyphs_reports_chinese_without_the_cjk_fallback(themed):
    # The check itself must be able to fail: with the Latin font alone every Chinese glyph is missing.
    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
        fig, ax = plt.subplots()
        ax.set_title("飞桨")
        missing = plotting.missing_glyphs(fig)
    assert missing == ["飞", "桨"]


def test_theme_registers_the_cjk_font_behind_the_latin_font(themed):
    assert plotting.cjk_font_path().is_file()
    assert list(matplotlib.rcParams["font.family"]) == [plotting.LATIN_FONT_FAMILY, plotting.CJK_FONT_FAMILY]
    assert matplotlib.rcParams["svg.fonttype"] == "path"
    assert matplotlib.rcParams["svg.hashsalt"] == plotting.SVG_HASHSALT
    cycle = [matplotlib.colors.to_hex(c).upper() for c in matplotlib.rcParams["axes.prop_cycle"].by_key()["color"]]
    assert cycle == list(plotting.OKABE_ITO)
    assert matplotlib.rcParams["figure.figsize"][0] == pytest.approx(plotting.COLUMN_WIDTH_IN)
    assert 7.5 <= matplotlib.rcParams["font.size"] <= 9


@pytest.mark.parametrize(
    "name",
    ["fig1-scale", "fig01_scale", "fig01-Scale", "fig01-scale.png", "figure01-scale", "fig01-", "fig01", "", "fig01-a--b"],
)
def test_bad_names_raise_a_clear_error_and_write_nothing(figure, tmp_path, name):
    target = tmp_path / "out"
    with pytest.raises(ValueError, match="figNN-short-name"):
        plotting.save_figure(figure, name, directory=target)
    assert not target.exists()


def test_unknown_format_is_refused(figure, tmp_path):
    with pytest.raises(ValueError, match="formats"):
        plotting.save_figure(figure, "fig01-scale", directory=tmp_path, formats=("png", "jpg"))
    assert list(tmp_path.iterdir()) == []


def test_failed_save_writes_nothing_and_keeps_the_old_file(figure, tmp_path, monkeypatch):
    old_png = tmp_path / "fig03-atomic.png"
    old_png.write_bytes(b"previous version")
    original_savefig = figure.savefig

    def savefig_failing_on_svg(stream, *, format, **kwargs):
        if format == "svg":
            raise RuntimeError("disk full")
        return original_savefig(stream, format=format, **kwargs)

    monkeypatch.setattr(figure, "savefig", savefig_failing_on_svg)
    with pytest.raises(RuntimeError, match="disk full"):
        plotting.save_figure(figure, "fig03-atomic", directory=tmp_path, formats=("png", "svg"))
    # The PNG rendered fine but must not have replaced the old one, and no temp file may linger.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fig03-atomic.png"]
    assert old_png.read_bytes() == b"previous version"


def test_default_directory_is_config_figures_dir(figure, tmp_path, monkeypatch):
    monkeypatch.setattr(config, "FIGURES_DIR", tmp_path / "figures")
    paths = plotting.save_figure(figure, "fig04-default-dir")
    assert paths == [tmp_path / "figures" / "fig04-default-dir.png", tmp_path / "figures" / "fig04-default-dir.svg"]
    assert all(p.stat().st_size > 0 for p in paths)


# ----------------------------------------------------------------- figure functions of the notebooks


def _figure_checks(fig, tmp_path, name, rebuild=None):
    """Type, glyphs, width; and, when ``rebuild`` makes the same figure afresh, byte-identical files
    (as on a rebuild: each figure is drawn once per notebook run; constrained layout may shift by a
    fraction of a point when one figure object is saved repeatedly)."""
    from matplotlib.figure import Figure

    from matplotlib.axes import Axes

    if isinstance(fig, Axes):  # single-panel plot functions return their Axes
        fig = fig.figure
    assert isinstance(fig, Figure)
    width, _ = fig.get_size_inches()
    assert width == pytest.approx(plotting.COLUMN_WIDTH_IN)
    first = plotting.save_figure(fig, name, directory=tmp_path / "a")
    if rebuild is not None:
        second = plotting.save_figure(rebuild(), name, directory=tmp_path / "b")
        for one, two in zip(first, second):
            assert one.read_bytes() == two.read_bytes(), one.name
    assert plotting.missing_glyphs(fig) == []


def _mix():
    import pandas as pd

    return pd.DataFrame(
        {
            "category": ["adoption"] * 3 + ["accuracy"] * 3,
            "precision_class": ["exact", "lower bound", "vague"] * 2,
            "n": [5, 4, 1, 2, 6, 0],
            "share": [0.5, 0.4, 0.1, 0.25, 0.75, 0.0],
        }
    )


def test_plot_claim_inventory(themed, tmp_path):
    _figure_checks(plotting.plot_claim_inventory(_mix()), tmp_path, "fig01-test", lambda: plotting.plot_claim_inventory(_mix()))


def test_plot_functions_reject_empty_tables(themed):
    with pytest.raises(ValueError, match="empty"):
        plotting.plot_claim_inventory(_mix().iloc[0:0])


def test_plot_accuracy_gains(themed, tmp_path):
    import pandas as pd

    from ecoanalysis import analyses as analysis

    pairs = pd.DataFrame({"metric_en": ["a", "b"], "unit": ["percent"] * 2, "before": [80.0, 60.0], "after": [95.0, 80.0]})
    fig = plotting.accuracy_gains_figure(analysis.accuracy_changes(pairs))
    assert len(fig.axes) == 3
    _figure_checks(fig, tmp_path, "fig02-test")


def test_plot_ecosystem_scale_draws_bounds(themed, tmp_path):
    import numpy as np
    import pandas as pd

    scale = pd.DataFrame(
        {
            "subject_en": ["飞桨", "飞桨", "Gitee", "Gitee"],
            "metric_en": ["developers", "models", "developers", "enterprises"],
            "value": [3.2e6, 3.6e5, 5e6, 1000.0],
            "value_high": [np.nan] * 4,
            "precision_class": ["exact", "approximate", "lower bound", "vague"],
        }
    )
    make = lambda: plotting.plot_ecosystem_scale(scale)  # noqa: E731
    ax = make()
    assert ax.get_xscale() == "log"
    assert any(child.arrow_patch is not None for child in ax.texts if hasattr(child, "arrow_patch"))
    _figure_checks(ax, tmp_path, "fig03-test", make)


def test_plot_funding_readings(themed, tmp_path):
    from ecoanalysis import analyses as analysis

    fig = plotting.funding_readings_figure(analysis.implied_previous_share(62.3, 40.0), 62.3, 40.0, analysis.implied_counts(268, (95, 90, 100)))
    assert len(fig.axes) == 2
    _figure_checks(fig, tmp_path, "fig04-test")


def test_plot_timeline(themed, tmp_path):
    import pandas as pd

    from ecoanalysis import analyses as analysis

    timeline = pd.DataFrame(
        {
            "line": [1, 2, 3],
            "year": pd.array([2010, 2017, 2019], dtype="Int64"),
            "month": pd.array([None, 4, None], dtype="Int64"),
            "year_end": pd.array([None, None, 2021], dtype="Int64"),
            "subject_en": ["百度", "Apollo", "上海市"],
            "event_en": ["start", "opening", "action plan period"],
        }
    )
    make = lambda: plotting.plot_timeline(analysis.timeline_events(timeline))  # noqa: E731
    _figure_checks(make(), tmp_path, "fig05-test", make)


def test_plot_precision(themed, tmp_path):
    import numpy as np
    import pandas as pd

    from ecoanalysis import analyses as analysis

    claims = pd.DataFrame({"value": [3.2e6, 120000, 360000, 268, 5000, 17000, 1266], "unit": ["count"] * 7, "bound": ["eq"] * 7})
    mix = analysis.precision_mix(claims)
    heaping = analysis.round_number_heaping(claims)
    benford = analysis.benford_test(claims["value"])
    assert np.isclose(mix["share"].sum(), 1)
    make = lambda: plotting.precision_figure(mix, heaping, benford.table)  # noqa: E731
    fig = make()
    assert len(fig.axes) == 3
    _figure_checks(fig, tmp_path, "fig06-test", make)


def _platforms():
    import pandas as pd

    return pd.DataFrame(
        {
            "domain_en": ["autonomous driving", "intelligent speech", "smart home"],
            "host_en": ["Baidu", "iFlytek", "Xiaomi"],
            "host_kind": ["internet_platform", "ai_company", "device_maker"],
        }
    )


def test_plot_platform_hosts(themed, tmp_path):
    _figure_checks(plotting.plot_platform_hosts(_platforms()), tmp_path, "fig07-test")


def test_plot_functions_draw_on_the_axes_they_are_given(themed):
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(ncols=2)
    platforms = _platforms()
    assert plotting.plot_claim_inventory(_mix(), ax=left) is left
    assert plotting.plot_platform_hosts(platforms, ax=right) is right
    assert fig.axes == [left, right] and left.patches and right.lines
    plt.close(fig)


def test_save_figure_accepts_the_axes_a_plot_function_returns(themed, tmp_path):
    ax = plotting.plot_claim_inventory(_mix())
    (png,) = plotting.save_figure(ax, "fig01-axes", directory=tmp_path, formats=("png",))
    assert png.read_bytes() == plotting.save_figure(ax.figure, "fig01-axes", directory=tmp_path / "b", formats=("png",))[0].read_bytes()


def test_renamed_figure_functions_warn_and_name_the_replacement(themed):
    from ecoanalysis import analyses

    with pytest.warns(DeprecationWarning, match="funding_readings_figure"):
        fig = plotting.plot_funding_readings(analyses.implied_previous_share(62.3, 40.0), 62.3, analyses.implied_counts(268, (95,)))
    # The growth is recovered from the readings: the title quotes the stated 40 %.
    assert "growth of 40 % or more" in fig.axes[0].get_title(loc="left")


def test_multi_panel_figure_is_its_panel_functions_composed(themed, tmp_path):
    """accuracy_gains_figure draws nothing of its own: the same panels composed by hand give the same bytes."""
    import pandas as pd

    from ecoanalysis import analyses
    from ecoanalysis.plotting._axes import new_figure

    pairs = pd.DataFrame({"metric_en": ["a", "b"], "unit": ["percent"] * 2, "before": [80.0, 60.0], "after": [95.0, 80.0]})
    changes = analyses.accuracy_changes(pairs)
    by_hand, axes = new_figure(0.7 + 0.42 * len(changes), ncols=3, sharey=True)
    for index, (ax, measure) in enumerate(zip(axes, plotting.accuracy.GAIN_MEASURES)):
        assert plotting.plot_gain(changes, measure=measure, ax=ax, label_rows=index == 0) is ax
    one = plotting.save_figure(plotting.accuracy_gains_figure(changes), "fig02-one", directory=tmp_path, formats=("svg",))[0]
    two = plotting.save_figure(by_hand, "fig02-one", directory=tmp_path / "b", formats=("svg",))[0]
    assert one.read_bytes() == two.read_bytes()


def test_the_theme_sets_every_rcparam_seaborn_ticks_paper_would():
    # The style is written out so that kernels need not import seaborn; seaborn itself is the reference.
    import seaborn as sns

    from ecoanalysis.plotting import theme

    with matplotlib.rc_context():
        sns.set_theme(context="paper", style="ticks", palette=list(plotting.OKABE_ITO))
        matplotlib.rcParams.update(theme._house_rc(8.0, plotting.CJK_FONT_FAMILY))
        expected = dict(matplotlib.rcParams)
    with matplotlib.rc_context():
        plotting.set_theme()
        ours = dict(matplotlib.rcParams)
    assert expected.pop("image.cmap") == "rocket" and ours.pop("image.cmap") == "viridis"  # no figure draws an image
    assert ours == expected
