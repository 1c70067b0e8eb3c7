"""Crash safety: SIGKILL a real `tracker ingest` halfway; a rerun ends with exactly the rows of
a clean run (no duplicates, nothing missing)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tracker.errors import StoreError
from tracker.store import run_readonly_sql

TRACKER = Path(sys.executable).with_name("tracker")
FILES = 240
OUTLETS = ["www.spiegel.de", "www.bbc.co.uk", "apnews.com", "www.zeit.de", "www.dw.com"]


def _write_folder(folder: Path) -> None:
    folder.mkdir()
    for i in range(FILES):
        outlet = OUTLETS[i % len(OUTLETS)]
        troops = 1000 + 37 * i
        (folder / f"article-{i:04d}.txt").write_text(
            f"url: https://{outlet}/news/{i}\npublished: 2024-11-{1 + i % 28:02d}\n---\n"
            f"Report {i}: about {troops:,} North Korean soldiers are in Russia, and at least "
            f"{i + 3} were wounded, officials said on day {i}.\n", encoding="utf-8")


def _ingest_cmd(folder: Path, db: Path) -> list[str]:
    return [str(TRACKER), "ingest", str(folder), "--db", str(db), "--workers", "1",
            "--no-progress"]


def _env() -> dict[str, str]:
    # Small transactions, so a kill lands between and inside commits.
    return {**os.environ, "TRACKER_BATCH_SIZE": "10"}


def _snapshot(db: Path) -> dict[str, list[tuple]]:
    return {
        "articles": run_readonly_sql(db, "select article_id, outlet, url, published, lang, text "
                                         "from articles order by article_id")[1],
        "claims": run_readonly_sql(db, "select claim_id, article_id, quote, low, high, kind, "
                                       "quantity, \"start\", \"end\" from claims "
                                       "order by claim_id")[1],
        "duplicates": run_readonly_sql(
            db, "select (select count(*) - count(distinct article_id) from store.articles) + "
                "(select count(*) - count(distinct claim_id) from store.claims)")[1],
    }


def _articles_or_zero(db: Path) -> int:
    """Articles in a killed run's database; 0 when it died before the schema was written."""
    try:
        return len(_snapshot(db)["articles"]) if db.exists() else 0
    except StoreError:
        return 0


@pytest.mark.slow
def test_sigkill_halfway_then_rerun_equals_clean_run(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    _write_folder(folder)
    clean_db, crash_db = tmp_path / "clean.duckdb", tmp_path / "crash.duckdb"

    started = time.monotonic()
    subprocess.run(_ingest_cmd(folder, clean_db), env=_env(), check=True, capture_output=True)
    clean_seconds = time.monotonic() - started
    clean = _snapshot(clean_db)
    assert len(clean["articles"]) == FILES

    # Where the middle of the run falls depends on the machine's load (start-up and the
    # end-of-run pass take most of the time): bisect the kill delay until it lands inside.
    partial, early, late = None, 0.0, clean_seconds
    for _ in range(12):
        for leftover in tmp_path.glob("crash.duckdb*"):
            leftover.unlink()
        delay = (early + late) / 2
        process = subprocess.Popen(_ingest_cmd(folder, crash_db), env=_env(),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        partial = _articles_or_zero(crash_db)
        if 0 < partial < FILES:
            break
        if partial == 0:
            early = delay
        else:
            late = delay
    assert partial is not None and 0 < partial < FILES, "never killed halfway"

    rerun = subprocess.run(_ingest_cmd(folder, crash_db), env=_env(), capture_output=True,
                           text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{FILES - partial} new, {partial} unchanged" in rerun.stderr
    recovered = _snapshot(crash_db)
    assert recovered["duplicates"] == [(0,)]
    assert recovered["articles"] == clean["articles"]
    assert recovered["claims"] == clean["claims"]


@pytest.mark.slow
def test_a_killed_worker_is_reported_and_a_rerun_finishes(tmp_path: Path) -> None:
    """The OOM killer takes one worker of the pool: one clear line, exit 2, nothing lost."""
    psutil = pytest.importorskip("psutil")
    folder = tmp_path / "corpus"
    _write_folder(folder)
    db = tmp_path / "pool.duckdb"
    command = _ingest_cmd(folder, db)
    command[command.index("--workers") + 1] = "2"
    process = subprocess.Popen(command, env=_env(), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    victim = None
    deadline = time.monotonic() + 60
    while victim is None and time.monotonic() < deadline and process.poll() is None:
        # Workers are forked by the forkserver, the ingest's child: its grandchildren.
        for child in psutil.Process(process.pid).children():
            workers = child.children()
            if workers:
                victim = workers[0]
                break
        time.sleep(0.05)
    assert victim is not None, "no worker process seen"
    victim.kill()
    _, err = process.communicate(timeout=120)
    if process.returncode == 0:
        pytest.skip("the ingest finished before the worker was killed")
    assert process.returncode == 2
    assert err.strip().splitlines() == [
        "Error: a worker process died (killed, or out of memory?); what was stored is kept: "
        "run the same command again to finish"]
    rerun = subprocess.run(_ingest_cmd(folder, db), env=_env(), capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert _snapshot(db)["duplicates"] == [(0,)]
    assert len(_snapshot(db)["articles"]) == FILES
