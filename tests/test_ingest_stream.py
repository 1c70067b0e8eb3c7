"""Issue #14 point 1: streamed file discovery and frame batches from the workers give exactly the
rows of a one-process ingest, in input order (the first copy of a repeated text wins)."""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
from pathlib import Path

import duckdb

import tracker.ingest
from tracker.errors import StoreError
from tracker.ingest import IngestSummary, discover, ingest
from tracker.ingest.pipeline import BatchWriter, FrameBatch, supported


def test_streamed_discovery_is_the_sorted_order(tmp_path: Path) -> None:
    names = ["a/x.txt", "a-b.txt", "a.txt", "B.txt", "b/Z.md", "b/a/c.txt", "b/a.txt",
             ".hidden/x.txt", "c/.x.txt", "README.md", "c/readme.txt", "d/e/f/g.html",
             "x.docx", "y.TXT", "a/10.txt", "a/9.txt"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    expected = sorted(
        p for p in tmp_path.rglob("*")
        if p.is_file() and supported(p) and p.stem.lower() not in ("readme",)
        and not any(part.startswith(".") for part in p.relative_to(tmp_path).parts))
    assert list(discover([tmp_path])) == expected


def _rows(db: Path) -> tuple[list, list]:
    with duckdb.connect(str(db), read_only=True) as con:
        articles = con.execute("select * exclude (ingested_at) from store.articles "
                               "order by article_id").fetchall()
        claims = con.execute("select * from store.claims order by claim_id").fetchall()
    return articles, claims


def test_pool_gives_the_rows_of_one_process(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(90):
        j = i % 30  # texts repeat: the first copy must win
        body = (f"Rund {1000 + 7 * j}.000 Soldaten sollen nach Angaben aus Seoul in Russland "
                f"sein, hieß es am Tag {j}.")
        (folder / f"{i:03d}.txt").write_text(
            f"url: https://www.dw.com/a/{i}\nlanguage: de\n---\n{body}\n", encoding="utf-8")
    monkeypatch.setenv("TRACKER_BATCH_SIZE", "25")
    one = ingest([folder], tmp_path / "one.duckdb", workers=1, progress=False)
    two = ingest([folder], tmp_path / "two.duckdb", workers=2, progress=False)
    assert (one.files, one.new, one.unchanged, one.claims) == (
        two.files, two.new, two.unchanged, two.claims) == (90, 30, 60, one.claims)
    assert _rows(tmp_path / "one.duckdb") == _rows(tmp_path / "two.duckdb")


def test_forkserver_is_gone_before_the_corpus_pass(tmp_path: Path, monkeypatch) -> None:
    """Issue #14: the pool's forkserver holds the language data; the end-of-run pass over all
    claims (claimant merging, quantity assignment) must not run beside it."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(12):
        (folder / f"{i:02d}.txt").write_text(
            f"language: en\n---\nAbout {i + 2},000 troops were sent, officials said.\n",
            encoding="utf-8")
    seen: list[tuple[object, list]] = []
    assign = tracker.ingest.assign_quantities

    def recording(db: object) -> None:
        seen.append((multiprocessing.forkserver._forkserver._forkserver_pid,
                     multiprocessing.active_children()))
        assign(db)

    monkeypatch.setattr(tracker.ingest, "assign_quantities", recording)
    summary = ingest([folder], tmp_path / "t.duckdb", workers=2, progress=False)
    assert summary.new == 12
    assert seen == [(None, [])]


def _frames(start: int, count: int) -> FrameBatch:
    import polars as pl

    ids = [f"a{i}" for i in range(start, start + count)]
    return FrameBatch(articles=pl.DataFrame({"article_id": ids}),
                      claims=pl.DataFrame({"claim_id": ids}), article_count=count)


def test_background_writer_keeps_order_and_raises_a_failure_once(monkeypatch) -> None:
    monkeypatch.setenv("TRACKER_BATCH_SIZE", "2")
    written: list[list[str]] = []

    def write(self: BatchWriter, frames: list) -> None:
        ids = [i for articles, _ in frames for i in articles["article_id"]]
        if "a4" in ids:
            raise StoreError("t.duckdb: writing a batch failed, nothing of it was stored")
        written.append(ids)

    monkeypatch.setattr(BatchWriter, "_write", write)
    writer = BatchWriter(None, IngestSummary(), background=True)
    raised = 0
    for start in range(0, 12, 2):
        try:
            writer.add(_frames(start, 2))
        except StoreError:
            raised += 1
    try:
        writer.flush()
        writer.close()
    except StoreError:
        raised += 1
    assert raised == 1
    assert written == [["a0", "a1"], ["a2", "a3"]]  # in order; nothing after the failure


def _news(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        (folder / f"{i:03d}.txt").write_text(
            f"language: en\n---\nAbout {i + 2},000 troops were sent to the border on day {i}, "
            "officials said.\n", encoding="utf-8")


def _row_groups(db: Path, table: str) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select count(distinct row_group_id) "
                           f"from pragma_storage_info('store.{table}')").fetchall()[0][0]


def test_streaming_checkpoints_do_not_merge_row_groups_until_the_corpus_pass(
        tmp_path: Path, monkeypatch) -> None:
    """Issue #14 memory: each close of the writer checkpoints without merging row groups (that
    merge grew with the corpus); the checkpoint after the corpus pass merges them once."""
    import tracker.ingest.pipeline as pipeline

    _news(tmp_path / "in", 40)
    monkeypatch.setenv("TRACKER_BATCH_SIZE", "5")
    monkeypatch.setattr(pipeline, "HOLD_SECONDS", 0.0)  # closed (checkpointed) after each batch
    before_pass: list[int] = []
    assign = tracker.ingest.assign_quantities

    def recording(db: Path) -> None:
        before_pass.append(_row_groups(db, "articles"))
        assign(db)

    monkeypatch.setattr(tracker.ingest, "assign_quantities", recording)
    db = tmp_path / "t.duckdb"
    summary = ingest([tmp_path / "in"], db, workers=1, progress=False)
    assert summary.new == 40
    assert before_pass == [8]  # one row group per checkpointed batch of 5
    assert _row_groups(db, "articles") == 1


def test_corpus_pass_runs_again_with_the_full_limit_when_the_cap_is_too_small(
        tmp_path: Path, monkeypatch) -> None:
    article = Path(__file__).parent.parent / "data" / "articles" / "2024-12-20-dw-nis-100-tote.txt"
    capped = tmp_path / "capped.duckdb"
    ingest([article], capped, workers=1, progress=False)
    expected = _assignments(capped)
    assert expected
    limits: list[str] = []
    corpus_pass = tracker.ingest._corpus_pass

    def out_of_memory_once(con: duckdb.DuckDBPyConnection) -> None:
        limits.append(con.execute("select current_setting('memory_limit')").fetchall()[0][0])
        if len(limits) == 1:
            raise duckdb.OutOfMemoryException("Out of Memory Error: failed to allocate")
        corpus_pass(con)

    monkeypatch.setattr(tracker.ingest, "_corpus_pass", out_of_memory_once)
    monkeypatch.setenv("TRACKER_WRITE_MEMORY_LIMIT", "2GB")
    tracker.ingest.assign_quantities(capped)
    assert len(limits) == 2
    assert tracker.ingest.memory_bytes(limits[0].replace(" ", "")) < 300 * 2**20
    assert tracker.ingest.memory_bytes(limits[1].replace(" ", "")) > 1.5 * 2**30
    assert _assignments(capped) == expected


def _assignments(db: Path) -> list:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select * from store.assignments order by all").fetchall()


def test_memory_sizes_are_read_as_the_settings_write_them() -> None:
    from tracker.ingest import memory_bytes

    assert memory_bytes("256MB") == 256 * 10**6
    assert memory_bytes("4GB") == 4 * 10**9
    assert memory_bytes("1.5GiB") == int(1.5 * 2**30)
    assert memory_bytes("1000B") == 1000
    assert memory_bytes("512 mb") == 512 * 10**6
