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
