"""fig08's data and plot: one mark per evidence row of a count claim, bands from the tolerance, Axes returned."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest

import ecoanalysis as eco
from ecoanalysis.analyses import corroboration as cr
from ecoanalysis.plotting.corroboration import VERDICT_COLOURS, plot_corroboration


@pytest.fixture(scope="module")
def tables():
    return eco.load_corroboration(), eco.load_evidence()


def test_marks_are_evidence_over_claim(tables):
    corroboration, evidence = tables
    marks = cr.corroboration_marks(corroboration, evidence)
    claims = corroboration.set_index("mention_id")
    joined = marks.merge(evidence[["evidence_id", "value"]], on="evidence_id")
    expected = joined["value"] / claims.loc[joined["mention_id"], "claim_value"].to_numpy()
    assert (joined["ratio"] - expected).abs().max() < 1e-12
    assert set(claims.loc[marks["mention_id"], "unit"]) <= {"count", "percent", "rank"}
    xuper = marks[marks["mention_id"] == "718:37 人:0"]
    assert xuper["band_low"].iloc[0] == pytest.approx(36.5 / 37) and xuper["band_high"].iloc[0] == pytest.approx(37.5 / 37)


def test_plot_draws_one_mark_per_row_and_returns_axes(tables):
    import matplotlib.pyplot as plt

    corroboration, evidence = tables
    marks = cr.corroboration_marks(corroboration, evidence)
    fig, ax = plt.subplots()
    returned = plot_corroboration(marks, ax=ax)
    assert returned is ax and ax.get_xscale() == "log"
    drawn = [line for line in ax.get_lines() if len(line.get_xdata()) == 1]
    assert len(drawn) == len(marks)
    assert len(ax.get_yticklabels()) == marks["claim"].nunique()
    plt.close(fig)


def test_plot_refuses_an_empty_table(tables):
    marks = cr.corroboration_marks(*tables)
    with pytest.raises(ValueError, match="empty table"):
        plot_corroboration(marks.iloc[0:0])
    assert set(VERDICT_COLOURS) == set(cr.VERDICT_ORDER)
