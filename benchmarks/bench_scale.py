"""Scale benchmarks (issue #6): ingest throughput, speed-up, peak memory, bulk load, dashboard.

Run from a fresh clone with ``make bench-scale`` (or ``python benchmarks/bench_scale.py``).
Everything is written under ``benchmarks/out/`` (git-ignored): the synthetic corpora, the
databases, ``scale.json`` (raw numbers) and ``scale.md`` (the table for the README).

Method: every ingest is the real CLI in a subprocess (``tracker ingest`` end to end: start-up,
reading, extraction, DuckDB writes); wall time from start to exit; peak memory is the largest sum
of RSS over the process and all its children (pool or Dask workers), sampled every 20 ms.
The corpus is ``tracker synth`` output (seed 0), so every run sees the same files.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "benchmarks" / "out"
TRACKER = [sys.executable, "-m", "tracker"]
SAMPLE_SECONDS = 0.02

sys.path.insert(0, str(REPO / "benchmarks"))
from scale_parts import (  # noqa: E402
    dashboard_timings,
    extract_ratio,
    render_table,
    render_targets,
    timed_parquet_load,
)


def tree_sample(proc: psutil.Process, cpu: dict[int, float]) -> tuple[int, int]:
    """RSS and PSS of a process and all its descendants; records each one's CPU seconds in
    ``cpu`` (by pid, latest value), since pool and forkserver processes are not reaped by us.
    PSS shares a page among the processes mapping it: workers forked from a warmed forkserver
    share its language data, which a sum of RSS counts once per process."""
    rss = pss = 0
    for member in [proc, *proc.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            info = member.memory_full_info()
            rss += info.rss
            pss += getattr(info, "pss", info.rss)
            times = member.cpu_times()
            cpu[member.pid] = times.user + times.system
    return rss, pss


def run_measured(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Run ``cmd``; return wall seconds, CPU seconds of the process tree (sampled, so the last
    20 ms of each process are missed), the peak RSS of the tree, and the peak over the middle
    of the run (10-90 % of the wall time: the streaming phase, without start-up and the final
    whole-database statements) in MB."""
    cpu: dict[int, float] = {}
    started = time.perf_counter()
    proc = psutil.Popen(
        cmd, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )
    samples: list[tuple[float, int]] = []
    pss: list[int] = []
    while proc.poll() is None:
        rss, proportional = tree_sample(proc, cpu)
        samples.append((time.perf_counter() - started, rss))
        pss.append(proportional)
        time.sleep(SAMPLE_SECONDS)
    seconds = time.perf_counter() - started
    stdout, stderr = proc.communicate()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{stderr[-2000:]}")
    middle = [rss for t, rss in samples if 0.1 * seconds <= t <= 0.9 * seconds] or [0]
    return {
        "seconds": seconds,
        "cpu_seconds": sum(cpu.values()),
        "peak_rss_mb": max((rss for _, rss in samples), default=0) / 1e6,
        "steady_rss_mb": max(middle) / 1e6,
        "peak_pss_mb": max(pss, default=0) / 1e6,
        "log": (stdout + stderr).strip()[-400:],
    }


def corpus(articles: int) -> tuple[Path, int]:
    """The synthetic corpus of ``articles`` files (made once, reused) and its size in bytes."""
    folder = OUT / f"corpus-{articles}"
    if not folder.is_dir() or sum(1 for _ in folder.rglob("*.txt")) != articles:
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([*TRACKER, "synth", "--articles", str(articles), "--out", str(folder)],
                       check=True)
    return folder, sum(p.stat().st_size for p in folder.rglob("*.txt"))


def ingest_run(name: str, folder: Path, size: int, articles: int, extra: list[str],
               env: dict[str, str] | None = None, keep: bool = False) -> dict:
    db = OUT / f"{name}.duckdb"
    db.unlink(missing_ok=True)
    result = run_measured([*TRACKER, "ingest", str(folder), "--db", str(db), "--no-progress",
                           *extra], env)
    result.update(name=name, articles=articles, mb=size / 1e6,
                  articles_per_s=articles / result["seconds"],
                  mb_per_s=size / 1e6 / result["seconds"],
                  cpu_ms_per_article=1000 * result["cpu_seconds"] / articles)
    if not keep:
        db.unlink(missing_ok=True)
    print(f"{name}: {result['seconds']:.1f} s, {result['articles_per_s']:.0f} articles/s, "
          f"{result['mb_per_s']:.2f} MB/s, {result['cpu_ms_per_article']:.2f} CPU ms/article, "
          f"peak {result['peak_rss_mb']:.0f} MB RSS (steady {result['steady_rss_mb']:.0f} MB), "
          f"{result['peak_pss_mb']:.0f} MB PSS; load average {os.getloadavg()[0]:.2f}",
          flush=True)
    return result


def bench_ingest(articles: int) -> dict:
    folder, size = corpus(articles)
    cores = os.cpu_count() or 1
    runs = {
        "workers_1": ingest_run("ingest-workers-1", folder, size, articles, ["--workers", "1"]),
        "workers_all": ingest_run(f"ingest-workers-{cores}", folder, size, articles, []),
        "dask_1": ingest_run("ingest-dask-local-1", folder, size, articles,
                             ["--dask", "local"], {"TRACKER_DASK_WORKERS": "1"}),
        "dask_2": ingest_run("ingest-dask-local-2", folder, size, articles,
                             ["--dask", "local"], {"TRACKER_DASK_WORKERS": "2"}),
    }
    runs["cores"] = cores
    return runs


def bench_memory(articles: int) -> dict:
    folder, size = corpus(articles)
    result = ingest_run(f"memory-{articles}", folder, size, articles, [])
    result["load_before"] = os.getloadavg()[0]
    return result


def bench_load(articles: int, reuse: bool = False, previous: dict | None = None) -> dict:
    """Parquet partitions from ``tracker ingest --dask local --out`` over a synthetic corpus big
    enough for about a million claims, then ``tracker load`` into a new database (timed inside
    the command, which prints its own duration), then the same load again (idempotent).
    ``reuse`` keeps the partitions of an earlier run (and its production numbers)."""
    previous = previous or {}
    folder, size = corpus(articles)
    parts = OUT / f"parts-{articles}"
    if reuse and (parts / "claims").is_dir():
        produce = previous.get("produce", {})
    else:
        shutil.rmtree(parts, ignore_errors=True)
        produce = ingest_run(f"dask-out-{articles}", folder, size, articles,
                             ["--dask", "local", "--out", str(parts)])
    inside = timed_parquet_load(parts, OUT / "load-inprocess.duckdb")
    print(f"load_parquet: {inside}", flush=True)
    db = load_db(articles)
    db.unlink(missing_ok=True)
    first = run_measured([*TRACKER, "load", str(parts), "--db", str(db)])
    again = run_measured([*TRACKER, "load", str(parts), "--db", str(db)])
    claims = int(re.search(r"and ([\d,]+) claims", first["log"]).group(1).replace(",", ""))
    seconds = float(re.search(r"in ([\d.]+) s", first["log"]).group(1))
    print(f"load: {first['log']} | again: {again['log']}", flush=True)
    return {"produce": produce, "claims": claims, "load_seconds": seconds,
            "rows_per_s": claims / seconds, "command_seconds": first["seconds"],
            "insert_s": inside["insert_s"], "insert_rows_per_s": inside["rows_per_s"],
            "assign_s": inside["assign_s"],
            "log": first["log"], "reload_log": again["log"]}


def load_db(articles: int) -> Path:
    return OUT / f"load-{articles}.duckdb"


def machine() -> dict:
    return {
        "cpu": platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 1e9, 1),
        "python": platform.python_version(),
        "os": platform.platform(),
        "load_before": os.getloadavg()[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="corpus for throughput")
    parser.add_argument("--big", type=int, default=100_000, help="corpus for the memory run")
    parser.add_argument("--load-articles", type=int, default=140_000,
                        help="corpus whose Parquet partitions feed load + dashboard (~1M claims)")
    parser.add_argument("--reuse-parts", action="store_true",
                        help="load the Parquet partitions of an earlier run, do not remake them")
    parser.add_argument("--only", default="ingest,memory,load,dashboard,browser",
                        help="comma-separated parts to run (ingest, memory, load, dashboard, "
                             "browser; 'targets' alone prints the targets table of the saved "
                             "results)")
    parser.add_argument("--repeat", type=int, default=3, help="browser sessions to time")
    args = parser.parse_args()
    parts = set(args.only.split(","))
    OUT.mkdir(parents=True, exist_ok=True)
    results_file = OUT / "scale.json"
    results = json.loads(results_file.read_text()) if results_file.exists() else {}
    if parts != {"targets"}:
        results["machine"] = machine()
    if "ingest" in parts:
        results["ingest"] = bench_ingest(args.articles)
    if "memory" in parts:
        results["memory_small"] = (results["ingest"]["workers_all"] if "ingest" in parts
                                   else bench_memory(args.articles))
        results["memory_big"] = bench_memory(args.big)
    if "load" in parts:
        results["load"] = bench_load(args.load_articles, args.reuse_parts,
                                     results.get("load"))
    if "dashboard" in parts:
        results["dashboard"] = dashboard_timings(load_db(args.load_articles))
    if "browser" in parts:
        subprocess.run([sys.executable, str(REPO / "benchmarks" / "bench_dashboard_browser.py"),
                        "--db", str(load_db(args.load_articles)),
                        "--repeat", str(args.repeat)], check=False)
    results_file.write_text(json.dumps(results, indent=2, default=str))
    table = render_table(results)
    browser_file = OUT / "dashboard_browser.json"
    browser = json.loads(browser_file.read_text()) if browser_file.exists() else None
    targets = render_targets(results, browser, extract_ratio(OUT / "extract.txt"))
    (OUT / "scale.md").write_text(table + "\n" + targets)
    if parts != {"targets"}:
        print(table)
    print(targets)


if __name__ == "__main__":
    main()
