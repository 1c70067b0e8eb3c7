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
