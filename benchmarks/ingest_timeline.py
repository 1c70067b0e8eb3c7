"""Where the wall time and the memory of one `tracker ingest` go, per process and per phase.

Runs the real CLI in a subprocess and samples its process tree every 20 ms: CPU seconds, RSS and
PSS of each process, with its role (main, forkserver, worker, other). Prints one JSON line:

- wall, CPU of each role, peak RSS/PSS of the tree (and of each role at the PSS peak);
- phases of the main process: until the first worker burns CPU (start-up, forkserver warm-up),
  the streaming phase (workers busy), and the tail after the last worker CPU tick (the final
  corpus pass, the last write);
- the serial share: wall seconds in which at most one process of the tree was busy.

``--pythonpath DIR`` runs another copy of the package (e.g. the code before a change, from
``git archive``), ``--runs N`` alternates the given worker counts N times (timing on a shared
machine is noisy: interleave, and read the load average printed beside each run).

    .venv/bin/python benchmarks/ingest_timeline.py benchmarks/out/corpus-10000 --workers 1,2
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

SAMPLE_SECONDS = 0.02


def role(proc: psutil.Process, main_pid: int) -> str:
    if proc.pid == main_pid:
        return "main"
    with contextlib.suppress(psutil.Error):
        if proc.ppid() != main_pid:
            return "worker"  # forked by the forkserver (or a Dask nanny)
        if "forkserver" in " ".join(proc.cmdline()):
            return "forkserver"
    return "other"


def trace(ticks: list[tuple[float, dict[int, float]]], roles: dict[int, str],
          width: float = 0.5) -> list[str]:
    """CPU use per role in bins of ``width`` seconds (1.0 = one core busy)."""
    rows, start = [], 0
    for i, (t, _) in enumerate(ticks):
        if t - ticks[start][0] >= width or i == len(ticks) - 1:
            (t0, c0), (t1, c1) = ticks[start], ticks[i]
            use: dict[str, float] = {}
            for pid, seconds in c1.items():
                name = roles.get(pid, "other")
                use[name] = use.get(name, 0) + (seconds - c0.get(pid, seconds)) / max(t1 - t0, 1e-9)
            rows.append(f"{t0:6.1f} " + " ".join(f"{k}={v:.2f}" for k, v in sorted(use.items())
                                                if v >= 0.05))
            start = i
    return rows


def measure(folder: str, workers: str, pythonpath: str | None, show: bool = False) -> dict:
    with tempfile.TemporaryDirectory(prefix="timeline-") as tmp:
        db = Path(tmp) / "t.duckdb"
        env = {**os.environ, **({"PYTHONPATH": pythonpath} if pythonpath else {})}
        load = os.getloadavg()[0]
        started = time.perf_counter()
        proc = psutil.Popen([sys.executable, "-m", "tracker", "ingest", folder, "--db", str(db),
                             "--no-progress", "--workers", workers], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        cpu: dict[int, float] = {}
        roles: dict[int, str] = {}
        ticks: list[tuple[float, dict[int, float]]] = []
        peak_pss = peak_rss = 0
        at_peak: dict[str, float] = {}
        while proc.poll() is None:
            now = time.perf_counter() - started
            rss = pss = 0
            by_role: dict[str, float] = {}
            with contextlib.suppress(psutil.Error):
                members = [proc, *proc.children(recursive=True)]
            for member in members:
                with contextlib.suppress(psutil.Error):
                    roles.setdefault(member.pid, role(member, proc.pid))
                    info = member.memory_full_info()
                    times = member.cpu_times()
                    cpu[member.pid] = times.user + times.system
                    rss += info.rss
                    pss += info.pss
                    name = roles[member.pid]
                    by_role[name] = by_role.get(name, 0) + info.pss / 1e6
            ticks.append((now, dict(cpu)))
            peak_rss = max(peak_rss, rss)
            if pss > peak_pss:
                peak_pss, at_peak = pss, {**by_role, "t": now}
            time.sleep(SAMPLE_SECONDS)
        wall = time.perf_counter() - started
        _, err = proc.communicate()
    if proc.returncode not in (0, 1):
        raise SystemExit(err[-2000:])
    if show:
        print("\n".join(trace(ticks, roles)), file=sys.stderr)
    worker_pids = {pid for pid, r in roles.items() if r == "worker"}
    busy_from = busy_to = None
    serial = 0.0
    for (t0, c0), (t1, c1) in zip(ticks, ticks[1:], strict=False):
        step = t1 - t0
        busy = [pid for pid in c1 if c1[pid] - c0.get(pid, c1[pid]) > 0.3 * step]
        if any(pid in worker_pids for pid in busy):
            busy_from = t0 if busy_from is None else busy_from
            busy_to = t1
        if len(busy) <= 1:
            serial += step
    cpu_by_role: dict[str, float] = {}
    for pid, seconds in cpu.items():
        cpu_by_role[roles.get(pid, "other")] = cpu_by_role.get(roles.get(pid, "other"), 0) + seconds
    return {
        "workers": workers, "wall_s": round(wall, 2), "load_before": round(load, 2),
        "load_after": round(os.getloadavg()[0], 2),
        "cpu_s": {k: round(v, 2) for k, v in cpu_by_role.items()},
        "peak_rss_mb": round(peak_rss / 1e6), "peak_pss_mb": round(peak_pss / 1e6),
        "pss_at_peak_mb": {k: round(v) for k, v in at_peak.items()},
        "until_workers_busy_s": round(busy_from or 0, 2),
        "workers_busy_s": round((busy_to or 0) - (busy_from or 0), 2),
        "tail_s": round(wall - (busy_to or wall), 2),
        "serial_s": round(serial, 2),
        "summary": err.strip().splitlines()[-1] if err.strip() else "",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--workers", default="1,2", help="worker counts to alternate")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--pythonpath", default=None)
    parser.add_argument("--label", default="")
    parser.add_argument("--trace", action="store_true", help="CPU per role every 0.5 s")
    args = parser.parse_args()
    for _ in range(args.runs):
        for workers in args.workers.split(","):
            result = measure(args.folder, workers, args.pythonpath, args.trace)
            result["label"] = args.label
            print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
