"""Ingest on a Dask cluster (2 worker processes on 127.0.0.1) gives the single-machine rows."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import polars as pl
import pytest

from tracker.errors import InputError
from tracker.ingest import ingest
from tracker.scale import ClusterError, dask_ingest, load_partitions
from tracker.scale.cluster import run_partitions
from tracker.synth import write_corpus

distributed = pytest.importorskip("distributed")

ARTICLE_ROWS = "SELECT * EXCLUDE (ingested_at) FROM articles ORDER BY article_id"
CLAIM_ROWS = "SELECT * FROM claims ORDER BY claim_id"
STORE_CLAIM_ROWS = "SELECT * FROM store.claims ORDER BY claim_id"


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """One LocalCluster for the module: 2 worker processes, loopback only, no dashboard."""
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=":0",
    )
    with cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, repo_root: Path) -> Path:
    """Synthetic articles (with syndicated copies), the bundled corpus when present, bad files."""
    root = tmp_path_factory.mktemp("corpus")
    write_corpus(root / "synth", 80, seed=11)
    bundled = repo_root / "data" / "articles"
    if bundled.is_dir():
        shutil.copytree(bundled, root / "bundled")
    (root / "bad").mkdir()
    (root / "bad" / "binary.txt").write_bytes(b"\x00\x01\x02" * 200)
    (root / "bad" / "broken.jsonl").write_text('{"text": "ok 12 Soldaten"\nnot json\n')
    return root


@pytest.fixture(scope="module")
def single_db(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("single") / "single.duckdb"
    ingest([corpus], db, workers=1, progress=False)
    return db


def rows(db: Path, sql: str) -> pl.DataFrame:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.sql(sql).pl()
    finally:
        con.close()


def duplicate_claim_ids(db: Path) -> int:
    sql = "SELECT claim_id FROM store.claims GROUP BY ALL HAVING count(*) > 1"
    return rows(db, sql).height


def assert_same_rows(db: Path, expected: Path) -> None:
    for sql in (ARTICLE_ROWS, CLAIM_ROWS, STORE_CLAIM_ROWS):
        got, want = rows(db, sql), rows(expected, sql)
        assert got.height > 0
        assert got.equals(want), (
            f"{sql}: {got.height} rows vs {want.height} from the single-machine ingest "
            f"(claim_ids stored twice: {duplicate_claim_ids(db)} here, "
            f"{duplicate_claim_ids(expected)} there)"
        )


def test_dask_ingest_gives_the_single_machine_rows(
    scheduler: str, corpus: Path, single_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "dask.duckdb"
    summary = dask_ingest([corpus], scheduler, db=db, partition_files=16)
    assert_same_rows(db, single_db)
    assert summary.unchanged >= 1  # the synthetic corpus holds syndicated copies
    assert duplicate_claim_ids(db) == 0


def test_dask_summary_counts_like_the_single_machine_ingest(
    scheduler: str, corpus: Path, tmp_path: Path
) -> None:
    single = ingest([corpus], tmp_path / "a.duckdb", workers=1, progress=False)
    on_dask = dask_ingest([corpus], scheduler, db=tmp_path / "b.duckdb", partition_files=7)
    assert (on_dask.files, on_dask.new, on_dask.unchanged, on_dask.failed) == (
        single.files, single.new, single.unchanged, single.failed,
    )
    assert on_dask.failed >= 2
    assert sorted(map(str, on_dask.errors)) == sorted(map(str, single.errors))
    again = dask_ingest([corpus], scheduler, db=tmp_path / "b.duckdb", partition_files=50)
    assert again.new == 0 and again.claims == 0


def test_parquet_partitions_load_to_the_single_machine_rows(
    scheduler: str, corpus: Path, single_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "parts"
    summary = dask_ingest([corpus], scheduler, out=out, partition_files=20)
    parts = sorted(p.name for p in (out / "claims").glob("*.parquet"))
    assert len(parts) >= 5 and parts == sorted(p.name for p in (out / "articles").glob("*"))
    assert not (tmp_path / "dask.duckdb").exists()
    db = tmp_path / "loaded.duckdb"
    first = load_partitions(out, db)
    assert first.new == rows(single_db, "SELECT count(*) AS n FROM articles")["n"][0]
    assert summary.claims >= first.claims
    assert_same_rows(db, single_db)
    second = load_partitions(out, db)
    assert (second.new, second.claims) == (0, 0)
    assert_same_rows(db, single_db)


def test_out_folder_must_be_new(scheduler: str, corpus: Path, tmp_path: Path) -> None:
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "x").write_text("")
    with pytest.raises(InputError, match="not an empty folder"):
        dask_ingest([corpus], scheduler, out=tmp_path / "used")


def test_results_come_back_in_input_order_with_bounded_work_in_flight(scheduler: str) -> None:
    partitions = [[] for _ in range(9)]
    with distributed.Client(scheduler) as client:
        results = list(run_partitions(client, partitions, in_flight=2))
    assert [r.index for r in results] == list(range(9))


def test_unreachable_scheduler_is_one_line(
    monkeypatch: pytest.MonkeyPatch, corpus: Path, tmp_path: Path
) -> None:
    monkeypatch.setenv("TRACKER_DASK_TIMEOUT", "0.5")
    with pytest.raises(ClusterError) as err:
        dask_ingest([corpus / "synth"], "tcp://127.0.0.1:9", db=tmp_path / "x.duckdb")
    assert "tcp://127.0.0.1:9: cannot reach the Dask scheduler" in str(err.value)
    assert "\n" not in str(err.value)


def test_cli_ingest_on_a_local_cluster_and_to_parquet(corpus: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from tracker.cli import cli

    runner = CliRunner()
    small = corpus / "synth" / "0000"
    db = tmp_path / "cli.duckdb"
    args = ["ingest", str(small), "--db", str(db), "--no-progress", "--workers", "2"]
    result = runner.invoke(cli, [*args, "--dask", "local"])
    assert result.exit_code == 0, result.output
    assert "80 files: " in result.output
    assert rows(db, "SELECT count(*) AS n FROM articles")["n"][0] > 0
    lonely = runner.invoke(cli, [*args, "--out", str(tmp_path / "parts")])
    assert lonely.exit_code == 2 and "--out needs --dask ADDRESS" in lonely.output
