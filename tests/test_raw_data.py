"""The immutable raw inputs: manifest checksums, the provenance sidecar, and that reading never writes."""
from __future__ import annotations

import hashlib
import json
import shutil

import pytest

from ecoanalysis import RawDataChanged, config, load_report
from ecoanalysis._provenance import read_manifest, verify_raw_dir

REPORT_SHA256 = "9702e44705d36c66694496465723b55ef9d6ee37b95ce458c3b060589de6cd6c"
REPORT_BYTES = 59141


def snapshot(directory):
    """``{name: (size, mtime_ns, sha256)}`` of every file in ``directory``."""
    return {
        path.name: (path.stat().st_size, path.stat().st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest())
        for path in sorted(directory.iterdir()) if path.is_file()
    }


def test_raw_dir_matches_manifest():
    recorded = verify_raw_dir()
    assert recorded[config.REPORT_PATH.name] == REPORT_SHA256
    assert config.REPORT_SIDECAR_PATH.name in recorded


def test_report_file_is_the_published_text():
    data = config.REPORT_PATH.read_bytes()
    assert len(data) == REPORT_BYTES
    assert hashlib.sha256(data).hexdigest() == REPORT_SHA256
    assert data.decode("utf-8").count("\n") == 1037


def test_sidecar_describes_the_report():
    meta = json.loads(config.REPORT_SIDECAR_PATH.read_text(encoding="utf-8"))
    assert meta["file"] == config.REPORT_PATH.name
    assert meta["title_zh"] == "科创驱动，融通发展：产业智能化生态研究报告"
    assert meta["title_en"].startswith("Innovation-driven, integrated development")
    assert [p["name_en"] for p in meta["producers"]] == ["China Academy of Information and Communications Technology", "Baidu AI Cloud"]
    assert meta["producers"][0]["abbreviation"] == "CAICT"
    assert meta["year"] == config.REPORT_YEAR == 2021
    assert meta["language"] == "zh-Hans" and meta["encoding"] == "utf-8"
    data = config.REPORT_PATH.read_bytes()
    assert meta["sha256"] == hashlib.sha256(data).hexdigest() == REPORT_SHA256
    assert meta["bytes"] == len(data) == REPORT_BYTES


def test_title_in_sidecar_is_the_cover_title(report):
    meta = json.loads(config.REPORT_SIDECAR_PATH.read_text(encoding="utf-8"))
    assert report.blocks[0].text == meta["title_zh"]


def test_modified_copy_is_reported_with_file_and_both_hashes(tmp_path):
    raw_copy = tmp_path / "raw"
    shutil.copytree(config.RAW_DIR, raw_copy)
    edited = raw_copy / config.REPORT_PATH.name
    edited.chmod(0o644)
    edited.write_bytes(edited.read_bytes().replace("27%3".encode(), "28%3".encode()))
    actual = hashlib.sha256(edited.read_bytes()).hexdigest()
    with pytest.raises(RawDataChanged) as from_dir:
        verify_raw_dir(raw_copy, raw_copy / "MANIFEST.sha256")
    with pytest.raises(RawDataChanged) as from_loader:
        load_report(edited)
    for error in (from_dir.value, from_loader.value):
        assert str(edited) in str(error)
        assert actual in str(error) and REPORT_SHA256 in str(error)


def test_unlisted_file_in_raw_dir_is_reported(tmp_path):
    raw_copy = tmp_path / "raw"
    shutil.copytree(config.RAW_DIR, raw_copy)
    (raw_copy / "stray.csv").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(RawDataChanged, match=r"stray\.csv: present but not listed"):
        verify_raw_dir(raw_copy, raw_copy / "MANIFEST.sha256")
    assert read_manifest(raw_copy / "MANIFEST.sha256") == read_manifest()


def test_loading_the_report_leaves_raw_data_unchanged():
    before = snapshot(config.RAW_DIR)
    load_report()
    load_report(verify=False)
    assert snapshot(config.RAW_DIR) == before


def test_a_build_and_the_loaders_leave_raw_data_unchanged(tmp_path):
    from ecoanalysis import dataset as claims

    before = snapshot(config.RAW_DIR)
    result = claims.build(out_dir=tmp_path, progress=False)
    claims.load_claims(out_dir=tmp_path)
    assert snapshot(config.RAW_DIR) == before
    assert all(path.parent == tmp_path for path in result.paths.values())
