"""Evidence and corroboration tables on the real snapshots, and bad statements."""
from __future__ import annotations

import csv
import datetime
import gzip
import io
import shutil

import pandas as pd
import pytest

import ecoanalysis
import ecoanalysis.evidence.tables
from ecoanalysis import config
from ecoanalysis.evidence.statements import COLUMNS, StatementsError, read_statements
from ecoanalysis.evidence.tables import build_evidence

LEADS = config.ROOT.parent / "shared" / "evidence" / "leads.csv"


@pytest.fixture(scope="module")
def corroboration():
    return ecoanalysis.load_corroboration()


@pytest.fixture(scope="module")
def evidence():
    return ecoanalysis.load_evidence()


def test_at_least_twenty_claims_get_a_verdict(corroboration):
    assert (corroboration["verdict"] != "not_checkable").sum() >= 20


def test_every_verdict_names_its_evidence(corroboration, evidence):
    ids = set(evidence["evidence_id"])
    for row in corroboration.itertuples():
        listed = row.evidence_ids.split() if isinstance(row.evidence_ids, str) else []
        assert set(listed) <= ids and len(listed) == row.n_evidence
        assert set(evidence.loc[evidence["mention_id"] == row.mention_id, "evidence_id"]) == set(listed)


def test_claims_of_subjects_with_snapshots_are_all_examined(corroboration):
    claims = ecoanalysis.load_claims()
    expected = set(claims.loc[claims["subject_en"].isin(["XuperChain", "PaddlePaddle open-source community"]), "mention_id"])
    assert expected <= set(corroboration["mention_id"])


@pytest.mark.skipif(not LEADS.is_file(), reason="the shared leads file is not in this checkout")
def test_every_lead_is_examined(corroboration):
    claims = ecoanalysis.load_claims()
    with open(LEADS, encoding="utf-8", newline="") as handle:
        leads = list(csv.DictReader(handle))
    for lead in leads:
        line = int(lead["report_line"])
        surfaces = claims.loc[claims["line"] == line, "surface"].str.replace(" ", "")
        if lead["claim_surface"].replace(" ", "") in set(surfaces):
            assert line in set(corroboration["line"]), lead


def test_git_cannot_see_stars_and_forks(corroboration):
    stars = corroboration[corroboration["metric_en"].isin(["stars", "forks", "GitHub stars"])]
    assert len(stars) == 3 and set(stars["verdict"]) == {"not_checkable"}
    assert stars["summary"].str.contains("not recorded in a git history").all()


def test_xuperchain_contributors_match_an_independent_count(corroboration, evidence):
    rows = list(csv.DictReader(io.StringIO(gzip.decompress((config.EVIDENCE_DIR / "xuperchain+xuperchain.commits.csv.gz").read_bytes()).decode())))
    cutoff = datetime.datetime(2021, 1, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=8))).timestamp()
    authors = {r["author_key"] for r in rows if r["record"] == "commit" and int(r["committer_time"]) < cutoff} - {"bot"}
    mine = evidence[(evidence["mention_id"] == "718:37 人:0") & (evidence["scope"] == "xuperchain")]
    any_ref = len(authors)  # every snapshot commit is on a branch or tag: the any-ref count
    measured = mine.set_index("definition")["value"]
    assert measured["authors_any_branch"] <= any_ref and measured["authors_default_branch"] <= measured["authors_any_branch"]
    claim = corroboration.set_index("mention_id").loc["718:37 人:0"]
    assert (claim["tolerance_low"], claim["tolerance_high"]) == (36.5, 37.5)
    expected = {d: ("consistent" if v == 37 else "inconsistent") for d, v in measured.items()}
    assert mine.set_index("definition")["verdict"].to_dict() == expected


def _statements_copy(tmp_path, edit):
    directory = tmp_path / "evidence"
    shutil.copytree(config.EVIDENCE_DIR, directory)
    path = directory / "statements.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    edit(frame)
    frame.to_csv(path, index=False, lineterminator="\n")
    return directory, path


def test_bad_statements_are_all_reported_with_file_row_and_field(tmp_path):
    def edit(frame):
        frame.loc[0, "source_url"] = ""
        frame.loc[1, "published"] = ""
        frame.loc[2, "mention_id"] = "999:nothing:0"
        frame.loc[3, "published"] = "July 2017"
    directory, path = _statements_copy(tmp_path, edit)
    mentions = ecoanalysis.load_mentions()["mention_id"]
    with pytest.raises(StatementsError) as error:
        read_statements(path, mention_ids=mentions)
    problems = error.value.problems
    assert f"{path}:2: field source_url: missing" in problems
    assert f"{path}:3: field published: missing" in problems
    assert f"{path}:4: field mention_id: '999:nothing:0' is not a mention of the report" in problems
    assert f"{path}:5: field published: 'July 2017' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)" in problems
    assert any(p.startswith(f"{path}: sha256 is ") and "statements.meta.json field sha256 records" in p for p in problems)


def test_bad_statements_stop_the_evidence_build(tmp_path):
    directory, _ = _statements_copy(tmp_path, lambda frame: frame.__setitem__("source_url", ""))
    shutil.copy(config.MANIFEST_PATH, tmp_path / config.MANIFEST_PATH.name)
    claims = ecoanalysis.load_claims()
    with pytest.raises(ecoanalysis.RawDataChanged):  # the edited copy no longer matches the manifest
        build_evidence(claims, directory=directory)
    (tmp_path / config.MANIFEST_PATH.name).unlink()
    with pytest.raises(StatementsError, match="field source_url: missing"):
        build_evidence(claims, directory=directory)


def test_statement_columns_are_the_documented_schema():
    with open(config.EVIDENCE_DIR / "statements.csv", encoding="utf-8", newline="") as handle:
        assert tuple(next(csv.reader(handle))) == COLUMNS


def test_bad_checks_are_all_reported(tmp_path):
    directory = tmp_path / "evidence"
    shutil.copytree(config.EVIDENCE_DIR, directory)
    path = directory / "checks.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[0, "definitions"] = "first_comit"
    frame.loc[1, "scope"] = "nowhere"
    frame.loc[2, "mention_id"] = "1:none:0"
    frame.to_csv(path, index=False, lineterminator="\n")
    claims = ecoanalysis.load_claims()
    with pytest.raises(StatementsError) as error:
        build_evidence(claims, mention_ids=ecoanalysis.load_mentions()["mention_id"], directory=directory)
    assert error.value.problems[:3] == [
        f"{path}:2: field definitions: unknown counting definition 'first_comit'",
        f"{path}:3: field scope: 'nowhere' is not a scope of scopes.csv (" + ", ".join(ecoanalysis.evidence.tables.read_scopes(directory / "scopes.csv")) + ")",
        f"{path}:4: field mention_id: '1:none:0' is not a mention of the report",
    ]


def test_an_earlier_lower_count_does_not_contradict_a_cumulative_claim(evidence, corroboration):
    # 9,364 AI patent applications counted to October 2020 against 超过 1 万项 in a 2021 report: growth, not contradiction.
    earlier = evidence[(evidence["mention_id"] == "515:超过 1 万项:0") & (evidence["value"] == 9364)]
    assert earlier["verdict"].tolist() == ["not_checkable"] and "no contradiction" in earlier["note"].iloc[0]
    # The same figure dated inside the claim's year would contradict it: Apollo's 55,000 developers of April 2021.
    same_year = evidence[(evidence["mention_id"] == "650:65000 多名:0") & (evidence["source_date"] == "2021-04-16")]
    assert same_year["verdict"].tolist() == ["inconsistent"]
