"""Several processes creating the same new database at once: all succeed, none sees a half-made
file as "not a DuckDB database"."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

OPENER = """
import sys, time
from pathlib import Path
from tracker.store.connection import connect
start = float(sys.argv[2])
while time.time() < start:
    pass
connect(Path(sys.argv[1]), read_only=False).close()
"""


def test_processes_creating_one_database_together_all_succeed(tmp_path: Path) -> None:
    for round_ in range(6):
        db = tmp_path / f"new-{round_}.duckdb"
        start = time.time() + 1.5  # after every interpreter has started
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", OPENER, str(db), str(start)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(6)
        ]
        outcomes = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
        assert all(code == 0 for code, _ in outcomes), outcomes


def test_a_file_another_process_has_only_just_created_is_waited_for(tmp_path: Path) -> None:
    """The race above, made certain: the file is there but its header not yet written (empty),
    as a second process finds it; the opener waits until it is a database instead of calling it
    "not a DuckDB database file"."""
    import threading

    import duckdb

    from tracker.store.connection import connect

    db = tmp_path / "new.duckdb"
    db.touch()

    def finish() -> None:
        made = tmp_path / "made.duckdb"
        duckdb.connect(str(made)).close()
        made.replace(db)

    threading.Timer(0.4, finish).start()
    started = time.monotonic()
    connect(db, read_only=False, timeout=10).close()
    assert 0.3 <= time.monotonic() - started < 10
