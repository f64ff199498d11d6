"""data/raw/analysis_specs.toml: the report-specific choices of the analyses, checked with file and key."""
from __future__ import annotations

import importlib
import tomllib
import warnings

import pytest

import ecoanalysis as eco
from ecoanalysis import analyses as an
from ecoanalysis import config
from ecoanalysis.coding import HOST_KINDS


def _write(tmp_path, text: str):
    path = tmp_path / "analysis_specs.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_committed_specs_load_and_match_the_file():
    raw = tomllib.loads(config.ANALYSIS_SPECS_PATH.read_text(encoding="utf-8"))
    specs = an.load_specs()
    assert specs.ecosystem_subjects == tuple(raw["ecosystems"]["subjects"])
    assert [r.name for r in specs.ratios] == [r["name"] for r in raw["ecosystems"]["ratios"]]
    assert specs.timeline_years == (raw["timeline"]["start"], raw["timeline"]["end"])
    assert set(specs.host_kind_labels) == set(HOST_KINDS)


def test_every_selection_of_the_committed_specs_matches_the_claims():
    claims = eco.load_claims()
    specs = an.load_specs()
    for key, selection in {**specs.funding, "interval_claims": specs.interval_claims, "daily_volume": specs.daily_volume}.items():
        assert len(selection.apply(claims)) >= 1, key  # expect=... raises LookupError itself


def test_every_problem_is_reported_at_once_with_file_and_key(tmp_path):
    path = _write(tmp_path, """
[accuracy]
sample_sizes = [100, -5]
[accuracy.interval_claims]
equals = { unit = "percent" }
[ecosystems]
subjects = []
[[ecosystems.ratios]]
name = "x"
numerator = { subject_en = "A" }
[timeline]
start = "2010"
end = 2021
[hosts]
academic_markers = ["大学"]
[hosts.kind_labels]
university = "university"
""")
    with pytest.raises(an.AnalysisSpecsError) as caught:
        an.load_specs(path)
    message = str(caught.value)
    for key in ("accuracy.daily_volume", "accuracy.sample_sizes", "ecosystems.subjects", "ecosystems.categories", "ecosystems.ratios[0].denominator",
                "timeline.start", "funding.share", "hosts.kind_labels"):
        assert f"{path}: {key}:" in message, key


def test_invalid_toml_names_the_file(tmp_path):
    path = _write(tmp_path, "[accuracy\n")
    with pytest.raises(an.AnalysisSpecsError, match="not valid TOML"):
        an.load_specs(path)


def test_a_subject_without_size_claims_is_an_error_naming_the_key():
    specs = an.load_specs()
    wrong = type(specs)(**{**specs.__dict__, "ecosystem_subjects": (*specs.ecosystem_subjects, "AI Studio")})
    with pytest.raises(LookupError, match="ecosystems.subjects: \\['AI Studio'\\]"):
        an.scale_summary(eco.load_claims(), specs=wrong)


def test_old_constants_now_come_from_the_specs():
    specs = an.load_specs()
    assert an.RATIO_SPECS == specs.ratios
    assert an.ECOSYSTEM_SUBJECTS == specs.ecosystem_subjects
    assert an.ACADEMIC_HOST_MARKERS == specs.academic_markers


def test_the_old_analysis_module_warns_and_names_its_replacement():
    with warnings.catch_warnings():  # the first import warns too, unless another test imported it before
        warnings.simplefilter("ignore", DeprecationWarning)
        import ecoanalysis.analysis as old

    with pytest.warns(DeprecationWarning, match="ecoanalysis.analyses"):
        importlib.reload(old)
    assert old.select_claims is an.select_claims and old.RATIO_SPECS == an.RATIO_SPECS


def test_public_names_still_work_without_deprecation_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        names = [name for name in eco.__all__ if name != "analysis"]
        assert all(getattr(eco, name) is not None for name in names)
    assert eco.plotting.plot_timeline.__module__ == "ecoanalysis.plotting.timeline"
