"""Concurrency with real processes: a reader (the dashboard's way: read-only, close at once)
while `tracker ingest` writes; a lock held by another process; two ingests at once."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tracker.store import open_store, run_readonly_sql

TRACKER = Path(sys.executable).with_name("tracker")


def _write_folder(folder: Path, count: int, tag: str) -> Path:
    folder.mkdir(parents=True)
    for i in range(count):
        (folder / f"{tag}-{i:04d}.txt").write_text(
            f"url: https://www.dw.com/{tag}/{i}\n---\nBericht {tag} {i}: rund {1000 + i}.000 "
            f"Soldaten sollen nach Angaben aus Seoul in Russland sein, hieß es am Tag {i}.\n",
            encoding="utf-8")
    return folder


def _ingest(folder: Path, db: Path, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(TRACKER), "ingest", str(folder), "--db", str(db), "--workers", "1", "--no-progress"],
        env={**os.environ, "TRACKER_BATCH_SIZE": "10", **env},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


READER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from tracker.errors import StoreError
    from tracker.store import open_store
    db, expected, how = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    limit, reads, refused, seen = time.monotonic() + 120, 0, 0, set()

    def count():
        if how == "dashboard":   # the dashboard's own loader, as the page runs it
            from tracker.dashboard.data import load_overview
            load_overview(Path(db))
        with open_store(db, read_only=True) as store:   # read-only, closed at once
            return int(store.query("select count(*) as n from articles")["n"][0])

    while expected not in seen and time.monotonic() < limit:   # until the ingest is complete
        try:
            seen.add(count())
        except StoreError as err:   # a typed one-line message ("refresh in a moment")
            assert "\\n" not in str(err), str(err)
            refused += 1
        reads += 1
        time.sleep(0.05)
    print(reads, refused, len(seen), max(seen))
""")


# "store": open_store's reads wait up to TRACKER_LOCK_TIMEOUT, so every read succeeds even
# against small, frequent write batches. "dashboard": the dashboard's own loader retries for about
# a second and then asks the user to refresh; against ingest's default batches (300 articles)
# nearly all of its reads succeed, and none fails with a raw DuckDB error.
@pytest.mark.parametrize(("how", "articles", "batch"), [("store", 150, "10"),
                                                        ("dashboard", 700, "")])
def test_reader_and_writer_both_succeed(
    tmp_path: Path, how: str, articles: int, batch: str
) -> None:
    if how == "dashboard":
        pytest.importorskip("tracker.dashboard.data")
    db = tmp_path / "shared.duckdb"
    with open_store(db):
        pass
    folder = _write_folder(tmp_path / "a", articles, "a")
    reader = subprocess.Popen([sys.executable, "-c", READER, str(db), str(articles), how],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    writer = _ingest(folder, db, TRACKER_BATCH_SIZE=batch)
    _, err = writer.communicate(timeout=180)
    out, reader_err = reader.communicate(timeout=200)
    assert writer.returncode == 0, err
    assert reader.returncode == 0, reader_err
    reads, refused, distinct_counts, last = map(int, out.split())
    assert last == articles
    assert distinct_counts >= 2  # the reader saw the table grow: it read between batches
    if how == "store":
        assert refused == 0
    else:
        assert refused * 4 <= reads, (refused, reads)
    assert run_readonly_sql(db, "select count(*) from articles")[1] == [(articles,)]


HOLDER = textwrap.dedent("""
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1])   # a write lock, as another program would hold it
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    con.close()
""")


def _hold_lock(db: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


def test_lock_that_lasts_is_reported_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "locked.duckdb"
    folder = _write_folder(tmp_path / "a", 2, "a")
    holder = _hold_lock(db, 20)
    try:
        started = time.monotonic()
        writer = _ingest(folder, db, TRACKER_LOCK_TIMEOUT="1.5")
        _, err = writer.communicate(timeout=60)
        waited = time.monotonic() - started
        reader = subprocess.run([str(TRACKER), "sql", "select 1", "--db", str(db)],
                                capture_output=True, text=True,
                                env={**os.environ, "TRACKER_LOCK_TIMEOUT": "0.5"})
    finally:
        holder.kill()
        holder.wait()
    assert writer.returncode == 2
    assert err == (f"Error: {db}: the database is in use by process {holder.pid}; gave up after "
                   f"1.5 s (wait for it to finish or raise TRACKER_LOCK_TIMEOUT)\n")
    assert waited >= 1.5
    assert reader.returncode == 2 and reader.stderr.count("\n") == 1
    assert "in use by process" in reader.stderr and "IO Error" not in reader.stderr


def test_lock_released_in_time_is_waited_for(tmp_path: Path) -> None:
    db = tmp_path / "busy.duckdb"
    folder = _write_folder(tmp_path / "a", 3, "a")
    holder = _hold_lock(db, 1.5)
    writer = _ingest(folder, db, TRACKER_LOCK_TIMEOUT="30")
    _, err = writer.communicate(timeout=60)
    holder.wait()
    assert writer.returncode == 0, err
    assert run_readonly_sql(db, "select count(*) from articles")[1] == [(3,)]


@pytest.mark.slow
def test_two_ingests_at_once(tmp_path: Path) -> None:
    db = tmp_path / "both.duckdb"
    first = _write_folder(tmp_path / "a", 120, "a")
    second = _write_folder(tmp_path / "b", 120, "b")
    # The second one also re-reads the first folder: overlapping writes must not duplicate.
    runs = [_ingest(first, db), _ingest(second, db), _ingest(first, db)]
    results = [run.communicate(timeout=180) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], [err for _, err in results]
    [(articles, distinct)] = run_readonly_sql(
        db, "select count(*), count(distinct article_id) from store.articles")[1]
    assert articles == distinct == 240
    [(claims, distinct_claims)] = run_readonly_sql(
        db, "select count(*), count(distinct claim_id) from store.claims")[1]
    assert claims == distinct_claims > 0
    with open_store(db) as store:  # the file is intact and still writable
        assert store.query("select count(*) as n from claims")["n"][0] == claims
