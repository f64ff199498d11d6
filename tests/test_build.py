"""The claims dataset build: complete failure reports, all-or-nothing writes, byte-identical rebuilds.

Most tests build from the real report and the real engine with a codebook generated in ``tmp_path``
(every mention coded as noise, except a few claims), so they work before ``data/raw/codebook.csv``
exists. Tests marked ``needs_real_codebook`` check facts of the report that only the hand-written
codebook can establish; they are skipped until it exists. Nothing here writes to ``data/processed/``.
"""
from __future__ import annotations

import hashlib
import io
import json
import math
import os
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecoanalysis import _measures, _text, config
from ecoanalysis import coding as cb

pytest.importorskip("ecoanalysis.engine", reason="the build needs the quantity engine")

from ecoanalysis import _atomic  # noqa: E402
from ecoanalysis.dataset import pipeline, schemas  # noqa: E402
from ecoanalysis.mentions import extract_mentions  # noqa: E402


from ecoanalysis import dataset as build

needs_real_codebook = pytest.mark.skipif(not config.CODEBOOK_PATH.exists(), reason="data/raw/codebook.csv not written yet")


# ---------------------------------------------------------------------------------------------------
# Derived measures (pure functions)
# ---------------------------------------------------------------------------------------------------


def test_measures_of_the_shandong_power_example():
    assert _measures.percentage_point_change(80, 95) == 15
    assert _measures.relative_error_reduction(80, 95) == pytest.approx(0.75)
    assert _measures.relative_error_reduction(70, 90) == pytest.approx(2 / 3)
    assert _measures.log_odds_change(80, 95) == pytest.approx(math.log(19) - math.log(4))
    assert _measures.relative_change(60, 80) == pytest.approx(1 / 3)


def test_a_range_counts_at_its_midpoint_and_durations_get_a_relative_change():
    before = _measures.midpoint(6, 8)
    assert before == 7 and _measures.midpoint(2, math.nan) == 2 and _measures.midpoint(2, None) == 2
    assert _measures.relative_change(before, 2) == pytest.approx(-5 / 7)


def test_undefined_measures_are_nan():
    assert math.isnan(_measures.relative_error_reduction(100, 100))
    assert math.isnan(_measures.log_odds_change(0, 50))
    assert math.isnan(_measures.log_odds_change(50, 100))
    assert math.isnan(_measures.relative_change(0, 5))


@given(st.floats(0, 99.9), st.floats(0, 100))
def test_error_reduction_is_the_point_change_over_the_remaining_errors(before, after):
    expected = (after - before) / (100 - before)
    assert _measures.relative_error_reduction(before, after) == pytest.approx(expected)
    assert _measures.relative_error_reduction(before, after) <= 1 + 1e-12


@given(st.floats(0.1, 99.9), st.floats(0.1, 99.9))
def test_log_odds_change_is_antisymmetric(before, after):
    assert _measures.log_odds_change(before, after) == pytest.approx(-_measures.log_odds_change(after, before), abs=1e-9)


def test_float_formatting_is_exact_and_short():
    assert _text.format_number(3_200_000.0) == "3200000"
    assert _text.format_number(62.3) == "62.3"
    assert _text.format_number(0.1 + 0.2) == repr(0.1 + 0.2)
    assert _text.format_number(math.nan) == "" and _text.format_number(pd.NA) == ""
    for value in (1 / 3, 1e-7, 2.5e20):
        assert float(_text.format_number(value)) == value


# ---------------------------------------------------------------------------------------------------
# Builds from the real report with a generated codebook
# ---------------------------------------------------------------------------------------------------


def _snapshot(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir()) if path.is_file()}


@pytest.fixture(scope="module")
def mentions(report) -> pd.DataFrame:
    return cb.assign_mention_ids(extract_mentions(report))


@pytest.fixture(scope="module")
def generated_codebook(tmp_path_factory, mentions) -> Path:
    """A complete codebook: every mention noise, except the percentages of the mentions' first pair (if any)."""
    template = cb.codebook_template(mentions, kind="noise")
    if "pair_id" in mentions.columns and mentions["pair_id"].notna().any():
        first_pair = mentions["pair_id"].dropna().iloc[0]
        members = mentions.index[mentions["pair_id"] == first_pair]
        template.loc[members, ["kind", "category", "subject", "subject_en", "metric_en"]] = [
            "claim", "accuracy", "山东电力 AI 中台", "State Grid Shandong AI middle platform", "recognition accuracy"
        ]
    path = tmp_path_factory.mktemp("codebook") / "codebook.csv"
    template.to_csv(path, index=False, lineterminator="\n")
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory, report, generated_codebook) -> build.BuildResult:
    return build.build(report=report, codebook=generated_codebook, out_dir=tmp_path_factory.mktemp("processed"), progress=False)


def _copy_of(built: build.BuildResult, tmp_path: Path) -> Path:
    out_dir = tmp_path / "processed"
    shutil.copytree(built.out_dir, out_dir)
    return out_dir


def test_build_writes_every_output(built):
    assert sorted(path.name for path in built.out_dir.iterdir()) == sorted(build.OUTPUT_FILES)
    assert not [path for path in built.out_dir.iterdir() if path.name.startswith(_atomic.TEMP_PREFIX)]
    counts = built.counts
    assert counts["mentions"] == counts["claim"] + counts["noise"] + counts["structural"] > 100
    assert built.summary.startswith(f"{counts['mentions']} mentions: {counts['claim']} claims, {counts['noise']} noise")


def test_a_rebuild_is_byte_identical(built, report, generated_codebook, tmp_path):
    again = build.build(report=report, codebook=generated_codebook, out_dir=tmp_path, progress=False)
    first, second = _snapshot(built.out_dir), _snapshot(again.out_dir)
    assert first.keys() == second.keys()
    different = [name for name in first if first[name] != second[name]]
    assert not different, f"not byte-identical: {different}"


def test_outputs_read_back_into_the_validated_tables(built):
    for name, table in built.tables.items():
        path = built.out_dir / schemas.TABLES[name].path
        pd.testing.assert_frame_equal(build.read_csv_table(name, path), table)
        assert path.read_bytes().endswith(b"\n") and b"\r\n" not in path.read_bytes()


def test_every_mention_is_in_the_mentions_table_in_reading_order(built, mentions):
    table = built.tables["mentions"]
    assert table["mention_id"].tolist() == mentions["mention_id"].tolist()
    assert table["char_start"].is_monotonic_increasing


def test_datapackage_agrees_with_the_models_and_the_files(built):
    package = json.loads((built.out_dir / build.DATAPACKAGE_NAME).read_text(encoding="utf-8"))
    assert [resource["name"] for resource in package["resources"]] == list(schemas.TABLES)
    for resource in package["resources"]:
        data = (built.out_dir / resource["path"]).read_bytes()
        assert resource["bytes"] == len(data)
        assert resource["hash"] == f"sha256:{hashlib.sha256(data).hexdigest()}"
        model = schemas.MODELS[resource["name"]].to_schema()
        assert resource["schema"]["primaryKey"] == model.unique
        assert [field["name"] for field in resource["schema"]["fields"]] == list(model.columns)
        for field in resource["schema"]["fields"]:
            column = model.columns[field["name"]]
            assert field["description"] == column.description
            assert field.get("unit") == column.metadata["unit"]
            assert field["constraints"]["required"] == (not column.nullable)
            isin = [check.statistics["allowed_values"] for check in column.checks if check.name == "isin"]
            assert field["constraints"].get("enum") == (list(isin[0]) if isin else None)
    source_hashes = {source["path"].rsplit("/", 1)[-1]: source["hash"] for source in package["sources"]}
    assert source_hashes[config.REPORT_PATH.name] == "sha256:" + hashlib.sha256(config.REPORT_PATH.read_bytes()).hexdigest()
    assert package["licenses"] and all(key in package for key in ("name", "title", "description", "version"))
    text = (built.out_dir / build.DATAPACKAGE_NAME).read_text(encoding="utf-8")
    assert text.endswith("}\n") and json.dumps(package, ensure_ascii=False, indent=2) + "\n" == text


def test_frictionless_validates_the_package_and_its_csv_files(built):
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(built.out_dir / build.DATAPACKAGE_NAME))
    messages = [error.message for task in report.tasks for error in task.errors] + [e.message for e in report.errors]
    assert report.valid, messages[:10]


def test_workbook_documents_the_data_and_formats_its_columns(built):
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.load_workbook(built.out_dir / build.WORKBOOK_NAME)
    assert workbook.sheetnames == ["README", *schemas.TABLES]
    readme = [cell for row in workbook["README"].iter_rows(values_only=True) for cell in row if cell is not None]
    sidecar = json.loads(config.REPORT_SIDECAR_PATH.read_text(encoding="utf-8"))
    assert sidecar["title_zh"] in readme and sidecar["title_en"] in readme
    for definitions in (cb.CATEGORY_DEFINITIONS, cb.CODING_RULES, cb.KIND_DEFINITIONS, cb.HOST_KIND_DEFINITIONS):
        assert set(definitions.values()) <= set(readme)
    for table in schemas.TABLES.values():
        assert {spec.description for spec in table.fields} <= set(readme)
        sheet = workbook[table.name]
        assert sheet.freeze_panes == "A2"
        assert [cell.value for cell in sheet[1]] == table.columns
        assert sheet.max_row == len(built.tables[table.name]) + 1
    platforms = workbook["platforms"]
    assert platforms.column_dimensions["B"].width > 8
    assert workbook.properties.created == build.WORKBOOK_TIMESTAMP


def test_platforms_table_has_the_15_platforms_of_table_1(built):
    platforms = built.tables["platforms"]
    assert platforms["number"].tolist() == list(range(1, 16))
    assert platforms.loc[0, ["host_zh", "host_en", "domain_zh"]].tolist() == ["百度公司", "Baidu", "自动驾驶"]
    assert platforms.loc[7, "host_zh"] == "360 公司"
    assert set(platforms["host_kind"]) == set(cb.HOST_KINDS)


def test_engine_footnotes_on_the_funding_sentence(built):
    """Raw text '…占总笔数的 62.3%，较上一年增长 40% 以上 4，': the marker sits after 40% 以上 and sources both."""
    mentions = built.tables["mentions"]
    funding_line = mentions[mentions["surface"].str.contains("62.3", regex=False)]
    assert len(funding_line) == 1
    assert funding_line["footnote"].iloc[0] == 4 and pd.isna(funding_line["footnote_marker"].iloc[0])
    over_40 = mentions[mentions["surface"].str.startswith("40%") & (mentions["line"] == funding_line["line"].iloc[0])]
    assert len(over_40) == 1 and over_40["footnote"].iloc[0] == 4 and over_40["footnote_marker"].iloc[0] == 4


def test_the_generated_pair_has_its_derived_measures(built):
    pairs = built.tables["accuracy_pairs"]
    if pairs.empty:
        pytest.skip("the engine pairs no mentions")
    pair = pairs.iloc[0]
    assert pair["subject"] == "山东电力 AI 中台"
    if pair["unit"] == build.PERCENT_UNIT:
        assert pair["pp_change"] == pytest.approx(pair["after"] - pair["before"])
        assert pair["relative_error_reduction"] == pytest.approx((pair["after"] - pair["before"]) / (100 - pair["before"]))


# ---------------------------------------------------------------------------------------------------
# Failures: named completely, and the previous outputs stay untouched
# ---------------------------------------------------------------------------------------------------


def _rows(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def test_a_deleted_codebook_row_names_the_orphaned_mention(built, report, generated_codebook, mentions, tmp_path):
    out_dir = _copy_of(built, tmp_path)
    before = _snapshot(out_dir)
    lines = _rows(generated_codebook)
    deleted = mentions.iloc[5]
    codebook = tmp_path / "codebook.csv"
    codebook.write_text("\n".join(lines[:6] + lines[7:]), encoding="utf-8")  # header + rows 0..4, skip row 5
    with pytest.raises(cb.CodebookError) as raised:
        build.build(report=report, codebook=codebook, out_dir=out_dir, progress=False)
    assert f"mention {deleted['mention_id']} has no codebook row" in str(raised.value)
    assert _snapshot(out_dir) == before


def test_a_corrupted_value_names_the_row_and_field(built, report, generated_codebook, tmp_path):
    out_dir = _copy_of(built, tmp_path)
    before = _snapshot(out_dir)
    template = pd.read_csv(generated_codebook, dtype=str, keep_default_na=False)
    position = int((template["value"] != "").idxmax())
    template.loc[position, "value"] = str(float(template.loc[position, "value"]) + 1)
    codebook = tmp_path / "codebook.csv"
    template.to_csv(codebook, index=False, lineterminator="\n")
    with pytest.raises(cb.CodebookError) as raised:
        build.build(report=report, codebook=codebook, out_dir=out_dir, progress=False)
    csv_row = position + cb.FIRST_DATA_ROW
    assert f"{codebook}:{csv_row}: value: the codebook says" in str(raised.value)
    assert _snapshot(out_dir) == before


def test_all_problems_come_in_one_error(built, report, generated_codebook, tmp_path):
    template = pd.read_csv(generated_codebook, dtype=str, keep_default_na=False)
    template.loc[0, "kind"] = "nois"
    template.loc[1, "kind"] = "claim"  # without category, subject or metric_en
    template = template.drop(index=2)
    codebook = tmp_path / "codebook.csv"
    template.to_csv(codebook, index=False, lineterminator="\n")
    with pytest.raises(cb.CodebookError) as raised:
        build.build(report=report, codebook=codebook, out_dir=tmp_path / "out", progress=False)
    problems = raised.value.problems
    assert any(":2: kind: 'nois'" in p for p in problems)
    assert sum(":3: " in p for p in problems) == 3
    assert any("has no codebook row" in p for p in problems)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_build_that_dies_before_the_renames_leaves_the_outputs_untouched(built, report, generated_codebook, tmp_path, monkeypatch):
    out_dir = _copy_of(built, tmp_path)
    before = _snapshot(out_dir)

    def die(*args, **kwargs):
        raise KeyboardInterrupt("killed while writing the workbook")

    monkeypatch.setattr(pipeline, "datapackage_bytes", die)
    with pytest.raises(KeyboardInterrupt):
        build.build(report=report, codebook=generated_codebook, out_dir=out_dir, progress=False)
    assert _snapshot(out_dir) == before


def test_publish_directory_is_all_or_nothing_when_a_check_fails(tmp_path):
    out_dir = tmp_path / "processed"
    out_dir.mkdir()
    for name in ("a.csv", "b.csv"):
        (out_dir / name).write_bytes(b"old\n")

    def reject_b(staged: Path, name: str) -> None:
        if name == "b.csv":
            raise ValueError("b is invalid")

    with pytest.raises(ValueError, match="b is invalid"):
        _atomic.publish_directory({"a.csv": b"new\n", "b.csv": b"new\n"}, out_dir, check=reject_b)
    assert _snapshot(out_dir) == {"a.csv": b"old\n", "b.csv": b"old\n"}
    assert sorted(path.name for path in tmp_path.iterdir()) == [".processed.lock", "processed"]

    _atomic.publish_directory({"a.csv": b"new\n", "b.csv": b"new\n"}, out_dir)
    assert _snapshot(out_dir) == {"a.csv": b"new\n", "b.csv": b"new\n"}


# A publication in a child process that SIGKILLs itself when it reaches step `kill_at` (counted from 0).
_KILLED_PUBLISH = """
import os, signal, sys
from pathlib import Path
from ecoanalysis import _atomic
out_dir, kill_at = Path(sys.argv[1]), int(sys.argv[2])
if sys.argv[3] == "no-exchange":
    _atomic._exchange = lambda first, second: False  # a system without renameat2(RENAME_EXCHANGE)
steps = []
def on_step(name):
    if len(steps) == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)
    steps.append(name)
new = {name: b"new " + name.encode() + b"\\n" for name in ("mentions.csv", "claims.csv", "ecoanalysis-claims.xlsx", "datapackage.json")}
_atomic.publish_directory(new, out_dir, check=lambda staged, name: None, on_step=on_step)
print(len(steps))
"""


@pytest.mark.parametrize("swap", ["exchange", "no-exchange"])
def test_a_kill_at_any_publishing_step_leaves_the_old_set_or_the_new_one(tmp_path, swap):
    import signal
    import subprocess
    import sys

    names = ("mentions.csv", "claims.csv", "ecoanalysis-claims.xlsx", "datapackage.json")
    old = {name: b"old " + name.encode() + b"\n" for name in names} | {"notes.txt": b"a user's file\n"}
    new = {name: b"new " + name.encode() + b"\n" for name in names} | {"notes.txt": b"a user's file\n"}

    def publish(out_dir: Path, kill_at: int) -> subprocess.CompletedProcess:
        command = [sys.executable, "-c", _KILLED_PUBLISH, str(out_dir), str(kill_at), swap]
        return subprocess.run(command, capture_output=True, text=True, timeout=60)

    (tmp_path / "first").mkdir()
    finished = publish(tmp_path / "first" / "processed", 10**6)  # a first publication into a new directory
    assert finished.returncode == 0, finished.stderr
    assert _snapshot(tmp_path / "first" / "processed") == {name: new[name] for name in names}
    outcomes = []
    kill_at = 0
    while True:
        out_dir = tmp_path / f"kill-{kill_at}" / "processed"
        out_dir.mkdir(parents=True)
        for name, data in old.items():
            (out_dir / name).write_bytes(data)
        result = publish(out_dir, kill_at)
        if swap == "no-exchange" and not out_dir.exists():
            # Killed between the two renames: no set at all (never a mix); the next build puts the old one back.
            _atomic.remove_stale(out_dir)
        seen = _snapshot(out_dir)
        assert seen in (old, new), (kill_at, seen)
        outcomes.append(seen == new)
        if result.returncode == 0:
            break
        assert result.returncode == -signal.SIGKILL, result.stderr
        _atomic.publish_directory({name: b"again" for name in names}, out_dir)  # the next build cleans up
        assert sorted(p.name for p in out_dir.parent.iterdir()) == [".processed.lock", "processed"], kill_at
        kill_at += 1
    assert kill_at >= len(names) + 3 and outcomes[0] is False and outcomes[-2] is True  # killed after the swap


def test_a_build_publishes_the_whole_set_through_one_swap(built, report, generated_codebook, tmp_path, monkeypatch):
    out_dir = _copy_of(built, tmp_path)
    (out_dir / f"{_atomic.TEMP_PREFIX}claims.csv.abc").write_bytes(b"left by a build killed before this version\n")
    stale = tmp_path / f".processed{_atomic.STAGING_MARK}old"
    stale.mkdir()
    steps = []
    monkeypatch.setattr(_atomic, "_no_step", steps.append)
    build.build(report=report, codebook=generated_codebook, out_dir=out_dir, progress=False)
    assert [step for step in steps if step.startswith("write ")] == [f"write {name}" for name in build.OUTPUT_FILES]
    assert steps.count("swap") == 1
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(build.OUTPUT_FILES)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".processed.lock", "processed"]


def test_a_read_only_processed_directory_is_one_clear_message(default_paths, capsys):
    default_paths.mkdir()
    default_paths.chmod(0o555)
    try:
        assert build.main(quiet=True) == 1
    finally:
        default_paths.chmod(0o755)
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert f"{default_paths}: directory is read-only (mode 0555)" in err
    assert list(default_paths.iterdir()) == []


def test_a_full_standard_output_fails_the_build_command_with_one_line(default_paths, monkeypatch, capsys):
    class Full(io.BytesIO):
        def write(self, data):
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(Full()))
    assert build.main(quiet=True) == 1
    err = capsys.readouterr().err
    assert err.strip() == "error: cannot write to standard output: No space left on device"


def test_an_edited_raw_sidecar_is_caught_before_the_build_reads_it(tmp_path, monkeypatch, report, generated_codebook):
    from ecoanalysis import _provenance

    raw = tmp_path / "raw"
    shutil.copytree(config.RAW_DIR, raw)
    sidecar = raw / config.REPORT_SIDECAR_PATH.name
    sidecar.write_text(sidecar.read_text(encoding="utf-8").replace('"year": 2021', '"year": 2022'), encoding="utf-8")
    monkeypatch.setattr(config, "RAW_DIR", raw)
    monkeypatch.setattr(config, "MANIFEST_PATH", raw / config.MANIFEST_PATH.name)
    monkeypatch.setattr(config, "REPORT_SIDECAR_PATH", sidecar)
    out_dir = tmp_path / "processed"
    with pytest.raises(_provenance.RawDataChanged, match=rf"{sidecar.name}: sha256 is "):
        build.build(report=report, codebook=generated_codebook, out_dir=out_dir, progress=False)
    assert not out_dir.exists()


# ---------------------------------------------------------------------------------------------------
# Loaders and the command line
# ---------------------------------------------------------------------------------------------------


@pytest.fixture
def default_paths(monkeypatch, tmp_path, generated_codebook):
    """Point the default codebook and processed directory at temporary files."""
    codebook = tmp_path / "codebook.csv"
    shutil.copyfile(generated_codebook, codebook)
    monkeypatch.setattr(config, "CODEBOOK_PATH", codebook)
    monkeypatch.setattr(config, "PROCESSED_DIR", tmp_path / "processed")
    return tmp_path / "processed"


def test_the_input_fingerprint_follows_contents_not_modification_times(default_paths):
    before = build.input_fingerprint()
    os.utime(config.CODEBOOK_PATH, (0, 0))
    assert build.input_fingerprint() == before  # a fresh clone's arbitrary mtimes do not make outputs stale
    with open(config.CODEBOOK_PATH, "a", encoding="utf-8") as handle:
        handle.write("\n")
    assert build.input_fingerprint() != before


def test_the_fingerprint_covers_every_module_and_every_manifest_file(tmp_path):
    """A module added anywhere in the package, or a raw file added to the manifest, changes the fingerprint."""
    package = tmp_path / "ecoanalysis"
    shutil.copytree(pipeline.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = build.input_fingerprint(package_dir=package)
    walked = {path.relative_to(package).as_posix() for path in build.code_files(package)}
    on_disk = {p.relative_to(package).as_posix() for p in package.rglob("*") if p.suffix in (".py", ".toml")}
    assert walked == on_disk and {"dataset/pipeline.py", "engine/lexicon.toml", "plotting/theme.py"} <= walked
    (package / "analyses" / "new_question.py").write_text("ANSWER = 42\n", encoding="utf-8")
    assert build.input_fingerprint(package_dir=package) != before
    (package / "analyses" / "new_question.py").unlink()
    assert build.input_fingerprint(package_dir=package) == before
    (package / "analyses" / "new_question.txt").write_text("notes\n", encoding="utf-8")
    assert build.input_fingerprint(package_dir=package) == before  # neither code nor data of the package
    listed = {path.resolve() for path in build.raw_inputs()}
    manifest = {(config.RAW_DIR / name).resolve() for name in _provenance_names()}
    assert manifest <= listed and config.CODEBOOK_PATH.resolve() in manifest


def _provenance_names() -> list[str]:
    """File names listed in data/raw/MANIFEST.sha256, read independently of the package."""
    lines = config.MANIFEST_PATH.read_text(encoding="utf-8").splitlines()
    return [line.split(maxsplit=1)[1].strip() for line in lines if line.strip()]


@pytest.fixture
def no_newer_inputs(monkeypatch, built):
    """Treat the fixture's build as current: the loaders must read it, not rebuild from the real codebook."""
    package = json.loads((built.out_dir / "datapackage.json").read_text(encoding="utf-8"))
    monkeypatch.setattr(pipeline, "input_fingerprint", lambda *args: package[build.FINGERPRINT_PROPERTY])


def test_loaders_return_validated_tables_with_declared_dtypes(built, no_newer_inputs):
    loaders = {
        "mentions": build.load_mentions, "claims": build.load_claims, "accuracy_pairs": build.load_accuracy_pairs,
        "platforms": build.load_platforms, "timeline": build.load_timeline,
    }
    for name, loader in loaders.items():
        table = loader(out_dir=built.out_dir)
        assert table.dtypes.astype(str).to_dict() == schemas.pandas_dtypes(name), name
        pd.testing.assert_frame_equal(table, built.tables[name])


def test_load_claims_filters_and_rejects_unknown_categories(built, no_newer_inputs):
    with pytest.raises(ValueError, match="unknown category 'popularity'; valid: adoption, scale, accuracy"):
        build.load_claims(category="popularity", out_dir=built.out_dir)
    claims = build.load_claims(category=["accuracy"], subject="山东电力 AI 中台", out_dir=built.out_dir)
    assert len(claims) == (built.tables["claims"]["category"] == "accuracy").sum()


def test_loaders_rebuild_missing_or_stale_outputs(default_paths):
    assert not build.outputs_are_current()
    mentions = build.load_mentions()  # builds into the (temporary) default directory
    assert build.outputs_are_current() and len(mentions) > 100
    (default_paths / "claims.csv").write_text("tampered\n", encoding="utf-8")
    assert not build.outputs_are_current()  # the hash in datapackage.json no longer matches
    build.load_claims()
    assert build.outputs_are_current()
    with open(config.CODEBOOK_PATH, "a", encoding="utf-8") as handle:
        handle.write("\n")  # a deliberate edit of an input, after the build
    assert not build.outputs_are_current()
    build.load_timeline()
    assert build.outputs_are_current()


def test_cli_entry_prints_the_summary(default_paths, capsys):
    assert build.main(quiet=True) == 0
    out = capsys.readouterr().out.strip()
    assert "\n" not in out and " mentions: " in out and " claims, " in out and " structural" in out


def test_cli_entry_fails_with_every_problem(default_paths, tmp_path, monkeypatch, capsys):
    broken = tmp_path / "broken.csv"
    broken.write_text(",".join(cb.CODEBOOK_COLUMNS) + "\n1,x,0,,noise,,,,,,,,\n", encoding="utf-8")
    monkeypatch.setattr(config, "CODEBOOK_PATH", broken)
    assert build.main(quiet=True) == 1
    err = capsys.readouterr().err
    assert "build failed" in err and "no mention 1:x:0" in err and "has no codebook row" in err


# ---------------------------------------------------------------------------------------------------
# Facts that need the real, hand-written codebook
# ---------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real(tmp_path_factory, report) -> build.BuildResult:
    if not config.CODEBOOK_PATH.exists():
        pytest.skip("data/raw/codebook.csv not written yet")
    return build.build(report=report, out_dir=tmp_path_factory.mktemp("real"), progress=False)


@needs_real_codebook
def test_paddle_developer_count_appears_twice_and_agrees(real):
    claims = real.tables["claims"]
    developers = claims[claims["surface"].str.startswith("320") & (claims["value"] == 3_200_000)]
    assert len(developers) == 2
    assert developers["metric_en"].nunique() == 1 and developers["category"].eq("adoption").all()


@needs_real_codebook
def test_shandong_power_pairs_and_their_measures(real):
    pairs = real.tables["accuracy_pairs"].set_index(["before", "after"])
    for before, after in ((80, 95), (70, 90), (60, 80)):
        pair = pairs.loc[(before, after)]
        assert pair["unit"] == build.PERCENT_UNIT and pair["category"] == "accuracy"
        assert "山东电力" in pair["subject"]
        assert pair["pp_change"] == after - before
        assert pair["relative_error_reduction"] == pytest.approx((after - before) / (100 - before))
    assert pairs.loc[(80, 95), "relative_error_reduction"] == pytest.approx(0.75)


@needs_real_codebook
def test_the_set_up_period_pair_counts_the_range_at_its_midpoint(real):
    pairs = real.tables["accuracy_pairs"]
    durations = pairs[pairs["unit"] == "duration"]
    assert len(durations) == 1
    pair = durations.iloc[0]
    # 一般需要 6 到 8 周 … 缩减到 2 周: the table shows what the report states; the change uses the midpoint, 7.
    assert (pair["before"], pair["before_high"], pair["after"]) == (6, 8, 2) and pd.isna(pair["after_high"])
    assert pair["relative_change"] == pytest.approx((2 - 7) / 7) and pd.isna(pair["pp_change"])


@needs_real_codebook
def test_the_b_round_share_is_a_2020_funding_claim_with_footnote_4(real):
    claims = real.tables["claims"]
    share = claims[claims["value"] == 62.3].iloc[0]
    assert share["category"] == "funding" and share["as_of"] == 2020
    # Footnote 4 (数据来源：中国信息通信研究院) sources the clause; its marker is glued to the next figure, 40% 以上 4.
    assert share["footnote"] == 4 and pd.isna(share["footnote_marker"])
    growth = claims[(claims["line"] == share["line"]) & (claims["value"] == 40)].iloc[0]
    assert growth["footnote"] == 4 and growth["footnote_marker"] == 4


@needs_real_codebook
def test_real_build_has_15_platforms_and_dated_events(real):
    assert len(real.tables["platforms"]) == 15
    assert len(real.tables["timeline"]) > 0


def test_git_ignores_what_a_killed_build_can_leave(tmp_path):
    import subprocess

    if shutil.which("git") is None or not (config.ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    leftovers = [
        f"data/.processed{_atomic.STAGING_MARK}k2j4/mentions.csv",
        f"data/.processed{_atomic.RETIRED_MARK}k2j4/mentions.csv",
        "data/.processed.lock",
        f"data/processed/{_atomic.TEMP_PREFIX}claims.csv.x1y2",
    ]
    result = subprocess.run(["git", "check-ignore", "--no-index", *leftovers], cwd=config.ROOT, capture_output=True, text=True)
    assert sorted(result.stdout.split()) == sorted(leftovers), result.stderr


def test_a_full_disk_while_publishing_is_one_line_and_keeps_the_previous_outputs(default_paths, monkeypatch, capsys):
    assert build.main(quiet=True) == 0
    before = _snapshot(default_paths)
    real_open = open

    def full_disk(path, mode="r", *args, **kwargs):
        if "x" in mode and _atomic.STAGING_MARK in str(path):
            raise OSError(28, "No space left on device", str(path))
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", full_disk)
    capsys.readouterr()
    assert build.main(quiet=True) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "No space left on device; the previous outputs are unchanged" in err, err
    monkeypatch.undo()
    assert _snapshot(default_paths) == before
    assert sorted(p.name for p in default_paths.parent.iterdir() if p.name.startswith(".processed")) == [".processed.lock"]
