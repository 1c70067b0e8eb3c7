"""Read-only connections are bounded: a query that would allocate without end stops with one line
(issue #14 point 5), and the process stays near the configured memory limit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tracker.store import open_store

RUNAWAY = "select string_agg(repeat('x', 1000000), '') from range(100000)"  # ~100 GB of text


def test_a_runaway_read_stops_with_one_line_within_the_memory_limit(tmp_path: Path) -> None:
    db = tmp_path / "limits.duckdb"
    with open_store(db):
        pass  # an empty tracker database
    env = {**os.environ, "TRACKER_READ_MEMORY_LIMIT": "256MB", "TRACKER_READ_THREADS": "1"}
    peak_file = tmp_path / "peak"
    # the real CLI, in a process that records its own peak memory when it exits
    # VmHWM (peak RSS of this process image), not ru_maxrss: the latter survives exec and so
    # would report the size of the forking test process
    wrapper = (
        "import atexit, re, sys\n"
        "def peak():\n"
        "    status = open('/proc/self/status').read()\n"
        f"    open({str(peak_file)!r}, 'w').write(re.search(r'VmHWM:\\s+(\\d+)', status)[1])\n"
        "atexit.register(peak)\n"
        "from tracker.cli import main\n"
        "sys.argv = ['tracker', *sys.argv[1:]]\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", wrapper, "sql", RUNAWAY, "--db", str(db)],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ") and "memory" in lines[0].lower(), lines[0]
    # the interpreter with tracker's imports takes ~150-250 MB; the query adds at most the limit
    # (without it, DuckDB would allocate up to 80% of the machine's memory before failing)
    peak_mb = int(peak_file.read_text()) / 1024
    assert peak_mb < 256 + 300, peak_mb


def test_bad_memory_setting_is_one_line(tmp_path: Path) -> None:
    env = {**os.environ, "TRACKER_READ_MEMORY_LIMIT": "lots"}
    result = subprocess.run(
        [sys.executable, "-m", "tracker", "sql", "select 1", "--db", str(tmp_path / "x.duckdb")],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "Error: TRACKER_READ_MEMORY_LIMIT='lots' is not a memory size such as 512MB or 2GB"
    ]
