"""The committed data/processed/ is exactly what the code builds from data/raw/ (a pure function)."""
from __future__ import annotations

import pytest

from ecoanalysis import config
from ecoanalysis import dataset as claims
from ecoanalysis.dataset import pipeline


def test_committed_outputs_were_built_from_the_current_raw_data_and_code():
    assert claims.outputs_are_current(config.ROOT / "data" / "processed"), (
        "data/processed/ is stale: its datapackage.json records other inputs or other file hashes; run `make`"
    )


def test_a_rebuild_reproduces_every_committed_output_byte_for_byte(tmp_path, report):
    result = claims.build(report=report, out_dir=tmp_path, progress=False)
    committed = config.ROOT / "data" / "processed"
    for name, path in sorted(result.paths.items()):
        assert path.read_bytes() == (committed / name).read_bytes(), f"{name} differs from the committed data/processed/{name}"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in committed.iterdir())


@pytest.mark.parametrize("loader", [claims.load_mentions, claims.load_claims, claims.load_accuracy_pairs, claims.load_platforms, claims.load_timeline])
def test_loaders_read_the_committed_tables_without_rebuilding(loader, monkeypatch):
    monkeypatch.setattr(pipeline, "build", lambda **kwargs: pytest.fail("a loader rebuilt current outputs"))
    assert len(loader(out_dir=config.ROOT / "data" / "processed")) > 0
