"""One way to open the database: ``open_store`` with one retry policy, for CLI, dashboard, scale."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tracker.errors import StoreError
from tracker.store import StoreBusyError, open_store


def _hold(db: Path) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]);"
         " print('ok', flush=True); time.sleep(30)", str(db)],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
    return holder


def test_a_shorter_timeout_uses_the_same_policy(db_path: Path, monkeypatch) -> None:
    with open_store(db_path):
        pass
    monkeypatch.setenv("TRACKER_LOCK_TIMEOUT", "30")
    holder = _hold(db_path)
    try:
        started = time.monotonic()
        with pytest.raises(StoreBusyError) as err:
            open_store(db_path, read_only=True, lock_timeout=0.6)
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert 0.6 <= waited < 5
    assert isinstance(err.value, StoreError) and "\n" not in str(err.value)
    assert str(err.value).startswith(f"{db_path}: the database is in use by process {holder.pid}")
    assert "gave up after 0.6 s" in str(err.value)


def test_the_dashboard_asks_to_refresh_after_about_a_second(db_path: Path) -> None:
    dashboard = pytest.importorskip("tracker.dashboard.data")
    with open_store(db_path):
        pass
    holder = _hold(db_path)
    try:
        started = time.monotonic()
        with pytest.raises(StoreError) as err, dashboard.read_only(db_path):
            pass
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert not isinstance(err.value, StoreBusyError)
    assert str(err.value) == (f"{db_path}: another process (tracker ingest?) is writing; "
                              "refresh in a moment")
    assert dashboard.LOCK_TIMEOUT <= waited < 5


def test_the_dashboard_checks_the_schema_version(db_path: Path) -> None:
    dashboard = pytest.importorskip("tracker.dashboard.data")
    with open_store(db_path) as store:
        store.con.execute("INSERT INTO store.schema_version (version) VALUES (99)")
    with pytest.raises(StoreError, match="schema version 99"), dashboard.read_only(db_path):
        pass


def test_a_write_waits_for_a_read_of_another_thread_in_the_same_process(db_path: Path) -> None:
    """DuckDB refuses a connection with other settings while one is open in the same process
    (a dashboard rerun still reading while a review's callback writes); the write waits for the
    read to end, as for another process's lock, instead of failing."""
    import threading

    with open_store(db_path):
        pass
    reading, release = threading.Event(), threading.Event()

    def read() -> None:
        with open_store(db_path, read_only=True):
            reading.set()
            release.wait(5)

    reader = threading.Thread(target=read)
    reader.start()
    assert reading.wait(5)
    threading.Timer(0.4, release.set).start()
    started = time.monotonic()
    with open_store(db_path, lock_timeout=5) as store:
        assert not store.read_only
    reader.join()
    assert 0.3 <= time.monotonic() - started < 5
